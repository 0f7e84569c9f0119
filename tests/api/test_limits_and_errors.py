"""Every limit answers with the seed's status code and a detail that says what to do."""

from __future__ import annotations

import asyncio
import json
import socket

import httpx

from cvmatch_app.db.models import MatchJob
from cvmatch_app.db.session import session_scope
from cvmatch_app.services import credits, keys
from tests.api.helpers import submit, wait_completed
from tests.support.factories import NURSE_CV, NURSE_JD, make_account, make_key, txt


def _jobs_of(user_id: int) -> int:
    from sqlmodel import select

    with session_scope() as session:
        return len(session.exec(select(MatchJob).where(MatchJob.user_id == user_id)).all())


def test_missing_malformed_and_unknown_keys_are_401(api_server):
    for headers in (
        {},
        {"X-API-Key": "sk_live_nope"},
        {"X-API-Key": keys.generate_secret()},
        {"Authorization": "Bearer x"},
    ):
        response = submit(api_server.url, headers, [txt("cv.txt", NURSE_CV)], jd_text=NURSE_JD)
        assert response.status_code == 401
        assert response.json()["detail"].startswith("Invalid or missing API key")


def test_a_revoked_key_stops_working_at_once(api_server):
    account = make_account()
    assert httpx.get(f"{api_server.url}/api/match", headers=account.headers).status_code == 200
    with session_scope(write=True) as session:
        key = keys.list_keys(session, user_id=account.user_id)[0]
        keys.revoke_key(session, user_id=account.user_id, key_id=key.id)
    assert httpx.get(f"{api_server.url}/api/match", headers=account.headers).status_code == 401


def test_a_read_only_key_can_read_but_not_submit(api_server):
    account = make_account(credits=5)
    reader = {"X-API-Key": make_key(account.user_id, scopes="match:read")}
    job_id = submit(api_server.url, account.headers, [txt("cv.txt", NURSE_CV)], jd_text=NURSE_JD).json()["job_id"]
    denied = submit(api_server.url, reader, [txt("cv.txt", NURSE_CV)], jd_text=NURSE_JD)
    assert denied.status_code == 403
    assert "match:execute" in denied.json()["detail"]
    wait_completed(api_server.url, reader, job_id)
    assert httpx.get(f"{api_server.url}/api/match/{job_id}", headers=reader).status_code == 200


def test_bad_requests_are_400_with_what_to_do(api_server):
    account = make_account(plan="free", credits=100)
    cv = [txt("cv.txt", NURSE_CV)]
    cases = {
        "no jd": submit(api_server.url, account.headers, cv),
        "blank jd": submit(api_server.url, account.headers, cv, jd_text="   "),
        "jd too long": submit(api_server.url, account.headers, cv, jd_text="x" * 50_001),
        "no cvs": submit(api_server.url, account.headers, [], jd_text=NURSE_JD),
        "over batch": submit(
            api_server.url, account.headers, [txt(f"cv{i}.txt", NURSE_CV + str(i)) for i in range(11)], jd_text=NURSE_JD
        ),
    }
    files = [("cvs", cv[0]), ("jd_file", ("jd.txt", NURSE_JD.encode(), "text/plain"))]
    cases["both jd fields"] = httpx.post(
        f"{api_server.url}/api/match", headers=account.headers, files=files, data={"jd_text": NURSE_JD}
    )
    cases["not multipart"] = httpx.post(f"{api_server.url}/api/match", headers=account.headers, json={"jd_text": "x"})
    for name, response in cases.items():
        assert response.status_code == 400, (name, response.text)
        assert len(response.json()["detail"]) > 20, name
    assert "50,000" in cases["jd too long"].json()["detail"]
    assert "10" in cases["over batch"].json()["detail"] and "Free" in cases["over batch"].json()["detail"]
    assert _jobs_of(account.user_id) == 0
    with session_scope() as session:
        assert credits.balance(session, account.user_id) == 100


def test_batch_limits_follow_the_plan(api_server):
    starter = make_account(plan="starter", credits=100)
    cvs = [txt(f"cv{i}.txt", NURSE_CV + f"\nReference {i}") for i in range(20)]
    assert submit(api_server.url, starter.headers, cvs, jd_text=NURSE_JD).status_code == 200
    cvs.append(txt("cv21.txt", NURSE_CV + "\nReference 21"))
    assert submit(api_server.url, starter.headers, cvs, jd_text=NURSE_JD).status_code == 400
    api_plan = make_account(plan="api", credits=100)
    cvs += [txt(f"cv{i}.txt", NURSE_CV + f"\nReference {i}") for i in range(21, 25)]
    assert submit(api_server.url, api_plan.headers, cvs, jd_text=NURSE_JD).status_code == 200
    cvs.append(txt("cv26.txt", NURSE_CV + "\nReference 26"))
    assert submit(api_server.url, api_plan.headers, cvs, jd_text=NURSE_JD).status_code == 400


