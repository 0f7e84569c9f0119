"""PDF text as a human reader sees it: hidden text (invisible, background-coloured, tiny,
off-page) is dropped from the content stream before pypdf extracts the rest."""

from __future__ import annotations

import io
import logging
import math
import time
from dataclasses import dataclass, field
from typing import Any

from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError, LimitReachedError, PdfReadError
from pypdf.generic import (
    ArrayObject,
    ByteStringObject,
    ContentStream,
    FloatObject,
    NameObject,
    NullObject,
    NumberObject,
)

from .embedding import get_model
from .pdf_layout import looks_glued, repair_kerning_splits, split_glued_words
from .types import FLAG_HIDDEN_TEXT, FLAG_SCANNED, UnreadableDocument

# pypdf logs every recoverable oddity of real-world files; they are not our errors.
logging.getLogger("pypdf").setLevel(logging.ERROR)

MAX_PAGES_READ = 20  # a CV longer than this is read in part; the rest adds little signal
MAX_PAGES_ACCEPTED = 200  # beyond this it is not a CV (and a cheap denial-of-service)
TINY_FONT_PT = 2.0  # nobody reads 2 pt text; it is there for a machine
MIN_CONTRAST = 0.05  # luminance difference below which text melts into its background (white on #F2F2F2)
OFF_PAGE_MARGIN = 18.0  # a baseline just past the edge is a layout slip, not hiding

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_TEXT_SHOW = {b"Tj", b"TJ", b"'", b'"'}
_FILL_PAINT = {b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*"}


def _mul(m: Matrix, n: Matrix) -> Matrix:
    """m × n in PDF's row-vector convention (apply m first, then n)."""
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


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return (x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5])


def _nums(operands: list[Any]) -> list[float]:
    out = []
    for op in operands:
        try:
            out.append(float(op))
        except (TypeError, ValueError):
            continue
    return out


def _luminance(values: list[float]) -> float | None:
    """Fill colour → 0 (black) .. 1 (white); None when the colour space is not a device one."""
    if len(values) == 1:
        return values[0]
    if len(values) == 3:
        r, g, b = values
        return 0.299 * r + 0.587 * g + 0.114 * b
    if len(values) == 4:
        c, m, y, k = values
        return (1 - min(1.0, c + k)) * 0.299 + (1 - min(1.0, m + k)) * 0.587 + (1 - min(1.0, y + k)) * 0.114
    return None


@dataclass
class _State:
    ctm: Matrix = IDENTITY
    fill: float | None = 0.0  # luminance; None = unknown (pattern, ICC with odd components)
    render_mode: int = 0
    alpha: float = 1.0
    font_size: float = 12.0
    leading: float = 0.0
    simple_font: bool = False  # one byte per glyph, so b" " is a space

    def copy(self) -> _State:
        return _State(self.ctm, self.fill, self.render_mode, self.alpha, self.font_size, self.leading, self.simple_font)


@dataclass
class _PageScan:
    hidden_ops: int = 0
    visible_ops: int = 0
    images: int = 0
    backgrounds: list[tuple[float, float, float, float, float | None]] = field(default_factory=list)


def _ext_gstate_alpha(resources: Any, name: Any) -> float | None:
    try:
        gs = resources["/ExtGState"][name].get_object()
        if "/ca" in gs:
            return float(gs["/ca"])
    except Exception:  # noqa: BLE001 - a malformed resource just means "no information"
        return None
    return None


