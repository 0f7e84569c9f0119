"""Dropped CVs travel with the tab's state only into Redis, never into the default manager's disk snapshots."""

from __future__ import annotations

import pickle
from types import SimpleNamespace

from cvmatch_app.state import staged_files
from cvmatch_app.state.staged_files import StagedFile


def test_disk_snapshot_drops_the_bytes_and_reports_them_missing(monkeypatch):
    monkeypatch.setattr(staged_files, "get_settings", lambda: SimpleNamespace(redis_url=""))
    copy = pickle.loads(pickle.dumps(StagedFile("maria.pdf", b"%PDF personal data")))
    assert copy.name == "maria.pdf" and copy.data == b"" and copy.missing


def test_redis_state_keeps_the_bytes_for_other_workers(monkeypatch):
    monkeypatch.setattr(staged_files, "get_settings", lambda: SimpleNamespace(redis_url="redis://127.0.0.1:6379"))
    copy = pickle.loads(pickle.dumps(StagedFile("maria.pdf", b"%PDF personal data")))
    assert copy.data == b"%PDF personal data" and not copy.missing
