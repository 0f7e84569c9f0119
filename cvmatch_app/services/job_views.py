"""What the web app shows about a user's jobs: per-CV states and results, and the history list.

Read-only views over the database (the truth); ownership goes through ``matching.get_job``, so
another account's job is 'not found' here exactly as in the API.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from cvmatch_app.db.models import MatchCV
from cvmatch_app.services import matching

# The CV row's status in the recruiter's words.
CV_STATE_LABELS = {
    "pending": "Queued",
    "reading": "Reading",
    "processing": "Scoring",
    "completed": "Done",
    "failed": "Failed",
    "skipped": "Skipped",
}


def job_view(session: Session, *, user_id: int, job_id: str) -> dict[str, Any]:
    """The job, every CV's state (skipped ones included) and the scored results, ranked."""
    job = matching.get_job(session, user_id=user_id, job_id=job_id)
    cvs = list(session.exec(select(MatchCV).where(MatchCV.job_id == job.id).order_by(col(MatchCV.position))))
    rows: list[dict[str, Any]] = []
    for cv in cvs:
        row: dict[str, Any] = {
            "position": cv.position,
            "filename": cv.filename,
            "state": cv.status,
            "state_label": CV_STATE_LABELS.get(cv.status, cv.status.capitalize()),
            "note": _note(cv),
            "result": matching.cv_result(cv) if cv.status == "completed" else None,
        }
        rows.append(row)
    for offset, skipped in enumerate(job.skipped_cvs or []):
        rows.append(
            {
                "position": len(cvs) + offset,
                "filename": str(skipped.get("filename", "")),
                "state": "skipped",
                "state_label": "Skipped",
                "note": str(skipped.get("reason", "")),
                "result": None,
            }
        )
    finished = sum(1 for row in rows if row["state"] in matching.CV_DONE_STATES)
    refunded = sum(1 for cv in cvs if cv.status in ("failed", "skipped"))
    return {
        "job_id": job.id,
        "title": job.jd_title or "Untitled job",
        "status": job.status,
        "created_at": job.created_at,
        "engine": job.engine,
        "rows": rows,
        "finished": finished,
        "total": len(rows),
        "charged": job.cv_count - refunded,
        "done": job.status in matching.JOB_DONE_STATES,
    }


def _note(cv: MatchCV) -> str:
    if cv.status == "failed":
        return cv.error or "Scoring failed; the credit was refunded."
    if cv.status == "skipped":
        return f"{cv.error or 'The file could not be read.'} The credit was refunded."
    return ""


def history(session: Session, *, user_id: int, limit: int = 50) -> list[dict[str, Any]]:
    """The user's recent jobs, newest first, each with its best-scored candidate."""
    jobs = matching.list_jobs(session, user_id=user_id, limit=limit)
    if not jobs:
        return []
    job_ids = [job.id for job in jobs]
    best_scores = dict(
        session.exec(
            select(MatchCV.job_id, func.max(MatchCV.score))
            .where(col(MatchCV.job_id).in_(job_ids), MatchCV.status == "completed")
            .group_by(MatchCV.job_id)
        ).all()
    )
    best_names: dict[str, str] = {}
    for job_id, score in best_scores.items():
        name = session.exec(
            select(MatchCV.filename)
            .where(MatchCV.job_id == job_id, MatchCV.score == score, MatchCV.status == "completed")
            .order_by(col(MatchCV.position))
        ).first()
        best_names[job_id] = name or ""
    return [
        {
            "job_id": job.id,
            "title": job.jd_title or "Untitled job",
            "created_at": job.created_at,
            "cv_count": job.cv_count,
            "skipped": len(job.skipped_cvs or []),
            "status": job.status,
            "best_name": best_names.get(job.id, ""),
            "best_score": best_scores.get(job.id),
        }
        for job in jobs
    ]
