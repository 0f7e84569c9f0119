"""Benchmark a rubric edit: server-side time from the edit to the re-ranked results, 25 CVs (not a test).

    .venv/bin/python benchmarks/rubric_rescore.py [--runs 15] [--cvs 25]

Issue #16's target is at most 300 ms on the server for 25 CVs. Measured two ways on a fresh SQLite
data dir, with 25 real PDF CVs from ``../shared/eval/real_cvs`` when that folder is there (only read,
nothing copied), else the engine's labelled test CVs:

- through the service, in this process: ``rubric.rescore_job`` (validate, score every stored CV text
  with the edited rubric, write the results and the new version) plus ``matching.results`` (the
  re-ranked results the page shows), each edit in its own write transaction;
- through ``PUT /api/match/{id}/requirements`` over HTTP on loopback, against the app started like
  benchmarks/api.py does: the answer carries the re-ranked results. The server's own time is read
  from the access log's duration when present; the client's round trip is printed beside it.

Each run alternates two edits (ACLS must -> nice plus a knockout, and back), so every run really
re-scores; the first edit is a warm-up and is not counted. What the engine reads of each CV does not
depend on the rubric and is kept per job (services/rubric.py), so an edit only scores; the first edit
with nothing read yet (after a restart, before the rubric panel's warm-up) is printed apart.
"""

from __future__ import annotations

import argparse
import asyncio
import copy
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
REAL_CVS = ROOT.parent / "shared" / "eval" / "real_cvs"
if not REAL_CVS.is_dir():
    REAL_CVS = Path("/work/shared/eval/real_cvs")

import httpx  # noqa: E402

JD = """Registered Nurse - ICU Department
We are hiring a Registered Nurse for our intensive care unit.
Requirements:
- Current RN licence (required)
- BLS and ACLS certification (required)
- Minimum 3 years of ICU or critical care nursing experience
- Experience with ventilator management and patient assessment
Preferred:
- CCRN certification is a plus
- Bachelor of Science in Nursing (BSN)
"""


def cv_files(count: int) -> tuple[str, list[tuple[str, bytes, str]]]:
    pdfs = sorted(REAL_CVS.glob("*.pdf"))[:count] if REAL_CVS.is_dir() else []
    if len(pdfs) == count:
        return f"{count} real PDF CVs", [(p.name, p.read_bytes(), "application/pdf") for p in pdfs]
    from tests.engine.cases import CVS

    texts = list(CVS.values())
    files = [(f"cv{i:02}.txt", (texts[i % len(texts)] + f"\nref {i}").encode(), "text/plain") for i in range(count)]
    return f"{count} labelled test CVs (TXT; {REAL_CVS} missing)", files


def edits(reading: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    edited = copy.deepcopy(reading)
    for item in edited:
        if item["text"] == "ACLS":
            item["kind"] = "nice"
    edited.append({"text": "PALS certification", "kind": "must", "knockout": True})
    return [edited, reading]


def describe(name: str, seconds: list[float]) -> str:
    ms = sorted(s * 1000 for s in seconds)
    p90 = ms[min(len(ms) - 1, int(round(0.9 * (len(ms) - 1))))]
    return f"{name}: median {statistics.median(ms):.0f} ms, p90 {p90:.0f} ms, max {ms[-1]:.0f} ms ({len(ms)} edits)"


def through_service(runs: int, files: list[tuple[str, bytes, str]]) -> None:
    from cvmatch_app.db.models import MatchJob
    from cvmatch_app.db.session import session_scope
    from cvmatch_app.jobs.cv_task import process_cv
    from cvmatch_app.services import matching, rubric
    from tests.support.factories import make_account

    account = make_account(plan="api", credits=1_000)
    submitted = matching.submit(
        user_id=account.user_id, cvs=[matching.UploadedFile(n, d) for n, d, _ in files], jd_text=JD
    )
    job_id = submitted["job_id"]
    with session_scope() as session:
        cv_ids = matching.cv_ids_of(session, job_id)
    for cv_id in cv_ids:
        asyncio.run(process_cv(cv_id))
    with session_scope() as session:
        reading = rubric.current_rubric(session.get(MatchJob, job_id))["requirements"]  # type: ignore[arg-type]
        scored = len(matching.results(session, user_id=account.user_id, job_id=job_id)["results"])
    started = time.perf_counter()
    with session_scope(write=True) as session:  # nothing read yet: as after a restart, before any warm-up
        rubric.rescore_job(session, user_id=account.user_id, job_id=job_id, requirements=edits(reading)[1])
    print(
        f"service: first edit with no CV read yet (each CV read again): {(time.perf_counter() - started) * 1000:.0f} ms"
    )
    timings = []
    for run in range(runs + 1):
        started = time.perf_counter()
        with session_scope(write=True) as session:
            rubric.rescore_job(session, user_id=account.user_id, job_id=job_id, requirements=edits(reading)[run % 2])
        with session_scope() as session:
            results = matching.results(session, user_id=account.user_id, job_id=job_id)
        elapsed = time.perf_counter() - started
        assert len(results["results"]) == scored
        if run:
            timings.append(elapsed)
    print(describe(f"service: edit -> re-ranked results ({scored} scored CVs)", timings))


def through_http(runs: int, files: list[tuple[str, bytes, str]], data_dir: Path) -> None:
    from tests.support.factories import make_account
    from tests.support.server import AppServer

    unlimited = {"CVMATCH_RATE_LIMIT_PER_MINUTE": "1000000", "CVMATCH_ACCOUNT_RATE_LIMIT_PER_MINUTE": "1000000"}
    server = AppServer(data_dir, env=unlimited).start()
    try:
        account = make_account(plan="api", credits=1_000)
        base, headers = server.url, account.headers
        job = httpx.post(
            f"{base}/api/match", headers=headers, files=[("cvs", f) for f in files], data={"jd_text": JD}, timeout=300
        ).json()
        deadline = time.monotonic() + 600
        while httpx.get(f"{base}/api/match/{job['job_id']}/progress", headers=headers).json()["status"] not in (
            "completed",
            "failed",
        ):
            if time.monotonic() > deadline:
                raise RuntimeError("the job did not finish")
            time.sleep(0.2)
        reading = httpx.get(f"{base}/api/match/{job['job_id']}", headers=headers).json()["rubric"]["requirements"]
        timings = []
        for run in range(runs + 1):
            body = json.dumps({"requirements": edits(reading)[run % 2]})
            started = time.perf_counter()
            answer = httpx.put(
                f"{base}/api/match/{job['job_id']}/requirements",
                headers={**headers, "Content-Type": "application/json"},
                content=body,
                timeout=60,
            )
            elapsed = time.perf_counter() - started
            answer.raise_for_status()
            if run:
                timings.append(elapsed)
        print(describe("HTTP: PUT /api/match/{id}/requirements -> re-ranked results (loopback round trip)", timings))
    finally:
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--cvs", type=int, default=25)
    args = parser.parse_args()
    data_dir = Path(tempfile.mkdtemp(prefix="cvmatch-bench-rubric-"))
    os.environ["CVMATCH_DATA_DIR"] = str(data_dir)
    try:
        from cvmatch_app.db.migrate import upgrade_to_head

        upgrade_to_head()
        label, files = cv_files(args.cvs)
        print(f"job: {label}, the ICU nurse JD; engine: local")
        through_service(args.runs, files)
        through_http(args.runs, files, data_dir)
    finally:
        subprocess.run(["rm", "-rf", str(data_dir)], check=False)


if __name__ == "__main__":
    main()
