"""Scaled-out set-up: PostgreSQL, Redis, web replicas and worker processes, all real.

Each run gets its own PostgreSQL database, its own Redis database number and its own queue name,
so that runs of several engineers on one machine do not see each other's messages. Without
PostgreSQL or Redis these tests fail with a message saying what to start; they never skip.
"""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import redis
from sqlalchemy import Engine

from tests.conftest import DATA_DIR, POSTGRES_URL
from tests.support.postgres import create_database, drop_database, migrated_engine
from tests.support.server import ROOT, AppServer

REDIS_URL = os.environ.get("CVMATCH_TEST_REDIS_URL", "redis://127.0.0.1:6379")
# Above the longest a file may take to read on a busy machine (CVMATCH_READER_WALL_SECONDS 2.5 s, up to
# 4x when the reader is starved of CPU): with 5 s, a plain TXT waiting behind hostile files lost its
# lease twice under load and was skipped as a file that stops readers.
LEASE_SECONDS = 12


def fresh_redis_url() -> str:
    """A Redis database number for this run (1-15; 0 is left to people running the app)."""
    base = REDIS_URL.rstrip("/")
    base = re.sub(r"/\d+$", "", base)
    client = redis.Redis.from_url(base)
    try:
        client.ping()
    except redis.RedisError as exc:
        raise RuntimeError(
            f"Redis is needed for this test and is not reachable at {base} ({exc}). "
            "Start it (scripts/test.sh does) or set CVMATCH_TEST_REDIS_URL."
        ) from exc
    finally:
        client.close()
    return f"{base}/{random.randint(1, 15)}"


@dataclass
class Cluster:
    """What the replicas and workers of one scaled-out deployment share."""

    database_url: str
    engine: Engine
    redis_url: str
    queue_name: str
    data_dir: Path

    def env(self, **extra: str) -> dict[str, str]:
        env = {
            "CVMATCH_DATABASE_URL": self.database_url,
            "CVMATCH_REDIS_URL": self.redis_url,
            "CVMATCH_QUEUE_NAME": self.queue_name,
            "CVMATCH_LEASE_SECONDS": str(LEASE_SECONDS),
        }
        env.update(extra)
        return env

    def server(self, name: str, **extra: str) -> AppServer:
        return AppServer(self.data_dir / name, env=self.env(**extra))

    def worker(self, name: str, *, concurrency: int = 1, **extra: str) -> WorkerProcess:
        return WorkerProcess(self.data_dir / f"worker-{name}.log", self.env(**extra), concurrency)


class WorkerProcess:
    """``python -m cvmatch_app.jobs.worker`` in its own process group, logging to a file."""

    def __init__(self, log_path: Path, env: dict[str, str], concurrency: int) -> None:
        self.log_path = log_path
        self.env = {**os.environ, **env, "PYTHONUNBUFFERED": "1"}
        self.concurrency = concurrency
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> WorkerProcess:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "cvmatch_app.jobs.worker", "--concurrency", str(self.concurrency)],
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.wait_for_log(r"scoring from queue", timeout=30)
        return self

    def log(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")
        except OSError:
            return ""

    def wait_for_log(self, pattern: str, timeout: float = 30) -> re.Match[str]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            match = re.search(pattern, self.log())
            if match:
                return match
            if self.process is not None and self.process.poll() is not None:
                raise AssertionError(f"the worker exited with {self.process.returncode}:\n{self.log()[-3000:]}")
            time.sleep(0.02)
        raise AssertionError(f"no {pattern!r} in the worker's log within {timeout}s:\n{self.log()[-3000:]}")

    def started_cvs(self) -> list[int]:
        return [int(n) for n in re.findall(r"scoring CV (\d+)", self.log())]

    def finished_cvs(self) -> list[int]:
        outcomes = r"scored|skipped|failed|retry|handed back|unreadable|read"
        return [int(n) for n in re.findall(rf"CV (\d+) (?:{outcomes})", self.log())]

    def signal(self, sig: signal.Signals) -> None:
        assert self.process is not None
        os.killpg(self.process.pid, sig)

    def wait(self, timeout: float = 60) -> int:
        assert self.process is not None
        return self.process.wait(timeout=timeout)

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=40)
        except subprocess.TimeoutExpired:
            self.signal(signal.SIGKILL)
            self.process.wait(timeout=10)


@pytest.fixture(scope="package")
def cluster() -> Iterator[Cluster]:
    database_url = create_database(POSTGRES_URL)
    engine = migrated_engine(database_url)
    redis_url = fresh_redis_url()
    queue_name = f"cvmatch-test-{uuid.uuid4().hex[:10]}"
    data_dir = Path(DATA_DIR) / "scale"
    data_dir.mkdir(parents=True, exist_ok=True)
    yield Cluster(database_url, engine, redis_url, queue_name, data_dir)
    client = redis.Redis.from_url(redis_url)
    for key in client.scan_iter(f"saq:*{queue_name}*"):
        client.delete(key)
    client.close()
    engine.dispose()
    drop_database(POSTGRES_URL, database_url)


@pytest.fixture(scope="package")
def replicas(cluster: Cluster) -> Iterator[tuple[AppServer, AppServer]]:
    """Two API replicas (backend only) on the same PostgreSQL and Redis: distributed mode."""
    first = cluster.server("replica-a").start()
    try:
        second = cluster.server("replica-b").start()
    except BaseException:
        first.stop()
        raise
    yield first, second
    second.stop()
    first.stop()
