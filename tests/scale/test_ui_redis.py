"""The whole web app scaled out: Reflex state in Redis, several Reflex workers, scoring in a worker process.

A job page opened while no worker runs shows "0 of N done"; a worker process started afterwards
scores the CVs, and the open page follows to "N of N done" without a reload: the page's background
event reads progress from the database, and its state lives in Redis, shared by the Reflex workers.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import redis
from playwright.sync_api import sync_playwright

from tests.api.helpers import submit
from tests.browser.helpers import log_in
from tests.scale.conftest import Cluster
from tests.support.factories import NURSE_CV, NURSE_JD, make_account, txt
from tests.support.server import AppServer

pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.browser]

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="module")
def web_replica(cluster: Cluster) -> Iterator[AppServer]:
    """The full app (pages built) with CVMATCH_REDIS_URL: Reflex keeps state in Redis and runs several workers."""
    server = AppServer(cluster.data_dir / "web", backend_only=False, env=cluster.env())
    server.start(timeout=600)
    yield server
    server.stop()


def processes_in_group(pgid: int) -> list[str]:
    names = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                if os.getpgid(int(proc.name)) == pgid:
                    names.append((proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace"))
            except (OSError, ProcessLookupError):
                continue
    return names


def test_reflex_runs_several_workers_with_state_in_redis(web_replica):
    assert web_replica.process is not None
    group = processes_in_group(web_replica.process.pid)
    # reflex's launcher, granian's supervisor and its workers: with Redis, Reflex starts more than one.
    assert len(group) >= 4, group
    assert httpx.get(f"{web_replica.url}/login", timeout=30, follow_redirects=True).status_code == 200


def test_live_progress_through_redis_with_scoring_in_a_worker_process(cluster, web_replica):
    if not Path(CHROMIUM).exists():
        raise RuntimeError("Chromium is missing: run scripts/test.sh, which installs Debian's chromium package.")
    account = make_account(plan="free", credits=3, bind=cluster.engine)
    cvs = [txt(f"cv{i}.txt", NURSE_CV + f"\nReference {i}") for i in range(3)]
    job_id = submit(web_replica.url, account.headers, cvs, jd_text=NURSE_JD).json()["job_id"]

    worker = None
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            # Log in through the form, as a recruiter does. (Writing the token into localStorage by hand
            # raced the login page's own first state update, which wrote the empty session back.)
            log_in(page, web_replica.url, account.email)
            page.goto(f"{web_replica.url}/jobs/{job_id}")
            count = page.locator("#progress-count")
            count.wait_for(timeout=60_000)
            page.wait_for_function(
                "() => /0 of 3 done/.test(document.querySelector('#progress-count')?.textContent || '')",
                timeout=30_000,
            )

            # The page's state is in Redis, under the browser tab's token.
            tab_token = page.evaluate("() => window.sessionStorage.getItem('token')")
            client = redis.Redis.from_url(cluster.redis_url)
            try:
                assert tab_token and list(client.scan_iter(f"*{tab_token}*", count=1000)), "no Reflex state in Redis"
            finally:
                client.close()

            worker = cluster.worker("ui").start()
            page.wait_for_function(
                "() => /3 of 3 done/.test(document.querySelector('#progress-count')?.textContent || '')",
                timeout=60_000,
            )
            assert re.search(r"3 of 3 done", count.inner_text())
            for i in range(3):
                assert page.get_by_text(f"cv{i}.txt").count() >= 1
        finally:
            browser.close()
            if worker is not None:
                worker.stop()
