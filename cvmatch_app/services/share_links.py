"""Read-only links to one job for a hiring manager without an account: signed, expiring, revocable.

The URL carries ``<link id>.<expiry>.<signature>``; the signature is an HMAC of the id and expiry
with the server's secret, so a link cannot be forged or have its expiry stretched, and the row in
``share_link`` lets the owner revoke it before it expires.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlmodel import Session, col, select

from cvmatch_app.config import get_settings
from cvmatch_app.db.models import MatchJob, ShareLink, utcnow
from cvmatch_app.services import matching
from cvmatch_app.services.errors import NotFound

SHARE_DAYS = 14
SHARE_PATH = "/share/"
_SIGNATURE_BYTES = 16
LINK_GONE = "This share link is not valid: it may have expired or been revoked. Ask the recruiter for a new one."


def _signature(link_id: str, expires: int) -> str:
    key = get_settings().effective_secret_key().encode()
    digest = hmac.new(key, f"share:{link_id}.{expires}".encode(), hashlib.sha256).digest()[:_SIGNATURE_BYTES]
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def token_for(link: ShareLink) -> str:
    expires = int(_aware(link.expires_at).timestamp())
    return f"{link.id}.{expires}.{_signature(link.id, expires)}"


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def create_link(session: Session, *, user_id: int, job_id: str, days: int = SHARE_DAYS) -> ShareLink:
    job = matching.get_job(session, user_id=user_id, job_id=job_id)
    link = ShareLink(
        id=secrets.token_urlsafe(12), job_id=job.id, user_id=user_id, expires_at=utcnow() + timedelta(days=days)
    )
    session.add(link)
    session.flush()
    return link


def list_links(session: Session, *, user_id: int, job_id: str) -> list[dict[str, Any]]:
    """The job's links that still work, newest first, each with its token."""
    job = matching.get_job(session, user_id=user_id, job_id=job_id)
    now = utcnow()
    rows = session.exec(select(ShareLink).where(ShareLink.job_id == job.id, col(ShareLink.revoked_at).is_(None)))
    links = [row for row in rows if _aware(row.expires_at) > now]
    links.sort(key=lambda row: _aware(row.created_at), reverse=True)
    return [{"id": row.id, "token": token_for(row), "expires_at": _aware(row.expires_at)} for row in links]


def revoke(session: Session, *, user_id: int, link_id: str) -> None:
    link = session.get(ShareLink, link_id)
    if link is None or link.user_id != user_id:
        raise NotFound("This share link does not exist on your account.")
    if link.revoked_at is None:
        link.revoked_at = utcnow()
        session.add(link)


def job_for_token(session: Session, token: str) -> MatchJob:
    """The job behind a valid link; a forged, expired, revoked or unknown link is simply not found."""
    parts = token.split(".")
    if len(parts) != 3 or not parts[1].isdigit():
        raise NotFound(LINK_GONE)
    link_id, expires_text, signature = parts
    if not hmac.compare_digest(signature, _signature(link_id, int(expires_text))):
        raise NotFound(LINK_GONE)
    link = session.get(ShareLink, link_id)
    if (
        link is None
        or link.revoked_at is not None
        or int(_aware(link.expires_at).timestamp()) != int(expires_text)
        or _aware(link.expires_at) <= utcnow()
    ):
        raise NotFound(LINK_GONE)
    job = session.get(MatchJob, link.job_id)
    if job is None:
        raise NotFound(LINK_GONE)
    return job
