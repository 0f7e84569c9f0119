"""Job ids are UUIDs: anything else is refused before it reaches the database or an error message."""

from __future__ import annotations

import re

_JOB_ID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
EXAMPLE = "1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b"


def canonical(job_id: object) -> str | None:
    """The id in the form the database keeps (lower-case UUID), or None when it is not a job id."""
    if isinstance(job_id, str) and _JOB_ID.match(job_id):
        return job_id.lower()
    return None


def not_found_detail(job_id: str | None) -> str:
    """A 404's text: names a well-formed id, never repeats a malformed one (it may be huge or hostile)."""
    if job_id is None:
        return f"No job has this id: a job_id is a UUID like {EXAMPLE}, as returned by POST /api/match."
    return f"Job {job_id} not found: check the job_id returned by POST /api/match."
