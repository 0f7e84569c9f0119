"""Decide what a file really is from its bytes, read it within limits, and return what a human
reader of it sees (``Document``), or refuse it with a reason a recruiter understands."""

from __future__ import annotations

import io
import re
import time
import zipfile

from .extract_docx import check_zip_bomb, extract_docx
from .extract_pdf import extract_pdf
from .extract_txt import extract_txt
from .text_clean import normalize_text
from .types import Document, UnreadableDocument

MAX_BYTES = 5 * 1024 * 1024  # default only: the caller passes the product's limit (CVMATCH_MAX_CV_BYTES)
TIME_LIMIT_S = 10.0
MIN_TEXT_CHARS = 30  # less than a name and a phone number is not a CV

# Signatures of formats people upload by mistake, and the message they need to read.
_REFUSED_SIGNATURES: list[tuple[bytes, str]] = [
    (b"\x89PNG\r\n\x1a\n", "PNG images are not accepted: upload a PDF, DOCX or TXT"),
    (b"\xff\xd8\xff", "JPEG images are not accepted: upload a PDF, DOCX or TXT"),
    (b"GIF87a", "GIF images are not accepted: upload a PDF, DOCX or TXT"),
    (b"GIF89a", "GIF images are not accepted: upload a PDF, DOCX or TXT"),
    (b"II*\x00", "TIFF images are not accepted: upload a PDF, DOCX or TXT"),
    (b"MM\x00*", "TIFF images are not accepted: upload a PDF, DOCX or TXT"),
    (b"BM", "BMP images are not accepted: upload a PDF, DOCX or TXT"),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "Old Word .doc files are not accepted: save it as DOCX or PDF and upload again",
    ),
    (b"{\\rtf", "RTF files are not accepted: save it as DOCX or PDF and upload again"),
    (b"Rar!", "RAR archives are not accepted: upload each CV as a PDF, DOCX or TXT"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archives are not accepted: upload each CV as a PDF, DOCX or TXT"),
    (b"\x1f\x8b", "Compressed (gzip) files are not accepted: upload a PDF, DOCX or TXT"),
]


def sniff_kind(data: bytes) -> str:
    """'pdf' | 'docx' | 'txt', or UnreadableDocument for a format we do not read."""
    head = data[:16]
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if head.startswith(b"RIFF") and data[8:12] == b"WEBP":
        raise UnreadableDocument("WEBP images are not accepted: upload a PDF, DOCX or TXT")
    if head[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1"):
        raise UnreadableDocument("HEIC images are not accepted: upload a PDF, DOCX or TXT")
    for signature, message in _REFUSED_SIGNATURES:
        if head.startswith(signature):
            if signature == b"BM" and not _looks_like_bmp(data):
                continue
            raise UnreadableDocument(message)
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                names = set(zf.namelist())
                check_zip_bomb(zf, "file")
        except zipfile.BadZipFile as exc:
            raise UnreadableDocument("The DOCX is damaged or incomplete and cannot be read.") from exc
        if "word/document.xml" in names:
            return "docx"
        if any(n.startswith("xl/") for n in names):
            raise UnreadableDocument("Excel spreadsheets are not accepted: upload a PDF, DOCX or TXT")
        if any(n.startswith("ppt/") for n in names):
            raise UnreadableDocument("PowerPoint files are not accepted: upload a PDF, DOCX or TXT")
        if "content.xml" in names:
            raise UnreadableDocument("OpenDocument files are not accepted: save it as DOCX or PDF and upload again")
        raise UnreadableDocument("ZIP archives are not accepted: upload each CV as a PDF, DOCX or TXT")
    return "txt"


def _looks_like_bmp(data: bytes) -> bool:
    return len(data) > 26 and int.from_bytes(data[2:6], "little") in (len(data), 0)


def _claimed_kind(filename: str) -> str:
    name = filename.lower().rsplit("/", 1)[-1]
    ext = name.rsplit(".", 1)[-1] if "." in name else ""
    return {
        "pdf": "pdf",
        "docx": "docx",
        "docm": "docx",
        "dotx": "docx",
        "txt": "txt",
        "text": "txt",
        "md": "txt",
    }.get(ext, ext)


def extract_document(filename: str, data: bytes, *, max_bytes: int = MAX_BYTES) -> Document:
    """Read a CV file within time and memory limits; the type is decided by its bytes.

    ``max_bytes`` is the product's per-file limit, given by the caller (the reading pool passes
    CVMATCH_MAX_CV_BYTES): the engine keeps no limit of its own that a setting could contradict.
    """
    if not data or not data.strip():
        raise UnreadableDocument("The file is empty.")
    if len(data) > max_bytes:
        raise UnreadableDocument(f"The file is larger than {max_bytes / (1024 * 1024):g} MB.")
    claimed = _claimed_kind(filename)
    if claimed in ("png", "jpg", "jpeg", "gif", "tif", "tiff", "bmp", "webp", "heic"):
        label = {"jpg": "JPEG", "jpeg": "JPEG", "tif": "TIFF"}.get(claimed, claimed.upper())
        raise UnreadableDocument(f"{label} images are not accepted: upload a PDF, DOCX or TXT")
    if claimed == "doc" and not data.startswith(b"%PDF"):
        raise UnreadableDocument("Old Word .doc files are not accepted: save it as DOCX or PDF and upload again")
    kind = sniff_kind(data)
    if claimed in ("pdf", "docx") and kind == "txt":
        # A file named .pdf whose bytes are not a PDF is damaged or mislabelled; reading it as
        # text would score junk.
        raise UnreadableDocument(
            f"The file is named .{claimed} but is not a real {claimed.upper()}: it is damaged or mislabelled."
        )
    deadline = time.monotonic() + TIME_LIMIT_S
    pages = 1
    if kind == "pdf":
        raw, flags, pages = extract_pdf(data, deadline)
    elif kind == "docx":
        raw, flags = extract_docx(data, deadline)
    else:
        raw, flags = extract_txt(data), []
    text, text_flags = normalize_text(raw)
    flags = sorted(set(flags) | set(text_flags))
    if len(text) < MIN_TEXT_CHARS:
        if not text:
            raise UnreadableDocument(f"The {kind.upper()} contains no text.")
        raise UnreadableDocument(
            f"The {kind.upper()} contains almost no text ({len(text)} characters): it is not a CV."
        )
    if kind == "pdf" and looks_garbled(text):
        raise UnreadableDocument(
            "The PDF's fonts cannot be decoded: its text reads as gibberish. Ask for another export (DOCX or PDF)."
        )
    return Document(text=text, kind=kind, flags=flags, pages=pages)


# Function words of the languages CVs are most often written in: real prose always has some.
_COMMON_WORDS = frozenset(
    "the and of to in for with on at by from as is are was an or a i my our "
    "de la el en y los las del con por para un una que es le les des du et au pour dans sur est "
    "der die das und mit von zu im den für ist ein eine bei als auf "
    "da do dos em com na no os um uma il di che per nel della van het een op voor".split()
)


def looks_garbled(text: str) -> bool:
    """Fonts without a character map make pypdf return shifted letters ("3HZ[ <WKH[LK")."""
    words = re.findall(r"[^\W\d_]{1,}", text)
    if len(words) < 40:
        return False
    common = sum(1 for word in words if word.lower() in _COMMON_WORDS)
    return common / len(words) < 0.02
