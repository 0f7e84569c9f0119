"""Who the candidate is, as the CV's header and most recent role say: name, contact, location,
current title and employer; and the same CV with those personal details blacked out (blind review).

Pure Python. The name is the engine's own name line (a first line of 2-4 capitalised words that is
no job title), so the ranking and the identity never disagree on what a name is.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass

from .cv_profile import CVProfile, Role, build_cv_profile, section_of
from .lexicon import TITLE, get_lexicon

HEADER_LINES = 8  # contact details and place live in the first lines, above the first section
MIN_PHONE_DIGITS = 9  # fewer digits is a date range ("2015 - 2017") or a postcode, not a phone number
REDACTED = "▇▇▇"

_EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL_RE = re.compile(r"(?:https?://|www\.)\S+|\b(?:linkedin|github|xing)\.com/\S*", re.IGNORECASE)
_PHONE_RE = re.compile(r"(?<![\w/])\+?\(?\d[\d\s().-]{7,}\d(?![\w/])")
_YEAR_GROUP_RE = re.compile(r"^(?:19|20)\d\d$")
_LABEL_RE = re.compile(r"^(?:location|address|based in|city|residence|lives in)\s*[:\-–]\s*", re.IGNORECASE)
_PLACE_RE = re.compile(
    r"^[A-Z][A-Za-z.'’ -]{1,30},\s*[A-Z][A-Za-z.'’ -]{1,30}(?:\s+[A-Z0-9]{2,4}(?:\s?[A-Z0-9]{3})?)?$"
)
_STREET_RE = re.compile(
    r"\b\d{1,5}[A-Za-z]?\s+(?:[A-Z][a-z]+\s+){1,3}(?:street|st|avenue|ave|road|rd|lane|ln|drive|dr|boulevard|blvd|"
    r"way|court|ct|place|pl|close|crescent|terrace|square|strasse|straße)\b\.?",
    re.IGNORECASE,
)
_PERSONAL_LINE_RE = re.compile(
    r"\b(?:date of birth|d\.o\.b|dob|born(?: on| in)?|birth ?date|age|nationality|marital status|gender|sex)"
    r"\b\s*[:\-–]",
    re.IGNORECASE,
)
_BORN_RE = re.compile(r"\bborn\b[^.;|]*\b(?:19|20)\d\d\b", re.IGNORECASE)
_YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")
_ROLE_SPLIT_RE = re.compile(r"\s+(?:at|@|\||-|–|—)\s+|,\s+|\s+·\s+")
_SEPARATORS_RE = re.compile(r"\s*[|•·]\s*|\s{3,}")
# Looser than the engine's name line: initials ("Jane Q. Doe") and capitals ("JANE DOE") are names too.
_NAME_PART_RE = re.compile(r"^(?:[A-Z][a-zà-ÿ]+(?:['’-][A-Za-zà-ÿ]+)*|[A-Z]\.?|[A-Z]{2,}(?:['’-][A-Z]+)*)$")


@dataclass(frozen=True)
class Candidate:
    """What a recruiter reads first: who, what they do now, where, and how to reach them."""

    name: str = ""
    title: str = ""
    employer: str = ""
    location: str = ""
    email: str = ""
    phone: str = ""

    def as_dict(self) -> dict[str, str]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, object] | None) -> Candidate:
        known = {key: str(value or "") for key, value in (data or {}).items() if key in cls.__dataclass_fields__}
        return cls(**known)


def _now_years(today: dt.date | None = None) -> float:
    today = today or dt.date.today()
    return today.year + (today.month - 1) / 12


def _header(profile: CVProfile) -> list[str]:
    header: list[str] = []
    for line in profile.lines[:HEADER_LINES]:
        if section_of(line):
            break
        header.append(line)
    return header


def _phones(text: str) -> list[str]:
    found = []
    for match in _PHONE_RE.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        groups = re.findall(r"\d+", match.group())
        if len(digits) < MIN_PHONE_DIGITS or all(_YEAR_GROUP_RE.match(g) for g in groups):
            continue
        found.append(match.group().strip())
    return found


def _name(profile: CVProfile) -> str:
    if profile.name_line >= 0:
        return profile.lines[profile.name_line]
    first = profile.lines[0] if profile.lines else ""
    words = first.split()
    if 2 <= len(words) <= 4 and all(_NAME_PART_RE.match(word) for word in words):
        if not section_of(first) and not _has_title(first) and sum(len(word) > 2 for word in words) >= 2:
            return first
    return ""


def _location(header: list[str], name: str) -> str:
    for line in header:
        if line == name:
            continue
        labelled = _LABEL_RE.sub("", line)
        if labelled != line and labelled.strip():
            return _STREET_RE.sub("", labelled).strip(" ,")
        for part in _SEPARATORS_RE.split(_EMAIL_RE.sub("", _URL_RE.sub("", line))):
            after_street = _STREET_RE.split(part)[-1].strip(" ,;") if _STREET_RE.search(part) else ""
            part = part.strip(" ,;")
            if after_street and not any(ch == "@" for ch in after_street):
                return after_street
            if _PLACE_RE.match(part) and not _has_title(part):
                return part
    return ""


def _has_title(text: str) -> bool:
    lexicon = get_lexicon()
    return any(lexicon.concept(hit.concept).category == TITLE for hit in lexicon.find(text))


def _current_role(roles: list[Role]) -> Role | None:
    return max(roles, key=lambda role: (role.end, role.start), default=None)


def _title_and_employer(profile: CVProfile, role: Role) -> tuple[str, str]:
    employer = str(getattr(role, "employer", "") or "")
    if employer:
        return role.title, employer
    own = profile.lines[role.line].replace(role.date_text, " ")
    parts = [part.strip(" ()|,-–—:") for part in _ROLE_SPLIT_RE.split(own)]
    parts = [part for part in parts if len(part) > 1]
    if len(parts) < 2:  # title and employer on lines of their own above the dates
        parts = [part.strip() for part in role.title.split(" · ") if part.strip()]
    if not parts:
        return "", ""
    titled = [part for part in parts if _has_title(part)]
    title = titled[0] if titled else parts[0]
    others = [part for part in parts if part != title and not _PLACE_RE.match(part)]
    return title, (others[0] if others else "")


def read_candidate(text: str, *, today: dt.date | None = None) -> Candidate:
    """The candidate as the CV's header and most recent role describe them; empty fields when unsure."""
    profile = build_cv_profile(text, _now_years(today))
    name = _name(profile)
    header = _header(profile)
    header_text = "\n".join(header)
    emails = _EMAIL_RE.findall(header_text) or _EMAIL_RE.findall(text)
    phones = _phones(header_text) or _phones(text)
    role = _current_role(profile.roles)
    title, employer = _title_and_employer(profile, role) if role else ("", "")
    if not title:  # no dated role: the headline under the name, when it names an occupation
        headline = header[1:3] if name else header[:2]
        parts = [part for line in headline for part in _SEPARATORS_RE.split(line)]
        title = next((part for part in parts if _has_title(part) and len(part) <= 80), "")
    return Candidate(
        name=name,
        title=title[:120],
        employer=employer[:120],
        location=_location(header, name)[:80],
        email=emails[0] if emails else "",
        phone=phones[0] if phones else "",
    )


