"""Care and social-services asks read as a recruiter reads them: crisis counselling, victim advocacy and
social work posts are social-services work, and a caseload is case management."""

from __future__ import annotations

import datetime as dt

from cvmatch_app.engine import LocalEngine

ENGINE = LocalEngine(today=dt.date(2026, 11, 1))

CARE_JOB = (
    "Care Coordinator\nRequirements:\n"
    "- 2+ years of experience in care coordination, case management, patient navigation or social services\n"
    "- Experience with an electronic health record\n"
)


def _row(jd: str, cv: str, requirement: str) -> dict:
    evidence = ENGINE.assess_sync(ENGINE.prepare_job(jd), cv, []).evidence
    return next(e for e in evidence if e["requirement"].lower().startswith(requirement.lower()))


def test_victim_advocacy_and_crisis_counselling_are_social_services_years() -> None:
    cv = (
        "Experience\nDomestic Violence Crisis Counselor / Victim Advocate, Harbor Shelter, 2017 - 2021\n"
        "- Counselled survivors and accompanied them to court and hospital appointments\n"
    )
    row = _row(CARE_JOB, cv, "2+ years")
    assert row["met"] and float(row["strength"]) == 1.0


def test_a_social_work_placement_with_a_caseload_is_case_management() -> None:
    cv = (
        "Experience\nClinical Social Work Intern, Lakeside Family Services, 2018 - 2020\n"
        "- Maintained a caseload of 15 families and wrote their service plans\n"
    )
    row = _row(CARE_JOB, cv, "2+ years")
    assert row["met"] and float(row["strength"]) == 1.0


# ------------------------------------------------------------------ a title listing several posts
LOAN_JOB = (
    "Mortgage Loan Processor\nRequirements:\n- 2+ years of mortgage loan processing experience\n"
    "- Proficient in Microsoft Office\n"
)


def test_each_post_of_a_slashed_title_is_read_on_its_own() -> None:
    cv = (
        "Experience\nOffice Administrator / Processing Manager / Payroll Officer, Valley Lending, 2015 - 2016\n"
        "- Closing files, process loans and supervise other processors, payroll\n"
        "Store Clerk, Corner Shop, 2010 - 2015\n- Served customers\n"
    )
    title = _row(LOAN_JOB, cv, "Experience as")
    years = _row(LOAN_JOB, cv, "2+ years")
    assert title["met"] and "Processing Manager" in title["cv_line"]
    assert years["found"] == "1 year" and "Processing Manager" in years["cv_line"]


def test_slashes_between_single_words_join_specialities_of_one_post() -> None:
    cv = (
        "Experience\nPCR/SDS/Lab Equipment Field Specialist, Bio Instruments, 2015 - 2020\n"
        "- Installed instruments; helped process loans of demo units to other processors\n"
    )
    assert not _row(LOAN_JOB, cv, "Experience as")["met"]


def test_a_side_of_a_list_naming_the_jobs_own_work_is_met_by_the_job_itself() -> None:
    jd = (
        "Care Coordinator\nRequirements:\n"
        "- 2+ years of experience in care coordination, case management, patient navigation or social services\n"
    )
    cv = (
        "Experience\nCare Coordinator, Riverside Family Practice, 2016 - 2022\n"
        "- Coordinated referrals and follow-up visits between primary care and specialists\n"
    )
    assert _row(jd, cv, "Case management")["met"]
