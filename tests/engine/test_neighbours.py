"""Neighbouring work said as what it is: a neighbouring occupation's years are related work, not the
years asked; titles read by the work their lines show; degrees held in the field asked."""

from __future__ import annotations

import datetime as dt
from typing import Any

from cvmatch_app.engine import LocalEngine

ENGINE = LocalEngine(today=dt.date(2026, 11, 1))


def _card(jd: str, cv: str) -> Any:
    return ENGINE.assess_sync(ENGINE.prepare_job(jd), cv, [])


def _row(card: Any, requirement: str) -> dict[str, Any]:
    return next(e for e in card.evidence if e["requirement"].lower().startswith(requirement.lower()))


def _title(card: Any) -> dict[str, Any]:
    return next(e for e in card.evidence if e["category"] == "title")


def _years(card: Any) -> dict[str, Any]:
    return next(e for e in card.evidence if e["category"] == "years")


# ------------------------------------------------------------------ a neighbour's years are related work
DIGITAL_JD = """Digital Marketing Specialist
Run our paid search, paid social and email campaigns and report on conversion.
Requirements
- 2+ years of digital marketing experience
- Google Analytics
"""

BRAND_MANAGER_CV = """Alex Moreno
Experience
Brand Manager, Harbor Outfitters, Jan 2016 - Present
Set the brand strategy for the menswear line and briefed the packaging and in-store teams.
Skills
Google Analytics
"""

DIGITAL_MARKETER_CV = """Sam Lee
Experience
Digital Marketing Specialist, Harbor Outfitters, Jan 2019 - Present
Ran paid search and paid social campaigns and the weekly email programme.
Skills
Google Analytics
"""


def test_years_only_in_a_neighbouring_occupation_are_related_work_not_the_years_asked() -> None:
    card = _card(DIGITAL_JD, BRAND_MANAGER_CV)
    years = _years(card)
    # The brand manager's years still count toward the score (half of ten years is more than two)...
    assert years["strength"] >= 1.0
    # ...but the card does not state the years asked as met: it names them as related work.
    assert not years["met"]
    assert any("in related work" in gap and "Brand Manager" in gap for gap in card.gaps)
    assert not any("years of relevant experience" in s for s in card.strengths)
    # Years in the occupation itself are still met.
    assert _years(_card(DIGITAL_JD, DIGITAL_MARKETER_CV))["met"]


TRAINER_JD = """Personal Trainer
Design one-to-one training programmes for gym members and track their progress.
Requirements
- At least 1 year of experience training clients
"""

YOGA_CV = """Robin Hale
Experience
Yoga Instructor, Lotus Studio, Jan 2019 - Present
Taught vinyasa and restorative yoga classes of twenty students.
"""


def test_a_neighbour_of_an_occupation_only_esco_knows_is_related_work_too() -> None:
    card = _card(TRAINER_JD, YOGA_CV)
    years = _years(card)
    assert years["strength"] >= 1.0 and not years["met"]
    assert any("in related work" in gap and "Yoga Instructor" in gap for gap in card.gaps)


# ------------------------------------------------------------------ cashiers serve customers
SERVICE_JD = """Customer Service Representative
Answer customer calls and emails about orders, returns and billing.
Requirements
- 1+ year of customer service experience
"""

CASHIER_CV = """Jo Park
Experience
Cashier, Corner Market, Jan 2020 - Apr 2021
Rang up purchases and answered shoppers' questions at the till.
"""


def test_a_cashiers_years_are_customer_service_years() -> None:
    years = _years(_card(SERVICE_JD, CASHIER_CV))
    assert years["met"] and "Cashier" in years["cv_line"]


# ------------------------------------------------------------------ an account executive at a PR agency
SALES_JD = """Account Executive
Sell our payroll software to mid-market companies and close new business.
Requirements
- 3+ years of B2B sales experience
- Selling
"""

PR_ACCOUNT_EXECUTIVE_CV = """Casey Dunn
SENIOR ACCOUNT EXECUTIVE
Experience
Senior Account Executive, Company Name, Jan 2015 - Present
Led media relations and PR campaigns for consumer technology clients.
Pitched stories to national press and managed influencer programmes.
"""

SALES_ACCOUNT_EXECUTIVE_CV = """Drew Fox
SENIOR ACCOUNT EXECUTIVE
Experience
Senior Account Executive, Company Name, Jan 2015 - Present
Closed new business with mid-market companies and met the annual sales quota.
"""


def test_an_account_executive_doing_pr_work_is_read_as_pr_not_sales() -> None:
    pr = _card(SALES_JD, PR_ACCOUNT_EXECUTIVE_CV)
    assert not _title(pr)["met"]  # neither by the role nor by the headline that repeats its title
    assert not _years(pr)["met"]
    sales = _card(SALES_JD, SALES_ACCOUNT_EXECUTIVE_CV)
    assert _title(sales)["met"] and _years(sales)["met"]


# ------------------------------------------------------------------ degrees in the field asked
def _edu_met(jd_line: str, education: str) -> bool:
    jd = f"Loan Processor\nProcess loan files.\nRequirements\n- {jd_line}\n"
    cv = f"Pat Quinn\nExperience\nClerk, Bank, Jan 2018 - Present\nFiled papers.\nEducation\n{education}\n"
    card = _card(jd, cv)
    return bool(next(e for e in card.evidence if e["category"] == "edu")["met"])


