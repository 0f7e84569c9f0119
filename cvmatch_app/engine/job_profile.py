"""What a job asks for, read once per job: title, requirements (must-have or nice-to-have, with
"X or Y" alternatives), minimum years, credentials and education. Plain data, so it pickles."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from .experience import WORD_NUMBERS
from .lexicon import (
    CREDENTIAL,
    EDUCATION,
    FIELD,
    GENERAL_POST,
    LICENCE_OF_TITLE,
    SOFT,
    TITLE,
    Hit,
    asks_the_post,
    get_lexicon,
    posts_named,
)
from .occupation_titles import codes_of as esco_codes_of_title
from .occupation_titles import title_below as esco_title_below
from .semantic import jd_vectors, title_vector
from .text_clean import normalize_text, strip_bullet
from .tokens import STOPWORDS, token_spans, tokenize

MUST, NICE = "must", "nice"
SKILL, TOOL = "skill", "tool"
_NAMED_ASKS = (SKILL, TOOL)  # concepts that group many named things: each named one is its own ask
DEFINING_WEIGHT = 1.8  # the role's own licence, or what its title names beside the occupation (the subject)

_NICE_CUES = re.compile(
    r"\b(prefer(?:red|ably|ence)?|a plus|is a plus|an advantage|advantageous|nice to have|nice-to-have|bonus|"
    r"desir(?:ed|able)|ideally|beneficial|would be great|is an asset|an asset|helpful|optional|welcome|"
    r"good to have|plus if|bonus points|pluses|are a plus|not required|not essential)\b",
    re.IGNORECASE,
)
_MUST_CUES = re.compile(
    r"\b(required|requires?|must|essential|mandatory|minimum|at least|need to have|you have|you will have|"
    r"necessary|needed|proven|demonstrated|qualifications?:|expected|we expect|we ask for|you will need|"
    r"you'll need|you need|you should|should hold|should have|you must|is a must|we require|hold a|holds? an?)\b",
    re.IGNORECASE,
)
_NUMBER = r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen)"
# "2-4 years", "two to four years": the lower figure is the minimum asked.
_YEARS_RE = re.compile(
    rf"\b(?P<n>{_NUMBER})\s*"
    rf"(?:\+|plus|or more)?\s*(?:(?:-|–|to)\s*{_NUMBER}\s*)?(?:\+\s*)?(?:years?|yrs?)\b(?![\s-]*olds?\b)",
    re.IGNORECASE,
)
_HEADINGS = {
    "must": (
        "requirements", "qualifications", "required qualifications", "minimum qualifications", "basic qualifications",
        "what you need", "what you'll need", "what you will need", "what we're looking for", "what we are looking for",
        "must have", "must haves", "must-have", "must-haves", "essential", "essential criteria", "essential skills",
        "you have", "about you", "who you are", "skills", "required skills", "skills and experience",
        "experience", "your profile", "profile", "job requirements", "requirements and qualifications",
        "key requirements", "the ideal candidate", "ideal candidate", "person specification", "knowledge and skills",
        "skills and qualifications", "qualifications and skills", "education and experience", "education",
        "licenses", "certifications", "licenses and certifications", "required experience", "competencies",
        "what you bring", "what we need", "candidate requirements", "eligibility",
    ),
    "nice": (
        "nice to have", "nice-to-have", "nice to haves", "preferred", "preferred qualifications", "bonus",
        "bonus points", "desirable", "desirable criteria", "pluses", "a plus", "preferred skills", "good to have",
        "additional qualifications", "it would be great if", "extra credit",
    ),
    "duties": (
        "responsibilities", "duties", "key responsibilities", "job duties", "what you'll do", "what you will do",
        "the role", "role", "your role", "day to day", "day-to-day", "main duties", "key duties", "tasks",
        "job description", "role description", "position summary", "job summary", "overview", "summary",
        "essential duties", "essential functions", "essential duties and responsibilities", "in this role",
        "your responsibilities", "what you'll be doing", "about the role", "the job", "position overview",
    ),
    "ignore": (
        "about us", "about the company", "who we are", "benefits", "perks", "what we offer", "we offer",
        "compensation", "compensation and benefits", "pay and benefits", "salary and benefits", "rewards",
        "salary", "pay", "how to apply", "equal opportunity", "eeo", "eeo statement",
        "why join us", "why work with us", "our values", "company overview", "location", "schedule",
        "working hours", "hours", "physical requirements", "work environment", "diversity", "our mission",
        "application process", "disclaimer", "job type", "job types", "benefits and perks", "pay range",
    ),
}  # fmt: skip
_HEADING_LOOKUP = {h: kind for kind, heads in _HEADINGS.items() for h in heads}
_MID_HEADING_RE = re.compile(
    r"(?<=[.!?])\s+(?=(?:"
    + "|".join(sorted((re.escape(h) for h in _HEADING_LOOKUP if len(h) > 5), key=len, reverse=True))
    + r")\s*:)",
    re.IGNORECASE,
)
_IGNORE_LINE_RE = re.compile(
    r"\b(equal opportunity|eoe|without regard to|salary|per hour|/hour|/hr\b|\$\d|benefits include|401\(?k\)?|"
    r"dental insurance|health insurance|paid time off|pto|apply now|click apply|visa sponsorship|"
    # How to apply and the posting's legal footer ask nothing of the candidate.
    r"copyright|all rights reserved|click the link|apply directly|receiving your (?:resume|cv)|"
    r"(?:send|submit|email) (?:us )?(?:your|a) (?:resume|cv)|open positions)\b",
    re.IGNORECASE,
)
_ALT_SPLIT_RE = re.compile(r"\b(or|either|nor)\b|/", re.IGNORECASE)
_AND_SPLIT_RE = re.compile(r"\b(and|as well as|plus|with)\b|[;&]", re.IGNORECASE)
_EXAMPLES_RE = re.compile(
    r"\b(such as|e\.g\.?|eg\.|like|including|for example|i\.e\.?|one of|any of|any)\b", re.IGNORECASE
)
_TITLE_PREFIX_RE = re.compile(r"^(?:job title|title|position|role|vacancy|job)\s*[:\-]\s*", re.IGNORECASE)
_HIRING_RE = re.compile(
    r"\b(?:looking for|seeking|hiring|recruiting|searching for)\s+(?:an?|our next|a new|two|several)?\s*"
    r"(?:experienced|skilled|qualified|dedicated|motivated|passionate|talented|reliable|friendly|compassionate|certified|licensed|"
    r"full[- ]time|part[- ]time|senior|junior|\s)*(?P<title>[A-Za-z][A-Za-z/&\- ]{2,50}?)(?:\s+(?:to|who|with|for|in|at|that)\b|[,.(]|$)",  # noqa: E501
    re.IGNORECASE,
)


@dataclass
class Requirement:
    label: str  # what is asked, in the recruiter's words
    kind: str  # "must" | "nice"
    category: str  # lexicon category, or "years" / "other"
    alternatives: list[str] = field(default_factory=list)  # concept ids: any one satisfies
    terms: list[str] = field(default_factory=list)  # content words when no concept names it
    # "Underwriting or closing experience": each "or" list of a free-text ask, its alternatives' words;
    # any one alternative answers its list.
    term_options: list[list[list[str]]] = field(default_factory=list)
    years: float = 0.0
    weight: float = 1.0
    source: str = ""  # the JD line it came from
    duty: bool = False  # read from a list of duties, not from stated requirements
    asked: list[str] = field(default_factory=list)  # the JD's own words for it ("google ads"), lower case
    defining: bool = False  # the role's defining qualification (its licence, the subject taught)
    open_list: bool = False  # "NetSuite, Sage or similar": any member of the concept answers it
    knockout: bool = False  # the recruiter's knockout (engine/rubric.py): not met caps the score below Interview
    # A rubric item "A or B" of different kinds ("forklift licence or warehouse experience"): one ask,
    # met by the best of these (engine/rubric.py, evidence.assess_requirement).
    either: list[Requirement] = field(default_factory=list)


@dataclass
class JobProfile:
    title: str
    title_concepts: list[str]
    requirements: list[Requirement]
    min_years: float
    domains: dict[str, float]
    term_weights: dict[str, float]
    has_stated_requirements: bool
    text_excerpt: str = ""
    jd_vectors: list[list[float]] = field(default_factory=list)  # semantic model, per sentence
    title_vector: list[float] = field(default_factory=list)
    extras: dict[str, object] = field(default_factory=dict)  # room for engine-specific analysis
    # ISCO-08 unit groups of a title the lexicon does not know, read from ESCO (occupation_titles.py).
    occupation_codes: list[str] = field(default_factory=list)


_CONDITION_RE = re.compile(
    r"\b(ability to|able to|willing(?:ness)? to|availability|available to|flexible (?:schedule|hours)|"
    r"must be (?:at least|18|21|able|willing|eligible|authori[sz]ed)|eligible to|authori[sz]ed to work|"
    r"pass (?:a |an )?(?:background|drug|medical)|background check|drug (?:test|screen)|nights and weekends|"
    r"reliable transport(?:ation)?|own (?:transport(?:ation)?|tools|vehicle|car|hand tools)|right to work|"
    # "Available evenings, weekends and holidays", "weekend availability": when the job is worked.
    r"available (?:to work |for |on )?(?:early |late )?(?:evenings?|weekends?|nights?|holidays?|overtime|"
    r"on[- ]call|shifts?|days?|mornings?|afternoons?|all shifts|rotating))\b",
    re.IGNORECASE,
)
_INLINE_HEADING_RE = re.compile(r"^\s*([A-Za-z][A-Za-z' &/\-]{2,40}):\s+(\S.*)$")
# Lower case only: "FP&A" or "IT" at the end of a title is not a sentence broken after "a" or "it".
_CONTINUES_RE = re.compile(r"\b(of|and|or|to|the|a|an|in|with|for|as|on|at|by|from|including|such)$")


def _reflow(lines: list[str]) -> list[str]:
    """Join lines that a text box or e-mail wrapped in mid-sentence."""
    out: list[str] = []
    for line in lines:
        stripped = line.strip()
        if out and stripped:
            prev = out[-1].rstrip()
            wrapped = stripped[0].islower() or _CONTINUES_RE.search(prev) is not None
            if wrapped and not prev.endswith((":", ".", ";", "!", "?")) and not _heading_kind(prev):
                out[-1] = prev + " " + stripped
                continue
        out.append(line)
    return out


def _heading_kind(line: str) -> str | None:
    clean = re.sub(r"[^a-z'& \-]", " ", line.lower()).strip(" -")
    clean = re.sub(r"\s+", " ", clean)
    if not clean or len(line) > 60 or len(clean.split()) > 7:
        return None
    if clean in _HEADING_LOOKUP:
        return _HEADING_LOOKUP[clean]
    if line.rstrip().endswith(":") or line.isupper() or line.startswith("#"):
        for heading, kind in _HEADING_LOOKUP.items():
            if heading in clean and len(heading) > 3:
                return kind
        return "duties" if line.rstrip().endswith(":") else None
    return None


def _split_sentences(line: str) -> list[str]:
    parts = [p for p in re.split(r";\s+", line) if p.strip()]
    parts = [q for p in parts for q in re.split(r"(?<=\w\w[.!?])\s+(?=[A-Z(•])", p)]
    return [p for p in parts if p.strip()]


# "A year of cleaning work", "at least a year's experience" (but not "twice a year").
_A_YEAR_RE = re.compile(
    r"(?<!\btwice )(?<!\bonce )(?<!\btimes )(?<!\bper )\b(?:a|one) (?:full )?year(?:'s)?\s+"
    r"(?:of|in|as|working|experience)\b",
    re.IGNORECASE,
)
_MONTHS_RE = re.compile(
    r"\b(?P<n>\d{1,2}|six|three|nine|eighteen)\s*\+?\s*months?(?:'s)?\s+(?:of|in|as|experience)\b", re.IGNORECASE
)


# "ACLS within 6 months of hire" sets a deadline; it asks for no experience.
_DEADLINE_RE = re.compile(
    r"\bwithin\s+\S+\s+months?\b|\bmonths?\s+(?:of|from|after)\s+(?:hire|hiring|start|starting|employment|joining)\b",
    re.IGNORECASE,
)
# "ServSafe Manager (or obtained within 60 days of hire)", "or willing to obtain": the job lets the new
# hire get it, so it is an ask that weighs, not a bar (below the weight the missing-licence cap needs).
_OBTAIN_LATER_RE = re.compile(
    r"\b(?:obtain(?:ed)?|earn(?:ed)?|acquire[ds]?|complete[ds]?|get)\s+(?:it\s+)?within\s+\S+\s+(?:days?|weeks?|months?)\b"
    r"|\b(?:willing(?:ness)?|able|ability|eligible) to obtain\b"
    r"|\bor (?:be )?eligible for\b",  # "must hold, or be eligible for, a state teaching licence"
    re.IGNORECASE,
)
OBTAINABLE_WEIGHT = 0.9
HANDLED_DOMAIN_WEIGHT = 1.0  # what the job handles tells its field as much as a nice-to-have would
# "Selling into HR teams", "partner with finance leaders", "selling HR tech or payroll software": an
# occupation named as the people or the market the job deals with is no ask of the candidate.
_AUDIENCE_RE = re.compile(
    r"^\W*(?:teams?|departments?|leaders?|leadership|buyers?|clients?|customers?|stakeholders?|partners?|"
    r"executives?|decision[- ]makers?|functions?|organi[sz]ations?|audiences?|"
    r"software|tech|technology|platforms?|products?|solutions?|systems?|market|industry|sector|vertical)\b",
    re.IGNORECASE,
)


def _years_in(text: str) -> float:
    match = _YEARS_RE.search(text)
    if not match:
        if _A_YEAR_RE.search(text):
            return 1.0
        months = _MONTHS_RE.search(text)
        if months and not _DEADLINE_RE.search(text):
            raw = months.group("n").lower()
            n = int(raw) if raw.isdigit() else {"six": 6, "three": 3, "nine": 9, "eighteen": 18}[raw]
            return round(n / 12, 2)
        return 0.0
    raw = match.group("n").lower()
    return float(WORD_NUMBERS.get(raw) or (int(raw) if raw.isdigit() else 0))


def _group_alternatives(line: str, hits: list[Hit]) -> list[list[Hit]]:
    """Concepts joined by 'or' / '/' or introduced by 'such as' form one requirement; 'and' and
    commas separate requirements, unless a comma list ends with 'or'."""
    if not hits:
        return []
    spans = token_spans(line)  # the same tokens the lexicon scanned, with their places in the line

    def start_of(token_index: int) -> int:
        return spans[token_index][0] if token_index < len(spans) else len(line)

    def end_of(token_index: int) -> int:
        return spans[token_index][1] if token_index < len(spans) else len(line)

    groups: list[list[Hit]] = [[hits[0]]]
    examples_before = _EXAMPLES_RE.search(line[: start_of(hits[0].start)]) is not None
    for previous, hit in zip(hits, hits[1:], strict=False):
        gap = line[end_of(previous.end - 1) : start_of(hit.start)]
        same_category = get_lexicon().concept(previous.concept).category == get_lexicon().concept(hit.concept).category
        if same_category and (_ALT_SPLIT_RE.search(gap) or (examples_before and not _AND_SPLIT_RE.search(gap))):
            groups[-1].append(hit)
        elif same_category and gap.strip(" ") in (",", "") and len(gap) < 4:
            groups.append([hit])  # a comma list goes on: "such as" still applies to what follows
        else:
            groups.append([hit])
            examples_before = _EXAMPLES_RE.search(gap) is not None
    groups = _join_listed_alternatives(line, groups, start_of, end_of)
    groups = _join_degree_or_credential(line, groups, start_of, end_of)
    if re.search(r",\s*(?:or|and/or)\s+\S+\s*$", line) and len(groups) > 1:
        merged: list[Hit] = []
        for group in groups:
            merged.extend(group)
        groups = (
            [merged]
            if all(
                get_lexicon().concept(h.concept).category == get_lexicon().concept(merged[0].concept).category
                for h in merged
            )
            else groups
        )
    return groups


_INTERCHANGEABLE = {"skill", "tool"}  # "Klaviyo, Mailchimp or HubSpot": platforms and skills listed together
_LIST_GAP_RE = re.compile(r"^\s*(?:,\s*(?:or|and/or)?|or|/)?\s*(?:(?:an?|any|the)\s+)?$", re.IGNORECASE)
_LIST_ENDS_WITH_OR_RE = re.compile(r"^\s*,?\s*(?:or|and/or)\b", re.IGNORECASE)
OPEN_LIST_RE = re.compile(
    r"^\s*,?\s*(?:or|and/or)\s+(?:\w+\s+)?(?:similar|equivalent|comparable|other|another|related)\b", re.IGNORECASE
)


def _listable(a: str, b: str) -> bool:
    lexicon = get_lexicon()
    ca, cb = lexicon.concept(a).category, lexicon.concept(b).category
    return ca == cb or {ca, cb} <= _INTERCHANGEABLE


def _join_listed_alternatives(
    line: str, groups: list[list[Hit]], start_of: Callable[[int], int], end_of: Callable[[int], int]
) -> list[list[Hit]]:
    """A list of named things that ends in 'or' ("CompTIA A+, Network+ or a Microsoft certification";
    "NetSuite, Sage, QuickBooks or similar"), or stands in brackets with an 'or' in it, offers
    alternatives: any one of them answers the ask, so they are one requirement, not one each."""
    out: list[list[Hit]] = []
    i = 0
    while i < len(groups):
        run = [groups[i]]
        before = line[: start_of(groups[i][0].start)]
        in_brackets = before.rfind("(") > before.rfind(")") and " or " in line[len(before) :].split(")")[0]
        said_or = False
        j = i
        while j + 1 < len(groups):
            gap = line[end_of(groups[j][-1].end - 1) : start_of(groups[j + 1][0].start)]
            # Inside brackets, items the lexicon does not know may sit between ("NASM, ACE, ACSM").
            listed = _LIST_GAP_RE.match(gap) or (in_brackets and not re.search(r"[()\[\];]|\band\b", gap))
            if not (listed and _listable(groups[j][-1].concept, groups[j + 1][0].concept)):
                break
            # "A+, Network+ or a Microsoft certification": the last two were already joined by their "or".
            said_or = said_or or re.search(r"\bor\b|/", gap) is not None or len(groups[j + 1]) > 1
            run.append(groups[j + 1])
            j += 1
        after = line[end_of(run[-1][-1].end - 1) :]
        if len(run) > 1 and (said_or or _LIST_ENDS_WITH_OR_RE.match(after) or in_brackets):
            out.append([hit for group in run for hit in group])
        else:
            out.extend(run)
        i = j + 1
    return out


def _listed_heading(raw: str) -> re.Match[str] | None:
    """A list item that opens a section ("- Preferred: CPR certification", "- Nice to have: Spanish"):
    the items after it are of that kind too. Only heading words count ("- Excel: pivot tables" is an ask)."""
    item = strip_bullet(raw)
    if item == raw.strip():
        return None
    inline = _INLINE_HEADING_RE.match(item)
    if inline and inline.group(1).strip().lower() in _HEADING_LOOKUP:
        return inline
    return None


# "3+ years of payroll, preferred: QuickBooks, Sage": a cue opening a list inside a line makes what
# follows it a nice-to-have, not what came before; "a loan origination system, Encompass preferred":
# a short last item with its cue after it is the nice-to-have. ("Ideally in a healthcare setting"
# leaves the sentence's asks as a whole a nice-to-have, as read today.)
_LEADING_CUE_RE = re.compile(
    r"[,;.]\s*(?:and\s+|but\s+)?(?=(?:preferred|nice[- ]to[- ]haves?|a plus|bonus|desirable|pluses)\s*:)",
    re.IGNORECASE,
)
_TRAILING_CUE_RE = re.compile(
    r",\s*(?=(?:[\w+#./-]+\s+){0,2}[\w+#./-]+\s+(?:preferred|a plus|an advantage|desirable)\W*$)", re.IGNORECASE
)


def _split_at_cue(sentence: str, section: str) -> list[tuple[str, str]]:
    """The parts of a stated-requirements sentence with the section each is read in."""
    if section == "duties":
        return [(sentence, section)]
    trailing = _TRAILING_CUE_RE.search(sentence)
    if trailing:
        return [(sentence[: trailing.start()], section), (sentence[trailing.end() :], NICE)]
    leading = _LEADING_CUE_RE.search(sentence)
    if not leading:
        return _split_at_mid_cue(sentence, section)
    parts = [(sentence[: leading.start()], section), (sentence[leading.end() :], NICE)]
    return [(text, kind) for text, kind in parts if text.strip()]


# "At least three years in an HR role, ideally in manufacturing, and a working knowledge of employment
# law": the clause the cue opens runs to the next ", and" / ", with" / ";" and is the nice-to-have.
_MID_CUE_RE = re.compile(
    r",\s*(?:and\s+|but\s+)?(?:ideally|preferably|preferred|especially|optionally)\b.*?"
    r"(?=,\s*(?:and|but|with|as well as|plus|you)\b|;|$)",
    re.IGNORECASE,
)
# Prose that states what the candidate must bring: "we are looking for someone with ...", "the ideal
# candidate has ...", "you bring ...".
_PROSE_ASK_RE = re.compile(
    r"\b(?:(?:looking for|seeking|want)\s+(?:someone|a candidate|candidates|a person|people)\b|"
    r"(?:ideal|right|successful)\s+(?:candidate|person|applicant)\s+(?:has|have|will have|brings?|is)\b|"
    r"you bring\b)",
    re.IGNORECASE,
)


def _split_at_mid_cue(sentence: str, section: str) -> list[tuple[str, str]]:
    """A sentence that states must-haves (by its words, or by its section) with a preferred clause in
    the middle: the clause is the nice-to-have, the rest keeps the sentence's must. Without a must,
    the sentence is read as a whole as before ("ideally" then makes all of it a nice-to-have)."""
    cue = _MID_CUE_RE.search(sentence)
    stated_must = section == MUST or _MUST_CUES.search(sentence) or _PROSE_ASK_RE.search(sentence)
    if not cue or not stated_must or section == NICE:
        return [(sentence, section)]
    rest = (sentence[: cue.start()] + sentence[cue.end() :]).strip()
    parts = [(rest, MUST), (sentence[cue.start() + 1 : cue.end()].strip(), NICE)]
    return [(text, kind) for text, kind in parts if text.strip()]


# "A bachelor's degree in social work ..., or an LPN/Medical Assistant credential": the credential is
# another way to meet the education ask, not a second must-have.
_OR_BEFORE_RE = re.compile(r"\bor\s+(?:an?\s+|the\s+|a\s+current\s+)?$", re.IGNORECASE)
_CREDENTIAL_NOUN_RE = re.compile(
    r"^\W*(?:credentials?|certificates?|certifications?|licen[cs]es?|registrations?|diplomas?)\b", re.IGNORECASE
)


def _join_degree_or_credential(
    line: str, groups: list[list[Hit]], start_of: Callable[[int], int], end_of: Callable[[int], int]
) -> list[list[Hit]]:
    lexicon = get_lexicon()
    out: list[list[Hit]] = []
    for group in groups:
        previous = out[-1] if out else []
        joined = (
            previous
            and lexicon.concept(previous[0].concept).category == EDUCATION
            and lexicon.concept(group[0].concept).category in (TITLE, CREDENTIAL)
            and _OR_BEFORE_RE.search(line[: start_of(group[0].start)])
            and _CREDENTIAL_NOUN_RE.match(line[end_of(group[-1].end - 1) :])
        )
        if joined:
            out[-1] = previous + group
        else:
            out.append(group)
    return out


def build_job_profile(jd_text: str) -> JobProfile:
    """What the job asks, read once: its title, the asks of each sentence in its section, the title's
    own ask, the minimum years and the fields the job is in."""
    text, _ = normalize_text(jd_text)
    raw_lines = _reflow([line for line in text.split("\n") if line.strip()])
    # "... patient charts. Requirements: a diploma; ..." — a heading in mid-paragraph opens a section.
    raw_lines = [part for line in raw_lines for part in _MID_HEADING_RE.split(line) if part and part.strip()]
    title = _read_title(raw_lines)
    read = _read_sections(raw_lines, senses_of_title(title))
    title, title_concepts, occupation_codes = _place_title(title, raw_lines)
    requirements = _dedupe(_drop_context(read.requirements, title_concepts) + _defining_asks(title, title_concepts))
    _weigh_defining(requirements, title_concepts)
    requirements = _with_title_ask(requirements, title, title_concepts, occupation_codes)
    return JobProfile(
        title=title or "this role",
        title_concepts=title_concepts,
        requirements=requirements,
        min_years=max((r.years for r in requirements if r.kind == MUST and r.years), default=0.0),
        domains=_domains(requirements, title_concepts, read.handled),
        term_weights=dict(read.term_counts),
        has_stated_requirements=read.stated,
        text_excerpt=text[:2000],
        jd_vectors=jd_vectors(read.sentences),
        title_vector=title_vector(title),
        occupation_codes=occupation_codes,
    )


def _read_title(raw_lines: list[str]) -> str:
    """The job's title: a short first line that is no heading or sentence, an occupation summary's
    first words, or the post a "we are hiring a ..." sentence names."""
    for line in raw_lines[:3]:
        candidate = _TITLE_PREFIX_RE.sub("", line).strip(" :#*")
        if (
            0 < len(candidate.split()) <= 8
            and len(candidate) <= 80
            and not _heading_kind(line)
            and not candidate.endswith(".")
            and not _INLINE_HEADING_RE.match(candidate)
            and not _YEARS_RE.search(candidate)
        ):
            return candidate
    if raw_lines:
        # "Registered Nurse. Assess patients' needs, ..." — an occupation summary led by its name.
        first = re.split(r"(?<=\w\w)[.:!]\s+", raw_lines[0], maxsplit=1)[0].strip(" .:#*")
        if 0 < len(first.split()) <= 7 and len(first) <= 80 and not _YEARS_RE.search(first) and first[:1].isupper():
            return first
    match = _HIRING_RE.search(" ".join(raw_lines[:5]))
    return match.group("title").strip() if match else ""


@dataclass
class _Reading:
    """What the sentences of a JD gave: their asks, what the job handles, the words used."""

    requirements: list[Requirement] = field(default_factory=list)
    handled: list[str] = field(default_factory=list)  # concepts named as what the job handles: its field
    term_counts: Counter[str] = field(default_factory=Counter)
    sentences: list[str] = field(default_factory=list)
    stated: bool = False  # the JD states requirements, not only duties


def _read_sections(raw_lines: list[str], off_senses: frozenset[Sense]) -> _Reading:
    """Each line read in the section its heading opened (requirements, nice-to-haves, duties, intro)."""
    read = _Reading()
    section = "intro"
    for raw in raw_lines:
        kind = _heading_kind(raw)
        if kind:
            section = kind
            continue
        inline = _INLINE_HEADING_RE.match(raw) or _listed_heading(raw)
        if inline and _heading_kind(inline.group(1) + ":") in _HEADINGS:
            # "Requirements: a degree; 3+ years ..." opens a section on the same line.
            section = _heading_kind(inline.group(1) + ":") or section
            raw = inline.group(2)
        if section == "ignore":
            continue
        for sentence in _split_sentences(strip_bullet(raw)):
            if sentence and not _IGNORE_LINE_RE.search(sentence):
                _read_sentence(read, sentence, section, off_senses)
    return read


def _read_sentence(read: _Reading, sentence: str, section: str, off_senses: frozenset[Sense]) -> None:
    read.sentences.append(sentence)
    read.term_counts.update(t for t in tokenize(sentence) if t not in STOPWORDS and len(t) > 1 and not t.isdigit())
    reqs = [
        r
        for part, part_section in _split_at_cue(sentence, section)
        for r in _requirements_from(part, part_section, off_senses)
    ]
    read.handled.extend(context_concepts(sentence))
    read.stated = read.stated or any(not r.duty for r in reqs)
    read.requirements.extend(reqs)


def _place_title(title: str, raw_lines: list[str]) -> tuple[str, list[str], list[str]]:
    """(title, its lexicon concepts, its ESCO unit groups when the lexicon does not know it)."""
    lexicon = get_lexicon()
    title_concepts = [h.concept for h in lexicon.find(title) if lexicon.concept(h.concept).category == TITLE]
    # A title the lexicon does not know: ESCO's titles place it ("Mortgage Loan Processor", ISCO 3312),
    # rather than an occupation the duties mention ("work with superintendents").
    occupation_codes = esco_codes_of_title(title) if not title_concepts else []
    if not title_concepts and not occupation_codes:
        # "City of Springfield" above "Building Inspector": the employer's line came first.
        title, occupation_codes = esco_title_below(raw_lines[1:3], title)
    if not title_concepts and not occupation_codes:
        head = " ".join(raw_lines[:4])
        title_concepts = [
            h.concept for h in _asked_hits(head, lexicon.find(head)) if lexicon.concept(h.concept).category == TITLE
        ][:2]
    return title, list(dict.fromkeys(title_concepts)), occupation_codes


def _with_title_ask(
    requirements: list[Requirement], title: str, title_concepts: list[str], occupation_codes: list[str]
) -> list[Requirement]:
    """The job's own title is an ask even when the text never says "experience as ..."."""
    lexicon = get_lexicon()
    asked = {cid for req in requirements if req.kind == MUST and req.category != "years" for cid in req.alternatives}
    if title_concepts and (not asked & set(title_concepts) or _post_not_asked(title, title_concepts, requirements)):
        requirements.insert(
            0,
            Requirement(
                label=f"Experience as {title}" if title else lexicon.concept(title_concepts[0]).label,
                kind=MUST,
                category=TITLE,
                alternatives=list(title_concepts),
                weight=1.0,
                source=title,
            ),
        )
    if occupation_codes:
        # (Titles the JD names in its text are other occupations: the lexicon does not know this one.)
        requirements.insert(0, _esco_title_ask(title))
    return requirements


