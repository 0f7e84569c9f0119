"""Role dates as CV builders print them: a lone start month, ranges written backwards, sentences."""

from __future__ import annotations

import pytest

from cvmatch_app.engine.cv_profile import build_cv_profile

NOW = 2026 + 11 / 12
DUTIES = (
    "Prepare journal entries and accruals for the monthly close.\n"
    "Reconcile balance sheet accounts and clear reconciling items every month.\n"
    "Maintain the fixed asset register and run depreciation.\n"
    "Prepare schedules for the external auditors and answer their requests.\n"
    "Prepare variance analysis to budget and forecast for management.\n"
)


def _roles(text: str) -> dict[str, tuple[float, float, bool]]:
    return {r.title: (r.start, r.end, r.ongoing) for r in build_cv_profile(text, NOW).roles}


def test_a_lone_month_over_a_paragraph_of_work_starts_the_role() -> None:
    text = (
        "Experience\nCompany Name City , State Corporate Accountant 04/2013\n"
        + DUTIES
        + "Company Name City , State Accountant 05/2011\n"
        + DUTIES
        + "Company Name City , State Senior Accountant 07/2012 to 04/2013\nPrepared billing.\n"
    )
    roles = _roles(text)
    start, end, ongoing = roles["Corporate Accountant"]
    assert start == pytest.approx(2013.25) and ongoing  # since April 2013, not one month
    start, end, ongoing = roles["Accountant"]
    # Until the next role began (July 2012), not May 2011 alone.
    assert (start, end, ongoing) == (pytest.approx(2011 + 4 / 12), pytest.approx(2012.5), False)


def test_a_one_line_role_or_a_summer_job_under_one_month_stays_a_month() -> None:
    text = (
        "Experience\nFloral Designer Freelancer 06/2017\nWedding flowers for one event.\n"
        "July 2006\nCompany Name City , State Summer Analyst\n"
        + DUTIES
        + "Floral Designer 08/2011 to 06/2013\nArranged flowers.\n"
    )
    roles = _roles(text)
    start, end, _ = roles["Floral Designer Freelancer"]
    assert end - start == pytest.approx(1 / 12, abs=0.01)
    start, end, _ = roles["Summer Analyst"]
    assert end - start == pytest.approx(1 / 12, abs=0.01)


def test_current_to_a_date_is_from_that_date_to_now() -> None:
    text = (
        "Experience\nCompany Name May 2013 to January 2015 Digital Marketing Specialist\nRan campaigns.\n"
        "Company Name Current to January 2015 Account Director Account Director\nLed accounts.\n"
    )
    roles = _roles(text)
    start, end, ongoing = roles["Account Director"]  # printed twice by the builder: named once
    assert start == pytest.approx(2015.0) and ongoing and end == pytest.approx(NOW)


def test_a_range_written_backwards_is_read_the_right_way_round() -> None:
    text = "Experience\nCorporate Tax Analyst January 2011 to November 2010 Company Name\nFiled returns.\n"
    start, end, _ = _roles(text)["Corporate Tax Analyst"]
    assert (start, end) == (pytest.approx(2010 + 10 / 12), pytest.approx(2011 + 1 / 12))


def test_a_month_inside_a_sentence_broken_over_lines_is_no_role() -> None:
    text = (
        "Experience\nSenior Accountant September 2011 to November 2014 Company Name\n"
        "Special Project: clear aged variances\nStarting in January 2014\n"
        "reduced leasing contract variances for the maintenance accounts\n"
    )
    assert list(_roles(text)) == ["Senior Accountant"]
