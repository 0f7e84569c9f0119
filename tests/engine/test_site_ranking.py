"""Ranking for site jobs (a superintendent, a safety coordinator): the post a CV holds, not the posts
it names as the people it worked for or with."""

from __future__ import annotations

import datetime as dt

from cvmatch_app.engine import LocalEngine
from cvmatch_app.engine.scoring import occupation_fit

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