TITLE_DOMAIN_WEIGHT = 6.0  # the title's fields outweigh any single ask's
MUST_DOMAIN_WEIGHT = 2.0


def _domains(requirements: list[Requirement], title_concepts: list[str], handled: list[str]) -> dict[str, float]:
    """The fields the job is in: the title's most, then its asks' (must-haves twice a nice-to-have)."""
    lexicon = get_lexicon()
    domains: defaultdict[str, float] = defaultdict(float)
    for req in requirements:
        for cid in req.alternatives:
            concept = lexicon.concept(cid)
            if "general" in concept.domains:
                continue
            weight = (MUST_DOMAIN_WEIGHT if req.kind == MUST else 1.0) / len(req.alternatives)
            for domain in concept.domains:
                domains[domain] += weight / len(concept.domains)
    for cid in title_concepts:
        concept = lexicon.concept(cid)
        for domain in concept.domains:
            domains[domain] += TITLE_DOMAIN_WEIGHT / len(concept.domains)
    for cid in handled:
        concept = lexicon.concept(cid)
        for domain in set(concept.domains) - {"general"}:
            domains[domain] += HANDLED_DOMAIN_WEIGHT / len(concept.domains)
    return dict(domains)


def _post_not_asked(title: str, title_concepts: list[str], requirements: list[Requirement]) -> bool:
    """The title names a specialised post of its family ("Account Executive" among salespeople) that no
    must-have asks: the must naming the family ("selling into HR teams") is no ask for the post, so
    the title is asked in its own words."""
    for cid in title_concepts:
        if not posts_named(title, cid) - {GENERAL_POST}:
            continue
        musts = [r for r in requirements if r.kind == MUST and r.category == TITLE and cid in r.alternatives]
        if not any(asks_the_post(r.source, cid, title) for r in musts):
            return True
    return False


