"""Match jobs: validate and charge a submission, then report its progress and ranked results."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NotRequired, TypedDict

from sqlalchemy import func, insert
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from cvmatch_app.config import get_settings
from cvmatch_app.db.models import MatchCV, MatchCVFile, MatchJob, User, saved_id, utcnow
from cvmatch_app.db.session import session_scope
from cvmatch_app.engine.bands import verdict_for
from cvmatch_app.services import credits, idempotency, job_ids
from cvmatch_app.services.dispatcher import dispatch
from cvmatch_app.services.engines import scoring_engine
from cvmatch_app.services.errors import BadRequest, Conflict, NotFound, PayloadTooLarge
from cvmatch_app.services.filenames import clean_filename
from cvmatch_app.services.job_description import check_matchable
from cvmatch_app.services.reading_pool import read_file
from cvmatch_app.services.rubric import current_rubric, parse_requirements

ACCEPTED_TYPES = "PDF, DOCX or TXT"
JOB_DONE_STATES = ("completed", "failed")
# A CV row's states: queued, read by a runner, scored, then done, failed or skipped (unreadable).
CV_STATES = ("pending", "reading", "processing", "completed", "failed", "skipped")
CV_HELD_STATES = ("reading", "processing")  # a runner holds the CV under a lease
CV_DONE_STATES = ("completed", "failed", "skipped")
PRIORITIES = ("standard", "batch")
BLIND_ON = ("true", "1", "yes", "on")  # what an HTML form or an API client sends for a ticked switch
BLIND_OFF = ("false", "0", "no", "off", "")
LOCAL_BATCH_NOTE = (
    "priority=batch applies to the Claude engine only (Message Batches API, half price, results within "
    "hours): this server scores with the local engine, so the job was scored at once, at the usual credit."
)


@dataclass
class UploadedFile:
    filename: str
    data: bytes


@dataclass
class PreparedCV:
    """A CV as submitted: its bytes are stored with the job and read later, by a runner."""

    filename: str
    content_hash: str
    data: bytes


@dataclass
class PreparedSubmission:
    """Everything checked without reading a CV (fast), before any credit is spent."""

    jd_text: str
    jd_filename: str | None
    cvs: list[PreparedCV]
    skipped: list[dict[str, str]]
    request_hash: str


def _mb(n_bytes: int) -> str:
    return f"{n_bytes / (1024 * 1024):.0f} MB"


def read_jd_file(jd_file: UploadedFile) -> str:
    """The JD file's text, read now (the job needs it) in a limited reading process; 400 if unreadable."""
    result = read_file(jd_file.filename or "job_description", jd_file.data)
    if not result.readable:
        raise BadRequest(f"The job description file could not be read: {result.reason}")
    return result.text.strip()


