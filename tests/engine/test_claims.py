"""Strengths and gaps that say what the CV shows: a requirement's word in its own sense, degrees at the
level and in the field asked, and the phrasings people really use for the work."""

from __future__ import annotations

import datetime as dt

from cvmatch_app.engine import LocalEngine
from cvmatch_app.engine.lexicon import OTHER_SENSES, get_lexicon

ENGINE = LocalEngine(today=dt.date(2026, 11, 1))


def _met(jd: str, cv: str, requirement: str) -> float:
    evidence = ENGINE.assess_sync(ENGINE.prepare_job(jd), cv, []).evidence
    row = next(e for e in evidence if e["requirement"].lower().startswith(requirement.lower()))
    return float(row["strength"]) if row["met"] else 0.0


# ------------------------------------------------------------------ a word in another sense
def test_every_other_sense_names_a_concept_of_the_lexicon() -> None:
    concepts = get_lexicon().concepts
    assert OTHER_SENSES and all(cid in concepts for cid, _word in OTHER_SENSES)


def test_a_kitchen_that_was_remodelled_or_cleaned_beside_bathrooms_is_a_room_not_kitchen_work() -> None:
    jd = "Line Cook\nRequirements:\n- Kitchen experience\n- Food safety"
    carpenter = "Experience\nCarpenter, BuildCo, 2015 - Present\n- Repaired roofs and remodeled bathrooms and kitchens"
    cook = "Experience\nPrep Worker, Diner, 2015 - Present\n- Cut and chopped vegetables and cooked on a grill"
    chef = "Experience\nPrep Worker, Diner, 2015 - Present\n- Kept the kitchen stocked during service"
    assert _met(jd, carpenter, "Kitchen") == 0.0
    assert _met(jd, cook, "Kitchen") > 0
    assert _met(jd, chef, "Kitchen") > 0


def test_scheduling_staff_is_not_a_project_schedule() -> None:
    jd = "Construction Site Manager\nRequirements:\n- Scheduling\n- Subcontractors"
    rota = (
        "Experience\nRestaurant Manager, Bistro, 2015 - Present\n"
        "- Oversaw hiring, training and scheduling of all employees"
    )
    site = "Experience\nSite Manager, BuildCo, 2015 - Present\n- Developed project and production schedules"
    assert _met(jd, rota, "Scheduling") == 0.0
    admin = "Experience\nExecutive Assistant, Acme, 2015 - Present\nSkills\nrecruiting, scheduling, travel arrangements"
    assert _met(jd, admin, "Scheduling") == 0.0
    assert _met(jd, site, "Scheduling") > 0


def test_retail_banking_plate_presentation_and_a_team_of_illustrators_are_other_senses() -> None:
    retail = "Digital Marketer\nRequirements:\n- Retail experience\n- SEO"
    bank = "Experience\nMarketing Director, First Bank, 2010 - 2020\n- Led the retail banking deposit strategy\n- SEO"
    shop = "Experience\nMarketing Assistant, Shoe Shop, 2010 - 2020\n- Promoted retail products in store\n- SEO"
    assert _met(retail, bank, "Retail") == 0.0
    assert _met(retail, shop, "Retail") > 0
    design = "Graphic Designer\nRequirements:\n- Illustrator\n- Photoshop"
    team = (
        "Experience\nArt Director, Studio, 2010 - 2020\n"
        "- Supervised designers, copywriters and illustrators\n- Photoshop"
    )
    assert _met(design, team, "Illustrator") == 0.0
    assert _met(design, team + "\nSkills\nAdobe Illustrator", "Illustrator") > 0
    talk = "Account Executive\nRequirements:\n- Presentation skills\n- Cold calling"
    plate = "Experience\nLine Cook, Bistro, 2010 - 2020\n- Plate presentation skills\n- Cold calling"
    assert _met(talk, plate, "Presentation") == 0.0


def test_a_reading_level_is_not_the_grade_taught() -> None:
    jd = "Elementary Teacher (Grades 3-5)\nRequirements:\n- Elementary classroom experience\n- Lesson planning"
    middle = (
        "Experience\nLanguage Arts Teacher (grades 6-8), Middle School, 2010 - 2020\n"
        "- Raised scores of 6th graders reading on a 4th and 5th grade level\n- Lesson planning"
    )
    fourth = "Experience\nTeacher, Oak School, 2010 - 2020\n- Taught 4th grade reading and maths\n- Lesson planning"
    assert _met(jd, middle, "Elementary") == 0.0
    assert _met(jd, fourth, "Elementary") > 0


