"""A Claude server's jobs with a rubric, end to end in process (private database, fake Anthropic
through the SDK): live and batch requests carry the recruiter's requirements, and a re-score is a
new paid run that sends the edited rubric."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from sqlmodel import select

from cvmatch_app.db.models import CreditLedger, MatchCV
from cvmatch_app.db.session import session_scope
from cvmatch_app.jobs.cv_task import process_cv
from cvmatch_app.services import matching
from cvmatch_app.services.errors import Conflict
from cvmatch_app.services.rubric import preview_rubric, rescore_job
from tests.claude.test_batch_mode import _rounds, claude_db  # noqa: F401 - the private Claude database
from tests.support.factories import DEVELOPER_CV, NURSE_CV, NURSE_JD, make_account

CVS = {"nurse.txt": NURSE_CV, "developer.txt": DEVELOPER_CV}


def _rubric() -> list[dict[str, Any]]:
    rubric = preview_rubric(NURSE_JD)["requirements"]
    return [*rubric, {"text": "PALS certification", "kind": "must", "knockout": True}]


def _submit(user_id: int, requirements: Any, priority: str = "standard") -> tuple[str, list[int]]:
    files = [matching.UploadedFile(name, text.encode()) for name, text in CVS.items()]
    job = matching.submit(user_id=user_id, cvs=files, jd_text=NURSE_JD, requirements=requirements, priority=priority)
    with session_scope() as session:
        return job["job_id"], matching.cv_ids_of(session, job["job_id"])


def test_a_live_claude_job_sends_the_rubric_and_its_rescore_is_a_new_paid_run(claude_db, fake) -> None:  # noqa: F811
    account = make_account(credits=4)
    job_id, cv_ids = _submit(account.user_id, _rubric())
    assert [asyncio.run(process_cv(cv_id)) for cv_id in cv_ids] == ["scored", "scored"]
    assert len(fake.requests) == 2
    for request in fake.requests:
        assert "- [must, KNOCKOUT, weight normal] PALS certification" in request.system_text

    edited = [item for item in _rubric() if item["text"] != "PALS certification"]
    edited.append({"text": "Spanish speaking", "kind": "nice", "weight": "high"})
    with pytest.raises(Conflict), session_scope(write=True) as session:
        rescore_job(session, user_id=account.user_id, job_id=job_id, requirements=edited)
    assert len(fake.requests) == 2, "nothing sent before the charge is confirmed"
    with session_scope(write=True) as session:
        queued = rescore_job(session, user_id=account.user_id, job_id=job_id, requirements=edited, confirm_charge=True)
    with session_scope() as session:
        new_ids = matching.cv_ids_of(session, queued["job_id"])
        texts = {cv.filename: cv.text for cv in session.exec(select(MatchCV).where(MatchCV.job_id == queued["job_id"]))}
        charges = session.exec(
            select(CreditLedger.delta).where(CreditLedger.user_id == account.user_id, CreditLedger.reason == "match")
        ).all()
    assert texts == {name: text.strip() for name, text in CVS.items()} and sorted(charges) == [-2, -2]
    assert [asyncio.run(process_cv(cv_id)) for cv_id in new_ids] == ["scored", "scored"]
    assert len(fake.requests) == 4
    for request in fake.requests[2:]:
        assert "- [nice, weight high] Spanish speaking" in request.system_text
        assert "PALS" not in request.system_text


def test_a_batch_job_sends_the_rubric_in_every_request(claude_db, fake) -> None:  # noqa: F811
    account = make_account(credits=4)
    job_id, cv_ids = _submit(account.user_id, _rubric(), priority="batch")
    assert [asyncio.run(process_cv(cv_id)) for cv_id in cv_ids] == ["read", "read"]
    _rounds(1, fake=fake)
    (create,) = fake.batch_creates
    for item in create.body["requests"]:
        system = "\n".join(block["text"] for block in item["params"]["system"])
        assert "- [must, KNOCKOUT, weight normal] PALS certification" in system
