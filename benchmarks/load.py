"""Load benchmark: the embedded app and the scaled-out app side by side, on this machine (not a test).

    .venv/bin/python benchmarks/load.py [--seconds 8] [--clients 8] [--max-jobs 100]

Embedded: one app process (SQLite, in-process runner, in-memory rate limits), as `reflex run` starts it.
Scaled out: one app replica with CVMATCH_DATABASE_URL (a fresh PostgreSQL database) and
CVMATCH_REDIS_URL (Reflex state, rate limits and the saq queue in Redis), plus worker processes
(`python -m cvmatch_app.jobs.worker`, 4 CVs at a time each, like the embedded runner).

Needs PostgreSQL and Redis on 127.0.0.1 (or CVMATCH_TEST_POSTGRES_URL / CVMATCH_TEST_REDIS_URL).
The load comes from a separate process on loopback (`load.py client ...`), bounded in time and in
requests. Measured, for each side:
- submissions/s: concurrent clients POST 5-CV jobs (TXT CVs of ~3 KB) for --seconds or --max-jobs;
- CVs scored/s: the submitted CVs are set back to pending in the database and drained again, by the
  embedded runner, by 1 worker and by 2 workers (first to last completion time);
- progress endpoint: concurrent clients GET /api/match/{id}/progress: requests/s, p50 and p99;
- memory: peak resident memory (VmHWM) of every process.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402

JD = (
    "Registered Nurse - ICU Department\nRequirements:\n- Current RN licence (required)\n"
    "- BLS and ACLS certification (required)\n- Minimum 3 years of ICU or critical care nursing experience\n"
    "Preferred:\n- CCRN certification\n- Bachelor of Science in Nursing (BSN)\n"
)
CV_LINES = [
    "ICU Staff Nurse, City General Hospital - Jan 2018 to Present",
    "Critical care nursing for a 12-bed intensive care unit; ventilator management and patient assessment",
    "Staff Nurse, Medical-Surgical Unit, Valley Hospital - 2015 to 2017",
    "Registered Nurse (RN), BLS and ACLS certified; Bachelor of Science in Nursing, 2015",
    "Software developer, Acme Ltd - 2016 to 2020: Python, SQL, REST APIs",
    "Warehouse operative, forklift licence, stock control and shipping",
]
RATE_LIMIT = "1000000"  # measure the servers, not the limiter


# --------------------------------------------------------------------------------------------
# The load process: `load.py client submit|progress ...` prints one JSON line.


def _cv_files(job: int) -> list[tuple[str, tuple[str, bytes, str]]]:
    files = []
    for n in range(5):
        rng = random.Random(job * 10 + n)
        lines = [f"Candidate {job}-{n}"] + [rng.choice(CV_LINES) + f" (note {k})" for k in range(40)]
        files.append(("cvs", (f"cv{n}.txt", "\n".join(lines).encode(), "text/plain")))
    return files


def _client(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="load.py client")
    parser.add_argument("mode", choices=["submit", "progress"])
    parser.add_argument("--url", required=True)
    parser.add_argument("--keys", required=True, help="comma-separated API keys, one per client thread")
    parser.add_argument("--seconds", type=float, required=True)
    parser.add_argument("--max", type=int, required=True, help="stop after this many requests in all")
    parser.add_argument("--job-id", default="")
    args = parser.parse_args(argv)
    keys = args.keys.split(",")
    deadline = time.monotonic() + args.seconds
    per_client = max(1, args.max // len(keys))

    def run(index: int) -> tuple[list[float], list[str], int]:
        latencies: list[float] = []
        job_ids: list[str] = []
        errors = 0
        with httpx.Client(headers={"X-API-Key": keys[index]}, timeout=60) as http:
            while time.monotonic() < deadline and len(latencies) < per_client:
                start = time.perf_counter()
                if args.mode == "submit":
                    response = http.post(
                        f"{args.url}/api/match", files=_cv_files(index * 100_000 + len(latencies)), data={"jd_text": JD}
                    )
                else:
                    response = http.get(f"{args.url}/api/match/{args.job_id}/progress")
                latencies.append(time.perf_counter() - start)
                if response.status_code != 200:
                    errors += 1
                elif args.mode == "submit":
                    job_ids.append(response.json()["job_id"])
        return latencies, job_ids, errors

    started = time.perf_counter()
    with ThreadPoolExecutor(len(keys)) as pool:
        outcomes = list(pool.map(run, range(len(keys))))
    elapsed = time.perf_counter() - started
    latencies = sorted(x for own, _, _ in outcomes for x in own)
    print(
        json.dumps(
            {
                "requests": len(latencies),
                "errors": sum(e for _, _, e in outcomes),
                "elapsed": elapsed,
                "p50_ms": latencies[len(latencies) // 2] * 1000 if latencies else 0,
                "p99_ms": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000 if latencies else 0,
                "job_ids": [j for _, ids, _ in outcomes for j in ids],
            }
        )
    )


def run_load(
    mode: str, url: str, keys: list[str], seconds: float, max_requests: int, job_id: str = ""
) -> dict[str, Any]:
    """Run the load in a separate process and return its figures."""
    command = [sys.executable, __file__, "client", mode, "--url", url, "--keys", ",".join(keys)]
    command += ["--seconds", str(seconds), "--max", str(max_requests), "--job-id", job_id]
    done = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 120, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


# --------------------------------------------------------------------------------------------
# The orchestrator.


def peak_memory(pids: list[int]) -> list[float]:
    """VmHWM in MB of each pid still alive."""
    sizes = []
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    sizes.append(int(line.split()[1]) / 1024)
        except OSError:
            continue
    return sizes


def group_pids(pgid: int) -> list[int]:
    pids = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                if os.getpgid(int(proc.name)) == pgid:
                    pids.append(int(proc.name))
            except (OSError, ProcessLookupError):
                continue
    return pids


class Worker:
    """One `python -m cvmatch_app.jobs.worker` process."""

    def __init__(self, env: dict[str, str], log: Path) -> None:
        self.log = log
        with log.open("ab") as out:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "cvmatch_app.jobs.worker"],
                cwd=ROOT,
                env={**os.environ, **env, "PYTHONUNBUFFERED": "1"},
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + 60
        while "scoring from queue" not in log.read_text(errors="replace"):
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the worker did not start:\n{log.read_text(errors='replace')[-2000:]}")
            time.sleep(0.1)

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=60)


@dataclass
class Side:
    name: str
    figures: dict[str, str] = field(default_factory=dict)


def drain_rate(
    engine: Any, job_ids: list[str], start_workers: Any = None, timeout: float = 300
) -> tuple[float, list[float]]:
    """Set the jobs' CVs back to pending, let the runner(s) score them again.

    Returns CVs per second (first to last completion) and the workers' peak memory in MB.
    """
    from sqlalchemy import func, update
    from sqlmodel import Session, select

    from cvmatch_app.db.models import MatchCV, MatchJob

    with Session(engine) as session:
        session.execute(
            update(MatchCV)
            .where(MatchCV.job_id.in_(job_ids))  # type: ignore[attr-defined]
            .values(status="pending", attempts=0, lease_until=None, score=None, completed_at=None)
        )
        session.execute(
            update(MatchJob).where(MatchJob.id.in_(job_ids)).values(status="pending", completed_at=None)  # type: ignore[attr-defined]
        )
        session.commit()
    workers = start_workers() if start_workers else []
    try:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with Session(engine) as session:
                left = session.exec(
                    select(func.count())
                    .select_from(MatchCV)
                    .where(MatchCV.job_id.in_(job_ids), MatchCV.status != "completed")  # type: ignore[attr-defined]
                ).one()
                if left == 0:
                    first, last, n = session.exec(
                        select(func.min(MatchCV.completed_at), func.max(MatchCV.completed_at), func.count()).where(
                            MatchCV.job_id.in_(job_ids)  # type: ignore[attr-defined]
                        )
                    ).one()
                    memory = peak_memory([w.process.pid for w in workers])
                    return (n - 1) / max((last - first).total_seconds(), 1e-6), memory
            time.sleep(0.2)
        raise RuntimeError(f"the CVs were not scored within {timeout}s")
    finally:
        for worker in workers:
            worker.stop()


def wait_done(engine: Any, job_ids: list[str], timeout: float = 300) -> None:
    from sqlalchemy import func
    from sqlmodel import Session, select

    from cvmatch_app.db.models import MatchJob

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with Session(engine) as session:
            left = session.exec(
                select(func.count())
                .select_from(MatchJob)
                .where(MatchJob.id.in_(job_ids), MatchJob.status.not_in(("completed", "failed")))  # type: ignore[attr-defined]
            ).one()
        if left == 0:
            return
        time.sleep(0.2)
    raise RuntimeError(f"{left} of the {len(job_ids)} submitted jobs were not scored within {timeout}s")


def measure_web(side: Side, url: str, engine: Any, args: argparse.Namespace) -> list[str]:
    from tests.support.factories import make_account, make_key

    account = make_account(plan="api", credits=10_000_000, bind=engine)
    keys = [make_key(account.user_id, bind=engine) for _ in range(args.clients)]
    run_load("submit", url, keys[:1], 5, 3)  # warm-up: imports, JD analysis
    submitted = run_load("submit", url, keys, args.seconds, args.max_jobs)
    side.figures["submissions/s (5-CV jobs)"] = (
        f"{submitted['requests'] / submitted['elapsed']:.1f}"
        f" (p50 {submitted['p50_ms']:.0f} ms, {submitted['errors']} errors)"
    )
    job_ids = submitted["job_ids"]
    job_id = job_ids[0]
    progress = run_load("progress", url, keys, args.seconds, 50_000, job_id=job_id)
    side.figures["progress req/s"] = f"{progress['requests'] / progress['elapsed']:.0f} ({progress['errors']} errors)"
    side.figures["progress p50 / p99"] = f"{progress['p50_ms']:.1f} / {progress['p99_ms']:.1f} ms"
    return job_ids


def embedded(args: argparse.Namespace, work: Path) -> Side:
    from tests.support.postgres import migrated_engine
    from tests.support.server import AppServer

    side = Side("embedded (SQLite, 1 process)")
    data_dir = work / "embedded"
    data_dir.mkdir()
    server = AppServer(data_dir, env={"CVMATCH_RATE_LIMIT_PER_MINUTE": RATE_LIMIT, "CVMATCH_RUNNER": "embedded"})
    server.start()
    engine = migrated_engine(f"sqlite:///{data_dir / 'cvmatch.db'}")
    try:
        job_ids = measure_web(side, server.url, engine, args)
        wait_done(engine, job_ids)
        side.figures["CVs scored/s, in-process runner"] = f"{drain_rate(engine, job_ids)[0]:.0f}"
        assert server.process is not None
        sizes = peak_memory(group_pids(server.process.pid))
        side.figures["app processes, peak RSS"] = (
            f"{len(sizes)} x {statistics.mean(sizes):.0f} MB = {sum(sizes):.0f} MB"
        )
    finally:
        server.stop()
        engine.dispose()
    return side


def scaled_out(args: argparse.Namespace, work: Path) -> Side:
    from tests.support.postgres import create_database, drop_database, migrated_engine
    from tests.support.server import AppServer

    side = Side("scaled out (PostgreSQL + Redis)")
    admin_url = os.environ.get("CVMATCH_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
    redis_base = os.environ.get("CVMATCH_TEST_REDIS_URL", "redis://127.0.0.1:6379").rstrip("/")
    database_url = create_database(admin_url)
    engine = migrated_engine(database_url)
    env = {
        "CVMATCH_DATABASE_URL": database_url,
        "CVMATCH_REDIS_URL": f"{redis_base}/{random.randint(1, 15)}",
        "CVMATCH_QUEUE_NAME": f"cvmatch-bench-{uuid.uuid4().hex[:8]}",
        "CVMATCH_RATE_LIMIT_PER_MINUTE": RATE_LIMIT,
    }
    if args.web_workers:
        env["GRANIAN_WORKERS"] = str(args.web_workers)  # Reflex's default with Redis: 2 x cores + 1
    data_dir = work / "scaled"
    data_dir.mkdir()
    server = AppServer(data_dir, env=env).start()
    workers: list[Worker] = []
    try:
        # One worker runs during the web phases, as the embedded runner does inside the app.
        workers = [Worker(env, data_dir / "worker-0.log")]
        job_ids = measure_web(side, server.url, engine, args)
        wait_done(engine, job_ids)
        workers[0].stop()
        for count in (1, 2):
            rate, memory = drain_rate(
                engine, job_ids, lambda n=count: [Worker(env, data_dir / f"worker-{n}-{i}.log") for i in range(n)]
            )
            side.figures[f"CVs scored/s, {count} worker{'s' if count > 1 else ''}"] = f"{rate:.0f}"
        assert server.process is not None
        sizes = peak_memory(group_pids(server.process.pid))
        side.figures["app processes, peak RSS"] = (
            f"{len(sizes)} x {statistics.mean(sizes):.0f} MB = {sum(sizes):.0f} MB"
        )
        side.figures["worker process, peak RSS"] = f"{statistics.mean(memory):.0f} MB each"
    finally:
        for worker in workers:
            worker.stop()
        server.stop()
        engine.dispose()
        drop_database(admin_url, database_url)
    return side


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "client":
        _client(sys.argv[2:])
        return
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=8, help="length of each load phase")
    parser.add_argument("--clients", type=int, default=8, help="concurrent client threads in the load process")
    parser.add_argument("--max-jobs", type=int, default=100, help="at most this many 5-CV jobs per side")
    parser.add_argument("--web-workers", type=int, default=0, help="Reflex workers of the scaled-out replica")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="cvmatch-load-"))
    os.environ["CVMATCH_DATA_DIR"] = str(work)
    os.environ.setdefault("CVMATCH_SECRET_KEY", "benchmark-only-secret-key-0123456789abcdef")
    for name in ("CVMATCH_DATABASE_URL", "CVMATCH_REDIS_URL"):
        os.environ.pop(name, None)
    print(f"{os.cpu_count()} cores; {args.clients} client threads in one load process; phases of {args.seconds:g} s")
    sides = [embedded(args, work), scaled_out(args, work)]
    rows = list(dict.fromkeys(name for side in sides for name in side.figures))
    widths = [max(len(r) for r in rows)] + [max(len(side.name), 28) for side in sides]
    print()
    print("| " + " | ".join(h.ljust(w) for h, w in zip(["", *(s.name for s in sides)], widths, strict=True)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        cells = [row, *(side.figures.get(row, "-") for side in sides)]
        print("| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |")
    subprocess.run(["rm", "-rf", str(work)], check=False)


if __name__ == "__main__":
    main()
