"""Small coloured markers: the verdict by score band, a CV's processing state, a flag."""

from __future__ import annotations

import reflex as rx


def verdict_badge(label: rx.Var, colour: rx.Var) -> rx.Component:
    return rx.badge(
        label,
        color_scheme=colour,
        variant="soft",
        high_contrast=True,
        size="2",
        radius="full",
        class_name="verdict-badge",
    )


def state_badge(label: rx.Var, colour: rx.Var) -> rx.Component:
    return rx.badge(label, color_scheme=colour, variant="soft", size="1", class_name="cv-state")


def flag_badge(label: rx.Var) -> rx.Component:
    return rx.badge(rx.icon("flag", size=12), label, color_scheme="orange", variant="surface", size="1")
