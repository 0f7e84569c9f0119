"""Evidence for each requirement, and the calibrated 0-100 score built from it."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process

from .cv_profile import CVProfile, Role
from .embedding import get_model
from .experience import describe_years
from .job_profile import _NAMED_ASKS, MUST, JobProfile, Requirement
from .lexicon import CREDENTIAL, EDUCATION, FIELD, LICENCE_OF_TITLE, TITLE, get_lexicon, neighbours_of
from .semantic import CVVectors, requirement_match, role_closeness, title_closeness
from .semantic import coverage as semantic_coverage
from .tokens import tokenize

# A higher degree satisfies a lower one.
_EDU_IMPLIED_BY = {
    "high_school": {"high_school", "associate_degree", "bachelors", "masters", "doctorate", "nursing_degree",
                    "education_degree", "finance_degree", "cs_degree", "medical_degree"},
    "associate_degree": {"associate_degree", "bachelors", "masters", "doctorate", "nursing_degree"},
    "bachelors": {"bachelors", "masters", "doctorate", "medical_degree"},
    "masters": {"masters", "doctorate"},
}  # fmt: skip
_SENIORITY_RE = re.compile(
    r"\b(manager|supervisor|lead|leader|head|director|chief|principal|senior|sr|foreman|superintendent|"
    r"charge|captain|owner|executive chef|sous chef)\b",
    re.IGNORECASE,
)
# Words that mark a role below the level of its trade, and the years in a trade that make a senior.
_JUNIOR_RE = re.compile(
    r"\b(junior|jr|assistant|associate|trainee|apprentice|intern|helper|aide|entry[- ]level|graduate|commis|"
    r"crew|clerk|cadet)\b",
    re.IGNORECASE,
)
_SENIOR_YEARS = 6.0
_DEGREE_RE = re.compile(
    r"\b(degree|bachelor'?s?|master'?s?|b\.?sc?\.?|b\.?a\.?|m\.?sc?\.?|ph\.?d|diploma|associate'?s?|"
    r"major(?:ed)? in)(?!\w)",
    re.IGNORECASE,
)
_BROAD_DOMAINS = frozenset({"general", "management", "care", "admin", "health", "safety"})
_GENERIC_TERMS = frozenset(
    tokenize(
        "certification certified certificate license licence licensed experience knowledge ability skills "
        "degree proficiency proficient familiarity familiar understanding strong excellent working"
    )
)


@dataclass
class Finding:
    requirement: Requirement
    met: float  # 0..1: 1 = proven, 0.5 = related evidence, 0 = nothing proves it
    cv_line: str = ""
    found: str = ""  # what in the CV answers it (a concept label, "6.5 years")
    roles: list[Role] = field(default_factory=list)


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


def _line_for(cv: CVProfile, concept_ids: list[str], asked: str | list[str] = "") -> tuple[str, str, int]:
    """(what the CV says, the CV line proving it, how many lines mention it) for the first concept present.
    The most literal line wins: one naming what the job asked ("knife skills") over one naming another
    member of the same concept ("recipes"); then work history and certifications over a skills list."""
    lexicon = get_lexicon()
    asked_words = [asked.lower()] if isinstance(asked, str) else [a.lower() for a in asked]
    asked_words = [a for a in asked_words if a]
    for cid in concept_ids:
        lines = cv.concept_lines.get(cid)
        if not lines:
            continue
        best: tuple[tuple, str, str] | None = None
        for index in lines:
            line = cv.lines[index]
            said_all = [lexicon.surface(line, h) for h in lexicon.find(line) if h.concept == cid]
            literal = next((w for w in said_all if w and any(same_thing(a, w) for a in asked_words)), "")
            said = literal or (said_all[0] if said_all else "")
            rank = (not literal, cv.sections[index] not in ("experience", "certifications", "top"), index)
            if best is None or rank < best[0]:
                best = (rank, said, line)
        assert best is not None
        return best[1] or lexicon.concept(cid).label, best[2], len(lines)
    return "", "", 0


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w)


def same_thing(asked: str, said: str) -> bool:
    """Whether the CV's words name what the job asked, not another member of the same concept:
    the same words ("Adobe Photoshop" for "Photoshop"), or one the abbreviation of the other ("GL")."""
    a = [t for t in tokenize(asked) if t not in _GENERIC_TERMS] or tokenize(asked)
    b = [t for t in tokenize(said) if t not in _GENERIC_TERMS] or tokenize(said)
    if not a or not b:
        return False
    if set(a) <= set(b) or set(b) <= set(a):
        return True
    if len(a) == len(b) == 1 and min(len(a[0]), len(b[0])) >= 4 and (a[0].startswith(b[0]) or b[0].startswith(a[0])):
        return True  # "math" and "mathematics"
    joined_a, joined_b = "".join(a), "".join(b)
    return joined_a == joined_b or _initials(a) == joined_b or _initials(b) == joined_a


def _relevant_roles(cv: CVProfile, concept_ids: list[str]) -> list[Role]:
    wanted = set(concept_ids)
    lexicon = get_lexicon()
    # "Years of hotel experience" asks for a field: any role whose work belongs to it counts.
    fields = {d for cid in wanted if lexicon.concept(cid).category == FIELD for d in lexicon.concept(cid).domains}
    out = []
    wanted_titles = {cid for cid in wanted if lexicon.concept(cid).category == TITLE}
    for role in cv.roles:
        shared = role.concepts & wanted
        held = _titles_of(role.title)
        if shared and shared <= wanted_titles and held and not held & wanted_titles and not _same_field(held, shared):
            # "Assist the dentist" in a Receptionist's bullets names the job, it is not the job.
            continue
        if shared:
            out.append(role)
        elif fields and any(
            lexicon.concept(c).category in (TITLE, FIELD) and fields & set(lexicon.concept(c).domains)
            for c in role.concepts
        ):
            out.append(role)
    return out


def _same_field(a: set[str], b: set[str]) -> bool:
    lexicon = get_lexicon()
    fields_a = {d for cid in a for d in lexicon.concept(cid).domains} - _BROAD_DOMAINS
    return bool(fields_a & ({d for cid in b for d in lexicon.concept(cid).domains} - _BROAD_DOMAINS))


def _titles_of(text: str) -> set[str]:
    return set(_title_concepts_in(text))


@lru_cache(maxsize=4096)
def _title_concepts_in(text: str) -> frozenset[str]:
    # Role titles are looked up many times per CV (years, neighbours, caps): read each once.
    lexicon = get_lexicon()
    return frozenset(h.concept for h in lexicon.find(text) if lexicon.concept(h.concept).category == TITLE)


NEIGHBOUR_CAP = 45.4  # the job's own occupation never held: related at most, never "Consider" high
NEIGHBOUR_YEARS = 0.5  # a year in a neighbouring occupation counts as half a year in the one asked


def _held_titles(role_title: str) -> set[str]:
    """The titles a role held: of a title joined from several lines ("Operated forklifts · Barista"),
    the last part that names a job title, the one beside the dates."""
    for part in reversed(role_title.split(" · ")):
        titles = _titles_of(part)
        if titles:
            return titles
    return set()


_SIMILAR_TITLE = 0.74  # raw cosine of static title vectors: a paraphrase of the title, not a neighbour


def _similar_title_roles(cv: CVProfile, job: JobProfile) -> list[Role]:
    """Roles whose titles the lexicon cannot name but the embedding reads as the job's title."""
    unknown = [r for r in cv.roles if not _titles_of(r.title)]
    if not unknown:
        return []
    sims = role_closeness(job.title_vector, unknown)
    return [r for r, sim in zip(unknown, sims, strict=True) if sim >= _SIMILAR_TITLE]


