"""Item 5: jd_text in an unknown charset or with invalid bytes is a 400 saying what to do, never garble."""

from __future__ import annotations

import httpx

from tests.support.factories import NURSE_CV, NURSE_JD, make_account

BOUNDARY = "cvmatch-test-boundary"


def _multipart(jd_part_headers: str, jd_bytes: bytes) -> bytes:
    return (
        (
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="cvs"; filename="cv.txt"\r\n'
            f"Content-Type: text/plain\r\n\r\n{NURSE_CV}\r\n"
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="jd_text"\r\n{jd_part_headers}\r\n'
        ).encode()
        + jd_bytes
        + f"\r\n--{BOUNDARY}--\r\n".encode()
    )


def _post(base: str, headers: dict[str, str], body: bytes, request_type: str = "") -> httpx.Response:
    content_type = request_type or f"multipart/form-data; boundary={BOUNDARY}"
    return httpx.post(f"{base}/api/match", headers={**headers, "Content-Type": content_type}, content=body, timeout=60)


def test_an_unknown_charset_or_invalid_bytes_are_400_and_nothing_is_charged(api_server):
    account = make_account(credits=5)
    bogus = _post(
        api_server.url,
        account.headers,
        _multipart("Content-Type: text/plain; charset=x-bogus\r\n", b"\xff\xfe\xc3\x28"),
    )
    assert bogus.status_code == 400, bogus.text
    assert "x-bogus" in bogus.json()["detail"] and "UTF-8" in bogus.json()["detail"]
    invalid = _post(api_server.url, account.headers, _multipart("", b"Nurse \xff\xfe\xc3\x28 wanted"))
    assert invalid.status_code == 400, invalid.text
    assert "not valid utf-8" in invalid.json()["detail"] and "0xff" in invalid.json()["detail"]
    whole_request = _post(
        api_server.url,
        account.headers,
        _multipart("", NURSE_JD.encode()),
        request_type=f"multipart/form-data; boundary={BOUNDARY}; charset=x-bogus",
    )
    assert whole_request.status_code == 400 and "x-bogus" in whole_request.json()["detail"]
    listed = httpx.get(f"{api_server.url}/api/match", headers=account.headers, timeout=30).json()
    assert listed["jobs"] == []


def test_a_declared_charset_that_exists_is_decoded_with_it(api_server):
    account = make_account(credits=5)
    jd = "Chef de partie - Café crème\n" + NURSE_JD
    response = _post(
        api_server.url,
        account.headers,
        _multipart("Content-Type: text/plain; charset=windows-1252\r\n", jd.encode("cp1252")),
    )
    assert response.status_code == 200, response.text
    listed = httpx.get(f"{api_server.url}/api/match", headers=account.headers, timeout=30).json()
    assert listed["jobs"][0]["title"] == "Chef de partie - Café crème"
