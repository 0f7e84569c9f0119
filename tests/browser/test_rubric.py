"""The job's requirements on screen: what the engine read from a pasted JD, corrected before any
credit is spent; on a finished job, an edit re-scores the stored CVs at once and the ranking moves
without a reload and without a charge; versions stay viewable."""

from __future__ import annotations

from playwright.sync_api import Page, expect
from sqlmodel import Session

from cvmatch_app.db.models import MatchJob
from cvmatch_app.state.rubric_rows import GROUPS
from tests.browser.accessibility import blocking_findings
from tests.browser.helpers import WAIT_MS, as_file, drop_cvs, drop_jd, log_in, nav_balance, web_db
from tests.support.factories import NURSE_JD, make_account

pytestmark = __import__("pytest").mark.browser

# Synthetic nurses: each meets a different part of NURSE_JD, so moving a requirement moves them.
FULL_NURSE = """Jordan Full
Registered Nurse (RN), licensed in Oregon. BLS, ACLS and CCRN certified.

Experience
ICU Staff Nurse, Riverside Hospital - Jan 2017 to Present
- Critical care nursing in a 16-bed intensive care unit; ventilator management and patient assessment

Education
Bachelor of Science in Nursing (BSN), State University, 2016
"""
NO_LICENCE_NURSE = """Casey Unlicensed
Intensive care nursing assistant. BLS and ACLS certified. CCRN certified.

Experience
ICU Nursing Assistant, Lakeside Medical Center - Jan 2014 to Present
- Critical care unit support; ventilator management and patient assessment for 20 beds

Education
Bachelor of Science in Nursing (BSN), Coastal University, 2013
"""
NO_ACLS_NURSE = """Avery Noacls
Registered Nurse (RN), licensed in Ohio. BLS and CCRN certified.

Experience
ICU Staff Nurse, Northside Hospital - Jan 2016 to Present
- Critical care nursing in a 20-bed intensive care unit; ventilator management and patient assessment

Education
Bachelor of Science in Nursing (BSN), Ohio State, 2015
"""
STEADY_NURSE = """Sam Steady
Registered Nurse (RN), licensed in Maine. BLS and ACLS certified.

Experience
ICU Nurse, Harbor Hospital - Jan 2022 to Present
- Intensive care unit nursing; ventilator management and patient assessment
Staff Nurse, Medical-Surgical Unit, Bay Clinic - 2020 to 2021
"""


def _rubric(page: Page, prefix: str):  # type: ignore[no-untyped-def]
    return page.locator(f"#{prefix}-rubric")


def _requirement(page: Page, prefix: str, text: str):  # type: ignore[no-untyped-def]
    return _rubric(page, prefix).locator(".rubric-row").filter(has=page.locator(".rubric-text", has_text=text))


def _ranking(page: Page) -> list[str]:
    return [name.strip() for name in page.locator("#ranking-table .ranking-row .row-name").all_inner_texts()]


def _scores(page: Page) -> list[str]:
    return [score.strip() for score in page.locator("#ranking-table .ranking-row .row-score").all_inner_texts()]


def _shot(page: Page, locator, path) -> None:  # type: ignore[no-untyped-def]
    """The panel as it lies in the page (an element shot of a tall panel shows the sticky bar across it),
    from its top (the job page's panel scrolls on its own beside the ranking)."""
    page.evaluate("window.scrollTo(0, 0); document.getElementById('job-rubric-column')?.scrollTo(0, 0)")
    box = locator.bounding_box()
    page.screenshot(path=str(path), full_page=True, clip=box)


