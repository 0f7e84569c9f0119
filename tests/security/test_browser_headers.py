"""Item 10 over HTTP: CORS is off by default (an allow-list when configured) and every response
carries the security headers. tests/browser/test_csp.py checks in Chromium that the pages work."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import DATA_DIR
from tests.support.factories import make_account
from tests.support.server import AppServer

ATS = "https://ats.example.com"
EVIL = "https://evil.example"


@pytest.fixture(scope="module")
def cors_server() -> Iterator[AppServer]:
    server = AppServer(Path(DATA_DIR), env={"CVMATCH_CORS_ALLOWED_ORIGINS": json.dumps([ATS])}).start()
    yield server
    server.stop()


def _preflight(base: str, origin: str) -> httpx.Response:
    return httpx.options(
        f"{base}/api/match",
        headers={
            "Origin": origin,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "x-api-key",
        },
        timeout=30,
    )


def test_no_origin_is_allowed_by_default(api_server):
    account = make_account()
    response = httpx.get(f"{api_server.url}/api/match", headers={**account.headers, "Origin": EVIL}, timeout=30)
    assert response.status_code == 200
    assert "access-control-allow-origin" not in response.headers
    preflight = _preflight(api_server.url, EVIL)
    assert "access-control-allow-origin" not in preflight.headers


def test_a_configured_origin_is_allowed_and_others_are_not(cors_server):
    assert _preflight(cors_server.url, ATS).headers.get("access-control-allow-origin") == ATS
    assert "access-control-allow-origin" not in _preflight(cors_server.url, EVIL).headers
    account = make_account()
    evil = httpx.get(f"{cors_server.url}/api/match", headers={**account.headers, "Origin": EVIL}, timeout=30)
    assert "access-control-allow-origin" not in evil.headers


def test_every_response_carries_the_security_headers(api_server):
    account = make_account()
    answers = {
        "api json": httpx.get(f"{api_server.url}/api/match", headers=account.headers, timeout=30),
        "api error": httpx.get(f"{api_server.url}/api/match", timeout=30),
        "docs page": httpx.get(f"{api_server.url}/api/docs", timeout=30),
        "ping": httpx.get(f"{api_server.url}/ping", timeout=30),
        "upload refused": httpx.post(f"{api_server.url}/_upload", timeout=30),
    }
    for name, response in answers.items():
        headers = response.headers
        assert headers.get("x-frame-options") == "DENY", name
        assert headers.get("x-content-type-options") == "nosniff", name
        assert headers.get("referrer-policy") == "strict-origin-when-cross-origin", name
        assert "frame-ancestors 'none'" in headers.get("content-security-policy", ""), name
    docs_policy = answers["docs page"].headers["content-security-policy"]
    assert "script-src 'self'" in docs_policy and "'sha256-" in docs_policy
    assert answers["api json"].headers["content-security-policy"] == "default-src 'none'; frame-ancestors 'none'"