def prepare_submission(
    *, plan: str, cvs: Sequence[UploadedFile], jd_text: str | None, jd_file: UploadedFile | None
) -> PreparedSubmission:
    """Check limits without reading the CVs (a runner reads them). Raises 400/413 with what to do."""
    settings = get_settings()
    jd_text = (jd_text or "").strip() or None
    if jd_file is not None and not jd_file.data and not jd_file.filename:
        jd_file = None
    if jd_text and jd_file:
        raise BadRequest("Send the job description either as jd_text or as jd_file, not both.")
    if not jd_text and not jd_file:
        raise BadRequest(
            f"A job description is required: send jd_text (up to {settings.max_jd_chars:,} characters) or jd_file."
        )
    cvs = [cv for cv in cvs if cv.filename or cv.data]
    if not cvs:
        raise BadRequest(f"No CVs were sent: attach one or more files ({ACCEPTED_TYPES}) as 'cvs'.")
    limit = settings.batch_limit(plan)
    if len(cvs) > limit:
        raise BadRequest(
            f"Your {plan.capitalize()} plan allows {limit} CVs per job and you sent {len(cvs)}: "
            "split them into smaller jobs or upgrade your plan."
        )
    for cv in cvs:
        if len(cv.data) > settings.max_cv_bytes:
            raise PayloadTooLarge(
                f"'{cv.filename}' is {len(cv.data) / (1024 * 1024):.1f} MB; each CV can be at most "
                f"{_mb(settings.max_cv_bytes)}. Compress it or save it as a smaller PDF, DOCX or TXT."
            )
    jd_filename = None
    if jd_file is not None:
        if len(jd_file.data) > settings.max_cv_bytes:
            raise PayloadTooLarge(f"The job description file is larger than {_mb(settings.max_cv_bytes)}.")
        jd_text = read_jd_file(jd_file)
        jd_filename = clean_filename(jd_file.filename, fallback="job description")
        if not jd_text:
            raise BadRequest("The job description file has no text: paste the text into jd_text instead.")
    assert jd_text is not None
    if len(jd_text) > settings.max_jd_chars:
        raise BadRequest(
            f"The job description is {len(jd_text):,} characters; the maximum is {settings.max_jd_chars:,}. "
            "Shorten it to the role, duties and requirements."
        )
    check_matchable(jd_text)

    digest = hashlib.sha256()
    digest.update(jd_text.encode())
    prepared: list[PreparedCV] = []
    skipped: list[dict[str, str]] = []
    seen_files: dict[str, str] = {}
    for cv in cvs:
        filename = clean_filename(cv.filename, fallback="cv")
        content_hash = hashlib.sha256(cv.data).hexdigest()
        digest.update(filename.encode() + b"\0" + content_hash.encode())
        if content_hash in seen_files:
            skipped.append(
                {
                    "filename": filename,
                    "reason": f"Same file as '{seen_files[content_hash]}' in this job: not charged twice.",
                }
            )
            continue
        seen_files[content_hash] = filename
        prepared.append(PreparedCV(filename=filename, content_hash=content_hash, data=cv.data))
    return PreparedSubmission(
        jd_text=jd_text, jd_filename=jd_filename, cvs=prepared, skipped=skipped, request_hash=digest.hexdigest()
    )


def find_idempotent_job(session: Session, *, user_id: int, idempotency_key: str, request_hash: str) -> MatchJob | None:
    job = session.exec(
        select(MatchJob).where(MatchJob.user_id == user_id, MatchJob.idempotency_key == idempotency_key)
    ).first()
    if job is not None and job.request_hash != request_hash:
        raise Conflict("This Idempotency-Key was already used with a different request: use a new key for a new job.")
    return job


def create_job(
    session: Session,
    *,
    user: User,
    prepared: PreparedSubmission,
    engine: str,
    model: str,
    idempotency_key: str | None = None,
    callback_url: str | None = None,
    priority: str = "standard",
    blind: bool = False,
    rubric: list[dict[str, Any]] | None = None,
) -> MatchJob:
    """Charge one credit per CV and store the job with the CVs' files, atomically (in a write session).

    The files are read later by a runner; one that cannot be read is skipped and refunded there.
    """
    if not prepared.cvs:
        raise BadRequest(f"No CVs were sent: attach one or more files ({ACCEPTED_TYPES}) as 'cvs'.")
    job = MatchJob(
        user_id=saved_id(user),
        jd_text=prepared.jd_text,
        jd_filename=prepared.jd_filename,
        jd_title=job_title(prepared.jd_text),
        engine=engine,
        model=model,
        cv_count=len(prepared.cvs),
        skipped_cvs=prepared.skipped,
        idempotency_key=idempotency_key,
        request_hash=prepared.request_hash,
        callback_url=callback_url,
        priority=check_priority(priority),
        blind_review=blind,
        rubric=rubric,  # the recruiter's requirements (version 1); None: the engine reads the JD itself
    )
    credits.charge_job(session, user_id=saved_id(user), job_id=job.id, cv_count=len(prepared.cvs))
    session.add(job)
    session.flush()
    # Core inserts, one statement each for the rows and the files: building 25 ORM objects costs
    # more than the whole database work (SQLModel validates every default), and this is the answer's
    # critical path.
    now = utcnow()
    session.execute(
        insert(MatchCV),
        [
            {
                "job_id": job.id,
                "position": position,
                "filename": cv.filename,
                "content_hash": cv.content_hash,
                "text": "",
                "extraction_flags": [],
                "status": "pending",
                "attempts": 0,
                "strengths": [],
                "gaps": [],
                "evidence": [],
                "flags": [],
                "usage": {},
                "created_at": now,
            }
            for position, cv in enumerate(prepared.cvs)
        ],
    )
    ids = dict(session.exec(select(MatchCV.position, MatchCV.id).where(MatchCV.job_id == job.id)).all())
    session.execute(
        insert(MatchCVFile),
        [{"cv_id": ids[position], "data": cv.data} for position, cv in enumerate(prepared.cvs)],
    )
    return job


