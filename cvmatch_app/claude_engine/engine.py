"""ClaudeEngine: the ScoringEngine that asks Claude, checked against the local engine's evidence."""

from __future__ import annotations

import asyncio
import functools
import logging
import time
import weakref
from dataclasses import dataclass
from typing import Any

import anthropic

from cvmatch_app.engine import LocalEngine
from cvmatch_app.engine.types import FLAG_INJECTION, Assessment, ScoringEngine

from .assessment import ClaudeAnswer, UnusableOutput, parse_answer
from .client import RetryPolicy, call_with_retries, make_client
from .errors import ClaudeError, ClaudeOutputError, ClaudeUnavailable
from .limits import AccountSlots, ClaudeLimiter, account_key
from .prompt import TOOL_CHOICE, ClaudePrompt, CleanCV, clean_cv, cv_message, job_prefix
from .usage import UsageMeter, min_cacheable_tokens
from .warmup import WarmupRegistry

log = logging.getLogger("cvmatch.claude")

ENGINE_VERSION = "claude-1"
FLAG_LOCAL_FALLBACK = "scored_by_local_fallback"  # Claude failed; the local engine scored this CV
FLAG_ENGINES_DISAGREE = "engines_disagree"  # Claude and the local evidence differ by more than the threshold
FLAG_SCORE_CAPPED = "score_capped_to_evidence"  # an injection attempt: Claude's score held near the evidence


@dataclass(frozen=True)
class ClaudeJob:
    """A JD prepared once per job: Claude's cached prefix and the local engine's analysis."""

    jd_text: str
    prompt: ClaudePrompt
    local_job: Any
    cacheable: bool  # long enough for the model to cache


