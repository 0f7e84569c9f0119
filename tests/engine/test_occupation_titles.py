"""Occupations the hand lexicon does not know, placed by ESCO's titles and ISCO-08 groups (a fallback)."""

from __future__ import annotations

import datetime as dt
import gzip
from pathlib import Path

from cvmatch_app.engine import LocalEngine
from cvmatch_app.engine import occupation_titles as ot
from cvmatch_app.engine.job_profile import build_job_profile

ENGINE = LocalEngine(today=dt.date(2026, 11, 1))
DATA = Path(ot.__file__).with_name("data")

PROCESSOR_JD = """Mortgage Loan Processor
Move purchase and refinance loan files from application to closing: collect pay stubs, W-2s and
bank statements, order appraisals and title work, and clear underwriting conditions.
Requirements
- 2+ years of experience
- Microsoft Office
"""

PROCESSOR_CV = """Dana Reyes
Experience
Loan Processor, Harbor Home Loans, Jan 2019 - Present
Collected borrower documents, ordered appraisals and title, cleared underwriting conditions.
Skills
Microsoft Office
"""

# Same words about loans, but the titles held are a bank teller's and a cook's.
COOK_CV = """Sam Ortiz
Experience
Line Cook, The Grill House, Jan 2016 - Present
Prepared food on the grill station; helped my family with their loan application and closing.
Skills
Microsoft Office
"""


def test_the_index_carries_the_esco_notice_and_stays_small() -> None:
    head = gzip.open(DATA / "esco_titles.txt.gz", "rt", encoding="utf-8").readline()
    assert "This product uses the ESCO classification of the European Commission." in head
    assert (DATA / "esco_titles.txt.gz").stat().st_size < 400_000
    assert "ESCO" in (DATA / "NOTICE").read_text(encoding="utf-8")


def test_titles_the_lexicon_does_not_know_are_placed_in_isco_groups() -> None:
    assert ot.codes_of("Mortgage Loan Processor") == ["3312"]
    assert ot.codes_of("Head Sommelier") == ["5131"]
    assert ot.codes_of("Locksmith") == ["7222"]
    # The post word varies between employers, the work does not: "coordinator" is ESCO's "officer".
    assert "3257" in ot.codes_of("Construction Safety Coordinator")
    # One word of a longer title is no occupation unless the rest is a level: a patient advocate is no lawyer.
    assert ot.codes_of("Patient Advocate") == []
    assert ot.codes_of("Licensed Locksmith") == ["7222"]
    # A level word alone names no occupation.
    assert ot.codes_of("Senior Manager") == []


def test_isco_groups_set_how_near_two_occupations_are() -> None:
    processor = ot.occupation_of("Loan Processor")
    assert processor is not None
    assert ot.closeness(processor, ot.title_reading("Mortgage Loan Processor II")) == ot.SAME_OCCUPATION
    assert ot.closeness(processor, ot.occupation_of("Mortgage Loan Underwriter")) == ot.SAME_UNIT_GROUP
    assert ot.closeness(processor, ot.occupation_of("Mortgage Broker")) == ot.SAME_MINOR_GROUP
    nurse = ot.Occupation(frozenset({"2221"}), frozenset())
    associate = ot.Occupation(frozenset({"3221"}), frozenset())
    assert ot.closeness(nurse, associate) == ot.FAR_APART
    assert ot.lower_level(nurse, associate)  # a nursing associate for a nurse: far apart, and lower
    assert not ot.lower_level(associate, nurse)


def test_cv_titles_the_lexicon_knows_keep_its_reading() -> None:
    # ESCO files "account manager" under loan officers (3312); the lexicon reads it as sales.
    reading = ot.title_reading("Major Accounts Manager")
    assert reading is not None and not reading.by_esco and "3312" not in reading.codes
    # ...unless ESCO names more of the title: a mortgage consultant is no management consultant.
    mortgage = ot.title_reading("Senior Mortgage Consultant")
    assert mortgage is not None and mortgage.by_esco and "2421" not in mortgage.codes
    # The lexicon reads "Construction Supervisor", ESCO the rest: a safety professional.
    both = ot.title_reading("Safety Professional / Construction Supervisor")
    assert both is not None and both.by_esco and "3257" in both.codes


