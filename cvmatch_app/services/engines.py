"""Which scoring engine this server uses, chosen by configuration (CVMATCH_ENGINE)."""

from __future__ import annotations

from functools import lru_cache

from cvmatch_app.config import get_settings
from cvmatch_app.engine import LocalEngine
from cvmatch_app.engine.types import ScoringEngine


@lru_cache
def scoring_engine() -> ScoringEngine:
    settings = get_settings()
    if settings.engine == "claude":
        from cvmatch_app.claude_engine import ClaudeEngine  # optional engine, loaded only when chosen

        return ClaudeEngine.from_settings(settings)
    if settings.engine != "local":
        raise ValueError(f"CVMATCH_ENGINE={settings.engine!r} is not an engine: use 'local' or 'claude'.")
    return LocalEngine()
