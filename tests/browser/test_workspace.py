"""The recruiter's workspace on a finished job: candidates by name, the compact ranking, the CV
beside it, decisions kept in the database, compare, share links, blind review, CSV and print."""

from __future__ import annotations

import csv
import io
import json
import time

from playwright.sync_api import Page, expect
from sqlmodel import Session, select

from cvmatch_app.db.models import MatchCV
from tests.browser.accessibility import blocking_findings
from tests.browser.helpers import WAIT_MS, as_file, drop_cvs, log_in, select_option, web_db
from tests.support.factories import CORRUPT_PDF, DEVELOPER_CV, NURSE_JD, WAREHOUSE_CV, make_account

pytestmark = __import__("pytest").mark.browser

NURSE_WITH_CONTACT = """Maria Example
Registered Nurse (RN) | Leeds, UK | maria.example@mail.example | +44 7700 900123
Registered Nurse (RN), licensed in California. BLS, ACLS and CCRN certified.

Experience
ICU Staff Nurse, City General Hospital - Jan 2018 to Present
- Critical care nursing for 12-bed intensive care unit; ventilator management and patient assessment
- Titrate vasoactive drips, coordinate with intensivists, precept new graduate nurses
Staff Nurse, Medical-Surgical Unit, Valley Hospital - 2015 to 2017

Education
Bachelor of Science in Nursing (BSN), State University, 2015
"""
STRONG_MATCH = 75
PERSONAL = ["Maria Example", "maria.example@mail.example", "7700 900123", "Sam Coder", "Alex Loader", "maria-nurse"]


def _submit(page: Page, base: str, cvs: list[dict]) -> str:
    page.locator("#jd_text").fill(NURSE_JD)
    drop_cvs(page, cvs)
    expect(page.locator(".staged-cv")).to_have_count(len(cvs))
    page.locator("#submit-match").click()
    page.wait_for_url("**/jobs/**", timeout=WAIT_MS)
    return page.url


def _rows(page: Page):  # type: ignore[no-untyped-def]
    return page.locator("#ranking-table .ranking-row")


def _row_of(page: Page, name: str):  # type: ignore[no-untyped-def]
    return _rows(page).filter(has=page.locator(".row-name", has_text=name))


def _csv(page: Page) -> tuple[str, list[dict[str, str]]]:
    with page.expect_download() as download_info:
        page.locator("#export-csv").click()
    raw = open(download_info.value.path(), encoding="utf-8").read()
    return raw, list(csv.DictReader(io.StringIO(raw.removeprefix("\ufeff"))))


def _shot(page: Page, path) -> None:  # type: ignore[no-untyped-def]
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(path), full_page=True)


