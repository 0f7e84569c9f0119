"""Calibration on a recruiter's reading: what a candidate's career says beside the requirements met."""

from __future__ import annotations

import datetime as dt

from cvmatch_app.engine import LocalEngine

ENGINE = LocalEngine(today=dt.date(2024, 6, 1))

ADMIN_JD = """Administrative Assistant

We are looking for an Administrative Assistant to support our principals: answer phone calls, manage
calendars, schedule meetings, book travel, prepare letters and minutes, and order office supplies.

Requirements
- At least two years of experience as an administrative assistant or secretary
- Advanced user of Microsoft Office (Outlook, Word, Excel and PowerPoint)
- High school diploma
"""

_ADMIN_DUTIES = """Answered phone calls, managed the director's calendar and scheduled meetings.
Booked travel, prepared letters and meeting minutes in Word and PowerPoint, ordered office supplies.
Kept records in Excel and handled the team's Outlook inbox."""

STILL_IN_THE_JOB = f"""Jane Doe
Administrative Assistant

Experience
Administrative Assistant, Acme Corp, 01/2015 to Present
{_ADMIN_DUTIES}

Education
High School Diploma, Springfield High School
"""

MOVED_ON = f"""John Roe
Staff Accountant

Experience
Staff Accountant, Birch Ltd, 01/2020 to Present
Prepared journal entries, reconciled general ledger accounts and ran the month-end close.

Administrative Assistant, Acme Corp, 01/2012 to 12/2019
{_ADMIN_DUTIES}

Education
High School Diploma, Springfield High School
"""


def test_the_jobs_occupation_left_for_another_is_consider_not_interview() -> None:
    """Eight years as an administrative assistant, an accountant since: the candidate has left the work,
    so the card says Consider (below 60) while the assistant still in the post stays an Interview."""
    job = ENGINE.prepare_job(ADMIN_JD)
    staying = ENGINE.assess_sync(job, STILL_IN_THE_JOB)
    moved = ENGINE.assess_sync(job, MOVED_ON)
    assert staying.score >= 60
    assert 50 <= moved.score < 60
    assert moved.score < staying.score


DESIGNER_JD = """Graphic Designer

We need a Graphic Designer to create print and digital layouts, brochures and social media graphics.

Requirements
- 3+ years of graphic design experience
- Adobe Creative Suite: InDesign, Illustrator and Photoshop
"""

MOVED_UP = """Sam Poe
Marketing and Public Relations Manager

Experience
Marketing and Public Relations Manager, Birch Ltd, 01/2021 to Present
Led the marketing team's campaigns and press relations.

Graphic Designer, Acme Studio, 01/2013 to 12/2020
Designed brochures, print layouts and social media graphics in InDesign, Illustrator and Photoshop.
"""


def test_moving_up_to_manage_is_not_leaving_the_occupation() -> None:
    """A graphic designer who now manages marketing has moved up, not away: not held back below Interview."""
    job = ENGINE.prepare_job(DESIGNER_JD)
    result = ENGINE.assess_sync(job, MOVED_UP)
    assert result.score >= 60


def test_the_card_says_why_a_candidate_who_moved_on_is_consider() -> None:
    """Every must-have met yet below Interview: the summary names the latest role that explains it."""
    job = ENGINE.prepare_job(ADMIN_JD)
    moved = ENGINE.assess_sync(job, MOVED_ON)
    assert "held only before the latest role (Staff Accountant" in moved.executive_summary
    staying = ENGINE.assess_sync(job, STILL_IN_THE_JOB)
    assert "held only before" not in staying.executive_summary


def test_a_sibling_title_of_the_same_work_is_not_leaving_it() -> None:
    """Home care aide earlier, a nursing assistant (CNA) now: the same kind of work (one ISCO-08 minor
    group), so the candidate is not held below Interview as one who moved on."""
    from .cases import CVS, JOBS

    job = ENGINE.prepare_job(JOBS["home_care_aide"])
    result = ENGINE.assess_sync(job, CVS["cna"])
    assert result.score >= 60
    assert "held only before" not in result.executive_summary
