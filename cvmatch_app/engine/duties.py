"""The work an occupation does, as CVs phrase it (``data/duties.txt``): what a role's own lines must
show for its years to count toward that occupation when its heading does not name it."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .tokens import tokenize

_DATA = Path(__file__).parent / "data" / "duties.txt"


@lru_cache(maxsize=1)
def _phrases() -> dict[str, tuple[tuple[str, ...], ...]]:
    out: dict[str, tuple[tuple[str, ...], ...]] = {}
    for raw in _DATA.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#") or "|" not in line:
            continue
        concept, _, phrases = line.partition("|")
        stems = {tuple(tokenize(p)) for p in phrases.split(";")}
        out[concept.strip()] = tuple(sorted(s for s in stems if s))
    return out


@lru_cache(maxsize=1)
def _by_first_stem() -> dict[str, dict[str, tuple[tuple[str, ...], ...]]]:
    """concept -> first word -> its phrases starting with that word."""
    out: dict[str, dict[str, tuple[tuple[str, ...], ...]]] = {}
    for concept, phrases in _phrases().items():
        index: dict[str, list[tuple[str, ...]]] = {}
        for phrase in phrases:
            index.setdefault(phrase[0], []).append(phrase)
        out[concept] = {first: tuple(group) for first, group in index.items()}
    return out


@lru_cache(maxsize=16384)
def duty_phrases_in(line: str, concepts: frozenset[str]) -> frozenset[str]:
    """The duty phrases of ``concepts`` a line holds, each as its stemmed words."""
    tables = [t for t in (_by_first_stem().get(cid) for cid in concepts) if t]
    if not tables:
        return frozenset()
    stems = tokenize(line)
    found: set[str] = set()
    for i, stem in enumerate(stems):
        for table in tables:
            for phrase in table.get(stem, ()):
                if tuple(stems[i : i + len(phrase)]) == phrase:
                    found.add(" ".join(phrase))
    return frozenset(found)


def has_duties(concept: str) -> bool:
    return concept in _phrases()
