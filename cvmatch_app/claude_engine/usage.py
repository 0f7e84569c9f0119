"""Tokens and dollars per CV, from the ``usage`` block of each Messages API answer, and the model
facts they depend on (prices, the shortest prefix a model caches)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# US dollars per million tokens: (input, output). Cache writes (5-minute TTL) cost 1.25x input,
# cache reads 0.1x input; the Message Batches API halves everything.
_PRICES: list[tuple[str, float, float]] = [  # the first matching prefix wins
    ("claude-haiku-4", 1.00, 5.00),
    ("claude-3-5-haiku", 0.80, 4.00),
    ("claude-3-haiku", 0.25, 1.25),
    ("claude-sonnet-5", 2.00, 10.00),
    ("claude-sonnet", 3.00, 15.00),
    ("claude-3-7-sonnet", 3.00, 15.00),
    ("claude-opus-4-0", 15.00, 75.00),
    ("claude-opus-4-1", 15.00, 75.00),
    ("claude-opus-4-2025", 15.00, 75.00),
    ("claude-opus", 5.00, 25.00),
]
_UNKNOWN_MODEL = (3.00, 15.00)  # priced like a mid-size model, so that an unknown id never looks free
CACHE_WRITE_FACTOR = 1.25
CACHE_READ_FACTOR = 0.10
BATCH_DISCOUNT = 0.50  # Message Batches API: every token, cached or not, at half the live price


# The shortest prefix each model caches; a shorter one is billed as ordinary input.
_MIN_CACHEABLE: list[tuple[str, int]] = [
    ("claude-haiku-4", 4096),
    ("claude-3-5-haiku", 2048),
    ("claude-3-haiku", 2048),
    ("claude-sonnet-4-6", 2048),
    ("claude-sonnet-4", 1024),
    ("claude-3-7-sonnet", 1024),
    ("claude-opus-4-0", 1024),
    ("claude-opus-4-1", 1024),
    ("claude-opus-4-2025", 1024),
]
_MIN_CACHEABLE_UNKNOWN = 4096


def min_cacheable_tokens(model: str) -> int:
    for prefix, tokens in _MIN_CACHEABLE:
        if model.startswith(prefix):
            return tokens
    return _MIN_CACHEABLE_UNKNOWN


def prices_for(model: str) -> tuple[float, float]:
    """(input, output) dollars per million tokens for a model id or alias."""
    for prefix, price_in, price_out in _PRICES:
        if model.startswith(prefix):
            return price_in, price_out
    return _UNKNOWN_MODEL


@dataclass
class UsageMeter:
    """What one CV's Claude calls used, failed attempts included (they are billed too)."""

    model: str
    calls: int = 0
    input_tokens: int = 0
    output_tokens: int = 0
    cache_read_input_tokens: int = 0
    cache_creation_input_tokens: int = 0
    batch: bool = False  # answered through the Message Batches API: billed at BATCH_DISCOUNT

    def add(self, usage: Any) -> None:
        """Add one answer's ``usage`` (an SDK object or a dict)."""
        self.calls += 1
        for name in ("input_tokens", "output_tokens", "cache_read_input_tokens", "cache_creation_input_tokens"):
            value = usage.get(name) if isinstance(usage, dict) else getattr(usage, name, None)
            if isinstance(value, int) and value > 0:
                setattr(self, name, getattr(self, name) + value)

    @property
    def cost_usd(self) -> float:
        price_in, price_out = prices_for(self.model)
        dollars = (
            self.input_tokens * price_in
            + self.cache_creation_input_tokens * price_in * CACHE_WRITE_FACTOR
            + self.cache_read_input_tokens * price_in * CACHE_READ_FACTOR
            + self.output_tokens * price_out
        ) / 1_000_000
        if self.batch:
            dollars *= BATCH_DISCOUNT
        return round(dollars, 6)

    def as_dict(self) -> dict[str, Any]:
        """Numbers only: the runner adds every numeric field into the job's totals."""
        usage: dict[str, Any] = {"batch_calls": self.calls} if self.batch else {}
        return usage | {
            "claude_calls": self.calls,
            "input_tokens": self.input_tokens,
            "output_tokens": self.output_tokens,
            "cache_read_input_tokens": self.cache_read_input_tokens,
            "cache_creation_input_tokens": self.cache_creation_input_tokens,
            "cost_usd": self.cost_usd,
        }
