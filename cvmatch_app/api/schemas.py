"""The API contract as types: request and response models of every /api route, its error shape and headers.

FastAPI builds /api/openapi.json from these, so an integrator can generate a client from it. Response
models allow extra fields (``extra="allow"``): a field added by a service reaches the client at once,
and the model documents every field the routes promise.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class _Answer(BaseModel):
    model_config = ConfigDict(extra="allow")


class ErrorResponse(BaseModel):
    """Every error: a status code from the README's list and one sentence that says what to do."""

    detail: str = Field(description="What went wrong and what to do about it")


ERROR_MEANINGS = {
    400: "Malformed input (a missing field, a wrong value, too many CVs for the plan, a JD too long)",
    401: "Missing, wrong, revoked or expired API key or login token",
    402: "Not enough credits: one credit per CV",
    403: "This API key lacks the scope the route needs",
    404: "No such job (another account's job is not found either)",
    409: "The Idempotency-Key was used before for a different request; or the job is still running, or a paid "
    "re-score was not confirmed (PUT /api/match/{job_id}/requirements)",
    413: "A file, or the whole request, is larger than the limit",
    429: "Too many requests a minute for this API key or account: wait for the reset",
}
RATE_LIMIT_HEADERS = {
    "X-RateLimit-Limit": {"description": "Requests allowed a minute", "schema": {"type": "integer"}},
    "X-RateLimit-Remaining": {"description": "Requests left this minute", "schema": {"type": "integer"}},
    "X-RateLimit-Reset": {"description": "Unix time of the next minute's count", "schema": {"type": "integer"}},
}


def errors(*codes: int, rate_limited: bool = False) -> dict[int | str, dict[str, Any]]:
    """The ``responses=`` of a route: its error codes in the {"detail"} shape, and the rate-limit headers."""
    responses: dict[int | str, dict[str, Any]] = {
        code: {"model": ErrorResponse, "description": ERROR_MEANINGS[code]} for code in codes
    }
    if rate_limited:
        responses[200] = {"description": "Success", "headers": RATE_LIMIT_HEADERS}
        responses.setdefault(429, {"model": ErrorResponse, "description": ERROR_MEANINGS[429]})
        responses[429]["headers"] = {**RATE_LIMIT_HEADERS, "Retry-After": {"schema": {"type": "integer"}}}
    return responses


# Matching -----------------------------------------------------------------------------------------


class MatchRequest(BaseModel):
    """POST /api/match, sent as multipart/form-data."""

    cvs: list[bytes] = Field(
        json_schema_extra={"items": {"type": "string", "format": "binary"}},
        description="The CV files (PDF, DOCX or TXT), one form part each; at most the plan's batch limit",
    )
    jd_text: str | None = Field(None, description="The job description as text (up to CVMATCH_MAX_JD_CHARS)")
    jd_file: bytes | None = Field(
        None, json_schema_extra={"format": "binary"}, description="Or the job description as a file"
    )
    priority: Literal["standard", "batch"] = Field(
        "standard", description="'batch': not urgent; on a Claude server scored at half the price within hours"
    )
    blind: bool = Field(
        False,
        description="Blind review for this job: names, contact details, photos, addresses, dates of birth and "
        "graduation years are removed from the CVs before scoring and hidden on the job's pages, share links and "
        "exports (the job page's switch, on from the start)",
    )
    requirements: str | None = Field(
        None,
        description="The recruiter's rubric as JSON text: a list of requirements (see Requirement), e.g. "
        '[{"text": "RN licence", "kind": "must", "knockout": true}]. Omit it to score against the engine\'s '
        "own reading of the JD (POST /api/requirements/preview shows it). At most 60 requirements, at least one "
        "must-have; stored with the job as rubric version 1",
    )


class Requirement(BaseModel):
    """One requirement of a rubric. Only ``text`` is required when sending one; unknown fields are a 400."""

    model_config = ConfigDict(extra="allow")

    id: str | None = Field(
        None,
        description="r1, r2... for the engine's own requirements; omit it (or send added=true) for a new one, "
        "which gets n1, n2...",
    )
    text: str = Field(description="What the candidate must have, 1-300 characters", max_length=300)
    kind: Literal["must", "nice"] = Field("must", description="must-have or nice-to-have")
    group: Literal["role", "skill", "years", "licence", "education", "condition"] = "skill"
    weight: Literal["low", "normal", "high"] = Field(
        "normal", description="Relative to the engine's own weight for the ask: low x0.5, normal x1, high x2"
    )
    knockout: bool = Field(
        False,
        description="Not met: the score is capped below the Interview band (59 at most) and the card says "
        "'Knockout: <text> not shown'. A knockout is always a must-have",
    )
    years: float = Field(0, ge=0, le=50, description="Years asked (a years requirement), 0 otherwise")
    source: str = Field("", description="The JD phrase it was read from; empty when the recruiter added it")
    added: bool = Field(False, description="Added by the recruiter (read like a requirement line of a JD)")


