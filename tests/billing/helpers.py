"""Helpers for the billing tests: signed webhook deliveries, log-in tokens and what the database holds."""

from __future__ import annotations

import json
from typing import Any

import httpx
from sqlmodel import select

from cvmatch_app.db.models import StripeEvent, User
from cvmatch_app.db.session import session_scope
from cvmatch_app.services import credits
from tests.support.fake_stripe import sign
from tests.support.server import AppServer

TEST_WEBHOOK_SECRET = "whsec_test_0123456789abcdefghijklmnopqrstuv"
LIVE_WEBHOOK_SECRET = "whsec_live_0123456789abcdefghijklmnopqrstuv"
PUBLIC_URL = "https://cvmatch.example.com"
PACKS = [
    {"id": "pack_100", "credits": 100, "amount_cents": 100},
    {"id": "pack_500", "credits": 500, "amount_cents": 400},
    {"id": "pack_1000", "credits": 1000, "amount_cents": 700},
    {"id": "pack_api", "credits": 5000, "amount_cents": 3000, "plan": "api"},
]


def post_event(
    server: AppServer,
    event: dict[str, Any] | bytes,
    *,
    secret: str = TEST_WEBHOOK_SECRET,
    timestamp: int | None = None,
    signature: str | None = None,
) -> httpx.Response:
    """POST a Stripe event to the server's webhook, signed as Stripe would sign it."""
    payload = event if isinstance(event, bytes) else json.dumps(event).encode()
    header = signature if signature is not None else sign(payload, secret, timestamp)
    headers = {"Content-Type": "application/json", **({"Stripe-Signature": header} if header else {})}
    return httpx.post(f"{server.url}/api/stripe/webhook", content=payload, headers=headers, timeout=30)


def jwt_headers(server: AppServer, email: str, password: str) -> dict[str, str]:
    response = httpx.post(f"{server.url}/api/auth/token", json={"email": email, "password": password}, timeout=30)
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def account_state(user_id: int) -> tuple[int, str]:
    """(balance, plan), after checking that the balance is the sum of the ledger."""
    with session_scope() as session:
        balance = credits.balance(session, user_id)
        assert balance == credits.ledger_sum(session, user_id)
        user = session.get(User, user_id)
        assert user is not None
        return balance, user.plan


def event_recorded(event_id: str) -> bool:
    with session_scope() as session:
        return session.exec(select(StripeEvent).where(StripeEvent.id == event_id)).first() is not None
