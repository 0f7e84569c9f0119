"""A fresh PostgreSQL database per test run, migrated with Alembic. Fails (never skips) without a server."""

from __future__ import annotations

import uuid

import psycopg
from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from cvmatch_app.db.session import make_engine, normalise_url


def create_database(admin_url: str) -> str:
    """Create an empty database next to ``admin_url``'s and return its URL."""
    name = f"cvmatch_test_{uuid.uuid4().hex[:10]}"
    url = make_url(normalise_url(admin_url))
    try:
        with psycopg.connect(
            url.set(drivername="postgresql").render_as_string(hide_password=False), autocommit=True
        ) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError as exc:
        raise RuntimeError(
            f"PostgreSQL is needed for this test and is not reachable at {admin_url} ({exc}). "
            "Start it (scripts/test.sh does) or set CVMATCH_TEST_POSTGRES_URL."
        ) from exc
    return url.set(database=name).render_as_string(hide_password=False)


def drop_database(admin_url: str, database_url: str) -> None:
    name = make_url(database_url).database
    url = make_url(normalise_url(admin_url)).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def migrated_engine(database_url: str) -> Engine:
    from alembic import command
    from cvmatch_app.db.migrate import alembic_config

    engine = make_engine(database_url)
    with engine.begin() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    return engine
