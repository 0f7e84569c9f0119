"""The bytes of files a recruiter dropped but has not submitted yet, held in server memory.

Reflex's default state manager also writes each tab's state to disk (``.states/``) as a pickle.
CVs are personal data, so a staged file pickles without its bytes there; only when the state lives
in Redis (several workers share it) do the bytes travel with the state. A file whose bytes were
lost that way (a restart between the drop and the submit) reports itself as missing.

Staged bytes are bounded: per tab (``CVMATCH_STAGED_MB_PER_SESSION``), per process in total
(``CVMATCH_STAGED_MB_TOTAL``, ``CVMATCH_STAGED_FILES_TOTAL``), and in time: a file not submitted
within ``CVMATCH_STAGED_FILES_TTL_MINUTES`` loses its bytes (it then reports itself as missing).
The process-wide count follows the objects themselves (a weak set), so a tab's state that Reflex
expires frees its share too.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
import weakref
from collections.abc import AsyncIterator, Iterable
from typing import Any

from cvmatch_app.config import get_settings

MEGABYTE = 1024 * 1024


class StagedFile:
    def __init__(self, name: str, data: bytes) -> None:
        self.name = name
        self.data = data
        self.size = len(data)
        self.staged_at = time.time()
        _ledger.track(self)

    @property
    def missing(self) -> bool:
        return len(self.data) != self.size

    def __getstate__(self) -> dict[str, Any]:
        keep_bytes = bool(get_settings().redis_url)
        return {
            "name": self.name,
            "size": self.size,
            "data": self.data if keep_bytes else b"",
            "staged_at": self.staged_at,
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.name, self.size, self.data = state["name"], state["size"], state["data"]
        self.staged_at = state.get("staged_at", time.time())
        _ledger.track(self)


class _Ledger:
    """How many staged bytes and files this process holds, and which of them are too old."""

    def __init__(self) -> None:
        self._files: weakref.WeakSet[StagedFile] = weakref.WeakSet()
        self._lock = threading.Lock()

    def track(self, file: StagedFile) -> None:
        with self._lock:
            self._files.add(file)

    def totals(self) -> tuple[int, int]:
        with self._lock:
            held = [file for file in self._files if file.data]
        return sum(len(file.data) for file in held), len(held)

    def drop_expired(self, now: float | None = None) -> int:
        """Forget the bytes of every file staged longer than the time allowed; returns how many."""
        ttl = get_settings().staged_files_ttl_minutes * 60
        now = time.time() if now is None else now
        with self._lock:
            old = [file for file in self._files if file.data and now - file.staged_at > ttl]
        for file in old:
            file.data = b""  # the file now reports itself missing; its bytes are freed
        return len(old)


_ledger = _Ledger()


def process_totals() -> tuple[int, int]:
    """(bytes, files) staged in this process."""
    return _ledger.totals()


def drop_expired(now: float | None = None) -> int:
    return _ledger.drop_expired(now)


def refusal_for(tab_files: Iterable[StagedFile | None], name: str, size: int) -> str | None:
    """Why one more file of ``size`` bytes cannot be staged for this tab (None when it can)."""
    settings = get_settings()
    drop_expired()
    tab_bytes = sum(len(file.data) for file in tab_files if file is not None)
    if tab_bytes + size > settings.staged_mb_per_session * MEGABYTE:
        return (
            f"'{name}' was not added: this page already holds {tab_bytes // MEGABYTE} MB of files, "
            f"the most is {settings.staged_mb_per_session} MB. Submit or remove some first."
        )
    total_bytes, total_files = _ledger.totals()
    if total_bytes + size > settings.staged_mb_total * MEGABYTE or total_files >= settings.staged_files_total:
        return (
            f"'{name}' was not added: the server is holding too many files waiting to be matched right now. "
            "Try again in a few minutes."
        )
    return None


SWEEP_SECONDS = 60.0


@contextlib.asynccontextmanager
async def sweep_expired_files() -> AsyncIterator[None]:
    """A lifespan task: once a minute, free the bytes of files staged longer than allowed, also in
    tabs nobody uses any more (without it they would wait for the next drop, or for Reflex to
    expire the tab's state)."""

    async def sweep() -> None:
        while True:
            await asyncio.sleep(SWEEP_SECONDS)
            drop_expired()

    task = asyncio.create_task(sweep())
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
