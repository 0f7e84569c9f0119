"""Every file kind in ../shared/eval/files: readable ones give text, broken ones a clear reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from cvmatch_app.engine import UnreadableDocument, extract_document

EVAL_FILES = Path(__file__).resolve().parents[2] / ".." / "shared" / "eval" / "files"
needs_eval = pytest.mark.skipif(
    not EVAL_FILES.is_dir(), reason="../shared/eval/files is not beside the checkout (development data only)"
)

REFUSED = {
    "edge_cases_scorelia/tests__fixtures__corrupt_file.pdf": "not a real PDF",
    "edge_cases_scorelia/tests__fixtures__empty_file.pdf": "empty",
    "edge_cases_scorelia/tests__fixtures__password_protected.pdf": "password-protected",
    "edge_cases_scorelia/tests__fixtures__scanned_resume.pdf": "scanned",
    "latex_jakegut_image_only/resume.png": "PNG images are not accepted: upload a PDF, DOCX or TXT",
}


def _readable_files() -> list[Path]:
    if not EVAL_FILES.is_dir():
        return []
    out = []
    for path in sorted(EVAL_FILES.rglob("*")):
        rel = path.relative_to(EVAL_FILES).as_posix()
        if path.is_file() and path.suffix.lower() in (".pdf", ".docx", ".txt") and rel not in REFUSED:
            out.append(path)
    return out


@needs_eval
@pytest.mark.parametrize("rel, reason", sorted(REFUSED.items()))
def test_broken_files_are_refused_with_a_reason(rel: str, reason: str) -> None:
    data = (EVAL_FILES / rel).read_bytes()
    with pytest.raises(UnreadableDocument) as info:
        extract_document(Path(rel).name, data)
    assert reason.lower() in info.value.reason.lower()


@needs_eval
@pytest.mark.parametrize("path", _readable_files(), ids=lambda p: p.name)
def test_real_files_give_text(path: Path) -> None:
    doc = extract_document(path.name, path.read_bytes())
    assert doc.kind == path.suffix.lower().lstrip(".")
    assert len(doc.text) > 300
    assert "\u200b" not in doc.text
