"""The seed's verdict bands: always computed from the score, never taken from a model."""

from __future__ import annotations

BANDS: list[tuple[int, str, str]] = [
    (75, "STRONG_MATCH", "Interview"),
    (60, "GOOD_MATCH", "Interview"),
    (40, "MODERATE_MATCH", "Consider"),
    (20, "WEAK_MATCH", "Not recommended"),
    (0, "NOT_SUITABLE", "Not recommended"),
]
VERDICTS = [verdict for _, verdict, _ in BANDS]


def clamp_score(score: float) -> int:
    return max(0, min(100, int(round(score))))


def verdict_for(score: int) -> tuple[str, str]:
    """(verdict, recommendation) for a 0-100 score."""
    score = clamp_score(score)
    for floor, verdict, recommendation in BANDS:
        if score >= floor:
            return verdict, recommendation
    raise AssertionError("unreachable: the lowest band starts at 0")