def relevant_years(cv: CVProfile, job: JobProfile, concept_ids: list[str]) -> tuple[float, list[Role]]:
    """Years of dated work in the occupation asked: for a job title, roles that held it (a title the
    bullets merely mention, or a skill such as "recipes" in a PR manager's role, are not years as a chef)."""
    from .experience import merged_years

    ids = concept_ids or job.title_concepts
    lexicon = get_lexicon()
    own = {cid for cid in ids if lexicon.concept(cid).category == TITLE} & set(job.title_concepts)
    if own:
        roles = [r for r in cv.roles if _held_titles(r.title) & own]
        roles += [r for r in _similar_title_roles(cv, job) if r not in roles]
        near = neighbours_of(own)
        nearby = [r for r in cv.roles if r not in roles and _held_titles(r.title) & near]
        if nearby:
            # A neighbouring occupation's years (a concierge's for a security officer) count for half.
            held = merged_years([(r.start, r.end) for r in roles])
            return round(held + NEIGHBOUR_YEARS * merged_years([(r.start, r.end) for r in nearby]), 2), roles + nearby
    elif ids:
        roles = _relevant_roles(cv, ids)
        if set(ids) & set(job.title_concepts):
            roles += [r for r in _similar_title_roles(cv, job) if r not in roles]
    else:
        # No concept names the work (an occupation the lexicon does not know): roles whose titles
        # read like the job's title count, by the embedding; without a model, none can be shown.
        roles = [r for r, closeness in zip(cv.roles, role_closeness(job.title_vector, cv.roles), strict=True)
                 if closeness >= 0.5]  # fmt: skip
    years = merged_years([(r.start, r.end) for r in roles])
    if not roles and not cv.roles and cv.claimed_years:
        # No dated roles at all: fall back on the CV's own statement, discounted.
        return round(cv.claimed_years * 0.8, 1), []
    return years, roles


