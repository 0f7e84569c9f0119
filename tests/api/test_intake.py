"""Intake: POST /api/match answers before any CV is read; hostile files are skipped by the runner.

Over real HTTP against the app on SQLite with the embedded runner (tests/scale has the same
with PostgreSQL, Redis and worker processes).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import httpx
from sqlmodel import select

from cvmatch_app.db.models import CreditLedger, MatchCV, MatchCVFile, MatchJob
from cvmatch_app.db.session import session_scope
from cvmatch_app.services import credits
from tests.api.helpers import submit
from tests.conftest import DATA_DIR
from tests.support.factories import CORRUPT_PDF, DEVELOPER_CV, NURSE_CV, NURSE_JD, make_account, txt
from tests.support.hostile import empty_paragraph_docx, endless_operators_pdf, many_entries_docx

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
APP_RSS_LIMIT_MB = 500


def hostile_cvs() -> list[tuple[str, bytes, str]]:
    return [
        *((f"empty-paragraphs-{n}.docx", empty_paragraph_docx(5 * 1024 * 1024 + 24 * n), DOCX) for n in range(3)),
        ("many-entries.docx", many_entries_docx(), DOCX),
        ("endless-operators.pdf", endless_operators_pdf(), "application/pdf"),
    ]


def app_rss_peaks_mb(pgid: int) -> dict[int, float]:
    """Peak RSS (VmHWM) of each process of the app's group, the file readers left out."""
    peaks = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            if os.getpgid(int(entry)) != pgid or b"reading_pool" in Path(f"/proc/{entry}/cmdline").read_bytes():
                continue
            status = Path(f"/proc/{entry}/status").read_text()
        except (OSError, ProcessLookupError):
            continue
        for line in status.splitlines():
            if line.startswith("VmHWM:"):
                peaks[int(entry)] = int(line.split()[1]) / 1024
    return peaks


def ledger_of(user_id: int) -> list[CreditLedger]:
    with session_scope() as session:
        return list(
            session.exec(select(CreditLedger).where(CreditLedger.user_id == user_id, CreditLedger.reason != "signup"))
        )


def test_hostile_files_are_skipped_with_reasons_refunded_once_and_the_app_stays_small(api_server):
    account = make_account(plan="api", credits=10)
    cvs = [*hostile_cvs(), txt("nurse.txt", NURSE_CV)]
    started = time.monotonic()
    response = submit(api_server.url, account.headers, cvs, jd_text=NURSE_JD)
    answered = time.monotonic() - started
    assert response.status_code == 200, response.text
    job = response.json()
    assert job["cv_count"] == 6 and job["status"] == "pending"
    assert answered < 5, f"the answer waited for the files to be read ({answered:.1f} s)"

    # Another account's small job is not held up behind the hostile one for long.
    other = make_account(credits=5)
    other_job = submit(api_server.url, other.headers, [txt("dev.txt", DEVELOPER_CV)], jd_text=NURSE_JD).json()
    assert finished(api_server.url, other.headers, other_job["job_id"], timeout=60)["completed"] == 1

    progress = finished(api_server.url, account.headers, job["job_id"])
    assert progress == {**progress, "status": "completed", "total": 6, "completed": 1, "skipped": 5}
    body = httpx.get(f"{api_server.url}/api/match/{job['job_id']}", headers=account.headers).json()
    reasons = {s["filename"]: s["reason"] for s in body["skipped_cvs"]}
    assert set(reasons) == {name for name, _, _ in hostile_cvs()}
    assert "50,002 parts" in reasons["many-entries.docx"]
    assert "stall readers" in reasons["endless-operators.pdf"], reasons["endless-operators.pdf"]
    for name in ("empty-paragraphs-0.docx", "empty-paragraphs-1.docx", "empty-paragraphs-2.docx"):
        # Near the reader's limits: stopped by them on a busy machine, read to the end (no text) on a quiet one.
        assert "stall readers" in reasons[name] or "contains no text" in reasons[name], reasons[name]
    assert [r["cv_filename"] for r in body["results"]] == ["nurse.txt"]

    entries = ledger_of(account.user_id)
    assert sorted((e.reason, e.delta) for e in entries) == [("match", -6)] + [("refund", 1)] * 5
    with session_scope() as session:
        assert credits.balance(session, account.user_id) == 10 - 1 == credits.ledger_sum(session, account.user_id)
        cv_ids = list(session.exec(select(MatchCV.id).where(MatchCV.job_id == job["job_id"])))
        assert session.exec(select(MatchCVFile).where(MatchCVFile.cv_id.in_(cv_ids))).all() == [], (
            "the stored files are deleted once read"
        )
    assert api_server.process is not None
    peaks = app_rss_peaks_mb(api_server.process.pid)
    assert peaks and max(peaks.values()) < APP_RSS_LIMIT_MB, peaks


