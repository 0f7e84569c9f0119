"""One home per rule: change it there and every surface that shows or enforces it follows.

The rules: the per-file limit (CVMATCH_MAX_CV_BYTES, passed to the engine by the reading pool),
the JD limit (CVMATCH_MAX_JD_CHARS), the plans (cvmatch_app.plans), the price of a CV, the verdict
bands (engine.bands), the "claimable" condition of the runners, and the one body-size limit.
"""

from __future__ import annotations

import ast
import json
import re
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import select

from cvmatch_app import plans
from cvmatch_app.api.body_limit import max_request_bytes, too_large_detail
from cvmatch_app.config import Settings, get_settings
from cvmatch_app.db.models import CreditLedger
from cvmatch_app.db.session import make_engine
from cvmatch_app.engine.bands import band_ranges
from tests.api.helpers import submit, wait_completed
from tests.conftest import DATA_DIR
from tests.support.factories import NURSE_CV, NURSE_JD, make_account, txt
from tests.support.server import AppServer

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "cvmatch_app"
MB = 1024 * 1024
RAISED_CV_BYTES = 10 * MB
LOWERED_JD_CHARS = 2_000


@pytest.fixture(scope="module")
def raised_limits_server() -> Iterator[tuple[AppServer, object]]:
    """An app of its own (own database) with a 10 MB file limit and a 2,000-character JD limit."""
    data_dir = Path(DATA_DIR) / "one-home"
    env = {
        "CVMATCH_MAX_CV_BYTES": str(RAISED_CV_BYTES),
        "CVMATCH_MAX_JD_CHARS": str(LOWERED_JD_CHARS),
        "CVMATCH_DATA_DIR": str(data_dir),
        "CVMATCH_READER_CPU_SECONDS": "20",  # a 6 MB TXT on a busy test machine: the size is under test here
        "CVMATCH_READER_WALL_SECONDS": "30",
    }
    server = AppServer(data_dir, env=env).start()
    bind = make_engine(f"sqlite:///{data_dir / 'cvmatch.db'}")
    yield server, bind
    server.stop()
    bind.dispose()


