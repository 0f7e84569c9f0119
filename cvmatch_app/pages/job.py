"""One job: each CV's state live as it changes, then the recruiter's workspace: a ranking table and
cards, the CV beside them, decisions, compare, share links, CSV and print."""

from __future__ import annotations

import reflex as rx

from cvmatch_app.components.badges import state_badge
from cvmatch_app.components.compare_grid import compare_grid
from cvmatch_app.components.cv_card import cv_card
from cvmatch_app.components.cv_viewer import cv_viewer
from cvmatch_app.components.layout import app_page, empty_state, section
from cvmatch_app.components.local_time import local_time
from cvmatch_app.components.ranking_table import ranking_table, verdict_counts
from cvmatch_app.components.rubric_editor import rubric_editor
from cvmatch_app.components.rubric_summary import rubric_summary
from cvmatch_app.components.workspace_styles import workspace_styles
from cvmatch_app.state.job import SORT_KEYS, STATUS_FILTERS, VERDICT_LABELS, JobCardsState, JobState
from cvmatch_app.state.job_rubric import JobRubricState


def _progress_row(row: rx.Var) -> rx.Component:
    return rx.flex(
        rx.text(row.filename, size="2", weight="medium", word_break="break-all", class_name="progress-name"),
        rx.spacer(),
        rx.cond(row.note != "", rx.text(row.note, size="1", color=rx.color("gray", 11), class_name="progress-note")),
        state_badge(row.label, row.colour),
        spacing="3",
        align="center",
        wrap="wrap",
        width="100%",
        padding="6px 0",
        border_bottom=f"1px solid {rx.color('gray', 4)}",
        class_name="progress-row",
        data_state=row.state,
    )


def _progress() -> rx.Component:
    """Open while the job runs; folded into one line once it is done (the ranking matters then)."""
    return rx.card(
        rx.el.details(
            rx.el.summary(
                rx.hstack(
                    rx.text(
                        JobState.finished,
                        " of ",
                        JobState.total,
                        " done",
                        weight="bold",
                        size="3",
                        id="progress-count",
                        role="status",
                        aria_live="polite",
                    ),
                    rx.cond(JobState.done, rx.badge("Finished", color_scheme="green"), rx.spinner(size="2")),
                    rx.spacer(),
                    rx.text(JobState.charged, " credits charged", size="2", color=rx.color("gray", 11)),
                    align="center",
                    width="calc(100% - 1.5em)",
                    display="inline-flex",
                ),
                cursor="pointer",
            ),
            rx.vstack(
                rx.progress(value=JobState.progress_percent, max=100, size="2", aria_label="Job progress"),
                rx.box(rx.foreach(JobState.rows, _progress_row), width="100%", id="progress-rows"),
                spacing="3",
                padding_top="8px",
                width="100%",
            ),
            open=~JobState.done,
            id="progress-details",
        ),
        width="100%",
        size="2",
        id="progress-section",
    )


def _select(
    trigger_id: str, label: str, value: rx.Var, on_change: rx.EventHandler, options: dict[str, str]
) -> rx.Component:
    return rx.hstack(
        rx.el.label(rx.text(label, size="2"), html_for=trigger_id),
        rx.select.root(
            rx.select.trigger(id=trigger_id, aria_label=label),
            rx.select.content(*[rx.select.item(text, value=key) for key, text in options.items()]),
            value=value,
            on_change=on_change,
        ),
        align="center",
        spacing="2",
    )


