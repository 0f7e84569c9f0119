"""Choosing the engine, its settings, its credentials, and the pieces that need no server."""

from __future__ import annotations

import email.utils
import json
import time

import pytest

from cvmatch_app.claude_engine import ClaudeEngine
from cvmatch_app.claude_engine.assessment import UnusableOutput, parse_score
from cvmatch_app.claude_engine.client import make_client, retry_after_seconds
from cvmatch_app.config import Settings
from tests.claude.conftest import assess_with, run
from tests.support.factories import NURSE_CV, NURSE_JD


def test_settings_choose_the_engine_model_limits_and_fallback(monkeypatch):
    monkeypatch.setenv("CVMATCH_ENGINE", "claude")
    monkeypatch.setenv("ANTHROPIC_API_KEY", "sk-ant-from-env")
    monkeypatch.setenv("CVMATCH_CLAUDE_CONCURRENCY", "5")
    monkeypatch.setenv("CVMATCH_CLAUDE_DEADLINE_SECONDS", "40")
    monkeypatch.setenv("CVMATCH_CLAUDE_FALLBACK", "fail")
    settings = Settings()
    assert settings.claude_model == "claude-haiku-4-5"
    engine = ClaudeEngine.from_settings(settings)
    assert (engine.name, engine.model, engine.fallback) == ("claude", "claude-haiku-4-5", "fail")
    assert engine.limiter.process_limit == 5 and engine.limiter.account is None
    assert engine.policy.deadline_seconds == 40


def test_a_fallback_that_is_neither_local_nor_fail_is_refused(monkeypatch):
    monkeypatch.setenv("CVMATCH_CLAUDE_FALLBACK", "maybe")
    with pytest.raises(ValueError, match="claude_fallback"):
        Settings()


def test_claude_without_a_key_is_refused_with_a_clear_message():
    with pytest.raises(ValueError, match="ANTHROPIC_API_KEY"):
        ClaudeEngine.from_settings(Settings(engine="claude"))
    with pytest.raises(ValueError, match="ANTHROPIC_API_KEY"):
        make_client(api_key="")


def test_the_sdk_uses_only_the_configured_key(fake, make_engine, monkeypatch, tmp_path):
    """Keys in the environment or in an Anthropic profile on the machine are never picked up."""
    config_dir = tmp_path / "anthropic"
    (config_dir / "configs").mkdir(parents=True)
    (config_dir / "configs" / "default.json").write_text(json.dumps({"api_key": "sk-ant-profile"}))
    (config_dir / "active_config").write_text("default")
    monkeypatch.setenv("ANTHROPIC_CONFIG_DIR", str(config_dir))
    monkeypatch.setenv("ANTHROPIC_API_KEY", "sk-ant-environment")
    monkeypatch.setenv("ANTHROPIC_AUTH_TOKEN", "sk-ant-token")
    run(assess_with(make_engine(), NURSE_JD, NURSE_CV))
    assert [r.api_key for r in fake.requests] == ["test-key"]
    assert "x-api-key" not in fake.requests[0].headers or fake.requests[0].headers["x-api-key"] == "test-key"


@pytest.mark.parametrize(
    ("value", "expected"),
    [(0, 0), (100, 100), (72.4, 72), ("85", 85), ("85%", 85), ("70/100", 70), (101, 100), (-3, 0)],
)
def test_scores_that_can_be_read_safely(value, expected):
    assert parse_score(value)[0] == expected


@pytest.mark.parametrize("value", [None, True, "high", "", [80], {"value": 80}, 106, -6, 1e9, float("nan"), 0.5])
def test_scores_that_cannot(value):
    with pytest.raises(UnusableOutput):
        parse_score(value)


def test_retry_after_in_every_form_anthropic_uses():
    assert retry_after_seconds({"retry-after": "7"}) == 7
    assert retry_after_seconds({"retry-after-ms": "1500", "retry-after": "9"}) == 1.5
    date = email.utils.formatdate(time.time() + 30, usegmt=True)
    assert 28 <= retry_after_seconds({"retry-after": date}) <= 31
    assert retry_after_seconds({}) is None