def test_a_reading_file_sent_as_jd_file_is_bounded_too(api_server):
    account = make_account(credits=5)
    files = [("cvs", txt("nurse.txt", NURSE_CV)), ("jd_file", ("jd.docx", empty_paragraph_docx(), DOCX))]
    started = time.monotonic()
    response = httpx.post(f"{api_server.url}/api/match", headers=account.headers, files=files, timeout=60)
    assert response.status_code == 400
    assert time.monotonic() - started < 10
    assert "job description file could not be read" in response.json()["detail"]
    with session_scope() as session:
        assert credits.balance(session, account.user_id) == 5


def finished(base: str, headers: dict[str, str], job_id: str, timeout: float = 180) -> dict:
    """Wait on the database (polling the API for minutes would meet the 60-a-minute limit), then
    return the job's progress as the API reports it."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with session_scope() as session:
            job = session.get(MatchJob, job_id)
            if job is not None and job.status in ("completed", "failed"):
                return httpx.get(f"{base}/api/match/{job_id}/progress", headers=headers, timeout=30).json()
        time.sleep(0.2)
    raise AssertionError(f"job {job_id} did not finish within {timeout}s")


def wait_for_state(job_id: str, state: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with session_scope() as session:
            if session.exec(select(MatchCV.id).where(MatchCV.job_id == job_id, MatchCV.status == state)).first():
                return
        time.sleep(0.02)
    raise AssertionError(f"no CV of job {job_id} reached {state!r}")


def test_kill_9_mid_read_then_restart_loses_no_cv_and_books_nothing_twice(api_server):
    api_server.stop()  # a second app on the same database would be a second runner
    server = None
    try:
        from tests.support.server import AppServer

        server = AppServer(Path(DATA_DIR), env={"CVMATCH_RUNNER_CONCURRENCY": "2"}).start()
        account = make_account(plan="api", credits=12)
        cvs = [
            *hostile_cvs()[:2],
            ("broken.pdf", CORRUPT_PDF, "application/pdf"),
            *(txt(f"cv{i}.txt", (NURSE_CV if i % 2 else DEVELOPER_CV) + f"\nref {i}") for i in range(5)),
        ]
        job_id = submit(server.url, account.headers, cvs, jd_text=NURSE_JD).json()["job_id"]
        wait_for_state(job_id, "reading")
        server.kill()
        server.start()
        progress = finished(server.url, account.headers, job_id)
        assert progress == {**progress, "status": "completed", "total": 8, "completed": 5, "skipped": 3}
        entries = ledger_of(account.user_id)
        assert sorted((e.reason, e.delta) for e in entries) == [("match", -8)] + [("refund", 1)] * 3
        assert len({e.reference for e in entries if e.reason == "refund"}) == 3
        with session_scope() as session:
            assert credits.balance(session, account.user_id) == 12 - 5 == credits.ledger_sum(session, account.user_id)
    finally:
        if server is not None:
            server.stop()
        api_server.start()
