"""The seed's flow over real HTTP: submit, poll progress, read ranked results."""

from __future__ import annotations

import httpx

from cvmatch_app.db.session import session_scope
from cvmatch_app.services import credits
from tests.api.helpers import submit, wait_completed
from tests.support.factories import (
    CORRUPT_PDF,
    DEVELOPER_CV,
    NURSE_CV,
    NURSE_JD,
    PNG_BYTES,
    WAREHOUSE_CV,
    make_account,
    txt,
)

RESULT_FIELDS = {"cv_filename", "match_score", "executive_summary", "strengths", "gaps", "recommendation", "verdict"}
BANDS = {
    "STRONG_MATCH": ("Interview", 75, 100),
    "GOOD_MATCH": ("Interview", 60, 74),
    "MODERATE_MATCH": ("Consider", 40, 59),
    "WEAK_MATCH": ("Not recommended", 20, 39),
    "NOT_SUITABLE": ("Not recommended", 0, 19),
}


def test_submit_poll_and_read_ranked_results(api_server):
    account = make_account(credits=10)
    cvs = [txt("developer.txt", DEVELOPER_CV), txt("nurse.txt", NURSE_CV), txt("warehouse.txt", WAREHOUSE_CV)]
    response = submit(api_server.url, account.headers, cvs, jd_text=NURSE_JD)
    assert response.status_code == 200, response.text
    job = response.json()
    assert job["status"] == "pending"
    assert job["cv_count"] == 3
    assert job["skipped_cvs"] == []
    assert job["message"] == f"Job created. Poll /api/match/{job['job_id']} for results."

    progress = wait_completed(api_server.url, account.headers, job["job_id"])
    assert progress["status"] == "completed"
    assert (progress["total"], progress["completed"], progress["pending"], progress["processing"]) == (3, 3, 0, 0)

    body = httpx.get(f"{api_server.url}/api/match/{job['job_id']}", headers=account.headers).json()
    assert body["job_id"] == job["job_id"] and body["status"] == "completed"
    results = body["results"]
    assert [r["cv_filename"] for r in results][0] == "nurse.txt", "the ICU nurse must rank first for an ICU JD"
    scores = [r["match_score"] for r in results]
    assert scores == sorted(scores, reverse=True)
    for result in results:
        assert RESULT_FIELDS <= set(result)
        recommendation, low, high = BANDS[result["verdict"]]
        assert result["recommendation"] == recommendation and low <= result["match_score"] <= high
        assert result["executive_summary"]
    assert body["engine"] == "local"

    with session_scope() as session:
        assert credits.balance(session, account.user_id) == 7
        assert credits.ledger_sum(session, account.user_id) == 7


def test_unreadable_cvs_are_charged_at_submit_then_skipped_with_a_reason_and_refunded_once(api_server):
    account = make_account(credits=5)
    cvs = [
        txt("nurse.txt", NURSE_CV),
        ("broken.pdf", CORRUPT_PDF, "application/pdf"),
        ("photo.pdf", PNG_BYTES, "application/pdf"),
        ("empty.txt", b"", "text/plain"),
    ]
    response = submit(api_server.url, account.headers, cvs, jd_text=NURSE_JD)
    assert response.status_code == 200, response.text
    job = response.json()
    assert job["cv_count"] == 4 and job["skipped_cvs"] == []  # nothing is read before the answer
    progress = wait_completed(api_server.url, account.headers, job["job_id"])
    assert progress == {**progress, "status": "completed", "total": 4, "completed": 1, "skipped": 3, "reading": 0}
    body = httpx.get(f"{api_server.url}/api/match/{job['job_id']}", headers=account.headers).json()
    assert [r["cv_filename"] for r in body["results"]] == ["nurse.txt"]
    skipped = {s["filename"]: s["reason"] for s in body["skipped_cvs"]}
    assert set(skipped) == {"broken.pdf", "photo.pdf", "empty.txt"}
    assert all(len(reason) > 10 for reason in skipped.values())
    assert "empty" in skipped["empty.txt"].lower() and "PNG" in skipped["photo.pdf"]
    with session_scope() as session:
        assert credits.balance(session, account.user_id) == 4
        assert credits.ledger_sum(session, account.user_id) == 4
        refunds = [e for e in credits.history(session, account.user_id) if e.reason == "refund"]
    assert sorted(e.note for e in refunds) == [
        "'broken.pdf' could not be read",
        "'empty.txt' could not be read",
        "'photo.pdf' could not be read",
    ]
    assert all(e.delta == 1 for e in refunds) and len({e.reference for e in refunds}) == 3


