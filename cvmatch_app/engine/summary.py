"""Recruiter-facing words: strengths and gaps that name their evidence, and a short summary."""

from __future__ import annotations

import re
from typing import Any

from .cv_profile import CVProfile, Role
from .evidence import MET, Finding, reads_as_title, relevant_years
from .experience import describe_years, merged_years
from .job_profile import MUST, JobProfile, Requirement
from .scoring import ScoreBreakdown
from .work_history import is_date_words

MAX_ITEMS = 6


def _quote(line: str, limit: int = 110) -> str:
    line = line.strip()
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def _strength(f: Finding) -> str:
    req = f.requirement
    if req.category == "years":
        where = f"; {_quote(f.cv_line, 140)}" if f.cv_line else ""
        asked = "required" if req.kind == MUST else "preferred"
        return f"{f.found} {years_subject(req)} ({req.years:g}+ {asked}){where}"
    asked = "required" if req.kind == MUST else "preferred"
    shown = f.found if f.found and f.found.lower() != req.label.lower() else ""
    head = f"{req.label} ({asked}{', shown as ' + shown if shown else ''})"
    return f'{head}: "{_quote(f.cv_line)}"' if f.cv_line else head


_YEARS_LABEL_RE = re.compile(r"^\d+(?:\.\d+)?\+ years (?=(?:of|as) )")


def years_subject(req: Requirement) -> str:
    """What a years ask is in ("of mortgage loan processing", "as sous chef"): the card says the years
    found in that work, not in "relevant experience"."""
    rest = _YEARS_LABEL_RE.sub("", req.label)
    return rest if rest != req.label else "of relevant experience"


def _gap(f: Finding) -> str:
    req = f.requirement
    if req.category == "years":
        asked = "required" if req.kind == MUST else "preferred"
        subject = years_subject(req)
        if f.related:
            where = _quote(f.cv_line, 120)
            return f"{req.years:g}+ years {subject} {asked}: {f.found} found, in related work, not the job ({where})"
        if f.roles:
            return f"{req.years:g}+ years {subject} {asked}: {f.found} found ({_quote(f.cv_line, 120)})"
        return f"{req.label} {asked}: no dated role in the CV shows this experience"
    asked = "required" if req.kind == MUST else "preferred"
    if f.met > 0 and f.found.endswith("(related)"):
        return f'{req.label} ({asked}): not named; related: {f.found[:-10]} in "{_quote(f.cv_line)}"'
    if f.met > 0:
        return f'{req.label} ({asked}): only partly shown: "{_quote(f.cv_line)}"'
    return f"{req.label} ({asked}): nothing in the CV shows it"


def is_strength(f: Finding) -> bool:
    """Whether the card states a finding as a strength: met, and for years all the years asked, not
    mostly in related work (2.5 years of the 3 asked scores most of the part, but the card calls it what
    it is: short; a yoga instructor's years for a personal trainer are related work)."""
    if f.requirement.category == "years":
        return f.met >= 1.0 and not f.related
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
_SUMMARY_MUST_WEIGHT = 0.3  # job conditions and minor asks (a diploma) are not counted as must-haves
_MIN_YEARS = 0.25  # less dated work than this is not stated as years in the job
_RELATED_TITLES = 3  # role titles named for years of related work
_SHORT_FOUND = 40  # what a fact was "shown as" is quoted when shorter than this
_TITLE_SPLIT_RE = re.compile(r"\s*(?:,|\s[-–—]\s|\()\s*")  # "Account Executive, Mid-Market (New Business)"
_WORDS_RE = re.compile(r"[a-z0-9]+")


