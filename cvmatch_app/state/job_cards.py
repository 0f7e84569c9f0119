"""What the job page and a share link display, built from the workspace view: result cards, table
rows, progress rows, the compare grid. Plain dataclasses and functions, shared by both states."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from cvmatch_app.engine.bands import VERDICTS
from cvmatch_app.services.results_export import ExportRow

VERDICT_LABELS = {
    "STRONG_MATCH": "Strong match",
    "GOOD_MATCH": "Good match",
    "MODERATE_MATCH": "Moderate match",
    "WEAK_MATCH": "Weak match",
    "NOT_SUITABLE": "Not suitable",
}
VERDICT_COLOURS = {
    "STRONG_MATCH": "green",
    "GOOD_MATCH": "teal",
    "MODERATE_MATCH": "amber",
    "WEAK_MATCH": "orange",
    "NOT_SUITABLE": "red",
}
FLAG_LABELS = {
    "hidden_text": "Hidden text removed",
    "injection_attempt": "AI instructions ignored",
    "keyword_stuffing": "Keyword stuffing",
    "scanned": "Scanned pages (no text layer)",
    "duplicate": "Duplicate of another CV",
    "zero_width_characters": "Invisible characters removed",
    "long_text_truncated": "Very long: only the first 100,000 characters scored",
    "engines_disagree": "Claude and the local engine disagree",
    "scored_by_local_fallback": "Scored by the local engine (Claude failed)",
    "score_capped_to_evidence": "Score capped to the CV's evidence",
}
STATE_COLOURS = {
    "pending": "gray",
    "reading": "cyan",
    "processing": "blue",
    "completed": "green",
    "failed": "red",
    "skipped": "amber",
}
STATUS_COLOURS = {"shortlist": "green", "hold": "amber", "reject": "red", "": "gray"}
SORT_KEYS = {"score": "Score", "name": "Name", "verdict": "Verdict"}
UNCOUNTED_CATEGORIES = ("years", "soft")
MAX_COMPARE = 4
MIN_COMPARE = 2
_NATURAL_RE = re.compile(r"(\d+)")


@dataclasses.dataclass
class Evidence:
    requirement: str
    wanted: str
    met: bool
    cv_line: str


@dataclasses.dataclass
class ResultCard:
    position: int
    filename: str
    score: int
    verdict: str
    verdict_label: str
    colour: str
    recommendation: str
    summary: str
    strengths: list[str]
    gaps: list[str]
    flags: list[str]
    evidence: list[Evidence]
    name: str = ""
    title: str = ""
    employer: str = ""
    headline: str = ""  # current title at employer
    location: str = ""
    must_met: str = ""  # "4 of 5"
    all_musts: bool = False
    top_gap: str = ""
    status: str = ""
    status_label: str = "Undecided"
    status_colour: str = "gray"
    stars: int = 0
    note: str = ""
    selected: bool = False


@dataclasses.dataclass
class TableRow:
    """What one row of the ranking table shows: a card without its texts (summary, strengths, gaps,
    evidence), so a re-ranking sends and renders a few hundred bytes per candidate, not the whole card."""

    position: int
    name: str
    headline: str
    filename: str
    score: int
    verdict_label: str
    colour: str
    must_met: str
    all_musts: bool
    top_gap: str
    status: str
    status_label: str
    status_colour: str
    stars: int
    selected: bool = False


def table_rows(cards: list[ResultCard], selected: set[int] | frozenset[int] = frozenset()) -> list[TableRow]:
    return [
        TableRow(
            position=card.position,
            name=card.name,
            headline=card.headline,
            filename=card.filename,
            score=card.score,
            verdict_label=card.verdict_label,
            colour=card.colour,
            must_met=card.must_met,
            all_musts=card.all_musts,
            top_gap=card.top_gap,
            status=card.status,
            status_label=card.status_label,
            status_colour=card.status_colour,
            stars=card.stars,
            selected=card.position in selected,
        )
        for card in cards
    ]


@dataclasses.dataclass
class RubricLine:
    """One requirement of the rubric as a reader of the report or the share link sees it."""

    text: str
    kind_label: str  # "Must-have" / "Nice-to-have"
    knockout: bool
    weight_label: str  # "Weight: High"


def rubric_lines(rubric: dict[str, Any] | None) -> list[RubricLine]:
    """Must-haves first (knockouts on top), then nice-to-haves, in the rubric's order otherwise."""
    items = [item for item in (rubric or {}).get("requirements") or [] if isinstance(item, dict)]
    lines = [
        RubricLine(
            text=str(item.get("text") or ""),
            kind_label="Must-have" if item.get("kind") == "must" else "Nice-to-have",
            knockout=bool(item.get("knockout")),
            weight_label="Weight: " + str(item.get("weight") or "normal").capitalize(),
        )
        for item in items
    ]
    return sorted(lines, key=lambda line: (line.kind_label != "Must-have", not line.knockout))


