"""The job's own post inside its occupation family: the title the JD names, not any title of the family."""

from __future__ import annotations

import datetime as dt

from cvmatch_app.engine import LocalEngine
from cvmatch_app.engine.evidence import LOWER_LEVEL, MET, PROVEN, Finding
from cvmatch_app.engine.lexicon import posts_named
from cvmatch_app.engine.scoring import NEIGHBOUR_CAP, ScoreBreakdown, score_cv

ENGINE = LocalEngine(today=dt.date(2026, 11, 1))

HR_JD = """HR Generalist
Requirements:
- 3+ years of experience in human resources
- Employee relations, onboarding and benefits administration
- Working knowledge of employment law and an HRIS
"""
DESIGN_JD = """Graphic Designer
Requirements:
- 3+ years of professional graphic design experience
- Expert in Adobe Photoshop, Illustrator and InDesign
- Print production and layout
"""
AP_JD = """Accounts Payable Specialist
Requirements:
- 2+ years of accounts payable experience
- Invoice processing, vendor reconciliations and Excel
"""
AE_JD = """Account Executive (B2B Software)
Requirements:
- 3+ years of B2B sales experience carrying a quota
- Salesforce or a comparable CRM
- Prospecting and closing new business
"""


def _cv(title: str, bullets: str, since: int = 2017) -> str:
    role = f"{title}, Northwind Group, Jan {since} - Present"
    return f"Experience\n{role}\n{bullets}\nEducation\nBachelor of Arts, 2012\n"


def _breakdown(jd: str, cv_text: str) -> ScoreBreakdown:
    read = ENGINE.read_cv(cv_text)
    return score_cv(ENGINE.prepare_job(jd), read.profile, read.vectors)


def _title_finding(jd: str, cv_text: str) -> Finding:
    job = ENGINE.prepare_job(jd)
    breakdown = _breakdown(jd, cv_text)
    own = set(job.title_concepts)
    titles = [f for f in breakdown.findings if f.requirement.category == "title"]
    return next(f for f in titles if own & set(f.requirement.alternatives))


HR_WORK = "- Employee relations, onboarding and benefits administration in our HRIS\n- Employment law compliance"


def test_the_post_a_title_names_is_read_from_the_data() -> None:
    assert posts_named("HR Generalist", "hr") == {"general"}
    assert posts_named("Compensation and Benefits Specialist", "hr") == {"benefits"}
    assert posts_named("HR Benefits Specialist", "hr") == {"benefits"}  # the post, not the family's words
    assert posts_named("Graphic Designer", "designer") == {"graphic"}
    assert posts_named("Independent Designer", "designer") == frozenset()  # the family only
    assert posts_named("Billing Specialist", "bookkeeper") == {"receivables"}
    assert posts_named("Retail Sales Associate", "sales_rep") == {"consumer"}
    assert posts_named("Registered Nurse", "registered_nurse") == frozenset()  # no posts listed for it


def test_a_benefits_specialist_is_hr_but_not_the_hr_generalist_asked() -> None:
    generalist = _cv("HR Generalist", HR_WORK)
    specialist = _cv("Benefits Specialist", HR_WORK)
    assert _title_finding(HR_JD, generalist).met == PROVEN
    other_post = _title_finding(HR_JD, specialist)
    assert LOWER_LEVEL < other_post.met < MET  # a gap that quotes the role: the family, not the post
    assert "Benefits Specialist" in other_post.cv_line
    assert _breakdown(HR_JD, generalist).score > _breakdown(HR_JD, specialist).score
    assert _breakdown(HR_JD, specialist).score > NEIGHBOUR_CAP  # same family: not capped as a neighbour


def test_the_familys_all_round_post_holds_the_job() -> None:
    # An HR manager runs the generalist's work; a bookkeeper pays invoices.
    assert _title_finding(HR_JD, _cv("HR Manager", HR_WORK)).met == PROVEN
    bookkeeper = _cv("Bookkeeper", "- Invoice processing and vendor reconciliations in Excel")
    assert _title_finding(AP_JD, bookkeeper).met == PROVEN


def test_a_graphic_designer_over_a_web_designer_or_a_bare_designer() -> None:
    work = "- Print production and layout in Adobe Photoshop, Illustrator and InDesign\n- Brochures and packaging"
    graphic = _breakdown(DESIGN_JD, _cv("Graphic Designer", work)).score
    web = _breakdown(DESIGN_JD, _cv("Web Designer", work)).score
    bare = _title_finding(DESIGN_JD, _cv("Independent Designer", work))
    assert graphic > web
    assert bare.met < MET


