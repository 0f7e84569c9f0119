"""Fixture builders: small PDFs written by hand (so every operator is under the test's control)
and DOCX files built with python-docx plus raw XML for what it has no API for."""

from __future__ import annotations

import io
import zlib

from docx import Document as DocxDocument
from docx.oxml import parse_xml
from docx.shared import Pt, RGBColor


def _esc(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def text_block(
    lines: list[str],
    x: float = 72,
    y: float = 740,
    size: float = 11,
    rgb: tuple[float, float, float] = (0, 0, 0),
    mode: int = 0,
    leading: float | None = None,
) -> str:
    """Content-stream operators that show ``lines`` one under another."""
    lead = leading or size * 1.3
    out = [f"BT /F1 {size} Tf {rgb[0]} {rgb[1]} {rgb[2]} rg {mode} Tr {lead} TL {x} {y} Td"]
    for i, line in enumerate(lines):
        out.append(("" if i == 0 else "T* ") + f"({_esc(line)}) Tj")
    out.append("ET")
    return "\n".join(out)


def make_pdf(
    pages: list[str],
    compress: bool = True,
    with_image: bool = False,
    *,
    rotate: int = 0,
    resources: bytes = b"",
    objects: tuple[bytes, ...] = (),
) -> bytes:
    """A valid PDF with Helvetica (/F1) and Courier (/F2); each page is a content stream string.
    ``objects`` become objects 1, 2, ... (for ``resources`` to refer to), ``resources`` is added
    to every page's resource dictionary, ``rotate`` is the pages' /Rotate."""
    bodies: list[bytes] = list(objects)

    def add(body: bytes) -> int:
        bodies.append(body)
        return len(bodies)

    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    mono = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>")
    image = 0
    if with_image:
        pixels = zlib.compress(b"\x80" * (50 * 50))
        image = add(
            b"<< /Type /XObject /Subtype /Image /Width 50 /Height 50 /ColorSpace /DeviceGray "
            b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n" % len(pixels) + pixels + b"\nendstream"
        )
    page_ids = []
    content_ids = []
    for content in pages:
        data = content.encode("latin-1")
        if compress:
            data = zlib.compress(data)
            header = b"<< /Length %d /Filter /FlateDecode >>" % len(data)
        else:
            header = b"<< /Length %d >>" % len(data)
        content_ids.append(add(header + b"\nstream\n" + data + b"\nendstream"))
    pages_id = len(bodies) + len(pages) + 1
    page_resources = b"<< /Font << /F1 %d 0 R /F2 %d 0 R >>" % (font, mono)
    if image:
        page_resources += b" /XObject << /Im1 %d 0 R >>" % image
    page_resources += b" " + resources + b" >>"
    for cid in content_ids:
        page_ids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Rotate %d /Resources " % (pages_id, rotate)
                + page_resources
                + b" /Contents %d 0 R >>" % cid
            )
        )
    kids = b" ".join(b"%d 0 R" % p for p in page_ids)
    assert add(b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % len(page_ids)) == pages_id
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)

    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(bodies, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(bodies) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(bodies) + 1, catalog, xref))
    return out.getvalue()


def stream(data: bytes, entries: bytes = b"") -> bytes:
    """An uncompressed stream object's body."""
    return b"<< /Length %d %s >>\nstream\n" % (len(data), entries) + data + b"\nendstream"


COURIER_ADVANCE = 0.6  # every Courier glyph is 600/1000 em wide


def glyph_by_glyph(lines: list[str], x: float = 72, y: float = 700, size: float = 10, seed: int = 7) -> str:
    """Every glyph drawn on its own, in shuffled order, with no space glyphs (as some resume
    builders write PDFs): only the glyphs' positions say where words and lines are."""
    import random

    shows = []
    for row, line in enumerate(lines):
        for column, char in enumerate(line):
            if char != " ":
                left = x + column * COURIER_ADVANCE * size
                shows.append(f"BT /F2 {size} Tf 1 0 0 1 {left:.2f} {y - row * size * 1.4:.2f} Tm ({_esc(char)}) Tj ET")
    random.Random(seed).shuffle(shows)
    return "\n".join(shows)


def type3_font(letters: str) -> bytes:
    """A Type 3 font (each glyph a filled box drawn by a content stream) naming ``letters``."""
    procs = b" ".join(b"/%s %d 0 R" % (c.encode(), i + 2) for i, c in enumerate(letters))
    first = ord(min(letters))
    last = ord(max(letters))
    differences = b" ".join(b"%d /%s" % (ord(c), c.encode()) for c in letters)
    widths = b" ".join(b"600" for _ in range(first, last + 1))
    return (
        b"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 600 700] /FontMatrix [0.001 0 0 0.001 0 0] "
        b"/CharProcs << " + procs + b" >> /Encoding << /Type /Encoding /Differences [" + differences + b"] >> "
        b"/FirstChar %d /LastChar %d /Widths [" % (first, last) + widths + b"] /Resources << >> >>"
    )


def type3_glyph() -> bytes:
    return stream(b"600 0 0 0 500 700 d1 50 0 450 700 re f")


def image_only_pdf() -> bytes:
    return make_pdf(["q 500 0 0 700 50 50 cm /Im1 Do Q"], with_image=True)


W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def make_docx(
    paragraphs: list[str],
    hidden: list[str] = (),
    white: list[str] = (),
    tiny: list[str] = (),
    table: list[list[str]] | None = None,
    text_box: str | None = None,
    header: str | None = None,
    footer: str | None = None,
) -> bytes:
    doc = DocxDocument()
    if header:
        doc.sections[0].header.paragraphs[0].text = header
    if footer:
        doc.sections[0].footer.paragraphs[0].text = footer
    for text in paragraphs:
        doc.add_paragraph(text)
    for text in hidden:
        run = doc.add_paragraph().add_run(text)
        run.font.hidden = True
    for text in white:
        run = doc.add_paragraph().add_run(text)
        run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    for text in tiny:
        run = doc.add_paragraph().add_run(text)
        run.font.size = Pt(1)
    if table:
        grid = doc.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    if text_box:
        # A modern text box with its legacy fallback, as Word writes it: the text must be read once.
        xml = (
            f'<w:p {W_NS} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
            'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
            'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
            'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
            'xmlns:v="urn:schemas-microsoft-com:vml"><w:r><mc:AlternateContent>'
            '<mc:Choice Requires="wps"><w:drawing><wp:anchor behindDoc="0"><a:graphic><a:graphicData>'
            f"<wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>{text_box}</w:t></w:r></w:p></w:txbxContent>"
            "</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
            "<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r>"
            f"<w:t>{text_box}</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
            "</mc:AlternateContent></w:r></w:p>"
        )
        body = doc.element.body
        body.insert(len(body) - 1, parse_xml(xml))  # before sectPr, where Word puts content
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
