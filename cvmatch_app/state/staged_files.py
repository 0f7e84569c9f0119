"""The bytes of files a recruiter dropped but has not submitted yet, held in server memory.

Reflex's default state manager also writes each tab's state to disk (``.states/``) as a pickle.
CVs are personal data, so a staged file pickles without its bytes there; only when the state lives
in Redis (several workers share it) do the bytes travel with the state. A file whose bytes were
lost that way (a restart between the drop and the submit) reports itself as missing.
"""

from __future__ import annotations

from typing import Any

from cvmatch_app.config import get_settings


class StagedFile:
    def __init__(self, name: str, data: bytes) -> None:
        self.name = name
        self.data = data
        self.size = len(data)

    @property
    def missing(self) -> bool:
        return len(self.data) != self.size

    def __getstate__(self) -> dict[str, Any]:
        keep_bytes = bool(get_settings().redis_url)
        return {"name": self.name, "size": self.size, "data": self.data if keep_bytes else b""}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.name, self.size, self.data = state["name"], state["size"], state["data"]
