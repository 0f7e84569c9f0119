"""The rubric editor shared by the Match page and the job page: the requirements the engine read,
grouped, each with the JD phrase it came from, and the recruiter's corrections.

Stateless: the caller passes the grouped rows (``state/rubric_rows.RubricGroup``) and its own
handlers, so the Match page keeps the edits for the submission while the job page re-scores.
Every control has a label naming the requirement it acts on, and all of them are native or Radix
controls reachable with Tab, Space and Enter.
"""

from __future__ import annotations

from typing import Any

import reflex as rx

from cvmatch_app.state.rubric_rows import KINDS, MAX_ADDED_TEXT, MAX_YEARS, WEIGHTS

RUBRIC_CSS = """
.rubric-row { padding: 8px 30px 8px 0; border-bottom: 1px solid var(--gray-4); position: relative; }
.rubric-remove { position: absolute !important; top: 8px; right: 2px; }
.rubric-group-label { margin-top: 4px; }
.rubric-row:last-child { border-bottom: none; }
.rubric-source { display: -webkit-box; -webkit-line-clamp: 3; -webkit-box-orient: vertical; overflow: hidden; }
.rubric-source mark { background: var(--amber-4); color: var(--gray-12); padding: 0 2px; border-radius: 2px; }
.rubric-native { font: inherit; font-size: var(--font-size-2); height: var(--space-6); border-radius: var(--radius-2);
  border: 1px solid var(--gray-7); background: var(--color-surface); color: var(--gray-12); padding: 0 6px; }
.rubric-native:focus-visible { outline: 2px solid var(--focus-8); outline-offset: 1px; }
.rubric-native:disabled { opacity: 0.6; }
.rubric-years { width: 4.5em; }
.rubric-control { display: inline-flex; align-items: center; gap: 5px; font-size: var(--font-size-2); }
"""

Handler = Any  # an event handler of the calling state, called with the requirement's id and the new value


def _source(row: rx.Var) -> rx.Component:
    return rx.cond(
        row.source != "",
        rx.text(
            "From the JD: “",
            rx.el.mark(row.source),
            "”",
            size="1",
            color=rx.color("gray", 11),
            class_name="rubric-source",
        ),
        rx.text("Added in your own words", size="1", color=rx.color("gray", 11), class_name="rubric-source"),
    )


def _weight(row: rx.Var, on_weight: Handler, read_only: rx.Var | bool) -> rx.Component:
    return rx.el.label(
        "Weight",
        rx.el.select(
            *[rx.el.option(label, value=key) for key, label in WEIGHTS.items()],
            value=row.weight,
            on_change=lambda value: on_weight(row.id, value),
            disabled=read_only,
            class_name="rubric-native rubric-weight",
            aria_label="Weight of " + row.text,
        ),
        class_name="rubric-control",
    )


def _years(row: rx.Var, on_years: Handler, read_only: rx.Var | bool, revision: rx.Var | int) -> rx.Component:
    # Uncontrolled and keyed by the value: typing "10" is one edit (on leaving the box), not "1" then "10";
    # ``revision`` changes when an edit is refused, which puts the kept number back in the box.
    return rx.cond(
        row.has_years,
        rx.el.label(
            "Years",
            rx.el.input(
                type="number",
                min=0,
                max=MAX_YEARS,
                step="0.5",
                default_value=row.years,
                key=row.id + "-" + row.years + "-" + rx.Var.create(revision).to_string(),
                on_blur=lambda value: on_years(row.id, value),
                disabled=read_only,
                class_name="rubric-native rubric-years",
                aria_label="Years of " + row.text,
            ),
            class_name="rubric-control",
        ),
        rx.fragment(),
    )


def _summary(row: rx.Var) -> rx.Component:
    """A rubric that cannot be edited now (an older version, a job still scoring): what each ask was."""
    return rx.flex(
        rx.badge(row.kind_label, color_scheme=rx.cond(row.is_must, "blue", "gray"), variant="soft", size="1"),
        rx.text("Weight: ", row.weight_label, size="1", color=rx.color("gray", 11)),
        rx.cond(row.has_years, rx.text("Years: ", row.years, size="1", color=rx.color("gray", 11)), rx.fragment()),
        spacing="3",
        align="center",
        class_name="rubric-summary",
    )


def _controls(
    row: rx.Var, on_kind: Handler, on_knockout: Handler, on_weight: Handler, on_years: Handler,
    read_only: rx.Var | bool, revision: rx.Var | int,
) -> rx.Component:  # fmt: skip
    return rx.flex(
        rx.el.label(
            rx.switch(
                checked=row.is_must,
                on_change=lambda checked: on_kind(row.id, checked),
                disabled=read_only,
                size="1",
                aria_label="Must-have: " + row.text,
                class_name="rubric-must",
            ),
            "Must-have",
            class_name="rubric-control",
        ),
        rx.el.label(
            rx.checkbox(
                checked=row.knockout,
                on_change=lambda checked: on_knockout(row.id, checked),
                disabled=read_only,
                size="1",
                aria_label="Knockout: " + row.text,
                class_name="rubric-knockout",
            ),
            "Knockout",
            class_name="rubric-control",
        ),
        _weight(row, on_weight, read_only),
        _years(row, on_years, read_only, revision),
        spacing="3",
        align="center",
        wrap="wrap",
        class_name="rubric-controls",
    )


