"""A visitor without a session lands on the log-in page, which links to sign-up."""

from __future__ import annotations

from playwright.sync_api import expect

pytestmark = __import__("pytest").mark.browser


def test_home_sends_a_visitor_to_log_in(web_server, page, artifacts):
    page.goto(web_server.url + "/")
    expect(page.get_by_role("heading", name="Log in")).to_be_visible(timeout=30_000)
    expect(page).to_have_url(web_server.url + "/login")
    expect(page.get_by_role("link", name="Create an account")).to_be_visible()
    page.screenshot(path=str(artifacts / "login.png"), full_page=True)
