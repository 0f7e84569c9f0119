"""How fast PDFs are read, and how often each flag is raised, on real CVs: the reading path of
this checkout against the one before PDFium (pypdf's text with its own hidden-text pass).

    .venv/bin/python benchmarks/pdf_reading_speed.py [--repeat 3] [--old-repeat 1] [--no-old]

Reads every PDF in ``../shared/eval/real_cvs`` (found beside the checkout or above a worktree;
``CVMATCH_REAL_CVS`` overrides); says so and stops when the folder is not there (the files never
enter the repository). Times are CPU time per ``extract_document`` call (hidden-text detection on),
best of ``--repeat``; median, p90 and worst over the files. The old path is the engine at
``OLD_READER_COMMIT`` taken from git history and run in a child process.
Targets: median <= 25 ms, p90 <= 60 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

OLD_READER_COMMIT = "0bfcca6"  # the last engine that read PDFs with pypdf only
TARGET_MEDIAN_MS = 25.0
TARGET_P90_MS = 60.0

_TIMER = """
import json, sys, time
from pathlib import Path
from cvmatch_app.engine import UnreadableDocument, extract_document
repeat = int(sys.argv[2])
out = {}
for path in sorted(Path(sys.argv[1]).glob("*.pdf")):
    data = path.read_bytes()
    best, flags, error = float("inf"), [], None
    for _ in range(repeat):
        started = time.process_time()
        try:
            flags = extract_document(path.name, data).flags
        except UnreadableDocument as exc:
            error = exc.reason
        best = min(best, time.process_time() - started)
    out[path.name] = {"ms": best * 1000, "flags": flags, "error": error}
print(json.dumps(out))
"""


def real_cvs_dir() -> Path | None:
    override = os.environ.get("CVMATCH_REAL_CVS")
    if override:
        return Path(override) if Path(override).is_dir() else None
    for parent in ROOT.parents:
        candidate = parent / "shared" / "eval" / "real_cvs"
        if candidate.is_dir():
            return candidate
    return None


def measure(code_root: Path, folder: Path, repeat: int) -> dict[str, dict]:
    """Time every PDF with the engine found under ``code_root``, in a child process."""
    env = {**os.environ, "PYTHONPATH": str(code_root)}
    result = subprocess.run(
        [sys.executable, "-c", _TIMER, str(folder), str(repeat)],
        cwd=code_root,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def old_engine(workdir: Path) -> Path | None:
    """The engine at OLD_READER_COMMIT, unpacked from git history (None when git cannot give it)."""
    archive = workdir / "old.tar"
    try:
        with archive.open("wb") as out:
            subprocess.run(
                ["git", "archive", OLD_READER_COMMIT, "cvmatch_app/__init__.py", "cvmatch_app/engine"],
                cwd=ROOT,
                stdout=out,
                stderr=subprocess.DEVNULL,
                check=True,
            )
        with tarfile.open(archive) as tar:
            tar.extractall(workdir / "old", filter="data")
    except (OSError, subprocess.CalledProcessError, tarfile.TarError):
        return None
    return workdir / "old"


def report(label: str, results: dict[str, dict]) -> None:
    times = sorted(r["ms"] for r in results.values())
    p90 = times[min(len(times) - 1, int(len(times) * 0.9))]
    print(f"  {label:32s} median {statistics.median(times):6.1f} ms   p90 {p90:6.1f} ms   worst {times[-1]:6.1f} ms")


def flag_rates(label: str, results: dict[str, dict]) -> None:
    counts = Counter(flag for r in results.values() for flag in r["flags"])
    refused = sum(1 for r in results.values() if r["error"])
    total = len(results)
    shown = ", ".join(f"{flag} {n}/{total} ({n / total:.0%})" for flag, n in sorted(counts.items())) or "none"
    print(f"  {label:32s} {shown}; refused {refused}/{total}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3, help="reads per file for this checkout (best is kept)")
    parser.add_argument("--old-repeat", type=int, default=1, help="reads per file for the old path")
    parser.add_argument("--no-old", action="store_true", help="skip the old path (it takes minutes)")
    args = parser.parse_args()

    folder = real_cvs_dir()
    if folder is None:
        print("../shared/eval/real_cvs was not found beside the checkout (set CVMATCH_REAL_CVS): nothing measured.")
        return
    count = len(list(folder.glob("*.pdf")))
    print(f"{count} PDFs in {folder}; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(f"CPU time per extract_document (hidden-text detection on), targets: median <= {TARGET_MEDIAN_MS:.0f} ms,")
    print(f"p90 <= {TARGET_P90_MS:.0f} ms")
    started = time.perf_counter()
    new = measure(ROOT, folder, args.repeat)
    report(f"this checkout (best of {args.repeat})", new)
    old = None
    if not args.no_old:
        with tempfile.TemporaryDirectory() as workdir:
            code = old_engine(Path(workdir))
            if code is None:
                print(f"  old path: commit {OLD_READER_COMMIT} is not in this repository's history: not measured")
            else:
                old = measure(code, folder, args.old_repeat)
                report(f"pypdf path {OLD_READER_COMMIT} (best of {args.old_repeat})", old)
    print("Flag rates (files flagged / files):")
    flag_rates("this checkout", new)
    if old is not None:
        flag_rates(f"pypdf path {OLD_READER_COMMIT}", old)
    print(f"({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
