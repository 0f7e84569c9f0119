"""The real-CV benchmark's own arithmetic and data: tie-aware P@5, the claims read off a card, the labels."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from cvmatch_app.engine import Assessment

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
import real_cv_audit as audit  # noqa: E402


def test_precision_counts_a_tie_at_the_cut_fractionally() -> None:
    # Three clear picks on top, then four CVs tied for the last two places, one of them a pick.
    scores = [90, 80, 70, 50, 50, 50, 50, 10]
    picks = {0, 1, 2, 3, 7}
    # 3 picks above the cut + 2 places shared by 4 tied CVs (1 pick among them): 3 + 2/4.
    assert audit.precision_at_k(scores, picks) == pytest.approx((3 + 0.5) / 5)
    # Without ties it is the plain share.
    assert audit.precision_at_k([9, 8, 7, 6, 5, 4], {0, 1, 2, 3, 5}) == pytest.approx(4 / 5)


def test_rank_and_tie_groups_count_equal_scores() -> None:
    scores = [60, 60, 60, 40, 30]
    assert audit.tie_aware_rank(scores, 1) == 2.0  # middle of ranks 1-3
    assert audit.tie_aware_rank(scores, 4) == 5.0
    assert audit.tie_groups([70, 56, 56, 56, 48, 48, 30, 20, 10, 5, 5]) == (2, 5)  # the 5s fall outside the top 10


def _assessment(strengths: list[str], gaps: list[str], evidence: list[dict]) -> Assessment:
    return Assessment(score=55, executive_summary="", strengths=strengths, gaps=gaps, evidence=evidence)


def test_card_claims_carry_the_requirement_and_the_quoted_line() -> None:
    evidence = [
        {
            "requirement": "Knife skills",
            "kind": "must",
            "category": "skill",
            "cv_line": "Developed recipes",
            "found": "recipes",
        },
        {"requirement": "3+ years of cooking", "kind": "must", "category": "years", "cv_line": "", "found": "7 years"},
        {"requirement": "ServSafe Manager", "kind": "must", "category": "cred", "cv_line": "", "found": ""},
    ]
    card = audit.card_of(
        _assessment(
            [
                'Knife skills (required, shown as recipes): "Developed recipes"',
                "7 years of relevant experience (3+ required)",
            ],
            ["ServSafe Manager (required): nothing in the CV shows it"],
            evidence,
        )
    )
    claims = {(c.requirement, c.side): c for c in card.claims}
    assert set(claims) == {
        ("Knife skills", "strength"),
        ("3+ years of cooking", "strength"),
        ("ServSafe Manager", "gap"),
    }
    assert claims[("Knife skills", "strength")].cv_line == "Developed recipes"
    assert card.contradictions == []


def test_the_same_requirement_as_strength_and_gap_is_a_contradiction() -> None:
    row = {"requirement": "A&P licence", "kind": "must", "category": "cred", "cv_line": "FAA A&P", "found": "A&P"}
    evidence = [row]
    card = audit.card_of(
        _assessment(
            ['A&P licence (required): "FAA A&P"'],
            ["A&P licence (required): nothing in the CV shows it"],
            evidence,
        )
    )
    assert card.contradictions == ["a&p licence"]


def test_the_ranking_set_is_complete_and_holds_labels_only() -> None:
    jobs = audit.load_jobs()
    assert len(jobs) >= 10
    for job in jobs:
        assert len(job.cvs) == 20 and len(set(job.cvs)) == 20, job.jd
        assert len(job.top5) == 5 and set(job.top5) <= set(job.cvs), job.jd
        assert set(job.grades) == set(job.cvs) and set(job.grades.values()) <= {0, 1, 2, 3}, job.jd
        assert all(job.grades[name] >= 2 for name in job.top5), job.jd
        assert len(job.text.split()) > 150, f"{job.jd}: the JD should read like a real posting"
    marks = json.loads(audit.MARKS.read_text(encoding="utf-8"))
    in_set = {(job.jd, name) for job in jobs for name in job.cvs}
    for row in marks["claims"]:
        assert (row["jd"], row["cv"]) in in_set
        assert row["side"] in ("strength", "gap") and isinstance(row["true"], bool)
        assert set(row) <= {"jd", "cv", "requirement", "side", "quote", "true", "note"}  # no CV text fields
        assert re.fullmatch(rf"[0-9a-f]{{{audit.QUOTE_HASH_CHARS}}}|", row.get("quote", "")), row
    assert {row["mark"] for row in marks["requirements"]} <= {"asked", "invented"}


def test_marks_round_trip(tmp_path: Path) -> None:
    marks = audit.Marks({("j", "a.pdf", "Excel", "gap", ""): False}, {("j", "Master"): "invented"}, {}, {})
    path = tmp_path / "marks.json"
    audit.save_marks(marks, path)
    again = audit.load_marks(path)
    assert again.claim("j", "a.pdf", "Excel", "gap") is False
    assert again.claim("j", "a.pdf", "Excel", "strength") is None
    assert again.requirement("j", "Master") == "invented"


def test_a_mark_applies_only_to_the_claim_quoting_the_same_cv_line(tmp_path: Path) -> None:
    quoted = "Advanced Excel: pivot tables and VLOOKUP"
    key = ("j", "a.pdf", "Excel", "strength", audit.quote_key(quoted))
    marks = audit.Marks({key: True}, {}, {key: "pivot tables"}, {})
    path = tmp_path / "marks.json"
    audit.save_marks(marks, path)
    stored = json.loads(path.read_text(encoding="utf-8"))["claims"][0]
    assert quoted.lower() not in json.dumps(stored).lower()  # a hash, never the CV line
    again = audit.load_marks(path)
    same = audit.Claim("Excel", "strength", "Excel: ...", cv_line="  advanced excel:  pivot tables and vlookup ")
    other = audit.Claim("Excel", "strength", "Excel: ...", cv_line="Excels at client relations")
    assert again.of("j", "a.pdf", same) is True  # case and spacing do not matter
    assert again.of("j", "a.pdf", other) is None  # a new quote is a new claim, to be marked again
    assert again.claim("j", "a.pdf", "Excel", "strength") is None  # nor does it fit a claim quoting nothing
