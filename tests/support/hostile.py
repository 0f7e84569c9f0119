"""Files built to stall or swell a reader (made here, from nothing; no real CV inside).

Shared by the intake tests and ``benchmarks/api.py``.
"""

from __future__ import annotations

import io
import zipfile

CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    b'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'
)
W_NS = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _empty_paragraphs(root: bytes, xml_bytes: int) -> bytes:
    # Numbered revision ids keep the compression ratio under the engine's zip-bomb mark (200).
    paragraphs = b"".join(b'<w:p w:rsidR="%08X"/>' % (n // 24) for n in range(xml_bytes // 24))
    return b'<?xml version="1.0"?><w:%s xmlns:w="%s"><w:body>%s</w:body></w:%s>' % (root, W_NS, paragraphs, root)


def empty_paragraph_docx(xml_bytes: int = 5 * 1024 * 1024) -> bytes:
    """A small DOCX (about 80 KB) whose body, header and footer are ``xml_bytes`` each of empty paragraphs."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("word/document.xml", _empty_paragraphs(b"document", xml_bytes))
        zf.writestr("word/header1.xml", _empty_paragraphs(b"hdr", xml_bytes))
        zf.writestr("word/footer1.xml", _empty_paragraphs(b"ftr", xml_bytes))
    return buffer.getvalue()


def many_entries_docx(entries: int = 50_000) -> bytes:
    """A DOCX whose zip holds ``entries`` tiny parts besides a one-line document."""
    document = (
        b'<?xml version="1.0"?><w:document xmlns:w="' + W_NS + b'"><w:body><w:p><w:r><w:t>'
        b"Registered Nurse, ICU, ten years of critical care experience.</w:t></w:r></w:p></w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("word/document.xml", document)
        for n in range(entries):
            zf.writestr(f"m/{n}", b"")
    return buffer.getvalue()


def endless_operators_pdf(operators: int = 1_400_000) -> bytes:
    """A one-page PDF whose content stream is a long run of drawing operators with no text (19.6 MB,
    under the reader's 20 MB a page: PDFium spends about 3 s of CPU on it, pypdf far more)."""
    stream = b"0 0 m 1 1 l S\n" * operators
    import zlib

    packed = zlib.compress(stream, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length " + str(len(packed)).encode() + b" /Filter /FlateDecode >>\nstream\n" + packed + b"\nendstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()
