"""The Claude batch poller, a second runner beside jobs.runner and jobs.worker.

Batch mode: a job marked not urgent (``priority=batch``) is scored as one Claude Message Batch.

Anthropic's Message Batches API bills every token at half the live price and answers within hours
(at most 24 h). The job's CVs stay ``pending`` until the batch ends; the runners leave them alone
(``jobs.cv_task.not_waiting_for_batch``) and this module's poller does the work, in rounds:

1. Submit. A batch job without a batch is taken by a conditional UPDATE that writes a
   ``submitting:<unix time>`` marker into ``match_job.batch_id``: of two processes, only one wins.
   The batch carries one request per CV (``custom_id`` = the CV id), built by the live engine's own
   ``request_params`` (the same cached JD prefix, the same delimited CV). Its id then replaces the
   marker. A job therefore never gets two batches: a process that dies between Anthropic's answer
   and that write leaves the marker, and after ``SUBMIT_STALE_SECONDS`` the job is scored live
   instead of being submitted again (the orphan batch's results are never read).
2. Poll. For each job with a batch still open, ``retrieve``; once it has ``ended``, read the
   results and record each CV exactly as the runners do: ``claim`` (a lease, so two pollers never
   record one CV), then ``record_result``, or ``record_failure(final=True)``, which refunds the
   credit once (the ledger's unique reference backs that up). An errored, canceled or expired
   request is scored by the local engine instead when ``CVMATCH_CLAUDE_FALLBACK=local``.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any, cast

import anthropic
from anthropic.types.message_create_params import MessageCreateParamsNonStreaming
from anthropic.types.messages.batch_create_params import Request
from sqlalchemy import update
from sqlmodel import col, select

from cvmatch_app.claude_engine.client import classify, make_client
from cvmatch_app.claude_engine.engine import ClaudeEngine, ClaudeJob
from cvmatch_app.claude_engine.errors import ClaudeError
from cvmatch_app.claude_engine.prompt import clean_cv
from cvmatch_app.claude_engine.usage import UsageMeter
from cvmatch_app.config import get_settings
from cvmatch_app.db.models import MatchCV, MatchJob
from cvmatch_app.db.session import rows_changed, session_scope
from cvmatch_app.engine.candidate import text_for_scorer
from cvmatch_app.engine.types import Assessment
from cvmatch_app.jobs.cv_task import claim, record_failure, record_result
from cvmatch_app.jobs.dispatch import dispatch
from cvmatch_app.jobs.runner import settle_job
from cvmatch_app.services.engines import scoring_engine

log = logging.getLogger("cvmatch.claude.batches")

MARKER_PREFIX = "submitting:"
SUBMIT_STALE_SECONDS = 600.0  # far above one create call: an older marker means its process died
CREATE_TIMEOUT_SECONDS = 120.0  # a 25-CV batch with a long JD is a few MB of JSON
_OPEN_STATES = ("pending", "processing")
_UNKNOWN_OUTCOME = {408, 504}  # timeouts on the way: the batch may or may not have been created


# Database steps (blocking: run them in a thread) -------------------------------------------------


def _batch_jobs() -> Any:
    return select(MatchJob).where(
        MatchJob.priority == "batch", MatchJob.engine == "claude", col(MatchJob.status).in_(_OPEN_STATES)
    )


def jobs_without_batch() -> list[str]:
    """Batch jobs to submit: once a runner has read every CV's file (the batch needs their text)."""
    unread = select(MatchCV.job_id).where(col(MatchCV.read_at).is_(None))
    with session_scope() as session:
        jobs = session.exec(_batch_jobs().where(col(MatchJob.batch_id).is_(None), col(MatchJob.id).not_in(unread)))
        return [job.id for job in jobs]


def open_batches() -> list[tuple[str, str]]:
    """(job id, batch id) of every batch job whose batch has been created and not yet recorded."""
    with session_scope() as session:
        jobs = session.exec(_batch_jobs().where(col(MatchJob.batch_id).is_not(None)))
        return [(job.id, job.batch_id) for job in jobs if job.batch_id and not job.batch_id.startswith(MARKER_PREFIX)]