def _row(
    row: rx.Var, on_remove: Handler, on_kind: Handler, on_knockout: Handler, on_weight: Handler, on_years: Handler,
    read_only: rx.Var | bool, revision: rx.Var | int,
) -> rx.Component:  # fmt: skip
    """One requirement: its words and JD phrase on the left, its controls beside them (below on a phone)."""
    return rx.flex(
        rx.vstack(
            rx.hstack(
                rx.text(row.text, size="2", weight="medium", class_name="rubric-text"),
                rx.cond(row.knockout, rx.badge("Knockout", color_scheme="red", size="1"), rx.fragment()),
                rx.cond(row.added, rx.badge("Yours", color_scheme="blue", variant="soft", size="1"), rx.fragment()),
                spacing="2",
                align="center",
                wrap="wrap",
            ),
            _source(row),
            spacing="1",
            align="start",
            flex="1 1 240px",
            min_width="0",
        ),
        rx.cond(
            read_only,
            _summary(row),
            rx.fragment(
                _controls(row, on_kind, on_knockout, on_weight, on_years, read_only, revision),
                rx.icon_button(
                    rx.icon("x", size=14),
                    type="button",
                    variant="ghost",
                    color_scheme="gray",
                    size="1",
                    on_click=on_remove(row.id),
                    aria_label="Remove requirement: " + row.text,
                    title="Remove",
                    class_name="rubric-remove",
                ),
            ),
        ),
        spacing="3",
        align="center",
        wrap="wrap",
        class_name="rubric-row",
        data_requirement=row.id,
        data_kind=row.kind,
        width="100%",
    )


def _group(
    group: rx.Var, handlers: dict[str, Handler], read_only: rx.Var | bool, revision: rx.Var | int
) -> rx.Component:
    return rx.box(
        rx.heading(group.label, size="2", as_="h3", color=rx.color("gray", 12), class_name="rubric-group-label"),
        rx.box(
            rx.foreach(group.rows, lambda row: _row(row, read_only=read_only, revision=revision, **handlers)),
            width="100%",
        ),
        class_name="rubric-group",
        data_group=group.key,
        width="100%",
    )


def _add_form(prefix: str, on_add: Handler, read_only: rx.Var | bool) -> rx.Component:
    text_id = f"{prefix}-add-requirement"
    return rx.form(
        rx.vstack(
            rx.el.label(rx.text("Add a requirement", size="2", weight="medium"), html_for=text_id),
            rx.flex(
                rx.input(
                    id=text_id,
                    name="text",
                    placeholder="In your own words, e.g. Right to work in the UK",
                    max_length=MAX_ADDED_TEXT + 1,  # one over: a longer paste is refused with a message
                    disabled=read_only,
                    flex="1",
                    min_width="220px",
                ),
                rx.el.select(
                    *[rx.el.option(label, value=key) for key, label in KINDS.items()],
                    name="kind",
                    default_value="must",
                    disabled=read_only,
                    class_name="rubric-native",
                    aria_label="Must-have or nice-to-have",
                    id=f"{prefix}-add-kind",
                ),
                rx.button(
                    rx.icon("plus", size=14), "Add", type="submit", disabled=read_only, id=f"{prefix}-add-button"
                ),
                spacing="2",
                align="center",
                wrap="wrap",
                width="100%",
            ),
            spacing="1",
            width="100%",
        ),
        on_submit=on_add,
        reset_on_submit=False,
        width="100%",
        id=f"{prefix}-add-form",
    )


def rubric_editor(
    groups: rx.Var,
    *,
    prefix: str,
    on_remove: Handler,
    on_kind: Handler,
    on_knockout: Handler,
    on_weight: Handler,
    on_years: Handler,
    on_add: Handler,
    error: rx.Var,
    read_only: rx.Var | bool = False,
    revision: rx.Var | int = 0,
    header: rx.Component | None = None,
    footer: rx.Component | None = None,
) -> rx.Component:
    """The grouped requirements with their controls, the "Add a requirement" line and the error."""
    handlers = {
        "on_remove": on_remove,
        "on_kind": on_kind,
        "on_knockout": on_knockout,
        "on_weight": on_weight,
        "on_years": on_years,
    }
    return rx.card(
        rx.el.style(RUBRIC_CSS),
        rx.vstack(
            rx.heading("Requirements", size="4", as_="h2", id=f"{prefix}-rubric-heading"),
            header if header is not None else rx.fragment(),
            rx.vstack(
                rx.foreach(groups, lambda group: _group(group, handlers, read_only, revision)),
                spacing="3",
                width="100%",
                id=f"{prefix}-rubric-groups",
            ),
            rx.cond(read_only, rx.fragment(), _add_form(prefix, on_add, read_only)),
            rx.cond(
                error != "",
                rx.callout(
                    error,
                    icon="triangle-alert",
                    color_scheme="red",
                    role="alert",
                    width="100%",
                    id=f"{prefix}-rubric-error",
                ),
                rx.fragment(),
            ),
            footer if footer is not None else rx.fragment(),
            spacing="3",
            width="100%",
            align="stretch",
        ),
        width="100%",
        size="2",
        id=f"{prefix}-rubric",
        class_name="rubric-panel no-print",
        aria_labelledby=f"{prefix}-rubric-heading",
        role="region",
    )
