"""The rubric over HTTP: preview, POST with requirements, GET returns it, PUT re-scores in place
without a charge, every bad rubric is a 400 that changes nothing, and a restart keeps it."""

from __future__ import annotations

import copy
import json
from typing import Any

import httpx
from sqlmodel import select

from cvmatch_app.db.models import CreditLedger, MatchJob
from cvmatch_app.db.session import session_scope
from tests.api.helpers import submit, wait_completed
from tests.support.factories import NURSE_CV, NURSE_JD, make_account, txt
from tests.test_rubric_services import NINA_CV

CVS = [txt("maria.txt", NURSE_CV), txt("nina.txt", NINA_CV)]


def _edited(rubric: list[dict[str, Any]]) -> list[dict[str, Any]]:
    edited = copy.deepcopy(rubric)
    next(item for item in edited if item["text"] == "ACLS")["kind"] = "nice"
    return [*edited, {"text": "PALS certification", "kind": "must", "knockout": True}]


def _ledger(user_id: int) -> list[tuple[int, str]]:
    with session_scope() as session:
        rows = session.exec(select(CreditLedger).where(CreditLedger.user_id == user_id).order_by(CreditLedger.id))
        return [(row.delta, row.reason) for row in rows]


def _get(base: str, headers: dict[str, str], job_id: str) -> dict[str, Any]:
    answer = httpx.get(f"{base}/api/match/{job_id}", headers=headers, timeout=30)
    assert answer.status_code == 200, answer.text
    return dict(answer.json())


def _put(base: str, headers: dict[str, str], job_id: str, body: Any) -> httpx.Response:
    content = body if isinstance(body, (str, bytes)) else json.dumps(body)
    return httpx.put(
        f"{base}/api/match/{job_id}/requirements",
        headers={**headers, "Content-Type": "application/json"},
        content=content,
        timeout=60,
    )


def test_preview_answers_the_engines_reading_without_a_charge(api_server) -> None:
    account = make_account(credits=3)
    answer = httpx.post(
        f"{api_server.url}/api/requirements/preview", headers=account.headers, json={"jd_text": NURSE_JD}, timeout=30
    )
    assert answer.status_code == 200, answer.text
    assert answer.json()["title"] == "Registered Nurse - ICU Department"
    assert {"RN licence", "ACLS"} <= {item["text"] for item in answer.json()["requirements"]}
    assert _ledger(account.user_id) == [(3, "signup")]
    for body in ({"jd_text": ""}, {}, {"jd_text": "x" * 50_001}):
        refused = httpx.post(
            f"{api_server.url}/api/requirements/preview", headers=account.headers, json=body, timeout=30
        )
        assert refused.status_code == 400 and refused.json()["detail"]
    anonymous = httpx.post(f"{api_server.url}/api/requirements/preview", json={"jd_text": NURSE_JD}, timeout=30)
    assert anonymous.status_code == 401


def test_the_rubric_round_trips_and_a_put_reranks_without_a_new_charge(api_server) -> None:
    account = make_account(credits=10)
    job_id = submit(api_server.url, account.headers, CVS, jd_text=NURSE_JD).json()["job_id"]
    wait_completed(api_server.url, account.headers, job_id)
    first = _get(api_server.url, account.headers, job_id)
    assert [r["cv_filename"] for r in first["results"]] == ["maria.txt", "nina.txt"]
    assert first["rubric"]["version"] == 1 and first["rubric"]["edited"] is False
    assert {r["rubric_version"] for r in first["results"]} == {1}
    charged = _ledger(account.user_id)

    answer = _put(api_server.url, account.headers, job_id, {"requirements": _edited(first["rubric"]["requirements"])})
    assert answer.status_code == 200, answer.text
    rescored = answer.json()
    assert [r["cv_filename"] for r in rescored["results"]] == ["nina.txt", "maria.txt"]
    assert rescored["results"][1]["gaps"][0] == "Knockout: PALS certification not shown"
    assert rescored["rubric"]["version"] == 2 and {r["rubric_version"] for r in rescored["results"]} == {2}
    assert _ledger(account.user_id) == charged
    assert _get(api_server.url, account.headers, job_id) == rescored  # GET answers what the PUT answered

    versions = httpx.get(f"{api_server.url}/api/match/{job_id}/requirements", headers=account.headers).json()
    assert [v["version"] for v in versions["versions"]] == [1, 2]
    v1 = httpx.get(f"{api_server.url}/api/match/{job_id}/requirements?version=1", headers=account.headers).json()
    assert [r["filename"] for r in v1["ranking"]] == ["maria.txt", "nina.txt"]


def test_a_job_submitted_with_requirements_keeps_them(api_server) -> None:
    account = make_account(credits=10)
    preview = httpx.post(
        f"{api_server.url}/api/requirements/preview", headers=account.headers, json={"jd_text": NURSE_JD}
    ).json()
    rubric = _edited(preview["requirements"])
    submitted = submit(api_server.url, account.headers, CVS, jd_text=NURSE_JD, requirements=json.dumps(rubric))
    assert submitted.status_code == 200, submitted.text
    job_id = submitted.json()["job_id"]
    wait_completed(api_server.url, account.headers, job_id)
    answer = _get(api_server.url, account.headers, job_id)
    assert [r["cv_filename"] for r in answer["results"]] == ["nina.txt", "maria.txt"]
    assert answer["rubric"]["edited"] is True
    assert [item["text"] for item in answer["rubric"]["requirements"]] == [item["text"] for item in rubric]
    assert (
        answer["rubric"]["requirements"][-1] | {"kind": "must", "knockout": True, "added": True, "id": "n1"}
        == (answer["rubric"]["requirements"][-1])
    )


