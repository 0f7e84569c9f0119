"""Credit packs, Stripe Checkout, the Stripe webhook and the credit history (thin adapters over billing)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request
from starlette.concurrency import run_in_threadpool

from cvmatch_app.api.bodies import CheckoutRequest
from cvmatch_app.api.deps import JwtUser, in_session
from cvmatch_app.api.schemas import (
    CheckoutResponse,
    CreditHistoryResponse,
    PacksResponse,
    WebhookResponse,
    errors,
)
from cvmatch_app.db.models import saved_id
from cvmatch_app.services import billing, credits
from cvmatch_app.services.errors import PayloadTooLarge

router = APIRouter(prefix="/api", tags=["credits"])
MAX_WEBHOOK_BYTES = 1024 * 1024  # Stripe's events are a few kilobytes


@router.get(
    "/credits/packs",
    summary="The credit packs on sale and whether buying is enabled",
    response_model=PacksResponse,
    response_model_exclude_unset=True,
)
async def list_packs() -> dict[str, Any]:
    return {"billing_enabled": billing.billing_enabled(), "packs": [pack.as_dict() for pack in billing.packs()]}


@router.post(
    "/billing/checkout",
    summary="Open a Stripe Checkout for a credit pack (JWT)",
    response_model=CheckoutResponse,
    response_model_exclude_unset=True,
    responses=errors(400, 401, 404),
)
async def start_checkout(body: CheckoutRequest, user: JwtUser) -> dict[str, str]:
    """JSON `{"pack_id": "pack_100"}` → `{"url": ...}`: send the browser there to pay."""
    url = await in_session(lambda s: billing.create_checkout_session(s, user, body.pack_id))
    return {"url": url}


@router.get(
    "/credits/history",
    summary="Your credit movements, newest first (JWT)",
    response_model=CreditHistoryResponse,
    response_model_exclude_unset=True,
    responses=errors(400, 401),
)
async def credit_history(user: JwtUser, limit: int = Query(100, ge=1, le=500)) -> dict[str, Any]:
    def read(session: Any) -> dict[str, Any]:
        rows = credits.history(session, saved_id(user), limit=limit)
        return {
            "balance": credits.balance(session, saved_id(user)),
            "entries": [
                {
                    "delta": row.delta,
                    "reason": row.reason,
                    "reference": row.reference,
                    "note": row.note,
                    "created_at": row.created_at.isoformat(),
                }
                for row in rows
            ],
        }

    return await in_session(read)


@router.post(
    "/stripe/webhook",
    summary="Stripe events (signed with the endpoint's whsec_ secret)",
    response_model=WebhookResponse,
    response_model_exclude_unset=True,
    responses=errors(400, 401, 413),
)
async def stripe_webhook(request: Request) -> dict[str, Any]:
    """401 for a missing, wrong or stale signature; 400 for a body that is not an event of this
    server's mode; 200 for everything applied, ignored or already seen (so Stripe stops retrying)."""
    payload = bytearray()
    async for chunk in request.stream():
        payload += chunk
        if len(payload) > MAX_WEBHOOK_BYTES:
            raise PayloadTooLarge("A Stripe event is never this large.")
    outcome = await run_in_threadpool(billing.handle_webhook, bytes(payload), request.headers.get("stripe-signature"))
    return outcome.as_dict()
