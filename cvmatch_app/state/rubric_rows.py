"""The rubric as the editor shows it, and the edits a recruiter makes to it: plain data and pure
functions shared by the Match page and the job page (each state calls the services itself).

A rubric is the list of requirement dicts the services take and return (see services/rubric.py):
``{"id", "text", "kind", "group", "weight", "knockout", "years", "source", "added"}``. Every edit
here returns a new list (the old one is never changed), so a refused edit leaves nothing half-done.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from typing import Any

WEIGHTS = {"low": "Low", "normal": "Normal", "high": "High"}
KINDS = {"must": "Must-have", "nice": "Nice-to-have"}
# The order and the names the recruiter sees; "skill" asks are split into must-haves and nice-to-haves.
GROUPS = (
    ("role", "The role and its level"),
    ("must", "Must-haves"),
    ("nice", "Nice-to-haves"),
    ("years", "Years of experience"),
    ("licence", "Licences and certificates"),
    ("education", "Education"),
    ("condition", "Conditions of the job"),
)
MAX_YEARS = 50
MAX_ADDED_TEXT = 300
_NUMBER_RE = re.compile(r"\d+(?:\.\d+)?")
_YEARS_ASK_RE = re.compile(r"\b(\d{1,2})\s*\+?\s*(?:years?|yrs?)\b", re.IGNORECASE)


Edit = Callable[[list[dict[str, Any]]], list[dict[str, Any]]]  # one change: the rubric before → after


class RubricEditError(ValueError):
    """An edit the recruiter must correct (shown inline beside the editor)."""


@dataclasses.dataclass
class RubricRow:
    id: str
    text: str
    kind: str
    weight: str
    knockout: bool
    years: str  # as the number input shows it
    source: str
    added: bool
    is_must: bool
    has_years: bool
    kind_label: str = ""
    weight_label: str = ""


@dataclasses.dataclass
class RubricGroup:
    key: str
    label: str
    rows: list[RubricRow]


def years_text(value: Any) -> str:
    try:
        number = float(value or 0)
    except (TypeError, ValueError):
        return "0"
    return f"{number:g}"


def group_key(item: dict[str, Any]) -> str:
    group = str(item.get("group") or "skill")
    if group == "skill" or group not in dict(GROUPS):
        return "must" if item.get("kind") == "must" else "nice"
    return group


def rows_of(rubric: list[dict[str, Any]]) -> list[RubricGroup]:
    """The rubric grouped as the recruiter reads a job: the role, must-haves, nice-to-haves, years…"""
    groups: dict[str, list[RubricRow]] = {key: [] for key, _ in GROUPS}
    for item in rubric:
        groups[group_key(item)].append(
            RubricRow(
                id=str(item.get("id") or ""),
                text=str(item.get("text") or ""),
                kind="must" if item.get("kind") == "must" else "nice",
                weight=str(item.get("weight") or "normal"),
                knockout=bool(item.get("knockout")),
                years=years_text(item.get("years")),
                source=str(item.get("source") or ""),
                added=bool(item.get("added")),
                is_must=item.get("kind") == "must",
                has_years=item.get("group") == "years",
                kind_label=KINDS["must" if item.get("kind") == "must" else "nice"],
                weight_label=WEIGHTS.get(str(item.get("weight")), "Normal"),
            )
        )
    return [RubricGroup(key=key, label=label, rows=groups[key]) for key, label in GROUPS if groups[key]]


def _edit(rubric: list[dict[str, Any]], requirement_id: str, **change: Any) -> list[dict[str, Any]]:
    if not any(item.get("id") == requirement_id for item in rubric):
        raise RubricEditError("That requirement is no longer in the rubric: the page has been updated.")
    return [{**item, **change} if item.get("id") == requirement_id else dict(item) for item in rubric]


def remove(rubric: list[dict[str, Any]], requirement_id: str) -> list[dict[str, Any]]:
    _edit(rubric, requirement_id)
    return [dict(item) for item in rubric if item.get("id") != requirement_id]


def set_kind(rubric: list[dict[str, Any]], requirement_id: str, must: bool) -> list[dict[str, Any]]:
    """A nice-to-have cannot knock anyone out: switching a knockout to nice clears the knockout."""
    if must:
        return _edit(rubric, requirement_id, kind="must")
    return _edit(rubric, requirement_id, kind="nice", knockout=False)


def set_knockout(rubric: list[dict[str, Any]], requirement_id: str, knockout: bool) -> list[dict[str, Any]]:
    """A knockout is always a must-have (not meeting it caps the score below the Interview band)."""
    if knockout:
        return _edit(rubric, requirement_id, knockout=True, kind="must")
    return _edit(rubric, requirement_id, knockout=False)


def set_weight(rubric: list[dict[str, Any]], requirement_id: str, weight: str) -> list[dict[str, Any]]:
    if weight not in WEIGHTS:
        raise RubricEditError("Choose a weight of Low, Normal or High.")
    return _edit(rubric, requirement_id, weight=weight)


def set_years(rubric: list[dict[str, Any]], requirement_id: str, value: str | float) -> list[dict[str, Any]]:
    """The years asked, with the number in the requirement's words following ("5+ years…" → "3+ years…")."""
    try:
        years = float(str(value).strip().replace(",", "."))
    except ValueError:
        raise RubricEditError(f"Years must be a number from 0 to {MAX_YEARS}.") from None
    if not 0 <= years <= MAX_YEARS:
        raise RubricEditError(f"Years must be a number from 0 to {MAX_YEARS}.")
    years = round(years, 1)
    item = next((item for item in rubric if item.get("id") == requirement_id), None)
    text = str(item.get("text") or "") if item else ""
    if text and _NUMBER_RE.search(text):
        text = _NUMBER_RE.sub(f"{years:g}", text, count=1)
    return _edit(rubric, requirement_id, years=years, **({"text": text} if text else {}))


