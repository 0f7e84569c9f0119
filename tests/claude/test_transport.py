"""Rate limits, overload, server errors, timeouts and account errors: retried or not, within a deadline."""

from __future__ import annotations

import asyncio
import time

import pytest

from cvmatch_app.claude_engine.client import RetryPolicy
from cvmatch_app.claude_engine.engine import FLAG_LOCAL_FALLBACK
from cvmatch_app.claude_engine.errors import ClaudeAccountError, ClaudeRequestError, ClaudeUnavailable
from cvmatch_app.claude_engine.limits import ClaudeLimiter
from tests.claude.conftest import assess_with, run
from tests.support.factories import DEVELOPER_CV, NURSE_CV, NURSE_JD
from tests.support.fake_anthropic import assessment, error, slow, spend_limit


def test_429_waits_as_long_as_retry_after_says(fake, make_engine):
    fake.script(error(429, "rate_limit_error", retry_after=1), assessment(70))
    result = run(assess_with(make_engine(), NURSE_JD, NURSE_CV))
    assert result.score == 70
    assert len(fake.requests) == 2
    assert fake.requests[1].started - fake.requests[0].finished >= 0.95


def test_a_retry_after_beyond_the_deadline_gives_up_at_once(fake, make_engine):
    fake.script(error(429, "rate_limit_error", retry_after=60))
    started = time.monotonic()
    with pytest.raises(ClaudeUnavailable, match="deadline"):
        run(assess_with(make_engine(), NURSE_JD, NURSE_CV))
    assert time.monotonic() - started < 2
    assert len(fake.requests) == 1


def test_529_overloaded_and_500_are_retried(fake, make_engine):
    fake.script(error(529, "overloaded_error"), error(500, "api_error"), error(503, "api_error"), assessment(61))
    assert run(assess_with(make_engine(), NURSE_JD, NURSE_CV)).score == 61
    assert len(fake.requests) == 4


def test_a_slow_answer_times_out_and_is_retried(fake, make_engine):
    policy = RetryPolicy(deadline_seconds=10, timeout_seconds=0.5, backoff_seconds=0.05)
    fake.script(slow(3), assessment(73))
    assert run(assess_with(make_engine(policy=policy), NURSE_JD, NURSE_CV)).score == 73
    assert len(fake.requests) == 2


def test_the_deadline_bounds_all_retries_of_one_cv(fake, make_engine):
    policy = RetryPolicy(deadline_seconds=2, timeout_seconds=0.6, backoff_seconds=0.05, max_attempts=50)
    fake.when(lambda request: True, slow(5))
    started = time.monotonic()
    with pytest.raises(ClaudeUnavailable):
        run(assess_with(make_engine(policy=policy), NURSE_JD, NURSE_CV))
    assert time.monotonic() - started < 4
    assert 2 <= len(fake.requests) <= 4


def test_errors_that_persist_give_up_after_the_attempts(fake, make_engine):
    fake.when(lambda request: True, error(500, "api_error", "Internal server error"))
    with pytest.raises(ClaudeUnavailable, match="500 api_error"):
        run(assess_with(make_engine(), NURSE_JD, NURSE_CV))
    assert len(fake.requests) == 6


@pytest.mark.parametrize(
    "reply",
    [
        spend_limit(),
        error(401, "authentication_error", "invalid x-api-key"),
        error(403, "permission_error", "Your API key does not have permission"),
        error(402, "billing_error", "Payment required"),
        error(400, "invalid_request_error", "You have reached your specified API usage limits."),
    ],
    ids=["credit-balance", "401", "403", "402", "usage-limit"],
)
def test_account_errors_are_never_retried(fake, make_engine, reply):
    fake.script(reply, assessment(70))
    with pytest.raises(ClaudeAccountError, match="not retried"):
        run(assess_with(make_engine(), NURSE_JD, NURSE_CV))
    assert len(fake.requests) == 1


def test_a_wrong_key_is_an_account_error(fake, make_engine):
    with pytest.raises(ClaudeAccountError, match="401"):
        run(assess_with(make_engine(api_key="sk-ant-wrong"), NURSE_JD, NURSE_CV))


@pytest.mark.parametrize(
    "reply",
    [error(404, "not_found_error", "model: claude-nonexistent"), error(400, "invalid_request_error", "bad field")],
    ids=["404", "400"],
)
def test_a_bad_request_is_not_retried(fake, make_engine, reply):
    fake.script(reply)
    with pytest.raises(ClaudeRequestError, match=str(reply.status)):
        run(assess_with(make_engine(), NURSE_JD, NURSE_CV))
    assert len(fake.requests) == 1


def test_an_account_error_falls_back_to_the_local_engine_when_configured(fake, make_engine):
    fake.script(spend_limit())
    result = run(assess_with(make_engine(fallback="local"), NURSE_JD, NURSE_CV))
    assert FLAG_LOCAL_FALLBACK in result.flags
    assert "credit balance is too low" in result.executive_summary
    assert result.usage == {"local_fallbacks": 1}


def test_one_failing_cv_does_not_disturb_the_others(fake, make_engine):
    fake.when(lambda request: "Sam Coder" in request.cv_text, error(500, "api_error"))
    engine = make_engine()

    async def job():
        prepared = engine.prepare_job(NURSE_JD)
        cvs = [NURSE_CV, DEVELOPER_CV, NURSE_CV + "\nref 2"]
        results = await asyncio.gather(*(engine.assess(prepared, cv, []) for cv in cvs), return_exceptions=True)
        await engine.aclose()
        return results

    first, developer, second = run(job())
    assert isinstance(developer, ClaudeUnavailable)
    assert first.score > 0 and second.score > 0


def test_concurrency_is_bounded_per_process(fake, make_engine):
    fake.latency = 0.3
    engine = make_engine(limiter=ClaudeLimiter(3))

    async def job():
        prepared = engine.prepare_job(NURSE_JD)
        results = await asyncio.gather(*(engine.assess(prepared, NURSE_CV + f"\nref {i}", []) for i in range(10)))
        await engine.aclose()
        return results

    results = run(job())
    assert len(results) == 10
    assert fake.max_in_flight == 3
    assert engine.limiter.peak == 3


def test_a_retry_after_holds_back_every_cv_of_the_account(fake, make_engine):
    fake.script(error(429, "rate_limit_error", retry_after=1))
    fake.latency = 0.1
    engine = make_engine()

    async def job():
        prepared = engine.prepare_job(NURSE_JD)
        first = asyncio.create_task(engine.assess(prepared, NURSE_CV, []))
        while not (fake.requests and fake.requests[0].finished):
            await asyncio.sleep(0.01)
        await asyncio.sleep(0.05)  # the 429 has arrived: a new CV must wait for the pause too
        second = asyncio.create_task(engine.assess(prepared, NURSE_CV + "\nref 2", []))
        await asyncio.gather(first, second)
        await engine.aclose()

    run(job())
    rate_limited = fake.requests[0]
    later = fake.requests[1:]
    assert len(later) == 2
    assert all(r.started >= rate_limited.finished + 0.9 for r in later)
