"""Batch mode: jobs marked not urgent are scored as one Claude Message Batch at half the live price.

The batch endpoints of the fake Anthropic server are driven through the real SDK. In-process tests
use a private database (the shared one belongs to the API tests' server, whose runner would score
pending CVs); the end-to-end tests start the app with CVMATCH_ENGINE=claude.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import Engine
from sqlmodel import Session, select

from cvmatch_app.claude_engine.client import make_client
from cvmatch_app.claude_engine.engine import FLAG_LOCAL_FALLBACK, ClaudeEngine
from cvmatch_app.claude_engine.usage import UsageMeter
from cvmatch_app.config import get_settings
from cvmatch_app.db import session as db_session
from cvmatch_app.db.migrate import upgrade_to_head
from cvmatch_app.db.models import CreditLedger, MatchCV, MatchJob
from cvmatch_app.db.session import make_engine, session_scope
from cvmatch_app.jobs.claude_batches import MARKER_PREFIX, BatchScorer, jobs_without_batch
from cvmatch_app.jobs.cv_task import process_cv
from cvmatch_app.services import credits, engines, matching
from tests.api.helpers import submit, wait_completed
from tests.claude.jobs import LONG_NURSE_JD
from tests.claude.test_api_claude import ClaudeAppServer
from tests.conftest import DATA_DIR
from tests.support.factories import (
    DEVELOPER_CV,
    NAMED_NURSE_CV,
    NAMED_NURSE_IDENTITY,
    NURSE_CV,
    NURSE_JD,
    WAREHOUSE_CV,
    make_account,
    txt,
)
from tests.support.fake_anthropic import FakeAnthropic, assessment, batch_expired, error
from tests.support.server import AppServer

CVS = {"nurse.txt": NURSE_CV, "developer.txt": DEVELOPER_CV, "warehouse.txt": WAREHOUSE_CV}


def _is(name: str) -> Any:
    first_line = CVS[name].splitlines()[0]
    return lambda request: first_line in request.cv_text


# The fake's batch endpoints, through the SDK -----------------------------------------------------


def test_the_fake_batch_endpoints_answer_in_progress_then_ended_with_each_kind_of_result(fake):
    fake.when(lambda r: "errors" in r.cv_text, error(500, "api_error", "Internal server error"))
    fake.when(lambda r: "expires" in r.cv_text, batch_expired())
    fake.batch_polls_in_progress = 2

    async def scenario() -> tuple[list[str], Any, dict[str, Any]]:
        client = make_client(api_key="test-key", base_url=fake.url)
        try:
            params = {"model": "claude-haiku-4-5", "max_tokens": 100}
            batch = await client.messages.batches.create(
                requests=[
                    {"custom_id": name, "params": {**params, "messages": [{"role": "user", "content": name}]}}
                    for name in ("succeeds", "errors", "expires")
                ]
            )
            states = [batch.processing_status]
            for _ in range(3):
                batch = await client.messages.batches.retrieve(batch.id)
                states.append(batch.processing_status)
            results = {entry.custom_id: entry.result async for entry in await client.messages.batches.results(batch.id)}
            return states, batch, results
        finally:
            await client.close()

    states, batch, results = asyncio.run(scenario())
    assert states == ["in_progress", "in_progress", "in_progress", "ended"]
    counts = batch.request_counts
    assert (counts.succeeded, counts.errored, counts.expired, counts.processing) == (1, 1, 1, 0)
    assert results["succeeds"].type == "succeeded" and results["succeeds"].message.usage.output_tokens > 0
    assert results["errors"].type == "errored" and results["errors"].error.error.type == "api_error"
    assert results["expires"].type == "expired"
    assert len(fake.batch_creates) == 1 and len(fake.batch_requests) == 3 and fake.requests == []


# In process, on a private database ---------------------------------------------------------------


def _clear_caches() -> None:
    get_settings.cache_clear()
    db_session.get_engine.cache_clear()
    engines.scoring_engine.cache_clear()


@pytest.fixture
def claude_db(tmp_path, monkeypatch, fake) -> Iterator[None]:
    """This process configured as a Claude server with a database of its own."""
    monkeypatch.setenv("CVMATCH_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("CVMATCH_ENGINE", "claude")
    monkeypatch.setenv("ANTHROPIC_API_KEY", "test-key")
    monkeypatch.setenv("CVMATCH_ANTHROPIC_BASE_URL", fake.url)
    monkeypatch.setenv("CVMATCH_CLAUDE_FALLBACK", "local")
    _clear_caches()
    upgrade_to_head()
    yield
    db_session.get_engine().dispose()
    _clear_caches()


def _submit_batch_job(jd: str = NURSE_JD, credits_left: int = 10) -> tuple[int, str]:
    account = make_account(credits=credits_left)
    files = [matching.UploadedFile(filename=name, data=text.encode()) for name, text in CVS.items()]
    response = matching.submit(user_id=account.user_id, cvs=files, jd_text=jd, priority="batch")
    assert response["priority"] == "batch" and "Message Batches" in response["priority_note"]
    _read_by_a_runner(response["job_id"])
    return account.user_id, response["job_id"]


def _read_by_a_runner(job_id: str) -> None:
    """What a runner does with a batch job's CVs: read each file, then leave the CV to the batch."""
    with session_scope() as session:
        cv_ids = list(session.exec(select(MatchCV.id).where(MatchCV.job_id == job_id)))
    assert jobs_without_batch() == [], "the batch waits until every CV has been read"
    outcomes = [asyncio.run(process_cv(cv_id)) for cv_id in cv_ids]
    assert outcomes == ["read"] * len(cv_ids)


