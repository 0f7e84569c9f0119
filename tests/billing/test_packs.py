"""Credit packs from settings (CVMATCH_CREDIT_PACKS) and the billing switches, without a server."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError
from pydantic_settings import SettingsError

from cvmatch_app.config import Settings
from cvmatch_app.services import billing
from cvmatch_app.services.errors import BadRequest


def _use(monkeypatch: pytest.MonkeyPatch, **values: object) -> None:
    monkeypatch.setattr(billing, "get_settings", lambda: Settings(**values))


def test_default_packs_are_the_seeds(monkeypatch):
    _use(monkeypatch)
    assert [(p.id, p.credits, p.price, p.per_credit, p.name) for p in billing.packs()] == [
        ("pack_100", 100, "$1.00", "$0.010", "100 credits"),
        ("pack_500", 500, "$4.00", "$0.008", "500 credits"),
        ("pack_1000", 1000, "$7.00", "$0.007", "1,000 credits"),
    ]


def test_packs_come_from_cvmatch_credit_packs(monkeypatch):
    packs = [{"id": "pack_eu", "credits": 250, "amount_cents": 300, "currency": "eur", "plan": "api"}]
    monkeypatch.setenv("CVMATCH_CREDIT_PACKS", json.dumps(packs))
    monkeypatch.setattr(billing, "get_settings", Settings)
    (pack,) = billing.packs()
    assert (pack.id, pack.credits, pack.price, pack.per_credit, pack.plan) == ("pack_eu", 250, "€3.00", "€0.012", "api")
    assert billing.get_pack("pack_eu") == pack


@pytest.mark.parametrize(
    ("packs", "message"),
    [
        ([{"id": "a", "credits": 1, "amount_cents": 1}] * 2, "repeats a pack id"),
        ([{"id": "a", "credits": 0, "amount_cents": 100}], "greater than 0"),
        ([{"id": "a", "credits": 10, "amount_cents": 100, "plan": "free"}], "'starter' or 'api'"),
        ([{"id": "A pack", "credits": 10, "amount_cents": 100}], "pattern"),
    ],
)
def test_a_wrong_pack_configuration_is_refused_at_start_up(monkeypatch, packs, message):
    monkeypatch.setenv("CVMATCH_CREDIT_PACKS", json.dumps(packs))
    with pytest.raises(ValidationError, match=message):
        Settings()


def test_credit_packs_that_are_not_json_are_refused(monkeypatch):
    monkeypatch.setenv("CVMATCH_CREDIT_PACKS", "100 for $1")
    with pytest.raises(SettingsError, match="credit_packs"):
        Settings()


def test_unknown_pack_names_the_ones_on_sale(monkeypatch):
    _use(monkeypatch)
    with pytest.raises(BadRequest, match="pack_100, pack_500, pack_1000"):
        billing.get_pack("pack_42")


@pytest.mark.parametrize(
    ("key", "enabled", "live"),
    [("", False, False), ("sk_test_abc", True, False), ("sk_live_abc", True, True), ("rk_live_abc", True, True)],
)
def test_billing_is_on_with_a_key_and_live_with_a_live_key(monkeypatch, key, enabled, live):
    _use(monkeypatch, stripe_secret_key=key)
    assert (billing.billing_enabled(), billing.live_mode()) == (enabled, live)
