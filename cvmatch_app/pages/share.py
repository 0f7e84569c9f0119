"""/share/<token>: what a hiring manager opens from a recruiter's link. Read-only, no log-in, no
navigation into the product and nothing of the recruiter's account."""

from __future__ import annotations

import reflex as rx

from cvmatch_app.components.cv_card import cv_card
from cvmatch_app.components.layout import CONTENT_WIDTH, brand, empty_state
from cvmatch_app.components.local_time import local_time
from cvmatch_app.components.ranking_table import ranking_table, verdict_counts
from cvmatch_app.components.rubric_summary import rubric_summary
from cvmatch_app.components.workspace_styles import workspace_styles
from cvmatch_app.state.share import ShareState


def _shared_job() -> rx.Component:
    return rx.vstack(
        rx.heading(ShareState.title, size="7", as_="h1"),
        rx.text(
            "Shared read-only by the recruiter · job created ",
            local_time(ShareState.created_iso, ShareState.created),
            rx.cond(ShareState.blind, " · blind review: names and contact details are hidden", ""),
            size="2",
            color=rx.color("gray", 11),
        ),
        rubric_summary(ShareState.rubric_version, ShareState.rubric_lines, element_id="shared-rubric"),
        verdict_counts(ShareState.counts),
        rx.heading("Ranking", size="5", as_="h2"),
        ranking_table(ShareState.ranked),
        rx.heading("Candidates", size="5", as_="h2"),
        rx.vstack(rx.foreach(ShareState.ranked, lambda card, i: cv_card(card, i + 1)), spacing="3", width="100%"),
        spacing="4",
        width="100%",
        align="stretch",
        id="shared-job",
    )


def page() -> rx.Component:
    return rx.box(
        workspace_styles(),
        rx.el.header(
            rx.flex(brand(), max_width=CONTENT_WIDTH, margin="0 auto", padding="10px 16px"),
            border_bottom=f"1px solid {rx.color('gray', 5)}",
            background=rx.color("gray", 1),
        ),
        rx.el.main(
            rx.cond(
                ShareState.gone,
                empty_state("link-2-off", "This link does not open", ShareState.gone_reason),
                rx.cond(ShareState.loaded, _shared_job(), rx.center(rx.spinner(), padding="3em")),
            ),
            max_width=CONTENT_WIDTH,
            margin="0 auto",
            padding=["16px 12px 48px", "24px 16px 64px"],
        ),
        min_height="100vh",
        background=rx.color("gray", 2),
    )