class ClaudeEngine:
    """Scores with Claude through a forced tool call; the local engine runs alongside as a check."""

    name = "claude"

    def __init__(
        self,
        *,
        api_key: str,
        model: str = "claude-haiku-4-5",
        base_url: str = "",
        local: ScoringEngine | None = None,
        limiter: ClaudeLimiter | None = None,
        policy: RetryPolicy | None = None,
        fallback: str = "local",
        max_tokens: int = 1500,
        disagreement_points: int = 30,
        injection_margin: int = 10,
        max_jd_chars: int | None = None,
    ) -> None:
        if fallback not in ("local", "fail"):
            raise ValueError(f"CVMATCH_CLAUDE_FALLBACK={fallback!r}: use 'local' or 'fail'.")
        make_client(api_key=api_key)  # refuse a missing key now, not at the first CV
        self.model = model
        self.version = f"{ENGINE_VERSION}:{model}"[:50]
        self.local = local or LocalEngine()
        self.limiter = limiter or ClaudeLimiter(8)
        self.policy = policy or RetryPolicy()
        self.fallback = fallback
        self.max_tokens = max_tokens
        self.disagreement_points = disagreement_points
        self.injection_margin = injection_margin
        self.max_jd_chars = max_jd_chars
        self._warmups = WarmupRegistry()
        self._api_key = api_key
        self._base_url = base_url
        # An SDK client's connections belong to the event loop that opened them.
        self._clients: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, anthropic.AsyncAnthropic] = (
            weakref.WeakKeyDictionary()
        )

    @classmethod
    def from_settings(cls, settings: Any) -> ClaudeEngine:
        account = None
        if settings.redis_url:
            account = AccountSlots(
                settings.redis_url,
                account_key(settings.anthropic_api_key),
                settings.claude_account_concurrency,
                lease_seconds=settings.claude_timeout_seconds + 10,
            )
        process_limit = min(settings.claude_concurrency, settings.claude_account_concurrency)
        return cls(
            api_key=settings.anthropic_api_key,
            model=settings.claude_model,
            base_url=settings.anthropic_base_url,
            limiter=ClaudeLimiter(process_limit, account),
            policy=RetryPolicy(
                deadline_seconds=settings.claude_deadline_seconds, timeout_seconds=settings.claude_timeout_seconds
            ),
            fallback=settings.claude_fallback,
            max_tokens=settings.claude_max_tokens,
            disagreement_points=settings.claude_disagreement_points,
            injection_margin=settings.claude_injection_margin,
            max_jd_chars=settings.max_jd_chars,
        )

    def _client(self) -> anthropic.AsyncAnthropic:
        loop = asyncio.get_running_loop()
        if loop not in self._clients:
            self._clients[loop] = make_client(
                api_key=self._api_key, base_url=self._base_url, timeout=self.policy.timeout_seconds
            )
        return self._clients[loop]

    async def aclose(self) -> None:
        """Close this event loop's HTTP connections (tools and tests; the app keeps them open)."""
        client = self._clients.pop(asyncio.get_running_loop(), None)
        if client is not None:
            await client.close()

    def prepare_job(self, jd_text: str, rubric: list[dict[str, Any]] | None = None) -> ClaudeJob:
        prompt = job_prefix(jd_text, self.max_jd_chars, rubric=rubric)
        return ClaudeJob(
            jd_text=jd_text,
            prompt=prompt,
            local_job=self.local.prepare_job(jd_text, rubric),
            cacheable=prompt.estimated_tokens >= min_cacheable_tokens(self.model),
        )

    async def assess(self, job: ClaudeJob, cv_text: str, cv_flags: list[str]) -> Assessment:
        local = await self.local.assess(job.local_job, cv_text, list(cv_flags))
        cv = clean_cv(cv_text)
        meter = UsageMeter(self.model)
        try:
            answer = await self._ask(job, cv, meter)
        except ClaudeError as exc:
            log.warning("Claude could not score a CV: %s", exc.reason)
            if self.fallback == "local":
                return self._local_fallback(local, exc, meter)
            raise
        return self._combine(answer, local, cv, cv_flags, meter)

    async def _ask(self, job: ClaudeJob, cv: CleanCV, meter: UsageMeter) -> ClaudeAnswer:
        """Claude's checked answer; an unusable answer is asked again once, then it is an error."""
        deadline = time.monotonic() + self.policy.deadline_seconds
        warmup = self._warmups.get(self.model, job.prompt) if job.cacheable else None
        first = warmup is not None and await warmup.wait_turn(deadline)
        max_tokens = self.max_tokens
        problem = "no answer"
        try:
            for _ in range(2):
                message = await call_with_retries(
                    functools.partial(self._create, job, cv, max_tokens),  # called with the timeout
                    limiter=self.limiter,
                    policy=self.policy,
                    deadline=deadline,
                )
                meter.add(message.usage)
                if first and warmup is not None:
                    warmup.release()  # the prefix is cached now: let the job's other CVs go
                try:
                    return parse_answer(message, cv.text)
                except UnusableOutput as exc:
                    problem = exc.reason
                    if exc.truncated:
                        max_tokens *= 2
                    log.info("unusable Claude answer (%s); asking once more", exc.reason)
        finally:
            if first and warmup is not None:
                warmup.release()
        raise ClaudeOutputError(f"{problem}, also when asked again")

    async def _create(self, job: ClaudeJob, cv: CleanCV, max_tokens: int, timeout: float) -> Any:
        return await self._client().messages.create(**self.request_params(job, cv, max_tokens), timeout=timeout)

    def request_params(self, job: ClaudeJob, cv: CleanCV, max_tokens: int | None = None) -> dict[str, Any]:
        """One CV's Messages API request: the job's cached prefix, then the CV (live calls and batches alike)."""
        return {
            "model": self.model,
            "max_tokens": max_tokens or self.max_tokens,
            "system": job.prompt.system,
            "tools": job.prompt.tools,
            "tool_choice": TOOL_CHOICE,
            "messages": cv_message(cv),
        }

    async def assess_answer(
        self, job: ClaudeJob, cv_text: str, cv_flags: list[str], message: Any | None, meter: UsageMeter, failure: str
    ) -> Assessment:
        """The assessment from an answer obtained elsewhere (a Message Batch result), checked like ``assess``.

        ``message`` None means Claude gave no answer (``failure`` says why). An unusable answer is not
        asked again here: the batch answered once. Either way the fallback policy applies.
        """
        local = await self.local.assess(job.local_job, cv_text, list(cv_flags))
        cv = clean_cv(cv_text)
        try:
            if message is None:
                raise ClaudeUnavailable(failure)
            meter.add(message.usage)
            try:
                answer = parse_answer(message, cv.text)
            except UnusableOutput as exc:
                raise ClaudeOutputError(exc.reason) from exc
        except ClaudeError as exc:
            log.warning("Claude's batch answer could not score a CV: %s", exc.reason)
            if self.fallback == "local":
                return self._local_fallback(local, exc, meter)
            raise
        return self._combine(answer, local, cv, cv_flags, meter)

    def _combine(
        self, answer: ClaudeAnswer, local: Assessment, cv: CleanCV, cv_flags: list[str], meter: UsageMeter
    ) -> Assessment:
        flags = set(cv_flags) | set(cv.flags) | set(local.flags)
        score = answer.score
        notes: list[str] = []
        cap = local.score + self.injection_margin
        if FLAG_INJECTION in flags and score > cap:
            # Text addressed to an AI may have reached Claude in a form no pattern caught: on such a
            # CV, Claude may not score far above what the evidence supports.
            flags.add(FLAG_SCORE_CAPPED)
            notes.append(
                f"The CV contains instructions addressed to an AI screener, so Claude's score of {score} "
                f"was capped at {cap}, near the local engine's evidence-based {local.score}."
            )
            score = cap
        if abs(answer.score - local.score) > self.disagreement_points:
            flags.add(FLAG_ENGINES_DISAGREE)
            notes.append(
                f"The local engine's evidence-based score is {local.score} against Claude's {answer.score}: "
                "check the evidence before deciding."
            )
        return Assessment(
            score=score,
            executive_summary=" ".join([answer.executive_summary, *notes]),
            strengths=answer.strengths,
            gaps=answer.gaps,
            evidence=answer.evidence,
            flags=sorted(flags),
            engine_version=self.version,
            usage=meter.as_dict(),
        )

    def _local_fallback(self, local: Assessment, error: ClaudeError, meter: UsageMeter) -> Assessment:
        usage = meter.as_dict() if meter.calls else {}
        usage["local_fallbacks"] = 1
        return Assessment(
            score=local.score,
            executive_summary=(
                f"{local.executive_summary} Scored by the local engine because Claude could not score "
                f"this CV ({error.reason})."
            ),
            strengths=local.strengths,
            gaps=local.gaps,
            evidence=local.evidence,
            flags=sorted(set(local.flags) | {FLAG_LOCAL_FALLBACK}),
            engine_version=f"{local.engine_version} (Claude fallback)"[:50],
            usage=usage,
        )