def _esco_title_ask(title: str) -> Requirement:
    """The job's own title as a must-have when only ESCO knows it (no lexicon concept: no alternatives)."""
    return Requirement(label=f"Experience as {title}", kind=MUST, category=TITLE, weight=1.0, source=title)


_TITLE_SENSES_FILE = Path(__file__).with_name("data") / "title_senses.txt"
Sense = tuple[str, str]  # (concept, word as the lexicon reads it)


@lru_cache(maxsize=1)
def _title_senses() -> list[tuple[frozenset[str], Sense]]:
    """``data/title_senses.txt``: (title words, (concept, word)) read in the job's own sense."""
    out: list[tuple[frozenset[str], Sense]] = []
    for raw in _TITLE_SENSES_FILE.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if ":" not in line:
            continue
        titles, _, sense = line.partition(":")
        cid, word = sense.split(":", 1)[0].split()  # a third column holds the sense's CV words (evidence.py)
        out.append((frozenset(tokenize(titles)), (cid, tokenize(word)[0])))
    return out


def senses_of_title(title: str) -> frozenset[Sense]:
    """The (concept, word) pairs a job with this title writes in its own sense ("closing" of a
    mortgage processor is a loan closing, not closing sales)."""
    words = set(tokenize(title))
    return frozenset(sense for titles, sense in _title_senses() if titles & words)


