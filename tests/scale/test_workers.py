"""Worker processes over Redis: a job spread over two workers, kill -9 mid-CV, SIGTERM finish or hand back.

Scoring is made slow the real way: long CVs (the local engine needs about 1 ms per KB of text) and
one CV at a time per worker, so a signal can land while a CV is being scored.
"""

from __future__ import annotations

import signal
import time

import httpx
import pytest
import redis
from sqlmodel import Session, select

from cvmatch_app.db.models import CreditLedger, MatchCV, MatchJob
from cvmatch_app.services import credits
from tests.api.helpers import submit, wait_completed
from tests.scale.conftest import LEASE_SECONDS, Cluster, WorkerProcess
from tests.support.factories import DEVELOPER_CV, NURSE_CV, NURSE_JD, make_account, txt

pytestmark = [pytest.mark.postgres, pytest.mark.redis]


def long_cv(i: int, kilobytes: int) -> tuple[str, bytes, str]:
    base = NURSE_CV if i % 2 else DEVELOPER_CV
    body = "\n".join(f"Project note {n} for candidate {i}: {base.splitlines()[n % 6]}" for n in range(kilobytes * 12))
    return txt(f"cv{i:02}.txt", f"{base}\nReference {i}\n{body}")


def wait_mid_cv(cluster: Cluster, worker: WorkerProcess, *, after: int, timeout: float = 60) -> int:
    """Wait until ``worker`` has finished ``after`` CVs and holds the lease of another; return its id."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        started, finished = worker.started_cvs(), worker.finished_cvs()
        if len(finished) >= after and started and started[-1] not in finished:
            with Session(cluster.engine) as session:
                cv = session.get(MatchCV, started[-1])
                if cv is not None and cv.status == "processing":
                    return cv.id  # type: ignore[return-value]
        time.sleep(0.005)
    raise AssertionError(f"the worker did not get to a CV in time:\n{worker.log()[-3000:]}")


def wait_job_done(cluster: Cluster, job_id: str, timeout: float = 120) -> None:
    """Watch the database (polling the API this long would hit the 60-per-minute limit)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with Session(cluster.engine) as session:
            job = session.get(MatchJob, job_id)
            if job is not None and job.status in ("completed", "failed"):
                return
        time.sleep(0.2)
    states = [(cv.id, cv.status, cv.attempts) for cv in cvs_of(cluster, job_id)]
    raise AssertionError(f"job {job_id} did not finish within {timeout}s: {states}")


def cvs_of(cluster: Cluster, job_id: str) -> list[MatchCV]:
    with Session(cluster.engine) as session:
        return list(session.exec(select(MatchCV).where(MatchCV.job_id == job_id).order_by(MatchCV.position)))


def assert_scored_once_and_charged_once(cluster: Cluster, account, job_id: str, n: int) -> None:
    rows = cvs_of(cluster, job_id)
    assert len(rows) == n
    assert all(cv.status == "completed" and cv.score is not None for cv in rows), [(cv.id, cv.status) for cv in rows]
    with Session(cluster.engine) as session:
        charges = session.exec(
            select(CreditLedger).where(CreditLedger.user_id == account.user_id, CreditLedger.reason != "signup")
        ).all()
        assert [(c.reason, c.delta) for c in charges] == [("match", -n)]
        assert credits.balance(session, account.user_id) == 0 == credits.ledger_sum(session, account.user_id)


def test_job_over_two_workers_one_killed_mid_cv(cluster, replicas):
    first, second = cluster.worker("kill-a").start(), cluster.worker("kill-b").start()
    try:
        account = make_account(plan="api", credits=25, bind=cluster.engine)
        cvs = [long_cv(i, 400) for i in range(25)]
        job_id = submit(replicas[0].url, account.headers, cvs, jd_text=NURSE_JD).json()["job_id"]

        victim = wait_mid_cv(cluster, first, after=2)
        first.signal(signal.SIGKILL)
        first.wait()
        assert victim not in first.finished_cvs(), "the kill was meant to land in the middle of a CV"

        # Any replica reports the same progress; the killed CV comes back once its lease expires.
        wait_job_done(cluster, job_id)
        progress = wait_completed(replicas[1].url, account.headers, job_id)
        assert progress == {**progress, "status": "completed", "total": 25, "completed": 25, "failed": 0}
        assert wait_completed(replicas[0].url, account.headers, job_id) == progress
        results = httpx.get(f"{replicas[0].url}/api/match/{job_id}", headers=account.headers, timeout=30).json()
        assert sorted(r["cv_filename"] for r in results["results"]) == [f"cv{i:02}.txt" for i in range(25)]

        scored_by_first = {cv for cv in first.started_cvs() if f"CV {cv} scored" in first.log()}
        scored_by_second = {cv for cv in second.started_cvs() if f"CV {cv} scored" in second.log()}
        assert scored_by_first and scored_by_second, "both workers should have taken part"
        assert not scored_by_first & scored_by_second, "a CV was scored by both workers"
        assert victim in scored_by_second
        rows = {cv.id: cv for cv in cvs_of(cluster, job_id)}
        assert rows[victim].attempts == 2  # claimed by the killed worker, then again after its lease
        assert_scored_once_and_charged_once(cluster, account, job_id, 25)
    finally:
        first.stop()
        second.stop()


