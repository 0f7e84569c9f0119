"""Item 8: credits come from the configured pack that matches what Stripe charged, never from metadata."""

from __future__ import annotations

import httpx

from tests.billing.helpers import account_state, jwt_headers, post_event
from tests.support.factories import make_account
from tests.support.fake_stripe import checkout_event, paid_checkout

COMPLETED = "checkout.session.completed"


def test_metadata_claiming_a_million_credits_for_a_dollar_credits_nothing(billing_server):
    account = make_account(plan="free", credits=0)
    forged = paid_checkout(user_id=account.user_id, pack_id="pack_1000", credits=1_000_000, amount_total=100)
    response = post_event(billing_server, checkout_event(COMPLETED, forged))
    assert response.status_code == 200  # genuine signature: Stripe must not retry it for three days
    assert response.json()["result"] == "amount_mismatch"
    assert account_state(account.user_id) == (0, "free")
    for wrong in (
        paid_checkout(user_id=account.user_id, pack_id="pack_100", amount_total=100, currency="eur"),
        paid_checkout(user_id=account.user_id, pack_id="pack_unknown", amount_total=100),
        paid_checkout(user_id=account.user_id, pack_id="pack_500", amount_total=None) | {"amount_total": "400"},
    ):
        assert post_event(billing_server, checkout_event(COMPLETED, wrong)).json()["result"] == "amount_mismatch"
    assert account_state(account.user_id) == (0, "free")
    assert "matches no configured pack" in billing_server.log_path.read_text(errors="replace")


def test_the_credits_are_the_packs_not_the_metadata(billing_server):
    account = make_account(plan="free", credits=0)
    inflated = paid_checkout(user_id=account.user_id, pack_id="pack_500", credits=1_000_000, plan="api")
    response = post_event(billing_server, checkout_event(COMPLETED, inflated))
    assert response.json()["result"] == "credited" and response.json()["credits"] == 500
    assert account_state(account.user_id) == (500, "starter")


def test_a_checkout_opened_through_the_sdk_credits_its_pack(billing_server, fake_stripe):
    account = make_account(credits=0)
    headers = jwt_headers(billing_server, account.email, account.password)
    opened = httpx.post(
        f"{billing_server.url}/api/billing/checkout", json={"pack_id": "pack_1000"}, headers=headers, timeout=30
    )
    session = fake_stripe.sessions[opened.json()["url"].rsplit("/", 1)[-1]]
    assert session["amount_total"] == 700
    response = post_event(billing_server, checkout_event(COMPLETED, session, payment_status="paid"))
    assert response.json()["result"] == "credited" and response.json()["credits"] == 1000
    assert account_state(account.user_id) == (1000, "starter")
