"""How the JD's wording is read: prose requirements are must-haves except the clause a "preferably"
opens, a years ask keeps the work it names (and its evidence counts years in that work), a second
years ask inside the first ("including at least 1 year as a sous chef") is its own ask, and an "A or
B" ask whose B no concept names is one ask met by either."""

from __future__ import annotations

from cvmatch_app.engine import LocalEngine
from cvmatch_app.engine.job_profile import MUST, NICE, build_job_profile

ENGINE = LocalEngine()

PROSE_JD = (
    "Payroll Administrator\n\nNorthfield Foods runs three bakeries and pays 600 people every week.\n\n"
    "We are looking for someone with at least two years of experience in payroll administration, ideally in "
    "food production or retail, and a working knowledge of wage and hour law. You should be comfortable with "
    "ADP and with Microsoft Excel. A CPP certification is a plus.\n"
)


def _asks(jd: str) -> dict[str, tuple[str, str]]:
    return {r.label: (r.kind, r.category) for r in build_job_profile(jd).requirements}


def test_prose_requirements_are_must_haves_but_the_ideally_clause_is_nice() -> None:
    job = build_job_profile(PROSE_JD)
    kinds = {r.label: r.kind for r in job.requirements}
    years = [r for r in job.requirements if r.category == "years"]
    assert years and years[0].kind == MUST, kinds
    assert kinds.get("Excel") == MUST or kinds.get("Microsoft Excel") == MUST, kinds
    nice_sources = {r.source for r in job.requirements if r.kind == NICE}
    assert any(s.startswith("ideally in food production") for s in nice_sources), nice_sources
    assert all(r.kind == NICE for r in job.requirements if "a plus" in r.source), kinds


def test_an_ideally_clause_without_a_must_leaves_the_sentence_nice() -> None:
    jd = "Receptionist\n\nExperience with Salesforce, ideally in a healthcare practice, helps.\n"
    read = [r for r in build_job_profile(jd).requirements if r.source.startswith("Experience")]
    assert read and all(r.kind == NICE for r in read), [(r.label, r.kind) for r in read]


def test_a_years_ask_keeps_the_work_it_names() -> None:
    jd = "Claims Examiner\n\nRequirements\n- 3+ years of insurance claims adjusting experience\n"
    labels = _asks(jd)
    assert "3+ years of insurance claims adjusting" in labels or any(
        label.startswith("3+ years of") and "relevant" not in label for label in labels
    ), labels
    assert not any("relevant experience" in label for label in labels), labels


CHEF_JD = """Sous Chef

Requirements
- 4+ years of experience cooking in a restaurant kitchen, including at least 1 year as a sous chef or kitchen manager
"""


def test_a_year_as_a_post_inside_a_years_ask_is_its_own_ask() -> None:
    job = build_job_profile(CHEF_JD)
    years = {r.label: r for r in job.requirements if r.category == "years"}
    post = [r for r in years.values() if r.years == 1]
    assert post and "sous chef" in post[0].asked and post[0].kind == MUST, list(years)
    assert any(r.years == 4 for r in years.values()), list(years)
    assert job.min_years == 4


def test_the_post_ask_counts_years_in_senior_kitchen_posts_only() -> None:
    line_cook = """Sam Carter
Experience
Line Cook, Blue Door Bistro, 2014 - 2020
Cooked on the grill and saute stations.
"""
    head_chef = """Ana Ruiz
Experience
Head Chef, Harbour Grill, 2017 - 2020
Ran the kitchen and wrote the menu.
Line Cook, Harbour Grill, 2014 - 2017
Cooked on the line.
"""
    job = ENGINE.prepare_job(CHEF_JD)
    cook = ENGINE.assess_sync(job, line_cook, [])
    chef = ENGINE.assess_sync(job, head_chef, [])
    assert any(g.startswith("1+ years as sous chef") for g in cook.gaps), cook.gaps
    assert any("years as sous chef" in s for s in chef.strengths), chef.strengths


def test_years_in_construction_safety_count_roles_doing_safety() -> None:
    jd = """Safety Coordinator

Requirements
- 3+ years of construction safety experience
"""
    labourer = """Tom Reed
Experience
Carpenter, Reed Builders, 2012 - 2020
Framed walls and hung doors on commercial construction projects.
"""
    officer = """Kim Lee
Experience
Site Safety Officer, Apex Construction, 2015 - 2020
Ran safety inspections and toolbox talks on construction sites.
"""
    assert "3+ years of construction safety" in _asks(jd)
    job = ENGINE.prepare_job(jd)
    carpenter = ENGINE.assess_sync(job, labourer, [])
    safety = ENGINE.assess_sync(job, officer, [])
    assert not any("years of construction safety" in s for s in carpenter.strengths), carpenter.strengths
    assert any("years of construction safety" in s for s in safety.strengths), safety.strengths


def test_an_or_ask_with_a_side_no_concept_names_is_met_by_either() -> None:
    jd = """Line Cook

Requirements
- 2+ years of restaurant kitchen experience

Nice to have
- Butchery or pastry experience
"""
    asks = _asks(jd)
    assert asks.get("Butchery or pastry experience") == (NICE, "other"), asks
    cv = """Lee Park
Experience
Line Cook, Corner Cafe, 2016 - 2021
Made laminated pastry and desserts for brunch service.
"""
    result = ENGINE.assess_sync(ENGINE.prepare_job(jd), cv, [])
    assert any(s.startswith("Butchery or pastry") for s in result.strengths), (result.strengths, result.gaps)


def test_years_in_a_listed_work_no_concept_names_count() -> None:
    jd = """Care Coordinator

What we are looking for
- 2+ years of experience in care coordination, case management, patient navigation or social services
"""
    cv = """Dana Fox
Experience
Patient Liaison, Riverside Clinic, 2014 - 2020
Care coordination for patients leaving the hospital: follow-up calls and referrals.
"""
    assert any("patient navigation or social services" in label for label in _asks(jd)), _asks(jd)
    result = ENGINE.assess_sync(ENGINE.prepare_job(jd), cv, [])
    assert not any(g.startswith("2+ years") for g in result.gaps), result.gaps
