"""Score one queued CV: claim it with a lease, score it, write the result or refund it. Idempotent.

Both runners (the embedded pool and the distributed workers) call ``process_cv``. A CV is claimed
by a conditional UPDATE, so two runners can never score it at the same time, and a finished CV is
never scored again: a redelivered queue message is harmless.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from datetime import timedelta
from typing import Any

from sqlalchemy import ColumnElement, case, or_, true, update
from sqlmodel import col, select

from cvmatch_app.config import get_settings
from cvmatch_app.db.models import MatchCV, MatchJob, saved_id, utcnow
from cvmatch_app.db.session import rows_changed, session_scope
from cvmatch_app.engine.bands import clamp_score, verdict_for
from cvmatch_app.engine.candidate import read_candidate, text_for_scorer
from cvmatch_app.engine.types import Assessment, ScoringEngine
from cvmatch_app.jobs.reading import read_cv
from cvmatch_app.services import credits
from cvmatch_app.services.engines import scoring_engine
from cvmatch_app.services.matching import CV_HELD_STATES, refresh_job_status

log = logging.getLogger("cvmatch.jobs")
_JOB_CACHE_SIZE = 64
_job_profiles: OrderedDict[str, Any] = OrderedDict()


def claimable(now: Any) -> ColumnElement[bool]:
    """The one rule for a CV a runner may take: queued (pending), or held by a runner whose lease expired."""
    held_and_expired = col(MatchCV.status).in_(CV_HELD_STATES) & (col(MatchCV.lease_until) < now)
    return or_(col(MatchCV.status) == "pending", held_and_expired)


def claim(cv_id: int) -> str | None:
    """Take the CV if it is queued or its previous runner's lease expired.

    Returns what the claim is for: 'reading' (its file has not been read yet) or 'processing'
    (scoring), or None when another runner holds it or it is finished.
    """
    settings = get_settings()
    now = utcnow()
    with session_scope(write=True) as session:
        result = session.execute(
            update(MatchCV)
            .where(col(MatchCV.id) == cv_id, claimable(now))
            .values(
                status=case((col(MatchCV.read_at).is_(None), "reading"), else_="processing"),
                attempts=MatchCV.attempts + 1,
                lease_until=now + timedelta(seconds=settings.lease_seconds),
            )
            .execution_options(synchronize_session=False)
        )
        if rows_changed(result) != 1:
            return None
        cv = session.get(MatchCV, cv_id, populate_existing=True)
        assert cv is not None
        refresh_job_status(session, cv.job_id)
        return cv.status


def _job_profile(
    engine: ScoringEngine, job_id: str, jd_text: str, rubric: list[dict[str, Any]] | None = None, version: int = 1
) -> Any:
    """The JD (and the recruiter's rubric, when the job has one) is analysed once per job and rubric
    version, not once per CV."""
    key = f"{engine.name}:{job_id}:{version}"
    if key not in _job_profiles:
        _job_profiles[key] = engine.prepare_job(jd_text, rubric) if rubric else engine.prepare_job(jd_text)
        while len(_job_profiles) > _JOB_CACHE_SIZE:
            _job_profiles.popitem(last=False)
    return _job_profiles[key]


async def process_cv(cv_id: int, *, engine: ScoringEngine | None = None) -> str:
    """Claim, read (once), score and record one CV.

    Returns what happened: scored, retry, failed, unreadable (skipped and refunded), read (a batch
    job's CV, left to the batch poller) or skipped (another runner has it, or it is finished).
    """
    claimed = await asyncio.to_thread(claim, cv_id)
    if not claimed:
        return "skipped"
    if claimed == "reading":
        outcome = await asyncio.to_thread(read_cv, cv_id)
        if outcome != "ready":
            return outcome
    engine = engine or scoring_engine()
    cv, job = await asyncio.to_thread(_load, cv_id)
    try:
        profile = await asyncio.to_thread(_job_profile, engine, job.id, job.jd_text, job.rubric, job.rubric_version)
        text = text_for_scorer(cv.text, blind=job.blind_review)
        assessment = await engine.assess(profile, text, list(cv.extraction_flags))
    except Exception as exc:  # noqa: BLE001 - any engine failure is retried, then refunded
        log.warning("scoring CV %s failed (attempt %s): %s", cv_id, cv.attempts, exc)
        return await asyncio.to_thread(record_failure, cv_id, str(exc))
    await asyncio.to_thread(record_result, cv_id, assessment)
    return "scored"


def _load(cv_id: int) -> tuple[MatchCV, MatchJob]:
    with session_scope() as session:
        cv = session.get(MatchCV, cv_id)
        assert cv is not None
        job = session.get(MatchJob, cv.job_id)
        assert job is not None
        return cv, job


def record_result(cv_id: int, assessment: Assessment) -> None:
    """Write a claimed CV's result (the runner's and the batch poller's): only the lease holder's counts."""
    score = clamp_score(assessment.score)
    verdict, recommendation = verdict_for(score)
    with session_scope(write=True) as session:
        cv = session.get(MatchCV, cv_id)
        if cv is None:
            return
        # The job's lock first, then the CV again: a twin read meanwhile may have flagged it duplicate.
        job = session.get(MatchJob, cv.job_id, with_for_update=True)
        session.refresh(cv)
        if cv.status != "processing":
            return  # another runner finished it after our lease expired: keep the first result
        cv.status = "completed"
        cv.score = score
        cv.verdict = verdict
        cv.recommendation = recommendation
        cv.executive_summary = assessment.executive_summary
        cv.strengths = list(assessment.strengths)
        cv.gaps = list(assessment.gaps)
        cv.evidence = list(assessment.evidence)
        cv.flags = sorted(set(assessment.flags) | set(cv.extraction_flags))
        cv.engine_version = assessment.engine_version[:50]
        cv.usage = dict(assessment.usage)
        cv.rubric_version = job.rubric_version if job is not None else None
        cv.candidate = read_candidate(cv.text).as_dict()  # read once: the pages never re-parse the CV
        cv.lease_until = None
        cv.completed_at = utcnow()
        session.add(cv)
        if assessment.usage:
            _add_usage(session, cv.job_id, assessment.usage)
        refresh_job_status(session, cv.job_id)


def _add_usage(session: Any, job_id: str, usage: dict[str, Any]) -> None:
    # Locked and re-read: two CVs of one job finishing at once must not overwrite each other's tokens.
    job = session.get(MatchJob, job_id, with_for_update=True, populate_existing=True)
    total = dict(job.usage or {})
    for name, value in usage.items():
        if isinstance(value, (int, float)):
            total[name] = round(total.get(name, 0) + value, 6)
    job.usage = total
    session.add(job)


def record_failure(cv_id: int, error: str, *, final: bool = False) -> str:
    """Queue a claimed CV again, or (out of attempts, or ``final``) fail it and refund its credit once.

    ``final`` is for the batch poller: a Message Batch answers once, there is no attempt to retry.
    """
    settings = get_settings()
    with session_scope(write=True) as session:
        cv = session.get(MatchCV, cv_id)
        if cv is None or cv.status != "processing":
            return "skipped"
        if not final and cv.attempts < settings.cv_max_attempts:
            cv.status = "pending"
            cv.lease_until = None
            session.add(cv)
            return "retry"
        cv.status = "failed"
        tries = "" if final else f" after {cv.attempts} attempts"
        cv.error = f"Scoring failed{tries} ({error[:200]}); the credit was refunded."
        cv.lease_until = None
        cv.completed_at = utcnow()
        session.add(cv)
        job = session.get(MatchJob, cv.job_id)
        assert job is not None
        credits.refund_cv(session, user_id=job.user_id, cv_id=saved_id(cv))
        refresh_job_status(session, cv.job_id)
        return "failed"


def not_waiting_for_batch() -> ColumnElement[bool]:
    """Leaves out the CVs of Claude batch jobs: the batch poller records those, never a runner.

    Only once read, and only while this server runs Claude: if it was switched back to the local engine, a batch job's
    CVs are scored by the runners like any other, so that none is stranded.
    """
    if get_settings().engine != "claude":
        return true()
    batch_jobs = select(MatchJob.id).where(MatchJob.priority == "batch", MatchJob.engine == "claude")
    # A runner still reads them: the batch needs their text.
    return or_(col(MatchCV.read_at).is_(None), col(MatchCV.job_id).not_in(batch_jobs))


def unfinished_cv_ids() -> list[int]:
    """CVs queued, or taken by a runner whose lease has expired (it stopped or crashed)."""
    now = utcnow()
    with session_scope() as session:
        rows = session.exec(
            select(col(MatchCV.id))
            .where(claimable(now), not_waiting_for_batch())
            .order_by(col(MatchCV.created_at), col(MatchCV.id))
        )
        return [cv_id for cv_id in rows if cv_id is not None]
