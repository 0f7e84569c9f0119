"""Item 10 in Chromium: every page works under the security headers, with no CSP violation; a file
name that looks like HTML is shown as text; log-out ends the session on the server too."""

from __future__ import annotations

import httpx
from playwright.sync_api import Page, expect

from tests.browser.helpers import WAIT_MS, as_file, drop_cvs, drop_jd, sign_up
from tests.support.factories import NURSE_CV, NURSE_JD

pytestmark = __import__("pytest").mark.browser

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
});
"""
HOSTILE_NAME = "<img src=x onerror=window.__xss=1>.txt"


def _watch(page: Page) -> list[str]:
    problems: list[str] = []
    page.add_init_script(RECORD_VIOLATIONS)
    page.on(
        "console",
        lambda message: (
            problems.append(message.text)
            if "Content Security Policy" in message.text or "Refused to" in message.text
            else None
        ),
    )
    return problems


def _violations(page: Page) -> list[str]:
    return list(page.evaluate("window.__cspViolations || []"))


def test_every_page_works_under_the_content_security_policy(web_server, page, artifacts):
    base = web_server.url
    console = _watch(page)
    for path in ("/login", "/signup"):
        response = page.goto(base + path)
        assert response is not None
        assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
        assert response.headers["x-frame-options"] == "DENY"
        expect(page.get_by_role("heading").first).to_be_visible(timeout=WAIT_MS)
        assert _violations(page) == [], path

    sign_up(page, base)  # the websocket, events and redirects work
    drop_jd(page, as_file("jd.txt", NURSE_JD))
    drop_cvs(page, [as_file(HOSTILE_NAME, NURSE_CV)])
    staged = page.locator(".staged-cv")
    expect(staged).to_have_count(1, timeout=WAIT_MS)
    expect(staged.first).to_contain_text("<img src=x onerror=window.__xss=1>.txt")  # shown as text
    assert page.evaluate("window.__xss") is None
    assert _violations(page) == []

    page.locator("#submit-match").click()
    page.wait_for_url("**/jobs/**", timeout=WAIT_MS)
    expect(page.locator("#progress-count")).to_have_text("1 of 1 done", timeout=WAIT_MS)
    expect(page.locator(".cv-card .cv-file").first).to_contain_text("<img src=x")
    assert page.evaluate("window.__xss") is None
    assert _violations(page) == []

    for path, heading in (("/history", "History"), ("/account", "Account"), ("/credits", "Credits"), ("/", None)):
        page.goto(base + path)
        if heading:
            expect(page.get_by_role("heading", name=heading).first).to_be_visible(timeout=WAIT_MS)
        page.wait_for_timeout(500)
        assert _violations(page) == [], path
    page.screenshot(path=str(artifacts / "csp-pages.png"))
    assert console == []


def test_log_out_ends_the_token_on_the_server(web_server, page):
    base = web_server.url
    sign_up(page, base)
    token = page.evaluate("window.localStorage.getItem('cvmatch_session')")
    assert httpx.get(f"{base}/api/credits/balance", headers={"Authorization": f"Bearer {token}"}).status_code == 200
    page.get_by_role("button", name="Log out").click()
    page.wait_for_url("**/login**", timeout=WAIT_MS)
    assert httpx.get(f"{base}/api/credits/balance", headers={"Authorization": f"Bearer {token}"}).status_code == 401