def _rounds(*scorer_rounds: int, scorers: int = 1, fake: FakeAnthropic) -> None:
    """Run rounds of ``scorers`` BatchScorers at once (as separate processes would), then close them."""

    async def go() -> None:
        engine = engines.scoring_engine()
        assert isinstance(engine, ClaudeEngine)
        clients = [make_client(api_key="test-key", base_url=fake.url) for _ in range(scorers)]
        try:
            for count in scorer_rounds:
                for _ in range(count):
                    await asyncio.gather(*(BatchScorer(engine, client).run_round() for client in clients))
        finally:
            for client in clients:
                await client.close()

    asyncio.run(go())


def _cvs(job_id: str) -> dict[str, MatchCV]:
    with session_scope() as session:
        return {cv.filename: cv for cv in session.exec(select(MatchCV).where(MatchCV.job_id == job_id))}


def _job(job_id: str) -> MatchJob:
    with session_scope() as session:
        job = session.get(MatchJob, job_id)
        assert job is not None
        return job


def test_a_batch_job_is_one_batch_of_the_live_requests_recorded_when_it_ends_at_half_price(claude_db, fake):
    fake.when(_is("nurse.txt"), assessment(86)).when(_is("developer.txt"), assessment(12))
    fake.when(_is("warehouse.txt"), batch_expired())
    user_id, job_id = _submit_batch_job(LONG_NURSE_JD)
    assert {cv.status for cv in _cvs(job_id).values()} == {"pending"}, "nothing queued for the runners"

    _rounds(1, fake=fake)  # submits the batch, then finds it in progress
    (create,) = fake.batch_creates
    cvs = _cvs(job_id)
    assert sorted(item["custom_id"] for item in create.body["requests"]) == sorted(str(cv.id) for cv in cvs.values())
    for item in create.body["requests"]:
        params = item["params"]
        assert params["system"][-1]["cache_control"] == {"type": "ephemeral"}, "the live engine's cached prefix"
        assert params["tool_choice"] == {"type": "tool", "name": "record_assessment"}
        assert "<<<CV " in params["messages"][0]["content"]
    assert _job(job_id).batch_id == next(iter(fake.batches))
    assert {cv.status for cv in cvs.values()} == {"pending"}, "CVs wait while the batch is in progress"

    _rounds(1, fake=fake)  # the batch has ended: every CV is recorded
    cvs = _cvs(job_id)
    assert {name: (cv.status, cv.score) for name, cv in cvs.items() if name != "warehouse.txt"} == {
        "nurse.txt": ("completed", 86),
        "developer.txt": ("completed", 12),
    }
    warehouse = cvs["warehouse.txt"]
    assert warehouse.status == "completed" and FLAG_LOCAL_FALLBACK in warehouse.flags, "expired: scored locally"
    assert "expired" in (warehouse.executive_summary or "")
    assert fake.requests == [], "no live call"

    nurse, developer = cvs["nurse.txt"].usage, cvs["developer.txt"].usage
    assert nurse["batch_calls"] == 1 and nurse["cache_creation_input_tokens"] > 0
    assert developer["cache_read_input_tokens"] == nurse["cache_creation_input_tokens"], "the batch reads the cache"
    for usage in (nurse, developer):
        live = UsageMeter("claude-haiku-4-5")
        live.add(usage)
        assert usage["cost_usd"] == pytest.approx(live.cost_usd / 2, abs=2e-6), "half the live price"
    job = _job(job_id)
    assert job.status == "completed" and job.priority == "batch"
    assert job.usage["batch_calls"] == 2 and job.usage["local_fallbacks"] == 1
    assert job.usage["cost_usd"] == pytest.approx(nurse["cost_usd"] + developer["cost_usd"])
    with session_scope() as session:
        body = matching.results(session, user_id=user_id, job_id=job_id)
        assert credits.balance(session, user_id) == 7
    assert body["priority"] == "batch" and [r["match_score"] for r in body["results"]][:2] == [86, 12]

    _rounds(2, fake=fake)
    assert len(fake.batch_creates) == 1, "an ended job is never submitted again"


