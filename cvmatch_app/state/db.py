"""The web app's states reach the database the way the API does: on a worker thread."""

from __future__ import annotations

from cvmatch_app.db.session import in_session as in_db

__all__ = ["in_db"]
