"""Guards for Reflex's ``/_upload`` endpoint, which has no size cap and calls any handler named.

The drop zone refuses large files in the browser, but anyone can POST to ``/_upload`` directly:
this ASGI wrapper answers 400 when the ``Reflex-Event-Handler`` header names anything but the two
upload handlers of the match page (Reflex itself answers 500 for a handler that takes no files),
413 before reading a body whose Content-Length is over the cap, and stops a body that streams past
it without a Content-Length. Whether the page is logged in is checked by the handlers themselves.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from cvmatch_app.api.app import max_request_bytes

UPLOAD_PATH = "/_upload"


class _TooLarge(Exception):
    pass


@lru_cache
def upload_handler_names() -> frozenset[str]:
    """The full names Reflex gives the match page's upload handlers (as the browser sends them)."""
    from cvmatch_app.state.match import UPLOAD_HANDLERS, MatchState  # the page's state, loaded with the app

    return frozenset(f"{MatchState.get_full_name()}.{handler}" for handler in UPLOAD_HANDLERS)


class UploadSizeLimit:
    def __init__(self, app: Any, *, max_bytes: int | None = None) -> None:
        self.app = app
        self.max_bytes = max_bytes or max_request_bytes()

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if (
            scope["type"] != "http"
            or not str(scope.get("path", "")).startswith(UPLOAD_PATH)
            or scope["method"] != "POST"
        ):
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        handler = headers.get(b"reflex-event-handler", b"").decode("latin-1")
        if handler not in upload_handler_names():
            await _answer(send, 400, "Uploads go to the match page's drop zones only: this handler takes no files.")
            return
        length = headers.get(b"content-length", b"")
        if length.isdigit() and int(length) > self.max_bytes:
            await self._refuse(send)
            return
        received = 0
        started = False

        async def capped_receive() -> Any:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise _TooLarge
            return message

        async def tracking_send(message: Any) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, capped_receive, tracking_send)
        except _TooLarge:
            if not started:
                await self._refuse(send)

    async def _refuse(self, send: Any) -> None:
        detail = (
            f"The upload is larger than {self.max_bytes // (1024 * 1024)} MB: add fewer or smaller files at once "
            "(each CV can be at most 5 MB)."
        )
        await _answer(send, 413, detail)


async def _answer(send: Any, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def limit_uploads(asgi_app: Any) -> UploadSizeLimit:
    """For ``rx.App(api_transformer=[...])``."""
    return UploadSizeLimit(asgi_app)
