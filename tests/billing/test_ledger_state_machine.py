"""Any sequence of purchases, redeliveries, debits, refunds and grants keeps balance == ledger sum >= 0.

Hypothesis drives the real services (billing.apply_event, credits.book) against a migrated SQLite
file, and against PostgreSQL, and compares them with a model of what each account should hold.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, invariant, precondition, rule, run_state_machine_as_test
from sqlalchemy import Engine
from sqlmodel import Session

from cvmatch_app.config import CreditPack, get_settings
from cvmatch_app.db.models import User
from cvmatch_app.services import billing, credits
from cvmatch_app.services.errors import InsufficientCredits
from tests.conftest import DATA_DIR, POSTGRES_URL
from tests.support.fake_stripe import PACK_PRICES, checkout_event, paid_checkout
from tests.support.postgres import create_database, drop_database, migrated_engine

PACKS = [("pack_100", 100, "starter"), ("pack_500", 500, "starter"), ("pack_api", 5000, "api")]
PLAN_RANK = {"free": 0, "starter": 1, "api": 2}
EVENT_TYPES = [billing.CHECKOUT_COMPLETED, billing.ASYNC_SUCCEEDED, billing.ASYNC_FAILED]


@dataclass
class Debit:
    user_id: int
    reference: str
    cvs: int


class LedgerMachine(RuleBasedStateMachine):
    engine: Engine

    users = Bundle("users")
    checkouts = Bundle("checkouts")

    def __init__(self) -> None:
        super().__init__()
        self.balance: dict[int, int] = {}
        self.plan: dict[int, str] = {}
        self.credited_sessions: set[str] = set()
        self.delivered: list[dict] = []
        self.debits: list[Debit] = []
        self.refunded: set[tuple[str, int]] = set()

    def _session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)

    @rule(target=users, grant=st.integers(0, 30))
    def sign_up(self, grant: int) -> int:
        with self._session() as session:
            user = User(email=f"sm-{uuid.uuid4().hex}@example.test", password_hash="not-a-login")
            session.add(user)
            session.flush()
            if grant:
                credits.book(session, user_id=user.id, delta=grant, reason="signup", reference=f"user:{user.id}")
            session.commit()
            self.balance[user.id], self.plan[user.id] = grant, "free"
            return user.id

    @rule(target=checkouts, user_id=users, pack=st.sampled_from(PACKS))
    def open_checkout(self, user_id: int, pack: tuple[str, int, str]) -> dict:
        pack_id, pack_credits, plan = pack
        return paid_checkout(user_id=user_id, pack_id=pack_id, credits=pack_credits, plan=plan)

    @rule(checkout=checkouts, event_type=st.sampled_from(EVENT_TYPES), paid=st.booleans())
    def stripe_delivers(self, checkout: dict, event_type: str, paid: bool) -> None:
        event = checkout_event(event_type, checkout, payment_status="paid" if paid else "unpaid")
        pays = event_type == billing.ASYNC_SUCCEEDED or (event_type == billing.CHECKOUT_COMPLETED and paid)
        credited = pays and checkout["id"] not in self.credited_sessions
        with self._session() as session:
            outcome = billing.apply_event(session, event)
            session.commit()
        assert (outcome.result == "credited") == credited, outcome
        self.delivered.append(event)
        if credited:
            user_id = int(checkout["metadata"]["user_id"])
            self.credited_sessions.add(checkout["id"])
            self.balance[user_id] += int(checkout["metadata"]["credits"])
            plan = checkout["metadata"]["plan"]
            if PLAN_RANK[plan] > PLAN_RANK[self.plan[user_id]]:
                self.plan[user_id] = plan

    @precondition(lambda self: self.delivered)
    @rule(data=st.data())
    def stripe_redelivers(self, data: st.DataObject) -> None:
        event = data.draw(st.sampled_from(self.delivered))
        with self._session() as session:
            outcome = billing.apply_event(session, event)
            session.commit()
        assert outcome.result == "duplicate", outcome

    @rule(user_id=users, cvs=st.integers(1, 40))
    def submit_match_job(self, user_id: int, cvs: int) -> None:
        reference = f"job:{uuid.uuid4()}"
        with self._session() as session:
            if cvs > self.balance[user_id]:
                with pytest.raises(InsufficientCredits):
                    credits.book(session, user_id=user_id, delta=-cvs, reason="match", reference=reference)
                session.commit()
                return
            assert credits.book(session, user_id=user_id, delta=-cvs, reason="match", reference=reference)
            session.commit()
        self.balance[user_id] -= cvs
        self.debits.append(Debit(user_id, reference, cvs))

    @precondition(lambda self: self.debits)
    @rule(data=st.data())
    def refund_failed_cv(self, data: st.DataObject) -> None:
        """A worker refunds a failed CV, possibly again after a retry: booked once per CV."""
        debit = data.draw(st.sampled_from(self.debits))
        position = data.draw(st.integers(0, debit.cvs - 1))
        first_time = (debit.reference, position) not in self.refunded
        with self._session() as session:
            booked = credits.book(
                session, user_id=debit.user_id, delta=1, reason="refund", reference=f"cv:{debit.reference}:{position}"
            )
            session.commit()
        assert booked == first_time
        if first_time:
            self.refunded.add((debit.reference, position))
            self.balance[debit.user_id] += 1

    @rule(user_id=users, amount=st.integers(-60, 60).filter(bool))
    def admin_grants(self, user_id: int, amount: int) -> None:
        with self._session() as session:
            if self.balance[user_id] + amount < 0:
                with pytest.raises(InsufficientCredits):
                    credits.book(
                        session, user_id=user_id, delta=amount, reason="admin", reference=f"admin:{uuid.uuid4()}"
                    )
                return
            credits.book(session, user_id=user_id, delta=amount, reason="admin", reference=f"admin:{uuid.uuid4()}")
            session.commit()
        self.balance[user_id] += amount

    @invariant()
    def balance_is_the_ledger_sum_and_never_negative(self) -> None:
        with self._session() as session:
            for user_id, expected in self.balance.items():
                balance = credits.balance(session, user_id)
                assert balance == credits.ledger_sum(session, user_id) == expected >= 0
                assert session.get(User, user_id).plan == self.plan[user_id]


@pytest.fixture(autouse=True)
def _packs_on_sale(monkeypatch: pytest.MonkeyPatch) -> None:
    """The packs the checkouts name, at the prices Stripe charges for them (billing reads the settings)."""
    on_sale = [
        CreditPack(id=pack_id, credits=pack_credits, amount_cents=PACK_PRICES[pack_id], plan=plan)
        for pack_id, pack_credits, plan in PACKS
    ]
    monkeypatch.setattr(get_settings(), "credit_packs", on_sale)


def _run(engine: Engine, *, examples: int, steps: int) -> None:
    machine = type("Machine", (LedgerMachine,), {"engine": engine})
    run_state_machine_as_test(
        machine,
        settings=settings(
            max_examples=examples,
            stateful_step_count=steps,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        ),
    )


def test_ledger_state_machine_on_sqlite() -> None:
    path = Path(DATA_DIR) / f"ledger-machine-{uuid.uuid4().hex[:8]}.db"
    engine = migrated_engine(f"sqlite:///{path}")
    try:
        _run(engine, examples=60, steps=40)
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_ledger_state_machine_on_postgres() -> None:
    database_url = create_database(POSTGRES_URL)
    engine = migrated_engine(database_url)
    try:
        _run(engine, examples=25, steps=30)
    finally:
        engine.dispose()
        drop_database(POSTGRES_URL, database_url)
