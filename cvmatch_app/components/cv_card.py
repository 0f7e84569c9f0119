"""One ranked result: score, verdict, recommendation, summary, strengths, gaps, flags, evidence on demand."""

from __future__ import annotations

import reflex as rx

from cvmatch_app.components.badges import flag_badge, verdict_badge
from cvmatch_app.components.candidate import identity, stars_text, status_badge


def _points(title: str, items: rx.Var, icon: str, colour: str, empty: str) -> rx.Component:
    return rx.vstack(
        rx.text(title, weight="bold", size="2"),
        rx.cond(
            items.length() > 0,
            rx.vstack(
                rx.foreach(
                    items,
                    lambda item: rx.hstack(
                        rx.icon(icon, size=16, color=rx.color(colour, 10), flex_shrink="0", margin_top="2px"),
                        rx.text(item, size="2"),
                        align="start",
                        spacing="2",
                    ),
                ),
                spacing="1",
            ),
            rx.text(empty, size="2", color=rx.color("gray", 11)),
        ),
        spacing="2",
        align="start",
        width="100%",
    )


def _evidence(card: rx.Var) -> rx.Component:
    return rx.el.details(
        rx.el.summary(
            rx.text("Show the evidence behind each strength and gap", as_="span", size="2", weight="medium"),
            cursor="pointer",
            color=rx.color("accent", 11),
        ),
        rx.cond(
            card.evidence.length() > 0,
            rx.vstack(
                rx.foreach(
                    card.evidence,
                    lambda row: rx.box(
                        rx.hstack(
                            rx.icon(
                                rx.cond(row.met, "circle-check", "circle-x"),
                                size=16,
                                color=rx.cond(row.met, rx.color("green", 10), rx.color("red", 10)),
                                flex_shrink="0",
                            ),
                            rx.text(row.requirement, weight="medium", size="2"),
                            rx.badge(row.wanted, variant="outline", size="1", color_scheme="gray"),
                            align="center",
                            spacing="2",
                            wrap="wrap",
                        ),
                        rx.text(
                            rx.cond(row.cv_line != "", "CV: “" + row.cv_line + "”", "Nothing in the CV shows this."),
                            size="1",
                            color=rx.color("gray", 11),
                            padding_left="24px",
                        ),
                        width="100%",
                    ),
                ),
                spacing="2",
                padding_top="8px",
                class_name="evidence",
            ),
            rx.text("No evidence was recorded for this CV.", size="2", color=rx.color("gray", 11)),
        ),
        width="100%",
    )


def cv_card(card: rx.Var, rank: rx.Var, on_open: rx.EventHandler | None = None) -> rx.Component:
    """One ranked candidate; ``on_open(position)`` opens the CV beside the ranking (not on share links)."""
    return rx.card(
        rx.vstack(
            rx.flex(
                rx.vstack(
                    rx.hstack(
                        rx.text("#", rank, size="2", color=rx.color("gray", 11), weight="medium"),
                        identity(card),
                        align="start",
                        spacing="2",
                    ),
                    rx.hstack(
                        verdict_badge(card.verdict_label, card.colour),
                        rx.text(card.recommendation, size="2", weight="medium", class_name="recommendation"),
                        status_badge(card),
                        stars_text(card),
                        align="center",
                        spacing="2",
                        wrap="wrap",
                    ),
                    rx.cond(
                        card.note != "",
                        rx.text("Note: ", card.note, size="2", class_name="card-note", color=rx.color("gray", 11)),
                        rx.fragment(),
                    ),
                    spacing="2",
                    align="start",
                ),
                rx.spacer(),
                rx.vstack(
                    rx.text(card.score, size="8", weight="bold", class_name="cv-score", line_height="1"),
                    rx.text("out of 100", size="1", color=rx.color("gray", 11)),
                    align="end",
                    spacing="1",
                ),
                spacing="3",
                width="100%",
                align="start",
            ),
            rx.progress(value=card.score, max=100, color_scheme=card.colour, size="1", aria_label="Match score"),
            rx.text(card.summary, size="2"),
            rx.cond(
                card.flags.length() > 0,
                rx.flex(rx.foreach(card.flags, flag_badge), spacing="2", wrap="wrap", class_name="flags"),
                rx.fragment(),
            ),
            rx.grid(
                _points("Strengths", card.strengths, "check", "green", "No strengths found against this job."),
                _points("Gaps", card.gaps, "minus", "red", "No gaps found."),
                columns=rx.breakpoints(initial="1", sm="2"),
                spacing="4",
                width="100%",
            ),
            rx.hstack(
                _evidence(card),
                *(
                    [
                        rx.button(
                            rx.icon("panel-right-open", size=16),
                            "Open CV",
                            variant="soft",
                            size="1",
                            on_click=on_open(card.position),
                            class_name="no-print open-cv",
                            aria_label="Open the CV of " + card.name,
                        )
                    ]
                    if on_open is not None
                    else []
                ),
                width="100%",
                align="start",
            ),
            spacing="3",
            width="100%",
            align="start",
        ),
        width="100%",
        size="2",
        class_name="cv-card print-block",
    )