def test_two_pollers_at_once_make_one_batch_and_refund_an_errored_cv_once(claude_db, fake, monkeypatch):
    monkeypatch.setenv("CVMATCH_CLAUDE_FALLBACK", "fail")
    engines.scoring_engine.cache_clear()
    get_settings.cache_clear()
    fake.when(_is("developer.txt"), error(500, "api_error", "Internal server error"))
    user_id, job_id = _submit_batch_job()

    _rounds(1, 1, 1, scorers=3, fake=fake)
    assert len(fake.batch_creates) == 1, "one batch, however many pollers"
    cvs = _cvs(job_id)
    assert (cvs["nurse.txt"].status, cvs["warehouse.txt"].status, cvs["developer.txt"].status) == (
        "completed",
        "completed",
        "failed",
    )
    error_text = cvs["developer.txt"].error or ""
    assert "errored (api_error" in error_text and "refunded" in error_text
    with session_scope() as session:
        refunds = session.exec(
            select(CreditLedger).where(CreditLedger.user_id == user_id, CreditLedger.reason == "refund")
        ).all()
        assert [r.delta for r in refunds] == [1], "refunded exactly once"
        assert credits.balance(session, user_id) == 10 - 3 + 1 == credits.ledger_sum(session, user_id)


def test_an_interrupted_submission_is_scored_live_never_submitted_twice(claude_db, fake):
    _, job_id = _submit_batch_job()
    with session_scope(write=True) as session:  # a process died between creating the batch and saving its id
        job = session.get(MatchJob, job_id)
        assert job is not None
        job.batch_id = f"{MARKER_PREFIX}{time.time():.3f}"
        session.add(job)

    _rounds(1, fake=fake)
    assert fake.batch_creates == [] and _job(job_id).priority == "batch", "a fresh marker: its process may be at work"

    with session_scope(write=True) as session:
        job = session.get(MatchJob, job_id)
        assert job is not None
        job.batch_id = f"{MARKER_PREFIX}{time.time() - 3600:.3f}"
        session.add(job)
    _rounds(1, fake=fake)
    assert fake.batch_creates == [], "never a second batch"
    assert _job(job_id).priority == "standard", "handed to the runners, which score it live"


def test_a_rate_limited_batch_creation_is_tried_again_next_round(claude_db, fake):
    fake.batch_create_errors.append(error(429, "rate_limit_error", retry_after=1))
    _, job_id = _submit_batch_job()
    _rounds(1, fake=fake)
    assert fake.batches == {} and _job(job_id).batch_id is None, "nothing was created: the marker is released"
    _rounds(1, fake=fake)
    assert len(fake.batches) == 1 and _job(job_id).batch_id == next(iter(fake.batches))


