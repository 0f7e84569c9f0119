"""Soft-skill and field-of-work claims a recruiter can trust: a soft skill is a strength only where the CV
names it or its work shows it, a field of work is shown by the work history, and words in another sense
(communications cabling, retail packaging, a hospital gala) show neither."""

from __future__ import annotations

import datetime as dt

from cvmatch_app.engine import LocalEngine

ENGINE = LocalEngine(today=dt.date(2026, 11, 1))


def _row(jd: str, cv: str, requirement: str) -> dict:
    """The evidence row of the requirement named exactly so, else the first whose name starts so."""
    evidence = ENGINE.assess_sync(ENGINE.prepare_job(jd), cv, []).evidence
    exact = [e for e in evidence if e["requirement"].lower() == requirement.lower()]
    return (exact or [e for e in evidence if e["requirement"].lower().startswith(requirement.lower())])[0]


def _met(jd: str, cv: str, requirement: str) -> float:
    row = _row(jd, cv, requirement)
    return float(row["strength"]) if row["met"] else 0.0


# ------------------------------------------------------------------ soft skills
CARE_JOB = (
    "Care Coordinator\nRequirements:\n- Case management experience\n"
    "- Excellent communication and organizational skills\n- Empathy and patience with patients of all backgrounds"
)
WORK = "Experience\nOffice Assistant, Lakeside Dental, 2015 - 2020\n- Answered phones and booked appointments\n"


def test_a_neighbouring_word_is_no_soft_skill() -> None:
    """ "Friendly" is not empathy, "time management" is not organisation."""
    cv = WORK + "Skills\nProfessional and friendly, Time management, Filing"
    assert _met(CARE_JOB, cv, "Empathy") == 0.0
    assert _met(CARE_JOB, cv, "Organizational skills") == 0.0


def test_a_soft_skill_named_in_the_cv_is_shown() -> None:
    cv = WORK + "Skills\nStrong organizational skills, compassionate listener"
    assert _met(CARE_JOB, cv, "Organizational skills") > 0
    assert _met(CARE_JOB, cv, "Empathy") > 0


def test_communications_cabling_is_no_communication_skill() -> None:
    cv = (
        "Experience\nField Technician, LineWorks, 2012 - 2020\n"
        "- Maintained the region's communications infrastructure for cable operators\n"
    )
    assert _met(CARE_JOB, cv, "Communication") == 0.0


def test_work_that_shows_a_soft_skill_proves_it() -> None:
    """ "Presented results to the board" shows communication; the same word in a hobby does not."""
    jd = "Office Manager\nRequirements:\n- Office management experience\n- Excellent communication skills"
    at_work = "Experience\nOffice Manager, Pine Ltd, 2014 - 2022\n- Presented monthly results to the board of directors"
    hobby = (
        "Experience\nOffice Manager, Pine Ltd, 2014 - 2022\n- Ordered supplies and kept the filing\n"
        "Interests\nPresented a talk at the local chess club"
    )
    assert _met(jd, at_work, "Communication") > 0
    assert _met(jd, hobby, "Communication") == 0.0


def test_supervising_a_crew_shows_leading_a_team() -> None:
    jd = "Kitchen Lead\nRequirements:\n- Line cook experience\n- Experience leading a team"
    crew = "Experience\nLine Cook, Harbour Grill, 2015 - 2022\n- Supervised 8 cooks across two shifts"
    alone = "Experience\nLine Cook, Harbour Grill, 2015 - 2022\n- Prepared sauces and grilled fish to order"
    assert _met(jd, crew, "Leading a team") > 0
    assert _met(jd, alone, "Leading a team") == 0.0


def test_training_new_hires_shows_staff_training() -> None:
    jd = "Store Supervisor\nRequirements:\n- Retail experience\n- Staff training experience"
    cv = "Experience\nSales Associate, Corner Books, 2016 - 2022\n- Trained new hires on the till and stock rotation"
    assert _met(jd, cv, "Staff training") > 0


# ------------------------------------------------------------------ fields of work
HEALTH_JOB = "IT Support Technician\nRequirements:\n- Help desk experience\n- Experience in a healthcare setting"
DESK = "Help Desk Technician, Pine Bank, 2015 - 2022\n- Reset passwords and resolved tickets\n"


def test_a_field_named_only_in_a_skills_list_or_a_course_is_not_work_in_it() -> None:
    skills = "Experience\n" + DESK + "Skills\nHealthcare, Windows, Active Directory"
    course = "Experience\n" + DESK + "Education\nCourse: Introduction to Healthcare Systems, City College, 2014"
    assert _met(HEALTH_JOB, skills, "Healthcare") < 0.7
    assert _met(HEALTH_JOB, course, "Healthcare") < 0.7


def test_a_field_is_shown_by_a_line_of_the_work_history() -> None:
    cv = "Experience\n" + DESK + "Help Desk Technician, Riverside Hospital, 2010 - 2015\n- Supported ward computers"
    assert _met(HEALTH_JOB, cv, "Healthcare") >= 0.7


def test_a_summary_stating_years_in_the_field_shows_it_but_a_wish_does_not() -> None:
    years = "Summary\nTechnician with six years of experience in the healthcare field.\nExperience\n" + DESK
    wish = "Summary\nTechnician passionate about healthcare and patients.\nExperience\n" + DESK
    assert _met(HEALTH_JOB, years, "Healthcare") >= 0.7
    assert _met(HEALTH_JOB, wish, "Healthcare") < 0.7


