"""Normalise extracted text: what a human reader sees, in a form the matcher can compare."""

from __future__ import annotations

import re
import unicodedata

import ftfy

from .types import FLAG_ZERO_WIDTH

# Invisible characters: removed always. Most are harmless artefacts (a builder's ZWSP after each
# word, a BOM, LRM/RLM marks in right-to-left text); a few uses mean a reader should look.
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff\u180e"
_DIRECTION_MARKS = "\u200e\u200f\u061c"
_DIRECTION_OVERRIDES = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_TAGS = "\U000e0000-\U000e007f"
_INVISIBLE_RE = re.compile(f"[{_ZERO_WIDTH}{_DIRECTION_MARKS}{_DIRECTION_OVERRIDES}{_TAGS}]")
# Tag characters spell hidden ASCII (instructions to an AI); overrides show text in another order
# than a machine reads it.
_DECEPTIVE_RE = re.compile(f"[{_DIRECTION_OVERRIDES}{_TAGS}]")
_INVISIBLE_RUN_RE = re.compile(f"[{_ZERO_WIDTH}]{{3,}}")  # a payload spelled in zero-width characters
_SPLIT_WORD_RE = re.compile(f"[A-Za-z0-9][{_ZERO_WIDTH}]+[A-Za-z0-9]")  # "Pyth\u200bon": a keyword hidden from a search
MIN_SPLIT_WORDS = 2  # one split word is a copy-paste slip; several are deliberate
# UTF-8 read as Windows-1252: a lead byte (Â..ô) followed by what was a continuation byte (0x80-0xBF
# as Windows-1252 shows it).
_CONTINUATION = (
    "\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
)
_MOJIBAKE_HINT_RE = re.compile(f"[\u00c2-\u00f4][{_CONTINUATION}]|\u00c2 ")
# A fullwidth punctuation mark (U+FF01..) whose last byte the writer dropped: "Company Name ï¼ City".
# Nothing can tell which mark it was; it separates what is on either side.
_TRUNCATED_FULLWIDTH_RE = re.compile(f"\u00ef[\u00bc\u00bd](?![{_CONTINUATION}])")
_FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_latin_ligatures=False,  # NFKC below does it
    fix_character_width=False,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)
_SOFT_HYPHEN = "\u00ad"
_DATE_SOFT_HYPHEN_RE = re.compile(r"(?<=\d)\u00ad(?=\s*[A-Za-z0-9])")
_DOUBLED_HYPHEN_RE = re.compile("-[\u2010\u2011]")  # react-pdf writes "on-\u00ad\u2010campus" for one hyphen
_SPACES_RE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Bullets as Word, Google Docs and PDF fonts write them (Symbol-font bullets land in the private use area).
_BULLETS_RE = re.compile(r"^(?:[\s•●▪■◆◇◦○►▶▸➢➤❖→✓✔☐\-–—*·\uf0a7\uf0b7\uf076\uf0d8\uf0fc\uf0a8]+|o\s+(?=[A-Z]))+")


def invisible_characters_deceive(text: str) -> bool:
    """Invisible characters a reader should know about: hidden tag text, reordered display,
    zero-width payloads, or several words split so a search misses them."""
    if _DECEPTIVE_RE.search(text) or _INVISIBLE_RUN_RE.search(text):
        return True
    return len(_SPLIT_WORD_RE.findall(text)) >= MIN_SPLIT_WORDS


def repair_mojibake(text: str) -> str:
    """UTF-8 that was read as Windows-1252 ("â€“", "Â ", "Ã©"), fixed by ftfy on the lines that
    show it (ftfy costs milliseconds on a whole CV)."""
    if not _MOJIBAKE_HINT_RE.search(text) and "\u00ef" not in text:
        return text
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if _MOJIBAKE_HINT_RE.search(line):
            line = ftfy.fix_text(line, _FTFY_CONFIG)
        lines[index] = _TRUNCATED_FULLWIDTH_RE.sub(" \u2013 ", line)
    return "\n".join(lines)


def normalize_text(text: str) -> tuple[str, list[str]]:
    """Invisible characters removed (flagged when they deceive), mojibake repaired, NFKC,
    whitespace tidied; returns (text, flags)."""
    flags: list[str] = []
    # A BOM at the very start is an encoding marker, not a trick.
    text = text.lstrip("\ufeff")
    if invisible_characters_deceive(text):
        flags.append(FLAG_ZERO_WIDTH)
    cleaned = _INVISIBLE_RE.sub("", text)
    cleaned = repair_mojibake(cleaned)
    # Some TeX fonts map their en dash to a soft hyphen: "Mar. 2021\u00adJun. 2023" is a date range.
    cleaned = _DATE_SOFT_HYPHEN_RE.sub(" - ", cleaned)
    cleaned = cleaned.replace(_SOFT_HYPHEN, "")
    cleaned = _DOUBLED_HYPHEN_RE.sub("-", cleaned)
    cleaned = unicodedata.normalize("NFKC", cleaned)
    cleaned = cleaned.replace("\r\n", "\n").replace("\r", "\n")
    cleaned = _CONTROL_RE.sub(" ", cleaned)
    lines = [_SPACES_RE.sub(" ", line).strip() for line in cleaned.split("\n")]
    # Keep at most one blank line in a row: paragraphs stay apart, pages stay compact.
    out: list[str] = []
    for line in lines:
        if not line and (not out or not out[-1]):
            continue
        out.append(line)
    return "\n".join(out).strip(), flags


def strip_bullet(line: str) -> str:
    return _BULLETS_RE.sub("", line).strip()


def printable_ratio(text: str) -> float:
    """Share of characters a reader would see as text (letters, digits, punctuation, spaces)."""
    if not text:
        return 0.0
    # Format characters (zero-width spaces, direction marks) are text, if invisible: not binary.
    good = sum(1 for ch in text if ch.isprintable() or ch in "\n\r\t" or unicodedata.category(ch) == "Cf")
    return good / len(text)


def fingerprint(text: str) -> str:
    """Same CV, whatever the file: the PDF and the DOCX export of one CV share this key, so the
    app can flag the second as a duplicate within a job."""
    import hashlib

    words = re.findall(r"[a-z0-9]+", unicodedata.normalize("NFKC", text).lower())
    return hashlib.sha256(" ".join(words).encode()).hexdigest()[:32]
