"""Rebuild reading lines from positioned text fragments, for PDFs whose writers place every
word on its own (pypdf then returns one word per line). Columns are kept apart."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

_KERN_SPLIT_RE = re.compile(r"\b([TYVWFP]) ([a-z]{2,})")


@dataclass
class _Frag:
    x: float
    y: float
    size: float
    text: str


def one_word_lines(text: str) -> bool:
    """True when most lines hold a single word: the sign of word-by-word placement."""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    if len(lines) < 20:
        return False
    single = sum(1 for ln in lines if len(ln.split()) == 1)
    return single / len(lines) > 0.6


def rebuild_lines(page: Any) -> str:
    frags: list[_Frag] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: Any, size: float) -> None:
        if not text or not text.strip():
            return
        a, b, c, d, e, f = tm
        ca, cb, cc, cd, ce, cf = cm
        x = e * ca + f * cc + ce
        y = e * cb + f * cd + cf
        scale = math.hypot(c * ca + d * cc, c * cb + d * cd) or 1.0
        for part in text.split("\n"):
            if part.strip():
                frags.append(_Frag(x, y, max(size * scale, 1.0), part.strip()))

    page.extract_text(visitor_text=visit)
    if not frags:
        return ""
    width = float(page.mediabox.width) or 612.0
    # Baselines: fragments within half a font size of each other share a line.
    frags.sort(key=lambda fr: (-round(fr.y, 1), fr.x))
    lines: list[list[_Frag]] = []
    for frag in frags:
        if lines and abs(lines[-1][0].y - frag.y) <= 0.5 * frag.size:
            lines[-1].append(frag)
        else:
            lines.append([frag])
    segments: list[tuple[float, float, str]] = []  # (y, x start, text)
    for line in lines:
        line.sort(key=lambda fr: fr.x)
        current: list[_Frag] = [line[0]]
        for frag in line[1:]:
            prev = current[-1]
            est_end = prev.x + 0.5 * prev.size * len(prev.text)
            if frag.x - est_end > 3.0 * frag.size:
                segments.append((current[0].y, current[0].x, " ".join(fr.text for fr in current)))
                current = [frag]
            else:
                current.append(frag)
        segments.append((current[0].y, current[0].x, " ".join(fr.text for fr in current)))
    # A second column: many segments starting at the same x in the right part of the page.
    starts = Counter(round(x / 6) * 6 for _, x, _ in segments if x > 0.3 * width)
    split = None
    if starts:
        column_x, count = starts.most_common(1)[0]
        if count >= max(5, len(segments) // 5):
            split = column_x - 3
    if split is None:
        ordered = [s for s in segments]
    else:
        left = [s for s in segments if s[1] < split]
        right = [s for s in segments if s[1] >= split]
        ordered = left + right
    return "\n".join(text for _, _, text in ordered)


def repair_kerning_splits(text: str) -> str:
    """pypdf reads tight kerning after a capital as a space ("T eaching", "Y ahoo")."""
    return _KERN_SPLIT_RE.sub(r"\1\2", text)


_GLUED_RE = re.compile(r"[A-Za-z]{13,}")


def looks_glued(text: str) -> bool:
    """Words run together ("Continuouslyimprovedthe"): the PDF spaces words by moving the pen."""
    letters = sum(1 for ch in text if ch.isalpha())
    glued = sum(len(m.group()) for m in _GLUED_RE.finditer(text))
    return letters > 200 and glued / letters > 0.12


_SUFFIXES = ("s", "es", "ed", "d", "ing", "ly", "er", "ers", "ment", "ments", "ation", "ations", "ized", "izes", "ize")
_COST_CACHE: dict[int, tuple[dict[str, float], int]] = {}


def _costs(vocabulary: list[str]) -> tuple[dict[str, float], int]:
    key = len(vocabulary)
    if key not in _COST_CACHE:
        from .lexicon import get_lexicon

        words = [w for w in vocabulary if w.isalpha() and (len(w) > 1 or w in ("a", "i"))]
        scale = math.log(len(words) + 1)
        cost = {w: math.log((rank + 1) * scale) for rank, w in enumerate(words)}
        # Inflected forms the word-piece vocabulary lacks ("provisioned", "clusters").
        for word, c in list(cost.items()):
            for suffix in _SUFFIXES:
                cost.setdefault(word + suffix, c + 1.5)
        # The lexicon's one-word terms (kubernetes, terraform) are words a CV is likely to contain.
        for phrase in get_lexicon().index:
            if len(phrase) == 1 and phrase[0].isalpha() and len(phrase[0]) > 2:
                cost[phrase[0]] = min(cost.get(phrase[0], 99.0), 6.0)
        _COST_CACHE[key] = (cost, max(len(w) for w in cost))
    return _COST_CACHE[key]


def split_glued_words(text: str, vocabulary: list[str]) -> str:
    """Cut run-together words at the most likely word boundaries (a unigram model whose word
    costs follow the vocabulary's frequency order), keeping the original letters and case."""
    cost, longest = _costs(vocabulary)

    def segment(token: str) -> str:
        low = token.lower()
        n = len(low)
        best = [0.0] + [math.inf] * n
        back = [0] * (n + 1)
        for end in range(1, n + 1):
            for start in range(max(0, end - longest), end):
                c = cost.get(low[start:end])
                if c is None:
                    if end - start != 1:
                        continue
                    c = 30.0  # an unknown letter is allowed, dearly
                if best[start] + c < best[end]:
                    best[end] = best[start] + c
                    back[end] = start
        parts = []
        end = n
        while end > 0:
            parts.append(token[back[end] : end])
            end = back[end]
        return " ".join(reversed(parts))

    return _GLUED_RE.sub(lambda m: segment(m.group()), text)
