"""The session survives reloads and new tabs, ends on log-out, and refuses wrong passwords and taken emails."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.helpers import MATCH_HEADING, WAIT_MS, sign_up
from tests.support.factories import PASSWORD

pytestmark = __import__("pytest").mark.browser


def test_session_survives_reload_and_tabs_and_ends_on_log_out(web_server, page):
    base = web_server.url
    email = sign_up(page, base)
    page.reload()
    expect(page.get_by_role("heading", name=MATCH_HEADING)).to_be_visible(timeout=WAIT_MS)
    expect(page.get_by_text(email)).to_be_visible()

    other_tab = page.context.new_page()
    other_tab.goto(base + "/history")
    expect(other_tab.get_by_role("heading", name="History")).to_be_visible(timeout=WAIT_MS)
    expect(other_tab.get_by_text("No jobs yet")).to_be_visible()

    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("heading", name="Log in")).to_be_visible(timeout=WAIT_MS)
    for private in ("/", "/account", "/credits", "/history"):
        page.goto(base + private)
        expect(page.get_by_role("heading", name="Log in")).to_be_visible(timeout=WAIT_MS)
        expect(page.get_by_text(email)).to_have_count(0)

    # A private link opened while logged out leads back to it after logging in.
    page.goto(base + "/account")
    expect(page.get_by_role("heading", name="Log in")).to_be_visible(timeout=WAIT_MS)
    assert "next=/account" in page.url.replace("%2F", "/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Account")).to_be_visible(timeout=WAIT_MS)

    page.reload()
    expect(page.get_by_role("heading", name="Account")).to_be_visible(timeout=WAIT_MS)
    page.goto(base + "/login")  # the log-in page sends a logged-in visitor on to the app
    expect(page.get_by_role("heading", name=MATCH_HEADING)).to_be_visible(timeout=WAIT_MS)


def test_wrong_password_and_taken_email_are_explained(web_server, page):
    base = web_server.url
    email = sign_up(page, base)
    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("heading", name="Log in")).to_be_visible(timeout=WAIT_MS)

    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill("definitely wrong")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("alert")).to_have_text("Wrong email or password.", timeout=WAIT_MS)

    page.goto(base + "/signup")
    page.get_by_label("Email").fill(email.upper())
    page.get_by_label("Password (at least 8 characters)").fill("another password")
    page.get_by_label("Repeat the password").fill("another password")
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("alert")).to_contain_text("already exists: log in instead", timeout=WAIT_MS)

    page.get_by_label("Email").fill("new-" + email)
    page.get_by_label("Password (at least 8 characters)").fill("short")
    page.get_by_label("Repeat the password").fill("short")
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("alert")).to_contain_text("at least 8 characters", timeout=WAIT_MS)
