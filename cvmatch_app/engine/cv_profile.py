"""What a CV shows: its lines by section, the concepts each line proves, dated roles and years."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from .experience import STALE_AFTER, claimed_years, cv_as_of, merged_years, newest_stated_date
from .injection import split_injection, stuffed_lines
from .lexicon import TITLE, Hit, get_lexicon
from .text_clean import strip_bullet
from .tokens import STOPWORDS, tokenize_with_case
from .work_history import Role as Role  # re-exported: evidence and candidate read roles from here
from .work_history import is_date_words, most_recent, read_roles

# How much each sighting of an occupation's title says about what the CV is (title_concepts order).
ROLE_TITLE_WEIGHT = 3  # a role's heading names it, plus half a point a year held (up to 10 years)
HEADLINE_TITLE_WEIGHT = 3  # the headline under the name names it
HEADLINE_LINES = 4  # the lines read as the headline
MENTIONS_COUNTED = 4  # mentions anywhere count up to this many

_SECTION_WORDS = {
    "experience": (
        "experience", "work experience", "professional experience", "employment", "employment history",
        "work history", "career history", "career", "relevant experience", "professional background",
        "positions held", "clinical experience", "teaching experience", "military experience", "internships",
        "volunteer experience", "professional history", "experience summary", "military service",
        "employment experience", "relevant work experience",
    ),
    "education": (
        "education", "academic background", "education and training", "qualifications", "academic qualifications",
        "education & training", "academics", "training", "degrees", "education and certifications",
        "educational background", "education background", "academic history", "education and qualifications",
    ),
    "skills": (
        "skills", "technical skills", "core skills", "key skills", "competencies", "core competencies",
        "areas of expertise", "expertise", "tools", "technologies", "skills & abilities", "skills and abilities",
        "additional skills", "programming", "languages", "it skills", "strengths", "highlights",
        "skill highlights", "core qualifications", "core strengths", "skill sets", "skill set",
    ),
    "certifications": (
        "certifications", "certificates", "licenses", "licences", "licenses and certifications",
        "certifications and licenses", "credentials", "accreditations", "licensure", "professional development",
        "certifications and training", "licences and certifications", "registration",
    ),
    "summary": (
        "summary", "profile", "professional summary", "about me", "objective", "career objective",
        "personal statement", "career overview", "executive profile", "executive summary", "professional profile",
        "summary of qualifications",
    ),
    "projects": (
        "projects", "personal projects", "selected projects", "publications", "awards", "honors", "achievements",
        "accomplishments", "core accomplishments", "awards and honors", "honors and awards",
    ),
    "other": (
        "interests", "hobbies", "references", "activities", "links", "contact", "personal", "coursework",
        "volunteering", "activities and honors", "affiliations", "professional affiliations", "community service",
        "community involvement", "additional information", "personal information", "memberships",
        "hobbies and interests",
    ),
}  # fmt: skip
_WORK_HEADING_END_RE = re.compile(r"\b(?:experience|work history|employment history|employment)$")
_DASH_LINE_RE = re.compile(r"^\s*[-–—]\s*$")
_HEADING_LOOKUP = {phrase: section for section, phrases in _SECTION_WORDS.items() for phrase in phrases}


def section_of(line: str) -> str | None:
    """The section a heading line opens, or None when the line is not a heading."""
    if len(line) > 50 or line.rstrip().endswith((".", ",", ";")):
        return None  # a wrapped sentence's last word ("certificates.") opens nothing
    clean = re.sub(r"[^a-z& ]", " ", line.lower())
    clean = re.sub(r"\s+", " ", clean).strip()
    if not clean or len(clean) > 40 or len(line) > 50:
        return None
    if clean in _HEADING_LOOKUP:
        return _HEADING_LOOKUP[clean]
    # Spaced-out capitals ("E X P E R I E N C E") from designed templates.
    squeezed = clean.replace(" ", "")
    for phrase, section in _HEADING_LOOKUP.items():
        if squeezed == phrase.replace(" ", ""):
            return section
    # "Product Specialist/FAS Experience", "Nursing Experience": a short capitalised heading that
    # ends with a word that names work history.
    words = line.split()
    if 2 <= len(words) <= 5 and all(w[0].isupper() or not w[0].isalpha() for w in words):
        if _WORK_HEADING_END_RE.search(clean):
            return "experience"
    return None


@dataclass
class CVProfile:
    lines: list[str]
    sections: list[str]
    concept_lines: dict[str, list[int]]  # concept -> lines that prove it, in CV order
    roles: list[Role]
    total_years: float
    claimed_years: float
    words: Counter[str]
    title_concepts: list[str]  # occupation titles the CV shows, most prominent first
    domains: dict[str, float]
    removed_injection: list[str]
    stuffing: bool
    name_line: int = -1  # the candidate's name, which proves nothing ("Tom Cook" is not a cook)
    ignored_lines: frozenset[int] = frozenset()  # keyword walls: read, never evidence
    dated_as_of: float = 0.0  # an old CV's own date, to which "Present" was read (0: today)
    # An open role ("2015 - Present") counted to today although no date on the CV is within
    # STALE_AFTER years of today: the earliest such role's start (0: none). The summary says so.
    present_unconfirmed_since: float = 0.0

    @property
    def most_recent_role(self) -> Role | None:
        """The latest dated work role (the one that ends last, then the one started last), volunteer
        work left aside while paid work is dated."""
        return most_recent([r for r in self.roles if not self.is_volunteer(r)] or self.roles)

    def is_volunteer(self, role: Role) -> bool:
        """A role the CV calls volunteer work: in its title or employer, or under a volunteering heading."""
        if _VOLUNTEER_RE.search(role.heading):
            return True
        return 0 <= role.line < len(self._under_volunteer_heading) and self._under_volunteer_heading[role.line]

    @cached_property
    def _under_volunteer_heading(self) -> list[bool]:
        """For each line, whether the heading it sits under names volunteer work."""
        under, current = [], False
        for line in self.lines:
            if section_of(line):
                current = bool(_VOLUNTEER_RE.search(line))
            under.append(current)
        return under

    @property
    def most_recent_title(self) -> str:
        role = self.most_recent_role
        return role.title if role and not is_date_words(role.title) else ""


_VOLUNTEER_RE = re.compile(r"\bvolunteer(?:ing|ed)?\b|\bcommunity (?:service|involvement)\b", re.IGNORECASE)
_NAME_WORD_RE = re.compile(r"^[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)*\.?$")
_TITLE_MODIFIERS = frozenset(
    "senior junior lead head chief principal staff assistant certified registered licensed sous executive "
    "master journeyman apprentice trainee general".split()
)


def _looks_like_name(line: str, hits: list[Hit]) -> bool:
    """A first line of two to four capitalised words whose first word is no job word: a person's
    name, even when a surname is also a trade ("Tom Cook", "Ann Mason")."""
    words = line.split()
    if not 2 <= len(words) <= 4 or not all(_NAME_WORD_RE.match(w) for w in words):
        return False
    if words[0].lower() in _TITLE_MODIFIERS or words[0].lower() in STOPWORDS:
        return False
    return all(hit.start > 0 for hit in hits)


def build_cv_profile(text: str, now: float) -> CVProfile:
    lexicon = get_lexicon()
    # A dash alone on a line joins dates split over lines ("June 2018 / - / Current"): kept.
    raw_lines = [line.strip() for line in text.split("\n") if strip_bullet(line) or _DASH_LINE_RE.match(line)]
    # Bulleted lines describe work; they are never a role's title (kept aside before stripping).
    bullets = {strip_bullet(line) for line in raw_lines if strip_bullet(line) != line}
    lines, removed = split_injection([strip_bullet(line) or line for line in raw_lines])
    sections = _sections_of(lines)

    line_pairs = [tokenize_with_case(line) for line in lines]
    line_stems = [[stem for stem, _ in pairs] for pairs in line_pairs]
    stuffed = stuffed_lines(lines, line_stems)
    line_hits = [
        lexicon.find_in_pairs(pairs, lines[i]) if i not in stuffed else [] for i, pairs in enumerate(line_pairs)
    ]
    name_line = 0 if lines and _looks_like_name(lines[0], line_hits[0]) else -1
    if name_line == 0:
        line_hits[0] = []
    roles = read_roles(lines, sections, bullets, now)
    _read_account_posts(roles, lines, line_hits)
    found = _concepts_found(line_hits, line_stems, stuffed)

    for role in roles:
        for index in range(role.line, role.last_line + 1):
            for hit in line_hits[index]:
                role.concepts.add(hit.concept)
    claimed, as_of = _dated_as_of(lines, roles, now)
    title_weight = _title_weights(roles, line_hits, found.count)
    return CVProfile(
        lines=lines,
        sections=sections,
        concept_lines=found.lines,
        roles=roles,
        total_years=merged_years([(r.start, r.end) for r in roles]),
        claimed_years=claimed,
        words=found.words,
        title_concepts=sorted(title_weight, key=title_weight.__getitem__, reverse=True),  # heaviest first
        domains=_domains(found.count, title_weight),
        removed_injection=removed,
        stuffing=bool(stuffed),
        name_line=name_line,
        ignored_lines=frozenset(stuffed),
        dated_as_of=as_of if as_of < now and any(r.ongoing for r in roles) else 0.0,
        present_unconfirmed_since=_present_unconfirmed(lines, roles, as_of, now),
    )


def _sections_of(lines: list[str]) -> list[str]:
    """The section each line sits in ("top" before the first heading)."""
    sections: list[str] = []
    current = "top"
    for line in lines:
        current = section_of(line) or current
        sections.append(current)
    return sections


@dataclass
class _Found:
    """The concepts the CV names: the lines naming each, how often, and the CV's words."""

    lines: dict[str, list[int]] = field(default_factory=dict)
    count: Counter[str] = field(default_factory=Counter)
    words: Counter[str] = field(default_factory=Counter)


