"""The job's rubric for every adapter (web pages, REST API, MCP): the engine's reading of a JD, the
rubric stored with a job and its versions, and re-scoring a job with an edited rubric.

Plain data in and out; bad input raises ``ServiceError`` subclasses (400 bad rubric, 404 unknown
job or version, 409 job still running or a paid re-run not confirmed, 402 not enough credits).

Versions: a job starts at rubric version 1 (the rubric it was submitted with, or the engine's own
reading when ``match_job.rubric`` is null). Each re-score stores a new version; the version it
replaces is kept in ``match_rubric_version`` with the ranking it gave, so it can be viewed later.
"""

from __future__ import annotations

import json
import re
import threading
from collections import OrderedDict
from datetime import datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import bindparam, event, insert, update
from sqlmodel import Session, SQLModel, col, select

from cvmatch_app.config import get_settings
from cvmatch_app.db.models import MatchCV, MatchJob, MatchRubricVersion, utcnow
from cvmatch_app.db.session import session_scope
from cvmatch_app.engine.bands import clamp_score, verdict_for
from cvmatch_app.engine.candidate import text_for_scorer
from cvmatch_app.engine.job_profile import build_job_profile
from cvmatch_app.engine.local import LocalEngine, ReadCV
from cvmatch_app.engine.rubric import RubricError, rubric_from_profile, validate_rubric
from cvmatch_app.plans import credits_for
from cvmatch_app.services import credits
from cvmatch_app.services.errors import BadRequest, Conflict, NotFound

DONE_STATES = ("completed", "failed")
_READING_CACHE_SIZE = 128
_readings: OrderedDict[str, list[dict[str, Any]]] = OrderedDict()


def check_requirements(requirements: Any) -> list[dict[str, Any]]:
    """The recruiter's rubric, validated with defaults filled in; 400 with what to correct."""
    try:
        return validate_rubric(requirements)
    except RubricError as error:
        raise BadRequest(str(error)) from None


