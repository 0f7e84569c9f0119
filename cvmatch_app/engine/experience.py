"""Dated roles and years of experience: date ranges read from CV lines, overlapping roles
merged, education dates left out, "Present" understood."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12, "january": 1, "february": 2, "march": 3, "april": 4, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12,
}  # fmt: skip
_MONTH_RE = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|spring|summer|fall|autumn|winter)\.?"  # noqa: E501
_YEAR_RE = r"(?:19[5-9]\d|20[0-4]\d)"
_POINT = rf"(?:{_MONTH_RE}\s*['’]\d{{2}}\b|{_MONTH_RE}\s*,?\s*{_YEAR_RE}|(?:0?[1-9]|1[0-2])\s*[/.\-]\s*{_YEAR_RE}|{_YEAR_RE}\s*[/.\-]\s*(?:0?[1-9]|1[0-2])(?!\d)|{_YEAR_RE})"  # noqa: E501
_NOW = r"(?:present|current(?:ly)?|now|today|ongoing|till date|to date|date|actual)"
_RANGE_RE = re.compile(
    rf"(?P<start>{_POINT})\s*(?:-|–|—|‒|to|until|till|through|thru|→|~|>)\s*(?P<end>{_POINT}|{_NOW})",
    re.IGNORECASE,
)
# Two dates with only a space between them ("February 2017 Present", "4/2016 5/2022"): a range
# when both name a month (bare years side by side are too often something else).
_MONTH_POINT = rf"(?:{_MONTH_RE}\s*,?\s*{_YEAR_RE}|(?:0?[1-9]|1[0-2])\s*[/.]\s*{_YEAR_RE})"
BARE_RANGE_RE = re.compile(
    rf"(?<![\w/])(?P<start>{_MONTH_POINT})[ \t]+(?P<end>{_MONTH_POINT}|{_NOW})(?![\w/])", re.IGNORECASE
)
POINT_PATTERN = _POINT  # one date: "Dec 2016", "10/2017", "2019-03", "Summer 2018", "2015"
RANGE_RE = _RANGE_RE
NOW_RE = re.compile(_NOW, re.IGNORECASE)
_SINCE_RE = re.compile(rf"\b(?:since|from)\s+(?P<start>{_POINT})\b(?!\s*(?:-|–|—|to))", re.IGNORECASE)
_CLAIM_RE = re.compile(
    r"\b(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)\s*\+?\s*"
    r"(?:\+|plus)?\s*(?:years?|yrs?)\b(?:\s+of)?(?P<rest>[^.;\n]{0,80})",
    re.IGNORECASE,
)
WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
}  # fmt: skip


@dataclass
class DateRange:
    start: float  # years as a decimal: 2019.25 = April 2019
    end: float
    text: str
    ongoing: bool


def _point(text: str, is_end: bool) -> float | None:
    text = text.strip().lower().rstrip(".")
    short = re.search(r"['’](\d{2})\b", text)
    if short:
        # "Jan '19": two-digit years are this century unless that would be in the future.
        two = int(short.group(1))
        text = text.replace(short.group(0), f" {2000 + two if two <= 40 else 1900 + two}")
    year_match = re.search(_YEAR_RE, text)
    if not year_match:
        return None
    year = int(year_match.group())
    month = None
    for word, number in MONTHS.items():
        if re.match(rf"{word}\b", text):
            month = number
            break
    if month is None:
        numeric = re.match(r"(\d{1,2})\s*[/.\-]\s*\d{4}", text) or re.match(r"\d{4}\s*[/.\-]\s*(\d{1,2})", text)
        if numeric:
            month = int(numeric.group(1))
    if month is None:
        # A bare year reads as its start: "2015 - 2019" is four years to a recruiter.
        return float(year)
    return year + (month - 1) / 12 + (1 / 12 if is_end else 0.0)


point_value = _point

_HAS_YEAR_RE = re.compile(r"(?:19|20)\d\d|['’]\d\d\b")


def find_ranges(line: str, now: float) -> list[DateRange]:
    if not _HAS_YEAR_RE.search(line):
        return []  # most lines have no year: skip the expensive pattern
    out = []
    for match in _RANGE_RE.finditer(line):
        start = _point(match.group("start"), False)
        end_text = match.group("end")
        ongoing = re.fullmatch(_NOW, end_text.strip(), re.IGNORECASE) is not None
        end = now if ongoing else _point(end_text, True)
        if start is None or end is None or end < start or end - start > 50 or start > now + 0.1:
            continue
        if end == start:
            end = start + 0.5  # "2019 - 2019": some months, not zero
        out.append(DateRange(start, min(end, now), match.group().strip(), ongoing))
    if not out:
        for match in _SINCE_RE.finditer(line):
            start = _point(match.group("start"), False)
            if start is not None and start <= now:
                out.append(DateRange(start, now, match.group().strip(), True))
    return out


def merged_years(ranges: list[tuple[float, float]]) -> float:
    """Total time covered, with overlapping periods counted once."""
    total = 0.0
    current_start, current_end = None, None
    for start, end in sorted(ranges):
        if current_end is None or start > current_end:
            if current_end is not None and current_start is not None:
                total += current_end - current_start
            current_start, current_end = start, end
        else:
            current_end = max(current_end, end)
    if current_end is not None and current_start is not None:
        total += current_end - current_start
    return round(total, 2)


def claimed_years(text: str) -> list[tuple[float, str, str]]:
    """'8+ years of experience in nursing' -> (8, ' experience in nursing', matched text)."""
    out = []
    for match in _CLAIM_RE.finditer(text):
        raw = match.group("n").lower()
        n = float(WORD_NUMBERS.get(raw, 0) or (int(raw) if raw.isdigit() else 0))
        if 0 < n <= 45:
            out.append((n, match.group("rest"), match.group().strip()))
    return out


def describe_years(years: float) -> str:
    """'6.5 years', '1 year', '8 months': how a recruiter says it."""
    if years <= 0.04:
        return "no time"
    if years < 1:
        months = max(1, int(round(years * 12)))
        return f"{months} month{'s' if months != 1 else ''}"
    # Half-year precision is all dated CVs support, rounded down unless within about a month of the
    # next half: 1.75 years is "1.5 years", never a "2 years" that a 2+ requirement calls short.
    rounded = math.floor(years * 2 + 0.2) / 2
    return f"{rounded:g} year{'s' if rounded != 1 else ''}"


# ----------------------------------------------------------------------------- what "Present" means
STALE_AFTER = 2.0  # years: a CV whose newest date is older than this may be an old CV
AS_OF_MARGIN = 0.5  # years: a CV is written within months of the newest date it states
_CLAIM_AGREES = 2.0  # years: "N years of experience" reaches the CV's newest date within this
_CLAIM_TODAY_OFF = 4.0  # ... and misses today's count by more than this
_FUTURE_SPAN = 6.0  # years: a date this far ahead of today (an expiry, a graduation) dates a current CV
_ANY_POINT_RE = re.compile(rf"(?<![\w/.])(?:{_POINT})(?![\w/])", re.IGNORECASE)
_VERSION_BEFORE_RE = re.compile(
    r"\b(?:office|windows|server|studio|excel|word|outlook|access|powerpoint|project|visio|sharepoint|exchange|"
    r"autocad|revit|dynamics|quickbooks|sql|photoshop|illustrator|indesign|creative suite|cs|sage)\s*$",
    re.IGNORECASE,
)
_EXPECTED_RE = re.compile(
    r"\b(?:expected|anticipated|expecting|to be completed|candidate for graduation|graduating|"
    rf"will (?:graduate|complete|finish))\b[^\n]{{0,40}}?"
    rf"(?P<point>{_POINT})",
    re.IGNORECASE,
)


def _period_end(start: float, text: str) -> float:
    """The end of the period a date names: a bare year runs to its end, a month to the month's end."""
    return start + (1.0 if re.fullmatch(r"\s*(?:19|20)\d\d\s*", text) else 1 / 12)


