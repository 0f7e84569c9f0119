"""The recruiter's rubric: the job's requirements as the engine read them, possibly corrected.

A rubric is a list of JSON-safe requirement dicts::

    {"id": "r1", "text": "Registered Nurse licence", "kind": "must" | "nice",
     "group": "role" | "skill" | "years" | "licence" | "education" | "condition",
     "weight": "low" | "normal" | "high", "knockout": False, "years": 0,
     "source": "the JD phrase it came from" ("" when the recruiter added it), "added": False}

``rubric_from_profile`` shows what the engine read; ``profile_with_rubric`` turns an edited rubric back
into the ``JobProfile`` the scorer takes, so one scoring path serves both the JD and the rubric.

Decisions (documented in the README's API section as well):

- **Ids**: the engine's requirements are ``r1``, ``r2``... in reading order. A kept id whose text is
  unchanged (numbers aside) maps back to the engine's requirement with the recruiter's kind, weight,
  years and knockout; a changed text, or ``added: true``, is read like a requirement line of a JD
  (concepts, credentials, years), falling back to its content words.
- **"A or B"**: an added item whose parts are of different kinds ("forklift licence or warehouse
  experience", joined by "or" or "/", no "and") is one requirement met by the better-shown part
  (``Requirement.either``), not two asks the candidate loses points on for holding only one.
- **Weight** is relative to the engine's own weight for that kind of ask: ``low`` x0.5, ``normal`` x1,
  ``high`` x2 (``WEIGHT_FACTORS``). The engine shows its defining asks (the role's licence, the
  subject its title names) as ``high``, minor asks (soft skills, a diploma, job conditions) as
  ``low``; moving one step up doubles a requirement's share of its part of the score, one step down
  halves it. An unedited rubric therefore scores exactly as the JD does.
- **Knockout**: a knockout is always a must-have (marking a nice-to-have a knockout makes it one). A
  knockout the CV does not meet caps the score below the Interview band (``scoring._knockout_caps``)
  and the strengths/gaps and summary say "Knockout: <text> not shown". A years knockout needs at
  least 90% of the years asked (dates rounded to months should not knock anyone out).
- **Limits**: at most ``MAX_REQUIREMENTS`` (60) requirements, each text 1..300 characters, years
  0..50; at least one must-have.
- **Protected characteristics** (age, sex/gender, marital or family status, pregnancy, race, ethnic
  or national origin, nationality, religion, health or disability, sexual orientation) are refused
  with a sentence saying why and what may be asked instead. Lawful job requirements pass: "valid
  driving licence", "right to work in the UK", a legal minimum age ("18 or over" to serve alcohol),
  and physical job conditions ("physically able to lift 25 kg": a condition of the job, asked of
  every applicant, not a question about health).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from .job_profile import (
    _CONDITION_RE,
    MUST,
    NICE,
    JobProfile,
    Requirement,
    _requirements_from,
    build_job_profile,
)
from .lexicon import CREDENTIAL, EDUCATION, SOFT, TITLE
from .tokens import STOPWORDS, tokenize

KINDS = (MUST, NICE)
GROUPS = ("role", "skill", "years", "licence", "education", "condition")
WEIGHTS = ("low", "normal", "high")
WEIGHT_FACTORS: dict[str, float] = {"low": 0.5, "normal": 1.0, "high": 2.0}
FIELDS = ("id", "text", "kind", "group", "weight", "knockout", "years", "source", "added")
MAX_REQUIREMENTS = 60  # a long person specification has 20-30 asks; 60 leaves room, 500 is refused
MAX_TEXT = 300
MAX_SOURCE = 1000  # the JD phrase shown beside a requirement; longer ones are cut, not refused
MAX_YEARS = 50
YEARS_KNOCKOUT_SHARE = 0.9  # a years knockout is met by this share of the years asked
_LOW_WEIGHT = 0.5  # the engine weighs minor asks (soft skills, a diploma, conditions) below this

_GROUP_OF_CATEGORY = {TITLE: "role", CREDENTIAL: "licence", EDUCATION: "education", "years": "years"}
# The category a recruiter-added requirement falls back to when the lexicon names nothing in it.
_CATEGORY_OF_GROUP = {"condition": SOFT, "licence": "other", "education": "other", "role": "other"}


class RubricError(ValueError):
    """A rubric the recruiter must correct; the message says what and how, in their words."""


def _group(req: Requirement) -> str:
    if req.category in _GROUP_OF_CATEGORY:
        return _GROUP_OF_CATEGORY[req.category]
    if req.category == SOFT and not req.alternatives and _CONDITION_RE.search(req.source):
        return "condition"
    return "skill"


def _level(req: Requirement) -> str:
    """How the engine's own weight reads on the rubric's three-step scale."""
    if req.defining:
        return "high"
    return "low" if req.weight < _LOW_WEIGHT else "normal"


def rubric_from_profile(profile: JobProfile) -> list[dict[str, Any]]:
    """What the engine read from the JD, as the rubric the recruiter sees and edits."""
    return [
        {
            "id": f"r{index}",
            "text": req.label,
            "kind": MUST if req.knockout else req.kind,
            "group": _group(req),
            "weight": _level(req),
            "knockout": req.knockout,
            "years": int(req.years) if req.years == int(req.years) else round(req.years, 2),
            "source": req.source,
            "added": False,
        }
        for index, req in enumerate(profile.requirements, start=1)
    ]


_NUMBER_RE = re.compile(r"\d+(?:\.\d+)?")


def _same_text(a: str, b: str) -> bool:
    """The engine's label, perhaps with the years number changed ("5+ years of X" for "3+ years of X")."""
    return _NUMBER_RE.sub("#", a.strip().lower()) == _NUMBER_RE.sub("#", b.strip().lower())


