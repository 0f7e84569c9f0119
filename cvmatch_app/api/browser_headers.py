"""Security headers on every HTTP response: CSP, frame-ancestors / X-Frame-Options, nosniff, Referrer-Policy.

The Content-Security-Policy is what the Reflex pages work under (checked in Chromium by
tests/browser/test_csp.py):
- scripts from this origin, plus the inline scripts of the page itself, allowed one by one by
  their SHA-256 (computed from the HTML as it is sent, so a rebuilt frontend needs no setting),
  and ``'unsafe-eval'``: Reflex runs the small functions the server sends (toasts, clipboard,
  downloads) with ``eval``;
- ``'unsafe-inline'`` styles (Radix and Emotion set styles inline);
- ``connect-src`` this origin, its websocket (``/_event``) and Reflex's configured backend URL;
- no plugins, no ``<base>`` elsewhere, forms post here, and no framing by other sites.
JSON and other non-HTML answers get ``default-src 'none'; frame-ancestors 'none'``.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import re
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from starlette.datastructures import MutableHeaders

_INLINE_SCRIPT = re.compile(rb"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.S | re.I)
MAX_SCANNED_HTML_BYTES = 2 * 1024 * 1024  # pages are a few kB; larger HTML is sent without inline hashes
STATIC_HEADERS = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
}
NON_HTML_POLICY = "default-src 'none'; frame-ancestors 'none'"
NOT_MODIFIED = 304


def _host(scope: dict[str, Any]) -> str:
    for name, value in scope.get("headers") or []:
        if name == b"host":
            host = value.decode("latin-1")
            return host if re.fullmatch(r"[A-Za-z0-9.\-:\[\]]{1,255}", host) else ""
    return ""


@lru_cache
def backend_sources() -> tuple[str, ...]:
    """Where the built pages send events and uploads (Reflex's api_url, REFLEX_API_URL), which may
    be another host name than the page's own (localhost vs 127.0.0.1, or a separate API host)."""
    from reflex.config import get_config  # the web framework's own setting, read where it is defined

    api_url = urlsplit(get_config().api_url or "")
    if api_url.scheme not in ("http", "https") or not api_url.netloc:
        return ()
    socket_scheme = "wss" if api_url.scheme == "https" else "ws"
    return (f"{api_url.scheme}://{api_url.netloc}", f"{socket_scheme}://{api_url.netloc}")


def page_policy(html: bytes, host: str) -> str:
    """The CSP for one HTML page: its own inline scripts by hash, websockets to its own host."""
    hashes = sorted(
        {
            "'sha256-" + base64.b64encode(hashlib.sha256(body).digest()).decode() + "'"
            for body in _INLINE_SCRIPT.findall(html)
        }
    )
    sockets = "".join(f" {source}" for source in ((f"ws://{host}", f"wss://{host}") if host else ()))
    sockets += "".join(f" {source}" for source in backend_sources())
    return "; ".join(
        [
            "default-src 'self'",
            " ".join(["script-src 'self' 'unsafe-eval'", *hashes]),
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            f"connect-src 'self'{sockets}",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


class BrowserHeaders:
    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        held_start: dict[str, Any] | None = None
        held_body = bytearray()

        async def secured_send(message: Any) -> None:
            nonlocal held_start
            if message["type"] == "http.response.start":
                headers = MutableHeaders(raw=list(message.get("headers", [])))
                for name, value in STATIC_HEADERS.items():
                    headers[name] = value
                message = {**message, "headers": headers.raw}
                if message.get("status") == NOT_MODIFIED:
                    # No body to hash: the browser keeps the policy it stored with the page (a policy
                    # sent here would replace it, without the page's script hashes).
                    await send(message)
                    return
                if not headers.get("content-type", "").startswith("text/html"):
                    headers["Content-Security-Policy"] = NON_HTML_POLICY
                    await send(message)
                    return
                held_start = message  # the page's policy depends on its body
                return
            if message["type"] == "http.response.body" and held_start is not None:
                held_body.extend(message.get("body", b""))
                if message.get("more_body", False) and len(held_body) <= MAX_SCANNED_HTML_BYTES:
                    return
                headers = MutableHeaders(raw=held_start["headers"])
                headers["Content-Security-Policy"] = page_policy(_html_of(held_body, headers), _host(scope))
                await send({**held_start, "headers": headers.raw})
                held_start = None
                await send({**message, "body": bytes(held_body)})
                held_body.clear()
                return
            if message["type"] == "http.response.pathsend" and held_start is not None:
                # A static page sent as a file by the server itself (ASGI pathsend): read it to hash it.
                path = Path(message["path"])
                html = path.read_bytes() if path.stat().st_size <= MAX_SCANNED_HTML_BYTES else b""
                headers = MutableHeaders(raw=held_start["headers"])
                headers["Content-Security-Policy"] = page_policy(_html_of(html, headers), _host(scope))
                await send({**held_start, "headers": headers.raw})
                held_start = None
            await send(message)

        await self.app(scope, receive, secured_send)


def _html_of(body: bytes | bytearray, headers: MutableHeaders) -> bytes:
    if headers.get("content-encoding", "") == "gzip":
        try:
            return gzip.decompress(bytes(body))
        except (OSError, EOFError):
            return b""
    return bytes(body)


def secure_browsers(asgi_app: Any) -> BrowserHeaders:
    """For ``rx.App(api_transformer=[...])``."""
    return BrowserHeaders(asgi_app)
