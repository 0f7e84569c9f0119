"""The verdict bands of the API contract: always computed from the score, never taken from a model.

This table is the one home of the bands. The local engine's caps (``scoring._BAND_CEILINGS``), the
Claude prompt's scoring guide (``claude_engine.prompt``) and the web page's filters are built from
it; the standalone MCP script keeps a copy that tests/structure/test_one_home.py holds equal to it.
"""

from __future__ import annotations

BANDS: list[tuple[int, str, str]] = [
    (75, "STRONG_MATCH", "Interview"),
    (60, "GOOD_MATCH", "Interview"),
    (40, "MODERATE_MATCH", "Consider"),
    (20, "WEAK_MATCH", "Not recommended"),
    (0, "NOT_SUITABLE", "Not recommended"),
]
VERDICTS = [verdict for _, verdict, _ in BANDS]
# A cap this far under a band's floor rounds to the score just below it (59.4 -> 59): never into the band.
BELOW_FLOOR_MARGIN = 0.6


def clamp_score(score: float) -> int:
    return max(0, min(100, int(round(score))))


def verdict_for(score: int) -> tuple[str, str]:
    """(verdict, recommendation) for a 0-100 score."""
    score = clamp_score(score)
    for floor, verdict, recommendation in BANDS:
        if score >= floor:
            return verdict, recommendation
    raise AssertionError("unreachable: the lowest band starts at 0")


def floor_of(verdict: str) -> int:
    """The lowest score of a verdict's band (``floor_of("GOOD_MATCH") == 60``)."""
    for floor, name, _ in BANDS:
        if name == verdict:
            return floor
    raise KeyError(f"no band is called {verdict!r}: one of {', '.join(VERDICTS)}")


def lowest_score_for(recommendation: str) -> int:
    """The lowest score with that recommendation (``"Interview"`` -> 60)."""
    return min(floor for floor, _, rec in BANDS if rec == recommendation)


def ceilings_below(floors: list[int] | tuple[int, ...]) -> tuple[tuple[int, float], ...]:
    """(floor, highest cap that stays under it) for each floor, lowest first."""
    return tuple((floor, floor - BELOW_FLOOR_MARGIN) for floor in sorted(floors))


def band_ranges() -> list[tuple[int, int, str, str]]:
    """(low, high, verdict, recommendation) per band, best first: (75, 100, "STRONG_MATCH", "Interview")..."""
    ranges = []
    top = 100
    for floor, verdict, recommendation in BANDS:
        ranges.append((floor, top, verdict, recommendation))
        top = floor - 1
    return ranges