def test_the_rubric_of_a_pasted_jd_is_shown_and_corrected_before_any_charge(web_server, page, artifacts):
    account = make_account(credits=10, bind=web_db(web_server.data_dir))
    log_in(page, web_server.url, account.email)
    balance = nav_balance(page)
    page.locator("#jd_text").fill(NURSE_JD)

    panel = _rubric(page, "match")
    expect(panel).to_be_visible(timeout=WAIT_MS)
    expect(page.locator("#match-rubric-title")).to_contain_text("Registered Nurse")
    # Grouped as a recruiter reads a job: the role, must-haves, nice-to-haves, years, licences…
    groups = panel.locator(".rubric-group-label").all_inner_texts()
    order = [label for _, label in GROUPS]
    assert len(groups) >= 3 and groups == sorted(groups, key=order.index), groups
    assert "Licences and certificates" in groups and "Years of experience" in groups, groups
    # Each requirement shows the JD phrase it came from, highlighted.
    bls = _requirement(page, "match", "BLS")
    expect(bls).to_have_count(1)
    expect(bls.locator(".rubric-source mark")).to_contain_text("BLS and ACLS certification")
    ccrn = _requirement(page, "match", "CCRN")
    expect(ccrn).to_have_attribute("data-kind", "nice")

    # Switch a nice-to-have to must (by keyboard), make one a knockout, weigh one, add one in own words.
    ccrn.locator(".rubric-must").focus()
    page.keyboard.press("Space")
    expect(_requirement(page, "match", "CCRN")).to_have_attribute("data-kind", "must")
    bls.get_by_role("checkbox").click()
    expect(bls.get_by_text("Knockout", exact=True).first).to_be_visible()
    bls.locator(".rubric-weight").select_option("high")
    expect(bls.locator(".rubric-weight")).to_have_value("high")
    page.locator("#match-add-requirement").fill("Right to work in the UK")
    page.locator("#match-add-button").click()
    mine = _requirement(page, "match", "Right to work in the UK")
    expect(mine).to_have_count(1)
    expect(mine).to_contain_text("Added in your own words")
    expect(page.locator("#match-add-requirement")).to_have_value("")

    # A protected characteristic is refused inline, with why and what may be asked instead; nothing added.
    rows_before = panel.locator(".rubric-row").count()
    page.locator("#match-add-requirement").fill("Female candidates under 30")
    page.locator("#match-add-requirement").press("Enter")
    error = page.locator("#match-rubric-error")
    expect(error).to_be_visible()
    expect(error).to_contain_text("protected characteristic")
    expect(panel.locator(".rubric-row")).to_have_count(rows_before)
    expect(page.locator("#match-add-requirement")).to_have_value("Female candidates under 30")

    # Years out of range: refused inline, the number put back.
    years = panel.locator(".rubric-years").first
    if years.count():
        years.fill("80")
        years.press("Tab")
        expect(error).to_contain_text("from 0 to 50")
        expect(panel.locator(".rubric-years").first).to_have_value("3")

    # The same JD pasted again (only the spacing changed) keeps the edits.
    page.locator("#jd_text").fill(NURSE_JD + "\n\n")
    page.wait_for_timeout(1200)
    expect(_requirement(page, "match", "CCRN")).to_have_attribute("data-kind", "must")
    expect(_requirement(page, "match", "Right to work in the UK")).to_have_count(1)

    page.locator("#match-add-requirement").fill("")
    assert blocking_findings(page) == []
    _shot(page, panel, artifacts / "rubric-match-panel.png")
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(artifacts / "rubric-match-page.png"), full_page=True)
    assert nav_balance(page) == balance  # reading and editing the rubric costs nothing
    page.set_viewport_size({"width": 390, "height": 844})  # a phone: the panel stacks, nothing scrolls sideways
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the rubric panel makes the page scroll sideways on a phone ({width}px)"
    _shot(page, panel, artifacts / "rubric-match-panel-390.png")
    page.set_viewport_size({"width": 1280, "height": 900})

    # The edited rubric is what the job is scored with.
    drop_cvs(page, [as_file("jordan.txt", FULL_NURSE), as_file("casey.txt", NO_LICENCE_NURSE)])
    expect(page.locator(".staged-cv")).to_have_count(2)
    page.locator("#submit-match").click()
    page.wait_for_url("**/jobs/**", timeout=WAIT_MS)
    expect(page.locator("#progress-count")).to_have_text("2 of 2 done", timeout=WAIT_MS)
    expect(page.locator("#job-rubric-version")).to_contain_text("v1", timeout=WAIT_MS)
    expect(_requirement(page, "job", "Right to work in the UK")).to_have_count(1)
    expect(_requirement(page, "job", "CCRN")).to_have_attribute("data-kind", "must")
    expect(_requirement(page, "job", "BLS").get_by_role("checkbox")).to_be_checked()

    # The next job of the same title can start from this rubric.
    page.get_by_role("link", name="Match", exact=True).click()
    page.locator("#jd_text").fill(NURSE_JD.replace("intensive care unit", "ICU team"))
    use_last = page.locator("#use-last-rubric")
    expect(use_last).to_be_visible(timeout=WAIT_MS)
    expect(_requirement(page, "match", "Right to work in the UK")).to_have_count(0)
    use_last.click()
    expect(_requirement(page, "match", "Right to work in the UK")).to_have_count(1)
    expect(_requirement(page, "match", "BLS").get_by_role("checkbox")).to_be_checked()


