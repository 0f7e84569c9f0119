"""One job: each CV's state live as it changes, then the ranked, sortable, filterable result cards."""

from __future__ import annotations

import reflex as rx

from cvmatch_app.components.badges import state_badge
from cvmatch_app.components.cv_card import cv_card
from cvmatch_app.components.layout import app_page, empty_state, section
from cvmatch_app.state.job import SORT_KEYS, VERDICT_LABELS, JobState


def _progress_row(row: rx.Var) -> rx.Component:
    return rx.flex(
        rx.text(row.filename, size="2", weight="medium", word_break="break-all", class_name="progress-name"),
        rx.spacer(),
        rx.cond(row.note != "", rx.text(row.note, size="1", color=rx.color("gray", 11), class_name="progress-note")),
        state_badge(row.label, row.colour),
        spacing="3",
        align="center",
        wrap="wrap",
        width="100%",
        padding="6px 0",
        border_bottom=f"1px solid {rx.color('gray', 4)}",
        class_name="progress-row",
        data_state=row.state,
    )


def _progress() -> rx.Component:
    return section(
        "Progress",
        rx.hstack(
            rx.text(JobState.finished, " of ", JobState.total, " done", weight="bold", size="3", id="progress-count"),
            rx.cond(JobState.done, rx.badge("Finished", color_scheme="green"), rx.spinner(size="2")),
            rx.spacer(),
            rx.text(JobState.charged, " credits charged", size="2", color=rx.color("gray", 11)),
            align="center",
            width="100%",
        ),
        rx.progress(value=JobState.progress_percent, max=100, size="2"),
        rx.box(rx.foreach(JobState.rows, _progress_row), width="100%", id="progress-rows"),
    )


def _toolbar() -> rx.Component:
    return rx.flex(
        rx.hstack(
            rx.el.label(rx.text("Sort by", size="2"), html_for="sort-key"),
            rx.select.root(
                rx.select.trigger(id="sort-key", aria_label="Sort by"),
                rx.select.content(*[rx.select.item(label, value=key) for key, label in SORT_KEYS.items()]),
                value=JobState.sort_key,
                on_change=JobState.set_sort_key,
            ),
            rx.button(
                rx.cond(
                    JobState.descending,
                    rx.icon("arrow-down-wide-narrow", size=16),
                    rx.icon("arrow-up-narrow-wide", size=16),
                ),
                rx.cond(JobState.descending, "Descending", "Ascending"),
                variant="soft",
                color_scheme="gray",
                on_click=JobState.toggle_direction,
                id="sort-direction",
            ),
            align="center",
            spacing="2",
        ),
        rx.hstack(
            rx.el.label(rx.text("Verdict", size="2"), html_for="verdict-filter"),
            rx.select.root(
                rx.select.trigger(id="verdict-filter", aria_label="Filter by verdict"),
                rx.select.content(
                    rx.select.item("All verdicts", value="all"),
                    *[rx.select.item(label, value=key) for key, label in VERDICT_LABELS.items()],
                ),
                value=JobState.verdict_filter,
                on_change=JobState.set_verdict_filter,
            ),
            align="center",
            spacing="2",
        ),
        rx.spacer(),
        rx.button(
            rx.icon("download", size=16), "Export CSV", variant="outline", on_click=JobState.export_csv, id="export-csv"
        ),
        spacing="3",
        wrap="wrap",
        align="center",
        width="100%",
    )


def _results() -> rx.Component:
    return rx.vstack(
        rx.heading("Ranked candidates", size="5", as_="h2"),
        _toolbar(),
        rx.cond(
            JobState.shown_cards.length() > 0,
            rx.vstack(
                rx.foreach(JobState.shown_cards, lambda card, i: cv_card(card, i + 1)), spacing="3", width="100%"
            ),
            rx.text("No candidate has this verdict.", color=rx.color("gray", 11)),
        ),
        spacing="3",
        width="100%",
        id="results",
    )


def _job() -> rx.Component:
    return rx.vstack(
        rx.text("Created ", JobState.created, size="2", color=rx.color("gray", 11)),
        _progress(),
        rx.cond(
            JobState.cards.length() > 0,
            _results(),
            rx.cond(
                JobState.done,
                empty_state(
                    "file-x",
                    "No CV could be scored",
                    "Every CV was skipped or failed; the reasons are above and their credits were given back.",
                ),
                empty_state(
                    "loader",
                    "Scoring…",
                    "Ranked cards appear here as soon as the first CV is scored. "
                    "You can leave and come back: the job keeps running.",
                ),
            ),
        ),
        spacing="4",
        width="100%",
    )


def page() -> rx.Component:
    return app_page(
        rx.cond(JobState.not_found, "Job not found", JobState.title),
        rx.cond(
            JobState.not_found,
            empty_state(
                "search-x",
                "This job does not exist on your account",
                "Check the link, or open one of your jobs from the history.",
                rx.link(rx.button("Open history"), href="/history"),
            ),
            rx.cond(JobState.job_id != "", _job(), rx.center(rx.spinner(), padding="3em")),
        ),
        active="/history",
    )
