"""Idempotency-Key on POST /api/match: a retried request never creates or charges twice."""

from __future__ import annotations

from cvmatch_app.db.session import session_scope
from cvmatch_app.services import credits
from tests.api.helpers import submit
from tests.support.factories import DEVELOPER_CV, NURSE_CV, NURSE_JD, make_account, txt


def test_same_key_same_body_returns_the_same_job_and_charges_once(api_server):
    account = make_account(credits=10)
    headers = {**account.headers, "Idempotency-Key": "retry-123"}
    cvs = [txt("a.txt", NURSE_CV), txt("b.txt", DEVELOPER_CV)]
    first = submit(api_server.url, headers, cvs, jd_text=NURSE_JD)
    second = submit(api_server.url, headers, cvs, jd_text=NURSE_JD)
    assert first.status_code == second.status_code == 200
    assert first.json()["job_id"] == second.json()["job_id"]
    with session_scope() as session:
        assert credits.balance(session, account.user_id) == 8


def test_same_key_different_body_is_409(api_server):
    account = make_account(credits=10)
    headers = {**account.headers, "Idempotency-Key": "retry-456"}
    assert submit(api_server.url, headers, [txt("a.txt", NURSE_CV)], jd_text=NURSE_JD).status_code == 200
    conflict = submit(api_server.url, headers, [txt("a.txt", DEVELOPER_CV)], jd_text=NURSE_JD)
    assert conflict.status_code == 409
    assert "Idempotency-Key" in conflict.json()["detail"]
    with session_scope() as session:
        assert credits.balance(session, account.user_id) == 9
