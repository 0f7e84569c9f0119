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


def test_phone_header_folds_and_tables_stack(web_server, browser, artifacts):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    try:
        account = make_account(credits=10, bind=web_db(web_server.data_dir))  # comes with one API key
        log_in(page, web_server.url, account.email)
        header = page.locator("nav").bounding_box()
        assert header is not None and header["height"] < 80, f"the header takes {header} on a phone"
        expect(page.get_by_role("link", name="History", exact=True)).to_be_hidden()
        page.get_by_role("button", name="Menu").click()
        expect(page.get_by_role("menuitem", name="Match")).to_have_attribute("aria-current", "page")
        page.get_by_role("menuitem", name="Account").click()
        page.wait_for_url("**/account", timeout=WAIT_MS)
        key_row = page.locator(".stack-on-phone tbody tr").first
        expect(key_row).to_be_visible(timeout=WAIT_MS)
        expect(page.locator(".stack-on-phone thead")).to_be_hidden()
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"the account page scrolls sideways on a phone ({width}px)"
        page.screenshot(path=str(artifacts / "account-390.png"), full_page=True)
        page.get_by_role("button", name="Menu").click()
        page.get_by_role("menuitem", name="History").click()
        page.wait_for_url("**/history", timeout=WAIT_MS)
        expect(page.get_by_text("No jobs yet")).to_be_visible(timeout=WAIT_MS)
    finally:
        context.close()
