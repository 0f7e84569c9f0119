"""A real browser (Debian's Chromium via Playwright) against the full app (pages built, one port)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.conftest import DATA_DIR
from tests.support.fake_stripe import FakeStripe
from tests.support.server import AppServer

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


STRIPE_TEST_KEY = "sk_test_browser_0123456789"
STRIPE_WEBHOOK_SECRET = "whsec_browser_0123456789abcdefghijklmnop"


@pytest.fixture(scope="session")
def fake_stripe() -> Iterator[FakeStripe]:
    fake = FakeStripe().start()
    yield fake
    fake.stop()


@pytest.fixture(scope="session")
def web_server(fake_stripe: FakeStripe) -> Iterator[AppServer]:
    """The whole app as a user starts it, with its own data directory; Stripe is the local fake."""
    env = {
        "STRIPE_SECRET_KEY": STRIPE_TEST_KEY,
        "STRIPE_WEBHOOK_SECRET": STRIPE_WEBHOOK_SECRET,
        "CVMATCH_STRIPE_API_BASE": fake_stripe.url,
    }
    server = AppServer(Path(DATA_DIR) / "web", backend_only=False, env=env).start(timeout=600)
    yield server
    server.stop()


@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    """Closed when the browser tests end: Playwright's sync API keeps an event loop running until then,
    and every later test that calls asyncio.run() would fail."""
    if not Path(CHROMIUM).exists():
        raise RuntimeError("Chromium is missing: run scripts/test.sh, which installs Debian's chromium package.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()
