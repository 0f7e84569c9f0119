"""CVs stay private (no public copy, no other account's job), and the limits are explained before anything is sent."""

from __future__ import annotations

import os
import socket
from pathlib import Path
from urllib.parse import urlparse

import httpx
from playwright.sync_api import expect

from tests.api.helpers import submit
from tests.browser.helpers import WAIT_MS, as_file, drop_cvs, sign_up, web_db
from tests.support.factories import NURSE_CV, NURSE_JD, make_account, txt
from tests.support.server import ROOT

pytestmark = __import__("pytest").mark.browser


def test_another_account_cannot_open_a_job(web_server, page):
    owner = make_account(credits=5, bind=web_db(web_server.data_dir))
    response = submit(web_server.url, owner.headers, [txt("maria-private.txt", NURSE_CV)], jd_text=NURSE_JD)
    assert response.status_code == 200, response.text
    job_id = response.json()["job_id"]

    sign_up(page, web_server.url)
    page.goto(f"{web_server.url}/jobs/{job_id}")
    expect(page.get_by_role("heading", name="Job not found")).to_be_visible(timeout=WAIT_MS)
    expect(page.get_by_text("maria-private.txt")).to_have_count(0)
    page.get_by_role("link", name="History", exact=True).click()
    expect(page.get_by_text("No jobs yet")).to_be_visible(timeout=WAIT_MS)


def test_dropped_cvs_are_never_served_back_nor_written_to_disk(web_server, page):
    marker = "Unique-Marker-5c1e9a"
    sign_up(page, web_server.url)
    drop_cvs(page, [as_file("private-cv-8731.txt", NURSE_CV + marker)])
    expect(page.locator(".staged-cv")).to_have_count(1)
    # Wherever the file could have landed (Reflex's upload folder, this server's data folder), the
    # marker is in no file: a search that finds nothing because a folder is missing still searched the rest.
    upload_dir = Path(os.environ.get("REFLEX_UPLOADED_FILES_DIR", ROOT / "uploaded_files"))
    searched = [p for folder in (upload_dir, web_server.data_dir) for p in folder.rglob("*") if p.is_file()]
    assert any(p.suffix == ".db" for p in searched), "the data folder was searched (it holds the database)"
    assert not [p for p in searched if marker.encode() in p.read_bytes()]
    assert not (upload_dir.exists() and [p for p in upload_dir.rglob("*") if p.is_file()])
    assert httpx.get(f"{web_server.url}/_upload/private-cv-8731.txt", timeout=10).status_code == 404
    # Reflex's default state manager snapshots each tab's state to disk after 2 s: no CV bytes in there.
    page.wait_for_timeout(4_000)
    states_dir = Path(os.environ.get("REFLEX_STATES_WORKDIR", ROOT / ".states"))
    snapshots = [p for p in states_dir.rglob("*") if p.is_file()] if states_dir.exists() else []
    assert snapshots, "expected the state manager to have written its snapshots"
    assert not [p for p in snapshots if marker.encode() in p.read_bytes()]


def test_upload_endpoint_refuses_an_oversized_body_before_reading_it(web_server):
    address = urlparse(web_server.url)
    with socket.create_connection((address.hostname, address.port), timeout=10) as connection:
        connection.sendall(
            b"POST /_upload HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary=x\r\n"
            b"Reflex-Event-Handler: reflex___state____state.cvmatch_app___state___match____match_state.add_cvs\r\n"
            b"Content-Length: 500000000\r\n\r\n"
        )
        reply = connection.recv(4096).decode(errors="replace")
    assert reply.startswith("HTTP/1.1 413"), reply
    assert "fewer or smaller files" in reply


def test_size_batch_and_missing_jd_are_explained(web_server, page):
    sign_up(page, web_server.url)
    drop_cvs(page, [as_file("huge-scan.pdf", b"%PDF-1.7\n" + b"0" * (5 * 1024 * 1024 + 10), "application/pdf")])
    expect(page.get_by_role("alert")).to_contain_text("'huge-scan.pdf' is larger than 5 MB", timeout=WAIT_MS)
    expect(page.locator(".staged-cv")).to_have_count(0)

    drop_cvs(page, [as_file("old-format.doc", b"binary", "application/msword")])
    expect(page.get_by_role("alert")).to_contain_text("'old-format.doc' is not a PDF, DOCX or TXT file")

    drop_cvs(page, [as_file(f"candidate-{n:02d}.txt", NURSE_CV + f"\nRef {n}") for n in range(11)])
    expect(page.locator(".staged-cv")).to_have_count(10, timeout=WAIT_MS)
    expect(page.get_by_role("alert")).to_contain_text("Your plan allows 10 CVs per job")

    page.locator("#submit-match").click()
    expect(page.get_by_role("alert")).to_contain_text("Add the job description")
    assert "/jobs/" not in page.url
