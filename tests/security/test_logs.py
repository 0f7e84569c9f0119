"""Item 12: one structured access line per request and security events, as JSON lines when configured;
never a key, a password or a token in the log."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import DATA_DIR
from tests.security.helpers import bearer, token_for
from tests.support.factories import make_account
from tests.support.server import AppServer

WEBHOOK_SECRET = "whsec_logs_0123456789abcdefghijklmnop"


@pytest.fixture(scope="module")
def json_log_server() -> Iterator[AppServer]:
    env = {
        "CVMATCH_LOG_FORMAT": "json",
        "CVMATCH_RATE_LIMIT_PER_MINUTE": "3",
        "STRIPE_WEBHOOK_SECRET": WEBHOOK_SECRET,
    }
    server = AppServer(Path(DATA_DIR), env=env).start()
    yield server
    server.stop()


def _json_lines(server: AppServer) -> list[dict]:
    lines = []
    for line in server.log_path.read_text(errors="replace").splitlines():
        try:
            parsed = json.loads(line)
        except ValueError:
            continue
        if isinstance(parsed, dict) and str(parsed.get("logger", "")).startswith("cvmatch"):
            lines.append(parsed)
    return lines


def test_access_lines_and_security_events_without_secrets(json_log_server):
    base = json_log_server.url
    account = make_account()
    job_id = str(uuid.uuid4())
    wrong_password = f"wrong-{uuid.uuid4().hex}"
    token = token_for(base, account.email, account.password)
    httpx.post(f"{base}/api/auth/token", json={"email": account.email, "password": wrong_password}, timeout=30)
    assert httpx.get(f"{base}/api/credits/balance", headers=bearer(token), timeout=30).status_code == 200
    answers = [
        httpx.get(f"{base}/api/match/{job_id}/progress", headers=account.headers, timeout=30).status_code
        for _ in range(4)
    ]
    assert answers == [404, 404, 404, 429]
    unsigned = httpx.post(f"{base}/api/stripe/webhook", content=b"{}", headers={"Stripe-Signature": "t=1,v1=x"})
    assert unsigned.status_code == 401
    time.sleep(0.5)

    lines = _json_lines(json_log_server)
    access = [line for line in lines if line["logger"] == "cvmatch.access"]
    progress = [line for line in access if line["path"] == "/api/match/{job_id}/progress"]
    assert [line["status"] for line in progress] == [404, 404, 404, 429]
    assert {line["method"] for line in progress} == {"GET"}
    assert {line["account_id"] for line in progress} == {account.user_id}
    assert all(isinstance(line["duration_ms"], (int, float)) and line["duration_ms"] >= 0 for line in progress)
    balance = [line for line in access if line["path"] == "/api/credits/balance"]
    assert balance and balance[-1]["account_id"] == account.user_id and balance[-1]["status"] == 200

    events = {line.get("event") for line in lines if line["logger"] == "cvmatch.security"}
    assert {"login_failed", "rate_limited", "webhook_refused"} <= events

    whole_log = json_log_server.log_path.read_text(errors="replace")
    for secret in (account.key, account.password, wrong_password, token, job_id, account.email):
        assert secret not in whole_log
