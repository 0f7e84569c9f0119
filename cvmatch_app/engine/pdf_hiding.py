"""Does a page use a text-hiding technique at all? A cheap look at its decompressed content
streams (and those of the forms it draws) decides whether the per-glyph check in
``pdf_glyphs`` must run: invisible render modes, transparency, light colours (white text, or
text on a light panel) and large filled rectangles (text the colour of a box drawn under it).
Tiny and off-page text need no look here: every page's glyph boxes are checked for those.

Decompressing with pypdf also enforces its per-stream limit, which refuses decompression bombs
before PDFium would inflate them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from pypdf.errors import LimitReachedError
from pypdf.generic import ArrayObject, NullObject

# Anchored on the operator (found in one pass over the bytes); its operands are read backwards.
_INVISIBLE_MODE_RE = re.compile(rb"(?<![\d.])[37]\s+Tr\b")
_COLOUR_RE = re.compile(rb"(?:rg|g|k|scn?)(?![\w])")
_RECTANGLE_RE = re.compile(rb"re(?![\w])")
_OPERANDS_LOOKBACK = 80  # bytes: enough for four numbers however they are written
LIGHT_COLOUR = 0.75  # text this light is hidden on white paper or on a light panel
LARGE_RECTANGLE = (20.0, 8.0)  # a filled rectangle this big can sit under a line of text
TRANSPARENT = 0.5  # an ExtGState opacity below this can hide what it paints
MAX_FORM_DEPTH = 8
MAX_PAGE_CONTENT = 20 * 1024 * 1024  # decompressed drawing instructions of one page; a CV page has < 1 MB


class ContentTooLarge(Exception):
    """A page whose drawing instructions would take PDFium seconds to lay out."""


@dataclass
class PageLook:
    needs_check: bool  # the page may hide text: run the per-glyph check
    content_bytes: int


def look_at_page(page: Any) -> PageLook:
    """Decompress the page's content and form streams and look for hiding techniques.

    Raises pypdf's LimitReachedError for a decompression bomb and ContentTooLarge for a page
    too large to lay out; any other damage makes the page need the full check."""
    look = PageLook(needs_check=False, content_bytes=0)
    try:
        contents = page.get("/Contents")
        resources = _resolve(page.get("/Resources"))
        _look_at(_streams(contents), resources, look, depth=0, seen=set())
    except (LimitReachedError, ContentTooLarge):
        raise
    except Exception:  # noqa: BLE001 - a stream we cannot read is one PDFium may still draw
        look.needs_check = True
    return look


def _resolve(value: Any) -> Any:
    if value is None:
        return {}
    value = value.get_object()
    return {} if isinstance(value, NullObject) else value


def _streams(contents: Any) -> list[Any]:
    if contents is None:
        return []
    contents = contents.get_object()
    if isinstance(contents, NullObject):
        return []
    parts = contents if isinstance(contents, ArrayObject) else [contents]
    return [part.get_object() for part in parts]


def _look_at(streams: list[Any], resources: Any, look: PageLook, depth: int, seen: set[int]) -> None:
    data = b"\n".join(stream.get_data() for stream in streams)
    look.content_bytes += len(data)
    if look.content_bytes > MAX_PAGE_CONTENT:
        raise ContentTooLarge
    if not look.needs_check:
        look.needs_check = _hides_in(data) or _transparent(resources)
    if depth >= MAX_FORM_DEPTH or b"Do" not in data:
        return
    xobjects = _resolve(resources.get("/XObject")) if hasattr(resources, "get") else {}
    for reference in xobjects.values():
        form = reference.get_object()
        if id(form) in seen or form.get("/Subtype") != "/Form":
            continue
        seen.add(id(form))
        inner = _resolve(form.get("/Resources")) or resources
        _look_at([form], inner, look, depth + 1, seen)


def _hides_in(data: bytes) -> bool:
    if b"Tr" in data and _INVISIBLE_MODE_RE.search(data):
        return True
    for match in _COLOUR_RE.finditer(data):
        luminance = _luminance(_operands(data, match.start(), 4), match.group())
        if luminance is not None and luminance >= LIGHT_COLOUR:
            return True
    for match in _RECTANGLE_RE.finditer(data):
        operands = _operands(data, match.start(), 4)
        try:
            width, height = abs(float(operands[-2])), abs(float(operands[-1]))
        except (ValueError, IndexError):
            continue
        if width > LARGE_RECTANGLE[0] and height > LARGE_RECTANGLE[1]:
            return True
    return False


def _operands(data: bytes, end: int, most: int) -> list[bytes]:
    """The numbers written just before an operator that ends at ``end``."""
    tokens = data[max(0, end - _OPERANDS_LOOKBACK) : end].split()[-most:]
    numbers: list[bytes] = []
    for token in reversed(tokens):
        if not token.replace(b".", b"").lstrip(b"+-").isdigit():
            break
        numbers.append(token)
    return numbers[::-1]


def _luminance(operands: list[bytes], operator: bytes) -> float | None:
    if not operands:
        return None  # a name ("/P0 scn": a pattern) or the operator's letters inside another word
    try:
        values = [float(v) for v in operands]
    except ValueError:
        return None
    if operator == b"g" or (operator in (b"sc", b"scn") and len(values) == 1):
        return values[-1]
    if operator == b"rg" or (operator in (b"sc", b"scn") and len(values) == 3):
        r, g, b = values[-3:]
        return 0.299 * r + 0.587 * g + 0.114 * b
    if operator == b"k" or len(values) == 4:
        c, m, y, k = values[-4:]
        return 1 - min(1.0, 0.299 * c + 0.587 * m + 0.114 * y + k)
    return values[-1] if values else None


def _transparent(resources: Any) -> bool:
    try:
        states = _resolve(resources.get("/ExtGState"))
        for reference in states.values():
            state = reference.get_object()
            for key in ("/ca", "/CA"):
                if key in state and float(state[key]) < TRANSPARENT:
                    return True
    except Exception:  # noqa: BLE001 - unreadable graphics states: let the glyph check decide
        return True
    return False
