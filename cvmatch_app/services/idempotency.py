"""Idempotency-Key of POST /api/match: a bounded key, and a fingerprint of everything that shapes the job.

A retried request with the same key and the same fingerprint gets the first job back; the same key
with a different fingerprint is a 409. The fingerprint covers the JD (text and file name), every CV
(name and bytes, in order), the priority and blind review; a key longer than the column is refused, never cut
(two long keys cut to one would collide).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, Protocol

from cvmatch_app.services.errors import BadRequest

MAX_KEY_CHARS = 255  # match_job.idempotency_key


class Fingerprinted(Protocol):
    request_hash: str
    jd_filename: str | None


def clean_key(key: str | None) -> str | None:
    """The key as stored, None when none was sent; 400 for one that is too long or not plain text."""
    key = (key or "").strip()
    if not key:
        return None
    if len(key) > MAX_KEY_CHARS:
        raise BadRequest(
            f"The Idempotency-Key is {len(key):,} characters; the most is {MAX_KEY_CHARS}. "
            "Use a UUID or another short unique string per job."
        )
    if not key.isascii() or not key.isprintable():
        raise BadRequest("The Idempotency-Key must be printable ASCII: use a UUID or another short unique string.")
    return key


def fingerprint(
    prepared: Fingerprinted, *, priority: str, blind: bool = False, rubric: list[dict[str, Any]] | None = None
) -> str:
    """The request's fingerprint: the JD and CVs (already hashed while reading them) plus every other
    field that changes the job (blind review changes what the scorer reads)."""
    digest = hashlib.sha256()
    # A job that is not blind keeps the fingerprint it had before blind review was a field.
    parts = (prepared.request_hash, prepared.jd_filename or "", priority, *(("blind",) if blind else ()))
    if rubric is not None:  # the recruiter's requirements change every score
        parts = (*parts, "rubric:" + json.dumps(rubric, sort_keys=True))
    for part in parts:
        digest.update(part.encode() + b"\0")
    return digest.hexdigest()
