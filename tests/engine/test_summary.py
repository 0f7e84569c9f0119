"""The executive summary a hiring manager reads: the real most recent title, real years said as what
they were, the count of must-haves matching the facts it names, and what "Present" was taken to mean."""

from __future__ import annotations

import datetime as dt
import re

from cvmatch_app.engine import LocalEngine
from cvmatch_app.engine.cv_profile import build_cv_profile

TODAY = dt.date(2026, 11, 1)
NOW = 2026 + 11 / 12
ENGINE = LocalEngine(today=TODAY)

SOUS_CHEF = "Sous Chef\nRequirements:\n- 3+ years of kitchen experience\n- ServSafe certification\n- Knife skills"
ADMIN = (
    "Administrative Assistant\nRequirements:\n- 2+ years as an administrative assistant\n- High school diploma\n"
    "- Microsoft Outlook\nPreferred:\n- QuickBooks"
)
CARE = (
    "Care Coordinator\nRequirements:\n- Experience as a care coordinator\n- LPN or Medical Assistant\n"
    "- Electronic health records\nPreferred:\n- Case management"
)


def _summary(jd: str, cv: str) -> str:
    return ENGINE.assess_sync(ENGINE.prepare_job(jd), cv, []).executive_summary


def _recent(cv: str) -> str:
    return build_cv_profile(cv, NOW).most_recent_title


# ------------------------------------------------------------------ years said as what they were
def test_years_in_other_titles_are_not_years_as_the_jobs_title() -> None:
    cv = (
        "Experience\nHead Chef, Harbour Grill, 2016 - 2024\n- Ran the kitchen and costed menus\n"
        "Executive Chef, The Old Mill Inn, 2010 - 2016\n- Led a brigade of twelve\n"
        "Certifications\nServSafe Manager, 2023"
    )
    summary = _summary(SOUS_CHEF, cv)
    assert "of dated work as Sous Chef" not in summary
    assert "14 years of dated work as Head Chef and Executive Chef." in summary


def test_years_that_held_the_title_are_said_as_the_title() -> None:
    cv = "Experience\nSenior Sous Chef, Harbour Grill, 2016 - 2024\n- Ran the pass\nCertifications\nServSafe, 2023"
    assert "8 years of dated work as Sous Chef." in _summary(SOUS_CHEF, cv)


def test_a_few_years_of_the_title_among_related_roles_are_said_apart() -> None:
    cv = (
        "Experience\nHead Chef, Harbour Grill, 2018 - 2024\n- Ran the kitchen\nSous Chef, Harbour Grill, 2016 - 2018\n"
        "- Ran the pass\nChef de Partie, The Old Mill Inn, 2013 - 2016\n- Sauce section\n"
        "Commis Chef, The Old Mill Inn, 2011 - 2013\n- Prep\nCertifications\nServSafe Manager, 2023"
    )
    summary = _summary(SOUS_CHEF, cv)
    assert "2 years of it as Sous Chef" in summary
    assert "13 years of dated work in related roles (" in summary


# ------------------------------------------------------------------ what "Present" was taken to mean
def test_present_counted_to_today_is_said() -> None:
    cv = "Experience\nSous Chef, The Old Mill Inn, Jan 2015 - Present\n- Prepared sauces with sharp knife skills\n"
    summary = _summary(SOUS_CHEF, cv)
    assert '"Present" (since 2015) counted to today' in summary


def test_a_recent_date_confirms_present_and_nothing_is_said() -> None:
    cv = (
        "Experience\nSous Chef, The Old Mill Inn, Jan 2015 - Present\n- Prepared sauces\n"
        "Certifications\nServSafe Manager, March 2026"
    )
    assert "Present" not in _summary(SOUS_CHEF, cv)


# ------------------------------------------------------------------ counts that match their lists
def _must_clause_names(summary: str) -> tuple[int, list[str]]:
    match = re.search(r"Meets (\d+|none) of (?:the )?\d+ must-haves(?::|, strongest)? ?([^;.]*)", summary)
    assert match, summary
    met = 0 if match.group(1) == "none" else int(match.group(1))
    names = [n for n in re.split(r", | and ", match.group(2)) if n.strip()]
    return met, names


def test_the_facts_named_beside_the_count_are_the_counted_must_haves() -> None:
    cv = (
        "Experience\nAdministrative Assistant, Acme Ltd, 2018 - 2024\n- Answered phones and kept diaries\n"
        "Education\nHigh School Diploma, 2010"
    )
    summary = _summary(ADMIN, cv)
    met, names = _must_clause_names(summary)
    assert met == 1 and len(names) == 1, summary
    assert "also shows High school diploma" in summary


def test_no_must_have_met_names_no_strongest_must_have() -> None:
    cv = "Experience\nCase Manager, City Hospital, 2015 - 2024\n- Case management for patients in the hospital\n"
    summary = _summary(CARE, cv)
    assert "Meets none of the 4 must-haves; also shows Case management" in summary
    assert "strongest" not in summary


# ------------------------------------------------------------------ the most recent role
def test_the_most_recent_role_skips_volunteer_work() -> None:
    under_heading = (
        "Experience\nSchool Caretaker, Hillside School, 2015 - Present\n"
        "Volunteer Experience\nFood Bank Helper, City Food Bank, 2021 - Present\n"
    )
    in_title = "Experience\nSchool Caretaker, Hillside School, 2015 - Present\nVolunteer Coach, 2021 - Present\n"
    assert _recent(under_heading) == "School Caretaker"
    assert _recent(in_title) == "School Caretaker"


def test_an_older_titled_role_never_stands_in_for_a_newer_untitled_one() -> None:
    cv = (
        "Experience\n03/2019 to Current\nCompany Name – City, State\n- Ran the evening service.\n"
        "Line Cook\n01/2014 to 02/2019\nCompany Name – City, State\n- Prepared sauces.\n"
    )
    assert _recent(cv) == ""
    assert not _summary(SOUS_CHEF, cv).startswith("Most recently Line Cook")


def test_the_most_recent_title_is_never_a_date_word() -> None:
    cv = "Experience\nLine Cook, 2014 - 2019\n- Prepared sauces.\nPresent\nJune 2019\n- Ran the pass.\n"
    summary = _summary(SOUS_CHEF, cv)
    assert _recent(cv) == ""
    for word in ("Current", "to", "Present", "June", "State"):
        assert not summary.startswith(f"Most recently {word}"), summary


def test_a_range_the_reader_turned_round_names_no_older_title() -> None:
    cv = (
        "Experience\nCompany Name May 2013 to January 2015 Digital Marketing Specialist\nCity , State\n- Ran ads.\n"
        "Company Name Current to January 2015\nCity , State\n- Led accounts.\n"
    )
    assert _recent(cv) == ""
