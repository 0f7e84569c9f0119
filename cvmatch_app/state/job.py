"""One job's page: live per-CV progress read from the database, then ranked, sortable result cards."""

from __future__ import annotations

import asyncio
import csv
import dataclasses
import io
import re
import time
from typing import Any

import reflex as rx

from cvmatch_app.engine.bands import VERDICTS
from cvmatch_app.services import job_views
from cvmatch_app.services.errors import ServiceError
from cvmatch_app.state.auth import AuthState
from cvmatch_app.state.db import in_db

POLL_SECONDS = 0.7
WATCH_LIMIT_SECONDS = 2 * 60 * 60  # a forgotten tab stops polling after two hours
VERDICT_LABELS = {
    "STRONG_MATCH": "Strong match",
    "GOOD_MATCH": "Good match",
    "MODERATE_MATCH": "Moderate match",
    "WEAK_MATCH": "Weak match",
    "NOT_SUITABLE": "Not suitable",
}
VERDICT_COLOURS = {
    "STRONG_MATCH": "green",
    "GOOD_MATCH": "teal",
    "MODERATE_MATCH": "amber",
    "WEAK_MATCH": "orange",
    "NOT_SUITABLE": "red",
}
FLAG_LABELS = {
    "hidden_text": "Hidden text removed",
    "injection_attempt": "AI instructions ignored",
    "keyword_stuffing": "Keyword stuffing",
    "scanned": "Scanned pages (no text layer)",
    "duplicate": "Duplicate of another CV",
    "zero_width_characters": "Invisible characters removed",
    "long_text_truncated": "Very long: only the first 100,000 characters scored",
    "engines_disagree": "Claude and the local engine disagree",
    "scored_by_local_fallback": "Scored by the local engine (Claude failed)",
    "score_capped_to_evidence": "Score capped to the CV's evidence",
}
STATE_COLOURS = {
    "pending": "gray",
    "reading": "cyan",
    "processing": "blue",
    "completed": "green",
    "failed": "red",
    "skipped": "amber",
}
SORT_KEYS = {"score": "Score", "name": "Name", "verdict": "Verdict"}


@dataclasses.dataclass
class Evidence:
    requirement: str
    wanted: str
    met: bool
    cv_line: str


@dataclasses.dataclass
class ResultCard:
    position: int
    filename: str
    score: int
    verdict: str
    verdict_label: str
    colour: str
    recommendation: str
    summary: str
    strengths: list[str]
    gaps: list[str]
    flags: list[str]
    evidence: list[Evidence]


@dataclasses.dataclass
class ProgressRow:
    filename: str
    state: str
    label: str
    colour: str
    note: str


def _card(position: int, result: dict[str, Any]) -> ResultCard:
    verdict = str(result.get("verdict") or "")
    evidence = [
        Evidence(
            requirement=str(row.get("requirement") or ""),
            wanted="required" if row.get("kind") == "must" else "preferred",
            met=bool(row.get("met")),
            cv_line=str(row.get("cv_line") or ""),
        )
        for row in result.get("evidence") or []
        if isinstance(row, dict)
    ]
    return ResultCard(
        position=position,
        filename=str(result.get("cv_filename") or ""),
        score=int(result.get("match_score") or 0),
        verdict=verdict,
        verdict_label=VERDICT_LABELS.get(verdict, verdict.replace("_", " ").capitalize()),
        colour=VERDICT_COLOURS.get(verdict, "gray"),
        recommendation=str(result.get("recommendation") or ""),
        summary=str(result.get("executive_summary") or ""),
        strengths=[str(item) for item in result.get("strengths") or []],
        gaps=[str(item) for item in result.get("gaps") or []],
        flags=[FLAG_LABELS.get(flag, flag.replace("_", " ").capitalize()) for flag in result.get("flags") or []],
        evidence=evidence,
    )


