"""Plain data passed between the engine and the rest of the app (no web framework, no database)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Protocol

# Flags a CV can carry, in the recruiter's words (the UI and API show the key).
FLAG_HIDDEN_TEXT = "hidden_text"  # white/tiny/invisible/off-page text or hidden Word runs were removed
FLAG_INJECTION = "injection_attempt"  # instructions addressed to an AI were found and ignored
FLAG_KEYWORD_STUFFING = "keyword_stuffing"
FLAG_SCANNED = "scanned"  # parts of the document are images without a text layer
FLAG_DUPLICATE = "duplicate"  # the same file appears earlier in the same job
FLAG_ZERO_WIDTH = "zero_width_characters"
FLAG_TRUNCATED = "long_text_truncated"  # only the first MAX_SCORED_CHARS characters are scored
MAX_SCORED_CHARS = 100_000  # about 40 pages: far beyond any real CV, and bounds scoring time and LLM cost


class UnreadableDocument(Exception):
    """A file that cannot be scored; ``reason`` is shown to the recruiter as it is."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass
class Document:
    """The text a human reader of the file sees, and what was removed from it."""

    text: str
    kind: str  # "pdf" | "docx" | "txt"
    flags: list[str] = field(default_factory=list)
    pages: int = 1


@dataclass
class Assessment:
    """One CV scored against one job. Verdict and recommendation are derived from ``score``."""

    score: int
    executive_summary: str
    strengths: list[str]
    gaps: list[str]
    evidence: list[dict[str, Any]] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    engine_version: str = ""
    usage: dict[str, Any] = field(default_factory=dict)  # tokens and cost, for paid engines

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class ScoringEngine(Protocol):
    """What every engine offers. ``job`` is whatever ``prepare_job`` returned for the JD."""

    name: str
    model: str

    def prepare_job(self, jd_text: str, rubric: list[dict[str, Any]] | None = None) -> Any:
        """The JD analysed once per job; ``rubric`` is the recruiter's edited requirements (engine/rubric.py)."""
        ...

    async def assess(self, job: Any, cv_text: str, cv_flags: list[str]) -> Assessment: ...
