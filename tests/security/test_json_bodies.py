"""Item 6: a JSON body of the wrong shape is a 400 with a JSON detail, never a 500 in plain text."""

from __future__ import annotations

import httpx
import pytest

from tests.support.factories import make_account

WRONG_SHAPES = [b"[1,2]", b'"str"', b"null", b"42", b'{"email": ["a"], "password": {"x": 1}}']


@pytest.mark.parametrize("body", WRONG_SHAPES)
def test_log_in_with_a_body_that_is_not_an_object_is_400_json(api_server, body):
    response = httpx.post(
        f"{api_server.url}/api/auth/token", content=body, headers={"Content-Type": "application/json"}, timeout=30
    )
    assert response.status_code == 400, response.text
    assert response.headers["content-type"].startswith("application/json")
    assert "email" in response.json()["detail"]


@pytest.mark.parametrize("body", WRONG_SHAPES)
def test_checkout_with_a_body_that_is_not_an_object_is_400_json(api_server, body):
    account = make_account()
    token = httpx.post(
        f"{api_server.url}/api/auth/token", json={"email": account.email, "password": account.password}, timeout=30
    ).json()["access_token"]
    response = httpx.post(
        f"{api_server.url}/api/billing/checkout",
        content=body,
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"},
        timeout=30,
    )
    assert response.status_code == 400, response.text
    assert response.headers["content-type"].startswith("application/json")
    assert response.json()["detail"]


def test_the_openapi_document_declares_the_bodies(api_server):
    spec = httpx.get(f"{api_server.url}/api/openapi.json", timeout=30).json()
    token_body = spec["paths"]["/api/auth/token"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert {"email", "password"} <= set(token_body["properties"])
    assert "requestBody" in spec["paths"]["/api/billing/checkout"]["post"]