def _reweigh(req: Requirement, level: str, shown: str) -> float:
    return req.weight * WEIGHT_FACTORS[level] / WEIGHT_FACTORS[shown]


def _kept(req: Requirement, item: dict[str, Any]) -> Requirement:
    kind = MUST if item["knockout"] else item["kind"]
    years = float(item["years"]) if req.category == "years" else req.years
    label = req.label
    if req.category == "years" and years != req.years:
        label = _NUMBER_RE.sub(f"{years:g}", label, count=1)
    changed = kind != req.kind
    return replace(
        req,
        label=label,
        kind=kind,
        years=years,
        weight=_reweigh(req, item["weight"], _level(req)),
        knockout=bool(item["knockout"]),
        # A duty the recruiter makes a must-have is a stated ask, scored at its full weight.
        duty=req.duty and not (changed and kind == MUST),
    )


def _content_terms(text: str) -> list[str]:
    return list(dict.fromkeys(t for t in tokenize(text) if t not in STOPWORDS and len(t) > 1 and not t.isdigit()))


_OFFERS_EITHER_RE = re.compile(r"\bor\b|/", re.IGNORECASE)
_ASKS_BOTH_RE = re.compile(r"\band\b|&|;", re.IGNORECASE)


def _either(text: str, parsed: list[Requirement]) -> Requirement:
    """ "Forklift licence or warehouse experience": one ask that either answers, not two asks the
    candidate is marked down on when holding only one; it weighs as the heaviest of them."""
    first = max(parsed, key=lambda r: r.weight)
    return replace(first, label=text, either=parsed)


def _added(item: dict[str, Any]) -> list[Requirement]:
    """A requirement in the recruiter's words, read like a requirement line of a job description."""
    text = item["text"].strip()
    kind = MUST if item["knockout"] else item["kind"]
    years = float(item["years"])
    parsed: list[Requirement] = []
    for r in _requirements_from(text, "must" if kind == MUST else "nice"):
        # "Pediatric Advanced Life Support (PALS)" names one ask twice: it is one requirement.
        if r.category != "years" and not any(p.alternatives and p.alternatives == r.alternatives for p in parsed):
            parsed.append(r)
    out: list[Requirement] = []
    if item["group"] == "years" or years > 0:
        subject = [cid for r in parsed if r.category not in (EDUCATION, SOFT, CREDENTIAL) for cid in r.alternatives]
        base = Requirement(
            label=text, kind=kind, category="years", alternatives=list(dict.fromkeys(subject)), weight=1.2
        )
        out.append(replace(base, years=years or 1.0))
    elif len(parsed) > 1 and _OFFERS_EITHER_RE.search(text) and not _ASKS_BOTH_RE.search(text):
        out.append(_either(text, parsed))
    elif parsed:
        out.extend(replace(r, label=text if len(parsed) == 1 else r.label) for r in parsed)
    else:
        category = _CATEGORY_OF_GROUP.get(item["group"], "other")
        condition = category == SOFT or _CONDITION_RE.search(text) is not None
        out.append(
            Requirement(
                label=text,
                kind=kind,
                category=SOFT if condition else category,
                terms=_content_terms(text)[:8],
                weight=0.15 if condition else 0.6,
            )
        )
    return [
        replace(
            r,
            kind=kind,
            source=item.get("source", "") or "",
            duty=False,
            knockout=bool(item["knockout"]),
            weight=_reweigh(r, item["weight"], "low" if r.weight < _LOW_WEIGHT else "normal"),
        )
        for r in out
    ]


