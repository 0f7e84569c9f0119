"""PDF text as a human reader sees it.

pypdf opens the file first: it refuses damaged and password-protected files, counts the pages,
decompresses each page's drawing instructions within its per-stream limit (decompression bombs)
to see whether the page uses a hiding technique at all (``pdf_hiding``), and measures the fonts
PDFium would inflate (``pdf_fonts``). PDFium then
gives every visible glyph with its box (``pdf_glyphs``; the costly hidden-text check runs only
on pages that need it), and the page's geometry gives lines and words (``pdf_layout``)."""

from __future__ import annotations

import io
import logging
import time

from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError, LimitReachedError, PdfReadError

from .embedding import get_model
from .pdf_fonts import FontBudget, FontsTooLarge, measure_fonts
from .pdf_glyphs import PDFIUM_LOCK, PdfiumDocument
from .pdf_hiding import ContentTooLarge, PageLook, look_at_page
from .pdf_layout import page_lines
from .pdf_words import looks_glued, split_glued_words
from .types import FLAG_HIDDEN_TEXT, FLAG_SCANNED, UnreadableDocument

# pypdf logs every recoverable oddity of real-world files; they are not our errors.
logging.getLogger("pypdf").setLevel(logging.ERROR)

MAX_PAGES_READ = 20  # a CV longer than this is read in part; the rest adds little signal
MAX_PAGES_ACCEPTED = 200  # beyond this it is not a CV (and a cheap denial-of-service)
MAX_DOCUMENT_CONTENT = 60 * 1024 * 1024  # decompressed drawing instructions of the pages read; a CV has a few MB
IMAGE_PAGE_MAX_CHARS = 20  # a page with an image and fewer characters than this is a scan

DAMAGED = "The PDF is damaged or incomplete and cannot be read."
PASSWORD = "The PDF is password-protected: ask for an unprotected copy."
BOMB = "The PDF expands to an unreasonable size (a decompression bomb)."
TOO_SLOW = "The PDF took too long to read (it may be damaged or built to stall readers)."


def _open(data: bytes) -> PdfReader:
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            # Many PDFs are "encrypted" only against editing and open with an empty password.
            try:
                if not reader.decrypt(""):
                    raise UnreadableDocument(PASSWORD)
            except (FileNotDecryptedError, NotImplementedError) as exc:
                raise UnreadableDocument(PASSWORD) from exc
        count = len(reader.pages)
    except UnreadableDocument:
        raise
    except LimitReachedError as exc:
        raise UnreadableDocument(BOMB) from exc
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError, IndexError, RecursionError) as exc:
        raise UnreadableDocument(DAMAGED) from exc
    if count == 0:
        raise UnreadableDocument("The PDF has no pages.")
    if count > MAX_PAGES_ACCEPTED:
        raise UnreadableDocument(f"The PDF has {count} pages: that is not a CV.")
    return reader


def _look_at_pages(reader: PdfReader, deadline: float) -> list[PageLook]:
    looks = []
    fonts = FontBudget()
    try:
        for page in reader.pages[:MAX_PAGES_READ]:
            if time.monotonic() > deadline:
                raise UnreadableDocument(TOO_SLOW)
            looks.append(look_at_page(page))
            if sum(look.content_bytes for look in looks) > MAX_DOCUMENT_CONTENT:
                raise UnreadableDocument(BOMB)
            _measure_fonts(page, fonts)
    except UnreadableDocument:
        raise
    except (LimitReachedError, FontsTooLarge) as exc:
        raise UnreadableDocument(BOMB) from exc
    except ContentTooLarge as exc:
        raise UnreadableDocument(TOO_SLOW) from exc
    except Exception as exc:  # noqa: BLE001 - a page tree that cannot be walked is damage
        raise UnreadableDocument(DAMAGED) from exc
    return looks


def _measure_fonts(page: object, fonts: FontBudget) -> None:
    try:
        measure_fonts(page, fonts)
    except (LimitReachedError, FontsTooLarge):
        raise
    except Exception:  # noqa: BLE001 - a font pypdf cannot read is PDFium's to reject or skip
        return


def extract_pdf(data: bytes, deadline: float) -> tuple[str, list[str], int]:
    """(raw text, flags, pages) or UnreadableDocument with a reason a recruiter understands."""
    reader = _open(data)
    n_pages = len(reader.pages)
    looks = _look_at_pages(reader, deadline)

    texts: list[str] = []
    image_only_pages = 0
    hidden = 0
    broken_pages = 0
    with PDFIUM_LOCK, PdfiumDocument(data) as document:
        for index in range(min(document.page_count, MAX_PAGES_READ)):
            if time.monotonic() > deadline:
                raise UnreadableDocument(TOO_SLOW)
            check = looks[index].needs_check if index < len(looks) else True
            try:
                glyphs = document.page_glyphs(index, check_hiding=check)
            except UnreadableDocument:
                broken_pages += 1
                continue
            text = "\n".join(page_lines(glyphs.chars, glyphs.boxes, glyphs.spaced))
            hidden += glyphs.hidden
            if len(text.strip()) < IMAGE_PAGE_MAX_CHARS and glyphs.images:
                image_only_pages += 1
            texts.append(text)
    if broken_pages and not any(t.strip() for t in texts):
        raise UnreadableDocument(DAMAGED)

    joined = "\n\n".join(texts)
    if looks_glued(joined):
        model = get_model()
        if model is not None:
            joined = split_glued_words(joined, list(model.index))
    flags: list[str] = []
    if hidden:
        flags.append(FLAG_HIDDEN_TEXT)
    if image_only_pages:
        if not joined.strip():
            raise UnreadableDocument(
                "The PDF is a scanned image with no text layer: ask for a text PDF or DOCX (or run OCR first)."
            )
        flags.append(FLAG_SCANNED)
    if not joined.strip():
        if len(data) > 200_000:
            raise UnreadableDocument("The PDF yields no text although it is large: it may be damaged or hostile.")
        raise UnreadableDocument(
            "The PDF contains no readable text: it is blank or a scanned image without a text layer. "
            "Ask for a text PDF or DOCX (or run OCR first)."
        )
    return joined, flags, n_pages