def test_accounts_payable_over_accounts_receivable() -> None:
    work = "- Invoice processing, vendor reconciliations and Excel reporting"
    ap = _breakdown(AP_JD, _cv("Accounts Payable Clerk", work))
    ar = _breakdown(AP_JD, _cv("Billing Specialist", work))
    assert _title_finding(AP_JD, _cv("Accounts Payable Clerk", work)).met == PROVEN
    assert ap.score > ar.score


def test_an_account_executive_over_a_retail_sales_associate() -> None:
    work = "- Prospecting and closing new business, 120% of quota, pipeline kept in Salesforce"
    assert _title_finding(AE_JD, _cv("Account Executive", work)).met == PROVEN
    assert _title_finding(AE_JD, _cv("Sales Manager", work)).met == PROVEN  # the family's all-round post
    assert _title_finding(AE_JD, _cv("Sales Associate", work)).met < MET


def test_the_lower_level_rule_still_holds_inside_the_post() -> None:
    # An HR assistant holds the family's general post, but below the manager level the title asks.
    jd = "HR Manager\nRequirements:\n- Employee relations and onboarding\n- An HRIS"
    finding = _title_finding(jd, _cv("HR Assistant", HR_WORK))
    assert finding.met == LOWER_LEVEL


def test_a_plant_is_a_manufacturing_setting() -> None:
    # "Ideally in manufacturing": HR work "throughout the plant" shows the setting; watered plants do not.
    jd = "HR Generalist\nRequirements:\n- 3+ years in human resources, ideally in manufacturing\n- Employee relations"
    at_a_plant = _cv("HR Generalist", "- Employee relations and grievance counsel throughout the plant")
    in_an_office = _cv("HR Generalist", "- Employee relations; watered the office plants")
    setting = [f for f in _breakdown(jd, at_a_plant).findings if f.requirement.label == "Manufacturing"]
    assert setting and setting[0].met >= MET
    assert _breakdown(jd, at_a_plant).score > _breakdown(jd, in_an_office).score


def test_software_sold_to_businesses_is_a_setting_the_job_can_ask() -> None:
    jd = AE_JD + "- At least 2 years selling software or SaaS\n"
    profile = ENGINE.prepare_job(jd)
    assert any(r.category == "field" and "field_software" in r.alternatives for r in profile.requirements)
    work = "- Prospecting and closing new business, 120% of quota, pipeline kept in Salesforce, B2B accounts"
    software = _cv("Account Executive", work + "\n- Sold enterprise software to mid-sized companies")
    furniture = _cv("Account Executive", work + "\n- Sold office furniture to mid-sized companies")
    assert _breakdown(jd, software).score > _breakdown(jd, furniture).score
    # Scheduling software a site manager uses is a tool, not the setting of a software company.
    site = ENGINE.prepare_job("Site Manager\nRequirements:\n- Construction or scheduling software such as MS Project")
    assert not any("field_software" in r.alternatives for r in site.requirements)


def test_a_kitchen_porter_is_no_line_cook_and_stays_below_a_sous_chef() -> None:
    kitchen = "- Prep, grill and sauté stations in a busy kitchen\n- Food safety and cleaning"
    line_cook_jd = "Line Cook\nRequirements:\n- 2+ years of experience in a restaurant kitchen\n- Food safety"
    assert _title_finding(line_cook_jd, _cv("Line Cook", kitchen)).met == PROVEN
    porter = _title_finding(line_cook_jd, _cv("Kitchen Porter", kitchen))
    assert LOWER_LEVEL < porter.met < MET
    # For a post that asks a level, another post below it keeps the lower-level rule (and its cap).
    sous_jd = "Sous Chef\nRequirements:\n- Experience running a kitchen line\n- Food safety"
    assert _title_finding(sous_jd, _cv("Dishwasher", kitchen)).met == LOWER_LEVEL
    assert _breakdown(sous_jd, _cv("Dishwasher", kitchen)).score < 60  # below Interview


