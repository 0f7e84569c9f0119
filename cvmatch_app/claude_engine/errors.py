"""Why a Claude assessment could not be had. The engine falls back or raises; the runner refunds."""

from __future__ import annotations


class ClaudeError(Exception):
    """Claude could not score this CV. ``reason`` is short and safe to show a recruiter."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class ClaudeAccountError(ClaudeError):
    """Authentication, permission or spend-limit trouble: retrying cannot help, so nothing is retried."""


class ClaudeRequestError(ClaudeError):
    """Anthropic refused the request itself (bad model id, request too large): not retried."""


class ClaudeUnavailable(ClaudeError):
    """Rate limits, overload, server errors or timeouts outlasted the CV's deadline."""


class ClaudeOutputError(ClaudeError):
    """The answer was unusable (missing, malformed, truncated or refused), also after one retry."""
