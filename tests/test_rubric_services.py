"""The rubric service shared by the pages, the API and the MCP server: the engine's reading, a job
submitted with a rubric, re-scoring a finished job in place, versions, and refusals that change nothing."""

from __future__ import annotations

import asyncio
import copy
import time
from typing import Any

import pytest
from sqlmodel import Session, select

from cvmatch_app.db.models import CreditLedger, MatchCV, MatchJob, MatchRubricVersion, User
from cvmatch_app.db.session import session_scope
from cvmatch_app.engine.bands import lowest_score_for
from cvmatch_app.jobs.cv_task import process_cv
from cvmatch_app.services import credits, matching
from cvmatch_app.services.errors import BadRequest, Conflict, InsufficientCredits, NotFound
from cvmatch_app.services.rubric import (
    check_requirements,
    job_rubric,
    last_rubric_for_title,
    preview_rubric,
    rescore_job,
)
from tests.conftest import POSTGRES_URL
from tests.support.factories import NAMED_NURSE_CV, NURSE_CV, NURSE_JD, make_account
from tests.support.postgres import create_database, drop_database, migrated_engine

INTERVIEW = lowest_score_for("Interview")
# An ICU nurse with PALS but no ACLS: behind Maria (NURSE_CV) on the JD as written.
NINA_CV = """Nina Sample
Registered Nurse (RN), licensed in Texas. BLS and PALS certified.

Experience
ICU Staff Nurse, Children's Hospital - Mar 2019 to Present
- Critical care nursing in a pediatric intensive care unit; ventilator management and patient assessment
Staff Nurse, Riverside Hospital - 2016 to 2019

Education
Associate Degree in Nursing, 2016
"""
CVS = {"maria.txt": NURSE_CV, "nina.txt": NINA_CV}


def _finished_job(user_id: int, requirements: Any = None, *, blind: bool = False, cvs: dict[str, str] = CVS) -> str:
    """Submitted like the API does, and scored by the runners' own task."""
    submitted = matching.submit(
        user_id=user_id,
        cvs=[matching.UploadedFile(name, text.encode()) for name, text in cvs.items()],
        jd_text=NURSE_JD,
        requirements=requirements,
        blind=blind,
    )
    with session_scope() as session:
        cv_ids = matching.cv_ids_of(session, submitted["job_id"])
    for cv_id in cv_ids:
        # "skipped" when a runner registered in this test process by an earlier test claimed it first.
        assert asyncio.run(process_cv(cv_id)) in ("scored", "skipped")
    deadline = time.monotonic() + 60
    while True:
        with session_scope() as session:
            states = [session.get(MatchCV, cv_id).status for cv_id in cv_ids]  # type: ignore[union-attr]
        if states == ["completed"] * len(cvs) or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    assert states == ["completed"] * len(cvs)
    return str(submitted["job_id"])


def _ranking(user_id: int, job_id: str) -> list[tuple[str, int]]:
    with session_scope() as session:
        results = matching.results(session, user_id=user_id, job_id=job_id)["results"]
    return [(r["cv_filename"], r["match_score"]) for r in results]