# People an applicant collects things from: "request missing documents from borrowers (pay stubs,
# tax returns)" names what the job handles, the duty's object, not a skill asked.
_OTHERS = (
    r"(?:borrowers?|applicants?|clients?|customers?|patients?|families|residents?|members?|tenants?|vendors?|"
    r"suppliers?|employees?|candidates?|students?|parents?|buyers?|sellers?|third parties|others)"
)
_COLLECTED_FROM_RE = re.compile(
    r"\b(?:request|collect|gather|obtain|chase|receive|retrieve)(?:s|ed|ing)?\b[^.;]*?\bfrom\s+"
    rf"(?:the\s+|our\s+|their\s+|all\s+)?{_OTHERS}\b(?:\s*\([^)]*\))?",
    re.IGNORECASE,
)
# Where patients or clients come from is no ask: "a hospital or emergency department discharge",
# "patients referred from the emergency department".
_LEFT_PLACE_AFTER_RE = re.compile(r"^\s*(?:discharges?|admissions?|readmissions?)\b", re.IGNORECASE)
_LEFT_PLACE_BEFORE_RE = re.compile(
    r"\b(?:referred|discharged|transferred|admitted|released|coming|arriving|returning)\s+(?:home\s+)?from\s+"
    r"(?:(?:an?|the|their|our)\s+)?$",
    re.IGNORECASE,
)