def test_an_edit_on_a_finished_job_re_ranks_live_without_a_charge(web_server, page, artifacts):
    account = make_account(credits=10, bind=web_db(web_server.data_dir))
    log_in(page, web_server.url, account.email)
    page.locator("#jd_text").fill(NURSE_JD)
    expect(_rubric(page, "match")).to_be_visible(timeout=WAIT_MS)
    drop_cvs(
        page,
        [
            as_file("jordan.txt", FULL_NURSE),
            as_file("avery.txt", NO_ACLS_NURSE),
            as_file("sam.txt", STEADY_NURSE),
            as_file("casey.txt", NO_LICENCE_NURSE),
        ],
    )
    expect(page.locator(".staged-cv")).to_have_count(4)
    page.locator("#submit-match").click()
    page.wait_for_url("**/jobs/**", timeout=WAIT_MS)
    job_url = page.url
    expect(page.locator("#progress-count")).to_have_text("4 of 4 done", timeout=WAIT_MS)
    expect(page.locator("#job-rubric-version")).to_contain_text("v1", timeout=WAIT_MS)
    balance = nav_balance(page)
    # Avery has everything but ACLS, a must-have: below Sam, who has ACLS and less of the rest.
    assert _ranking(page) == ["Jordan Full", "Sam Steady", "Avery Noacls", "Casey Unlicensed"]

    # ACLS switched to nice: re-scored at once, Avery overtakes Sam; no reload, no charge.
    page.evaluate("window.__noReload = true")
    acls = _requirement(page, "job", "ACLS")
    expect(acls).to_have_attribute("data-kind", "must")
    acls.locator(".rubric-must").click()
    expect(page.locator("#job-rubric-version")).to_contain_text("v2", timeout=WAIT_MS)
    expect(_requirement(page, "job", "ACLS")).to_have_attribute("data-kind", "nice")
    expect(page.locator("#ranking-table .ranking-row .row-name")).to_have_text(
        ["Jordan Full", "Avery Noacls", "Sam Steady", "Casey Unlicensed"]
    )

    # ACLS a knockout: Avery, without it, falls below the Interview band, and the card says why.
    _requirement(page, "job", "ACLS").get_by_role("checkbox").click()
    expect(page.locator("#job-rubric-version")).to_contain_text("v3", timeout=WAIT_MS)
    expect(page.locator("#ranking-table .ranking-row .row-name")).to_have_text(
        ["Jordan Full", "Sam Steady", "Avery Noacls", "Casey Unlicensed"]
    )
    expect(_requirement(page, "job", "ACLS")).to_have_attribute("data-kind", "must")
    avery = page.locator("#ranking-table .ranking-row").nth(2)
    assert int(avery.locator(".row-score").inner_text()) < 60
    page.locator("#view-mode").get_by_role("radio", name="Cards").click()
    expect(page.locator(".cv-card").filter(has_text="Avery Noacls")).to_contain_text("Knockout: ACLS not shown")
    page.locator("#view-mode").get_by_role("radio", name="Table").click()
    assert page.evaluate("window.__noReload") is True  # the page was never reloaded
    assert nav_balance(page) == balance

    assert blocking_findings(page) == []
    _shot(page, page.locator("#job-rubric-column"), artifacts / "rubric-job-panel.png")
    page.screenshot(path=str(artifacts / "rubric-job-page.png"), full_page=True)

    # Reload: the rubric is the job's, from the database.
    page.reload()
    expect(page.locator("#job-rubric-version")).to_contain_text("v3", timeout=WAIT_MS)
    expect(_requirement(page, "job", "ACLS").get_by_role("checkbox")).to_be_checked()
    assert _ranking(page) == ["Jordan Full", "Sam Steady", "Avery Noacls", "Casey Unlicensed"]
    assert nav_balance(page) == balance

    # Older versions: v1 shows its requirements and the ranking it gave, read-only.
    versions = page.locator("#rubric-version-select option").all_inner_texts()
    assert [label.split(" ")[0] for label in versions] == ["v1", "v2", "v3"]
    page.locator("#rubric-version-select").select_option("1")
    expect(page.locator("#viewing-old-rubric")).to_be_visible()
    old_acls = _requirement(page, "job", "ACLS")
    expect(old_acls).to_have_attribute("data-kind", "must")
    expect(old_acls.locator(".rubric-summary")).to_contain_text("Must-have")  # read-only: no controls
    expect(old_acls.get_by_text("Knockout")).to_have_count(0)
    expect(old_acls.locator(".rubric-must")).to_have_count(0)
    expect(page.locator("#old-ranking .old-rank")).to_have_count(4)
    expect(page.locator("#old-ranking .old-rank").nth(2)).to_contain_text("Avery Noacls")
    _shot(page, page.locator("#job-rubric-column"), artifacts / "rubric-job-old-version.png")
    # The cards still show the current ranking.
    assert _ranking(page) == ["Jordan Full", "Sam Steady", "Avery Noacls", "Casey Unlicensed"]
    page.get_by_role("button", name="Back to the current rubric").click()
    expect(page.locator("#viewing-old-rubric")).to_have_count(0)
    expect(_requirement(page, "job", "ACLS").get_by_role("checkbox")).to_be_checked()

    # An older version made current again: v2 (ACLS nice) re-scores as v4, Avery back above Sam.
    page.locator("#rubric-version-select").select_option("2")
    expect(page.locator("#viewing-old-rubric")).to_be_visible()
    page.locator("#rescore-with-version").click()
    expect(page.locator("#job-rubric-version")).to_contain_text("v4", timeout=WAIT_MS)
    expect(page.locator("#viewing-old-rubric")).to_have_count(0)
    expect(_requirement(page, "job", "ACLS")).to_have_attribute("data-kind", "nice")
    expect(page.locator("#ranking-table .ranking-row .row-name")).to_have_text(
        ["Jordan Full", "Avery Noacls", "Sam Steady", "Casey Unlicensed"]
    )
    assert nav_balance(page) == balance
    assert page.url == job_url