def _toolbar() -> rx.Component:
    return rx.flex(
        rx.segmented_control.root(
            rx.segmented_control.item("Table", value="table"),
            rx.segmented_control.item("Cards", value="cards"),
            value=rx.cond(JobState.view_mode == "compare", "table", JobState.view_mode),
            on_change=JobState.set_view_mode,
            id="view-mode",
            aria_label="View",
        ),
        rx.input(
            rx.input.slot(rx.icon("search", size=16)),
            placeholder="Search name, title, place, notes…",
            value=JobState.search,
            on_change=JobState.set_search.debounce(250),
            aria_label="Search candidates",
            id="candidate-search",
            width=["100%", "260px"],
        ),
        _select(
            "verdict-filter",
            "Verdict",
            JobState.verdict_filter,
            JobState.set_verdict_filter,
            {"all": "All verdicts", **VERDICT_LABELS},
        ),
        _select("status-filter", "Status", JobState.status_filter, JobState.set_status_filter, STATUS_FILTERS),
        rx.hstack(
            _select("sort-key", "Sort by", JobState.sort_key, JobState.set_sort_key, SORT_KEYS),
            rx.button(
                rx.cond(
                    JobState.descending,
                    rx.icon("arrow-down-wide-narrow", size=16),
                    rx.icon("arrow-up-narrow-wide", size=16),
                ),
                rx.cond(JobState.descending, "Descending", "Ascending"),
                variant="soft",
                color_scheme="gray",
                on_click=JobState.toggle_direction,
                id="sort-direction",
            ),
            align="center",
            spacing="2",
        ),
        rx.spacer(),
        rx.button(
            rx.icon("columns-3", size=16),
            "Compare (",
            JobState.compare_positions.length(),
            ")",
            on_click=JobState.set_view_mode("compare"),
            disabled=~JobState.can_compare,
            variant="outline",
            id="compare-button",
        ),
        rx.button(
            rx.icon("download", size=16), "Export CSV", variant="outline", on_click=JobState.export_csv, id="export-csv"
        ),
        rx.button(
            rx.icon("printer", size=16),
            "Print",
            variant="outline",
            on_click=rx.call_script("window.print()"),
            id="print-report",
        ),
        spacing="3",
        wrap="wrap",
        align="center",
        width="100%",
        class_name="no-print",
    )


def _print_header() -> rx.Component:
    """On top of the printed report (issue #17), under the page's heading (the job's title): the date and
    the rubric the ranking was scored with."""
    return rx.box(
        rx.text("Report printed from CVMatch · job created ", local_time(JobState.created_iso), size="2"),
        rubric_summary(_scored_version(), JobState.rubric_lines, element_id="print-rubric"),
        class_name="print-only",
        id="print-header",
    )


def _compare() -> rx.Component:
    return rx.vstack(
        rx.flex(
            rx.heading("Compare candidates", size="4", as_="h2"),
            rx.spacer(),
            rx.button(
                "Back to the ranking", variant="soft", on_click=JobState.set_view_mode("table"), id="compare-back"
            ),
            rx.button("Clear choice", variant="outline", color_scheme="gray", on_click=JobState.clear_compare),
            spacing="2",
            wrap="wrap",
            width="100%",
            align="center",
        ),
        compare_grid(JobState.compare_cards, JobState.compare_rows),
        spacing="3",
        width="100%",
    )


def _ranking() -> rx.Component:
    empty = rx.text("No candidate matches the search and filters.", color=rx.color("gray", 11), id="no-match")
    return rx.cond(
        JobState.view_mode == "compare",
        _compare(),
        rx.vstack(
            # Only the view on screen is rendered: the table is not printed from the cards view, so it
            # leaves the page there. The cards stay (hidden under the table) because print shows them.
            rx.cond(
                JobState.view_mode == "table",
                rx.box(
                    rx.cond(
                        JobState.any_shown,
                        ranking_table(
                            JobState.shown_rows,
                            on_open=JobState.open_cv,
                            on_compare=JobState.toggle_compare,
                            compare_full=JobState.compare_full,
                        ),
                        empty,
                    ),
                    width="100%",
                    id="table-view",
                ),
                rx.fragment(),
            ),
            rx.box(
                rx.vstack(
                    rx.foreach(
                        JobCardsState.shown_cards, lambda card, i: cv_card(card, i + 1, on_open=JobState.open_cv)
                    ),
                    spacing="3",
                    width="100%",
                ),
                display=rx.cond(JobCardsState.on_screen, "block", "none"),
                class_name="print-show",
                width="100%",
                id="cards-view",
                data_rubric_version=JobCardsState.rubric_version,
            ),
            width="100%",
            spacing="3",
        ),
    )


def _share() -> rx.Component:
    return section(
        "Share with a hiring manager",
        rx.text(
            "A read-only link shows the ranking, the cards and your decisions, and nothing of your account. "
            "It expires after 14 days; revoke it here at any time.",
            size="2",
            color=rx.color("gray", 11),
        ),
        rx.hstack(
            rx.button(
                rx.icon("link", size=16),
                "Create a read-only link",
                on_click=JobState.create_share_link,
                id="create-share-link",
            ),
            wrap="wrap",
        ),
        rx.foreach(
            JobState.share_links,
            lambda link: rx.flex(
                rx.input(
                    value=link["url"],
                    read_only=True,
                    aria_label="Share link",
                    class_name="share-url",
                    width=["100%", "60%"],
                ),
                rx.text("Expires ", link["expires"], size="1", color=rx.color("gray", 11)),
                rx.button("Copy", variant="soft", size="1", on_click=rx.set_clipboard(link["url"])),
                rx.button(
                    "Revoke",
                    variant="soft",
                    color_scheme="red",
                    size="1",
                    on_click=JobState.revoke_share_link(link["id"]),
                    class_name="revoke-share",
                ),
                spacing="2",
                align="center",
                wrap="wrap",
                width="100%",
                class_name="share-link",
            ),
        ),
        id="share-section",
        class_name="no-print",
    )


