"""The embedded engine: no network, no key, deterministic, a few milliseconds per CV."""

from __future__ import annotations

import asyncio
import datetime as dt
from dataclasses import dataclass
from typing import Any

from .cv_profile import CVProfile, build_cv_profile
from .embedding import get_model
from .job_profile import JobProfile, build_job_profile
from .rubric import apply_rubric
from .scoring import moved_on_note, score_cv
from .semantic import CVVectors
from .summary import evidence_rows, executive_summary, strengths_and_gaps
from .text_clean import normalize_text
from .types import FLAG_INJECTION, FLAG_KEYWORD_STUFFING, Assessment

ENGINE_VERSION = "local-1.5"


@dataclass
class ReadCV:
    """A CV as the engine reads it before any job: its profile, line vectors and text flags."""

    profile: CVProfile
    vectors: CVVectors
    text_flags: list[str]


def _now_years(today: dt.date | None) -> float:
    today = today or dt.date.today()
    return today.year + (today.month - 1) / 12 + 1 / 12


class LocalEngine:
    """Lexicon and evidence based scoring. ``today`` pins the meaning of "Present" (tests)."""

    name = "local"
    model = ""
    version = ENGINE_VERSION

    def __init__(self, today: dt.date | None = None) -> None:
        self.today = today
        embedding = get_model()
        # The embedding model is part of what produced a score, so the result names it.
        self.model = embedding.name if embedding is not None else ""

    def prepare_job(self, jd_text: str, rubric: list[dict[str, Any]] | None = None) -> JobProfile:
        """The JD read once per job; with the recruiter's rubric (engine/rubric.py), its requirements."""
        profile = build_job_profile(jd_text)
        return apply_rubric(profile, rubric) if rubric else profile

    def read_cv(self, cv_text: str) -> ReadCV:
        """What the engine reads of a CV whatever the job: a rubric re-score reuses it for every edit."""
        text, text_flags = normalize_text(cv_text)
        cv = build_cv_profile(text, _now_years(self.today))
        return ReadCV(profile=cv, vectors=CVVectors(cv.lines), text_flags=text_flags)

    def assess_read(self, job: JobProfile, read: ReadCV, cv_flags: list[str] | None = None) -> Assessment:
        """``assess_sync`` on a CV already read (``read_cv``): the same assessment, without reading it again."""
        cv = read.profile
        breakdown = score_cv(job, cv, read.vectors)
        strengths, gaps = strengths_and_gaps(breakdown)
        knockouts = [reason for reason in breakdown.caps if reason.startswith("Knockout:")]
        summary = executive_summary(job, cv, breakdown)
        note = moved_on_note(breakdown)
        if note:
            summary = f"{summary} {note}" if summary else note
        if knockouts:
            # The recruiter's knockouts come first: they decide the card whatever else it shows.
            labels = tuple(k.removeprefix("Knockout: ").removesuffix(" not shown") + " (" for k in knockouts)
            gaps = knockouts + [gap for gap in gaps if not gap.startswith(labels)]
            summary = ". ".join(knockouts) + ". " + summary
        flags = set(cv_flags or []) | set(read.text_flags)
        if cv.removed_injection:
            flags.add(FLAG_INJECTION)
        if cv.stuffing:
            flags.add(FLAG_KEYWORD_STUFFING)
        return Assessment(
            score=breakdown.score,
            executive_summary=summary,
            strengths=strengths,
            gaps=gaps,
            evidence=evidence_rows(breakdown),
            flags=sorted(flags),
            engine_version=self.version,
        )

    def assess_sync(self, job: JobProfile, cv_text: str, cv_flags: list[str] | None = None) -> Assessment:
        return self.assess_read(job, self.read_cv(cv_text), cv_flags)

    async def assess(self, job: JobProfile, cv_text: str, cv_flags: list[str]) -> Assessment:
        # In a thread: the app's pages, websocket and API share this event loop, and a long CV
        # takes milliseconds to seconds of CPU.
        return await asyncio.to_thread(self.assess_sync, job, cv_text, cv_flags)
