"""Buying a pack: the real stripe SDK opens a Checkout Session on the fake Stripe; packs and errors."""

from __future__ import annotations

import httpx
import pytest

from tests.billing.helpers import PUBLIC_URL, jwt_headers
from tests.support.factories import make_account


def _checkout(server, headers, body) -> httpx.Response:
    return httpx.post(f"{server.url}/api/billing/checkout", json=body, headers=headers, timeout=30)


@pytest.mark.parametrize(("pack_id", "credits", "amount"), [("pack_100", 100, 100), ("pack_1000", 1000, 700)])
def test_checkout_session_is_a_payment_for_the_pack_with_user_and_pack_in_metadata(
    billing_server, fake_stripe, pack_id, credits, amount
):
    account = make_account()
    response = _checkout(
        billing_server, jwt_headers(billing_server, account.email, account.password), {"pack_id": pack_id}
    )
    assert response.status_code == 200, response.text
    url = response.json()["url"]
    session_id = url.rsplit("/", 1)[-1]
    sent = fake_stripe.requests[-1]
    assert sent["path"] == "/v1/checkout/sessions"
    assert sent["headers"]["Authorization"] == "Bearer sk_test_fake_0123456789"
    assert sent["mode"] == "payment"
    assert sent["client_reference_id"] == str(account.user_id)
    assert sent["customer_email"] == account.email
    assert sent["metadata"] == {
        "user_id": str(account.user_id),
        "pack_id": pack_id,
        "credits": str(credits),
        "plan": "starter",
    }
    assert sent["line_items"] == [
        {
            "quantity": "1",
            "price_data": {
                "currency": "usd",
                "unit_amount": str(amount),
                "product_data": {"name": f"CVMatch: {credits:,} credits"},
            },
        }
    ]
    assert sent["success_url"] == f"{PUBLIC_URL}/credits?checkout=success"
    assert sent["cancel_url"] == f"{PUBLIC_URL}/credits?checkout=cancelled"
    assert fake_stripe.sessions[session_id]["amount_total"] == amount


def test_packs_are_listed_with_prices_and_billing_state(api_server, billing_server):
    on = httpx.get(f"{billing_server.url}/api/credits/packs", timeout=30).json()
    assert on["billing_enabled"] is True
    assert [(p["id"], p["credits"], p["price"], p["per_credit"], p["plan"]) for p in on["packs"]] == [
        ("pack_100", 100, "$1.00", "$0.010", "starter"),
        ("pack_500", 500, "$4.00", "$0.008", "starter"),
        ("pack_1000", 1000, "$7.00", "$0.007", "starter"),
        ("pack_api", 5000, "$30.00", "$0.006", "api"),
    ]
    off = httpx.get(f"{api_server.url}/api/credits/packs", timeout=30).json()
    assert off["billing_enabled"] is False
    assert [p["id"] for p in off["packs"]] == ["pack_100", "pack_500", "pack_1000"]


def test_checkout_with_billing_off_is_503_and_says_how_to_get_credits(api_server):
    account = make_account()
    response = _checkout(api_server, jwt_headers(api_server, account.email, account.password), {"pack_id": "pack_100"})
    assert response.status_code == 503
    assert "grant-credits" in response.json()["detail"]


def test_unknown_or_missing_pack_is_400(billing_server):
    account = make_account()
    headers = jwt_headers(billing_server, account.email, account.password)
    unknown = _checkout(billing_server, headers, {"pack_id": "pack_7"})
    assert unknown.status_code == 400
    assert "pack_100" in unknown.json()["detail"]
    assert _checkout(billing_server, headers, {}).status_code == 400
    not_json = httpx.post(f"{billing_server.url}/api/billing/checkout", content=b"pack", headers=headers, timeout=30)
    assert not_json.status_code == 400


def test_checkout_needs_a_login_token_not_an_api_key(billing_server):
    account = make_account()
    assert _checkout(billing_server, {}, {"pack_id": "pack_100"}).status_code == 401
    with_key = _checkout(billing_server, {"Authorization": f"Bearer {account.key}"}, {"pack_id": "pack_100"})
    assert with_key.status_code == 401


def test_stripe_refusing_the_session_is_502_with_a_clear_message(billing_server, fake_stripe):
    account = make_account()
    headers = jwt_headers(billing_server, account.email, account.password)
    fake_stripe.refuse_with = (400, "Invalid currency")
    response = _checkout(billing_server, headers, {"pack_id": "pack_100"})
    assert response.status_code == 502
    assert "try again" in response.json()["detail"]
