"""The CSV export: the cards in the order shown, and no CV text that a spreadsheet would run as a formula."""

from __future__ import annotations

import csv
import io

from cvmatch_app.state.job import ResultCard, results_csv


def _card(filename: str, score: int, summary: str) -> ResultCard:
    return ResultCard(
        position=0,
        filename=filename,
        score=score,
        verdict="GOOD_MATCH",
        verdict_label="Good match",
        colour="teal",
        recommendation="Interview",
        summary=summary,
        strengths=["BLS", "ACLS"],
        gaps=[],
        flags=["Hidden text removed"],
        evidence=[],
    )


def test_rows_follow_the_cards_and_formulas_are_neutralised():
    text = results_csv([_card('=HYPERLINK("http://evil")', 70, "+1 nurse"), _card("b.pdf", 61, "ICU nurse")])
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [row["rank"] for row in rows] == ["1", "2"]
    assert rows[0]["cv_filename"] == '\'=HYPERLINK("http://evil")'
    assert rows[0]["executive_summary"] == "'+1 nurse"
    assert rows[0]["match_score"] == "70" and rows[1]["cv_filename"] == "b.pdf"
    assert rows[1]["strengths"] == "BLS | ACLS" and rows[1]["flags"] == "Hidden text removed"