def check_priority(priority: str | None) -> str:
    """'standard' (the default) or 'batch'; anything else is a 400 that names the two."""
    value = (priority or "standard").strip().lower() or "standard"
    if value not in PRIORITIES:
        raise BadRequest(
            f"priority={str(priority)[:40]!r} is not a priority: send 'standard' (scored at once) or 'batch' "
            "(not urgent: Claude's Message Batches API, half the cost, results within hours)."
        )
    return value


def check_blind(blind: str | bool | None) -> bool:
    """The submission's blind review switch: off unless asked; a value that is no yes/no is a 400."""
    if blind is None or isinstance(blind, bool):
        return bool(blind)
    value = blind.strip().lower()
    if value in BLIND_ON:
        return True
    if value in BLIND_OFF:
        return False
    raise BadRequest(
        f"blind={blind[:40]!r} is not a yes/no value: send 'true' (names, contact details and other identity "
        "are hidden from the results and never reach the scorer) or 'false' (the default)."
    )


def waits_for_batch(job: MatchJob) -> bool:
    """A job the batch poller scores through Claude's Message Batches API, not the runners."""
    return job.priority == "batch" and job.engine == "claude"


def priority_note(job: MatchJob) -> str | None:
    if job.priority == "batch" and job.engine != "claude":
        return LOCAL_BATCH_NOTE
    if waits_for_batch(job):
        return "Scored through Claude's Message Batches API at half the live price; results may take hours."
    return None


def job_title(jd_text: str) -> str:
    """The JD's first meaningful line, as a recruiter would name the job."""
    for line in jd_text.splitlines():
        line = line.strip(" \t-•*#:")
        if len(line) >= 3:
            return line[:120]
    return "Untitled job"


# What the services hand the API and the web app: plain data, typed here and checked by mypy; the
# API's Pydantic models (api/schemas.py) add its text (the "Poll ..." message) and document it.
class Submission(TypedDict):
    job_id: str
    status: str
    cv_count: int
    skipped_cvs: list[dict[str, Any]]
    priority: str
    priority_note: NotRequired[str]


class Progress(TypedDict):
    job_id: str
    status: str
    total: int
    completed: int
    pending: int
    reading: int
    processing: int
    failed: int
    skipped: int


class CVResult(TypedDict):
    cv_filename: str
    match_score: int | None
    executive_summary: str | None
    strengths: list[str]
    gaps: list[str]
    recommendation: str
    verdict: str
    flags: list[str]
    evidence: list[dict[str, Any]]
    usage: dict[str, Any]
    rubric_version: int | None


class FailedCV(TypedDict):
    cv_filename: str
    error: str


class JobResults(TypedDict):
    job_id: str
    status: str
    engine: str
    model: str
    priority: str
    priority_note: NotRequired[str]
    created_at: str
    completed_at: str | None
    results: list[CVResult]
    skipped_cvs: list[dict[str, Any]]
    failed_cvs: list[FailedCV]
    usage: dict[str, Any]
    rubric: dict[str, Any]