def test_a_neighbour_of_the_unit_group_is_related_not_the_title_held() -> None:
    job = ENGINE.prepare_job("Activities Coordinator\nPlan and lead group activities for residents.\n")
    card = ENGINE.assess_sync(
        job, "Experience\nPersonal Trainer, City Gym, Jan 2015 - Present\nLed group fitness classes.\n", []
    )
    title = next(e for e in card.evidence if e["requirement"].startswith("Experience as"))
    assert not title["met"] and "Personal Trainer" in title["cv_line"]  # ISCO 3423 both: a neighbour
    assert card.score < 60


def test_a_job_title_only_esco_knows_is_an_ask_and_not_a_duty_word() -> None:
    job = build_job_profile(
        "Construction Safety Coordinator\nWalk jobsites daily, run safety audits and work with superintendents.\n"
        "Requirements\n- OSHA 30\n"
    )
    # Before: the duties' "audits" and "superintendents" made the job an auditor's and a site manager's.
    assert job.title_concepts == []
    assert "3257" in job.occupation_codes
    assert job.requirements[0].label == "Experience as Construction Safety Coordinator"


def test_the_esco_title_is_asked_even_beside_other_titles_the_jd_names() -> None:
    job = build_job_profile(
        "Care Coordinator\nCall patients after discharge and book follow-up visits.\n"
        "Requirements\n- A bachelor's degree in social work, or an LPN credential\n"
    )
    assert job.occupation_codes == ["2635"]
    assert job.requirements[0].label == "Experience as Care Coordinator"  # the LPN is another occupation


def test_known_occupations_are_left_to_the_lexicon() -> None:
    job = build_job_profile("Registered Nurse\nMed-surg unit. Requirements: RN license, BLS.")
    assert job.title_concepts == ["registered_nurse"]
    assert job.occupation_codes == []


def test_the_title_held_in_the_esco_group_is_a_strength_and_its_years_count() -> None:
    job = ENGINE.prepare_job(PROCESSOR_JD)
    card = ENGINE.assess_sync(job, PROCESSOR_CV, [])
    title = next(e for e in card.evidence if e["requirement"].startswith("Experience as"))
    assert title["met"] and "Loan Processor" in title["cv_line"]
    years = next(e for e in card.evidence if e["category"] == "years")
    assert years["met"]


def test_a_cv_whose_titles_esco_places_far_away_ranks_below_the_occupation_held() -> None:
    job = ENGINE.prepare_job(PROCESSOR_JD)
    held = ENGINE.assess_sync(job, PROCESSOR_CV, []).score
    cook = ENGINE.assess_sync(job, COOK_CV, [])
    assert held >= 60 > cook.score
    title = next(e for e in cook.evidence if e["requirement"].startswith("Experience as"))
    assert not title["met"]


def test_a_title_containing_the_jobs_own_is_held_at_any_level_or_setting() -> None:
    job = ENGINE.prepare_job(
        "Locksmith\nInstall and rekey locks, open lockouts.\nRequirements\n- 2+ years of experience\n"
    )
    card = ENGINE.assess_sync(
        job, "Experience\nMobile Locksmith, KeyPro Services, Jan 2018 - Present\nRekeyed locks and cut keys.\n", []
    )
    title = next(e for e in card.evidence if e["requirement"].startswith("Experience as"))
    assert title["met"] and "Mobile Locksmith" in title["cv_line"]
    years = next(e for e in card.evidence if e["category"] == "years")
    assert years["met"]


def test_an_employer_line_above_the_title_leaves_the_title_to_the_next_line() -> None:
    job = build_job_profile("City of Springfield\nBuilding Inspector\nInspect new homes for code compliance.\n")
    assert job.title == "Building Inspector" and job.occupation_codes == ["3112"]
    # A title the lexicon knows on that line stays the lexicon's.
    dental = build_job_profile("Harbor Dental Group\nDental Assistant\nAssist the dentist chairside.\n")
    assert "dental_assistant" in dental.title_concepts and dental.occupation_codes == []


