"""PDFium's view of a PDF page: every glyph's character and box, minus the glyphs a reader
cannot see (invisible render mode, transparent, < 2 pt, off the page, the colour of what is
painted under them).

PDFium is reached through pypdfium2's raw ctypes API. The hot call (one box per glyph) goes
through a prototype with plain pointer arguments, writing straight into a numpy array: about
0.4 µs a glyph. The per-object hidden-text check costs a few µs a glyph, so it runs only on
pages whose content streams use a hiding technique at all (``pdf_hiding.look_at_page``).
PDFium is not thread-safe: every call is made under ``PDFIUM_LOCK``.
"""

from __future__ import annotations

import ctypes
import threading
from collections.abc import Callable
from ctypes import c_float, c_int, c_uint, c_void_p
from dataclasses import dataclass
from typing import Any

import numpy as np
import pypdfium2  # noqa: F401 - importing the package initialises PDFium once per process
import pypdfium2.raw as pdfium

from .pdf_layout import RUN_END
from .types import UnreadableDocument

PDFIUM_LOCK = threading.RLock()
# A PDFium pointer (document, page, text page, page object, function) from pypdfium2.raw, which has no
# type hints: its calls return Any.
Handle = Any

TINY_FONT_PT = 2.0  # nobody reads 2 pt text; it is there for a machine
MIN_CONTRAST = 0.05  # luminance difference below which text melts into its background (white on #F2F2F2)
OFF_PAGE_MARGIN = 18.0  # a glyph just past the edge is a layout slip, not hiding
MIN_ALPHA = 0.05  # fill opacity below which text is invisible
BACKGROUND_MIN_WIDTH = 20.0  # thinner filled shapes are rules and bullets, not backgrounds for text
BACKGROUND_MIN_HEIGHT = 8.0
OPAQUE_ENOUGH = 0.5  # a shape more transparent than this does not hide what is under it
_INVISIBLE_MODES = (3, 7)  # PDF text render modes that paint nothing
_STROKE_ONLY_MODES = (1, 5)
_PDFIUM_LINE_END_HYPHEN = 0xFFFE  # PDFium's code for a hyphen that ends a line ("imag-" / "ination")
IMAGE_PAGE_GLYPHS = 20  # fewer printed glyphs than this: count the page's images (is it a scan?)

_TEXT, _PATH, _IMAGE, _SHADING, _FORM = (
    pdfium.FPDF_PAGEOBJ_TEXT,
    pdfium.FPDF_PAGEOBJ_PATH,
    pdfium.FPDF_PAGEOBJ_IMAGE,
    pdfium.FPDF_PAGEOBJ_SHADING,
    pdfium.FPDF_PAGEOBJ_FORM,
)


def _address(handle: Handle) -> int:
    """The C address a PDFium pointer holds (callers skip NULL pointers, which would give 0)."""
    return ctypes.cast(handle, c_void_p).value or 0


def _fast(function: Handle, *argtypes: type) -> Callable[..., int]:
    """The same C function with plain pointer arguments: ints are passed without wrapping."""
    return ctypes.CFUNCTYPE(c_int, *argtypes)(_address(function))


_loose_char_box = _fast(pdfium.FPDFText_GetLooseCharBox, c_void_p, c_int, c_void_p)


@dataclass
class PageGlyphs:
    """The visible glyphs of one page in PDFium's order, in reading orientation (y grows upward)."""

    chars: str
    boxes: np.ndarray  # (n, 4) float64: left, bottom, right, top
    spaced: np.ndarray  # (n,) bool: PDFium put a space before this glyph (it knows the fonts' advances)
    hidden: int  # glyphs dropped as invisible to a reader
    images: int  # image objects on the page (counted only when the page has almost no text)


