"""A recruiter's decisions on a job's candidates: shortlist / hold / reject, 1-5 stars and a note.

Kept in their own table, one row per scored CV, so a decision can never change a score, and every
session of the account (and a share link) reads the same decisions from the database.
"""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, select

from cvmatch_app.db.models import CandidateDecision, MatchCV, saved_id, utcnow
from cvmatch_app.services import matching
from cvmatch_app.services.errors import BadRequest, NotFound

STATUS_LABELS = {"shortlist": "Shortlisted", "hold": "On hold", "reject": "Rejected"}
UNDECIDED = ""
MAX_STARS = 5
MAX_NOTE_CHARS = 2000


def empty_decision() -> dict[str, Any]:
    return {"status": UNDECIDED, "status_label": "Undecided", "stars": 0, "note": ""}


def as_dict(decision: CandidateDecision | None) -> dict[str, Any]:
    if decision is None:
        return empty_decision()
    return {
        "status": decision.status,
        "status_label": STATUS_LABELS.get(decision.status, "Undecided"),
        "stars": decision.stars,
        "note": decision.note,
    }


def decisions_for_job(session: Session, job_id: str) -> dict[int, dict[str, Any]]:
    """Every decision of the job, by CV id."""
    rows = session.exec(select(CandidateDecision).where(CandidateDecision.job_id == job_id))
    return {row.cv_id: as_dict(row) for row in rows}


def set_decision(
    session: Session,
    *,
    user_id: int,
    job_id: str,
    position: int,
    status: str | None = None,
    stars: int | None = None,
    note: str | None = None,
) -> dict[str, Any]:
    """Change what is given (status, stars, note) on one of the user's scored CVs; the rest stays."""
    job = matching.get_job(session, user_id=user_id, job_id=job_id)
    cv = session.exec(select(MatchCV).where(MatchCV.job_id == job.id, MatchCV.position == position)).first()
    if cv is None or cv.status != "completed":
        raise NotFound("This candidate is not in the job's ranking: reload the page.")
    if status is not None and status != UNDECIDED and status not in STATUS_LABELS:
        raise BadRequest(f"Unknown status {status!r}: use one of {', '.join(STATUS_LABELS)}, or none.")
    if stars is not None and not 0 <= stars <= MAX_STARS:
        raise BadRequest(f"Stars go from 1 to {MAX_STARS} (0 clears the rating).")
    if note is not None and len(note) > MAX_NOTE_CHARS:
        raise BadRequest(f"The note is {len(note)} characters long; keep it under {MAX_NOTE_CHARS}.")
    decision = session.exec(select(CandidateDecision).where(CandidateDecision.cv_id == cv.id)).first()
    if decision is None:
        decision = CandidateDecision(job_id=job.id, cv_id=saved_id(cv))
    if status is not None:
        decision.status = status
    if stars is not None:
        decision.stars = stars
    if note is not None:
        decision.note = note.strip()
    decision.updated_at = utcnow()
    session.add(decision)
    session.flush()
    return as_dict(decision)