def _hit_chars(sentence: str, hit: Hit, spans: list[tuple[int, int]]) -> tuple[int, int]:
    start = spans[hit.start][0] if hit.start < len(spans) else len(sentence)
    end = spans[hit.end - 1][1] if hit.end - 1 < len(spans) else len(sentence)
    return start, end


def _in_job_sense(sentence: str, hit: Hit, spans: list[tuple[int, int]], off_senses: frozenset[Sense]) -> bool:
    """The concept's word written in the job's own sense (``data/title_senses.txt``)."""
    start, end = _hit_chars(sentence, hit, spans)
    return bool(off_senses) and any((hit.concept, word) in off_senses for word in tokenize(sentence[start:end]))


def _handled_not_asked(sentence: str, hit: Hit, spans: list[tuple[int, int]]) -> bool:
    """What the job handles or where its people come from, not what it asks of the candidate: things
    collected from others ("tax returns" requested from borrowers), the place patients leave."""
    start, end = _hit_chars(sentence, hit, spans)
    if any(m.start() < start and end <= m.end() for m in _COLLECTED_FROM_RE.finditer(sentence)):
        return True
    return bool(_LEFT_PLACE_AFTER_RE.match(sentence[end:]) or _LEFT_PLACE_BEFORE_RE.search(sentence[:start]))


def context_concepts(sentence: str) -> list[str]:
    """Concepts a sentence names as what the job handles (``_handled_not_asked``): no asks, but they
    still tell the job's field (a processor who collects tax returns works in finance)."""
    spans = token_spans(sentence)
    return [
        h.concept
        for h in get_lexicon().find(sentence)
        if get_lexicon().concept(h.concept).category != CREDENTIAL and _handled_not_asked(sentence, h, spans)
    ]


def _asked_hits(sentence: str, hits: list[Hit], off_senses: frozenset[Sense] = frozenset()) -> list[Hit]:
    """Drop occupations and fields named as the job's audience ("selling into HR teams"), and soft
    skills that are not asked of the candidate: a field of study ("a degree in marketing or
    communications"), a job condition ("reliable transport") or the employer's own description
    ("we run a friendly office"); and words that ask nothing (``_not_an_ask``)."""
    lexicon = get_lexicon()
    spans = token_spans(sentence)
    soft_not_asked = bool(
        _DEGREE_WORD_RE.search(sentence) or _CONDITION_RE.search(sentence) or _EMPLOYER_SPEAKS_RE.match(sentence)
    )
    kept = []
    for hit in hits:
        category = lexicon.concept(hit.concept).category
        if _in_job_sense(sentence, hit, spans, off_senses):
            continue
        if category != CREDENTIAL and _handled_not_asked(sentence, hit, spans):
            continue
        after = sentence[spans[hit.end - 1][1] :] if hit.end - 1 < len(spans) else ""
        if category in (TITLE, FIELD) and _AUDIENCE_RE.match(after):
            continue
        if category == FIELD and _STAFF_RE.match(after):
            continue  # "supervising kitchen staff": the people led, the ask is leading them
        if category == TITLE and _SPOKEN_TO_RE.search(sentence[: spans[hit.start][0]]):
            continue  # "able to talk to a machine operator and a vice president": the people met, not the job
        if category in (TITLE, SKILL, FIELD) and _DEGREE_FIELD_BEFORE_RE.search(sentence[: spans[hit.start][0]]):
            continue  # "a bachelor's degree in marketing": the degree's subject, asked by the degree
        if category == SOFT and soft_not_asked:
            continue
        kept.append(hit)
    return kept


_STAFF_RE = re.compile(r"^\W*(?:staff|crews?|workers|employees|personnel|brigades?)\b", re.IGNORECASE)
_SPOKEN_TO_RE = re.compile(
    r"\b(?:talk|speak|communicate|interact|deal|liaise)(?:s|ed|ing)?\s+(?:to|with)\s+(?:(?:an?|the|our|all|any)\s+)?$",
    re.IGNORECASE,
)
# "Schedule is Monday to Friday, 8am to 5pm": what the job's hours are, not something asked of the candidate.
_SCHEDULE_RE = re.compile(r"^\W*(?:the\s+)?(?:schedule|hours|shifts?|working hours|work hours)\s+(?:is|are)\b", re.I)
_DEGREE_FIELD_BEFORE_RE = re.compile(
    r"\b(?:degree|diploma|bachelor'?s?|master'?s?|associate'?s?|major(?:ed)?)\s+(?:degree\s+)?(?:in|of)\s+"
    r"(?:(?!,\s*(?:or\s+)?(?:an?|the|any|experience|knowledge|with|and)\b)[^.;:])*$",
    re.IGNORECASE,
)
_DEGREE_WORD_RE = re.compile(r"\b(?:degree|bachelor'?s?|master'?s?|diploma|major(?:ed)? in)\b", re.IGNORECASE)
_EMPLOYER_SPEAKS_RE = re.compile(r"^\W*(?:we|our|at [A-Z]\w+,? we)\b", re.IGNORECASE)
# "Our team works in two-week sprints", "We offer a pension", "You will join a team of five nurses": the
# employer describing its team, company or offer, which asks nothing of the candidate.
_DESCRIBES_EMPLOYER_RE = re.compile(
    r"^\W*(?:(?:we|our\s+(?:\w+\s+)?(?:team|company|firm|office|clinic|practice|kitchen|group|people|staff|"
    r"department|business|organi[sz]ation|client|clients|customers))\b(?!\s+(?:need|require|expect|ask|want|"
    r"are (?:looking|seeking|hiring)))|you(?:'ll| will)\s+(?:be\s+)?join(?:ing)?\b"
    r"|(?:you\s+will\s+)?join\s+(?:our|a|the)\b)",
    re.IGNORECASE,
)