# ------------------------------------------------------------------ degrees
def test_any_degree_meets_a_diploma_or_degree_ask() -> None:
    jd = "Sous Chef\nRequirements:\n- Culinary school diploma or degree\n- Knife skills"
    cv = (
        "Experience\nLine Cook, Bistro, 2015 - Present\n- Knife skills\nEducation\n"
        "Associate of Arts : Culinary Arts, Florida Culinary Institute"
    )
    assert _met(jd, cv, "Diploma") > 0


def test_a_communications_engineering_degree_is_not_a_communications_degree() -> None:
    jd = (
        "Marketing Specialist\nRequirements:\n- SEO\n"
        "- A bachelor's degree in marketing, communications or a related field"
    )
    base = "Experience\nMarketer, Acme, 2016 - Present\n- SEO\nEducation\n"
    engineering = base + "Bachelor of Science : Electronics and Communications Engineering Technology"
    communications = base + "Bachelor of Arts : Communications"
    assert _met(jd, engineering, "Bachelor") < 0.7
    assert _met(jd, communications, "Bachelor") >= 0.7


def test_degree_programmes_named_in_a_duty_are_not_the_candidates_degree() -> None:
    jd = "Administrative Assistant\nRequirements:\n- Microsoft Office\n- An associate's or bachelor's degree"
    cv = (
        "Experience\nProgram Assistant, State University, 2016 - Present\n"
        "- Responsible for knowledge of all programs and degree specifications\n- Microsoft Office"
    )
    assert _met(jd, cv, "Associate") == 0.0
    assert _met(jd, cv + "\nEducation\nBachelor of Arts, History, 2012", "Associate") > 0


# ------------------------------------------------------------------ the work in the words people use
def test_phrasings_people_use_for_banquets_tickets_and_a_university_degree() -> None:
    chef = "Sous Chef\nRequirements:\n- Banquet or catering experience\n- Knife skills"
    cv = "Experience\nCook, Hotel, 2015 - Present\n- Prepared food for large functions and weddings\n- Knife skills"
    assert _met(chef, cv, "Banquet") > 0
    support = "IT Support Technician\nRequirements:\n- Experience with a ticketing system\n- Active Directory"
    it = "Experience\nIT Technician, Acme, 2015 - Present\n- Project ticket management\n- Active Directory"
    assert _met(support, it, "Ticketing") > 0
    sales = "Account Executive\nRequirements:\n- Cold calling\n- Bachelor's degree"
    grad = "Experience\nSales Rep, Acme, 2015 - Present\n- Cold calling\nEducation\nUniversity graduate, 2012"
    assert _met(sales, grad, "Bachelor") > 0


# ------------------------------------------------------------------ asks in the JD's own words
def test_a_free_text_ask_is_read_for_its_content_written_with_or_without_a_hyphen() -> None:
    jd = (
        "Graphic Designer\nRequirements:\n- Knowledge of print production and prepress\n"
        "- A portfolio that shows both print and digital work"
    )
    cv = (
        "Experience\nDesigner, Studio, 2015 - Present\n- Print management, including pre-press and print production\n"
        "- Designed brochures for print\n- Designed print and digital publications"
    )
    result = ENGINE.assess_sync(ENGINE.prepare_job(jd), cv, [])
    rows = {e["requirement"]: e for e in result.evidence}
    assert rows["Knowledge of print production and prepress"]["met"]
    portfolio = rows["A portfolio that shows both print and digital work"]
    assert portfolio["met"] and "digital" in portfolio["cv_line"]  # the line naming both, not the first with one


def test_a_plant_and_an_undated_job_heading_show_the_field() -> None:
    hr = "HR Generalist\nRequirements:\n- HRIS\n- Experience in manufacturing"
    plant = "Experience\nHR Generalist, Acme, 2015 - Present\n- HRIS\n- Labor relations counsel throughout the plant"
    office = "Experience\nHR Generalist, Acme, 2015 - Present\n- HRIS\n- Labor relations counsel for the office"
    assert _met(hr, plant, "Manufacturing") > 0
    assert _met(hr, office, "Manufacturing") == 0.0
    chef = "Sous Chef\nRequirements:\n- Restaurant kitchen experience\n- Knife skills"
    undated = "Summary\nFood lover\nExperience\nPERSONAL CHEF\n- Planned menus for families\n- Knife skills"
    assert _met(chef, undated, "Kitchen") > 0


