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


def make_pdf(pages: list[str], compress: bool = True, with_image: bool = False) -> bytes:
    """A valid PDF with one Helvetica font; each page is a content stream string."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    image = 0
    if with_image:
        pixels = zlib.compress(b"\x80" * (50 * 50))
        image = add(
            b"<< /Type /XObject /Subtype /Image /Width 50 /Height 50 /ColorSpace /DeviceGray "
            b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n" % len(pixels) + pixels + b"\nendstream"
        )
    pages_id = len(objects) + 1 + 2 * len(pages) + 0  # placeholder, fixed below
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
    pages_id = len(objects) + len(pages) + 1
    resources = b"<< /Font << /F1 %d 0 R >>" % font
    if image:
        resources += b" /XObject << /Im1 %d 0 R >>" % image
    resources += b" >>"
    for cid in content_ids:
        page_ids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Resources " % pages_id
                + resources
                + b" /Contents %d 0 R >>" % cid
            )
        )
    kids = b" ".join(b"%d 0 R" % p for p in page_ids)
    assert add(b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % len(page_ids)) == pages_id
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)

    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, catalog, xref))
    return out.getvalue()


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