def _most_recent_title(cv: CVProfile) -> str:
    """The CV's own most recent job title: the newest dated role's when it reads as a title (numbers
    in it, '6 - 8 Language Arts Teacher' or 'Year 4 Class Teacher', are allowed); with no dated role,
    the headline under the name ("Director of Business Development"), never a sentence from a bullet.
    When the newest role shows no title, none is named (an older role's title would be false)."""
    title = cv.most_recent_title.split(" · ")[0].strip(" ,;:-")
    if reads_as_title(_NUMBERS_RE.sub("", title).lstrip(" -–/&,")):
        return _quote(title, 70)
    if cv.roles:
        return ""
    for index, line in enumerate(cv.lines[:3]):
        if index != cv.name_line and cv.sections[index] == "top" and reads_as_title(line):
            return _quote(line, 70)
    return ""


def _names(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _job_titles(job_title: str) -> list[str]:
    """The job's own title without its qualifiers, each alternative apart: "Construction
    Superintendent / Site Manager - Commercial Projects" -> Construction Superintendent, Site Manager."""
    core = _TITLE_SPLIT_RE.split(job_title.strip(), maxsplit=1)[0]
    return [t.strip() for t in core.split("/") if t.strip()] or [job_title]


def _held_job_title(role: Role, titles: list[str]) -> bool:
    """Whether a role's title is the job's title ("Senior Sous Chef" is a Sous Chef, "Head Chef" is not)."""
    held = " " + " ".join(_WORDS_RE.findall(role.title.lower())) + " "
    wanted = [" ".join(_WORDS_RE.findall(t.lower())) for t in titles]
    return any(f" {w} " in held for w in wanted if w)


def _present_note(cv: CVProfile, roles: list[Role]) -> str:
    """What "Present" was read as, when an open role is counted."""
    if not any(r.ongoing for r in roles):
        return ""
    if cv.dated_as_of:
        # "2012 - Current" on a CV written in 2016 is counted to 2016: say so.
        return f', "Present" read as the CV\'s own date (about {int(cv.dated_as_of)})'
    if cv.present_unconfirmed_since:
        # No date on the CV confirms the open role still runs: the count rests on "Present".
        return f', "Present" (since {int(cv.present_unconfirmed_since)}) counted to today'
    return ""


def _related_work(roles: list[Role], years: float, job_titles: list[str]) -> str:
    """Years in roles counted for the job that did not all hold its title, named by their own titles:
    "as Head Chef and Sous Chef" when a few titles cover them, else "in related roles (...)"."""
    titles: list[str] = []
    for role in sorted(roles, key=lambda r: -r.years):
        title = _quote(role.title, 50)
        if role.title and not is_date_words(role.title) and title not in titles:
            titles.append(title)
    all_titled = all(r.title and not is_date_words(r.title) for r in roles)
    if titles and all_titled and len(titles) <= _RELATED_TITLES:
        first = f"{describe_years(years)} of dated work as {_names(titles)}"
    else:
        more = "; …" if len(titles) > _RELATED_TITLES else ""
        named = f" ({'; '.join(titles[:_RELATED_TITLES])}{more})" if titles else ""
        first = f"{describe_years(years)} of dated work in related roles{named}"
    held = merged_years([(r.start, r.end) for r in roles if _held_job_title(r, job_titles)])
    if held >= _MIN_YEARS:
        first += f", {describe_years(held)} of it as {' / '.join(job_titles)}"
    return first


def _years_sentence(job: JobProfile, cv: CVProfile, breakdown: ScoreBreakdown, must: list[Finding]) -> str:
    """Real years: as the job's title only when the roles counted held it, else related work by its
    titles; all dated work when none of it is the job's."""
    own = [f for f in must if f.requirement.category == "title"]
    holds_job = not own or max(f.met for f in own) >= MET
    _, roles = relevant_years(cv, job, job.title_concepts)
    years = merged_years([(r.start, r.end) for r in roles])
    if holds_job and roles and years >= _MIN_YEARS:
        titles = _job_titles(job.title)
        if all(_held_job_title(r, titles) for r in roles):
            return f"{describe_years(years)} of dated work as {' / '.join(titles)}" + _present_note(cv, roles)
        return _related_work(roles, years, titles) + _present_note(cv, roles)
    if holds_job and not cv.roles and breakdown.relevant_years >= _MIN_YEARS:
        return f"No dated work history could be read; the CV states {describe_years(cv.claimed_years)} of experience"
    if cv.total_years >= 1 or (cv.roles and cv.total_years > 0):
        first = f"{describe_years(cv.total_years)} of dated work, none of it clearly as {job.title}"
        return first + _present_note(cv, cv.roles)
    return "No dated work history could be read"


def _fact(f: Finding) -> str:
    found = f.found
    shown = found and found.lower() != f.requirement.label.lower() and len(found) < _SHORT_FOUND
    return f.requirement.label + (f" ({found})" if shown else "")


def _fact_order(f: Finding) -> tuple[bool, bool, float]:
    return (not f.requirement.defining, f.requirement.kind != MUST, -f.requirement.weight)


def _counted_musts(breakdown: ScoreBreakdown) -> list[Finding]:
    """The must-haves the summary counts: not years (their own sentence), soft skills or minor asks."""
    return [
        f
        for f in breakdown.findings
        if f.requirement.kind == MUST
        and f.requirement.category not in ("years", "soft")
        and f.requirement.weight >= _SUMMARY_MUST_WEIGHT
    ]


def _facts_sentence(breakdown: ScoreBreakdown, must: list[Finding]) -> str:
    """The must-have count and the two strongest facts; the facts named beside the count are counted
    ones, anything else the CV shows is named apart ("also shows")."""
    met_must = sorted((f for f in must if f.met >= MET), key=_fact_order)
    strong = sorted(
        (f for f in breakdown.findings if f.met >= MET and f.requirement.category not in ("soft", "years")),
        key=_fact_order,
    )
    if not must:
        if strong:
            return f"The CV shows {_names([f.requirement.label for f in strong[:2]])} from the job's description."
        return "The CV shows little of what the job description asks for."
    if not met_must:
        lead = f"Meets none of the {len(must)} must-haves"
    elif len(met_must) <= 2:
        lead = f"Meets {len(met_must)} of {len(must)} must-haves: {_names([_fact(f) for f in met_must])}"
    else:
        lead = f"Meets {len(met_must)} of {len(must)} must-haves, strongest {_names([_fact(f) for f in met_must[:2]])}"
    others = [f for f in strong if f not in met_must][: max(0, 2 - len(met_must))]
    if others:
        lead += f"; also shows {_names([_fact(f) for f in others])}"
    return lead + "."


def _gap_sentence(breakdown: ScoreBreakdown) -> str:
    """The must-have gap that matters most; else why the CV is apart, or what preferred asks it misses."""
    gaps = sorted(
        (
            f
            for f in breakdown.findings
            if not is_strength(f) and f.requirement.kind == MUST and f.requirement.category != "soft"
        ),
        key=_fact_order,
    )
    if gaps:
        main = gaps[0]
        if main.requirement.category == "years":
            shown = f"{main.found} of related work" if main.related else main.found
            return f"Main gap: {main.requirement.label} asked, {shown} shown."
        if main.met > 0:
            return f"Main gap: {main.requirement.label} is only partly shown."
        return f"Main gap: nothing in the CV shows {main.requirement.label}."
    if "different occupation" in breakdown.caps:
        return "The CV is from a different line of work."
    nice_gaps = [f.requirement.label for f in breakdown.findings if f.met < MET and f.requirement.category != "soft"]
    if nice_gaps:
        return f"No must-have is missing; not shown: {_names(nice_gaps[:2])} (preferred)."
    return ""


def executive_summary(job: JobProfile, cv: CVProfile, breakdown: ScoreBreakdown) -> str:
    """Plain sentences: who the candidate is now, real years, the two strongest facts, the gap that matters."""
    must = _counted_musts(breakdown)
    title = _most_recent_title(cv)
    first = (f"Most recently {title}. " if title else "") + _years_sentence(job, cv, breakdown, must) + "."
    sentences = [first, _facts_sentence(breakdown, must), _gap_sentence(breakdown)]
    return " ".join(s for s in sentences if s)
