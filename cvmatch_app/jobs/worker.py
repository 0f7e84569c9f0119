"""Worker process of the distributed runner: ``python -m cvmatch_app.jobs.worker [--concurrency N]``.

Takes CV ids from the saq queue in Redis (CVMATCH_REDIS_URL) and scores them with
``jobs.cv_task.process_cv`` against the shared database (CVMATCH_DATABASE_URL). Start as many as
you like, on any machine that reaches both.

- SIGTERM/SIGINT: takes no new CV, lets the current ones finish for up to CVMATCH_WORKER_GRACE_SECONDS,
  then hands back any still running (the CV returns to pending, its attempt is not counted).
- kill -9 or a lost machine: the CV's lease (CVMATCH_LEASE_SECONDS) expires and the sweeper sends it
  again, so another worker claims and scores it. A result is recorded only by the lease holder.
- Every few seconds one worker (a Redis lock elects it) sweeps the database and queues every pending
  CV and every CV whose lease expired, so nothing is stranded (not even when Redis lost a message).
- With CVMATCH_ENGINE=claude it also polls the Message Batches of ``priority=batch`` jobs, as the
  web replicas do (``jobs.claude_batches``: any number of pollers record each CV once).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import os
import socket
from datetime import datetime, timedelta
from typing import Any

from saq import Queue, Worker
from saq.queue.redis import RedisQueue
from sqlalchemy import update
from sqlmodel import col, select

from cvmatch_app.config import get_settings
from cvmatch_app.db.models import MatchCV, utcnow
from cvmatch_app.db.session import get_engine, rows_changed, session_scope
from cvmatch_app.jobs.cv_task import claimable, not_waiting_for_batch, process_cv
from cvmatch_app.jobs.queue import SCORE_FUNCTION, enqueue_cvs, make_queue
from cvmatch_app.jobs.runner import settle_job
from cvmatch_app.logs import configure_logging
from cvmatch_app.services.matching import CV_HELD_STATES
from cvmatch_app.services.reading_pool import reading_pool

log = logging.getLogger("cvmatch.worker")
SWEEP_SECONDS = 5.0
RETRY_DELAY_SECONDS = 1.0


def stranded_cvs() -> list[tuple[int, int]]:
    """``(cv_id, attempts)`` of CVs that are queued, or held by a runner whose lease expired."""
    now = utcnow()
    with session_scope() as session:
        rows = session.exec(
            select(MatchCV.id, MatchCV.attempts)
            .where(claimable(now), not_waiting_for_batch())
            .order_by(col(MatchCV.created_at), col(MatchCV.id))
        )
        return [(cv_id, attempts) for cv_id, attempts in rows if cv_id is not None]


def attempts_of(cv_id: int) -> int:
    with session_scope() as session:
        cv = session.get(MatchCV, cv_id)
        return cv.attempts if cv is not None else 0


def hand_back(cv_id: int, started: datetime) -> bool:
    """Return a CV this worker was scoring to the queue's pool, without counting the attempt.

    Only a lease taken after ``started`` and still running can be ours: another runner may claim
    the CV only once our lease has expired, so past ``started + lease`` we leave it to the sweeper.
    """
    lease = timedelta(seconds=get_settings().lease_seconds)
    if utcnow() >= started + lease:
        return False
    with session_scope(write=True) as session:
        result = session.execute(
            update(MatchCV)
            .where(
                col(MatchCV.id) == cv_id,
                col(MatchCV.status).in_(CV_HELD_STATES),
                col(MatchCV.lease_until) >= started + lease,
            )
            .values(status="pending", lease_until=None, attempts=MatchCV.attempts - 1)
            .execution_options(synchronize_session=False)
        )
        return rows_changed(result) == 1


async def score_queued_cv(ctx: dict[str, Any], *, cv_id: int) -> str:
    """The queue's one task: claim, score and record a CV (idempotent), or hand it back if stopped."""
    started = utcnow()
    log.info("scoring CV %s", cv_id)
    try:
        outcome = await process_cv(cv_id)
    except asyncio.CancelledError:
        # Stopping: synchronous on purpose, so the hand-back is done before the task ends.
        handed_back = hand_back(cv_id, started)
        log.info("CV %s %s", cv_id, "handed back" if handed_back else "left to its lease")
        raise
    await settle_job(cv_id, outcome)
    if outcome == "retry":
        queue: Queue = ctx["worker"].queue
        attempts = await asyncio.to_thread(attempts_of, cv_id)
        await enqueue_cvs(queue, [(cv_id, attempts)], delay_seconds=RETRY_DELAY_SECONDS)
    log.info("CV %s %s", cv_id, outcome)
    return outcome


def _redis_of(queue: Queue) -> Any:
    """The Redis client behind the queue (``make_queue`` builds a RedisQueue from a redis:// URL).

    Any: redis-py types its asyncio client's commands as sync-or-async unions."""
    if not isinstance(queue, RedisQueue):
        raise TypeError(f"workers need a Redis queue, not {type(queue).__name__}")
    return queue.redis