def submission_response(job: MatchJob) -> Submission:
    response: Submission = {
        "job_id": job.id,
        "status": job.status if job.status != "processing" else "pending",
        "cv_count": job.cv_count,
        "skipped_cvs": job.skipped_cvs,
        "priority": job.priority,
    }
    if note := priority_note(job):
        response["priority_note"] = note
    return response


def get_job(session: Session, *, user_id: int, job_id: str) -> MatchJob:
    """The user's job; another account's job is 'not found' exactly like an unknown id."""
    canonical_id = job_ids.canonical(job_id)
    job = session.get(MatchJob, canonical_id) if canonical_id else None
    if job is None or job.user_id != user_id:
        raise NotFound(job_ids.not_found_detail(canonical_id))
    return job


def cv_ids_of(session: Session, job_id: str) -> list[int]:
    ids = session.exec(select(col(MatchCV.id)).where(MatchCV.job_id == job_id).order_by(col(MatchCV.position)))
    return [cv_id for cv_id in ids if cv_id is not None]


def progress(session: Session, *, user_id: int, job_id: str) -> Progress:
    job = get_job(session, user_id=user_id, job_id=job_id)
    counts = dict(
        session.exec(
            select(MatchCV.status, func.count()).where(MatchCV.job_id == job.id).group_by(MatchCV.status)
        ).all()
    )
    return {
        "job_id": job.id,
        "status": job.status,
        "total": job.cv_count,
        "completed": counts.get("completed", 0),
        "pending": counts.get("pending", 0),
        "reading": counts.get("reading", 0),
        "processing": counts.get("processing", 0),
        "failed": counts.get("failed", 0),
        "skipped": counts.get("skipped", 0),
    }


def cv_result(cv: MatchCV) -> CVResult:
    verdict, recommendation = verdict_for(cv.score or 0)
    return {
        "cv_filename": cv.filename,
        "match_score": cv.score,
        "executive_summary": cv.executive_summary,
        "strengths": cv.strengths,
        "gaps": cv.gaps,
        "recommendation": cv.recommendation or recommendation,
        "verdict": cv.verdict or verdict,
        "flags": sorted(set(cv.flags)),
        "evidence": cv.evidence,
        "usage": cv.usage,
        "rubric_version": cv.rubric_version,
    }


def results(session: Session, *, user_id: int, job_id: str) -> JobResults:
    job = get_job(session, user_id=user_id, job_id=job_id)
    cvs = list(session.exec(select(MatchCV).where(MatchCV.job_id == job.id)))
    scored = sorted((cv for cv in cvs if cv.status == "completed"), key=lambda cv: (-(cv.score or 0), cv.position))
    failed: list[FailedCV] = [
        {"cv_filename": cv.filename, "error": cv.error or "Scoring failed; the credit was refunded."}
        for cv in cvs
        if cv.status == "failed"
    ]
    answer: JobResults = {
        "job_id": job.id,
        "status": job.status,
        "engine": job.engine,
        "model": job.model,
        "priority": job.priority,
        "created_at": job.created_at.isoformat(),
        "completed_at": job.completed_at.isoformat() if job.completed_at else None,
        "results": [cv_result(cv) for cv in scored],
        "skipped_cvs": skipped_cvs(job, cvs),
        "failed_cvs": failed,
        "usage": job.usage,
        "rubric": current_rubric(job),
    }
    if note := priority_note(job):
        answer["priority_note"] = note  # the API's model puts it after "priority"
    return answer


def skipped_cvs(job: MatchJob, cvs: Sequence[MatchCV]) -> list[dict[str, Any]]:
    """Exact duplicates refused at submission (never charged), then CVs a runner could not read (refunded)."""
    unreadable = [
        {"filename": cv.filename, "reason": cv.error or "The file could not be read.", "refunded": True}
        for cv in sorted(cvs, key=lambda cv: cv.position)
        if cv.status == "skipped"
    ]
    return [*job.skipped_cvs, *unreadable]


def list_jobs(session: Session, *, user_id: int, limit: int = 50) -> list[MatchJob]:
    rows = session.exec(
        select(MatchJob).where(MatchJob.user_id == user_id).order_by(col(MatchJob.created_at).desc()).limit(limit)
    )
    return list(rows)