def stale_submissions(now: float, stale_after: float = SUBMIT_STALE_SECONDS) -> list[str]:
    """Jobs whose batch creation was started by a process that never wrote the batch id back."""
    with session_scope() as session:
        jobs = session.exec(_batch_jobs().where(col(MatchJob.batch_id).startswith(MARKER_PREFIX)))
        return [job.id for job in jobs if now - _marker_time(job.batch_id or "") > stale_after]


def _marker_time(marker: str) -> float:
    try:
        return float(marker.removeprefix(MARKER_PREFIX))
    except ValueError:
        return 0.0


def take_submission(job_id: str, marker: str) -> bool:
    """Reserve the job's one batch: only the process whose UPDATE finds no batch id may create it."""
    with session_scope(write=True) as session:
        result = session.execute(
            update(MatchJob)
            .where(col(MatchJob.id) == job_id, col(MatchJob.batch_id).is_(None), col(MatchJob.priority) == "batch")
            .values(batch_id=marker)
            .execution_options(synchronize_session=False)
        )
        return rows_changed(result) == 1


def set_batch_id(job_id: str, marker: str, batch_id: str | None) -> bool:
    """Replace our marker with the batch's id (or None: nothing was created, try again next round)."""
    with session_scope(write=True) as session:
        result = session.execute(
            update(MatchJob)
            .where(col(MatchJob.id) == job_id, col(MatchJob.batch_id) == marker)
            .values(batch_id=batch_id)
            .execution_options(synchronize_session=False)
        )
        return rows_changed(result) == 1


def score_live_instead(job_id: str, expected_batch_id: str | None) -> list[int]:
    """Make the job an ordinary one (the runners score it at the live price); its unfinished CV ids."""
    with session_scope(write=True) as session:
        result = session.execute(
            update(MatchJob)
            .where(
                col(MatchJob.id) == job_id,
                col(MatchJob.priority) == "batch",
                col(MatchJob.batch_id) == expected_batch_id,
            )
            .values(priority="standard", batch_id=None)
            .execution_options(synchronize_session=False)
        )
        if rows_changed(result) != 1:
            return []
        rows = session.exec(select(MatchCV.id).where(MatchCV.job_id == job_id, MatchCV.status == "pending"))
        return [cv_id for cv_id in rows if cv_id is not None]


@dataclass(frozen=True)
class BatchCV:
    id: int
    text: str
    flags: list[str]
    status: str


def load_job(job_id: str) -> tuple[str, list[BatchCV]]:
    """The job's JD and its CVs, in order."""
    with session_scope() as session:
        job = session.get(MatchJob, job_id)
        assert job is not None
        cvs = session.exec(select(MatchCV).where(MatchCV.job_id == job_id).order_by(col(MatchCV.position)))
        return job.jd_text, [
            BatchCV(
                id=cv.id,
                text=text_for_scorer(cv.text, blind=job.blind_review),
                flags=list(cv.extraction_flags),
                status=cv.status,
            )
            for cv in cvs
            if cv.id is not None
        ]


def load_rubric(job_id: str) -> list[dict[str, Any]] | None:
    """The recruiter's rubric of the job (None: the engine reads the JD itself)."""
    with session_scope() as session:
        job = session.get(MatchJob, job_id)
        return job.rubric if job is not None else None


# Anthropic steps -------------------------------------------------------------------------------


def batch_requests(engine: ClaudeEngine, job: ClaudeJob, cvs: list[BatchCV]) -> list[Request]:
    """One request per CV, each exactly what the live engine would send for it."""
    return [
        {
            "custom_id": str(cv.id),
            "params": cast(MessageCreateParamsNonStreaming, engine.request_params(job, clean_cv(cv.text))),
        }
        for cv in cvs
    ]


