"""End to end: the app started with CVMATCH_ENGINE=claude scores jobs through the REST API, with the
fake Anthropic server behind it, and a CV that Claude cannot score fails and is refunded alone."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import Engine
from sqlmodel import Session, select

from cvmatch_app.db.models import CreditLedger, MatchCV
from cvmatch_app.db.session import make_engine
from cvmatch_app.services import credits
from tests.api.helpers import submit, wait_completed
from tests.claude.jobs import LONG_NURSE_JD
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
from tests.support.fake_anthropic import FakeAnthropic, error
from tests.support.server import AppServer


class ClaudeAppServer(AppServer):
    """The app with only the Anthropic settings we give it: nothing from the developer's shell."""

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in super().env().items() if not k.startswith("ANTHROPIC_")}
        env.update({k: v for k, v in self.extra_env.items() if k.startswith("ANTHROPIC_")})
        return env


@pytest.fixture(scope="module")
def claude_stack() -> Iterator[tuple[FakeAnthropic, AppServer, Engine]]:
    fake = FakeAnthropic(latency=0.2).start()
    # Its own database: a second embedded runner on the shared one would take other tests' CVs.
    data_dir = Path(DATA_DIR) / "claude-server"
    server = ClaudeAppServer(
        data_dir,
        env={
            "CVMATCH_ENGINE": "claude",
            "ANTHROPIC_API_KEY": "test-key",
            "ANTHROPIC_CONFIG_DIR": str(data_dir / "no-anthropic-profiles"),
            "CVMATCH_ANTHROPIC_BASE_URL": fake.url,
            "CVMATCH_CLAUDE_FALLBACK": "fail",
            "CVMATCH_CLAUDE_DEADLINE_SECONDS": "3",
            "CVMATCH_RUNNER_CONCURRENCY": "6",
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


def test_a_job_scored_by_claude_through_the_api(claude_stack):
    fake, server, database = claude_stack
    fake.reset()
    account = make_account(credits=10, bind=database)
    cvs = [txt("nurse.txt", NURSE_CV), txt("developer.txt", DEVELOPER_CV), txt("warehouse.txt", WAREHOUSE_CV)]
    response = submit(server.url, account.headers, cvs, jd_text=LONG_NURSE_JD)
    assert response.status_code == 200, response.text
    job_id = response.json()["job_id"]

    progress = wait_completed(server.url, account.headers, job_id)
    assert (progress["status"], progress["completed"], progress["failed"]) == ("completed", 3, 0)
    body = httpx.get(f"{server.url}/api/match/{job_id}", headers=account.headers).json()
    assert (body["engine"], body["model"]) == ("claude", "claude-haiku-4-5")
    assert body["results"][0]["cv_filename"] == "nurse.txt"
    assert all(r["executive_summary"].startswith("Word overlap with the job") for r in body["results"])

    usage = body["usage"]
    assert usage["claude_calls"] == 3 == len(fake.requests)
    assert usage["input_tokens"] > 0 and usage["output_tokens"] > 0
    assert usage["cache_creation_input_tokens"] > 0, "the first CV wrote the job's prefix to the cache"
    assert usage["cache_read_input_tokens"] == 2 * usage["cache_creation_input_tokens"], "the others read it"
    assert 0 < usage["cost_usd"] < 3 * 0.007
    for request in fake.requests:
        assert request.api_key == "test-key"
        assert request.body["system"][-1]["cache_control"] == {"type": "ephemeral"}
    with Session(database) as session:
        assert credits.balance(session, account.user_id) == 7
        per_cv = [cv.usage for cv in session.exec(select(MatchCV).where(MatchCV.job_id == job_id))]
    assert all(u["cost_usd"] > 0 and u["claude_calls"] == 1 for u in per_cv), "tokens and cost kept per CV"
    assert sum(u["cost_usd"] for u in per_cv) == pytest.approx(usage["cost_usd"])
    assert sum(u["cache_read_input_tokens"] for u in per_cv) == usage["cache_read_input_tokens"]


def test_a_cv_claude_cannot_score_fails_and_is_refunded_while_the_others_complete(claude_stack):
    fake, server, database = claude_stack
    fake.reset().when(lambda request: "Sam Coder" in request.cv_text, error(529, "overloaded_error", "Overloaded"))
    account = make_account(credits=10, bind=database)
    cvs = [txt("nurse.txt", NURSE_CV), txt("developer.txt", DEVELOPER_CV), txt("warehouse.txt", WAREHOUSE_CV)]
    job_id = submit(server.url, account.headers, cvs, jd_text=NURSE_JD).json()["job_id"]

    progress = wait_completed(server.url, account.headers, job_id, timeout=90)
    assert (progress["status"], progress["completed"], progress["failed"]) == ("completed", 2, 1)
    body = httpx.get(f"{server.url}/api/match/{job_id}", headers=account.headers).json()
    assert sorted(r["cv_filename"] for r in body["results"]) == ["nurse.txt", "warehouse.txt"]
    (failed,) = body["failed_cvs"]
    assert failed["cv_filename"] == "developer.txt"
    assert "529 overloaded_error" in failed["error"] and "refunded" in failed["error"]
    assert body["usage"]["claude_calls"] == 2

    developer_calls = [r for r in fake.requests if "Sam Coder" in r.cv_text]
    assert len(developer_calls) >= 3, "retried within each attempt's deadline, and over the runner's attempts"
    with Session(database) as session:
        assert credits.balance(session, account.user_id) == 10 - 3 + 1
        refunds = session.exec(
            select(CreditLedger).where(CreditLedger.user_id == account.user_id, CreditLedger.reason == "refund")
        ).all()
        assert [r.delta for r in refunds] == [1], "refunded exactly once"


def test_a_blind_job_sends_claude_no_name_or_contact_details(claude_stack):
    fake, server, database = claude_stack
    account = make_account(credits=10, bind=database)
    sent: dict[str, str] = {}
    for blind in ("false", "true"):
        fake.reset()
        cvs = [txt("maria.txt", NAMED_NURSE_CV)]
        response = submit(server.url, account.headers, cvs, jd_text=NURSE_JD, blind=blind)
        assert response.status_code == 200, response.text
        job_id = response.json()["job_id"]
        assert wait_completed(server.url, account.headers, job_id)["status"] == "completed"
        (request,) = fake.requests
        sent[blind] = request.user_text

    assert "Maria Example" in sent["false"] and "maria.example@mail.test" in sent["false"], "a clear job sends the CV"
    for personal in NAMED_NURSE_IDENTITY:
        assert personal not in sent["true"], f"a blind job sent Claude {personal!r}"
    assert "ICU Staff Nurse, City General Hospital - Jan 2018 to Present" in sent["true"], "the work is sent"
