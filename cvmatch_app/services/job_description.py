"""Is there anything in a job description to match CVs on? Checked before any credit is spent."""

from __future__ import annotations

from cvmatch_app.engine.job_profile import build_job_profile
from cvmatch_app.services.errors import BadRequest

NOTHING_TO_MATCH = (
    "The job description gives nothing to match CVs on (no job title, skill, licence or experience was found). "
    "Add the job title and what the candidate must have: e.g. 'Registered Nurse. Requirements: RN licence, "
    "BLS, 2 years of ICU experience.' No credits were spent."
)


def check_matchable(jd_text: str) -> None:
    """400 for a JD like 'asdf': no occupation the engine knows and no requirement it can read."""
    profile = build_job_profile(jd_text)
    if not profile.title_concepts and not profile.requirements:
        raise BadRequest(NOTHING_TO_MATCH)
