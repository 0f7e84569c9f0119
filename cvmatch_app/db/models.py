"""SQLModel tables. Every change here needs an Alembic revision in alembic/versions."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any, Optional, Protocol

from sqlalchemy import JSON, Boolean, Column, ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint, false
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    return datetime.now(UTC)


def new_job_id() -> str:
    return str(uuid.uuid4())


class _Stored(Protocol):
    @property
    def id(self) -> int | None: ...


def saved_id(row: _Stored) -> int:
    """A stored row's primary key. SQLModel types ``id`` as Optional (it is None until the row is first
    flushed); the rows passed here were read from the database or flushed, so None is a bug."""
    if row.id is None:
        raise ValueError(f"{type(row).__name__} has no id: it was never saved")
    return row.id


class User(SQLModel, table=True):
    __tablename__ = "user_account"

    id: Optional[int] = Field(default=None, primary_key=True)
    email: str = Field(index=True, unique=True, max_length=320)
    password_hash: str
    plan: str = Field(default="free", max_length=20)
    credits: int = Field(default=0, description="Fast copy of the sum of this user's credit_ledger rows")
    created_at: datetime = Field(default_factory=utcnow)
    # Every JWT carries the version it was issued under; log-out and a password change add one,
    # which ends every earlier session of the account at once.
    token_version: int = Field(default=0, sa_column=Column(Integer, nullable=False, server_default="0"))


class ApiKey(SQLModel, table=True):
    __tablename__ = "api_key"

    id: Optional[int] = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user_account.id", index=True)
    name: str = Field(max_length=100)
    prefix: str = Field(max_length=32, description="Public start of the key, shown in lists")
    secret_hash: str = Field(index=True, unique=True, max_length=64, description="HMAC-SHA256 of the key")
    last4: str = Field(max_length=4)
    scopes: str = Field(default="match:execute", max_length=200)
    created_at: datetime = Field(default_factory=utcnow)
    last_used_at: Optional[datetime] = None
    revoked_at: Optional[datetime] = None


class MatchJob(SQLModel, table=True):
    __tablename__ = "match_job"
    __table_args__ = (UniqueConstraint("user_id", "idempotency_key", name="uq_match_job_idempotency"),)

    id: str = Field(default_factory=new_job_id, primary_key=True, max_length=36)
    user_id: int = Field(foreign_key="user_account.id", index=True)
    jd_text: str = Field(sa_column=Column(Text, nullable=False))
    jd_filename: Optional[str] = Field(default=None, max_length=255)
    jd_title: str = Field(default="", max_length=200)
    engine: str = Field(default="local", max_length=20)
    model: str = Field(default="", max_length=100)
    status: str = Field(default="pending", max_length=20, index=True)
    cv_count: int = 0
    skipped_cvs: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    idempotency_key: Optional[str] = Field(default=None, max_length=255)
    request_hash: Optional[str] = Field(default=None, max_length=64)
    callback_url: Optional[str] = Field(default=None, max_length=2000)
    usage: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(default_factory=utcnow, index=True)
    completed_at: Optional[datetime] = None
    # 'batch': scored through Claude's Message Batches API (half price, within hours) instead of live.
    priority: str = Field(default="standard", sa_column=Column(String(20), nullable=False, server_default="standard"))
    # The Message Batch that scores this job, or a "submitting:<time>" marker while it is being created.
    batch_id: Optional[str] = Field(default=None, max_length=100)
    # Blind review: the job's pages, share links and exports hide who the candidates are.
    blind_review: bool = Field(default=False, sa_column=Column(Boolean, nullable=False, server_default=false()))
    # The recruiter's rubric (engine/rubric.py); None = the engine's own reading of the JD. Its
    # versions, each with the ranking it gave, are in match_rubric_version.
    rubric: Optional[list[dict[str, Any]]] = Field(default=None, sa_column=Column(JSON, nullable=True))
    rubric_version: int = Field(default=1, sa_column=Column(Integer, nullable=False, server_default="1"))


class MatchCV(SQLModel, table=True):
    __tablename__ = "match_cv"
    __table_args__ = (UniqueConstraint("job_id", "position", name="uq_match_cv_position"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    job_id: str = Field(foreign_key="match_job.id", index=True, max_length=36)
    position: int
    filename: str = Field(max_length=255)
    content_hash: str = Field(max_length=64)
    text: str = Field(sa_column=Column(Text, nullable=False))
    extraction_flags: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    status: str = Field(default="pending", max_length=20, index=True)
    attempts: int = 0
    lease_until: Optional[datetime] = None
    error: Optional[str] = Field(default=None, sa_column=Column(Text))
    score: Optional[int] = None
    verdict: Optional[str] = Field(default=None, max_length=20)
    recommendation: Optional[str] = Field(default=None, max_length=20)
    executive_summary: Optional[str] = Field(default=None, sa_column=Column(Text))
    strengths: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    gaps: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    evidence: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    flags: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    engine_version: Optional[str] = Field(default=None, max_length=50)
    usage: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(default_factory=utcnow)
    completed_at: Optional[datetime] = None
    # Set when a runner has read the file into ``text`` (its bytes in match_cv_file are then deleted).
    read_at: Optional[datetime] = None
    # engine.fingerprint of the text: the same CV in another format is flagged duplicate in its job.
    text_fingerprint: Optional[str] = Field(default=None, max_length=64)
    # Who the candidate is (engine.candidate.Candidate), read once when the CV is scored.
    candidate: Optional[dict[str, Any]] = Field(default=None, sa_column=Column(JSON, nullable=True))
    # The job's rubric version this result was scored with (None: scored before rubrics existed).
    rubric_version: Optional[int] = None


class MatchRubricVersion(SQLModel, table=True):
    """One version of a job's rubric and the ranking it gave, so older versions can be viewed."""

    __tablename__ = "match_rubric_version"
    __table_args__ = (UniqueConstraint("job_id", "version", name="uq_match_rubric_version"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    job_id: str = Field(
        sa_column=Column(String(36), ForeignKey("match_job.id", ondelete="CASCADE"), nullable=False, index=True)
    )
    version: int
    # None: the engine's own reading of the JD (version 1 of a job submitted without a rubric).
    requirements: Optional[list[dict[str, Any]]] = Field(default=None, sa_column=Column(JSON, nullable=True))
    created_at: datetime = Field(default_factory=utcnow)
    # [{cv_id, filename, score, verdict}] best first, as this version ranked the CVs (filled once scored).
    ranking: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))


