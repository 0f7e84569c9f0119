"""Roles, dates, employers and the most recent role read from every layout CVs use, and the
keyword-stuffing flag raised only for stuffing. All CV texts here are written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from cvmatch_app.engine import FLAG_KEYWORD_STUFFING, LocalEngine
from cvmatch_app.engine.cv_profile import build_cv_profile
from cvmatch_app.engine.injection import stuffed_lines
from cvmatch_app.engine.tokens import tokenize_with_case

NOW = 2026 + 10 / 12  # November 2026
ENGINE = LocalEngine(today=dt.date(2026, 11, 15))


def roles(text: str) -> list[tuple[str, str, str]]:
    """(title, start, end) as a recruiter writes them: 2017-10, 2019 or present."""
    cv = build_cv_profile(text, NOW)

    def point(value: float, is_end: bool, month_known: bool) -> str:
        if not month_known:
            return str(int(value + 1e-6))
        value = value - 1 / 12 if is_end else value
        year = int(value + 1e-6)
        return f"{year}-{int(round((value - year) * 12)) + 1:02d}"

    out = []
    for r in cv.roles:
        months = any(ch.isalpha() for ch in r.date_text.split()[0]) or "/" in r.date_text or "." in r.date_text
        end = "present" if r.ongoing else point(r.end, True, months)
        out.append((r.title, point(r.start, False, months), end))
    return out


# ------------------------------------------------------------------ date forms
@pytest.mark.parametrize(
    "line, start, end",
    [
        ("Dec 2016 to Current", "2016-12", "present"),
        ("10/2017 - 09/2019", "2017-10", "2019-09"),
        ("10/2017 to 09/2019", "2017-10", "2019-09"),
        ("March 2012 – May 2016", "2012-03", "2016-05"),
        ("04.2018 - present", "2018-04", "present"),
        ("Jan 2021 – Now", "2021-01", "present"),
    ],
)
def test_month_date_forms(line: str, start: str, end: str) -> None:
    text = f"Experience\nLine Cook, The Blue Door Bistro\n{line}\nGrill and fryer stations."
    assert roles(text) == [("Line Cook", start, end)]


@pytest.mark.parametrize("line, end", [("2019 – now", "present"), ("2015 - 2019", "2019"), ("2012 to 2018", "2018")])
def test_years_only(line: str, end: str) -> None:
    found = roles(f"Work History\nWarehouse Operative\n{line}\nPicked and packed orders.")
    assert found == [("Warehouse Operative", line[:4], end)]


def test_summer_job_is_three_months() -> None:
    cv = build_cv_profile(
        "Experience\nLifeguard, Riverside Pool\nSummer 2018\nSupervised swimmers.\nEducation\nBA History, 2019", NOW
    )
    assert [r.title for r in cv.roles] == ["Lifeguard"]
    assert cv.roles[0].years == pytest.approx(0.25, abs=0.01)


def test_a_single_month_is_a_short_role() -> None:
    text = "Experience\nEvent Florist\n05/2021\nCompany Name – City, State\nWedding flowers for 200 guests."
    cv = build_cv_profile(text, NOW)
    assert [(r.title, r.years) for r in cv.roles] == [("Event Florist", pytest.approx(0.08, abs=0.01))]


# ------------------------------------------------------------------ layouts
SPLIT_OVER_LINES = """Work History
Pastry Cook

,
03/2016

to
08/2018

Company Name

â€“
City

,
State

Laminated doughs and plated desserts for a 90-cover restaurant.
Baker

,
06/2013

to
02/2016

Company Name

â€“
City

,
State

Bread production from 4 am.
Education
High School Diploma

