"""Buying a credit pack: the Buy button opens Stripe Checkout (a local fake), and the webhook's credits show up."""

from __future__ import annotations

import json

import httpx
from playwright.sync_api import expect

from tests.browser.conftest import STRIPE_WEBHOOK_SECRET
from tests.browser.helpers import WAIT_MS, sign_up
from tests.support.fake_stripe import checkout_event, sign

pytestmark = __import__("pytest").mark.browser


def test_buy_a_pack_then_see_the_credits(web_server, fake_stripe, page, artifacts):
    base = web_server.url
    email = sign_up(page, base)
    page.get_by_role("link", name="Credits", exact=True).click()
    packs = page.locator(".pack")
    expect(packs).to_have_count(3, timeout=WAIT_MS)
    for name, price, per_match in (
        ("100 credits", "$1.00", "$0.010"),
        ("500 credits", "$4.00", "$0.008"),
        ("1,000 credits", "$7.00", "$0.007"),
    ):
        pack = packs.filter(has_text=name)
        expect(pack).to_contain_text(price)
        expect(pack).to_contain_text(f"{per_match} per match")
    expect(page.locator("#billing-disabled")).to_have_count(0)
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(artifacts / "credits.png"), full_page=True)

    page.get_by_role("button", name="Buy 500 credits").click()
    page.wait_for_url(f"{fake_stripe.url}/c/pay/**", timeout=WAIT_MS)
    session_id = page.url.rsplit("/", 1)[-1]
    checkout = fake_stripe.sessions[session_id]
    assert checkout["customer_email"] == email
    assert checkout["metadata"]["credits"] == "500" and checkout["amount_total"] == 400

    # Stripe confirms the payment to the webhook, then sends the buyer back to the credits page.
    payload = json.dumps(checkout_event("checkout.session.completed", checkout, payment_status="paid")).encode()
    headers = {"Stripe-Signature": sign(payload, STRIPE_WEBHOOK_SECRET), "Content-Type": "application/json"}
    response = httpx.post(f"{base}/api/stripe/webhook", content=payload, headers=headers, timeout=30)
    assert response.status_code == 200, response.text
    page.goto(f"{base}/credits?checkout=success")
    expect(page.get_by_text("Thank you: your payment went through.")).to_be_visible(timeout=WAIT_MS)
    expect(page.locator("#credits-balance")).to_have_text("510 credits")
    expect(page.locator("#nav-balance")).to_have_text("510 credits")
    expect(page.get_by_role("row").filter(has_text="Credit pack bought")).to_contain_text("+500")
