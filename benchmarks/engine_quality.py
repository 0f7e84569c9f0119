"""Ranking quality of the local engine next to simple baselines (TF-IDF cosine, BM25, keyword overlap).

    .venv/bin/python benchmarks/engine_quality.py

Data: the project's own labelled cases (tests/engine/cases.py: the original 41 jobs from 35
occupations, 8 of them prose, 4 unknown to the lexicon, 43 CVs; and the prose set, 12 occupations
with prose JDs and 30 CVs written in other words; graded 0-3, printed separately with calibration
by grade) and, when
../shared/eval/vanetik is beside the checkout, the Vanetik & Kogan dataset (30 CVs, each ranking
5 software vacancies, two annotators).
Prints NDCG@k and Spearman per method.

Real-CV set (benchmarks/real_cv_set/, when ../shared/eval/real_cvs is beside the checkout): 12 jobs
written the way employers write them, 20 real CVs each, the reader's top 5 chosen by reading the CVs
before running the engine, and a claim audit of the engine's cards marked by reading the CVs. Prints,
for the local engine beside TF-IDF and BM25 on the same 20 CVs (text from extract_document, cached in
the temp folder): P@5 counting ties fractionally, the mean rank of the first pick, the share of picks
at >= 60 (Interview), tie groups in the top 10; and from the claim audit: true-strength and true-gap
rates over marked claims, invented requirements, contradictions (one requirement shown as a strength
and a gap on one card), and how many of today's claims are not marked yet.

    .venv/bin/python benchmarks/engine_quality.py --real-only                  # the real-CV set only
    .venv/bin/python benchmarks/engine_quality.py --real-only --list-unmarked  # claims still to mark

Held-out jobs (benchmarks/real_cv_set/heldout_labels.json): jobs written and labelled by reading after
the engine work, on occupations the rules were not tuned on (staff accountant, C#/.NET developer).
Printed apart, ranking only, beside TF-IDF and BM25: a check that a change generalises. Never tune to
them; once used for tuning, move them into labels.json (with a claim audit) and write new ones.

Re-auditing after an engine change (the marks are keyed by jd, CV file, requirement name,
strength|gap and a short hash of the CV line the claim quotes, so unchanged claims keep their marks
and a claim that now quotes another line is unmarked again):
1. Run with --list-unmarked: it prints every current claim without a mark, with the quoted CV line,
   and every requirement read from a JD that is not yet marked asked/invented.
2. For each, read the CV (``benchmarks/real_cv_audit.py dump JD CV`` shows the card with the CV lines
   around each quote; ``grep CV WORD`` finds where a gap might be shown; render the PDF with
   ``pdftoppm -png -r 50`` when the text is unclear) and add the mark to
   benchmarks/real_cv_set/claim_marks.json with ``real_cv_audit.py mark`` or ``mark-file`` (they
   key the mark by the line quoted today; {"jd", "cv", "requirement", "side", "quote", "true"}) and
   ``req`` for requirements ({"jd", "requirement", "mark": "asked"|"invented"}). A strength is true when the
   quoted line shows the requirement or a true equivalent; a gap is true when nothing in the CV
   shows it. Judge the claim, not the score.
3. Re-run: rates count marked claims only, so report the unmarked count beside them.
"""

from __future__ import annotations

import argparse
import csv
import math
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cvmatch_app.engine import LocalEngine, UnreadableDocument, extract_document, verdict_for  # noqa: E402
from cvmatch_app.engine.tokens import content_words  # noqa: E402
from tests.engine.cases import CVS, JOBS, grade  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import real_cv_audit as audit  # noqa: E402

VANETIK = ROOT / ".." / "shared" / "eval" / "vanetik"

Scorer = Callable[[str, list[str]], list[float]]  # (job text, cv texts) -> one score per CV


