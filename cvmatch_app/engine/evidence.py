"""Evidence for each requirement: what in the CV proves it, how strongly (0..1), and the line to quote."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

from .cv_profile import CVProfile, Role
from .duties import duty_phrases_in
from .experience import describe_years
from .job_profile import _NAMED_ASKS, TOOL, JobProfile, Requirement, _or_options
from .lexicon import (
    CLASS_INCLUDES,
    CREDENTIAL,
    DEGREE_FIELD_FAMILIES,
    DEGREE_FIELD_UMBRELLAS,
    EDUCATION,
    FIELD,
    GENERAL_POST,
    ISCO_OF_TITLE,
    LICENCE_OF_TITLE,
    OTHER_SENSES,
    SOFT,
    TAUGHT_SUBJECTS,
    TITLE,
    get_lexicon,
    load_relations,
    neighbours_of,
    posts_named,
    skill_level,
)
from .occupation_titles import CountedYears
from .occupation_titles import occupation_years as esco_occupation_years
from .occupation_titles import title_evidence as esco_title_evidence
from .semantic import CVVectors, requirement_match, role_closeness
from .tokens import token_spans, tokenize, tokenize_with_case

# A higher degree satisfies a lower one.
_EDU_IMPLIED_BY = {
    "high_school": {"high_school", "associate_degree", "bachelors", "masters", "doctorate", "nursing_degree",
                    "education_degree", "finance_degree", "cs_degree", "medical_degree"},
    "associate_degree": {"associate_degree", "bachelors", "masters", "doctorate", "nursing_degree"},
    "bachelors": {"bachelors", "masters", "doctorate", "medical_degree"},
    "masters": {"masters", "doctorate"},
}  # fmt: skip
_SENIORITY_RE = re.compile(
    r"\b(manager|supervisor|lead|leader|head|director|chief|principal|senior|sr|foreman|superintendent|"
    r"charge|captain|owner|executive chef|sous chef|(?<!commis )(?<!pastry )(?<!line )chef(?! de partie))\b",
    re.IGNORECASE,
)
# Words that mark a role below the level of its trade, and the years in a trade that make a senior.
_JUNIOR_RE = re.compile(
    r"\b(junior|jr|assistant|associate|trainee|apprentice|intern|helper|aide|entry[- ]level|graduate|commis|"
    r"crew|clerk|cadet)\b",
    re.IGNORECASE,
)
_SENIOR_YEARS = 6.0
_DEGREE_RE = re.compile(
    r"\b(degree|bachelor'?s?|master'?s?|b\.?sc?\.?|b\.?a\.?|m\.?sc?\.?|ph\.?d|diploma|associate'?s?|"
    r"major(?:ed)? in)(?!\w)",
    re.IGNORECASE,
)
_BROAD_DOMAINS = frozenset({"general", "management", "care", "admin", "health", "safety"})
_GENERIC_TERMS = frozenset(
    tokenize(
        "certification certified certificate license licence licensed experience knowledge ability skills "
        "degree proficiency proficient familiarity familiar understanding strong excellent working"
    )
)


# How strongly each kind of evidence proves a requirement (MET and above counts as a strength).
PROVEN = 1.0
SENIOR_BY_YEARS = 0.9  # the trade's title without the senior word, but six years in it
HEADLINE_BESIDE_ROLES = 0.8  # the headline names the job, the dated roles do not
SIMILAR_TITLE = 0.8  # a title the lexicon cannot name that reads as the job's own
LICENSED_AS = 0.8  # the occupation's own licence, without a role titled so
UNDATED_ROLE = 0.8  # a job title in the work history whose dates could not be read
MET = 0.7
IMPLIED = 0.7  # implied by the work history or the job's title held, or a misspelling
LOWER_LEVEL = 0.6  # the job's trade below the level the title asks
NEAR_TITLE = 0.65  # a same-field title at the asked level or above, with the title's work in the CV
STEP_DOWN = 0.8  # a same-field title above the level asked, with the asked job's work in the CV
SAME_FAMILY = 0.62  # the job's title family held in another post (a benefits specialist for an HR generalist)
MENTIONED = 0.5  # named in the CV, not held
RELATED_ROLE = 0.4  # a neighbouring occupation held
RELATED_ROLE_BELOW_LEVEL = 0.25


@dataclass
class Finding:
    requirement: Requirement
    met: float  # 0..1: 1 = proven, 0.5 = related evidence, 0 = nothing proves it
    cv_line: str = ""
    found: str = ""  # what in the CV answers it (a concept label, "6.5 years")
    roles: list[Role] = field(default_factory=list)
    # Years met only with related work (a yoga instructor's for a personal trainer): they count toward the
    # score, but the card says so and does not state the years asked as met.
    related: bool = False


def _line_for(cv: CVProfile, concept_ids: list[str], asked: str | list[str] = "") -> tuple[str, str, int]:
    """(what the CV says, the CV line proving it, how many lines mention it) for the first concept present.
    The most literal line wins: one naming what the job asked ("knife skills") over one naming another
    member of the same concept ("recipes"); then work history and certifications over a skills list."""
    lexicon = get_lexicon()
    asked_words = [asked.lower()] if isinstance(asked, str) else [a.lower() for a in asked]
    asked_words = [a for a in asked_words if a]
    first: tuple[str, str, int] | None = None
    for cid in concept_ids:
        lines = cv.concept_lines.get(cid)
        if not lines:
            continue
        best: tuple[tuple[bool, bool, bool, int], str, str] | None = None
        for index in lines:
            line = cv.lines[index]
            said_all = [lexicon.surface(line, h) for h in lexicon.find(line) if h.concept == cid]
            literal = next((w for w in said_all if w and any(same_thing(a, w) for a in asked_words)), "")
            said = literal or (said_all[0] if said_all else "")
            # The name asked ("closing") before a thing that proves it ("exceeded sales goals").
            by_proof = bool(literal) and all(lexicon.proves_name(w, a) for w in [literal] for a in asked_words)
            rank = (not literal, by_proof, cv.sections[index] not in ("experience", "certifications", "top"), index)
            if best is None or rank < best[0]:
                best = (rank, said, line)
        assert best is not None
        found = (best[1] or lexicon.concept(cid).label, best[2], len(lines))
        if not best[0][0]:
            return found  # the thing asked, named literally ("web design" beside "Figma or web design")
        first = first or found
    # No concept names it literally: the first alternative's most fitting line.
    return first or ("", "", 0)


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w)


def same_thing(asked: str, said: str) -> bool:
    """Whether the CV's words name what the job asked, not another member of the same concept:
    the same words ("Adobe Photoshop" for "Photoshop"), or one the abbreviation of the other ("GL")."""
    a = [t for t in tokenize(asked) if t not in _GENERIC_TERMS] or tokenize(asked)
    b = [t for t in tokenize(said) if t not in _GENERIC_TERMS] or tokenize(said)
    if not a or not b:
        return False
    if get_lexicon().same_name(asked, said):
        return True  # "month-end close" and "monthly close"
    if set(a) <= set(b):
        return True  # "Photoshop" asked, "Adobe Photoshop" said
    if set(b) <= set(a) and 2 * len(set(b)) >= len(set(a)):
        return True  # "Adobe Photoshop" asked, "Photoshop" said; but "tax" is not "sales and use tax"
    if len(a) == len(b) == 1 and min(len(a[0]), len(b[0])) >= 4 and (a[0].startswith(b[0]) or b[0].startswith(a[0])):
        return True  # "math" and "mathematics"
    joined_a, joined_b = "".join(a), "".join(b)
    return joined_a == joined_b or _initials(a) == joined_b or _initials(b) == joined_a


def _relevant_roles(cv: CVProfile, concept_ids: list[str]) -> list[Role]:
    wanted = set(concept_ids)
    lexicon = get_lexicon()
    # "Years of hotel experience" asks for a field: any role whose work belongs to it counts.
    fields = {d for cid in wanted if lexicon.concept(cid).category == FIELD for d in lexicon.concept(cid).domains}
    out = []
    wanted_titles = {cid for cid in wanted if lexicon.concept(cid).category == TITLE}
    for role in cv.roles:
        shared = role.concepts & wanted
        held = _titles_of(role.heading)
        if shared and shared <= wanted_titles and held and not held & wanted_titles and not _same_field(held, shared):
            # "Assist the dentist" in a Receptionist's bullets names the job, it is not the job.
            continue
        if shared and _field_named_in_passing(role, shared, held):
            continue  # a purchasing agent buying for construction sites has no years in construction
        if shared:
            out.append(role)
        elif (
            fields
            and not _titled_in_other_fields(role, held, fields)
            and any(
                lexicon.concept(c).category in (TITLE, FIELD) and fields & set(lexicon.concept(c).domains)
                for c in role.concepts
            )
        ):
            out.append(role)
    return out


def _titled_in_other_fields(role: Role, held: set[str], fields: set[str]) -> bool:
    """Whether a role's title is an occupation of other fields only (a graphic designer) and its heading
    names none of the fields asked: a word of the field in its lines (a welded piece of jewellery) is no
    year in construction. A manager or owner of any trade is not such a title."""
    if not held:
        return False
    lexicon = get_lexicon()
    if any(
        not set(domains) - _BROAD_DOMAINS or set(domains) & fields
        for domains in (lexicon.concept(t).domains for t in held)
    ):
        return False
    return not any(fields & set(lexicon.concept(h.concept).domains) for h in lexicon.find(role.heading))


def _field_named_in_passing(role: Role, shared: set[str], held: set[str]) -> bool:
    """Whether a role shares only workplace fields with the ask, named in its lines, while its title is an
    occupation of other fields and its heading names none of them: a graphic designer's posters for a
    hospital are no years in healthcare, a buyer's construction materials none in construction."""
    lexicon = get_lexicon()
    if not held or any(lexicon.concept(cid).category != FIELD for cid in shared):
        return False
    fields = {d for cid in shared for d in lexicon.concept(cid).domains}
    own_fields = [set(lexicon.concept(title).domains) for title in held]
    if any(not domains - _BROAD_DOMAINS or domains & fields for domains in own_fields):
        return False  # a manager or an owner of any trade, or a title of the field itself
    return not {h.concept for h in lexicon.find(role.heading)} & shared


def _same_field(a: set[str], b: set[str]) -> bool:
    lexicon = get_lexicon()
    fields_a = {d for cid in a for d in lexicon.concept(cid).domains} - _BROAD_DOMAINS
    return bool(fields_a & ({d for cid in b for d in lexicon.concept(cid).domains} - _BROAD_DOMAINS))


def _titles_of(text: str) -> set[str]:
    return set(_title_concepts_in(text))


@lru_cache(maxsize=4096)
def _title_concepts_in(text: str) -> frozenset[str]:
    # Role titles are looked up many times per CV (years, neighbours, caps): read each once.
    lexicon = get_lexicon()
    hits = [h for h in lexicon.find(text) if lexicon.concept(h.concept).category == TITLE]
    assisted = _ASSISTANT_TO_RE.search(text)
    if assisted:
        # "Assistant to CFO", "Executive Assistant to the Director": the person assisted is not the title held.
        spans = token_spans(text)
        hits = [h for h in hits if h.start >= len(spans) or spans[h.start][0] < assisted.end()]
    return frozenset(h.concept for h in hits)


_ASSISTANT_TO_RE = re.compile(r"\bassistant\s+to\s+(?:the\s+)?", re.IGNORECASE)


NEIGHBOUR_CAP = 45.4  # the job's own occupation never held: related at most, never "Consider" high
NEIGHBOUR_YEARS = 0.5  # a year in a neighbouring occupation counts as half a year in the one asked


def _did_the_work(role: Role, own: set[str]) -> bool:
    """A role of the same field at the asked level or above whose own lines name the title asked (a
    staff accountant's years running accounts payable are years of accounts payable)."""
    if not role.concepts & own:
        return False
    lexicon = get_lexicon()
    fields = {d for cid in own for d in lexicon.concept(cid).domains} - _BROAD_DOMAINS
    return any(
        set(lexicon.concept(held).domains) & fields and _at_least_the_level(held, own)
        for held in _held_titles(role.heading) - own
    )


_DUTY_PHRASES = 3  # distinct phrases of the asked occupation's work in one role's own lines
_DUTY_LINES = 2  # ... spread over at least this many lines


@lru_cache(maxsize=8192)
def _occupation_named(line: str, own: frozenset[str]) -> frozenset[str]:
    """The words of a line that name one of the ``own`` occupations, each as its stemmed words."""
    stems = tokenize(line)
    return frozenset(" ".join(stems[h.start : h.end]) for h in get_lexicon().find(line) if h.concept in own)


def _did_the_duties(cv: CVProfile, role: Role, own: set[str]) -> bool:
    """A role whose heading names no occupation of another field ("Senior Executive", "Digital
    Premedia Specialist", no title at all) and whose own lines clearly show the asked occupation's
    work: at least ``_DUTY_PHRASES`` distinct phrases of it (``data/duties.txt``: "invoice
    processing", "vendor payments", "3-way match"; or the occupation's own name, "accounts payable")
    on ``_DUTY_LINES`` or more lines. One phrase is no occupation, and a role titled in another field
    never counts, so a cook who "answered phones" gains no years as an administrative assistant."""
    held = _held_titles(role.heading)
    if held & own or (held and not _same_field(held, own)):
        return False
    own_key = frozenset(own)
    named = {i for cid in own for i in cv.concept_lines.get(cid, ())}  # lines naming the occupation
    phrases: set[str] = set()
    lines: set[int] = set()
    for index in range(role.line, min(role.last_line, len(cv.lines) - 1) + 1):
        if index == cv.name_line or index in cv.ignored_lines:
            continue  # the candidate's name, or a keyword wall the reader set aside
        found = set(duty_phrases_in(cv.lines[index], own_key))
        if index in named:
            found |= _occupation_named(cv.lines[index], own_key)  # "accounts payable", "AP clerk"
        if found:
            phrases |= found
            lines.add(index)
    return len(phrases) >= _DUTY_PHRASES and len(lines) >= _DUTY_LINES


