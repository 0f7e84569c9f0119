"""Test set-up: one private data directory per run, shared by the app servers and the factories."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

# Before cvmatch_app is imported anywhere: the tests and the servers they start share this SQLite file.
# A developer's own settings and keys must never reach the servers the tests start (Stripe and
# Claude are faked); only the tests' own CVMATCH_TEST_* switches pass through.
for _name in list(os.environ):
    if _name.startswith(("ANTHROPIC_", "STRIPE_", "CVMATCH_")) and not _name.startswith("CVMATCH_TEST_"):
        os.environ.pop(_name)
DATA_DIR = Path(tempfile.mkdtemp(prefix="cvmatch-tests-"))
os.environ["CVMATCH_DATA_DIR"] = str(DATA_DIR)
os.environ["CVMATCH_SECRET_KEY"] = "tests-only-secret-key-not-for-production-0123456789"

from tests.support.server import AppServer  # noqa: E402

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
POSTGRES_URL = os.environ.get("CVMATCH_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")


@pytest.fixture(scope="session", autouse=True)
def database() -> None:
    """The tests' SQLite file, migrated to the newest revision."""
    from cvmatch_app.db.migrate import upgrade_to_head

    upgrade_to_head()


@pytest.fixture(scope="session")
def api_server() -> Iterator[AppServer]:
    """The app as an API replica (reflex --backend-only) on the shared SQLite file."""
    server = AppServer(DATA_DIR).start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