def test_a_batch_creation_that_timed_out_is_never_sent_again(claude_db, fake):
    fake.batch_create_errors.append(error(504, "timeout_error", "Gateway timeout"))
    _, job_id = _submit_batch_job()
    _rounds(2, fake=fake)
    assert fake.batches == {} and (_job(job_id).batch_id or "").startswith(MARKER_PREFIX), "it may exist: kept"


def test_a_batch_anthropic_refuses_for_good_goes_to_the_live_engine(claude_db, fake):
    fake.batch_create_errors.append(error(403, "permission_error", "This key may not use the Batches API"))
    _, job_id = _submit_batch_job()
    _rounds(1, fake=fake)
    job = _job(job_id)
    assert fake.batches == {} and (job.priority, job.batch_id) == ("standard", None), "the runners score it live"


# End to end: the app with CVMATCH_ENGINE=claude ----------------------------------------------------


@pytest.fixture(scope="module")
def batch_stack() -> Iterator[tuple[FakeAnthropic, AppServer, Engine]]:
    fake = FakeAnthropic().start()
    data_dir = Path(DATA_DIR) / "claude-batch-server"
    server = ClaudeAppServer(
        data_dir,
        env={
            "CVMATCH_ENGINE": "claude",
            "ANTHROPIC_API_KEY": "test-key",
            "ANTHROPIC_CONFIG_DIR": str(data_dir / "no-anthropic-profiles"),
            "CVMATCH_ANTHROPIC_BASE_URL": fake.url,
            "CVMATCH_CLAUDE_FALLBACK": "fail",
            "CVMATCH_CLAUDE_BATCH_POLL_SECONDS": "0.5",
        },
    )
    try:
        server.start()
        database = make_engine(f"sqlite:///{data_dir / 'cvmatch.db'}")
        yield fake, server, database
    finally:
        server.stop()
        fake.stop()
    database.dispose()


def _progress(server: AppServer, headers: dict[str, str], job_id: str) -> dict[str, Any]:
    return httpx.get(f"{server.url}/api/match/{job_id}/progress", headers=headers, timeout=10).json()


def _wait_for(condition: Any, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)


def test_a_batch_job_through_the_api_completes_when_its_batch_ends(batch_stack):
    fake, server, database = batch_stack
    fake.reset()
    fake.hold_batches = True
    fake.when(_is("nurse.txt"), assessment(91)).when(_is("warehouse.txt"), assessment(8))
    fake.when(_is("developer.txt"), error(500, "api_error", "Internal server error"))
    account = make_account(credits=10, bind=database)
    cvs = [txt(name, text) for name, text in CVS.items()]

    response = submit(server.url, account.headers, cvs, jd_text=NURSE_JD, priority="batch")
    assert response.status_code == 200, response.text
    assert response.json()["priority"] == "batch"
    job_id = response.json()["job_id"]
    _wait_for(lambda: len(fake.batches) == 1)
    time.sleep(1.5)  # three poll rounds: the CVs wait for the batch
    progress = _progress(server, account.headers, job_id)
    assert (progress["status"], progress["pending"], progress["completed"]) == ("pending", 3, 0)
    body = httpx.get(f"{server.url}/api/match/{job_id}", headers=account.headers).json()
    assert (body["status"], body["priority"], body["results"]) == ("pending", "batch", [])

    fake.hold_batches = False
    progress = wait_completed(server.url, account.headers, job_id, timeout=30)
    assert (progress["status"], progress["completed"], progress["failed"]) == ("completed", 2, 1)
    body = httpx.get(f"{server.url}/api/match/{job_id}", headers=account.headers).json()
    assert [(r["cv_filename"], r["match_score"]) for r in body["results"]] == [("nurse.txt", 91), ("warehouse.txt", 8)]
    assert body["results"][0]["verdict"] == "STRONG_MATCH"
    (failed,) = body["failed_cvs"]
    assert failed["cv_filename"] == "developer.txt" and "api_error" in failed["error"]
    assert (body["engine"], body["priority"]) == ("claude", "batch")
    assert body["usage"]["batch_calls"] == 2 and body["usage"]["cost_usd"] > 0
    assert len(fake.batch_creates) == 1 and fake.requests == [], "one batch, no live call"
    with Session(database) as session:
        refunds = session.exec(
            select(CreditLedger).where(CreditLedger.user_id == account.user_id, CreditLedger.reason == "refund")
        ).all()
        assert [r.delta for r in refunds] == [1], "the errored CV refunded exactly once"
        assert credits.balance(session, account.user_id) == 10 - 3 + 1