def _edited(rubric: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """ACLS switched to nice-to-have, and a PALS knockout added."""
    edited = copy.deepcopy(rubric)
    next(item for item in edited if item["text"] == "ACLS")["kind"] = "nice"
    return [*edited, {"text": "PALS certification", "kind": "must", "knockout": True}]


def _ledger(user_id: int) -> list[tuple[int, str, str]]:
    with session_scope() as session:
        rows = session.exec(select(CreditLedger).where(CreditLedger.user_id == user_id).order_by(CreditLedger.id))
        return [(row.delta, row.reason, row.reference) for row in rows]


# ------------------------------------------------------------------ preview (no database, no credit)
def test_preview_shows_the_title_and_what_the_engine_read() -> None:
    preview = preview_rubric(NURSE_JD)
    assert preview["title"] == "Registered Nurse - ICU Department"
    texts = {item["text"]: item for item in preview["requirements"]}
    assert texts["RN licence"] | {"kind": "must", "group": "licence", "weight": "high"} == texts["RN licence"]
    assert texts["RN licence"]["source"] == "Current RN licence (required)"
    assert texts["ACLS"]["source"] == "BLS and ACLS certification (required)"
    assert any(item["group"] == "years" and item["years"] == 3 for item in preview["requirements"])
    assert texts["Bachelor of Science in Nursing"]["kind"] == "nice"
    assert check_requirements(preview["requirements"]) == preview["requirements"]


@pytest.mark.parametrize("jd", ["", "   ", None, "x" * 50_001])
def test_preview_refuses_an_empty_or_oversized_jd(jd: str) -> None:
    with pytest.raises(BadRequest):
        preview_rubric(jd)


def test_a_bad_rubric_is_a_400_with_the_engines_message() -> None:
    with pytest.raises(BadRequest) as refused:
        check_requirements([{"text": "Python", "kind": "nice"}])
    assert refused.value.status_code == 400
    assert "only nice-to-haves" in refused.value.detail


# ------------------------------------------------------------------ re-scoring a finished job
def test_must_to_nice_and_a_knockout_rerank_a_finished_job_in_place_without_a_charge() -> None:
    account = make_account(credits=10)
    job_id = _finished_job(account.user_id)
    before = _ranking(account.user_id, job_id)
    assert [name for name, _ in before] == ["maria.txt", "nina.txt"]
    ledger = _ledger(account.user_id)

    with session_scope() as session:
        shown = job_rubric(session, user_id=account.user_id, job_id=job_id)
    assert (shown["version"], shown["edited"], shown["versions"][0]["version"]) == (1, False, 1)
    with session_scope(write=True) as session:
        done = rescore_job(session, user_id=account.user_id, job_id=job_id, requirements=_edited(shown["requirements"]))
    assert done == {"job_id": job_id, "version": 2, "status": "completed"}

    after = _ranking(account.user_id, job_id)
    assert [name for name, _ in after] == ["nina.txt", "maria.txt"]
    assert dict(after)["maria.txt"] < INTERVIEW <= dict(after)["nina.txt"]
    assert _ledger(account.user_id) == ledger  # no new charge, no refund
    with session_scope() as session:
        results = matching.results(session, user_id=account.user_id, job_id=job_id)
        maria = next(r for r in results["results"] if r["cv_filename"] == "maria.txt")
        assert maria["gaps"][0] == "Knockout: PALS certification not shown"
        assert maria["executive_summary"].startswith("Knockout: PALS certification not shown.")
        assert {r["rubric_version"] for r in results["results"]} == {2}
        assert results["rubric"]["version"] == 2 and results["rubric"]["edited"] is True
        assert results["rubric"]["requirements"][-1]["text"] == "PALS certification"


def test_versions_keep_each_rubric_and_the_ranking_it_gave() -> None:
    account = make_account(credits=10)
    job_id = _finished_job(account.user_id)
    first = _ranking(account.user_id, job_id)
    with session_scope() as session:
        reading = job_rubric(session, user_id=account.user_id, job_id=job_id)["requirements"]
    for requirements in (_edited(reading), reading):
        with session_scope(write=True) as session:
            rescore_job(session, user_id=account.user_id, job_id=job_id, requirements=requirements)
    with session_scope() as session:
        now = job_rubric(session, user_id=account.user_id, job_id=job_id)
        v1 = job_rubric(session, user_id=account.user_id, job_id=job_id, version=1)
        v2 = job_rubric(session, user_id=account.user_id, job_id=job_id, version=2)
        with pytest.raises(NotFound):
            job_rubric(session, user_id=account.user_id, job_id=job_id, version=9)
    assert now["version"] == 3 and [v["version"] for v in now["versions"]] == [1, 2, 3]
    assert [(r["filename"], r["score"]) for r in v1["ranking"]] == first
    assert v1["edited"] is False and v1["requirements"] == reading
    assert [(r["position"], r["filename"]) for r in v2["ranking"]] == [(1, "nina.txt"), (0, "maria.txt")]
    assert v2["requirements"][-1]["knockout"] is True
    # Back to the engine's own reading: the very scores of version 1.
    assert [(r["filename"], r["score"]) for r in now["ranking"]] == first


def test_a_blind_job_is_rescored_from_the_text_its_scorer_read() -> None:
    """The engine's own reading sent back re-scores every CV exactly as the first run did; a blind job's
    scorer never saw the identity, and neither does the re-score (same texts, same scores and words)."""
    account = make_account(credits=10)
    named = {"maria.txt": NAMED_NURSE_CV, "nina.txt": NINA_CV}
    job_id = _finished_job(account.user_id, blind=True, cvs=named)
    with session_scope() as session:
        first = matching.results(session, user_id=account.user_id, job_id=job_id)["results"]
        reading = job_rubric(session, user_id=account.user_id, job_id=job_id)["requirements"]
    with session_scope(write=True) as session:
        rescore_job(session, user_id=account.user_id, job_id=job_id, requirements=reading)
    with session_scope() as session:
        again = matching.results(session, user_id=account.user_id, job_id=job_id)["results"]
    fields = ("cv_filename", "match_score", "executive_summary", "strengths", "gaps", "evidence")
    assert [[r[f] for f in fields] for r in again] == [[r[f] for f in fields] for r in first]
    assert "Maria" not in str(again) and "maria.example@mail.test" not in str(again)


def test_a_refused_rubric_changes_nothing() -> None:
    account = make_account(credits=10)
    job_id = _finished_job(account.user_id)
    with session_scope() as session:
        reading = job_rubric(session, user_id=account.user_id, job_id=job_id)["requirements"]
    with session_scope(write=True) as session:
        rescore_job(session, user_id=account.user_id, job_id=job_id, requirements=_edited(reading))
    before = _ranking(account.user_id, job_id)
    bad_rubrics = [
        [],
        [{"text": "ICU", "kind": "nice"}],
        [{"text": f"Skill {i}", "kind": "must"} for i in range(500)],
        [{"text": "ICU", "kind": "must", "weight": "extreme"}],
        [{"text": "ICU", "kind": "must", "years": 99}],
        [{"text": "ICU", "kind": "must", "colour": "red"}],
        [{"text": "x" * 10_000, "kind": "must"}],
        [{"text": "Female, under 30", "kind": "must"}],
    ]
    for bad in bad_rubrics:
        with pytest.raises(BadRequest), session_scope(write=True) as session:
            rescore_job(session, user_id=account.user_id, job_id=job_id, requirements=bad)
    with session_scope() as session:
        job = session.get(MatchJob, job_id)
        assert job is not None and job.rubric_version == 2 and job.rubric == check_requirements(_edited(reading))
        versions = session.exec(select(MatchRubricVersion.version).where(MatchRubricVersion.job_id == job_id))
        assert sorted(versions) == [1, 2]
    assert _ranking(account.user_id, job_id) == before


def test_a_running_job_or_another_accounts_job_is_refused() -> None:
    owner, stranger = make_account(credits=10), make_account(credits=10)
    submitted = matching.submit(
        user_id=owner.user_id, cvs=[matching.UploadedFile("maria.txt", NURSE_CV.encode())], jd_text=NURSE_JD
    )
    rubric = preview_rubric(NURSE_JD)["requirements"]
    with pytest.raises(Conflict) as running, session_scope(write=True) as session:
        rescore_job(session, user_id=owner.user_id, job_id=submitted["job_id"], requirements=rubric)
    assert "still being scored" in running.value.detail
    with pytest.raises(NotFound), session_scope(write=True) as session:
        rescore_job(session, user_id=stranger.user_id, job_id=submitted["job_id"], requirements=rubric)


def test_a_job_submitted_with_a_rubric_is_scored_with_it_and_keeps_it() -> None:
    account = make_account(credits=10)
    rubric = _edited(preview_rubric(NURSE_JD)["requirements"])
    job_id = _finished_job(account.user_id, requirements=rubric)
    assert [name for name, _ in _ranking(account.user_id, job_id)] == ["nina.txt", "maria.txt"]
    with session_scope() as session:  # a new session: what a restarted server reads
        job = session.get(MatchJob, job_id)
        assert job is not None and job.rubric == check_requirements(rubric) and job.rubric_version == 1
        cvs = session.exec(select(MatchCV).where(MatchCV.job_id == job_id)).all()
        assert {cv.rubric_version for cv in cvs} == {1}
        last = last_rubric_for_title(session, user_id=account.user_id, title="registered nurse - ICU department")
        assert last is not None and last["job_id"] == job_id and last["requirements"] == job.rubric
        assert last_rubric_for_title(session, user_id=account.user_id, title="Sous Chef") is None
        other = make_account()
        assert last_rubric_for_title(session, user_id=other.user_id, title="Registered Nurse - ICU Department") is None


def test_submit_refuses_a_bad_rubric_before_charging() -> None:
    account = make_account(credits=10)
    for bad in ('[{"text": "ICU", "kind": "nice"}]', "not json", [{"text": "ICU", "kind": "must", "extra": 1}]):
        with pytest.raises(BadRequest):
            matching.submit(
                user_id=account.user_id,
                cvs=[matching.UploadedFile("maria.txt", NURSE_CV.encode())],
                jd_text=NURSE_JD,
                requirements=bad,
            )
    assert _ledger(account.user_id) == [(10, "signup", _ledger(account.user_id)[0][2])]


# ------------------------------------------------------------------ a Claude job: a new paid run
def _as_claude(job_id: str) -> None:
    with session_scope(write=True) as session:
        job = session.get(MatchJob, job_id)
        assert job is not None
        job.engine = "claude"
        session.add(job)


def test_a_claude_job_rescore_is_a_confirmed_new_paid_run() -> None:
    account = make_account(credits=2)
    job_id = _finished_job(account.user_id)  # the 2 credits are spent: nothing left
    _as_claude(job_id)
    rubric = _edited(preview_rubric(NURSE_JD)["requirements"])
    with pytest.raises(Conflict) as unconfirmed, session_scope(write=True) as session:
        rescore_job(session, user_id=account.user_id, job_id=job_id, requirements=rubric)
    assert "new paid run of 2 CVs (2 credits, one per CV)" in unconfirmed.value.detail
    with pytest.raises(InsufficientCredits), session_scope(write=True) as session:
        rescore_job(session, user_id=account.user_id, job_id=job_id, requirements=rubric, confirm_charge=True)
    with session_scope(write=True) as session:
        credits.book(session, user_id=account.user_id, delta=5, reason="admin", reference="tests:top-up")
    with session_scope(write=True) as session:
        queued = rescore_job(session, user_id=account.user_id, job_id=job_id, requirements=rubric, confirm_charge=True)
    assert queued["status"] == "queued" and queued["job_id"] != job_id and queued["cost"] == 2
    assert _ledger(account.user_id)[-1] == (-2, "match", f"job:{queued['job_id']}")
    with session_scope() as session:
        new = session.get(MatchJob, queued["job_id"])
        assert new is not None and new.rubric == check_requirements(rubric) and new.cv_count == 2
        assert session.get(User, account.user_id).credits == 3  # type: ignore[union-attr]
        cv_ids = matching.cv_ids_of(session, new.id)
    assert [asyncio.run(process_cv(cv_id)) for cv_id in cv_ids] == ["scored", "scored"]  # texts already read
    assert [name for name, _ in _ranking(account.user_id, queued["job_id"])] == ["nina.txt", "maria.txt"]
    assert _ranking(account.user_id, job_id)[0][0] == "maria.txt"  # the original job is as it was


# ------------------------------------------------------------------ PostgreSQL
@pytest.mark.postgres
def test_rescore_on_postgres() -> None:
    url = create_database(POSTGRES_URL)
    engine = migrated_engine(url)
    try:
        account = make_account(credits=10, bind=engine)
        prepared = matching.prepare_submission(
            plan="free",
            cvs=[matching.UploadedFile(name, text.encode()) for name, text in CVS.items()],
            jd_text=NURSE_JD,
            jd_file=None,
        )
        with Session(engine) as session:
            user = session.get(User, account.user_id)
            job = matching.create_job(session, user=user, prepared=prepared, engine="local", model="")  # type: ignore[arg-type]
            job_id = job.id
            for cv in session.exec(select(MatchCV).where(MatchCV.job_id == job_id)):
                cv.text, cv.status, cv.score = CVS[cv.filename], "completed", 50  # as a runner left them
                session.add(cv)
            job.status = "completed"
            session.add(job)
            session.commit()
        reading = preview_rubric(NURSE_JD)["requirements"]
        with Session(engine) as session:
            rescore_job(session, user_id=account.user_id, job_id=job_id, requirements=_edited(reading))
            session.commit()
        with Session(engine) as session:
            shown = job_rubric(session, user_id=account.user_id, job_id=job_id)
            assert shown["version"] == 2 and [v["version"] for v in shown["versions"]] == [1, 2]
            assert [r["filename"] for r in shown["ranking"]] == ["nina.txt", "maria.txt"]
            old = job_rubric(session, user_id=account.user_id, job_id=job_id, version=1)
            assert [r["score"] for r in old["ranking"]] == [50, 50]
    finally:
        engine.dispose()
        drop_database(POSTGRES_URL, url)