def _describes_the_employer(sentence: str) -> bool:
    """A sentence in which the employer describes itself or its offer, with no ask's cue in it."""
    return bool(_DESCRIBES_EMPLOYER_RE.match(sentence)) and not _MUST_CUES.search(sentence)


_OR_PARTS_RE = re.compile(r"(,|;|\bor\b|\band\b|(?<=[A-Za-z])/(?=[A-Za-z]))", re.IGNORECASE)
_ITEM_START_RE = re.compile(r"^.*\b(?:in|with|of|for|on|as|to|from|such as|including)\s+", re.IGNORECASE)
MAX_OPTION_WORDS = 5  # longer parts are clauses, not alternatives of one ask


def _content_terms(text: str, shortest: int = 3) -> list[str]:
    return [t for t in tokenize(text) if t not in STOPWORDS and len(t) >= shortest and not t.isdigit()]


def _or_options(sentence: str) -> list[list[list[str]]]:
    """The "or" lists of a free-text ask, each as its alternatives' content words: "Underwriting or
    closing experience" -> [[["underwriting"], ["closing", "experience"]]]; "CHST, STS or ASP
    certification" lists three. A list starts after its preposition ("experience in X or Y")."""
    parts = _OR_PARTS_RE.split(sentence)  # items at even places, separators at odd places
    options: list[list[list[str]]] = []
    i = 1
    while i < len(parts):
        if parts[i].lower() not in ("or", "/"):
            i += 2
            continue
        first = i - 1
        while first >= 2 and parts[first - 1] == "," and len(parts[first - 2].split()) <= MAX_OPTION_WORDS:
            first -= 2
        if first >= 2 and parts[first - 1] == "," and len(_ITEM_START_RE.sub("", parts[first - 2]).split()) <= 3:
            first -= 2  # "2+ years of experience in care coordination, case management ...": the list's first item
        last = i + 1
        while last + 2 < len(parts) and parts[last + 1].lower() in ("or", "/"):
            last += 2
        items = [parts[first] and _ITEM_START_RE.sub("", parts[first])] + parts[first + 2 : last + 1 : 2]
        alternatives = [_content_terms(item, shortest=2) for item in items]  # "HR" is an alternative
        if all(0 < len(alt) <= MAX_OPTION_WORDS for alt in alternatives):
            options.append(alternatives)
        i = last + 1
    return options


_ASK_WORDS = frozenset(
    tokenize("experience experienced knowledge skills skill background work working ability certification certificate")
)
_BROADER_SIDE_RE = re.compile(r"\bor\s+(?:an?\s+)?(?:another|other|similar|related|equivalent|comparable)\b", re.I)


def _or_with_unknown_side(sentence: str, group: list[Hit], hits: list[Hit]) -> bool:
    """The occupation or field is one side of an "A or B" ask whose other side no concept names
    ("butchery or pastry experience"): one ask met by either, in the JD's own words, not an ask of A alone."""
    lexicon = get_lexicon()
    if lexicon.concept(group[0].concept).category not in (TITLE, FIELD) or _BROADER_SIDE_RE.search(sentence):
        # A skill keeps its concept ("underwriting or closing"); "manufacturing or another multi-shift
        # environment" names the concept as the ask's example.
        return False
    named = {t for h in hits for t in tokenize(lexicon.surface(sentence, h))}
    own = {t for h in group for t in tokenize(lexicon.surface(sentence, h))}
    for alternatives in _or_options(sentence):
        words = [set(alt) - _ASK_WORDS - STOPWORDS for alt in alternatives]
        if len(alternatives) != 2:
            continue  # a longer list ("care coordination, case management, ... or social services") keeps its concepts
        if any(w and w <= own for w in words) and any(w and not w & named for w in words):
            return True
    return False


def _either_side_ask(sentence: str, kind: str) -> Requirement:
    return Requirement(
        label=sentence[:90].rstrip(" .,;:"),
        kind=kind,
        category="other",
        terms=list(dict.fromkeys(_content_terms(sentence)))[:8],
        term_options=_or_options(sentence),
        weight=FREE_TEXT_WEIGHT,
        source=sentence[:240],
    )


FREE_TEXT_WEIGHT = 0.6


def _requirements_from(sentence: str, section: str, off_senses: frozenset[Sense] = frozenset()) -> list[Requirement]:
    """The asks of one JD sentence read in its section: the concepts it names (grouped into "X or Y"
    alternatives), its years asks, and, when no concept names anything, the sentence in its own words."""
    if _describes_the_employer(sentence):
        return []
    lexicon = get_lexicon()
    hits = _asked_hits(sentence, lexicon.find(sentence), off_senses)
    kind, duty, nice_cue = _sentence_kind(sentence, section)
    years = _years_in(sentence)
    out: list[Requirement] = []
    for group in _group_alternatives(sentence, hits):
        req = _concept_ask(sentence, group, hits, kind, duty, nice_cue)
        if req is not None:
            out.append(req)
    if years:
        out.extend(_years_asks(sentence, hits, NICE if nice_cue or section == "nice" else MUST))
    if not hits and not years and section in ("must", "nice") and not duty and not _SCHEDULE_RE.match(sentence):
        free = _free_text_ask(sentence, kind, nice_cue)
        out.extend([free] if free else [])
    out = _merge_class_examples(out)
    _share_suite_weight(out)
    return out


def _sentence_kind(sentence: str, section: str) -> tuple[str, bool, bool]:
    """(must or nice, read from duties, the sentence has its own nice cue): a cue in the sentence
    decides before its section; duties and intro prose ask only what they name as asked."""
    nice_cue = _NICE_CUES.search(sentence) is not None
    if nice_cue or section == "nice":
        return NICE, False, nice_cue
    if section == "must" or _MUST_CUES.search(sentence) is not None:
        return MUST, False, nice_cue
    # Duties, and intro prose: credentials and titles named there are real requirements.
    return NICE, True, nice_cue


_CATEGORY_WEIGHT = {CREDENTIAL: 1.4, TITLE: 1.0, EDUCATION: 0.8, SOFT: 0.25}
HIGH_SCHOOL_WEIGHT = 0.2  # CVs rarely mention a diploma every adult applicant has
GENERAL_CONCEPT_WEIGHT = 0.4  # a concept of no particular field ("communication") weighs at most this
DUTY_SHARE = 0.6  # a concept a duty names weighs this share of a stated ask


def _concept_ask(
    sentence: str, group: list[Hit], hits: list[Hit], kind: str, duty: bool, nice_cue: bool
) -> Requirement | None:
    """The ask of one group of alternative concepts, or None when it asks nothing of the candidate."""
    lexicon = get_lexicon()
    ids = list(dict.fromkeys(h.concept for h in group))
    concept = lexicon.concept(ids[0])
    category = concept.category
    req_kind, duty_flag = (MUST, False) if duty and category == CREDENTIAL and not nice_cue else (kind, duty)
    if category == SOFT and req_kind == MUST:
        # "Empathy", "a team player", "strong communication": a CV's self-description proves none of
        # them, so the recruiter sees them as a minor nice-to-have, never a must-have that costs points.
        req_kind = NICE
    if duty_flag and category == TITLE:
        return None  # "assist the dentist" describes the work, it does not ask to be a dentist
    if not duty_flag and _or_with_unknown_side(sentence, group, hits):
        return _either_side_ask(sentence, req_kind)
    spans = token_spans(sentence)
    after = sentence[spans[group[-1].end - 1][1] :] if group[-1].end - 1 < len(spans) else ""
    surfaces = list(dict.fromkeys(lexicon.surface(sentence, h) for h in group))
    label = " or ".join(surfaces) if all(surfaces) else " or ".join(lexicon.concept(c).label for c in ids)
    return Requirement(
        label=label[0].upper() + label[1:] if label.islower() else label,
        kind=req_kind,
        category=category,
        alternatives=ids,
        weight=_concept_weight(sentence, ids, duty_flag),
        source=sentence[:240],
        duty=duty_flag,
        asked=[w.lower() for w in surfaces if w],
        open_list=OPEN_LIST_RE.match(after) is not None,
    )