def _held_title_role(cv: CVProfile, title_concepts: list[str]) -> Role | None:
    if not title_concepts:
        return None
    wanted = set(title_concepts)
    lexicon = get_lexicon()
    for role in cv.roles:
        if {h.concept for h in lexicon.find(role.title)} & wanted:
            return role
    return None


def _fuzzy_terms(cv: CVProfile, terms: list[str]) -> tuple[float, str]:
    terms = [t for t in terms if t not in _GENERIC_TERMS]
    if not terms:
        return 0.0, ""
    vocab = list(cv.words)
    found = 0.0
    matched: list[str] = []
    for term in terms:
        if term in cv.words:
            found += 1
            matched.append(term)
        elif len(term) >= 5 and vocab:
            best = process.extractOne(term, vocab, scorer=fuzz.ratio, score_cutoff=87)
            if best:
                found += 0.8
                matched.append(best[0])
    share = found / len(terms)
    line = ""
    if matched:
        for text in cv.lines:
            low = text.lower()
            if sum(1 for m in matched if m in low) >= max(1, len(matched) // 2):
                line = text
                break
    return share, line


def assess_requirement(req: Requirement, cv: CVProfile, job: JobProfile, vectors: CVVectors) -> Finding:
    lexicon = get_lexicon()
    if req.category == "years":
        years, roles = relevant_years(cv, job, req.alternatives)
        fit = min(1.0, years / req.years) if req.years else 1.0
        line = "; ".join(f"{r.title} ({r.date_text})" for r in roles[:3])
        return Finding(req, round(fit, 2), line, describe_years(years), roles)
    if req.category == EDUCATION:
        accepted = set()
        for cid in req.alternatives:
            accepted |= _EDU_IMPLIED_BY.get(cid, {cid})
        found, line, _ = _line_for(cv, sorted(accepted, key=lambda c: (c not in req.alternatives, c)))
        if not found and req.alternatives == ["high_school"] and cv.roles:
            # Nobody lists a school diploma under years of work; a work history implies it.
            return Finding(req, 0.7, "", "implied by the work history")
        return Finding(req, 1.0 if found else 0.0, line, found)
    if req.category == TITLE:
        # Having held the job (a role title or the CV's headline) proves it; a mention elsewhere
        # ("helped the lead teacher") only suggests it.
        wanted = set(req.alternatives)
        # A job titled manager/supervisor/lead asks for that level: a role in the same trade without
        # it ("Retail Associate" for "Store Manager") is a lesser match.
        senior_asked = _SENIORITY_RE.search(req.source or req.label) is not None
        junior_roles: list[Role] = []
        for role in cv.roles:
            hits = {h.concept for h in lexicon.find(role.title)}
            if hits & wanted:
                if senior_asked and not _SENIORITY_RE.search(role.title):
                    junior_roles.append(role)
                    continue
                return Finding(req, 1.0, f"{role.title} ({role.date_text})", role.title, [role])
        if junior_roles:
            from .experience import merged_years

            role = junior_roles[0]
            held = merged_years([(r.start, r.end) for r in junior_roles])
            if held >= _SENIOR_YEARS and not _JUNIOR_RE.search(role.title):
                # Seniority is also time in the job: eight years as "Software Engineer" is the
                # experience a "Senior Software Engineer" posting asks for.
                return Finding(
                    req, 0.9, f"{role.title} ({role.date_text})", f"{role.title}, {describe_years(held)}", junior_roles
                )
            return Finding(
                req, 0.6, f"{role.title} ({role.date_text})", f"{role.title}, not at the level asked", junior_roles
            )
        for index, line in enumerate(cv.lines[:4]):
            if index != cv.name_line and {h.concept for h in lexicon.find(line)} & wanted:
                return Finding(req, 1.0 if not cv.roles else 0.8, cv.lines[index], line)
        found, line, _ = _line_for(cv, req.alternatives, req.label)
        if found and _DEGREE_RE.search(req.source):
            # "A degree in chemistry": the field is a subject of study, and the CV's degree shows it.
            for cid in req.alternatives:
                for index in cv.concept_lines.get(cid, []):
                    degree_line = cv.lines[index]
                    if _DEGREE_RE.search(degree_line):
                        said = [lexicon.surface(degree_line, h) for h in lexicon.find(degree_line) if h.concept == cid]
                        return Finding(req, 1.0, degree_line, said[0] if said else found)
        if found:
            return Finding(req, 0.5, line, found)
        # A neighbouring role in the same field (bookkeeper for accountant, CNA for nurse) is
        # partial evidence: the field's knowledge is there, the exact job is not.
        fields = {d for cid in wanted for d in lexicon.concept(cid).domains} - _BROAD_DOMAINS
        near = neighbours_of(wanted)
        for role in cv.roles:
            for hit in lexicon.find(role.title):
                concept = lexicon.concept(hit.concept)
                if concept.category == TITLE and (set(concept.domains) & fields or hit.concept in near):
                    credit = 0.25 if senior_asked and not _SENIORITY_RE.search(role.title) else 0.4
                    return Finding(req, credit, f"{role.title} ({role.date_text})", f"related role: {concept.label}")
        if wanted & set(job.title_concepts):
            # A title the lexicon does not know ("Farm Labourer") that reads as the job's own.
            similar = _similar_title_roles(cv, job)
            if similar:
                role = similar[0]
                return Finding(req, 0.8, f"{role.title} ({role.date_text})", f"similar title: {role.title}", similar)
        return Finding(req, 0.0)
    if req.category == CREDENTIAL:
        found, line, _ = _line_for(cv, req.alternatives, req.asked or req.label)
        if not found:
            for cid in req.alternatives:
                written = _licence_written_out(cv, cid)
                if written:
                    return Finding(req, 1.0, written, get_lexicon().concept(cid).label)
    if req.alternatives:
        found, line, _ = _line_for(cv, req.alternatives, req.asked or req.label)
        if found and _names_another_member(req, found):
            # "Knife skills" asked, "recipes" shown: the same field of work, not the thing asked.
            return Finding(req, RELATED_MEMBER, line, f"{found} (related)")
        if found:
            return Finding(req, 1.0, line, found)
        if req.category == FIELD:
            # "Retail experience" is shown by a role in retail ("Store Manager - H&M").
            fields = {d for cid in req.alternatives for d in lexicon.concept(cid).domains}
            for role in cv.roles:
                if any(
                    lexicon.concept(c).category == TITLE and fields & set(lexicon.concept(c).domains)
                    for c in role.concepts
                ):
                    return Finding(req, 1.0, f"{role.title} ({role.date_text})", role.title, [role])
        if req.duty:
            # Duties are described in many words ("cared for ventilated patients" for "nursing care").
            semantic, semantic_line = requirement_match(req.source, vectors)
            if semantic:
                return Finding(req, semantic, semantic_line, "similar work")
            # A duty of the job's own field is implied by having held the job's title.
            held = _held_title_role(cv, job.title_concepts)
            fields = {d for cid in job.title_concepts for d in lexicon.concept(cid).domains} - _BROAD_DOMAINS
            req_fields = {d for cid in req.alternatives for d in lexicon.concept(cid).domains}
            if held is not None and fields & req_fields:
                return Finding(req, 0.7, f"{held.title} ({held.date_text})", f"implied by the role {held.title}")
        # Misspellings and variants the lexicon does not list ("Kubernets", "Quickbook").
        for cid in req.alternatives:
            for phrase, _entry in _phrases_of(cid):
                if len(phrase) >= 7 and cv.words:
                    best = process.extractOne(phrase, list(cv.words), scorer=fuzz.ratio, score_cutoff=90)
                    if best:
                        return Finding(req, 0.7, _first_line_with(cv, best[0]), best[0])
        return Finding(req, 0.0)
    share, line = _fuzzy_terms(cv, req.terms)
    met = 1.0 if share >= 0.75 else (0.5 if share >= 0.45 else 0.0)
    semantic, semantic_line = requirement_match(req.source, vectors)
    if semantic > met:
        return Finding(req, semantic, semantic_line, "similar wording")
    return Finding(req, met, line if met else "", "")


RELATED_MEMBER = 0.5  # another member of the concept the job named: related evidence, not proof


def _names_another_member(req: Requirement, found: str) -> bool:
    """A named skill or tool ("Google Ads") is proven by itself, not by a sibling ("social media");
    a class name ("CRM", "EHR") is proven by any member."""
    if req.category not in _NAMED_ASKS or not req.asked:
        return False
    lexicon = get_lexicon()
    classes = {name for cid in req.alternatives for name in lexicon.class_names.get(cid, ())}
    if any(tuple(tokenize(asked)) in classes for asked in req.asked):
        return False
    return not any(same_thing(asked, found) for asked in req.asked)


_PHRASE_CACHE: dict[str, list[tuple[str, tuple[str, str]]]] = {}


def _phrases_of(cid: str) -> list[tuple[str, tuple[str, str]]]:
    if not _PHRASE_CACHE:
        for key, value in get_lexicon().index.items():
            if len(key) == 1:
                _PHRASE_CACHE.setdefault(value[0], []).append((key[0], value))
    return _PHRASE_CACHE.get(cid, [])


def _first_line_with(cv: CVProfile, stem_word: str) -> str:
    for line in cv.lines:
        if stem_word in line.lower():
            return line
    return ""


def _one_answer_per_ask(findings: list[Finding]) -> list[Finding]:
    """Never a strength and a gap for the same ask: when one requirement is proven, another naming the
    same credential, degree or title ("A&P" beside "FAA A&P licence") takes that proof."""
    proven = [f for f in findings if f.met >= 0.7 and f.requirement.category != "years"]
    out = []
    for finding in findings:
        req = finding.requirement
        if finding.met < 0.7 and req.category != "years" and req.alternatives:
            for other in proven:
                same = other.requirement.category == req.category and set(other.requirement.alternatives) & set(
                    req.alternatives
                )
                if same and (req.category not in _NAMED_ASKS or not _names_another_member(req, other.found)):
                    finding = Finding(req, other.met, other.cv_line, other.found, other.roles)
                    break
        out.append(finding)
    return out


# "RN, State of Ohio, License #123456", "Registered Nurse - licence no. 12345, active": a title written
# beside a licence number, registration or its standing proves the title's licence.
_LICENCE_WORDS_RE = re.compile(
    r"\b(?:licen[cs]e[ds]?|licensure|registration|reg\.?|certificate|certification|credential)\b.{0,25}?"
    r"(?:#|\bno\b\.?|\bnumber\b|\bid\b|\b[A-Z]{0,3}[.\-]?\d{5,}\b|\bactive\b|\bcurrent\b|\bvalid\b)"
    r"|\b(?:active|current|valid)\b.{0,20}\b(?:licen[cs]e|licensure|registration|certificate|certification)\b"
    r"|\bstate of [A-Z][a-z]+\b.{0,30}\b(?:licen[cs]e|registration|certificate)",
    re.IGNORECASE,
)


def _licence_written_out(cv: CVProfile, licence: str) -> str:
    """The CV line that shows a title's licence by its number or standing, if any."""
    titles = [t for t, lic in LICENCE_OF_TITLE.items() if lic == licence]
    for cid in titles:
        for index in cv.concept_lines.get(cid, []):
            line = cv.lines[index]
            if _LICENCE_WORDS_RE.search(line):
                return line
    return ""


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
        if held & set(job.title_concepts):
            title = 1.0
        elif set(cv.title_concepts[:3]) & set(job.title_concepts):
            title = 0.8
        elif set(cv.concept_lines) & set(job.title_concepts):
            title = 0.5
        elif held & neighbours_of(job.title_concepts):
            title = 0.4  # a neighbouring occupation in another field (a concierge for a security officer)
    else:
        title = domain
    return 0.55 * domain + 0.45 * title


_YEARS_SHORT = 0.8  # below this share of the years asked, the score is capped in proportion to the shortfall


def _years_cap(fit: float) -> float:
    """The cap for having `fit` (0..1) of the years asked: 45 for none, 59 at half, 74 at four-fifths."""
    if fit < 0.5:
        return 45.0 + 28.0 * fit
    return 59.0 + 50.0 * (fit - 0.5)


def score_cv(job: JobProfile, cv: CVProfile) -> ScoreBreakdown:
    vectors = CVVectors(cv.lines)
    findings = _one_answer_per_ask([assess_requirement(req, cv, job, vectors) for req in job.requirements])
    must = [f for f in findings if f.requirement.kind == MUST and f.requirement.category != "years"]
    nice = [f for f in findings if f.requirement.kind != MUST and f.requirement.category != "years"]
    years_findings = [f for f in findings if f.requirement.category == "years" and f.requirement.kind == MUST]

    def coverage(items: list[Finding]) -> float:
        total = sum(f.requirement.weight for f in items)
        return sum(f.requirement.weight * f.met for f in items) / total if total else 0.0

    must_cov = coverage(must) if must else 0.0
    nice_cov = coverage(nice) if nice else 0.0
    if years_findings:
        years_fit = min(f.met for f in years_findings)
    else:
        # No stated minimum: a little credit for having done this work at all.
        yrs, _ = relevant_years(cv, job, job.title_concepts)
        years_fit = min(1.0, yrs / 2.0) if job.title_concepts else min(1.0, cv.total_years / 3.0)
    rel_years, _ = relevant_years(cv, job, job.title_concepts)
    occupation = occupation_fit(job, cv)
    titles = [role.title for role in cv.roles[:6]] + [ln for i, ln in enumerate(cv.lines[:3]) if i != cv.name_line]
    closeness = title_closeness(job.title_vector, titles)
    if closeness is not None:
        # The embedding knows job titles the lexicon does not ("zookeeper", "sommelier").
        occupation = max(occupation, 0.75 * closeness)
    similarity = term_similarity(job, cv)
    sim_scaled = min(1.0, similarity / 0.45)
    semantic = semantic_coverage(job.jd_vectors, vectors)
    if semantic is not None:
        sim_scaled = 0.2 * sim_scaled + 0.8 * semantic

    if must and job.has_stated_requirements:
        weights = {"must": 0.44, "nice": 0.10, "years": 0.14, "occupation": 0.22, "similarity": 0.10}
    else:
        # A prose description (duties, no list of asks): graded signals carry more of the score.
        weights = {"must": 0.30, "nice": 0.15, "years": 0.10, "occupation": 0.20, "similarity": 0.25}
    values = {
        "must": must_cov,
        "nice": nice_cov,
        "years": years_fit,
        "occupation": occupation,
        "similarity": sim_scaled,
    }
    present = {"must": bool(must), "nice": bool(nice), "years": True, "occupation": True, "similarity": True}
    # A part the job does not ask for (no nice-to-haves) hands its weight to the others.
    total = sum(w for k, w in weights.items() if present[k])
    raw = sum(w * values[k] for k, w in weights.items() if present[k]) / total
    score = 100.0 * raw

    caps: list[str] = []

    def cap(limit: float, reason: str, ceiling: float | None = None) -> None:
        # Above the cap the score is compressed, not flattened, so the ranking inside a band survives;
        # it never crosses into the next band (55 caps below GOOD_MATCH's 60, 30 below MODERATE's 40).
        nonlocal score
        if score > limit:
            if ceiling is None:
                ceiling = 39.4 if limit < 40 else (59.4 if limit < 60 else 74.4)
            score = min(limit + (score - limit) * 0.1, ceiling)
            caps.append(reason)

    missing_creds = [f for f in must if f.requirement.category == CREDENTIAL and f.met < 0.5]
    if missing_creds:
        cap(55.0, "required licence or certification missing")
    if any(f.requirement.defining and f.met < 0.7 for f in must):
        # An art teacher for a mathematics post, a sales director without the SaaS the title names.
        cap(55.0, "the role's defining qualification not shown")
    if must and must_cov < 0.5:
        cap(55.0, "fewer than half of the must-haves proven")
    specific_must = [f for f in must if f.requirement.category not in ("soft", "other") and f.requirement.weight >= 0.8]
    specific_met = sum(1 for f in specific_must if f.met >= 0.7)
    if occupation < 0.25 and (must_cov < 0.6 or specific_met < 3):
        # Shared basics (BLS, Excel, a degree) do not make a nurse a dental assistant.
        cap(30.0, "different occupation")
    if years_findings and years_fit < _YEARS_SHORT:
        # The shortfall sets the cap: a year of the five asked is a large gap, four of five a small one.
        cap(
            _years_cap(years_fit),
            "well short of the years required" if years_fit < 0.5 else "short of the years required",
        )
    # The job's own occupation never held, only a neighbouring one (a truck driver for a dispatcher,
    # a graphic designer for a UX designer) or named in passing ("helped the lead teacher"): related,
    # not a match, unless the CV's titles read as the same job in other words.
    own = set(job.title_concepts)
    title_findings = [f for f in must if f.requirement.category == TITLE and own & set(f.requirement.alternatives)]
    if title_findings and max(f.met for f in title_findings) == 0.6:
        cap(55.0, "the job's trade at a lower level than asked")
    # The embedding's word is taken only for roles the lexicon cannot name.
    known_other = any(_titles_of(role.title) - own for role in cv.roles[:2])
    if (
        title_findings
        and max(f.met for f in title_findings) < 0.6
        and (closeness is None or closeness < 0.8 or known_other)
    ):
        cap(NEIGHBOUR_CAP - 3.0, "a neighbouring occupation, not this one", ceiling=NEIGHBOUR_CAP)
    return ScoreBreakdown(
        score=max(0, min(100, int(round(score)))),
        findings=findings,
        must_coverage=round(must_cov, 3),
        nice_coverage=round(nice_cov, 3),
        years_fit=round(years_fit, 3),
        relevant_years=rel_years,
        occupation=round(occupation, 3),
        similarity=round(similarity, 3),
        semantic=None if semantic is None else round(semantic, 3),
        caps=caps,
    )
