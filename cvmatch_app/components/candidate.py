"""Who a candidate is, in one place for cards, rows and panels: name first, the file name second."""

from __future__ import annotations

import reflex as rx


def status_badge(card: rx.Var) -> rx.Component:
    return rx.badge(
        card.status_label,
        color_scheme=card.status_colour,
        variant=rx.cond(card.status != "", "soft", "outline"),
        size="1",
        class_name="decision-status",
        high_contrast=True,
    )


def stars_text(card: rx.Var) -> rx.Component:
    return rx.cond(
        card.stars > 0,
        rx.text("★ ", card.stars, "/5", size="2", class_name="decision-stars"),
        rx.fragment(),
    )


def identity(card: rx.Var, *, heading_size: str = "4") -> rx.Component:
    """Name, current title and employer, location, and the file the CV came from."""
    return rx.vstack(
        rx.heading(card.name, size=heading_size, as_="h3", class_name="cv-name", word_break="break-word"),
        rx.cond(card.headline != "", rx.text(card.headline, size="2", class_name="cv-headline"), rx.fragment()),
        rx.hstack(
            rx.cond(
                card.location != "",
                rx.hstack(rx.icon("map-pin", size=14), rx.text(card.location, class_name="cv-location"), spacing="1"),
                rx.fragment(),
            ),
            rx.hstack(rx.icon("file-text", size=14), rx.text(card.filename, class_name="cv-file"), spacing="1"),
            spacing="3",
            wrap="wrap",
            color=rx.color("gray", 11),
            font_size="var(--font-size-1)",
            align="center",
        ),
        spacing="1",
        align="start",
    )
