"""Free-text asks (no lexicon concept names them) met only by what they are about: the ask's object in
the candidate's work, a word in the job's own sense, a workplace shown by a role of its field; a
rubric's "A or B" as one ask; and the employer's sentences about itself as no ask at all."""

from __future__ import annotations

import datetime as dt

from cvmatch_app.engine import LocalEngine
from cvmatch_app.engine.evidence import _ask_words, cv_sense_words
from cvmatch_app.engine.job_profile import _requirements_from
from cvmatch_app.engine.rubric import profile_with_rubric

ENGINE = LocalEngine(today=dt.date(2026, 11, 1))


def _row(jd: str, cv: str, requirement: str) -> dict[str, object]:
    evidence = ENGINE.assess_sync(ENGINE.prepare_job(jd), cv, []).evidence
    return next(e for e in evidence if str(e["requirement"]).lower().startswith(requirement.lower()))


KITCHEN_JD = "Sous Chef\nRequirements:\n- Experience supervising and training kitchen staff\n- Knife skills"


def test_helper_words_are_data() -> None:
    words = _ask_words()
    assert {"experience", "supervising", "managing", "strong", "working"} <= words
    assert "kitchen" not in words


def test_supervising_office_staff_is_not_supervising_kitchen_staff() -> None:
    office = (
        "Experience\nOffice Manager, Acme Insurance, 2015 - Present\n- Supervised and trained all office staff\n"
        "- Ran payroll"
    )
    assert not _row(KITCHEN_JD, office, "Experience supervising")["met"]
    kitchen = (
        "Experience\nKitchen Lead, Blue Fork Bistro, 2015 - Present\n- Supervised and trained kitchen staff of 8\n"
        "- Prepared sauces"
    )
    assert _row(KITCHEN_JD, kitchen, "Experience supervising")["met"]


def test_a_kitchen_cleaned_beside_bathrooms_is_no_kitchen_for_a_free_text_ask() -> None:
    janitor = (
        "Experience\nCustodian, City Hall, 2015 - Present\n- Cleaned the kitchen, bathrooms and lobby\n"
        "- Supervised and trained weekend staff"
    )
    assert not _row(KITCHEN_JD, janitor, "Experience supervising")["met"]


def test_a_line_cooks_role_is_kitchen_work_without_the_word_kitchen() -> None:
    jd = "Prep Cook\nRequirements:\n- Kitchen experience preferred"
    cook = "Experience\nLine Cook, Blue Fork Bistro, 2016 - Present\n- Grilled steaks and plated dishes"
    assert _row(jd, cook, "Kitchen")["met"]
    clerk = "Experience\nFile Clerk, Acme Insurance, 2016 - Present\n- Filed claims"
    assert not _row(jd, clerk, "Kitchen")["met"]


MORTGAGE_JD = "Mortgage Loan Processor\nRequirements:\n- Underwriting or closing experience"


def test_closing_in_a_mortgage_job_is_a_loan_closing_on_the_cv_too() -> None:
    assert "loan" in cv_sense_words("Mortgage Loan Processor")["closing"]
    assert cv_sense_words("Sales Manager") == {}
    seller = "Experience\nSales Trainer, Acme Retail, 2015 - Present\n- Skills: Selling, Closing, Prospecting"
    assert not _row(MORTGAGE_JD, seller, "Underwriting or closing")["met"]
    closer = "Experience\nLoan Officer, First Bank, 2015 - Present\n- Prepared loans for closing with the title company"
    assert _row(MORTGAGE_JD, closer, "Underwriting or closing")["met"]


def test_a_rubric_item_a_or_b_is_one_ask_met_by_either() -> None:
    jd = "Warehouse Associate\nRequirements:\n- Forklift certification"
    rubric = [{"id": "n1", "text": "Forklift licence or warehouse experience", "kind": "must", "added": True}]
    job = profile_with_rubric(jd, rubric)
    assert len(job.requirements) == 1
    cv = "Experience\nPicker, Big Box Warehouse, 2018 - Present\n- Picked and packed orders in the warehouse"
    result = ENGINE.assess_sync(job, cv, [])
    assert not result.gaps and len(result.strengths) == 1


