"""Run a service call in a database session on a worker thread: the driver blocks, the event loop must not."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TypeVar

from sqlmodel import Session

from cvmatch_app.db.session import session_scope

T = TypeVar("T")


async def in_db(work: Callable[[Session], T], *, write: bool = False) -> T:
    def run() -> T:
        with session_scope(write=write) as session:
            return work(session)

    return await asyncio.to_thread(run)
