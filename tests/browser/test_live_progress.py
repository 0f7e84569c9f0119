"""Each CV's state changes on screen as the database changes, across a reload and in a second tab.

The test holds two CVs as 'being scored' (a runner's lease) so that it decides when each one is
released to the app's real runner; everything the page shows comes from the database.
"""

from __future__ import annotations

from datetime import timedelta

from playwright.sync_api import expect
from sqlalchemy import update
from sqlmodel import Session, select

from cvmatch_app.db.models import MatchCV, User, utcnow
from cvmatch_app.services import matching
from tests.browser.helpers import WAIT_MS, log_in, web_db
from tests.support.factories import CORRUPT_PDF, DEVELOPER_CV, NURSE_CV, NURSE_JD, WAREHOUSE_CV, make_account

pytestmark = __import__("pytest").mark.browser
RUNNER_WAIT_MS = 20_000  # the runner's sweep finds released CVs within a few seconds


def _held_job(engine, user_id: int) -> tuple[str, dict[str, int]]:  # type: ignore[no-untyped-def]
    prepared = matching.prepare_submission(
        plan="free",
        cvs=[
            matching.UploadedFile("maria-nurse.txt", NURSE_CV.encode()),
            matching.UploadedFile("sam-developer.txt", DEVELOPER_CV.encode()),
            matching.UploadedFile("alex-warehouse.txt", WAREHOUSE_CV.encode()),
            matching.UploadedFile("scan-broken.pdf", CORRUPT_PDF),
        ],
        jd_text=NURSE_JD,
        jd_file=None,
    )
    with Session(engine, expire_on_commit=False) as session:
        user = session.get(User, user_id)
        job = matching.create_job(session, user=user, prepared=prepared, engine="local", model="")
        # The readable CVs are held; the runner reads the broken one and skips it.
        session.execute(
            update(MatchCV)
            .where(MatchCV.job_id == job.id, MatchCV.filename != "scan-broken.pdf")
            .values(status="processing", attempts=1, lease_until=utcnow() + timedelta(hours=1))
        )
        session.commit()
        ids = {cv.filename: cv.id for cv in session.exec(select(MatchCV).where(MatchCV.job_id == job.id))}
    return job.id, ids


def _release(engine, cv_id: int) -> None:  # type: ignore[no-untyped-def]
    with Session(engine) as session:
        session.execute(update(MatchCV).where(MatchCV.id == cv_id).values(status="pending", lease_until=None))
        session.commit()


def _fail(engine, cv_id: int) -> None:  # type: ignore[no-untyped-def]
    with Session(engine) as session:
        session.execute(
            update(MatchCV)
            .where(MatchCV.id == cv_id)
            .values(
                status="failed", lease_until=None, error="Scoring failed after 3 attempts; the credit was refunded."
            )
        )
        session.commit()


def _row(page, filename: str):  # type: ignore[no-untyped-def]
    return page.locator(".progress-row").filter(has_text=filename)


def test_progress_is_live_after_reload_and_in_a_second_tab(web_server, page):
    engine = web_db(web_server.data_dir)
    account = make_account(credits=10, bind=engine)
    job_id, cv_ids = _held_job(engine, account.user_id)
    log_in(page, web_server.url, account.email)
    page.goto(f"{web_server.url}/jobs/{job_id}")

    expect(page.locator("#progress-count")).to_have_text("1 of 4 done", timeout=RUNNER_WAIT_MS)
    expect(_row(page, "maria-nurse.txt").locator(".cv-state")).to_have_text("Scoring")
    expect(_row(page, "scan-broken.pdf").locator(".cv-state")).to_have_text("Skipped")
    expect(_row(page, "scan-broken.pdf").locator(".progress-note")).to_contain_text("PDF")
    expect(page.get_by_text("Ranked cards appear here as soon as the first CV is scored.")).to_be_visible()

    _release(engine, cv_ids["maria-nurse.txt"])
    expect(_row(page, "maria-nurse.txt").locator(".cv-state")).to_have_text("Done", timeout=RUNNER_WAIT_MS)
    expect(page.locator("#progress-count")).to_have_text("2 of 4 done")
    expect(page.locator(".cv-card")).to_have_count(1)

    _fail(engine, cv_ids["alex-warehouse.txt"])
    expect(_row(page, "alex-warehouse.txt").locator(".cv-state")).to_have_text("Failed", timeout=WAIT_MS)
    expect(_row(page, "alex-warehouse.txt").locator(".progress-note")).to_contain_text("refunded")

    page.reload()
    expect(page.locator("#progress-count")).to_have_text("3 of 4 done", timeout=WAIT_MS)
    expect(_row(page, "sam-developer.txt").locator(".cv-state")).to_have_text("Scoring")
    second_tab = page.context.new_page()
    second_tab.goto(f"{web_server.url}/jobs/{job_id}")
    expect(second_tab.locator("#progress-count")).to_have_text("3 of 4 done", timeout=WAIT_MS)

    _release(engine, cv_ids["sam-developer.txt"])
    for tab in (page, second_tab):
        expect(tab.locator("#progress-count")).to_have_text("4 of 4 done", timeout=RUNNER_WAIT_MS)
        expect(tab.locator(".cv-card")).to_have_count(2)
        expect(tab.locator(".cv-card").first.locator(".cv-name")).to_have_text("Maria Example")
        expect(tab.get_by_text("Finished")).to_be_visible()
