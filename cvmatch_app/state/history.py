"""The history page: the user's past jobs, newest first, each opening its results."""

from __future__ import annotations

import dataclasses

import reflex as rx

from cvmatch_app.services import job_views
from cvmatch_app.state.auth import AuthState
from cvmatch_app.state.db import in_db

JOB_STATUS_LABELS = {"pending": "Queued", "processing": "Scoring", "completed": "Completed", "failed": "Failed"}
JOB_STATUS_COLOURS = {"pending": "gray", "processing": "blue", "completed": "green", "failed": "red"}


@dataclasses.dataclass
class HistoryRow:
    job_id: str
    title: str
    when: str
    cvs: str
    status: str
    colour: str
    best: str


class HistoryState(rx.State):
    jobs: list[HistoryRow] = []
    loaded: bool = False

    @rx.event
    async def load(self):
        user_id = await (await self.get_state(AuthState)).current_user_id()
        if user_id is None:
            return
        rows = await in_db(lambda s: job_views.history(s, user_id=user_id))
        self.jobs = [
            HistoryRow(
                job_id=row["job_id"],
                title=row["title"],
                when=row["created_at"].strftime("%d %b %Y, %H:%M"),
                cvs=f"{row['cv_count']}" + (f" (+{row['skipped']} skipped)" if row["skipped"] else ""),
                status=JOB_STATUS_LABELS.get(row["status"], row["status"]),
                colour=JOB_STATUS_COLOURS.get(row["status"], "gray"),
                best=f"{row['best_name']} ({row['best_score']})" if row["best_name"] else "—",
            )
            for row in rows
        ]
        self.loaded = True
