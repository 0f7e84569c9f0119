"""Reading files: type by bytes, hidden text removed and flagged, clear refusals."""

from __future__ import annotations

import io
import zipfile

import pytest

from cvmatch_app.engine import (
    FLAG_HIDDEN_TEXT,
    FLAG_SCANNED,
    FLAG_ZERO_WIDTH,
    UnreadableDocument,
    extract_document,
)

from .makers import image_only_pdf, make_docx, make_pdf, text_block

NURSE_LINES = [
    "Maria Lopez - Registered Nurse",
    "Experience",
    "Staff Nurse, ICU, Mercy Hospital, Jan 2018 - Present",
    "Provided critical care to ventilated patients, titrated drips, Epic charting.",
    "Licenses: Texas RN License, BLS, ACLS",
]
SOFTWARE_KEYWORDS = "Python Kubernetes Terraform AWS Docker senior software engineer React"


def _refused(name: str, data: bytes) -> str:
    with pytest.raises(UnreadableDocument) as info:
        extract_document(name, data)
    return info.value.reason


def test_plain_pdf_is_read() -> None:
    doc = extract_document("cv.pdf", make_pdf([text_block(NURSE_LINES)]))
    assert doc.kind == "pdf"
    assert "Staff Nurse, ICU, Mercy Hospital" in doc.text
    assert doc.flags == []


@pytest.mark.parametrize(
    "hidden_ops",
    [
        text_block([SOFTWARE_KEYWORDS], y=100, rgb=(1, 1, 1)),  # white on white
        text_block([SOFTWARE_KEYWORDS], y=100, rgb=(0.98, 0.98, 0.98)),  # near white
        text_block([SOFTWARE_KEYWORDS], y=100, mode=3),  # invisible render mode
        text_block([SOFTWARE_KEYWORDS], y=100, size=0.5),  # microscopic
        text_block([SOFTWARE_KEYWORDS], x=-2000, y=100),  # off the page
        text_block([SOFTWARE_KEYWORDS], x=72, y=1500),  # above the page
    ],
    ids=["white", "near-white", "render-mode-3", "tiny", "off-left", "off-top"],
)
def test_hidden_pdf_text_is_removed_and_flagged(hidden_ops: str) -> None:
    doc = extract_document("cv.pdf", make_pdf([text_block(NURSE_LINES) + "\n" + hidden_ops]))
    assert "Kubernetes" not in doc.text
    assert "Mercy Hospital" in doc.text
    assert FLAG_HIDDEN_TEXT in doc.flags


def test_white_text_on_a_dark_band_is_visible() -> None:
    band = "0.1 0.2 0.4 rg 0 700 612 92 re f\n"
    ops = band + text_block(["JANE DOE - ACCOUNTANT"], y=740, rgb=(1, 1, 1)) + "\n" + text_block(NURSE_LINES, y=650)
    doc = extract_document("cv.pdf", make_pdf([ops]))
    assert "JANE DOE - ACCOUNTANT" in doc.text
    assert FLAG_HIDDEN_TEXT not in doc.flags


def test_two_column_pdf_keeps_columns_apart() -> None:
    left = text_block(["SKILLS", "Forklift operation", "Inventory control", "RF scanning"], x=40, y=700)
    right = text_block(
        ["EXPERIENCE", "Warehouse Associate, DHL, 2019 - 2023", "Loaded and unloaded trucks daily"], x=320, y=700
    )
    doc = extract_document("cv.pdf", make_pdf([left + "\n" + right]))
    lines = doc.text.split("\n")
    assert "Warehouse Associate, DHL, 2019 - 2023" in lines
    assert "Forklift operation" in lines


def test_image_only_pdf_is_refused_as_scanned() -> None:
    reason = _refused("scan.pdf", image_only_pdf())
    assert "scanned" in reason


def test_partly_scanned_pdf_is_flagged() -> None:
    text_page = make_pdf([text_block(NURSE_LINES)])
    assert extract_document("cv.pdf", text_page).flags == []
    both = make_pdf([text_block(NURSE_LINES), "q 500 0 0 700 50 50 cm /Im1 Do Q"], with_image=True)
    assert FLAG_SCANNED in extract_document("cv.pdf", both).flags