# A related title of the job's ISCO family (mortgage broker, 3311, beside the loan officer's 3312).
CONSULTANT_DOING_THE_WORK_CV = """Robin Hale
Experience
Mortgage Consultant, Harbor Home Loans, Jan 2017 - Present
Collected pay stubs, W-2s and bank statements from borrowers and ordered appraisals and title work.
Moved purchase and refinance loan files from application to closing and cleared underwriting conditions.
Skills
Microsoft Office
"""

CONSULTANT_SELLING_CV = """Kim Lowe
Experience
Mortgage Consultant, Harbor Home Loans, Jan 2017 - Present
Made 80 cold calls a day and met the monthly sales quota for the branch.
Won the regional sales contest twice and trained new callers on phone scripts.
Skills
Microsoft Office
"""


def test_a_related_title_doing_the_jds_work_counts_its_years_but_is_not_the_title() -> None:
    job = ENGINE.prepare_job(PROCESSOR_JD)
    doing = ENGINE.assess_sync(job, CONSULTANT_DOING_THE_WORK_CV, [])
    selling = ENGINE.assess_sync(job, CONSULTANT_SELLING_CV, [])
    # The JD's work done under a related title: its years count toward the score in full...
    years = next(e for e in doing.evidence if e["category"] == "years")
    assert years["strength"] >= 1.0 and "Mortgage Consultant" in years["cv_line"]
    # ...but they are related work, not years as a loan processor: the card does not state the years asked
    # as met (a recruiter read "N years of relevant experience" as years in the job), it says so in the gap.
    assert not years["met"]
    assert any("in related work" in gap and "Mortgage Consultant" in gap for gap in doing.gaps)
    # The title itself stays a gap that names the related role: a consultant is no processor.
    title = next(e for e in doing.evidence if e["requirement"].startswith("Experience as"))
    assert not title["met"] and "Mortgage Consultant" in title["cv_line"]
    # The same title whose lines are other work earns neither.
    years_selling = next(e for e in selling.evidence if e["category"] == "years")
    assert not years_selling["met"]
    assert doing.score >= 60 > selling.score


ACTIVITIES_JD = """Activities Coordinator
Plan and lead a monthly calendar of group activities, music and outings for residents.
Requirements
- 1+ year of experience leading group activities
"""

# The title written in lower case before the dates, on the role's own line.
LOWER_CASE_TITLE_CV = """Jordan Park
Experience
Recreation activity coordinator 03/2019 to Current Company Name City , State
Planned and led group games, music sessions and outings for forty residents.
Guidance Counselor 02/2012 to 02/2019 Company Name City , State
Met with students about course choices.
"""


def test_a_role_whose_title_the_reader_missed_is_read_from_its_own_line() -> None:
    job = ENGINE.prepare_job(ACTIVITIES_JD)
    card = ENGINE.assess_sync(job, LOWER_CASE_TITLE_CV, [])
    title = next(e for e in card.evidence if e["requirement"].startswith("Experience as"))
    assert title["met"] and "Recreation activity coordinator" in title["cv_line"]
    years = next(e for e in card.evidence if e["category"] == "years")
    assert years["met"]


CARE_JD = """Care Coordinator
Call patients after a hospital discharge, review their medications and book follow-up visits.
Coordinate referrals to specialists, home health and community resources.
Requirements
- 2+ years of experience
"""

# The same duties written under a lower occupation (ISCO 3412 beside the coordinator's 2635).
ASSISTANT_DOING_THE_DUTIES_CV = """Lee Carter
Experience
Social Work Assistant, Northside Clinic, Jan 2018 - Present
Called patients after a hospital discharge, reviewed their medications and booked follow-up visits.
Coordinated referrals to specialists, home health and community resources.
"""


def test_a_lower_occupation_doing_the_duties_stays_below_interview() -> None:
    job = ENGINE.prepare_job(CARE_JD)
    card = ENGINE.assess_sync(job, ASSISTANT_DOING_THE_DUTIES_CV, [])
    years = next(e for e in card.evidence if e["category"] == "years")
    assert not years["met"]  # another occupation's years, however alike its lines read
    assert card.score < 60
