"""Slows password guessing without locking the owner out, and answers alike for unknown emails.

Three rules, counted by the same limiter as the API limits (in memory, or in Redis shared by every
replica):
- per client address: at most ``ADDRESS_FAILURES_PER_MINUTE`` failed log-ins a minute, whatever
  the emails (password spraying: one password tried on many accounts);
- per account: at most ``ACCOUNT_FAILURES_PER_MINUTE`` failed log-ins a minute from all addresses
  together (a distributed guesser). Past it, only an address that logged in to this account
  successfully within ``KNOWN_ADDRESS_DAYS`` may still try: the owner's usual computer keeps working
  while an attacker elsewhere waits;
- only failures count, so a user who logs in often is never slowed down.

Every attempt does the same work, whether the email has an account or not: the same look-ups,
the same counters, and one argon2 verification (of a fixed dummy hash when there is no account).
"""

from __future__ import annotations

from functools import lru_cache

from argon2 import PasswordHasher
from limits import RateLimitItemPerMinute

from cvmatch_app.config import get_settings
from cvmatch_app.services import limits, security_log
from cvmatch_app.services.errors import RateLimited

ADDRESS_FAILURES_PER_MINUTE = 20
ACCOUNT_FAILURES_PER_MINUTE = 10
KNOWN_ADDRESS_DAYS = 30
_NAMESPACE = "login"


@lru_cache
def dummy_hash(hasher: PasswordHasher) -> str:
    """An argon2id hash of a random-looking constant, verified when the email has no account."""
    return hasher.hash("no account has this password: it only costs the same time")


def client_address(peer: str, forwarded_for: str = "") -> str:
    """The client's address: the peer, or with CVMATCH_TRUSTED_PROXY_HOPS=n the n-th address from
    the right of X-Forwarded-For (what the nearest trusted proxy saw), as Reflex reads it too."""
    hops = get_settings().trusted_proxy_hops
    if hops:
        forwarded = [part.strip() for part in forwarded_for.split(",") if part.strip()]
        if len(forwarded) >= hops:
            return forwarded[-hops]
    return peer


def _address_item() -> RateLimitItemPerMinute:
    return RateLimitItemPerMinute(ADDRESS_FAILURES_PER_MINUTE)


def _account_item() -> RateLimitItemPerMinute:
    return RateLimitItemPerMinute(ACCOUNT_FAILURES_PER_MINUTE)


def _known_key(email: str, address: str) -> str:
    return f"cvmatch-login-known/{email}/{address}"


def is_known_address(email: str, address: str) -> bool:
    return bool(address) and limits.storage().get(_known_key(email, address)) > 0


def check(email: str, address: str) -> None:
    """Before the password is checked: 429 when this address or this account has failed too often."""
    limiter = limits.limiter()
    if not limiter.test(_address_item(), _NAMESPACE, f"address:{address}"):
        raise _too_many(
            f"Too many failed log-ins from your network: at most {ADDRESS_FAILURES_PER_MINUTE} a minute.",
            _address_item(),
            f"address:{address}",
        )
    if not limiter.test(_account_item(), _NAMESPACE, f"account:{email}") and not is_known_address(email, address):
        raise _too_many(
            f"Too many failed log-ins for this account: at most {ACCOUNT_FAILURES_PER_MINUTE} a minute. "
            "You can still log in from a computer you have used before.",
            _account_item(),
            f"account:{email}",
        )


def record_failure(email: str, address: str) -> None:
    limiter = limits.limiter()
    limiter.hit(_address_item(), _NAMESPACE, f"address:{address}")
    limiter.hit(_account_item(), _NAMESPACE, f"account:{email}")


def record_success(email: str, address: str) -> None:
    """Remember this address as one the account's owner uses (for ``KNOWN_ADDRESS_DAYS``)."""
    if address:
        limits.storage().incr(_known_key(email, address), KNOWN_ADDRESS_DAYS * 24 * 3600)


def _too_many(message: str, item: RateLimitItemPerMinute, subject: str) -> RateLimited:
    stats = limits.limiter().get_window_stats(item, _NAMESPACE, subject)
    retry_after = limits.seconds_until(stats.reset_time)
    security_log.event("rate_limited", subject=f"login-{subject}", retry_after=retry_after)
    return RateLimited(f"{message} Retry in {retry_after} seconds.", headers={"Retry-After": str(retry_after)})