def test_the_employer_describing_its_team_or_offer_asks_nothing() -> None:
    for sentence in (
        "Our team works in two-week sprints with Jira and Python.",
        "We offer health insurance and a 401k plan.",
        "You will join a team of five registered nurses.",
    ):
        assert _requirements_from(sentence, "must") == [], sentence
    assert [r.label for r in _requirements_from("We require a valid CDL.", "must")] == ["CDL"]
    assert _requirements_from("Experience with Jira and Python.", "must")


def test_underwriting_paperwork_and_the_underwriters_worked_with_are_no_underwriting() -> None:
    for line in (
        "Gathered underwriting documents and conditions for each file",
        "Processed files according to underwriting guidelines",
        "Conferred with underwriters to resolve application problems",
        "Received results from underwriting and cleared conditions",
    ):
        cv = f"Experience\nLoan Processor, First Bank, 2015 - Present\n- {line}\n- Ordered appraisals"
        assert not _row(MORTGAGE_JD, cv, "Underwriting or closing")["met"], line
    underwriter = "Experience\nLoan Processor, First Bank, 2015 - Present\n- Underwriting of consumer loans up to $50k"
    assert _row(MORTGAGE_JD, underwriter, "Underwriting or closing")["met"]


def test_a_closing_title_counts_when_its_role_is_about_loans() -> None:
    cv = (
        "Experience\nClosing Specialist, Acme Partners, 2015 - Present\n- Prepared refinance files for lenders\n"
        "- Scheduled signings with borrowers"
    )
    row = _row(MORTGAGE_JD, cv, "Underwriting or closing")
    assert row["met"] and "Closing Specialist" in str(row["cv_line"])


def test_experience_in_distribution_is_the_industry_not_monetary_or_gift_distributions() -> None:
    jd = "Accounts Payable Clerk\nRequirements:\n- Experience in distribution preferred"
    fund = "Experience\nFund Accountant, Acme Funds, 2015 - Present\n- Calculated monthly distributions to investors"
    assert not _row(jd, fund, "Experience in distribution")["met"]
    wholesale = "Experience\nAP Clerk, Acme Foods, 2015 - Present\n- Paid vendors for a wholesale distribution business"
    assert _row(jd, wholesale, "Experience in distribution")["met"]


def test_a_list_of_three_skills_of_one_trade_is_met_by_all_but_one() -> None:
    jd = "Graphic Designer\nRequirements:\n- Strong typography, layout and colour skills"
    two = "Experience\nDesigner, Acme Print, 2015 - Present\n- Typography and colour correction for catalogues"
    assert _row(jd, two, "Strong typography")["met"]
    one = "Experience\nDesigner, Acme Print, 2015 - Present\n- Typography for catalogues"
    assert not _row(jd, one, "Strong typography")["met"]


def test_instructing_cooks_is_training_kitchen_staff() -> None:
    cv = (
        "Experience\nSous Chef, Blue Fork Bistro, 2015 - Present\n- Worked every station of a busy kitchen\n"
        "- Instructed cooks in the preparation and plating of dishes\n- Supervisory skills"
    )
    assert _row(KITCHEN_JD, cv, "Experience supervising")["met"]


def test_a_program_named_beside_its_vendor_in_a_certificate_list() -> None:
    jd = (
        "Activities Assistant\nRequirements:\n- Computer skills to produce the monthly newsletter "
        "(Microsoft Word, Publisher)"
    )
    cv = (
        "Experience\nAide, Sunny Days Home, 2015 - Present\n- Led bingo\n"
        "Certifications\nCPR, Microsoft Excel & Word Certificate"
    )
    assert _row(jd, cv, "Computer skills")["met"]
    words = "Experience\nAide, Sunny Days Home, 2015 - Present\n- Spread the Word about events"
    assert not _row(jd, words, "Computer skills")["met"]