def test_a_dropped_jd_file_is_read_too(web_server, page):
    account = make_account(credits=10, bind=web_db(web_server.data_dir))
    log_in(page, web_server.url, account.email)
    drop_jd(page, as_file("icu-nurse.txt", NURSE_JD))
    expect(page.locator("#jd-file-name")).to_have_text("icu-nurse.txt", timeout=WAIT_MS)
    expect(_requirement(page, "match", "RN licence")).to_have_count(1, timeout=WAIT_MS)
    page.get_by_role("button", name="Remove the job description file").click()
    expect(_rubric(page, "match")).to_have_count(0)


def test_a_claude_job_states_the_cost_and_asks_before_a_paid_re_run(web_server, page):
    account = make_account(credits=10, bind=web_db(web_server.data_dir))
    log_in(page, web_server.url, account.email)
    page.locator("#jd_text").fill(NURSE_JD)
    expect(_rubric(page, "match")).to_be_visible(timeout=WAIT_MS)
    drop_cvs(page, [as_file("jordan.txt", FULL_NURSE), as_file("avery.txt", NO_ACLS_NURSE)])
    expect(page.locator(".staged-cv")).to_have_count(2)
    page.locator("#submit-match").click()
    page.wait_for_url("**/jobs/**", timeout=WAIT_MS)
    expect(page.locator("#progress-count")).to_have_text("2 of 2 done", timeout=WAIT_MS)
    job_id = page.url.rstrip("/").rsplit("/", 1)[-1]
    # The test server scores with the local engine: record this job as one Claude scored.
    with Session(web_db(web_server.data_dir)) as session:
        job = session.get(MatchJob, job_id)
        assert job is not None
        job.engine = "claude"
        session.add(job)
        session.commit()
    page.reload()
    expect(page.locator("#job-rubric-version")).to_contain_text("v1", timeout=WAIT_MS)
    balance = nav_balance(page)
    ranking = _ranking(page)

    # An edit is a draft: nothing is re-scored or charged until confirmed.
    _requirement(page, "job", "ACLS").locator(".rubric-must").click()
    expect(_requirement(page, "job", "ACLS")).to_have_attribute("data-kind", "nice")
    expect(page.locator("#paid-rescore")).to_be_visible()
    assert _ranking(page) == ranking
    page.locator("#paid-rescore").click()
    dialog = page.get_by_role("alertdialog")
    expect(dialog).to_contain_text("2 credits")
    dialog.get_by_role("button", name="Cancel").click()
    expect(dialog).to_have_count(0)
    assert nav_balance(page) == balance and page.url.endswith(job_id)

    page.locator("#paid-rescore").click()
    page.get_by_role("alertdialog").get_by_role("button", name="Re-score and pay").click()
    page.wait_for_url(lambda url: "/jobs/" in url and not url.endswith(job_id), timeout=WAIT_MS)
    expect(page.locator("#progress-count")).to_have_text("2 of 2 done", timeout=WAIT_MS)
    expect(_requirement(page, "job", "ACLS")).to_have_attribute("data-kind", "nice", timeout=WAIT_MS)
    expect(page.locator("#nav-balance")).to_contain_text(str(balance - 2))