def test_a_hospital_charity_gala_is_no_healthcare_work() -> None:
    cv = "Experience\n" + DESK + "- Donated prints to charity auctions such as the City Children's Hospital Gala"
    assert _met(HEALTH_JOB, cv, "Healthcare") < 0.7


def test_retail_packaging_and_an_accounting_package_name_no_field() -> None:
    retail_jd = "Digital Marketer\nRequirements:\n- Google Ads\n- Experience in retail"
    packaging = "Experience\nDesigner, Box Co, 2012 - 2020\n- Designed retail packaging for kitchen appliances"
    assert _met(retail_jd, packaging, "Retail") < 0.7
    hr_jd = "HR Generalist\nRequirements:\n- HR generalist experience\n- Manufacturing experience"
    package = (
        "Experience\nOffice Manager, Lane Ltd, 2012 - 2020\n"
        "- Moved the books from Peachtree for Manufacturing to QuickBooks"
    )
    assert _met(hr_jd, package, "Manufacturing") < 0.7


# ------------------------------------------------------------------ credentials and education
def test_a_fully_credentialed_lpn_meets_an_lpn_beside_a_degree() -> None:
    jd = (
        "Care Coordinator\nRequirements:\n- Case management experience\n"
        "- Bachelor's degree in social work, nursing or a related field, or an LPN/Medical Assistant certificate"
    )
    cv = (
        "Summary\nFully credentialed LPN with experience caring for patients on a surgical ward.\n"
        "Experience\nCaregiver, Sunrise Homes, 2015 - 2020\n- Helped residents with meals and mobility"
    )
    row = _row(jd, cv, "Bachelor's degree or LPN")
    assert row["met"] and float(row["strength"]) >= 0.7


ELEMENTARY_JOB = (
    "Elementary Classroom Teacher, Grades 3-5\nRequirements:\n- Bachelor's degree\n"
    "- At least one year of classroom teaching in an elementary school"
)


def test_a_degree_in_elementary_education_shows_the_elementary_level_but_not_the_years_there() -> None:
    cv = (
        "Experience\nTeaching Assistant, Oak High School, 2018 - 2022\n- Supported science lessons for grade 10\n"
        "Education\nBA: Elementary Education, State University, 2018"
    )
    assert _met(ELEMENTARY_JOB, cv, "Elementary") > 0
    assert _met(ELEMENTARY_JOB, cv, "Elementary school") == 0.0


OSHA_JOB = "Site Supervisor\nRequirements:\n- 3+ years of construction experience\n- Knowledge of OSHA standards"
OSHA_30_JOB = "Site Supervisor\nRequirements:\n- 3+ years of construction experience\n- OSHA 30-hour card"
SITE = "Experience\nForeman, Bay Builders, 2015 - 2022\n- Poured footings and set forms\n"


def test_an_osha_card_of_either_length_shows_knowledge_of_osha_standards() -> None:
    assert _met(OSHA_JOB, SITE + "Certifications\nOSHA 10 card", "OSHA") >= 0.7
    assert _met(OSHA_JOB, SITE + "Certifications\nOSHA 30-Hour Construction, 2019", "OSHA") >= 0.7


def test_an_osha_10_card_is_not_the_osha_30_asked() -> None:
    assert _met(OSHA_30_JOB, SITE + "Certifications\nOSHA 10 card", "OSHA") < 0.7


def test_keeping_osha_300_logs_is_a_duty_not_an_osha_card() -> None:
    duty = SITE + "- Kept OSHA 300 logs current and filed incident reports"
    assert _met(OSHA_JOB, duty, "OSHA") < 0.7
    assert _met(OSHA_30_JOB, duty, "OSHA") < 0.7


def test_a_preschool_teachers_elementary_degree_shows_the_level_but_not_the_years_there() -> None:
    # The degree is the qualification for the level, whatever level the person has taught since.
    cv = (
        "Summary\nCaring teacher who keeps the preschool classroom calm and playful.\n"
        "Experience\nTeacher, Little Oaks, 2014 - 2022\n- Led circle time for 3-5 year olds\n"
        "Education\nBA: Elementary Education, State University, 2013"
    )
    assert _met(ELEMENTARY_JOB, cv, "Elementary") > 0
    assert _met(ELEMENTARY_JOB, cv, "Elementary school") == 0.0


def test_an_elementary_curriculum_degree_is_no_year_in_an_elementary_school() -> None:
    degree_only = (
        "Experience\nTutor, Bright Minds, 2016 - 2022\n- Tutored high school chemistry\n"
        "Education\nM.Ed., Elementary Curriculum Development, State University, 2015"
    )
    taught = (
        "Experience\nClassroom Teacher, Maple Academy, 2016 - 2022\n- Taught grades 2 and 4 in a mixed-age room\n"
        "Education\nM.Ed., Elementary Curriculum Development, State University, 2015"
    )
    assert _met(ELEMENTARY_JOB, degree_only, "Elementary school") == 0.0
    assert _met(ELEMENTARY_JOB, taught, "Elementary school") > 0
