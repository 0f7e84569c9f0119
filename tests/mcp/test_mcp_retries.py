"""A dropped connection is retried without ever creating a second job (respx stands in for the API)."""

from __future__ import annotations

import importlib.util

import anyio
import httpx
import pytest
import respx
from anyio.lowlevel import checkpoint

from tests.mcp.client import SERVER_FILE
from tests.support.factories import NURSE_CV, NURSE_JD

JOB_ID = "00000000-0000-4000-8000-000000000001"  # job ids are UUIDs: the MCP server refuses others

URL = "http://cvmatch.test"


@pytest.fixture
def server(monkeypatch):
    spec = importlib.util.spec_from_file_location("standalone_mcp_server", SERVER_FILE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setenv("CV_MATCH_API_URL", URL)
    monkeypatch.setenv("CV_MATCH_API_KEY", "cvm_test")
    monkeypatch.setattr(module.anyio, "sleep", lambda _seconds: checkpoint())
    return module


def _job(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, json={"job_id": JOB_ID, "status": "pending", "cv_count": 1, "skipped_cvs": []})


@respx.mock
def test_a_dropped_upload_is_sent_again_with_the_same_idempotency_key(server, tmp_path):
    cv = tmp_path / "cv.txt"
    cv.write_text(NURSE_CV)
    post = respx.post(f"{URL}/api/match").mock(side_effect=[httpx.ReadError("reset"), _job])
    respx.get(f"{URL}/api/match").respond(200, json={"jobs": []})

    job = anyio.run(server.match_cvs, [str(cv)], NURSE_JD)

    assert job["job_id"] == JOB_ID
    sent = [call.request.headers["Idempotency-Key"] for call in post.calls]
    assert len(sent) == 2 and sent[0] == sent[1] and sent[0].startswith("mcp-")
    assert all(call.request.headers["X-API-Key"] == "cvm_test" for call in post.calls)


@respx.mock
def test_a_refusal_lost_with_the_connection_is_read_from_a_request_without_a_body(server, tmp_path):
    cv = tmp_path / "cv.txt"
    cv.write_text(NURSE_CV)
    post = respx.post(f"{URL}/api/match").mock(side_effect=httpx.ReadError("reset"))
    respx.get(f"{URL}/api/match").respond(
        429, json={"detail": "Rate limit exceeded: 60 requests per minute per API key."}, headers={"Retry-After": "17"}
    )

    with pytest.raises(server.CVMatchError, match=r"\(429\).*Retry after 17 seconds\.$"):
        anyio.run(server.match_cvs, [str(cv)], NURSE_JD)
    assert len(post.calls) == 1


@respx.mock
def test_a_connection_that_keeps_dropping_ends_in_a_clear_error(server):
    route = respx.get(f"{URL}/api/match/{JOB_ID}/progress").mock(side_effect=httpx.RemoteProtocolError("closed"))
    with pytest.raises(server.CVMatchError, match="Could not reach CVMatch at http://cvmatch.test"):
        anyio.run(server.get_match_progress, JOB_ID)
    assert len(route.calls) == 3


@respx.mock
def test_a_server_that_is_not_cvmatch_is_named(server):
    respx.get(f"{URL}/api/match/{JOB_ID}").respond(200, text="<html>welcome</html>")
    with pytest.raises(server.CVMatchError, match="did not answer like a CVMatch server"):
        anyio.run(server.get_match_results, JOB_ID)
