"""The job's rubric for every adapter (web pages, REST API, MCP): the engine's reading of a JD, the
rubric stored with a job and its versions, and re-scoring a job with an edited rubric.

Plain data in and out; bad input raises ``ServiceError`` subclasses (400 bad rubric, 404 unknown
job, 409 job still running or a paid re-run not confirmed, 402 not enough credits).
"""

from __future__ import annotations

from typing import Any

from cvmatch_app.config import get_settings
from cvmatch_app.engine.job_profile import build_job_profile
from cvmatch_app.engine.rubric import RubricError, rubric_from_profile, validate_rubric
from cvmatch_app.services.errors import BadRequest


def check_requirements(requirements: Any) -> list[dict[str, Any]]:
    """The recruiter's rubric, validated with defaults filled in; 400 with what to correct."""
    try:
        return validate_rubric(requirements)
    except RubricError as error:
        raise BadRequest(str(error)) from None


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
