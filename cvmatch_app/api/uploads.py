"""Multipart parsing that refuses an over-size CV while it streams, before it is kept anywhere.

Starlette's parser caps only plain fields; this one also stops as soon as a file part passes the
per-file limit, and keeps files in memory (at most batch × 5 MB, which the body cap bounds).
"""

from __future__ import annotations

import asyncio
import contextlib

from starlette.datastructures import FormData, Headers
from starlette.formparsers import MultiPartParser, parse_options_header
from starlette.requests import Request

from cvmatch_app.services.errors import BadRequest, PayloadTooLarge, ServiceError
from cvmatch_app.services.text_decoding import decode_field


def _text(value: bytes | str | None) -> str | None:
    return value.decode("latin-1") if isinstance(value, bytes) else value


class FilePartTooLarge(Exception):
    def __init__(self, filename: str) -> None:
        super().__init__(filename)
        self.filename = filename


class CappedMultiPartParser(MultiPartParser):
    def __init__(self, headers: Headers, stream, *, max_file_bytes: int, max_files: int) -> None:  # type: ignore[no-untyped-def]
        super().__init__(headers, stream, max_files=max_files, max_fields=20, max_part_size=1024 * 1024)
        self.max_file_bytes = max_file_bytes
        self.spool_max_size = max_file_bytes + 1  # never spill a CV to disk
        self._file_bytes = 0

    def on_part_begin(self) -> None:
        super().on_part_begin()
        self._file_bytes = 0

    def on_part_end(self) -> None:
        """Text fields are decoded strictly (see ``text_decoding``), never guessed as Latin-1."""
        part = self._current_part
        if part.file is not None:
            super().on_part_end()
            return
        part_type = dict(part.item_headers).get(b"content-type", b"")
        charset = parse_options_header(part_type)[1].get(b"charset") or self._request_charset
        name = part.field_name or "a form field"
        self.items.append((name, decode_field(name, bytes(part.data), _text(charset))))

    @property
    def _request_charset(self) -> bytes | str | None:
        return parse_options_header(self.headers.get("content-type", ""))[1].get(b"charset")

    def on_part_data(self, data: bytes, start: int, end: int) -> None:
        if self._current_part.file is not None:
            self._file_bytes += end - start
            if self._file_bytes > self.max_file_bytes:
                raise FilePartTooLarge(self._current_part.file.filename or "a file")
        super().on_part_data(data, start, end)


async def read_form(request: Request, *, max_file_bytes: int, max_files: int) -> FormData:
    content_type = request.headers.get("content-type", "")
    if not content_type.startswith("multipart/form-data"):
        raise BadRequest(
            "Send the request as multipart/form-data with 'cvs' files and 'jd_text' or 'jd_file' "
            "(curl: -F cvs=@cv.pdf -F jd_text=...)."
        )
    parser = CappedMultiPartParser(
        request.headers, request.stream(), max_file_bytes=max_file_bytes, max_files=max_files
    )
    try:
        return await parser.parse()
    except ServiceError:
        raise  # the body cap (413) raised while streaming
    except FilePartTooLarge as exc:
        limit_mb = max_file_bytes // (1024 * 1024)
        raise PayloadTooLarge(
            f"'{exc.filename}' is larger than {limit_mb} MB, the limit per CV: "
            "compress it or save it as a smaller file."
        ) from exc
    except Exception as exc:  # starlette's MultiPartException and python-multipart errors
        if "Too many files" in str(exc):
            raise BadRequest(f"Too many files: at most {max_files} CVs per job on any plan.") from exc
        raise BadRequest(f"The multipart body could not be read: {exc}") from exc


DRAIN_SECONDS = 30.0


class BodySizeLimit:
    """ASGI middleware: 413 for a body over the cap on POST /api/match, before it is read."""

    def __init__(self, app, *, path: str, max_bytes: int) -> None:  # type: ignore[no-untyped-def]
        self.app = app
        self.path = path
        self.max_bytes = max_bytes

    async def __call__(self, scope, receive, send) -> None:  # type: ignore[no-untyped-def]
        if scope["type"] != "http" or scope.get("path") != self.path or scope.get("method") != "POST":
            await self.app(scope, receive, send)
            return
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.max_bytes:
            await _send_413(send, self.max_bytes)
            return
        received = 0
        finished = False

        async def capped_receive():  # type: ignore[no-untyped-def]
            nonlocal received, finished
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                finished = not message.get("more_body", False)
                if received > self.max_bytes:
                    raise PayloadTooLarge(_too_large_detail(self.max_bytes))
            else:
                finished = True
            return message

        await self.app(scope, capped_receive, send)
        if not finished:
            await self._drain(receive, received)

    async def _drain(self, receive, received: int) -> None:  # type: ignore[no-untyped-def]
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


def _too_large_detail(max_bytes: int) -> str:
    return (
        f"The request is larger than {max_bytes // (1024 * 1024)} MB, the most a batch can be "
        "(25 CVs of 5 MB): send fewer or smaller files per job."
    )


async def _send_413(send, max_bytes: int) -> None:  # type: ignore[no-untyped-def]
    import json

    body = json.dumps({"detail": _too_large_detail(max_bytes)}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})
