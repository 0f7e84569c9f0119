"""The credits page: balance, packs with their per-match price, buying (when billing is on), and the ledger."""

from __future__ import annotations

import dataclasses

import reflex as rx

from cvmatch_app.services import billing, credits
from cvmatch_app.services.errors import ServiceError
from cvmatch_app.state.auth import AuthState
from cvmatch_app.state.db import in_db

REASON_LABELS = {
    "signup": "Sign-up credits",
    "purchase": "Credit pack bought",
    "match": "Match job",
    "refund": "Refund (CV could not be scored)",
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
    what: str
    delta: str
    positive: bool


class CreditsState(rx.State):
    packs: list[PackRow] = []
    billing_enabled: bool = False
    movements: list[LedgerRow] = []
    buying: str = ""

    @rx.event
    async def load(self):
        self.buying = ""
        self.billing_enabled = billing.billing_enabled()
        self.packs = [PackRow(id=p.id, name=p.name, price=p.price, per_match=p.per_credit) for p in billing.packs()]
        user_id = await (await self.get_state(AuthState)).current_user_id()
        if user_id is None:
            return
        rows = await in_db(lambda s: credits.history(s, user_id))
        self.movements = [
            LedgerRow(
                when=row.created_at.strftime("%d %b %Y, %H:%M"),
                what=REASON_LABELS.get(row.reason, row.reason) + (f" — {row.note}" if row.note else ""),
                delta=f"{row.delta:+d}",
                positive=row.delta > 0,
            )
            for row in rows
        ]

    @rx.event
    async def buy(self, pack_id: str):
        auth = await self.get_state(AuthState)
        token = auth.token
        self.buying = pack_id
        yield
        try:
            url = await in_db(lambda s: _checkout(s, token, pack_id), write=True)
        except ServiceError as exc:
            self.buying = ""
            yield rx.toast.error(exc.detail, close_button=True)
            return
        yield rx.redirect(url)


def _checkout(session, token: str, pack_id: str) -> str:  # type: ignore[no-untyped-def]
    from cvmatch_app.services import accounts

    user = accounts.user_from_token(session, token)
    return billing.create_checkout_session(session, user, pack_id)