def _concepts_found(line_hits: list[list[Hit]], line_stems: list[list[str]], stuffed: set[int]) -> _Found:
    found = _Found()
    for index, hits in enumerate(line_hits):
        if index in stuffed:
            continue  # a keyword wall proves nothing
        found.words.update(s for s in line_stems[index] if s not in STOPWORDS and len(s) > 1 and not s.isdigit())
        for hit in hits:
            found.count[hit.concept] += 1
            seen = found.lines.setdefault(hit.concept, [])
            if index not in seen:
                seen.append(index)
    return found


def _dated_as_of(lines: list[str], roles: list[Role], now: float) -> tuple[float, float]:
    """The years the CV claims in its opening lines, and the date "Present" stands for.

    "Present" on an old CV is the CV's own date, not today (experience.cv_as_of says when): open
    roles are ended there."""
    claims = [
        n for n, rest, _ in claimed_years("\n".join(lines[:40])) if "experience" in rest.lower() or not rest.strip()
    ]
    claimed = max(claims) if claims else 0.0
    open_starts = [r.start for r in roles if r.ongoing]
    career_start = min((r.start for r in roles), default=None)
    as_of = cv_as_of(lines, open_starts, career_start, claimed, now)
    for role in roles:
        if role.ongoing and as_of < role.end:
            role.end = max(as_of, role.start + 1 / 12)
    return claimed, as_of


