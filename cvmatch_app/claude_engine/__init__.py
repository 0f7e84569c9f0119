"""Claude as a scoring engine: the same interface as the local engine, over Anthropic's Messages API.

Kept outside ``cvmatch_app.engine`` on purpose: that package must not import network layers.
"""

from .engine import ClaudeEngine

__all__ = ["ClaudeEngine"]