def test_workspace_from_ranking_to_share_link(web_server, page, browser, artifacts):
    base = web_server.url
    account = make_account(credits=20, bind=web_db(web_server.data_dir))
    log_in(page, base, account.email)
    job_url = _submit(
        page,
        base,
        [
            as_file("maria-nurse.txt", NURSE_WITH_CONTACT),
            as_file("sam-developer.txt", DEVELOPER_CV),
            as_file("alex-warehouse.txt", WAREHOUSE_CV),
            as_file("scan-broken.pdf", CORRUPT_PDF, "application/pdf"),
        ],
    )
    expect(page.locator("#progress-count")).to_have_text("4 of 4 done", timeout=WAIT_MS)

    # 1. Candidates, not files; 2. the compact ranking, with the progress list folded away.
    expect(_rows(page)).to_have_count(3)
    expect(page.locator("#progress-rows")).to_be_hidden()
    first = _rows(page).nth(0)
    expect(first.locator(".row-name")).to_have_text("Maria Example")
    expect(first).to_contain_text("ICU Staff Nurse at City General Hospital")
    expect(first.locator(".row-file")).to_have_text("maria-nurse.txt")
    expect(first.locator(".row-musts")).to_contain_text(" of ")
    counts = page.locator("#verdict-counts .verdict-count")
    assert sum(int(text.rsplit(":", 1)[1]) for text in counts.all_inner_texts()) == 3
    score_before = first.locator(".row-score").inner_text()

    page.locator("#candidate-search").fill("acme")
    expect(_rows(page)).to_have_count(1)
    expect(_rows(page).nth(0).locator(".row-name")).to_have_text("Sam Coder")
    page.locator("#candidate-search").fill("")
    expect(_rows(page)).to_have_count(3)

    # The CV beside the ranking, its evidence lines highlighted with what they prove.
    first.locator(".row-name").click()
    viewer = page.locator("#cv-viewer")
    expect(viewer).to_be_visible()
    expect(viewer.locator(".cv-name")).to_have_text("Maria Example")
    expect(viewer.locator(".cv-location")).to_have_text("Leeds, UK")
    evidence = viewer.locator(".evidence-line")
    expect(evidence.first).to_be_visible()
    expect(viewer.locator(".evidence-line", has_text="BLS, ACLS and CCRN certified")).to_contain_text("Proves:")
    _shot(page, artifacts / "workspace-table-1280.png")
    assert blocking_findings(page) == []

    # 3. Decisions: saved in the database, shown in the table, never changing the score.
    viewer.locator(".decide-shortlist").click()
    expect(first.locator(".decision-status")).to_have_text("Shortlisted")
    viewer.get_by_role("button", name="4 of 5 stars").click()
    expect(first.locator(".decision-stars")).to_contain_text("4")
    viewer.locator("#decision-note").fill("Strong ICU; ask about night shifts")
    viewer.locator(".decide-hold").focus()  # leaving the box saves the note
    expect(page.locator(".cv-card .card-note").first).to_contain_text("ask about night shifts")
    sam = _row_of(page, "Sam Coder")
    sam.locator(".row-name").click()
    expect(viewer.locator(".cv-name")).to_have_text("Sam Coder")
    viewer.locator(".decide-reject").click()
    expect(sam.locator(".decision-status")).to_have_text("Rejected")
    expect(first.locator(".row-score")).to_have_text(score_before)
    select_option(page, "status-filter", "Shortlisted")
    expect(_rows(page)).to_have_count(1)
    select_option(page, "status-filter", "All statuses")
    expect(_rows(page)).to_have_count(3)

    # Another session of the account sees the same decisions.
    other = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        other_page = other.new_page()
        log_in(other_page, base, account.email)
        other_page.goto(job_url)
        maria = _row_of(other_page, "Maria Example")
        expect(maria.locator(".decision-status")).to_have_text("Shortlisted", timeout=WAIT_MS)
        expect(maria.locator(".decision-stars")).to_contain_text("4")
        expect(_row_of(other_page, "Sam Coder").locator(".decision-status")).to_have_text("Rejected")
        # A decision taken now in the first session reaches this one without a reload.
        _row_of(page, "Alex Loader").locator(".row-name").click()
        expect(viewer.locator(".cv-name")).to_have_text("Alex Loader")
        viewer.locator(".decide-hold").click()
        expect(_row_of(other_page, "Alex Loader").locator(".decision-status")).to_have_text("On hold", timeout=WAIT_MS)
    finally:
        other.close()

    # 4. Compare two candidates: each requirement against each, with the evidence line.
    _row_of(page, "Maria Example").locator(".compare-pick").click()
    _row_of(page, "Alex Loader").locator(".compare-pick").click()
    page.locator("#compare-button").click()
    grid = page.locator("#compare-grid")
    expect(grid).to_be_visible()
    expect(grid.locator(".compare-name")).to_have_text(["Maria Example", "Alex Loader"])
    assert grid.locator(".compare-row").count() >= 4
    bls = grid.locator(".compare-row", has_text="BLS")
    expect(bls.locator(".compare-cell").nth(0)).to_have_attribute("data-met", "yes")
    expect(bls.locator(".compare-cell").nth(0)).to_contain_text("CCRN certified")
    expect(bls.locator(".compare-cell").nth(1)).to_have_attribute("data-met", "no")
    _shot(page, artifacts / "workspace-compare-1280.png")
    assert blocking_findings(page) == []
    page.locator("#compare-back").click()

    # 7. The CSV: BOM, title and date, decisions and notes, the skipped file and its reason.
    raw, rows = _csv(page)
    assert raw.startswith("\ufeff")
    scored = [row for row in rows if row["match_score"]]
    assert [row["candidate"] for row in scored][0] == "Maria Example"
    maria_row = scored[0]
    assert (maria_row["status"], maria_row["stars"]) == ("Shortlisted", "4")
    assert maria_row["notes"] == "Strong ICU; ask about night shifts"
    assert maria_row["job_title"].startswith("Registered Nurse")
    skipped = [row for row in rows if row["skipped_reason"]]
    assert [row["cv_filename"] for row in skipped] == ["scan-broken.pdf"]

    # Print: no navigation or controls, the rubric on top, one candidate per block.
    page.emulate_media(media="print")
    expect(page.locator("#print-header")).to_be_visible()
    expect(page.locator("#print-rubric .rubric-summary-version")).to_have_text("Scored with rubric v1")
    assert page.locator("#print-rubric .rubric-summary-line").filter(has_text="Must-have").count() >= 1
    expect(page.locator("#print-header")).to_contain_text("job created")
    expect(page.locator("nav")).to_be_hidden()
    expect(page.locator("#export-csv")).to_be_hidden()
    expect(page.locator(".cv-card").first).to_be_visible()
    _shot(page, artifacts / "workspace-print-1280.png")
    page.emulate_media(media="screen")

    # 5. Share: a read-only link, opened in a fresh browser context without an account.
    page.locator("#create-share-link").click()
    share_url = page.locator("input[aria-label='Share link']").first.input_value()
    assert "/share/" in share_url
    manager = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        shared = manager.new_page()
        shared.goto(share_url)
        expect(shared.locator("#shared-job")).to_be_visible(timeout=WAIT_MS)
        expect(shared.locator("#ranking-table .ranking-row")).to_have_count(3)
        expect(shared.locator(".cv-card")).to_have_count(3)
        expect(shared.locator("#ranking-table .decision-status").first).to_have_text("Shortlisted")
        expect(shared.locator("#shared-rubric .rubric-summary-version")).to_have_text("Scored with rubric v1")
        assert shared.locator("#shared-rubric .rubric-summary-line").filter(has_text="Weight:").count() >= 2
        content = shared.content()
        assert account.email not in content and "credits" not in content.lower()
        assert shared.locator("nav").count() == 0 and shared.get_by_text("Log out").count() == 0
        _shot(shared, artifacts / "workspace-share-1280.png")
        assert blocking_findings(shared) == []
        phone = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
        try:
            phone_page = phone.new_page()
            phone_page.goto(share_url)
            expect(phone_page.locator("#shared-job")).to_be_visible(timeout=WAIT_MS)
            width = phone_page.evaluate("document.documentElement.scrollWidth")
            assert width <= 390, f"the share page scrolls sideways on a phone ({width}px)"
            _shot(phone_page, artifacts / "workspace-share-390.png")
        finally:
            phone.close()

        # Revoked from the job page: the link stops opening.
        page.locator(".revoke-share").first.click()
        expect(page.locator(".share-link")).to_have_count(0)
        shared.goto(share_url)
        expect(shared.get_by_text("This link does not open")).to_be_visible(timeout=WAIT_MS)
        expect(shared.locator("#shared-job")).to_have_count(0)
        shared.goto(share_url[:-3] + "abc")  # a forged signature
        expect(shared.get_by_text("This link does not open")).to_be_visible(timeout=WAIT_MS)
    finally:
        manager.close()

    # 6. Blind review: no name or e-mail on the page, in a share link or in the CSV.
    page.locator("#blind-review").click()
    expect(_rows(page).nth(0).locator(".row-name")).to_have_text("Candidate 1", timeout=WAIT_MS)
    _rows(page).nth(0).locator(".row-name").click()
    expect(page.locator("#cv-viewer .cv-name")).to_have_text("Candidate 1")
    expect(page.locator("#cv-viewer .evidence-line").first).to_be_visible()
    page.locator("#progress-details summary").click()  # the file list, opened, hides names too
    html = page.content()
    for personal in PERSONAL:
        assert personal not in html, f"blind review shows {personal!r}"
    _, rows = _csv(page)
    assert not any(personal in str(row.values()) for row in rows for personal in PERSONAL)
    page.locator("#create-share-link").click()
    blind_url = page.locator("input[aria-label='Share link']").first.input_value()
    manager = browser.new_context()
    try:
        shared = manager.new_page()
        shared.goto(blind_url)
        expect(shared.locator("#shared-job .ranking-row")).to_have_count(3, timeout=WAIT_MS)
        html = shared.content()
        for personal in PERSONAL:
            assert personal not in html, f"a blind share link shows {personal!r}"
    finally:
        manager.close()