def _sanitize_page(page: Any, deadline: float) -> _PageScan:
    """Walk the page's content stream once, dropping text-show operations a reader cannot see."""
    scan = _PageScan()
    raw_contents = page.get("/Contents")
    if raw_contents is None:
        return scan
    raw_contents = raw_contents.get_object()
    if isinstance(raw_contents, NullObject):
        return scan
    # Parsed as pypdf's text extractor parses it (strings kept as bytes), and handed back to the
    # page below: pypdf then extracts from these operations without parsing the stream again.
    contents = ContentStream(raw_contents, page.pdf, "bytes")
    resources = page.get("/Resources")
    resources = resources.get_object() if resources is not None else {}
    box = page.mediabox
    left, bottom, right, top = float(box.left), float(box.bottom), float(box.right), float(box.top)

    state = _State()
    stack: list[_State] = []
    tm: Matrix = IDENTITY
    tlm: Matrix = IDENTITY
    path: list[tuple[float, float]] = []
    kept: list[tuple[Any, bytes]] = []
    changed = False

    for index, (operands, op) in enumerate(contents.operations):
        if index % 2000 == 0 and time.monotonic() > deadline:
            raise UnreadableDocument("The PDF took too long to read (it may be damaged or built to stall readers).")
        if op in _TEXT_SHOW:
            if op in (b"'", b'"'):
                tlm = _mul((1, 0, 0, 1, 0, -state.leading), tlm)
                tm = tlm
            if _hidden(state, tm, scan, left, bottom, right, top):
                scan.hidden_ops += 1
                changed = True
                if op in (b"'", b'"'):
                    kept.append(([], b"T*"))  # keep the line break a reader would still see
                continue
            scan.visible_ops += 1
            if op == b"TJ" and state.simple_font and operands and isinstance(operands[0], ArrayObject):
                if _space_wide_gaps(operands[0]):
                    changed = True
        elif op == b"q":
            stack.append(state.copy())
        elif op == b"Q":
            if stack:
                state = stack.pop()
        elif op == b"cm":
            vals = _nums(operands)
            if len(vals) == 6:
                state.ctm = _mul(tuple(vals), state.ctm)  # type: ignore[arg-type]
        elif op in (b"g", b"rg", b"k", b"sc", b"scn"):
            state.fill = _luminance(_nums(operands))
        elif op == b"cs":
            state.fill = 0.0
        elif op == b"Tr":
            vals = _nums(operands)
            state.render_mode = int(vals[0]) if vals else 0
        elif op == b"gs" and operands:
            alpha = _ext_gstate_alpha(resources, operands[0])
            if alpha is not None:
                state.alpha = alpha
        elif op == b"Tf" and len(operands) >= 2:
            vals = _nums(operands[1:])
            if vals:
                state.font_size = vals[0]
            state.simple_font = _is_simple_font(resources, operands[0])
        elif op == b"TL":
            vals = _nums(operands)
            if vals:
                state.leading = vals[0]
        elif op == b"BT":
            tm = tlm = IDENTITY
        elif op in (b"Td", b"TD"):
            vals = _nums(operands)
            if len(vals) == 2:
                tlm = _mul((1, 0, 0, 1, vals[0], vals[1]), tlm)
                tm = tlm
                if op == b"TD":
                    state.leading = -vals[1]
        elif op == b"Tm":
            vals = _nums(operands)
            if len(vals) == 6:
                tm = tlm = tuple(vals)  # type: ignore[assignment]
        elif op == b"T*":
            tlm = _mul((1, 0, 0, 1, 0, -state.leading), tlm)
            tm = tlm
        elif op == b"re":
            vals = _nums(operands)
            if len(vals) == 4:
                x, y, w, h = vals
                path.extend([(x, y), (x + w, y + h)])
        elif op in (b"m", b"l"):
            vals = _nums(operands)
            if len(vals) == 2:
                path.append((vals[0], vals[1]))
        elif op in (b"c", b"v", b"y"):
            vals = _nums(operands)
            path.extend((vals[i], vals[i + 1]) for i in range(0, len(vals) - 1, 2))
        elif op in _FILL_PAINT or op in (b"S", b"s", b"n"):
            if op in _FILL_PAINT and path and state.alpha > 0.5:
                pts = [_apply(state.ctm, x, y) for x, y in path]
                xs, ys = [p[0] for p in pts], [p[1] for p in pts]
                # Thin rules and underlines are not backgrounds for text.
                if max(xs) - min(xs) > 20 and max(ys) - min(ys) > 8:
                    scan.backgrounds.append((min(xs), min(ys), max(xs), max(ys), state.fill))
            path = []
        elif op == b"Do" and operands:
            if _is_image(resources, operands[0]):
                scan.images += 1
                # Text over an image has an unknown background: never call it hidden.
                x0, y0 = _apply(state.ctm, 0, 0)
                x1, y1 = _apply(state.ctm, 1, 1)
                scan.backgrounds.append((min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1), None))
        elif op == b"INLINE IMAGE":
            scan.images += 1
        kept.append((operands, op))

    if changed:
        contents.operations = kept
    page[NameObject("/Contents")] = contents
    return scan


WORD_GAP = -250  # TJ offsets in thousandths of an em: kerning is a few dozen, a word gap a few hundred


def _is_simple_font(resources: Any, name: Any) -> bool:
    try:
        font = resources["/Font"][name].get_object()
        return font.get("/Subtype") in ("/Type1", "/TrueType", "/MMType1")
    except Exception:  # noqa: BLE001
        return False


def _space_wide_gaps(array: Any) -> bool:
    """Some TeX PDFs space words by moving the pen, with no space glyph, and pypdf then glues
    the words ("Continuouslyimprovedthe"); a real space is put where the pen jumps a word gap."""
    changed = False
    i = 0
    while i < len(array) - 1:
        item = array[i]
        if isinstance(item, (int, float, NumberObject, FloatObject)) and float(item) <= WORD_GAP:
            before = array[i - 1] if i > 0 else None
            after = array[i + 1]
            if isinstance(after, (bytes, str)) and isinstance(before, (bytes, str)):
                ends = bytes(before)[-1:] if isinstance(before, bytes) else before[-1:].encode("latin-1", "ignore")
                starts = bytes(after)[:1] if isinstance(after, bytes) else after[:1].encode("latin-1", "ignore")
                if ends != b" " and starts != b" ":
                    array.insert(i + 1, ByteStringObject(b" "))
                    changed = True
                    i += 1
        i += 1
    return changed


