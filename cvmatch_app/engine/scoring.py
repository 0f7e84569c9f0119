"""The calibrated 0-100 score built from the evidence: weighted parts, then caps that keep a CV
out of a band its evidence does not earn."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .bands import BELOW_FLOOR_MARGIN, ceilings_below, floor_of, lowest_score_for
from .cv_profile import CVProfile
from .embedding import get_model
from .evidence import (
    _BROAD_DOMAINS,
    LOWER_LEVEL,
    MET,
    NEAR_TITLE,
    NEIGHBOUR_CAP,
    Finding,
    _one_answer_per_ask,
    _titles_of,
    asked_posts,
    assess_requirement,
    holds_asked_post,
    relevant_years,
)
from .job_profile import MUST, JobProfile
from .lexicon import CREDENTIAL, ISCO_OF_TITLE, TITLE, Lexicon, get_lexicon, neighbours_of
from .occupation_titles import occupation_fit as esco_occupation_fit
from .rubric import knockout_met, knockout_reason
from .semantic import CVVectors, title_closeness
from .semantic import coverage as semantic_coverage
from .tokens import tokenize, tokenize_with_case

__all__ = ["Finding", "ScoreBreakdown", "assess_requirement", "moved_on_note", "relevant_years", "score_cv"]


@dataclass
class ScoreBreakdown:
    score: int
    findings: list[Finding]
    must_coverage: float
    nice_coverage: float
    years_fit: float
    relevant_years: float
    occupation: float
    similarity: float
    semantic: float | None
    caps: list[str]


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if not a or not b:
        return 0.0
    dot = sum(v * b.get(k, 0.0) for k, v in a.items())
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb) if na and nb else 0.0


def term_similarity(job: JobProfile, cv: CVProfile) -> float:
    """Share of the job's vocabulary (weighted, saturating counts) that the CV uses."""
    total = 0.0
    hit = 0.0
    model = get_model()
    for term, count in job.term_weights.items():
        weight = 1.0 + math.log(count)
        if model is not None:
            # Everyday words ("work", "team") say less than rare ones ("phlebotomy"): the embedding
            # vocabulary's frequency order stands in for a document-frequency table.
            pieces = model.word_pieces(term)
            weight *= float(model.weights[pieces[0]]) if len(pieces) == 1 else 1.0
        total += weight
        if term in cv.words:
            hit += weight
    return hit / total if total else 0.0


def occupation_fit(job: JobProfile, cv: CVProfile) -> float:
    """How much the CV's occupation is the job's: shared domains, and the job title held."""
    domain = cosine(job.domains, cv.domains)
    title = 0.0
    if job.title_concepts:
        held = {cid for role in cv.roles for cid in role.concepts if get_lexicon().concept(cid).category == TITLE}
        held -= _named_only_as_others(cv, held & set(job.title_concepts))
        if held & set(job.title_concepts):
            title = 1.0 if _holds_the_post(job, cv) else SAME_FAMILY_TITLE
            if title == 1.0 and _held_only_before(job, cv):
                title = EARLIER_TITLE
        elif set(cv.title_concepts[:3]) & set(job.title_concepts):
            title = 0.8
        elif (set(cv.concept_lines) & set(job.title_concepts)) - _named_only_as_others(cv, set(job.title_concepts)):
            title = 0.5
        elif held & neighbours_of(job.title_concepts):
            title = 0.4  # a neighbouring occupation in another field (a concierge for a security officer)
    else:
        title = domain
    return DOMAIN_SHARE * domain + (1 - DOMAIN_SHARE) * title


# "Feedback from the foreman", "reported to the site manager", "worked with superintendents": the word
# before a title (past a determiner) that makes it the people worked for or with, not the post held.
# ("Promoted from carpenter to foreman" names the candidate's own posts.)
_OTHERS_BEFORE_TITLE = frozenset(tokenize("with to from by for under"))
_DETERMINERS = frozenset(tokenize("the a an our my his her their its each all"))
_OWN_MOVE_WORDS = frozenset(tokenize("promoted promotion appointed advanced elevated transitioned transferred"))


def _named_only_as_others(cv: CVProfile, titles: set[str]) -> set[str]:
    """Of ``titles``, those every CV line names only as other people ("accepted feedback from the
    foreman"): a carpenter who took a foreman's direction has not held the foreman's post."""
    lexicon = get_lexicon()
    others: set[str] = set()
    for cid in titles:
        lines = cv.concept_lines.get(cid, [])
        if lines and all(_names_as_others(cv.lines[i], cid, lexicon) for i in lines):
            others.add(cid)
    return others


