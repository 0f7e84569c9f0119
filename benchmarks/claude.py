"""Benchmark the Claude engine against the fake Anthropic server and print figures (not a test).

    .venv/bin/python benchmarks/claude.py [--latency 1.5] [--cvs 25] [--runner-concurrency 4,8] [--skip-api]

Each fake call takes ``--latency`` seconds, like a real Haiku call, and the fake caches prefixes by
Haiku 4.5's rules (4,096 tokens at least; readable once the answer that wrote it is back). Measured:
- the engine alone: a 25-CV job (asyncio.gather over the CVs) with the default limits, for a short
  JD (too short to cache) and a long one (cached): wall time, the most calls in flight at once
  (seen by the server), tokens and cost;
- end to end: the app started with CVMATCH_ENGINE=claude, a 25-CV job (long JD) submitted through
  the REST API and polled until completed, for each embedded-runner concurrency given.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import secrets
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402

JD = (
    "ICU Registered Nurse\nRequired: current RN licence, BLS and ACLS, 3+ years of ICU experience, ventilator "
    "management.\nPreferred: CCRN, BSN."
)


def _cv(i: int) -> str:
    return (
        f"Candidate {i}\nRegistered Nurse, BLS and ACLS certified.\nICU Staff Nurse, City Hospital 2016 to Present\n"
        "Ventilator management, patient assessment, critical care.\nBachelor of Science in Nursing 2015\n"
    )


async def _engine_job(base_url: str, jd: str, n: int) -> tuple[float, int, dict[str, float]]:
    from cvmatch_app.claude_engine import ClaudeEngine
    from cvmatch_app.config import Settings

    settings = Settings(engine="claude", ANTHROPIC_API_KEY="test-key", CVMATCH_ANTHROPIC_BASE_URL=base_url)
    engine = ClaudeEngine.from_settings(settings)
    job = engine.prepare_job(jd)
    started = time.perf_counter()
    results = await asyncio.gather(*(engine.assess(job, _cv(i), []) for i in range(n)))
    elapsed = time.perf_counter() - started
    await engine.aclose()
    totals: dict[str, float] = {}
    for result in results:
        for name, value in result.usage.items():
            totals[name] = totals.get(name, 0) + value
    return elapsed, settings.claude_concurrency, totals


def _api_job(fake_url: str, jd: str, n: int, runner_concurrency: int) -> tuple[float, float, dict[str, float]]:
    from cvmatch_app.db.session import make_engine
    from tests.support.factories import make_account
    from tests.support.server import AppServer

    data_dir = Path(os.environ["CVMATCH_DATA_DIR"]) / f"runner-{runner_concurrency}"
    server = AppServer(
        data_dir,
        env={
            "CVMATCH_ENGINE": "claude",
            "ANTHROPIC_API_KEY": "test-key",
            "CVMATCH_ANTHROPIC_BASE_URL": fake_url,
            "CVMATCH_RUNNER_CONCURRENCY": str(runner_concurrency),
            "CVMATCH_RATE_LIMIT_PER_MINUTE": "1000000",  # measure the engine, not the API's limiter
        },
    )
    server.start()
    try:
        database = make_engine(f"sqlite:///{data_dir / 'cvmatch.db'}")
        account = make_account(plan="api", credits=1000, bind=database)
        files = [("cvs", (f"cv{i}.txt", _cv(i).encode(), "text/plain")) for i in range(n)]
        started = time.perf_counter()
        response = httpx.post(
            f"{server.url}/api/match", headers=account.headers, files=files, data={"jd_text": jd}, timeout=120
        )
        response.raise_for_status()
        job_id = response.json()["job_id"]
        submitted = time.perf_counter() - started
        while True:
            progress = httpx.get(f"{server.url}/api/match/{job_id}/progress", headers=account.headers)
            progress = progress.raise_for_status().json()
            if progress["status"] in ("completed", "failed"):
                break
            time.sleep(0.05)
        elapsed = time.perf_counter() - started
        usage = httpx.get(f"{server.url}/api/match/{job_id}", headers=account.headers).json()["usage"]
        database.dispose()
        return elapsed, submitted, usage
    finally:
        server.stop()


def _usage_line(usage: dict[str, float]) -> str:
    return (
        f"{int(usage.get('claude_calls', 0))} calls, input {int(usage.get('input_tokens', 0))}, "
        f"output {int(usage.get('output_tokens', 0))}, cache write {int(usage.get('cache_creation_input_tokens', 0))}, "
        f"cache read {int(usage.get('cache_read_input_tokens', 0))} tokens, ${usage.get('cost_usd', 0):.4f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--latency", type=float, default=1.5, help="seconds per fake Claude call")
    parser.add_argument("--cvs", type=int, default=25)
    parser.add_argument("--runner-concurrency", default="4,8", help="embedded-runner sizes to try end to end")
    parser.add_argument("--skip-api", action="store_true", help="only the engine, without starting the app")
    args = parser.parse_args()

    data_dir = Path(tempfile.mkdtemp(prefix="cvmatch-claude-bench-"))
    os.environ["CVMATCH_DATA_DIR"] = str(data_dir)
    os.environ["CVMATCH_SECRET_KEY"] = secrets.token_urlsafe(48)  # shared by this script and the app it starts
    for name in [n for n in os.environ if n.startswith("ANTHROPIC_")]:
        del os.environ[name]  # the SDK must see only the key we give it
    from tests.claude.jobs import LONG_NURSE_JD
    from tests.support.fake_anthropic import FakeAnthropic

    fake = FakeAnthropic(latency=args.latency).start()
    try:
        print(f"fake Anthropic server: {args.latency:g} s per call")
        for label, jd in (("short JD", JD), ("long JD", LONG_NURSE_JD)):
            fake.reset()
            elapsed, limit, usage = asyncio.run(_engine_job(fake.url, jd, args.cvs))
            print(
                f"engine alone, {label}, {args.cvs} CVs, CVMATCH_CLAUDE_CONCURRENCY={limit}: {elapsed:.2f} s wall, "
                f"{fake.max_in_flight} calls in flight at most (one at a time: {args.cvs * args.latency:.1f} s)"
            )
            print(f"  {_usage_line(usage)}; ${usage['cost_usd'] / args.cvs:.5f} per CV")
        if args.skip_api:
            return
        for size in (int(s) for s in args.runner_concurrency.split(",")):
            fake.reset()
            elapsed, submitted, usage = _api_job(fake.url, LONG_NURSE_JD, args.cvs, size)
            print(
                f"through the API, long JD, {args.cvs} CVs, CVMATCH_RUNNER_CONCURRENCY={size}: "
                f"submit {submitted:.2f} s, completed after {elapsed:.2f} s, "
                f"{fake.max_in_flight} calls in flight at most"
            )
            print(f"  {_usage_line(usage)}")
    finally:
        fake.stop()
        shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