:
05/2013
"""


def test_dates_split_over_lines_with_employer_and_place_below() -> None:
    cv = build_cv_profile(SPLIT_OVER_LINES, NOW)
    assert roles(SPLIT_OVER_LINES) == [("Pastry Cook", "2016-03", "2018-08"), ("Baker", "2013-06", "2016-02")]
    assert [r.employer for r in cv.roles] == ["Company Name", "Company Name"]
    assert cv.most_recent_title == "Pastry Cook"


DATES_THEN_TITLE = """Experience
June 2019 to Current
Company Name – City, State
Pharmacy Technician
Filled 300 prescriptions a day.
Counted controlled drugs with the pharmacist.
September 2016 to May 2019
Company Name – City, State
Pharmacy Assistant
Stocked shelves and served customers at the counter.
"""


def test_title_on_the_line_after_the_dates() -> None:
    assert roles(DATES_THEN_TITLE) == [
        ("Pharmacy Technician", "2019-06", "present"),
        ("Pharmacy Assistant", "2016-09", "2019-05"),
    ]


DATES_AT_THE_END_OF_A_BULLET = """Experience
09/2020 to 10/2023
Claims Handler Company Name – City , State
Handled 40 motor claims a week and negotiated settlements with garages.
Kept every file up to date for the audit team.
03/2018 to 09/2020
Customer Service Agent Company Name – City , State
Answered calls about policies and renewals.
"""


def test_dates_above_a_title_that_shares_its_line_with_the_employer() -> None:
    cv = build_cv_profile(DATES_AT_THE_END_OF_A_BULLET, NOW)
    assert [(r.title, r.employer) for r in cv.roles] == [
        ("Claims Handler", "Company Name"),
        ("Customer Service Agent", "Company Name"),
    ]


def test_dates_on_the_title_line_after_a_tab_and_employer_on_the_next_line() -> None:
    text = (
        "Experience\nSENIOR ELECTRICIAN\tJan 2020 – Current\nVoltline Services Ltd, Leeds\nRewired offices.\n"
        "ELECTRICIAN\tMar 2015 – Dec 2019\nHomeSpark Electrical Ltd, York\nDomestic installs."
    )
    cv = build_cv_profile(text, NOW)
    assert roles(text) == [("SENIOR ELECTRICIAN", "2020-01", "present"), ("ELECTRICIAN", "2015-03", "2019-12")]
    assert [r.employer for r in cv.roles] == ["Voltline Services Ltd", "HomeSpark Electrical Ltd"]


def test_dates_first_on_the_line_with_title_and_employer() -> None:
    text = (
        "Experience\nSep 2020 - Present | Ward Manager | St. Anne's Hospital\n"
        "Sep 2016 - Aug 2020 | Staff Nurse | St. Anne's Hospital\n"
        "Education\nSep 2012 - Jun 2016 | BSc Nursing | University of Kent"
    )
    cv = build_cv_profile(text, NOW)
    assert roles(text) == [("Ward Manager", "2020-09", "present"), ("Staff Nurse", "2016-09", "2020-08")]
    assert {r.employer for r in cv.roles} == {"St. Anne's Hospital"}


def test_title_employer_and_place_before_the_dates() -> None:
    text = "Experience\nTruck Driver — Crossroads Freight, Joliet, IL\t10/2017 - 09/2023\nHauled dry van loads."
    cv = build_cv_profile(text, NOW)
    assert [(r.title, r.employer) for r in cv.roles] == [("Truck Driver", "Crossroads Freight")]


def test_several_roles_at_one_employer() -> None:
    text = (
        "Employment\nNorthgate Bank plc — Manchester\nSenior Cashier (Mar 2021 – Present)\nTrained new cashiers.\n"
        "Cashier (Jun 2018 – Feb 2021)\nServed branch customers.\n"
        "Eastside Cinema\nUsher (Summer 2017)\nChecked tickets."
    )
    cv = build_cv_profile(text, NOW)
    assert [(r.title, r.employer) for r in cv.roles] == [
        ("Senior Cashier", "Northgate Bank plc"),
        ("Cashier", "Northgate Bank plc"),
        ("Usher", "Eastside Cinema"),
    ]


def test_a_title_with_commas_or_a_dash_stays_whole() -> None:
    text = (
        "Experience\nAccounts Clerk, Payables and Receivables\nMay 2019 to Current\nCompany Name – City, State\n"
        "Posted invoices.\nProcess Technician - Welder\n04/2015 to 01/2016\nCompany Name – City, State\nWelded frames."
    )
    assert [t for t, _, _ in roles(text)] == ["Accounts Clerk, Payables and Receivables", "Process Technician - Welder"]


# ------------------------------------------------------------------ what is not work
def test_education_and_certification_dates_are_not_work() -> None:
    text = (
        "Education\nBSc Biology, University of Leeds, 2012 - 2015\nHigh School Diploma\n05/2011\n"
        "Certifications\nFirst Aid at Work, 03/2020\nForklift licence\t2019\n"
        "Experience\nLab Technician\n2016 - 2021\nSample preparation."
    )
    cv = build_cv_profile(text, NOW)
    assert roles(text) == [("Lab Technician", "2016", "2021")]
    assert cv.total_years == 5.0


def test_a_year_inside_a_title_or_a_sentence_is_no_role() -> None:
    text = (
        "Experience\nSenior Producer - 2014 Media Exchange\nProduced a live show.\n"
        "Grew monthly sales from 2015 - 2017 by 20% across the region while training new staff members.\n"
        "Sales Executive\nJan 2014 - Dec 2018\nSold advertising."
    )
    assert roles(text) == [("Sales Executive", "2014-01", "2018-12")]


# ------------------------------------------------------------------ the most recent role
@pytest.mark.parametrize(
    "text, recent",
    [
        (SPLIT_OVER_LINES, "Pastry Cook"),
        (DATES_THEN_TITLE, "Pharmacy Technician"),
        # Listed oldest first: the latest dated role wins, not the first one listed.
        ("Experience\nCommis Chef\n2008 - 2012\nSous Chef\n2012 - 2018\nHead Chef\n2018 - Present", "Head Chef"),
        # Two ongoing roles: the one started last.
        ("Experience\nVolunteer Coach, 2010 - Present\nSchool Caretaker, 2019 - Present", "School Caretaker"),
    ],
)
def test_most_recent_role_is_the_latest_dated_role(text: str, recent: str) -> None:
    assert build_cv_profile(text, NOW).most_recent_title == recent


def test_summary_names_the_most_recent_role_never_a_fragment() -> None:
    job = ENGINE.prepare_job("Pastry Chef\nRequirements:\n- 3+ years of pastry experience")
    summary = ENGINE.assess_sync(job, SPLIT_OVER_LINES, []).executive_summary
    assert summary.startswith("Most recently Pastry Cook. ")
    assert "No dated work history" not in summary
    for fragment in ("to", "State", "Company Name", "City", "03/2016"):
        assert not summary.startswith(f"Most recently {fragment}")


def test_a_long_career_split_over_lines_counts_all_its_years() -> None:
    """The chef with 25 years whose dates were split over lines was held at 48 as if he had none."""
    career = [
        ("Executive Chef", "01/2010", "Current"),
        ("Sous Chef", "02/2004", "12/2009"),
        ("Line Cook", "03/2000", "01/2004"),
    ]
    place = "Company Name\n\nâ€“\nCity\n\n,\nState"
    chunks = [f"{title}\n\n,\n{start}\n\nto\n{end}\n\n{place}\n\nRan the kitchen." for title, start, end in career]
    text = "Chef\nExperience\n" + "\n".join(chunks) + "\nSkills\nMenu costing, butchery, HACCP"
    cv = build_cv_profile(text, NOW)
    assert cv.total_years == pytest.approx(26.7, abs=0.2)
    job = ENGINE.prepare_job("Executive Chef\nRequirements:\n- 10+ years of experience as a chef\n- Menu costing")
    result = ENGINE.assess_sync(job, text, [])
    assert result.score >= 70, result.executive_summary
    assert result.executive_summary.startswith("Most recently Executive Chef. ")


# ------------------------------------------------------------------ keyword stuffing
def _stuffed(text: str) -> set[int]:
    lines = text.split("\n")
    return stuffed_lines(lines, [[s for s, _ in tokenize_with_case(line)] for line in lines])


HONEST_SKILLS = (
    "Microsoft Word, Microsoft Excel, Microsoft PowerPoint, Microsoft Outlook, Microsoft Access, Microsoft Project, "
    "Windows 10, Windows Server 2016, Active Directory, DHCP, DNS, VPN, Cisco routers, switches, firewalls, "
    "VMware, Hyper-V, backups, patching, ticketing, ServiceNow, Jira, PowerShell, Bash, Python, SQL Server, "
    "MySQL, printers, laptops, mobile devices, Office 365, SharePoint, Teams, Zoom, customer service, "
    "training users, documentation, asset management, inventory, procurement, vendor management"
)
PROSE = (
    "Managed the day to day running of the kitchen and the team, and made sure that the food and the service "
    "were of the standard that the owners and the guests expected, and trained the new staff in the kitchen and "
    "in the restaurant so that the service ran smoothly on the busiest nights of the week and of the year."
)


@pytest.mark.parametrize("text", [HONEST_SKILLS, PROSE, "Skills\n" + "\n".join(HONEST_SKILLS.split(", "))])
def test_ordinary_skills_lists_and_sentences_are_not_stuffing(text: str) -> None:
    assert _stuffed(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Python Django AWS Docker PostgreSQL Kubernetes " * 15,  # the same keywords over and over
        "nurse " * 12 + "care patients ward",  # one keyword making up the line
        ", ".join(f"skill{n} tool{n}" for n in range(90)),  # a dump far beyond any skills section
        "\n".join(["Python, Java, AWS, Docker, SQL, Kubernetes"] * 5),  # a keyword line pasted again and again
    ],
)
def test_stuffing_that_would_move_a_score_is_flagged(text: str) -> None:
    assert _stuffed(text)


def test_an_honest_cv_carries_no_stuffing_flag() -> None:
    job = ENGINE.prepare_job("IT Support Technician\nRequirements:\n- Active Directory\n- 2+ years of support")
    cv = f"Experience\nIT Support Technician\nJan 2019 - Present\nCompany Name – City, State\nSkills\n{HONEST_SKILLS}"
    result = ENGINE.assess_sync(job, cv, [])
    assert FLAG_KEYWORD_STUFFING not in result.flags
    assert result.score >= 60


def test_two_dates_with_only_a_space_between_them() -> None:
    text = (
        "Experience\nBrightApps, Haifa\niOS developer\nFebruary 2017 Present\nBuilt apps in Swift.\n"
        "Back-end developer\n4/2014 9/2016\nC# services."
    )
    assert roles(text) == [("iOS developer", "2017-02", "present"), ("Back-end developer", "2014-04", "2016-09")]


def test_title_at_employer() -> None:
    cv = build_cv_profile(
        "Experience\n2021 - Present: Full Stack Developer at Optisor LTD (Rehovot)\nBuilt a web app.", NOW
    )
    assert [(r.title, r.employer) for r in cv.roles] == [("Full Stack Developer", "Optisor LTD (Rehovot)")]


def test_title_then_employer_then_dates_with_the_place() -> None:
    text = (
        "WORK EXPERIENCE\nCloud DevOps Engineer\nRiverbend Analytics\nApril 2019 - current / Birmingham, AL\n"
        "· Built CI/CD pipelines\n\nSystems Administrator\nHollow Creek Media\n"
        "June 2016 - March 2019 / Tuscaloosa, AL\n· Looked after Linux servers"
    )
    cv = build_cv_profile(text, NOW)
    assert [(r.title, r.employer) for r in cv.roles] == [
        ("Cloud DevOps Engineer", "Riverbend Analytics"),
        ("Systems Administrator", "Hollow Creek Media"),
    ]


TITLE_EMPLOYER_THEN_DATES_AND_PLACE = """Work Experience
Network Engineer
Brightline Systems
April 2019 - current / Leeds, AL
Configured routers and firewalls for 40 offices.
Help Desk Technician
Carver Holdings
June 2016 - March 2019 / Mobile, AL
Answered 50 tickets a day.
"""


def test_title_above_an_employer_without_an_organisation_word_and_a_place_beside_the_dates() -> None:
    cv = build_cv_profile(TITLE_EMPLOYER_THEN_DATES_AND_PLACE, NOW)
    assert roles(TITLE_EMPLOYER_THEN_DATES_AND_PLACE) == [
        ("Network Engineer", "2019-04", "present"),
        ("Help Desk Technician", "2016-06", "2019-03"),
    ]
    assert [r.employer for r in cv.roles] == ["Brightline Systems", "Carver Holdings"]
