"""Run-together words cut apart with a unigram model: the last resort for PDFs whose glyph boxes
show no gap between words (words spaced by the pen with boxes that overlap it)."""

from __future__ import annotations

import math
import re

_GLUED_RE = re.compile(r"[A-Za-z]{13,}")
_NOT_LETTER_RE = re.compile(r"[\W\d_]+")


def looks_glued(text: str) -> bool:
    """Words run together ("Continuouslyimprovedthe"): the PDF spaces words by moving the pen."""
    letters = len(_NOT_LETTER_RE.sub("", text))
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
