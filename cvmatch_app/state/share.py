"""A share link's page: the job's ranking, cards and decisions, read-only, for someone without an
account. Everything comes through the signed token; nothing of the account is loaded."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import reflex as rx

from cvmatch_app.services import share_links, workspace
from cvmatch_app.services.errors import ServiceError
from cvmatch_app.state.db import in_db
from cvmatch_app.state.job import scored_version
from cvmatch_app.state.job_cards import (
    ResultCard,
    RubricLine,
    VerdictCount,
    cards_of,
    filter_and_sort,
    rubric_lines,
    verdict_counts,
)


def _utc_iso(moment: datetime) -> str:
    """SQLite gives naive datetimes back: they are UTC, say so, or a browser reads them as local."""
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).isoformat()


class ShareState(rx.State):
    token: str = ""
    title: str = ""
    created: str = ""
    created_iso: str = ""
    blind: bool = False
    cards: list[ResultCard] = []
    requirements: list[dict[str, str]] = []
    rubric_version: int = 0
    rubric_lines: list[RubricLine] = []
    gone: bool = False
    gone_reason: str = ""
    loaded: bool = False

    @rx.var
    def ranked(self) -> list[ResultCard]:
        return filter_and_sort(self.cards, verdict="all", status="all", query="", sort_key="score", descending=True)

    @rx.var
    def counts(self) -> list[VerdictCount]:
        return verdict_counts(self.cards)

    @rx.event
    async def load(self):
        token = self.router.url.path.rstrip("/").rsplit("/", 1)[-1]
        try:
            view: dict[str, Any] = await in_db(lambda s: workspace.shared_workspace(s, token=token))
        except ServiceError:
            self.reset()
            self.gone = True
            self.gone_reason = share_links.LINK_GONE
            self.loaded = True
            return
        self.token = token
        self.title = view["title"]
        self.created = view["created_at"].strftime("%d %b %Y, %H:%M UTC")
        self.created_iso = _utc_iso(view["created_at"])
        self.blind = view["blind"]
        self.cards = cards_of(view)
        self.requirements = view["requirements"]
        rubric = view.get("rubric") or {}
        self.rubric_version = scored_version(view) or int(rubric.get("version") or 1)
        self.rubric_lines = rubric_lines(rubric)
        self.gone = False
        self.loaded = True
