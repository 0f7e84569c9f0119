"""Benchmark the API end to end on loopback and print figures (not a test).

    .venv/bin/python benchmarks/api.py [--clients 8] [--seconds 10]

Starts the app (backend only, SQLite in a temporary data dir), then measures:
- time from submit to completed for 1 and for 25 TXT CVs;
- requests per second and p50/p99 latency of GET /api/match/{id}/progress with N concurrent clients
  (a separate load process, bounded in time and count);
- the app's peak resident memory (VmHWM of every process in its group).
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

import httpx  # noqa: E402


def _cv(i: int) -> tuple[str, tuple[str, bytes, str]]:
    text = (
        f"Candidate {i}\nRegistered Nurse, BLS and ACLS certified.\nICU Staff Nurse, City Hospital 2016 to Present\n"
        "Ventilator management, patient assessment, critical care.\nBachelor of Science in Nursing 2015\n"
    )
    return ("cvs", (f"cv{i}.txt", text.encode(), "text/plain"))


JD = "ICU Registered Nurse\nRequired: RN licence, BLS, ACLS, 3+ years of ICU experience.\nPreferred: CCRN."


def submit_and_wait(base: str, headers: dict[str, str], n: int) -> float:
    start = time.perf_counter()
    job = httpx.post(
        f"{base}/api/match", headers=headers, files=[_cv(i) for i in range(n)], data={"jd_text": JD}, timeout=120
    )
    job.raise_for_status()
    job_id = job.json()["job_id"]
    while True:
        progress = httpx.get(f"{base}/api/match/{job_id}/progress", headers=headers, timeout=30).json()
        if progress["status"] in ("completed", "failed"):
            return time.perf_counter() - start
        time.sleep(0.02)


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


def peak_memory_mb(pid: int) -> float:
    """Sum of VmHWM over the process group (reflex launcher + granian workers)."""
    total = 0
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            if os.getpgid(int(proc.name)) != pid:
                continue
            for line in (proc / "status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    total += int(line.split()[1])
        except (OSError, ProcessLookupError):
            continue
    return total / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--max-requests", type=int, default=20_000)
    args = parser.parse_args()

    data_dir = Path(tempfile.mkdtemp(prefix="cvmatch-bench-"))
    os.environ["CVMATCH_DATA_DIR"] = str(data_dir)
    os.environ["CVMATCH_RATE_LIMIT_PER_MINUTE"] = "1000000"  # measure the server, not the limiter
    from tests.support.factories import make_account, make_key
    from tests.support.server import AppServer

    server = AppServer(data_dir, env={"CVMATCH_RATE_LIMIT_PER_MINUTE": "1000000"})
    started = time.perf_counter()
    server.start()
    print(f"app start (backend only, migrated): {time.perf_counter() - started:.1f} s")
    try:
        account = make_account(plan="api", credits=100_000)
        headers = account.headers
        submit_and_wait(server.url, headers, 1)  # warm-up: imports, JD analysis caches
        one = [submit_and_wait(server.url, headers, 1) for _ in range(5)]
        many = [submit_and_wait(server.url, headers, 25) for _ in range(3)]
        print(f"submit -> completed, 1 TXT CV:   median {statistics.median(one) * 1000:.0f} ms (5 runs)")
        print(f"submit -> completed, 25 TXT CVs: median {statistics.median(many) * 1000:.0f} ms (3 runs)")

        job_id = httpx.post(
            f"{server.url}/api/match", headers=headers, files=[_cv(0)], data={"jd_text": JD}, timeout=60
        ).json()["job_id"]
        keys = [make_key(account.user_id) for _ in range(args.clients)]
        started = time.perf_counter()
        latencies = sorted(load(server.url, keys, job_id, args.clients, args.seconds, args.max_requests))
        elapsed = time.perf_counter() - started
        p50 = latencies[len(latencies) // 2] * 1000
        p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000
        print(
            f"progress endpoint, {args.clients} clients: {len(latencies) / elapsed:.0f} req/s, "
            f"p50 {p50:.1f} ms, p99 {p99:.1f} ms ({len(latencies)} requests)"
        )
        assert server.process is not None
        print(f"app peak memory (all processes): {peak_memory_mb(server.process.pid):.0f} MB")
    finally:
        server.stop()
        subprocess.run(["rm", "-rf", str(data_dir)], check=False)


if __name__ == "__main__":
    main()