class JobState(rx.State):
    job_id: str = ""
    title: str = ""
    created: str = ""
    status: str = ""
    finished: int = 0
    total: int = 0
    charged: int = 0
    done: bool = False
    not_found: bool = False
    rows: list[ProgressRow] = []
    cards: list[ResultCard] = []
    sort_key: str = "score"
    descending: bool = True
    verdict_filter: str = "all"

    _watch_generation: int = 0

    @rx.var
    def shown_cards(self) -> list[ResultCard]:
        cards = [c for c in self.cards if self.verdict_filter == "all" or c.verdict == self.verdict_filter]
        if self.sort_key == "name":
            cards.sort(key=lambda c: (c.filename.lower(), c.position), reverse=self.descending)
        elif self.sort_key == "verdict":
            rank = {verdict: len(VERDICTS) - i for i, verdict in enumerate(VERDICTS)}
            cards.sort(key=lambda c: (rank.get(c.verdict, 0), c.score), reverse=self.descending)
        else:
            cards.sort(key=lambda c: (c.score, -c.position), reverse=self.descending)
        return cards

    @rx.var
    def progress_percent(self) -> int:
        return int(100 * self.finished / self.total) if self.total else 0

    def _apply(self, view: dict[str, Any]) -> None:
        """Copy the database's view in, touching only what changed: each change is sent to the browser."""
        rows = [
            ProgressRow(
                filename=row["filename"],
                state=row["state"],
                label=row["state_label"],
                colour=STATE_COLOURS.get(row["state"], "gray"),
                note=row["note"],
            )
            for row in view["rows"]
        ]
        cards = [_card(row["position"], row["result"]) for row in view["rows"] if row["result"]]
        changes = {
            "job_id": view["job_id"],
            "title": view["title"],
            "created": view["created_at"].strftime("%d %b %Y, %H:%M UTC"),
            "status": view["status"],
            "finished": view["finished"],
            "total": view["total"],
            "charged": view["charged"],
            "done": view["done"],
            "rows": rows,
            "cards": cards,
        }
        for name, value in changes.items():
            current = getattr(self, name)
            if (list(current) if isinstance(value, list) else current) != value:
                setattr(self, name, value)

    @rx.event
    async def load(self):
        """on_load of /jobs/[job_id]: show what the database says now, then follow it until done."""
        job_id = self.router.url.path.rstrip("/").rsplit("/", 1)[-1]
        auth = await self.get_state(AuthState)
        user_id = await auth.current_user_id()
        if user_id is None:
            return
        if job_id != self.job_id:
            self.reset()
        try:
            view = await in_db(lambda s: job_views.job_view(s, user_id=user_id, job_id=job_id))
        except ServiceError:
            self.reset()
            self.not_found = True
            return
        self.not_found = False
        self._apply(view)
        if not self.done:
            self._watch_generation += 1
            return JobState.watch(self._watch_generation)

    @rx.event(background=True)
    async def watch(self, generation: int):
        """Poll the database; only the short state updates hold the lock, never the reads."""
        async with self:
            job_id = self.job_id
            auth = await self.get_state(AuthState)
            user_id = await auth.current_user_id()
        if user_id is None:
            return
        started = time.monotonic()
        while time.monotonic() - started < WATCH_LIMIT_SECONDS:
            await asyncio.sleep(POLL_SECONDS)
            try:
                view = await in_db(lambda s: job_views.job_view(s, user_id=user_id, job_id=job_id))
            except ServiceError:
                return
            async with self:
                if generation != self._watch_generation or self.job_id != job_id:
                    return  # a newer watcher (reload) or another job took over
                if not self.router.url.path.rstrip("/").endswith(job_id):
                    return  # the tab moved to another page; coming back starts a new watcher
                self._apply(view)
                if view["done"]:
                    auth = await self.get_state(AuthState)
                    await auth._load_user()  # refunds for failed CVs show in the balance
                    return

    @rx.event
    def set_sort_key(self, key: str):
        if key in SORT_KEYS:
            self.sort_key = key
            self.descending = key != "name"

    @rx.event
    def toggle_direction(self):
        self.descending = not self.descending

    @rx.event
    def set_verdict_filter(self, verdict: str):
        self.verdict_filter = verdict if verdict in VERDICTS else "all"

    @rx.event
    def export_csv(self):
        """The cards shown, in the order shown."""
        slug = re.sub(r"[^a-z0-9]+", "-", self.title.lower()).strip("-")[:40] or "job"
        return rx.download(data=results_csv(self.shown_cards), filename=f"cvmatch-{slug}.csv", mime_type="text/csv")


CSV_COLUMNS = [
    "rank",
    "cv_filename",
    "match_score",
    "verdict",
    "recommendation",
    "executive_summary",
    "strengths",
    "gaps",
    "flags",
]


def csv_text(value: str) -> str:
    """A CV's own words must not run as a spreadsheet formula when the recruiter opens the export."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def results_csv(cards: list[ResultCard]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for rank, card in enumerate(cards, start=1):
        texts = [
            card.filename,
            card.verdict,
            card.recommendation,
            card.summary,
            " | ".join(card.strengths),
            " | ".join(card.gaps),
            " | ".join(card.flags),
        ]
        safe = [csv_text(text) for text in texts]
        writer.writerow([rank, safe[0], card.score, *safe[1:]])
    return buffer.getvalue()
