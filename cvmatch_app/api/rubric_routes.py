"""The job's rubric (#16): preview what the engine reads from a JD, view a job's rubric and its
versions, and edit it (PUT) to re-score the job. Thin adapters over ``services.rubric``."""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from cvmatch_app.api.deps import ApiPrincipal, in_session
from cvmatch_app.api.schemas import (
    JobRubric,
    MatchResults,
    PreviewRequest,
    RescoreQueued,
    RubricPreview,
    errors,
)
from cvmatch_app.engine.rubric import MAX_REQUIREMENTS, MAX_TEXT
from cvmatch_app.services import matching, rubric
from cvmatch_app.services.errors import BadRequest, PayloadTooLarge
from cvmatch_app.services.keys import SCOPE_EXECUTE, SCOPE_READ, KeyPrincipal

router = APIRouter(prefix="/api", tags=["requirements"])
MAX_BODY_BYTES = 2 * 1024 * 1024  # 60 requirements of 300 characters are ~30 KB; room for a refused 500
UPDATE_KEYS = {"requirements", "confirm_charge"}
_UPDATE_BODY = {
    "requestBody": {
        "required": True,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/RequirementsUpdate"}}},
    }
}
_QUEUED: dict[int | str, dict[str, Any]] = {
    202: {
        "description": "A Claude-engine job: its re-score is a new paid run, queued as a new job to poll",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/RescoreQueued"}}},
    }
}


def _account(principal: KeyPrincipal) -> int:
    """The key's account id (a stored user always has one)."""
    user_id = principal.user.id
    assert user_id is not None
    return user_id


async def _update_body(request: Request) -> tuple[Any, bool]:
    """The PUT body: {"requirements": [...], "confirm_charge": false}; anything else is a 400 that says so."""
    data = bytearray()
    async for chunk in request.stream():
        data.extend(chunk)
        if len(data) > MAX_BODY_BYTES:
            raise PayloadTooLarge(
                f"The body is larger than {MAX_BODY_BYTES // (1024 * 1024)} MB: a rubric has at most "
                f"{MAX_REQUIREMENTS} requirements of {MAX_TEXT} characters."
            )
    try:
        body = json.loads(bytes(data) or b"null")
    except ValueError:
        body = None
    if not isinstance(body, dict) or "requirements" not in body:
        raise BadRequest(
            'Send a JSON object: {"requirements": [{"text": "RN licence", "kind": "must"}, ...], '
            '"confirm_charge": false}.'
        )
    unknown = sorted(set(body) - UPDATE_KEYS)
    if unknown:
        raise BadRequest(f"Unknown field {', '.join(unknown)}: send only requirements and confirm_charge.")
    confirm = body.get("confirm_charge", False)
    if not isinstance(confirm, bool):
        raise BadRequest("confirm_charge must be true or false.")
    return body["requirements"], confirm


@router.post(
    "/requirements/preview",
    summary="The requirements the engine reads from a job description (free)",
    response_model=RubricPreview,
    response_model_exclude_unset=True,
    responses=errors(400, 401, 403, 429, rate_limited=True),
)
async def preview(body: PreviewRequest, principal: ApiPrincipal) -> dict[str, Any]:
    """JSON `{"jd_text": "..."}` → `{"title", "requirements"}`: the engine's reading, grouped and with
    the JD phrase each came from, ready to edit and send as `requirements` with `POST /api/match`.
    No CV is uploaded and no credit is spent."""
    principal.require(SCOPE_READ)
    return await run_in_threadpool(rubric.preview_rubric, body.jd_text)


@router.get(
    "/match/{job_id}/requirements",
    summary="A job's rubric and its versions",
    response_model=JobRubric,
    response_model_exclude_unset=True,
    responses=errors(400, 401, 403, 404, 429, rate_limited=True),
)
async def job_requirements(
    job_id: str,
    principal: ApiPrincipal,
    version: int | None = Query(None, ge=1, description="An older version to view (default: the current one)"),
) -> dict[str, Any]:
    """The rubric the job is scored with now (or an older `version`), every version's date, and the
    ranking the version viewed gave."""
    principal.require(SCOPE_READ)
    user_id = _account(principal)
    return await in_session(lambda s: rubric.job_rubric(s, user_id=user_id, job_id=job_id, version=version))


@router.put(
    "/match/{job_id}/requirements",
    summary="Edit a job's rubric and re-score it",
    response_model=MatchResults,
    response_model_exclude_unset=True,
    responses={**errors(400, 401, 402, 403, 404, 409, 413, 429, rate_limited=True), **_QUEUED},
    openapi_extra=_UPDATE_BODY,
)
async def update_requirements(job_id: str, request: Request, principal: ApiPrincipal) -> Any:
    """JSON `{"requirements": [...], "confirm_charge": false}` (the whole rubric, as `GET /api/match/{id}`
    returns it in `rubric.requirements`, edited).

    A local-engine job is re-scored at once from its stored CV texts, with no upload and no credit:
    200 with the new ranking (as `GET /api/match/{id}` answers). A Claude-engine job's re-score is a
    new paid run (one credit per CV): 409 says the cost unless `confirm_charge` is true; then 202
    `{"job_id", "status": "queued"}`: poll the new job. A job still running is a 409; a bad rubric a
    400 that says what to correct, and nothing is changed."""
    principal.require(SCOPE_EXECUTE)
    requirements, confirm = await _update_body(request)
    user_id = _account(principal)
    done = await run_in_threadpool(
        rubric.rescore, user_id=user_id, job_id=job_id, requirements=requirements, confirm_charge=confirm
    )
    if done["status"] == "queued":
        queued = RescoreQueued(
            **done, message=f"Re-scoring as a new job ({done['cost']} credits). Poll /api/match/{done['job_id']}."
        )
        headers = dict(getattr(request.state, "rate_limit_headers", {}) or {})
        return JSONResponse(queued.model_dump(), status_code=202, headers=headers)
    return await in_session(lambda s: matching.results(s, user_id=user_id, job_id=done["job_id"]))