@dataclasses.dataclass
class ProgressRow:
    filename: str
    state: str
    label: str
    colour: str
    note: str


@dataclasses.dataclass
class VerdictCount:
    verdict: str
    label: str
    colour: str
    count: int


@dataclasses.dataclass
class CompareCell:
    met: bool
    cv_line: str


@dataclasses.dataclass
class CompareRow:
    requirement: str
    wanted: str
    cells: list[CompareCell]


@dataclasses.dataclass
class CvLine:
    text: str
    proves: str
    evidence: bool


def natural_key(text: str) -> list[Any]:
    """'cv-2' before 'cv-10', as people count."""
    return [int(part) if part.isdigit() else part.lower() for part in _NATURAL_RE.split(text)]


def headline(candidate: dict[str, str]) -> str:
    title, employer = candidate.get("title", ""), candidate.get("employer", "")
    return f"{title} at {employer}" if title and employer else title or employer


def make_card(row: dict[str, Any]) -> ResultCard:
    result, candidate, decision = row["result"], row.get("candidate") or {}, row.get("decision") or {}
    verdict = str(result.get("verdict") or "")
    evidence = [
        Evidence(
            requirement=str(item.get("requirement") or ""),
            wanted="required" if item.get("kind") == "must" else "preferred",
            met=bool(item.get("met")),
            cv_line=str(item.get("cv_line") or ""),
        )
        for item in result.get("evidence") or []
        if isinstance(item, dict)
    ]
    # Counted as the summary counts them ("Meets 4 of 5 must-haves"): years and conditions are not.
    counted = [
        item
        for item, raw in zip(evidence, [r for r in result.get("evidence") or [] if isinstance(r, dict)], strict=True)
        if item.wanted == "required" and raw.get("category") not in UNCOUNTED_CATEGORIES
    ]
    musts = [item for item in evidence if item.wanted == "required"]
    unmet = [item.requirement for item in musts if not item.met] + [
        item.requirement for item in evidence if item.wanted == "preferred" and not item.met
    ]
    gaps = [str(item) for item in result.get("gaps") or []]
    status = str(decision.get("status") or "")
    return ResultCard(
        position=row["position"],
        filename=str(candidate.get("filename") or result.get("cv_filename") or row["filename"]),
        score=int(result.get("match_score") or 0),
        verdict=verdict,
        verdict_label=VERDICT_LABELS.get(verdict, verdict.replace("_", " ").capitalize()),
        colour=VERDICT_COLOURS.get(verdict, "gray"),
        recommendation=str(result.get("recommendation") or ""),
        summary=str(result.get("executive_summary") or ""),
        strengths=[str(item) for item in result.get("strengths") or []],
        gaps=gaps,
        flags=[FLAG_LABELS.get(flag, flag.replace("_", " ").capitalize()) for flag in result.get("flags") or []],
        evidence=evidence,
        name=str(candidate.get("name") or row["filename"]),
        title=str(candidate.get("title") or ""),
        employer=str(candidate.get("employer") or ""),
        headline=headline(candidate),
        location=str(candidate.get("location") or ""),
        must_met=f"{sum(item.met for item in counted)} of {len(counted)}" if counted else "none asked",
        all_musts=all(item.met for item in counted),
        top_gap=unmet[0] if unmet else (gaps[0] if gaps else ""),
        status=status,
        status_label=str(decision.get("status_label") or "Undecided"),
        status_colour=STATUS_COLOURS.get(status, "gray"),
        stars=int(decision.get("stars") or 0),
        note=str(decision.get("note") or ""),
    )