def new_requirement(rubric: list[dict[str, Any]], text: str, kind: str) -> dict[str, Any]:
    """A requirement in the recruiter's own words ("Right to work in the UK", "5 years of Java")."""
    text = " ".join(text.split())
    if not text:
        raise RubricEditError("Type the requirement first, in your own words (e.g. 'Right to work in the UK').")
    if len(text) > MAX_ADDED_TEXT:
        raise RubricEditError(
            f"A requirement can be at most {MAX_ADDED_TEXT} characters (this one has {len(text):,}): "
            "say it in one line, or split it in two."
        )
    taken = {str(item.get("id")) for item in rubric}
    number = 1
    while f"a{number}" in taken:
        number += 1
    years_ask = _YEARS_ASK_RE.search(text)
    return {
        "id": f"a{number}",
        "text": text,
        "kind": "must" if kind == "must" else "nice",
        "group": "years" if years_ask else "skill",
        "weight": "normal",
        "knockout": False,
        "years": float(years_ask.group(1)) if years_ask else 0,
        "source": "",
        "added": True,
    }


def _key(text: Any) -> str:
    """The same requirement whatever its years number ("5+ years of Java" is "3+ years of Java")."""
    return _NUMBER_RE.sub("#", " ".join(str(text or "").lower().split()))


EDITABLE = ("kind", "weight", "knockout", "years", "text")


def carry_edits(
    old_reading: list[dict[str, Any]], current: list[dict[str, Any]], new_reading: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The engine's new reading of a changed JD with the recruiter's edits of the old one kept:
    what they removed stays removed, what they switched, weighed or knocked out stays so, and what
    they added stays added (matched by the requirement's words, its years number aside)."""
    by_id = {item.get("id"): item for item in old_reading}
    kept_ids = {item.get("id") for item in current}
    removed = {_key(item.get("text")) for item in old_reading if item.get("id") not in kept_ids}
    edited: dict[str, dict[str, Any]] = {}
    for item in current:
        old = by_id.get(item.get("id"))
        if item.get("added") or old is None:
            continue
        if any(item.get(name) != old.get(name) for name in EDITABLE):
            edited[_key(old.get("text"))] = item
    merged = []
    for item in new_reading:
        key = _key(item.get("text"))
        if key in removed:
            continue
        change = edited.get(key)
        merged.append({**item, **{name: change[name] for name in EDITABLE}} if change else dict(item))
    taken = {item.get("id") for item in merged}
    for item in current:
        if item.get("added") or item.get("id") not in by_id:
            added = dict(item)
            while added.get("id") in taken:
                added["id"] = f"{added.get('id')}x"
            taken.add(added.get("id"))
            merged.append(added)
    return merged


def is_edited(reading: list[dict[str, Any]], current: list[dict[str, Any]]) -> bool:
    """Whether the recruiter changed anything of the engine's reading."""
    return [dict(item) for item in reading] != [dict(item) for item in current]
