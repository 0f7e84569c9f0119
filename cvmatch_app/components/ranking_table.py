"""The compact ranking: one row per candidate, counts per verdict, a search box and filters."""

from __future__ import annotations

from typing import Any

import reflex as rx

from cvmatch_app.components.badges import verdict_badge
from cvmatch_app.components.candidate import stars_text, status_badge


def verdict_counts(counts: rx.Var) -> rx.Component:
    return rx.flex(
        rx.foreach(
            counts,
            lambda count: rx.badge(
                count.label,
                ": ",
                rx.text(count.count, as_="span", weight="bold"),
                color_scheme=count.colour,
                variant="soft",
                high_contrast=True,
                size="2",
                class_name="verdict-count",
                data_verdict=count.verdict,
            ),
        ),
        spacing="2",
        wrap="wrap",
        id="verdict-counts",
    )


def _cell(label: str, *children: rx.Component, **props: Any) -> rx.Component:
    # data-label: phones show each cell as a labelled line of a stacked row.
    return rx.table.cell(*children, data_label=label, **props)


def _row(
    card: rx.Var,
    rank: rx.Var,
    on_open: rx.EventHandler | None,
    on_compare: rx.EventHandler | None,
    compare_full: rx.Var | None,
) -> rx.Component:
    if on_open is not None:
        shown_name = rx.link(
            card.name,
            href="#cv-viewer",
            on_click=on_open(card.position).prevent_default,
            weight="medium",
            class_name="row-name",
        )
    else:
        shown_name = rx.text(card.name, weight="medium", class_name="row-name")
    name = rx.vstack(
        shown_name,
        rx.text(card.headline, size="1", color=rx.color("gray", 11)),
        rx.text(card.filename, size="1", color=rx.color("gray", 11), class_name="row-file"),
        spacing="0",
        align="start",
    )
    cells = []
    if on_compare is not None:
        cells.append(
            _cell(
                "Compare",
                rx.checkbox(
                    checked=card.selected,
                    on_change=lambda _checked: on_compare(card.position),
                    disabled=compare_full & ~card.selected,
                    aria_label="Compare " + card.name,
                    class_name="compare-pick",
                ),
                class_name="no-print",
            )
        )
    cells += [
        _cell("Rank", rx.text(rank, weight="medium")),
        _cell("Candidate", name),
        _cell("Score", rx.text(card.score, weight="bold", class_name="row-score")),
        _cell("Verdict", verdict_badge(card.verdict_label, card.colour)),
        _cell(
            "Must-haves met",
            rx.text(card.must_met, class_name="row-musts", color=rx.cond(card.all_musts, rx.color("green", 11), "")),
        ),
        _cell("Top gap", rx.text(card.top_gap, size="1", class_name="row-gap")),
        _cell("Status", rx.hstack(status_badge(card), stars_text(card), spacing="2", align="center", wrap="wrap")),
    ]
    return rx.table.row(*cells, class_name="ranking-row", data_position=card.position)


def ranking_table(
    cards: rx.Var,
    *,
    on_open: rx.EventHandler | None = None,
    on_compare: rx.EventHandler | None = None,
    compare_full: rx.Var | None = None,
) -> rx.Component:
    headers = (["Compare"] if on_compare is not None else []) + [
        "Rank", "Candidate", "Score", "Verdict", "Must-haves met", "Top gap", "Status",
    ]  # fmt: skip
    return rx.table.root(
        rx.table.header(
            rx.table.row(
                *[
                    rx.table.column_header_cell(header, class_name="no-print" if header == "Compare" else "")
                    for header in headers
                ]
            )
        ),
        rx.table.body(
            rx.foreach(cards, lambda card, i: _row(card, i + 1, on_open, on_compare, compare_full)),
        ),
        variant="surface",
        size="1",
        width="100%",
        class_name="ranking-table",
        id="ranking-table",
    )
