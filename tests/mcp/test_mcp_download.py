"""The MCP server as a user gets it: downloaded from the app, run alone, set up from the snippet."""

from __future__ import annotations

import ast
import subprocess
import sys

import httpx

from cvmatch_app.services.mcp_setup import mcp_config_snippet
from tests.mcp.client import SERVER_FILE, Tools, server_params, wait_until_done, with_tools
from tests.support.factories import NURSE_CV, NURSE_JD, make_account

# What `pip install "mcp<2" httpx` brings (anyio and pydantic come with mcp), besides the standard library.
INSTALLED_BY_THE_README = {"mcp", "httpx", "anyio", "pydantic"}


def test_the_download_is_the_file_itself(api_server):
    response = httpx.get(f"{api_server.url}/api/mcp/mcp_server.py", timeout=10)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/x-python")
    assert 'filename="mcp_server.py"' in response.headers["content-disposition"]
    assert response.content == SERVER_FILE.read_bytes()


def test_the_file_imports_only_the_standard_library_mcp_and_httpx():
    tree = ast.parse(SERVER_FILE.read_text())
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, "no relative imports in a standalone file"
            imported.add((node.module or "").split(".")[0])
    assert imported - sys.stdlib_module_names <= INSTALLED_BY_THE_README, imported - sys.stdlib_module_names
    assert "cvmatch_app" not in imported


def test_the_downloaded_file_runs_alone_and_matches_a_cv(api_server, tmp_path):
    account = make_account(credits=5)
    script = tmp_path / "mcp_server.py"
    script.write_bytes(httpx.get(f"{api_server.url}/api/mcp/mcp_server.py", timeout=10).content)
    cv = tmp_path / "maria.txt"
    cv.write_text(NURSE_CV)
    isolated = subprocess.run(
        [sys.executable, "-I", "-c", "import cvmatch_app"], cwd=tmp_path, capture_output=True, text=True
    )
    assert isolated.returncode != 0, "from tmp_path the app's package must not be importable"

    async def work(tools: Tools):
        listed = await tools.list()
        job = await tools.call("match_cvs", cv_paths=[str(cv)], jd_text=NURSE_JD)
        assert not job.is_error, job.text
        await wait_until_done(tools, job.data["job_id"])
        return listed, await tools.call("get_match_results", job_id=job.data["job_id"])

    params = server_params(url=api_server.url, key=account.key, script=script, cwd=tmp_path)
    listed, results = with_tools(params, work)
    assert set(listed) == {"match_cvs", "get_match_progress", "get_match_results"}
    assert not results.is_error and results.data["results"][0]["cv_filename"] == "maria.txt"


def _run(script, *args: str, url: str, key: str | None) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "CV_MATCH_API_URL": url}
    if key is not None:
        env["CV_MATCH_API_KEY"] = key
    return subprocess.run(
        [sys.executable, "-I", str(script), *args], env=env, capture_output=True, text=True, timeout=60
    )


def test_check_tells_a_person_whether_the_settings_work(api_server):
    account = make_account()
    ok = _run(SERVER_FILE, "--check", url=api_server.url, key=account.key)
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.startswith(f"OK: CVMatch at {api_server.url} accepted the API key")

    bad = _run(SERVER_FILE, "--check", url=api_server.url, key="cvm_not_a_real_key")
    assert bad.returncode == 1 and "(401)" in bad.stderr and "Traceback" not in bad.stderr

    missing = _run(SERVER_FILE, "--check", url=api_server.url, key=None)
    assert missing.returncode == 1 and "CV_MATCH_API_KEY is not set" in missing.stderr

    not_http = _run(SERVER_FILE, "--check", url="cv.example.test", key=account.key)
    assert not_http.returncode == 1 and "must start with http:// or https://" in not_http.stderr

    assert _run(SERVER_FILE, "--help", url=api_server.url, key=None).stdout.count("match_cvs") >= 1


def test_config_route_gives_the_claude_desktop_snippet(api_server):
    body = httpx.get(f"{api_server.url}/api/mcp/config", timeout=10).json()
    entry = body["mcpServers"]["cv-matching"]
    assert entry["command"] == "python" and entry["args"] == ["~/mcp_server.py"]
    assert entry["env"]["CV_MATCH_API_KEY"] == "your-api-key-here"
    assert entry["env"]["CV_MATCH_API_URL"].startswith("http")


def test_snippet_is_the_seeds_shape_with_the_given_url_and_key():
    assert mcp_config_snippet("https://cv.example.test/") == {
        "mcpServers": {
            "cv-matching": {
                "command": "python",
                "args": ["~/mcp_server.py"],
                "env": {"CV_MATCH_API_URL": "https://cv.example.test", "CV_MATCH_API_KEY": "your-api-key-here"},
            }
        }
    }
    filled = mcp_config_snippet("http://localhost:3000", api_key="cvm_abc", script_path="/Users/me/mcp_server.py")
    assert filled["mcpServers"]["cv-matching"]["env"]["CV_MATCH_API_KEY"] == "cvm_abc"
    assert filled["mcpServers"]["cv-matching"]["args"] == ["/Users/me/mcp_server.py"]
