"""The distributed runner's queue: CV ids on a saq queue in Redis (CVMATCH_REDIS_URL).

The database stays the truth about every CV (status, lease, attempts); a queue message only says
"look at CV n". Each message has the key ``cv:<id>:<attempts>``, so saq refuses a second copy of a
message that is still waiting or running, while a CV whose runner died (its lease expired, so its
claim count went up) gets a fresh message. A message delivered twice is harmless: the worker's
claim in the database lets only one runner score a CV.

saq, not arq: arq pins redis<6, and Reflex 0.10 needs redis>=6.4 in the same environment.
"""

from __future__ import annotations

import asyncio
import logging
import os
import threading
import time
from collections.abc import Iterable

from saq import Queue

from cvmatch_app.config import Settings, get_settings

log = logging.getLogger("cvmatch.jobs")

SCORE_FUNCTION = "score_cv"  # the queue's message name for worker.score_queued_cv (kept: queued messages still match)
JOB_TTL_SECONDS = 300  # how long Redis keeps a finished message (for inspection), not the result
ENQUEUE_TIMEOUT_SECONDS = 10.0


def job_key(cv_id: int, attempts: int = 0) -> str:
    """One message per CV and claim: a re-sent message for the same claim is refused by saq."""
    return f"cv:{cv_id}:{attempts}"


def make_queue(settings: Settings | None = None) -> Queue:
    settings = settings or get_settings()
    if not settings.redis_url:
        raise RuntimeError("The distributed job queue needs CVMATCH_REDIS_URL (e.g. redis://127.0.0.1:6379/0).")
    return Queue.from_url(settings.redis_url, name=settings.queue_name)


async def enqueue_cvs(queue: Queue, cvs: Iterable[tuple[int, int]], *, delay_seconds: float = 0.0) -> int:
    """Put ``(cv_id, attempts)`` pairs on the queue; returns how many were new (not already queued)."""
    settings = get_settings()
    scheduled = int(time.time() + delay_seconds) if delay_seconds > 0 else 0
    jobs = await asyncio.gather(
        *(
            queue.enqueue(
                SCORE_FUNCTION,
                key=job_key(cv_id, attempts),
                cv_id=cv_id,
                # A message running past the CV's lease is dead: saq's own sweep then drops it,
                # and our sweeper re-sends the CV under its next claim count.
                timeout=settings.lease_seconds,
                retries=1,
                ttl=JOB_TTL_SECONDS,
                scheduled=scheduled,
            )
            for cv_id, attempts in cvs
        )
    )
    return sum(job is not None for job in jobs)


class QueueClient:
    """Enqueue from synchronous code in any thread (the web app's submissions run in threads).

    The queue's Redis connections live on a private event loop in a daemon thread, created on first
    use in each process (granian forks its workers), so callers never share a loop with Reflex.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pid = 0
        self._loop: asyncio.AbstractEventLoop | None = None
        self._queue: Queue | None = None

    def _ensure_started(self) -> tuple[asyncio.AbstractEventLoop, Queue]:
        with self._lock:
            if self._loop is None or self._queue is None or self._pid != os.getpid():
                loop = asyncio.new_event_loop()
                threading.Thread(target=loop.run_forever, name="cvmatch-queue", daemon=True).start()
                queue = make_queue()
                asyncio.run_coroutine_threadsafe(queue.connect(), loop).result(ENQUEUE_TIMEOUT_SECONDS)
                self._loop, self._queue, self._pid = loop, queue, os.getpid()
            return self._loop, self._queue

    def enqueue_new(self, cv_ids: Iterable[int]) -> None:
        """Queue freshly created CVs. If Redis is unreachable the CVs stay pending in the database
        and the workers' sweeper queues them once it is back: a submission is never lost."""
        pairs = [(cv_id, 0) for cv_id in cv_ids]
        if not pairs:
            return
        try:
            loop, queue = self._ensure_started()
            future = asyncio.run_coroutine_threadsafe(enqueue_cvs(queue, pairs), loop)
            if _in_event_loop():
                # Never block an event loop: the messages are on their way; a failure is only logged.
                future.add_done_callback(
                    lambda done: _log_failure(pairs, done.exception()) if done.exception() else None
                )
                return
            future.result(ENQUEUE_TIMEOUT_SECONDS)
        except Exception as exc:  # noqa: BLE001 - the sweeper is the safety net; the job is already stored
            _log_failure(pairs, exc)

    def close(self) -> None:
        with self._lock:
            loop, queue = self._loop, self._queue
            self._loop = self._queue = None
        if loop is None or queue is None:
            return
        try:
            asyncio.run_coroutine_threadsafe(queue.disconnect(), loop).result(ENQUEUE_TIMEOUT_SECONDS)
        except Exception:  # noqa: BLE001 - closing at shutdown must not raise
            log.warning("closing the job queue's Redis connection failed", exc_info=True)
        loop.call_soon_threadsafe(loop.stop)


def _log_failure(pairs: list[tuple[int, int]], error: BaseException | None) -> None:
    log.error("could not queue CVs %s in Redis (%s); the workers' sweeper will queue them", pairs, error)


def _in_event_loop() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


queue_client = QueueClient()
