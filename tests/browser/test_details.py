"""The details that tell a product from a prototype: a JD with nothing to match on is refused before
any credit is spent, and axe-core finds nothing serious or critical on any page."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.accessibility import blocking_findings
from tests.browser.helpers import WAIT_MS, as_file, drop_cvs, log_in, web_db
from tests.support.factories import NURSE_CV, make_account

pytestmark = __import__("pytest").mark.browser


def test_asdf_is_refused_before_any_credit_with_what_to_add(web_server, page):
    account = make_account(credits=10, bind=web_db(web_server.data_dir))
    log_in(page, web_server.url, account.email)
    page.locator("#jd_text").fill("asdf")
    drop_cvs(page, [as_file("maria-nurse.txt", NURSE_CV)])
    expect(page.locator(".staged-cv")).to_have_count(1)
    page.locator("#submit-match").click()
    expect(page.get_by_text("gives nothing to match CVs on").first).to_be_visible(timeout=WAIT_MS)
    expect(page.get_by_text("Add the job title").first).to_be_visible()
    assert "/jobs/" not in page.url
    expect(page.locator("#nav-balance")).to_have_text("10 credits")


def test_no_serious_or_critical_accessibility_findings_on_any_page(web_server, browser):
    findings: dict[str, list[str]] = {}
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        for path, ready in (("/login", "Log in"), ("/signup", "Create account")):
            page.goto(web_server.url + path)
            expect(page.get_by_role("button", name=ready)).to_be_visible(timeout=WAIT_MS)
            findings[path] = blocking_findings(page)
        account = make_account(credits=10, bind=web_db(web_server.data_dir))
        log_in(page, web_server.url, account.email)
        findings["/"] = blocking_findings(page)
        for path, heading in (("/history", "History"), ("/account", "Account"), ("/credits", "Credits")):
            page.get_by_role("link", name=heading, exact=True).click()
            expect(page.get_by_role("heading", level=1)).to_be_visible(timeout=WAIT_MS)
            page.wait_for_load_state("networkidle")
            findings[path] = blocking_findings(page)
    finally:
        context.close()
    failing = [f"{path}: {finding}" for path, found in findings.items() for finding in found]
    assert not failing, "\n".join(failing)