def failure_reason(result: Any) -> str:
    """Why a batch request has no answer, in words a recruiter can read."""
    kind = getattr(result, "type", None)
    if kind == "errored":
        error = getattr(getattr(result, "error", None), "error", None)
        detail = f"{getattr(error, 'type', 'error')}: {getattr(error, 'message', '')}".strip(": ")
        return f"Claude's batch request for this CV errored ({detail[:160]})"
    if kind == "expired":
        return "Claude's batch expired (24 h) before reaching this CV"
    if kind == "canceled":
        return "Claude's batch was canceled before reaching this CV"
    return "Claude's batch returned no result for this CV"


class BatchScorer:
    """Submits batch jobs and records ended batches; every step is safe to run in several processes."""

    def __init__(
        self, engine: ClaudeEngine, client: anthropic.AsyncAnthropic, *, stale_after: float = SUBMIT_STALE_SECONDS
    ) -> None:
        self.engine = engine
        self.client = client
        self.stale_after = stale_after

    async def run_round(self) -> None:
        """One round: rescue stale submissions, submit new batches, record the ended ones."""
        for job_id in await asyncio.to_thread(stale_submissions, time.time(), self.stale_after):
            await self._score_live(job_id, await self._current_marker(job_id), "its batch submission was interrupted")
        for job_id in await asyncio.to_thread(jobs_without_batch):
            await self.submit(job_id)
        for job_id, batch_id in await asyncio.to_thread(open_batches):
            try:
                await self.poll(job_id, batch_id)
            except anthropic.APIError as exc:  # Anthropic busy or unreachable: ask again next round
                log.warning("could not poll batch %s of job %s: %s", batch_id, job_id, exc)

    async def _current_marker(self, job_id: str) -> str | None:
        def read() -> str | None:
            with session_scope() as session:
                job = session.get(MatchJob, job_id)
                return job.batch_id if job is not None else None

        return await asyncio.to_thread(read)

    async def submit(self, job_id: str) -> str | None:
        """Create the job's one batch; the batch id, or None if another process has it or it must wait."""
        marker = f"{MARKER_PREFIX}{time.time():.3f}"
        if not await asyncio.to_thread(take_submission, job_id, marker):
            return None
        try:
            jd_text, cvs = await asyncio.to_thread(load_job, job_id)
            job = await asyncio.to_thread(
                self.engine.prepare_job, jd_text, await asyncio.to_thread(load_rubric, job_id)
            )
            requests = batch_requests(self.engine, job, [cv for cv in cvs if cv.status == "pending"])
        except Exception:
            await asyncio.to_thread(set_batch_id, job_id, marker, None)  # nothing was sent: free the job again
            raise
        try:
            batch = await self.client.messages.batches.create(requests=requests, timeout=CREATE_TIMEOUT_SECONDS)
        except anthropic.APIStatusError as exc:
            kind, _ = classify(exc)
            if exc.status_code in _UNKNOWN_OUTCOME:
                # A gateway gave up waiting: the batch may exist. Keep the marker, never send it twice.
                log.warning("job %s: batch creation timed out (%s); scored live if no id arrives", job_id, exc)
                return None
            if kind == "retry":  # 429, 529, 500, 503: Anthropic created nothing; the next round asks again
                log.warning("Anthropic refused job %s's batch for now (%s); trying again", job_id, exc.status_code)
                await asyncio.to_thread(set_batch_id, job_id, marker, None)
                return None
            # Key, spend limit or request refused: a batch cannot help. The live engine's fallback
            # policy then scores the CVs locally or fails and refunds them.
            await self._score_live(job_id, marker, f"Anthropic refused its batch ({exc.status_code})")
            return None
        except anthropic.APIConnectionError as exc:
            # The batch may or may not exist: keep the marker, so it is never created twice.
            log.warning("job %s: no answer to its batch creation (%s); scored live if none arrives", job_id, exc)
            return None
        if not await asyncio.to_thread(set_batch_id, job_id, marker, batch.id):
            log.error("job %s: batch %s created, but the job's marker had changed: ignored", job_id, batch.id)
            return None
        log.info("job %s: %s CVs sent as Message Batch %s", job_id, len(requests), batch.id)
        return batch.id

    async def _score_live(self, job_id: str, marker: str | None, why: str) -> None:
        cv_ids = await asyncio.to_thread(score_live_instead, job_id, marker)
        if cv_ids:
            log.warning("job %s is scored live instead of in a batch: %s", job_id, why)
            await asyncio.to_thread(dispatch, cv_ids)

    async def poll(self, job_id: str, batch_id: str) -> bool:
        """Record the job's CVs if its batch has ended; True when it had."""
        batch = await self.client.messages.batches.retrieve(batch_id)
        if batch.processing_status != "ended":
            return False
        results: dict[str, Any] = {}
        async for entry in await self.client.messages.batches.results(batch_id):
            results[entry.custom_id] = entry.result
        jd_text, cvs = await asyncio.to_thread(load_job, job_id)
        job = await asyncio.to_thread(self.engine.prepare_job, jd_text, await asyncio.to_thread(load_rubric, job_id))
        for cv in cvs:
            if cv.status in ("pending", "processing"):
                await self.record(job, cv, results.get(str(cv.id)))
        return True

    async def record(self, job: ClaudeJob, cv: BatchCV, result: Any) -> str:
        """Record one CV from its batch result, through the runners' own claim and record functions."""
        if not await asyncio.to_thread(claim, cv.id):
            return "skipped"  # recorded already, or another poller holds it
        succeeded = getattr(result, "type", None) == "succeeded"
        try:
            assessment: Assessment = await self.engine.assess_answer(
                job,
                cv.text,
                cv.flags,
                result.message if succeeded else None,
                UsageMeter(self.engine.model, batch=True),
                failure=failure_reason(result),
            )
        except ClaudeError as exc:
            outcome = await asyncio.to_thread(record_failure, cv.id, exc.reason, final=True)
        except Exception as exc:  # noqa: BLE001 - one CV's broken answer must not block the job's others
            log.exception("CV %s: batch answer could not be recorded", cv.id)
            outcome = await asyncio.to_thread(record_failure, cv.id, f"internal error: {exc}", final=True)
        else:
            await asyncio.to_thread(record_result, cv.id, assessment)
            outcome = "scored"
        await settle_job(cv.id, outcome)
        return outcome