async def sweep_forever(queue: Queue, interval: float = SWEEP_SECONDS) -> None:
    """Queue stranded CVs; a Redis lock lets one worker of the fleet sweep per interval."""
    lock_key = f"saq:{queue.name}:cvmatch-sweeper"
    redis = _redis_of(queue)
    while True:
        try:
            if await redis.set(lock_key, socket.gethostname(), nx=True, px=int(interval * 1000)):
                stranded = await asyncio.to_thread(stranded_cvs)
                queued = await enqueue_cvs(queue, stranded) if stranded else 0
                if queued:
                    log.info("sweeper queued %s stranded CVs", queued)
        except Exception:  # noqa: BLE001 - a database or Redis hiccup must not stop the sweeper
            log.exception("sweep failed")
        await asyncio.sleep(interval)


class CVWorker(Worker):
    """saq's worker, with a graceful stop: current CVs get ``grace_seconds`` to finish first."""

    def __init__(self, queue: Queue, *, concurrency: int, grace_seconds: float) -> None:
        super().__init__(
            queue,
            functions=[(SCORE_FUNCTION, score_queued_cv)],
            concurrency=concurrency,
            startup=self._startup,
            shutdown=self._shutdown,
            timers={"sweep": 10},  # type: ignore[arg-type]  # saq types the partial dict with required keys
        )
        self.grace_seconds = grace_seconds
        self._sweeper: asyncio.Task[None] | None = None

    async def _startup(self, ctx: dict[str, Any]) -> None:
        await asyncio.to_thread(get_engine)
        await asyncio.to_thread(reading_pool().warm_up)
        self._sweeper = asyncio.create_task(sweep_forever(self.queue), name="cvmatch-sweeper")
        if get_settings().engine == "claude":
            from cvmatch_app.jobs.claude_batches import batch_poller

            await batch_poller.start()  # priority=batch jobs; safe alongside the replicas' pollers
        log.info(
            "worker %s (pid %s) scoring from queue %r with concurrency %s",
            self.id,
            os.getpid(),
            self.queue.name,
            self.concurrency,
        )

    async def _shutdown(self, ctx: dict[str, Any]) -> None:
        if self._sweeper is not None:
            self._sweeper.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._sweeper
        if get_settings().engine == "claude":
            from cvmatch_app.jobs.claude_batches import batch_poller

            await batch_poller.stop()
        await asyncio.to_thread(get_engine().dispose)
        await asyncio.to_thread(reading_pool().close)
        log.info("worker %s stopped", self.id)

    async def stop(self) -> None:
        running = [context["task"] for context in self.job_task_contexts.values() if not context["task"].done()]
        if running and not self._stopped:
            log.info("stopping: letting %s running CVs finish (up to %ss)", len(running), self.grace_seconds)
            await asyncio.wait(running, timeout=self.grace_seconds)
            await asyncio.sleep(0.2)  # let saq mark the finished messages complete
        # saq then cancels what is left: idle dequeues, and CVs past the grace period (handed back).
        await super().stop()


def check_database() -> None:
    """Fail at start, with what to do, rather than on the first CV."""
    try:
        with session_scope() as session:
            session.exec(select(MatchCV.id).limit(1)).first()
    except Exception as exc:  # noqa: BLE001 - any driver error means the same to the operator
        raise SystemExit(
            f"The worker cannot read the CVs table ({type(exc).__name__}: {str(exc).splitlines()[0]}). "
            "Check CVMATCH_DATABASE_URL (the replicas' database) and run `python -m cvmatch_app.cli migrate`."
        ) from exc


async def check_redis(queue: Queue) -> None:
    try:
        await _redis_of(queue).ping()
    except Exception as exc:  # noqa: BLE001
        raise SystemExit(f"The worker cannot reach Redis at CVMATCH_REDIS_URL ({exc}).") from exc


async def run(concurrency: int | None = None) -> None:
    settings = get_settings()
    await asyncio.to_thread(check_database)
    queue = make_queue(settings)
    await check_redis(queue)
    worker = CVWorker(
        queue,
        concurrency=concurrency or settings.effective_runner_concurrency,
        grace_seconds=settings.worker_grace_seconds,
    )
    await queue.connect()
    try:
        await worker.start()
    finally:
        await queue.disconnect()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m cvmatch_app.jobs.worker",
        description="Score queued CVs taken from Redis (CVMATCH_REDIS_URL) against the shared database.",
    )
    parser.add_argument(
        "--concurrency", type=int, default=None, help="CVs scored at once (default CVMATCH_RUNNER_CONCURRENCY)"
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    configure_logging()  # the app's own lines in CVMATCH_LOG_FORMAT (text or JSON lines)
    logging.getLogger("saq").setLevel(logging.WARNING)  # our own lines say which CV; saq's repeat it thrice
    if not get_settings().redis_url:
        parser.error("CVMATCH_REDIS_URL is not set: a worker takes its CVs from Redis (e.g. redis://127.0.0.1:6379/0).")
    asyncio.run(run(args.concurrency))


if __name__ == "__main__":
    main()
