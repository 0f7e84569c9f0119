"""The CSV export: Excel-ready (BOM), the job's title and date, candidates in the order shown with
their decisions, skipped files with their reasons, no CV text that a spreadsheet would run as a formula."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

from cvmatch_app.services.results_export import BOM, ExportRow, export_filename, results_csv

CREATED = datetime(2026, 11, 30, 9, 5, tzinfo=UTC)


def _row(name: str, filename: str, score: int, summary: str, **extra) -> ExportRow:  # type: ignore[no-untyped-def]
    return ExportRow(
        candidate=name, title="ICU Nurse", employer="City General", location="Leeds, UK", filename=filename,
        score=score, verdict="GOOD_MATCH", recommendation="Interview", must_haves="4 of 5", top_gap="ACLS",
        summary=summary, strengths=("BLS", "ACLS"), flags=("Hidden text removed",), **extra,
    )  # fmt: skip


def test_rows_follow_the_ranking_with_decisions_and_skipped_files():
    text = results_csv(
        [
            _row('=HYPERLINK("http://evil")', "a.pdf", 70, "+1 nurse", status="Shortlisted", stars=4, note="Call"),
            _row("Zoë Ångström", "b.pdf", 61, "ICU nurse"),
            ExportRow(
                candidate="",
                title="",
                employer="",
                location="",
                filename="scan.pdf",
                status="Skipped",
                skipped_reason="The PDF is damaged",
            ),  # fmt: skip
        ],
        job_title="Registered Nurse - ICU",
        job_date=CREATED,
    )
    assert text.startswith(BOM)
    rows = list(csv.DictReader(io.StringIO(text.removeprefix(BOM))))
    assert [row["rank"] for row in rows] == ["1", "2", ""]
    assert rows[0]["candidate"] == '\'=HYPERLINK("http://evil")'
    assert rows[0]["executive_summary"] == "'+1 nurse"
    assert (rows[0]["status"], rows[0]["stars"], rows[0]["notes"]) == ("Shortlisted", "4", "Call")
    assert rows[1]["candidate"] == "Zoë Ångström" and rows[1]["strengths"] == "BLS | ACLS"
    assert rows[2]["cv_filename"] == "scan.pdf" and rows[2]["skipped_reason"] == "The PDF is damaged"
    assert rows[2]["match_score"] == ""
    assert {row["job_title"] for row in rows} == {"Registered Nurse - ICU"}
    assert {row["job_date"] for row in rows} == {"2026-11-30 09:05 UTC"}


def test_file_name_is_cut_between_words():
    name = export_filename("Registered Nurse - Intensive Care Unit, night shifts and weekends", CREATED)
    assert name == "cvmatch-registered-nurse-intensive-care-unit-night-2026-11-30.csv"
    assert export_filename("", CREATED) == "cvmatch-job-2026-11-30.csv"
