"""Fixtures for the Claude engine: the fake Anthropic server and engines pointed at it."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable, Coroutine, Iterator
from typing import Any

import pytest

from cvmatch_app.claude_engine import ClaudeEngine
from cvmatch_app.claude_engine.client import RetryPolicy
from cvmatch_app.claude_engine.limits import ClaudeLimiter
from tests.support.fake_anthropic import FakeAnthropic

FAST_POLICY = RetryPolicy(deadline_seconds=10, timeout_seconds=3, backoff_seconds=0.05, max_backoff_seconds=0.2)


@pytest.fixture(autouse=True)
def no_machine_anthropic_credentials(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    """Whatever the developer's shell or profile files hold, the SDK sees none of it."""
    for name in list(os.environ):
        if name.startswith("ANTHROPIC_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("ANTHROPIC_CONFIG_DIR", str(tmp_path / "no-anthropic-profiles"))


@pytest.fixture(scope="session")
def fake_server() -> Iterator[FakeAnthropic]:
    server = FakeAnthropic().start()
    yield server
    server.stop()


@pytest.fixture
def fake(fake_server: FakeAnthropic) -> FakeAnthropic:
    fake_server.latency = 0.0
    return fake_server.reset()


@pytest.fixture
def make_engine(fake: FakeAnthropic) -> Callable[..., ClaudeEngine]:
    def build(**overrides: Any) -> ClaudeEngine:
        options: dict[str, Any] = {
            "api_key": "test-key",
            "base_url": fake.url,
            "policy": FAST_POLICY,
            "fallback": "fail",
            "limiter": ClaudeLimiter(8),
        }
        options.update(overrides)
        return ClaudeEngine(**options)

    return build


def run(coroutine: Coroutine[Any, Any, Any]) -> Any:
    return asyncio.run(coroutine)


async def assess_with(engine: ClaudeEngine, jd: str, cv: str, flags: list[str] | None = None) -> Any:
    """One CV through the engine, closing the SDK client afterwards."""
    try:
        return await engine.assess(engine.prepare_job(jd), cv, flags or [])
    finally:
        await engine.aclose()
