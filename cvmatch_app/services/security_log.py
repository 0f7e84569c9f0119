"""Security events (failed log-ins, 429s, refused webhooks...) as structured log records.

Each event is one record on the ``cvmatch.security`` logger with its fields in ``extra``; the
log set-up (``cvmatch_app.logs``) prints them as JSON lines or as ``key=value`` text. Never pass
a password, an API key or a token: emails are logged as a keyed pseudonym, enough to see that
one account is being guessed without writing the address into the log.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
from typing import Any

from cvmatch_app.config import get_settings

log = logging.getLogger("cvmatch.security")
PSEUDONYM_CHARS = 12


def pseudonym(email: str) -> str:
    key = get_settings().effective_secret_key().encode()
    return hmac.new(key, email.strip().lower().encode(), hashlib.sha256).hexdigest()[:PSEUDONYM_CHARS]


def event(name: str, **fields: Any) -> None:
    log.warning(name, extra={"fields": {"event": name, **fields}})
