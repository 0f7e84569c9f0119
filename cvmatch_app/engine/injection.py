"""Instructions addressed to an AI screener, and keyword stuffing: found, removed from what is
scored, and reported. Neither may ever raise a score."""

from __future__ import annotations

import re
from collections import Counter

from .tokens import STOPWORDS

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


# Keyword stuffing: only what would move a score. Honest skills lists on 166 real builder CVs hold
# up to ~80 terms on a line, repeat one word (Microsoft, Windows) up to 10 times and never repeat a
# pair of words more than 3 times; running text repeats "and"/"the", which is no stuffing.
_REPEATED_PAIR = 4  # the same two keywords in a row, this often on one list-like line
_REPEATED_PAIR_ANYWHERE = 8
_REPEATED_WORD = 8  # one keyword this often, making up at least ...
_REPEATED_WORD_SHARE = 0.25  # ... this share of the line
_LIST_STOPWORD_SHARE = 0.15  # below this share of function words a line is a list, not prose
_DUMP_TERMS = 150  # keywords in one list line or one block of list lines: twice the longest honest one
_REPEATED_LINE = 4  # the same keyword line this many times ...
_REPEATED_LINE_TERMS = 5  # ... of at least this many keywords (not a job title held four times)


def _content(stems: list[str]) -> list[str]:
    return [s for s in stems if s not in STOPWORDS and len(s) > 1 and not s.isdigit()]


def stuffed_lines(lines: list[str], line_stems: list[list[str]]) -> set[int]:
    """Lines that would move a score by repetition or bulk: the same keywords over and over
    ("Python Django AWS" fifteen times), a keyword dump far longer than any skills section, or one
    keyword line pasted many times. Ordinary skills lists and long sentences are not flagged."""
    bad: set[int] = set()
    list_like: list[bool] = []
    contents = [_content(stems) for stems in line_stems]
    for index, stems in enumerate(line_stems):
        content = contents[index]
        is_list = bool(stems) and 1 - len(content) / len(stems) < _LIST_STOPWORD_SHARE
        list_like.append(is_list and len(content) >= 2)
        if len(content) < 8:
            continue
        pair = Counter(zip(content, content[1:], strict=False)).most_common(1)[0][1]
        word = Counter(content).most_common(1)[0][1]
        if (pair >= _REPEATED_PAIR and is_list) or pair >= _REPEATED_PAIR_ANYWHERE:
            bad.add(index)
        elif word >= _REPEATED_WORD and word / len(content) >= _REPEATED_WORD_SHARE:
            bad.add(index)
    # A dump: consecutive list lines holding far more keywords than a skills section.
    start = 0
    while start < len(lines):
        if not list_like[start]:
            start += 1
            continue
        end = start
        while end + 1 < len(lines) and list_like[end + 1]:
            end += 1
        if sum(len(contents[i]) for i in range(start, end + 1)) >= _DUMP_TERMS:
            bad.update(range(start, end + 1))
        start = end + 1
    # One keyword line pasted again and again.
    seen: Counter[str] = Counter()
    for index, content in enumerate(contents):
        if len(content) >= _REPEATED_LINE_TERMS and list_like[index]:
            seen[" ".join(content)] += 1
    repeated = {key for key, count in seen.items() if count >= _REPEATED_LINE}
    if repeated:
        bad.update(i for i, content in enumerate(contents) if " ".join(content) in repeated)
    return bad
