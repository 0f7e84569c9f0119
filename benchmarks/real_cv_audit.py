"""The real-CV ranking set and its claim audit: loading, text cache, the claims a card states, marks.

Used by ``benchmarks/engine_quality.py`` (figures) and, from the command line, as the marking tool:

    .venv/bin/python benchmarks/real_cv_audit.py dump JD_ID [CV_FILE ...]   # claims with CV lines around
    .venv/bin/python benchmarks/real_cv_audit.py reqs [JD_ID ...]           # requirements read from the JD
    .venv/bin/python benchmarks/real_cv_audit.py table JD_ID REQUIREMENT     # one requirement over 20 CVs
    .venv/bin/python benchmarks/real_cv_audit.py grep CV_FILE WORD [WORD ...]  # CV lines holding a word
    .venv/bin/python benchmarks/real_cv_audit.py mark JD_ID CV_FILE strength|gap true|false "REQUIREMENT" [NOTE]
    .venv/bin/python benchmarks/real_cv_audit.py mark-file MARKS.tsv  # jd, cv, side, requirement, true|false[, note]
    .venv/bin/python benchmarks/real_cv_audit.py req JD_ID asked|invented "REQUIREMENT" [NOTE]

Marks live in ``benchmarks/real_cv_set/claim_marks.json`` (labels only, no CV text):

- ``claims``: one object per (jd, cv, requirement, side, quote) with ``"true": true|false``, where
  ``quote`` is a short hash of the CV line the engine quoted (``quote_key``; "" when the claim quotes
  nothing), never the line itself. A mark applies to the claim as stated: when the engine later quotes
  another line for the same requirement, the claim is unmarked again. A strength is
  true when the quoted CV line really shows the requirement or a true equivalent; a gap is true when
  the CV really does not show it (anywhere, not only on the quoted line).
- ``requirements``: one object per (jd, requirement) with ``"mark": "asked"|"invented"``: invented
  when the JD does not ask for it ("Master" read from "vendor master data").

The CV files are ``../shared/eval/real_cvs/*.pdf`` beside the checkout (override with the
``CVMATCH_REAL_CVS`` environment variable); they never enter the repository. Extracted text is cached
in the system temp folder, keyed by file content and by the source of the engine's readers.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cvmatch_app.engine import Assessment, UnreadableDocument, extract_document  # noqa: E402

SET_DIR = ROOT / "benchmarks" / "real_cv_set"
LABELS = SET_DIR / "labels.json"
HELDOUT_LABELS = SET_DIR / "heldout_labels.json"  # ranked apart, never tuned on (see its "about")
MARKS = SET_DIR / "claim_marks.json"
DEFAULT_CVS = ROOT / ".." / "shared" / "eval" / "real_cvs"
READER_SOURCES = ("extract*.py", "pdf_*.py", "text_clean.py")
STRENGTH = "strength"
GAP = "gap"
QUOTE_HASH_CHARS = 10


def real_cvs_dir() -> Path:
    override = os.environ.get("CVMATCH_REAL_CVS")
    if override:
        return Path(override)
    # A worktree may sit deeper than the main checkout: look upward for shared/eval/real_cvs.
    for parent in ROOT.parents:
        candidate = parent / "shared" / "eval" / "real_cvs"
        if candidate.is_dir():
            return candidate
    return DEFAULT_CVS


@dataclass
class Job:
    jd: str
    title: str
    text: str
    cvs: list[str]
    top5: list[str]
    grades: dict[str, int]


def load_jobs(labels: Path = LABELS) -> list[Job]:
    data = json.loads(labels.read_text(encoding="utf-8"))
    jobs = []
    for row in data["jobs"]:
        text = (SET_DIR / row["jd_file"]).read_text(encoding="utf-8")
        jobs.append(Job(row["jd"], row["title"], text, row["cvs"], row["top5"], row["grades"]))
    return jobs


# ----------------------------------------------------------------------------- CV text, cached
def _reader_key() -> str:
    digest = hashlib.sha1()
    engine = ROOT / "cvmatch_app" / "engine"
    for pattern in READER_SOURCES:
        for path in sorted(engine.glob(pattern)):
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def cache_dir() -> Path:
    folder = Path(tempfile.gettempdir()) / "cvmatch_real_cv_text" / _reader_key()
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def cv_text(name: str, source: Path | None = None, cache: Path | None = None) -> str:
    """The engine's extract_document text of one real CV ('' when unreadable), cached."""
    source = source or real_cvs_dir()
    cache = cache or cache_dir()
    data = (source / name).read_bytes()
    cached = cache / f"{hashlib.sha1(data).hexdigest()[:16]}.txt"
    if cached.exists():
        return cached.read_text(encoding="utf-8")
    try:
        text = extract_document(name, data).text
    except UnreadableDocument:
        text = ""
    cached.write_text(text, encoding="utf-8")
    return text


