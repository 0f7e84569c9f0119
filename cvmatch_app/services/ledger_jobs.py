"""Which job a credit movement belongs to, so the Credits page can name and link it."""

from __future__ import annotations

from sqlmodel import Session, col, select

from cvmatch_app.db.models import CreditLedger, MatchCV, MatchJob


def jobs_of(session: Session, rows: list[CreditLedger]) -> dict[str, tuple[str, str]]:
    """reference -> (job id, job title) for match debits ('job:<id>') and refunds ('cv:<id>')."""
    job_ids = {row.reference: row.reference.removeprefix("job:") for row in rows if row.reference.startswith("job:")}
    cv_ids = {
        int(row.reference.removeprefix("cv:")): row.reference
        for row in rows
        if row.reference.startswith("cv:") and row.reference.removeprefix("cv:").isdigit()
    }
    if cv_ids:
        for cv_id, job_id in session.exec(
            select(col(MatchCV.id), MatchCV.job_id).where(col(MatchCV.id).in_(list(cv_ids)))
        ):
            if cv_id is not None:
                job_ids[cv_ids[cv_id]] = job_id
    if not job_ids:
        return {}
    user_ids = {row.user_id for row in rows}
    titles = dict(
        session.exec(
            select(MatchJob.id, MatchJob.jd_title).where(
                col(MatchJob.id).in_(set(job_ids.values())),
                col(MatchJob.user_id).in_(user_ids),
            )
        ).all()
    )
    return {ref: (job_id, titles[job_id] or "Untitled job") for ref, job_id in job_ids.items() if job_id in titles}
