"""The embedded runner: a bounded pool of asyncio workers inside the app process (the default).

On start it re-queues every CV that a stop or crash left unfinished, so a restart loses nothing.
It also sweeps the database every few seconds, so CVs queued by another path are never stranded.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import deque
from collections.abc import Iterable

from sqlalchemy import update
from sqlmodel import col

from cvmatch_app.config import get_settings
from cvmatch_app.db.models import MatchCV
from cvmatch_app.db.session import get_engine, rows_changed, session_scope
from cvmatch_app.jobs.cv_task import process_cv, unfinished_cv_ids
from cvmatch_app.services.matching import CV_HELD_STATES, refresh_job_status
from cvmatch_app.services.reading_pool import reading_pool

log = logging.getLogger("cvmatch.jobs")
SWEEP_SECONDS = 5.0


class EmbeddedRunner:
    def __init__(self, concurrency: int | None = None) -> None:
        self.concurrency = concurrency or get_settings().effective_runner_concurrency
        # One lane per submission (or sweep), served in turn: a job of slow or hostile files does
        # not hold up the CVs of jobs submitted after it.
        self._lanes: deque[deque[int]] = deque()
        self._wakeup: asyncio.Event | None = None
        self._queued: set[int] = set()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._tasks: list[asyncio.Task[None]] = []

    @property
    def running(self) -> bool:
        return bool(self._tasks)

    async def start(self) -> None:
        if self._tasks:
            return
        if get_settings().effective_runner != "embedded":
            raise RuntimeError(
                "The embedded runner must not start in distributed mode (CVMATCH_RUNNER/CVMATCH_REDIS_URL): "
                "it would take back CVs that worker processes are scoring. Run `python -m cvmatch_app.jobs.worker`."
            )
        self._loop = asyncio.get_running_loop()
        self._wakeup = asyncio.Event()
        await asyncio.to_thread(release_abandoned_cvs)
        await asyncio.to_thread(reading_pool().warm_up)  # the reading processes import while the app starts
        self._tasks = [asyncio.create_task(self._work(), name=f"cv-worker-{n}") for n in range(self.concurrency)]
        self._tasks.append(asyncio.create_task(self._sweep(), name="cv-sweeper"))
        log.info("embedded runner started with %s workers", self.concurrency)

    async def stop(self) -> None:
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._tasks = []

    def submit(self, cv_ids: Iterable[int]) -> None:
        """Queue CVs; safe to call from any thread."""
        ids = list(cv_ids)
        if self._loop is None or self._wakeup is None:
            return  # not started in this process: the sweep of whichever runner runs will find them
        if self._loop.is_running() and _current_loop() is self._loop:
            self._enqueue(ids)
        else:
            self._loop.call_soon_threadsafe(self._enqueue, ids)

    def _enqueue(self, cv_ids: list[int]) -> None:
        assert self._wakeup is not None
        lane = deque(dict.fromkeys(cv_id for cv_id in cv_ids if cv_id not in self._queued))
        if lane:
            self._queued.update(lane)
            self._lanes.append(lane)
            self._wakeup.set()

    async def _next(self) -> int:
        """The next CV, taking one from each lane in turn."""
        assert self._wakeup is not None
        while not self._lanes:
            self._wakeup.clear()
            await self._wakeup.wait()
        lane = self._lanes.popleft()
        cv_id = lane.popleft()
        if lane:
            self._lanes.append(lane)
        return cv_id

    async def _work(self) -> None:
        while True:
            cv_id = await self._next()
            try:
                outcome = await process_cv(cv_id)
                await settle_job(cv_id, outcome)
                if outcome == "retry":
                    await asyncio.sleep(1.0)
                    self._queued.discard(cv_id)
                    self._enqueue([cv_id])
                    continue
            except Exception:  # noqa: BLE001 - one broken CV must not stop the pool
                log.exception("runner failed on CV %s", cv_id)
            self._queued.discard(cv_id)

    async def _sweep(self) -> None:
        while True:
            try:
                self._enqueue(await asyncio.to_thread(unfinished_cv_ids))
            except Exception:  # noqa: BLE001 - a database hiccup must not stop the sweeper
                log.exception("runner sweep failed")
            await asyncio.sleep(SWEEP_SECONDS)


def _current_loop() -> asyncio.AbstractEventLoop | None:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


async def settle_job(cv_id: int, outcome: str) -> None:
    """After a CV's result is committed, set its job's status again in a transaction of its own.

    On PostgreSQL two CVs of one job that finish at the same moment each count the job's CVs
    without seeing the other's uncommitted result, so both may leave the job 'processing'. Counting
    again after the commit makes the last one to finish see every result. SQLite serialises its
    writers, so there the count inside the result's transaction is already exact.
    """
    if outcome not in ("scored", "failed", "unreadable") or get_engine().dialect.name == "sqlite":
        return
    await asyncio.to_thread(_refresh_job_of, cv_id)


def _refresh_job_of(cv_id: int) -> None:
    with session_scope(write=True) as session:
        cv = session.get(MatchCV, cv_id)
        if cv is not None:
            refresh_job_status(session, cv.job_id)


def release_abandoned_cvs() -> int:
    """In embedded mode this process is the only runner: CVs it was scoring when it stopped go back.

    A CV left 'reading' is read again (its attempt counted: a file that stopped the runner twice is skipped).
    Never in distributed mode: there, other processes hold leases; expired ones are swept by the workers.
    """
    with session_scope(write=True) as session:
        result = session.execute(
            update(MatchCV)
            .where(col(MatchCV.status).in_(CV_HELD_STATES))
            .values(status="pending", lease_until=None)
            .execution_options(synchronize_session=False)
        )
        return rows_changed(result)


runner = EmbeddedRunner()
