"""Small HTTP helpers for the API tests."""

from __future__ import annotations

import time
from typing import Any

import httpx


def submit(base: str, headers: dict[str, str], cvs: list[tuple[str, bytes, str]], **data: str) -> httpx.Response:
    files = [("cvs", cv) for cv in cvs]
    return httpx.post(f"{base}/api/match", headers=headers, files=files, data=data, timeout=60)


def wait_completed(base: str, headers: dict[str, str], job_id: str, timeout: float = 60) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    progress: dict[str, Any] = {}
    while time.monotonic() < deadline:
        response = httpx.get(f"{base}/api/match/{job_id}/progress", headers=headers, timeout=10)
        if response.status_code == 429:  # a polite client waits as told (the key allows 60 requests a minute)
            time.sleep(min(float(response.headers.get("Retry-After", "1")), max(0.0, deadline - time.monotonic())))
            continue
        assert response.status_code == 200, response.text
        progress = response.json()
        if progress["status"] in ("completed", "failed"):
            return progress
        time.sleep(0.2)
    raise AssertionError(f"job {job_id} did not finish in {timeout}s: {progress}")
