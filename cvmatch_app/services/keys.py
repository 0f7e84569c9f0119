"""API keys: shown once, stored as an HMAC-SHA256, with a product prefix and a checksum.

Format (GitHub's token format is the model): ``cvm_`` + 30 random base62 characters + a 6-character
base62 CRC32 of those 30. The checksum lets us refuse a mistyped key without a database look-up,
and the prefix makes a leaked key easy to recognise (it never looks like a Stripe ``sk_`` key).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import string
import zlib
from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, col, select

from cvmatch_app.config import get_settings
from cvmatch_app.db.models import ApiKey, User, utcnow
from cvmatch_app.services.errors import BadRequest, Forbidden, NotFound, Unauthorized

KEY_PREFIX = "cvm_"
SCOPE_EXECUTE = "match:execute"
SCOPE_READ = "match:read"
SCOPES = (SCOPE_EXECUTE, SCOPE_READ)
_ALPHABET = string.digits + string.ascii_letters
_BODY_LENGTH = 30
_CHECK_LENGTH = 6
INVALID_KEY = "Invalid or missing API key"
MAX_ACTIVE_KEYS_PER_ACCOUNT = 20  # with the per-account rate limit, more keys never mean more requests


@dataclass
class KeyPrincipal:
    user: User
    key: ApiKey
    scopes: frozenset[str]

    def require(self, scope: str) -> None:
        if scope == SCOPE_READ and SCOPE_EXECUTE in self.scopes:
            return  # match:execute implies match:read
        if scope not in self.scopes:
            raise Forbidden(f"This API key lacks the '{scope}' scope: create a key with it on the Account page.")


def _base62(number: int, width: int) -> str:
    digits = []
    for _ in range(width):
        number, remainder = divmod(number, 62)
        digits.append(_ALPHABET[remainder])
    return "".join(reversed(digits))


def _checksum(body: str) -> str:
    return _base62(zlib.crc32(body.encode()), _CHECK_LENGTH)


def generate_secret() -> str:
    body = "".join(secrets.choice(_ALPHABET) for _ in range(_BODY_LENGTH))
    return f"{KEY_PREFIX}{body}{_checksum(body)}"


def looks_valid(secret: str) -> bool:
    if not secret.startswith(KEY_PREFIX) or len(secret) != len(KEY_PREFIX) + _BODY_LENGTH + _CHECK_LENGTH:
        return False
    body = secret[len(KEY_PREFIX) : len(KEY_PREFIX) + _BODY_LENGTH]
    return hmac.compare_digest(_checksum(body), secret[-_CHECK_LENGTH:])


def hash_secret(secret: str) -> str:
    key = get_settings().effective_secret_key().encode()
    return hmac.new(key, secret.encode(), hashlib.sha256).hexdigest()


def parse_scopes(scopes: str | list[str] | None) -> str:
    if scopes is None or scopes == "" or scopes == []:
        return SCOPE_EXECUTE
    items = scopes.replace(" ", ",").split(",") if isinstance(scopes, str) else list(scopes)
    chosen = sorted({item.strip() for item in items if item.strip()})
    unknown = [scope for scope in chosen if scope not in SCOPES]
    if unknown:
        raise BadRequest(f"Unknown scope {', '.join(unknown)}: use {SCOPE_EXECUTE} or {SCOPE_READ}.")
    return ",".join(chosen)


def create_key(
    session: Session, *, user_id: int, name: str = "", scopes: str | list[str] | None = None
) -> tuple[ApiKey, str]:
    """Create a key; returns the row and the secret, which is never available again."""
    name = (name or "").strip() or "API key"
    if len(name) > 100:
        raise BadRequest("A key name can be at most 100 characters.")
    active = session.exec(
        select(func.count()).select_from(ApiKey).where(ApiKey.user_id == user_id, col(ApiKey.revoked_at).is_(None))
    ).one()
    if active >= MAX_ACTIVE_KEYS_PER_ACCOUNT:
        raise BadRequest(
            f"An account can have at most {MAX_ACTIVE_KEYS_PER_ACCOUNT} active API keys: "
            "revoke one you no longer use (Account page, or cli revoke-key) and create the new one."
        )
    secret = generate_secret()
    key = ApiKey(
        user_id=user_id,
        name=name,
        prefix=secret[: len(KEY_PREFIX) + 8],
        secret_hash=hash_secret(secret),
        last4=secret[-4:],
        scopes=parse_scopes(scopes),
    )
    session.add(key)
    session.flush()
    return key, secret


def list_keys(session: Session, *, user_id: int, include_revoked: bool = False) -> list[ApiKey]:
    query = select(ApiKey).where(ApiKey.user_id == user_id)
    if not include_revoked:
        query = query.where(col(ApiKey.revoked_at).is_(None))
    return list(session.exec(query.order_by(col(ApiKey.created_at).desc(), col(ApiKey.id).desc())))


def revoke_key(session: Session, *, user_id: int, key_id: int) -> ApiKey:
    key = session.get(ApiKey, key_id)
    if key is None or key.user_id != user_id:
        raise NotFound(f"No API key {key_id} on this account.")
    if key.revoked_at is None:
        key.revoked_at = utcnow()
        session.add(key)
    return key


def authenticate_key(session: Session, secret: str | None) -> KeyPrincipal:
    """The key's owner and scopes; 401 for a missing, malformed, unknown or revoked key."""
    if not secret or not looks_valid(secret.strip()):
        raise Unauthorized(INVALID_KEY + ": send it in the X-API-Key header (create one on the Account page).")
    key = session.exec(select(ApiKey).where(ApiKey.secret_hash == hash_secret(secret.strip()))).first()
    if key is None or key.revoked_at is not None:
        raise Unauthorized(INVALID_KEY + ": this key is unknown or has been revoked.")
    user = session.get(User, key.user_id)
    if user is None:
        raise Unauthorized(INVALID_KEY + ": the key's account no longer exists.")
    return KeyPrincipal(user=user, key=key, scopes=frozenset(key.scopes.split(",")))


def needs_use_recorded(key: ApiKey) -> bool:
    """Recording every use would make each read a write; a minute's precision is what a user needs."""
    return key.last_used_at is None or (utcnow() - key.last_used_at).total_seconds() > 60


def record_use(session: Session, key_id: int) -> None:
    """Stamp the key's last use (call in a write session: SQLite takes its write lock up front)."""
    key = session.get(ApiKey, key_id)
    if key is not None and needs_use_recorded(key):
        key.last_used_at = utcnow()
        session.add(key)