class PdfiumDocument:
    """An open PDFium document; use as a context manager while holding ``PDFIUM_LOCK``."""

    def __init__(self, data: bytes) -> None:
        self._buffer = ctypes.create_string_buffer(data, len(data))  # PDFium reads it until closed
        self._doc = pdfium.FPDF_LoadMemDocument64(self._buffer, len(data), None)
        if not self._doc:
            error = pdfium.FPDF_GetLastError()
            if error in (pdfium.FPDF_ERR_PASSWORD, pdfium.FPDF_ERR_SECURITY):
                raise UnreadableDocument("The PDF is password-protected: ask for an unprotected copy.")
            raise UnreadableDocument("The PDF is damaged or incomplete and cannot be read.")

    def __enter__(self) -> PdfiumDocument:
        return self

    def __exit__(self, *exc: object) -> None:
        pdfium.FPDF_CloseDocument(self._doc)

    @property
    def page_count(self) -> int:
        return int(pdfium.FPDF_GetPageCount(self._doc))

    def page_glyphs(self, index: int, check_hiding: bool) -> PageGlyphs:
        page = pdfium.FPDF_LoadPage(self._doc, index)
        if not page:
            raise UnreadableDocument("The PDF is damaged or incomplete and cannot be read.")
        try:
            textpage = pdfium.FPDFText_LoadPage(page)
            if not textpage:
                raise UnreadableDocument("The PDF is damaged or incomplete and cannot be read.")
            try:
                return _read_page(page, textpage, check_hiding)
            finally:
                pdfium.FPDFText_ClosePage(textpage)
        finally:
            pdfium.FPDF_ClosePage(page)


def _read_page(page: Handle, textpage: Handle, check_hiding: bool) -> PageGlyphs:
    count = max(pdfium.FPDFText_CountChars(textpage), 0)
    left, bottom, right, top = _visible_area(page)
    codes = _page_codes(textpage, count)
    boxes = np.zeros((count, 4), dtype=np.float32)  # PDFium's FS_RECTF: left, top, right, bottom
    address = _address(textpage)
    base = boxes.ctypes.data
    for i in range(count):
        _loose_char_box(address, i, base + 16 * i)
    boxes = boxes[:, [0, 3, 2, 1]].astype(np.float64)  # → left, bottom, right, top

    empty = (boxes[:, 2] == boxes[:, 0]) & (boxes[:, 3] == boxes[:, 1])
    blank = (codes == 0x20) | (codes == 0x0A) | (codes == 0x0D) | (codes == 0x09) | (codes == 0xA0)
    blank |= (codes >= 0x2000) & (codes <= 0x200B)
    generated = empty & ((codes == 0x20) | (codes == 0x0A) | (codes == 0x0D))
    height = boxes[:, 3] - boxes[:, 1]
    centre_x = (boxes[:, 0] + boxes[:, 2]) / 2
    centre_y = (boxes[:, 1] + boxes[:, 3]) / 2
    printed = ~empty & ~blank
    # Only letters and digits count as tiny: when a font gives no ascent, PDFium's box is the ink's,
    # and a full stop's ink is under 2 pt.
    lower = codes | 0x20
    wordish = ((lower >= ord("a")) & (lower <= ord("z"))) | ((codes >= ord("0")) & (codes <= ord("9")))
    wordish |= (codes >= 0xC0) & ~((codes >= 0x2000) & (codes <= 0x2BFF))
    hidden = printed & wordish & (height < TINY_FONT_PT)
    hidden |= printed & (
        (centre_x < left - OFF_PAGE_MARGIN)
        | (centre_x > right + OFF_PAGE_MARGIN)
        | (centre_y < bottom - OFF_PAGE_MARGIN)
        | (centre_y > top + OFF_PAGE_MARGIN)
    )
    images = 0
    if check_hiding or int(printed.sum()) < IMAGE_PAGE_GLYPHS:
        painted = _paint_order(page)
        images = painted.images
        if check_hiding:
            hidden |= printed & _hidden_by_paint(textpage, count, centre_x, centre_y, painted)
    # PDFium inserts spaces and line breaks (with an empty box) where it guesses breaks: the
    # geometry decides lines, and its spaces only hint at word breaks.
    keep = ~generated & ~hidden
    spaces = np.cumsum(generated & (codes == ord(" ")))[keep]
    spaced = np.diff(spaces, prepend=spaces[:1]) > 0
    # Tabs and carriage returns the file itself writes separate words (react-pdf: "\t\r"), they
    # do not break lines: the geometry does.
    kept_codes = codes[keep]
    kept_codes[(kept_codes == 0x09) | (kept_codes == 0x0A) | (kept_codes == 0x0D)] = ord(" ")
    kept_chars = kept_codes.tobytes().decode("utf-32-le")
    kept_boxes = _place_empty_glyphs(boxes[keep], empty[keep])
    rotation = pdfium.FPDFPage_GetRotation(page) % 4
    if rotation:
        kept_boxes = _rotate(kept_boxes, rotation, left, bottom, right, top)
    return PageGlyphs(kept_chars, kept_boxes, spaced, int(hidden.sum()), images)