# ----------------------------------------------------------------------------- ranking metrics
TOP_K = 5
TIE_WINDOW = 10


def precision_at_k(scores: list[float], relevant: set[int], k: int = TOP_K) -> float:
    """Share of the top k that is relevant; CVs tied at the cut share the remaining places."""
    cut = sorted(scores, reverse=True)[k - 1]
    above = [i for i, s in enumerate(scores) if s > cut]
    tied = [i for i, s in enumerate(scores) if s == cut]
    share = (k - len(above)) / len(tied)
    hits = sum(1 for i in above if i in relevant) + share * sum(1 for i in tied if i in relevant)
    return hits / k


def tie_aware_rank(scores: list[float], index: int) -> float:
    """1-based rank; a CV tied with others gets the middle of their ranks."""
    higher = sum(1 for s in scores if s > scores[index])
    equal = sum(1 for s in scores if s == scores[index])
    return higher + (equal + 1) / 2


def tie_groups(scores: list[float], window: int = TIE_WINDOW) -> tuple[int, int]:
    """(groups of two or more equal scores among the top window, CVs in them)."""
    top = sorted(scores, reverse=True)[:window]
    counts = Counter(top)
    groups = [n for n in counts.values() if n > 1]
    return len(groups), sum(groups)


# ----------------------------------------------------------------------------- claims on a card
@dataclass
class Claim:
    requirement: str
    side: str  # STRENGTH | GAP
    card_text: str
    cv_line: str = ""
    found: str = ""
    kind: str = ""
    category: str = ""
    jd_line: str = ""


@dataclass
class Card:
    score: int
    claims: list[Claim] = field(default_factory=list)
    contradictions: list[str] = field(default_factory=list)


_QUOTE_RE = re.compile(r'"(.*)"\s*$')


def _matching_row(text: str, side: str, rows: list[dict]) -> dict | None:
    best = None
    for row in rows:
        label = row.get("requirement", "")
        if not label:
            continue
        if text.startswith(label) and (best is None or len(label) > len(best["requirement"])):
            best = row
    if best is not None:
        return best
    if side == STRENGTH:
        # "6.5 years of relevant experience (3+ required)", "2 years as sous chef (1+ required)": the
        # years requirement it answers, by its figure and, when the card says it, its subject.
        years_rows = [
            r for r in rows if r.get("category") == "years" and f"({r['requirement'].split('+', 1)[0]}+" in text
        ]
        named = [r for r in years_rows if r["requirement"].split(" ", 2)[-1] in text]
        if named or "relevant experience" in text:
            return (named or years_rows or [None])[0]
    return None


def _parsed_name(text: str) -> str:
    return re.split(r" \(|: ", text, maxsplit=1)[0].strip()


def card_of(assessment: Assessment) -> Card:
    """The strengths and gaps the card states, each tied to the requirement it names."""
    rows = assessment.evidence or []
    card = Card(score=assessment.score)
    for side, items in ((STRENGTH, assessment.strengths), (GAP, assessment.gaps)):
        for text in items:
            row = _matching_row(text, side, rows)
            if row is not None:
                claim = Claim(
                    requirement=row["requirement"],
                    side=side,
                    card_text=text,
                    cv_line=row.get("cv_line", ""),
                    found=row.get("found", ""),
                    kind=row.get("kind", ""),
                    category=row.get("category", ""),
                    jd_line=row.get("jd_line", ""),
                )
            else:
                quote = _QUOTE_RE.search(text)
                claim = Claim(_parsed_name(text), side, text, cv_line=quote.group(1) if quote else "")
            card.claims.append(claim)
    shown = {STRENGTH: set(), GAP: set()}
    for claim in card.claims:
        shown[claim.side].add(claim.requirement.strip().lower())
    card.contradictions = sorted(shown[STRENGTH] & shown[GAP])
    return card


