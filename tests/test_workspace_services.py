"""Decisions and share links as services: ownership, validation, signatures, expiry and revocation."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select

from cvmatch_app.db.models import MatchCV, ShareLink, utcnow
from cvmatch_app.db.session import session_scope
from cvmatch_app.services import decisions, matching, share_links, workspace
from cvmatch_app.services.errors import BadRequest, NotFound
from tests.support.factories import DEVELOPER_CV, NURSE_CV, NURSE_JD, make_account


def _scored_job(user_id: int) -> str:
    prepared = matching.prepare_submission(
        plan="free",
        cvs=[
            matching.UploadedFile("maria.txt", NURSE_CV.encode()),
            matching.UploadedFile("sam.txt", DEVELOPER_CV.encode()),
        ],
        jd_text=NURSE_JD,
        jd_file=None,
    )
    with session_scope(write=True) as session:
        from cvmatch_app.db.models import User

        job = matching.create_job(session, user=session.get(User, user_id), prepared=prepared, engine="local", model="")
        for cv in session.exec(select(MatchCV).where(MatchCV.job_id == job.id)):
            cv.text = {"maria.txt": NURSE_CV, "sam.txt": DEVELOPER_CV}[cv.filename]  # as a runner reads it
            cv.status, cv.score, cv.verdict, cv.recommendation = (
                "completed",
                80 - cv.position,
                "STRONG_MATCH",
                "Interview",
            )
            session.add(cv)
        return job.id


def test_decisions_are_kept_validated_and_never_touch_the_score():
    owner, stranger = make_account(), make_account()
    job_id = _scored_job(owner.user_id)
    with session_scope(write=True) as session:
        decisions.set_decision(session, user_id=owner.user_id, job_id=job_id, position=0, status="shortlist", stars=5)
        decisions.set_decision(session, user_id=owner.user_id, job_id=job_id, position=0, note="  call back  ")
        with pytest.raises(BadRequest):
            decisions.set_decision(session, user_id=owner.user_id, job_id=job_id, position=0, stars=6)
        with pytest.raises(BadRequest):
            decisions.set_decision(session, user_id=owner.user_id, job_id=job_id, position=0, status="hired")
        with pytest.raises(NotFound):
            decisions.set_decision(session, user_id=stranger.user_id, job_id=job_id, position=0, status="reject")
    with session_scope() as session:
        view = workspace.job_workspace(session, user_id=owner.user_id, job_id=job_id)
    maria = next(row for row in view["rows"] if row["position"] == 0)
    assert maria["decision"] == {"status": "shortlist", "status_label": "Shortlisted", "stars": 5, "note": "call back"}
    assert maria["result"]["match_score"] == 80
    assert maria["candidate"]["name"] == "Maria Example"


def test_share_links_are_signed_expire_and_can_be_revoked():
    owner, stranger = make_account(), make_account()
    job_id = _scored_job(owner.user_id)
    with session_scope(write=True) as session:
        link = share_links.create_link(session, user_id=owner.user_id, job_id=job_id)
        token = share_links.token_for(link)
        with pytest.raises(NotFound):
            share_links.create_link(session, user_id=stranger.user_id, job_id=job_id)
    with session_scope() as session:
        assert share_links.job_for_token(session, token).id == job_id
        view = workspace.shared_workspace(session, token=token)
        assert view["charged"] == 0 and len([r for r in view["rows"] if r["result"]]) == 2
        link_id, expires, signature = token.split(".")
        for forged in (f"{link_id}.{int(expires) + 86400}.{signature}", f"{link_id}.{expires}.AAAA", "x", ""):
            with pytest.raises(NotFound):
                share_links.job_for_token(session, forged)
    with session_scope(write=True) as session:
        with pytest.raises(NotFound):
            share_links.revoke(session, user_id=stranger.user_id, link_id=link.id)
        share_links.revoke(session, user_id=owner.user_id, link_id=link.id)
    with session_scope() as session, pytest.raises(NotFound):
        share_links.job_for_token(session, token)
    with session_scope(write=True) as session:
        old = share_links.create_link(session, user_id=owner.user_id, job_id=job_id)
        old_token = share_links.token_for(old)
        stored = session.get(ShareLink, old.id)
        stored.expires_at = utcnow() - timedelta(seconds=1)
        session.add(stored)
    with session_scope() as session, pytest.raises(NotFound):
        share_links.job_for_token(session, old_token)


def test_blind_review_hides_who_the_candidate_is_everywhere_in_the_view():
    owner = make_account()
    job_id = _scored_job(owner.user_id)
    with session_scope(write=True) as session:
        workspace.set_blind_review(session, user_id=owner.user_id, job_id=job_id, blind=True)
    with session_scope() as session:
        view = workspace.job_workspace(session, user_id=owner.user_id, job_id=job_id)
        lines = workspace.owner_cv_text(session, user_id=owner.user_id, job_id=job_id, position=0)
    text = repr(view) + repr(lines)
    for personal in ("Maria Example", "Sam Coder", "maria.txt", "sam.txt"):
        assert personal not in text, personal
    assert {row["candidate"]["name"] for row in view["rows"]} == {"Candidate 1", "Candidate 2"}


def test_a_job_description_with_nothing_to_match_on_is_refused_before_any_charge():
    cv = [matching.UploadedFile("maria.txt", NURSE_CV.encode())]
    for nothing in ("asdf", "asdf qwer zxcv", "hello world"):
        with pytest.raises(BadRequest, match="nothing to match CVs on"):
            matching.prepare_submission(plan="free", cvs=cv, jd_text=nothing, jd_file=None)
    for enough in ("Cook", "Nurse wanted", "Python developer", NURSE_JD):
        assert matching.prepare_submission(plan="free", cvs=cv, jd_text=enough, jd_file=None).cvs