def test_blind_review_switched_on_at_submission(web_server, page):
    """The Match page's switch: the job opens blind, and the scorer read the CV without the identity."""
    database = web_db(web_server.data_dir)
    account = make_account(credits=5, bind=database)
    log_in(page, web_server.url, account.email)
    page.locator("#jd_text").fill(NURSE_JD)
    drop_cvs(page, [as_file("maria-nurse.txt", NURSE_WITH_CONTACT)])
    expect(page.locator(".staged-cv")).to_have_count(1)
    page.locator("#match-blind-review").click()
    # The switch answers once the server has handled the events queued before it (the JD's reading
    # after typing, the dropped file): on a loaded machine that takes more than the default 5 s.
    expect(page.locator("#match-blind-review")).to_have_attribute("aria-checked", "true", timeout=WAIT_MS)
    page.locator("#submit-match").click()
    page.wait_for_url("**/jobs/**", timeout=WAIT_MS)
    expect(page.locator("#progress-count")).to_have_text("1 of 1 done", timeout=WAIT_MS)
    expect(page.locator("#blind-review")).to_have_attribute("aria-checked", "true", timeout=WAIT_MS)
    expect(_rows(page).nth(0).locator(".row-name")).to_have_text("Candidate 1")
    html = page.content()
    for personal in PERSONAL:
        assert personal not in html, f"a job made blind at submission shows {personal!r}"
    with Session(database) as session:
        (cv,) = session.exec(select(MatchCV).where(MatchCV.job_id == page.url.rstrip("/").rsplit("/", 1)[-1]))
        said = json.dumps([cv.executive_summary, cv.strengths, cv.gaps, cv.evidence])
    assert cv.score is not None and cv.score >= STRONG_MATCH, "identity is no part of the score"
    for personal in ("Maria", "maria.example", "7700 900123", "State University, 2015"):
        assert personal not in said, f"the scorer read {personal!r}"


