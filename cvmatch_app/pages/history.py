"""The user's past jobs."""

from __future__ import annotations

import reflex as rx

from cvmatch_app.components.layout import app_page, empty_state
from cvmatch_app.state.history import HistoryState


def _row(job: rx.Var) -> rx.Component:
    return rx.table.row(
        rx.table.cell(job.when, white_space="nowrap", data_label="Date"),
        rx.table.row_header_cell(rx.link(job.title, href="/jobs/" + job.job_id, weight="medium"), data_label="Job"),
        rx.table.cell(job.cvs, data_label="CVs"),
        rx.table.cell(rx.badge(job.status, color_scheme=job.colour, variant="soft"), data_label="Status"),
        rx.table.cell(job.best, data_label="Best candidate"),
        rx.table.cell(rx.link("Open results", href="/jobs/" + job.job_id, white_space="nowrap")),
        class_name="history-row",
    )


def page() -> rx.Component:
    return app_page(
        "History",
        rx.cond(
            HistoryState.jobs.length() > 0,
            rx.box(
                rx.table.root(
                    rx.table.header(
                        rx.table.row(
                            *[
                                rx.table.column_header_cell(title)
                                for title in ("Date", "Job", "CVs", "Status", "Best candidate", "")
                            ]
                        )
                    ),
                    rx.table.body(rx.foreach(HistoryState.jobs, _row)),
                    variant="surface",
                    width="100%",
                    class_name="stack-on-phone",
                ),
                overflow_x="auto",
                width="100%",
            ),
            rx.cond(
                HistoryState.loaded,
                empty_state(
                    "history",
                    "No jobs yet",
                    "Your match jobs appear here. Start one by dropping CVs and a job description on the Match page.",
                    rx.link(rx.button("Match CVs"), href="/"),
                ),
                rx.center(rx.spinner(), padding="3em"),
            ),
        ),
        active="/history",
        subtitle="Every job you ran, newest first. Open one to see its ranked results.",
    )