# The poller ------------------------------------------------------------------------------------


class BatchPoller:
    """Runs ``BatchScorer`` rounds every CVMATCH_CLAUDE_BATCH_POLL_SECONDS, and at once when woken."""

    def __init__(self) -> None:
        self._task: asyncio.Task[None] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._wake: asyncio.Event | None = None

    async def start(self) -> None:
        engine = await asyncio.to_thread(scoring_engine)
        if not isinstance(engine, ClaudeEngine) or self._task is not None:
            return
        settings = get_settings()
        client = make_client(api_key=settings.anthropic_api_key, base_url=settings.anthropic_base_url, timeout=60)
        self._loop = asyncio.get_running_loop()
        self._wake = asyncio.Event()
        self._task = asyncio.create_task(self._run(BatchScorer(engine, client)), name="claude-batch-poller")
        log.info("Claude batch poller started (every %ss)", settings.claude_batch_poll_seconds)

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        self._task = self._loop = self._wake = None

    def wake(self) -> None:
        """Start a round now (a batch job was just submitted); safe to call from any thread."""
        loop, event = self._loop, self._wake
        if loop is not None and event is not None and not loop.is_closed():
            loop.call_soon_threadsafe(event.set)

    async def _run(self, scorer: BatchScorer) -> None:
        assert self._wake is not None
        try:
            while True:
                self._wake.clear()
                try:
                    await scorer.run_round()
                except Exception:  # noqa: BLE001 - a database or network hiccup must not stop the poller
                    log.exception("batch poller round failed")
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), timeout=get_settings().claude_batch_poll_seconds)
        finally:
            await scorer.client.close()


batch_poller = BatchPoller()


def wake_batch_poller() -> None:
    batch_poller.wake()


@contextlib.asynccontextmanager
async def run_batch_poller() -> AsyncIterator[None]:
    """Lifespan task: poll batch jobs while the app runs (only when the server scores with Claude)."""
    await batch_poller.start()
    try:
        yield
    finally:
        await batch_poller.stop()
