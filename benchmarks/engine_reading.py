"""How well the engine reads roles and dates, against labels made by reading the CVs.

    .venv/bin/python benchmarks/engine_reading.py            # all figures
    .venv/bin/python benchmarks/engine_reading.py --detail   # also each CV's misses
    .venv/bin/python benchmarks/engine_reading.py --text-dir DIR   # real CVs' text from DIR/<name>.txt

Labelled set: benchmarks/labels/reading_labels.json — 41 real CVs from ../shared/eval/real_cvs
(used when that folder is beside the checkout; the script says so when it is not) and 20 DOCX/TXT
CVs written for this project (benchmarks/reading_fixtures.py makes them and their labels).

Prints, per set and overall:
- role recall: labelled roles found with a matching title (one parsed role per labelled role),
- date accuracy: found roles whose start and end match the label (to the month when the label
  has one, else the year; "present" must be read as ongoing),
- most-recent-role accuracy: the "most recent role" the executive summary names matches the label,
- years within 0.5: CVs whose total dated years is within half a year of the labels' total,
- "no dated work history": CVs whose summary says so.
Then, on every real CV: the share of summaries with "No dated work history" and the keyword
stuffing flag rate. Targets: each accuracy >= 95 %.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rapidfuzz import fuzz  # noqa: E402

HERE = Path(__file__).resolve().parent
LABELS = HERE / "labels" / "reading_labels.json"
FIXTURES = HERE / "reading_fixtures"
# ../shared beside the checkout (a worktree under wt/ looks two levels up).
REAL_CVS = next(
    (p / "shared" / "eval" / "real_cvs" for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared" / "eval").is_dir()),
    ROOT.parent / "shared" / "eval" / "real_cvs",
)
TODAY = dt.date(2026, 11, 1)  # what "Present" means, for labels and engine alike
NOW = TODAY.year + (TODAY.month - 1) / 12 + 1 / 12
TITLE_MATCH = 85  # rapidfuzz ratio on normalised titles
YEARS_TOLERANCE = 0.5
NO_HISTORY = "No dated work history could be read"
JD = "Team Member\nRequirements:\n- 2+ years of work experience\n- Good communication skills"
# "Most recently Head Chef. 25 years of dated work ..." (older wording: "...; most recent role: Head Chef.")
_SUMMARY_ROLE_RE = re.compile(
    r"Most recently (.+?)\. (?=\S+ (?:years?|months?) of dated|No dated|no time)"
    r"|most recent role: (.+?)\.(?= (?:Meets|The CV|Main gap|No must-have)|$)"
)


def norm(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", title.lower()).strip()


def title_matches(label: str, parsed: str) -> bool:
    return fuzz.ratio(norm(label), norm(parsed)) >= TITLE_MATCH


def _label_point(text: str, is_end: bool, present: float = NOW) -> float:
    if text == "present":
        return present
    if len(text) == 4:
        return float(text)
    year, month = int(text[:4]), int(text[5:7])
    return year + (month - 1) / 12 + (1 / 12 if is_end else 0.0)


def label_years(roles: list[dict], present: float = NOW) -> float:
    """The labels' total; "present" is ``present`` (today, or the old CV's own date the engine read)."""
    from cvmatch_app.engine.experience import merged_years

    spans = []
    for r in roles:
        start, end = _label_point(r["start"], False, present), _label_point(r["end"], True, present)
        spans.append((start, end if end > start else start + 0.5))  # "2019 - 2019": some months
    return merged_years(spans)


def point_matches(label: str, value: float, is_end: bool, ongoing: bool) -> bool:
    if label == "present":
        return ongoing
    if ongoing:
        return False
    if len(label) == 4:
        return int(value + 1e-6) == int(label) or (is_end and abs(value - int(label)) < 1e-6)
    if is_end:
        value -= 1 / 12
    year = int(value + 1e-6)
    month = int(round((value - year) * 12)) + 1
    return (year, month) == (int(label[:4]), int(label[5:7]))


def role_ongoing(role) -> bool:
    return bool(getattr(role, "ongoing", role.end >= NOW - 1 / 24))  # closed at an old CV's date: still ongoing


def score_cv(label: dict, text: str, engine, job) -> dict:
    from cvmatch_app.engine.cv_profile import build_cv_profile
    from cvmatch_app.engine.text_clean import normalize_text

    clean, _ = normalize_text(text)
    cv = build_cv_profile(clean, NOW)
    summary = engine.assess_sync(job, text, []).executive_summary
    used: set[int] = set()
    found = dated = 0
    misses: list[str] = []
    for want in label["roles"]:
        candidates = [i for i, r in enumerate(cv.roles) if i not in used and title_matches(want["title"], r.title)]

        def dates_ok(i: int, want: dict = want) -> bool:
            r = cv.roles[i]
            ongoing = role_ongoing(r)
            return point_matches(want["start"], r.start, False, False) and point_matches(
                want["end"], r.end, True, ongoing
            )

        if not candidates:
            misses.append(f"missed {want['title']} {want['start']}..{want['end']}")
            continue
        best = next((i for i in candidates if dates_ok(i)), candidates[0])
        used.add(best)
        found += 1
        if dates_ok(best):
            dated += 1
        else:
            r = cv.roles[best]
            misses.append(f"dates {want['title']}: want {want['start']}..{want['end']}, got {r.date_text!r}")
    match = _SUMMARY_ROLE_RE.search(summary)
    recent = (match.group(1) or match.group(2)) if match else ""
    recent_ok = title_matches(label["most_recent"], recent)
    if not recent_ok:
        misses.append(f"most recent: want {label['most_recent']!r}, summary says {recent!r}")
    # "Present" on an old CV is its own date (experience.cv_as_of, measured by the claim audit); this
    # benchmark measures the reading of roles and dates, so the labels' "present" takes the same date.
    want_years = label_years(label["roles"], cv.dated_as_of or NOW)
    years_ok = abs(cv.total_years - want_years) <= YEARS_TOLERANCE
    if not years_ok:
        misses.append(f"years: want {want_years:.2f}, got {cv.total_years:.2f}")
    return {
        "roles": len(label["roles"]),
        "found": found,
        "dated": dated,
        "recent_ok": recent_ok,
        "years_ok": years_ok,
        "no_history": NO_HISTORY in summary,
        "misses": misses,
    }


def report(name: str, rows: list[dict]) -> None:
    if not rows:
        return
    roles = sum(r["roles"] for r in rows)
    found = sum(r["found"] for r in rows)
    dated = sum(r["dated"] for r in rows)
    n = len(rows)

    def pct(a: int, b: int) -> str:
        return f"{100 * a / b:5.1f} %" if b else "  n/a"

    print(
        f"{name:<22} CVs {n:3d}  role recall {pct(found, roles)} ({found}/{roles})"
        f"  date accuracy {pct(dated, found)}  most recent {pct(sum(r['recent_ok'] for r in rows), n)}"
        f"  years ±0.5 {pct(sum(r['years_ok'] for r in rows), n)}"
        f"  'no dated work history' {sum(r['no_history'] for r in rows)}"
    )


def main() -> None:
    from cvmatch_app.engine import Document, LocalEngine, UnreadableDocument, extract_document
    from cvmatch_app.engine.types import FLAG_KEYWORD_STUFFING

    detail = "--detail" in sys.argv
    labels = json.loads(LABELS.read_text())
    engine = LocalEngine(today=TODAY)
    job = engine.prepare_job(JD)
    sets: dict[str, list[dict]] = {"real PDF": [], "made DOCX": [], "made TXT": []}
    real_docs = {}
    text_dir = Path(sys.argv[sys.argv.index("--text-dir") + 1]) if "--text-dir" in sys.argv else None
    if REAL_CVS.is_dir():
        for path in sorted(REAL_CVS.glob("*.pdf")):
            try:
                if text_dir:  # another reader's text for the same files (name.txt), to compare readers
                    real_docs[path.name] = Document((text_dir / f"{path.stem}.txt").read_text(), "pdf")
                else:
                    real_docs[path.name] = extract_document(path.name, path.read_bytes())
            except UnreadableDocument:
                pass
        for label in labels["real_pdf"]:
            row = score_cv(label, real_docs[label["file"]].text, engine, job)
            sets["real PDF"].append(row)
            if detail and row["misses"]:
                print(label["file"], *row["misses"], sep="\n  ")
    else:
        print(f"{REAL_CVS} is not here: real PDFs skipped, only the made DOCX/TXT CVs are measured")
    for label in labels["made"]:
        path = FIXTURES / label["file"]
        doc = extract_document(path.name, path.read_bytes())
        row = score_cv(label, doc.text, engine, job)
        sets["made DOCX" if path.suffix == ".docx" else "made TXT"].append(row)
        if detail and row["misses"]:
            print(label["file"], *row["misses"], sep="\n  ")
    print()
    for name, rows in sets.items():
        report(name, rows)
    report("all labelled", [r for rows in sets.values() for r in rows])

    if real_docs:
        no_history = stuffing = 0
        read = len(real_docs)
        for doc in real_docs.values():
            result = engine.assess_sync(job, doc.text, doc.flags)
            no_history += NO_HISTORY in result.executive_summary
            stuffing += FLAG_KEYWORD_STUFFING in result.flags
        print(
            f"\nall {read} real CVs: '{NO_HISTORY}' in {no_history} summaries ({100 * no_history / read:.1f} %), "
            f"keyword stuffing flag on {stuffing} ({100 * stuffing / read:.1f} %)"
        )


if __name__ == "__main__":
    main()
