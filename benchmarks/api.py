"""Benchmark the API end to end on loopback and print figures (not a test).

    .venv/bin/python benchmarks/api.py [--runs 20] [--clients 8] [--seconds 10]

Starts the app (backend only, SQLite in a temporary data dir), then measures:
- how long POST /api/match takes to answer (p50/p99) for 1 and for 25 CVs of 200 KB (TXT, so the
  figure is the intake's own cost; each job is left to finish before the next submit);
- submit -> completed for 25 real PDF CVs from ``../shared/eval/real_cvs`` (when that folder is
  there; only the files are read, nothing is copied), and for 1 and 25 short TXT CVs;
- a job of hostile files (DOCX with 3 x 5 MB XML parts of empty paragraphs, a DOCX of 50,000 zip
  entries, a PDF of endless drawing operators): submit latency, time until each is skipped;
- requests per second and p50/p99 latency of GET /api/match/{id}/progress with N concurrent clients;
- peak resident memory (VmHWM) of the app's processes and, apart, of its file-reading processes.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
REAL_CVS = ROOT.parent / "shared" / "eval" / "real_cvs"
if not REAL_CVS.is_dir():
    REAL_CVS = Path("/work/shared/eval/real_cvs")
LARGE_CV_BYTES = 200 * 1024

import httpx  # noqa: E402

JD = "ICU Registered Nurse\nRequired: RN licence, BLS, ACLS, 3+ years of ICU experience.\nPreferred: CCRN."
CV_TEXT = (
    "Candidate {i}\nRegistered Nurse, BLS and ACLS certified.\nICU Staff Nurse, City Hospital 2016 to Present\n"
    "Ventilator management, patient assessment, critical care.\nBachelor of Science in Nursing 2015\n"
)
CV_FILLER = "Continuing education: critical care course, module {n}, completed with patient assessment practice.\n"


def _cv(i: int) -> tuple[str, tuple[str, bytes, str]]:
    return ("cvs", (f"cv{i}.txt", CV_TEXT.format(i=i).encode(), "text/plain"))


def _large_cv(i: int, run: int) -> tuple[str, tuple[str, bytes, str]]:
    """A 200 KB TXT CV, different in every run (an exact duplicate would be skipped, not stored)."""
    text = CV_TEXT.format(i=f"{run}-{i}")
    filler = []
    n = 0
    while len(text) + sum(map(len, filler)) < LARGE_CV_BYTES:
        filler.append(CV_FILLER.format(n=n))
        n += 1
    return ("cvs", (f"large{i}.txt", (text + "".join(filler)).encode()[:LARGE_CV_BYTES], "text/plain"))


def _post(base: str, headers: dict[str, str], files: list, timeout: float = 300) -> tuple[float, dict]:
    start = time.perf_counter()
    response = httpx.post(f"{base}/api/match", headers=headers, files=files, data={"jd_text": JD}, timeout=timeout)
    elapsed = time.perf_counter() - start
    response.raise_for_status()
    return elapsed, response.json()


def wait_done(base: str, headers: dict[str, str], job_id: str, timeout: float = 600) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        response = httpx.get(f"{base}/api/match/{job_id}/progress", headers=headers, timeout=30)
        if response.status_code == 429:
            time.sleep(float(response.headers.get("Retry-After", "1")))
            continue
        response.raise_for_status()
        if response.json()["status"] in ("completed", "failed"):
            return time.perf_counter() - start
        time.sleep(0.05)
    raise RuntimeError(f"job {job_id} did not finish in {timeout} s")


def submit_and_wait(base: str, headers: dict[str, str], files: list) -> tuple[float, float, dict]:
    """(answer seconds, submit-to-completed seconds, the submit answer)."""
    answer, job = _post(base, headers, files)
    return answer, answer + wait_done(base, headers, job["job_id"]), job


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def describe(label: str, seconds: list[float]) -> str:
    ms = [s * 1000 for s in seconds]
    return (
        f"{label}: p50 {percentile(ms, 0.5):.0f} ms, p99 {percentile(ms, 0.99):.0f} ms, "
        f"max {max(ms):.0f} ms ({len(ms)} runs)"
    )


def load(base: str, keys: list[str], job_id: str, clients: int, seconds: float, max_requests: int) -> list[float]:
    deadline = time.monotonic() + seconds
    latencies: list[float] = []

    def client(n: int) -> list[float]:
        own: list[float] = []
        with httpx.Client(headers={"X-API-Key": keys[n]}, timeout=30) as http:
            while time.monotonic() < deadline and len(own) < max_requests // clients:
                start = time.perf_counter()
                http.get(f"{base}/api/match/{job_id}/progress").raise_for_status()
                own.append(time.perf_counter() - start)
        return own

    with ThreadPoolExecutor(clients) as pool:
        for own in pool.map(client, range(clients)):
            latencies.extend(own)
    return latencies


def _is_reader(pid: str) -> bool:
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False
    return b"cvmatch_app.services.reading_pool" in cmdline


def peak_memory_mb(pgid: int) -> tuple[float, float, float]:
    """(largest app process, all app processes, largest file reader) peak RSS in MB, from VmHWM."""
    app: list[int] = []
    readers: list[int] = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            if os.getpgid(int(proc.name)) != pgid:
                continue
            for line in (proc / "status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    (readers if _is_reader(proc.name) else app).append(int(line.split()[1]))
        except (OSError, ProcessLookupError):
            continue
    return max(app, default=0) / 1024, sum(app) / 1024, max(readers, default=0) / 1024


def hostile_files() -> list[tuple[str, tuple[str, bytes, str]]]:
    from tests.support.hostile import empty_paragraph_docx, endless_operators_pdf, many_entries_docx

    docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    files = [
        ("cvs", (f"empty-paragraphs-{n}.docx", empty_paragraph_docx(5 * 1024 * 1024 + 24 * n), docx)) for n in range(3)
    ]
    files.append(("cvs", ("many-entries.docx", many_entries_docx(), docx)))
    files.append(("cvs", ("endless-operators.pdf", endless_operators_pdf(), "application/pdf")))
    return files


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20, help="submits measured for each latency figure")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--max-requests", type=int, default=20_000)
    args = parser.parse_args()

    data_dir = Path(tempfile.mkdtemp(prefix="cvmatch-bench-"))
    os.environ["CVMATCH_DATA_DIR"] = str(data_dir)
    unlimited = {"CVMATCH_RATE_LIMIT_PER_MINUTE": "1000000", "CVMATCH_ACCOUNT_RATE_LIMIT_PER_MINUTE": "1000000"}
    os.environ.update(unlimited)  # measure the server, not the limiter
    from tests.support.factories import make_account, make_key
    from tests.support.server import AppServer

    server = AppServer(data_dir, env=unlimited)
    started = time.perf_counter()
    server.start()
    print(f"app start (backend only, migrated): {time.perf_counter() - started:.1f} s")
    try:
        account = make_account(plan="api", credits=1_000_000)
        base, headers = server.url, account.headers
        submit_and_wait(base, headers, [_cv(0)])  # warm-up: imports, JD analysis caches, reading pool

        answers_1 = [submit_and_wait(base, headers, [_large_cv(0, run)])[0] for run in range(args.runs)]
        print(describe("POST /api/match answer, 1 CV of 200 KB", answers_1))
        answers_25 = []
        for run in range(args.runs):
            answer, _, _ = submit_and_wait(base, headers, [_large_cv(i, run) for i in range(25)])
            answers_25.append(answer)
        print(describe("POST /api/match answer, 25 CVs of 200 KB", answers_25))

        one = [submit_and_wait(base, headers, [_cv(i)])[1] for i in range(5)]
        many = [submit_and_wait(base, headers, [_cv(i + 100 * run) for i in range(25)])[1] for run in range(3)]
        print(f"submit -> completed, 1 TXT CV:   median {statistics.median(one) * 1000:.0f} ms (5 runs)")
        print(f"submit -> completed, 25 TXT CVs: median {statistics.median(many) * 1000:.0f} ms (3 runs)")

        pdfs = sorted(REAL_CVS.glob("*.pdf"))[:25] if REAL_CVS.is_dir() else []
        if len(pdfs) == 25:
            files = [("cvs", (p.name, p.read_bytes(), "application/pdf")) for p in pdfs]
            runs = [submit_and_wait(base, headers, files) for _ in range(3)]
            skipped = [
                len(httpx.get(f"{base}/api/match/{r[2]['job_id']}", headers=headers, timeout=30).json()["skipped_cvs"])
                for r in runs
            ]
            print(
                f"25 real PDF CVs ({sum(p.stat().st_size for p in pdfs) // 1024} KB): answer median "
                f"{statistics.median(r[0] for r in runs) * 1000:.0f} ms, submit -> completed median "
                f"{statistics.median(r[1] for r in runs):.2f} s (3 runs; CVs skipped per run: {skipped})"
            )
        else:
            print(f"25 real PDF CVs: skipped ({REAL_CVS} has fewer than 25 PDFs or is missing)")

        try:
            answer, total, job = submit_and_wait(base, headers, hostile_files())
            body = httpx.get(f"{base}/api/match/{job['job_id']}", headers=headers, timeout=30).json()
            skipped = {s["filename"]: s["reason"] for s in body["skipped_cvs"]}
            print(
                f"hostile job (5 files): answer {answer * 1000:.0f} ms, submit -> completed {total:.2f} s, "
                f"{len(skipped)} skipped"
            )
            for name, reason in skipped.items():
                print(f"    {name}: {reason}")
        except httpx.HTTPStatusError as exc:
            print(
                f"hostile job (5 files): answered {exc.response.status_code} "
                f"after {exc.response.elapsed.total_seconds():.2f} s: {exc.response.text[:300]}"
            )

        job_id = _post(base, headers, [_cv(0)])[1]["job_id"]
        keys = [make_key(account.user_id) for _ in range(args.clients)]
        started = time.perf_counter()
        latencies = load(base, keys, job_id, args.clients, args.seconds, args.max_requests)
        elapsed = time.perf_counter() - started
        print(
            f"progress endpoint, {args.clients} clients: {len(latencies) / elapsed:.0f} req/s, "
            f"p50 {percentile(latencies, 0.5) * 1000:.1f} ms, p99 {percentile(latencies, 0.99) * 1000:.1f} ms "
            f"({len(latencies)} requests)"
        )
        assert server.process is not None
        largest, app_total, reader = peak_memory_mb(server.process.pid)
        print(
            f"peak memory (VmHWM): largest app process {largest:.0f} MB, all app processes {app_total:.0f} MB, "
            f"largest file-reading process {reader:.0f} MB"
        )
    finally:
        server.stop()
        subprocess.run(["rm", "-rf", str(data_dir)], check=False)


if __name__ == "__main__":
    main()
