"""Small HTTP helpers shared by the security tests."""

from __future__ import annotations

import httpx


def log_in(base: str, email: str, password: str, **client_options) -> httpx.Response:  # type: ignore[no-untyped-def]
    with httpx.Client(**client_options) as client:
        return client.post(f"{base}/api/auth/token", json={"email": email, "password": password}, timeout=30)


def token_for(base: str, email: str, password: str) -> str:
    response = log_in(base, email, password)
    assert response.status_code == 200, response.text
    return response.json()["access_token"]


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def balance(base: str, token: str) -> httpx.Response:
    return httpx.get(f"{base}/api/credits/balance", headers=bearer(token), timeout=30)