# ------------------------------------------------------------------ credentials and sales evidence
def test_a_certificate_family_without_its_code_is_related_not_proof() -> None:
    jd = "HR Generalist\nRequirements:\n- HRIS\n- PHR or SHRM-CP certification"
    chapter = "Experience\nHR Generalist, Acme, 2015 - Present\n- HRIS\nAffiliations\nSHRM member"
    holder = "Experience\nHR Generalist, Acme, 2015 - Present\n- HRIS\nCertifications\nSHRM-CP, 2019"
    spelled = (
        "Experience\nHR Generalist, Acme, 2015 - Present\n- HRIS\nCertifications\nProfessional in Human Resources (PHR)"
    )
    assert _met(jd, chapter, "PHR") == 0.0
    assert _met(jd, holder, "PHR") > 0
    assert _met(jd, spelled, "PHR") > 0


def test_a_substitute_certificate_is_no_teaching_licence_a_state_grade_band_certification_is() -> None:
    jd = "Elementary Teacher\nRequirements:\n- A valid state teaching license\n- Lesson planning"
    substitute = "Experience\nTeacher, Oak School, 2015 - Present\n- Lesson planning\nSubstitute Teaching Certificate"
    state = "Experience\nTeacher, Oak School, 2015 - Present\n- Lesson planning\nState Elementary 1-6 Certification"
    assert _met(jd, substitute, "Teaching license") == 0.0
    assert _met(jd, state, "Teaching license") > 0


def test_sales_goals_met_prove_closing_and_the_word_closing_is_quoted_first() -> None:
    jd = "Account Executive\nRequirements:\n- Closing\n- Quota"
    goals = "Experience\nSales Rep, Acme, 2015 - Present\n- Consistently exceeded quarterly sales goals"
    assert _met(jd, goals, "Closing") > 0
    closer = "Experience\nSales Rep, Acme, 2015 - Present\n- Closed deals with 40 new clients"
    assert _met(jd, closer, "Closing") > 0 and _met(jd, closer, "Quota") == 0.0  # the proof runs one way
    both = goals + "\nSkills\nClosing, negotiation"
    evidence = ENGINE.assess_sync(ENGINE.prepare_job(jd), both, []).evidence
    assert next(e for e in evidence if e["requirement"] == "Closing")["cv_line"] == "Closing, negotiation"


def test_a_licence_area_is_shown_by_a_degree_or_certification_not_by_a_line_about_the_work() -> None:
    jd = (
        "Elementary Teacher\nRequirements:\n- A valid state teaching license with an elementary education "
        "endorsement (K-6 or equivalent)\n- Classroom management"
    )
    work_only = (
        "Experience\nAfter-School Leader, YMCA, 2015 - Present\n- Ran a program for elementary students\n"
        "- Classroom management"
    )
    degree = work_only + "\nEducation\nB.A. Elementary Education, 2014"
    assert _met(jd, work_only, "K-6") == 0.0
    assert _met(jd, degree, "K-6") > 0


def test_a_degree_in_process_is_not_held() -> None:
    jd = "Teacher\nRequirements:\n- Classroom management\n- A master's degree in education"
    cv = (
        "Experience\nTeacher, Oak School, 2015 - Present\n- Classroom management\nEducation\n"
        "Master of Science in Education, status: in-process (two courses outstanding)"
    )
    assert _met(jd, cv, "Master") == 0.0


def test_the_ways_people_write_a_licence_a_certification_a_close_and_an_email_platform() -> None:
    site = "Site Manager\nRequirements:\n- Scheduling\n- A valid driver's license"
    driver = (
        "Experience\nSite Manager, BuildCo, 2015 - Present\n- Scheduling\n"
        "Tractor trailer driver, Haulage Co, 2010 - 2015"
    )
    assert _met(site, driver, "Valid driver") > 0
    trainer = "Personal Trainer\nRequirements:\n- A personal trainer certification (NASM, ACE, ACSM or similar)\n- CPR"
    ace = "Experience\nPersonal Trainer, Gym, 2015 - Present\n- CPR\nCertifications\nAmerican Council on Exercise"
    assert _met(trainer, ace, "NASM") > 0
    ap = "Accounts Payable Specialist\nRequirements:\n- Invoice processing\n- Month-end close"
    close = (
        "Experience\nAP Clerk, Acme, 2015 - Present\n- Invoice processing\n- Month- end, quarter- end journal entries"
    )
    assert _met(ap, close, "Month-end close") > 0
    marketer = "Digital Marketer\nRequirements:\n- SEO\n- Email marketing"
    platform = "Experience\nMarketer, Acme, 2015 - Present\n- SEO\nSkills\nWordPress, Constant Contact"
    assert _met(marketer, platform, "Email marketing") > 0


