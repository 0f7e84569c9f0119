"""Plain-text CVs: UTF-8, UTF-16/32 with a BOM, and the Windows cp1252 that old editors write."""

from __future__ import annotations

import codecs

from .text_clean import printable_ratio
from .types import UnreadableDocument

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]


def decode_text(data: bytes) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise UnreadableDocument("The text file is damaged: its characters cannot be decoded.") from exc
    # UTF-16 without a BOM shows as every other byte being zero in Latin text.
    sample = data[:4000]
    if sample and sample.count(0) > len(sample) * 0.3:
        even_zeros = sample[1::2].count(0)
        odd_zeros = sample[0::2].count(0)
        encoding = "utf-16-le" if even_zeros > odd_zeros else "utf-16-be"
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise UnreadableDocument("The file is binary data, not a text CV.") from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; map them rather than failing a whole CV.
        return data.decode("cp1252", errors="replace")


def extract_txt(data: bytes) -> str:
    text = decode_text(data)
    if printable_ratio(text) < 0.95 or text.count("\ufffd") > max(3, len(text) // 100):
        raise UnreadableDocument(
            "The file is not readable text (it looks like binary data): upload a PDF, DOCX or TXT."
        )
    return text
