"""Item 11: a job id that is not a UUID is refused before use and never echoed back."""

from __future__ import annotations

import httpx

from tests.mcp.client import Tools, server_params, with_tools
from tests.support.factories import make_account

LONG_ID = "A" * 5000


def test_a_malformed_job_id_is_404_without_echoing_it(api_server):
    account = make_account()
    for path in (
        f"/api/match/{LONG_ID}",
        f"/api/match/{LONG_ID}/progress",
        "/api/match/<img src=x onerror=alert(1)>/progress",
    ):
        response = httpx.get(f"{api_server.url}{path}", headers=account.headers, timeout=30)
        assert response.status_code == 404, path
        detail = response.json()["detail"]
        assert "AAAAAAAAAA" not in detail and "<img" not in detail
        assert "UUID" in detail and len(detail) < 200
    upper = "00000000-0000-4000-8000-00000000ABCD"
    unknown = httpx.get(f"{api_server.url}/api/match/{upper}", headers=account.headers, timeout=30)
    assert unknown.status_code == 404 and upper.lower() in unknown.json()["detail"]


def test_the_mcp_server_builds_paths_from_valid_job_ids_only(api_server):
    account = make_account()

    async def calls(tools: Tools):
        return [
            await tools.call("get_match_progress", job_id="../../credits/balance"),
            await tools.call("get_match_results", job_id="..%2F..%2Fcredits%2Fbalance"),
            await tools.call("get_match_progress", job_id=LONG_ID),
        ]

    for answer in with_tools(server_params(url=api_server.url, key=account.key), calls):
        assert answer.is_error
        assert "is not a CVMatch job_id" in answer.text and "<html" not in answer.text.lower()
        assert len(answer.text) < 400
