"""Reading job descriptions from many industries: must vs nice, years, credentials, education,
"X or Y" alternatives, prose without a requirements list."""

from __future__ import annotations

import pickle

import pytest

from cvmatch_app.engine import LocalEngine
from cvmatch_app.engine.job_profile import MUST, NICE, JobProfile

from .cases import JOBS

ENGINE = LocalEngine()


def _find(job: JobProfile, concept: str) -> list:
    return [r for r in job.requirements if concept in r.alternatives and r.category != "years"]


def _kind(job: JobProfile, concept: str) -> str:
    found = _find(job, concept)
    assert found, f"{concept} not read from the JD: {[r.label for r in job.requirements]}"
    return found[0].kind


@pytest.mark.parametrize(
    "job_id, musts, nices, min_years",
    [
        ("icu_nurse", ["rn_licence", "bls", "acls", "ehr"], ["nursing_degree"], 2),  # healthcare
        ("warehouse", ["forklift_cert", "warehouse_worker"], ["wms"], 1),  # logistics, prose
        ("software", ["python", "sql", "cloud", "containers"], ["iac"], 5),  # software
        ("accountant", ["excel", "accounting_software", "gaap", "bachelors"], ["cpa"], 3),  # finance, prose
        ("chef", ["food_manager_cert"], [], 3),  # hospitality
        ("teacher", ["teaching_licence", "bachelors"], ["teaching_skills"], 1),  # education
        ("truck_driver", ["cdl", "dot_compliance"], [], 2),  # transport
        ("hr", ["hr_skills"], ["hr_cert"], 3),  # HR
        ("electrician", ["electrician_licence", "osha"], [], 4),  # construction
        ("pilot", ["pilot_licence"], [], 0),  # aviation
        ("paralegal", ["paralegal"], ["bar_admission"], 2),  # legal
        ("graphic_designer", ["design_tools"], [], 2),  # design
    ],
)
def test_requirements_across_industries(job_id: str, musts: list[str], nices: list[str], min_years: float) -> None:
    job = ENGINE.prepare_job(JOBS[job_id])
    for concept in musts:
        assert _kind(job, concept) == MUST, concept
    for concept in nices:
        assert _kind(job, concept) == NICE, concept
    assert job.min_years == min_years


def test_alternatives_are_one_requirement() -> None:
    job = ENGINE.prepare_job("Requirements:\n- Experience with Epic or Cerner\n- AWS, Azure, or GCP\n- Python and SQL")
    epic = _find(job, "ehr")
    assert len(epic) == 1 and epic[0].label == "Epic or Cerner"
    assert len(_find(job, "python")) == 1 and len(_find(job, "sql")) == 1
    assert _find(job, "python")[0] is not _find(job, "sql")[0]


def test_or_between_credentials_groups_them() -> None:
    job = ENGINE.prepare_job("Requirements:\n- CNA certification or LPN license required\n- BLS")
    grouped = [r for r in job.requirements if set(r.alternatives) >= {"cna_cert", "lpn_licence"}]
    assert grouped and grouped[0].kind == MUST


def test_nice_cues_override_a_requirements_section() -> None:
    job = ENGINE.prepare_job(
        "Requirements:\n- Valid Class A CDL\n- Hazmat endorsement is a plus\n- TWIC card preferred"
    )
    assert _kind(job, "cdl") == MUST
    nice = [r for r in job.requirements if r.kind == NICE]
    assert any("TWIC" in r.label or "twic" in r.terms for r in nice)


def test_years_in_words_and_ranges() -> None:
    assert ENGINE.prepare_job("Requirements: five years of experience as a welder.").min_years == 5
    assert ENGINE.prepare_job("Requirements:\n- 3-5 years of bookkeeping experience").min_years == 3
    assert ENGINE.prepare_job("Preferred: 10+ years of sales experience").min_years == 0  # only preferred


def test_benefits_and_company_blurb_are_not_requirements() -> None:
    jd = (
        "Line Cook\nRequirements:\n- 2 years of line cook experience\nBenefits:\n- Health insurance\n- 401k match\n"
        "About us:\nWe are a hospital cafeteria serving nurses and doctors."
    )
    job = ENGINE.prepare_job(jd)
    assert not any("registered_nurse" in r.alternatives or "physician" in r.alternatives for r in job.requirements)


