"""Item 3: failed log-ins are limited per address and per account without locking the owner out,
and an unknown email costs the same time as a known one.

The tests send from different loopback addresses (127.0.0.x) to play the owner and the attackers.
"""

from __future__ import annotations

import statistics
import time
import uuid

import httpx

from cvmatch_app.services import login_guard
from tests.security.helpers import log_in
from tests.support.factories import make_account


def _from(address: str) -> dict:
    return {"transport": httpx.HTTPTransport(local_address=address)}


def test_a_guesser_elsewhere_does_not_lock_the_owner_out(api_server):
    account = make_account()
    owner, attacker, stranger = "127.0.0.11", "127.0.0.12", "127.0.0.13"
    assert log_in(api_server.url, account.email, account.password, **_from(owner)).status_code == 200
    for _ in range(login_guard.ACCOUNT_FAILURES_PER_MINUTE):
        assert log_in(api_server.url, account.email, "wrong guess", **_from(attacker)).status_code == 401
    slowed = log_in(api_server.url, account.email, account.password, **_from(attacker))
    assert slowed.status_code == 429, slowed.text  # even the right password: the attacker must wait
    assert int(slowed.headers["Retry-After"]) >= 1 and "computer you have used before" in slowed.json()["detail"]
    assert log_in(api_server.url, account.email, account.password, **_from(stranger)).status_code == 429
    # The owner's computer, which logged in before, still gets in.
    assert log_in(api_server.url, account.email, account.password, **_from(owner)).status_code == 200


def test_spraying_one_password_over_many_emails_is_limited_per_address(api_server):
    sprayer = "127.0.0.21"
    answers = [
        log_in(api_server.url, f"nobody-{uuid.uuid4().hex[:8]}@example.test", "Summer2026!", **_from(sprayer))
        for _ in range(login_guard.ADDRESS_FAILURES_PER_MINUTE)
    ]
    assert {answer.status_code for answer in answers} == {401}
    stopped = log_in(api_server.url, "another@example.test", "Summer2026!", **_from(sprayer))
    assert stopped.status_code == 429 and "from your network" in stopped.json()["detail"]
    account = make_account()
    assert log_in(api_server.url, account.email, account.password, **_from("127.0.0.22")).status_code == 200


def test_unknown_and_known_emails_answer_alike_and_in_the_same_time(api_server):
    account = make_account()

    def timed(email: str, address: str) -> tuple[float, httpx.Response]:
        start = time.perf_counter()
        response = log_in(api_server.url, email, "not the password", **_from(address))
        return time.perf_counter() - start, response

    known, unknown = [], []
    for round_ in range(5):
        seconds, response = timed(account.email, "127.0.0.31")
        known.append(seconds)
        unknown_seconds, unknown_response = timed(f"ghost-{round_}-{uuid.uuid4().hex[:6]}@example.test", "127.0.0.32")
        unknown.append(unknown_seconds)
        assert response.status_code == unknown_response.status_code == 401
        assert response.json() == unknown_response.json()
    # Before: 19 ms for an unknown email against 509 ms for a known one (argon2 ran only for the known).
    assert statistics.median(unknown) > 0.6 * statistics.median(known), (known, unknown)
