"""Ranking rules a recruiter states for any job: a title ask is proven by a post held, not by the
title's words used for the work; an administrative coordinator holds an office support post."""

from __future__ import annotations

import datetime as dt

from cvmatch_app.engine import LocalEngine
from cvmatch_app.engine.evidence import Finding, _one_answer_per_ask
from cvmatch_app.engine.job_profile import Requirement
from cvmatch_app.engine.lexicon import TITLE
from cvmatch_app.engine.work_history import Role

ENGINE = LocalEngine(today=dt.date(2026, 11, 1))


def _row(jd: str, cv: str, requirement: str) -> dict:
    evidence = ENGINE.assess_sync(ENGINE.prepare_job(jd), cv, []).evidence
    return next(e for e in evidence if e["requirement"].lower().startswith(requirement.lower()))


def _met(jd: str, cv: str, requirement: str) -> float:
    row = _row(jd, cv, requirement)
    return float(row["strength"]) if row["met"] else 0.0


# ------------------------------------------------------------------ a title ask needs the post held
def _title_asks() -> tuple[Requirement, Requirement]:
    title = Requirement("Experience as Customer Service Representative", "must", TITLE, ["customer_service"])
    title.source = "Customer Service Representative (Contact Center)"
    work = Requirement("Customer service", "nice", TITLE, ["customer_service"], asked=["customer service"])
    work.source = "You bring at least one year of customer service experience, ideally in a call center."
    return title, work


def test_the_work_named_in_a_summary_does_not_prove_the_title_asked() -> None:
    # Invented: a summary using the title's words for the work proves the work ask, not the post held.
    title, work = _title_asks()
    line = "Dance teacher who is cheerful and patient, providing exceptional customer service."
    findings = [Finding(title, 0.5, "Help shoppers in the fitting rooms.", "customer service"),
                Finding(work, 1.0, line, "customer service")]  # fmt: skip
    assert _one_answer_per_ask(findings)[0].met == 0.5


def test_a_post_held_for_another_ask_still_proves_the_title() -> None:
    title, work = _title_asks()
    role = Role("Customer Service Representative", 2015.0, 2020.0, "2015 - 2020", 3, 5)
    findings = [Finding(title, 0.5, "Help shoppers in the fitting rooms.", "customer service"),
                Finding(work, 1.0, "Customer Service Representative (2015 - 2020)", role.title, [role])]  # fmt: skip
    assert _one_answer_per_ask(findings)[0].met == 1.0


# ------------------------------------------------------------------ an office support post by another name
ADMIN_JOB = (
    "Administrative Assistant\nThe right person has at least two years of experience as an administrative "
    "assistant, office coordinator, secretary or in a similar office support role. A high school diploma "
    "is required."
)


def test_an_administrative_coordinator_holds_the_office_support_post() -> None:
    coordinator = (
        "ADMINISTRATIVE COORDINATOR\nExperience\nAdministrative Coordinator 08/2014 to Current Company Name - City\n"
        "Schedule meetings, prepare correspondence and keep department files.\nEducation\nHigh School Diploma 2008"
    )
    assert _met(ADMIN_JOB, coordinator, "Administrative assistant") == 1.0


# ------------------------------------------------------------------ selling to businesses in other words
AE_JOB = (
    "Account Executive, Mid-Market (New Business)\nRequirements:\n"
    "- 3+ years of closing experience in B2B sales\n- Salesforce or a comparable CRM"
)


def test_selling_to_corporate_executives_is_business_to_business() -> None:
    # Invented: a new-business director whose clients are named by their executives, not as "B2B".
    director = (
        "NEW BUSINESS DIRECTOR\nExperience\nNew Business Director 01/2012 to 01/2018 Company Name - City\n"
        "Sourced new accounts and maintained relationships with corporate executives at large manufacturers.\n"
        "Education\nBachelor of Arts 2005"
    )
    assert _met(AE_JOB, director, "B2B") >= 0.7


# ------------------------------------------------------------------ a title placed elsewhere is other work
ACTIVITIES_JOB = (
    "Activities Coordinator\nRequirements:\n"
    "- 1+ year of experience planning and leading group activities or recreation programs\n"
    "- CPR or First Aid"
)


def test_an_office_title_that_reads_like_the_job_gives_no_years_in_it() -> None:
    # Invented: an administrative coordinator's years are office work, however alike the titles read.
    office = (
        "ADMINISTRATIVE COORDINATOR\nExperience\nAdministrative Coordinator 08/2014 to Current Company Name - City\n"
        "Schedule department meetings, prepare correspondence and keep student files.\nEducation\nBachelor of Arts 2008"
    )
    assert _met(ACTIVITIES_JOB, office, "1+ year") == 0.0


# ------------------------------------------------------------------ counter service is customer service
SERVICE_JOB = (
    "Customer Service Representative\nRequirements:\n"
    "- At least one year of customer service experience\n- High school diploma or GED"
)


def test_a_fast_food_crew_role_serving_customers_counts_as_customer_service_years() -> None:
    # Invented: an untitled crew role whose lines greet, assist and answer customers' concerns.
    crew = (
        "Experience\nCrew Member Jan 2018 to Jun 2019\nCompany Name - City\n"
        "Greeted customers at the counter and took their orders.\n"
        "Assisted customers in person and by telephone.\n"
        "Resolved customer concerns quickly and politely.\nEducation\nHigh School Diploma 2017"
    )
    assert _met(SERVICE_JOB, crew, "1+ years") >= 0.7


# ------------------------------------------------------------------ a verb is no degree
def test_a_summary_that_masters_new_skills_holds_no_degree_in_the_asked_field() -> None:
    # Invented: the JD line also asks a diploma; the CV's summary "masters" concepts and names the field.
    jd = (
        "Customer Service Representative\n"
        "You bring at least one year of customer service experience and a high school diploma or GED."
    )
    summary = (
        "SHOP ASSISTANT\nSummary\nDance teacher who is cheerful and tidy, giving exceptional customer service; "
        "quickly learns and masters new routines.\nExperience\nShop Assistant 01/2017 to Current Company Name - City\n"
        "Stock shelves and fold garments.\nEducation\nHigh School Diploma 2011"
    )
    assert _met(jd, summary, "Customer service") < 0.7