def test_title_and_prose_jd() -> None:
    jd = (
        "We are seeking a compassionate caregiver to support elderly clients in their homes with bathing, meals "
        "and medication reminders. A valid driver's license is required."
    )
    job = ENGINE.prepare_job(jd)
    assert "caregiver" in job.title_concepts
    assert _kind(job, "driving_licence") == MUST


def test_job_profile_is_plain_picklable_data() -> None:
    job = ENGINE.prepare_job(JOBS["icu_nurse"])
    again = pickle.loads(pickle.dumps(job))
    assert again == job


# ------------------------------------------------------------------ the lexicon itself
def test_lexicon_refuses_a_synonym_two_concepts_claim() -> None:
    from cvmatch_app.engine.lexicon import DuplicateSynonym, Lexicon

    with pytest.raises(DuplicateSynonym, match="night audit"):
        Lexicon("audit | skill | finance | audit; night audit\nhotel | field | hotel | hotel; night audit")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Logged 900 hours IFR and VFR", ["flight_hours", "flight_hours"]),  # an acronym as written
        ("Reports under IFRS", ["gaap"]),  # not the plural of IFR
        ("Keep the supplier master data clean", []),  # "master" alone is no degree
        ("Won the Golf Master trophy", []),
        ("Master's degree in public health", ["masters"]),
        ("Master of Arts, 2015", ["masters"]),
        ("Track click-through rate (CTR) and cost per acquisition (CPA)", []),  # spelled out just before
        ("Certified Public Accountant (CPA)", ["cpa"]),
    ],
)
def test_words_that_only_look_like_a_concept(text: str, expected: list[str]) -> None:
    from cvmatch_app.engine.lexicon import get_lexicon

    assert [h.concept for h in get_lexicon().find(text)] == expected


# ------------------------------------------------------------------ requirements traced to the JD
def _asks(jd: str) -> list:
    return ENGINE.prepare_job(jd).requirements


def test_a_deadline_in_months_is_no_years_requirement() -> None:
    reqs = _asks("Paramedic\nRequirements:\n- PALS certification within 3 months of starting\n- EMT licence")
    assert not [r for r in reqs if r.category == "years"]


def test_an_occupation_named_as_the_audience_is_no_ask() -> None:
    reqs = _asks("Account Manager\nRequirements:\n- Experience selling to nursing teams and hospital buyers\n- CRM")
    assert not [r for r in reqs if "registered_nurse" in r.alternatives]


def test_a_word_inside_a_longer_phrase_is_not_its_own_ask() -> None:
    reqs = _asks("Tax Clerk\nRequirements:\n- File sales and use tax returns monthly\n- Excel")
    assert not [r for r in reqs if "sales_rep" in r.alternatives]
    assert all(r.source for r in reqs)  # every ask keeps the JD line that asks it


def test_what_the_title_names_beside_the_occupation_defines_the_role() -> None:
    job = ENGINE.prepare_job("Middle School Maths Teacher\nRequirements:\n- Teaching licence\n- Lesson planning")
    subject = [r for r in job.requirements if "math_subject" in r.alternatives]
    assert subject and subject[0].kind == MUST and subject[0].defining
    licence = [r for r in job.requirements if "teaching_licence" in r.alternatives][0]
    assert licence.defining  # the title's own licence
    assert subject[0].weight == licence.weight == max(r.weight for r in job.requirements)


def test_two_named_skills_of_one_concept_stay_two_asks() -> None:
    reqs = _asks("Line Cook\nRequirements:\n- Sharp knife skills\n- Experience in a high volume kitchen")
    labels = {r.label.lower() for r in reqs if "culinary_skills" in r.alternatives}
    assert {"knife skills", "high volume kitchen"} <= labels


def test_an_occupation_named_as_the_market_is_no_ask() -> None:
    reqs = _asks("Account Executive\nNice to have:\n- Experience selling payroll software or HR tech")
    assert not [r for r in reqs if {"payroll", "hr"} & set(r.alternatives)]


