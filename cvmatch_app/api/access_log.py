"""One access-log line per HTTP request: method, route template, status, duration, account, client.

The route template (``/api/match/{job_id}``), not the path, so that ids do not spread through the
logs; no query string, no headers, no body: keys, passwords and tokens never reach a log line.
The account id is what the authentication dependencies put in ``request.state.account_id``.
"""

from __future__ import annotations

import logging
import time
from typing import Any

log = logging.getLogger("cvmatch.access")
MAX_PATH_CHARS = 120
_REFLEX_PATHS = ("/_event", "/_upload", "/ping", "/_health")


def route_template(scope: dict[str, Any]) -> str:
    route = scope.get("route")
    template = getattr(route, "path", None)
    if isinstance(template, str) and template:
        return template
    path = str(scope.get("path", ""))
    for prefix in _REFLEX_PATHS:
        if path.startswith(prefix):
            return prefix
    if path.startswith("/api/"):
        return "/api/(no such route)"
    return path[:MAX_PATH_CHARS]


class AccessLog:
    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500  # what the client gets if the app raises before answering

        async def recording_send(message: Any) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, recording_send)
        finally:
            state = scope.get("state") or {}
            client = scope.get("client") or ("", 0)
            fields = {
                "method": scope.get("method", ""),
                "path": route_template(scope),
                "status": status,
                "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                "account_id": state.get("account_id") if isinstance(state, dict) else None,
                "client": client[0] if client else "",
            }
            log.info("request", extra={"fields": fields})


def log_requests(asgi_app: Any) -> AccessLog:
    """For ``rx.App(api_transformer=[...])``: the last transformer, so it sees every request."""
    return AccessLog(asgi_app)
