"""Turn Claude's tool call into checked data: clamp what is safe to clamp, refuse the rest.

Nothing here trusts the model: the score must be a number, the summary must be there, lists are
cut to size, quoted CV lines are checked against the CV. The verdict is never read from the
answer (``cvmatch_app.engine.bands`` derives it from the score).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

from .prompt import TOOL_NAME

SCORE_TOLERANCE = 5  # 101-105 or -1..-5 is a slip of the scale and clamped; 250 is not a 0-100 score
MAX_ITEMS = 6
MAX_ITEM_CHARS = 300
MAX_SUMMARY_CHARS = 1200
MAX_EVIDENCE = 12
_NUMBER_RE = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*(?:%|/\s*100)?\s*$")
_MET = {"yes": True, "partly": False, "no": False}


class UnusableOutput(Exception):
    """The answer cannot be used as it is; ``truncated`` asks the retry for more output room."""

    def __init__(self, reason: str, *, truncated: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.truncated = truncated


@dataclass
class ClaudeAnswer:
    score: int
    executive_summary: str
    strengths: list[str]
    gaps: list[str]
    evidence: list[dict[str, Any]] = field(default_factory=list)
    clamped_from: float | None = None  # the model's number when it was slightly out of range


def parse_answer(message: Any, cv_text: str) -> ClaudeAnswer:
    """The assessment in a Messages API answer, or UnusableOutput saying what was wrong."""
    stop_reason = getattr(message, "stop_reason", None)
    if stop_reason == "refusal":
        raise UnusableOutput("Claude declined to assess this CV")
    if stop_reason == "max_tokens":
        raise UnusableOutput("Claude's answer was cut off (max_tokens)", truncated=True)
    tool_input = _tool_input(message)
    score, clamped_from = parse_score(tool_input.get("score"))
    summary = _text(tool_input.get("executive_summary"), MAX_SUMMARY_CHARS)
    if not summary:
        raise UnusableOutput("Claude's answer has no executive summary")
    return ClaudeAnswer(
        score=score,
        executive_summary=summary,
        strengths=_items(tool_input.get("strengths")),
        gaps=_items(tool_input.get("gaps")),
        evidence=_evidence(tool_input.get("evidence"), cv_text),
        clamped_from=clamped_from,
    )


def _tool_input(message: Any) -> dict[str, Any]:
    for block in getattr(message, "content", None) or []:
        if getattr(block, "type", None) == "tool_use" and getattr(block, "name", None) == TOOL_NAME:
            tool_input = getattr(block, "input", None)
            if isinstance(tool_input, dict):
                return tool_input
            raise UnusableOutput("Claude's assessment is not a JSON object")
    raise UnusableOutput("Claude answered without the structured assessment")


def parse_score(value: Any) -> tuple[int, float | None]:
    """(0-100 score, the original number if it had to be clamped). Raises UnusableOutput."""
    number: float | None = None
    if isinstance(value, bool):
        number = None
    elif isinstance(value, (int, float)):
        number = float(value)
    elif isinstance(value, str) and (match := _NUMBER_RE.match(value)):
        number = float(match.group(1))
    if number is None or not math.isfinite(number):
        raise UnusableOutput(f"Claude's score is not a number: {str(value)[:40]!r}")
    if 0 < number < 1 and number != int(number):
        raise UnusableOutput(f"Claude's score {number} looks like a fraction, not a 0-100 score")
    if 0 <= number <= 100:
        return int(round(number)), None
    if -SCORE_TOLERANCE <= number <= 100 + SCORE_TOLERANCE:
        return (0 if number < 0 else 100), number
    raise UnusableOutput(f"Claude's score {number:g} is outside 0-100")


def _text(value: Any, limit: int) -> str:
    if not isinstance(value, str):
        return ""
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"


def _items(value: Any) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return []
    items = [_text(item, MAX_ITEM_CHARS) for item in value]
    return [item for item in items if item][:MAX_ITEMS]


def _squash(text: str) -> str:
    return " ".join(text.lower().split())


def _evidence(value: Any, cv_text: str) -> list[dict[str, Any]]:
    """Evidence rows shaped like the local engine's; a quote not found in the CV is marked unverified."""
    if not isinstance(value, list):
        return []
    cv = _squash(cv_text)
    rows = []
    for item in value[:MAX_EVIDENCE]:
        if not isinstance(item, dict):
            continue
        requirement = _text(item.get("requirement"), MAX_ITEM_CHARS)
        if not requirement:
            continue
        met = str(item.get("met", "")).strip().lower()
        cv_line = _text(item.get("cv_line"), MAX_ITEM_CHARS)
        rows.append(
            {
                "requirement": requirement,
                "kind": "must" if item.get("must_have") is True else "nice",
                "met": _MET.get(met, False),
                "strength": {"yes": 1.0, "partly": 0.5}.get(met, 0.0),
                "cv_line": cv_line,
                "quote_verified": bool(cv_line) and _squash(cv_line) in cv,
            }
        )
    return rows