def refresh_job_status(session: Session, job_id: str) -> str:
    """Set the job's status from its CVs: completed when every CV is done (failed if none scored).

    The job row is locked first (FOR UPDATE on PostgreSQL; SQLite already holds its write lock), so
    two CVs finishing at once are counted one after the other and the last one sees both.
    """
    job = session.get(MatchJob, job_id, with_for_update=True, populate_existing=True)
    if job is None:
        return "missing"
    counts = dict(
        session.exec(
            select(MatchCV.status, func.count()).where(MatchCV.job_id == job_id).group_by(MatchCV.status)
        ).all()
    )
    done = sum(counts.get(state, 0) for state in CV_DONE_STATES)
    if done >= job.cv_count:
        # Failed only when scoring failed for every CV it tried; a job of unreadable CVs is completed.
        status = "failed" if counts.get("failed", 0) and not counts.get("completed", 0) else "completed"
        if job.completed_at is None:
            job.completed_at = utcnow()
    elif done or any(counts.get(state, 0) for state in CV_HELD_STATES):
        status = "processing"
    else:
        status = "pending"
    if job.status != status:
        job.status = status
        session.add(job)
    return status


def submit(
    *,
    user_id: int,
    cvs: Sequence[UploadedFile],
    jd_text: str | None,
    jd_file: UploadedFile | None = None,
    idempotency_key: str | None = None,
    priority: str | None = "standard",
    blind: str | bool | None = False,
    requirements: Any = None,
) -> Submission:
    """The whole submission, shared by the REST API and the web app: check, store, charge, queue.

    No CV is read here (a runner reads each one, in a limited process, and refunds what it cannot
    read), so this answers in milliseconds; only a JD sent as a file is read before the answer.

    ``priority='batch'`` (not urgent) on a Claude server: the runners only read the CVs, then the
    batch poller scores them in one Message Batch. The local engine ignores it.
    ``blind``: the job starts with blind review on (the job page's switch), so its CVs reach the
    scorer without the candidate's identity.
    ``requirements``: the recruiter's rubric (a list, or its JSON text; services/rubric.py), checked
    before anything is charged and stored with the job as rubric version 1.
    Blocking (database): call it from a worker thread. Returns the API's response.
    """
    with session_scope() as session:
        user = session.get(User, user_id)
        if user is None:
            raise NotFound("This account no longer exists.")
    priority = check_priority(priority)  # before the JD file is read: a typo costs nothing
    blind = check_blind(blind)
    rubric = parse_requirements(requirements)  # a bad rubric costs nothing either
    key = idempotency.clean_key(idempotency_key)
    prepared = prepare_submission(plan=user.plan, cvs=cvs, jd_text=jd_text, jd_file=jd_file)
    prepared.request_hash = idempotency.fingerprint(prepared, priority=priority, blind=blind, rubric=rubric)
    if key:
        with session_scope() as session:
            existing = find_idempotent_job(
                session, user_id=user_id, idempotency_key=key, request_hash=prepared.request_hash
            )
        if existing is not None:
            return submission_response(existing)
    engine = scoring_engine()
    try:
        with session_scope(write=True) as session:
            job = create_job(
                session,
                user=user,
                prepared=prepared,
                engine=engine.name,
                model=engine.model,
                idempotency_key=key,
                priority=priority,
                blind=blind,
                rubric=rubric,
            )
            cv_ids = [cv_id for cv_id in cv_ids_of(session, job.id) if cv_id is not None]
    except IntegrityError:
        if not key:
            raise
        # The same Idempotency-Key arrived twice at once: the other request created the job.
        with session_scope() as session:
            existing = find_idempotent_job(
                session, user_id=user_id, idempotency_key=key, request_hash=prepared.request_hash
            )
        if existing is None:
            raise
        return submission_response(existing)
    dispatch(cv_ids)  # a batch job's CVs too: the runners read them, then leave them to the batch poller
    return submission_response(job)
