"""A CV's work history: each dated role with its title, employer and dates, read the way a
recruiter reads the page whatever the layout.

Dates are found across line breaks ("10/2017\\nto\\n09/2019", as some PDF exports split them),
before or after the title, on the title's line or on a line of their own, as ranges or as a
single month ("08/2017", "Summer 2018"). The title is the title-like text on the dates' own line,
else the line above or below them: a CV follows one template, so the side where titles sit is
decided once for the whole CV by comparing the lines above and below every date. The employer is
the organisation named beside the title ("Company Name – City, State" in anonymised exports),
carried to the next roles when one employer heads several of them. Education and certification
dates are not work.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from .experience import BARE_RANGE_RE, MONTHS, NOW_RE, POINT_PATTERN, RANGE_RE, point_value
from .lexicon import TITLE, get_lexicon

NOT_WORK_SECTIONS = ("education", "certifications", "projects", "other", "skills")
_EDU_LINE_RE = re.compile(
    r"\b(university|college|school|academy|institute|bachelor|master|diploma|degree|b\.?sc|m\.?sc|phd|gpa|"
    r"graduated|graduation|coursework|student)\b",
    re.IGNORECASE,
)
# Mojibake and full-width punctuation some exports leave between title, employer and place.
_MOJIBAKE = (("â€“", " – "), ("â€”", " — "), ("â€‹", " "), ("ï¼š", " : "), ("ï¼", " : "), ("ï1⁄4", " : "), ("Â", " "))
_FIELD_SEPARATORS_RE = re.compile(r"\s*(?:\t|\s{3,}|[|•·;]|:\s)\s*")  # always between fields
_AT_RE = re.compile(r"\S\sat\s[A-Z]")  # "Full Stack Developer at Optisor LTD"
_DASH_SEPARATORS_RE = re.compile(r"\s*(?:\s[–—-]\s|\s[–—]|[–—]\s|\sat\s)\s*")  # also inside titles
_COMMA_RE = re.compile(r"\s*,\s*")
_ORG_RE = re.compile(
    r"\b(?:inc|llc|llp|ltd|limited|plc|corp|corporation|co|company|group|gmbh|hospital|clinic|bank|school|"
    r"university|college|academy|trust|agency|services|solutions|restaurant|hotel|pharmacy|council|foods|"
    r"fabrication|partners|nhs|camp|care home|distribution|logistics|industries|international|bistro|cafe|café|"
    r"grill|diner|inn|pub|bakery|shop|stores?|market|supermarket|salon|studio|pool|cinema|theatre|theater|club|"
    r"zoo|farm|factory|mill|garage|motors|airlines?|airways|hospice|surgery|laboratories|labs|consulting|"
    r"foundation|church|museum|library|county)\b\.?",
    re.IGNORECASE,
)
_PLACEHOLDER_RE = re.compile(r"\bcompany\s?name\b", re.IGNORECASE)  # builders' anonymised exports
_PLACE_WORDS = frozenset(
    {"city", "state", "country", "usa", "us", "u.s.", "uk", "united states", "united kingdom", "remote"}
)
_US_STATES = (
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH "
    "OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY"
).split()
_STATE_NAMES = "|".join(_US_STATES)
_STATE_RE = re.compile(rf"^(?:[A-Z][a-z]+(?:\s[A-Z][a-z]+)*\s)?(?:{_STATE_NAMES})(?:\s+\d{{5}})?$")  # "Austin TX"
_CITY_STATE_RE = re.compile(rf"^[A-Z][A-Za-z .'-]+,\s*(?:{_STATE_NAMES})$")  # "Birmingham, AL"
_SENTENCE_END_RE = re.compile(r"[.;!?]$")
_ABBREV_END_RE = re.compile(r"\b(?:Sr|Jr|Inc|Co|Ltd|Corp|St|Dr|Mr|Mrs|Ms|Asst|Assoc|Dept)\.$")
_VERB_START_RE = re.compile(r"^[A-Z][a-z]+(?:ed|es)\b")
_SMALL_WORDS = frozenset("of and & to the for in at on a an / - with de".split())
_SINGLE_POINT_RE = re.compile(rf"(?<![\w/.])(?:{POINT_PATTERN})(?![\w/])", re.IGNORECASE)
_SEASON_RE = re.compile(r"^(?:spring|summer|fall|autumn|winter)\b", re.IGNORECASE)
_HAS_YEAR_RE = re.compile(r"(?:19|20)\d\d|['’]\d\d\b")
_MAX_TITLE_WORDS = 12
# "Current to January 2015": the builder wrote the range backwards; the role runs from the date to now.
_NOW_FIRST_RE = re.compile(
    rf"(?<![\w/])(?:current|present)\s*(?:to|-|–|—)\s*(?P<start>{POINT_PATTERN})(?![\w/])", re.IGNORECASE
)
# A month after these words is inside a sentence ("Starting in January 2014 reduced ..."), not a heading.
_SENTENCE_LEAD_RE = re.compile(r"\b(?:in|since|from|by|on|until|of|after|before|during|starting|started)\s*$", re.I)
# A lone month heading a role with this many words of duties starts the role (a one-off job is a line or
# two); such a role runs to the start of the next role, or is ongoing. Short engagements stay a month.
_START_MONTH_MIN_WORDS = 40
_SWAPPED_RANGE_YEARS = 3  # a range ending up to 3 years before it starts is a typo for the other order
_SHORT_ENGAGEMENT_RE = re.compile(
    r"\b(?:summer|intern|internship|seasonal|temp|temporary|freelance|freelancer)\b", re.I
)
_MAX_EMPLOYER_WORDS = 8  # a heading line naming the employer; longer lines are the role's text
_MAX_HEADER_CHARS = 110
_LOOK_LINES = 3  # how far above or below the dates a title may sit (non-fragment lines)
_SAME_LINE_TITLE = 1.0  # beside the dates a title needs more than one unknown capitalised word
_CLEARLY_BETTER = 0.5  # a farther heading line wins over a nearer one by this much
_MIN_TITLE_SCORE = 0.5  # below this nothing near the dates is taken for a title
_DATE_SPAN = 6  # lines a split date range may cover
_CONNECTOR_SPAN = 2  # lines between a date and its "to" (", / 10/2017 / to / 09/2019")
_LOOK_SPAN = 12  # lines, fragments included
_MONTH = 1 / 12


@dataclass
class Role:
    title: str
    start: float
    end: float
    date_text: str
    line: int  # first line of the role's heading (title, dates or employer)
    last_line: int
    concepts: set[str] = field(default_factory=set)
    employer: str = ""  # empty when the CV does not show it
    ongoing: bool = False
    # What the role's own lines show its title to mean where the title alone misleads (cv_profile):
    # "public relations" for an account executive whose work is media relations, not selling.
    sense: str = ""

    @property
    def years(self) -> float:
        return round(self.end - self.start, 2)

    @property
    def heading(self) -> str:
        """Title and employer as the CV shows them ("Senior Keeper, Primates · Chester Zoo"): the
        employer says what the work is when the title alone does not; so does the role's sense, read
        beside the title ("Senior Account Executive public relations")."""
        employer = "" if _PLACEHOLDER_RE.fullmatch(self.employer) else self.employer
        title = f"{self.title} {self.sense}" if self.sense and self.title else self.title
        return f"{title} · {employer}" if employer and title else title or employer


@dataclass
class _Dates:
    first: int  # first and last line the dates span
    last: int
    start: float
    end: float
    text: str
    ongoing: bool
    before: str  # the text before the dates on their first line
    after: str  # and after them on their last line
    lone_month: bool = False  # one month on a heading, no range: a short role, or the start of a longer one


def repair(text: str) -> str:
    for bad, good in _MOJIBAKE:
        text = text.replace(bad, good)
    # Anonymised exports' employer placeholder, often run into the title: a part of its own.
    text = re.sub(r"\s*\bCompany\s?Name\b\s*", " | Company Name | ", text)
    return re.sub(r"\bCity\s*,\s*State\b", " City, State | ", text)


def is_fragment(line: str) -> bool:
    """Punctuation, a connector or a stray mojibake piece left on a line of its own."""
    s = line.strip()
    if not s or s.lower() in ("to", "till", "until", "through", "and"):
        return True
    return len(s) <= 6 and not re.search(r"[A-Za-z]", s) and not re.search(r"\d\d", s)


def _clean_part(part: str) -> str:
    part = part.strip(" .,:;|/\\-–—")
    if part.count("(") != part.count(")"):
        part = part.strip(" ()[]")
    return "" if is_fragment(part) else part


def _parts(text: str, always_commas: bool = True) -> list[str]:
    """A heading's parts: title, employer, place. Fields are split at tabs, wide gaps, "|" and
    bullets; a field is split at dashes (" - ", "–", " at ") and commas only when one of the
    pieces is an employer or a place ("Lead Welder, Steelworks Fabrication, Gary, IN"), so
    "Process Technician - Welder" and "HR Specialist, US HR Operations" stay one title.
    ``always_commas``: text beside the dates with neither fields nor dashes is split at every
    comma ("Nurse, A Hospital, Jan 2015 - Dec 2019")."""
    text = repair(text)
    fields = [p for p in (_clean_part(x) for x in _FIELD_SEPARATORS_RE.split(text)) if p]
    out: list[str] = []
    for field_text in fields:
        segments = [p for p in (_clean_part(x) for x in _DASH_SEPARATORS_RE.split(field_text)) if p]
        pieces: list[str] = []
        for segment in segments:
            commas = [p for p in (_clean_part(x) for x in _COMMA_RE.split(_protect_brackets(segment))) if p]
            pieces.extend(_join_city_state([p.replace(_PROTECTED_COMMA, ",") for p in commas]))
        named = any(_is_employer(p) or _is_place(p) for p in pieces) or bool(_AT_RE.search(field_text))
        if named or (always_commas and len(fields) == 1 and len(segments) == 1):
            out.extend(pieces)
        else:
            out.append(field_text)
    return out


def _join_city_state(pieces: list[str]) -> list[str]:
    """ "Birmingham", "AL" -> "Birmingham, AL": a city before a state code is a place."""
    out: list[str] = []
    for piece in pieces:
        if out and piece in _US_STATES and re.fullmatch(r"[A-Z][A-Za-z .'-]+", out[-1]) and not _title_hit(out[-1]):
            out[-1] = f"{out[-1]}, {piece}"
        else:
            out.append(piece)
    return out


_PROTECTED_COMMA = "\ue000"


def _protect_brackets(text: str) -> str:
    """Commas inside brackets do not split: "Front Desk Clerk (Fee Basis, VA Medical Center)"."""
    return re.sub(r"\([^()]*\)", lambda m: m.group().replace(",", _PROTECTED_COMMA), text)


def _line_parts(line: str) -> list[str]:
    """A heading line on its own is one title ("HR Specialist, US HR Operations") unless it names
    an employer or a place."""
    return _parts(line, always_commas=False)


def _is_place(part: str) -> bool:
    low = part.lower().strip(" .")
    if low in _PLACE_WORDS or _STATE_RE.match(part.strip()) or _CITY_STATE_RE.match(part.strip()):
        return True
    words = [w for w in re.split(r"[\s,]+", low) if w]
    return bool(words) and all(w in _PLACE_WORDS for w in words)


_THE_NAME_RE = re.compile(r"^The\s+[A-Z]")  # "The Blue Door Bistro", "The Old Mill Inn"
# A part ending in a job word is a title even with an organisation word in it ("Pool Coordinator").
_JOB_HEAD_RE = re.compile(
    r"\b(?:coordinator|agent|manager|assistant|officer|specialist|director|clerk|supervisor|technician|engineer|"
    r"consultant|advisor|adviser|aide|worker|operator|teacher|associate|representative|lead|intern|analyst|"
    r"administrator|executive|attendant|instructor|designer|developer|nurse|cook|chef|driver|cashier|server|"
    r"president|owner|founder|partner|counsellor|counselor|trainer|planner|buyer|accountant|controller|"
    r"receptionist|secretary|mechanic|electrician|plumber|carpenter|labou?rer|helper|volunteer|apprentice|"
    r"trainee|student|head|principal|inspector|auditor|examiner|scientist|researcher|therapist|assignment)s?\W*$",
    re.IGNORECASE,
)


def _is_employer(part: str) -> bool:
    """An organisation's name: "Company Name", or a short capitalised name with an organisation
    word and no job title in it ("Harbour Bank", not "Group Fitness Instructor" nor "all Company
    and OSHA regulated safety requirements")."""
    if _PLACEHOLDER_RE.search(part):
        return True
    words = part.split()
    if len(words) > 6 or sum(w[0].isupper() for w in words) < len(words) / 2:
        return False
    if _JOB_HEAD_RE.search(part):
        return False
    return bool(_ORG_RE.search(part) or _THE_NAME_RE.match(part)) and not _title_hit(part)


def _is_place_or_employer_line(line: str) -> bool:
    parts = _parts(line)
    if not parts:
        return False
    if all(_is_employer(p) or _is_place(p) for p in parts):
        return True  # "Company Name – City, State", "Oakfield Primary School", "Sparkle Services Ltd"
    if any(_PLACEHOLDER_RE.search(p) for p in parts):
        return False  # "Customer Service Agent Company Name – City, State": the title is on it
    # "Harbour Grill, Portland, ME": a name followed by a place.
    return len(parts) >= 2 and _is_place(parts[-1]) and not _title_hit(parts[0])


@lru_cache(maxsize=8192)
def _title_hit(text: str) -> bool:
    lexicon = get_lexicon()
    return any(lexicon.concept(h.concept).category == TITLE for h in lexicon.find(text))


@lru_cache(maxsize=8192)
def title_score(text: str) -> float:
    """How much a piece of text looks like a job title: short, capitalised, no sentence, often a
    known occupation. 0 for what cannot be one."""
    t = text.strip(" ,:;|-–—")
    if t.count("(") != t.count(")"):
        t = t.strip(" ()")
    if not t or len(t) > _MAX_HEADER_CHARS or t.split()[0].islower() or not re.search(r"[A-Za-z]{2}", t):
        return 0.0  # "iOS developer" is a title, "developed the app" is not
    words = t.split()
    if len(words) > _MAX_TITLE_WORDS or _is_place(t) or _PLACEHOLDER_RE.fullmatch(t):
        return 0.0
    from .cv_profile import section_of  # headings are never titles

    if section_of(t):
        return 0.0
    score = 1.0
    hit = _title_hit(t)
    if hit:
        score += 1.5
    if _SENTENCE_END_RE.search(t) and not _ABBREV_END_RE.search(t):
        score -= 0.8
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    caps = sum(1 for w in content if w[0].isupper() or not w[0].isalpha()) / max(1, len(content))
    if caps < 0.5 and len(words) > 4:
        return 0.0  # a sentence, even one naming an occupation ("Managed 2 junior developers ...")
    score += 0.5 if caps >= 0.8 else (-0.6 if caps < 0.5 else 0.0)
    if len(words) == 1 and not hit:
        score -= 0.5  # one unknown word ("Birmingham", "Insider") is a weak title
    if len(re.sub(r"\([^()]*\)", " ", t).split()) > 8:  # a bracketed note does not count
        score -= 0.5
    if not hit and _VERB_START_RE.match(t):
        score -= 0.6
    if re.search(r"\d{3,}|%|\$", t):
        score -= 0.5
    if t.count("(") != t.count(")"):
        score -= 0.8  # the end of a wrapped line, "Information Security) Data centre"
    if _is_employer(t) and not hit:
        score -= 0.7
    return max(score, 0.0)


def _best_title(parts: list[str]) -> tuple[str, float, int]:
    """The most title-like of a line's parts: (text, score, index)."""
    best = ("", 0.0, -1)
    for index, part in enumerate(parts):
        if _PLACEHOLDER_RE.search(part) or _is_place(part):
            continue
        score = title_score(part)
        if score > best[1] + 0.01:
            best = (part, score, index)
    return best


def _employer_in(parts: list[str], skip: int) -> str:
    """The employer among a line's parts: an organisation word, else the part after the title."""
    for index, part in enumerate(parts):
        if index != skip and _is_employer(part):
            return "Company Name" if _PLACEHOLDER_RE.search(part) else part
    if skip >= 0 and skip + 1 < len(parts):
        after = parts[skip + 1]
        if not _is_place(after) and not after.startswith("(") and title_score(after) > 0:
            return after  # "(Israel, Rehovot)" after a title is a place, not an employer
    return ""


def _in_sentence(before: str, after: str) -> bool:
    """Dates inside running text, not on a heading. Text after the dates counts up to its first
    sentence, since some readers run a role's first bullet into its heading line."""
    if len(before.split()) > _MAX_TITLE_WORDS:
        return True
    last_before = re.search(r"([A-Za-z]+)\W*$", before)
    first_after = re.match(r"\W*([A-Za-z]+)", after)
    if last_before and first_after and last_before.group(1).islower() and first_after.group(1).islower():
        return True  # "grew sales from 2015 - 2017 by 20%": the sentence runs on both sides
    words = len(before.split())
    for part in _parts(after):
        if len(part.split()) > _MAX_TITLE_WORDS // 2 and title_score(part) == 0:
            break
        words += len(part.split())
    return words > 16


def _find_dates(lines: list[str], sections: list[str], bullets: set[str], now: float) -> list[_Dates]:
    """Every date range (across line breaks) and every lone month in the work part of the CV."""
    scan = _scan_near_years(lines, sections)
    if scan is None:
        return []
    has_experience = "experience" in sections
    found, taken = _range_dates(scan, sections, now, has_experience)
    if has_experience:
        found += _lone_dates(scan, sections, bullets, now, taken)
    found.sort(key=lambda d: (d.first, d.last))
    return found


@dataclass
class _Scan:
    """The lines that can hold a role's dates, joined, with each line's offset in ``joined``."""

    lines: list[str]
    joined: str
    offsets: list[int]

    def line_at(self, pos: int) -> int:
        return bisect_right(self.offsets, pos) - 1


def _scan_near_years(lines: list[str], sections: list[str]) -> _Scan | None:
    """Only lines near a year, outside education and skills, can hold a role's dates: the others are
    left empty so the date patterns scan a fraction of the CV. None when no line holds a year."""
    near_year: set[int] = set()
    for index, line in enumerate(lines):
        if _HAS_YEAR_RE.search(line):
            near_year.update(range(max(0, index - _CONNECTOR_SPAN), index + _CONNECTOR_SPAN + 1))
    if not near_year:
        return None
    scanned = [
        line if index in near_year and sections[index] not in NOT_WORK_SECTIONS else ""
        for index, line in enumerate(lines)
    ]
    offsets = []
    position = 0
    for line in scanned:
        offsets.append(position)
        position += len(line) + 1
    return _Scan(lines, "\n".join(scanned), offsets)


def _is_work_line(lines: list[str], sections: list[str], index: int, has_experience: bool) -> bool:
    """A line of work: not in education or skills, nor beside a degree outside an experience section."""
    section = sections[index]
    if section in NOT_WORK_SECTIONS:
        return False
    if not has_experience or section != "experience":
        near = lines[index] + " " + (lines[index - 1] if index > 0 else "")
        if _EDU_LINE_RE.search(near):
            return False
    return True


def _range_dates(
    scan: _Scan, sections: list[str], now: float, has_experience: bool
) -> tuple[list[_Dates], list[tuple[int, int]]]:
    """Every "from - to" range on work lines (outside sentences), and the spans of text they took."""
    lines, joined, offsets = scan.lines, scan.joined, scan.offsets
    found: list[_Dates] = []
    taken: list[tuple[int, int]] = []
    ranges = list(RANGE_RE.finditer(joined))
    spans = [(m.start(), m.end()) for m in ranges]
    ranges += [m for m in BARE_RANGE_RE.finditer(joined) if not any(a < m.end() and m.start() < b for a, b in spans)]
    for match in ranges:
        first, last = scan.line_at(match.start()), scan.line_at(match.end() - 1)
        if not _is_work_line(lines, sections, first, has_experience) or last - first > _DATE_SPAN:
            continue
        start = point_value(match.group("start"), False)
        end_text = match.group("end")
        ongoing = NOW_RE.fullmatch(end_text.strip()) is not None
        end = now if ongoing else point_value(end_text, True)
        if start is not None and end is not None and end < start and start - end <= _SWAPPED_RANGE_YEARS:
            # "January 2011 to November 2010": written the wrong way round, read as meant.
            start, end = point_value(end_text, False), point_value(match.group("start"), True)
        if start is None or end is None or end < start or end - start > 50 or start > now + 0.1:
            continue
        if end == start:
            end = start + 0.5  # "2019 - 2019": some months, not zero
        if _SEASON_RE.match(end_text.strip()) and not ongoing:
            end += 2 * _MONTH  # "Summer 2019" ends in August
        before = joined[offsets[first] : match.start()]
        after = joined[match.end() : offsets[last] + len(lines[last])]
        if _in_sentence(before, after):
            continue  # a date inside a sentence ("grew sales from 2015 - 2017 by 20%") is no role
        found.append(_Dates(first, last, start, min(end, now), " ".join(match.group().split()), ongoing, before, after))
        taken.append((match.start(), match.end()))
    found += _now_first_dates(scan, sections, now, has_experience, taken)
    return found, taken


def _now_first_dates(
    scan: _Scan, sections: list[str], now: float, has_experience: bool, taken: list[tuple[int, int]]
) -> list[_Dates]:
    """Ranges written backwards ("Current to January 2015"): from the date to now."""
    found: list[_Dates] = []
    for match in _NOW_FIRST_RE.finditer(scan.joined):
        if any(a < match.end() and match.start() < b for a, b in taken):
            continue
        index = scan.line_at(match.start())
        start = point_value(match.group("start"), False)
        if start is None or start > now or not _is_work_line(scan.lines, sections, index, has_experience):
            continue
        line_start = scan.offsets[index]
        before = scan.joined[line_start : match.start()]
        after = scan.joined[match.end() : line_start + len(scan.lines[index])]
        text = f"{' '.join(match.group('start').split())} to present"
        found.append(_Dates(index, index, start, now, text, True, before, after))
        taken.append((match.start(), match.end()))
    return found


def _lone_dates(
    scan: _Scan, sections: list[str], bullets: set[str], now: float, taken: list[tuple[int, int]]
) -> list[_Dates]:
    """Single months or years standing for a short role, in the experience section only."""
    found: list[_Dates] = []
    for match in _SINGLE_POINT_RE.finditer(scan.joined):
        if any(a <= match.start() < b for a, b in taken):
            continue
        index = scan.line_at(match.start())
        if sections[index] != "experience" or scan.lines[index] in bullets:
            continue
        line = scan.lines[index]
        text = match.group().strip()
        has_month = not re.fullmatch(r"\d{4}", text)
        before, after = line[: match.start() - scan.offsets[index]], line[match.end() - scan.offsets[index] :]
        if has_month:
            # A month alone on a short heading line: one-off or short roles ("Floral Designer 08/2017").
            if len(line.split()) > _MAX_TITLE_WORDS + 4 or _SENTENCE_END_RE.search(line.strip()):
                continue
            if _SENTENCE_LEAD_RE.search(before):
                continue  # "Starting in January 2014 ...": a sentence broken over lines
        elif before.strip(" ,|-–—(") or after.strip(" ,|-–—)"):
            continue  # a bare year counts only on a line of its own
        start = point_value(text, False)
        if start is None or start > now:
            continue
        if _SEASON_RE.match(text):
            end = start + 3 * _MONTH
        elif has_month:
            end = start + _MONTH
        else:
            end = start + 0.5
        dates = _Dates(index, index, start, min(end, now), " ".join(text.split()), False, before, after, has_month)
        found.append(dates)
    return found


def _neighbour(
    lines: list[str], sections: list[str], index: int, step: int, stop: set[int], bullets: set[str]
) -> list[int]:
    """Up to three heading-like lines next to the dates (above when step is -1, below when +1),
    skipping punctuation left on lines of its own; stops at a heading, other dates or a bullet."""
    from .cv_profile import section_of

    out: list[int] = []
    probe = index + step
    counted = 0  # employer and place lines ("Company Name", "City, State") do not count
    while 0 <= probe < len(lines) and counted < _LOOK_LINES and abs(probe - index) <= _LOOK_SPAN:
        line = lines[probe]
        if probe in stop or section_of(line) or sections[probe] in NOT_WORK_SECTIONS:
            break
        if not is_fragment(line):
            if line in bullets or (len(line) > _MAX_HEADER_CHARS * 1.5 and not _heading_then_text(line)):
                break
            out.append(probe)
            if not _is_place_or_employer_line(line):
                counted += 1
            if _SENTENCE_END_RE.search(line.strip()) and not _ABBREV_END_RE.search(line.strip()):
                break  # a sentence ends the heading block
        probe += step
    return out


def _heading_then_text(line: str) -> bool:
    """A long line that starts as a heading ("Head Chef Company Name – City, State Identified
    ...": a reader ran the first bullet into it)."""
    parts = _parts(line[: _MAX_HEADER_CHARS * 2])
    return len(parts) > 1 and len(parts[0]) <= _MAX_HEADER_CHARS // 2 and any(_is_employer(p) for p in parts[:3])


@dataclass
class _Side:
    title: str = ""
    score: float = 0.0
    line: int = -1
    employer: str = ""
    employer_line: int = -1


def _read_side(lines: list[str], indexes: list[int]) -> _Side:
    """The title (and employer) among a few heading lines on one side of the dates: the nearest
    title-like line, unless the next one is clearly more of a title ("AWS DevOps Engineer" above
    "S&P Global"), in which case the nearer one is taken for the employer."""
    side = _Side()
    candidates: list[tuple[int, str, float, int, list[str], bool]] = []
    for index in indexes:
        line = lines[index]
        if len(line.split()) > 6 and _SENTENCE_END_RE.search(line.strip()) and not _heading_then_text(line):
            continue  # a sentence: no title in it
        parts = _line_parts(line)
        heading_like = bool(len(line.split()) <= _MAX_EMPLOYER_WORDS or _PLACEHOLDER_RE.search(line))
        if _is_place_or_employer_line(line):
            if not side.employer and heading_like:
                employer = _employer_in(parts, -1)
                if employer:
                    side.employer, side.employer_line = employer, index
            continue
        title, score, at = _best_title(parts)
        if score > 0:
            candidates.append((index, title, score, at, parts, heading_like))
        if len(candidates) == 2:
            break
    if not candidates:
        return side
    chosen, other = candidates[0], None
    if len(candidates) == 2 and candidates[1][2] >= candidates[0][2] + _CLEARLY_BETTER:
        chosen, other = candidates[1], candidates[0]
    index, title, score, at, parts, heading_like = chosen
    side.title, side.score, side.line = title, score, index
    employer = _employer_in(parts, at) if heading_like else ""
    if employer and not side.employer:
        side.employer, side.employer_line = employer, index
    if other is not None and not side.employer and other[5]:
        side.employer, side.employer_line = other[1], other[0]
    return side


def read_roles(lines: list[str], sections: list[str], bullets: set[str], now: float) -> list[Role]:
    dates = _find_dates(lines, sections, bullets, now)
    if not dates:
        return []
    date_lines = {i for d in dates for i in range(d.first, d.last + 1)}
    own: list[_Side] = []
    above: list[_Side] = []
    below: list[_Side] = []
    for d in dates:
        parts = _parts(d.before) + _parts(d.after)
        title, score, at = _best_title(parts)
        same = _Side(title, score, d.first if title else -1, _employer_in(parts, at), d.first)
        if not same.employer:
            same.employer_line = -1
        own.append(same)
        stop = date_lines - set(range(d.first, d.last + 1))
        above.append(_read_side(lines, _neighbour(lines, sections, d.first, -1, stop, bullets)))
        below.append(_read_side(lines, _neighbour(lines, sections, d.last, 1, stop, bullets)))

    # One template per CV: titles sit above their dates or below them.
    sides = [(a.score, b.score) for a, b, o in zip(above, below, own, strict=True) if o.score <= _SAME_LINE_TITLE]
    votes_above = sum(1 for up_score, down_score in sides if up_score > down_score + 0.3)
    votes_below = sum(1 for up_score, down_score in sides if down_score > up_score + 0.3)
    prefer_below = votes_below > votes_above

    roles: list[Role] = []
    claimed: set[int] = set()
    previous_employer, previous_employer_heads = "", False
    for d, same, up, down in zip(dates, own, above, below, strict=True):
        first_side, second_side = (down, up) if prefer_below else (up, down)
        if same.score > _SAME_LINE_TITLE:
            chosen = same
        elif first_side.score >= _MIN_TITLE_SCORE and first_side.line not in claimed:
            chosen = first_side
        elif second_side.score >= _MIN_TITLE_SCORE and second_side.line not in claimed:
            chosen = second_side
        else:
            best = max((same, first_side, second_side), key=lambda s: s.score)
            chosen = best if best.score >= _MIN_TITLE_SCORE and best.line not in claimed else _Side()
        if chosen.line >= 0:
            claimed.add(chosen.line)
        employer = same.employer or chosen.employer
        employer_line = same.employer_line if same.employer else chosen.employer_line
        if not employer:
            for side in (first_side, second_side):
                if side.employer and side.employer_line not in claimed:
                    employer, employer_line = side.employer, side.employer_line
                    break
        if employer_line >= 0:
            claimed.add(employer_line)
        heads = employer_line >= 0 and chosen.line >= 0 and employer_line < min(chosen.line, d.first)
        if not employer and previous_employer_heads:
            employer = previous_employer  # one employer heading several roles
        elif employer:
            previous_employer, previous_employer_heads = employer, heads
        start_line = min(i for i in (d.first, chosen.line, employer_line if heads else -1) if i >= 0)
        roles.append(
            Role(
                title=_clean_title(chosen.title),
                start=d.start,
                end=d.end,
                date_text=d.text,
                line=start_line,
                last_line=start_line,
                employer=employer,
                ongoing=d.ongoing,
            )
        )
    _set_extents(roles, lines, sections, dates)
    _lone_months_as_starts(roles, dates, lines, now)
    return roles


def _lone_months_as_starts(roles: list[Role], dates: list[_Dates], lines: list[str], now: float) -> None:
    """A titled role under one month with a paragraph of duties ("Corporate Accountant 04/2013" and 20
    lines of work) started then: it runs to the start of the next role that began later, or is ongoing.
    A role of a line or two, or a summer job, internship or freelance engagement, stays a month."""
    for role, found in zip(roles, dates, strict=True):
        if not found.lone_month or not role.title or _SHORT_ENGAGEMENT_RE.search(role.title):
            continue
        words = sum(len(lines[i].split()) for i in range(role.line, role.last_line + 1))
        if words < _START_MONTH_MIN_WORDS:
            continue
        later = [other.start for other in roles if other.start > role.start]
        if later:
            role.end = min(later)
        else:
            role.end, role.ongoing = now, True


def _set_extents(roles: list[Role], lines: list[str], sections: list[str], dates: list[_Dates]) -> None:
    """Each role runs from its heading to the line before the next role's heading or the next section."""
    from .cv_profile import section_of

    for position, role in enumerate(roles):
        floor = max(role.line, dates[position].last)
        next_start = roles[position + 1].line if position + 1 < len(roles) else len(lines)
        last = max(floor, next_start - 1)
        for probe in range(floor + 1, max(floor + 1, next_start)):
            if section_of(lines[probe]):
                last = probe - 1
                break
        role.last_line = max(floor, min(last, len(lines) - 1))


def _clean_title(title: str) -> str:
    title = re.sub(r"\s+", " ", repair(title)).strip(" ,:;|-–—")
    if title.count("(") > title.count(")"):
        title = title.split("(")[0].strip()
    words = title.split()
    half = len(words) // 2
    if half and len(words) % 2 == 0 and [w.lower() for w in words[:half]] == [w.lower() for w in words[half:]]:
        title = " ".join(words[:half])  # "Account Director Account Director": the builder printed it twice
    return title[:140]


_DATE_WORDS = frozenset(MONTHS) | frozenset(
    "to till until through thru from since and present current currently now today ongoing date city state".split()
)


def is_date_words(title: str) -> bool:
    """A "title" that is only date words or a place ("Current to", "Present", "June", "TX"): a
    piece of the dates or the address read beside them, never a job title."""
    words = re.findall(r"[A-Za-z]+", title)
    return not words or _is_place(title) or all(w.lower() in _DATE_WORDS or w in _US_STATES for w in words)


def most_recent(roles: list[Role]) -> Role | None:
    """The latest role: the one that ends last (ongoing ones first), then the one started last;
    among equals the one the CV lists first, a titled one before an untitled one. A title that is
    only date words counts as none, and an older titled role never stands in for a newer untitled one."""
    if not roles:
        return None

    def key(item: tuple[int, Role]) -> tuple[float, float, bool, int]:
        index, role = item
        return (role.end, role.start, bool(role.title) and not is_date_words(role.title), -index)

    return max(enumerate(roles), key=key)[1]


__all__ = ["MONTHS", "Role", "is_date_words", "most_recent", "read_roles", "title_score"]
