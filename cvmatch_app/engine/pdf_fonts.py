"""Font streams measured before PDFium loads them: a font program, a ToUnicode map or a Type 3
glyph procedure can be a decompression bomb too (400 MB of zeros compress to 400 kB), and PDFium
inflates them without a limit. pypdf decompresses each within its per-stream limit and the
sizes are added up over the pages read."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pypdf.generic import NullObject

MAX_FONT_BYTES = 96 * 1024 * 1024  # all fonts of the pages read; a full CJK font is about 20 MB
MAX_FORM_DEPTH = 8
_FONT_FILES = ("/FontFile", "/FontFile2", "/FontFile3")


class FontsTooLarge(Exception):
    """The fonts expand to more than MAX_FONT_BYTES."""


@dataclass
class FontBudget:
    """Font streams already measured (shared by pages) and the bytes they expand to."""

    seen: set[int] = field(default_factory=set)
    total: int = 0


def measure_fonts(page: Any, budget: FontBudget) -> None:
    """Decompress every font stream the page (and the forms it draws) uses, once per file."""
    _measure_resources(_resolve(page.get("/Resources")), budget, depth=0)


def _resolve(value: Any) -> Any:
    if value is None:
        return {}
    value = value.get_object()
    return {} if isinstance(value, NullObject) else value


def _measure_resources(resources: Any, budget: FontBudget, depth: int) -> None:
    if not hasattr(resources, "get") or depth > MAX_FORM_DEPTH:
        return
    for reference in _resolve(resources.get("/Font")).values():
        font = reference.get_object()
        if _first_time(font, budget):
            _measure_font(font, budget, depth)
    for reference in _resolve(resources.get("/XObject")).values():
        form = reference.get_object()
        if form.get("/Subtype") == "/Form" and _first_time(form, budget):
            _measure_resources(_resolve(form.get("/Resources")), budget, depth + 1)


def _first_time(obj: Any, budget: FontBudget) -> bool:
    key = id(obj)  # pypdf hands back the same object for the same reference
    if key in budget.seen:
        return False
    budget.seen.add(key)
    return True


def _measure_font(font: Any, budget: FontBudget, depth: int) -> None:
    fonts = [font, *(d.get_object() for d in _resolve(font.get("/DescendantFonts")) or [])]
    for each in fonts:
        descriptor = _resolve(each.get("/FontDescriptor"))
        for name in _FONT_FILES:
            if name in descriptor:
                _measure(descriptor[name], budget)
    if "/ToUnicode" in font:
        _measure(font["/ToUnicode"], budget)
    for procedure in _resolve(font.get("/CharProcs")).values():  # Type 3 glyphs are drawings
        _measure(procedure, budget)
    _measure_resources(_resolve(font.get("/Resources")), budget, depth + 1)


def _measure(reference: Any, budget: FontBudget) -> None:
    stream = reference.get_object()
    if not hasattr(stream, "get_data") or not _first_time(stream, budget):
        return
    budget.total += len(stream.get_data())  # pypdf raises LimitReachedError past its own limit
    if budget.total > MAX_FONT_BYTES:
        raise FontsTooLarge
