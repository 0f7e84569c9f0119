"""Normalise extracted text: what a human reader sees, in a form the matcher can compare."""

from __future__ import annotations

import re
import unicodedata

from .types import FLAG_ZERO_WIDTH

# Invisible characters that change nothing for a reader but can smuggle or split keywords.
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff\u180e"
_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f"
_INVISIBLE_RE = re.compile(f"[{_ZERO_WIDTH}{_BIDI}]|[\U000e0000-\U000e007f]")
_SOFT_HYPHEN = "\u00ad"
_DATE_SOFT_HYPHEN_RE = re.compile(r"(?<=\d)\u00ad(?=\s*[A-Za-z0-9])")
_SPACES_RE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Bullets as Word, Google Docs and PDF fonts write them (Symbol-font bullets land in the private use area).
_BULLETS_RE = re.compile(r"^(?:[\s•●▪■◆◇◦○►▶▸➢➤❖→✓✔☐\-–—*·\uf0a7\uf0b7\uf076\uf0d8\uf0fc\uf0a8]+|o\s+(?=[A-Z]))+")


def normalize_text(text: str) -> tuple[str, list[str]]:
    """NFKC, invisible characters removed (flagged), whitespace tidied; returns (text, flags)."""
    flags: list[str] = []
    # A BOM at the very start is an encoding marker, not a trick.
    text = text.lstrip("\ufeff")
    cleaned = _INVISIBLE_RE.sub("", text)
    if len(cleaned) != len(text):
        flags.append(FLAG_ZERO_WIDTH)
    # Some TeX fonts map their en dash to a soft hyphen: "Mar. 2021\u00adJun. 2023" is a date range.
    cleaned = _DATE_SOFT_HYPHEN_RE.sub(" - ", cleaned)
    cleaned = cleaned.replace(_SOFT_HYPHEN, "")
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
    good = sum(1 for ch in text if ch.isprintable() or ch in "\n\r\t")
    return good / len(text)


def fingerprint(text: str) -> str:
    """Same CV, whatever the file: the PDF and the DOCX export of one CV share this key, so the
    app can flag the second as a duplicate within a job."""
    import hashlib

    words = re.findall(r"[a-z0-9]+", unicodedata.normalize("NFKC", text).lower())
    return hashlib.sha256(" ".join(words).encode()).hexdigest()[:32]