def _is_image(resources: Any, name: Any) -> bool:
    try:
        xobj = resources["/XObject"][name].get_object()
        return xobj.get("/Subtype") == "/Image"
    except Exception:  # noqa: BLE001
        return False


def _hidden(state: _State, tm: Matrix, scan: _PageScan, left: float, bottom: float, right: float, top: float) -> bool:
    if state.render_mode in (3, 7) or state.alpha < 0.05:
        return True
    full = _mul(tm, state.ctm)
    size = abs(state.font_size) * math.hypot(full[2], full[3])
    if 0 < size < TINY_FONT_PT:
        return True
    x, y = full[4], full[5]
    if (
        x < left - OFF_PAGE_MARGIN
        or x > right + OFF_PAGE_MARGIN
        or y < bottom - OFF_PAGE_MARGIN
        or y > top + OFF_PAGE_MARGIN
    ):
        return True
    if state.fill is None:
        return False
    background = 1.0  # paper is white unless something was painted under the text
    for x0, y0, x1, y1, lum in reversed(scan.backgrounds):
        if x0 <= x <= x1 and y0 <= y <= y1:
            if lum is None:
                return False
            background = lum
            break
    return abs(state.fill - background) < MIN_CONTRAST


def extract_pdf(data: bytes, deadline: float) -> tuple[str, list[str], int]:
    """(raw text, flags, pages) or UnreadableDocument with a reason a recruiter understands."""
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            # Many PDFs are "encrypted" only against editing and open with an empty password.
            try:
                if not reader.decrypt(""):
                    raise UnreadableDocument("The PDF is password-protected: ask for an unprotected copy.")
            except (FileNotDecryptedError, NotImplementedError) as exc:
                raise UnreadableDocument("The PDF is password-protected: ask for an unprotected copy.") from exc
        n_pages = len(reader.pages)
    except UnreadableDocument:
        raise
    except LimitReachedError as exc:
        raise UnreadableDocument("The PDF expands to an unreasonable size (a decompression bomb).") from exc
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError, IndexError) as exc:
        raise UnreadableDocument("The PDF is damaged or incomplete and cannot be read.") from exc
    except RecursionError as exc:
        raise UnreadableDocument("The PDF is damaged or incomplete and cannot be read.") from exc

    if n_pages == 0:
        raise UnreadableDocument("The PDF has no pages.")
    if n_pages > MAX_PAGES_ACCEPTED:
        raise UnreadableDocument(f"The PDF has {n_pages} pages: that is not a CV.")

    flags: list[str] = []
    texts: list[str] = []
    image_only_pages = 0
    hidden = 0
    broken_pages = 0
    failure: Exception | None = None
    try:
        pages = list(reader.pages[:MAX_PAGES_READ])
    except LimitReachedError as exc:
        raise UnreadableDocument("The PDF expands to an unreasonable size (a decompression bomb).") from exc
    except Exception as exc:  # noqa: BLE001 - a page tree that cannot be walked is damage
        raise UnreadableDocument("The PDF is damaged or incomplete and cannot be read.") from exc
    for page in pages:
        if time.monotonic() > deadline:
            raise UnreadableDocument("The PDF took too long to read (it may be damaged or built to stall readers).")
        try:
            scan = _sanitize_page(page, deadline)
            # Some writers (react-pdf) separate words with "\t\r": a carriage return that is no line break.
            text = (page.extract_text() or "").replace("\r\n", "\n").replace("\r", " ")
        except UnreadableDocument:
            raise
        except LimitReachedError as exc:
            raise UnreadableDocument("The PDF expands to an unreasonable size (a decompression bomb).") from exc
        except Exception as exc:  # noqa: BLE001 - one damaged page should not lose the others
            broken_pages += 1
            failure = exc
            continue
        hidden += scan.hidden_ops
        if len(text.strip()) < 20 and scan.images:
            image_only_pages += 1
        texts.append(text)
    if broken_pages and not any(t.strip() for t in texts):
        raise UnreadableDocument("The PDF is damaged or incomplete and cannot be read.") from failure

    joined = repair_kerning_splits("\n\n".join(texts))
    if looks_glued(joined):
        model = get_model()
        if model is not None:
            joined = split_glued_words(joined, list(model.index))
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