def _names_as_others(line: str, cid: str, lexicon: Lexicon) -> bool:
    """Whether every mention of the title ``cid`` on ``line`` follows a word naming other people."""
    pairs = tokenize_with_case(line)
    words = [word for word, _ in pairs]
    starts = [h.start for h in lexicon.find_in_pairs(pairs, line) if h.concept == cid]
    if not starts or _OWN_MOVE_WORDS & set(words):
        return False
    for start in starts:
        at = start - 1
        while at >= 0 and words[at] in _DETERMINERS:
            at -= 1
        if at < 0 or words[at] not in _OTHERS_BEFORE_TITLE:
            return False
    return True


def _holds_the_post(job: JobProfile, cv: CVProfile) -> bool:
    """False when the CV's roles of the job's family all hold another post than the one the job's title
    names (benefits specialist roles for an HR generalist post); True otherwise."""
    posts = asked_posts(job)
    if not posts:
        return True
    own = set(job.title_concepts)
    family = [(r.heading, _titles_of(r.heading) & own) for r in cv.roles]
    family = [(heading, held) for heading, held in family if held]
    return not family or any(holds_asked_post(heading, held, posts) for heading, held in family)


SAME_FAMILY_TITLE = 0.8  # of the title's share of occupation fit: the family held, in another post
EARLIER_TITLE = 0.8  # the job's title held, but the most recent role is another occupation
_GENERIC_TITLES = frozenset({"consultant"})
ISCO_MINOR_GROUP_DIGITS = 3  # titles sharing these first digits of their ISCO-08 code do the same kind of work
# Words of a heading that name a post running others' work, whatever the lexicon knows of the title
# ("Marketing and Public Relations Manager" after years as a creative director): a move up, not away.
_MANAGING_WORDS = re.compile(r"\b(?:manager|director|head of)\b", re.IGNORECASE)


def _same_isco_group(cid: str, own: set[str]) -> bool:
    """The title in the job's own ISCO-08 minor group (5321 nursing assistant, 5322 home care aide)."""
    group = ISCO_OF_TITLE.get(cid, "")[:ISCO_MINOR_GROUP_DIGITS]
    return len(group) == ISCO_MINOR_GROUP_DIGITS and any(
        ISCO_OF_TITLE.get(o, "")[:ISCO_MINOR_GROUP_DIGITS] == group for o in own
    )


def _held_only_before(job: JobProfile, cv: CVProfile) -> bool:
    """The job's title held in an earlier role, another known occupation in the latest one (the role
    started last): the candidate has moved on from the job's occupation."""
    own = set(job.title_concepts)
    if not cv.roles:
        return False
    latest = max(cv.roles, key=lambda r: (r.start, r.end))
    latest_titles = _titles_of(latest.heading)
    held = [r for r in cv.roles if _titles_of(r.heading) & own]
    if not held or not latest_titles or latest_titles & own or any(r.ongoing for r in held):
        return False  # no other occupation named last, or still in the job's own
    if _MANAGING_WORDS.search(latest.heading):
        return False
    lexicon = get_lexicon()
    fields = {d for cid in own for d in lexicon.concept(cid).domains} - _BROAD_DOMAINS
    for cid in latest_titles:
        if ISCO_OF_TITLE.get(cid, "")[:1] == "1" or cid in neighbours_of(own) or cid in _GENERIC_TITLES:
            # Moved up to manage, into a neighbouring occupation, or the same work under a generic
            # title ("Digital Media Consultant" after years of media sales).
            return False
        if fields & set(lexicon.concept(cid).domains):
            return False  # the same field (an accountant after accounts payable)
        if _same_isco_group(cid, own):
            return False  # a sibling of the same work (a nursing assistant after home care)
    return True


