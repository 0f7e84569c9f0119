"""CVMatch's engine: read CV files, analyse a job once, score CVs against it with evidence.

Pure Python: no web framework, no database, no network.
"""

from .bands import clamp_score, verdict_for
from .extract import extract_document
from .local import ENGINE_VERSION, LocalEngine
from .text_clean import fingerprint
from .types import (
    FLAG_DUPLICATE,
    FLAG_HIDDEN_TEXT,
    FLAG_INJECTION,
    FLAG_KEYWORD_STUFFING,
    FLAG_SCANNED,
    FLAG_ZERO_WIDTH,
    Assessment,
    Document,
    ScoringEngine,
    UnreadableDocument,
)

__all__ = [
    "ENGINE_VERSION",
    "FLAG_DUPLICATE",
    "FLAG_HIDDEN_TEXT",
    "FLAG_INJECTION",
    "FLAG_KEYWORD_STUFFING",
    "FLAG_SCANNED",
    "FLAG_ZERO_WIDTH",
    "Assessment",
    "Document",
    "LocalEngine",
    "ScoringEngine",
    "UnreadableDocument",
    "clamp_score",
    "extract_document",
    "fingerprint",
    "verdict_for",
]
