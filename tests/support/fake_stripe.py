"""A small fake of Stripe's HTTP API (Checkout Sessions only) and Stripe's webhook signing.

The app talks to it through the real ``stripe`` SDK (CVMATCH_STRIPE_API_BASE points here), so the
tests check what the SDK really sends. Signatures are computed the way Stripe documents them:
``Stripe-Signature: t=<unix time>,v1=<hex HMAC-SHA256(secret, f"{t}.{payload}")>``.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl

_KEY_PART = re.compile(r"\[([^\]]*)\]")


def sign(payload: bytes, secret: str, timestamp: int | None = None) -> str:
    """The Stripe-Signature header Stripe would send for ``payload``."""
    t = int(time.time()) if timestamp is None else timestamp
    mac = hmac.new(secret.encode(), f"{t}.".encode() + payload, hashlib.sha256).hexdigest()
    return f"t={t},v1={mac}"


def checkout_event(
    event_type: str,
    checkout: dict[str, Any],
    *,
    payment_status: str | None = None,
    livemode: bool = False,
    event_id: str | None = None,
) -> dict[str, Any]:
    """A Stripe event wrapping a checkout session (as Stripe sends it, as a snapshot)."""
    obj = dict(checkout)
    if payment_status is not None:
        obj["payment_status"] = payment_status
    obj["livemode"] = livemode
    return {
        "id": event_id or f"evt_{secrets.token_hex(12)}",
        "object": "event",
        "api_version": "2025-01-27.acacia",
        "created": int(time.time()),
        "livemode": livemode,
        "pending_webhooks": 1,
        "request": {"id": None, "idempotency_key": None},
        "type": event_type,
        "data": {"object": obj},
    }


PACK_PRICES = {"pack_100": 100, "pack_500": 400, "pack_1000": 700, "pack_api": 3000}  # the tests' packs, in cents


def paid_checkout(
    *,
    user_id: int,
    pack_id: str = "pack_100",
    credits: int = 100,
    plan: str = "starter",
    session_id: str | None = None,
    amount_total: int | None = None,
    currency: str = "usd",
) -> dict[str, Any]:
    """A checkout session as CVMatch creates it (its metadata), for webhook tests that skip the SDK.
    Stripe charged ``amount_total`` (by default the pack's price)."""
    metadata = {"user_id": str(user_id), "pack_id": pack_id, "credits": str(credits), "plan": plan}
    return {
        "id": session_id or f"cs_test_{secrets.token_hex(16)}",
        "object": "checkout.session",
        "mode": "payment",
        "status": "complete",
        "payment_status": "paid",
        "client_reference_id": str(user_id),
        "metadata": metadata,
        "amount_total": PACK_PRICES.get(pack_id, 100) if amount_total is None else amount_total,
        "currency": currency,
    }


def _nest(pairs: list[tuple[str, str]]) -> dict[str, Any]:
    """Stripe's form encoding (``line_items[0][price_data][currency]=usd``) back into objects."""
    root: dict[str, Any] = {}
    for key, value in pairs:
        head = key.split("[", 1)[0]
        path = [head, *_KEY_PART.findall(key)]
        node = root
        for part in path[:-1]:
            node = node.setdefault(part, {})
        node[path[-1]] = value
    return _lists(root)


def _lists(node: Any) -> Any:
    if not isinstance(node, dict):
        return node
    converted = {key: _lists(value) for key, value in node.items()}
    if converted and all(key.isdigit() for key in converted):
        return [converted[key] for key in sorted(converted, key=int)]
    return converted


class FakeStripe:
    """``POST /v1/checkout/sessions`` and ``GET /v1/checkout/sessions/{id}``, in a thread."""

    def __init__(self) -> None:
        self.sessions: dict[str, dict[str, Any]] = {}
        self.requests: list[dict[str, Any]] = []
        self.refuse_with: tuple[int, str] | None = None  # make the next create fail like Stripe does
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def start(self) -> FakeStripe:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def create_session(self, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        if self.refuse_with is not None:
            status, message = self.refuse_with
            self.refuse_with = None
            return status, {"error": {"type": "invalid_request_error", "message": message}}
        for required in ("mode", "line_items", "success_url"):
            if not params.get(required):
                return 400, {"error": {"type": "invalid_request_error", "message": f"Missing {required}"}}
        amount = sum(
            int(item["price_data"]["unit_amount"]) * int(item.get("quantity", 1)) for item in params["line_items"]
        )
        session_id = f"cs_test_{secrets.token_hex(16)}"
        checkout = {
            "id": session_id,
            "object": "checkout.session",
            "mode": params["mode"],
            "status": "open",
            "payment_status": "unpaid",
            "amount_total": amount,
            "currency": params["line_items"][0]["price_data"]["currency"],
            "client_reference_id": params.get("client_reference_id"),
            "customer_email": params.get("customer_email"),
            "metadata": params.get("metadata", {}),
            "success_url": params["success_url"],
            "cancel_url": params.get("cancel_url"),
            "livemode": False,
            "url": f"{self.url}/c/pay/{session_id}",
        }
        self.sessions[session_id] = checkout
        return 200, checkout

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # keep test output quiet
                pass

            def _answer(self, status: int, body: dict[str, Any]) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.send_header("Request-Id", f"req_{secrets.token_hex(8)}")
                self.end_headers()
                self.wfile.write(data)

            def _authorised(self) -> bool:
                if self.headers.get("Authorization", "").startswith("Bearer sk_"):
                    return True
                self._answer(401, {"error": {"type": "invalid_request_error", "message": "Invalid API Key"}})
                return False

            def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
                body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
                params = _nest(parse_qsl(body, keep_blank_values=True))
                fake.requests.append({"method": "POST", "path": self.path, "headers": dict(self.headers), **params})
                if not self._authorised():
                    return
                if self.path != "/v1/checkout/sessions":
                    self._answer(404, {"error": {"type": "invalid_request_error", "message": "Unrecognized URL"}})
                    return
                self._answer(*fake.create_session(params))

            def do_GET(self) -> None:  # noqa: N802
                if not self._authorised():
                    return
                session_id = self.path.rsplit("/", 1)[-1]
                if self.path.startswith("/v1/checkout/sessions/") and session_id in fake.sessions:
                    self._answer(200, fake.sessions[session_id])
                else:
                    self._answer(404, {"error": {"type": "invalid_request_error", "message": "No such session"}})

        return Handler
