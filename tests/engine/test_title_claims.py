"""Title, role and credential claims that prove what they say: the role quoted does the work, an objective
is no title held, an intern is below the job's level, a general title shows a post only by its work, and
a credential's rules are not the credential."""

from __future__ import annotations

import datetime as dt

from cvmatch_app.engine import LocalEngine

ENGINE = LocalEngine(today=dt.date(2026, 11, 1))


def _row(jd: str, cv: str, requirement: str) -> dict:
    evidence = ENGINE.assess_sync(ENGINE.prepare_job(jd), cv, []).evidence
    return next(e for e in evidence if e["requirement"].lower().startswith(requirement.lower()))


def _met(jd: str, cv: str, requirement: str) -> float:
    row = _row(jd, cv, requirement)
    return float(row["strength"]) if row["met"] else 0.0


# ------------------------------------------------------------------ the role that does the work
AP_JOB = "Accounts Payable Specialist\nRequirements:\n- Accounts payable experience\n- Excel"


def test_the_role_quoted_for_a_post_is_the_one_whose_lines_do_its_work() -> None:
    cv = (
        "Experience\nAccountant, Acme Corp, 2016 - Present\n- Prepared invoices to customers, collected receivables\n"
        "Accounting Associate, Beta Inc, 2010 - 2016\n- Accounts payable for the head office, coding invoices\n"
        "Skills\nExcel"
    )
    row = _row(AP_JOB, cv, "Accounts payable")
    assert row["met"] and row["cv_line"].startswith("Accounting Associate")


def test_a_post_named_only_in_a_skills_list_is_no_role_doing_it() -> None:
    cv = (
        "Experience\nFinancial Analyst, Acme Corp, 2010 - 2020\n- Reconciled receivables and built forecasts\n"
        "Skills\nAccounts payable, budgeting, Excel"
    )
    assert _met(AP_JOB, cv, "Accounts payable") == 0.0


def test_a_general_finance_title_shows_payables_only_by_its_work() -> None:
    reviewer = "Experience\nSenior Finance Assistant, Insurer, 2012 - 2016\n- Processed premium fund account reviews"
    payer = "Experience\nSenior Finance Assistant, Insurer, 2012 - 2016\n- Paid invoices and matched purchase orders"
    assert _met(AP_JOB, reviewer, "Accounts payable") == 0.0
    assert _met(AP_JOB, payer, "Accounts payable") > 0


def test_a_car_showroom_sales_manager_is_no_account_executive() -> None:
    jd = "Account Executive, Mid-Market (New Business)\nRequirements:\n- 3+ years of B2B sales\n- Salesforce"
    dealer = (
        "Experience\nSales Manager, City Motors, 2009 - 2016\n- Directed strategic initiatives to achieve dealership "
        "sales objectives for new and used cars"
    )
    b2b = (
        "Experience\nSales Manager, SoftCo, 2009 - 2016\n- Won new business with mid-market accounts, "
        "managed key accounts"
    )
    assert _met(jd, dealer, "Sales") < 0.7
    assert _met(jd, b2b, "Sales") >= 0.7


# ------------------------------------------------------------------ wanting a title is not holding it
def test_an_objective_names_the_post_wanted_not_one_held() -> None:
    jd = "IT Support Technician\nRequirements:\n- Help desk or desktop support experience\n- Active Directory"
    cv = (
        "Jane Doe\nSummary\nA motivated professional with a desire to obtain a position as IT Manager with "
        "strong security knowledge.\nExperience\nWarehouse Clerk, Acme, 2015 - 2020\n- Picked orders"
    )
    assert _met(jd, cv, "help desk") == 0.0


def test_a_title_held_after_an_objective_sentence_still_counts() -> None:
    jd = "Sous Chef\nRequirements:\n- Sous chef or kitchen manager experience\n- Knife skills"
    cv = (
        "Jane Doe\nSummary\nTo secure a management position with a dynamic organization. Held every post "
        "including general manager and kitchen manager.\nExperience\nOwner, Diner, 2015 - 2020\n- Ran the diner"
    )
    assert _met(jd, cv, "Sous chef or kitchen manager") > 0


# ------------------------------------------------------------------ trainees are below the level
def test_an_intern_is_below_the_level_of_the_title_asked() -> None:
    jd = "Digital Marketing Specialist\nRequirements:\n- Experience as a digital marketing specialist\n- SEO"
    intern = "Experience\nDigital Marketing Intern, AdCo, 05/2016 - 08/2016\n- Scheduled posts\n- SEO"
    specialist = "Experience\nDigital Marketing Specialist, AdCo, 2016 - 2020\n- Ran campaigns\n- SEO"
    assert _met(jd, intern, "Digital marketing specialist") < 0.7
    assert _met(jd, specialist, "Digital marketing specialist") >= 0.7


# ------------------------------------------------------------------ a credential, not its rules
SAFETY_JOB = (
    "Construction Safety Coordinator\nRequirements:\n- OSHA 30-hour Construction card\n- 3+ years of construction"
)


def test_osha_rules_followed_or_reported_are_no_osha_card() -> None:
    rules = (
        "Experience\nSite Supervisor, BuildCo, 2010 - 2020\n"
        "- Ensures team compliance with all company and OSHA regulated safety requirements and standards\n"
        "- OSHA inspections"
    )
    card = "Experience\nSite Supervisor, BuildCo, 2010 - 2020\n- Built offices\nCertifications\nOSHA 30 Hour"
    assert _met(SAFETY_JOB, rules, "OSHA") == 0.0
    row = _row(SAFETY_JOB, card, "OSHA")
    assert row["met"] and "30" in row["cv_line"]


def test_first_aid_given_is_no_first_aid_certificate() -> None:
    jd = "Activities Coordinator\nRequirements:\n- CPR or First Aid certified\n- Event planning"
    given = "Experience\nCamp Counselor, Camp, 2015 - 2020\n- Administered minor first aid to campers on outdoor trips"
    held = "Experience\nCamp Counselor, Camp, 2015 - 2020\n- Led games\nCertifications\nCPR and First Aid certified"
    assert _met(jd, given, "CPR") == 0.0
    assert _met(jd, held, "CPR") > 0


# ------------------------------------------------------------------ a field named in passing
def test_a_field_named_in_the_lines_of_another_occupation_gives_no_years_in_it() -> None:
    buyer = (
        "Experience\nPurchasing Agent, Acme, 2010 - 2020\n- Bought construction materials for construction sites\n"
        "Construction Supervisor, BuildCo, 2021 - 2022\n- Ran crews on construction sites"
    )
    owner = "Experience\nOperations Manager, BuildCo, 2010 - 2020\n- Ran construction projects for clients"
    row = _row(SAFETY_JOB, buyer, "3+ years of construction")
    assert not row["met"] and "Purchasing" not in row["cv_line"]
    assert _met(SAFETY_JOB, owner, "3+ years of construction") > 0
