"""The 60-per-minute limit per API key holds across replicas: both count in the same Redis."""

from __future__ import annotations

from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from tests.support.factories import make_account

pytestmark = [pytest.mark.postgres, pytest.mark.redis]


def test_two_replicas_share_one_60_per_minute_window(cluster, replicas):
    account = make_account(bind=cluster.engine)
    urls = [server.url for server in replicas] * 40  # 80 requests, alternating replicas

    def get(url: str) -> tuple[str, int, str | None]:
        response = httpx.get(f"{url}/api/match", headers=account.headers, timeout=30)
        return url, response.status_code, response.headers.get("X-RateLimit-Remaining")

    with ThreadPoolExecutor(8) as pool:
        outcomes = list(pool.map(get, urls))
    assert Counter(code for _, code, _ in outcomes) == Counter({200: 60, 429: 20})
    # Both replicas answered, and both refused: neither kept a private count of 60.
    assert {url for url, code, _ in outcomes if code == 200} == {server.url for server in replicas}
    assert {url for url, code, _ in outcomes if code == 429} == {server.url for server in replicas}
    refused = httpx.get(f"{replicas[1].url}/api/match", headers=account.headers, timeout=30)
    assert refused.status_code == 429
    assert int(refused.headers["Retry-After"]) >= 1
    assert refused.headers["X-RateLimit-Remaining"] == "0"
