"""API keys from the account page: create, copy, use against the API, revoke; and the password."""

from __future__ import annotations

import httpx
from playwright.sync_api import expect

from tests.browser.helpers import WAIT_MS, log_in, sign_up
from tests.support.factories import DEVELOPER_CV, NURSE_CV, NURSE_JD, PASSWORD

pytestmark = __import__("pytest").mark.browser


def test_api_key_created_copied_used_and_revoked(web_server, page, artifacts):
    base = web_server.url
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base)
    sign_up(page, base)
    page.get_by_role("link", name="Account", exact=True).click()
    expect(page.get_by_text("No API keys yet")).to_be_visible(timeout=WAIT_MS)
    expect(page.locator("#curl-example")).to_contain_text(f"curl {base}/api/match")
    expect(page.locator("#mcp-snippet")).to_contain_text(f'"CV_MATCH_API_URL": "{base}"')

    page.get_by_label("Key name").fill("ATS integration")
    page.locator("#create-key").click()
    secret_box = page.locator("#new-secret")
    expect(secret_box).to_have_text(__import__("re").compile(r"^cvm_\w{36}$"), timeout=WAIT_MS)
    secret = secret_box.inner_text()
    page.locator("#copy-secret").click()
    expect(page.get_by_text("Key copied to the clipboard.")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == secret

    row = page.locator(".key-row")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("ATS integration")
    expect(row).to_contain_text(f"{secret[:12]}…{secret[-4:]}")
    expect(row).to_contain_text("match:execute")
    expect(row).to_contain_text("Never")

    # The key works against this server's API, and what it spends shows in the browser.
    files = [
        ("cvs", ("maria.txt", NURSE_CV.encode(), "text/plain")),
        ("cvs", ("sam.txt", DEVELOPER_CV.encode(), "text/plain")),
    ]
    response = httpx.post(
        f"{base}/api/match", headers={"X-API-Key": secret}, files=files, data={"jd_text": NURSE_JD}, timeout=60
    )
    assert response.status_code == 200, response.text
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(artifacts / "account.png"), full_page=True)
    page.reload()
    expect(page.locator("#nav-balance")).to_have_text("8 credits", timeout=WAIT_MS)
    expect(page.locator("#new-secret")).to_have_count(0)  # shown once only
    expect(row).not_to_contain_text("Never")  # last used is now recorded
    assert secret not in page.content()

    row.get_by_role("button", name="Revoke ATS integration").click()
    dialog = page.get_by_role("alertdialog")
    expect(dialog).to_contain_text("Revoke this key?")
    dialog.get_by_role("button", name="Cancel").click()
    expect(row).to_have_count(1)
    row.get_by_role("button", name="Revoke ATS integration").click()
    page.get_by_role("alertdialog").get_by_role("button", name="Revoke key").click()
    expect(page.locator(".key-row")).to_have_count(0, timeout=WAIT_MS)
    assert httpx.get(f"{base}/api/match", headers={"X-API-Key": secret}, timeout=10).status_code == 401


def test_change_password_then_log_in_with_it(web_server, page):
    base = web_server.url
    email = sign_up(page, base)
    page.get_by_role("link", name="Account", exact=True).click()
    form = page.locator("form").filter(has=page.get_by_role("button", name="Change password"))
    form.get_by_label("Current password").fill("not my password")
    form.get_by_label("New password (at least 8 characters)").fill("a brand new passphrase")
    form.get_by_label("Repeat the new password").fill("a brand new passphrase")
    form.get_by_role("button", name="Change password").click()
    expect(page.get_by_role("alert")).to_contain_text("Your current password is not right.", timeout=WAIT_MS)

    form.get_by_label("Current password").fill(PASSWORD)
    form.get_by_label("New password (at least 8 characters)").fill("a brand new passphrase")
    form.get_by_label("Repeat the new password").fill("a brand new passphrase")
    form.get_by_role("button", name="Change password").click()
    expect(page.get_by_text("Your password was changed.")).to_be_visible(timeout=WAIT_MS)

    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("heading", name="Log in")).to_be_visible(timeout=WAIT_MS)
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("alert")).to_contain_text("Wrong email or password.", timeout=WAIT_MS)
    log_in(page, base, email, "a brand new passphrase")
