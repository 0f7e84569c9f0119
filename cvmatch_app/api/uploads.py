"""Multipart parsing that refuses an over-size CV while it streams, before it is kept anywhere.

Starlette's parser caps only plain fields; this one also stops as soon as a file part passes the
per-file limit, and keeps files in memory (at most a batch of CVs, which the body cap in
``body_limit`` bounds).
"""

from __future__ import annotations

from collections.abc import AsyncGenerator

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


class _Part:
    """What this parser needs of the part being read, kept by its own hooks (not Starlette's private state)."""

    def __init__(self) -> None:
        self.header_name = b""
        self.header_value = b""
        self.headers: dict[bytes, bytes] = {}
        self.filename: str | None = None  # set for a file part
        self.size = 0
        self.data = bytearray()  # a text field's bytes


class CappedMultiPartParser(MultiPartParser):
    def __init__(
        self, headers: Headers, stream: AsyncGenerator[bytes, None], *, max_file_bytes: int, max_files: int
    ) -> None:
        super().__init__(headers, stream, max_files=max_files, max_fields=20, max_part_size=1024 * 1024)
        self.max_file_bytes = max_file_bytes
        self.spool_max_size = max_file_bytes + 1  # never spill a CV to disk
        self._part = _Part()

    def on_part_begin(self) -> None:
        super().on_part_begin()
        self._part = _Part()

    def on_header_field(self, data: bytes, start: int, end: int) -> None:
        super().on_header_field(data, start, end)
        self._part.header_name += data[start:end]

    def on_header_value(self, data: bytes, start: int, end: int) -> None:
        super().on_header_value(data, start, end)
        self._part.header_value += data[start:end]

    def on_header_end(self) -> None:
        super().on_header_end()
        part = self._part
        part.headers[part.header_name.lower()] = part.header_value
        part.header_name = part.header_value = b""

    def on_headers_finished(self) -> None:
        super().on_headers_finished()
        options = parse_options_header(self._part.headers.get(b"content-disposition", b""))[1]
        if b"filename" in options:
            self._part.filename = options[b"filename"].decode("utf-8", "replace") or "a file"

    def on_part_data(self, data: bytes, start: int, end: int) -> None:
        part = self._part
        if part.filename is not None:
            part.size += end - start
            if part.size > self.max_file_bytes:
                raise FilePartTooLarge(part.filename)
        super().on_part_data(data, start, end)
        if part.filename is None:
            part.data.extend(data[start:end])  # within Starlette's max_part_size, checked above

    def on_part_end(self) -> None:
        """Text fields are decoded strictly (see ``text_decoding``), never guessed as Latin-1."""
        super().on_part_end()
        part = self._part
        if part.filename is not None:
            return
        field_name = self.items[-1][0]  # the item Starlette just added for this text field
        charset = parse_options_header(part.headers.get(b"content-type", b""))[1].get(b"charset")
        name = field_name or "a form field"
        self.items[-1] = (name, decode_field(name, bytes(part.data), _text(charset or self._request_charset)))

    @property
    def _request_charset(self) -> bytes | str | None:
        return parse_options_header(self.headers.get("content-type", ""))[1].get(b"charset")


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
