"""The CV beside the ranking: the candidate, the recruiter's decision, and the CV's own text with
the lines that prove a requirement highlighted and labelled."""

from __future__ import annotations

import reflex as rx

from cvmatch_app.components.badges import verdict_badge
from cvmatch_app.components.candidate import identity
from cvmatch_app.services.decisions import MAX_STARS, STATUS_LABELS


def _line(line: rx.Var) -> rx.Component:
    return rx.cond(
        line.evidence,
        rx.el.mark(
            rx.text(line.text, as_="span"),
            rx.text(" Proves: ", line.proves, as_="span", size="1", weight="bold", class_name="proves"),
            class_name="cv-line evidence-line",
            display="block",
            background=rx.color("amber", 3),
            border_left=f"3px solid {rx.color('amber', 9)}",
            padding="2px 6px",
            color=rx.color("gray", 12),
        ),
        rx.text(line.text, class_name="cv-line", min_height="1em", padding="0 9px", size="2"),
    )


def decision_controls(card: rx.Var, state: type) -> rx.Component:
    """Status, stars and a note; each change is saved at once and never changes the score."""
    return rx.vstack(
        rx.el.fieldset(
            rx.el.legend(rx.text("Decision", size="2", weight="bold")),
            rx.flex(
                *[
                    rx.button(
                        label,
                        size="1",
                        variant=rx.cond(card.status == key, "solid", "outline"),
                        color_scheme={"shortlist": "green", "hold": "amber", "reject": "red"}[key],
                        aria_pressed=rx.cond(card.status == key, "true", "false"),
                        on_click=state.set_decision_status(card.position, rx.cond(card.status == key, "", key)),
                        class_name=f"decide-{key}",
                    )
                    for key, label in {"shortlist": "Shortlist", "hold": "Hold", "reject": "Reject"}.items()
                ],
                spacing="2",
                wrap="wrap",
            ),
            border="none",
            padding="0",
            margin="0",
        ),
        rx.el.fieldset(
            rx.el.legend(rx.text("Rating", size="2", weight="bold")),
            rx.flex(
                *[
                    rx.icon_button(
                        rx.text(rx.cond(card.stars >= n, "★", "☆"), size="4"),
                        variant="ghost",
                        size="2",
                        aria_label=f"{n} of {MAX_STARS} stars",
                        aria_pressed=rx.cond(card.stars == n, "true", "false"),
                        on_click=state.set_stars(card.position, rx.cond(card.stars == n, 0, n)),
                        class_name=f"star star-{n}",
                        color=rx.color("amber", 11),
                    )
                    for n in range(1, MAX_STARS + 1)
                ],
                spacing="1",
            ),
            border="none",
            padding="0",
            margin="0",
        ),
        rx.el.label(rx.text("Notes", size="2", weight="bold"), html_for="decision-note"),
        rx.text_area(
            default_value=card.note,
            key=card.position.to_string() + card.note,
            id="decision-note",
            placeholder="What stood out, what to ask at interview…",
            on_blur=lambda text: state.save_note(card.position, text),
            width="100%",
            rows="3",
        ),
        rx.text(
            "Saved when you leave the box. Decisions never change the score.", size="1", color=rx.color("gray", 11)
        ),
        spacing="2",
        width="100%",
        align="start",
        class_name="no-print decision-controls",
    )


def cv_viewer(state: type) -> rx.Component:
    return rx.cond(
        state.open_cards.length() > 0,
        rx.foreach(
            state.open_cards,
            lambda card: rx.card(
                rx.vstack(
                    rx.flex(
                        identity(card, heading_size="4"),
                        rx.spacer(),
                        rx.icon_button(
                            rx.icon("x", size=16),
                            variant="ghost",
                            aria_label="Close the CV",
                            on_click=state.close_cv,
                            class_name="no-print",
                        ),
                        width="100%",
                    ),
                    rx.hstack(
                        verdict_badge(card.verdict_label, card.colour),
                        rx.text(card.score, " / 100", weight="bold"),
                        rx.text("Must-haves met: ", card.must_met, size="2"),
                        spacing="2",
                        align="center",
                        wrap="wrap",
                    ),
                    decision_controls(card, state),
                    rx.separator(size="4"),
                    rx.heading("The CV", size="3", as_="h3"),
                    rx.box(
                        rx.foreach(state.cv_lines, _line),
                        class_name="cv-text",
                        max_height=["none", "none", "60vh"],
                        overflow_y="auto",
                        width="100%",
                        font_size="var(--font-size-2)",
                        tab_index=0,
                        aria_label="CV text",
                        role="region",
                    ),
                    spacing="3",
                    width="100%",
                    align="start",
                ),
                id="cv-viewer",
                width="100%",
                size="2",
                position=["static", "static", "sticky"],
                top="72px",
            ),
        ),
        rx.box(
            rx.text(
                "Pick a candidate's name to read the CV here, with the lines that prove each requirement.",
                size="2",
                color=rx.color("gray", 11),
            ),
            id="cv-viewer-empty",
            class_name="no-print",
            padding="1em",
            border=f"1px dashed {rx.color('gray', 6)}",
            border_radius="var(--radius-3)",
        ),
    )


__all__ = ["STATUS_LABELS", "cv_viewer", "decision_controls"]
