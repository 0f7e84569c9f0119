"""Item 9: an over-long Idempotency-Key is a 400 (never cut), and priority is part of the fingerprint."""

from __future__ import annotations

from cvmatch_app.db.session import session_scope
from cvmatch_app.services import credits
from tests.api.helpers import submit
from tests.support.factories import NURSE_CV, NURSE_JD, make_account, txt


def test_a_key_over_255_characters_is_refused_not_cut(api_server):
    account = make_account(credits=10)
    cv = [txt("a.txt", NURSE_CV)]
    for length in (256, 60_000):
        headers = {**account.headers, "Idempotency-Key": "k" * length}
        response = submit(api_server.url, headers, cv, jd_text=NURSE_JD)
        assert response.status_code == 400, response.text[:200]
        assert "255" in response.json()["detail"]
    accepted = submit(api_server.url, {**account.headers, "Idempotency-Key": "k" * 255}, cv, jd_text=NURSE_JD)
    assert accepted.status_code == 200
    with session_scope() as session:
        assert credits.balance(session, account.user_id) == 9


def test_the_same_key_with_another_priority_is_a_conflict(api_server):
    account = make_account(credits=10)
    headers = {**account.headers, "Idempotency-Key": "priority-matters-1"}
    cv = [txt("a.txt", NURSE_CV)]
    assert submit(api_server.url, headers, cv, jd_text=NURSE_JD, priority="standard").status_code == 200
    conflict = submit(api_server.url, headers, cv, jd_text=NURSE_JD, priority="batch")
    assert conflict.status_code == 409
    assert "Idempotency-Key" in conflict.json()["detail"]
    same = submit(api_server.url, headers, cv, jd_text=NURSE_JD, priority="standard")
    assert same.status_code == 200
    with session_scope() as session:
        assert credits.balance(session, account.user_id) == 9
