"""Log set-up for the app's own loggers (``cvmatch.*``): plain text, or JSON lines for a collector.

``CVMATCH_LOG_FORMAT=json`` prints one JSON object per line (time, level, logger, message and the
record's fields); ``text`` (the default) prints ``time level logger: message key=value...``.
Access lines (``cvmatch.access``) and security events (``cvmatch.security``) carry their fields
in ``extra={"fields": {...}}``; nothing here ever formats a request's headers or body.
"""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime
from typing import Any

from cvmatch_app.config import get_settings

APP_LOGGER = "cvmatch"
_HANDLER_NAME = "cvmatch-app-handler"


class JsonLinesFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        line.update(getattr(record, "fields", None) or {})
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, default=str, ensure_ascii=False)


class TextFormatter(logging.Formatter):
    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s: %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        fields = getattr(record, "fields", None) or {}
        return text + "".join(f" {key}={value}" for key, value in fields.items())


def configure_logging() -> None:
    """Give the ``cvmatch`` loggers one handler on stderr in the configured format (idempotent)."""
    settings = get_settings()
    logger = logging.getLogger(APP_LOGGER)
    for handler in list(logger.handlers):
        if handler.get_name() == _HANDLER_NAME:
            logger.removeHandler(handler)
    handler = logging.StreamHandler(sys.stderr)
    handler.set_name(_HANDLER_NAME)
    handler.setFormatter(JsonLinesFormatter() if settings.log_format == "json" else TextFormatter())
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False  # one line per record, whatever the server configures for the root logger
