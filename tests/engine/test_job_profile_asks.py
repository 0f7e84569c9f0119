"""Requirements traced to the JD: what a duty handles or where patients come from is no ask, the title
decides a word's sense, "X or Y" free-text asks are met by either side, conditions are not skills."""

from __future__ import annotations

from cvmatch_app.engine import LocalEngine
from cvmatch_app.engine.job_profile import MUST, NICE, SOFT, build_job_profile

ENGINE = LocalEngine()

MORTGAGE_JD = """Mortgage Loan Processor

What you will do
- Review new loan files and request missing documents from borrowers (pay stubs, W-2s, tax returns, bank statements)
- Prepare files for closing

Requirements
- 2+ years of mortgage loan processing experience
- Experience with a loan origination system, Encompass preferred
- Proficient in Microsoft Office

Nice to have
- Underwriting or closing experience
"""


def _labels(jd: str) -> dict[str, str]:
    return {r.label: r.kind for r in build_job_profile(jd).requirements}


def test_documents_collected_from_borrowers_are_no_ask_but_tell_the_field() -> None:
    job = build_job_profile(MORTGAGE_JD)
    assert not [r for r in job.requirements if "tax" in r.alternatives], [r.label for r in job.requirements]
    assert job.domains.get("finance", 0) > 0  # a processor who collects tax returns works in finance


def test_the_place_patients_come_from_is_no_ask() -> None:
    jd = """Care Coordinator

What you will do
- Call patients within 48 hours of a hospital or emergency department discharge
- Follow up with patients referred from the emergency department

What we are looking for
- Experience with an electronic health record
"""
    job = build_job_profile(jd)
    assert not [r for r in job.requirements if "emergency_dept" in r.alternatives], [r.label for r in job.requirements]


def test_the_title_decides_the_sense_of_closing() -> None:
    mortgage = build_job_profile(MORTGAGE_JD)
    assert not [r for r in mortgage.requirements if "sales_skills" in r.alternatives]
    sales = build_job_profile("Account Executive\n\nRequirements\n- Underwriting or closing experience\n")
    assert [r for r in sales.requirements if "sales_skills" in r.alternatives]


def test_either_side_of_a_free_text_or_meets_the_ask() -> None:
    cv = """Jane Doe
Experience
Credit Underwriter, First Bank, 2015 - 2020
Underwrote consumer and mortgage loans.
"""
    result = ENGINE.assess_sync(ENGINE.prepare_job(MORTGAGE_JD), cv, [])
    assert any("Underwriting or closing" in s for s in result.strengths), (result.strengths, result.gaps)


def test_a_preferred_last_item_is_the_nice_to_have() -> None:
    kinds = _labels(MORTGAGE_JD)
    assert kinds.get("Experience with a loan origination system") == MUST, kinds
    assert kinds.get("Encompass preferred") == NICE, kinds


def test_a_range_of_years_asks_the_lower_figure() -> None:
    jd = "Marketing Specialist\n\nRequirements\n- Two to four years of experience in digital marketing\n"
    assert build_job_profile(jd).min_years == 2


def test_availability_and_own_tools_are_conditions_not_skills() -> None:
    jd = """Sous Chef

Requirements
- Strong knife skills
- Available evenings, weekends and holidays
- Must have own tools and own transport
"""
    job = build_job_profile(jd)
    conditions = [r for r in job.requirements if r.label.startswith(("Available", "Must have own"))]
    assert conditions and all(r.category == SOFT for r in conditions), [(r.label, r.category) for r in conditions]


def test_a_preferred_item_inside_a_list_makes_the_items_after_it_nice() -> None:
    jd = """Payroll Specialist

Requirements
- 3+ years of payroll experience
- Experience with ADP
- Preferred: QuickBooks
- Bilingual English/Spanish
"""
    job = build_job_profile(jd)
    nice = {r.label for r in job.requirements if r.kind == NICE}
    assert any("QuickBooks" in label for label in nice) and "Bilingual" in nice, nice


def test_a_degree_or_a_credential_is_one_ask() -> None:
    jd = """Care Coordinator

What we are looking for
- Bachelor's degree in social work, nursing or a related field, or an LPN/Medical Assistant credential
"""
    job = build_job_profile(jd)
    asks = [r for r in job.requirements if {"lpn", "medical_assistant"} & set(r.alternatives)]
    assert len(asks) == 1 and "bachelors" in asks[0].alternatives, [(r.label, r.alternatives) for r in job.requirements]


def test_supervising_kitchen_staff_is_an_ask_not_the_kitchen_again() -> None:
    jd = """Sous Chef

Requirements
- 3+ years of experience cooking in a restaurant kitchen
- Experience supervising and training kitchen staff
"""
    assert "Experience supervising and training kitchen staff" in _labels(jd)