def redact_personal(text: str, candidate: Candidate) -> str:
    """The text with the personal details blind review hides: the name, e-mail addresses, phone
    numbers, web profiles, street addresses, the home location, dates of birth, ages, nationality,
    marital status, gender and the years on education lines (they give the age away)."""
    name_words = [word for word in re.split(r"\s+", candidate.name) if len(word.strip(".")) > 1]
    out: list[str] = []
    section = "top"
    for line in text.split("\n"):
        heading = section_of(line.strip())
        if heading:
            section = heading
            out.append(line)
            continue
        if _PERSONAL_LINE_RE.search(line) or _BORN_RE.search(line):
            out.append(REDACTED)
            continue
        line = _EMAIL_RE.sub(REDACTED, line)
        line = _URL_RE.sub(REDACTED, line)
        for phone in _phones(line):
            line = line.replace(phone, REDACTED)
        line = _STREET_RE.sub(REDACTED, line)
        if candidate.location and section == "top":
            line = line.replace(candidate.location, REDACTED)
        for word in name_words:
            line = re.sub(rf"\b{re.escape(word)}\b", REDACTED, line)
        if section == "education":
            line = _YEAR_RE.sub(REDACTED, line)
        out.append(line)
    return "\n".join(out)


def anonymise(text: str, *, today: dt.date | None = None) -> str:
    """The CV as a blind job's scorer reads it: the same details blind review hides on the pages
    (``redact_personal``), found the same way (``read_candidate``). Line count is kept, so evidence
    lines still sit where they were in the CV."""
    return redact_personal(text, read_candidate(text, today=today))


def text_for_scorer(cv_text: str, *, blind: bool) -> str:
    """What every engine (local, Claude live and Claude batch, and a rubric re-score) reads of a CV: a
    blind job's CV without the identity blind review hides, so the name and contact details never
    reach the scorer."""
    return anonymise(cv_text) if blind else cv_text
