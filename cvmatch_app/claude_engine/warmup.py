"""The first CV of a job goes alone, so that the others read the cached prefix instead of writing it.

Anthropic can serve a cached prefix only after the answer that wrote it has started: CVs sent at
the same moment as the first would each write the prefix again (1.25x the input price) instead of
reading it (0.1x). Holding them back costs one call's latency per job, so it is done only when the
prefix is long enough for the model to cache at all.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import time
from collections import OrderedDict
from typing import Any

CACHE_TTL_SECONDS = 240  # Anthropic keeps an unused prefix 5 minutes; forget ours a little sooner
MAX_PREFIXES = 256


class PrefixWarmup:
    def __init__(self) -> None:
        self._leader_taken = False
        self._ready: asyncio.Event | None = None
        self.done = False

    async def wait_turn(self, deadline: float) -> bool:
        """True for the CV that goes first (it must call ``release``); the others wait for it."""
        if self.done:
            return False
        if self._ready is None:
            self._ready = asyncio.Event()
        if not self._leader_taken:
            self._leader_taken = True
            return True
        try:
            # Leave the CV most of its deadline for its own call, whatever happens to the first.
            await asyncio.wait_for(self._ready.wait(), timeout=max(0.0, (deadline - time.monotonic()) / 2))
        except (TimeoutError, RuntimeError):
            pass  # waited long enough, or the first CV ran in another event loop: go anyway
        return False

    def release(self) -> None:
        self.done = True
        if self._ready is not None:
            self._ready.set()


class WarmupRegistry:
    """One warm-up per distinct prefix, however many times the runner prepares the same job."""

    def __init__(self) -> None:
        self._entries: OrderedDict[str, tuple[PrefixWarmup, float]] = OrderedDict()

    def get(self, model: str, prompt: Any) -> PrefixWarmup:
        key = hashlib.sha256(json.dumps([model, prompt.tools, prompt.system], sort_keys=True).encode()).hexdigest()
        now = time.monotonic()
        entry = self._entries.pop(key, None)
        warmup = entry[0] if entry and now - entry[1] < CACHE_TTL_SECONDS else PrefixWarmup()
        self._entries[key] = (warmup, now)  # each use refreshes Anthropic's TTL, and ours
        while len(self._entries) > MAX_PREFIXES:
            self._entries.popitem(last=False)
        return warmup