class Rubric(_Answer):
    version: int = Field(description="The rubric version the job's results were scored with (1, 2, ...)")
    requirements: list[Requirement]
    edited: bool = Field(description="False: the engine's own reading of the JD; true: the recruiter's rubric")


class RubricVersion(_Answer):
    version: int
    created_at: str


class RankedCV(_Answer):
    cv_id: int
    position: int | None = Field(None, description="The CV's place in the job as submitted (0, 1, ...)")
    filename: str
    score: int | None
    verdict: str


class JobRubric(_Answer):
    """`GET /api/match/{job_id}/requirements`: a job's rubric versions and one of them."""

    job_id: str
    version: int = Field(description="The current version")
    versions: list[RubricVersion]
    viewing: int = Field(description="The version shown")
    edited: bool
    requirements: list[Requirement]
    ranking: list[RankedCV] = Field(description="How this version ranked the CVs, best first")


class RequirementsUpdate(BaseModel):
    """`PUT /api/match/{job_id}/requirements`."""

    requirements: list[Requirement] = Field(description="The whole edited rubric (it replaces the current one)")
    confirm_charge: bool = Field(
        False,
        description="A Claude-engine job's re-score is a new paid run (one credit per CV): true confirms it. "
        "Local-engine jobs are re-scored at once, free",
    )


class RescoreQueued(_Answer):
    """202: a Claude-engine job's re-score, queued as a new job to poll."""

    job_id: str = Field(description="The new job: poll GET /api/match/{job_id}")
    status: Literal["queued"]
    version: int
    cost: int = Field(description="Credits charged (one per CV)")
    message: str


class PreviewRequest(BaseModel):
    """`POST /api/requirements/preview`."""

    jd_text: str = Field(description="The job description as text")


class RubricPreview(_Answer):
    title: str = Field(description="The job title the engine read")
    requirements: list[Requirement] = Field(description="What the engine read, ready to edit and send back")


class SkippedCV(_Answer):
    filename: str
    reason: str
    refunded: bool | None = None


class MatchSubmitted(_Answer):
    job_id: str
    status: str = Field(description="'pending' until a runner takes the job")
    cv_count: int = Field(description="CVs accepted and charged (one credit each)")
    message: str
    skipped_cvs: list[SkippedCV]
    priority: Literal["standard", "batch"]
    priority_note: str | None = None


class JobSummary(_Answer):
    job_id: str
    status: str
    cv_count: int
    title: str
    created_at: str


class JobList(_Answer):
    jobs: list[JobSummary]


class JobProgress(_Answer):
    job_id: str
    status: str = Field(description="pending, processing, completed or failed")
    total: int
    completed: int
    pending: int
    reading: int
    processing: int
    failed: int
    skipped: int


class CVResult(_Answer):
    cv_filename: str
    match_score: int | None
    executive_summary: str | None
    strengths: list[str]
    gaps: list[str]
    recommendation: str = Field(description="Interview, Consider or Not recommended (from the verdict bands)")
    verdict: str = Field(description="STRONG_MATCH, GOOD_MATCH, MODERATE_MATCH, WEAK_MATCH or NOT_SUITABLE")
    flags: list[str]
    evidence: list[dict[str, Any]]
    usage: dict[str, Any]
    rubric_version: int | None = Field(None, description="The job's rubric version this result was scored with")


class FailedCV(_Answer):
    cv_filename: str
    error: str


class MatchResults(_Answer):
    job_id: str
    status: str
    engine: str
    model: str | None
    priority: str
    priority_note: str | None = None
    created_at: str
    completed_at: str | None
    results: list[CVResult] = Field(description="Scored CVs, best match first")
    skipped_cvs: list[SkippedCV]
    failed_cvs: list[FailedCV]
    usage: dict[str, Any]
    rubric: Rubric | None = Field(None, description="The rubric the results were scored with")


# Account, credits, billing ---------------------------------------------------------------------------


class TokenResponse(_Answer):
    access_token: str
    token_type: Literal["bearer"]


class LogoutResponse(_Answer):
    status: Literal["logged_out"]


class BalanceResponse(_Answer):
    balance: int
    credits: int
    plan: str


class PackResponse(_Answer):
    id: str
    credits: int
    amount_cents: int
    currency: str
    plan: str
    name: str
    price: str
    per_credit: str


class PacksResponse(_Answer):
    billing_enabled: bool
    packs: list[PackResponse]


class CheckoutResponse(_Answer):
    url: str = Field(description="Send the browser here to pay")


class LedgerEntry(_Answer):
    delta: int
    reason: str
    reference: str
    note: str
    created_at: str


class CreditHistoryResponse(_Answer):
    balance: int
    entries: list[LedgerEntry]


class WebhookResponse(_Answer):
    received: bool
    event_id: str
    event_type: str
    result: str
    credits: int


class McpConfigResponse(_Answer):
    """The claude_desktop_config.json entry for this server (the API key is a placeholder to replace)."""

    mcpServers: dict[str, Any]  # noqa: N815 - Claude Desktop's own key


class HealthResponse(_Answer):
    status: Literal["ok"]
