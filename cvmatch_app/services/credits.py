"""Credits: an append-only ledger whose sum is the balance; the user's column is a fast copy.

Every movement is booked with a unique (reason, reference), so booking the same movement twice
(a retried webhook, a worker that runs a refund again) changes nothing the second time.
"""

from __future__ import annotations

from sqlalchemy import func, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from cvmatch_app.db.models import CreditLedger, User
from cvmatch_app.db.session import rows_changed
from cvmatch_app.plans import CREDITS_PER_CV, credits_for
from cvmatch_app.services.errors import InsufficientCredits, NotFound

REASONS = ("signup", "purchase", "match", "refund", "admin")


def charge_job(session: Session, *, user_id: int, job_id: str, cv_count: int) -> bool:
    """Charge a new job its price (``plans.credits_for``); InsufficientCredits when the balance is short."""
    return book(session, user_id=user_id, delta=-credits_for(cv_count), reason="match", reference=f"job:{job_id}")


def refund_cv(session: Session, *, user_id: int, cv_id: int, note: str = "") -> bool:
    """Give back one CV's price, once (the reference ``cv:<id>`` is unique with the reason)."""
    return book(session, user_id=user_id, delta=CREDITS_PER_CV, reason="refund", reference=f"cv:{cv_id}", note=note)


def book(session: Session, *, user_id: int, delta: int, reason: str, reference: str, note: str = "") -> bool:
    """Book one movement; False (and nothing changed) when it was booked before.

    A debit that would make the balance negative raises InsufficientCredits and books nothing.
    The conditional UPDATE is atomic on SQLite and PostgreSQL, so concurrent debits never
    spend the same credits.
    """
    if reason not in REASONS:
        raise ValueError(f"unknown ledger reason {reason!r}")
    savepoint = session.begin_nested()
    try:
        result = session.execute(
            update(User)
            .where(col(User.id) == user_id, col(User.credits) + delta >= 0)
            .values(credits=User.credits + delta)
            .execution_options(synchronize_session=False)
        )
        if rows_changed(result) != 1:
            savepoint.rollback()
            user = session.get(User, user_id)
            if user is None:
                raise NotFound("No such account.")
            session.refresh(user)
            raise InsufficientCredits(
                f"Not enough credits: this needs {-delta} and your balance is {user.credits}. "
                "Buy a credit pack on the Credits page, or ask your administrator to grant credits."
            )
        session.add(CreditLedger(user_id=user_id, delta=delta, reason=reason, reference=reference, note=note))
        session.flush()
    except IntegrityError:
        savepoint.rollback()
        return False
    savepoint.commit()
    user = session.get(User, user_id)
    if user is not None:
        session.refresh(user)
    return True


def balance(session: Session, user_id: int) -> int:
    user = session.get(User, user_id)
    if user is None:
        raise NotFound("No such account.")
    session.refresh(user)
    return user.credits


def ledger_sum(session: Session, user_id: int) -> int:
    total = session.exec(select(func.coalesce(func.sum(CreditLedger.delta), 0)).where(CreditLedger.user_id == user_id))
    return int(total.one())


def history(session: Session, user_id: int, *, limit: int = 100) -> list[CreditLedger]:
    rows = session.exec(
        select(CreditLedger)
        .where(CreditLedger.user_id == user_id)
        .order_by(col(CreditLedger.created_at).desc(), col(CreditLedger.id).desc())
        .limit(limit)
    )
    return list(rows)