# ----------------------------------------------------------------------------- marks
def quote_key(cv_line: str) -> str:
    """A short hash of the quoted CV line (case and spacing ignored); "" when nothing is quoted.

    The marks file keeps this instead of the line, so no CV text enters the repository.
    """
    normal = " ".join(cv_line.lower().split())
    if not normal:
        return ""
    return hashlib.sha1(normal.encode("utf-8")).hexdigest()[:QUOTE_HASH_CHARS]


ClaimKey = tuple[str, str, str, str, str]  # jd, cv, requirement, side, quote_key


@dataclass
class Marks:
    claims: dict[ClaimKey, bool]
    requirements: dict[tuple[str, str], str]
    notes: dict[ClaimKey, str]
    requirement_notes: dict[tuple[str, str], str] = field(default_factory=dict)

    def claim(self, jd: str, cv: str, requirement: str, side: str, cv_line: str = "") -> bool | None:
        """The mark of this claim as stated: same requirement, side and quoted CV line."""
        return self.claims.get((jd, cv, requirement, side, quote_key(cv_line)))

    def of(self, jd: str, cv: str, claim: Claim) -> bool | None:
        return self.claim(jd, cv, claim.requirement, claim.side, claim.cv_line)

    def requirement(self, jd: str, requirement: str) -> str | None:
        return self.requirements.get((jd, requirement))


def load_marks(path: Path = MARKS) -> Marks:
    if not path.exists():
        return Marks({}, {}, {}, {})
    data = json.loads(path.read_text(encoding="utf-8"))
    claims, notes = {}, {}
    for row in data.get("claims", []):
        key = (row["jd"], row["cv"], row["requirement"], row["side"], row.get("quote", ""))
        claims[key] = bool(row["true"])
        if row.get("note"):
            notes[key] = row["note"]
    requirements = {(row["jd"], row["requirement"]): row["mark"] for row in data.get("requirements", [])}
    requirement_notes = {
        (row["jd"], row["requirement"]): row["note"] for row in data.get("requirements", []) if row.get("note")
    }
    return Marks(claims, requirements, notes, requirement_notes)