def test_a_field_of_two_words_is_named_by_both() -> None:
    # "Public Relations" names the word "public", not public health.
    asked = "Bachelor's degree in social work, nursing or public health"
    assert not _edu_met(asked, "B.S. : Marketing, Public Relations, State University")
    assert _edu_met(asked, "Bachelor of Science : Public Health, State University")
    assert _edu_met("Associate's or bachelor's degree in finance or business", "B.S. in Business Administration, 2010")


def test_a_student_in_their_third_year_holds_no_degree_yet() -> None:
    jd = (
        "IT Support Technician\nFix laptops.\nRequirements\n"
        "- Associate degree in information technology or computer science\n"
    )
    cv = (
        "Lee Ray\nA Computer Science junior at Lakeside College with a love of fixing things.\n"
        "Experience\nHelp Desk Assistant, Lakeside College, Jan 2024 - Present\nReset passwords.\n"
        "Education\nLakeside College 2027\nComputer Science : Computer Science/ Minor Economics\n"
    )
    assert not next(e for e in _card(jd, cv).evidence if e["category"] == "edu")["met"]


def test_a_high_school_diploma_is_no_culinary_diploma() -> None:
    jd = "Sous Chef\nRun the line.\nRequirements\n- Culinary school diploma or degree\n"
    cv = (
        "Chris Vale\nExperience\nLine Cook, Bistro, Jan 2015 - Present\nCooked on the grill.\n"
        "Education\nHigh School Diploma : 2005 Central High School\n"
        "Studied culinary arts in the vocational programme\n"
    )
    assert not next(e for e in _card(jd, cv).evidence if e["category"] == "edu")["met"]


def test_an_lpn_asked_beside_a_degree_needs_no_field() -> None:
    jd = (
        "Care Coordinator\nCall patients after discharge.\nRequirements\n"
        "- Bachelor's degree in social work, nursing or a related field, or an LPN credential\n"
    )
    cv = (
        "Dana Cole\nFully credentialed LPN with experience in hospital care.\n"
        "Experience\nNurse, City Hospital, Jan 2015 - Present\nGave medications.\n"
    )
    assert next(e for e in _card(jd, cv).evidence if e["category"] == "edu")["met"]


# ------------------------------------------------------------------ a title no reader places, shown by its work
CARE_JD = """Care Coordinator
Call patients after a hospital discharge, review their medications and book follow-up visits.
Requirements
- 2+ years of experience
"""

ADVOCATE_CV = """Morgan Blake
Experience
Patient Advocate, Company Name, Jan 2016 - Present
Served as liaison between the patient and the hospital to coordinate patient care.
Booked follow-up visits after discharge.
"""

ADVOCATE_BILLING_CV = """Morgan Blake
Experience
Patient Advocate, Company Name, Jan 2016 - Present
Answered billing questions and explained insurance statements to patients.
"""


def test_a_title_no_reader_places_is_the_job_only_when_its_lines_do_the_job() -> None:
    doing = _card(CARE_JD, ADVOCATE_CV)
    assert _row(doing, "Experience as")["met"]
    # By title alone a patient advocate is no care coordinator.
    assert not _row(_card(CARE_JD, ADVOCATE_BILLING_CV), "Experience as")["met"]


# ------------------------------------------------------------------ the post the years ask names
AP_JD = """Accounts Payable Specialist
Process vendor invoices and payment runs.
Requirements
- 2+ years of accounts payable experience
"""

FUND_REVIEW_CV = """Terry Wong
Experience
Senior Finance Assistant, Company Name, Jan 2018 - Present
Reviewed premium fund accounts and prepared monthly fund reports.
"""

PAYING_INVOICES_CV = """Terry Wong
Experience
Senior Finance Assistant, Company Name, Jan 2018 - Present
Processed vendor invoices and ran the weekly payment run for accounts payable.
"""

BOOK_KEEPER_CV = """Lou Grant
Experience
Laborer/Book Keeper/Apprentice, Company Name, Jan 2015 - Dec 2019
Did the accounts payable and receivable in the office.
"""


def test_a_general_post_without_the_asked_posts_work_is_related_years() -> None:
    fund = _card(AP_JD, FUND_REVIEW_CV)
    assert not _years(fund)["met"]
    assert any("in related work" in gap for gap in fund.gaps)
    assert _years(_card(AP_JD, PAYING_INVOICES_CV))["met"]


def test_a_book_keeper_written_in_two_words_is_a_bookkeeper() -> None:
    assert _years(_card(AP_JD, BOOK_KEEPER_CV))["met"]


# ------------------------------------------------------------------ a field's word in another trade's lines
CONSTRUCTION_JD = """Construction Safety Coordinator
Walk our commercial job sites and run the site safety programme.
Requirements
- 3+ years of construction experience
"""

DESIGNER_WELDING_CV = """Jamie Cho
Experience
Graphic Designer & Assistant, Company Name, Jan 2015 - Dec 2019
Designed catalogues; experienced with sketching, sawing, welding and polishing jewellery.
"""

ELECTRICIAN_CV = """Jamie Cho
Experience
Electrician, Company Name, Jan 2015 - Dec 2019
Ran conduit and wired panels on new construction sites.
"""


def test_a_field_word_in_the_lines_of_another_trades_role_is_no_years_in_the_field() -> None:
    assert not _years(_card(CONSTRUCTION_JD, DESIGNER_WELDING_CV))["met"]
    assert _years(_card(CONSTRUCTION_JD, ELECTRICIAN_CV))["met"]