def _place_empty_glyphs(boxes: np.ndarray, empty: np.ndarray) -> np.ndarray:
    """A glyph PDFium gives no box (a zero-width character) sits where the previous glyph ends."""
    if not empty.any():
        return boxes
    index = np.where(empty, 0, np.arange(len(boxes)))
    previous = np.maximum.accumulate(index)
    placed = boxes[previous]
    placed[:, 0] = placed[:, 2]
    return np.where(empty[:, None] & ~empty[previous][:, None], placed, boxes)


def _page_codes(textpage: Handle, count: int) -> np.ndarray:
    """Every glyph's code point, in one call. PDFium returns UTF-16, one unit per glyph; a
    character outside the basic plane breaks that, and is then asked for glyph by glyph."""
    if count <= 0:
        return np.zeros(0, dtype=np.uint32)
    buffer = (ctypes.c_ushort * (count + 1))()
    pdfium.FPDFText_GetText(textpage, 0, count, buffer)
    codes = np.frombuffer(memoryview(buffer), dtype=np.uint16, count=count).astype(np.uint32)
    if ((codes >= 0xD800) & (codes <= 0xDFFF)).any():
        codes = np.array([pdfium.FPDFText_GetUnicode(textpage, i) for i in range(count)], dtype=np.uint32)
    codes[(codes == 0) | (codes > 0x10FFFF) | ((codes >= 0xD800) & (codes <= 0xDFFF))] = 0xFFFD
    codes[codes == ord(RUN_END)] = ord(" ")  # the layout uses this control character as a marker
    codes[codes == _PDFIUM_LINE_END_HYPHEN] = ord("-")
    return codes


def _visible_area(page: Handle) -> tuple[float, float, float, float]:
    values = [c_float() for _ in range(4)]
    if not pdfium.FPDFPage_GetCropBox(page, *values) and not pdfium.FPDFPage_GetMediaBox(page, *values):
        return 0.0, 0.0, pdfium.FPDF_GetPageWidthF(page), pdfium.FPDF_GetPageHeightF(page)
    x0, y0, x1, y1 = (v.value for v in values)
    return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)


def _rotate(boxes: np.ndarray, rotation: int, left: float, bottom: float, right: float, top: float) -> np.ndarray:
    """Boxes as the page is displayed (/Rotate is clockwise, in quarter turns)."""
    x0, y0, x1, y1 = boxes[:, 0] - left, boxes[:, 1] - bottom, boxes[:, 2] - left, boxes[:, 3] - bottom
    width, height = right - left, top - bottom
    if rotation == 1:
        out = (y0, width - x1, y1, width - x0)
    elif rotation == 2:
        out = (width - x1, height - y1, width - x0, height - y0)
    else:
        out = (height - y1, x0, height - y0, x1)
    return np.stack(out, axis=1)


@dataclass
class _Painted:
    """What the page paints, in painting order: text objects' places, and possible backgrounds."""

    order: dict[int, int]  # text object address -> painting index
    backgrounds: list[tuple[int, float, float, float, float, float | None]]  # index, box, luminance
    images: int


def _luminance(rgba: tuple[int, int, int, int]) -> float:
    r, g, b, _ = rgba
    return (0.299 * r + 0.587 * g + 0.114 * b) / 255


def _colour(getter: Handle, obj: Handle) -> tuple[int, int, int, int] | None:
    values = [c_uint() for _ in range(4)]
    if not getter(obj, *values):
        return None  # patterns and colour spaces PDFium cannot express as RGB
    r, g, b, a = (v.value for v in values)
    return r, g, b, a


def _bounds(obj: Handle, matrix: tuple[float, ...]) -> tuple[float, float, float, float] | None:
    values = [c_float() for _ in range(4)]
    if not pdfium.FPDFPageObj_GetBounds(obj, *values):
        return None
    x0, y0, x1, y1 = (v.value for v in values)
    a, b, c, d, e, f = matrix
    xs, ys = [], []
    for x, y in ((x0, y0), (x0, y1), (x1, y0), (x1, y1)):
        xs.append(a * x + c * y + e)
        ys.append(b * x + d * y + f)
    return min(xs), min(ys), max(xs), max(ys)


_IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_MAX_FORM_DEPTH = 8


