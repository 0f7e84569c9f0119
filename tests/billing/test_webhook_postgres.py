"""Concurrent webhook deliveries on PostgreSQL (row locks and unique violations, not SQLite's one writer)."""

from __future__ import annotations

import json
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlmodel import Session

from cvmatch_app.db.models import User
from cvmatch_app.services import credits
from tests.billing.helpers import PACKS, TEST_WEBHOOK_SECRET, post_event
from tests.conftest import DATA_DIR, POSTGRES_URL
from tests.support.factories import make_account
from tests.support.fake_stripe import checkout_event, paid_checkout
from tests.support.postgres import create_database, drop_database, migrated_engine
from tests.support.server import AppServer

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module")
def postgres_billing_server():
    database_url = create_database(POSTGRES_URL)
    engine = migrated_engine(database_url)
    env = {
        "CVMATCH_DATABASE_URL": database_url,
        "STRIPE_SECRET_KEY": "sk_test_fake_0123456789",
        "STRIPE_WEBHOOK_SECRET": TEST_WEBHOOK_SECRET,
        "CVMATCH_CREDIT_PACKS": json.dumps(PACKS),
    }
    server = AppServer(Path(DATA_DIR) / "pg-billing", env=env).start()
    yield server, engine
    server.stop()
    engine.dispose()
    drop_database(POSTGRES_URL, database_url)


def _state(engine, user_id: int) -> tuple[int, str]:
    with Session(engine) as session:
        balance = credits.balance(session, user_id)
        assert balance == credits.ledger_sum(session, user_id)
        return balance, session.get(User, user_id).plan


def test_postgres_the_same_event_ten_times_at_once_credits_once(postgres_billing_server):
    server, engine = postgres_billing_server
    account = make_account(credits=0, bind=engine)
    event = checkout_event("checkout.session.completed", paid_checkout(user_id=account.user_id))
    with ThreadPoolExecutor(10) as pool:
        responses = list(pool.map(lambda _: post_event(server, event), range(10)))
    assert Counter(r.status_code for r in responses) == Counter({200: 10})
    assert Counter(r.json()["result"] for r in responses) == Counter({"credited": 1, "duplicate": 9})
    assert _state(engine, account.user_id) == (100, "starter")


def test_postgres_completed_and_async_success_at_once_credit_once(postgres_billing_server):
    server, engine = postgres_billing_server
    account = make_account(credits=5, bind=engine)
    checkout = paid_checkout(user_id=account.user_id, pack_id="pack_api", credits=5000, plan="api")
    events = [
        checkout_event("checkout.session.completed", checkout),
        checkout_event("checkout.session.async_payment_succeeded", checkout),
    ] * 5
    with ThreadPoolExecutor(10) as pool:
        responses = list(pool.map(lambda e: post_event(server, e), events))
    assert all(r.status_code == 200 for r in responses)
    assert Counter(r.json()["result"] for r in responses)["credited"] == 1
    assert _state(engine, account.user_id) == (5005, "api")
