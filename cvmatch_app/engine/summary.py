"""Recruiter-facing words: strengths and gaps that name their evidence, and a short summary."""

from __future__ import annotations

import re
from typing import Any

from .cv_profile import CVProfile
from .evidence import MET, Finding, reads_as_title
from .experience import describe_years
from .job_profile import MUST, JobProfile
from .scoring import ScoreBreakdown

MAX_ITEMS = 6


def _quote(line: str, limit: int = 110) -> str:
    line = line.strip()
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def _strength(f: Finding) -> str:
    req = f.requirement
    if req.category == "years":
        where = f"; {_quote(f.cv_line, 140)}" if f.cv_line else ""
        asked = "required" if req.kind == MUST else "preferred"
        return f"{f.found} of relevant experience ({req.years:g}+ {asked}){where}"
    asked = "required" if req.kind == MUST else "preferred"
    shown = f.found if f.found and f.found.lower() != req.label.lower() else ""
    head = f"{req.label} ({asked}{', shown as ' + shown if shown else ''})"
    return f'{head}: "{_quote(f.cv_line)}"' if f.cv_line else head


def _gap(f: Finding) -> str:
    req = f.requirement
    if req.category == "years":
        asked = "required" if req.kind == MUST else "preferred"
        if f.roles:
            subject = req.label.split(" of ", 1)[-1]
            return f"{req.years:g}+ years of {subject} {asked}: {f.found} found ({_quote(f.cv_line, 120)})"
        return f"{req.label} {asked}: no dated role in the CV shows this experience"
    asked = "required" if req.kind == MUST else "preferred"
    if f.met > 0 and f.found.endswith("(related)"):
        return f'{req.label} ({asked}): not named; related: {f.found[:-10]} in "{_quote(f.cv_line)}"'
    if f.met > 0:
        return f'{req.label} ({asked}): only partly shown: "{_quote(f.cv_line)}"'
    return f"{req.label} ({asked}): nothing in the CV shows it"


def is_strength(f: Finding) -> bool:
    """Whether the card states a finding as a strength: met, and for years all the years asked
    (2.5 years of the 3 asked scores most of the part, but the card calls it what it is: short)."""
    if f.requirement.category == "years":
        return f.met >= 1.0
    return f.met >= MET


def strengths_and_gaps(breakdown: ScoreBreakdown) -> tuple[list[str], list[str]]:
    def order(f: Finding) -> tuple[bool, bool, float]:
        req = f.requirement
        return (req.kind != MUST, req.duty, -req.weight)

    met = sorted((f for f in breakdown.findings if is_strength(f)), key=order)
    missing = sorted((f for f in breakdown.findings if not is_strength(f)), key=order)
    # Soft skills prove little either way; they appear only if nothing better does.
    met = [f for f in met if f.requirement.category != "soft"] or met
    missing = [f for f in missing if f.requirement.category != "soft"]
    return [_strength(f) for f in met[:MAX_ITEMS]], [_gap(f) for f in missing[:MAX_ITEMS]]


def evidence_rows(breakdown: ScoreBreakdown) -> list[dict[str, Any]]:
    rows = []
    for f in breakdown.findings:
        req = f.requirement
        rows.append(
            {
                "requirement": req.label,
                "kind": req.kind,
                "category": req.category,
                "met": is_strength(f),
                "strength": f.met,
                "cv_line": f.cv_line,
                "found": f.found,
                "jd_line": req.source,
            }
        )
    return rows


_NUMBERS_RE = re.compile(r"\d+")


def _most_recent_title(cv: CVProfile) -> str:
    """The CV's own most recent job title: the newest dated role's when it reads as a title (numbers
    in it, '6 - 8 Language Arts Teacher' or 'Year 4 Class Teacher', are allowed), else the headline under the name
    ("Director of Business Development"), never a sentence from a bullet."""
    title = cv.most_recent_title.split(" · ")[0].strip(" ,;:-")
    if reads_as_title(_NUMBERS_RE.sub("", title).lstrip(" -–/&,")):
        return _quote(title, 70)
    for index, line in enumerate(cv.lines[:3]):
        if index != cv.name_line and cv.sections[index] == "top" and reads_as_title(line):
            return _quote(line, 70)
    return ""


def _names(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def executive_summary(job: JobProfile, cv: CVProfile, breakdown: ScoreBreakdown) -> str:
    """Plain sentences: who the candidate is now, real years, the two strongest facts, the gap that matters."""
    # Job conditions and minor asks (a diploma) are not counted as must-haves in the summary.
    must = [
        f
        for f in breakdown.findings
        if f.requirement.kind == MUST
        and f.requirement.category not in ("years", "soft")
        and f.requirement.weight >= 0.3
    ]
    met_must = [f for f in must if f.met >= MET]
    sentences: list[str] = []

    title = _most_recent_title(cv)
    years = breakdown.relevant_years
    own = [f for f in must if f.requirement.category == "title"]
    holds_job = not own or max(f.met for f in own) >= MET
    if years >= 0.25 and holds_job:
        first = f"{describe_years(years)} of dated work as {job.title}"
    elif cv.total_years >= 1 or (cv.roles and cv.total_years > 0):
        first = f"{describe_years(cv.total_years)} of dated work, none of it clearly as {job.title}"
    else:
        first = "No dated work history could be read"
    if cv.dated_as_of and cv.roles:
        # "2012 - Current" on a CV written in 2016 is counted to 2016: say so.
        first += f', "Present" read as the CV\'s own date (about {int(cv.dated_as_of)})'
    sentences.append((f"Most recently {title}. " if title else "") + first + ".")

    def order(f: Finding) -> tuple[bool, bool, float]:
        return (not f.requirement.defining, f.requirement.kind != MUST, -f.requirement.weight)

    strong = sorted(
        (f for f in breakdown.findings if f.met >= MET and f.requirement.category not in ("soft", "years")), key=order
    )
    if must:
        lead = f"Meets {len(met_must)} of {len(must)} must-haves"
        if strong:
            facts = [
                f.requirement.label
                + (
                    f" ({f.found})"
                    if f.found and f.found.lower() != f.requirement.label.lower() and len(f.found) < 40
                    else ""
                )
                for f in strong[:2]
            ]
            lead += f"; strongest: {_names(facts)}"
        sentences.append(lead + ".")
    elif strong:
        sentences.append(
            f"The CV shows {_names([f.requirement.label for f in strong[:2]])} from the job's description."
        )
    else:
        sentences.append("The CV shows little of what the job description asks for.")

    gaps = sorted(
        (
            f
            for f in breakdown.findings
            if not is_strength(f) and f.requirement.kind == MUST and f.requirement.category != "soft"
        ),
        key=order,
    )
    if gaps:
        main = gaps[0]
        if main.requirement.category == "years":
            sentences.append(f"Main gap: {main.requirement.label} asked, {main.found} shown.")
        elif main.met > 0:
            sentences.append(f"Main gap: {main.requirement.label} is only partly shown.")
        else:
            sentences.append(f"Main gap: nothing in the CV shows {main.requirement.label}.")
    elif "different occupation" in breakdown.caps:
        sentences.append("The CV is from a different line of work.")
    else:
        nice_gaps = [
            f.requirement.label for f in breakdown.findings if f.met < MET and f.requirement.category != "soft"
        ]
        if nice_gaps:
            sentences.append(f"No must-have is missing; not shown: {_names(nice_gaps[:2])} (preferred).")
    return " ".join(sentences)