def test_posts_inside_banking_hotels_and_airports() -> None:
    teller_jd = "Bank Teller\nRequirements:\n- Cash handling and balancing a drawer\n- Customer service"
    cash = "- Cash handling, balancing the drawer and customer service"
    assert _title_finding(teller_jd, _cv("Bank Teller", cash)).met == PROVEN
    assert _title_finding(teller_jd, _cv("Loan Officer", cash)).met < MET
    dispatch_jd = "Flight Dispatcher\nRequirements:\n- Flight planning and weather briefings\n- FAA regulations"
    flights = "- Flight planning, weather briefings and FAA regulations"
    assert _title_finding(dispatch_jd, _cv("Aircraft Dispatcher", flights)).met == PROVEN
    assert _title_finding(dispatch_jd, _cv("Ramp Agent", flights)).met < MET
    desk_jd = "Front Desk Agent\nRequirements:\n- Check-in and check-out in a hotel\n- Reservations system"
    hotel = "- Check-in, check-out and the reservations system"
    assert _title_finding(desk_jd, _cv("Guest Service Agent", hotel)).met == PROVEN
    assert _title_finding(desk_jd, _cv("Front Office Manager", hotel)).met == PROVEN  # the all-round post
    assert _title_finding(desk_jd, _cv("Bellman", hotel)).met < MET


def test_a_family_word_elsewhere_in_the_jd_does_not_stand_for_the_titles_post() -> None:
    # "Selling into HR teams" names the sales family; the title asks an account executive's post.
    jd = (
        "Account Executive\nYou will be selling into HR teams and finance leaders.\nRequirements:\n"
        "- 3+ years of sales experience carrying a quota\n- Salesforce"
    )
    profile = ENGINE.prepare_job(jd)
    titles = [r for r in profile.requirements if r.category == "title"]
    assert any(r.label == "Experience as Account Executive" for r in titles)
    work = "- Sold phones and plans to walk-in customers, 120% of sales goals"
    findings = _breakdown(jd, _cv("Retail Sales Associate", work)).findings
    by_label = {f.requirement.label: f for f in findings if f.requirement.category == "title"}
    assert by_label["Experience as Account Executive"].met < MET  # not the post, and not copied from "Selling"
    assert _title_finding(jd, _cv("Sales Consultant", work)).met < MET  # a bare sales title: the family only
    assert _title_finding(jd, _cv("Account Executive", work)).met == PROVEN


def test_an_all_round_post_covers_the_desk_but_not_the_other_way_round() -> None:
    it = "- Active Directory accounts, password resets, laptops and tickets in ServiceNow"
    desk_jd = "IT Support Technician (Service Desk)\nRequirements:\n- Tickets and password resets\n- Windows"
    admin_jd = "System Administrator\nRequirements:\n- Windows Server and Active Directory\n- Backups"
    assert _title_finding(desk_jd, _cv("Help Desk Technician", it)).met == PROVEN
    assert _title_finding(desk_jd, _cv("System Administrator", it)).met == PROVEN
    assert _title_finding(admin_jd, _cv("Help Desk Technician", it)).met < MET


def test_posts_inside_laboratories_kitchens_front_of_house_and_driving() -> None:
    lab = "- Specimen collection, labelling and the LIS"
    phleb_jd = "Phlebotomist\nRequirements:\n- Venipuncture and specimen labelling"
    assert _title_finding(phleb_jd, _cv("Phlebotomist", lab)).met == PROVEN
    assert _title_finding(phleb_jd, _cv("QC Chemist", lab)).met < MET
    floor = "- Served tables, took orders and ran food in a busy restaurant"
    server_jd = "Food Server\nRequirements:\n- Table service in a full-service restaurant"
    assert _title_finding(server_jd, _cv("Waitress", floor)).met == PROVEN
    assert _title_finding(server_jd, _cv("Busser", floor)).met < MET
    haul = "- Drove routes safely and logged hours"
    cdl_jd = "CDL Truck Driver\nRequirements:\n- Class A CDL\n- Long haul routes"
    assert _title_finding(cdl_jd, _cv("Tractor Trailer Driver", haul)).met == PROVEN
    assert _title_finding(cdl_jd, _cv("Courier", haul)).met < MET


def test_a_client_account_is_no_accountant() -> None:
    # "Account Director", "the FedEx account", "managed 40 accounts": clients, not accounting.
    from cvmatch_app.engine.evidence import _titles_of

    assert "accountant" not in _titles_of("Account Director")
    assert "accountant" not in _titles_of("Account Executive Sales Agent/FedEx Account")
    assert "accountant" in _titles_of("Staff Accountant")