def _concept_weight(sentence: str, ids: list[str], duty: bool) -> float:
    concept = get_lexicon().concept(ids[0])
    weight = _CATEGORY_WEIGHT.get(concept.category, 1.0)
    if ids == ["high_school"]:
        weight = HIGH_SCHOOL_WEIGHT
    if "general" in concept.domains and concept.category != EDUCATION:
        weight = min(weight, GENERAL_CONCEPT_WEIGHT)
    if concept.category == CREDENTIAL and _OBTAIN_LATER_RE.search(sentence):
        weight = min(weight, OBTAINABLE_WEIGHT)
    return weight * DUTY_SHARE if duty else weight


CONDITION_WEIGHT = 0.15


def _free_text_ask(sentence: str, kind: str, nice_cue: bool) -> Requirement | None:
    """A stated requirement no concept names, in the JD's own words."""
    terms = _content_terms(sentence)
    # A line with its own cue may name one thing ("Encompass preferred"); otherwise one word is no ask.
    if not (1 if nice_cue else 2) <= len(terms) <= 25:
        return None
    # Conditions of the job ("able to lift", "weekend availability") are not CV evidence.
    condition = _CONDITION_RE.search(sentence) is not None
    return Requirement(
        label=sentence[:90].rstrip(" .,;:"),
        kind=kind,
        category=SOFT if condition else "other",
        terms=list(dict.fromkeys(terms))[:8],
        term_options=_or_options(sentence),
        weight=CONDITION_WEIGHT if condition else FREE_TEXT_WEIGHT,
        source=sentence[:240],
    )


# Where one years ask ends in its sentence: "3+ years cooking in a restaurant kitchen, including at least
# 1 year as a sous chef" asks two things, each with its own subject.
# A comma ends it only before a new clause: "in a help desk, desktop support or IT support role" is one list.
_YEARS_CLAUSE_END_RE = re.compile(
    r",(?=\s*(?:and|but|with|as well as|plus|you|ideally|preferably|including|who|where)\b)|;|\.\s|"
    r"\b(?:including|of which|with at least)\b",
    re.IGNORECASE,
)
_YEARS_SUBJECT_RE = re.compile(
    r"^\W*(?:(?:of|in)\s+)?(?:(?:professional|hands-on|relevant|related|proven|progressive|paid|full-time|verifiable|recent)\s+)*"
    r"(?:(?:work\s+)?experience\s*)?(?:(?:of|in|as|with|working|doing)\s+)?(?:(?:an?|the)\s+)?",
    re.IGNORECASE,
)
_YEARS_SUBJECT_TAIL_RE = re.compile(r"\s+(?:experience|work|background|required|is required|preferred)\b.*$", re.I)
YEARS_WEIGHT = 1.2


def _years_mentions(sentence: str) -> list[tuple[float, int, int]]:
    """(years, start, end of its clause) for each years ask of a sentence."""
    found: list[tuple[float, int, int]] = []
    for match in [*_YEARS_RE.finditer(sentence), *_A_YEAR_RE.finditer(sentence)]:
        years = _years_in(match.group(0) + " of")
        if not years or any(start <= match.start() < end for _, start, end in found):
            continue
        stop = _YEARS_CLAUSE_END_RE.search(sentence, match.end())
        found.append((years, match.start(), stop.start() if stop else len(sentence)))
    if not found and _years_in(sentence):
        found.append((_years_in(sentence), 0, len(sentence)))  # "six months of experience"
    return sorted(found, key=lambda f: f[1])


def _years_asks(sentence: str, hits: list[Hit], kind: str) -> list[Requirement]:
    """One years ask per years mention, its subject the work its own clause names ("2+ years of mortgage
    loan processing"); a second mention in the sentence asks its own ("at least 1 year as a sous chef,
    kitchen manager or lead line cook": years in those posts, not in any kitchen job)."""
    mentions = _years_mentions(sentence)
    out = []
    for index, (years, start, end) in enumerate(mentions):
        if len(mentions) == 1:
            # "3+ years in an HR role and a working knowledge of employment law": the years are in the
            # work their own clause names, when it names one.
            own = [h for h in _subject_hits(hits) if start <= _hit_chars(sentence, h, token_spans(sentence))[0] < end]
            req = _years_ask(sentence, own or hits, kind, years, _years_subject(sentence, start, end))
            listed = _years_subject(sentence, start, end, whole=True)
            if req.term_options and len(listed.split()) <= MAX_LISTED_WORDS:
                req.label = (
                    f"{years:g}+ years of {listed}"  # "care coordination, case management, ... or social services"
                )
            out.append(req)
            continue
        if index == len(mentions) - 1:
            end = len(sentence)  # the last ask runs to the end of its list ("..., kitchen manager or lead line cook")
        inside = [h for h in hits if start <= _hit_chars(sentence, h, token_spans(sentence))[0] < end]
        posts = _posts_asked(sentence, inside, start) if _AS_POST_RE.match(sentence, start) else []
        titles = [h for h in inside if get_lexicon().concept(h.concept).category == TITLE]
        if posts and titles:
            req = _years_ask(sentence, titles, kind, years, "")
            req.label, req.asked, req.term_options = f"{years:g}+ years as " + " or ".join(posts), posts, []
            out.append(req)
        else:
            # Years in the posts a later clause names ("... including 1 year as a sous chef") are years
            # of the broader work too.
            later = [h for h in hits if h not in inside and get_lexicon().concept(h.concept).category == TITLE]
            out.append(_years_ask(sentence, inside + later, kind, years, _years_subject(sentence, start, end)))
    return out


def _subject_hits(hits: list[Hit]) -> list[Hit]:
    """The concepts that can be the work a years ask is in (not a degree, a licence or a soft skill)."""
    lexicon = get_lexicon()
    return [h for h in hits if lexicon.concept(h.concept).category not in (EDUCATION, SOFT, CREDENTIAL)]


def _years_ask(sentence: str, hits: list[Hit], kind: str, years: float, phrase: str) -> Requirement:
    """A years ask on the work the hits name, or in the JD's own words when no concept names it."""
    lexicon = get_lexicon()
    subject_hits = _subject_hits(hits)
    ids = list(dict.fromkeys(h.concept for h in subject_hits))
    words = list(dict.fromkeys(lexicon.surface(sentence, h) for h in subject_hits))
    subject = " or ".join(words[:3]) if ids else (phrase or "relevant experience")
    said = set(tokenize(" ".join(words)))
    phrase_words = _content_terms(phrase)
    # The work's own noun comes last: "construction safety" is safety work (in construction), while
    # "classroom teaching" is teaching, however the classroom is named.
    head = phrase_words[-1] if phrase_words else ""
    extra = [head] if head and head not in said and head not in _NOT_A_SUBJECT else []
    if ids and extra and len(phrase.split()) <= MAX_SUBJECT_WORDS and said & set(tokenize(phrase)):
        subject = phrase  # "3+ years of construction safety": the work is safety, in construction
    named = {t for w in words for t in tokenize(w)}
    sides = [
        [alt for alt in alts if not set(alt) & named]  # only the sides no concept names
        for alts in _or_options(sentence)
        if any(set(a) <= named for a in alts) and any(set(a) - _ASK_WORDS - named for a in alts)
    ]
    sides = [alts for alts in sides if alts]
    return Requirement(
        label=f"{years:g}+ years of {subject}",
        kind=kind,
        category="years",
        alternatives=ids,
        terms=extra if ids and subject == phrase else [],
        # "care coordination, case management, patient navigation or social services": work no concept
        # names is one of the alternatives too (evidence: roles whose lines name it).
        term_options=sides if ids else [],
        years=years,
        weight=YEARS_WEIGHT,
        source=sentence[:240],
    )