def parse_requirements(value: Any) -> list[dict[str, Any]] | None:
    """The ``requirements`` of a submission: None when not sent, a list, or its JSON text (a form
    field); checked like ``check_requirements``."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, (bytes, bytearray)):
        value = value.decode("utf-8", "replace")
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            raise BadRequest(
                'requirements must be JSON: a list of requirements like [{"text": "RN licence", "kind": "must"}].'
            ) from None
    return check_requirements(value)


def _check_jd(jd_text: Any) -> str:
    if not isinstance(jd_text, str) or not jd_text.strip():
        raise BadRequest("Paste the job description (jd_text) to see the requirements the engine reads from it.")
    limit = get_settings().max_jd_chars
    if len(jd_text) > limit:
        raise BadRequest(f"The job description is {len(jd_text):,} characters; the maximum is {limit:,}.")
    return jd_text


def preview_rubric(jd_text: str) -> dict[str, Any]:
    """What the engine reads from a JD, before any upload or credit: {"title", "requirements"}."""
    profile = build_job_profile(_check_jd(jd_text))
    return {"title": profile.title, "requirements": rubric_from_profile(profile)}


def engine_reading(job: MatchJob) -> list[dict[str, Any]]:
    """The engine's own reading of the job's JD (cached per job: the JD never changes)."""
    if job.id not in _readings:
        _readings[job.id] = rubric_from_profile(build_job_profile(job.jd_text))
        while len(_readings) > _READING_CACHE_SIZE:
            _readings.popitem(last=False)
    return [dict(item) for item in _readings[job.id]]


def current_rubric(job: MatchJob) -> dict[str, Any]:
    """The rubric a job is scored with now: {"version", "requirements", "edited"} (edited: the recruiter's)."""
    requirements = job.rubric if job.rubric is not None else engine_reading(job)
    return {"version": job.rubric_version, "requirements": requirements, "edited": job.rubric is not None}


def _ranking(cvs: list[MatchCV]) -> list[dict[str, Any]]:
    scored = sorted((cv for cv in cvs if cv.status == "completed"), key=lambda cv: (-(cv.score or 0), cv.position))
    return [
        {
            "cv_id": cv.id,
            "position": cv.position,  # the CV's place in the job (the pages' card; blind jobs show no name)
            "filename": cv.filename,
            "score": cv.score,
            "verdict": cv.verdict or verdict_for(cv.score or 0)[0],
        }
        for cv in scored
    ]


def _cvs(session: Session, job_id: str) -> list[MatchCV]:
    return list(session.exec(select(MatchCV).where(MatchCV.job_id == job_id).order_by(col(MatchCV.position))))


def _get_job(session: Session, user_id: int, job_id: str) -> MatchJob:
    from cvmatch_app.services.matching import get_job  # matching submits with a rubric: imported late

    return get_job(session, user_id=user_id, job_id=job_id)


def _iso(moment: datetime) -> str:
    return moment.isoformat()


def job_rubric(session: Session, *, user_id: int, job_id: str, version: int | None = None) -> dict[str, Any]:
    """The job's rubric versions and one of them (the current one unless ``version``).

    {"job_id", "version": current, "versions": [{"version", "created_at"}...], "viewing": v, "edited",
    "requirements": [...], "ranking": [{cv_id, position, filename, score, verdict}...]} — the ranking of the
    version viewed (the current one from the job's results, older ones as they were)."""
    job = _get_job(session, user_id, job_id)
    rows = {
        row.version: row
        for row in session.exec(
            select(MatchRubricVersion)
            .where(MatchRubricVersion.job_id == job.id)
            .order_by(col(MatchRubricVersion.version))
        )
    }
    versions = [{"version": v, "created_at": _iso(row.created_at)} for v, row in rows.items()]
    if job.rubric_version not in rows:
        versions.append({"version": job.rubric_version, "created_at": _iso(job.created_at)})
    viewing = job.rubric_version if version is None else version
    answer: dict[str, Any] = {"job_id": job.id, "version": job.rubric_version, "versions": versions, "viewing": viewing}
    if viewing == job.rubric_version:
        current = current_rubric(job)
        cvs = _cvs(session, job.id)
        _warm_reads(job, cvs)
        return {
            **answer,
            "edited": current["edited"],
            "requirements": current["requirements"],
            "ranking": _ranking(cvs),
        }
    row = rows.get(viewing) if isinstance(viewing, int) else None
    if row is None:
        known = ", ".join(str(v["version"]) for v in versions)
        raise NotFound(f"This job has no rubric version {viewing}: its versions are {known}.")
    return {
        **answer,
        "edited": row.requirements is not None,
        "requirements": row.requirements if row.requirements is not None else engine_reading(job),
        "ranking": list(row.ranking),
    }


def last_rubric_for_title(session: Session, *, user_id: int, title: str) -> dict[str, Any] | None:
    """The rubric of the user's newest job with this title that has a recruiter's rubric ("use last
    rubric"), or None. Titles compare without case, spacing or punctuation; ``title`` may be the job
    list's title (the JD's first line) or the engine's reading of it (``preview_rubric``'s title)."""
    wanted = _title_key(title)
    if not wanted:
        return None
    rows = session.exec(
        select(MatchJob)
        .where(MatchJob.user_id == user_id, col(MatchJob.rubric).is_not(None))
        .order_by(col(MatchJob.created_at).desc())
        .limit(LAST_RUBRIC_JOBS)
    )
    for job in rows:
        if _title_key(job.jd_title) == wanted or _engine_title_key(job.jd_text) == wanted:
            return {
                "job_id": job.id,
                "title": job.jd_title,
                "version": job.rubric_version,
                "created_at": _iso(job.created_at),
                "requirements": job.rubric,
            }
    return None


LAST_RUBRIC_JOBS = 50  # the newest jobs with a rubric looked at for "use last rubric"
_TITLE_NOISE_RE = re.compile(r"^(?:job title|title|position|role|vacancy)\s*[:\-]\s*|[^\w]+", re.IGNORECASE)


def _title_key(title: str) -> str:
    return " ".join(_TITLE_NOISE_RE.sub(" ", (title or "").lower()).split())


@lru_cache(maxsize=LAST_RUBRIC_JOBS)
def _engine_title_key(jd_text: str) -> str:
    return _title_key(build_job_profile(jd_text).title)


# --- re-scoring ------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _local_engine() -> LocalEngine:
    return LocalEngine()


def _engine_for_rescore() -> LocalEngine:
    from cvmatch_app.services.engines import scoring_engine

    engine = scoring_engine()
    return engine if isinstance(engine, LocalEngine) else _local_engine()


# What the engine read of each CV does not depend on the rubric: kept for the last few jobs edited,
# so an edit only scores (about a tenth of the work) and answers within the 300 ms for 25 CVs.
_READ_JOBS = 6  # jobs kept; a 25-CV job of real CVs holds about 5-10 MB
_reads: OrderedDict[str, dict[int, tuple[int, ReadCV]]] = OrderedDict()
_reads_lock = threading.Lock()


_job_read_locks: dict[str, threading.Lock] = {}


def _read_cvs(engine: LocalEngine, job_id: str, texts: dict[int, str]) -> dict[int, ReadCV]:
    """Each CV read once per job and text (the text's hash tells a changed text), reused by every edit.
    One reader per job at a time: an edit during the warm-up waits for it instead of reading twice."""
    with _reads_lock:
        job_lock = _job_read_locks.setdefault(job_id, threading.Lock())
    with job_lock:
        return _read_cvs_locked(engine, job_id, texts)


def _read_cvs_locked(engine: LocalEngine, job_id: str, texts: dict[int, str]) -> dict[int, ReadCV]:
    with _reads_lock:
        known = dict(_reads.get(job_id, {}))
    out: dict[int, ReadCV] = {}
    for cv_id, text in texts.items():
        cached = known.get(cv_id)
        if cached is not None and cached[0] == hash(text):
            out[cv_id] = cached[1]
        else:
            out[cv_id] = engine.read_cv(text)
            known[cv_id] = (hash(text), out[cv_id])
    with _reads_lock:
        _reads[job_id] = known
        _reads.move_to_end(job_id)
        while len(_reads) > _READ_JOBS:
            evicted, _ = _reads.popitem(last=False)
            _job_read_locks.pop(evicted, None)
    return out


def _scorer_texts(job: MatchJob, cvs: list[MatchCV]) -> dict[int, str]:
    """The texts the scorer read (a blind job's without the identity), of the CVs that were scored."""
    return {
        cv.id: text_for_scorer(cv.text, blind=job.blind_review)
        for cv in cvs
        if cv.status == "completed" and cv.id is not None
    }


def _warm_reads(job: MatchJob, cvs: list[MatchCV]) -> None:
    """Read a finished local job's CVs in the background when its rubric is shown, before the first edit."""
    if job.engine == "claude" or job.status not in DONE_STATES:
        return
    with _reads_lock:
        if job.id in _reads:
            return
        _reads[job.id] = {}  # taken: one warm-up per job
    texts = _scorer_texts(job, cvs)
    job_id = job.id
    threading.Thread(
        target=lambda: _read_cvs(_engine_for_rescore(), job_id, texts), name="rubric-warm", daemon=True
    ).start()


def rescore_job(
    session: Session,
    *,
    user_id: int,
    job_id: str,
    requirements: Any,
    confirm_charge: bool = False,
) -> dict[str, Any]:
    """Re-score a finished job with an edited rubric.

    Local engine: the stored CV texts are scored again at once, in place (no upload, no credit); the
    version replaced keeps its ranking in match_rubric_version; each result records the new version.
    Answers {"job_id", "version", "status": "completed"}.

    Claude engine: a re-score is a new paid run (one credit per CV): with ``confirm_charge`` a new job
    with the same CV texts and this rubric is queued (402 if the balance is short) and {"job_id": new,
    "status": "queued", "version": 1, "cost": credits} is answered; without it, 409 says the cost.

    Pass a write session (``session_scope(write=True)``): everything is written in its transaction,
    or nothing (a refused rubric leaves the job as it was).
    """
    job = _get_job(session, user_id, job_id)
    rubric = check_requirements(requirements)
    if job.status not in DONE_STATES:
        raise Conflict(
            "This job is still being scored: wait until it has finished (its status is 'completed'), then edit "
            "its requirements. Nothing was changed."
        )
    if job.engine == "claude":
        return _paid_rerun(session, job, rubric, confirm_charge=confirm_charge)
    return _rescore_in_place(session, job, rubric)


def rescore(*, user_id: int, job_id: str, requirements: Any, confirm_charge: bool = False) -> dict[str, Any]:
    """``rescore_job`` with its own sessions (the REST API's and the pages' way): each CV is read before
    SQLite's write lock is taken, so the lock is held only while the edit is scored and written."""
    check_requirements(requirements)
    with session_scope() as session:
        job = _get_job(session, user_id, job_id)
        texts = _scorer_texts(job, _cvs(session, job.id)) if job.engine != "claude" else {}
        canonical_id = job.id
    if texts:
        _read_cvs(_engine_for_rescore(), canonical_id, texts)
    with session_scope(write=True) as session:
        return rescore_job(
            session, user_id=user_id, job_id=job_id, requirements=requirements, confirm_charge=confirm_charge
        )


def _rescore_in_place(session: Session, job: MatchJob, rubric: list[dict[str, Any]]) -> dict[str, Any]:
    # The job's row locked first: two edits at once are versioned one after the other.
    locked = session.get(MatchJob, job.id, with_for_update=True, populate_existing=True)
    assert locked is not None
    job = locked
    cvs = _cvs(session, job.id)
    engine = _engine_for_rescore()
    profile = engine.prepare_job(job.jd_text, rubric)
    reads = _read_cvs(engine, job.id, _scorer_texts(job, cvs))
    now = utcnow()
    if (
        session.exec(
            select(MatchRubricVersion.id).where(
                MatchRubricVersion.job_id == job.id, MatchRubricVersion.version == job.rubric_version
            )
        ).first()
        is None
    ):
        # The version being replaced, with the ranking it gave, so it can still be viewed.
        session.execute(
            insert(MatchRubricVersion).values(
                job_id=job.id,
                version=job.rubric_version,
                requirements=job.rubric,
                created_at=job.created_at,
                ranking=_ranking(cvs),
            )
        )
    version = job.rubric_version + 1
    rows = []
    for cv in cvs:
        if cv.status != "completed" or cv.id not in reads:
            continue  # unreadable or failed CVs were refunded: nothing to score
        assessment = engine.assess_read(profile, reads[cv.id], list(cv.extraction_flags))
        score = clamp_score(assessment.score)
        verdict, recommendation = verdict_for(score)
        rows.append(
            {
                "cv_id": cv.id,
                "score": score,
                "verdict": verdict,
                "recommendation": recommendation,
                "executive_summary": assessment.executive_summary,
                "strengths": list(assessment.strengths),
                "gaps": list(assessment.gaps),
                "evidence": list(assessment.evidence),
                "flags": sorted(set(assessment.flags) | set(cv.extraction_flags)),
                "engine_version": assessment.engine_version[:50],
                "rubric_version": version,
            }
        )
    if rows:
        # One statement for every CV (executemany): 25 ORM updates cost more than the scoring.
        table = SQLModel.metadata.tables["match_cv"]
        columns: dict[str, Any] = {key: bindparam(key) for key in rows[0] if key != "cv_id"}
        session.execute(update(table).where(table.c.id == bindparam("cv_id")).values(**columns), rows)
    job.rubric = rubric
    job.rubric_version = version
    session.add(job)
    session.flush()
    session.expire_all()
    session.execute(
        insert(MatchRubricVersion).values(
            job_id=job.id, version=version, requirements=rubric, created_at=now, ranking=_ranking(_cvs(session, job.id))
        )
    )
    return {"job_id": job.id, "version": version, "status": "completed"}


def _paid_rerun(
    session: Session, job: MatchJob, rubric: list[dict[str, Any]], *, confirm_charge: bool
) -> dict[str, Any]:
    cvs = [cv for cv in _cvs(session, job.id) if cv.status == "completed" and cv.text]
    cost = credits_for(len(cvs))
    if not cvs:
        raise Conflict("This job has no scored CV to re-score: submit the CVs again with the new requirements.")
    if not confirm_charge:
        raise Conflict(
            f"This job was scored by Claude: re-scoring it with new requirements is a new paid run of "
            f"{len(cvs)} CV{'s' if len(cvs) != 1 else ''} ({cost} credit{'s' if cost != 1 else ''}, one per CV). "
            "Send confirm_charge=true to run it; nothing was charged."
        )
    from cvmatch_app.services.engines import scoring_engine

    engine = scoring_engine()
    new = MatchJob(
        user_id=job.user_id,
        jd_text=job.jd_text,
        jd_filename=job.jd_filename,
        jd_title=job.jd_title,
        engine=engine.name,
        model=engine.model,
        cv_count=len(cvs),
        skipped_cvs=[],
        priority="standard",
        blind_review=job.blind_review,
        rubric=rubric,
        rubric_version=1,
    )
    credits.charge_job(session, user_id=job.user_id, job_id=new.id, cv_count=len(cvs))  # 402 when short
    session.add(new)
    session.flush()
    now = utcnow()
    session.execute(
        insert(MatchCV),
        [
            {
                "job_id": new.id,
                "position": position,
                "filename": cv.filename,
                "content_hash": cv.content_hash,
                "text": cv.text,  # already read: the runners score it without reading a file
                "extraction_flags": list(cv.extraction_flags),
                "text_fingerprint": cv.text_fingerprint,
                "status": "pending",
                "attempts": 0,
                "strengths": [],
                "gaps": [],
                "evidence": [],
                "flags": [],
                "usage": {},
                "created_at": now,
                "read_at": now,
            }
            for position, cv in enumerate(cvs)
        ],
    )
    cv_ids = [i for i in session.exec(select(MatchCV.id).where(MatchCV.job_id == new.id)) if i is not None]
    _dispatch_after_commit(session, cv_ids)
    return {"job_id": new.id, "status": "queued", "version": 1, "cost": cost}


def _dispatch_after_commit(session: Session, cv_ids: list[int]) -> None:
    """Hand the new job's CVs to the runners once they are committed (a runner must see them)."""
    from cvmatch_app.services.dispatcher import dispatch

    def run(_: Session) -> None:
        dispatch(cv_ids)

    event.listen(session, "after_commit", run, once=True)