def profile_with_rubric(jd_text: str, rubric: list[dict[str, Any]]) -> JobProfile:
    """The JD's profile with its requirements replaced by the rubric's (validated here)."""
    profile = build_job_profile(jd_text)
    return apply_rubric(profile, rubric)


def apply_rubric(profile: JobProfile, rubric: list[dict[str, Any]]) -> JobProfile:
    """``profile`` (the JD's own reading) with the rubric's requirements; the profile is not changed.

    The JD's vocabulary, fields and sentence vectors stay: they describe the work, which the rubric
    does not restate. ``min_years`` follows the rubric's years must-haves."""
    items = validate_rubric(rubric, strict=False)
    engine = {f"r{index}": req for index, req in enumerate(profile.requirements, start=1)}
    requirements: list[Requirement] = []
    stated = profile.has_stated_requirements
    for item in items:
        own = None if item["added"] else engine.get(item["id"])
        if own is not None and _same_text(own.label, item["text"]):
            kept = _kept(own, item)
            stated = stated or (kept.kind == MUST and own.kind != MUST)
            requirements.append(kept)
        else:
            new = _added(item)
            stated = stated or any(r.kind == MUST for r in new)
            requirements.extend(new)
    min_years = max((r.years for r in requirements if r.kind == MUST and r.years), default=0.0)
    return replace(profile, requirements=requirements, min_years=min_years, has_stated_requirements=stated)


def knockout_met(met: float, req: Requirement, met_threshold: float) -> bool:
    """Whether a knockout's finding clears it: a years knockout by 90% of the years, others by MET."""
    return met >= (YEARS_KNOCKOUT_SHARE if req.category == "years" else met_threshold)


def knockout_reason(req: Requirement) -> str:
    return f"Knockout: {req.label} not shown"


# --- validation -------------------------------------------------------------------------------------

_ALTERNATIVE = (
    "You can ask for what the job itself needs instead: the right to work in the country, a licence or "
    "certificate the job requires, or a duty the candidate must be able to do."
)
_LEGAL_MIN_AGE_RE = re.compile(
    r"\b(?:16|18|21)\s*(?:\+|or over|or older|and over|years? or over)|"
    r"\b(?:over|at least|minimum age(?: of)?|aged?)\s+(?:16|18|21)\b(?!\s*(?:-|–|to|and)\s*\d)",
    re.IGNORECASE,
)
_PROTECTED: list[tuple[str, re.Pattern[str], str]] = [
    (
        "age",
        re.compile(
            r"\b(?:age|aged\s+\d{2}|years? old|yrs? old|young (?:candidates?|applicants?|graduates?|professionals?)|"
            r"youthful|digital native|"
            r"(?:under|below|over|above|between)\s+\d{2}(?!\s*(?:\+\s*)?(?:years?|yrs?)\s+(?:of|in|as|experience))|"
            r"no older than|no younger than|maximum age)\b",
            re.IGNORECASE,
        ),
        "You can ask for the years of experience the job needs, or a minimum age a law sets "
        "(18 or over to serve alcohol).",
    ),
    (
        "sex or gender",
        re.compile(
            r"\b(?:male|female|gender|sex(?!\s+education)|(?:wo)?men only|(?:young|mature)\s+(?:wo)?man|"
            r"(?:a|an)\s+(?:wo)?man|gentlem[ae]n only|he/him|she/her)\b",
            re.IGNORECASE,
        ),
        _ALTERNATIVE,
    ),
    (
        "marital or family status",
        re.compile(
            r"\b(?:married|unmarried|marital|single (?:person|man|woman|candidate|applicant)|no (?:children|kids)|"
            r"childless|without children|family status|no family (?:commitments|ties)|divorced|widowed)\b",
            re.IGNORECASE,
        ),
        "You can ask for availability for the job's hours or travel (e.g. 'able to work weekends').",
    ),
    (
        "pregnancy",
        re.compile(
            r"\b(?:pregnan(?:t|cy)|planning (?:a family|to have (?:a )?(?:baby|children))|maternity leave)\b",
            re.IGNORECASE,
        ),
        _ALTERNATIVE,
    ),
    (
        "race or ethnic origin",
        re.compile(
            r"\b(?:race|racial|ethnic(?:ity|ally)?|skin colou?r|caucasian|white (?:british|person|candidates?|"
            r"applicants?|only)|black (?:person|candidates?|applicants?|only))\b",
            re.IGNORECASE,
        ),
        _ALTERNATIVE,
    ),
    (
        "nationality or national origin",
        re.compile(
            r"\b(?:nationality|national origin|country of origin|native (?:english |[a-z]+ )?speaker|"
            r"born in|(?:british|american|english|uk|us|eu|european|polish|indian|chinese) nationals?)\b",
            re.IGNORECASE,
        ),
        "You can ask for the right to work in the country, or for fluency in the language the job uses.",
    ),
    (
        "religion or belief",
        re.compile(
            r"\b(?:religio(?:n|us)|christian|muslim|islamic|jewish|hindu|sikh|buddhist|catholic|protestant|"
            r"atheist|churchgoer)\b",
            re.IGNORECASE,
        ),
        _ALTERNATIVE,
    ),
    (
        "health or disability",
        re.compile(
            r"\b(?:able[- ]bodied|non[- ]disabled|not disabled|no disabilit(?:y|ies)|without (?:a )?disabilit(?:y|ies)|"
            r"good health|(?:be|is|are|in|physically) healthy|"
            r"no (?:medical|health|mental health) (?:conditions?|problems?|issues?|history)|"
            r"medical history|sick(?:ness)? (?:record|history)|hiv[- ]negative|no (?:history of )?mental illness)\b",
            re.IGNORECASE,
        ),
        "You can ask for the job's physical conditions that every applicant must meet "
        "(e.g. 'physically able to lift 25 kg').",
    ),
    (
        "sexual orientation",
        re.compile(
            r"\b(?:sexual orientation|heterosexual|homosexual|gay|lesbian|bisexual|transgender|gender identity)\b",
            re.IGNORECASE,
        ),
        _ALTERNATIVE,
    ),
]


