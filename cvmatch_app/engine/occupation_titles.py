"""Occupations the hand lexicon does not know, read from ESCO's job titles (a fallback only).

The lexicon names about 90 occupations by hand, with their neighbours. For a job whose title it does
not know ("Mortgage Loan Processor", "Activities Coordinator", "Sommelier"), this module reads the
title in ESCO's ~29,000 English occupation titles (`data/esco_titles.txt.gz`, built by
scripts/build_esco_titles.py; "This product uses the ESCO classification of the European
Commission.") and gives its ISCO-08 unit groups. CV role titles are read the same way, and two
occupations are as close as their groups:

- the same 4-digit unit group: the same occupation or its direct neighbour (loan processor and loan
  officer, 3312);
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
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .lexicon import ISCO_OF_TITLE, TITLE, get_lexicon
from .semantic import role_closeness
from .tokens import tokenize
from .work_history import Role

if TYPE_CHECKING:
    from .cv_profile import CVProfile

_INDEX_FILE = Path(__file__).with_name("data") / "esco_titles.txt.gz"
_MAX_WORDS = 6

# How close two occupations are, by the longest ISCO-08 code prefix they share.
SAME_UNIT_GROUP = 1.0
SAME_MINOR_GROUP = 0.6
SAME_SUB_MAJOR_GROUP = 0.35
SAME_MAJOR_GROUP = 0.15
FAR_APART = 0.0
_BY_SHARED_DIGITS = {4: SAME_UNIT_GROUP, 3: SAME_MINOR_GROUP, 2: SAME_SUB_MAJOR_GROUP, 1: SAME_MAJOR_GROUP}

# Evidence strengths for the job's own title (the same scale as evidence.py).
HELD = 1.0  # a role titled in the job's unit group
HEADLINE = 0.8  # the headline names it, the dated roles do not
SIMILAR = 0.8  # a title ESCO does not know that the embedding reads as the job's own
FAMILY = 0.4  # a role in the same minor group: related, not the job
_SIMILAR_TITLE = 0.74  # raw cosine of static title vectors (as evidence._SIMILAR_TITLE)
_YEARS_CLOSENESS = 0.5  # an unrecognised role this close to the job's title counts as years in it
# Once the CV's own titles are placed by ESCO, the embedding's reading of them counts for this much.
EMBEDDING_SHARE_WHEN_PLACED = 0.5
_HEADLINE_LINES = 3
_HEADLINE_WORDS = 8

# ISCO-08's skill level by major group (as lexicon._SKILL_LEVEL_OF_MAJOR).
_SKILL_LEVEL = {"1": 4, "2": 4, "3": 3, "4": 2, "5": 2, "6": 2, "7": 2, "8": 2, "9": 1, "0": 2}


@lru_cache(maxsize=1)
def _index() -> dict[str, frozenset[str]]:
    """Tokenised title -> ISCO-08 unit groups. Empty when the data file is missing."""
    if not _INDEX_FILE.exists():
        return {}
    groups: dict[str, tuple[str, ...]] = {}
    with gzip.open(_INDEX_FILE, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or "\t" not in line:
                continue
            code, titles = line.rstrip("\n").split("\t", 1)
            for title in titles.split(";"):
                groups[title] = (*groups.get(title, ()), code)
    shared: dict[tuple[str, ...], frozenset[str]] = {}  # most titles share a few code sets: one object each
    return {title: shared.setdefault(codes, frozenset(codes)) for title, codes in groups.items()}


@dataclass(frozen=True)
class Occupation:
    codes: frozenset[str]  # ISCO-08 unit groups
    title: str  # the words of the text that ESCO names (tokenised)


@lru_cache(maxsize=8192)
def occupation_of(text: str) -> Occupation | None:
    """The occupation a job title names: its longest run of words that is an ESCO title ("Mortgage Loan
    Processor" -> "loan processor", 3312). Several titles of the same length pool their groups
    ("Sous Chef/Line Cook"). None when no ESCO title is in the text."""
    index = _index()
    words = tokenize(text)
    for size in range(min(_MAX_WORDS, len(words)), 0, -1):
        found = [" ".join(words[i : i + size]) for i in range(len(words) - size + 1)]
        hits = [key for key in found if key in index]
        if not hits and size > 1:
            # "Safety Coordinator" is written "safety officer" in ESCO: the post word varies, the work not.
            hits = [variant for key in found for variant in _post_word_variants(key) if variant in index]
        if hits:
            return Occupation(frozenset(code for key in hits for code in index[key]), hits[0])
    return None


# Post words that employers use interchangeably at one level: "safety coordinator" and "safety officer",
# "activities associate" and "activities coordinator", "recreation supervisor" and "recreation manager".
_POST_WORDS = (
    ("coordinator", "officer", "specialist", "administrator", "associate", "advisor", "consultant", "agent"),
    ("manager", "director", "supervisor", "head"),
    ("technician", "operator", "worker", "operative"),
)


def _post_word_variants(key: str) -> list[str]:
    head, _, last = key.rpartition(" ")
    for group in _POST_WORDS:
        if last in group:
            return [f"{head} {word}" for word in group if word != last]
    return []


def codes_of(text: str) -> list[str]:
    found = occupation_of(text)
    return sorted(found.codes) if found else []


def closeness(job_codes: list[str] | frozenset[str], cv_codes: frozenset[str]) -> float:
    """How near two occupations are by ISCO-08: the longest code prefix any pair shares."""
    best = FAR_APART
    for a in job_codes:
        for b in cv_codes:
            shared = next((n for n in (4, 3, 2, 1) if a[:n] == b[:n]), 0)
            best = max(best, _BY_SHARED_DIGITS.get(shared, FAR_APART))
    return best


def lower_level(job_codes: list[str], cv_codes: frozenset[str]) -> bool:
    """Whether every reading of the CV's occupation sits at a lower ISCO skill level than the job's
    (a nursing associate, 3221, for a nurse, 2221)."""
    asked = max((_SKILL_LEVEL.get(c[0], 2) for c in job_codes), default=0)
    held = max((_SKILL_LEVEL.get(c[0], 2) for c in cv_codes), default=0)
    return bool(cv_codes) and held < asked


def _role_codes(role: Role) -> frozenset[str]:
    return _title_codes(role.title or role.heading)


def _placed_by_esco(role: Role) -> bool:
    return _esco_placed(role.title or role.heading)


@lru_cache(maxsize=8192)
def _lexicon_codes(text: str) -> frozenset[str] | None:
    """The hand lexicon's ISCO groups for a title it knows (None when it knows none)."""
    lexicon = get_lexicon()
    known = {h.concept for h in lexicon.find(text) if lexicon.concept(h.concept).category == TITLE}
    return frozenset(ISCO_OF_TITLE[cid] for cid in known if cid in ISCO_OF_TITLE) if known else None


def _title_codes(text: str) -> frozenset[str]:
    """A CV title's ISCO unit groups: the hand lexicon's reading when it knows the title (its [isco]
    groups: "Major Accounts Manager" is sales, whatever ESCO files "account manager" under), else ESCO's."""
    known = _lexicon_codes(text)
    if known is not None:
        return known
    found = occupation_of(text)
    return found.codes if found else frozenset()


def _esco_placed(text: str) -> bool:
    """ESCO, not the lexicon, placed this title: its reading is exact enough to say "other work". The
    lexicon's broad concepts ("consultant", "banking") are not: the embedding still reads those titles."""
    return _lexicon_codes(text) is None and occupation_of(text) is not None


def _headline_codes(cv: CVProfile) -> tuple[frozenset[str], str]:
    for index, line in enumerate(cv.lines[:_HEADLINE_LINES]):
        if index == cv.name_line or len(line.split()) > _HEADLINE_WORDS:
            continue
        codes = _title_codes(line)
        if codes:
            return codes, line
    return frozenset(), ""


@dataclass(frozen=True)
class TitleEvidence:
    met: float
    cv_line: str
    found: str
    roles: list[Role]


def title_evidence(job_codes: list[str], job_title_vector: list[float], cv: CVProfile) -> TitleEvidence:
    """How the CV shows the job's own occupation: a role in its unit group (held), the headline, a
    title ESCO cannot place that reads as the job's, a role in the same minor group (related)."""
    for role in cv.roles:
        if closeness(job_codes, _role_codes(role)) >= SAME_UNIT_GROUP:
            return TitleEvidence(HELD, f"{role.title} ({role.date_text})", role.title, [role])
    codes, line = _headline_codes(cv)
    if codes and closeness(job_codes, codes) >= SAME_UNIT_GROUP:
        return TitleEvidence(HEADLINE if cv.roles else HELD, line, line, [])
    unplaced = [r for r in cv.roles if not _placed_by_esco(r)]
    for role, sim in zip(unplaced, role_closeness(job_title_vector, unplaced), strict=True):
        if sim >= _SIMILAR_TITLE:
            return TitleEvidence(SIMILAR, f"{role.title} ({role.date_text})", role.title, [role])
    for role in cv.roles:
        codes = _role_codes(role)
        if closeness(job_codes, codes) >= SAME_MINOR_GROUP and not lower_level(job_codes, codes):
            return TitleEvidence(FAMILY, f"{role.title} ({role.date_text})", role.title, [role])
    return TitleEvidence(0.0, "", "", [])


def roles_in_occupation(job_codes: list[str], job_title_vector: list[float], roles: list[Role]) -> list[Role]:
    """Roles whose years count as years in the job's occupation: titled in its unit group, or a title
    ESCO cannot place that the embedding reads as close to the job's (a role ESCO places in another
    group is other work, however its words read)."""
    sims = role_closeness(job_title_vector, roles)
    out = []
    for role, sim in zip(roles, sims, strict=True):
        codes = _role_codes(role)
        if codes and closeness(job_codes, codes) >= SAME_UNIT_GROUP:
            out.append(role)
        elif not _placed_by_esco(role) and sim >= _YEARS_CLOSENESS:
            out.append(role)
    return out


def occupation_fit(job_codes: list[str], cv: CVProfile, embedding_fit: float) -> float:
    """The occupation part of the score when the job is placed by ESCO: the closest of the CV's recent
    role titles and headline by ISCO group; the embedding's reading counts in full only when ESCO
    places none of the CV's titles."""
    roles = cv.roles[:6]
    placed = [_role_codes(role) for role in roles]
    placed.append(_headline_codes(cv)[0])
    best = max((closeness(job_codes, codes) for codes in placed if codes), default=FAR_APART)
    if best >= SAME_MINOR_GROUP:
        return max(best, embedding_fit)
    if any(_placed_by_esco(role) for role in roles):
        # ESCO places the CV's own titles elsewhere: its word outweighs how alike the words look.
        return max(best, EMBEDDING_SHARE_WHEN_PLACED * embedding_fit)
    return max(best, embedding_fit)
