"""Ranking for site jobs (a superintendent, a safety coordinator): the post a CV holds, not the posts
it names as the people it worked for or with."""

from __future__ import annotations

import datetime as dt

from cvmatch_app.engine import LocalEngine
from cvmatch_app.engine.evidence import MET
from cvmatch_app.engine.scoring import ScoreBreakdown, occupation_fit, score_cv

ENGINE = LocalEngine(today=dt.date(2026, 11, 1))

SITE_JD = """Construction Superintendent
Requirements:
- 5+ years supervising commercial construction projects as a superintendent or site manager
- Read construction drawings and manage subcontractors
- OSHA 30-hour construction certificate
"""


def _cv(title: str, bullets: str) -> str:
    return f"Experience\n{title}, Redstone Homes, Jan 2019 - Present\n{bullets}\nEducation\nHigh School Diploma, 2015\n"


def _occupation(jd: str, cv_text: str) -> float:
    return occupation_fit(ENGINE.prepare_job(jd), ENGINE.read_cv(cv_text).profile)


def test_a_title_named_as_the_person_worked_for_is_not_held() -> None:
    """A framer who took direction from the foreman has not held the foreman's post: the occupation part
    reads the framer's trade, not the site leader's title."""
    told = _cv(
        "Framer",
        "- Took daily direction from the foreman and framed walls for new homes\n- Cut and installed joists",
    )
    held = _cv(
        "Framer",
        "- Worked as foreman for a crew of six framing new homes\n- Cut and installed joists",
    )
    assert _occupation(SITE_JD, told) < _occupation(SITE_JD, held)


def test_a_promotion_names_the_candidates_own_post() -> None:
    """A promotion ("promoted to foreman") names the candidate's own post, though "to" comes before it."""
    promoted = _cv(
        "Framer",
        "- Promoted to foreman of a crew of six framing new homes\n- Cut and installed joists",
    )
    held = _cv(
        "Framer",
        "- Worked as foreman for a crew of six framing new homes\n- Cut and installed joists",
    )
    assert _occupation(SITE_JD, promoted) == _occupation(SITE_JD, held)


ACTIVITIES_JD = """Activities Coordinator
Senior living community.
Responsibilities
- Plan, schedule and lead a monthly calendar of group activities: exercise, crafts, music, games and outings
- Recruit and schedule volunteers and work with community groups
Requirements
- 1+ year of experience planning and leading group activities or recreation programs
- CPR/First Aid certification
"""


def _breakdown(jd: str, cv_text: str) -> ScoreBreakdown:
    read = ENGINE.read_cv(cv_text)
    return score_cv(ENGINE.prepare_job(jd), read.profile, read.vectors)


def _own_title(jd: str, cv_text: str) -> float:
    findings = _breakdown(jd, cv_text).findings
    return next(f.met for f in findings if f.requirement.label.startswith("Experience as"))


def test_a_role_read_as_the_job_under_another_name_is_its_occupation() -> None:
    """A teacher who also ran the school's enrichment programmes (a role the evidence reads as the job
    under another name) is in the job's occupation, whatever ISCO group the teaching sits in."""
    cv = (
        "Experience\nArt Teacher, Lakeside School, Sep 2015 - Jun 2022\n- Taught drawing and painting to grades 7-12\n"
        "Youth Enrichment Coordinator, Lakeside School, Sep 2012 - Jun 2022\n"
        "- Planned, scheduled and led a monthly calendar of group activities, outings, games and music events\n"
        "- Recruited and scheduled volunteers and worked with community groups\n"
        "Education\nBachelor of Science, Art Education, 2011\n"
    )
    breakdown = _breakdown(ACTIVITIES_JD, cv)
    assert _own_title(ACTIVITIES_JD, cv) >= MET
    assert breakdown.occupation >= MET
    assert "different occupation" not in breakdown.caps


def test_a_title_of_the_group_without_its_work_is_no_neighbour() -> None:
    """A fitness consultant watching the gym floor shares the activity leader's ISCO unit group but does
    none of the job's work: less than a fitness instructor whose lines plan and lead group classes."""
    floor = _cv(
        "Fitness Consultant",
        "- Kept watch for safety infractions on the gym floor\n- Answered patrons' questions about memberships",
    )
    leading = _cv(
        "Fitness Consultant",
        "- Planned, scheduled and led a monthly calendar of group exercise classes and outings\n"
        "- Recruited and scheduled volunteers for community events",
    )
    assert _own_title(ACTIVITIES_JD, floor) < _own_title(ACTIVITIES_JD, leading)
    assert _breakdown(ACTIVITIES_JD, floor).score < _breakdown(ACTIVITIES_JD, leading).score
