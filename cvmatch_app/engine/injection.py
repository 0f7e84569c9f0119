"""Instructions addressed to an AI screener, and keyword stuffing: found, removed from what is
scored, and reported. Neither may ever raise a score."""

from __future__ import annotations

import re
from collections import Counter

_INJECTION_PATTERNS = [
    r"\b(?:ignore|disregard|forget|override|bypass)\b[^.\n]{0,40}\b(?:instructions?|prompts?|rules|guidelines|criteria|above|previous|prior)\b",
    r"\byou are (?:now )?(?:an? )?(?:ai|assistant|chatgpt|gpt|language model|llm|hr bot|screening (?:bot|tool))\b",
    r"\b(?:rate|score|rank|grade|mark|evaluate)\b[^.\n]{0,30}\b(?:candidate|cv|resume|résumé|applicant|me|him|her|them)\b[^.\n]{0,30}\b(?:100|10/10|highest|top|perfect|maximum|max)\b",
    r"\b(?:give|assign|award)\b[^.\n]{0,30}\b(?:score|rating|match)\b[^.\n]{0,20}\b(?:100|highest|perfect|maximum)\b",
    r"\b(?:this|the) (?:candidate|applicant) is (?:the )?(?:perfect|ideal|best|top|excellent|strongest) (?:match|fit|candidate|choice)\b",  # noqa: E501
    r"\b(?:recommend|shortlist|advance|select|hire)\b[^.\n]{0,25}\b(?:this candidate|this applicant|me)\b[^.\n]{0,25}\b(?:interview|immediately|regardless|without)\b",  # noqa: E501
    r"\b(?:system prompt|system message|new instructions|hidden instructions?|prompt injection)\b",
    r"\b(?:note|message|instruction)s? (?:to|for) (?:the )?(?:ai|llm|chatgpt|gpt|claude|ats|screener|screening (?:tool|software|system)|recruit(?:er|ing) (?:bot|ai))\b",  # noqa: E501
    r"\bas an? (?:ai|language model|llm)\b",
    r"\[/?inst\]|<\|im_(?:start|end)\|>|<\|system\|>|###\s*(?:instruction|system)",
    r"\b(?:chatgpt|gpt-?4|claude|gemini|llm|ai)\s*[:,]\s*(?:ignore|rate|score|rank|this|please)",
    r"\bmatch (?:score|percentage) (?:of|=|:)?\s*100\b",
    r"\b(?:output|respond|reply|return)\b[^.\n]{0,30}\b(?:strong_match|score|json|verdict)\b",
]
_INJECTION_RE = re.compile("|".join(f"(?:{p})" for p in _INJECTION_PATTERNS), re.IGNORECASE)


def split_injection(lines: list[str]) -> tuple[list[str], list[str]]:
    """(lines kept for scoring, lines removed because they address an AI)."""
    # One scan of the whole text (patterns never cross a line), then map hits back to lines.
    joined = "\n".join(lines)
    flagged: set[int] = set()
    for match in _INJECTION_RE.finditer(joined):
        flagged.add(joined.count("\n", 0, match.start()))
    if not flagged:
        return list(lines), []
    kept = [line for i, line in enumerate(lines) if i not in flagged]
    removed = [line for i, line in enumerate(lines) if i in flagged]
    return kept, removed


def stuffed_lines(lines: list[str], line_stems: list[list[str]]) -> set[int]:
    """Lines that repeat the same words over and over ("python python python ...") or are
    walls of keywords far longer than any honest skills line."""
    bad: set[int] = set()
    for index, stems in enumerate(line_stems):
        if len(stems) < 12:
            continue
        counts = Counter(s for s in stems if len(s) > 2)
        if not counts:
            continue
        top = counts.most_common(1)[0][1]
        distinct = len(counts) / max(1, sum(counts.values()))
        if (top >= 5 and top / len(stems) > 0.12) or (len(stems) >= 24 and distinct < 0.35):
            bad.add(index)
        elif len(stems) > 150 and lines[index].count(",") > 60:
            bad.add(index)
    return bad
