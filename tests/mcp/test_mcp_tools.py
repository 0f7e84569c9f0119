"""The MCP server over stdio against the running app: the three tools, their schemas and every error."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import docx
import httpx
import pytest

from cvmatch_app.db.session import session_scope
from cvmatch_app.services import credits, keys
from tests.conftest import DATA_DIR
from tests.mcp.client import Tools, server_params, wait_until_done, with_tools
from tests.support.factories import DEVELOPER_CV, NURSE_CV, NURSE_JD, PNG_BYTES, WAREHOUSE_CV, make_account
from tests.support.server import AppServer

TOOLS = {"match_cvs", "get_match_progress", "get_match_results"}
UNKNOWN_JOB = "00000000-0000-4000-8000-000000000000"


def _write_docx(path: Path, text: str) -> Path:
    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    document.save(str(path))
    return path


def _assert_clean_error(text: str, *needles: str) -> None:
    assert "Traceback" not in text and 'File "' not in text, text
    for needle in needles:
        assert needle in text, f"{needle!r} not in {text!r}"


def test_the_three_tools_and_their_input_schemas(api_server):
    account = make_account()

    async def work(tools: Tools):
        return await tools.list()

    listed = with_tools(server_params(url=api_server.url, key=account.key), work)
    assert set(listed) == TOOLS

    match = listed["match_cvs"].inputSchema
    assert set(match["required"]) == {"cv_paths", "jd_text"}
    assert match["properties"]["cv_paths"]["type"] == "array"
    assert match["properties"]["cv_paths"]["items"]["type"] == "string"
    assert match["properties"]["jd_text"]["type"] == "string"
    assert ".pdf" in match["properties"]["cv_paths"]["description"]
    for name in ("get_match_progress", "get_match_results"):
        schema = listed[name].inputSchema
        assert schema["required"] == ["job_id"]
        assert schema["properties"]["job_id"]["type"] == "string"

    assert "every 1-2 seconds" in listed["match_cvs"].description
    assert "get_match_progress" in listed["match_cvs"].description
    assert "every 1-2 seconds" in listed["get_match_progress"].description
    assert '"completed"' in listed["get_match_progress"].description
    assert "get_match_results" in listed["get_match_progress"].description
    for word in ("score", "summary", "strengths", "gaps"):
        assert word in listed["get_match_results"].description


def test_match_three_cv_files_poll_and_read_ranked_results(api_server, tmp_path):
    account = make_account(credits=10)
    # Two CVs share the name CV.txt, as CVs often do: the server tells them apart by their folder.
    (tmp_path / "nurse").mkdir()
    (tmp_path / "warehouse").mkdir()
    nurse = tmp_path / "nurse" / "CV.txt"
    nurse.write_text(NURSE_CV)
    warehouse = tmp_path / "warehouse" / "CV.txt"
    warehouse.write_text(WAREHOUSE_CV)
    developer = _write_docx(tmp_path / "developer.docx", DEVELOPER_CV)
    paths = [str(developer), str(nurse), str(warehouse)]

    async def work(tools: Tools):
        submitted = await tools.call("match_cvs", cv_paths=paths, jd_text=NURSE_JD)
        assert not submitted.is_error, submitted.text
        progress = await wait_until_done(tools, submitted.data["job_id"])
        results = await tools.call("get_match_results", job_id=submitted.data["job_id"])
        return submitted.data, progress, results

    job, progress, results = with_tools(server_params(url=api_server.url, key=account.key), work)

    assert job["status"] == "pending" and job["cv_count"] == 3 and job["skipped_cvs"] == []
    assert re.fullmatch(r"[0-9a-f-]{36}", job["job_id"])
    assert [f["cv_filename"] for f in job["files"]] == ["developer.docx", "nurse - CV.txt", "warehouse - CV.txt"]
    assert [f["path"] for f in job["files"]] == paths

    last = progress[-1]
    assert (last["status"], last["total"], last["completed"], last["pending"]) == ("completed", 3, 3, 0)
    assert "get_match_results" in last["next_step"]
    for step in progress:
        assert {"total", "completed", "pending", "status"} <= set(step)

    assert not results.is_error, results.text
    body = results.data
    assert body["job_id"] == job["job_id"] and body["status"] == "completed"
    ranked = body["results"]
    assert [r["rank"] for r in ranked] == [1, 2, 3]
    assert ranked[0]["cv_filename"] == "nurse - CV.txt", "the ICU nurse must rank first for an ICU JD"
    scores = [r["match_score"] for r in ranked]
    assert scores == sorted(scores, reverse=True)
    for result in ranked:
        assert 0 <= result["match_score"] <= 100
        assert result["executive_summary"] and isinstance(result["strengths"], list)
        assert isinstance(result["gaps"], list) and result["verdict"] and result["recommendation"]
    assert ranked[0]["strengths"], "the best match has strengths to show"
    with session_scope() as session:
        assert credits.balance(session, account.user_id) == 7


def test_unreadable_cvs_come_back_in_skipped_cvs_and_are_refunded(api_server, tmp_path):
    account = make_account(credits=5)
    good = tmp_path / "nurse.txt"
    good.write_text(NURSE_CV)
    fake = tmp_path / "scan.pdf"
    fake.write_bytes(PNG_BYTES)  # a .pdf name on a file that is not a PDF: the API skips it with a reason

    async def work(tools: Tools):
        submitted = await tools.call("match_cvs", cv_paths=[str(good), str(fake)], jd_text=NURSE_JD)
        job_id = submitted.data["job_id"]
        for _ in range(300):
            progress = await tools.call("get_match_progress", job_id=job_id)
            if progress.data["status"] == "completed":
                break
            await asyncio.sleep(0.2)
        return submitted, progress, await tools.call("get_match_results", job_id=job_id)

    submitted, progress, answer = with_tools(server_params(url=api_server.url, key=account.key), work)
    assert not answer.is_error, answer.text
    assert submitted.data["cv_count"] == 2  # the files are read after the answer
    assert progress.data["skipped"] == 1 and progress.data["completed"] == 1
    assert [s["filename"] for s in answer.data["skipped_cvs"]] == ["scan.pdf"]
    assert answer.data["skipped_cvs"][0]["reason"]
    with session_scope() as session:
        assert credits.balance(session, account.user_id) == 4


def test_local_files_that_are_not_cvs_are_refused_by_path(api_server, tmp_path):
    account = make_account(credits=10)
    good = tmp_path / "good.txt"
    good.write_text(NURSE_CV)
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    picture = tmp_path / "photo.png"
    picture.write_bytes(PNG_BYTES)
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(5 * 1024 * 1024 + 1)
    secret = tmp_path / "id_rsa"
    secret.write_text("-----BEGIN PRIVATE KEY-----\n")
    link_to_secret = tmp_path / "cv-link.txt"
    link_to_secret.symlink_to(secret)
    link_to_folder = tmp_path / "folder-link.pdf"
    link_to_folder.symlink_to(tmp_path / "folder.txt")
    dangling = tmp_path / "gone.docx"
    dangling.symlink_to(tmp_path / "nowhere.docx")
    missing = tmp_path / "missing.pdf"

    cases = {
        "directory": (str(folder), "is a folder"),
        "missing file": (str(missing), "does not exist"),
        "symlink to a non-CV file": (str(link_to_secret), "symbolic link"),
        "symlink to a directory": (str(link_to_folder), "symbolic link to a folder"),
        "dangling symlink": (str(dangling), "does not exist"),
        ".png": (str(picture), "is a .png file"),
        "http URL": ("http://example.com/cv.pdf", "is a URL"),
        "https URL": ("https://example.com/cv.pdf", "is a URL"),
        "file URL": (f"file://{good}", "is a URL"),
        "over 5 MB": (str(big), "5.0 MB"),
    }

    async def work(tools: Tools):
        answers = {}
        for name, (path, _) in cases.items():
            answers[name] = await tools.call("match_cvs", cv_paths=[str(good), path], jd_text=NURSE_JD)
        answers["all at once"] = await tools.call(
            "match_cvs", cv_paths=[path for path, _ in cases.values()], jd_text=NURSE_JD
        )
        answers["no paths"] = await tools.call("match_cvs", cv_paths=[], jd_text=NURSE_JD)
        answers["no jd"] = await tools.call("match_cvs", cv_paths=[str(good)], jd_text="  ")
        return answers

    answers = with_tools(server_params(url=api_server.url, key=account.key), work)
    for name, (path, reason) in cases.items():
        answer = answers[name]
        assert answer.is_error, name
        _assert_clean_error(answer.text, repr(path), reason, "Nothing was submitted")
        assert repr(str(good)) not in answer.text, f"{name}: the good file is not blamed"
    assert "at most 5 MB" in answers["over 5 MB"].text
    for path, reason in cases.values():
        _assert_clean_error(answers["all at once"].text, repr(path), reason)
    _assert_clean_error(answers["no paths"].text, "cv_paths is empty")
    _assert_clean_error(answers["no jd"].text, "jd_text is empty")
    with session_scope() as session:
        assert credits.balance(session, account.user_id) == 10, "a refused call spends nothing"


def test_a_symlink_to_a_cv_file_is_followed(api_server, tmp_path):
    account = make_account(credits=5)
    real = tmp_path / "store" / "maria-2024.txt"
    real.parent.mkdir()
    real.write_text(NURSE_CV)
    link = tmp_path / "maria.txt"
    link.symlink_to(real)

    async def work(tools: Tools):
        return await tools.call("match_cvs", cv_paths=[str(link)], jd_text=NURSE_JD)

    answer = with_tools(server_params(url=api_server.url, key=account.key), work)
    assert not answer.is_error, answer.text
    assert answer.data["cv_count"] == 1 and answer.data["files"][0]["cv_filename"] == "maria.txt"


def test_api_errors_are_clear_tool_errors(api_server, tmp_path):
    broke = make_account(credits=0)
    rich = make_account(credits=10)
    cv = tmp_path / "nurse.txt"
    cv.write_text(NURSE_CV)

    async def submit(tools: Tools, **arguments):
        return await tools.call("match_cvs", cv_paths=[str(cv)], jd_text=NURSE_JD, **arguments)

    async def with_bad_key(tools: Tools):
        return await submit(tools), await tools.call("get_match_progress", job_id=UNKNOWN_JOB)

    bad_submit, bad_progress = with_tools(server_params(url=api_server.url, key=keys.generate_secret()), with_bad_key)
    for answer in (bad_submit, bad_progress):
        assert answer.is_error
        _assert_clean_error(answer.text, "(401)", "Invalid or missing API key", "CV_MATCH_API_KEY")

    no_credits = with_tools(server_params(url=api_server.url, key=broke.key), submit)
    assert no_credits.is_error
    _assert_clean_error(no_credits.text, "(402)", "credits")

    async def unknown_jobs(tools: Tools):
        return [
            await tools.call("get_match_progress", job_id=UNKNOWN_JOB),
            await tools.call("get_match_results", job_id=UNKNOWN_JOB),
            await tools.call("get_match_results", job_id="../credits/balance"),
            await tools.call("get_match_progress", job_id=" "),
            await tools.call("match_cvs", cv_paths=[str(cv)], jd_text="x" * 50_001),
        ]

    answers = with_tools(server_params(url=api_server.url, key=rich.key), unknown_jobs)
    progress, results, traversal, blank, long_jd = answers
    for answer in (progress, results):
        assert answer.is_error
        _assert_clean_error(answer.text, "(404)", "not found", "job_id")
    _assert_clean_error(progress.text, UNKNOWN_JOB)
    assert traversal.is_error
    _assert_clean_error(traversal.text, "is not a CVMatch job_id")
    _assert_clean_error(blank.text, "job_id is empty")
    _assert_clean_error(long_jd.text, "(400)", "50,000")


def test_missing_key_is_a_clear_error_at_call_and_a_hint_at_start(api_server, tmp_path):
    errlog = (tmp_path / "stderr.log").open("w")
    cv = tmp_path / "nurse.txt"
    cv.write_text(NURSE_CV)

    async def work(tools: Tools):
        listed = await tools.list()
        return listed, await tools.call("match_cvs", cv_paths=[str(cv)], jd_text=NURSE_JD)

    listed, answer = with_tools(server_params(url=api_server.url, key=None), work, errlog=errlog)
    errlog.close()
    assert set(listed) == TOOLS, "the server still starts, so the assistant can say what is wrong"
    assert answer.is_error
    _assert_clean_error(answer.text, "CV_MATCH_API_KEY is not set", "Account page")
    assert "CV_MATCH_API_KEY is not set" in (tmp_path / "stderr.log").read_text()


def test_an_unreachable_server_is_a_clear_error(tmp_path):
    from tests.support.server import free_port

    url = f"http://127.0.0.1:{free_port()}"

    async def work(tools: Tools):
        return await tools.call("get_match_progress", job_id=UNKNOWN_JOB)

    answer = with_tools(server_params(url=url, key=keys.generate_secret()), work)
    assert answer.is_error
    _assert_clean_error(answer.text, f"Could not reach CVMatch at {url}", "CV_MATCH_API_URL")


@pytest.fixture(scope="module")
def limited_server(api_server):
    """A second app on the same database that allows 3 requests per minute per key."""
    server = AppServer(
        DATA_DIR, env={"CVMATCH_RATE_LIMIT_PER_MINUTE": "3", "CVMATCH_PUBLIC_URL": "https://cv.example.test/"}
    ).start()
    yield server
    server.stop()


def test_rate_limit_is_a_clear_error_with_retry_after(limited_server, tmp_path):
    account = make_account(credits=10)

    async def work(tools: Tools):
        return [await tools.call("get_match_progress", job_id=UNKNOWN_JOB) for _ in range(4)]

    answers = with_tools(server_params(url=limited_server.url, key=account.key), work)
    assert all(a.is_error and "(404)" in a.text for a in answers[:3])
    limited = answers[3]
    assert limited.is_error
    _assert_clean_error(limited.text, "(429)", "Rate limit")
    seconds = re.search(r"Retry after (\d+) seconds\.$", limited.text)
    assert seconds and 1 <= int(seconds.group(1)) <= 60, limited.text


def test_config_snippet_uses_the_public_url(limited_server):
    body = httpx.get(f"{limited_server.url}/api/mcp/config", timeout=10).json()
    assert body["mcpServers"]["cv-matching"]["env"]["CV_MATCH_API_URL"] == "https://cv.example.test"
