"""Speed and memory of the engine on this machine.

    .venv/bin/python benchmarks/engine_speed.py

Prints: extraction time per file type (median and worst) on ../shared/eval/files when it is beside
the checkout (else on fixtures made here), scoring time per CV after extraction, a 25-CV job end to end
(extract + prepare + score, in process), cold start (import + first assessment) and peak memory.
Targets: scoring <= 5 ms per CV, PDF extraction median <= 50 ms, peak memory < 500 MB.
PDF reading on the real builder CVs, against the old pypdf reader: ``benchmarks/pdf_reading_speed.py``.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

EVAL_FILES = next(
    (p / "shared" / "eval" / "files" for p in ROOT.parents if (p / "shared" / "eval" / "files").is_dir()),
    ROOT / ".." / "shared" / "eval" / "files",
)  # beside the checkout, or above a worktree


def cold_start() -> float:
    code = (
        "import time; t=time.perf_counter();"
        "from cvmatch_app.engine import LocalEngine;"
        "e=LocalEngine(); j=e.prepare_job('Registered Nurse. Requirements: RN license, BLS, 2+ years ICU.');"
        "e.assess_sync(j, 'Staff Nurse, ICU 2019 - Present. RN license, BLS.', []);"
        "print(time.perf_counter()-t)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def main() -> None:
    from cvmatch_app.engine import LocalEngine, UnreadableDocument, extract_document
    from tests.engine.cases import CVS, JOBS
    from tests.engine.makers import make_docx, make_pdf, text_block

    files: list[tuple[str, bytes]] = []
    if EVAL_FILES.is_dir():
        source = "../shared/eval/files"
        for path in sorted(EVAL_FILES.rglob("*")):
            if path.is_file() and path.suffix.lower() in (".pdf", ".docx", ".txt"):
                files.append((path.name, path.read_bytes()))
    else:
        source = "fixtures made here (../shared/eval/files not found)"
        for name, cv in CVS.items():
            lines = cv.split("\n")
            files.append((f"{name}.pdf", make_pdf([text_block(lines, size=10)])))
            files.append((f"{name}.docx", make_docx(lines)))
            files.append((f"{name}.txt", cv.encode()))

    load = os.getloadavg()[0]
    print(f"Load average at start: {load:.1f} on {os.cpu_count()} CPUs (per-item times are CPU time, best of 3)")
    print(f"Extraction ({source}), each file read 3 times, best of 3:")
    by_kind: dict[str, list[float]] = {}
    texts: list[str] = []
    for name, data in files:
        best = float("inf")
        for _ in range(3):
            started = time.process_time()
            try:
                doc = extract_document(name, data)
            except UnreadableDocument:
                doc = None
            best = min(best, time.process_time() - started)
        if doc is not None:
            by_kind.setdefault(doc.kind, []).append(best * 1000)
            texts.append(doc.text)
    for kind, times in sorted(by_kind.items()):
        print(f"  {kind:5s} n={len(times):3d}  median {statistics.median(times):6.1f} ms  worst {max(times):6.1f} ms")

    engine = LocalEngine()
    cvs = texts + list(CVS.values())
    jobs = [engine.prepare_job(jd) for jd in JOBS.values()]
    started = time.perf_counter()
    for jd in JOBS.values():
        engine.prepare_job(jd)
    prepare_ms = (time.perf_counter() - started) * 1000 / len(JOBS)
    timings = []
    for job in jobs:
        for cv in cvs:
            started = time.process_time()
            engine.assess_sync(job, cv, [])
            timings.append((time.process_time() - started) * 1000)
    timings.sort()
    print(f"\nJob analysis (prepare_job): {prepare_ms:.1f} ms per job")
    print(
        f"Scoring after extraction: {len(timings)} assessments, median {statistics.median(timings):.2f} ms, "
        f"p95 {timings[int(len(timings) * 0.95)]:.2f} ms, worst {timings[-1]:.2f} ms"
    )

    batch = (files * 3)[:25]
    started = time.perf_counter()
    job = engine.prepare_job(next(iter(JOBS.values())))
    scored = 0
    for name, data in batch:
        try:
            text = extract_document(name, data).text
        except UnreadableDocument:
            continue
        engine.assess_sync(job, text, [])
        scored += 1
    print(
        f"25-file job end to end in process (extract + score): {time.perf_counter() - started:.2f} s ({scored} scored)"
    )
    print(f"Cold start (new process: import, analyse a job, score one CV): {cold_start():.2f} s")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"Peak memory (max RSS of this process): {peak:.0f} MB")


if __name__ == "__main__":
    main()
