"""Engine and sessions for SQLite (default, WAL) and PostgreSQL (when CVMATCH_DATABASE_URL is set)."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any, TypeVar, cast

from sqlalchemy import Connection, CursorResult, Engine, Result, create_engine, event
from sqlmodel import Session

from cvmatch_app.config import get_settings

IMMEDIATE = {"cvmatch_immediate": True}
T = TypeVar("T")


def normalise_url(url: str) -> str:
    """Let users write postgresql:// or postgres:// and still get the psycopg 3 driver."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def make_engine(url: str) -> Engine:
    url = normalise_url(url)
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

    @event.listens_for(engine, "connect")
    def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        # Take transaction control from pysqlite so that writers can ask for BEGIN IMMEDIATE:
        # a deferred read that later writes cannot wait for the lock and fails with "locked".
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _sqlite_begin(connection: Connection) -> None:
        immediate = connection.get_execution_options().get("cvmatch_immediate")
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


@lru_cache
def get_engine() -> Engine:
    settings = get_settings()
    if not settings.database_url:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
    return make_engine(settings.effective_database_url)


@contextmanager
def session_scope(*, write: bool = False) -> Iterator[Session]:
    """A session committed on success. ``write=True`` takes SQLite's write lock up front."""
    engine = get_engine()
    with Session(engine, expire_on_commit=False) as session:
        if write:
            session.connection(execution_options=IMMEDIATE)
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


async def in_session(work: Callable[[Session], T], *, write: bool = False) -> T:
    """Run ``work(session)`` on a worker thread: the database driver blocks, the event loop must not.

    Shared by the REST API and the web app's states.
    """

    def run() -> T:
        with session_scope(write=write) as session:
            return work(session)

    return await asyncio.to_thread(run)


def rows_changed(result: Result[Any]) -> int:
    """How many rows an UPDATE or DELETE changed: SQLModel's Session.execute() is typed as returning a
    plain Result, though for those statements it is a CursorResult, which counts them."""
    return cast(CursorResult[Any], result).rowcount