def progress_rows(view: dict[str, Any]) -> list[ProgressRow]:
    rows = [
        ProgressRow(
            filename=row["filename"],
            state=row["state"],
            label=row["state_label"],
            colour=STATE_COLOURS.get(row["state"], "gray"),
            note=row["note"],
        )
        for row in view["rows"]
    ]
    return sorted(rows, key=lambda row: natural_key(row.filename))


def cards_of(view: dict[str, Any]) -> list[ResultCard]:
    return [make_card(row) for row in view["rows"] if row["result"]]


def filter_and_sort(
    cards: list[ResultCard], *, verdict: str, status: str, query: str, sort_key: str, descending: bool
) -> list[ResultCard]:
    words = query.lower().split()

    def matches(card: ResultCard) -> bool:
        haystack = " ".join([card.name, card.headline, card.location, card.filename, card.note, card.top_gap]).lower()
        return all(word in haystack for word in words)

    shown = [
        card
        for card in cards
        if (verdict == "all" or card.verdict == verdict)
        and (status == "all" or card.status == ("" if status == "undecided" else status))
        and matches(card)
    ]
    if sort_key == "name":
        shown.sort(key=lambda c: (natural_key(c.name), c.position), reverse=descending)
    elif sort_key == "verdict":
        rank = {key: len(VERDICTS) - i for i, key in enumerate(VERDICTS)}
        shown.sort(key=lambda c: (rank.get(c.verdict, 0), c.score), reverse=descending)
    else:
        shown.sort(key=lambda c: (c.score, -c.position), reverse=descending)
    return shown


def verdict_counts(cards: list[ResultCard]) -> list[VerdictCount]:
    return [
        VerdictCount(verdict=key, label=label, colour=VERDICT_COLOURS[key], count=sum(c.verdict == key for c in cards))
        for key, label in VERDICT_LABELS.items()
    ]


def compare_grid(cards: list[ResultCard], requirements: list[dict[str, str]]) -> list[CompareRow]:
    """Each requirement of the job against each chosen candidate, with the CV line that shows it."""
    grid = []
    for requirement in requirements:
        cells = []
        for card in cards:
            found = next((item for item in card.evidence if item.requirement == requirement["requirement"]), None)
            cells.append(CompareCell(met=bool(found and found.met), cv_line=found.cv_line if found else ""))
        grid.append(CompareRow(requirement=requirement["requirement"], wanted=requirement["wanted"], cells=cells))
    return grid


def export_rows(cards: list[ResultCard], progress: list[ProgressRow]) -> list[ExportRow]:
    rows = [
        ExportRow(
            candidate=card.name,
            title=card.title,
            employer=card.employer,
            location=card.location,
            filename=card.filename,
            score=card.score,
            verdict=card.verdict,
            recommendation=card.recommendation,
            must_haves=card.must_met,
            top_gap=card.top_gap,
            status=card.status_label if card.status else "",
            stars=card.stars,
            note=card.note,
            summary=card.summary,
            strengths=tuple(card.strengths),
            gaps=tuple(card.gaps),
            flags=tuple(card.flags),
        )
        for card in cards
    ]
    for row in progress:
        if row.state in ("skipped", "failed"):
            rows.append(
                ExportRow(
                    candidate="",
                    title="",
                    employer="",
                    location="",
                    filename=row.filename,
                    status=row.label,
                    skipped_reason=row.note,
                )  # fmt: skip
            )
    return rows