def test_digital_work_written_as_web_work_and_an_ask_shown_on_two_lines_quotes_both() -> None:
    jd = "Graphic Designer\nRequirements:\n- Photoshop\n- A portfolio that shows both print and digital work"
    cv = (
        "Experience\nDesigner, Studio, 2015 - Present\n- Photoshop\n- Created print materials: brochures and mailers\n"
        "- Maintained the company website"
    )
    result = ENGINE.assess_sync(ENGINE.prepare_job(jd), cv, [])
    row = next(e for e in result.evidence if e["requirement"].startswith("A portfolio"))
    assert row["met"] and "print materials" in row["cv_line"] and "website" in row["cv_line"]
    email_only = (
        "Experience\nDesigner, Studio, 2015 - Present\n- Photoshop\n- Created print materials\n- Answered email"
    )
    assert _met(jd, email_only, "A portfolio") == 0.0


def test_project_in_a_list_of_office_programs_is_ms_project_a_project_elsewhere_is_not() -> None:
    jd = "Site Manager\nRequirements:\n- Subcontractors\n- MS Project or Primavera P6"
    listed = (
        "Experience\nSite Manager, BuildCo, 2015 - Present\n- Subcontractors\n"
        "Skills\nMicrosoft Office (Word, Excel, Project)"
    )
    prose = "Experience\nSite Manager, BuildCo, 2015 - Present\n- Subcontractors\n- Delivered the Project on time"
    assert _met(jd, listed, "MS Project") > 0
    assert _met(jd, prose, "MS Project") == 0.0


def test_grades_written_as_numbers_are_the_elementary_level_a_reading_level_is_not() -> None:
    jd = "Elementary Teacher (Grades 3-5)\nRequirements:\n- Elementary classroom experience\n- Lesson planning"
    taught = "Experience\nTeacher, Oak School, 2010 - 2020\n- Taught grades 2, 4 and 5\n- Lesson planning"
    level = (
        "Experience\nTeacher, Oak Middle School, 2010 - 2020\n- Students reading at a grade 3 level\n- Lesson planning"
    )
    assert _met(jd, taught, "Elementary") > 0
    assert _met(jd, level, "Elementary") == 0.0


def test_the_degree_the_job_names_is_quoted_before_another_of_its_kind() -> None:
    jd = (
        "Elementary Teacher\nRequirements:\n- Classroom management\n"
        "- A teaching license with an elementary education endorsement, and a bachelor's degree"
    )
    cv = (
        "Experience\nTeacher, Oak School, 2015 - Present\n- Classroom management\nEducation\n"
        "Master of Education : Educational Leadership\nBachelor of Science : Elementary Education"
    )
    evidence = ENGINE.assess_sync(ENGINE.prepare_job(jd), cv, []).evidence
    row = next(e for e in evidence if e["requirement"] == "Elementary education")
    assert row["met"] and "Elementary Education" in row["cv_line"]


def test_a_degree_in_a_subject_of_the_discipline_asked_is_in_that_field() -> None:
    jd = "IT Support Technician\nRequirements:\n- Active Directory\n- Associate degree in information technology"
    base = "Experience\nIT Technician, Acme, 2015 - Present\n- Active Directory\nEducation\n"
    assert _met(jd, base + "Associate of Applied Science : Networking, 2012", "Associate") >= 0.7
    assert _met(jd, base + "Associate of Arts : History, 2012", "Associate") < 0.7


def test_graphic_design_is_related_to_communications_not_to_human_resources() -> None:
    base = "Experience\nDesigner, Acme, 2015 - Present\n- SEO\nEducation\nBA : Graphic Design, 2010"
    marketing = (
        "Marketing Specialist\nRequirements:\n- SEO\n"
        "- A bachelor's degree in marketing, communications or a related field"
    )
    hr = "HR Generalist\nRequirements:\n- SEO\n- A bachelor's degree in human resources or a related field"
    assert _met(marketing, base, "Bachelor") >= 0.7
    assert _met(hr, base, "Bachelor") < 0.7


