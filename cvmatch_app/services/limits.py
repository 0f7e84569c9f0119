"""Rate limits per API key and per account: a moving (sliding) window from the `limits` library.

In memory by default; on Redis when CVMATCH_REDIS_URL is set, so every replica shares one count.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from functools import lru_cache

from limits import RateLimitItemPerMinute
from limits.storage import Storage, storage_from_string
from limits.strategies import MovingWindowRateLimiter

from cvmatch_app.config import get_settings
from cvmatch_app.services import security_log
from cvmatch_app.services.errors import RateLimited


@dataclass
class RateLimitStatus:
    limit: int
    remaining: int
    reset_at: int  # unix seconds

    def headers(self) -> dict[str, str]:
        return {
            "X-RateLimit-Limit": str(self.limit),
            "X-RateLimit-Remaining": str(self.remaining),
            "X-RateLimit-Reset": str(self.reset_at),
        }


@lru_cache
def storage() -> Storage:
    """The counters' store: in memory, or Redis (shared by every replica) when CVMATCH_REDIS_URL is set."""
    store = storage_from_string(get_settings().redis_url or "memory://")
    if not isinstance(store, Storage):  # an async scheme ("async+redis://") would give an async store
        raise ValueError("CVMATCH_REDIS_URL must be a redis:// or rediss:// URL")
    return store


@lru_cache
def _limiter() -> MovingWindowRateLimiter:
    return MovingWindowRateLimiter(storage())


def limiter() -> MovingWindowRateLimiter:
    return _limiter()


def reset_limiter() -> None:
    _limiter.cache_clear()
    storage.cache_clear()


def seconds_until(reset_time: float) -> int:
    return max(1, int(math.ceil(reset_time - time.time())))


def hit(
    subject: str, *, per_minute: int | None = None, what: str = "requests per minute per API key"
) -> RateLimitStatus:
    """Count one request for ``subject``; raises RateLimited (429, Retry-After) past the limit."""
    limit = per_minute or get_settings().rate_limit_per_minute
    item = RateLimitItemPerMinute(limit)
    limiter = _limiter()
    allowed = limiter.hit(item, "api-key", subject)
    stats = limiter.get_window_stats(item, "api-key", subject)
    status = RateLimitStatus(limit=limit, remaining=max(0, stats.remaining), reset_at=int(math.ceil(stats.reset_time)))
    if not allowed:
        retry_after = seconds_until(stats.reset_time)
        security_log.event("rate_limited", subject=subject, limit=limit, retry_after=retry_after)
        raise RateLimited(
            f"Rate limit exceeded: {limit} {what}. Retry in {retry_after} seconds.",
            headers={**status.headers(), "Retry-After": str(retry_after)},
        )
    return status


def hit_key_and_account(*, key_id: int, user_id: int) -> RateLimitStatus:
    """Count one keyed request against its key and against its account (all the account's keys
    together), so that many keys do not multiply the limit. The headers show the tighter of the two."""
    settings = get_settings()
    key_status = hit(f"key:{key_id}")
    account_status = hit(
        f"account:{user_id}",
        per_minute=settings.account_rate_limit_per_minute,
        what="requests per minute per account (all its API keys together)",
    )
    return min(key_status, account_status, key=lambda status: status.remaining)