def _cv_of_size(n_bytes: int) -> bytes:
    line = (NURSE_CV + "\n").encode()
    return (line * (n_bytes // len(line) + 1))[:n_bytes]


def test_a_raised_file_limit_reaches_the_engine_over_the_api(raised_limits_server) -> None:
    """The old bug: with CVMATCH_MAX_CV_BYTES=10 MB a 6 MB TXT was skipped as "larger than 5 MB"."""
    server, bind = raised_limits_server
    account = make_account(credits=5, bind=bind)
    six_mb = txt("long-cv.txt", "")[0], _cv_of_size(6 * MB), "text/plain"
    response = submit(server.url, account.headers, [six_mb], jd_text=NURSE_JD)
    assert response.status_code == 200, response.text
    progress = wait_completed(server.url, account.headers, response.json()["job_id"], timeout=180)
    assert (progress["completed"], progress["skipped"]) == (1, 0), progress

    eleven_mb = ("huge.txt", _cv_of_size(11 * MB), "text/plain")
    refused = submit(server.url, account.headers, [eleven_mb], jd_text=NURSE_JD)
    assert refused.status_code == 413 and "10 MB" in refused.json()["detail"], refused.text


def test_the_jd_limit_is_the_setting_in_every_api_message(raised_limits_server) -> None:
    server, bind = raised_limits_server
    account = make_account(credits=5, bind=bind)
    cv = txt("nurse.txt", NURSE_CV)
    missing = submit(server.url, account.headers, [cv])
    assert missing.status_code == 400 and f"{LOWERED_JD_CHARS:,} characters" in missing.json()["detail"]
    too_long = submit(server.url, account.headers, [cv], jd_text="Registered nurse. " * 200)
    assert too_long.status_code == 400 and f"{LOWERED_JD_CHARS:,}" in too_long.json()["detail"]
    assert "50,000" not in missing.text + too_long.text


def test_the_body_limit_answers_from_one_place_on_both_routes(raised_limits_server) -> None:
    """POST /api/match and Reflex's /_upload share one middleware and one 413 text, sized by the settings."""
    server, _ = raised_limits_server
    expected_cap = (plans.largest_batch() + 1) * RAISED_CV_BYTES + MB
    for path, extra in (("/api/match", b""), ("/_upload", b"Reflex-Event-Handler: nothing.here\r\n")):
        status, body = _post_declaring(server.port, path, expected_cap + 1, extra)
        if path == "/_upload":  # an unknown handler is turned away first, with its own reason
            assert status == 400 and "drop zones" in body["detail"]
            continue
        assert status == 413
        assert body["detail"] == _detail_with(expected_cap, RAISED_CV_BYTES)
        assert f"{plans.largest_batch()} CVs of at most 10 MB" in body["detail"]


def _post_declaring(port: int, path: str, length: int, extra_headers: bytes) -> tuple[int, dict]:
    """Send only the headers of a POST that claims ``length`` bytes: the answer must come before the body."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(
            f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=x\r\n".encode()
            + extra_headers
            + f"Content-Length: {length}\r\n\r\n".encode()
        )
        raw = b""
        while b"\r\n\r\n" not in raw or not raw.rstrip().endswith(b"}"):
            chunk = sock.recv(65536)
            if not chunk:
                break
            raw += chunk
    head, _, body = raw.partition(b"\r\n\r\n")
    return int(head.split()[1]), json.loads(body)


def _detail_with(max_bytes: int, cv_bytes: int) -> str:
    settings = get_settings()
    old = settings.max_cv_bytes
    settings.max_cv_bytes = cv_bytes
    try:
        return too_large_detail(max_bytes)
    finally:
        settings.max_cv_bytes = old


def test_a_plan_changed_in_plans_changes_every_surface(monkeypatch) -> None:
    bigger = tuple(plans.Plan(p.name, p.rank, 40 if p.name == "api" else p.batch_limit, p.label) for p in plans.PLANS)
    monkeypatch.setattr(plans, "PLANS", bigger)
    monkeypatch.setattr(plans, "_BY_NAME", {p.name: p for p in bigger})
    settings = get_settings()
    assert settings.batch_limit("api") == 40 and settings.batch_limit("nonsense") == plans.batch_limit("free")
    assert max_request_bytes() == 41 * settings.max_cv_bytes + MB
    assert "40 CVs" in too_large_detail(max_request_bytes())
    assert plans.plans_below("api") == ["free", "starter"] and plans.plans_below("free") == []

    from cvmatch_app.services import matching
    from cvmatch_app.services.errors import BadRequest

    cvs = [matching.UploadedFile(filename=f"cv{i}.txt", data=NURSE_CV.encode()) for i in range(41)]
    with pytest.raises(BadRequest, match="40"):
        matching.prepare_submission(plan="api", cvs=cvs, jd_text=NURSE_JD, jd_file=None)


def test_the_cli_and_accounts_offer_the_plans_of_plans() -> None:
    from cvmatch_app.services import accounts

    assert accounts.PLANS == plans.PLAN_NAMES
    shown = subprocess.run(
        [sys.executable, "-m", "cvmatch_app.cli", "create-user", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    assert "{" + ",".join(plans.PLAN_NAMES) + "}" in shown


def test_the_price_of_a_cv_is_charged_and_refunded_from_one_constant(monkeypatch) -> None:
    from cvmatch_app.db.session import session_scope
    from cvmatch_app.services import credits

    monkeypatch.setattr(plans, "CREDITS_PER_CV", 2)
    monkeypatch.setattr(credits, "CREDITS_PER_CV", 2)
    account = make_account(credits=10)
    with session_scope(write=True) as session:
        credits.charge_job(session, user_id=account.user_id, job_id="price-test", cv_count=3)
        credits.refund_cv(session, user_id=account.user_id, cv_id=-account.user_id)
        assert credits.balance(session, account.user_id) == 10 - 6 + 2
    with session_scope() as session:
        entries = session.exec(select(CreditLedger).where(CreditLedger.user_id == account.user_id))
        deltas = sorted(entry.delta for entry in entries)
    assert deltas == [-6, 2, 10]


def test_the_bands_build_the_scoring_caps_and_the_claude_prompt() -> None:
    """Move the Interview floor to 65 in engine.bands alone: the caps and the prompt follow."""
    script = (
        "from cvmatch_app.engine import bands\n"
        "bands.BANDS[1] = (65, 'GOOD_MATCH', 'Interview')\n"
        "import importlib, json\n"
        "from cvmatch_app.engine import scoring\n"
        "from cvmatch_app.claude_engine import prompt\n"
        "scoring, prompt = importlib.reload(scoring), importlib.reload(prompt)\n"
        "print(json.dumps([scoring._BAND_CEILINGS, prompt.INSTRUCTIONS]))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    ceilings, instructions = json.loads(done.stdout.strip().splitlines()[-1])
    assert [tuple(c) for c in ceilings] == [(40, 39.4), (65, 64.4), (75, 74.4)]
    assert "- 65-74: meets most must-haves" in instructions and "- 40-64: relevant background" in instructions
    assert "keeps the score below 65" in instructions and "- 60-74" not in instructions


def test_the_mcp_script_keeps_exact_copies_of_the_bands_and_limits() -> None:
    """mcp_server.py is standalone (it imports nothing from the app): its copies must equal the sources."""
    from cvmatch_app import mcp_server

    text = (APP / "mcp_server.py").read_text(encoding="utf-8")
    shown = re.findall(r"([A-Z_]+_MATCH|NOT_SUITABLE) (\d+)-(\d+)", " ".join(text.split()))
    assert sorted((v, int(lo), int(hi)) for v, lo, hi in shown) == sorted(
        (verdict, low, high) for low, high, verdict, _ in band_ranges()
    )
    defaults = Settings()
    assert mcp_server.MAX_CV_BYTES == defaults.max_cv_bytes
    assert f"up to {defaults.max_jd_chars:,} characters" in text
    assert f"at most {defaults.max_cv_bytes // MB} MB" in text


def test_the_claude_prompt_cuts_the_jd_at_the_setting() -> None:
    from cvmatch_app.claude_engine import ClaudeEngine

    settings = Settings(anthropic_api_key="test-key", max_jd_chars=300, engine="claude")
    engine = ClaudeEngine.from_settings(settings)
    prompt = engine.prepare_job("Registered nurse, ICU. " * 100).prompt
    jd_block = prompt.system[-1]["text"]
    assert len(jd_block) <= 300 + len("<job_description>\n\n</job_description>")


def _source_mentions(pattern: str) -> list[str]:
    return [
        f"{path.relative_to(ROOT)}:{n}"
        for path in sorted(APP.rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(pattern, line)
    ]


def test_claimable_is_written_once_and_nobody_reads_starlettes_private_part() -> None:
    expired = r"lease_until\)?\s*<"  # `MatchCV.lease_until < now`, or through sqlmodel's col()
    assert _source_mentions(expired) == [_only_line("jobs/cv_task.py", expired)]
    assert _source_mentions(r"_current_part") == []
    built_413 = _source_mentions(r"\b(status|status_code)[\"']?\s*[:=]\s*413\b")
    assert [where.split(":")[0] for where in built_413] == ["cvmatch_app/services/errors.py"]  # PayloadTooLarge
    tree = ast.parse((APP / "api" / "body_limit.py").read_text(encoding="utf-8"))
    assert {n.name for n in tree.body if isinstance(n, ast.ClassDef)} == {"BodySizeLimit"}
    limits = _source_mentions(r"class \w*(SizeLimit|BodyLimit)\b")
    assert [where.split(":")[0] for where in limits] == ["cvmatch_app/api/body_limit.py"]


def _only_line(relative: str, pattern: str) -> str:
    lines = (APP / relative).read_text(encoding="utf-8").splitlines()
    return next(f"cvmatch_app/{relative}:{n}" for n, line in enumerate(lines, 1) if re.search(pattern, line))
