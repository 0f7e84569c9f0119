"""The home page: a job description and a pile of CVs in, one credit per readable CV (refunded if unreadable)."""

from __future__ import annotations

import reflex as rx

from cvmatch_app.components.drop_zone import drop_zone
from cvmatch_app.components.layout import app_page, inline_error, section
from cvmatch_app.components.rubric_editor import rubric_editor
from cvmatch_app.state.auth import AuthState
from cvmatch_app.state.match import CV_UPLOAD_ID, JD_UPLOAD_ID, MatchState, describe_rejections, max_file_mb

MATCH_FORM_ID = "match-form"


def _jd_section() -> rx.Component:
    return section(
        "1. Job description",
        rx.el.label(rx.text("Paste the job description", size="2", weight="medium"), html_for="jd_text"),
        rx.text_area(
            id="jd_text",
            name="jd_text",
            placeholder="Registered Nurse — ICU Department. Requirements: current RN licence, BLS and ACLS…",
            rows="9",
            width="100%",
            value=MatchState.jd_text,
            on_change=MatchState.set_jd_text,  # debounced in the browser: sent when typing pauses
            disabled=(MatchState.jd_file_name != "") | MatchState.submitting,
        ),
        rx.cond(
            MatchState.jd_file_name != "",
            rx.hstack(
                rx.icon("file-text", size=18),
                rx.text(MatchState.jd_file_name, weight="medium", id="jd-file-name"),
                rx.text(MatchState.jd_file_size, size="1", color=rx.color("gray", 11)),
                rx.spacer(),
                rx.button(
                    rx.icon("x", size=14),
                    "Remove",
                    type="button",
                    variant="ghost",
                    color_scheme="gray",
                    size="1",
                    on_click=MatchState.remove_jd_file,
                    disabled=MatchState.submitting,
                    aria_label="Remove the job description file",
                ),
                align="center",
                width="100%",
            ),
            drop_zone(
                JD_UPLOAD_ID,
                title="…or drop the job description file",
                hint=f"PDF, DOCX or TXT, up to {max_file_mb()} MB",
                on_drop=MatchState.set_jd_file,
                on_drop_rejected=describe_rejections,
                multiple=False,
                max_size=max_file_mb() * 1024 * 1024,
                compact=True,
                disabled=MatchState.submitting,
            ),
        ),
    )


def _staged_cv(cv: rx.Var, index: rx.Var) -> rx.Component:
    return rx.hstack(
        rx.icon("file", size=16, color=rx.color("gray", 10)),
        rx.text(cv.name, size="2", weight="medium", class_name="staged-name", word_break="break-all"),
        rx.spacer(),
        rx.text(cv.size, size="1", color=rx.color("gray", 11), white_space="nowrap", class_name="staged-size"),
        rx.icon_button(
            rx.icon("x", size=14),
            type="button",
            variant="ghost",
            color_scheme="gray",
            size="1",
            on_click=MatchState.remove_cv(index),
            disabled=MatchState.submitting,
            aria_label="Remove " + cv.name,
            title="Remove",
        ),
        align="center",
        width="100%",
        padding="6px 8px",
        border_bottom=f"1px solid {rx.color('gray', 4)}",
        class_name="staged-cv",
    )


def _cv_section() -> rx.Component:
    return section(
        "2. CVs",
        drop_zone(
            CV_UPLOAD_ID,
            title="Drop CVs here, or click to choose files",
            hint=rx.cond(
                MatchState.adding_percent >= 0,
                "Adding the files… " + MatchState.adding_percent.to_string() + "%",
                f"PDF, DOCX or TXT · up to {max_file_mb()} MB each · up to "
                + MatchState.batch_limit.to_string()
                + " CVs per job on your plan",
            ),
            on_drop=MatchState.add_cvs(
                rx.upload_files(upload_id=CV_UPLOAD_ID, on_upload_progress=MatchState.cvs_progress)
            ),
            on_drop_rejected=describe_rejections,
            max_size=max_file_mb() * 1024 * 1024,
            disabled=MatchState.submitting,
        ),
        rx.cond(
            MatchState.cvs.length() > 0,
            rx.vstack(
                rx.hstack(
                    rx.text(MatchState.cvs.length(), " of ", MatchState.batch_limit, " CVs added", size="2"),
                    rx.spacer(),
                    rx.button(
                        "Remove all",
                        type="button",
                        variant="ghost",
                        size="1",
                        color_scheme="gray",
                        on_click=MatchState.remove_all_cvs,
                        disabled=MatchState.submitting,
                    ),
                    width="100%",
                    align="center",
                ),
                rx.box(rx.foreach(MatchState.cvs, _staged_cv), width="100%", id="staged-cvs"),
                spacing="2",
                width="100%",
            ),
            rx.text("No CVs added yet.", size="2", color=rx.color("gray", 10)),
        ),
    )


def _blind_switch() -> rx.Component:
    """The job page's blind review switch, on from the start: the scorer never reads who the candidates are."""
    return rx.el.label(
        rx.hstack(
            rx.switch(
                checked=MatchState.blind,
                on_change=MatchState.set_blind_review,
                disabled=MatchState.submitting,
                id="match-blind-review",
            ),
            rx.text("Blind review", size="2", weight="medium"),
            rx.text(
                "(names, contact details, addresses, birth dates and graduation years are removed before scoring)",
                size="1",
                color=rx.color("gray", 11),
            ),
            align="center",
            spacing="2",
            wrap="wrap",
        ),
    )


