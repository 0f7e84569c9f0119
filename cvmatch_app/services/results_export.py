"""The ranking as a CSV a recruiter opens in Excel: UTF-8 with a BOM, the job's title and date on
every row, who each candidate is, the decisions and notes, and the files that were skipped and why.

Blind review is applied before rows get here (the view the export is made from is already blind).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import datetime

BOM = "\ufeff"  # Excel reads UTF-8 (accents, non-Latin names) only with it
FILENAME_CHARS = 48
COLUMNS = [
    "rank", "candidate", "current_title", "employer", "location", "cv_filename", "match_score", "verdict",
    "recommendation", "must_haves_met", "top_gap", "status", "stars", "notes", "executive_summary",
    "strengths", "gaps", "flags", "skipped_reason", "job_title", "job_date",
]  # fmt: skip
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class ExportRow:
    """One candidate as the page shows it, or one file that was not scored (``skipped_reason``)."""

    candidate: str
    title: str
    employer: str
    location: str
    filename: str
    score: int | None = None
    verdict: str = ""
    recommendation: str = ""
    must_haves: str = ""
    top_gap: str = ""
    status: str = ""
    stars: int = 0
    note: str = ""
    summary: str = ""
    strengths: tuple[str, ...] = ()
    gaps: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    skipped_reason: str = ""


def csv_text(value: str) -> str:
    """A CV's own words must not run as a spreadsheet formula when the recruiter opens the export."""
    return "'" + value if value[:1] in FORMULA_STARTS else value


def results_csv(rows: list[ExportRow], *, job_title: str, job_date: datetime) -> str:
    """Scored candidates in the order given (ranked), then the skipped and failed files."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    date = job_date.strftime("%Y-%m-%d %H:%M %Z").strip()
    rank = 0
    for row in rows:
        if row.score is not None:
            rank += 1
        texts = [
            row.candidate, row.title, row.employer, row.location, row.filename,
        ]  # fmt: skip
        after = [
            row.verdict, row.recommendation, row.must_haves, row.top_gap, row.status,
        ]  # fmt: skip
        notes = [
            row.note, row.summary, " | ".join(row.strengths), " | ".join(row.gaps), " | ".join(row.flags),
            row.skipped_reason, job_title,
        ]  # fmt: skip
        writer.writerow(
            [
                rank if row.score is not None else "",
                *[csv_text(text) for text in texts],
                "" if row.score is None else row.score,
                *[csv_text(text) for text in after],
                row.stars or "",
                *[csv_text(text) for text in notes],
                date,
            ]
        )
    return BOM + buffer.getvalue()


def export_filename(job_title: str, job_date: datetime) -> str:
    """cvmatch-<title cut at a word boundary>-<date>.csv"""
    words = re.findall(r"[a-z0-9]+", job_title.lower())
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > FILENAME_CHARS:
            break
        slug = candidate
    slug = slug or (words[0][:FILENAME_CHARS] if words else "job")
    return f"cvmatch-{slug}-{job_date.strftime('%Y-%m-%d')}.csv"
