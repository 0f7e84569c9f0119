"""What "Present" means on an old CV, and years counted from what a role did."""

from __future__ import annotations

import datetime as dt

import pytest

from cvmatch_app.engine import LocalEngine
from cvmatch_app.engine.cv_profile import build_cv_profile

TODAY = dt.date(2026, 11, 1)
NOW = 2026 + 11 / 12
ENGINE = LocalEngine(today=TODAY)


def _open_role_years(text: str) -> float:
    cv = build_cv_profile(text, NOW)
    (role,) = [r for r in cv.roles if r.ongoing]
    return role.years


# ------------------------------------------------------------------ "Present" on an old CV
def test_present_on_a_cv_dated_by_a_later_certificate_is_the_cvs_own_date() -> None:
    text = (
        "Experience\nLine Cook, Harbour Grill, June 2012 to Current\nPrepared sauces.\n"
        "Certifications\nServSafe Food Handler, March 2016\n"
    )
    # Written about 2016: four and a half years as a cook, not fourteen.
    assert _open_role_years(text) == pytest.approx(4.3, abs=0.1)


def test_a_current_cv_with_no_later_date_runs_to_today() -> None:
    # The same job since 2015 and nothing dated since: it may be a CV written today. Its career
    # is not cut to a year.
    text = "Experience\nHead Chef, The Old Mill Inn, Jan 2015 - Present\nRuns the kitchen.\n"
    assert _open_role_years(text) == pytest.approx(NOW - 2015, abs=0.05)


def test_a_recent_date_keeps_today() -> None:
    text = "Experience\nNurse, St. Anne's Hospital, Jan 2015 - Present\nCertifications\nBLS, May 2025\n"
    assert _open_role_years(text) == pytest.approx(NOW - 2015, abs=0.05)


def test_a_date_ahead_of_today_shows_a_current_cv() -> None:
    # A certificate dated after the open role began would date the CV; one that expires next year
    # shows it was written now.
    text = (
        "Experience\nRegistered Nurse, St. Anne's Hospital, Jan 2015 - Present\nMed-surg unit.\n"
        "Certifications\nACLS, 2019\nBLS, expires 06/2027\n"
    )
    assert _open_role_years(text) == pytest.approx(NOW - 2015, abs=0.05)


def test_a_past_expected_degree_dates_the_cv() -> None:
    text = (
        "Experience\nTeaching Assistant, Oakfield Primary School, 09/2014 - Present\nSupported reading groups.\n"
        "Education\nBA Education, Northgate University, expected May 2015\n"
    )
    assert _open_role_years(text) < 1.5


def test_a_degree_the_cv_awaited_dates_it() -> None:
    text = (
        "Experience\nReceptionist, Harbour Clinic, 09/2015 - Present\nGreeted patients.\n"
        "Education\nBA Business, Northgate University, candidate for graduation May 2015\n"
    )
    assert _open_role_years(text) < 1.5


def test_the_cvs_own_years_of_experience_date_it() -> None:
    text = (
        "Summary\nCook with nine years of experience in busy kitchens.\n"
        "Experience\nLead Cook, Harbour Grill, 06/2012 to Current\nCook, Blue Door Bistro, 06/2006 to 05/2012\n"
    )
    # 2006 + 9 = about 2015, far from today: the CV was written then.
    assert _open_role_years(text) == pytest.approx(3.0, abs=0.2)


def test_a_product_version_is_no_date() -> None:
    text = (
        "Experience\nIT Support Technician, Harbour Bank, Jan 2015 - Present\nMigrated users to Windows Server 2019.\n"
        "Skills\nOffice 2016, Active Directory\n"
    )
    assert _open_role_years(text) == pytest.approx(NOW - 2015, abs=0.05)