def _held_titles(role_heading: str) -> set[str]:
    """The occupations a role's heading names, in its title or its employer ("Lead Educator ·
    Bright Horizons Child Care Center": the centre says what the educator does)."""
    return _titles_of(role_heading)


_SIMILAR_TITLE = 0.74  # raw cosine of static title vectors: a paraphrase of the title, not a neighbour


def _similar_title_roles(cv: CVProfile, job: JobProfile) -> list[Role]:
    """Roles whose titles the lexicon cannot name but the embedding reads as the job's title."""
    unknown = [r for r in cv.roles if not _titles_of(r.heading)]
    if not unknown:
        return []
    sims = role_closeness(job.title_vector, unknown)
    return [r for r, sim in zip(unknown, sims, strict=True) if sim >= _SIMILAR_TITLE]


def relevant_years(cv: CVProfile, job: JobProfile, concept_ids: list[str]) -> tuple[float, list[Role]]:
    """Years of dated work counted for the occupation asked (``counted_years``), with their roles."""
    counted = counted_years(cv, job, concept_ids)
    return counted.years, counted.roles


_WORK_OF_TITLES_FILE = Path(__file__).with_name("data") / "work_of_titles.txt"


@lru_cache(maxsize=1)
def _work_of_titles() -> dict[str, tuple[tuple[str, ...], ...]]:
    """``data/work_of_titles.txt``: occupation -> titles of other occupations doing its whole work."""
    out: dict[str, tuple[tuple[str, ...], ...]] = {}
    for raw in _WORK_OF_TITLES_FILE.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if "|" in line:
            concept, titles = (part.strip() for part in line.split("|", 1))
            out[concept] = tuple(tuple(tokenize(t)) for t in titles.split(";") if t.strip())
    return out


def _title_does_the_work(role: Role, own: set[str]) -> bool:
    """A role whose title is a post doing the asked occupation's whole work (a cashier's years for a
    customer-service ask), whatever occupation the lexicon files the title under."""
    words = tokenize(role.title)
    titles = [t for cid in own for t in _work_of_titles().get(cid, ())]
    return any(words[i : i + len(t)] == list(t) for t in titles for i in range(len(words) - len(t) + 1))


def _in_another_post(cv: CVProfile, role: Role, own: set[str], posts: dict[str, frozenset[str]]) -> bool:
    """A role of the job's family whose title holds another post than the one the job's title names (a
    web designer for a graphic designer), only the family ("Independent Designer"), or the family's
    general post without the asked post's work in its lines (a finance assistant reviewing funds for
    accounts payable): a neighbour's years, not the post's."""
    held = _held_titles(role.heading) & own
    if not held or not posts:
        return False
    return not holds_asked_post(role.heading, held, posts) or not _shows_the_post(cv, role, held, posts)


def counted_years(cv: CVProfile, job: JobProfile, concept_ids: list[str], asked: str = "") -> CountedYears:
    """Years of dated work in the occupation asked: for a job title, roles that held it (a title the
    bullets merely mention, or a skill such as "recipes" in a PR manager's role, are not years as a chef).
    A neighbouring occupation's years count for half, as related work (``own`` leaves them out); so do a
    family's roles in another post than the one the ask names (``asked``: "2+ years of accounts payable")."""
    from .experience import merged_years

    ids = concept_ids or job.title_concepts
    lexicon = get_lexicon()
    own = {cid for cid in ids if lexicon.concept(cid).category == TITLE} & set(job.title_concepts)
    if own:
        # "2+ years of accounts payable": the years asked are the post's (an all-round post asks the family).
        posts = {cid: named - {GENERAL_POST} for cid in own if (named := posts_named(asked, cid)) - {GENERAL_POST}}
        other_post = [r for r in cv.roles if _in_another_post(cv, r, own, posts)]
        roles = [
            r
            for r in cv.roles
            if r not in other_post
            and (
                _held_titles(r.heading) & own
                or _did_the_work(r, own)
                or _did_the_duties(cv, r, own)
                or _title_does_the_work(r, own)
            )
        ]
        roles += [r for r in _similar_title_roles(cv, job) if r not in roles and r not in other_post]
        near = neighbours_of(own)
        nearby = [r for r in cv.roles if r not in roles and (_held_titles(r.heading) & near or r in other_post)]
        if nearby:
            # A neighbouring occupation's years (a concierge's for a security officer) count for half.
            held = merged_years([(r.start, r.end) for r in roles])
            years = held + NEIGHBOUR_YEARS * merged_years([(r.start, r.end) for r in nearby])
            return CountedYears(round(years, 2), held, roles + nearby)
    elif ids:
        roles = _relevant_roles(cv, ids)
        if set(ids) & set(job.title_concepts):
            roles += [r for r in _similar_title_roles(cv, job) if r not in roles]
    elif job.occupation_codes and cv.roles:
        # An occupation only ESCO knows: roles titled as it; related roles doing its work and neighbours.
        return esco_occupation_years(job.occupation_codes, job.title, job.title_vector, cv.roles, cv, job.jd_vectors)
    else:
        # No concept names the work (an occupation the lexicon does not know): roles whose titles
        # read like the job's title count, by the embedding; without a model, none can be shown.
        roles = [r for r, closeness in zip(cv.roles, role_closeness(job.title_vector, cv.roles), strict=True)
                 if closeness >= 0.5]  # fmt: skip
    years = merged_years([(r.start, r.end) for r in roles])
    if not roles and not cv.roles and cv.claimed_years and (not own or _headline_names(cv, own)):
        # No dated roles at all: fall back on the CV's own statement, discounted, when the CV says it
        # is of this occupation ("16 years of experience" from a finance manager are no years in sales).
        claimed = round(cv.claimed_years * CLAIMED_YEARS_SHARE, 1)
        return CountedYears(claimed, claimed, [])
    return CountedYears(years, years, roles)


_HEADLINE_WORDS = 8
CLAIMED_YEARS_SHARE = 0.8  # a CV's own "N years of experience", without dated roles, counts for this much


def _headline_names(cv: CVProfile, titles: set[str]) -> bool:
    """Whether the headline names one of ``titles`` as the candidate's own (a summary sentence that
    mentions "sales" does not make a finance manager a salesperson)."""
    for index, line in enumerate(cv.lines[:4]):
        if index == cv.name_line or cv.sections[index] != "top" or len(line.split()) > _HEADLINE_WORDS:
            continue
        if _titles_of(line) & titles:
            return True
    return False


def _held_title_role(cv: CVProfile, title_concepts: list[str]) -> Role | None:
    if not title_concepts:
        return None
    wanted = set(title_concepts)
    lexicon = get_lexicon()
    for role in cv.roles:
        if {h.concept for h in lexicon.find(role.heading)} & wanted:
            return role
    return None


# Words that frame an ask rather than name its content: "a portfolio that shows print and digital work"
# asks for print and digital work (the portfolio itself is attached, not written in the CV).
_ASK_FRAMING = frozenset(tokenize("portfolio show shows showing demonstrate demonstrates demonstrating evidence"))


@lru_cache(maxsize=1)
def _ask_words() -> frozenset[str]:
    """``data/ask_words.txt``: the helper words of a free-text ask ("experience", "supervising",
    "strong"); what is left is the ask's object, which the CV must show."""
    text = (Path(__file__).with_name("data") / "ask_words.txt").read_text(encoding="utf-8")
    return frozenset(w for raw in text.splitlines() for w in tokenize(raw.split("#", 1)[0]))


def _object_words(words: list[str], keep_helpers: bool = True) -> list[str]:
    """The words naming what an ask is about: "experience supervising and training kitchen staff" ->
    kitchen, staff. A CV line sharing only the helper words shows nothing of it; an ask made only of
    helper words keeps them (unless its "or" list names the object)."""
    helpers = _GENERIC_TERMS | _ask_words() | _ASK_FRAMING
    objects = [t for t in words if t not in helpers]
    if objects or not keep_helpers:
        return objects
    return [t for t in words if t not in _GENERIC_TERMS and t not in _ASK_FRAMING] or words


_HYPHENATED_RE = re.compile(r"\b([a-z]{1,6})-([a-z]{3,})\b", re.IGNORECASE)


def _compound_words(cv: CVProfile) -> dict[str, str]:
    """Words written with a hyphen, joined, and how the CV wrote them: "prepress" -> "pre-press"."""
    return {(a + b).lower(): f"{a}-{b}".lower() for line in cv.lines for a, b in _HYPHENATED_RE.findall(line)}


@lru_cache(maxsize=1)
def _term_equivalents() -> dict[str, frozenset[str]]:
    """``data/term_equivalents.txt``: the words a CV uses for a word of a free-text ask."""
    table: dict[str, frozenset[str]] = {}
    for raw in (Path(__file__).with_name("data") / "term_equivalents.txt").read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            asked, _, said = line.partition(":")
            for word in tokenize(asked):
                table[word] = table.get(word, frozenset()) | frozenset(tokenize(said.replace("-", "")))
    return table


_WORD_ENDINGS = ("ings", "ing", "ers", "er", "ors", "or", "ions", "ion", "ed", "es", "s")
MIN_STEM = 5  # "process" of processing / processor; "clos" of closing / closed is too short to tell


def _word_stem(word: str) -> str:
    """The word without one ending of its family: "underwriting" and "underwriter" -> "underwrit"."""
    for ending in _WORD_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            return word[: -len(ending)]
    return word


def _stems_of(cv: CVProfile) -> dict[str, str]:
    """Stem -> a CV word of that family."""
    out: dict[str, str] = {}
    for word in cv.words:
        out.setdefault(_word_stem(word), word)
    return out


_TITLE_SENSES_FILE = Path(__file__).with_name("data") / "title_senses.txt"


@lru_cache(maxsize=1)
def _cv_sense_table() -> list[tuple[frozenset[str], str, frozenset[str]]]:
    """``data/title_senses.txt``'s third column: (title words, the ask's word, CV words of its sense)."""
    out = []
    for raw in _TITLE_SENSES_FILE.read_text(encoding="utf-8").splitlines():
        parts = raw.split("#", 1)[0].split(":")
        if len(parts) == 3 and parts[1].split():
            word = tokenize(parts[1].split()[-1])[0]
            out.append((frozenset(tokenize(parts[0])), word, frozenset(tokenize(parts[2]))))
    return out


def cv_sense_words(title: str) -> dict[str, frozenset[str]]:
    """For a job with this title, the ask words it uses in its own sense and the CV words that show
    that sense on the same CV line: a mortgage processor's "closing" needs a loan beside it."""
    words = set(tokenize(title))
    out: dict[str, frozenset[str]] = {}
    for titles, word, said in _cv_sense_table():
        if titles & words:
            out[word] = out.get(word, frozenset()) | said
    return out


@lru_cache(maxsize=1)
def _ask_sense_table() -> list[tuple[str, str, frozenset[str]]]:
    """``data/ask_senses.txt``: (the ask's words as a pattern, the word, CV words of its sense)."""
    out = []
    for raw in (Path(__file__).with_name("data") / "ask_senses.txt").read_text(encoding="utf-8").splitlines():
        asked, _, said = raw.split("#", 1)[0].partition(":")
        words = asked.split()
        if words and said.split():
            pattern = r"\b" + r"\s+".join(re.escape(w) for w in words) + r"\b"
            out.append((pattern, tokenize(words[-1])[0], frozenset(tokenize(said))))
    return out


def ask_sense_words(source: str, title: str) -> dict[str, frozenset[str]]:
    """The words of a free-text ask read in one sense, each with the CV words that show it: by the
    job's title (``cv_sense_words``) and by the ask's own wording (``data/ask_senses.txt``)."""
    out = dict(cv_sense_words(title))
    for pattern, word, said in _ask_sense_table():
        if re.search(pattern, source, re.IGNORECASE):
            out[word] = out.get(word, frozenset()) | said
    return out


_HEADING_LINES = 2  # a role's title, employer and dates stand on its first lines


def _in_its_sense(term: str, cv: CVProfile, senses: dict[str, frozenset[str]]) -> bool:
    """Whether the CV writes an ask's word in the sense the job means: beside one of the job's sense
    words (``cv_sense_words``), and not in the other sense ``data/word_senses.txt`` names for the
    lexicon ("kitchens" beside "bathrooms" is a room being cleaned, not kitchen work)."""
    if term in senses:
        family = {term, _word_stem(term)}
        lines = [tokenize(line) for line in cv.lines]
        in_sense = {i for i, words in enumerate(lines) if senses[term] & set(words)}
        for role in cv.roles:
            # A role's heading, when its own lines are in the sense ("Closing Specialist" over refinance files).
            span = range(role.line, min(role.last_line, len(lines) - 1) + 1)
            if in_sense & set(span):
                in_sense |= set(span[:_HEADING_LINES])
        return any(family & ({*lines[i], *map(_word_stem, lines[i])}) for i in in_sense)
    hits = get_lexicon().find(term)
    others = OTHER_SENSES.get((hits[0].concept, term)) if len(hits) == 1 else None
    if others and term in cv.words:
        # Some line writes the word with none of the other sense's words on it.
        return any(term in words and not others & set(words) for words in (tokenize(line) for line in cv.lines))
    return True


