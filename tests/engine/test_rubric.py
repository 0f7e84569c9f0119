"""The recruiter's rubric: the engine's reading round-trips unchanged, edits move scores, bad rubrics
are refused with a sentence the recruiter can act on."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from cvmatch_app.engine import LocalEngine
from cvmatch_app.engine.bands import lowest_score_for
from cvmatch_app.engine.cv_profile import build_cv_profile
from cvmatch_app.engine.job_profile import build_job_profile
from cvmatch_app.engine.rubric import (
    MAX_REQUIREMENTS,
    RubricError,
    profile_with_rubric,
    rubric_from_profile,
    validate_rubric,
)
from cvmatch_app.engine.scoring import score_cv

from .cases import CVS, JOBS, PROSE_CVS, PROSE_JOBS

ENGINE = LocalEngine(today=dt.date(2026, 11, 1))
NOW = 2026 + 11 / 12
INTERVIEW = lowest_score_for("Interview")


def _rubric(job: str) -> list[dict[str, Any]]:
    return rubric_from_profile(build_job_profile(JOBS[job]))


def _score(jd: str, rubric: list[dict[str, Any]] | None, cv: str) -> int:
    job = ENGINE.prepare_job(jd) if rubric is None else profile_with_rubric(jd, rubric)
    return ENGINE.assess_sync(job, cv).score


def _find(rubric: list[dict[str, Any]], text: str) -> dict[str, Any]:
    return next(item for item in rubric if item["text"] == text)


# ------------------------------------------------------------------ the engine's own reading round-trips
@pytest.mark.parametrize(
    ("jobs", "cvs"), [(JOBS, CVS), (PROSE_JOBS, PROSE_CVS)], ids=["stated requirements", "prose job descriptions"]
)
def test_an_unedited_rubric_scores_every_fixture_cv_exactly_as_the_jd_does(
    jobs: dict[str, str], cvs: dict[str, str]
) -> None:
    profiles = {name: build_cv_profile(text, NOW) for name, text in cvs.items()}
    differences = []
    for job_id, jd in jobs.items():
        own = build_job_profile(jd)
        edited = profile_with_rubric(jd, rubric_from_profile(own))
        for cv_id, cv in profiles.items():
            a, b = score_cv(own, cv), score_cv(edited, cv)
            if (a.score, a.caps) != (b.score, b.caps):
                differences.append((job_id, cv_id, a.score, b.score))
    assert differences == []


def test_the_reading_names_each_requirement_with_its_group_and_the_jd_phrase_it_came_from() -> None:
    rubric = _rubric("icu_nurse")
    licence = _find(rubric, "Active RN")
    assert licence | {"kind": "must", "group": "licence", "weight": "high"} == licence
    assert licence["source"] == "Active RN license (Texas or compact)"
    years = next(item for item in rubric if item["group"] == "years")
    assert years["years"] == 2 and years["kind"] == "must"
    assert _find(rubric, "BSN")["kind"] == "nice" and _find(rubric, "BSN")["group"] == "education"
    assert [item["id"] for item in rubric] == [f"r{i}" for i in range(1, len(rubric) + 1)]
    assert validate_rubric(rubric) == rubric  # what the engine shows is a rubric the recruiter can send back


# ------------------------------------------------------------------ edits move the score
def test_a_knockout_not_met_caps_below_interview_and_the_card_says_why() -> None:
    jd, cv = JOBS["icu_nurse"], CVS["nurse_strong"]
    rubric = _rubric("icu_nurse")
    before = _score(jd, rubric, cv)
    assert before >= INTERVIEW
    rubric.append({"text": "Pediatric Advanced Life Support (PALS)", "kind": "must", "knockout": True})
    job = profile_with_rubric(jd, rubric)
    result = ENGINE.assess_sync(job, cv)
    assert result.score < INTERVIEW
    assert result.gaps[0] == "Knockout: Pediatric Advanced Life Support (PALS) not shown"
    assert result.executive_summary.startswith("Knockout: Pediatric Advanced Life Support (PALS) not shown.")


def test_a_knockout_the_cv_meets_costs_nothing() -> None:
    jd, cv = JOBS["icu_nurse"], CVS["nurse_strong"]
    rubric = _rubric("icu_nurse")
    before = _score(jd, rubric, cv)
    _find(rubric, "Active RN")["knockout"] = True
    result = ENGINE.assess_sync(profile_with_rubric(jd, rubric), cv)
    assert result.score == before
    assert not any(gap.startswith("Knockout") for gap in result.gaps)


def test_a_must_have_made_nice_to_have_lifts_a_cv_that_lacks_it() -> None:
    jd = JOBS["icu_nurse"]
    cv = CVS["nurse_strong"].replace("; Epic documentation", "")
    rubric = _rubric("icu_nurse")
    before = ENGINE.assess_sync(profile_with_rubric(jd, rubric), cv)
    assert "Epic or Cerner (required): nothing in the CV shows it" in before.gaps
    _find(rubric, "Epic or Cerner")["kind"] = "nice"
    after = ENGINE.assess_sync(profile_with_rubric(jd, rubric), cv)
    assert after.score > before.score
    assert "Epic or Cerner (preferred): nothing in the CV shows it" in after.gaps


def test_weight_high_gives_a_missing_requirement_more_of_the_score_and_low_less() -> None:
    jd = JOBS["icu_nurse"]
    cv = CVS["nurse_strong"].replace("; Epic documentation", "")
    rubric = _rubric("icu_nurse")
    scores = {}
    for level in ("low", "normal", "high"):
        _find(rubric, "Epic or Cerner")["weight"] = level
        scores[level] = _score(jd, rubric, cv)
    assert scores["low"] > scores["normal"] > scores["high"]


def test_removing_a_requirement_and_changing_the_years_are_scored() -> None:
    jd = JOBS["software"]
    rubric = _rubric("software")
    years = next(item for item in rubric if item["group"] == "years")
    assert years["years"] == 5
    cv = CVS["software_junior_js"]
    before = _score(jd, rubric, cv)
    years["years"] = 1
    job = profile_with_rubric(jd, rubric)
    assert any(r.years == 1 and r.label.startswith("1+ years") for r in job.requirements)
    assert _score(jd, rubric, cv) > before
    kept = [item for item in rubric if item["text"] != "Python"]
    assert not any(r.label == "Python" for r in profile_with_rubric(jd, kept).requirements)


def test_a_requirement_added_in_the_recruiters_words_is_read_like_a_jd_line() -> None:
    jd = JOBS["warehouse"]
    rubric = _rubric("warehouse") + [
        {"text": "Class A CDL", "kind": "must", "group": "licence"},
        {"text": "CCRN certification", "kind": "nice"},
    ]
    job = profile_with_rubric(jd, rubric)
    cdl, ccrn = job.requirements[-2:]
    assert (cdl.label, cdl.kind, cdl.category, cdl.source) == ("Class A CDL", "must", "cred", "")
    assert cdl.alternatives  # the lexicon's licence, so "CDL-A" in a CV answers it
    assert (ccrn.kind, ccrn.alternatives, ccrn.terms) == ("nice", [], ["ccrn", "certification"])  # unknown: its words
    driver = CVS["truck_driver_strong"]
    assert not any(gap.startswith("Class A CDL") for gap in ENGINE.assess_sync(job, driver).gaps)


# ------------------------------------------------------------------ bad rubrics
@pytest.mark.parametrize(
    ("rubric", "message"),
    [
        ([], "The rubric is empty"),
        ([{"text": "Python", "kind": "nice"}], "only nice-to-haves"),
        (
            [{"text": f"Skill {i}", "kind": "must"} for i in range(500)],
            f"the most CVMatch scores is {MAX_REQUIREMENTS}",
        ),
        ([{"text": "Python", "kind": "must", "weight": "huge"}], "weight must be low, normal or high"),
        ([{"text": "Python", "kind": "must", "years": 51}], "years must be a number from 0 to 50"),
        ([{"text": "Python", "kind": "must", "years": -1}], "years must be a number from 0 to 50"),
        ([{"text": "Python", "kind": "required"}], 'kind must be "must" or "nice"'),
        ([{"text": "Python", "kind": "must", "group": "hobby"}], "group must be one of"),
        ([{"text": "Python", "kind": "must", "score": 5}], "unknown field score"),
        ([{"text": "x" * 10_000, "kind": "must"}], "10,000 characters long; a requirement is at most 300"),
        ([{"text": "   ", "kind": "must"}], "has no text"),
        ([{"id": "r1", "text": "Python", "kind": "must"}, {"id": "r1", "text": "SQL"}], 'the id "r1" is used twice'),
        ("Python", "must be a list"),
        ([{"text": "Python", "kind": "must", "knockout": "yes"}], "knockout must be true or false"),
    ],
)
def test_bad_rubrics_are_refused_with_a_message_saying_what_to_correct(rubric: Any, message: str) -> None:
    with pytest.raises(RubricError) as refused:
        validate_rubric(rubric)
    assert message in str(refused.value)


@pytest.mark.parametrize(
    ("text", "characteristic"),
    [
        ("Under 35 years old", "age"),
        ("Young graduates preferred", "age"),
        ("Aged 25-35", "age"),
        ("Male candidates only", "sex or gender"),
        ("Married, no children", "marital or family status"),
        ("Not pregnant or planning a family", "pregnancy"),
        ("White British", "race or ethnic origin"),
        ("British nationality", "nationality or national origin"),
        ("Native English speaker", "nationality or national origin"),
        ("Practising Christian", "religion or belief"),
        ("No disabilities, in good health", "health or disability"),
        ("Heterosexual", "sexual orientation"),
    ],
)
def test_protected_characteristics_are_refused_with_why_and_what_to_ask_instead(text: str, characteristic: str) -> None:
    with pytest.raises(RubricError) as refused:
        validate_rubric([{"text": "Registered Nurse licence", "kind": "must"}, {"text": text, "kind": "must"}])
    message = str(refused.value)
    assert f"selects candidates by {characteristic}, a protected characteristic" in message
    assert "unlawful discrimination" in message
    assert "You can ask for" in message


@pytest.mark.parametrize(
    "text",
    [
        "Valid driving licence",
        "Right to work in the UK",
        "Physically able to lift 25 kg",
        "18 or over (serving alcohol)",
        "Experience caring for older adults in aged care",
        "Mental health nursing experience",
        "5+ years of nursing experience",
        "Experience supporting disabled adults",
        "Teaching pupils aged 11-16",
        "Age-appropriate activities for school-age children",
    ],
)
def test_lawful_job_requirements_are_accepted(text: str) -> None:
    assert validate_rubric([{"text": text, "kind": "must"}])[0]["text"] == text


def test_validation_fills_defaults_gives_new_ids_and_makes_a_knockout_a_must_have() -> None:
    rubric = validate_rubric(
        [{"id": "r1", "text": "RN licence", "kind": "must"}, {"text": "BLS", "kind": "nice", "knockout": True}]
    )
    assert rubric[1] == {
        "id": "n1",
        "text": "BLS",
        "kind": "must",
        "group": "skill",
        "weight": "normal",
        "knockout": True,
        "years": 0,
        "source": "",
        "added": True,
    }


def test_a_years_knockout_is_met_by_nine_tenths_of_the_years() -> None:
    jd, cv = JOBS["icu_nurse"], CVS["nurse_strong"]  # about 7.7 years of ICU work by November 2026
    rubric = _rubric("icu_nurse")
    years = next(item for item in rubric if item["group"] == "years")
    results = {}
    for asked in (8, 10):
        years |= {"years": asked, "knockout": True}
        results[asked] = ENGINE.assess_sync(profile_with_rubric(jd, rubric), cv)
    assert not any(gap.startswith("Knockout") for gap in results[8].gaps)
    assert results[10].score < INTERVIEW
    assert results[10].gaps[0] == "Knockout: 10+ years of critical care or ICU not shown"