BAD = [
    ({"requirements": []}, "The rubric is empty"),
    ({"requirements": [{"text": "ICU", "kind": "nice"}]}, "only nice-to-haves"),
    ({"requirements": [{"text": f"Skill {i}", "kind": "must"} for i in range(500)]}, "the most CVMatch scores is 60"),
    ({"requirements": [{"text": "ICU", "kind": "must", "weight": "max"}]}, "weight must be low, normal or high"),
    ({"requirements": [{"text": "ICU", "kind": "must", "years": 80}]}, "years must be a number from 0 to 50"),
    ({"requirements": [{"text": "ICU", "kind": "must", "priority": 1}]}, "unknown field priority"),
    ({"requirements": [{"text": "x" * 10_000, "kind": "must"}]}, "10,000 characters long"),
    ({"requirements": [{"text": "Christian", "kind": "must"}]}, "protected characteristic"),
    ({"requirements": [{"text": "ICU"}], "extra": True}, "Unknown field extra"),
    ({"requirements": [{"text": "ICU"}], "confirm_charge": "yes"}, "confirm_charge must be true or false"),
    ("not json", "Send a JSON object"),
    ([1, 2], "Send a JSON object"),
]


def test_every_bad_rubric_is_a_400_and_nothing_is_saved(api_server) -> None:
    account = make_account(credits=10)
    job_id = submit(api_server.url, account.headers, CVS, jd_text=NURSE_JD).json()["job_id"]
    wait_completed(api_server.url, account.headers, job_id)
    before = _get(api_server.url, account.headers, job_id)
    for body, message in BAD:
        answer = _put(api_server.url, account.headers, job_id, body)
        assert answer.status_code == 400, (body, answer.text)
        assert message in answer.json()["detail"], answer.json()
    huge = _put(api_server.url, account.headers, job_id, {"requirements": [{"text": "x" * 10_000}] * 300})
    assert huge.status_code == 413 and "at most 60 requirements of 300 characters" in huge.json()["detail"]
    assert _get(api_server.url, account.headers, job_id) == before
    with session_scope() as session:
        job = session.get(MatchJob, job_id)
        assert job is not None and job.rubric is None and job.rubric_version == 1
    refused = submit(api_server.url, account.headers, CVS, jd_text=NURSE_JD, requirements='[{"text": "ICU"}, 1]')
    assert refused.status_code == 400 and "Requirement 2 must be an object" in refused.json()["detail"]
    assert [(d, r) for d, r in _ledger(account.user_id) if r == "match"] == [(-2, "match")]


def test_unknown_or_anothers_job_is_a_404(api_server) -> None:
    owner, stranger = make_account(credits=5), make_account(credits=5)
    job_id = submit(api_server.url, owner.headers, CVS, jd_text=NURSE_JD).json()["job_id"]
    wait_completed(api_server.url, owner.headers, job_id)
    body = {"requirements": [{"text": "ICU", "kind": "must"}]}
    assert _put(api_server.url, stranger.headers, job_id, body).status_code == 404
    assert _put(api_server.url, owner.headers, "00000000-0000-4000-8000-000000000000", body).status_code == 404


def test_a_restart_keeps_the_rubric(api_server) -> None:
    account = make_account(credits=10)
    job_id = submit(api_server.url, account.headers, CVS, jd_text=NURSE_JD).json()["job_id"]
    wait_completed(api_server.url, account.headers, job_id)
    rubric = _get(api_server.url, account.headers, job_id)["rubric"]["requirements"]
    answer = _put(api_server.url, account.headers, job_id, {"requirements": _edited(rubric)})
    assert answer.status_code == 200
    api_server.stop()
    api_server.start()
    after = _get(api_server.url, account.headers, job_id)
    assert after == answer.json()
    assert after["rubric"]["version"] == 2 and after["rubric"]["requirements"][-1]["text"] == "PALS certification"


def test_the_idempotency_key_covers_the_requirements(api_server) -> None:
    account = make_account(credits=10)
    headers = {**account.headers, "Idempotency-Key": "rubric-retry-1"}
    rubric = [{"text": "RN licence", "kind": "must"}, {"text": "PALS certification", "kind": "must", "knockout": True}]
    first = submit(api_server.url, headers, CVS, jd_text=NURSE_JD, requirements=json.dumps(rubric))
    retried = submit(api_server.url, headers, CVS, jd_text=NURSE_JD, requirements=json.dumps(rubric))
    assert first.status_code == retried.status_code == 200 and first.json()["job_id"] == retried.json()["job_id"]
    other = submit(api_server.url, headers, CVS, jd_text=NURSE_JD, requirements=json.dumps(rubric[:1]))
    assert other.status_code == 409 and "Idempotency-Key" in other.json()["detail"]
    without = submit(api_server.url, headers, CVS, jd_text=NURSE_JD)
    assert without.status_code == 409
    assert [(d, r) for d, r in _ledger(account.user_id) if r == "match"] == [(-2, "match")]
