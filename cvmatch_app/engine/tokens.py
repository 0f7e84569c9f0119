"""Words as the matcher compares them: lower case, light stemming, technical tokens kept whole
("c++", "c#", "node.js", "401k")."""

from __future__ import annotations

import re
from functools import lru_cache

_TOKEN_RE = re.compile(r"\.?[a-z0-9][a-z0-9+#]*(?:[.'][a-z0-9+#]+)*", re.IGNORECASE)

_STOP_RAW = """a an and are as at be been being but by can could did do does doing for from had has have having
    he her here hers him his how i if in into is it its itself just me more most my no nor not of off on
    once only or other our ours out over own same she should so some such than that the their theirs them
    then there these they this those through to too under until up very was we were what when where which
    while who whom why will with would you your yours also etc per via within across including include
    includes e.g i.e eg ie well able ability strong excellent good great new work working job role
    position candidate candidates team teams company our we're you'll you're will must should may might
    please apply applicant applicants looking seeking join opportunity day days week weeks plus
    using use used year years month months experience experienced knowledge understanding skill skills
    required requirement requirements preferred desired ideal ideally minimum least proven demonstrated
    relevant related responsible responsibilities duties key etc all any each both either other others
    about above after again against before below between during further duty""".split()


# British and American spellings of the same word ("driver's licence" is a driver's license).
_SPELLING = {
    "licence": "license", "licences": "license", "licenced": "licensed", "licencing": "licensing",
    "paediatric": "pediatric", "paediatrics": "pediatrics", "organisation": "organization",
    "organisations": "organization", "organise": "organize", "organised": "organized", "organising": "organizing",
    "behaviour": "behavior", "behaviours": "behavior", "centre": "center", "centres": "center",
    "practise": "practice", "practised": "practiced", "colour": "color", "programme": "program",
    "programmes": "program", "labour": "labor", "labourer": "laborer", "labourers": "laborer",
    "specialised": "specialized", "authorised": "authorized", "certifed": "certified", "catalogue": "catalog",
    "enrolment": "enrollment", "defence": "defense", "anaesthesia": "anesthesia", "haematology": "hematology",
    "utilisation": "utilization", "optimisation": "optimization", "analyse": "analyze", "analysed": "analyzed",
}  # fmt: skip


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A deliberately light stemmer: plurals and a few suffixes, so that 'nurses' meets 'nurse'
    without turning 'accounting' into 'account' (those differ in meaning for a recruiter)."""
    word = _SPELLING.get(word, word)
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is", "ous")):
        return word[:-1]
    return word


def tokenize(text: str) -> list[str]:
    out = []
    for match in _TOKEN_RE.finditer(text.lower()):
        tok = match.group().rstrip(".'")
        if tok.endswith("'s"):
            tok = tok[:-2]
        if tok:
            out.append(stem(tok))
    return out


def content_words(text: str) -> list[str]:
    """Tokens that carry meaning (no stop words, no bare numbers)."""
    return [t for t in tokenize(text) if t not in STOPWORDS and not t.isdigit() and len(t) > 1]


STOPWORDS = frozenset(_STOP_RAW) | frozenset(stem(w) for w in _STOP_RAW)


def tokenize_with_case(text: str) -> list[tuple[str, str]]:
    """(stemmed lower-case token, token as written): acronyms such as "RN" only count in capitals."""
    out = []
    for match in _TOKEN_RE.finditer(text):
        raw = match.group().rstrip(".'")
        # The stem drops a possessive; the written form keeps it ("Master's" is a degree, "Master" a title).
        word = raw[:-2] if raw.lower().endswith("'s") else raw
        if word:
            out.append((stem(word.lower()), raw))
    return out


def token_spans(text: str) -> list[tuple[int, int]]:
    """Character (start, end) of each token ``tokenize_with_case`` returns, in the same order."""
    out = []
    for match in _TOKEN_RE.finditer(text):
        raw = match.group().rstrip(".'")
        if raw.lower().endswith("'s"):
            raw = raw[:-2]
        if raw:
            out.append((match.start(), match.start() + len(raw)))
    return out