def test_truncated_pdf_is_refused() -> None:
    data = make_pdf([text_block(NURSE_LINES)])
    reason = _refused("cv.pdf", data[: len(data) // 3])
    assert "damaged" in reason or "no readable text" in reason


def test_encrypted_marker_pdf_is_refused_as_password_protected() -> None:
    data = make_pdf([text_block(NURSE_LINES)])
    # An /Encrypt entry with a standard handler we cannot open without the password.
    data = data.replace(
        b"trailer\n<< /Size",
        b"trailer\n<< /Encrypt << /Filter /Standard /V 2 /R 3 /Length 128 /P -4 "
        b"/O <" + b"00" * 32 + b"> /U <" + b"11" * 32 + b"> >> /ID [<0102> <0102>] /Size",
    )
    reason = _refused("cv.pdf", data)
    assert "password" in reason or "damaged" in reason


@pytest.mark.parametrize(
    "name, data, expected",
    [
        ("cv.pdf", b"", "empty"),
        ("cv.pdf", b"   \n ", "empty"),
        ("cv.pdf", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "PNG images are not accepted: upload a PDF, DOCX or TXT"),
        ("cv.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "PNG images are not accepted: upload a PDF, DOCX or TXT"),
        ("cv.docx", b"\xff\xd8\xff\xe0" + b"\x00" * 100, "JPEG images are not accepted"),
        ("cv.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "Old Word .doc"),
        ("cv.pdf", b"This is not a PDF at all, just words in a file", "not a real PDF"),
        ("cv.txt", bytes(range(256)) * 20, "not readable text"),
    ],
)
def test_wrong_types_are_refused_with_clear_reasons(name: str, data: bytes, expected: str) -> None:
    assert expected.lower() in _refused(name, data).lower()


def test_type_is_decided_by_bytes_not_name() -> None:
    doc = extract_document("cv.txt", make_pdf([text_block(NURSE_LINES)]))
    assert doc.kind == "pdf"
    doc = extract_document("resume", make_docx(NURSE_LINES))
    assert doc.kind == "docx"


def test_docx_reads_tables_text_boxes_headers_and_footers_once() -> None:
    data = make_docx(
        ["Experience"],
        table=[["Staff Nurse", "Mercy Hospital", "2018 - 2023"], ["Charge Nurse", "St Luke's", "2023 - Present"]],
        text_box="Certifications: BLS, ACLS",
        header="Maria Lopez, RN",
        footer="maria@example.com",
    )
    doc = extract_document("cv.docx", data)
    assert "Staff Nurse | Mercy Hospital | 2018 - 2023" in doc.text
    assert doc.text.count("Certifications: BLS, ACLS") == 1
    assert doc.text.index("Maria Lopez, RN") < doc.text.index("Experience") < doc.text.index("maria@example.com")


def test_docx_hidden_white_and_tiny_runs_are_removed() -> None:
    data = make_docx(NURSE_LINES, hidden=["Kubernetes expert"], white=["Terraform guru"], tiny=["AWS architect"])
    doc = extract_document("cv.docx", data)
    for word in ("Kubernetes", "Terraform", "AWS"):
        assert word not in doc.text
    assert FLAG_HIDDEN_TEXT in doc.flags


def test_docx_zip_bomb_is_refused() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"<a>" + b" " * 80_000_000 + b"</a>")
    assert "decompression bomb" in _refused("cv.docx", out.getvalue())


def test_zip_that_is_not_a_docx_is_refused() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("xl/workbook.xml", "<x/>")
    assert "Excel" in _refused("cv.docx", out.getvalue())


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
def test_text_encodings(encoding: str) -> None:
    text = "José Müller — Café manager\nFood safety certificate, 5 years in hospitality, naïve résumé"
    doc = extract_document("cv.txt", text.encode(encoding))
    assert "José Müller" in doc.text and "résumé" in doc.text


def test_zero_width_characters_and_ligatures_are_normalised() -> None:
    text = "Pyth\u200bon developer with Kuber\u200dnetes and \ufb01nance experience, ten years of work"
    doc = extract_document("cv.txt", text.encode("utf-8"))
    assert "Python" in doc.text and "Kubernetes" in doc.text and "finance" in doc.text
    assert FLAG_ZERO_WIDTH in doc.flags


def test_fingerprint_ignores_format_and_layout() -> None:
    from cvmatch_app.engine import fingerprint

    pdf = extract_document("cv.pdf", make_pdf([text_block(NURSE_LINES)]))
    docx = extract_document("cv.docx", make_docx(NURSE_LINES))
    assert fingerprint(pdf.text) == fingerprint(docx.text)
    assert fingerprint(pdf.text) != fingerprint(pdf.text + " ACLS")


def test_pdf_decompression_bomb_is_refused() -> None:
    # 80 MB of spaces compress to about 80 kB: more than any CV needs once inflated.
    ops = text_block(NURSE_LINES) + "\n" + " " * 80_000_000
    assert "decompression bomb" in _refused("cv.pdf", make_pdf([ops]))


def test_hidden_text_removal_keeps_hex_encoded_visible_text() -> None:
    visible = "BT /F1 11 Tf 72 700 Td <52656769737465726564204e75727365> Tj ET"  # "Registered Nurse"
    hidden = text_block(["Kubernetes Terraform"], y=100, rgb=(1, 1, 1))
    doc = extract_document("cv.pdf", make_pdf([visible + "\n" + text_block(NURSE_LINES, y=650) + "\n" + hidden]))
    assert "Registered Nurse" in doc.text and "Kubernetes" not in doc.text


def test_tex_word_gaps_become_spaces() -> None:
    ops = "BT /F1 11 Tf 72 700 Td [(Registered)-333(Nurse)-333(with)-20(ICU)-333(experience)] TJ ET\n"
    doc = extract_document("cv.pdf", make_pdf([ops + text_block(NURSE_LINES, y=650)]))
    assert "Registered Nurse with" in doc.text


def test_run_together_words_are_split() -> None:
    from cvmatch_app.engine.embedding import get_model
    from cvmatch_app.engine.pdf_words import looks_glued, split_glued_words

    model = get_model()
    if model is None:
        pytest.skip("the embedding table is not installed")
    glued = "Designedandprovisionedtheentireinfrastructure on AWS. " * 10
    assert looks_glued(glued)
    fixed = split_glued_words(glued, list(model.index))
    assert "Designed and provisioned the entire infrastructure" in fixed


def test_strict_open_xml_docx_is_read() -> None:
    data = make_docx(NURSE_LINES)
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename == "word/document.xml":
                content = content.replace(
                    b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                    b"http://purl.oclc.org/ooxml/wordprocessingml/main",
                )
            dst.writestr(item, content)
    assert "Mercy Hospital" in extract_document("cv.docx", out.getvalue()).text


def test_one_damaged_page_does_not_lose_the_others() -> None:
    data = make_pdf([text_block(NURSE_LINES), text_block(["Second page text"])])
    first = data.index(b"stream\n")
    second = data.index(b"stream\n", first + 10) + len(b"stream\n")
    data = data[:second] + b"\x00garbage!" + data[second + 9 :]  # same length: the xref stays valid
    doc = extract_document("cv.pdf", data)
    assert "Mercy Hospital" in doc.text