# How much each part weighs: a list of stated requirements, or a prose description of the work
# (duties, no list of asks), where the graded signals carry more of the score.
STATED_WEIGHTS = {"must": 0.44, "nice": 0.10, "years": 0.14, "occupation": 0.22, "similarity": 0.10}
PROSE_WEIGHTS = {"must": 0.30, "nice": 0.15, "years": 0.10, "occupation": 0.20, "similarity": 0.25}
DOMAIN_SHARE = 0.55  # of the occupation fit: shared fields; the rest is the job's title held
TITLE_CLOSENESS_SHARE = 0.75  # the embedding's reading of titles can stand for this much occupation fit
SEMANTIC_SHARE = 0.8  # of text similarity, when the embedding is there: meaning over shared words
FULL_VOCABULARY = 0.45  # a CV using this share of the job's weighted words has all the vocabulary it needs
YEARS_FOR_FULL_CREDIT = 2.0  # with no minimum stated, this many years in the occupation earn the years part

_YEARS_SHORT = 0.8  # below this share of the years asked, the score is capped in proportion to the shortfall
BELOW_INTERVIEW = 55.0  # caps for a missing licence, defining ask, half the must-haves or the level asked
OTHER_OCCUPATION = 30.0
KNOCKOUT_CAP = 55.0  # a recruiter's knockout not met: Consider at best, ranked by the rest below the band's edge
MOVED_ON_REASON = "the job's occupation held only before the latest role"
MOVED_ON_CAP = BELOW_INTERVIEW  # the job's occupation held only before another one: Consider, ranked by the rest
YEARS_UNKNOWN_CAP = 50.0  # years asked, no dated role to read them from: below Interview, ranked by the rest
# A cap never crosses into the next band: under Consider, Interview and Strong match (39.4, 59.4, 74.4).
_BAND_CEILINGS = ceilings_below([floor_of("MODERATE_MATCH"), floor_of("GOOD_MATCH"), floor_of("STRONG_MATCH")])
_CAP_SPREAD = 20.0  # points above a cap that fill about two thirds of the room left below the band's edge


def _years_cap(fit: float) -> float:
    """The cap for having `fit` (0..1) of the years asked: 45 for none, 59 at half, 74 at four-fifths."""
    if fit < 0.5:
        return 45.0 + 28.0 * fit
    return 59.0 + 50.0 * (fit - 0.5)


@dataclass
class _Parts:
    must: list[Finding]
    nice: list[Finding]
    years: list[Finding]
    must_cov: float
    nice_cov: float
    years_fit: float
    occupation: float
    closeness: float | None
    similarity: float
    semantic: float | None
    sim_scaled: float


def _coverage(items: list[Finding]) -> float:
    total = sum(f.requirement.weight for f in items)
    return sum(f.requirement.weight * f.met for f in items) / total if total else 0.0


def _parts(job: JobProfile, cv: CVProfile, findings: list[Finding], vectors: CVVectors) -> _Parts:
    must = [f for f in findings if f.requirement.kind == MUST and f.requirement.category != "years"]
    nice = [f for f in findings if f.requirement.kind != MUST and f.requirement.category != "years"]
    years = [f for f in findings if f.requirement.category == "years" and f.requirement.kind == MUST]
    if years:
        years_fit = min(f.met for f in years)
    else:
        # No stated minimum: a little credit for having done this work at all.
        held, _ = relevant_years(cv, job, job.title_concepts)
        years_fit = min(1.0, held / YEARS_FOR_FULL_CREDIT) if job.title_concepts else min(1.0, cv.total_years / 3.0)
    occupation = occupation_fit(job, cv)
    titles = [role.heading for role in cv.roles[:6]] + [ln for i, ln in enumerate(cv.lines[:3]) if i != cv.name_line]
    closeness = title_closeness(job.title_vector, titles)
    if closeness is not None:
        # The embedding knows job titles the lexicon does not ("zookeeper", "sommelier").
        occupation = max(occupation, TITLE_CLOSENESS_SHARE * closeness)
    if job.occupation_codes:
        # A title only ESCO knows: the CV's titles placed in ISCO groups decide (far apart is far apart).
        occupation = esco_occupation_fit(job.occupation_codes, job.title, cv, occupation)
        occupation = max(occupation, _own_title_shown(must))
    similarity = term_similarity(job, cv)
    sim_scaled = min(1.0, similarity / FULL_VOCABULARY)
    semantic = semantic_coverage(job.jd_vectors, vectors)
    if semantic is not None:
        sim_scaled = (1 - SEMANTIC_SHARE) * sim_scaled + SEMANTIC_SHARE * semantic
    return _Parts(
        must=must,
        nice=nice,
        years=years,
        must_cov=_coverage(must) if must else 0.0,
        nice_cov=_coverage(nice) if nice else 0.0,
        years_fit=years_fit,
        occupation=occupation,
        closeness=closeness,
        similarity=similarity,
        semantic=semantic,
        sim_scaled=sim_scaled,
    )


