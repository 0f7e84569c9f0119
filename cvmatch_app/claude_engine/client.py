"""The Anthropic SDK client, and one Messages API call with our own retry policy.

The SDK's retries are off (``max_retries=0``): ours honour ``retry-after`` across every caller on
the account, stop at the CV's overall deadline, and never retry authentication or spend-limit
errors, which no amount of waiting fixes.
"""

from __future__ import annotations

import asyncio
import email.utils
import logging
import random
import re
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import anthropic

from .errors import ClaudeAccountError, ClaudeRequestError, ClaudeUnavailable
from .limits import ClaudeLimiter

log = logging.getLogger("cvmatch.claude")
T = TypeVar("T")

_RETRYABLE_STATUS = {408, 409, 429, 500, 502, 503, 504, 529}
_ACCOUNT_STATUS = {401, 402, 403}
_ACCOUNT_TYPES = {"authentication_error", "permission_error", "billing_error"}
# Anthropic answers a spent balance or a reached spend limit with 400 invalid_request_error.
_SPEND_RE = re.compile(r"credit balance|spend(?:ing)? limit|usage limits?|billing", re.IGNORECASE)


def make_client(*, api_key: str, base_url: str = "", timeout: float = 30.0) -> anthropic.AsyncAnthropic:
    """An SDK client that uses exactly this key: never a profile file or another credential on the machine."""
    if not api_key:
        raise ValueError("CVMATCH_ENGINE=claude needs an Anthropic API key: set ANTHROPIC_API_KEY.")
    return anthropic.AsyncAnthropic(api_key=api_key, base_url=base_url or None, max_retries=0, timeout=timeout)


@dataclass(frozen=True)
class RetryPolicy:
    deadline_seconds: float = 90.0  # everything one CV may spend on Claude: calls, waits, retries
    timeout_seconds: float = 30.0  # one call
    max_attempts: int = 6
    backoff_seconds: float = 0.5  # doubled per retry, with jitter, when Anthropic gives no retry-after
    max_backoff_seconds: float = 8.0

    def backoff(self, attempt: int) -> float:
        return min(self.backoff_seconds * 2 ** (attempt - 1), self.max_backoff_seconds) * random.uniform(0.75, 1.0)


def retry_after_seconds(headers: Any) -> float | None:
    """``retry-after-ms``, ``retry-after`` in seconds, or as an HTTP date; None when absent."""
    if headers is None:
        return None
    for name, scale in (("retry-after-ms", 0.001), ("retry-after", 1.0)):
        value = headers.get(name)
        if value is None:
            continue
        try:
            return max(0.0, float(value) * scale)
        except ValueError:
            parsed = email.utils.parsedate_tz(value)
            if parsed is not None:
                return max(0.0, email.utils.mktime_tz(parsed) - time.time())
    return None


def _describe(exc: anthropic.APIStatusError) -> str:
    kind = exc.type or "error"
    message = (exc.api_message or "").strip()
    return f"Anthropic answered {exc.status_code} {kind}" + (f": {message[:160]}" if message else "")


def classify(exc: Exception) -> tuple[str, float | None]:
    """('retry' | 'account' | 'request', seconds Anthropic asked us to wait)."""
    if isinstance(exc, anthropic.APIConnectionError):  # includes timeouts
        return "retry", None
    if isinstance(exc, anthropic.APIStatusError):
        if (
            exc.status_code in _ACCOUNT_STATUS
            or exc.type in _ACCOUNT_TYPES
            or (exc.status_code == 400 and _SPEND_RE.search(exc.api_message or ""))
        ):
            return "account", None
        if exc.status_code in _RETRYABLE_STATUS or exc.status_code >= 500:
            return "retry", retry_after_seconds(exc.response.headers)
        return "request", None
    return "request", None


async def call_with_retries(
    call: Callable[[float], Awaitable[T]], *, limiter: ClaudeLimiter, policy: RetryPolicy, deadline: float
) -> T:
    """Run ``call(timeout)`` in a concurrency slot until it answers, retrying what waiting can fix."""
    last_error = "no attempt made"
    for attempt in range(1, policy.max_attempts + 1):
        await limiter.wait_if_paused(deadline)
        remaining = deadline - time.monotonic()
        if remaining <= 0.05:
            break
        async with limiter.slot(deadline):
            remaining = deadline - time.monotonic()
            if remaining <= 0.05:
                break
            try:
                return await call(min(policy.timeout_seconds, remaining))
            except anthropic.APIError as exc:
                kind, wait = classify(exc)
                if isinstance(exc, anthropic.APIStatusError):
                    last_error = _describe(exc)
                elif isinstance(exc, anthropic.APITimeoutError):
                    last_error = "the Claude call timed out"
                else:
                    last_error = "Anthropic could not be reached"
        if kind == "account":
            raise ClaudeAccountError(last_error + " (not retried: check the API key, billing and spend limits)")
        if kind == "request":
            raise ClaudeRequestError(last_error)
        if attempt == policy.max_attempts:
            raise ClaudeUnavailable(f"{last_error}; gave up after {attempt} attempts")
        if wait is not None:
            limiter.pause(wait)  # everyone on this account waits, not only this CV
        delay = wait if wait is not None else policy.backoff(attempt)
        if time.monotonic() + delay >= deadline:
            raise ClaudeUnavailable(f"{last_error}; the next retry would pass this CV's deadline")
        log.info("Claude call failed (%s); retry %s in %.1fs", last_error, attempt, delay)
        if wait is None:
            await asyncio.sleep(delay)
    raise ClaudeUnavailable(f"{last_error}; no answer within this CV's {policy.deadline_seconds:g}s deadline")
