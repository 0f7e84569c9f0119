"""POST /api/match with `blind=true`: the job is blind from the start and the scorer never reads who
the candidate is, so nothing the results say can give the name or contact details away."""

from __future__ import annotations

import json

import httpx

from cvmatch_app.db.models import MatchJob
from cvmatch_app.db.session import session_scope
from tests.api.helpers import submit, wait_completed
from tests.support.factories import NAMED_NURSE_CV, NAMED_NURSE_IDENTITY, NURSE_JD, make_account, txt

# With the graduation year (it gives the age away): the local engine quotes the education line as evidence.
IDENTITY = NAMED_NURSE_IDENTITY
STRONG_MATCH = 75


def _result(base: str, headers: dict[str, str], **data: str) -> dict:
    response = submit(base, headers, [txt("applicant.txt", NAMED_NURSE_CV)], jd_text=NURSE_JD, **data)
    assert response.status_code == 200, response.text
    job_id = response.json()["job_id"]
    assert wait_completed(base, headers, job_id)["status"] == "completed"
    body = httpx.get(f"{base}/api/match/{job_id}", headers=headers, timeout=10).json()
    with session_scope() as session:
        job = session.get(MatchJob, job_id)
        assert job is not None
        body["blind_review"] = job.blind_review
    return body["results"][0] | {"blind_review": body["blind_review"]}


def _words(result: dict) -> str:
    fields = {key: result[key] for key in ("executive_summary", "strengths", "gaps", "evidence")}
    return json.dumps(fields, ensure_ascii=False)


def test_a_blind_job_is_scored_without_the_candidates_identity_and_keeps_its_score(api_server):
    account = make_account(credits=5)
    clear = _result(api_server.url, account.headers)
    blind = _result(api_server.url, account.headers, blind="true")

    assert (clear["blind_review"], blind["blind_review"]) == (False, True), "the job page's switch, set at creation"
    assert "2012" in _words(clear), "a clear job's evidence quotes the education line with its year"
    for personal in IDENTITY:
        assert personal not in _words(blind), f"a blind job's results quote {personal!r}"
    assert blind["evidence"], "the evidence still quotes the CV's work"
    assert blind["match_score"] >= STRONG_MATCH and blind["verdict"] == "STRONG_MATCH"
    assert abs(blind["match_score"] - clear["match_score"]) <= 2, "identity is no part of the score"


def test_blind_must_be_yes_or_no_and_is_part_of_the_idempotency_fingerprint(api_server):
    account = make_account(credits=5)
    cvs = [txt("applicant.txt", NAMED_NURSE_CV)]
    refused = submit(api_server.url, account.headers, cvs, jd_text=NURSE_JD, blind="maybe")
    assert refused.status_code == 400
    assert "blind='maybe'" in refused.json()["detail"] and "'true'" in refused.json()["detail"]

    headers = {**account.headers, "Idempotency-Key": "blind-retry-1"}
    first = submit(api_server.url, headers, cvs, jd_text=NURSE_JD, blind="true")
    assert first.status_code == 200, first.text
    again = submit(api_server.url, headers, cvs, jd_text=NURSE_JD, blind="1")
    assert again.status_code == 200 and again.json()["job_id"] == first.json()["job_id"]
    other = submit(api_server.url, headers, cvs, jd_text=NURSE_JD)
    assert other.status_code == 409, "the same key without blind review is another job"
    assert "Idempotency-Key" in other.json()["detail"]


def test_the_openapi_schema_documents_blind(api_server):
    schema = httpx.get(f"{api_server.url}/api/openapi.json", timeout=10).json()
    form = schema["paths"]["/api/match"]["post"]["requestBody"]["content"]["multipart/form-data"]["schema"]
    blind = form["properties"]["blind"]
    assert blind["type"] == "boolean" and blind["default"] is False and "scoring" in blind["description"]