def save_marks(marks: Marks, path: Path = MARKS) -> None:
    claims = []
    for (jd, cv, requirement, side, quote), value in sorted(marks.claims.items()):
        row = {"jd": jd, "cv": cv, "requirement": requirement, "side": side, "quote": quote, "true": value}
        note = marks.notes.get((jd, cv, requirement, side, quote))
        if note:
            row["note"] = note
        claims.append(row)
    requirements = []
    for (jd, requirement), mark in sorted(marks.requirements.items()):
        row = {"jd": jd, "requirement": requirement, "mark": mark}
        note = marks.requirement_notes.get((jd, requirement))
        if note:
            row["note"] = note
        requirements.append(row)
    about = (
        "Claim audit of the local engine on the real-CV set, marked by reading the CVs. "
        "claims: (jd, cv, requirement, side, quote = short hash of the quoted CV line) -> true/false; "
        "requirements: (jd, requirement) -> asked/invented."
    )
    path.write_text(
        json.dumps({"about": about, "claims": claims, "requirements": requirements}, indent=0, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )


# ----------------------------------------------------------------------------- command line (marking tool)
def _context(text: str, needle: str, around: int = 1) -> list[str]:
    lines = text.splitlines()
    needle = needle.strip()[:60]
    if not needle:
        return []
    for i, line in enumerate(lines):
        if needle and needle in line:
            span = range(max(0, i - around), min(len(lines), i + around + 1))
            return [("> " if j == i else "  ") + lines[j] for j in span]
    return ["  (quoted line not found verbatim in the extracted text)"]


def _engine_cards(job: Job, names: list[str]) -> dict[str, Card]:
    from cvmatch_app.engine import LocalEngine

    engine = LocalEngine()
    profile = engine.prepare_job(job.text)
    return {name: card_of(engine.assess_sync(profile, cv_text(name), [])) for name in names}


def _find_job(jd: str) -> Job:
    for job in load_jobs():
        if job.jd == jd:
            return job
    raise SystemExit(f"no job {jd!r} in {LABELS}")


def _mark_current(marks: Marks, rows: list[tuple[str, str, str, str, bool, str]]) -> None:
    """Mark claims as the engine states them today: the key takes the line each claim quotes now."""
    wanted: dict[str, set[str]] = {}
    for jd, name, *_ in rows:
        wanted.setdefault(jd, set()).add(name if name.endswith(".pdf") else name + ".pdf")
    cards = {
        (jd, name): card
        for jd, names in wanted.items()
        for name, card in _engine_cards(_find_job(jd), sorted(names)).items()
    }
    for jd, name, side, requirement, value, note in rows:
        name = name if name.endswith(".pdf") else name + ".pdf"
        claims = [c for c in cards[(jd, name)].claims if c.requirement == requirement and c.side == side]
        if not claims:
            raise SystemExit(f"{jd} / {name} states no {side} {requirement!r} today")
        key = (jd, name, requirement, side, quote_key(claims[0].cv_line))
        marks.claims[key] = value
        if note:
            marks.notes[key] = note


def main(argv: list[str]) -> None:
    if not argv or argv[0] not in ("dump", "reqs", "table", "grep", "mark", "mark-file", "req"):
        print(__doc__)
        return
    command, rest = argv[0], argv[1:]
    marks = load_marks()
    if command == "mark":
        jd, name, side, value, requirement = rest[:5]
        if side not in (STRENGTH, GAP) or value not in ("true", "false"):
            raise SystemExit("usage: mark JD_ID CV_FILE strength|gap true|false REQUIREMENT [NOTE]")
        _mark_current(marks, [(jd, name, side, requirement, value == "true", rest[5] if len(rest) > 5 else "")])
        save_marks(marks)
        return
    if command == "mark-file":
        rows = []
        for line in Path(rest[0]).read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                jd, name, side, requirement, value, *note = line.split("\t")
                if side not in (STRENGTH, GAP) or value not in ("true", "false"):
                    raise SystemExit(f"bad line (jd, cv, side, requirement, true|false, note): {line!r}")
                rows.append((jd, name, side, requirement, value == "true", note[0] if note else ""))
        _mark_current(marks, rows)
        save_marks(marks)
        print(f"marked {len(rows)} claims")
        return
    if command == "req":
        jd, value, requirement = rest[:3]
        if value not in ("asked", "invented"):
            raise SystemExit("usage: req JD_ID asked|invented REQUIREMENT [NOTE]")
        marks.requirements[(jd, requirement)] = value
        if len(rest) > 3:
            marks.requirement_notes[(jd, requirement)] = rest[3]
        save_marks(marks)
        return
    if command == "grep":
        name, words = rest[0], [w.lower() for w in rest[1:]]
        for i, line in enumerate(cv_text(name).splitlines()):
            if any(w in line.lower() for w in words):
                print(f"{i:4d}: {line}")
        return
    if command == "reqs":
        from cvmatch_app.engine import LocalEngine

        engine = LocalEngine()
        for job in load_jobs():
            if rest and job.jd not in rest:
                continue
            print(f"== {job.jd}")
            for req in engine.prepare_job(job.text).requirements:
                mark = marks.requirement(job.jd, req.label) or "UNMARKED"
                print(f"  [{mark}] {req.kind} {req.category} {req.label!r} <- {req.source[:100]!r}")
        return
    job = _find_job(rest[0])
    if command == "table":
        requirement = rest[1]
        cards = _engine_cards(job, job.cvs)
        for name, card in cards.items():
            for claim in card.claims:
                if claim.requirement == requirement:
                    mark = marks.of(job.jd, name, claim)
                    shown = "UNMARKED" if mark is None else str(mark).lower()
                    print(f"{name} {claim.side:8} [{shown}] found={claim.found!r} line={claim.cv_line[:120]!r}")
        return
    names = [n if n.endswith(".pdf") else n + ".pdf" for n in rest[1:]] or job.cvs
    cards = _engine_cards(job, names)
    for name, card in cards.items():
        text = cv_text(name)
        print(f"\n=== {job.jd} / {name}  score {card.score}  grade {job.grades.get(name)}")
        if card.contradictions:
            print(f"  CONTRADICTION: {card.contradictions}")
        for claim in card.claims:
            mark = marks.of(job.jd, name, claim)
            shown = "UNMARKED" if mark is None else str(mark).lower()
            print(f"  [{shown}] {claim.side}: {claim.card_text}")
            for line in _context(text, claim.cv_line) if claim.cv_line else []:
                print(f"        {line[:160]}")


if __name__ == "__main__":
    main(sys.argv[1:])
