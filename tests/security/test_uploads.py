"""Item 1: /_upload keeps nothing for a page that is not logged in, calls upload handlers only, and
staged files are bounded per page, per process and in time."""

from __future__ import annotations

import time
import uuid
from types import SimpleNamespace

import httpx

from cvmatch_app.state import staged_files
from cvmatch_app.state.staged_files import StagedFile

MATCH_STATE = "reflex___state____state.cvmatch_app___state___match____match_state"
ONE_MB = 1024 * 1024


def _upload(base: str, handler: str, files: list[tuple[str, bytes]]) -> httpx.Response:
    headers = {"Reflex-Client-Token": str(uuid.uuid4()), "Reflex-Event-Handler": handler}
    parts = [("files", (name, data, "text/plain")) for name, data in files]
    return httpx.post(f"{base}/_upload", headers=headers, files=parts, timeout=60)


def test_an_upload_from_a_page_that_is_not_logged_in_is_refused_and_not_kept(api_server):
    response = _upload(api_server.url, f"{MATCH_STATE}.add_cvs", [("held-cv-5521.txt", b"x" * ONE_MB)])
    assert "Log in to add files" in response.text, response.text[:500]
    assert "held-cv-5521.txt" not in response.text  # the staged list the page would show stays empty
    jd = _upload(api_server.url, f"{MATCH_STATE}.set_jd_file", [("held-jd-5521.txt", b"Nurse wanted")])
    assert "Log in to add files" in jd.text and "held-jd-5521.txt" not in jd.text


def test_an_upload_to_a_handler_that_takes_no_files_is_400(api_server):
    for handler in (f"{MATCH_STATE}.remove_all_cvs", f"{MATCH_STATE}.submit", "no.such.handler", ""):
        response = _upload(api_server.url, handler, [("cv.txt", b"hello")])
        assert response.status_code == 400, (handler, response.status_code, response.text[:300])
        assert "drop zones" in response.json()["detail"]


def _settings(**overrides):  # type: ignore[no-untyped-def]
    values = {
        "redis_url": "",
        "staged_mb_per_session": 2,
        "staged_mb_total": 512,
        "staged_files_total": 2000,
        "staged_files_ttl_minutes": 60,
    }
    values.update(overrides)
    return SimpleNamespace(**values)


def test_a_page_holds_at_most_its_share_of_bytes(monkeypatch):
    monkeypatch.setattr(staged_files, "get_settings", lambda: _settings(staged_mb_per_session=2))
    held = [StagedFile("a.txt", b"x" * ONE_MB)]
    assert staged_files.refusal_for(held, "b.txt", ONE_MB // 2) is None
    refusal = staged_files.refusal_for(held, "b.txt", ONE_MB + 1)
    assert refusal and "'b.txt' was not added" in refusal and "2 MB" in refusal


def test_the_process_holds_at_most_its_total(monkeypatch):
    held = [StagedFile(f"cv{n}.txt", b"x" * ONE_MB) for n in range(3)]
    bytes_now, files_now = staged_files.process_totals()
    assert bytes_now >= 3 * ONE_MB and files_now >= 3
    monkeypatch.setattr(staged_files, "get_settings", lambda: _settings(staged_files_total=files_now))
    assert "too many files" in (staged_files.refusal_for([], "new.txt", 10) or "")
    del held


def test_a_file_not_submitted_in_time_loses_its_bytes(monkeypatch):
    monkeypatch.setattr(staged_files, "get_settings", lambda: _settings(staged_files_ttl_minutes=1))
    old = StagedFile("old.txt", b"personal data")
    fresh = StagedFile("fresh.txt", b"personal data")
    old.staged_at = time.time() - 61
    staged_files.drop_expired()
    assert old.missing and old.data == b""
    assert not fresh.missing