def test_a_sales_recruiter_is_a_recruiter() -> None:
    from cvmatch_app.engine.evidence import _titles_of

    assert _titles_of("Senior Healthcare Sales Recruiter") == {"recruiter"}
    assert _titles_of("Nurse Recruiter") == {"recruiter"}


def test_a_receptionist_or_a_data_entry_clerk_is_no_administrative_assistant() -> None:
    office = "- Phones, calendars, letters and meeting minutes in Word and Outlook"
    admin_jd = "Administrative Assistant\nRequirements:\n- Calendars and travel\n- Microsoft Office"
    assert _title_finding(admin_jd, _cv("Executive Assistant", office)).met == PROVEN
    assert _title_finding(admin_jd, _cv("Data Entry Clerk", office)).met < MET
    reception_jd = "Receptionist\nRequirements:\n- Greeting visitors and answering phones"
    assert _title_finding(reception_jd, _cv("Office Manager", office)).met == PROVEN  # the all-round post


def test_a_chef_is_at_the_sous_chefs_level_a_line_or_commis_chef_is_not() -> None:
    kitchen = "- Ran the line, ordering and food costs for a 120-cover restaurant"
    sous_jd = "Sous Chef\nRequirements:\n- Experience running a kitchen line\n- Food safety"
    assert _title_finding(sous_jd, _cv("Chef", kitchen, since=2024)).met == PROVEN
    assert _title_finding(sous_jd, _cv("Chef de Partie", kitchen, since=2024)).met == LOWER_LEVEL
    assert _title_finding(sous_jd, _cv("Commis Chef", kitchen, since=2024)).met == LOWER_LEVEL


def test_another_post_the_jd_asks_is_not_shown_by_the_titles_licence() -> None:
    # A personal trainer post that also asks group fitness experience: a PT's certificate shows the
    # personal trainer, not the group instructor; a group fitness instructor role shows it.
    jd = (
        "Personal Trainer\nRequirements:\n- NASM or ACE certification\n"
        "Nice to have:\n- Group fitness instructor experience"
    )
    work = "- One-on-one training plans and assessments\nCertifications\nNASM Certified Personal Trainer"

    def group(cv_text: str) -> Finding:
        return next(f for f in _breakdown(jd, cv_text).findings if f.requirement.label.startswith("Group fitness"))

    assert group(_cv("Personal Trainer", work)).met < MET
    assert group(_cv("Group Fitness Instructor", work)).met == PROVEN


def test_customer_success_and_school_teaching_are_their_own_posts() -> None:
    calls = "- Answered 80 calls a day about accounts, billing and renewals"
    csr_jd = "Customer Service Representative (Contact Center)\nRequirements:\n- Phone and chat support"
    csm_jd = "Customer Success Manager\nRequirements:\n- Onboarding and renewals for B2B software customers"
    assert _title_finding(csr_jd, _cv("Call Center Representative", calls)).met == PROVEN
    assert _title_finding(csm_jd, _cv("Customer Service Representative", calls)).met < MET
    lessons = "- Planned and taught lessons, assessed pupils and met parents"
    teacher_jd = "Elementary Teacher\nRequirements:\n- State teaching certificate\n- Classroom management"
    assert _title_finding(teacher_jd, _cv("Classroom Teacher", lessons)).met == PROVEN
    assert _title_finding(teacher_jd, _cv("Adjunct Professor", lessons)).met < MET


def test_a_candidate_who_moved_on_to_another_occupation_fits_less_than_one_still_in_it() -> None:
    desk_jd = "IT Support Technician\nRequirements:\n- Help desk tickets and password resets\n- Windows"
    still = (
        "Experience\nAuditor, Acme, Jan 2012 - Dec 2015\n- Audits\n"
        "Help Desk Technician, Northwind, Jan 2016 - Present\n- Help desk tickets, password resets, Windows\n"
    )
    moved_on = (
        "Experience\nHelp Desk Technician, Northwind, Jan 2012 - Dec 2015\n"
        "- Help desk tickets, password resets, Windows\nAuditor, Acme, Jan 2016 - Present\n- Audits\n"
    )
    assert _breakdown(desk_jd, still).occupation > _breakdown(desk_jd, moved_on).occupation
    # Moving up to manage, or on to a generic title, is not moving on.
    promoted = moved_on.replace("Auditor, Acme", "Operations Manager, Acme")
    assert _breakdown(desk_jd, promoted).occupation >= _breakdown(desk_jd, still).occupation
