"""Claude calls in flight per Anthropic account, across processes, through Redis."""

from __future__ import annotations

import asyncio
import uuid

import pytest

from cvmatch_app.claude_engine.limits import AccountSlots, ClaudeLimiter
from tests.claude.conftest import run
from tests.support.factories import NURSE_CV, NURSE_JD

REDIS_URL = "redis://127.0.0.1:6379/0"


@pytest.mark.redis
def test_two_processes_share_the_accounts_limit(fake, make_engine):
    """Two engines with their own process limits (5 each) stand for two worker processes."""
    fake.latency = 0.3
    key = f"cvmatch:test:inflight:{uuid.uuid4().hex}"
    engines = [
        make_engine(limiter=ClaudeLimiter(5, AccountSlots(REDIS_URL, key, limit=3, lease_seconds=10))) for _ in range(2)
    ]

    async def job():
        calls = []
        for engine in engines:
            prepared = engine.prepare_job(NURSE_JD)
            calls += [engine.assess(prepared, NURSE_CV + f"\nref {i}", []) for i in range(6)]
        results = await asyncio.gather(*calls)
        left = await engines[0].limiter.account.in_flight()
        for engine in engines:
            await engine.aclose()
        return results, left

    results, left = run(job())
    assert len(results) == 12
    assert fake.max_in_flight == 3, "the account's limit holds across both 'processes'"
    assert left == 0, "every slot was given back"


@pytest.mark.redis
def test_a_crashed_holders_slot_expires():
    key = f"cvmatch:test:inflight:{uuid.uuid4().hex}"
    slots = AccountSlots(REDIS_URL, key, limit=1, lease_seconds=0.3)

    async def scenario():
        loop = asyncio.get_running_loop()
        assert await slots.acquire(loop.time() + 1) is not None  # never released: its holder "crashed"
        started = loop.time()
        token = await slots.acquire(loop.time() + 3)
        waited = loop.time() - started
        await slots.release(token)
        return waited

    assert 0.2 <= run(scenario()) < 1.5


def test_without_redis_the_process_limit_still_holds():
    slots = AccountSlots("redis://127.0.0.1:1/0", "cvmatch:test:nowhere", limit=1, lease_seconds=1)
    limiter = ClaudeLimiter(2, slots)

    async def scenario():
        loop = asyncio.get_running_loop()
        async with limiter.slot(loop.time() + 2):
            return limiter.in_flight

    assert run(scenario()) == 1