# The ages of the people the job serves ("pupils aged 11-16", "school-age children", "age-appropriate
# activities") say nothing about the candidate's age.
_SERVED_AGES_RE = re.compile(
    r"\b(?:children|pupils|students|patients|kids|clients|people|adults|learners|residents|infants|babies|"
    r"youths?|teenagers|users|customers)\s+(?:aged|ages?)\s+\d{1,2}(?:\s*(?:-|–|to|and)\s*\d{1,2})?\+?|"
    r"\b(?:school|pre-?school|nursery|primary|secondary|working)[- ]age\b|\bage[- ]appropriate\b|"
    r"\bage (?:groups?|ranges?|bands?)\b",
    re.IGNORECASE,
)


def protected_characteristic(text: str) -> str | None:
    """A recruiter-readable refusal when ``text`` selects by a protected characteristic, else None."""
    for name, pattern, instead in _PROTECTED:
        match = pattern.search(_SERVED_AGES_RE.sub(" ", text) if name == "age" else text)
        if not match:
            continue
        if name == "age" and _LEGAL_MIN_AGE_RE.search(text) and not _other_age_words(text):
            continue  # "18 or over" is a legal minimum (alcohol, security work), not a preference
        return (
            f'"{_short(text)}" selects candidates by {name}, a protected characteristic: choosing by it is '
            f"unlawful discrimination (the Equality Act 2010 in the UK, Title VII and the ADEA in the US), "
            f"so CVMatch does not score it. {instead}"
        )
    return None


def _other_age_words(text: str) -> bool:
    rest = _LEGAL_MIN_AGE_RE.sub(" ", text)
    other = re.search(r"\b(?:young|youthful|older|elderly|under\s+\d{2}|below\s+\d{2}|no older)\b", rest, re.I)
    return other is not None


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _where(index: int, item: Any) -> str:
    text = item.get("text") if isinstance(item, dict) else None
    return (
        f'Requirement {index} ("{_short(text, 40)}")'
        if isinstance(text, str) and text.strip()
        else f"Requirement {index}"
    )


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip())
        except ValueError:
            return None
    return None


def validate_rubric(rubric: Any, *, strict: bool = True) -> list[dict[str, Any]]:
    """The rubric with defaults filled in, or ``RubricError`` naming the first thing to correct.

    Defaults: ``kind`` "must", ``group`` "skill", ``weight`` "normal", ``knockout`` false, ``years``
    0, ``source`` "", ``added`` true when there is no id (a new id ``n1``, ``n2``... is given).
    ``strict`` is off only for the engine's own reading, already shown to the recruiter: a prose JD may
    state no must-have, and a JD's own words are scored as written (the recruiter's edits are checked)."""
    _check_list(rubric)
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for index, item in enumerate(rubric, start=1):
        where = _where(index, item)
        if not isinstance(item, dict):
            raise RubricError(f"{where} must be an object with a text and a kind.")
        text = _requirement_text(where, item)
        fields = _requirement_fields(where, item)
        rid, added = _requirement_id(where, item, rubric, seen)
        seen.add(rid)
        refusal = protected_characteristic(text) if strict else None
        if refusal:
            raise RubricError(refusal)
        years = fields["years"]
        out.append(
            {
                "id": rid,
                "text": text,
                "kind": MUST if fields["knockout"] else fields["kind"],
                "group": fields["group"],
                "weight": fields["weight"],
                "knockout": fields["knockout"],
                "years": int(years) if years == int(years) else years,
                "source": fields["source"][:MAX_SOURCE],
                "added": added or fields["added"],
            }
        )
    if strict and not any(item["kind"] == MUST for item in out):
        raise RubricError(
            "The rubric has only nice-to-haves: make at least one requirement a must-have, so the ranking "
            "knows what a suitable candidate must show."
        )
    return out