@lru_cache(maxsize=1)
def _handled_words() -> frozenset[str]:
    """``data/handled_words.txt``: nouns after an activity word that name what was handled."""
    text = (Path(__file__).with_name("data") / "handled_words.txt").read_text(encoding="utf-8")
    return frozenset(w for raw in text.splitlines() for w in tokenize(raw.split("#", 1)[0]))


# "Conferred with underwriters", "results from underwriting", "submitted to underwriting": the people or
# the department whose work it is.
_OTHERS_BEFORE = frozenset({"with", "to", "from", "by"})
_ACTIVITY_ENDING = "ing"


def _activity_line(term: str, cv: CVProfile) -> str | None:
    """The first CV line that shows an activity the ask names ("underwriting") as work the candidate
    did: it writes the activity, or its doer's title, other than as the thing handled ("underwriting
    guidelines", "closing documents", ``data/handled_words.txt``) or the people or department worked
    with ("conferred with underwriters", "results from underwriting"); "" when no line does, None for
    a word that names no activity, or that the CV never writes, or whose first use shows it (the usual
    reading then applies)."""
    stem = _word_stem(term)
    if not term.endswith(_ACTIVITY_ENDING) or len(term) <= len(_ACTIVITY_ENDING) + 2:
        return None
    handled = _handled_words()
    skipped = False
    for line in cv.lines:
        words = tokenize(line)
        for at, word in enumerate(words):
            if word != term and (stem == term or _word_stem(word) != stem):
                continue  # "closing" has no family the stem can tell ("closed", "closet")
            after = words[at + 1] if at + 1 < len(words) else ""
            before = words[at - 1] if at else ""
            if after in handled or before in _OTHERS_BEFORE:
                skipped = True
                continue
            return line if skipped else None
    return "" if skipped else None


def _term_shown(
    term: str, cv: CVProfile, compounds: dict[str, str], stems: dict[str, str], senses: dict[str, frozenset[str]]
) -> tuple[float, str]:
    """(how surely the CV shows one word of a free-text ask, the word as the CV writes it); a word
    of the same family counts when both are derived ("underwriting" shown by "Underwriter"), a
    workplace by a role of its field ("kitchen" by a line cook's role); a word written in another
    sense than the job's shows nothing (``_in_its_sense``)."""
    done = _activity_line(term, cv)
    if not _in_its_sense(term, cv, senses) or done == "":
        held = _field_word_held(term, cv)
        return (ROLE_SHOWS_FIELD, held) if held else (0.0, "")
    if done:
        return 1.0, done.lower()  # the line that shows the work, quoted rather than the first naming it
    if term in cv.words:
        return 1.0, term
    if term in compounds:
        return 1.0, compounds[term]
    stem = _word_stem(term)
    if stem != term and stem in stems:  # a derived word asked ("print" is not shown by "3D printing")
        return 1.0, stems[stem]
    said = _term_equivalents().get(term, frozenset()) & (set(cv.words) | set(compounds))
    if said:
        first = sorted(said)[0]
        return 1.0, compounds.get(first, first)
    if len(term) >= 5 and cv.words:
        best = process.extractOne(term, list(cv.words), scorer=fuzz.ratio, score_cutoff=87)
        if best:
            return 0.8, best[0]
    held = _field_word_held(term, cv)
    return (ROLE_SHOWS_FIELD, held) if held else (0.0, "")


ROLE_SHOWS_FIELD = 0.75  # a workplace word shown by a role of its field, not written: enough alone, less in a phrase


def _field_word_held(term: str, cv: CVProfile) -> str:
    """The heading of a role whose title works in the field a word of the ask names: a line cook's
    role is kitchen work though the CV never writes "kitchen"."""
    lexicon = get_lexicon()
    concepts = [lexicon.concept(h.concept) for h in lexicon.find(term)]
    fields = [set(c.domains) for c in concepts if c.category == FIELD]
    if not fields:
        return ""
    for role in cv.roles:
        if any(_heading_shows_field(_held_titles(role.heading), f) for f in fields):
            return role.title.lower()
    for index, line in enumerate(cv.lines[:4]):
        # The headline naming the candidate's own trade ("PERSONAL CHEF" above the work history).
        if index == cv.name_line or cv.sections[index] != "top" or len(line.split()) > _HEADLINE_WORDS:
            continue
        if any(f <= set(lexicon.concept(c).domains) for c in _titles_of(line) for f in fields):
            return line.lower()
    return ""


def _heading_shows_field(held: set[str], field_domains: set[str]) -> bool:
    """Whether the titles a role's heading holds place the role in a field: one of them works in it and
    none is an occupation of an unrelated field. A heading joining occupations of two fields ("Lab
    Technician Technical Support", "Receptionist Cashier / CSR") is one job whose lines say which
    field it is in; its title alone shows neither."""
    lexicon = get_lexicon()
    own = [set(lexicon.concept(c).domains) for c in held]
    if not any(field_domains <= domains for domains in own):
        return False
    return not any((domains - _BROAD_DOMAINS) and not domains & field_domains for domains in own)


def _best_option(
    cv: CVProfile,
    alternatives: list[list[str]],
    compounds: dict[str, str],
    stems: dict[str, str],
    senses: dict[str, frozenset[str]],
) -> tuple[float, list[str]]:
    """An "or" list of a free-text ask ("underwriting or closing"): the alternative the CV shows best,
    as (share of its words shown, the words as the CV writes them). Any one alternative answers it."""
    best: tuple[float, list[str]] = (0.0, [])
    for alternative in alternatives:
        words = _object_words(alternative)
        shown = [_term_shown(t, cv, compounds, stems, senses) for t in words]
        found = [w for v, w in shown if v]
        share = sum(v for v, _ in shown) / len(words)
        if len(words) > 1 and found:
            # One thing in several words ("a multi-location business"): its words on one line.
            line = _line_naming_most(cv, found, 1).lower()
            share = min(share, sum(1 for w in found if w in line) / len(words))
        if share > best[0] or (
            share == best[0] and found and _in_work_history(cv, found) > _in_work_history(cv, best[1])
        ):
            best = (share, found)  # of equals, the alternative the work history shows over a skills list
    return best


def _in_work_history(cv: CVProfile, found: list[str]) -> bool:
    line = _line_naming_most(cv, found, 1)
    return bool(line) and cv.sections[cv.lines.index(line)] == "experience"


# The people a supervising ask leads ("kitchen staff"): they count when the CV names them, and a CV
# that says "trained the crew" instead is not marked down for the word.
_LED_PEOPLE = frozenset(tokenize("staff employees personnel workers"))
_FEW_OBJECTS = 2  # an ask about one or two things needs each; a longer list may miss one
_LONG_LIST = 3  # a listed ask of this many things or more is met when all but one are shown
FREE_TEXT_PROVEN = 0.75  # the share of a free-text ask's words that proves it
OBJECT_UNSHOWN_SHARE = 0.5  # the share of an ask whose object the CV does not show: mentioned at most


def _fuzzy_terms(
    cv: CVProfile,
    terms: list[str],
    listed: bool = True,
    options: list[list[list[str]]] | None = None,
    senses: dict[str, frozenset[str]] | None = None,
) -> tuple[float, str]:
    """(share of the ask's words the CV shows, the line quoting them); ``listed`` when the ask lists
    several things ("print and digital work"), which a CV may show on different lines. Each "or" list
    of ``options`` counts as one word of the ask, shown when any one of its alternatives is."""
    options = options or []
    senses = senses or {}
    in_options = {t for alternatives in options for alt in alternatives for t in alt}
    terms = [t for t in terms if t not in _GENERIC_TERMS and t not in in_options]
    terms = [t for t in terms if t not in _ASK_FRAMING] or terms
    if not terms and not options:
        return 0.0, ""
    objects = set(_object_words(terms, keep_helpers=False))
    compounds, stems = _compound_words(cv), _stems_of(cv)
    found = 0.0
    matched: list[str] = []
    unshown: list[str] = []
    unasked = 0
    for term in terms:
        value, word = _term_shown(term, cv, compounds, stems, senses)
        found += value
        matched += [word] if value else []
        unshown += [term] if term in objects and not value else []
        unasked += 1 if term in _LED_PEOPLE and not value else 0
    for alternatives in options:
        value, words = _best_option(cv, alternatives, compounds, stems, senses)
        found += value
        matched += words
    units = max(1, len(terms) + len(options) - unasked)
    share = found / units
    if listed and units >= _LONG_LIST and found >= units - 1 and not unshown[1:]:
        # "Typography, layout and colour": a list of skills of one trade, shown all but one, is met.
        share = max(share, FREE_TEXT_PROVEN)
    if unshown and (len(objects) <= _FEW_OBJECTS or len(unshown) > 1):
        # What the ask is about is missing: the helper words ("supervised staff") prove nothing of it.
        share = min(share, OBJECT_UNSHOWN_SHARE)
    return _quoted(cv, matched, share, units, listed)