def _submit_bar() -> rx.Component:
    return rx.card(
        rx.flex(
            rx.vstack(
                rx.text(
                    "Cost: ",
                    rx.text.strong(
                        MatchState.cost, rx.cond(MatchState.cost == 1, " credit", " credits"), id="match-cost"
                    ),
                    " · Your balance: ",
                    rx.text.strong(AuthState.balance, " credits", id="match-balance"),
                    size="3",
                ),
                rx.text(
                    "One credit per CV; a file that cannot be read is skipped with the reason and refunded.",
                    size="1",
                    color=rx.color("gray", 11),
                ),
                rx.cond(
                    MatchState.cost > AuthState.balance,
                    rx.text(
                        "Not enough credits for this many CVs: ",
                        rx.link("buy a credit pack", href="/credits"),
                        " or remove some CVs.",
                        size="2",
                        color=rx.color("red", 11),
                    ),
                    rx.fragment(),
                ),
                _blind_switch(),
                spacing="1",
                align="start",
            ),
            rx.spacer(),
            rx.button(
                rx.icon("sparkles", size=16),
                "Match CVs",
                type="submit",
                size="3",
                loading=MatchState.submitting,
                disabled=MatchState.submitting,
                id="submit-match",
                custom_attrs={"form": MATCH_FORM_ID},  # the rubric editor between them has forms of its own
            ),
            spacing="3",
            align="center",
            wrap="wrap",
            width="100%",
        ),
        width="100%",
    )


def _rubric_header() -> rx.Component:
    return rx.vstack(
        rx.text(
            "What the engine read from the job description. Correct it before matching: the CVs are scored "
            "against this list, and nothing is charged until you press Match CVs.",
            size="2",
            color=rx.color("gray", 11),
        ),
        rx.flex(
            rx.cond(
                MatchState.rubric_title != "",
                rx.text("Read as: ", rx.text.strong(MatchState.rubric_title), size="2", id="match-rubric-title"),
                rx.fragment(),
            ),
            rx.cond(
                MatchState.rubric_reading,
                rx.hstack(rx.spinner(size="1"), rx.text("Reading the job description…", size="2"), align="center"),
                rx.fragment(),
            ),
            rx.spacer(),
            rx.cond(
                MatchState.last_rubric_label != "",
                rx.button(
                    rx.icon("history", size=14),
                    MatchState.last_rubric_label,
                    type="button",
                    variant="soft",
                    size="1",
                    on_click=MatchState.use_last_rubric,
                    disabled=MatchState.submitting,
                    id="use-last-rubric",
                ),
                rx.fragment(),
            ),
            rx.cond(
                MatchState.rubric_edited,
                rx.button(
                    rx.icon("undo-2", size=14),
                    "Undo my edits",
                    type="button",
                    variant="ghost",
                    color_scheme="gray",
                    size="1",
                    on_click=MatchState.undo_rubric_edits,
                    disabled=MatchState.submitting,
                    id="undo-rubric-edits",
                ),
                rx.fragment(),
            ),
            spacing="3",
            align="center",
            wrap="wrap",
            width="100%",
        ),
        spacing="2",
        width="100%",
    )


def _rubric() -> rx.Component:
    """Shown once a JD is pasted or dropped: the requirements to score on, before any credit is spent."""
    return rx.cond(
        MatchState.rubric_groups.length() > 0,
        rubric_editor(
            MatchState.rubric_groups,
            prefix="match",
            on_remove=MatchState.remove_requirement,
            on_kind=MatchState.set_requirement_kind,
            on_knockout=MatchState.set_requirement_knockout,
            on_weight=MatchState.set_requirement_weight,
            on_years=MatchState.set_requirement_years,
            on_add=MatchState.add_requirement,
            error=MatchState.rubric_error,
            read_only=MatchState.submitting,
            revision=MatchState.rubric_revision,
            header=_rubric_header(),
        ),
        rx.cond(
            MatchState.rubric_reading,
            rx.card(
                rx.hstack(rx.spinner(size="2"), rx.text("Reading the requirements of the job…", size="2")),
                width="100%",
                id="match-rubric-reading",
            ),
            rx.cond(
                MatchState.rubric_note != "",
                rx.callout(
                    MatchState.rubric_note, icon="info", color_scheme="amber", width="100%", id="match-rubric-note"
                ),
                rx.fragment(),
            ),
        ),
    )


def page() -> rx.Component:
    return app_page(
        "Match CVs to a job",
        rx.vstack(
            rx.form(
                rx.grid(
                    _jd_section(), _cv_section(), columns=rx.breakpoints(initial="1", md="2"), spacing="4", width="100%"
                ),
                on_submit=MatchState.submit,
                width="100%",
                id=MATCH_FORM_ID,
            ),
            _rubric(),
            inline_error(MatchState.error),
            _submit_bar(),
            spacing="4",
            width="100%",
        ),
        active="/",
        subtitle="Paste or drop the job description, drop the CVs, and watch each one get scored.",
    )
