"""The rubric a ranking was scored with, read-only and compact: the share page and the print header."""

from __future__ import annotations

import reflex as rx


def _line(line: rx.Var) -> rx.Component:
    return rx.el.li(
        rx.text(line.text, as_="span", weight="medium", class_name="rubric-summary-text"),
        " · ",
        rx.text(line.kind_label, as_="span", class_name="rubric-summary-kind"),
        rx.cond(line.knockout, rx.text(" · Knockout", as_="span", class_name="rubric-summary-knockout"), ""),
        " · ",
        rx.text(line.weight_label, as_="span", class_name="rubric-summary-weight"),
        class_name="rubric-summary-line",
    )


def rubric_summary(version: rx.Var, lines: rx.Var, *, element_id: str, size: str = "2") -> rx.Component:
    """ "Scored with rubric vN" and each requirement: must/nice, knockout, weight."""
    return rx.box(
        rx.text("Scored with rubric v", version, weight="bold", size=size, class_name="rubric-summary-version"),
        rx.el.ul(
            rx.foreach(lines, _line),
            style={"margin": "4px 0 8px 18px", "fontSize": "var(--font-size-1)"},
        ),
        id=element_id,
        width="100%",
    )