def test_not_enough_credits_is_402_and_creates_nothing(api_server):
    account = make_account(credits=2)
    cvs = [txt(f"cv{i}.txt", NURSE_CV + str(i)) for i in range(3)]
    response = submit(api_server.url, account.headers, cvs, jd_text=NURSE_JD)
    assert response.status_code == 402
    assert "balance is 2" in response.json()["detail"]
    assert _jobs_of(account.user_id) == 0
    with session_scope() as session:
        assert credits.balance(session, account.user_id) == 2


def test_a_cv_over_5_mb_is_413(api_server):
    account = make_account(credits=5)
    big = ("big.txt", b"Nurse " * (900 * 1024), "text/plain")  # 5.3 MB
    response = submit(api_server.url, account.headers, [txt("cv.txt", NURSE_CV), big], jd_text=NURSE_JD)
    assert response.status_code == 413
    assert "big.txt" in response.json()["detail"] and "5 MB" in response.json()["detail"]
    assert _jobs_of(account.user_id) == 0


def test_a_body_over_the_batch_maximum_is_refused_before_it_is_read(api_server):
    account = make_account(credits=5)
    # Announce 200 MB and send none of it: the answer must come from the headers alone.
    with socket.create_connection(("127.0.0.1", api_server.port), timeout=10) as sock:
        sock.sendall(
            (
                "POST /api/match HTTP/1.1\r\nHost: localhost\r\n"
                f"X-API-Key: {account.key}\r\nContent-Type: multipart/form-data; boundary=x\r\n"
                f"Content-Length: {200 * 1024**2}\r\n\r\n"
            ).encode()
        )
        reply = sock.recv(65536).decode()
    status_line, _, rest = reply.partition("\r\n")
    assert " 413 " in status_line
    assert json.loads(rest.split("\r\n\r\n", 1)[1])["detail"].startswith("The request is larger than")


def test_rate_limit_headers_and_429_with_retry_after(api_server):
    account = make_account()
    url = f"{api_server.url}/api/match/00000000-0000-0000-0000-000000000000/progress"
    with httpx.Client() as client:
        first = client.get(url, headers=account.headers)
        assert first.status_code == 404
        assert first.headers["X-RateLimit-Limit"] == "60"
        assert first.headers["X-RateLimit-Remaining"] == "59"
        assert int(first.headers["X-RateLimit-Reset"]) > 1_700_000_000
        statuses = [client.get(url, headers=account.headers).status_code for _ in range(59)]
        assert set(statuses) == {404}
        limited = client.get(url, headers=account.headers)
    assert limited.status_code == 429
    assert 1 <= int(limited.headers["Retry-After"]) <= 60
    assert limited.headers["X-RateLimit-Remaining"] == "0"
    assert "60 requests per minute" in limited.json()["detail"]
    # Another key of the same account has its own window.
    other = {"X-API-Key": make_key(account.user_id)}
    assert httpx.get(url, headers=other).status_code == 404


def test_credit_balance_takes_a_jwt_not_an_api_key(api_server):
    account = make_account(plan="starter", credits=42)
    refused = httpx.get(f"{api_server.url}/api/credits/balance", headers={"Authorization": f"Bearer {account.key}"})
    assert refused.status_code == 401
    wrong = httpx.post(f"{api_server.url}/api/auth/token", json={"email": account.email, "password": "nope-nope"})
    assert wrong.status_code == 401
    token = httpx.post(f"{api_server.url}/api/auth/token", json={"email": account.email, "password": account.password})
    assert token.status_code == 200
    jwt_headers = {"Authorization": f"Bearer {token.json()['access_token']}"}
    balance = httpx.get(f"{api_server.url}/api/credits/balance", headers=jwt_headers)
    assert balance.status_code == 200
    assert balance.json()["balance"] == 42 and balance.json()["plan"] == "starter"


def test_early_refusals_of_an_upload_reach_the_client(api_server):
    """A 401 sent before the upload is read must not be lost to a connection reset (one kept-alive client)."""

    async def upload_with_bad_keys() -> list[int | str]:
        outcomes: list[int | str] = []
        async with httpx.AsyncClient(timeout=30) as client:
            for _ in range(60):
                files = [("cvs", ("cv.txt", b"x" * 1_000_000, "text/plain"))]
                try:
                    response = await client.post(
                        f"{api_server.url}/api/match",
                        headers={"X-API-Key": keys.generate_secret()},
                        files=files,
                        data={"jd_text": NURSE_JD},
                    )
                    outcomes.append(response.status_code)
                except httpx.HTTPError as exc:
                    outcomes.append(type(exc).__name__)
        return outcomes

    assert asyncio.run(upload_with_bad_keys()) == [401] * 60


def test_password_guessing_is_slowed_to_10_failures_a_minute_per_email(api_server):
    account = make_account()
    url = f"{api_server.url}/api/auth/token"
    wrong = [httpx.post(url, json={"email": account.email, "password": f"guess-{i}"}).status_code for i in range(10)]
    assert wrong == [401] * 10
    blocked = httpx.post(url, json={"email": account.email, "password": account.password})
    assert blocked.status_code == 429
    assert "failed log-ins for this account" in blocked.json()["detail"] and int(blocked.headers["Retry-After"]) >= 1
    other = make_account()
    assert httpx.post(url, json={"email": other.email, "password": other.password}).status_code == 200
