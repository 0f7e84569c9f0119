"""The recruiter's rubric reaches Claude: in the job's cached prefix, with must/nice, knockouts and
weights, through the Anthropic SDK against the local fake server."""

from __future__ import annotations

from typing import Any

from tests.claude.conftest import run
from tests.support.factories import DEVELOPER_CV, NURSE_CV, NURSE_JD

RUBRIC: list[dict[str, Any]] = [
    {"id": "r1", "text": "RN licence", "kind": "must", "group": "licence", "weight": "high", "knockout": False,
     "years": 0, "source": "Current RN licence (required)", "added": False},
    {"id": "n1", "text": "PALS certification", "kind": "must", "group": "licence", "weight": "normal",
     "knockout": True, "years": 0, "source": "", "added": True},
    {"id": "n2", "text": "3+ years of ICU nursing", "kind": "must", "group": "years", "weight": "normal",
     "knockout": False, "years": 3, "source": "", "added": True},
    {"id": "r8", "text": "CCRN certification", "kind": "nice", "group": "skill", "weight": "low",
     "knockout": False, "years": 0, "source": "", "added": False},
]  # fmt: skip


def _score(engine: Any, rubric: list[dict[str, Any]] | None) -> list[Any]:
    async def job() -> list[Any]:
        prepared = engine.prepare_job(NURSE_JD, rubric)
        results = [await engine.assess(prepared, cv, []) for cv in (NURSE_CV, DEVELOPER_CV)]
        await engine.aclose()
        return results

    return list(run(job()))


def test_the_rubric_is_listed_in_the_cached_prefix_of_every_cv(fake, make_engine) -> None:
    _score(make_engine(), RUBRIC)
    first, second = fake.requests
    assert first.body["system"] == second.body["system"], "one cached prefix for the job's CVs"
    block = first.body["system"][-1]
    assert block["cache_control"] == {"type": "ephemeral"}
    text = block["text"]
    assert "<job_description>" in text and "Current RN licence (required)" in text
    assert "- [must, weight high] RN licence" in text
    assert "- [must, KNOCKOUT, weight normal] PALS certification" in text
    assert "- [must, weight normal, 3+ years] 3+ years of ICU nursing" in text
    assert "- [nice, weight low] CCRN certification" in text
    assert "keeps the score below 60" in text
    assert "PALS" not in first.cv_text


def test_without_a_rubric_the_prefix_is_as_before(fake, make_engine) -> None:
    _score(make_engine(), None)
    assert "<recruiter_requirements>" not in fake.requests[0].system_text


def test_the_local_check_scores_with_the_same_rubric(make_engine) -> None:
    prepared = make_engine().prepare_job(NURSE_JD, RUBRIC)
    knockouts = [r.label for r in prepared.local_job.requirements if r.knockout]
    assert knockouts == ["PALS certification"]