def _own_title_shown(must: list[Finding]) -> float:
    """How surely the CV shows the job's own ESCO-placed title (its "Experience as" ask, no concept
    behind it) when that is a strength: a role the evidence reads as the job under another name
    ("Enrichment Coordinator" for an activities coordinator) is the job's occupation, whatever ISCO
    group the CV's other titles sit in."""
    shown = [f.met for f in must if f.requirement.category == TITLE and not f.requirement.alternatives]
    best = max(shown, default=0.0)
    return best if best >= MET else 0.0


def _weighted(job: JobProfile, parts: _Parts) -> float:
    weights = STATED_WEIGHTS if parts.must and job.has_stated_requirements else PROSE_WEIGHTS
    values = {
        "must": parts.must_cov,
        "nice": parts.nice_cov,
        "years": parts.years_fit,
        "occupation": parts.occupation,
        "similarity": parts.sim_scaled,
    }
    present = {"must": bool(parts.must), "nice": bool(parts.nice)}
    # A part the job does not ask for (no nice-to-haves) hands its weight to the others.
    total = sum(w for k, w in weights.items() if present.get(k, True))
    return 100.0 * sum(w * values[k] for k, w in weights.items() if present.get(k, True)) / total


class _Caps:
    """Above a cap the score is compressed, not flattened, so the ranking inside a band survives; it
    never crosses into the next band (55 caps below GOOD_MATCH's 60, 30 below MODERATE's 40)."""

    def __init__(self, score: float) -> None:
        self.score = score
        self.reasons: list[str] = []

    def cap(self, limit: float, reason: str, ceiling: float | None = None, spread: bool = False) -> None:
        if self.score <= limit:
            return
        if ceiling is None:
            ceiling = next(edge for band, edge in _BAND_CEILINGS if limit < band)
        # The room above the cap, up to the band's edge, keeps the order of what the cap holds back;
        # it fills fastest just above the cap, where most held-back CVs sit, so they do not tie.
        # (A years shortfall keeps its proportional room: one year of five stays well below the band.)
        room = ceiling - limit
        if spread:
            self.score = ceiling - room * math.exp(-(self.score - limit) / _CAP_SPREAD)
        else:
            self.score = min(limit + (self.score - limit) * room / (100.0 - limit), ceiling)
        self.reasons.append(reason)


def _apply_caps(job: JobProfile, cv: CVProfile, parts: _Parts, score: float) -> _Caps:
    caps = _Caps(score)
    must = parts.must
    if any(f.requirement.category == CREDENTIAL and f.met < 0.5 and f.requirement.weight >= 1.0 for f in must):
        # An occupational licence; a driver's licence or a first-aid card asked in passing is a gap, not a bar.
        caps.cap(BELOW_INTERVIEW, "required licence or certification missing", spread=True)
    if any(f.requirement.defining and f.met == 0 for f in must):
        # An art teacher for a mathematics post: nothing in the CV names the subject the title names.
        # (A related sibling, "market research" for "Google Ads", is a weaker match, not a wrong one.)
        caps.cap(BELOW_INTERVIEW, "the role's defining qualification not shown", spread=True)
    if must and parts.must_cov < 0.5:
        caps.cap(BELOW_INTERVIEW, "fewer than half of the must-haves proven", spread=True)
    specific_must = [f for f in must if f.requirement.category not in ("soft", "other") and f.requirement.weight >= 0.8]
    specific_met = sum(1 for f in specific_must if f.met >= MET)
    if parts.occupation < 0.25 and (parts.must_cov < 0.6 or specific_met < 3):
        # Shared basics (BLS, Excel, a degree) do not make a nurse a dental assistant.
        caps.cap(OTHER_OCCUPATION, "different occupation")
    if parts.years and parts.years_fit < _YEARS_SHORT:
        if not cv.roles and not cv.claimed_years:
            # No dated work at all: the years are unknown, not zero. Interview needs them shown,
            # but the rest of the evidence still ranks the CV.
            caps.cap(YEARS_UNKNOWN_CAP, "no dated work history to show the years required")
        else:
            # The shortfall sets the cap: a year of the five asked is a large gap, four of five a small one.
            reason = "well short of the years required" if parts.years_fit < 0.5 else "short of the years required"
            caps.cap(_years_cap(parts.years_fit), reason)
    # The job's own occupation never held, only a neighbouring one (a truck driver for a dispatcher,
    # a graphic designer for a UX designer) or named in passing ("helped the lead teacher"): related,
    # not a match, unless the CV's titles read as the same job in other words.
    own = set(job.title_concepts)
    title_findings = [f for f in must if f.requirement.category == TITLE and own & set(f.requirement.alternatives)]
    best_title = max((f.met for f in title_findings), default=None)
    if best_title == LOWER_LEVEL:
        caps.cap(BELOW_INTERVIEW, "the job's trade at a lower level than asked")
    if best_title == NEAR_TITLE:
        # The work done under another title of the field (a bookkeeper running payroll): Consider.
        caps.cap(BELOW_INTERVIEW, "the job's work done under another title")
    # The embedding's word is taken only for roles the lexicon cannot name.
    known_other = any(_titles_of(role.heading) - own for role in cv.roles[:2])
    if (
        best_title is not None
        and best_title < LOWER_LEVEL
        and (parts.closeness is None or parts.closeness < 0.8 or known_other)
    ):
        caps.cap(NEIGHBOUR_CAP - 3.0, "a neighbouring occupation, not this one", ceiling=NEIGHBOUR_CAP)
    return caps