@pytest.mark.parametrize(
    "jd, concept",
    [
        ("Designer\nRequirements:\n- A degree in design or visual communication", "communication"),
        ("Technician\nRequirements:\n- A driver's licence and reliable transport to reach sites", "problem_solving"),
        ("Office Assistant\nAbout the job:\nWe are a friendly, busy office of twelve.", "customer_focus"),
        ("Site Engineer\nRequirements:\n- Weekends on an on-call rotation", "monitoring"),
        ("Clerk\nRequirements:\n- Experience with an accounting system such as Sage", "accountant"),
    ],
)
def test_words_that_ask_nothing_of_the_candidate(jd: str, concept: str) -> None:
    assert not [r for r in _asks(jd) if concept in r.alternatives]


def test_the_pay_and_benefits_section_is_not_read_as_asks() -> None:
    jd = "Personal Trainer\nRequirements:\n- CPR\nCompensation and benefits\nA discount on retail and smoothies"
    assert not [r for r in _asks(jd) if "field_retail" in r.alternatives]


@pytest.mark.parametrize(
    "line, concept",
    [
        ("- Experience with a ledger system (Xero, NetSuite, Sage or similar)", "accounting_software"),
        ("- CompTIA A+, Network+ or a vendor certification", "it_certs"),
        ("- A fitness certification from a recognised body (NASM, ACE, ISSA, or similar)", "fitness_cert"),
        ("- Planning software such as Primavera P6 or MS Project", "pm_tools"),
    ],
)
def test_a_list_of_alternatives_is_one_requirement_not_one_per_item(line: str, concept: str) -> None:
    job = ENGINE.prepare_job(f"Coordinator\nRequirements:\n{line}\n- Good written English")
    assert len(_find(job, concept)) == 1, [r.label for r in job.requirements]


def test_a_list_joined_by_and_stays_separate_asks() -> None:
    job = ENGINE.prepare_job("Developer\nRequirements:\n- Python, Java and SQL")
    assert all(len(_find(job, c)) == 1 for c in ("python", "java", "sql"))


def test_or_similar_opens_the_list_to_any_member() -> None:
    job = ENGINE.prepare_job("Bookkeeper\nRequirements:\n- Accounting software (Xero, Sage or similar)")
    assert _find(job, "accounting_software")[0].open_list
    closed = ENGINE.prepare_job("Bookkeeper\nRequirements:\n- Xero or Sage")
    assert not _find(closed, "accounting_software")[0].open_list


def test_things_called_pluses_are_nice_to_have_in_a_prose_requirement() -> None:
    job = ENGINE.prepare_job(
        "Site Supervisor\nWe need five years of construction experience and a valid driver's license are required. "
        "A degree in civil engineering and first aid/CPR certification are pluses."
    )
    assert _kind(job, "bls") == NICE


def test_the_subject_of_a_degree_is_asked_by_the_degree_not_as_an_occupation() -> None:
    job = ENGINE.prepare_job(
        "AP Specialist\nRequirements:\n- 2+ years of accounts payable\n"
        "- Associate's or bachelor's degree in accounting or finance"
    )
    degree = [r for r in job.requirements if r.category == "edu"]
    assert degree and {"associate_degree", "bachelors"} <= set(degree[0].alternatives)
    assert not [r for r in job.requirements if "accountant" in r.alternatives]  # no "Accounting" title ask


def test_people_the_job_talks_to_and_the_job_s_hours_are_not_asks() -> None:
    job = ENGINE.prepare_job(
        "HR Generalist\nRequirements:\n- 3+ years in HR\n"
        "- Able to talk to a machine operator and a vice president with the same respect\n"
        "- Schedule is Monday to Friday, 8am to 5pm, with an on-call rotation one weekend a month"
    )
    assert not [r for r in job.requirements if r.category == "title" and "machine" in r.label.lower()]
    assert not [r for r in job.requirements if "schedule" in r.label.lower()]


def test_how_to_apply_and_the_legal_footer_are_not_requirements() -> None:
    job = ENGINE.prepare_job(
        "Software Developer\nRequirements:\n- Java, C# and SQL\n- Looking forward to receiving your resume!\n"
        "- Click the link at the bottom of this email to search all of our open positions\n"
        "- Copyright 1999 - 2019 . Example Recruiters, Inc\n- All rights reserved"
    )
    labels = " ".join(r.label.lower() for r in job.requirements)
    assert "resume" not in labels and "copyright" not in labels and "rights reserved" not in labels
    assert "click" not in labels
