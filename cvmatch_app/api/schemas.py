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
    409: "The Idempotency-Key was used before for a different request",
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
