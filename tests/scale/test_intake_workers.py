"""Intake with worker processes on PostgreSQL and Redis: files read by the workers' limited readers,
unreadable and hostile CVs skipped and refunded once, a worker killed mid-read loses nothing."""

from __future__ import annotations

import signal
import time

import httpx
import pytest
from sqlmodel import Session, select

from cvmatch_app.db.models import CreditLedger, MatchCVFile
from cvmatch_app.services import credits
from tests.api.helpers import submit
from tests.api.test_intake import hostile_cvs
from tests.scale.conftest import Cluster
from tests.scale.test_workers import cvs_of, wait_job_done
from tests.support.factories import CORRUPT_PDF, DEVELOPER_CV, NURSE_CV, NURSE_JD, PNG_BYTES, make_account, txt

pytestmark = [pytest.mark.postgres, pytest.mark.redis]


def movements(cluster: Cluster, user_id: int) -> list[tuple[str, int, str]]:
    with Session(cluster.engine) as session:
        rows = session.exec(
            select(CreditLedger).where(CreditLedger.user_id == user_id, CreditLedger.reason != "signup")
        ).all()
        return sorted((row.reason, row.delta, row.reference) for row in rows)


def balance(cluster: Cluster, user_id: int) -> tuple[int, int]:
    with Session(cluster.engine) as session:
        return credits.balance(session, user_id), credits.ledger_sum(session, user_id)


def wait_reading(cluster: Cluster, job_id: str, timeout: float = 60) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for cv in cvs_of(cluster, job_id):
            if cv.status == "reading":
                return cv.id  # type: ignore[return-value]
        time.sleep(0.01)
    raise AssertionError(f"no CV of job {job_id} was being read within {timeout}s")


def test_a_job_of_unreadable_cvs_completes_with_every_credit_back(cluster, replicas):
    worker = cluster.worker("unreadable").start()
    try:
        account = make_account(credits=5, bind=cluster.engine)
        cvs = [("broken.pdf", CORRUPT_PDF, "application/pdf"), ("photo.pdf", PNG_BYTES, "application/pdf")]
        response = submit(replicas[0].url, account.headers, cvs, jd_text=NURSE_JD)
        assert response.status_code == 200, response.text
        job_id = response.json()["job_id"]
        wait_job_done(cluster, job_id)
        body = httpx.get(f"{replicas[1].url}/api/match/{job_id}", headers=account.headers, timeout=30).json()
        assert body["status"] == "completed" and body["results"] == []
        assert [s["filename"] for s in body["skipped_cvs"]] == ["broken.pdf", "photo.pdf"]
        assert balance(cluster, account.user_id) == (5, 5)
    finally:
        worker.stop()


def test_hostile_files_and_a_worker_killed_mid_read(cluster, replicas):
    first = cluster.worker("read-kill-a", concurrency=2).start()
    second = None
    try:
        account = make_account(plan="api", credits=12, bind=cluster.engine)
        readable = [txt(f"cv{i}.txt", (NURSE_CV if i % 2 else DEVELOPER_CV) + f"\nref {i}") for i in range(5)]
        cvs = [*hostile_cvs(), ("broken.pdf", CORRUPT_PDF, "application/pdf"), *readable]
        response = submit(replicas[0].url, account.headers, cvs, jd_text=NURSE_JD)
        assert response.status_code == 200, response.text
        job_id = response.json()["job_id"]

        victim = wait_reading(cluster, job_id)
        first.signal(signal.SIGKILL)  # the worker and its readers
        first.wait()
        second = cluster.worker("read-kill-b", concurrency=2).start()
        wait_job_done(cluster, job_id, timeout=180)

        rows = {cv.filename: cv for cv in cvs_of(cluster, job_id)}
        assert {name for name, cv in rows.items() if cv.status == "completed"} == {name for name, _, _ in readable}
        assert {name for name, cv in rows.items() if cv.status == "skipped"} == {
            *(name for name, _, _ in hostile_cvs()),
            "broken.pdf",
        }
        assert all(cv.error for cv in rows.values() if cv.status == "skipped")
        assert any(cv.id == victim and cv.attempts >= 2 for cv in rows.values()), "the killed read was claimed again"
        skipped_ids = sorted(cv.id for cv in rows.values() if cv.status == "skipped")
        assert movements(cluster, account.user_id) == sorted(
            [("match", -11, f"job:{job_id}")] + [("refund", 1, f"cv:{cv_id}") for cv_id in skipped_ids]
        )
        assert balance(cluster, account.user_id) == (12 - 5, 12 - 5)
        with Session(cluster.engine) as session:
            ids = [cv.id for cv in rows.values()]
            assert session.exec(select(MatchCVFile).where(MatchCVFile.cv_id.in_(ids))).all() == []
    finally:
        first.stop()
        if second is not None:
            second.stop()