def _check_list(rubric: Any) -> None:
    """A rubric is a non-empty list of at most MAX_REQUIREMENTS requirements."""
    if not isinstance(rubric, list):
        raise RubricError("The requirements must be a list of requirements (a JSON array of objects).")
    if not rubric:
        raise RubricError("The rubric is empty: keep or add at least one must-have requirement.")
    if len(rubric) > MAX_REQUIREMENTS:
        raise RubricError(
            f"The rubric has {len(rubric):,} requirements; the most CVMatch scores is {MAX_REQUIREMENTS}. "
            "Keep the requirements that decide who to interview."
        )


def _requirement_text(where: str, item: dict[str, Any]) -> str:
    """The requirement's text, whitespace folded; refuses unknown fields, no text, too long, no words."""
    unknown = sorted(str(k) for k in item if k not in FIELDS)
    if unknown:
        raise RubricError(
            f"{where} has unknown field{'s' if len(unknown) > 1 else ''} {', '.join(unknown)}; "
            f"a requirement has only {', '.join(FIELDS)}."
        )
    text = item.get("text")
    if not isinstance(text, str) or not text.strip():
        raise RubricError(f"{where} has no text: say what the candidate must have, or remove it.")
    text = " ".join(text.split())
    if len(text) > MAX_TEXT:
        raise RubricError(
            f"{where} is {len(text):,} characters long; a requirement is at most {MAX_TEXT} characters. "
            "Split it into shorter requirements."
        )
    if not _content_terms(text) and not re.search(r"\w", text):
        raise RubricError(f"{where} has no words to look for in a CV.")
    return text


def _requirement_fields(where: str, item: dict[str, Any]) -> dict[str, Any]:
    """kind, group, weight, knockout, years, source and added, checked, with their defaults."""
    kind = item.get("kind", MUST)
    if kind not in KINDS:
        raise RubricError(f'{where}: kind must be "must" or "nice", not {kind!r}.')
    group = item.get("group", "skill")
    if group not in GROUPS:
        raise RubricError(f"{where}: group must be one of {', '.join(GROUPS)}, not {group!r}.")
    weight = item.get("weight", "normal")
    if weight not in WEIGHTS:
        raise RubricError(f"{where}: weight must be low, normal or high, not {weight!r}.")
    knockout = item.get("knockout", False)
    if not isinstance(knockout, bool):
        raise RubricError(f"{where}: knockout must be true or false.")
    years = _number(item.get("years", 0))
    if years is None or not 0 <= years <= MAX_YEARS:
        raise RubricError(f"{where}: years must be a number from 0 to {MAX_YEARS}, not {item.get('years')!r}.")
    if group == "years" and years == 0:
        raise RubricError(f"{where} is a years requirement: give the years (1 to {MAX_YEARS}).")
    source = item.get("source", "")
    if not isinstance(source, str):
        raise RubricError(f"{where}: source must be text.")
    added = item.get("added", False)
    if not isinstance(added, bool):
        raise RubricError(f"{where}: added must be true or false.")
    return {
        "kind": kind,
        "group": group,
        "weight": weight,
        "knockout": knockout,
        "years": years,
        "source": source,
        "added": added,
    }


def _requirement_id(where: str, item: dict[str, Any], rubric: list[Any], seen: set[str]) -> tuple[str, bool]:
    """The requirement's id and whether it is new: a requirement without one gets the next free ``nN``."""
    rid = item.get("id")
    if rid is None or rid == "":
        n = 1
        while f"n{n}" in seen or any(isinstance(r, dict) and r.get("id") == f"n{n}" for r in rubric):
            n += 1
        return f"n{n}", True
    if not isinstance(rid, str) or len(rid) > 40:
        raise RubricError(f"{where}: id must be a short text (e.g. r3).")
    if rid in seen:
        raise RubricError(f'{where}: the id "{rid}" is used twice; each requirement needs its own id.')
    return rid, False
