"""Billing: credit packs sold through Stripe Checkout and credited once by a verified webhook.

Public functions (the Credits page and the REST routes call these; keep them stable):

    packs() -> list[Pack]                          the configured packs, in order (CVMATCH_CREDIT_PACKS)
    get_pack(pack_id) -> Pack                      one pack; BadRequest when unknown
    billing_enabled() -> bool                      True when a Stripe secret key is configured
    live_mode() -> bool                            True when that key is a live key (sk_live_/rk_live_)
    create_checkout_session(session, user, pack_id) -> str
                                                   the Stripe Checkout URL to send the user to;
                                                   BillingDisabled (503) when billing is off,
                                                   BadRequest for an unknown pack, PaymentProviderError (502)
    handle_webhook(payload: bytes, signature: str | None) -> WebhookOutcome
                                                   verify, then apply one Stripe event in its own transaction
    apply_event(session, event: dict) -> WebhookOutcome
                                                   apply an already verified event (handle_webhook's second half)
    record_purchase(session, *, user_id, checkout_session_id, credits, plan, note="") -> bool
                                                   credit a paid checkout once; False if it was credited before

The balance and the history of movements live in ``services.credits`` (``balance(session, user_id)``,
``history(session, user_id, limit=100)``).

Exactly-once crediting rests on two unique keys written in the same transaction as the credit:
the Stripe event id (``stripe_event``) and the ledger reference ``checkout:{session_id}``. So the
same event delivered ten times at once, or both ``checkout.session.completed`` and
``checkout.session.async_payment_succeeded`` for one session, in any order, credit the pack once.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

import stripe
from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col
from stripe._base_address import BaseAddresses  # the SDK's type of base_addresses (not re-exported)
from stripe.params.checkout import SessionCreateParams

from cvmatch_app.config import CreditPack, Settings, get_settings
from cvmatch_app.db.models import StripeEvent, User
from cvmatch_app.db.session import session_scope
from cvmatch_app.plans import plans_below
from cvmatch_app.services import credits as ledger
from cvmatch_app.services import security_log
from cvmatch_app.services.errors import BadRequest, NotFound, ServiceError, Unauthorized

log = logging.getLogger("cvmatch.billing")

CHECKOUT_COMPLETED = "checkout.session.completed"
ASYNC_SUCCEEDED = "checkout.session.async_payment_succeeded"
ASYNC_FAILED = "checkout.session.async_payment_failed"
HANDLED_EVENTS = frozenset({CHECKOUT_COMPLETED, ASYNC_SUCCEEDED, ASYNC_FAILED})
_CURRENCY_SYMBOLS = {"usd": "$", "eur": "€", "gbp": "£"}


class BillingDisabled(ServiceError):
    status_code = 503


class PaymentProviderError(ServiceError):
    status_code = 502


@dataclass(frozen=True)
class Pack:
    id: str
    credits: int
    amount_cents: int
    currency: str
    plan: str

    @property
    def name(self) -> str:
        return f"{self.credits:,} credits"

    @property
    def price(self) -> str:
        return _money(self.amount_cents / 100, self.currency, decimals=2)

    @property
    def per_credit(self) -> str:
        return _money(self.amount_cents / 100 / self.credits, self.currency, decimals=3)

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "name": self.name, "price": self.price, "per_credit": self.per_credit}


@dataclass(frozen=True)
class WebhookOutcome:
    """What one delivery did. ``result``: credited, already_credited, duplicate, not_paid,
    payment_failed, ignored, amount_mismatch (paid, but not the price of the pack it names)."""

    event_id: str
    event_type: str
    result: str
    credits: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {"received": True, **asdict(self)}


def _money(amount: float, currency: str, *, decimals: int) -> str:
    symbol = _CURRENCY_SYMBOLS.get(currency)
    return f"{symbol}{amount:.{decimals}f}" if symbol else f"{amount:.{decimals}f} {currency.upper()}"


def _as_pack(pack: CreditPack) -> Pack:
    return Pack(**pack.model_dump())


def packs() -> list[Pack]:
    """The packs on sale, in the configured order."""
    return [_as_pack(pack) for pack in get_settings().credit_packs]


def get_pack(pack_id: str) -> Pack:
    for pack in packs():
        if pack.id == pack_id:
            return pack
    choices = ", ".join(pack.id for pack in packs())
    raise BadRequest(f"Unknown credit pack '{pack_id}': choose one of {choices}.")


def billing_enabled() -> bool:
    return bool(get_settings().stripe_secret_key)


def live_mode() -> bool:
    return get_settings().stripe_secret_key.startswith(("sk_live_", "rk_live_"))


def _stripe_client(settings: Settings) -> stripe.StripeClient:
    base: BaseAddresses | None = {"api": settings.stripe_api_base.rstrip("/")} if settings.stripe_api_base else None
    return stripe.StripeClient(settings.stripe_secret_key, base_addresses=base, max_network_retries=2)


def create_checkout_session(session: Session, user: User, pack_id: str) -> str:
    """Open a Stripe Checkout (mode=payment) for one pack and return its URL."""
    settings = get_settings()
    if not settings.stripe_secret_key:
        raise BillingDisabled(
            "Buying credits is not enabled on this server: ask your administrator to grant credits "
            "(python -m cvmatch_app.cli grant-credits EMAIL N)."
        )
    pack = get_pack(pack_id)
    buyer = session.get(User, user.id)
    if buyer is None:
        raise NotFound("No such account.")
    credits_page = f"{settings.effective_public_url}/credits"
    metadata = {"user_id": str(buyer.id), "pack_id": pack.id, "credits": str(pack.credits), "plan": pack.plan}
    params: SessionCreateParams = {
        "mode": "payment",
        "line_items": [
            {
                "quantity": 1,
                "price_data": {
                    "currency": pack.currency,
                    "unit_amount": pack.amount_cents,
                    "product_data": {"name": f"CVMatch: {pack.name}"},
                },
            }
        ],
        "client_reference_id": str(buyer.id),
        "customer_email": buyer.email,
        "metadata": metadata,
        "payment_intent_data": {"metadata": metadata},
        "success_url": f"{credits_page}?checkout=success",
        "cancel_url": f"{credits_page}?checkout=cancelled",
    }
    try:
        checkout = _stripe_client(settings).v1.checkout.sessions.create(params)
    except stripe.StripeError as exc:
        log.warning("Stripe refused a checkout session for user %s: %s", buyer.id, exc)
        raise PaymentProviderError(
            "The payment provider could not open a checkout just now: try again in a minute."
        ) from exc
    if not checkout.url:
        raise PaymentProviderError("The payment provider returned no checkout address: try again in a minute.")
    return checkout.url


def handle_webhook(payload: bytes, signature: str | None) -> WebhookOutcome:
    """Verify a Stripe delivery and apply it once.

    Missing, malformed or wrong signature, or a timestamp older than 5 minutes: Unauthorized (401).
    A signed body that is not a Stripe event, or an event from the other mode (test vs live):
    BadRequest (400). Nothing is written in either case.
    """
    settings = get_settings()
    if not settings.stripe_webhook_secret:
        raise BillingDisabled("Stripe webhooks are not enabled on this server: STRIPE_WEBHOOK_SECRET is not set.")
    try:
        verified = stripe.Webhook.construct_event(payload, signature, settings.stripe_webhook_secret)
    except stripe.SignatureVerificationError as exc:
        security_log.event("webhook_refused", reason="bad_signature" if signature else "no_signature")
        raise Unauthorized(f"Stripe signature verification failed: {exc.user_message or exc}") from exc
    except (ValueError, TypeError, AttributeError) as exc:
        security_log.event("webhook_refused", reason="not_an_event")
        raise BadRequest("The webhook body is not a Stripe event (JSON with id, type and data.object).") from exc
    event = verified.to_dict()
    try:
        with session_scope(write=True) as session:
            return apply_event(session, event)
    except BadRequest:
        security_log.event("webhook_refused", reason="bad_event", event_id=str(event.get("id"))[:80])
        raise


def apply_event(session: Session, event: Mapping[str, Any]) -> WebhookOutcome:
    """Apply one verified event: record its id, then credit a paid CVMatch checkout once."""
    event_id, event_type, data = event.get("id"), event.get("type"), event.get("data")
    checkout = data.get("object") if isinstance(data, Mapping) else None
    if not isinstance(event_id, str) or not event_id or not isinstance(event_type, str):
        raise BadRequest("The webhook body is not a Stripe event (JSON with id, type and data.object).")
    if bool(event.get("livemode")) != live_mode():
        raise BadRequest(
            f"A {'live' if event.get('livemode') else 'test'}-mode event was sent to a "
            f"{'live' if live_mode() else 'test'}-mode server: check the webhook endpoint in the Stripe dashboard."
        )
    if event_type not in HANDLED_EVENTS:
        return WebhookOutcome(event_id, event_type, "ignored")
    if not isinstance(checkout, Mapping):
        raise BadRequest("The webhook event has no checkout session in data.object.")
    if not _first_delivery(session, event_id, event_type):
        return WebhookOutcome(event_id, event_type, "duplicate")
    if event_type == ASYNC_FAILED:
        return WebhookOutcome(event_id, event_type, "payment_failed")
    if event_type == CHECKOUT_COMPLETED and checkout.get("payment_status") != "paid":
        return WebhookOutcome(event_id, event_type, "not_paid")
    order = _order_of(checkout)
    if order is None:
        log.warning("Stripe checkout %s has no CVMatch metadata: not ours, ignored", checkout.get("id"))
        return WebhookOutcome(event_id, event_type, "ignored")
    if session.get(User, order.user_id) is None:
        log.error("Paid Stripe checkout %s names unknown user %s: nothing credited", checkout["id"], order.user_id)
        return WebhookOutcome(event_id, event_type, "ignored")
    pack = paid_pack(checkout, order.pack_id)
    if pack is None:
        log.error(
            "Paid Stripe checkout %s (pack %r, %s %s) matches no configured pack's price: nothing credited; "
            "grant the credits with cli grant-credits if the payment is genuine",
            checkout["id"],
            order.pack_id[:40],
            checkout.get("amount_total"),
            str(checkout.get("currency"))[:3],
        )
        security_log.event(
            "webhook_refused", reason="amount_mismatch", event_id=event_id[:80], checkout_id=str(checkout["id"])[:80]
        )
        return WebhookOutcome(event_id, event_type, "amount_mismatch")
    booked = record_purchase(
        session,
        user_id=order.user_id,
        checkout_session_id=str(checkout["id"]),
        credits=pack.credits,
        plan=pack.plan,
        note=f"{pack.credits:,} credits ({pack.id})",
    )
    if not booked:
        return WebhookOutcome(event_id, event_type, "already_credited")
    return WebhookOutcome(event_id, event_type, "credited", pack.credits)


def paid_pack(checkout: Mapping[str, Any], pack_id: str) -> Pack | None:
    """The configured pack this checkout paid for: named by its metadata AND matching the amount
    and currency Stripe charged. The metadata alone decides nothing (its credits are never read)."""
    try:
        pack = get_pack(pack_id)
    except BadRequest:
        return None
    amount, currency = checkout.get("amount_total"), checkout.get("currency")
    if isinstance(amount, bool) or not isinstance(amount, int) or not isinstance(currency, str):
        return None
    if amount != pack.amount_cents or currency.lower() != pack.currency:
        return None
    return pack


def record_purchase(
    session: Session, *, user_id: int, checkout_session_id: str, credits: int, plan: str = "starter", note: str = ""
) -> bool:
    """Credit a paid checkout and move the buyer up to the pack's plan; False if credited before."""
    reference = f"checkout:{checkout_session_id}"
    booked = ledger.book(session, user_id=user_id, delta=credits, reason="purchase", reference=reference, note=note)
    lower = plans_below(plan)
    if booked and lower:
        session.execute(
            update(User)
            .where(col(User.id) == user_id, col(User.plan).in_(lower))
            .values(plan=plan)
            .execution_options(synchronize_session=False)
        )
        buyer = session.get(User, user_id)
        if buyer is not None:
            session.refresh(buyer)
    return booked


def _first_delivery(session: Session, event_id: str, event_type: str) -> bool:
    """Record the event id; False when another delivery of it got there first (even concurrently)."""
    savepoint = session.begin_nested()
    try:
        session.add(StripeEvent(id=event_id[:255], type=event_type[:100]))
        session.flush()
    except IntegrityError:
        savepoint.rollback()
        return False
    savepoint.commit()
    return True


@dataclass(frozen=True)
class _Order:
    user_id: int
    pack_id: str


def _order_of(checkout: Mapping[str, Any]) -> _Order | None:
    """Who bought and which pack, from what CVMatch put in the session's metadata; None if not ours.
    How many credits is never read from here: it comes from the configured pack (``paid_pack``)."""
    metadata = checkout.get("metadata") or {}
    if not isinstance(metadata, Mapping) or not checkout.get("id") or checkout.get("mode", "payment") != "payment":
        return None
    try:
        user_id = int(metadata["user_id"])
    except (KeyError, TypeError, ValueError):
        return None
    return _Order(user_id, str(metadata.get("pack_id", "")))