# ----------------------------------------------------------------------------- metrics
def ndcg(scores: list[float], gains: list[float], k: int) -> float:
    order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))[:k]
    dcg = sum((2 ** gains[i] - 1) / math.log2(rank + 2) for rank, i in enumerate(order))
    ideal = sorted(gains, reverse=True)[:k]
    idcg = sum((2**g - 1) / math.log2(rank + 2) for rank, g in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def _ranks(values: list[float]) -> list[float]:
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return ranks


def spearman(a: list[float], b: list[float]) -> float:
    ra, rb = _ranks(a), _ranks(b)
    ma, mb = sum(ra) / len(ra), sum(rb) / len(rb)
    cov = sum((x - ma) * (y - mb) for x, y in zip(ra, rb, strict=True))
    va = math.sqrt(sum((x - ma) ** 2 for x in ra))
    vb = math.sqrt(sum((y - mb) ** 2 for y in rb))
    return cov / (va * vb) if va and vb else 0.0


# ----------------------------------------------------------------------------- baselines
def _idf(docs: list[list[str]]) -> dict[str, float]:
    df: Counter[str] = Counter()
    for doc in docs:
        df.update(set(doc))
    n = len(docs)
    return {term: math.log((n + 1) / (count + 1)) + 1 for term, count in df.items()}


def tfidf_cosine(job: str, cvs: list[str]) -> list[float]:
    docs = [content_words(cv) for cv in cvs]
    query = content_words(job)
    idf = _idf(docs + [query])

    def vec(tokens: list[str]) -> dict[str, float]:
        counts = Counter(tokens)
        return {t: (1 + math.log(c)) * idf.get(t, 1.0) for t, c in counts.items()}

    q = vec(query)
    qn = math.sqrt(sum(v * v for v in q.values())) or 1.0
    out = []
    for doc in docs:
        d = vec(doc)
        dn = math.sqrt(sum(v * v for v in d.values())) or 1.0
        out.append(sum(v * d.get(t, 0.0) for t, v in q.items()) / (qn * dn))
    return out


def bm25(job: str, cvs: list[str], k1: float = 1.5, b: float = 0.75) -> list[float]:
    docs = [content_words(cv) for cv in cvs]
    query = set(content_words(job))
    n = len(docs)
    avg = sum(len(d) for d in docs) / max(n, 1)
    df: Counter[str] = Counter()
    for doc in docs:
        df.update(set(doc))
    out = []
    for doc in docs:
        counts = Counter(doc)
        score = 0.0
        for term in query:
            if term not in counts:
                continue
            idf = math.log(1 + (n - df[term] + 0.5) / (df[term] + 0.5))
            tf = counts[term]
            score += idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * len(doc) / avg))
        out.append(score)
    return out


def keyword_overlap(job: str, cvs: list[str]) -> list[float]:
    query = set(content_words(job))
    out = []
    for cv in cvs:
        words = set(content_words(cv))
        out.append(len(query & words) / len(query | words) if query | words else 0.0)
    return out


ENGINE = LocalEngine()


def local_engine(job: str, cvs: list[str]) -> list[float]:
    profile = ENGINE.prepare_job(job)
    return [float(ENGINE.assess_sync(profile, cv, []).score) for cv in cvs]


def local_engine_no_embeddings(job: str, cvs: list[str]) -> list[float]:
    """Ablation: the same engine with the static embedding model switched off."""
    from cvmatch_app.engine import extract_pdf, scoring, semantic

    modules = (semantic, scoring, extract_pdf)
    originals = [m.get_model for m in modules]
    for module in modules:
        module.get_model = lambda: None
    try:
        return local_engine(job, cvs)
    finally:
        for module, original in zip(modules, originals, strict=True):
            module.get_model = original


def static_embedding(job: str, cvs: list[str]) -> list[float]:
    """Baseline: cosine of whole-text vectors from the static MiniLM table alone."""
    from cvmatch_app.engine.embedding import get_model

    model = get_model()
    if model is None:
        return [0.0] * len(cvs)
    vectors = model.embed([job] + cvs)
    return [float(v @ vectors[0]) for v in vectors[1:]]


METHODS: dict[str, Scorer] = {
    "local engine": local_engine,
    "local, no embed": local_engine_no_embeddings,
    "static MiniLM": static_embedding,
    "TF-IDF cosine": tfidf_cosine,
    "BM25": bm25,
    "keyword overlap": keyword_overlap,
}


