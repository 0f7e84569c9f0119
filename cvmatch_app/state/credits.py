"""The credits page: balance, packs with their per-match price, buying (when billing is on), and the ledger."""

from __future__ import annotations

import asyncio
import dataclasses
from datetime import UTC, datetime

import reflex as rx
from sqlmodel import Session

from cvmatch_app.db.models import CreditLedger
from cvmatch_app.services import accounts, billing, credits, ledger_jobs
from cvmatch_app.services.errors import ServiceError
from cvmatch_app.state.auth import AuthState
from cvmatch_app.state.db import in_db

PURCHASE_WATCH_POLLS = 30  # a minute: Stripe usually confirms within seconds
REASON_LABELS = {
    "signup": "Sign-up credits",
    "purchase": "Credit pack bought",
    "match": "Match job",
    "refund": "Refund (CV could not be read or scored)",
    "admin": "Granted by an administrator",
}


@dataclasses.dataclass
class PackRow:
    id: str
    name: str
    price: str
    per_match: str


@dataclasses.dataclass
class LedgerRow:
    when: str
    when_iso: str
    what: str
    delta: str
    positive: bool
    job_id: str = ""
    job_title: str = ""


class CreditsState(rx.State):
    packs: list[PackRow] = []
    billing_enabled: bool = False
    movements: list[LedgerRow] = []
    buying: str = ""
    checkout: str = ""  # "success" or "cancelled" when Stripe Checkout sends the user back

    @rx.event
    async def load(self):
        self.buying = ""
        self.checkout = self.router.url.query_parameters.get("checkout", "")
        self.billing_enabled = billing.billing_enabled()
        self.packs = [PackRow(id=p.id, name=p.name, price=p.price, per_match=p.per_credit) for p in billing.packs()]
        user_id = await (await self.get_state(AuthState)).current_user_id()
        if user_id is None:
            return
        await self._load_movements(user_id)
        if self.checkout == "success":
            return CreditsState.watch_purchase

    @rx.event(background=True)
    async def watch_purchase(self):
        """After a paid checkout, show the credits as soon as Stripe's webhook books them."""
        async with self:
            auth = await self.get_state(AuthState)
            user_id = await auth.current_user_id()
            seen = len(self.movements)
        if user_id is None:
            return
        for _ in range(PURCHASE_WATCH_POLLS):
            await asyncio.sleep(2)
            rows = await in_db(lambda s: _movements(s, user_id))
            if len(rows) != seen:
                async with self:
                    self.movements = rows
                    await (await self.get_state(AuthState))._load_user()
                return

    async def _load_movements(self, user_id: int) -> None:
        self.movements = await in_db(lambda s: _movements(s, user_id))

    @rx.event
    async def buy(self, pack_id: str):
        auth = await self.get_state(AuthState)
        token = auth.token
        self.buying = pack_id
        yield
        try:
            # A read session: the call to Stripe must not hold the database's write lock.
            url = await in_db(lambda s: _checkout(s, token, pack_id))
        except ServiceError as exc:
            self.buying = ""
            yield rx.toast.error(exc.detail, close_button=True)
            return
        yield rx.redirect(url)


def _ledger_rows(rows: list[CreditLedger], jobs: dict[str, tuple[str, str]]) -> list[LedgerRow]:
    def utc(moment: datetime) -> datetime:
        return moment if moment.tzinfo else moment.replace(tzinfo=UTC)

    return [
        LedgerRow(
            when=row.created_at.strftime("%d %b %Y, %H:%M UTC"),
            when_iso=utc(row.created_at).isoformat(),
            what=REASON_LABELS.get(row.reason, row.reason) + (f" — {row.note}" if row.note else ""),
            delta=f"{row.delta:+d}",
            positive=row.delta > 0,
            job_id=jobs.get(row.reference, ("", ""))[0],
            job_title=jobs.get(row.reference, ("", ""))[1],
        )
        for row in rows
    ]


def _movements(session: Session, user_id: int) -> list[LedgerRow]:
    rows = list(credits.history(session, user_id))
    return _ledger_rows(rows, ledger_jobs.jobs_of(session, rows))


def _checkout(session: Session, token: str, pack_id: str) -> str:
    user = accounts.user_from_token(session, token)
    return billing.create_checkout_session(session, user, pack_id)
