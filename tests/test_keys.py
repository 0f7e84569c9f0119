"""API key format: product prefix, checksum, stored only as a hash."""

from __future__ import annotations

from sqlmodel import select

from cvmatch_app.db.models import ApiKey
from cvmatch_app.db.session import session_scope
from cvmatch_app.services import keys
from tests.support.factories import make_account


def test_key_format_and_checksum():
    secret = keys.generate_secret()
    assert secret.startswith("cvm_") and not secret.startswith("sk_")
    assert keys.looks_valid(secret)
    mistyped = secret[:10] + ("A" if secret[10] != "A" else "B") + secret[11:]
    assert not keys.looks_valid(mistyped)


def test_only_a_hash_of_the_key_is_stored():
    account = make_account()
    with session_scope() as session:
        stored = session.exec(select(ApiKey).where(ApiKey.user_id == account.user_id)).one()
        columns = [str(getattr(stored, c.name)) for c in ApiKey.__table__.columns]
    assert account.key not in " ".join(columns)
    assert stored.secret_hash == keys.hash_secret(account.key)
    assert stored.last4 == account.key[-4:]
