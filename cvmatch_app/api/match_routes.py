"""POST /api/match, GET /api/match/{job_id}/progress, GET /api/match/{job_id}: the API contract's routes."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Header, Request
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from cvmatch_app.api.deps import ApiPrincipal, in_session
from cvmatch_app.api.schemas import JobList, JobProgress, MatchRequest, MatchResults, MatchSubmitted, errors
from cvmatch_app.api.uploads import read_form
from cvmatch_app.config import get_settings
from cvmatch_app.db.models import saved_id
from cvmatch_app.services import matching
from cvmatch_app.services.keys import SCOPE_EXECUTE, SCOPE_READ

router = APIRouter(prefix="/api/match", tags=["match"])
MAX_FILES_PER_REQUEST = 100  # far above every plan, so the plan's own limit gives the clearer error


async def _as_upload(item: Any) -> matching.UploadedFile | None:
    if isinstance(item, UploadFile):
        return matching.UploadedFile(filename=item.filename or "", data=await item.read())
    return None


_MATCH_FORM = {
    "requestBody": {
        "required": True,
        "content": {"multipart/form-data": {"schema": MatchRequest.model_json_schema()}},
    }
}


@router.post(
    "",
    summary="Submit CVs and a job description for matching",
    response_model=MatchSubmitted,
    response_model_exclude_unset=True,
    responses=errors(400, 401, 402, 403, 409, 413, 429, rate_limited=True),
    openapi_extra=_MATCH_FORM,
)
async def submit_match(
    request: Request,
    principal: ApiPrincipal,
    idempotency_key: str | None = Header(default=None, alias="Idempotency-Key"),
) -> MatchSubmitted:
    """multipart/form-data: `cvs` (files), and `jd_text` or `jd_file`. One credit per readable CV.

    Optional `priority`: `standard` (default, scored at once) or `batch` (not urgent: on a Claude
    server, one Message Batch at half the cost, results within hours).
    Optional `blind`: `true` turns on blind review for the job (the job page's switch): names, contact
    details, photos, addresses, dates of birth and graduation years never reach the scorer. Default `false`.
    Optional `requirements`: the recruiter's rubric as JSON text (a list of requirements, as
    `POST /api/requirements/preview` and `GET /api/match/{id}` return them), checked before any credit
    is spent; without it the engine scores against its own reading of the JD.
    """
    principal.require(SCOPE_EXECUTE)
    settings = get_settings()
    form = await read_form(request, max_file_bytes=settings.max_cv_bytes, max_files=MAX_FILES_PER_REQUEST)
    cvs = [upload for item in form.getlist("cvs") if (upload := await _as_upload(item))]
    jd_file = await _as_upload(form.get("jd_file"))
    jd_text = form.get("jd_text")
    priority = form.get("priority")
    blind = form.get("blind")
    requirements = form.get("requirements")
    submitted = await run_in_threadpool(
        matching.submit,
        user_id=saved_id(principal.user),
        cvs=cvs,
        jd_text=jd_text if isinstance(jd_text, str) else None,
        jd_file=jd_file,
        idempotency_key=idempotency_key,
        # A file sent as `priority` is not a priority: the service's 400 names the two values.
        priority=priority if isinstance(priority, str) or priority is None else "(a file)",
        blind=blind if isinstance(blind, str) or blind is None else "(a file)",
        requirements=requirements if isinstance(requirements, str) or requirements is None else "(a file)",
    )
    # What to do next is the API's text; the service returns the job's data only.
    return MatchSubmitted(**submitted, message=f"Job created. Poll /api/match/{submitted['job_id']} for results.")


@router.get(
    "",
    summary="List your recent match jobs",
    response_model=JobList,
    response_model_exclude_unset=True,
    responses=errors(401, 403, 429, rate_limited=True),
)
async def list_jobs(principal: ApiPrincipal) -> dict[str, Any]:
    principal.require(SCOPE_READ)
    jobs = await in_session(lambda s: matching.list_jobs(s, user_id=saved_id(principal.user)))
    return {
        "jobs": [
            {
                "job_id": j.id,
                "status": j.status,
                "cv_count": j.cv_count,
                "title": j.jd_title,
                "created_at": j.created_at.isoformat(),
            }
            for j in jobs
        ]
    }


@router.get(
    "/{job_id}/progress",
    summary="How many CVs have been scored",
    response_model=JobProgress,
    response_model_exclude_unset=True,
    responses=errors(400, 401, 403, 404, 429, rate_limited=True),
)
async def job_progress(job_id: str, principal: ApiPrincipal) -> matching.Progress:
    principal.require(SCOPE_READ)
    return await in_session(lambda s: matching.progress(s, user_id=saved_id(principal.user), job_id=job_id))


@router.get(
    "/{job_id}",
    summary="The ranked results of a job",
    response_model=MatchResults,
    response_model_exclude_unset=True,
    responses=errors(400, 401, 403, 404, 429, rate_limited=True),
)
async def job_results(job_id: str, principal: ApiPrincipal) -> matching.JobResults:
    principal.require(SCOPE_READ)
    return await in_session(lambda s: matching.results(s, user_id=saved_id(principal.user), job_id=job_id))