def test_a_job_whose_cvs_are_all_unreadable_completes_with_every_credit_back(api_server):
    account = make_account(credits=5)
    cvs = [("broken.pdf", CORRUPT_PDF, "application/pdf"), ("photo.pdf", PNG_BYTES, "application/pdf")]
    response = submit(api_server.url, account.headers, cvs, jd_text=NURSE_JD)
    assert response.status_code == 200, response.text
    job_id = response.json()["job_id"]
    progress = wait_completed(api_server.url, account.headers, job_id)
    assert progress == {**progress, "status": "completed", "total": 2, "completed": 0, "skipped": 2}
    body = httpx.get(f"{api_server.url}/api/match/{job_id}", headers=account.headers).json()
    assert body["results"] == [] and [s["filename"] for s in body["skipped_cvs"]] == ["broken.pdf", "photo.pdf"]
    with session_scope() as session:
        assert credits.balance(session, account.user_id) == 5
        assert credits.ledger_sum(session, account.user_id) == 5


def test_jd_as_a_file(api_server):
    account = make_account(credits=5)
    files = [("cvs", txt("nurse.txt", NURSE_CV)), ("jd_file", ("icu_nurse.txt", NURSE_JD.encode(), "text/plain"))]
    response = httpx.post(f"{api_server.url}/api/match", headers=account.headers, files=files, timeout=60)
    assert response.status_code == 200, response.text
    wait_completed(api_server.url, account.headers, response.json()["job_id"])


def test_bearer_authorization_works_like_x_api_key(api_server):
    account = make_account(credits=5)
    headers = {"Authorization": f"Bearer {account.key}"}
    response = submit(api_server.url, headers, [txt("nurse.txt", NURSE_CV)], jd_text=NURSE_JD)
    assert response.status_code == 200, response.text
    wait_completed(api_server.url, headers, response.json()["job_id"])


def test_another_accounts_job_is_not_found_like_an_unknown_one(api_server):
    owner, other = make_account(credits=5), make_account(credits=5)
    job_id = submit(api_server.url, owner.headers, [txt("nurse.txt", NURSE_CV)], jd_text=NURSE_JD).json()["job_id"]
    unknown = "00000000-0000-0000-0000-000000000000"
    for path in (f"/api/match/{job_id}", f"/api/match/{job_id}/progress"):
        foreign = httpx.get(api_server.url + path, headers=other.headers)
        missing = httpx.get(api_server.url + path.replace(job_id, unknown), headers=other.headers)
        assert foreign.status_code == missing.status_code == 404
        assert foreign.json()["detail"].replace(job_id, "X") == missing.json()["detail"].replace(unknown, "X")


def test_offline_api_docs(api_server):
    page = httpx.get(f"{api_server.url}/api/docs")
    assert page.status_code == 200
    assert "cdn" not in page.text.lower()
    assert httpx.get(f"{api_server.url}/api/docs-static/swagger-ui-bundle.js").status_code == 200
    spec = httpx.get(f"{api_server.url}/api/openapi.json").json()
    assert {"/api/match", "/api/match/{job_id}", "/api/match/{job_id}/progress", "/api/credits/balance"} <= set(
        spec["paths"]
    )


def test_the_same_cv_twice_is_skipped_once_and_a_reformatted_copy_is_flagged(api_server):
    account = make_account(credits=10)
    reformatted = NURSE_CV.replace("\n", "\n\n").upper()
    cvs = [txt("nurse.txt", NURSE_CV), txt("nurse-copy.txt", NURSE_CV), txt("nurse-reformatted.txt", reformatted)]
    job = submit(api_server.url, account.headers, cvs, jd_text=NURSE_JD).json()
    assert job["cv_count"] == 2
    assert [s["filename"] for s in job["skipped_cvs"]] == ["nurse-copy.txt"]
    assert "nurse.txt" in job["skipped_cvs"][0]["reason"]
    wait_completed(api_server.url, account.headers, job["job_id"])
    results = httpx.get(f"{api_server.url}/api/match/{job['job_id']}", headers=account.headers).json()["results"]
    flags = {r["cv_filename"]: r["flags"] for r in results}
    assert "duplicate" in flags["nurse-reformatted.txt"] and "duplicate" not in flags["nurse.txt"]


def test_a_very_long_cv_is_scored_on_its_first_100000_characters_and_says_so(api_server):
    account = make_account(credits=10)
    long_cv = NURSE_CV + ("\nVolunteer shift at the community clinic, patient intake." * 3000)
    job = submit(api_server.url, account.headers, [txt("long.txt", long_cv)], jd_text=NURSE_JD).json()
    wait_completed(api_server.url, account.headers, job["job_id"])
    result = httpx.get(f"{api_server.url}/api/match/{job['job_id']}", headers=account.headers).json()["results"][0]
    assert "long_text_truncated" in result["flags"]
    assert result["verdict"] == "STRONG_MATCH"
