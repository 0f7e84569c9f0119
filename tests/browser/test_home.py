"""The home page renders in a real browser."""

from __future__ import annotations

from playwright.sync_api import expect

pytestmark = __import__("pytest").mark.browser


def test_home_page_renders(web_server, page, artifacts):
    page.goto(web_server.url + "/")
    expect(page.get_by_role("heading", name="CVMatch")).to_be_visible(timeout=30_000)
    page.screenshot(path=str(artifacts / "home.png"), full_page=True)