def test_sigterm_lets_the_current_cv_finish_then_another_worker_continues(cluster, replicas):
    worker = cluster.worker("term-finish", CVMATCH_WORKER_GRACE_SECONDS="30").start()
    successor = None
    try:
        account = make_account(plan="free", credits=6, bind=cluster.engine)
        cvs = [long_cv(i, 800) for i in range(6)]
        job_id = submit(replicas[0].url, account.headers, cvs, jd_text=NURSE_JD).json()["job_id"]

        victim = wait_mid_cv(cluster, worker, after=1)
        worker.signal(signal.SIGTERM)
        assert worker.wait(timeout=30) == 0
        assert f"CV {victim} scored" in worker.log()
        done = {cv.id for cv in cvs_of(cluster, job_id) if cv.status == "completed"}
        assert victim in done and len(done) < 6
        assert all(cv.status in ("completed", "pending") for cv in cvs_of(cluster, job_id))

        successor = cluster.worker("term-finish-successor").start()
        wait_job_done(cluster, job_id)
        assert wait_completed(replicas[1].url, account.headers, job_id)["completed"] == 6
        assert all(cv.attempts == 1 for cv in cvs_of(cluster, job_id))
        assert_scored_once_and_charged_once(cluster, account, job_id, 6)
    finally:
        worker.stop()
        if successor is not None:
            successor.stop()


def test_sigterm_without_grace_stops_at_once_and_leaves_nothing_held(cluster, replicas):
    worker = cluster.worker("term-now", CVMATCH_WORKER_GRACE_SECONDS="0").start()
    successor = None
    try:
        account = make_account(plan="free", credits=6, bind=cluster.engine)
        cvs = [long_cv(i, 800) for i in range(6)]
        job_id = submit(replicas[0].url, account.headers, cvs, jd_text=NURSE_JD).json()["job_id"]

        wait_mid_cv(cluster, worker, after=1)
        stopped_at = time.monotonic()
        worker.signal(signal.SIGTERM)
        assert worker.wait(timeout=30) == 0
        assert time.monotonic() - stopped_at < LEASE_SECONDS
        # Finished or handed back: no CV waits for a lease to expire.
        assert all(cv.status in ("completed", "pending") for cv in cvs_of(cluster, job_id))

        successor = cluster.worker("term-now-successor").start()
        wait_job_done(cluster, job_id)
        assert wait_completed(replicas[1].url, account.headers, job_id)["completed"] == 6
        assert all(cv.attempts == 1 for cv in cvs_of(cluster, job_id))
        assert_scored_once_and_charged_once(cluster, account, job_id, 6)
    finally:
        worker.stop()
        if successor is not None:
            successor.stop()


def test_jobs_complete_when_their_cvs_finish_at_the_same_moment(cluster, replicas):
    """Eight CVs scored at once by two workers: the job's status must still end 'completed' (PostgreSQL)."""
    workers = [cluster.worker(f"busy-{n}", concurrency=4).start() for n in range(2)]
    try:
        account = make_account(plan="api", credits=100, bind=cluster.engine)
        job_ids = [
            submit(
                replicas[n % 2].url, account.headers, [long_cv(n * 25 + i, 1) for i in range(25)], jd_text=NURSE_JD
            ).json()["job_id"]
            for n in range(4)
        ]
        for job_id in job_ids:
            wait_job_done(cluster, job_id, timeout=60)
            assert wait_completed(replicas[0].url, account.headers, job_id)["completed"] == 25
    finally:
        for worker in workers:
            worker.stop()


def test_a_web_replica_restarts_while_its_job_is_scored(cluster, replicas):
    first, second = replicas
    worker = cluster.worker("replica-restart").start()
    try:
        account = make_account(plan="free", credits=8, bind=cluster.engine)
        cvs = [long_cv(i, 300) for i in range(8)]
        job_id = submit(first.url, account.headers, cvs, jd_text=NURSE_JD).json()["job_id"]
        first.stop()  # replicas hold no CV: the worker carries on
        assert wait_completed(second.url, account.headers, job_id)["total"] == 8
        first.start()
        wait_job_done(cluster, job_id)
        assert wait_completed(first.url, account.headers, job_id) == wait_completed(second.url, account.headers, job_id)
        assert_scored_once_and_charged_once(cluster, account, job_id, 8)
    finally:
        worker.stop()
        if first.process is None:
            first.start()


def test_the_sweeper_rebuilds_a_queue_that_redis_lost(cluster, replicas):
    account = make_account(plan="free", credits=5, bind=cluster.engine)
    job_id = submit(replicas[0].url, account.headers, [long_cv(i, 1) for i in range(5)], jd_text=NURSE_JD).json()[
        "job_id"
    ]
    client = redis.Redis.from_url(cluster.redis_url)
    try:
        lost = [key for key in client.scan_iter(f"saq:*{cluster.queue_name}*") if b"sweeper" not in key]
        assert lost, "the submission should have queued its CVs"
        client.delete(*lost)  # as if Redis restarted without persistence
    finally:
        client.close()
    worker = cluster.worker("rebuild").start()
    try:
        wait_job_done(cluster, job_id, timeout=60)
        assert "sweeper queued" in worker.log()
        assert_scored_once_and_charged_once(cluster, account, job_id, 5)
    finally:
        worker.stop()
