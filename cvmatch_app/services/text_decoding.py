"""Text fields sent as bytes (multipart parts) decoded strictly: never silently garbled.

A part may name its charset (``Content-Type: text/plain; charset=...``), or the whole request may;
otherwise it is UTF-8. An unknown charset, or bytes that are not valid in the charset, is a 400 that
says what to send instead, rather than the Latin-1 guess a multipart parser falls back to.
"""

from __future__ import annotations

import codecs

from cvmatch_app.services.errors import BadRequest

DEFAULT_CHARSET = "utf-8"


def decode_field(field: str, data: bytes, charset: str | None) -> str:
    """The text of a form field, or 400 naming the field, the problem and what to send."""
    declared = (charset or "").strip().strip('"') or DEFAULT_CHARSET
    try:
        codec = codecs.lookup(declared)
    except LookupError:
        raise BadRequest(
            f"'{field}' was sent with charset={declared[:40]!r}, which this server does not know: "
            "send the text as UTF-8 (curl -F and browsers do by default), or the file as jd_file."
        ) from None
    try:
        return data.decode(codec.name)
    except UnicodeDecodeError as exc:
        raise BadRequest(
            f"'{field}' is not valid {codec.name} text (byte 0x{data[exc.start]:02x} at position {exc.start}): "
            "send the text as UTF-8, or send the document itself as jd_file."
        ) from None