# ----------------------------------------------------------------------------- datasets
def own_cases() -> None:
    from tests.engine.cases import PROSE_CVS, PROSE_JOBS

    old_jobs = [j for j in JOBS if j not in PROSE_JOBS]
    old_cvs = [c for c in CVS if c not in PROSE_CVS]
    evaluate("Own labelled cases (original set)", old_jobs, old_cvs)
    evaluate("Prose set: prose JDs, CVs in other words", list(PROSE_JOBS), list(CVS))
    evaluate("All own cases", list(JOBS), list(CVS), methods=("local engine",))


def evaluate(title: str, job_ids: list[str], cv_ids: list[str], methods: tuple[str, ...] = ()) -> None:
    cv_texts = [CVS[c] for c in cv_ids]
    print(f"\n{title}: {len(job_ids)} jobs x {len(cv_ids)} CVs, grades 0-3 (jobs rank all CVs)")
    print(f"{'method':<16} {'NDCG@3':>7} {'NDCG@5':>7} {'NDCG@10':>8} {'Spearman':>9}")
    for name, scorer in METHODS.items():
        if methods and name not in methods:
            continue
        n3 = n5 = n10 = rho = 0.0
        for job in job_ids:
            scores = scorer(JOBS[job], cv_texts)
            gains = [float(grade(job, c)) for c in cv_ids]
            n3 += ndcg(scores, gains, 3)
            n5 += ndcg(scores, gains, 5)
            n10 += ndcg(scores, gains, 10)
            rho += spearman(scores, gains)
        k = len(job_ids)
        print(f"{name:<16} {n3 / k:7.3f} {n5 / k:7.3f} {n10 / k:8.3f} {rho / k:9.3f}")

    # Calibration: where each grade lands in the seed's bands (targets: grade 3 >= 75, grade 2
    # 50-74, grade 1 20-45, grade 0 < 20).
    print("Calibration of the local engine (score by grade):")
    by_grade: dict[int, list[int]] = {0: [], 1: [], 2: [], 3: []}
    verdicts: dict[int, Counter[str]] = {g: Counter() for g in by_grade}
    for job in job_ids:
        profile = ENGINE.prepare_job(JOBS[job])
        for cv in cv_ids:
            score = ENGINE.assess_sync(profile, CVS[cv], []).score
            g = grade(job, cv)
            by_grade[g].append(score)
            verdicts[g][verdict_for(score)[0]] += 1
    for g, scores in by_grade.items():
        if not scores:
            continue
        scores.sort()
        median = scores[len(scores) // 2]
        mean = sum(scores) / len(scores)
        print(
            f"  grade {g}: n={len(scores):4d} min={scores[0]:3d} median={median:3d} mean={mean:5.1f} "
            f"max={scores[-1]:3d}  " + ", ".join(f"{v}={n}" for v, n in verdicts[g].most_common())
        )


def unknown_occupations() -> None:
    """The subset the lexicon cannot help with: each unknown-occupation job ranks all CVs."""
    from tests.engine.cases import UNKNOWN_JOBS

    cv_ids = list(CVS)
    cv_texts = [CVS[c] for c in cv_ids]
    print(f"\nOccupations unknown to the lexicon: {len(UNKNOWN_JOBS)} jobs x {len(cv_ids)} CVs")
    print(f"{'method':<16} {'NDCG@1':>7} {'NDCG@3':>7} {'score of the right CV':>22}")
    for name, scorer in METHODS.items():
        n1 = n3 = 0.0
        right = []
        for job in UNKNOWN_JOBS:
            scores = scorer(JOBS[job], cv_texts)
            gains = [float(grade(job, c)) for c in cv_ids]
            n1 += ndcg(scores, gains, 1)
            n3 += ndcg(scores, gains, 3)
            best = max(range(len(cv_ids)), key=lambda i: gains[i])
            right.append(scores[best])
        k = len(UNKNOWN_JOBS)
        shown = ", ".join(f"{v:.0f}" if name.startswith("local") else f"{v:.2f}" for v in right)
        print(f"{name:<16} {n1 / k:7.3f} {n3 / k:7.3f} {shown:>22}")


def _parse_rankings(text: str, name: str) -> list[list[int]]:
    block = text.split(name, 1)[1].split("]]", 1)[0]
    return [[int(x) for x in row.split(",")] for row in re.findall(r"\[([\d,\s]+)\]", block)]


def vanetik() -> None:
    if not VANETIK.is_dir():
        print("\nVanetik dataset: ../shared/eval/vanetik is not beside the checkout: skipped.")
        return
    with open(VANETIK / "5_vacancies.csv", newline="", encoding="utf-8") as fh:
        vacancies = [f"{row['job_title']}\n{row['job_description']}" for row in csv.DictReader(fh)]
    notes = (VANETIK / "annotations-for-the-first-30-vacancies.txt").read_text(encoding="utf-8")
    annotators = [_parse_rankings(notes, "ANNOTATOR_1_RANKINGS"), _parse_rankings(notes, "ANNOTATOR_2_RANKINGS")]
    cvs: dict[int, str] = {}
    for i in range(1, 31):
        path = VANETIK / "CV" / f"{i}.docx"
        try:
            cvs[i] = extract_document(path.name, path.read_bytes()).text
        except (UnreadableDocument, OSError):
            continue
    print(f"\nVanetik & Kogan: {len(cvs)} CVs each ranking 5 vacancies; rankings by 2 annotators")
    print(f"{'method':<16} {'NDCG@1 A1':>9} {'NDCG@3 A1':>9} {'rho A1':>7} {'NDCG@3 A2':>9} {'rho A2':>7}")
    for name, scorer in METHODS.items():
        results = []
        for a in annotators:
            n1 = n3 = rho = 0.0
            count = 0
            for index, ranks in enumerate(a, start=1):
                if index not in cvs:
                    continue
                # The CV is the query here: score it against each vacancy.
                if name.startswith("local") or name.startswith("static"):
                    scores = [scorer(v, [cvs[index]])[0] for v in vacancies]
                else:
                    scores = _cv_query(scorer, cvs[index], vacancies)
                gains = [float(6 - r) for r in ranks]
                n1 += ndcg(scores, gains, 1)
                n3 += ndcg(scores, gains, 3)
                rho += spearman(scores, [-r for r in ranks])
                count += 1
            results.append((n1 / count, n3 / count, rho / count))
        (a1n1, a1n3, a1r), (_, a2n3, a2r) = results
        print(f"{name:<16} {a1n1:9.3f} {a1n3:9.3f} {a1r:7.3f} {a2n3:9.3f} {a2r:7.3f}")


def _cv_query(scorer: Scorer, cv: str, vacancies: list[str]) -> list[float]:
    """Baselines rank vacancies for a CV: vacancy as query over the 5 vacancies' collection
    would be degenerate, so each vacancy is scored against the CV within the CV set of one."""
    return [scorer(v, [cv] + [x for x in vacancies if x is not v])[0] for v in vacancies]


# ----------------------------------------------------------------------------- real CVs
INTERVIEW = 60  # the seed's Interview band starts here
TOP_K = audit.TOP_K
precision_at_k = audit.precision_at_k
tie_aware_rank = audit.tie_aware_rank
tie_groups = audit.tie_groups


def real_cv_set(list_unmarked: bool = False) -> None:
    source = audit.real_cvs_dir()
    if not source.is_dir():
        print(
            f"\nReal-CV set: {source} is missing (the 166 real CVs live in ../shared/eval/real_cvs beside "
            "the checkout, or set CVMATCH_REAL_CVS): skipped."
        )
        return
    jobs = audit.load_jobs()
    started = time.perf_counter()
    cache = audit.cache_dir()
    texts = {name: audit.cv_text(name, source, cache) for job in jobs for name in job.cvs}
    read_s = time.perf_counter() - started
    unreadable = sorted(n for n, t in texts.items() if not t.strip())
    print(
        f"\nReal-CV set: {len(jobs)} jobs x 20 real CVs ({len(texts)} files, read in {read_s:.1f} s, "
        f"cache {cache}); reader's top 5 chosen before running the engine"
    )
    if unreadable:
        print(f"  unreadable: {', '.join(unreadable)}")

    marks = audit.load_marks()
    cards: dict[tuple[str, str], audit.Card] = {}
    scores_by: dict[str, dict[str, list[float]]] = {"local engine": {}, "TF-IDF cosine": {}, "BM25": {}}
    requirements: dict[str, list[str]] = {}
    engine_s = 0.0
    for job in jobs:
        cv_texts = [texts[n] for n in job.cvs]
        t0 = time.perf_counter()
        profile = ENGINE.prepare_job(job.text)
        requirements[job.jd] = [r.label for r in profile.requirements]
        local = []
        for name, text in zip(job.cvs, cv_texts, strict=True):
            assessment = ENGINE.assess_sync(profile, text, [])
            local.append(float(assessment.score))
            cards[(job.jd, name)] = audit.card_of(assessment)
        engine_s += time.perf_counter() - t0
        scores_by["local engine"][job.jd] = local
        scores_by["TF-IDF cosine"][job.jd] = tfidf_cosine(job.text, cv_texts)
        scores_by["BM25"][job.jd] = bm25(job.text, cv_texts)

    print(f"{'method':<16} {'P@5':>6} {'NDCG@5':>7} {'1st pick rank':>14} {'picks>=60':>10} {'tie groups top10':>17}")
    for method, by_job in scores_by.items():
        p5 = n5 = rank = 0.0
        interview = 0
        groups = tied = 0
        for job in jobs:
            scores = by_job[job.jd]
            picks = {job.cvs.index(n) for n in job.top5}
            p5 += precision_at_k(scores, picks)
            n5 += ndcg(scores, [float(job.grades[n]) for n in job.cvs], TOP_K)
            rank += tie_aware_rank(scores, job.cvs.index(job.top5[0]))
            interview += sum(1 for i in picks if scores[i] >= INTERVIEW)
            g, t = tie_groups(scores)
            groups += g
            tied += t
        k = len(jobs)
        share = f"{interview / (TOP_K * k):10.0%}" if method == "local engine" else f"{'-':>10}"
        ties = f"{groups} ({tied} CVs)"
        print(f"{method:<16} {p5 / k:6.3f} {n5 / k:7.3f} {rank / k:14.2f} {share} {ties:>17}")
    per_job = "  ".join(
        f"{job.jd}={precision_at_k(scores_by['local engine'][job.jd], {job.cvs.index(n) for n in job.top5}):.1f}"
        for job in jobs
    )
    print(f"local P@5 by job: {per_job}")
    print(f"local engine: {engine_s:.1f} s for {len(cards)} results (job analysis included)")

    # Claim audit.
    counted = {audit.STRENGTH: [0, 0], audit.GAP: [0, 0]}  # [true, marked]
    by_category: dict[tuple[str, str], list[int]] = {}
    quoting_gaps = [0, 0]  # gaps that quote a CV line ("only partly shown"): [marked, false]
    unmarked: list[tuple[str, str, audit.Claim]] = []
    contradictions = []
    audited_results = 0
    for (jd, name), card in cards.items():
        any_marked = False
        for claim in card.claims:
            mark = marks.of(jd, name, claim)
            if mark is None:
                unmarked.append((jd, name, claim))
                continue
            any_marked = True
            counted[claim.side][1] += 1
            counted[claim.side][0] += int(mark)
            tally = by_category.setdefault((claim.side, claim.category or "?"), [0, 0])
            tally[0] += int(mark)
            tally[1] += 1
            if claim.side == audit.GAP and claim.cv_line:
                quoting_gaps[0] += 1
                quoting_gaps[1] += int(not mark)
        audited_results += int(any_marked)
        contradictions.extend((jd, name, r) for r in card.contradictions)
    req_marks = [(jd, r, marks.requirement(jd, r)) for jd, labels in requirements.items() for r in labels]
    invented = [(jd, r) for jd, r, m in req_marks if m == "invented"]
    req_unmarked = [(jd, r) for jd, r, m in req_marks if m is None]

    def rate(side: str) -> str:
        true, marked = counted[side]
        return f"{true / marked:.1%} ({true}/{marked})" if marked else "n/a (none marked)"

    total_claims = sum(len(c.claims) for c in cards.values())
    print(
        f"Claim audit ({audited_results} of {len(cards)} results with marked claims; "
        f"{len(unmarked)} of {total_claims} current claims unmarked):"
    )
    print(f"  true strengths: {rate(audit.STRENGTH)}   true gaps: {rate(audit.GAP)}")
    for side in (audit.STRENGTH, audit.GAP):
        parts = [
            f"{category} {true}/{marked}"
            for (s, category), (true, marked) in sorted(by_category.items(), key=lambda kv: -kv[1][1])
            if s == side
        ]
        print(f"    true {side}s by requirement kind: {', '.join(parts)}")
    print(f"    gaps that quote a CV line ('only partly shown'): {quoting_gaps[0]}, of them false: {quoting_gaps[1]}")
    print(
        f"  invented requirements: {len(invented)} of {len(req_marks)} read from the JDs"
        f" ({len(req_unmarked)} unmarked)" + (": " + "; ".join(f"{jd}: {r}" for jd, r in invented) if invented else "")
    )
    print(f"  contradictions (same requirement a strength and a gap on one card): {len(contradictions)}")
    for jd, name, requirement in contradictions[:10]:
        print(f"    {jd} / {name}: {requirement}")
    if list_unmarked:
        print("\nUnmarked claims (jd, cv, side, requirement, quoted CV line):")
        for jd, name, claim in unmarked:
            quoted, said = claim.cv_line[:140], claim.card_text[:160]
            print(f"  {jd}\t{name}\t{claim.side}\t{claim.requirement}\t{quoted!r}\t{said!r}")
        print("Unmarked requirements (jd, requirement, JD line):")
        for jd, requirement in req_unmarked:
            print(f"  {jd}\t{requirement}")


def held_out_jobs() -> None:
    """Jobs labelled after the engine work, never tuned on: ranking only, beside TF-IDF and BM25."""
    if not audit.real_cvs_dir().is_dir() or not audit.HELDOUT_LABELS.exists():
        return
    jobs = audit.load_jobs(audit.HELDOUT_LABELS)
    print(f"\nHeld-out jobs ({len(jobs)}, not tuned on; ranking only):")
    print(f"{'method':<16} {'P@5':>6} {'NDCG@5':>7} {'1st pick rank':>14} {'picks>=60':>10}")
    methods: dict[str, Scorer] = {"local engine": local_engine, "TF-IDF cosine": tfidf_cosine, "BM25": bm25}
    per_job = []
    for method, scorer in methods.items():
        p5 = n5 = rank = 0.0
        interview = 0
        for job in jobs:
            scores = scorer(job.text, [audit.cv_text(n) for n in job.cvs])
            picks = {job.cvs.index(n) for n in job.top5}
            p5 += precision_at_k(scores, picks)
            n5 += ndcg(scores, [float(job.grades[n]) for n in job.cvs], TOP_K)
            rank += tie_aware_rank(scores, job.cvs.index(job.top5[0]))
            interview += sum(1 for i in picks if scores[i] >= INTERVIEW)
            if method == "local engine":
                per_job.append(f"{job.jd}={precision_at_k(scores, picks):.1f}")
        k = len(jobs)
        share = f"{interview / (TOP_K * k):10.0%}" if method == "local engine" else f"{'-':>10}"
        print(f"{method:<16} {p5 / k:6.3f} {n5 / k:7.3f} {rank / k:14.2f} {share}")
    print(f"local P@5 by held-out job: {'  '.join(per_job)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--real-only", action="store_true", help="only the real-CV set")
    parser.add_argument("--list-unmarked", action="store_true", help="print claims the audit has not marked")
    args = parser.parse_args()
    started = time.perf_counter()
    if not args.real_only:
        own_cases()
        unknown_occupations()
        vanetik()
    real_cv_set(list_unmarked=args.list_unmarked)
    held_out_jobs()
    print(f"\n(total {time.perf_counter() - started:.1f} s)")


if __name__ == "__main__":
    main()
