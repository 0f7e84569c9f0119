"""Read a claimed CV's file into text, in the limited reading pool; skip and refund it if unreadable.

Runs inside both runners (the embedded pool and the distributed workers), under the CV's lease.
The file's bytes are deleted in the transaction that stores its text (or its skip), so a CV is
read at most once per claim and its bytes are kept no longer than needed. An unreadable CV is
refunded with the ledger reference ``cv:<id>`` (unique with the reason), so never twice, not even
when two runners race after a crash: only the lease holder in state 'reading' may record it.
"""

from __future__ import annotations

import logging

from sqlalchemy import delete
from sqlmodel import col, select

from cvmatch_app.db.models import MatchCV, MatchCVFile, MatchJob, utcnow
from cvmatch_app.db.session import session_scope
from cvmatch_app.engine import fingerprint
from cvmatch_app.engine.types import FLAG_DUPLICATE, FLAG_TRUNCATED, MAX_SCORED_CHARS
from cvmatch_app.services import credits
from cvmatch_app.services.matching import refresh_job_status, waits_for_batch
from cvmatch_app.services.reading_pool import ReadResult, read_file

log = logging.getLogger("cvmatch.jobs")

# Claims of an unread CV: the first, and one more after its runner died mid-read; then it is skipped.
READ_ATTEMPTS = 2
STOPPED_TWICE = (
    "Reading this file stopped its reader twice (it may be damaged or built to crash readers): "
    "save it again as PDF or DOCX and resend it."
)
FILE_LOST = "The file was not stored with the job, so it could not be read: send it again."


def read_cv(cv_id: int) -> str:
    """Read a CV claimed for reading. 'ready' (text stored, the CV is the caller's to score),
    'read' (a batch job's CV, left to the batch poller), 'unreadable' (skipped and refunded) or
    'skipped' (the claim was lost)."""
    with session_scope() as session:
        cv = session.get(MatchCV, cv_id)
        if cv is None or cv.status != "reading":
            return "skipped"
        filename, attempts = cv.filename, cv.attempts
        stored = session.get(MatchCVFile, cv_id)
        data = stored.data if stored is not None else None
    if data is None:
        return record_unreadable(cv_id, FILE_LOST)
    if attempts > READ_ATTEMPTS:
        return record_unreadable(cv_id, STOPPED_TWICE)
    result = read_file(filename, data)
    del data
    if not result.readable:
        log.info("CV %s (%s) is unreadable: %s", cv_id, filename, result.reason)
        return record_unreadable(cv_id, result.reason or "The file could not be read.")
    return record_reading(cv_id, result)


def record_reading(cv_id: int, result: ReadResult) -> str:
    """Store the text (the file's bytes are deleted), flag the same CV sent twice in another format."""
    text, flags = result.text, list(result.flags)
    if len(text) > MAX_SCORED_CHARS:
        text = text[:MAX_SCORED_CHARS]
        flags.append(FLAG_TRUNCATED)
    key = fingerprint(text)
    with session_scope(write=True) as session:
        cv = session.get(MatchCV, cv_id)
        if cv is None:
            return "skipped"
        # The job's lock orders two CVs of one job read at the same moment (PostgreSQL).
        job = session.get(MatchJob, cv.job_id, with_for_update=True, populate_existing=True)
        session.refresh(cv)
        if job is None or cv.status != "reading":
            return "skipped"  # our lease expired and another runner took the CV
        twins = session.exec(
            select(MatchCV).where(MatchCV.job_id == cv.job_id, MatchCV.text_fingerprint == key, MatchCV.id != cv_id)
        ).all()
        if any(twin.position < cv.position for twin in twins):
            flags.append(FLAG_DUPLICATE)  # the same CV in another format: scored, but marked
        for twin in twins:
            if twin.position > cv.position and FLAG_DUPLICATE not in twin.extraction_flags:
                twin.extraction_flags = [*twin.extraction_flags, FLAG_DUPLICATE]
                if twin.status == "completed":
                    twin.flags = sorted({*twin.flags, FLAG_DUPLICATE})
                session.add(twin)
        cv.text = text
        cv.extraction_flags = sorted(set(flags))
        cv.text_fingerprint = key
        cv.read_at = utcnow()
        batch = waits_for_batch(job)
        if batch:
            cv.status, cv.lease_until = "pending", None
        else:
            cv.status = "processing"
        session.add(cv)
        session.execute(delete(MatchCVFile).where(col(MatchCVFile.cv_id) == cv_id))
        refresh_job_status(session, cv.job_id)
    return "read" if batch else "ready"


def record_unreadable(cv_id: int, reason: str) -> str:
    """Skip a CV being read, with its reason, and give its credit back once (ledger ``cv:<id>``)."""
    with session_scope(write=True) as session:
        cv = session.get(MatchCV, cv_id)
        if cv is None or cv.status != "reading":
            return "skipped"
        job = session.get(MatchJob, cv.job_id)
        assert job is not None
        now = utcnow()
        cv.status = "skipped"
        cv.error = reason
        cv.lease_until = None
        cv.read_at = now
        cv.completed_at = now
        session.add(cv)
        session.execute(delete(MatchCVFile).where(col(MatchCVFile.cv_id) == cv_id))
        credits.refund_cv(session, user_id=job.user_id, cv_id=cv_id, note=f"'{cv.filename}' could not be read"[:255])
        refresh_job_status(session, cv.job_id)
    return "unreadable"