def test_phone_layout_of_the_ranking(web_server, browser, artifacts):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, timezone_id="Asia/Tokyo", locale="en-GB"
    )
    page = context.new_page()
    try:
        account = make_account(credits=10, bind=web_db(web_server.data_dir))
        log_in(page, web_server.url, account.email)
        _submit(
            page, web_server.url, [as_file("maria-nurse.txt", NURSE_WITH_CONTACT), as_file("sam.txt", DEVELOPER_CV)]
        )
        expect(page.locator("#progress-count")).to_have_text("2 of 2 done", timeout=WAIT_MS)
        expect(_rows(page)).to_have_count(2)
        expect(page.locator("#job-created")).to_contain_text("GMT+9")  # the reader's own time zone
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"the ranking scrolls sideways on a phone ({width}px)"
        _shot(page, artifacts / "workspace-table-390.png")
        _rows(page).nth(0).locator(".compare-pick").click()
        _rows(page).nth(1).locator(".compare-pick").click()
        page.locator("#compare-button").click()
        expect(page.locator("#compare-grid")).to_be_visible()
        _shot(page, artifacts / "workspace-compare-390.png")
        page.locator("#compare-back").click()
        page.emulate_media(media="print")
        _shot(page, artifacts / "workspace-print-390.png")
    finally:
        context.close()


def test_time_from_job_done_to_the_table_for_25_cvs(web_server, page, artifacts):
    """A figure for the report, not a timed assertion: how soon the ranking table stands."""
    account = make_account(plan="api", credits=30, bind=web_db(web_server.data_dir))
    log_in(page, web_server.url, account.email)
    templates = [NURSE_WITH_CONTACT, DEVELOPER_CV, WAREHOUSE_CV]
    cvs = [as_file(f"cv-{n}.txt", templates[n % 3] + f"\nReference {n}") for n in range(25)]
    _submit(page, web_server.url, cvs)
    expect(page.locator("#progress-count")).to_have_text("25 of 25 done", timeout=120_000)
    done = time.monotonic()
    expect(_rows(page)).to_have_count(25)
    expect(page.locator("#progress-rows")).to_be_hidden()
    table = time.monotonic()
    names = page.locator("#progress-rows .progress-name").all_text_contents()
    assert names == [f"cv-{n}.txt" for n in range(25)], "file names sort as people count (cv-2 before cv-10)"
    height = page.evaluate("document.documentElement.scrollHeight")
    report = f"25 CVs: job done to ranking table {1000 * (table - done):.0f} ms; page height {height} px\n"
    (artifacts / "timing-25-cvs-table.txt").write_text(report)
    print(report)
    # The Credits page names the job each debit paid for, and links to it.
    page.get_by_role("link", name="Credits", exact=True).click()
    debit = page.locator(".ledger-job").first
    expect(debit).to_have_text("Registered Nurse - ICU Department", timeout=WAIT_MS)
    job_url = page.url
    debit.click()
    page.wait_for_url("**/jobs/**", timeout=WAIT_MS)
    assert page.url != job_url
    expect(_rows(page)).to_have_count(25, timeout=WAIT_MS)
