"""Item 7: file names are cleaned when they arrive, stored and returned cleaned; CSV keeps formulas inert."""

from __future__ import annotations

from datetime import UTC, datetime

import httpx

from cvmatch_app.services.filenames import MAX_FILENAME_CHARS, clean_filename
from cvmatch_app.services.results_export import ExportRow, results_csv
from tests.api.helpers import wait_completed
from tests.support.factories import NURSE_CV, NURSE_JD, make_account

BOUNDARY = "cvmatch-names-boundary"
NASTY_NAMES = {
    b"../../etc/passwd.txt": "passwd.txt",
    b"C:\\Users\\me\\maria.txt": "maria.txt",
    b"nul\x00byte.txt": "nulbyte.txt",
    "invoice_\u202etxt.exe".encode(): "invoice_txt.exe",
    b"'><img src=x onerror=alert(1)>.txt": "'><img src=x onerror=alert(1)>.txt",
    b"=HYPERLINK(evil).txt": "=HYPERLINK(evil).txt",
    b"x" * 3000 + b".txt": "x" * (MAX_FILENAME_CHARS - 4) + ".txt",
}


def _body(names: list[bytes]) -> bytes:
    parts = b""
    for n, name in enumerate(names):
        parts += (
            f"--{BOUNDARY}\r\n".encode()
            + b'Content-Disposition: form-data; name="cvs"; filename="'
            + name.replace(b'"', b"%22")
            + b'"\r\nContent-Type: text/plain\r\n\r\n'
            + f"{NURSE_CV}\nReference {n}\r\n".encode()
        )
    parts += f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="jd_text"\r\n\r\n{NURSE_JD}\r\n'.encode()
    return parts + f"--{BOUNDARY}--\r\n".encode()


def test_names_come_back_cleaned_from_every_endpoint(api_server):
    account = make_account(plan="free", credits=10)
    response = httpx.post(
        f"{api_server.url}/api/match",
        headers={**account.headers, "Content-Type": f"multipart/form-data; boundary={BOUNDARY}"},
        content=_body(list(NASTY_NAMES)),
        timeout=60,
    )
    assert response.status_code == 200, response.text
    job_id = response.json()["job_id"]
    wait_completed(api_server.url, account.headers, job_id)
    results = httpx.get(f"{api_server.url}/api/match/{job_id}", headers=account.headers, timeout=30).json()
    names = sorted(result["cv_filename"] for result in results["results"])
    assert names == sorted(NASTY_NAMES.values())
    for name in names:
        assert "/" not in name and "\\" not in name and "\x00" not in name and "\u202e" not in name
        assert len(name) <= MAX_FILENAME_CHARS


def test_the_csv_export_keeps_neutralising_formulas_in_cleaned_names():
    name = clean_filename('\u202e=HYPERLINK("evil.example","open").txt')
    assert name.startswith("=")
    row = ExportRow(candidate="-1+1", title="", employer="", location="", filename=name, score=80)
    exported = results_csv([row], job_title="Nurse", job_date=datetime(2026, 11, 30, tzinfo=UTC))
    assert "'=HYPERLINK" in exported and "'-1+1" in exported
