"""Occupations the hand lexicon does not know, read from ESCO's job titles (a fallback only).

The lexicon names about 90 occupations by hand, with their neighbours. For a job whose title it does
not know ("Mortgage Loan Processor", "Activities Coordinator", "Sommelier"), this module reads the
title in ESCO's ~29,000 English occupation titles (`data/esco_titles.txt.gz`, built by
scripts/build_esco_titles.py; "This product uses the ESCO classification of the European
Commission.") and gives its ISCO-08 unit groups. CV role titles are read the same way, and two
occupations are as close as their groups:

- the same ESCO occupation (a loan processor is ESCO's "loan officer"): the job's own title;
- the same 4-digit unit group: a neighbouring occupation (an activities coordinator, ESCO's "activity
  leader", and a personal trainer, both 3423);
- the same 3-digit minor group: a wider family (3311 mortgage broker beside 3312);
- the same 2-digit sub-major group: the same broad line of work, but other work;
- another 1-digit major group: far apart (2221 nurse and 3221 nursing associate are different
  occupations, the second a lower one: ISCO's skill level falls from 4 to 3).

Nothing here runs for a job whose title the lexicon knows: the hooks (job_profile.build_job_profile,
evidence.assess_requirement, evidence.relevant_years, scoring._parts) call in only when the job has
no lexicon title concept and ESCO recognises its title.
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from .embedding import get_model
from .experience import merged_years
from .lexicon import ISCO_OF_TITLE, TITLE, get_lexicon
from .semantic import role_closeness
from .tokens import tokenize
from .work_history import Role

if TYPE_CHECKING:
    from .cv_profile import CVProfile

_INDEX_FILE = Path(__file__).with_name("data") / "esco_titles.txt.gz"
_MAX_WORDS = 6

# How close two occupations are: the same ESCO occupation, else the longest ISCO-08 code prefix they share.
SAME_OCCUPATION = 1.0
SAME_UNIT_GROUP = 0.8
SAME_MINOR_GROUP = 0.6
SAME_SUB_MAJOR_GROUP = 0.35
SAME_MAJOR_GROUP = 0.15
FAR_APART = 0.0
_BY_SHARED_DIGITS = {4: SAME_UNIT_GROUP, 3: SAME_MINOR_GROUP, 2: SAME_SUB_MAJOR_GROUP, 1: SAME_MAJOR_GROUP}

# Evidence strengths for the job's own title (the scale of evidence.py: 0.7 and above is a strength).
HELD = 1.0  # a role titled as the job's ESCO occupation
HEADLINE = 0.8  # the headline names it, the dated roles do not
SIMILAR = 0.8  # a title ESCO does not place that the embedding reads as the job's own
NEIGHBOUR = 0.65  # a role in the same unit group, another occupation: related, not the job
FAMILY = 0.4  # a role in the same minor group at the job's skill level or above
# A related role (same unit or minor group, at the job's skill level or above) whose own lines describe the
# job's work: the JD's duties done under another title of the family ("Mortgage Consultant" for a loan
# processor, "Case Manager" for a care coordinator). A recruiter interviews it and counts its years.
RELATED_WITH_DUTIES = 0.65
# Mean closeness of the JD's sentences to the role's best line (as semantic.coverage): roles that hold the
# job's title describe it at 0.25-0.45; a related title whose lines are other work stays below 0.2.
DUTY_COVERAGE = 0.25
# A title ESCO does not place but the embedding reads near the job's (``_YEARS_CLOSENESS``) is the job's
# when its lines describe the JD's work at least this well (a title alone, at 0.74, needs no duties).
UNPLACED_DUTY_COVERAGE = 0.2
# Another occupation of the job's unit group is a neighbour doing related work only when its own lines
# describe some of the JD's work: its title is closer than a related one's (DUTY_COVERAGE) or an unplaced
# one's (UNPLACED_DUTY_COVERAGE), so less need show (a personal trainer leading classes for an activities
# coordinator, about 0.3). A title of the group whose lines are other work (a gym-floor consultant
# watching for safety infractions, near 0) is the group's name only: family, not neighbour.
NEIGHBOUR_DUTY_COVERAGE = 0.15
NEIGHBOUR_YEARS = 0.5  # a year in a neighbouring occupation counts as half a year (as evidence.py)
_SIMILAR_TITLE = 0.74  # raw cosine of static title vectors (as evidence._SIMILAR_TITLE)
_YEARS_CLOSENESS = 0.5  # an unplaced role this close to the job's title counts as years in it
# Once ESCO places the CV's own titles elsewhere, the embedding's reading of them counts for this much.
EMBEDDING_SHARE_WHEN_PLACED = 0.5
_RECENT_ROLES = 6
_HEADLINE_LINES = 3
_HEADLINE_WORDS = 8

# ISCO-08's skill level by major group (as lexicon._SKILL_LEVEL_OF_MAJOR).
_SKILL_LEVEL = {"1": 4, "2": 4, "3": 3, "4": 2, "5": 2, "6": 2, "7": 2, "8": 2, "9": 1, "0": 2}


@dataclass(frozen=True)
class _Index:
    titles: dict[str, frozenset[int]]  # tokenised title -> ESCO occupations (line numbers)
    codes: list[str]  # ESCO occupation -> its ISCO-08 unit group


@lru_cache(maxsize=1)
def _index() -> _Index:
    """The ESCO titles. Empty when the data file is missing (the engine then runs without them)."""
    titles: dict[str, tuple[int, ...]] = {}
    codes: list[str] = []
    if _INDEX_FILE.exists():
        with gzip.open(_INDEX_FILE, "rt", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("#") or "\t" not in line:
                    continue
                code, names = line.rstrip("\n").split("\t", 1)
                for title in names.split(";"):
                    titles[title] = (*titles.get(title, ()), len(codes))
                codes.append(code)
    shared: dict[tuple[int, ...], frozenset[int]] = {}  # most titles name one occupation: one set object each
    return _Index({title: shared.setdefault(ids, frozenset(ids)) for title, ids in titles.items()}, codes)


@dataclass(frozen=True)
class Occupation:
    codes: frozenset[str]  # ISCO-08 unit groups
    ids: frozenset[int]  # ESCO occupations
    title: str = ""  # the words ESCO names (tokenised)
    by_esco: bool = True  # False: the hand lexicon's reading of a CV title (its [isco] groups)


def occupation_of(text: str) -> Occupation | None:
    """The occupation a job title names: its longest run of words that is an ESCO title ("Mortgage Loan
    Processor" -> "loan processor", ESCO's loan officer, 3312). Several titles of the same length pool
    their occupations ("Sous Chef/Line Cook"). None when no ESCO title is in the text."""
    return _occupation_in(text, frozenset())


@lru_cache(maxsize=8192)
def _occupation_in(text: str, blocked: frozenset[int]) -> Occupation | None:
    """As occupation_of, with the word positions in ``blocked`` left out (titles the lexicon read)."""
    index = _index()
    words = tokenize(text)
    for size in range(min(_MAX_WORDS, len(words)), 0, -1):
        starts = [i for i in range(len(words) - size + 1) if not blocked & set(range(i, i + size))]
        found = [" ".join(words[i : i + size]) for i in starts]
        hits = [key for key in found if key in index.titles]
        if not hits and size > 1:
            # "Safety Coordinator" is written "safety officer" in ESCO: the post word varies, the work not.
            hits = [variant for key in found for variant in _post_word_variants(key) if variant in index.titles]
        if hits and size == 1:
            # One word of a longer title names the occupation only when the rest says how senior or how
            # certified ("Licensed Locksmith", "Sommelier II"): a "Patient Advocate" is no lawyer (ESCO's
            # "advocate"), a "Grant Writer" no author.
            rest = [w for i, w in enumerate(words) if i not in blocked and w not in hits]
            if any(w.isalpha() and w not in _QUALIFIERS for w in rest):
                hits = []
        if hits:
            ids = frozenset(i for key in hits for i in index.titles[key])
            return Occupation(frozenset(index.codes[i] for i in ids), ids, hits[0])
    return None


# Words beside a title that say how senior, certified or employed the holder is, not what the work is.
_QUALIFIERS = frozenset(
    tokenize(
        "senior sr junior jr lead head chief principal master journeyman apprentice trainee licensed certified "
        "registered qualified experienced staff general relief temporary seasonal part full time night day shift "
        "i ii iii iv v level grade class"
    )
)

# Post words that employers use interchangeably at one level: "safety coordinator" and "safety officer",
# "activities associate" and "activities coordinator", "recreation supervisor" and "recreation manager".
_POST_WORDS = (
    ("coordinator", "officer", "specialist", "administrator", "associate", "advisor", "consultant", "agent",
     "professional"),
    ("manager", "director", "supervisor", "head"),
    ("technician", "operator", "worker", "operative"),
)  # fmt: skip


def _post_word_variants(key: str) -> list[str]:
    head, _, last = key.rpartition(" ")
    for group in _POST_WORDS:
        if last in group:
            return [f"{head} {word}" for word in group if word != last]
    return []


def codes_of(text: str) -> list[str]:
    """ISCO-08 unit groups of the occupation a job title names (empty when ESCO names none)."""
    found = occupation_of(text)
    return sorted(found.codes) if found else []


_TITLE_LINE_WORDS = 6


def title_below(lines: list[str], title: str) -> tuple[str, list[str]]:
    """When the JD's first line names no occupation (an employer: "City of Springfield"), the next short
    line that is an ESCO title ("Building Inspector") is the job's title. (title, codes); else unchanged.
    A line the lexicon names a title in ("Dental Assistant") is left to the lexicon."""
    lexicon = get_lexicon()
    for line in lines:
        words = line.split()
        if 0 < len(words) <= _TITLE_LINE_WORDS and not line.rstrip().endswith((".", ":")):
            if any(lexicon.concept(h.concept).category == TITLE for h in lexicon.find(line)):
                break
            codes = codes_of(line)
            if codes:
                return line.strip(" #*-"), codes
    return title, []


@lru_cache(maxsize=8192)
def title_reading(text: str) -> Occupation | None:
    """A CV title's occupation. Titles the hand lexicon knows keep its reading (their [isco] groups:
    "Major Accounts Manager" is sales, whatever ESCO files "account manager" under) unless ESCO names a
    longer title in them ("Mortgage Consultant"); ESCO reads the rest of the words ("Safety Professional /
    Construction Supervisor": the lexicon's site manager and ESCO's safety officer)."""
    lexicon = get_lexicon()
    hits = [h for h in lexicon.find(text) if lexicon.concept(h.concept).category == TITLE]
    whole = _occupation_in(text, frozenset())
    if whole is not None and len(whole.title.split()) > max((h.end - h.start for h in hits), default=0):
        # ESCO names more of the title than the lexicon's broad word does ("Mortgage Consultant" is no
        # management consultant): the longer, more specific title decides.
        return whole
    known = frozenset(ISCO_OF_TITLE[h.concept] for h in hits if h.concept in ISCO_OF_TITLE)
    blocked = frozenset(i for h in hits for i in range(h.start, h.end))
    esco = _occupation_in(text, blocked)
    if esco is not None and blocked and " " not in esco.title:
        esco = None  # one word left beside the lexicon's title ("Major Accounts Manager") names no occupation
    if esco is None:
        return Occupation(known, frozenset(), by_esco=False) if known else None
    return Occupation(known | esco.codes, esco.ids, esco.title)


def closeness(job: Occupation, held: Occupation | None) -> float:
    """How near a held occupation is to the job's: the same ESCO occupation, else by ISCO-08 groups."""
    if held is None:
        return FAR_APART
    if job.ids & held.ids:
        return SAME_OCCUPATION
    best = FAR_APART
    for a in job.codes:
        for b in held.codes:
            shared = next((n for n in (4, 3, 2, 1) if a[:n] == b[:n]), 0)
            best = max(best, _BY_SHARED_DIGITS.get(shared, FAR_APART))
    return best


def lower_level(job: Occupation, held: Occupation) -> bool:
    """Whether the held occupation sits at a lower ISCO skill level than the job's (a nursing
    associate, 3221, for a nurse, 2221: far apart, and below)."""
    asked = max((_SKILL_LEVEL.get(c[0], 2) for c in job.codes), default=0)
    level = max((_SKILL_LEVEL.get(c[0], 2) for c in held.codes), default=0)
    return bool(held.codes) and level < asked


def _job(codes: list[str], title: str) -> Occupation:
    found = occupation_of(title)
    return found if found else Occupation(frozenset(codes), frozenset())


def _titled(roles: list[Role], lines: list[str]) -> list[Role]:
    """The roles, a role the reader found no title for read from the words before its dates on its own
    line ("Recreation activity coordinator 03/2013 to Current Company Name"): people write the title
    first, and the job's occupation is often written in lower case there."""
    out = []
    for role in roles:
        line = lines[role.line] if not role.heading and 0 <= role.line < len(lines) else ""
        before = line.split(role.date_text, 1)[0].strip(" ,|-·") if role.date_text and role.date_text in line else ""
        if before and len(before.split()) <= _MAX_WORDS:
            role = replace(role, title=before)
        out.append(role)
    return out


def _of_role(role: Role) -> Occupation | None:
    return title_reading(role.title or role.heading)


def _held_closeness(job: Occupation, text: str) -> float:
    """How near a CV title is to the job's occupation. A title that contains the job's own ESCO title is
    that occupation at some level or in some setting ("Head Sommelier", "Mobile Locksmith", "Mortgage
    Loan Processor II"), whatever else ESCO files it under."""
    if job.title and _contains(tokenize(text), job.title.split()):
        return SAME_OCCUPATION
    return closeness(job, title_reading(text))


def _contains(words: list[str], part: list[str]) -> bool:
    return any(words[i : i + len(part)] == part for i in range(len(words) - len(part) + 1))


def _placed_by_esco(role: Role) -> bool:
    reading = _of_role(role)
    return reading is not None and reading.by_esco


def _placed(role: Role) -> bool:
    """ESCO or the hand lexicon places the role's title in an ISCO group: an "Administrative Coordinator"
    (3343) is office work however alike "Activities Coordinator" reads."""
    reading = _of_role(role)
    return reading is not None and bool(reading.codes)


def _headline_lines(cv: CVProfile) -> list[str]:
    """The short lines at the top that can name the candidate's occupation (not the name line)."""
    return [
        line
        for index, line in enumerate(cv.lines[:_HEADLINE_LINES])
        if index != cv.name_line and len(line.split()) <= _HEADLINE_WORDS
    ]


@dataclass(frozen=True)
class TitleEvidence:
    met: float
    cv_line: str
    found: str
    roles: list[Role]


def _where(role: Role) -> str:
    return f"{role.title} ({role.date_text})"


def title_evidence(
    job_codes: list[str],
    job_title: str,
    job_title_vector: list[float],
    cv: CVProfile,
    job_vectors: list[list[float]] | None = None,
) -> TitleEvidence:
    """How the CV shows the job's own occupation: a role titled as it (held), the headline, a title ESCO
    does not place that reads as the job's, a related role whose lines describe the JD's work
    (``job_vectors``: the JD's sentences), a neighbouring occupation of its unit group, a role of its
    minor group at its skill level or above (related)."""
    job = _job(job_codes, job_title)
    roles = _titled(cv.roles, cv.lines)
    near = [(_held_closeness(job, role.title or role.heading), role) for role in roles]
    for value, role in near:
        if value >= SAME_OCCUPATION:
            return TitleEvidence(HELD, _where(role), role.title, [role])
    for line in _headline_lines(cv):
        if _held_closeness(job, line) >= SAME_OCCUPATION:
            return TitleEvidence(HEADLINE if cv.roles else HELD, line, line, [])
    unplaced = [r for r in roles if not _placed_by_esco(r)]
    sims = role_closeness(job_title_vector, unplaced)
    for role, sim in zip(unplaced, sims, strict=True):
        if sim >= _SIMILAR_TITLE:
            return TitleEvidence(SIMILAR, _where(role), role.title, [role])
    for role in _unplaced_doing_the_work(job, job_vectors or [], cv, unplaced, sims):
        return TitleEvidence(SIMILAR, _where(role), role.title, [role])
    for role in _related_doing_the_work(job, job_vectors or [], cv, [role for _, role in near]):
        return TitleEvidence(RELATED_WITH_DUTIES, _where(role), role.title, [role])
    for value, role in near:
        if value >= SAME_UNIT_GROUP and _neighbour_at_work(job_vectors or [], cv, role):
            return TitleEvidence(NEIGHBOUR, _where(role), role.title, [role])
    for value, role in near:
        held = _of_role(role)
        if value >= SAME_MINOR_GROUP and held and not lower_level(job, held):
            return TitleEvidence(FAMILY, _where(role), role.title, [role])
    return TitleEvidence(0.0, "", "", [])


def _neighbour_at_work(job_vectors: list[list[float]], cv: CVProfile | None, role: Role) -> bool:
    """Whether a role of the job's unit group describes some of the JD's work (``NEIGHBOUR_DUTY_COVERAGE``);
    without the JD's sentences or a model, the title alone decides, as before."""
    if cv is None or get_model() is None or not job_vectors:
        return True
    return _duty_coverage(job_vectors, cv, role) >= NEIGHBOUR_DUTY_COVERAGE


def _is_related(job: Occupation, role: Role) -> bool:
    """Same unit or minor group as the job's occupation, at its skill level or above."""
    held = _of_role(role)
    value = _held_closeness(job, role.title or role.heading)
    return held is not None and SAME_MINOR_GROUP <= value < SAME_OCCUPATION and not lower_level(job, held)


def _related_doing_the_work(
    job: Occupation, job_vectors: list[list[float]], cv: CVProfile, roles: list[Role]
) -> list[Role]:
    """Related roles (``_is_related``) whose own lines, title to last bullet, describe the JD's work."""
    related = [role for role in roles if _is_related(job, role)]
    model = get_model()
    if model is None or not job_vectors or not related:
        return []
    return [role for role in related if _duty_coverage(job_vectors, cv, role) >= DUTY_COVERAGE]


def _duty_coverage(job_vectors: list[list[float]], cv: CVProfile, role: Role) -> float:
    """Mean closeness of the JD's sentences to the role's best line, title to last bullet (0 without a model)."""
    model = get_model()
    lines = [line for line in cv.lines[role.line : role.last_line + 1] if len(line) > 3]
    if model is None or not job_vectors or not lines:
        return 0.0
    best = (np.asarray(job_vectors, dtype=np.float32) @ model.embed(lines).T).max(axis=1)
    return float(np.clip((best - 0.35) / 0.4, 0.0, 1.0).mean())


def _unplaced_doing_the_work(
    job: Occupation, job_vectors: list[list[float]], cv: CVProfile, unplaced: list[Role], sims: list[float]
) -> list[Role]:
    """Roles whose titles neither ESCO nor the lexicon place, shown as the job's own by their work, never
    by the title alone, the closest title first: a title that reads near the job's ("Enrichment & Pool
    Coordinator" for an activities coordinator) whose lines describe the JD's work, or any such title
    whose own lines name the job's title as the work done ("coordinate patient care" under "Patient
    Advocate" for a care coordinator). A trainee (an intern) is not yet the occupation."""
    doing = []
    for role, sim in sorted(zip(unplaced, sims, strict=True), key=lambda pair: -pair[1]):
        if _every_post_placed(role) or _TRAINEE_WORDS & set(tokenize(role.title)):
            continue  # the lexicon reads each post of the title as an occupation of its own, or a trainee's
        if _names_the_job_as_work(job, cv, role) or (
            sim >= _YEARS_CLOSENESS and _duty_coverage(job_vectors, cv, role) >= UNPLACED_DUTY_COVERAGE
        ):
            doing.append(role)
    return doing


def _every_post_placed(role: Role) -> bool:
    """Whether each post a title lists ("Compliance Officer/Processing Manager/HR Manager": three posts
    held at once) reads as an occupation: a post neither the lexicon nor ESCO places (a "Processing
    Manager") is still shown as the job by its own lines, as a title of one post would be. Slashes
    between single words join specialities of one post ("PCR/SDS/Genomic Assays Specialist"): one post."""
    title = role.title or role.heading
    posts = [part for part in _POST_SEPARATOR_RE.split(title) if part.strip()]
    if len(posts) < 2 or any(len(post.split()) < 2 for post in posts):
        posts = [title]
    return all(title_reading(post) is not None for post in posts)


_POST_SEPARATOR_RE = re.compile(r"\s*/\s*")
_TRAINEE_WORDS = frozenset(tokenize("intern internship trainee student extern externship"))
_STEM_CHARS = 6  # "coordinate", "coordinated", "coordinator" share their first six letters


def _names_the_job_as_work(job: Occupation, cv: CVProfile, role: Role) -> bool:
    """Whether one of the role's own lines (its heading aside) holds every word of the job's ESCO title."""
    wanted = {w[:_STEM_CHARS] for w in job.title.split()}
    if len(wanted) < 2:
        return False  # one word ("advocate") is no occupation's work
    for index in range(role.line + 1, min(role.last_line, len(cv.lines) - 1) + 1):
        words = {w[:_STEM_CHARS] for w in tokenize(cv.lines[index])}
        if wanted <= words and role.title not in cv.lines[index]:
            return True
    return False


def years_in_occupation(
    job_codes: list[str],
    job_title: str,
    job_title_vector: list[float],
    roles: list[Role],
    cv: CVProfile | None = None,
    job_vectors: list[list[float]] | None = None,
) -> tuple[float, list[Role]]:
    """Years of dated work counted for the job's occupation (``occupation_years``), with their roles."""
    counted = occupation_years(job_codes, job_title, job_title_vector, roles, cv, job_vectors)
    return counted.years, counted.roles


@dataclass(frozen=True)
class CountedYears:
    years: float  # all years counted for the job, related work included (the score's years)
    own: float  # of them, years in the job's own occupation
    roles: list[Role]


def occupation_years(
    job_codes: list[str],
    job_title: str,
    job_title_vector: list[float],
    roles: list[Role],
    cv: CVProfile | None = None,
    job_vectors: list[list[float]] | None = None,
) -> CountedYears:
    """Years of dated work in the job's occupation: roles titled as it, or titled so that ESCO cannot
    place them but the embedding reads them as close to the job's (its own years); related roles whose
    lines describe the JD's work (``cv`` and ``job_vectors`` given) count in full and a neighbouring
    occupation of the same unit group for half, but as related work: a mortgage consultant's years are
    years near a loan processor's work, not years as one. A role ESCO places in another group is other
    work, however alike its words read."""
    job = _job(job_codes, job_title)
    roles = _titled(roles, cv.lines) if cv is not None else roles
    sims = role_closeness(job_title_vector, roles)
    doing = _related_doing_the_work(job, job_vectors or [], cv, roles) if cv is not None else []
    # A post no reader places, shown as the job by its own lines (title_evidence), holds the job's years.
    shown = _unplaced_doing_the_work(job, job_vectors or [], cv, roles, sims) if cv is not None else []
    held: list[Role] = []
    nearby: list[Role] = []
    for role, sim in zip(roles, sims, strict=True):
        value = _held_closeness(job, role.title or role.heading)
        unplaced_alike = not _placed(role) and value < SAME_UNIT_GROUP and sim >= _YEARS_CLOSENESS
        if value >= SAME_OCCUPATION or unplaced_alike or role in shown:
            held.append(role)
        elif role in doing or (value >= SAME_UNIT_GROUP and _neighbour_at_work(job_vectors or [], cv, role)):
            nearby.append(role)
    own = merged_years([(r.start, r.end) for r in held])
    full = merged_years([(r.start, r.end) for r in held + [r for r in nearby if r in doing]])
    years = full + NEIGHBOUR_YEARS * merged_years([(r.start, r.end) for r in nearby if r not in doing])
    return CountedYears(round(years, 2), round(own, 2), held + nearby)


def occupation_fit(job_codes: list[str], job_title: str, cv: CVProfile, embedding_fit: float) -> float:
    """The occupation part of the score when the job is placed by ESCO: the closest of the CV's recent
    role titles and headline; the embedding's reading counts in full unless ESCO places the CV's own
    titles elsewhere."""
    job = _job(job_codes, job_title)
    roles = _titled(cv.roles[:_RECENT_ROLES], cv.lines)
    titles = [role.title or role.heading for role in roles] + _headline_lines(cv)
    best = max((_held_closeness(job, title) for title in titles if title), default=FAR_APART)
    if best >= SAME_MINOR_GROUP or not any(_placed_by_esco(role) for role in roles):
        return max(best, embedding_fit)
    return max(best, EMBEDDING_SHARE_WHEN_PLACED * embedding_fit)