def _scored_version() -> rx.Var:
    return rx.cond(JobState.rubric_version > 0, JobState.rubric_version, JobRubricState.current_version)


def _version_select() -> rx.Component:
    return rx.el.label(
        "Version",
        rx.el.select(
            rx.foreach(JobRubricState.versions, lambda v: rx.el.option(v["label"], value=v["value"])),
            value=JobRubricState.viewing_version.to_string(),
            on_change=JobRubricState.view_version,
            disabled=JobRubricState.rescoring,
            class_name="rubric-native",
            id="rubric-version-select",
        ),
        class_name="rubric-control",
    )


def _old_version() -> rx.Component:
    """An older version: read-only, with the ranking it gave and a way to make it current again."""
    return rx.callout.root(
        rx.callout.text(
            "You are viewing rubric v",
            JobRubricState.viewing_version,
            " and the ranking it gave; the cards show v",
            JobRubricState.current_version,
            ".",
        ),
        rx.flex(
            rx.button("Back to the current rubric", size="1", variant="soft", on_click=JobRubricState.view_current),
            rx.button(
                "Re-score with this rubric",
                size="1",
                on_click=JobRubricState.rescore_with_viewed,
                disabled=~JobState.done,
                id="rescore-with-version",
            ),
            spacing="2",
            wrap="wrap",
        ),
        rx.el.ol(
            rx.foreach(
                JobRubricState.old_ranking,
                lambda row: rx.el.li(
                    rx.text(row.name, weight="medium", as_="span"),
                    " · ",
                    rx.text(row.score, as_="span", class_name="old-score"),
                    " · ",
                    rx.text(row.verdict_label, as_="span"),
                    class_name="old-rank",
                ),
            ),
            id="old-ranking",
            style={"margin": "0 0 0 1.4em", "fontSize": "var(--font-size-2)"},
        ),
        color_scheme="gray",
        width="100%",
        id="viewing-old-rubric",
    )


def _rubric_header() -> rx.Component:
    return rx.vstack(
        rx.flex(
            rx.badge("Scored with rubric v", _scored_version(), size="2", variant="soft", id="job-rubric-version"),
            rx.spacer(),
            _version_select(),
            spacing="2",
            align="center",
            wrap="wrap",
            width="100%",
        ),
        rx.cond(
            JobRubricState.rescoring,
            rx.hstack(
                rx.spinner(size="1"),
                rx.text("Re-scoring the CVs…", size="2"),
                align="center",
                role="status",
                id="rubric-rescoring",
            ),
            rx.text(
                rx.cond(
                    JobRubricState.is_local,
                    "Each change re-scores the stored CVs at once with the local engine: no upload, no credit.",
                    "Changes are a draft until you re-score with Claude, which is a new paid run.",
                ),
                size="1",
                color=rx.color("gray", 11),
            ),
        ),
        rx.cond(~JobState.done, rx.text("You can edit the rubric once every CV is scored.", size="2"), rx.fragment()),
        rx.cond(JobRubricState.viewing_old, _old_version(), rx.fragment()),
        spacing="2",
        width="100%",
    )


def _paid_rescore() -> rx.Component:
    """Claude: the draft's bar, and the confirmation stating the cost before a paid re-run."""
    return rx.fragment(
        rx.cond(
            JobRubricState.draft,
            rx.callout.root(
                rx.callout.text("Your edits are not scored yet."),
                rx.flex(
                    rx.button(
                        rx.icon("sparkles", size=14),
                        "Re-score with Claude…",
                        size="2",
                        on_click=JobRubricState.ask_paid_rescore,
                        loading=JobRubricState.paying,
                        id="paid-rescore",
                    ),
                    rx.button(
                        "Discard edits",
                        size="2",
                        variant="soft",
                        color_scheme="gray",
                        on_click=JobRubricState.discard_draft,
                    ),
                    spacing="2",
                    wrap="wrap",
                ),
                color_scheme="amber",
                width="100%",
            ),
            rx.fragment(),
        ),
        rx.alert_dialog.root(
            rx.alert_dialog.content(
                rx.alert_dialog.title("Re-score with Claude?"),
                rx.alert_dialog.description(JobRubricState.confirm_text, id="paid-rescore-cost"),
                rx.flex(
                    rx.alert_dialog.cancel(
                        rx.button(
                            "Cancel", variant="soft", color_scheme="gray", on_click=JobRubricState.cancel_paid_rescore
                        )
                    ),
                    rx.alert_dialog.action(
                        rx.button(
                            "Re-score and pay", on_click=JobRubricState.confirm_paid_rescore, id="confirm-paid-rescore"
                        )
                    ),
                    spacing="3",
                    justify="end",
                    margin_top="16px",
                ),
            ),
            open=JobRubricState.confirm_text != "",
            on_open_change=JobRubricState.confirm_dialog_changed,  # Escape closes it, as Cancel does
        ),
    )


