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


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    outcome = yield
    report = outcome.get_result()  # type: ignore[attr-defined]
    if report.when == "call":
        item.stash[_CALL_FAILED] = report.failed


_CALL_FAILED = pytest.StashKey[bool]()
FAILURES_DIR = Path(__file__).resolve().parents[2] / "test-artifacts" / "failures"


@pytest.fixture
def page(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    if request.node.stash.get(_CALL_FAILED, False):
        # What the browser showed when the test failed: a screenshot, and the page's text in the log
        # (CI keeps only the log).
        try:
            FAILURES_DIR.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(FAILURES_DIR / f"{request.node.name}.png"), full_page=True)
            print(f"page at failure: {page.url}\n{page.inner_text('body')[:3000]}")
        except Exception as exc:  # noqa: BLE001 - a diagnostic must not hide the failure itself
            print(f"no screenshot of the failed page: {exc}")
    context.close()
