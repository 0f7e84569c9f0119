"""Every file kind in ../shared/eval/files: readable ones give text, broken ones a clear reason."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cvmatch_app.engine import UnreadableDocument, extract_document

EVAL_FILES = Path(__file__).resolve().parents[2] / ".." / "shared" / "eval" / "files"
needs_eval = pytest.mark.skipif(
    not EVAL_FILES.is_dir(),
    reason=f"NOT RUN: {EVAL_FILES.resolve()} is missing (put a copy of shared/ beside the clone to run these)",
)


def test_the_eval_files_are_there_when_ci_says_so() -> None:
    """CI runs with a copy of shared/ beside the clone: there a missing folder is a failure, not a skip."""
    if os.environ.get("CI", "").lower() != "true":
        if not EVAL_FILES.is_dir():
            pytest.skip(f"NOT RUN: {EVAL_FILES.resolve()} is missing; the real-file tests below are skipped too")
        return
    assert EVAL_FILES.is_dir(), f"CI=true but {EVAL_FILES.resolve()} is missing: the real-file tests did not run"
    assert _readable_files(), f"{EVAL_FILES.resolve()} holds no PDF, DOCX or TXT"


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


ACCOUNTANT_JD = (
    "Staff Accountant\nRequirements:\n- Bachelor's degree in Accounting\n- 2+ years of accounting experience\n"
    "- Accounts payable and receivable, reconciliations, tax returns\n- QuickBooks or Excel\nCPA preferred."
)
DEVOPS_JD = (
    "DevOps Engineer\nRequirements:\n- 3+ years of DevOps or SRE experience\n- AWS, Docker and Kubernetes\n"
    "- Terraform or Ansible\n- CI/CD pipelines (Jenkins or GitHub Actions)\n- Linux and Python or Bash scripting"
)


@needs_eval
@pytest.mark.parametrize(
    "rel, accountant_band, devops_band",
    [
        ("soupboss/ref_data__resumes__01-Accountant.pdf", "high", "low"),
        ("soupboss/ref_data__resumes__02-Accountant.docx", "high", "low"),
        ("soupboss/data__resumes__DevOps-Sample2.pdf", "low", "high"),
        ("soupboss/data__resumes__aws-devops-engineer-resume-example.pdf", "low", "high"),
        ("soupboss/ref_data__resumes__01-Office Coordinator.pdf", "low", "low"),
    ],
)
def test_real_cvs_rank_by_occupation(rel: str, accountant_band: str, devops_band: str) -> None:
    from cvmatch_app.engine import LocalEngine

    engine = LocalEngine()
    doc = extract_document(Path(rel).name, (EVAL_FILES / rel).read_bytes())
    for jd, band in ((ACCOUNTANT_JD, accountant_band), (DEVOPS_JD, devops_band)):
        score = engine.assess_sync(engine.prepare_job(jd), doc.text, doc.flags).score
        assert (score >= 60) if band == "high" else (score < 40), (rel, jd[:20], score)


@needs_eval
def test_same_cv_as_pdf_and_docx_scores_alike() -> None:
    from cvmatch_app.engine import LocalEngine

    engine = LocalEngine()
    job = engine.prepare_job(ACCOUNTANT_JD)
    scores = []
    for name in ("ref_data__resumes__02-Accountant.pdf", "ref_data__resumes__02-Accountant.docx"):
        doc = extract_document(name, (EVAL_FILES / "soupboss" / name).read_bytes())
        scores.append(engine.assess_sync(job, doc.text, doc.flags).score)
    assert abs(scores[0] - scores[1]) <= 5, scores