class MatchCVFile(SQLModel, table=True):
    """A CV file's bytes, kept from the submission until a runner has read it, then deleted.

    Apart from match_cv so that progress and results never load megabytes of files.
    """

    __tablename__ = "match_cv_file"

    cv_id: int = Field(
        sa_column=Column(Integer, ForeignKey("match_cv.id", ondelete="CASCADE"), primary_key=True, autoincrement=False)
    )
    data: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


class CandidateDecision(SQLModel, table=True):
    """A recruiter's decision on one scored CV: status, stars and a note. Never touches the score."""

    __tablename__ = "candidate_decision"

    id: Optional[int] = Field(default=None, primary_key=True)
    job_id: str = Field(foreign_key="match_job.id", index=True, max_length=36)
    cv_id: int = Field(foreign_key="match_cv.id", unique=True)
    status: str = Field(default="", max_length=20)  # "" (undecided) | shortlist | hold | reject
    stars: int = 0  # 0 = not rated, else 1-5
    note: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    updated_at: datetime = Field(default_factory=utcnow)


class ShareLink(SQLModel, table=True):
    """A read-only view of one job for someone without an account; the URL carries a signed token."""

    __tablename__ = "share_link"

    id: str = Field(primary_key=True, max_length=32)
    job_id: str = Field(foreign_key="match_job.id", index=True, max_length=36)
    user_id: int = Field(foreign_key="user_account.id", index=True)
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime
    revoked_at: Optional[datetime] = None


class CreditLedger(SQLModel, table=True):
    """Append-only. (reason, reference) is unique so a retried webhook or worker never books twice."""

    __tablename__ = "credit_ledger"
    __table_args__ = (UniqueConstraint("reason", "reference", name="uq_credit_ledger_reason_reference"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user_account.id", index=True)
    delta: int
    reason: str = Field(max_length=20)  # signup | purchase | match | refund | admin
    reference: str = Field(max_length=255)
    note: str = Field(default="", max_length=255)
    created_at: datetime = Field(default_factory=utcnow)


class StripeEvent(SQLModel, table=True):
    """Stripe event ids already processed (webhook idempotency)."""

    __tablename__ = "stripe_event"

    id: str = Field(primary_key=True, max_length=255)
    type: str = Field(max_length=100)
    created_at: datetime = Field(default_factory=utcnow)