def newest_stated_date(lines: list[str], now: float) -> float:
    """The end of the newest period the CV states anywhere (a role, a certificate, a degree), never
    after today; ``now`` when a date ahead of today ("BLS, expires 06/2027") shows a current CV; 0
    when it states none. Product versions ("Office 2016") are not dates."""
    latest = 0.0
    for line in lines:
        if not _HAS_YEAR_RE.search(line):
            continue
        for match in _ANY_POINT_RE.finditer(line):
            start = _point(match.group(), False)
            if start is not None and now < start <= now + _FUTURE_SPAN:
                return now
            if start is None or start > now or _VERSION_BEFORE_RE.search(line[: match.start()]):
                continue
            latest = max(latest, min(now, _period_end(start, match.group())))
    return latest


def cv_as_of(
    lines: list[str], open_starts: list[float], career_start: float | None, claimed: float, now: float
) -> float:
    """When the CV was written, for what "Present" / "to Current" means: ``now`` unless the page
    shows it is old.

    The decision, as a recruiter reads an old CV: "2012 - Current" on a CV written in 2016 is four
    years, not everything until today. The CV's own date is estimated from the newest date it
    states anywhere (a role's start or end, a certificate, a degree, an award, any line), plus
    ``AS_OF_MARGIN``. It replaces today only when that date is more than ``STALE_AFTER`` years old
    AND the page gives positive evidence that it was written then:

    - something is dated after the open role began (a later certificate, course, award or another
      role's end): the CV was kept up, with dates, while in that role, and stops where it was
      written;
    - an "expected"/"anticipated" date that is already past (a degree "expected May 2016");
    - the CV's own "N years of experience" adds up, from its first dated role, to a date at or after
      its newest date and well before today (then that date is the CV's, when later).

    Years that are product versions ("Windows Server 2019", "Office 2016") are not dates. A date
    ahead of today ("BLS, expires 06/2027") shows a current CV: "Present" is today.

    Without such evidence the open role runs to today. A current CV of someone in the same job since
    2015 with no later date looks exactly like a 2015 CV; shortening that career to a year would
    cost the candidate the years requirement, so the ambiguous case keeps today's reading (it
    over-counts an old CV's current role, the lesser error for a CV sent to a job posted today).
    """
    if not open_starts:
        return now
    latest = 0.0
    later_than_open = False
    latest_open = max(open_starts)
    for line in lines:
        if not _HAS_YEAR_RE.search(line):
            continue
        for match in _ANY_POINT_RE.finditer(line):
            start = _point(match.group(), False)
            if start is not None and now < start <= now + _FUTURE_SPAN:
                return now  # "BLS, expires 06/2027", "graduating 2028": written while that is ahead
            if start is None or start > now:
                continue  # a far-off year is a number, not the CV's date
            if _VERSION_BEFORE_RE.search(line[: match.start()]):
                continue  # "Windows Server 2019", "Office 2016": a product's version, not a date
            latest = max(latest, _period_end(start, match.group()))
            if start > latest_open + 1 / 24:
                later_than_open = True
    if not latest or now - latest <= STALE_AFTER:
        return now
    as_of = min(now, latest + AS_OF_MARGIN)
    if later_than_open:
        return as_of
    for line in lines:
        for match in _EXPECTED_RE.finditer(line):
            point = _point(match.group("point"), False)
            if point is not None and point < now - 1:
                return as_of
    if claimed and career_start is not None:
        # "Nine years of experience" from a first role in 2006: written about 2015, whatever the
        # newest date says (the claim may reach past it; it may not fall short of it).
        written = career_start + claimed
        if written >= latest - _CLAIM_AGREES and now - written > _CLAIM_TODAY_OFF:
            return min(now, max(as_of, written))
    return now