def test_years_requirement_on_an_old_cv_counts_to_the_cvs_date() -> None:
    jd = "Sous Chef\nRequirements:\n- 5+ years of experience as a sous chef\n- Food safety certification"
    cv = (
        "Jane Doe\nSous Chef\nExperience\nSous Chef, Harbour Grill, June 2013 to Current\nRan the line.\n"
        "Certifications\nServSafe Manager, April 2015\n"
    )
    result = ENGINE.assess_sync(ENGINE.prepare_job(jd), cv, [])
    years_row = next(e for e in result.evidence if e["category"] == "years")
    assert not years_row["met"]  # about two and a half years when the CV was written
    assert not any("13" in s and "years" in s for s in result.strengths)


# ------------------------------------------------------------------ years from what a role did
AP_JD = (
    "Accounts Payable Specialist\nRequirements:\n- 2+ years of accounts payable experience, full cycle\n"
    "- Invoice processing and vendor payments"
)


def _years_row(jd: str, cv: str) -> dict:
    result = ENGINE.assess_sync(ENGINE.prepare_job(jd), cv, [])
    return next(e for e in result.evidence if e["category"] == "years")


def test_a_role_whose_lines_show_accounts_payable_work_counts_as_ap_years() -> None:
    cv = (
        "Priya Raman\nExperience\nSenior Executive\nJanuary 2021 to January 2025 Company Name – City, State\n"
        "Led the accounts payable team for PO and non PO vendor invoices.\n"
        "Ran the weekly payment run and resolved invoice discrepancies with buyers.\n"
        "Reconciled supplier statements and set up vendor master records.\n"
    )
    row = _years_row(AP_JD, cv)
    assert row["met"] and row["found"] == "4 years"


def test_one_duty_phrase_is_no_occupation() -> None:
    cv = (
        "Priya Raman\nExperience\nSenior Executive\nJanuary 2021 to January 2025 Company Name – City, State\n"
        "Approved vendor invoices for the marketing budget.\nPlanned campaigns and events.\n"
    )
    assert not _years_row(AP_JD, cv)["met"]


def test_a_cook_who_answered_phones_has_no_admin_years() -> None:
    jd = (
        "Administrative Assistant\nRequirements:\n- 2+ years of experience as an administrative assistant\n"
        "- Microsoft Office"
    )
    cv = (
        "Sam Ortiz\nExperience\nLine Cook, Harbour Grill\nJanuary 2019 to January 2024\n"
        "Answered phones and took reservations.\nScheduled appointments for deliveries and handled correspondence "
        "with suppliers.\nOrdered office supplies and food stock; data entry of invoices.\n"
    )
    row = _years_row(jd, cv)
    assert not row["met"]


def test_premedia_work_counts_toward_graphic_design_years() -> None:
    jd = "Graphic Designer\nRequirements:\n- 3+ years of professional graphic design experience\n- Adobe InDesign"
    cv = (
        "Lee Park\nExperience\nDigital Premedia Specialist\n05/2019 to 05/2024 Company Name – City, State\n"
        "Prepared press ready artwork for packaging in InDesign and Illustrator.\n"
        "Ran preflight checks on customer files and managed the digital asset library.\n"
    )
    row = _years_row(jd, cv)
    assert row["met"] and row["found"] == "5 years"


def test_years_are_described_rounded_down() -> None:
    from cvmatch_app.engine.experience import describe_years

    # 1.75 years is short of a 2+ requirement: the card must not say "2 years found".
    assert describe_years(1.75) == "1.5 years"
    assert describe_years(2.0) == "2 years"
    assert describe_years(1.92) == "2 years"  # 23 months
    assert describe_years(4.33) == "4 years"


def test_the_summary_says_present_was_read_as_the_cvs_date() -> None:
    jd = "Line Cook\nRequirements:\n- 2+ years of experience as a line cook"
    cv = (
        "Sam Ortiz\nExperience\nLine Cook, Harbour Grill, June 2012 to Current\nPrepared sauces.\n"
        "Certifications\nServSafe Food Handler, March 2016\n"
    )
    summary = ENGINE.assess_sync(ENGINE.prepare_job(jd), cv, []).executive_summary
    assert "4 years of dated work as Line Cook" in summary
    assert "about 2016" in summary
