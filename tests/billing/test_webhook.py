"""POST /api/stripe/webhook over HTTP: signed with a test whsec_ secret, applied exactly once."""

from __future__ import annotations

import json
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from tests.billing.helpers import (
    LIVE_WEBHOOK_SECRET,
    TEST_WEBHOOK_SECRET,
    account_state,
    event_recorded,
    jwt_headers,
    post_event,
)
from tests.support.factories import make_account
from tests.support.fake_stripe import checkout_event, paid_checkout, sign

COMPLETED = "checkout.session.completed"
ASYNC_SUCCEEDED = "checkout.session.async_payment_succeeded"
ASYNC_FAILED = "checkout.session.async_payment_failed"


def test_paid_checkout_credits_the_pack_once_and_moves_free_to_starter(billing_server):
    account = make_account(plan="free", credits=10)
    event = checkout_event(COMPLETED, paid_checkout(user_id=account.user_id, pack_id="pack_500", credits=500))
    response = post_event(billing_server, event)
    assert response.status_code == 200, response.text
    assert response.json()["result"] == "credited"
    assert account_state(account.user_id) == (510, "starter")
    again = post_event(billing_server, event)
    assert again.status_code == 200
    assert again.json()["result"] == "duplicate"
    assert account_state(account.user_id) == (510, "starter")


def test_unpaid_completed_then_async_success_credits_once(billing_server):
    account = make_account(credits=0)
    checkout = paid_checkout(user_id=account.user_id)
    unpaid = post_event(billing_server, checkout_event(COMPLETED, checkout, payment_status="unpaid"))
    assert unpaid.json()["result"] == "not_paid"
    assert account_state(account.user_id) == (0, "free")
    paid = post_event(billing_server, checkout_event(ASYNC_SUCCEEDED, checkout, payment_status="paid"))
    assert paid.json()["result"] == "credited"
    assert account_state(account.user_id) == (100, "starter")


def test_async_success_before_completed_credits_once_whatever_the_order(billing_server):
    account = make_account(credits=0)
    checkout = paid_checkout(user_id=account.user_id)
    assert post_event(billing_server, checkout_event(ASYNC_SUCCEEDED, checkout)).json()["result"] == "credited"
    late = post_event(billing_server, checkout_event(COMPLETED, checkout, payment_status="paid"))
    assert late.status_code == 200
    assert late.json()["result"] == "already_credited"
    assert account_state(account.user_id) == (100, "starter")


def test_failed_async_payment_credits_nothing(billing_server):
    account = make_account(credits=3)
    checkout = paid_checkout(user_id=account.user_id)
    post_event(billing_server, checkout_event(COMPLETED, checkout, payment_status="unpaid"))
    failed = post_event(billing_server, checkout_event(ASYNC_FAILED, checkout, payment_status="unpaid"))
    assert failed.status_code == 200
    assert failed.json()["result"] == "payment_failed"
    assert account_state(account.user_id) == (3, "free")


def test_the_same_event_ten_times_at_once_credits_once(billing_server):
    account = make_account(credits=0)
    event = checkout_event(COMPLETED, paid_checkout(user_id=account.user_id, pack_id="pack_1000", credits=1000))
    with ThreadPoolExecutor(10) as pool:
        responses = list(pool.map(lambda _: post_event(billing_server, event), range(10)))
    assert Counter(r.status_code for r in responses) == Counter({200: 10})
    assert Counter(r.json()["result"] for r in responses) == Counter({"credited": 1, "duplicate": 9})
    assert account_state(account.user_id) == (1000, "starter")


def test_completed_and_async_success_for_one_session_at_once_credit_once(billing_server):
    account = make_account(credits=0)
    checkout = paid_checkout(user_id=account.user_id)
    events = [checkout_event(COMPLETED, checkout), checkout_event(ASYNC_SUCCEEDED, checkout)] * 5
    with ThreadPoolExecutor(10) as pool:
        responses = list(pool.map(lambda e: post_event(billing_server, e), events))
    results = Counter(r.json()["result"] for r in responses)
    assert results["credited"] == 1
    assert account_state(account.user_id) == (100, "starter")


def test_a_pack_configured_for_the_api_plan_grants_it(billing_server):
    account = make_account(plan="starter", credits=0)
    checkout = paid_checkout(user_id=account.user_id, pack_id="pack_api", credits=5000, plan="api")
    assert post_event(billing_server, checkout_event(COMPLETED, checkout)).json()["result"] == "credited"
    assert account_state(account.user_id) == (5000, "api")


def test_a_purchase_never_moves_a_plan_down(billing_server):
    account = make_account(plan="api", credits=0)
    post_event(billing_server, checkout_event(COMPLETED, paid_checkout(user_id=account.user_id)))
    assert account_state(account.user_id) == (100, "api")


@pytest.mark.parametrize(
    "signature",
    ["", "t=1,v1=deadbeef", "nonsense", "v1=abc"],
    ids=["missing", "wrong", "malformed", "no-timestamp"],
)
def test_missing_or_bad_signature_is_401_and_writes_nothing(billing_server, signature):
    account = make_account(credits=0)
    event = checkout_event(COMPLETED, paid_checkout(user_id=account.user_id))
    response = post_event(billing_server, event, signature=signature)
    assert response.status_code == 401
    assert "signature" in response.json()["detail"].lower()
    assert not event_recorded(event["id"])
    assert account_state(account.user_id) == (0, "free")


