"""After "Match CVs" the job page opens at once and shows each file being read; a double submit or
a reload during the submission never makes a second job or a second charge."""

from __future__ import annotations

import time

from playwright.sync_api import expect
from sqlmodel import Session, select

from cvmatch_app.db.models import CreditLedger, MatchJob, User
from tests.browser.helpers import WAIT_MS, as_file, drop_cvs, sign_up, web_db
from tests.support.factories import NURSE_CV, NURSE_JD
from tests.support.hostile import empty_paragraph_docx

pytestmark = __import__("pytest").mark.browser
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _row(page, filename: str):  # type: ignore[no-untyped-def]
    return page.locator(".progress-row").filter(has_text=filename)


def test_double_submit_opens_one_job_that_shows_each_file_being_read(web_server, page):
    email = sign_up(page, web_server.url)
    page.locator("#jd_text").fill(NURSE_JD)
    drop_cvs(page, [as_file("maria-nurse.txt", NURSE_CV), as_file("stalling.docx", empty_paragraph_docx(), DOCX)])
    expect(page.locator(".staged-cv")).to_have_count(2)

    # Two clicks in the same instant: the second must not submit again.
    page.evaluate("() => { const b = document.querySelector('#submit-match'); b.click(); b.click(); }")
    page.wait_for_url("**/jobs/**", timeout=WAIT_MS)
    expect(_row(page, "stalling.docx").locator(".cv-state")).to_have_text("Reading", timeout=WAIT_MS)
    expect(_row(page, "stalling.docx").locator(".cv-state")).to_have_text("Skipped", timeout=WAIT_MS)
    expect(_row(page, "stalling.docx").locator(".progress-note")).to_contain_text("refunded")
    expect(page.locator("#progress-count")).to_have_text("2 of 2 done", timeout=WAIT_MS)
    expect(page.locator(".cv-card")).to_have_count(1)
    expect(page.locator("#nav-balance")).to_have_text("9 credits", timeout=WAIT_MS)

    engine = web_db(web_server.data_dir)
    with Session(engine) as session:
        user = session.exec(select(User).where(User.email == email)).one()
        jobs = session.exec(select(MatchJob).where(MatchJob.user_id == user.id)).all()
        movements = session.exec(
            select(CreditLedger.reason, CreditLedger.delta).where(
                CreditLedger.user_id == user.id, CreditLedger.reason != "signup"
            )
        ).all()
    engine.dispose()
    assert len(jobs) == 1
    assert sorted(movements) == [("match", -2), ("refund", 1)]


def test_a_reload_right_after_submitting_makes_no_second_job(web_server, page):
    email = sign_up(page, web_server.url)
    page.locator("#jd_text").fill(NURSE_JD)
    drop_cvs(page, [as_file("maria-nurse.txt", NURSE_CV)])
    expect(page.locator(".staged-cv")).to_have_count(1)
    page.locator("#submit-match").click()
    page.reload()
    # Whatever the reload interrupted, submitting what is still staged (if anything) reuses the key.
    if page.locator(".staged-cv").count():
        page.locator("#jd_text").fill(NURSE_JD)
        page.locator("#submit-match").click()
    engine = web_db(web_server.data_dir)

    def jobs() -> int:
        with Session(engine) as session:
            user = session.exec(select(User).where(User.email == email)).one()
            return len(session.exec(select(MatchJob).where(MatchJob.user_id == user.id)).all())

    deadline = time.monotonic() + WAIT_MS / 1000
    while jobs() == 0 and time.monotonic() < deadline:
        time.sleep(0.2)
    time.sleep(2)  # a second job, if any, would have been created by now
    assert jobs() == 1
    engine.dispose()
