"""The pieces of the distributed runner on their own: message keys, the sweeper's query, the hand-back."""

from __future__ import annotations

import asyncio
import uuid
from datetime import timedelta

import pytest
from saq import Queue
from sqlalchemy import update

from cvmatch_app.config import Settings
from cvmatch_app.db import session as db_session
from cvmatch_app.db.models import MatchCV, User, utcnow
from cvmatch_app.db.session import session_scope
from cvmatch_app.engine.types import Assessment
from cvmatch_app.jobs import cv_task, worker
from cvmatch_app.jobs import runner as runner_module
from cvmatch_app.jobs.queue import enqueue_cvs, job_key
from cvmatch_app.services import matching
from tests.scale.conftest import fresh_redis_url
from tests.support.factories import NURSE_CV, NURSE_JD, make_account
from tests.support.postgres import migrated_engine


@pytest.fixture(autouse=True)
def private_database(tmp_path, monkeypatch):
    """A database of its own: the shared test database has an embedded runner that would take these CVs."""
    engine = migrated_engine(f"sqlite:///{tmp_path / 'queue.db'}")
    monkeypatch.setattr(db_session, "get_engine", lambda: engine)
    yield engine
    engine.dispose()


def _job_with_cvs(n: int) -> list[int]:
    account = make_account(plan="free", credits=n)
    cvs = [matching.UploadedFile(f"cv{i}.txt", (NURSE_CV + f"\nref {i} {uuid.uuid4()}").encode()) for i in range(n)]
    prepared = matching.prepare_submission(plan="free", cvs=cvs, jd_text=NURSE_JD, jd_file=None)
    with session_scope(write=True) as session:
        user = session.get(User, account.user_id)
        assert user is not None
        job = matching.create_job(session, user=user, prepared=prepared, engine="local", model="")
        return matching.cv_ids_of(session, job.id)


class SlowEngine:
    """An engine that takes longer than any test waits: the CV is mid-scoring when the worker stops."""

    name = "slow-test"
    model = ""

    def prepare_job(self, jd_text: str) -> str:
        return jd_text

    async def assess(self, job: object, cv_text: str, cv_flags: list[str]) -> Assessment:
        await asyncio.sleep(60)
        raise AssertionError("not reached")


def _cv(cv_id: int) -> MatchCV:
    with session_scope() as session:
        cv = session.get(MatchCV, cv_id)
        assert cv is not None
        return cv


def test_a_stopped_worker_hands_its_cv_back_without_counting_the_attempt(monkeypatch):
    (cv_id,) = _job_with_cvs(1)
    monkeypatch.setattr(cv_task, "scoring_engine", lambda: SlowEngine())

    async def stop_mid_cv() -> None:
        task = asyncio.create_task(worker.score_queued_cv({}, cv_id=cv_id))
        for _ in range(200):
            await asyncio.sleep(0.05)
            if (await asyncio.to_thread(_cv, cv_id)).status == "processing":
                break
        else:
            task.cancel()
            raise AssertionError("the worker never claimed the CV: nothing was handed back, nothing was tested")
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    asyncio.run(stop_mid_cv())
    cv = _cv(cv_id)
    assert (cv.status, cv.attempts, cv.lease_until) == ("pending", 0, None)


def test_hand_back_never_touches_a_lease_taken_by_another_runner():
    (cv_id,) = _job_with_cvs(1)
    claimed = cv_task.claim(cv_id)
    assert claimed == "reading"  # its file is read first, under the same lease
    # This worker started before the current lease holder claimed the CV and is long past its own lease.
    assert not worker.hand_back(cv_id, started=utcnow() - timedelta(hours=1))
    assert _cv(cv_id).status == claimed


def test_the_sweeper_finds_queued_and_expired_cvs_not_live_ones():
    queued, live, expired, done = _job_with_cvs(4)
    for cv_id in (live, expired, done):
        assert cv_task.claim(cv_id)
    with session_scope(write=True) as session:
        session.execute(
            update(MatchCV).where(MatchCV.id == expired).values(lease_until=utcnow() - timedelta(seconds=1))
        )
        session.execute(update(MatchCV).where(MatchCV.id == done).values(status="completed", lease_until=None))
    stranded = dict(worker.stranded_cvs())
    assert stranded.get(queued) == 0 and stranded.get(expired) == 1
    assert live not in stranded and done not in stranded


@pytest.mark.redis
def test_one_message_per_cv_and_claim():
    async def scenario() -> list[int]:
        queue = Queue.from_url(fresh_redis_url(), name=f"cvmatch-test-{uuid.uuid4().hex[:10]}")
        await queue.connect()
        try:
            counts = [
                await enqueue_cvs(queue, [(7, 0), (8, 0)]),
                await enqueue_cvs(queue, [(7, 0)]),  # still waiting: refused
                await enqueue_cvs(queue, [(7, 1)]),  # the next claim of the same CV: a new message
                await queue.count("queued"),
            ]
            for key in (job_key(7, 0), job_key(8, 0), job_key(7, 1)):
                job = await queue.job(key)
                assert job is not None
                await queue.abort(job, "test over")
            return counts
        finally:
            await queue.disconnect()

    assert asyncio.run(scenario()) == [2, 0, 1, 3]


def test_the_runner_follows_the_settings():
    assert Settings(redis_url="").effective_runner == "embedded"
    assert Settings(redis_url="redis://127.0.0.1:6379/0").effective_runner == "distributed"
    assert Settings(redis_url="redis://127.0.0.1:6379/0", runner="embedded").effective_runner == "embedded"
    with pytest.raises(ValueError, match="needs CVMATCH_REDIS_URL"):
        _ = Settings(redis_url="", runner="distributed").effective_runner
    with pytest.raises(ValueError, match="is not a runner"):
        _ = Settings(runner="celery").effective_runner


def test_the_embedded_runner_refuses_to_start_in_distributed_mode(monkeypatch):
    """It would put back CVs that worker processes hold: a web replica must only queue."""
    monkeypatch.setattr(runner_module, "get_settings", lambda: Settings(redis_url="redis://127.0.0.1:6379/0"))
    with pytest.raises(RuntimeError, match="must not start in distributed mode"):
        asyncio.run(runner_module.EmbeddedRunner(concurrency=1).start())