def test_a_phrase_does_not_run_across_a_list_separator_into_another_phrase() -> None:
    jd = "Accounts Payable Specialist\nRequirements:\n- Invoice processing\n- Knowledge of sales and use tax"
    listed = (
        "Experience\nAP Clerk, Acme, 2015 - Present\n- Invoice processing\n"
        "Skills\nOutlook, sales, tax returns, year-end"
    )
    named = (
        "Experience\nAP Clerk, Acme, 2015 - Present\n- Invoice processing\n- Filed monthly sales and use tax returns"
    )
    assert _met(jd, listed, "Sales and use tax") < 0.7
    assert _met(jd, named, "Sales and use tax") > 0
    nurse = "Nurse\nRequirements:\n- Patient care\n- A bachelor of science in nursing"
    bsn = "Experience\nNurse, Hospital, 2015 - Present\n- Patient care\nEducation\nBachelor of Science, Nursing, 2014"
    assert _met(nurse, bsn, "Bachelor") > 0


def test_a_subject_is_named_not_implied_by_holding_a_teacher_title() -> None:
    jd = (
        "Elementary Teacher\nResponsibilities:\n- Plan and deliver lessons in reading, mathematics and social studies\n"
        "Requirements:\n- Classroom management"
    )
    art = "Experience\nArt Teacher, Oak School, 2015 - Present\n- Classroom management"
    named = "Experience\nTeacher, Oak School, 2015 - Present\n- Classroom management\n- Taught social studies units"
    assert _met(jd, art, "Social studies") == 0.0
    assert _met(jd, named, "Social studies") > 0


def test_an_industry_a_plan_targets_is_a_market_not_where_the_candidate_worked() -> None:
    jd = "Digital Marketer\nRequirements:\n- SEO\n- Retail experience"
    target = (
        "Experience\nMarketer, Acme, 2015 - Present\n- SEO\n"
        "- Built a plan targeting various industries; Healthcare, Retail"
    )
    worked = "Experience\nMarketer, Shoe Shop, 2015 - Present\n- SEO\n- Ran promotions for our retail stores"
    assert _met(jd, target, "Retail") == 0.0
    assert _met(jd, worked, "Retail") > 0


def test_one_thing_in_several_words_must_be_written_together() -> None:
    jd = "Graphic Designer\nRequirements:\n- Photoshop\n- Packaging design experience"
    apart = (
        "Experience\nSourcing Manager, Apparel Co, 2015 - Present\n- Photoshop\n- Worked with technical design teams\n"
        "- Wrote packaging instructions for factories"
    )
    together = "Experience\nDesigner, Studio, 2015 - Present\n- Photoshop\n- Packaging design for consumer products"
    assert _met(jd, apart, "Packaging design") < 0.7
    assert _met(jd, together, "Packaging design") > 0


def test_a_field_the_jd_names_alone_counts_even_when_every_degree_shares_the_word() -> None:
    jd = (
        "Mortgage Loan Processor\nRequirements:\n- Loan processing\n"
        "- Associate's or bachelor's degree in finance or business"
    )
    base = "Experience\nProcessor, Bank, 2015 - Present\n- Loan processing\nEducation\n"
    assert _met(jd, base + "Bachelor of Science : Business Administration, 2010", "Associate") >= 0.7
    assert _met(jd, base + "Bachelor's Degree : Marketing, 2010", "Associate") >= 0.7
    music = base + "Bachelor of Arts : Music, 2010; Completed a sales and management training"
    assert _met(jd, music, "Associate") < 0.7
    assert _met(jd, base + "Currently Pursing : Finance Degree, Present", "Associate") < 0.7


def test_computer_skills_asked_by_their_software_are_shown_by_that_software() -> None:
    jd = (
        "Activities Coordinator\nRequirements:\n- Group activities\n"
        "- Computer skills to produce the monthly calendar and newsletter (Microsoft Word, Publisher)"
    )
    base = "Experience\nCoordinator, Home, 2015 - Present\n- Group activities\nSkills\n"
    assert _met(jd, base + "Proficient in MS Office", "Computer skills") > 0
    assert _met(jd, base + "Microsoft Word, Excel", "Computer skills") > 0
    assert _met(jd, base + "Microsoft Office Outlook", "Computer skills") == 0.0
