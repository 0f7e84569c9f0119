"""2-4 candidates side by side: each of the job's requirements against each, with the CV line."""

from __future__ import annotations

import reflex as rx

from cvmatch_app.components.badges import verdict_badge


def _cell(cell: rx.Var) -> rx.Component:
    return rx.table.cell(
        rx.hstack(
            rx.icon(
                rx.cond(cell.met, "circle-check", "circle-x"),
                size=16,
                color=rx.cond(cell.met, rx.color("green", 11), rx.color("red", 11)),
                flex_shrink="0",
                aria_hidden="true",
            ),
            rx.vstack(
                rx.text(rx.cond(cell.met, "Met", "Not shown"), size="1", weight="bold"),
                rx.cond(cell.cv_line != "", rx.text("“", cell.cv_line, "”", size="1"), rx.fragment()),
                spacing="0",
                align="start",
            ),
            spacing="2",
            align="start",
        ),
        class_name="compare-cell",
        data_met=rx.cond(cell.met, "yes", "no"),
    )


def compare_grid(cards: rx.Var, rows: rx.Var) -> rx.Component:
    return rx.box(
        rx.table.root(
            rx.table.header(
                rx.table.row(
                    rx.table.column_header_cell("Requirement", min_width="160px"),
                    rx.foreach(
                        cards,
                        lambda card: rx.table.column_header_cell(
                            rx.vstack(
                                rx.text(card.name, weight="bold", class_name="compare-name"),
                                rx.text(card.headline, size="1", weight="regular"),
                                rx.hstack(verdict_badge(card.verdict_label, card.colour), rx.text(card.score)),
                                spacing="1",
                                align="start",
                            ),
                            min_width="180px",
                        ),
                    ),
                )
            ),
            rx.table.body(
                rx.foreach(
                    rows,
                    lambda row: rx.table.row(
                        rx.table.row_header_cell(
                            rx.text(row.requirement, weight="medium"),
                            rx.badge(row.wanted, variant="outline", size="1", color_scheme="gray", high_contrast=True),
                        ),
                        rx.foreach(row.cells, _cell),
                        class_name="compare-row",
                    ),
                )
            ),
            variant="surface",
            size="1",
            width="100%",
        ),
        overflow_x="auto",
        width="100%",
        id="compare-grid",
    )
