"""Billing test servers: one in Stripe test mode and one in live mode, both talking to a fake Stripe."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator

import pytest

from tests.billing.helpers import LIVE_WEBHOOK_SECRET, PACKS, PUBLIC_URL, TEST_WEBHOOK_SECRET
from tests.conftest import DATA_DIR
from tests.support.fake_stripe import FakeStripe
from tests.support.server import AppServer

# The other test servers run with billing off whatever the developer's shell says.
for _name in (
    "STRIPE_SECRET_KEY",
    "STRIPE_WEBHOOK_SECRET",
    "CVMATCH_STRIPE_SECRET_KEY",
    "CVMATCH_STRIPE_WEBHOOK_SECRET",
):
    os.environ.pop(_name, None)
os.environ.pop("CVMATCH_CREDIT_PACKS", None)


@pytest.fixture(scope="session")
def fake_stripe() -> Iterator[FakeStripe]:
    fake = FakeStripe().start()
    yield fake
    fake.stop()


def _billing_server(fake: FakeStripe, secret_key: str, webhook_secret: str) -> AppServer:
    env = {
        "STRIPE_SECRET_KEY": secret_key,
        "STRIPE_WEBHOOK_SECRET": webhook_secret,
        "CVMATCH_STRIPE_API_BASE": fake.url,
        "CVMATCH_PUBLIC_URL": PUBLIC_URL,
        "CVMATCH_CREDIT_PACKS": json.dumps(PACKS),
    }
    return AppServer(DATA_DIR, env=env).start()


@pytest.fixture(scope="session")
def billing_server(fake_stripe: FakeStripe) -> Iterator[AppServer]:
    """Stripe test mode (sk_test_), sharing the tests' SQLite file."""
    from cvmatch_app.db.migrate import upgrade_to_head

    upgrade_to_head()
    server = _billing_server(fake_stripe, "sk_test_fake_0123456789", TEST_WEBHOOK_SECRET)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def live_server(fake_stripe: FakeStripe, billing_server: AppServer) -> Iterator[AppServer]:
    """Stripe live mode (sk_live_): refuses test-mode events."""
    server = _billing_server(fake_stripe, "sk_live_fake_0123456789", LIVE_WEBHOOK_SECRET)
    yield server
    server.stop()
