"""Item 4: log-out and a password change end earlier tokens; malformed tokens are 401, never 500."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx
import jwt

from cvmatch_app.config import get_settings
from tests.security.helpers import balance, bearer, token_for
from tests.support.factories import make_account


def _signed(claims: dict) -> str:
    return jwt.encode(claims, get_settings().effective_secret_key(), algorithm="HS256")


def test_log_out_ends_every_earlier_token(api_server):
    account = make_account()
    first = token_for(api_server.url, account.email, account.password)
    second = token_for(api_server.url, account.email, account.password)
    assert balance(api_server.url, first).status_code == 200
    out = httpx.post(f"{api_server.url}/api/auth/logout", headers=bearer(first), timeout=30)
    assert out.status_code == 200
    for token in (first, second):
        refused = balance(api_server.url, token)
        assert refused.status_code == 401
        assert "log in again" in refused.json()["detail"]
    fresh = token_for(api_server.url, account.email, account.password)
    assert balance(api_server.url, fresh).status_code == 200
    assert httpx.get(f"{api_server.url}/api/match", headers=account.headers, timeout=30).status_code == 200


def test_a_password_change_ends_earlier_tokens_and_gives_a_new_one(api_server):
    account = make_account()
    old = token_for(api_server.url, account.email, account.password)
    changed = httpx.post(
        f"{api_server.url}/api/auth/password",
        json={"current_password": account.password, "new_password": "a brand new passphrase"},
        headers=bearer(old),
        timeout=30,
    )
    assert changed.status_code == 200, changed.text
    assert balance(api_server.url, old).status_code == 401
    assert balance(api_server.url, changed.json()["access_token"]).status_code == 200
    assert token_for(api_server.url, account.email, "a brand new passphrase")


def test_tokens_without_expiry_or_with_a_strange_subject_are_401(api_server):
    account = make_account()
    now = datetime.now(UTC)
    later = now + timedelta(hours=1)
    tokens = {
        "no exp": _signed({"sub": str(account.user_id), "ver": 0, "iat": now}),
        "sub not a number": _signed({"sub": "admin", "ver": 0, "exp": later}),
        "sub a list": _signed({"sub": ["1"], "ver": 0, "exp": later}),
        "sub huge": _signed({"sub": "9" * 40, "ver": 0, "exp": later}),
        "no version": _signed({"sub": str(account.user_id), "exp": later}),
        "expired": _signed({"sub": str(account.user_id), "ver": 0, "exp": now - timedelta(minutes=1)}),
        "other secret": jwt.encode({"sub": str(account.user_id), "ver": 0, "exp": later}, "x" * 32, "HS256"),
    }
    for name, token in tokens.items():
        response = balance(api_server.url, token)
        assert response.status_code == 401, (name, response.status_code, response.text)
        assert response.json()["detail"], name
