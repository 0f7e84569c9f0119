"""One job's page: live per-CV progress read from the database, then the recruiter's workspace:
a ranking table and cards, the CV's text beside them, decisions, compare, share links, export."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import reflex as rx
from sqlmodel import Session

from cvmatch_app.engine.bands import VERDICTS
from cvmatch_app.services import decisions, share_links, workspace
from cvmatch_app.services.errors import ServiceError
from cvmatch_app.services.results_export import export_filename, results_csv
from cvmatch_app.state.auth import AuthState
from cvmatch_app.state.db import in_db
from cvmatch_app.state.job_cards import (
    MAX_COMPARE,
    MIN_COMPARE,
    SORT_KEYS,
    VERDICT_LABELS,
    CompareRow,
    CvLine,
    ProgressRow,
    ResultCard,
    RubricLine,
    TableRow,
    VerdictCount,
    cards_of,
    compare_grid,
    export_rows,
    filter_and_sort,
    progress_rows,
    rubric_lines,
    table_rows,
    verdict_counts,
)

POLL_SECONDS = 0.7
DECISIONS_POLL_SECONDS = 3  # once done, only decisions change: other sessions' show within seconds
WATCH_LIMIT_SECONDS = 2 * 60 * 60  # a forgotten tab stops polling after two hours
VIEW_MODES = ("table", "cards", "compare")
STATUS_FILTERS = {"all": "All statuses", "undecided": "Undecided", **decisions.STATUS_LABELS}

__all__ = ["SORT_KEYS", "STATUS_FILTERS", "VERDICT_LABELS", "JobState"]


def scored_version(view: dict[str, Any]) -> int:
    """The rubric version the ranking shown was scored with (each result records its own)."""
    versions = [int((row["result"] or {}).get("rubric_version") or 0) for row in view["rows"] if row["result"]]
    return max(versions, default=0)


class JobState(rx.State):
    job_id: str = ""
    title: str = ""
    created: str = ""
    created_iso: str = ""
    status: str = ""
    finished: int = 0
    total: int = 0
    charged: int = 0
    done: bool = False
    not_found: bool = False
    blind: bool = False
    engine: str = ""
    rubric_version: int = 0  # the rubric version the ranking shown was scored with
    rows: list[ProgressRow] = []
    requirements: list[dict[str, str]] = []
    rubric_lines: list[RubricLine] = []  # the rubric scored with, for the print header
    sort_key: str = "score"
    descending: bool = True
    verdict_filter: str = "all"
    status_filter: str = "all"
    search: str = ""
    view_mode: str = "table"
    compare_positions: list[int] = []
    open_position: int = -1
    cv_lines: list[CvLine] = []
    share_url: str = ""
    share_links: list[dict[str, str]] = []

    _watch_generation: int = 0
    # Every scored CV's full card, kept on the server: the browser gets the rows of the table and the
    # cards shown, never this list beside them (it doubled every update).
    _cards: list[ResultCard] = []

    def _filtered(self) -> list[ResultCard]:
        return filter_and_sort(
            self._cards,
            verdict=self.verdict_filter,
            status=self.status_filter,
            query=self.search,
            sort_key=self.sort_key,
            descending=self.descending,
        )

    @rx.var
    def shown_rows(self) -> list[TableRow]:
        """The ranking table's rows: no summary, strengths, gaps or evidence texts."""
        return table_rows(self._filtered(), set(self.compare_positions))

    async def _sync_cards(self) -> None:
        cards = await self.get_state(JobCardsState)
        cards.show(self._filtered(), self.rubric_version, on_screen=self.view_mode == "cards")

    async def _then_cards(self) -> AsyncIterator[None]:
        """After a change of the ranking: with the cards on screen they change in the same update; with
        the table on screen the table's update goes first (``yield``) and the cards follow."""
        if self.view_mode != "cards":
            yield
        await self._sync_cards()

    @rx.var
    def has_cards(self) -> bool:
        """The workspace shows once a CV is scored (a flag, so a re-ranking does not re-render the whole page)."""
        return len(self._cards) > 0

    @rx.var
    def any_shown(self) -> bool:
        return len(self.shown_rows) > 0

    @rx.var
    def counts(self) -> list[VerdictCount]:
        return verdict_counts(self._cards)

    @rx.var
    def compare_cards(self) -> list[ResultCard]:
        by_position = {card.position: card for card in self._cards}
        return [by_position[p] for p in self.compare_positions if p in by_position]

    @rx.var
    def compare_rows(self) -> list[CompareRow]:
        return compare_grid(self.compare_cards, self.requirements)

    @rx.var
    def can_compare(self) -> bool:
        return MIN_COMPARE <= len(self.compare_positions) <= MAX_COMPARE

    @rx.var
    def compare_full(self) -> bool:
        return len(self.compare_positions) >= MAX_COMPARE

    @rx.var
    def open_cards(self) -> list[ResultCard]:
        """The candidate whose CV is open beside the ranking (none or one)."""
        return [card for card in self._cards if card.position == self.open_position]

    @rx.var
    def progress_percent(self) -> int:
        return int(100 * self.finished / self.total) if self.total else 0

    def _apply(self, view: dict[str, Any]) -> None:
        """Copy the database's view in, touching only what changed: each change is sent to the browser."""
        created: datetime = view["created_at"]
        changes = {
            "job_id": view["job_id"],
            "title": view["title"],
            "created": created.strftime("%d %b %Y, %H:%M UTC"),
            "created_iso": (created if created.tzinfo else created.replace(tzinfo=UTC)).isoformat(),
            "status": view["status"],
            "finished": view["finished"],
            "total": view["total"],
            "charged": view["charged"],
            "done": view["done"],
            "blind": view["blind"],
            "engine": view.get("engine") or "",
            "rubric_version": scored_version(view),
            "rows": progress_rows(view),
            "_cards": cards_of(view),
            "requirements": view["requirements"],
            "rubric_lines": rubric_lines(view.get("rubric")),
        }
        for name, value in changes.items():
            current = getattr(self, name)
            if (list(current) if isinstance(value, list) else current) != value:
                setattr(self, name, value)

    async def _user_id(self) -> int | None:
        auth = await self.get_state(AuthState)
        return await auth.current_user_id()

    async def _reload(self, user_id: int) -> None:
        job_id = self.job_id
        view = await in_db(lambda s: workspace.job_workspace(s, user_id=user_id, job_id=job_id))
        self._apply(view)

    @rx.event
    async def load(self):
        """on_load of /jobs/[job_id]: show what the database says now, then follow it until done."""
        job_id = self.router.url.path.rstrip("/").rsplit("/", 1)[-1]
        user_id = await self._user_id()
        if user_id is None:
            return
        if job_id != self.job_id:
            self.reset()
        try:
            view = await in_db(lambda s: workspace.job_workspace(s, user_id=user_id, job_id=job_id))
            links = await in_db(lambda s: share_links.list_links(s, user_id=user_id, job_id=job_id))
        except ServiceError:
            self.reset()
            self.not_found = True
            return
        self.not_found = False
        self._apply(view)
        await self._sync_cards()
        self._show_links(links)
        if self.open_position >= 0:
            yield JobState.open_cv(self.open_position)
        self._watch_generation += 1
        yield JobState.watch(self._watch_generation)

    @rx.event(background=True)
    async def watch(self, generation: int):
        """Poll the database: progress while the job runs, then the decisions other sessions take.
        Only the short state updates hold the lock, never the reads."""
        async with self:
            job_id = self.job_id
            user_id = await self._user_id()
        if user_id is None:
            return
        started = time.monotonic()
        async with self:
            finished = self.done
        while time.monotonic() - started < WATCH_LIMIT_SECONDS:
            await asyncio.sleep(DECISIONS_POLL_SECONDS if finished else POLL_SECONDS)
            try:
                view = await in_db(lambda s: workspace.job_workspace(s, user_id=user_id, job_id=job_id))
            except ServiceError:
                return
            async with self:
                if generation != self._watch_generation or self.job_id != job_id:
                    return  # a newer watcher (reload) or another job took over
                if not self.router.url.path.rstrip("/").endswith(job_id):
                    return  # the tab moved to another page; coming back starts a new watcher
                self._apply(view)
                cards_later = self.view_mode != "cards"
                if not cards_later:
                    await self._sync_cards()
                if view["done"] and not finished:
                    finished = True
                    auth = await self.get_state(AuthState)
                    await auth._load_user()  # refunds for failed CVs show in the balance
            if cards_later:
                async with self:  # the table went first; the hidden cards (print) follow
                    await self._sync_cards()

    # Sorting, filtering, searching, views.

    @rx.event
    async def set_sort_key(self, key: str):
        if key in SORT_KEYS:
            self.sort_key = key
            self.descending = key != "name"
        async for update in self._then_cards():
            yield update

    @rx.event
    async def toggle_direction(self):
        self.descending = not self.descending
        async for update in self._then_cards():
            yield update

    @rx.event
    async def set_verdict_filter(self, verdict: str):
        self.verdict_filter = verdict if verdict in VERDICTS else "all"
        async for update in self._then_cards():
            yield update

    @rx.event
    async def set_status_filter(self, status: str):
        self.status_filter = status if status in STATUS_FILTERS else "all"
        async for update in self._then_cards():
            yield update

    @rx.event
    async def set_search(self, text: str):
        self.search = text[:100]
        async for update in self._then_cards():
            yield update

    @rx.event
    async def set_view_mode(self, mode: str | list[str]):
        mode = mode[0] if isinstance(mode, list) and mode else mode
        if isinstance(mode, str) and mode in VIEW_MODES and (mode != "compare" or self.can_compare):
            self.view_mode = mode
            await self._sync_cards()

    # The CV beside the ranking.

    @rx.event
    async def open_cv(self, position: int):
        user_id = await self._user_id()
        if user_id is None:
            return
        job_id = self.job_id
        try:
            lines = await in_db(lambda s: workspace.owner_cv_text(s, user_id=user_id, job_id=job_id, position=position))
        except ServiceError as error:
            return rx.toast.error(error.detail, duration=5000)
        self.open_position = position
        self.cv_lines = [CvLine(**line) for line in lines]
        return rx.call_script("document.getElementById('cv-viewer')?.scrollIntoView({block: 'nearest'})")

    @rx.event
    def close_cv(self):
        self.open_position = -1
        self.cv_lines = []

    # Decisions.

    async def _decide(self, position: int, **change: Any):
        user_id = await self._user_id()
        if user_id is None:
            return None
        job_id = self.job_id
        try:
            await in_db(
                lambda s: decisions.set_decision(s, user_id=user_id, job_id=job_id, position=position, **change),
                write=True,
            )
            await self._reload(user_id)
        except ServiceError as error:
            return rx.toast.error(error.detail, duration=5000)
        await self._sync_cards()  # a decision shows on the card in the same update as in the table
        return None

    @rx.event
    async def set_decision_status(self, position: int, status: str):
        return await self._decide(position, status=status)

    @rx.event
    async def set_stars(self, position: int, stars: int):
        return await self._decide(position, stars=stars)

    @rx.event
    async def save_note(self, position: int, note: str):
        current = next((card.note for card in self._cards if card.position == position), None)
        if current is not None and current == note.strip():
            return None
        return await self._decide(position, note=note)

    # Compare.

    @rx.event
    def toggle_compare(self, position: int):
        chosen = list(self.compare_positions)
        if position in chosen:
            chosen.remove(position)
        elif len(chosen) < MAX_COMPARE:
            chosen.append(position)
        self.compare_positions = chosen
        if self.view_mode == "compare" and len(chosen) < MIN_COMPARE:
            self.view_mode = "table"

    @rx.event
    def clear_compare(self):
        self.compare_positions = []
        if self.view_mode == "compare":
            self.view_mode = "table"

    # Blind review.

    @rx.event
    async def set_blind(self, blind: bool):
        user_id = await self._user_id()
        if user_id is None:
            return
        job_id = self.job_id
        await in_db(lambda s: workspace.set_blind_review(s, user_id=user_id, job_id=job_id, blind=blind), write=True)
        await self._reload(user_id)
        await self._sync_cards()  # names leave the cards in the same update as the table
        if self.open_position >= 0:
            return JobState.open_cv(self.open_position)

    # Share links.

    def _show_links(self, links: list[dict[str, Any]]) -> None:
        base = self.router.url.origin.rstrip("/")
        self.share_links = [
            {
                "id": link["id"],
                "url": f"{base}{share_links.SHARE_PATH}{link['token']}",
                "expires": link["expires_at"].strftime("%d %b %Y"),
            }
            for link in links
        ]

    @rx.event
    async def create_share_link(self):
        user_id = await self._user_id()
        if user_id is None:
            return
        job_id = self.job_id

        def create(session: Session) -> list[dict[str, Any]]:
            share_links.create_link(session, user_id=user_id, job_id=job_id)
            return share_links.list_links(session, user_id=user_id, job_id=job_id)

        self._show_links(await in_db(create, write=True))
        self.share_url = self.share_links[0]["url"] if self.share_links else ""

    @rx.event
    async def revoke_share_link(self, link_id: str):
        user_id = await self._user_id()
        if user_id is None:
            return
        job_id = self.job_id

        def revoke(session: Session) -> list[dict[str, Any]]:
            share_links.revoke(session, user_id=user_id, link_id=link_id)
            return share_links.list_links(session, user_id=user_id, job_id=job_id)

        self._show_links(await in_db(revoke, write=True))
        if not any(link["url"] == self.share_url for link in self.share_links):
            self.share_url = ""
        return rx.toast.success("Link revoked: it no longer opens.", duration=3000)

    # Export.

    @rx.event
    def export_csv(self):
        """The candidates shown, in the order shown, then the files that were not scored."""
        created = datetime.fromisoformat(self.created_iso) if self.created_iso else datetime.now()
        data = results_csv(export_rows(self._filtered(), self.rows), job_title=self.title, job_date=created)
        return rx.download(data=data, filename=export_filename(self.title, created), mime_type="text/csv")


class JobCardsState(rx.State):
    """The cards shown (filtered and sorted): the cards view, and print from any view. A state of its own
    (its own React context), so a change of the table or the progress does not re-render 25 cards, and
    the cards' update does not re-render the table. While the table is on screen the cards follow it
    one update later (``JobState._then_cards``): the ranking a recruiter watches moves first."""

    shown_cards: list[ResultCard] = []
    rubric_version: int = 0  # the rubric version the cards show (the table's may be one ahead for a moment)
    on_screen: bool = False  # the cards view is the view shown (else hidden, for print only)

    def show(self, cards: list[ResultCard], rubric_version: int, *, on_screen: bool) -> None:
        """Only what changed is set, hence sent."""
        if list(self.shown_cards) != cards:
            self.shown_cards = cards
        if self.rubric_version != rubric_version:
            self.rubric_version = rubric_version
        if self.on_screen != on_screen:
            self.on_screen = on_screen