def test_signed_with_another_secret_is_401(billing_server):
    account = make_account(credits=0)
    event = checkout_event(COMPLETED, paid_checkout(user_id=account.user_id))
    assert post_event(billing_server, event, secret="whsec_someone_else").status_code == 401
    assert account_state(account.user_id) == (0, "free")


def test_stale_timestamp_is_401_and_writes_nothing(billing_server):
    account = make_account(credits=0)
    event = checkout_event(COMPLETED, paid_checkout(user_id=account.user_id))
    response = post_event(billing_server, event, timestamp=int(time.time()) - 600)
    assert response.status_code == 401
    assert "tolerance" in response.json()["detail"].lower()
    assert not event_recorded(event["id"])
    assert account_state(account.user_id) == (0, "free")


def test_a_tampered_body_is_401(billing_server):
    account = make_account(credits=0)
    event = checkout_event(COMPLETED, paid_checkout(user_id=account.user_id))
    payload = json.dumps(event).encode()
    header = sign(payload, TEST_WEBHOOK_SECRET)
    tampered = payload.replace(b'"credits": "100"', b'"credits": "99999"')
    assert post_event(billing_server, tampered, signature=header).status_code == 401
    assert account_state(account.user_id) == (0, "free")


@pytest.mark.parametrize("payload", [b"not json", b"[]", b'{"id": "evt_x"}'], ids=["text", "list", "no-type"])
def test_a_signed_body_that_is_not_an_event_is_400(billing_server, payload):
    response = post_event(billing_server, payload)
    assert response.status_code == 400
    assert "Stripe event" in response.json()["detail"]


def test_event_types_outside_the_allow_list_are_acknowledged_and_ignored(billing_server):
    account = make_account(credits=0)
    event = checkout_event("checkout.session.expired", paid_checkout(user_id=account.user_id))
    response = post_event(billing_server, event)
    assert response.status_code == 200
    assert response.json()["result"] == "ignored"
    assert not event_recorded(event["id"])
    assert account_state(account.user_id) == (0, "free")


def test_a_checkout_without_cvmatch_metadata_credits_nothing(billing_server):
    account = make_account(credits=0)
    checkout = paid_checkout(user_id=account.user_id)
    checkout["metadata"] = {}
    assert post_event(billing_server, checkout_event(COMPLETED, checkout)).json()["result"] == "ignored"
    assert account_state(account.user_id) == (0, "free")


def test_a_test_mode_event_is_refused_by_a_live_mode_server(live_server):
    account = make_account(credits=0)
    test_event = checkout_event(COMPLETED, paid_checkout(user_id=account.user_id), livemode=False)
    refused = post_event(live_server, test_event, secret=LIVE_WEBHOOK_SECRET)
    assert refused.status_code == 400
    assert "test-mode event" in refused.json()["detail"]
    assert not event_recorded(test_event["id"])
    assert account_state(account.user_id) == (0, "free")
    live_event = checkout_event(COMPLETED, paid_checkout(user_id=account.user_id), livemode=True)
    assert post_event(live_server, live_event, secret=LIVE_WEBHOOK_SECRET).json()["result"] == "credited"
    assert account_state(account.user_id) == (100, "starter")


def test_a_live_event_is_refused_by_a_test_mode_server(billing_server):
    account = make_account(credits=0)
    event = checkout_event(COMPLETED, paid_checkout(user_id=account.user_id), livemode=True)
    assert post_event(billing_server, event).status_code == 400
    assert account_state(account.user_id) == (0, "free")


def test_webhook_with_billing_off_is_503(api_server):
    event = checkout_event(COMPLETED, paid_checkout(user_id=1))
    response = post_event(api_server, event)
    assert response.status_code == 503
    assert "STRIPE_WEBHOOK_SECRET" in response.json()["detail"]


def test_buy_a_pack_end_to_end_then_see_balance_and_history(billing_server, fake_stripe):
    """Checkout through the API, Stripe's event for that very session, then balance and history."""
    account = make_account(credits=10)
    headers = jwt_headers(billing_server, account.email, account.password)
    checkout = httpx.post(f"{billing_server.url}/api/billing/checkout", json={"pack_id": "pack_500"}, headers=headers)
    session_id = checkout.json()["url"].rsplit("/", 1)[-1]
    stripe_session = fake_stripe.sessions[session_id]
    event = checkout_event(COMPLETED, stripe_session, payment_status="paid")
    assert post_event(billing_server, event).json() == {
        "received": True,
        "event_id": event["id"],
        "event_type": COMPLETED,
        "result": "credited",
        "credits": 500,
    }
    balance = httpx.get(f"{billing_server.url}/api/credits/balance", headers=headers).json()
    assert (balance["balance"], balance["plan"]) == (510, "starter")
    history = httpx.get(f"{billing_server.url}/api/credits/history", headers=headers).json()
    assert history["balance"] == 510
    assert [(e["delta"], e["reason"], e["reference"]) for e in history["entries"]] == [
        (500, "purchase", f"checkout:{session_id}"),
        (10, "signup", f"user:{account.user_id}"),
    ]
    assert history["entries"][0]["note"] == "500 credits (pack_500)"


def test_history_needs_a_login_token(billing_server):
    account = make_account()
    assert httpx.get(f"{billing_server.url}/api/credits/history").status_code == 401
    assert httpx.get(f"{billing_server.url}/api/credits/history", headers=account.headers).status_code == 401


def test_an_oversized_body_is_413(billing_server):
    response = post_event(billing_server, b"{" + b" " * (1024 * 1024 + 10) + b"}")
    assert response.status_code == 413
