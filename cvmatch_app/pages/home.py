"""The landing page."""

from __future__ import annotations

import reflex as rx


def page() -> rx.Component:
    return rx.container(
        rx.vstack(
            rx.heading("CVMatch", size="8"),
            rx.text("Rank CVs against a job description, with the evidence behind every score."),
            rx.link("API documentation", href="/api/docs"),
            spacing="4",
            padding_y="4em",
        )
    )