def _title_weights(roles: list[Role], line_hits: list[list[Hit]], count: Counter[str]) -> dict[str, float]:
    """The occupations the CV shows: titles in role lines weigh most, then the headline, then anywhere."""
    lexicon = get_lexicon()
    weight: defaultdict[str, float] = defaultdict(float)
    for role in roles:
        for hit in lexicon.find(role.heading):
            if lexicon.concept(hit.concept).category == TITLE:
                weight[hit.concept] += ROLE_TITLE_WEIGHT + min(role.years, 10) / 2
    for hits in line_hits[:HEADLINE_LINES]:  # the headline under the name
        for hit in hits:
            if lexicon.concept(hit.concept).category == TITLE:
                weight[hit.concept] += HEADLINE_TITLE_WEIGHT
    for cid, n in count.items():
        if lexicon.concept(cid).category == TITLE:
            weight[cid] += min(n, MENTIONS_COUNTED)
    return dict(weight)


def _domains(count: Counter[str], title_weight: dict[str, float]) -> dict[str, float]:
    """How much of the CV is in each field, from its concepts (general ones aside) and titles."""
    lexicon = get_lexicon()
    domains: defaultdict[str, float] = defaultdict(float)
    for cid, n in count.items():
        concept = lexicon.concept(cid)
        if "general" in concept.domains:
            continue
        weight = min(n, MENTIONS_COUNTED) + title_weight.get(cid, 0)
        for domain in concept.domains:
            domains[domain] += weight / len(concept.domains)
    return dict(domains)


# "Account executive", "account manager": a post of sales, and of PR and advertising agencies alike.
_ACCOUNT_POST_RE = re.compile(r"\baccount\s+(?:executive|manager|director|supervisor|coordinator)\b", re.IGNORECASE)
_PR_CONCEPT = "pr_comms"
_PR_WORK = frozenset({_PR_CONCEPT})
_PR_SENSE = "public relations"
_SELLING_WORK = frozenset({"sales_rep", "sales_skills"})


def _read_account_posts(roles: list[Role], lines: list[str], line_hits: list[list[Hit]]) -> None:
    """An account executive whose own lines (its heading aside) name public-relations work and no
    selling works at a PR agency: its sense is "public relations", and its title is read as PR work, not
    a sales post, in its heading and wherever the CV writes it alone (the headline). A twin heading with
    no lines of its own (same title and dates) reads the same."""
    for role in roles:
        if not _ACCOUNT_POST_RE.search(role.title):
            continue
        body = [i for i in range(role.line, role.last_line + 1) if role.title not in lines[i]]
        shown = {hit.concept for i in body for hit in line_hits[i]}
        if shown & _PR_WORK and not shown & _SELLING_WORK:
            for twin in roles:
                if twin.title == role.title and twin.date_text == role.date_text:
                    twin.sense = _PR_SENSE
    retitled = {role.title.casefold() for role in roles if role.sense == _PR_SENSE}
    for index, line in enumerate(lines):
        if any(title in line.casefold() for title in retitled):
            line_hits[index] = [
                Hit(_PR_CONCEPT, h.start, h.end) if h.concept in _SELLING_WORK else h for h in line_hits[index]
            ]


def _present_unconfirmed(lines: list[str], roles: list[Role], as_of: float, now: float) -> float:
    """The start of the earliest open role counted to today while the CV's newest stated date is
    more than STALE_AFTER years old (a current CV of someone long in one job looks like an old CV: the
    count stands, and the summary says it rests on "Present")."""
    open_starts = [r.start for r in roles if r.ongoing]
    if not open_starts or as_of < now:
        return 0.0
    newest = newest_stated_date(lines, now)
    return min(open_starts) if newest and now - newest > STALE_AFTER else 0.0