def _quoted(cv: CVProfile, matched: list[str], share: float, units: int, listed: bool) -> tuple[float, str]:
    """The line that names most of what was found (the strongest evidence), the first of equals; when
    the ask lists several things the CV shows on different lines, the line that names the rest too."""
    line = _line_naming_most(cv, matched, max(1, len(matched) // 2))
    rest = [m for m in matched if m not in line.lower()]
    if line and rest and not listed:
        # One thing in several words ("packaging design"): its words on different lines are not it.
        share = min(share, (len(matched) - len(rest)) / units)
    elif line and rest and share >= FREE_TEXT_PROVEN:
        other = _line_naming_most(cv, rest, 1)
        line = f"{line} … {other}" if other else line
    return share, line


def _line_naming_most(cv: CVProfile, words: list[str], least: int) -> str:
    line, most = "", least - 1
    for text in cv.lines:
        low = text.lower()
        count = sum(1 for m in words if m in low)
        if count > most:
            line, most = text, count
    return line


def assess_requirement(req: Requirement, cv: CVProfile, job: JobProfile, vectors: CVVectors) -> Finding:
    """How well the CV proves one requirement, with the line that shows it; an "A or B" ask by the
    alternative the CV shows best."""
    if req.either:
        best = max((assess_requirement(part, cv, job, vectors) for part in req.either), key=lambda f: f.met)
        return Finding(req, best.met, best.cv_line, best.found, best.roles)
    if req.category == "years":
        return _years_evidence(req, cv, job)
    if req.category == EDUCATION:
        return _licence_beside_degree(req, cv) or _education_evidence(req, cv)
    if req.category == TITLE and not req.alternatives and job.occupation_codes:
        return _esco_title_finding(req, cv, job)
    if req.category == TITLE:
        return _best_of(_title_evidence(req, cv, job), _listed_beside_the_job(req, cv, job))
    if req.alternatives:
        return _concept_evidence(req, cv, job, vectors)
    return _free_text_evidence(req, cv, vectors, job.title)


def _best_of(finding: Finding, other: Finding | None) -> Finding:
    return other if other is not None and other.met > finding.met else finding


def _listed_beside_the_job(req: Requirement, cv: CVProfile, job: JobProfile) -> Finding | None:
    """An occupation the JD lists as one side of an "A, B or C" ask whose other side is the job's own work
    ("2+ years in care coordination, case management, patient navigation or social services" for a Care
    Coordinator): the list asks any of them, so a CV shown as the job itself meets this side too."""
    if not job.title or req.source == job.title:
        return None
    own = [w[:_STEM_CHARS] for w in tokenize(job.title)]  # "care coordinator" names "care coordination"
    if not any([w[:_STEM_CHARS] for w in alt] == own for alts in _or_options(req.source) for alt in alts):
        return None
    if job.title_concepts:
        shown = _title_evidence(replace(req, alternatives=list(job.title_concepts), source=job.title), cv, job)
    elif job.occupation_codes:
        shown = _esco_title_finding(req, cv, job)
    else:
        return None
    return Finding(req, shown.met, shown.cv_line, shown.found, shown.roles)


def _licence_beside_degree(req: Requirement, cv: CVProfile) -> Finding | None:
    """ "A bachelor's degree in social work, or an LPN or Medical Assistant certificate": the occupation
    named beside the degree is met by its licence ("Fully credentialed LPN", "LPN license") or by a role
    held in it, whatever field the degree asks."""
    for cid in req.alternatives:
        if get_lexicon().concept(cid).category != TITLE:
            continue
        licence = LICENCE_OF_TITLE.get(cid)
        if licence and cv.concept_lines.get(licence):
            found, line, _ = _line_for(cv, [licence])
            return Finding(req, PROVEN, line, found)
        role = next((r for r in cv.roles if cid in _held_titles(r.heading)), None)
        if role is not None:
            return Finding(req, PROVEN, f"{role.title} ({role.date_text})", role.title, [role])
    return None


def _esco_title_finding(req: Requirement, cv: CVProfile, job: JobProfile) -> Finding:
    """The job's title placed by ESCO, not the lexicon (occupation_titles.py)."""
    shown = esco_title_evidence(job.occupation_codes, job.title, job.title_vector, cv, job.jd_vectors)
    return Finding(req, shown.met, shown.cv_line, shown.found, shown.roles)


# Years met with related work state the ask as met only when this share of the years asked is in the
# occupation itself: a digital marketer's 1.75 years of 2 topped up with marketing is met, a brand manager's
# 5 years of brand work alone are related work.
OWN_YEARS_SHARE = 1 / 3


def _years_evidence(req: Requirement, cv: CVProfile, job: JobProfile) -> Finding:
    counted = counted_years(cv, job, req.alternatives, req.label)
    years, own, roles = counted.years, counted.own, counted.roles
    if req.asked or req.terms:
        years, roles = _years_doing_the_subject(req, cv, roles)
        own = min(own, years)
    if req.term_options and years < req.years:
        before = years
        years, roles = _years_with_unnamed_sides(req, cv, roles)
        own += years - before  # the listed work no concept names is the job's own work
    fit = min(1.0, years / req.years) if req.years else 1.0
    related = fit >= 1.0 and req.years > 0 and own < OWN_YEARS_SHARE * req.years
    line = "; ".join(f"{r.title} ({r.date_text})" for r in roles[:3])
    return Finding(req, round(fit, 2), line, describe_years(years), roles, related=related)


def _years_doing_the_subject(req: Requirement, cv: CVProfile, roles: list[Role]) -> tuple[float, list[Role]]:
    """Of the roles in the occupation, those that did the work the years ask names: held the post asked
    ("1 year as a sous chef": a heading naming it) or did the subject ("construction safety": a role in
    construction titled for safety, or a lead's role whose lines name it; a labourer who followed the
    safety rules did no safety work)."""
    from .experience import merged_years

    def says(text: str) -> bool:
        return any(re.search(rf"\b{re.escape(_work_stem(term))}", text, re.IGNORECASE) for term in req.terms)

    def named(role: Role) -> bool:
        if req.asked:
            return any(_held_the_post(role.heading, post, req.alternatives) for post in req.asked)
        lines = " ".join(cv.lines[role.line : role.last_line + 1])
        return says(role.heading) or (_SENIORITY_RE.search(role.heading) is not None and says(lines))

    kept = [role for role in roles if named(role)]
    if req.terms and not req.asked:
        # A role titled for the subject ("Senior Safety Manager") did it, whatever field the lexicon reads.
        kept += [role for role in cv.roles if role not in kept and says(role.heading)]
    return merged_years([(r.start, r.end) for r in kept]), kept


_STEM_CHARS = 6  # "coordinate" and "coordination" share their first letters
_WORK_SUFFIX_RE = re.compile(r"(?:ing|ment|ation|ion|ers?|ors?|s)$")


def _work_stem(word: str) -> str:
    """The work and its doer share a stem: "driving" and "driver", "management" and "manager"."""
    stem = _WORK_SUFFIX_RE.sub("", word)
    return stem if len(stem) >= 4 else word


def _years_with_unnamed_sides(req: Requirement, cv: CVProfile, roles: list[Role]) -> tuple[float, list[Role]]:
    """A years ask listing work no concept names ("care coordination ... or patient navigation"): roles
    whose own lines name such a side, its words in order ("care coordinator"), count beside the
    concept's roles."""
    from .experience import merged_years

    sides = [
        re.compile(r"\b" + r"\w*\W+".join(re.escape(word[:_STEM_CHARS]) for word in alt), re.IGNORECASE)
        for alternatives in req.term_options
        for alt in alternatives
        if alt
    ]

    def names_side(role: Role) -> bool:
        text = " ".join(cv.lines[role.line : role.last_line + 1])
        return any(side.search(text) for side in sides)

    kept = roles + [role for role in cv.roles if role not in roles and names_side(role)]
    return merged_years([(r.start, r.end) for r in kept]), kept


def _held_the_post(heading: str, post: str, concepts: list[str]) -> bool:
    """A role of the occupation (``relevant_years``) whose heading names the post asked, or a post of its
    specialism ("Account Manager" for an account executive) or no other specialism ("Senior Sales Rep");
    a senior post of the trade when the post asked is a senior one ("Head Chef" for "a year as a sous chef")."""
    if re.search(rf"\b{re.escape(post)}\b", heading, re.IGNORECASE):
        return True
    if _SENIORITY_RE.search(post):
        return _SENIORITY_RE.search(heading) is not None and not _JUNIOR_RE.search(heading)
    for cid in concepts:
        special = posts_named(post, cid) - {GENERAL_POST}
        held = posts_named(heading, cid) - {GENERAL_POST}
        if special and (not held or special & held):
            return True
    return False


def _education_evidence(req: Requirement, cv: CVProfile) -> Finding:
    """A degree or diploma line of the CV's education (not a sentence that uses the word "degree"),
    completed, and in the field the job names when it names one ("a degree in graphic design")."""
    lexicon = get_lexicon()
    accepted: set[str] = set()
    for cid in req.alternatives:
        accepted |= _EDU_IMPLIED_BY.get(cid, {cid})
    # A field's degree written at a level ("Master of Education", "MBA", "Bachelor of Science in
    # Nursing") shows that level too.
    accepted |= {cid for cid in cv.concept_lines if lexicon.concept(cid).category == EDUCATION and cid not in accepted}
    order = sorted(accepted, key=lambda c: (c not in req.alternatives, c))
    field_groups = _asked_field_groups(req.source)
    field_words = [word for group in field_groups for word in group]
    related_accepted = _RELATED_FIELD_RE.search(req.source) is not None
    best: Finding | None = None
    proven: Finding | None = None
    proven_named = False
    for cid in order:
        for index in cv.concept_lines.get(cid, []):
            line = cv.lines[index]
            if not _held_degree_line(cv, index, cid, field_words):
                continue
            said_all = [lexicon.surface(line, h) for h in lexicon.find(line) if h.concept == cid]
            # The degree the JD names ("Elementary Education") before another of the same kind.
            literal = next((w for w in said_all if any(_names_all_of(a, w) for a in req.asked)), "")
            said = literal or (said_all[0] if said_all else "")
            if said.lower() in _BARE_DEGREE and cv.sections[index] not in ("education", "certifications"):
                continue  # "degree specifications", "programs and degrees" in a duty: not the candidate's own
            if cid not in req.alternatives and not _at_degree_level(cid, said or line, req.alternatives):
                continue
            # A credential asked beside the degree ("Bachelor's in nursing ... or an LPN") has no field.
            credential = cid in req.alternatives and lexicon.concept(cid).category != EDUCATION
            named = not field_words or credential or _names_field(cv, index, field_groups)
            if named or _in_umbrella_field(cv, index, field_words):
                if literal and named:
                    return Finding(req, PROVEN, line, said)
                # A degree naming the field asked before one in a subject of that discipline.
                if proven is None or (named and not proven_named):
                    proven, proven_named = Finding(req, PROVEN, line, said or lexicon.concept(cid).label), named
                continue
            related = related_accepted and _in_related_field(cv, index, field_words)
            if best is None or (related and best.met < MET):
                # "A degree in HR, business or a related field": marketing or finance is one of them.
                credit, field_said = (MET, "a related field") if related else (RELATED_MEMBER, "in another field")
                best = Finding(req, credit, line, f"{said or lexicon.concept(cid).label}, {field_said}")
    if proven is not None or best is not None:
        return proven or best  # type: ignore[return-value]
    if req.alternatives == ["high_school"] and cv.roles:
        # Nobody lists a school diploma under years of work; a work history implies it.
        return Finding(req, IMPLIED, "", "implied by the work history")
    return Finding(req, 0.0)


_BARE_DEGREE = frozenset({"degree", "degrees"})
# "A Computer Science junior at Lynchburg College": still studying there, so its degree is not held yet.
_STUDYING_AT_RE = re.compile(
    r"\b(?:junior|sophomore|freshman|undergraduate|undergrad|student)\s+(?:at|of)\s+(?:the\s+)?"
    r"(?P<school>[A-Z][\w&.'-]*(?:\s+(?:of\s+)?[A-Z][\w&.'-]*){0,5})"
)


def _held_degree_line(cv: CVProfile, index: int, cid: str, field_words: list[str]) -> bool:
    """Whether the line shows a degree or diploma the candidate holds: an education line (not a sentence
    using the word), finished (not "expected", not at a school the CV says the candidate still studies
    at), and, where the job asks a field's diploma ("a culinary diploma"), not a high-school diploma."""
    line = cv.lines[index]
    if not _reads_as_education(cv, index) or _UNFINISHED_RE.search(line):
        return False
    if cid == "high_school" and field_words:
        return False  # a high-school diploma is no culinary school's diploma
    studying = [i for i, text in enumerate(cv.lines[:_STUDENT_LINES]) if _STUDYING_AT_RE.search(text)]
    if any(index in cv.concept_lines.get(cid, ()) for index in studying):
        return False  # "a Computer Science junior": the subject's degree is the one under way
    schools = [m.group("school") for i in studying for m in _STUDYING_AT_RE.finditer(cv.lines[i])]
    return not any(school in line for school in schools)


_STUDENT_LINES = 12  # the headline and summary, where a CV says the candidate is a student


def _names_all_of(asked: str, said: str) -> bool:
    """Whether the CV's words name every word the JD asked ("Elementary Education"; a "High School"
    line does not name the diploma)."""
    words = set(tokenize(asked))
    return bool(words) and words <= set(tokenize(said))


# "Some College (No Degree)", "B.S. expected 2026", "a Computer Science junior": not (yet) a degree.
_UNFINISHED_RE = re.compile(
    r"\b(?:no degree|not completed|incomplete|in progress|in-process|in process|expected|anticipated|pursuing|pursing|"
    r"currently enrolled|candidate for|some college|coursework|junior|sophomore|freshman)\b",
    re.IGNORECASE,
)
_LEVEL_RES = {
    "doctorate": re.compile(r"\b(?:ph\.?d|doctor(?:ate)? of|ed\.?d|dnp)\b", re.IGNORECASE),
    "masters": re.compile(r"\b(?:master'?s?|mba|m\.?sc|m\.?s\b|m\.?ed|msn|msw|m\.?a\b|m\.?b\.?a)", re.IGNORECASE),
    "bachelors": re.compile(
        r"\b(?:bachelor'?s?|b\.?sc|b\.?s\b|b\.?a\b|bsn|bsw|b\.?ed|bcom|bba|b\.?tech)", re.IGNORECASE
    ),
    "associate_degree": re.compile(r"\b(?:associate'?s?|a\.?a\.?s|adn)\b", re.IGNORECASE),
}
_LEVEL_ORDER = ("associate_degree", "bachelors", "masters", "doctorate")


def _at_degree_level(cid: str, written: str, asked: list[str]) -> bool:
    """Whether a degree of another concept, as written, is at or above the level asked."""
    if "high_school" in asked:
        return True  # "a diploma or degree", "high school diploma or GED": any degree is more than that
    levels = [lvl for lvl in _LEVEL_ORDER if lvl in asked]
    if not levels:
        return cid in {c for a in asked for c in _EDU_IMPLIED_BY.get(a, {a})}
    floor = _LEVEL_ORDER.index(levels[0])
    return any(_LEVEL_RES[lvl].search(written) for lvl in _LEVEL_ORDER[floor:])


_FIELD_RE = re.compile(
    r"\b(?:degree|diploma|bachelor'?s?|associate'?s?|master'?s?)\s+(?:degree\s+)?(?:in|of)\s+(?P<field>[^.;()]+)",
    re.IGNORECASE,
)
_FIELD_STOP = re.compile(
    r"\b(?:or (?:a )?(?:related|similar|equivalent)|preferred|required|is a plus|and\b(?! ))", re.I
)
_EDUCATION_LINE_WORDS = 12  # outside the education section, a longer line is a sentence, not a degree


_WEAK_FIELD_WORDS = frozenset(
    tokenize(
        "science sciences management studies art arts administration business technology general applied field "
        "engineering education or a an the any relevant related similar equivalent"
    )
)
# "A culinary diploma", "a nursing degree", "culinary school diploma": the word before names the field.
_FIELD_BEFORE_RE = re.compile(
    r"\b(?P<field>[a-z]{4,})\s+(?:(?:school|college|program|programme)\s+)?(?:diploma|degree)\b", re.IGNORECASE
)
# "... or a related field", "or equivalent": a degree at the level asked in another field meets it.
_RELATED_FIELD_RE = re.compile(
    r"\bor (?:a |an |another |any )?(?:closely )?(?:related|similar|relevant|equivalent)\b", re.IGNORECASE
)
# The field's phrase ends where the sentence turns to another ask: "education, a reading specialist
# endorsement", "civil engineering, experience with Procore".
_FIELD_END_RE = re.compile(r",\s*(?:or\s+)?(?:a|an|the|any|experience|knowledge|with|and)\b", re.IGNORECASE)
_NOT_A_FIELD = frozenset(
    tokenize("bachelor bachelors master masters associate associates university college school high graduate advanced")
)


def _asked_field_phrase(source: str) -> str:
    """The words naming the field in "a bachelor's degree in graphic design or a related field" or "a
    culinary diploma" ("graphic design", "culinary"); "" when the ask names none."""
    match = _FIELD_RE.search(source)
    if match:
        return _FIELD_STOP.split(_FIELD_END_RE.split(match.group("field"))[0])[0]
    before = _FIELD_BEFORE_RE.search(source)
    return before.group("field") if before and tokenize(before.group("field"))[0] not in _NOT_A_FIELD else ""


def _asked_field(source: str) -> list[str]:
    """The subject words of "a bachelor's degree in graphic design or a related field" or "a culinary
    diploma" (stemmed, without words every degree shares such as "science" or "management")."""
    return [word for group in _asked_field_groups(source) for word in group]


def _asked_field_groups(source: str) -> list[list[str]]:
    """The fields asked, each as its key words: "social work, nursing, public health" -> [social work],
    [nursing], [public health]. A degree names a field when it names all of its key words: "Public
    Relations" is not public health. A word every degree shares is still a field when the JD names it
    alone as one of the fields ("a degree in finance or business"), not as part of a longer name
    ("computer science")."""
    groups = []
    for part in re.split(r",|\bor\b|\band\b|/", _asked_field_phrase(source)):
        words = [t for t in tokenize(part) if t not in _GENERIC_TERMS and len(t) > 2]
        kept = [t for t in words if t not in _WEAK_FIELD_WORDS]
        alone = [t for t in words if len(t) > 3]
        if not kept and len(alone) == 1 and alone[0] in DEGREE_FIELD_FAMILIES:
            kept = alone
        if kept:
            groups.append(kept)
    return groups


def _reads_as_education(cv: CVProfile, index: int) -> bool:
    return (
        cv.sections[index] in ("education", "certifications") or len(cv.lines[index].split()) <= _EDUCATION_LINE_WORDS
    )


# The degree's own name is no subject: the arts of "Bachelor of Arts, History" are not art.
_DEGREE_NAME_RE = re.compile(
    r"\b(?:bachelor|master|associate)'?s?\s+(?:degree\s+)?of\s+(?:fine\s+|liberal\s+|applied\s+)?(?:arts?|sciences?)\b",
    re.IGNORECASE,
)


def _in_related_field(cv: CVProfile, index: int, field_words: list[str]) -> bool:
    """Whether the degree line (or the line under it) names a subject of a discipline the asked field
    belongs to (``[degree_field_families]``): marketing for "HR, business or a related field"."""
    asked = {family for word in field_words for family in DEGREE_FIELD_FAMILIES.get(word, ())}
    words = _subject_words(_DEGREE_NAME_RE.sub(" ", " ".join(cv.lines[index : index + 2])), field_words)
    return any(asked & DEGREE_FIELD_FAMILIES.get(word, set()) for word in words)


# "Communications Engineering", "Design Engineering": a subject word before "engineering" names an
# engineering discipline, not the subject, unless the job asked for engineering.
_DISCIPLINE_HEADS = frozenset(tokenize("engineering"))


def _subject_words(text: str, field_words: list[str]) -> set[str]:
    words = tokenize(text)
    heads = _DISCIPLINE_HEADS - set(field_words)
    return {w for w, after in zip(words, [*words[1:], ""], strict=True) if after not in heads}


def _in_umbrella_field(cv: CVProfile, index: int, field_words: list[str]) -> bool:
    """Whether the asked field names a whole discipline (``[degree_field_umbrellas]``) and the degree's
    subject belongs to it: software development or networking for "information technology"."""
    umbrellas = {DEGREE_FIELD_UMBRELLAS[w] for w in field_words if w in DEGREE_FIELD_UMBRELLAS}
    if not umbrellas:
        return False
    words = _subject_words(_DEGREE_NAME_RE.sub(" ", cv.lines[index]), field_words)  # the degree's own line
    words -= _WEAK_FIELD_WORDS  # "Management Training" beside a music degree names no business subject
    return any(umbrellas & DEGREE_FIELD_FAMILIES.get(word, set()) for word in words)


def _names_field(cv: CVProfile, index: int, field_groups: list[list[str]]) -> bool:
    """The degree line, or the line under it (a degree and its major are often written apart), names
    every key word of one field asked ("Business Administration" names business)."""
    words = _subject_words(" ".join(cv.lines[index : index + 2]), [w for group in field_groups for w in group])
    return any(all(_word_named(w, words) for w in group) for group in field_groups)


def _word_named(word: str, words: set[str]) -> bool:
    return word in words or any(x.startswith(word[:5]) for x in words if len(word) >= 5)


def _title_evidence(req: Requirement, cv: CVProfile, job: JobProfile) -> Finding:
    """Having held the job (a role title or the CV's headline) proves it; a mention elsewhere
    ("helped the lead teacher") only suggests it; a neighbouring role is related evidence. Where the
    job's title names a post inside its family ("HR Generalist", "Graphic Designer"), a role of the
    family in another post (a benefits specialist, a web designer) is the family, not the job."""
    posts = posts_asked_by(req, job)
    held = _held_title(req, cv, posts)
    if held:
        return held
    # The occupation's licence shows the title's own post, not another post the JD also asks (a
    # personal trainer's certificate is no group fitness instructor's experience).
    other_post = any(named != posts_named(job.title, cid) for cid, named in posts.items())
    rest = (
        _headline_title(req, cv, posts)
        or (None if other_post else _licensed_as_title(req, cv))
        or _near_title(req, cv, posts)
        or _mentioned_title(req, cv)
        or _neighbouring_title(req, cv)
        or _similar_title(req, cv, job)
        or Finding(req, 0.0)
    )
    family = _family_title(req, cv, posts)
    return family if family and family.met > rest.met else rest


def posts_asked_by(req: Requirement, job: JobProfile) -> dict[str, frozenset[str]]:
    """The post a title requirement asks inside each family, as its JD line names it: the title's for
    the title ask; "3+ years of accounts payable" asks payables, "group fitness instructor experience"
    the group post even for a personal trainer job; "selling into HR teams" names no post, and any
    salesperson shows the selling it asks."""
    text = job.title if req.source == job.title else req.source
    return {cid: named for cid in req.alternatives if (named := posts_named(text, cid))}


def asked_posts(job: JobProfile) -> dict[str, frozenset[str]]:
    """The post the job's title names inside each of its title concepts ({"hr": {"general"}} for "HR
    Generalist", {"designer": {"graphic"}} for "Graphic Designer"); none when the data lists no posts."""
    return _asked_posts(job.title, tuple(job.title_concepts))


@lru_cache(maxsize=256)
def _asked_posts(title: str, concepts: tuple[str, ...]) -> dict[str, frozenset[str]]:
    return {cid: named for cid in concepts if (named := posts_named(title, cid))}


def holds_asked_post(heading: str, concepts: set[str], posts: dict[str, frozenset[str]]) -> bool:
    """Whether a title naming ``concepts`` holds the post the job asks: the same post or the family's
    all-round one (an HR manager for an HR generalist or a benefits post); any title when no post is asked."""
    for cid in concepts:
        asked = posts.get(cid)
        if not asked:
            return True
        held = posts_named(heading, cid)
        if held & asked or GENERAL_POST in held:
            return True
    return False


def _family_title(req: Requirement, cv: CVProfile, posts: dict[str, frozenset[str]]) -> Finding | None:
    """A role of the job's family in another post, or naming only the family ("Independent Designer")."""
    lexicon = get_lexicon()
    wanted = set(req.alternatives)
    senior_asked = _SENIORITY_RE.search(req.source or req.label) is not None
    for role in cv.roles:
        held = _titles_of(role.heading) & wanted
        if held and not holds_asked_post(role.heading, held, posts):
            label = lexicon.concept(sorted(held)[0]).label
            where = f"{role.title} ({role.date_text})"
            if senior_asked and not _SENIORITY_RE.search(role.heading):
                # Another post and below the level asked (a dishwasher for a sous chef): the lower-level rule.
                return Finding(req, LOWER_LEVEL, where, f"{role.title}, not at the level asked", [role])
            return Finding(req, SAME_FAMILY, where, f"{role.title}, another {label} post", [role])
    return None


def _held_title(req: Requirement, cv: CVProfile, posts: dict[str, frozenset[str]] | None = None) -> Finding | None:
    # A job titled manager/supervisor/lead asks for that level: a role in the same trade without
    # it ("Retail Associate" for "Store Manager") is a lesser match.
    lexicon = get_lexicon()
    wanted = set(req.alternatives)
    senior_asked = _SENIORITY_RE.search(req.source or req.label) is not None
    junior_roles: list[Role] = []
    for role in cv.roles:
        named = {h.concept for h in lexicon.find(role.heading)} & wanted
        if named and holds_asked_post(role.heading, named, posts or {}):
            if not _shows_the_post(cv, role, named, posts or {}):
                continue  # a general title (a sales manager, a finance assistant) whose work is another post's
            if _TRAINEE_RE.search(role.title) or (senior_asked and not _SENIORITY_RE.search(role.heading)):
                junior_roles.append(role)
                continue
            return Finding(req, PROVEN, f"{role.title} ({role.date_text})", role.title, [role])
    if not junior_roles:
        return None
    from .experience import merged_years

    role = junior_roles[0]
    held = merged_years([(r.start, r.end) for r in junior_roles])
    where = f"{role.title} ({role.date_text})"
    if held >= _SENIOR_YEARS and not _JUNIOR_RE.search(role.heading) and not _TRAINEE_RE.search(role.title):
        # Seniority is also time in the job: eight years as "Software Engineer" is the
        # experience a "Senior Software Engineer" posting asks for.
        return Finding(req, SENIOR_BY_YEARS, where, f"{role.title}, {describe_years(held)}", junior_roles)
    return Finding(req, LOWER_LEVEL, where, f"{role.title}, not at the level asked", junior_roles)


def _names_a_reread_title(cv: CVProfile, line: str) -> bool:
    """Whether the line names a role's title that its own lines read in another sense (an account
    executive at a PR agency, cv_profile): the headline "Senior Account Executive" is that role."""
    return any(role.sense and role.title.casefold() in line.casefold() for role in cv.roles)


def _headline_title(req: Requirement, cv: CVProfile, posts: dict[str, frozenset[str]] | None = None) -> Finding | None:
    lexicon = get_lexicon()
    for index, full_line in enumerate(cv.lines[:4]):
        # The headline or the summary speaks of the candidate; a bullet under a role speaks of the
        # work ("Worked with registered nurses" names the nurses, not the candidate).
        section = cv.sections[index]
        long_top = section == "top" and len(full_line.split()) > _HEADLINE_WORDS
        if index == cv.name_line or section not in ("top", "summary") or long_top:
            continue
        if _names_a_reread_title(cv, full_line):
            continue
        # "Seeking a position as IT Manager": the title wanted, not held (the words before it still count).
        line = _before_objective(full_line)
        hits = [h for h in lexicon.find(line) if h.concept in req.alternatives]
        hits = [
            h
            for h in hits
            if holds_asked_post(line, {h.concept}, posts or {}) and _names_the_post(line, h.concept, posts)
        ]
        if len(line.split()) > _HEADLINE_WORDS_MAX:
            # In a summary sentence the title must be said as a title ("Customer Service Representative
            # with ten years...") or as the candidate's years in it ("5 years of experience with accounts
            # payable"), not as the work ("meets customer service goals").
            hits = [h for h in hits if _said_as_title(line, lexicon.surface(line, h))]
        if hits:
            return Finding(req, PROVEN if not cv.roles else HEADLINE_BESIDE_ROLES, full_line, full_line)
    if not cv.roles:
        # No dated roles could be read: a line of the work history that reads as a job title
        # ("Help Desk Specialist") is the nearest thing to a held role.
        for index, line in enumerate(cv.lines):
            if cv.sections[index] == "experience" and reads_as_title(line, _ROLE_TITLE_WORDS):
                if {h.concept for h in lexicon.find(line)} & set(req.alternatives):
                    return Finding(req, UNDATED_ROLE, line, line)
    return None


# An objective names the post the candidate wants: "To secure a project management position", "desire to
# obtain a position as IT Manager", "Career objective: ...". A person is not an X because they want to be one.
_OBJECTIVE_RE = re.compile(
    r"\b(?:seeking|to secure|to obtain|to find|looking for|in search of|desire to|aspiring|aspire to|would like to|"
    r"wish to|hoping to|objective|a position as|a career as|a role as)\b",
    re.IGNORECASE,
)
# A trainee's title is below any level of the job: an intern or a student is not yet the occupation.
_TRAINEE_RE = re.compile(r"\b(?:intern|interns|internship|trainee|student|extern|externship)\b", re.IGNORECASE)


def _before_objective(line: str) -> str:
    """A headline or summary line without its objective's sentence: "Registered Nurse seeking ..." keeps
    the nurse, "To secure a management position ... . Held every post including kitchen manager" the posts held."""
    found = _OBJECTIVE_RE.search(line)
    if not found:
        return line
    end = line.find(". ", found.end())
    return line[: found.start()] + (" " + _before_objective(line[end + 2 :]) if end >= 0 else "")


_BY_WORK = frozenset(load_relations().get("general_post_by_work", []))


def _names_the_post(line: str, cid: str, posts: dict[str, frozenset[str]] | None) -> bool:
    """A headline's general title (a "Sales Manager") for a post only its work shows ([general_post_by_work])
    is not the post: the headline has no lines of work."""
    asked = (posts or {}).get(cid)
    if not asked or not {(cid, post) for post in asked} & _BY_WORK:
        return True
    return bool(posts_named(line, cid) & asked)


def _shows_the_post(cv: CVProfile, role: Role, held: set[str], posts: dict[str, frozenset[str]]) -> bool:
    """Whether a role holds the specialised post asked by its title, or, when its title is the family's
    general post (a sales manager for an account executive's post, a finance assistant for accounts
    payable), whether its own lines show that post's work; a car dealership's sales manager has not sold
    to businesses, a finance assistant reviewing funds has not paid invoices."""
    for cid in held:
        asked = posts.get(cid)
        if not asked or posts_named(role.heading, cid) & asked or not {(cid, post) for post in asked} & _BY_WORK:
            return True
        last = min(role.last_line, len(cv.lines) - 1)
        if any(posts_named(cv.lines[i], cid) & asked for i in range(role.line, last + 1)):
            return True
    return False


_ROLE_TITLE_WORDS = 6
_YEARS_IN_RE = re.compile(r"\b(?:years?|yrs)\b[^.;*]{0,40}?\b(?:experience|background)\s+(?:with|in|as)\s+$", re.I)


def _said_as_title(line: str, said: str) -> bool:
    words = tokenize(said)
    if words and words[-1] in _ROLE_NOUNS:
        return True
    before = line[: line.find(said)] if said and said in line else ""
    return bool(_YEARS_IN_RE.search(before))


_HEADLINE_WORDS_MAX = 8
_ROLE_NOUNS = frozenset(
    tokenize(
        "representative rep agent specialist manager associate advisor adviser officer assistant clerk coordinator "
        "administrator technician engineer developer designer nurse teacher trainer chef cook driver accountant "
        "analyst consultant executive director supervisor lead operator worker instructor professional generalist "
        "marketer recruiter bookkeeper superintendent foreman electrician plumber carpenter mechanic receptionist "
        "secretary cashier server bartender therapist educator tutor aide paralegal attorney lawyer pharmacist "
        "physician surgeon dentist hygienist planner buyer controller auditor architect scientist writer editor "
        "photographer artist"
    )
)


def reads_as_title(text: str, max_words: int = 8) -> bool:
    """A short capitalised line without digits or a full stop: a job title, not a sentence."""
    words = text.split()
    return (
        0 < len(words) <= max_words
        and not any(ch.isdigit() for ch in text)
        and text[:1].isalpha()
        and text[:1].isupper()
        and not text.rstrip().endswith((".", "…", ","))
    )


def _mentioned_title(req: Requirement, cv: CVProfile) -> Finding | None:
    lexicon = get_lexicon()
    found, line, _ = _line_for(cv, req.alternatives, req.label)
    if not found:
        return None
    if _DEGREE_RE.search(req.source):
        # "A degree in chemistry": the field is a subject of study, and the CV's degree shows it.
        for cid in req.alternatives:
            for index in cv.concept_lines.get(cid, []):
                degree_line = cv.lines[index]
                # A degree's line, not a summary sentence ("masters new concepts" is no master's degree).
                if _DEGREE_RE.search(degree_line) and _reads_as_education(cv, index):
                    said = [lexicon.surface(degree_line, h) for h in lexicon.find(degree_line) if h.concept == cid]
                    return Finding(req, PROVEN, degree_line, said[0] if said else found)
    return Finding(req, MENTIONED, line, found)


def _licensed_as_title(req: Requirement, cv: CVProfile) -> Finding | None:
    """A current licence of the occupation ("state teaching certificate", "RN licence") shows the
    candidate is one, even where no role title says it."""
    for cid in req.alternatives:
        licence = LICENCE_OF_TITLE.get(cid)
        if licence and cv.concept_lines.get(licence):
            found, line, _ = _line_for(cv, [licence])
            return Finding(req, LICENSED_AS, line, found)
    return None


def _neighbouring_title(req: Requirement, cv: CVProfile) -> Finding | None:
    # A neighbouring role in the same field (bookkeeper for accountant, CNA for nurse) is
    # partial evidence: the field's knowledge is there, the exact job is not.
    lexicon = get_lexicon()
    wanted = set(req.alternatives)
    senior_asked = _SENIORITY_RE.search(req.source or req.label) is not None
    fields = {d for cid in wanted for d in lexicon.concept(cid).domains} - _BROAD_DOMAINS
    near = neighbours_of(wanted)
    for role in cv.roles:
        for hit in lexicon.find(role.heading):
            concept = lexicon.concept(hit.concept)
            if concept.category == TITLE and (set(concept.domains) & fields or hit.concept in near):
                junior = senior_asked and not _SENIORITY_RE.search(role.heading)
                credit = RELATED_ROLE_BELOW_LEVEL if junior else RELATED_ROLE
                return Finding(req, credit, f"{role.title} ({role.date_text})", f"related role: {concept.label}")
    return None


def _role_does_the_work(cv: CVProfile, role: Role, wanted: set[str], posts: dict[str, frozenset[str]]) -> bool:
    """Whether a role's own lines name the title asked, and the post the job asks inside it (an accounting
    associate's "accounts payable for the headquarters", not an analyst's receivables)."""
    first, last = _work_span(cv, role)
    for cid in wanted:
        if posts.get(cid):
            if any(posts_named(cv.lines[i], cid) & posts[cid] for i in range(first, last + 1)):
                return True  # "Reduced payables on hold": the post's own words
        elif any(first <= i <= last for i in cv.concept_lines.get(cid, ())):
            return True
    return False


def _work_span(cv: CVProfile, role: Role) -> tuple[int, int]:
    """A role's lines, with the untitled stretches the reader split off after it ("Starting in ...")."""
    last = min(role.last_line, len(cv.lines) - 1)
    for other in sorted(cv.roles, key=lambda r: r.line):
        if other.line <= role.line or other.line > last + 1:
            continue
        if _held_titles(other.heading):
            break
        last = max(last, min(other.last_line, len(cv.lines) - 1))
    return role.line, last


def _near_title(req: Requirement, cv: CVProfile, posts: dict[str, frozenset[str]] | None = None) -> Finding | None:
    """A title of the same field at the asked level or above, whose work names the title asked (an
    accountant whose duties list accounts payable, for an AP specialist post)."""
    lexicon = get_lexicon()
    wanted = set(req.alternatives)
    if not any(cv.concept_lines.get(cid) for cid in wanted):
        return None
    fields = {d for cid in wanted for d in lexicon.concept(cid).domains} - _BROAD_DOMAINS
    for role in cv.roles:
        if not _role_does_the_work(cv, role, wanted, posts or {}):
            continue  # the title's work in another role or only in a skills list: not this role's
        for held in _held_titles(role.heading) - wanted:
            if set(lexicon.concept(held).domains) & fields and _at_least_the_level(held, wanted):
                label = lexicon.concept(held).label
                # An accountant who ran accounts payable has done the AP clerk's job; a peer title
                # doing some of the work (a bookkeeper running payroll) is near it, not it.
                # So has a title of the same ISCO unit group whose work is the job's (a marketing manager
                # running the digital campaigns a digital marketer runs).
                credit = STEP_DOWN if _above_the_level(held, wanted) or _same_unit_group(held, wanted) else NEAR_TITLE
                return Finding(req, credit, f"{role.title} ({role.date_text})", f"{label}, doing this work")
    # Without dated roles, the headline's title stands for the most recent one.
    for index, line in enumerate(cv.lines[:4]):
        if index == cv.name_line or cv.roles:
            continue
        for held in _titles_of(line) - wanted:
            if set(lexicon.concept(held).domains) & fields and _at_least_the_level(held, wanted):
                return Finding(req, NEAR_TITLE, line, f"{lexicon.concept(held).label}, doing this work")
    return None


def _at_least_the_level(held: str, wanted: set[str]) -> bool:
    """Whether a held title is at ISCO's skill level of the title asked or above (an RN for an LVN
    post, not an LVN for an RN post)."""
    held_level = skill_level(held)
    asked = [level for cid in wanted if (level := skill_level(cid)) is not None]
    return held_level is not None and bool(asked) and held_level >= max(asked)


def _same_unit_group(held: str, wanted: set[str]) -> bool:
    group = ISCO_OF_TITLE.get(held)
    return group is not None and any(ISCO_OF_TITLE.get(cid) == group for cid in wanted)


PROFESSIONAL_LEVEL = 4  # ISCO's skill level of managers and professionals (degree-level work)


def _above_the_level(held: str, wanted: set[str]) -> bool:
    """A professional title of the field (accountant) for a post below that level (AP clerk): it covers
    the post's work. Between two levels below it (bookkeeper, payroll clerk) the titles are peers."""
    held_level = skill_level(held)
    asked = [level for cid in wanted if (level := skill_level(cid)) is not None]
    return held_level == PROFESSIONAL_LEVEL and bool(asked) and held_level > max(asked)


def _similar_title(req: Requirement, cv: CVProfile, job: JobProfile) -> Finding | None:
    # A title the lexicon does not know ("Farm Labourer") that reads as the job's own.
    if not set(req.alternatives) & set(job.title_concepts):
        return None
    similar = _similar_title_roles(cv, job)
    if not similar:
        return None
    role = similar[0]
    return Finding(req, SIMILAR_TITLE, f"{role.title} ({role.date_text})", f"similar title: {role.title}", similar)


def _concept_evidence(req: Requirement, cv: CVProfile, job: JobProfile, vectors: CVVectors) -> Finding:
    """Skills, tools, credentials and fields: the CV line naming it, else weaker signs."""
    if req.category != CREDENTIAL and _names_a_licence_area(req):
        return _licence_area_evidence(req, cv)
    if req.category == SOFT:
        soft = _soft_skill_evidence(req, cv)
        if soft is not None:
            return soft
    if req.category == FIELD:
        return _field_evidence(req, cv, job, vectors)
    if req.alternatives and set(req.alternatives) <= set(_DEGREE_OF_LEVEL) and req.source != job.title:
        return _level_at_work(req, cv)
    found, line, _ = _line_for(cv, req.alternatives, req.asked or req.label)
    if not found and _asks_a_class(req):
        members = [m for cid in req.alternatives for m in sorted(CLASS_INCLUDES.get(cid, ()))]
        found, line, _ = _line_for(cv, members)
        if found:
            return Finding(req, PROVEN, line, found)
    if not found and req.category == CREDENTIAL:
        for cid in req.alternatives:
            written = _licence_written_out(cv, cid)
            if written:
                return Finding(req, PROVEN, written, get_lexicon().concept(cid).label)
    if found and _names_another_member(req, found):
        # "Knife skills" asked, "recipes" shown: the same field of work, not the thing asked.
        return Finding(req, RELATED_MEMBER, line, f"{found} (related)")
    if found and req.category == CREDENTIAL and _credential_in_a_sentence(line, found, _credentials_section(cv, line)):
        return _credential_or_its_rules(req, cv, line, found)
    if found and _IN_PROGRESS_RE.search(line):
        # "In process of learning VLookup", "CompTIA A+ (in progress)": on the way, not there yet.
        return Finding(req, MENTIONED, line, f"{found}, in progress")
    if found:
        return Finding(req, PROVEN, line, found)
    return (
        _field_by_role(req, cv)
        or _level_by_degree(req, cv, job)
        or (_duty_in_other_words(req, cv, job, vectors) if req.duty else None)
        or _misspelt(req, cv)
        or Finding(req, 0.0)
    )


# ----------------------------------------------------------------------------- fields of work
# A summary sentence that speaks of the candidate's own time in the field ("seven years of experience
# in the healthcare field"), not one that only names it ("passionate about healthcare").
_STATES_EXPERIENCE_RE = re.compile(r"\b(?:experience[ds]?|years?|yrs|background|career|worked|working)\b", re.I)


def _field_evidence(req: Requirement, cv: CVProfile, job: JobProfile, vectors: CVVectors) -> Finding:
    """A field of work ("experience in healthcare", "in construction", "a retail environment") is shown
    by the work history: a role heading, a line of a role's work, or a role whose title belongs to the
    field. A word elsewhere (a skills list, a course title, a hobby) only names it."""
    at_work = _field_at_work(req, cv) or _field_by_role(req, cv)
    if at_work is not None:
        return at_work
    found, line, _ = _line_for(cv, req.alternatives, req.asked or req.label)
    if found:
        return Finding(req, MENTIONED, line, f"{found} named, not in the work history")
    return (_duty_in_other_words(req, cv, job, vectors) if req.duty else None) or Finding(req, 0.0)


def _field_at_work(req: Requirement, cv: CVProfile) -> Finding | None:
    """The first line of the work history naming the field (a role's heading or its work), else a
    summary sentence stating the candidate's experience in it ("nine years of kitchen experience")."""
    lexicon = get_lexicon()
    wanted = set(req.alternatives)
    indices = sorted({i for cid in wanted for i in cv.concept_lines.get(cid, ())} - cv.ignored_lines - {cv.name_line})
    at_work = [i for i in indices if cv.sections[i] == "experience"]
    stated = [i for i in indices if cv.sections[i] in ("summary", "top") and _STATES_EXPERIENCE_RE.search(cv.lines[i])]
    for index in at_work + stated:
        line = cv.lines[index]
        said = next((lexicon.surface(line, h) for h in lexicon.find(line) if h.concept in wanted), "")
        role = next((r for r in cv.roles if r.line <= index <= r.last_line), None)
        return Finding(req, PROVEN, line, said, [role] if role and index in at_work else [])
    return None


# ----------------------------------------------------------------------------- soft skills
SHOWN_AT_WORK = 0.9  # a soft skill the work history shows in the work itself ("led a team of 6")


@dataclass(frozen=True)
class _SoftSkill:
    label: str
    names: tuple[tuple[str, ...], ...]  # each name as the lexicon's words
    shows: tuple[re.Pattern[str], ...]  # work that shows the skill without naming it


@lru_cache(maxsize=1)
def _soft_skills() -> tuple[_SoftSkill, ...]:
    """``data/soft_skills.txt``: each soft skill, its names and the work lines that show it."""
    skills = []
    for raw in (Path(__file__).with_name("data") / "soft_skills.txt").read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        label, names, shows = (part.strip() for part in raw.split("|", 2))
        skills.append(
            _SoftSkill(
                label.replace("_", " "),
                tuple(tuple(tokenize(n)) for n in names.split(";") if tokenize(n)),
                tuple(re.compile(p.strip(), re.IGNORECASE) for p in shows.split(";") if p.strip()),
            )
        )
    return tuple(skills)


def _at(words: list[str], name: tuple[str, ...]) -> list[int]:
    """Where the words of ``name`` stand together in ``words``."""
    n = len(name)
    return [i for i in range(len(words) - n + 1) if tuple(words[i : i + n]) == name]


def _soft_skills_asked(req: Requirement) -> list[_SoftSkill]:
    """The soft skills an ask names: "good communication skills" asks communication."""
    asked = [tokenize(a) for a in (req.asked or [req.label])]
    return [s for s in _soft_skills() if any(_at(words, name) for words in asked for name in s.names)]


def _same_soft_skills(a: Requirement, b: Requirement) -> bool:
    return _soft_skills_asked(a) == _soft_skills_asked(b)


def _soft_skill_evidence(req: Requirement, cv: CVProfile) -> Finding | None:
    """A soft skill is a strength only where the CV names it ("strong organisational skills") or a line
    of its work history shows it ("led a team of 6" shows leadership, "trained new hires" coaching).
    A neighbouring word ("friendly" for empathy, "time management" for organisation) shows nothing.
    None when the ask names no skill listed in ``data/soft_skills.txt``."""
    skills = _soft_skills_asked(req)
    if not skills:
        return None
    named = _soft_skill_named(req, cv, skills)
    if named is not None:
        return named
    for index, line in enumerate(cv.lines):
        if cv.sections[index] != "experience" or index == cv.name_line or index in cv.ignored_lines:
            continue
        for skill in skills:
            shown = next((m for p in skill.shows if (m := p.search(line))), None)
            if shown:
                return Finding(req, SHOWN_AT_WORK, line, f"{skill.label} shown at work: {shown.group(0)}")
    return Finding(req, 0.0)


def _soft_skill_named(req: Requirement, cv: CVProfile, skills: list[_SoftSkill]) -> Finding | None:
    """The first CV line naming one of the skills, in the sense of a skill ("communications
    infrastructure" is cabling, ``data/word_senses.txt``), outside a degree's title; the name the
    job used ("communication") before another name of the skill ("interpersonal")."""
    asked = [tokenize(a) for a in (req.asked or [req.label])]
    names = [name for skill in skills for name in skill.names]
    literal = [name for name in names if any(_at(words, name) for words in asked)]
    for wanted in (literal, [name for name in names if name not in literal]):
        for index, line in enumerate(cv.lines):
            if index == cv.name_line or index in cv.ignored_lines or _DEGREE_RE.search(line):
                continue
            pairs = tokenize_with_case(line)
            words = [stem for stem, _raw in pairs]
            for name in wanted:
                for at in _at(words, name):
                    if not _in_another_sense(req.alternatives, pairs, range(at, at + len(name))):
                        return Finding(req, PROVEN, line, " ".join(raw for _stem, raw in pairs[at : at + len(name)]))
    return None


def _in_another_sense(concepts: list[str], pairs: list[tuple[str, str]], positions: range) -> bool:
    lexicon = get_lexicon()
    return any(lexicon._in_another_sense(cid, pairs, i) for cid in concepts for i in positions)


# A credential is held where the CV shows it as one: a code or hours ("OSHA 30", "OSHA 510"), a card, a
# certificate, training; or a short line of a list ("CPR", "OSHA Certified"). A sentence naming it without
# any of these speaks of its rules or its act: "ensures compliance with OSHA regulations", "OSHA
# inspections", "administered first aid" show no card.
_CREDENTIAL_MARK_RE = re.compile(
    r"\d|\b(?:cards?|cert\w*|licen[cs]\w*|hours?|hrs?|training|trained|courses?|outreach|qualified|accredited)\b",
    re.IGNORECASE,
)
_MARK_WINDOW = 5  # words either side of the credential's name that may show it held
# "Qualifications: Child Development Associate (CDA); Pediatric First Aid and CPR": a list of credentials.
_CREDENTIALS_LABEL_RE = re.compile(
    r"\W*(?:qualifications?|certifications?|certificates?|licen[cs]es?|credentials?|training|courses?)\b[^:]{0,20}:",
    re.IGNORECASE,
)
_SENTENCE_WORDS = 6  # a line longer than this, not a list of short items, is a sentence
_LIST_ITEM_WORDS = 3
# The rules a credential teaches, written right after its name: "OSHA compliance", "OSHA inspections".
_ITS_RULES_RE = re.compile(
    r"^\W*(?:compliance|compliant|regulations?|regulated|regulatory|standards?|rules|inspections?|reporting|"
    r"reports?|requirements?|guidelines|logs?|recordables?|violations?|issues|related)\b",
    re.IGNORECASE,
)
# A numbered form or log of the regulator after its name ("OSHA 300 logs", "OSHA 301 forms"): its paperwork.
_ITS_FORMS_RE = re.compile(
    r"^\W*\d{3}[a-z]?(?:\s*(?:,|/|and|&)\s*\d{3}[a-z]?)*\s+(?:logs?|forms?|records?|recordkeeping|reports?|reporting)\b",
    re.IGNORECASE,
)
# Running the rules is the work a duty ask ("run the site safety program") names: "ensures team
# compliance with OSHA", "enforce safety standards"; observing them or reporting on them is not.
_RAN_THE_RULES_RE = re.compile(
    r"\b(?:ensur\w*|enforc\w*|implement\w*|manag\w*|oversaw|oversee\w*|develop\w*|led|lead\w*|direct\w*|"
    r"conduct\w*|initiat\w*|ran|run|runs|running)\b",
    re.IGNORECASE,
)


_WORK_SECTIONS = ("experience", "summary")


def _credentials_section(cv: CVProfile, line: str) -> bool:
    """Whether a line stands outside the work history and summary (certifications, affiliations, skills)."""
    return not any(cv.sections[i] in _WORK_SECTIONS for i, text in enumerate(cv.lines) if text == line)


def _credential_in_a_sentence(line: str, found: str, in_credentials: bool = False) -> bool:
    """Whether a CV line names a credential only as its rules or inside a sentence, with no sign of
    holding it near its name ("OSHA 30", "CPR and First Aid certified", "Certified in CPR") and not
    under the CV's certifications."""
    if _CREDENTIAL_MARK_RE.search(found):
        return False
    at = line.lower().find(found.lower())
    if at < 0:
        return False
    if _ITS_FORMS_RE.search(line[at + len(found) :]):
        return True  # "OSHA 300 logs": the regulator's injury log kept, a duty, not a course taken
    before, after = line[:at].split()[-_MARK_WINDOW:], line[at + len(found) :].split()[:_MARK_WINDOW]
    if _CREDENTIAL_MARK_RE.search(" ".join(before + after)):
        return False
    if _ITS_RULES_RE.search(line[at + len(found) :]):
        return True
    if in_credentials or _CREDENTIALS_LABEL_RE.match(line):
        return False
    words = line.split()
    items = len(re.findall(r"[,;|•]", line)) + 1
    return len(words) > _SENTENCE_WORDS and len(words) > _LIST_ITEM_WORDS * items


def _credential_or_its_rules(req: Requirement, cv: CVProfile, line: str, found: str) -> Finding:
    """A credential named in a sentence: another line that shows it held, else its rules known. An ask
    naming the credential ("OSHA") needs the credential; an ask naming the work it stands for ("site
    safety") is met by a sentence in which the candidate ran the rules."""
    lexicon = get_lexicon()
    for cid in req.alternatives:
        for index in cv.concept_lines.get(cid, []):
            other = cv.lines[index]
            said = [lexicon.surface(other, h) for h in lexicon.find(other) if h.concept == cid]
            in_credentials = cv.sections[index] not in _WORK_SECTIONS
            if said and not _credential_in_a_sentence(other, said[0], in_credentials):
                return Finding(req, PROVEN, other, said[0])
    names_it = any(same_thing(asked, found) for asked in req.asked)
    if not names_it and _RAN_THE_RULES_RE.search(line):
        return Finding(req, PROVEN, line, found)
    return Finding(req, MENTIONED, line, f"{found} named, no certificate shown")


_LICENCE_NOUNS = r"(?:endorsement|licen[cs]e|licensure|certification|certificate|credential)s?"
_CREDENTIAL_LINE_RE = re.compile(
    _LICENCE_NOUNS + r"|\b(?:certified|licensed|degree|bachelor|master|associate|b\.?a|b\.?s|m\.?ed|diploma)\b",
    re.IGNORECASE,
)


def _names_a_licence_area(req: Requirement) -> bool:
    """Whether the JD names the ask as the area of a licence: "a teaching license with an elementary
    endorsement (K-6 or equivalent)", "a K-6 endorsement"."""
    for asked in req.asked:
        written = re.escape(asked)
        if re.search(rf"{_LICENCE_NOUNS}\s*\(\s*{written}\b|\b{written}\)?\s+endorsements?\b", req.source, re.I):
            return True
    return False


def _licence_area_evidence(req: Requirement, cv: CVProfile) -> Finding:
    """A licence's area is shown where the CV names its licences, certifications or degrees ("Elementary
    1-6 Certification", "B.A. Elementary Education"), not by a line about the work ("elementary students")."""
    words = {phrase for cid in req.alternatives for phrase, _entry in _phrases_of(cid)} | {
        word for asked in req.asked for word in tokenize(asked) if len(word) > 3
    }
    for index, line in enumerate(cv.lines):
        credential_line = cv.sections[index] in ("education", "certifications") or _CREDENTIAL_LINE_RE.search(line)
        if credential_line and _reads_as_education(cv, index) and words & set(tokenize(line)):
            said = next(w for w in tokenize(line) if w in words)
            return Finding(req, PROVEN, line, said)
    return Finding(req, 0.0)


_IN_PROGRESS_RE = re.compile(
    r"\b(?:in (?:the )?process of (?:learning|obtaining|getting|completing)|currently (?:learning|studying)|"
    r"learning to|in progress|pursuing|enrolled in|studying for|working towards?|not yet (?:certified|completed))\b",
    re.IGNORECASE,
)


def _field_by_role(req: Requirement, cv: CVProfile) -> Finding | None:
    # "Retail experience" is shown by a role in retail ("Store Manager - H&M").
    if req.category != FIELD:
        return None
    # The role's own title (not a title its bullets mention) must belong to the whole field: a chef to
    # "hospitality kitchen", a flight attendant (hospitality only) not.
    lexicon = get_lexicon()
    fields = [set(lexicon.concept(cid).domains) for cid in req.alternatives]
    for role in cv.roles:
        if any(_heading_shows_field(_held_titles(role.heading), field) for field in fields):
            return Finding(req, PROVEN, f"{role.title} ({role.date_text})", role.title, [role])
    # A job heading of the work history whose dates could not be read ("PERSONAL CHEF" over its duties).
    for index, line in enumerate(cv.lines):
        if index == cv.name_line or cv.sections[index] != "experience" or not reads_as_title(line, _ROLE_TITLE_WORDS):
            continue
        titles = {h.concept for h in lexicon.find(line) if lexicon.concept(h.concept).category == TITLE}
        if any(_heading_shows_field(titles, field) for field in fields):
            return Finding(req, UNDATED_ROLE, line, line)
    return None


_DEGREE_OF_LEVEL = dict(load_relations().get("level_by_degree", []))


def _level_by_degree(req: Requirement, cv: CVProfile, job: JobProfile) -> Finding | None:
    """The level the job's title names ("Elementary Classroom Teacher") is shown by a degree that trains
    for it and names it ("BA: Elementary Education", ``[level_by_degree]``), whatever level the person
    has taught since: a recruiter reads the degree as the qualification for the level (a preschool
    teacher with one is qualified to teach elementary grades). An ask for work at the level ("a year
    teaching in an elementary school") still needs the work."""
    if req.source != job.title:
        return None
    asked = {word for a in req.asked for word in tokenize(a)}
    for cid in req.alternatives:
        for index in cv.concept_lines.get(_DEGREE_OF_LEVEL.get(cid, ""), []):
            line = cv.lines[index]
            if _reads_as_education(cv, index) and not _UNFINISHED_RE.search(line) and asked & set(tokenize(line)):
                lexicon = get_lexicon()
                said = [lexicon.surface(line, h) for h in lexicon.find(line) if h.concept == _DEGREE_OF_LEVEL[cid]]
                return Finding(req, MET, line, said[0] if said else lexicon.concept(_DEGREE_OF_LEVEL[cid]).label)
    return None


def _level_at_work(req: Requirement, cv: CVProfile) -> Finding:
    """Work at a level of teaching ("a year of classroom teaching in an elementary school") is shown
    outside the CV's education: "M.Ed., Elementary Curriculum Development" is a degree, not the work."""
    lexicon = get_lexicon()
    wanted = set(req.alternatives)
    shown: list[tuple[bool, int, str, str]] = []  # (not the word asked, line, its text, what it says)
    for index in sorted({i for cid in wanted for i in cv.concept_lines.get(cid, ())}):
        if cv.sections[index] in ("education", "certifications") or index == cv.name_line:
            continue
        line = cv.lines[index]
        said = [lexicon.surface(line, h) for h in lexicon.find(line) if h.concept in wanted]
        literal = next((w for w in said if any(same_thing(a, w) for a in req.asked)), "")
        shown.append((not literal, index, line, literal or (said[0] if said else "")))
    if not shown:
        return Finding(req, 0.0)
    _other, _index, line, said_first = min(shown)
    return Finding(req, PROVEN, line, said_first)


def _duty_in_other_words(req: Requirement, cv: CVProfile, job: JobProfile, vectors: CVVectors) -> Finding | None:
    # Duties are described in many words ("cared for ventilated patients" for "nursing care").
    semantic, semantic_line = requirement_match(req.source, vectors)
    if semantic:
        return Finding(req, semantic, semantic_line, "similar work")
    # A duty of the job's own field is implied by having held the job's title.
    lexicon = get_lexicon()
    held = _held_title_role(cv, job.title_concepts)
    fields = {d for cid in job.title_concepts for d in lexicon.concept(cid).domains} - _BROAD_DOMAINS
    req_fields = {d for cid in req.alternatives for d in lexicon.concept(cid).domains}
    taught = bool(set(req.alternatives) & TAUGHT_SUBJECTS)  # a subject is named, never implied by "Teacher"
    if held is not None and fields & req_fields and req.category not in (TOOL, CREDENTIAL) and not taught:
        # The work of the field, not a named system or a certificate: a title shows no CRM used.
        return Finding(req, IMPLIED, f"{held.title} ({held.date_text})", f"implied by the role {held.title}")
    return None


def _misspelt(req: Requirement, cv: CVProfile) -> Finding | None:
    # Misspellings and variants the lexicon does not list ("Kubernets", "Quickbook") of what the job
    # named; a credential's code is exact ("Network" is no "Network+").
    if req.category in (CREDENTIAL, FIELD):
        return None  # a code is exact; a workplace word's near-spelling is another word ("factors")
    named = {tuple(tokenize(a)) for a in req.asked} if req.category in _NAMED_ASKS and req.asked else None
    for cid in req.alternatives:
        for phrase, _entry in _phrases_of(cid):
            if named is not None and (phrase,) not in named:
                continue
            if len(phrase) >= 7 and phrase.isalpha() and cv.words:
                best = process.extractOne(phrase, list(cv.words), scorer=fuzz.ratio, score_cutoff=90)
                # The word itself, unread by the lexicon, stood in a phrase that means something else.
                if best and best[0] != phrase:
                    return Finding(req, IMPLIED, _first_line_with(cv, best[0]), best[0])
    return None


_TOOLS_IN_BRACKETS_RE = re.compile(r"\(([^()]+)\)")
_OFFICE_SUITE_RE = re.compile(
    r"\b(?:microsoft|ms)\s+office\b(?!\s+(?:outlook|excel|access|powerpoint|project|visio|onenote))"
    r"|\boffice\s+(?:suite|365)\b",
    re.IGNORECASE,
)


_VENDOR_RE = re.compile(r"^(Microsoft|MS|Adobe|Google)\s+(\S.*)$")


def _product_beside_vendor(item: str, line: str) -> bool:
    """ "Microsoft Excel & Word Certificate" names Microsoft Word: the product's name, capitalised as
    written, on a line that names its vendor."""
    named = _VENDOR_RE.match(item)
    if not named:
        return False
    vendor, product = named.groups()
    return (
        bool(re.search(rf"\b{re.escape(vendor)}\b", line)) and re.search(rf"\b{re.escape(product)}\b", line) is not None
    )


def _tools_named_line(source: str, cv: CVProfile) -> str:
    """For an ask that names its software in brackets ("computer skills to produce the newsletter
    (Microsoft Word, Publisher)"), the CV line naming one of them, or the Microsoft Office suite for a
    Microsoft program."""
    items = [
        item.strip()
        for inner in _TOOLS_IN_BRACKETS_RE.findall(source)
        for item in re.split(r",|\bor\b|\band\b|/", inner)
        if len(item.strip()) > 2 and item.strip()[:1].isupper()
    ]
    for item in items:
        pattern = re.compile(rf"\b{re.escape(item)}\b", re.IGNORECASE)
        for line in cv.lines:
            if pattern.search(line) or _product_beside_vendor(item, line):
                return line
    if any(re.match(r"(?:microsoft|ms)\b", item, re.IGNORECASE) for item in items):
        return next((line for line in cv.lines if _OFFICE_SUITE_RE.search(line)), "")
    return ""


_LISTS_THINGS_RE = re.compile(r",|;|/|&|\b(?:and|or|both|as well as)\b", re.IGNORECASE)


def _free_text_evidence(req: Requirement, cv: CVProfile, vectors: CVVectors, title: str = "") -> Finding:
    """A requirement no concept names: its words in the CV, or a CV line that says it in other words;
    computer skills the JD names by their tools ("... newsletter (Microsoft Word, Publisher)") are
    shown by those tools."""
    tool_line = _tools_named_line(req.source, cv)
    if tool_line:
        return Finding(req, PROVEN, tool_line, "the software named")
    listed = _LISTS_THINGS_RE.search(req.source) is not None
    share, line = _fuzzy_terms(cv, req.terms, listed, req.term_options, ask_sense_words(req.source, title))
    met = PROVEN if share >= FREE_TEXT_PROVEN else (MENTIONED if share >= 0.45 else 0.0)
    semantic, semantic_line = requirement_match(req.source, vectors)
    if semantic > met:
        return Finding(req, semantic, semantic_line, "similar wording")
    return Finding(req, met, line if met else "", "")


_CODE_RE = re.compile(r"[+#]|\d|\b[A-Za-z]{2,}-[A-Za-z]{1,3}\b")
RELATED_MEMBER = 0.5  # another member of the concept the job named: related evidence, not proof


def _names_another_member(req: Requirement, found: str) -> bool:
    """A named skill or tool ("Google Ads") is proven by itself, not by a sibling ("social media");
    a class name ("CRM", "EHR") is proven by any member."""
    if not req.asked or req.open_list:
        return False
    if req.category == CREDENTIAL:
        # A certificate named by its code ("CompTIA A+", "SHRM-CP", "OSHA 30") is proven by that code,
        # not by a sibling in the same family ("Project+", "ITIL"); a licence named in words by any.
        if not any(_CODE_RE.search(asked) for asked in req.asked):
            return False
    elif req.category not in _NAMED_ASKS:
        return False
    if _asks_a_class(req) and _in_named_class(req, found):
        return False
    if req.category == CREDENTIAL:
        return not any(same_thing(asked, found) and not _drops_the_code(asked, found) for asked in req.asked)
    return not any(same_thing(asked, found) for asked in req.asked)


def _drops_the_code(asked: str, found: str) -> bool:
    """Whether the CV's name leaves out the part that tells a certificate from its family: "SHRM"
    (the society) for "SHRM-CP", "CompTIA" for "CompTIA A+", "OSHA" for "OSHA 30"."""
    said = set(tokenize(found))
    if not said < set(tokenize(asked)):
        return False  # not a part of the asked name ("Professional Human Resources" spells out PHR)
    return any(len(word) <= 3 or not word.isalpha() for word in set(tokenize(asked)) - said)


def _asks_a_class(req: Requirement) -> bool:
    """Whether the job named a whole class ("CRM", "Microsoft Office") rather than one member."""
    lexicon = get_lexicon()
    classes = {name for cid in req.alternatives for name in lexicon.class_names.get(cid, ())}
    return any(tuple(tokenize(asked)) in classes for asked in req.asked)


def _in_named_class(req: Requirement, found: str) -> bool:
    """Whether what the CV names belongs to a class the job named ("Excel or Google Sheets": any
    spreadsheet proves Excel's class, PowerPoint from the Office concept beside it does not)."""
    lexicon = get_lexicon()
    asked = {tuple(tokenize(a)) for a in req.asked}
    classes = {cid for cid in req.alternatives if lexicon.class_names.get(cid, set()) & asked}
    classes |= {member for cid in classes for member in CLASS_INCLUDES.get(cid, ())}
    return any(hit.concept in classes for hit in lexicon.find(found))


_PHRASE_CACHE: dict[str, list[tuple[str, tuple[str, str]]]] = {}


def _phrases_of(cid: str) -> list[tuple[str, tuple[str, str]]]:
    if not _PHRASE_CACHE:
        for key, value in get_lexicon().index.items():
            if len(key) == 1:
                _PHRASE_CACHE.setdefault(value[0], []).append((key[0], value))
    return _PHRASE_CACHE.get(cid, [])


def _first_line_with(cv: CVProfile, stem_word: str) -> str:
    for line in cv.lines:
        if stem_word in line.lower():
            return line
    return ""


def _one_answer_per_ask(findings: list[Finding]) -> list[Finding]:
    """Never a strength and a gap for the same ask: when one requirement is proven, another naming the
    same credential, degree or title ("A&P" beside "FAA A&P licence") takes that proof."""
    proven = [f for f in findings if f.met >= MET and f.requirement.category != "years"]
    out = []
    for finding in findings:
        req = finding.requirement
        if finding.met < MET and req.category != "years" and req.alternatives:
            for other in proven:
                same = other.requirement.category == req.category and bool(
                    set(other.requirement.alternatives) & set(req.alternatives)
                )
                if req.category == TITLE and _asks_another_post(req, other.requirement):
                    continue  # "Selling" shown by a sales consultant proves no account executive's post
                if req.category == TITLE and not _proves_a_title(other):
                    continue  # "providing exceptional customer service" shows the work, not the post held
                # A licence's area ("K-6" shown by "B.A. Elementary Education") and the work ("a year teaching
                # in an elementary school") are different asks of one concept: neither proves the other.
                same = same and _names_a_licence_area(other.requirement) == _names_a_licence_area(req)
                # "Organisational skills" shown proves no "attention to detail" asked elsewhere: one soft skill each.
                same = same and (req.category != SOFT or _same_soft_skills(req, other.requirement))
                # The title's level ("Elementary ... Teacher") shown by a degree is no year taught at that level.
                same = same and _same_level_ask(req, other.requirement)
                if same and (req.category not in _NAMED_ASKS or not _names_another_member(req, other.found)):
                    finding = Finding(req, other.met, other.cv_line, other.found, other.roles)
                    break
        out.append(finding)
    return out


def _proves_a_title(finding: Finding) -> bool:
    """Whether another ask's proof also proves a title ask: a role held, a headline naming the title, or a
    line saying it as a title ("Customer Service Representative with..."). A summary line showing the
    work in the title's words ("providing exceptional customer service") answers an ask of the work
    ("customer service experience"), not the job held that the title asks."""
    if finding.roles or finding.found == finding.cv_line:
        return True
    return _said_as_title(finding.cv_line, finding.found)


def _same_level_ask(req: Requirement, other: Requirement) -> bool:
    """Two asks of a teaching level from one line, or not of a level at all: the title's level and a
    year taught at it are different asks."""
    return not set(req.alternatives) <= set(_DEGREE_OF_LEVEL) or req.source == other.source


def _asks_another_post(req: Requirement, other: Requirement) -> bool:
    """Whether ``req`` asks a specialised post of a family that ``other``'s JD line does not name."""
    for cid in set(req.alternatives) & set(other.alternatives):
        mine = posts_named(req.source, cid) - {GENERAL_POST}
        if mine and not mine & posts_named(other.source, cid):
            return True
    return False


# "RN, State of Ohio, License #123456", "Registered Nurse - licence no. 12345, active": a title written
# beside a licence number, registration or its standing proves the title's licence.
_LICENCE_WORDS_RE = re.compile(
    r"\b(?:licen[cs]e[ds]?|licensure|registration|reg\.?|certificate|certification|credential)\b.{0,25}?"
    r"(?:#|\bno\b\.?|\bnumber\b|\bid\b|\b[A-Z]{0,3}[.\-]?\d{5,}\b|\bactive\b|\bcurrent\b|\bvalid\b)"
    r"|\b(?:active|current|valid)\b.{0,20}\b(?:licen[cs]e|licensure|registration|certificate|certification)\b"
    r"|\bstate of [A-Z][a-z]+\b.{0,30}\b(?:licen[cs]e|registration|certificate)",
    re.IGNORECASE,
)


def _licence_written_out(cv: CVProfile, licence: str) -> str:
    """The CV line that shows a title's licence by its number or standing, if any."""
    titles = [t for t, lic in LICENCE_OF_TITLE.items() if lic == licence]
    for cid in titles:
        for index in cv.concept_lines.get(cid, []):
            line = cv.lines[index]
            if _LICENCE_WORDS_RE.search(line):
                return line
    return ""