def _career_caps(job: JobProfile, cv: CVProfile, caps: _Caps) -> None:
    """The job's occupation held only in earlier roles, another occupation in the latest (an IT auditor
    who did desktop support ten years ago, a secretary now an accountant): the candidate has left the
    work. A recruiter asks why they want it back before an interview: Consider, ranked by the evidence."""
    if _held_only_before(job, cv):
        latest = max(cv.roles, key=lambda r: (r.start, r.end)).heading
        caps.cap(MOVED_ON_CAP, f"{MOVED_ON_REASON} ({latest})", spread=True)


def moved_on_note(breakdown: ScoreBreakdown) -> str:
    """The card's sentence for the moved-on cap ("" when it did not apply): the score says Consider
    though the requirements are met, so the card says why."""
    for reason in breakdown.caps:
        if reason.startswith(MOVED_ON_REASON):
            latest = reason.removeprefix(MOVED_ON_REASON).strip(" ()").split(" · ")[0]
            return f"The job's occupation was held only before the latest role ({latest}): Consider, not Interview."
    return ""


def _knockout_caps(caps: _Caps, findings: list[Finding]) -> None:
    """The recruiter's knockouts (engine/rubric.py): one not met keeps the CV below the Interview band,
    and every one not met is named, even when the score is already lower."""
    missed = [f.requirement for f in findings if f.requirement.knockout and not knockout_met(f.met, f.requirement, MET)]
    if not missed:
        return
    reasons = [knockout_reason(req) for req in missed]
    caps.cap(KNOCKOUT_CAP, reasons[0], ceiling=lowest_score_for("Interview") - BELOW_FLOOR_MARGIN, spread=True)
    caps.reasons.extend(r for r in reasons if r not in caps.reasons)


def score_cv(job: JobProfile, cv: CVProfile, vectors: CVVectors | None = None) -> ScoreBreakdown:
    """Assess every requirement, weigh the parts, then cap what the evidence does not earn.
    ``vectors``: the CV's line vectors when already computed (a rubric re-score reuses them)."""
    vectors = CVVectors(cv.lines) if vectors is None else vectors
    findings = _one_answer_per_ask([assess_requirement(req, cv, job, vectors) for req in job.requirements])
    parts = _parts(job, cv, findings, vectors)
    caps = _apply_caps(job, cv, parts, _weighted(job, parts))
    _career_caps(job, cv, caps)
    _knockout_caps(caps, findings)
    rel_years, _ = relevant_years(cv, job, job.title_concepts)
    return ScoreBreakdown(
        score=max(0, min(100, int(round(caps.score)))),
        findings=findings,
        must_coverage=round(parts.must_cov, 3),
        nice_coverage=round(parts.nice_cov, 3),
        years_fit=round(parts.years_fit, 3),
        relevant_years=rel_years,
        occupation=round(parts.occupation, 3),
        similarity=round(parts.similarity, 3),
        semantic=None if parts.semantic is None else round(parts.semantic, 3),
        caps=caps.reasons,
    )