def _paint_order(page: Handle) -> _Painted:
    painted = _Painted({}, [], 0)
    counter = 0
    fill_mode, stroke = c_int(), c_int()

    def visit(obj: Handle, matrix: tuple[float, ...], depth: int) -> None:
        nonlocal counter
        counter += 1
        kind = pdfium.FPDFPageObj_GetType(obj)
        if kind == _TEXT:
            painted.order[_address(obj)] = counter
        elif kind == _PATH:
            if not pdfium.FPDFPath_GetDrawMode(obj, fill_mode, stroke) or not fill_mode.value:
                return
            box = _bounds(obj, matrix)
            rgba = _colour(pdfium.FPDFPageObj_GetFillColor, obj)
            if box is None or box[2] - box[0] < BACKGROUND_MIN_WIDTH or box[3] - box[1] < BACKGROUND_MIN_HEIGHT:
                return
            if rgba is not None and rgba[3] < OPAQUE_ENOUGH * 255:
                return
            painted.backgrounds.append((counter, *box, None if rgba is None else _luminance(rgba)))
        elif kind in (_IMAGE, _SHADING):
            if kind == _IMAGE:
                painted.images += 1
            box = _bounds(obj, matrix)
            if box is not None:
                # Text over an image or a gradient has an unknown background: never call it hidden.
                painted.backgrounds.append((counter, *box, None))
        elif kind == _FORM and depth < _MAX_FORM_DEPTH:
            inner = _combine(_object_matrix(obj), matrix)
            for k in range(pdfium.FPDFFormObj_CountObjects(obj)):
                visit(pdfium.FPDFFormObj_GetObject(obj, k), inner, depth + 1)

    for i in range(pdfium.FPDFPage_CountObjects(page)):
        visit(pdfium.FPDFPage_GetObject(page, i), _IDENTITY, 0)
    return painted


def _object_matrix(obj: Handle) -> tuple[float, ...]:
    matrix = pdfium.FS_MATRIX()
    if not pdfium.FPDFPageObj_GetMatrix(obj, matrix):
        return _IDENTITY
    return (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)


def _combine(m: tuple[float, ...], n: tuple[float, ...]) -> tuple[float, ...]:
    """m then n, in PDF's row-vector convention."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


def _hidden_by_paint(
    textpage: Handle, count: int, centre_x: np.ndarray, centre_y: np.ndarray, painted: _Painted
) -> np.ndarray:
    """Glyphs drawn invisible, transparent, or in the colour of what is painted under them."""
    hidden = np.zeros(count, dtype=bool)
    verdicts: dict[int, tuple[bool, float | None, int]] = {}  # per text object
    for i in range(count):
        obj = pdfium.FPDFText_GetTextObject(textpage, i)
        if not obj:
            continue
        key = _address(obj)
        verdict = verdicts.get(key)
        if verdict is None:
            verdict = _object_verdict(obj, painted.order.get(key, 0))
            verdicts[key] = verdict
        invisible, luminance, order = verdict
        if invisible:
            hidden[i] = True
        elif luminance is not None:
            hidden[i] = _melts_into_background(luminance, order, centre_x[i], centre_y[i], painted.backgrounds)
    return hidden


def _object_verdict(obj: Handle, order: int) -> tuple[bool, float | None, int]:
    """(invisible outright, luminance of the paint that shows it or None, painting index)."""
    mode = pdfium.FPDFTextObj_GetTextRenderMode(obj)
    if mode in _INVISIBLE_MODES:
        return True, None, order
    getter = pdfium.FPDFPageObj_GetStrokeColor if mode in _STROKE_ONLY_MODES else pdfium.FPDFPageObj_GetFillColor
    rgba = _colour(getter, obj)
    if rgba is None:
        return False, None, order
    if rgba[3] < MIN_ALPHA * 255:
        return True, None, order
    return False, _luminance(rgba), order


def _melts_into_background(
    luminance: float,
    order: int,
    x: float,
    y: float,
    backgrounds: list[tuple[int, float, float, float, float, float | None]],
) -> bool:
    background = 1.0  # paper is white unless something was painted under the text
    for painted_at, x0, y0, x1, y1, shade in reversed(backgrounds):
        if painted_at < order and x0 <= x <= x1 and y0 <= y <= y1:
            if shade is None:
                return False
            background = shade
            break
    return abs(luminance - background) < MIN_CONTRAST