def test_a_restart_mid_batch_does_not_submit_a_second_batch(batch_stack):
    fake, server, database = batch_stack
    fake.reset()
    fake.hold_batches = True
    account = make_account(credits=10, bind=database)
    cvs = [txt(name, text) for name, text in CVS.items()]
    job_id = submit(server.url, account.headers, cvs, jd_text=NURSE_JD, priority="batch").json()["job_id"]
    _wait_for(lambda: len(fake.batches) == 1)

    def batch_id_saved() -> bool:
        with Session(database) as session:
            job = session.get(MatchJob, job_id)
            return job is not None and (job.batch_id or "").startswith("msgbatch")

    _wait_for(batch_id_saved)

    server.kill()  # a crash mid-batch
    server.start()
    polls = next(iter(fake.batches.values())).polls
    _wait_for(lambda: next(iter(fake.batches.values())).polls > polls, timeout=30)  # the new process polls it
    assert len(fake.batch_creates) == 1, "the restarted app polls the same batch"
    assert _progress(server, account.headers, job_id)["pending"] == 3

    fake.hold_batches = False
    progress = wait_completed(server.url, account.headers, job_id, timeout=30)
    assert (progress["status"], progress["completed"]) == ("completed", 3)
    assert len(fake.batch_creates) == 1 and fake.requests == []
    with Session(database) as session:
        assert credits.balance(session, account.user_id) == 7


# The local engine and bad values -----------------------------------------------------------------


def test_the_local_engine_accepts_priority_batch_scores_at_once_and_says_so(api_server):
    account = make_account(credits=5)
    cvs = [txt("nurse.txt", NURSE_CV)]
    response = submit(api_server.url, account.headers, cvs, jd_text=NURSE_JD, priority="batch")
    assert response.status_code == 200, response.text
    assert "local engine" in response.json()["priority_note"]
    job_id = response.json()["job_id"]
    assert wait_completed(api_server.url, account.headers, job_id)["status"] == "completed"
    body = httpx.get(f"{api_server.url}/api/match/{job_id}", headers=account.headers).json()
    assert (body["engine"], body["priority"]) == ("local", "batch")
    assert "scored at once" in body["priority_note"]


def test_an_unknown_priority_is_refused_with_the_two_values(api_server):
    account = make_account(credits=5)
    cvs = [txt("nurse.txt", NURSE_CV)]
    response = submit(api_server.url, account.headers, cvs, jd_text=NURSE_JD, priority="urgent")
    assert response.status_code == 400
    detail = response.json()["detail"]
    assert "'urgent'" in detail and "'standard'" in detail and "'batch'" in detail
    with session_scope() as session:
        assert credits.balance(session, account.user_id) == 5, "nothing charged"


def test_a_blind_batch_job_sends_no_name_or_contact_details(claude_db, fake):
    account = make_account(credits=5)
    files = [matching.UploadedFile(filename="maria.txt", data=NAMED_NURSE_CV.encode())]
    response = matching.submit(user_id=account.user_id, cvs=files, jd_text=NURSE_JD, priority="batch", blind="true")
    _read_by_a_runner(response["job_id"])
    _rounds(2, fake=fake)  # submits the batch, then records it
    (create,) = fake.batch_creates
    (item,) = create.body["requests"]
    sent = json.dumps(item["params"]["messages"], ensure_ascii=False)
    for personal in NAMED_NURSE_IDENTITY:
        assert personal not in sent, f"a blind batch job sent Claude {personal!r}"
    assert "ICU Staff Nurse, City General Hospital" in sent
    (cv,) = _cvs(response["job_id"]).values()
    assert cv.status == "completed" and _job(response["job_id"]).blind_review
