"""The Alembic revisions build the schema the models describe, on SQLite and on PostgreSQL."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect
from sqlmodel import SQLModel

from alembic import command
from cvmatch_app.db.migrate import alembic_config
from cvmatch_app.db.session import make_engine
from tests.conftest import POSTGRES_URL
from tests.support.postgres import create_database, drop_database

TABLES = {
    "user_account", "api_key", "match_job", "match_cv", "credit_ledger", "stripe_event", "alembic_version",
    "candidate_decision", "share_link", "match_rubric_version",
}  # fmt: skip


def _up_down_up(url: str) -> None:
    engine = make_engine(url)
    config = alembic_config()
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
            command.downgrade(config, "base")
            assert set(inspect(connection).get_table_names()) <= {"alembic_version"}
            command.upgrade(config, "head")
            assert TABLES <= set(inspect(connection).get_table_names())
            diff = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
            assert diff == [], f"models and migrations differ: {diff}"
    finally:
        engine.dispose()


def test_migrations_on_sqlite(tmp_path):
    _up_down_up(f"sqlite:///{tmp_path / 'm.db'}")


@pytest.mark.postgres
def test_migrations_on_postgres():
    url = create_database(POSTGRES_URL)
    try:
        _up_down_up(url)
    finally:
        drop_database(POSTGRES_URL, url)
