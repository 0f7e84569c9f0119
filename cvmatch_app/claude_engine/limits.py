"""How many Claude calls may be in flight: per process (a semaphore) and per Anthropic API key
across every process of the deployment (a lease-based counter in Redis, when Redis is configured).

Anthropic's rate limits belong to the account, not to one worker: without the shared counter, ten
worker processes would each send ``claude_concurrency`` calls at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import random
import time
import uuid
import weakref
from collections.abc import AsyncIterator
from typing import Any

from .errors import ClaudeUnavailable

log = logging.getLogger("cvmatch.claude")

# Take a slot if fewer than ARGV[1] unexpired leases exist. Redis's own clock, so workers on
# machines whose clocks differ still agree; a crashed holder's lease simply expires.
_ACQUIRE_LUA = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[1]) then
  redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[3])
  redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]) * 2)
  return 1
end
return 0
"""


def account_key(api_key: str) -> str:
    """A Redis key naming the Anthropic account without storing its secret."""
    return "cvmatch:claude:inflight:" + hashlib.sha256(api_key.encode()).hexdigest()[:16]


class AccountSlots:
    """At most ``limit`` calls in flight for one API key across processes, through Redis."""

    def __init__(self, redis_url: str, key: str, limit: int, lease_seconds: float) -> None:
        self.redis_url = redis_url
        self.key = key
        self.limit = limit
        self.lease_ms = int(lease_seconds * 1000)
        self._clients: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, object] = weakref.WeakKeyDictionary()

    def _client(self) -> Any:  # redis.asyncio.Redis, whose commands redis-py types as sync-or-async unions
        import redis.asyncio as aioredis  # only deployments with Redis pay for the import

        loop = asyncio.get_running_loop()
        if loop not in self._clients:
            self._clients[loop] = aioredis.Redis.from_url(self.redis_url)
        return self._clients[loop]

    async def acquire(self, deadline: float) -> str | None:
        """A lease token, or None when Redis cannot be reached (the process limit still holds)."""
        token = uuid.uuid4().hex
        while True:
            try:
                taken = await self._client().eval(_ACQUIRE_LUA, 1, self.key, self.limit, self.lease_ms, token)
            except Exception as exc:  # noqa: BLE001 - a Redis outage must not stop scoring
                log.warning("Claude account limit skipped: Redis unreachable (%s)", exc)
                return None
            if taken:
                return token
            pause = random.uniform(0.05, 0.15)
            if time.monotonic() + pause >= deadline:
                raise ClaudeUnavailable("no free Claude slot for this Anthropic account before the deadline")
            await asyncio.sleep(pause)

    async def release(self, token: str) -> None:
        try:
            await self._client().zrem(self.key, token)
        except Exception as exc:  # noqa: BLE001 - the lease expires by itself
            log.warning("could not release a Claude slot in Redis (%s); its lease will expire", exc)

    async def in_flight(self) -> int:
        return int(await self._client().zcard(self.key))


class ClaudeLimiter:
    """Bounds in-flight calls and holds every caller back while Anthropic asked us to wait."""

    def __init__(self, process_limit: int, account: AccountSlots | None = None) -> None:
        self.process_limit = process_limit
        self.account = account
        self.in_flight = 0
        self.peak = 0
        self._paused_until = 0.0
        # asyncio primitives belong to one event loop; tests and tools may run several in turn.
        self._semaphores: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Semaphore] = (
            weakref.WeakKeyDictionary()
        )

    def _semaphore(self) -> asyncio.Semaphore:
        loop = asyncio.get_running_loop()
        if loop not in self._semaphores:
            self._semaphores[loop] = asyncio.Semaphore(self.process_limit)
        return self._semaphores[loop]

    def pause(self, seconds: float) -> None:
        """Anthropic said retry-after: no call on this account starts before then."""
        self._paused_until = max(self._paused_until, time.monotonic() + seconds)

    async def wait_if_paused(self, deadline: float) -> None:
        wait = self._paused_until - time.monotonic()
        if wait <= 0:
            return
        if time.monotonic() + wait >= deadline:
            raise ClaudeUnavailable(f"Anthropic asked to wait {wait:.0f}s, past this CV's deadline")
        await asyncio.sleep(wait)

    @contextlib.asynccontextmanager
    async def slot(self, deadline: float) -> AsyncIterator[None]:
        """Hold one call slot (process, then account) until the block ends."""
        semaphore = self._semaphore()
        try:
            await asyncio.wait_for(semaphore.acquire(), timeout=max(0.0, deadline - time.monotonic()))
        except TimeoutError:
            raise ClaudeUnavailable("no free Claude slot in this process before the deadline") from None
        try:
            token = await self.account.acquire(deadline) if self.account else None
            try:
                self.in_flight += 1
                self.peak = max(self.peak, self.in_flight)
                yield
            finally:
                self.in_flight -= 1
                if token is not None and self.account is not None:
                    await self.account.release(token)
        finally:
            semaphore.release()