MAX_SUBJECT_WORDS = 3  # a longer clause is a sentence, not the name of the work
# Words that say a work is done, not which work: "3+ years of forklift operation" is years of forklift work.
_NOT_A_SUBJECT = frozenset(
    tokenize("role roles position positions field setting environment job operation operations operating duties tasks")
)


_AS_POST_RE = re.compile(rf"(?:{_NUMBER}|a|one)\s*\+?\s*(?:full\s+)?years?\s+(?:of experience\s+)?as\b", re.I)
_POST_MODIFIER_RE = re.compile(r"\b(lead|senior|head|chief|principal|executive)\s+$", re.IGNORECASE)


def _posts_asked(sentence: str, hits: list[Hit], start: int) -> list[str]:
    """The posts a years ask names, as the JD writes them ("sous chef", "lead line cook")."""
    lexicon = get_lexicon()
    spans = token_spans(sentence)
    posts = []
    for hit in hits:
        if lexicon.concept(hit.concept).category != TITLE:
            continue
        begin, _ = _hit_chars(sentence, hit, spans)
        modifier = _POST_MODIFIER_RE.search(sentence[start:begin])
        posts.append(((modifier.group(1) + " ") if modifier else "") + lexicon.surface(sentence, hit).lower())
    return list(dict.fromkeys(posts))


MAX_LISTED_WORDS = 12  # a list of the work asked longer than this is a sentence, not a label


def _years_subject(sentence: str, start: int, end: int, whole: bool = False) -> str:
    """The work a years ask names in its own words ("mortgage loan processing" from "2+ years of
    mortgage loan processing experience"); ``whole``: its whole list, commas included."""
    match = _YEARS_RE.match(sentence, start) or _A_YEAR_RE.match(sentence, start)
    rest = sentence[match.end() if match else start : end]
    rest = _YEARS_SUBJECT_RE.sub("", rest, count=1)
    rest = _YEARS_SUBJECT_TAIL_RE.sub("", rest)
    rest = (rest if whole else rest.split(",")[0]).strip(" .,;:")  # "training clients, in a gym"
    return rest if 0 < len(rest.split()) <= (MAX_LISTED_WORDS if whole else 10) else ""


def _merge_class_examples(requirements: list[Requirement]) -> list[Requirement]:
    """ "An ERP or accounting system (SAP, Oracle, NetSuite or similar)": systems listed as examples ("or
    similar") of the class asked join its ask instead of making a second one. ("Microsoft Office: Outlook,
    Excel and PowerPoint" names each part: those stay asks of their own.)"""
    lexicon = get_lexicon()
    out: list[Requirement] = []
    for req in requirements:
        host = next(
            (
                o
                for o in out
                if o.category == req.category
                and o.alternatives == req.alternatives
                and any(tuple(tokenize(a)) in lexicon.class_names.get(o.alternatives[0], set()) for a in o.asked)
            ),
            None,
        )
        if host is not None and req.category in _NAMED_ASKS and req.open_list:
            host.asked = list(dict.fromkeys(host.asked + req.asked))
            host.open_list = host.open_list or req.open_list
            continue
        out.append(req)
    return out


SUITE_SHARE_FLOOR = 0.4  # each of several named parts of one suite weighs at least this share of an ask


def _share_suite_weight(requirements: list[Requirement]) -> None:
    """Named parts of one suite in one sentence ("Microsoft Office (Outlook, Excel, PowerPoint)", "Adobe
    Creative Suite: InDesign, Illustrator and Photoshop", "closing experience in B2B sales, quota-carrying")
    are facets of one ask: they share its weight instead of counting as four must-haves. So do the tools
    and skills one JD line lists ("Proficiency with Zendesk, Jira and remote-desktop tools"): the line is
    one ask with its items as parts, as a recruiter reads it, not three asks of full weight each."""
    parts = [req for req in requirements if req.category in _NAMED_ASKS and req.alternatives and not req.defining]
    if len(parts) > 1:
        share = max(SUITE_SHARE_FLOOR, 1.0 / len(parts))
        for req in parts:
            req.weight = round(req.weight * share, 3)


def _defining_asks(title: str, title_concepts: list[str]) -> list[Requirement]:
    """What the title names beside the occupation ("Mathematics" Teacher, "Med/Surg" nurse, "SaaS"
    account executive) is the role's defining ask."""
    lexicon = get_lexicon()
    out: list[Requirement] = []
    if not {h.concept for h in lexicon.find(title)} & set(title_concepts):
        return out  # the first line is no job title ("Experience with Epic or Cerner")
    seen: set[str] = set()
    for hit in lexicon.find(title):
        concept = lexicon.concept(hit.concept)
        # A workplace in the title ("Regional Airline", "Hospital") is the setting, not the ask.
        if concept.category not in (SKILL, TOOL, CREDENTIAL) or hit.concept in title_concepts or hit.concept in seen:
            continue
        seen.add(hit.concept)  # "Elementary Teacher, Grades 3-5" asks one thing twice
        surface = lexicon.surface(title, hit)
        out.append(
            Requirement(
                label=surface[:1].upper() + surface[1:],
                kind=MUST,
                category=concept.category,
                alternatives=[hit.concept],
                weight=DEFINING_WEIGHT,
                source=title,
                asked=[surface.lower()],
                defining=True,
            )
        )
    return out


def _weigh_defining(requirements: list[Requirement], title_concepts: list[str]) -> None:
    """The licence that makes the title (an RN licence for a nurse, an A&P for an aircraft technician)
    weighs most when the job asks for it."""
    own_licences = {LICENCE_OF_TITLE[cid] for cid in title_concepts if cid in LICENCE_OF_TITLE}
    for req in requirements:
        if req.kind == MUST and req.category == CREDENTIAL and own_licences & set(req.alternatives):
            if _OBTAIN_LATER_RE.search(req.source):
                continue  # the job takes a candidate eligible for the licence: an ask, not the bar
            req.weight = max(req.weight, DEFINING_WEIGHT)
            req.defining = True


def _drop_context(requirements: list[Requirement], title_concepts: list[str]) -> list[Requirement]:
    """Concepts named in passing ("our healthcare clients", "work with business analysts") are
    context, not asks: outside stated requirements, keep only those of the job's own field."""
    lexicon = get_lexicon()
    core = {d for cid in title_concepts for d in lexicon.concept(cid).domains}
    if not core:
        return requirements
    core.add("general")
    kept = []
    for req in requirements:
        domains = {d for cid in req.alternatives for d in lexicon.concept(cid).domains}
        if not req.alternatives or domains & core:
            kept.append(req)
        elif not req.duty and (req.category != TITLE or "experience" in req.source.lower()):
            kept.append(req)  # an explicit ask from another field still counts (e.g. CDL for a technician)
    return kept


def _dedupe(requirements: list[Requirement]) -> list[Requirement]:
    """The same ask mentioned twice counts once, as its strongest mention."""
    best: dict[tuple[object, ...], Requirement] = {}
    order: list[tuple[object, ...]] = []
    for req in requirements:
        key: tuple[object, ...] = (req.category, tuple(sorted(req.alternatives)) or tuple(req.terms), req.years)
        if req.category in _NAMED_ASKS and not req.duty:
            # "Knife skills" and "high-volume kitchen" are two asks even where one concept holds both.
            key += tuple(sorted(req.asked))
        if key not in best:
            best[key] = req
            order.append(key)
            continue
        old = best[key]
        stronger = (req.kind == MUST and old.kind != MUST) or (req.weight > old.weight and req.kind == old.kind)
        if stronger or (old.duty and not req.duty and req.kind == old.kind):
            # The stated ask ("ServSafe certification required") names it better than a duty line.
            best[key] = replace(req, weight=max(req.weight, old.weight), defining=req.defining or old.defining)
    kept = [best[k] for k in order]
    # A duty naming what a stated requirement already asks ("run Google Ads campaigns" beside "Google
    # Ads management required") is the same ask, not a second one.
    stated = {(r.category, cid) for r in kept if not r.duty and r.category != "years" for cid in r.alternatives}
    return [r for r in kept if not (r.duty and r.alternatives and {(r.category, c) for c in r.alternatives} <= stated)]