def _rubric_panel() -> rx.Component:
    """Beside the ranking (when no CV is open), so a change and the ranking it gives are seen together."""
    return rx.box(
        rubric_editor(
            JobRubricState.rubric_groups,
            prefix="job",
            on_remove=JobRubricState.remove_requirement,
            on_kind=JobRubricState.set_requirement_kind,
            on_knockout=JobRubricState.set_requirement_knockout,
            on_weight=JobRubricState.set_requirement_weight,
            on_years=JobRubricState.set_requirement_years,
            on_add=JobRubricState.add_requirement,
            error=JobRubricState.error,
            revision=JobRubricState.rubric_revision,
            read_only=(~JobState.done) | JobRubricState.viewing_old | JobRubricState.paying,
            header=_rubric_header(),
            footer=_paid_rescore(),
        ),
        position=["static", "static", "sticky"],
        top="72px",
        max_height=["none", "none", "calc(100vh - 88px)"],
        overflow_y=["visible", "visible", "auto"],
        margin_top="12px",
        id="job-rubric-column",
    )


def _workspace() -> rx.Component:
    return rx.vstack(
        rx.heading("Ranked candidates", size="5", as_="h2", data_rubric_version=_scored_version()),
        _print_header(),
        _toolbar(),
        verdict_counts(JobState.counts),
        rx.grid(
            rx.box(_ranking(), min_width="0"),
            rx.box(
                cv_viewer(JobState),
                rx.cond(JobState.open_position < 0, _rubric_panel(), rx.fragment()),
                id="cv-viewer-column",
                min_width="0",
                display=rx.cond(JobState.view_mode == "compare", "none", "block"),
            ),
            columns=rx.cond(
                JobState.view_mode == "compare", "1", rx.breakpoints(initial="1", md="minmax(0, 3fr) minmax(0, 2fr)")
            ),
            spacing="4",
            width="100%",
            class_name="workspace-grid",
        ),
        _share(),
        spacing="3",
        width="100%",
        id="results",
    )


def _blind_switch() -> rx.Component:
    return rx.el.label(
        rx.hstack(
            rx.switch(checked=JobState.blind, on_change=JobState.set_blind, id="blind-review"),
            rx.text("Blind review", size="2", weight="medium"),
            rx.text(
                "(hides names, contact details, addresses, birth dates and graduation years)",
                size="1",
                color=rx.color("gray", 11),
            ),
            align="center",
            spacing="2",
            wrap="wrap",
        ),
        class_name="no-print",
    )


def _job() -> rx.Component:
    return rx.vstack(
        workspace_styles(),
        rx.flex(
            rx.text(
                "Created ",
                local_time(JobState.created_iso, JobState.created),
                size="2",
                color=rx.color("gray", 11),
                id="job-created",
            ),
            rx.spacer(),
            _blind_switch(),
            width="100%",
            wrap="wrap",
            spacing="3",
            align="center",
        ),
        _progress(),
        rx.cond(
            JobState.has_cards,
            _workspace(),
            rx.cond(
                JobState.done,
                empty_state(
                    "file-x",
                    "No CV could be scored",
                    "Every CV was skipped or failed; the reasons are above and their credits were given back.",
                ),
                empty_state(
                    "loader",
                    "Scoring…",
                    "Ranked cards appear here as soon as the first CV is scored. "
                    "You can leave and come back: the job keeps running.",
                ),
            ),
        ),
        spacing="4",
        width="100%",
    )


def page() -> rx.Component:
    return app_page(
        rx.cond(JobState.not_found, "Job not found", JobState.title),
        rx.cond(
            JobState.not_found,
            empty_state(
                "search-x",
                "This job does not exist on your account",
                "Check the link, or open one of your jobs from the history.",
                rx.link(rx.button("Open history"), href="/history"),
            ),
            rx.cond(JobState.job_id != "", _job(), rx.center(rx.spinner(), padding="3em")),
        ),
        active="/history",
    )
