"""The one ASGI body-size limit, for the two routes that take files: POST /api/match and Reflex's /_upload.

It answers 413 before reading a body whose Content-Length is over the cap, stops a body that
streams past it, and reads what the client still sends after an early answer (bounded in bytes and
time) so the client receives that answer. The 413's text is built here only (``too_large_detail``).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import Callable
from typing import Any

from cvmatch_app.config import get_settings
from cvmatch_app.plans import largest_batch
from cvmatch_app.services.errors import PayloadTooLarge

DRAIN_SECONDS = 30.0
MB = 1024 * 1024


def max_request_bytes() -> int:
    """The largest legitimate request: a full batch of the largest plan, a JD file and form overhead."""
    return (largest_batch() + 1) * get_settings().max_cv_bytes + MB


def too_large_detail(max_bytes: int) -> str:
    return (
        f"The request is larger than {max_bytes // MB} MB, the most one job can hold ({largest_batch()} CVs "
        f"of at most {get_settings().max_cv_bytes / MB:g} MB each and a job description): "
        "send fewer or smaller files at once."
    )


async def send_json(send: Any, status: int, detail: str) -> None:
    """An answer in the API's error shape, {"detail": ...}, from inside an ASGI middleware."""
    body = json.dumps({"detail": detail}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class BodySizeLimit:
    """413 for a POST body over ``max_bytes`` on the paths ``guards`` accepts.

    ``refuse`` may turn a request away (400 with its reason) before its body is read.
    """

    def __init__(
        self,
        app: Any,
        *,
        guards: Callable[[str], bool],
        max_bytes: int | None = None,
        refuse: Callable[[dict[str, Any]], str | None] | None = None,
    ) -> None:
        self.app = app
        self.guards = guards
        self.max_bytes = max_bytes or max_request_bytes()
        self.refuse = refuse

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope.get("method") != "POST" or not self.guards(str(scope.get("path", ""))):
            await self.app(scope, receive, send)
            return
        if self.refuse is not None and (reason := self.refuse(scope)):
            await send_json(send, 400, reason)
            return
        length = dict(scope.get("headers") or []).get(b"content-length", b"")
        if length.isdigit() and int(length) > self.max_bytes:
            await send_json(send, 413, too_large_detail(self.max_bytes))
            return
        received = 0
        finished = False
        started = False

        async def capped_receive() -> Any:
            nonlocal received, finished
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                finished = not message.get("more_body", False)
                if received > self.max_bytes:
                    raise PayloadTooLarge(too_large_detail(self.max_bytes))
            else:
                finished = True
            return message

        async def tracking_send(message: Any) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, capped_receive, tracking_send)
        except PayloadTooLarge as exc:  # an app that does not answer it itself (Reflex's upload route)
            if started:
                raise
            await send_json(send, 413, exc.detail)
        if not finished:
            await self._drain(receive, received)

    async def _drain(self, receive: Any, received: int) -> None:
        """Read what the client is still sending after an early answer (401, 402, 413...).

        Closing a socket with unread upload data makes the kernel reset the connection, and the
        client then often loses the answer; reading the rest (bounded in bytes and time) avoids it.
        """
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(DRAIN_SECONDS):
                while received <= self.max_bytes:
                    message = await receive()
                    if message["type"] != "http.request" or not message.get("more_body", False):
                        return
                    received += len(message.get("body", b""))
