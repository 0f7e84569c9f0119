"""Find lexicon concepts (skills, tools, credentials, titles, education) in text."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .lexicon_data import LEXICON
from .tokens import token_spans, tokenize, tokenize_with_case

CREDENTIAL = "cred"
TITLE = "title"
EDUCATION = "edu"
SOFT = "soft"
FIELD = "field"  # a workplace or line of work ("hotel", "warehouse"), not a job title


@dataclass(frozen=True)
class Concept:
    id: str
    category: str
    domains: tuple[str, ...]
    label: str  # how a recruiter would name it


@dataclass(frozen=True)
class Hit:
    concept: str
    start: int  # token positions in the text that was scanned
    end: int


class Lexicon:
    def __init__(self, source: str) -> None:
        self.concepts: dict[str, Concept] = {}
        # phrase (stemmed tokens) -> (concept id, acronym written in capitals or "")
        self.index: dict[tuple[str, ...], tuple[str, str]] = {}
        self.max_len = 1
        for line in source.splitlines():
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            cid, category, domains, synonyms = (part.strip() for part in line.split("|"))
            syns = [s.strip() for s in synonyms.split(";") if s.strip()]
            self.concepts[cid] = Concept(cid, category, tuple(domains.split()), _label(syns[0]))
            for syn in syns:
                key = tuple(tokenize(syn))
                if not key or key in self.index:
                    continue
                # Short all-capital synonyms (RN, ER, QA) count only when written in capitals.
                acronym = syn if syn.isupper() and len(syn) <= 4 else ""
                self.index[key] = (cid, acronym)
                self.max_len = max(self.max_len, len(key))

    def find(self, text: str) -> list[Hit]:
        """Longest-match scan: 'registered nurse license' beats 'registered nurse'."""
        return self.find_in_pairs(tokenize_with_case(text))

    def find_in_pairs(self, pairs: list[tuple[str, str]]) -> list[Hit]:
        """The same scan on text already split by ``tokenize_with_case``."""
        stems = [p[0] for p in pairs]
        hits: list[Hit] = []
        i, n = 0, len(stems)
        while i < n:
            for length in range(min(self.max_len, n - i), 0, -1):
                entry = self.index.get(tuple(stems[i : i + length]))
                if entry is None:
                    continue
                cid, acronym = entry
                if acronym and pairs[i][1].upper() != pairs[i][1]:
                    continue
                hits.append(Hit(cid, i, i + length))
                i += length
                break
            else:
                i += 1
        return self._licensed_titles(stems, hits)

    def _licensed_titles(self, stems: list[str], hits: list[Hit]) -> list[Hit]:
        """ "Licensed journeyman electrician", "certified forklift operator", "Forklift operator
        (certified)": a title said to be licensed or certified also proves that title's licence."""
        out: list[Hit] = []
        covered = {i for h in hits for i in range(h.start, h.end)}
        ends = {h.end for h in hits}
        n = len(stems)
        for hit in hits:
            out.append(hit)
            licence = _LICENCE_OF_TITLE.get(hit.concept)
            if licence is None or licence not in self.concepts:
                continue
            if self._licence_word_refers_to(stems, hit, covered, ends, n):
                out.append(Hit(licence, hit.start, hit.end))
        return out

    @staticmethod
    def _licence_word_refers_to(stems: list[str], hit: Hit, covered: set[int], ends: set[int], n: int) -> bool:
        """The licence word must be about this title: "Truck driver, certified in hazmat" and "CPR certified
        security guard" certify something else; "Forklift operator (certified), truck driver" the forklift."""
        p = hit.end
        if (
            p < n
            and p not in covered
            and stems[p] in _LICENSED_WORDS
            and (p + 1 >= n or stems[p + 1] not in _ABOUT_ANOTHER)
        ):
            return True
        for p in (hit.start - 1, hit.start - 2):
            if p < 0 or stems[p] not in _LICENSED_WORDS:
                continue
            if p in ends or p in covered:
                return False  # "CPR certified", "(certified)" after another title: that one's licence
            # "Certified in forklift operation", "licensed journeyman electrician": about this title.
            return not any(i in covered for i in range(p + 1, hit.start))
        return False

    def surface(self, text: str, hit: Hit) -> str:
        """The words of ``text`` that a hit covers, as written ("Epic", "CPR/BLS")."""
        spans = token_spans(text)
        if hit.end > len(spans) or hit.start >= hit.end:
            return ""
        return text[spans[hit.start][0] : spans[hit.end - 1][1]]

    def concept(self, cid: str) -> Concept:
        return self.concepts[cid]


# A title's own licence or certification, for "licensed <title>" / "<title> (certified)".
_LICENCE_OF_TITLE = {
    "registered_nurse": "rn_licence",
    "electrician": "electrician_licence",
    "forklift_operator": "forklift_cert",
    "teacher": "teaching_licence",
    "truck_driver": "cdl",
    "security_guard": "security_licence",
    "claims_adjuster": "adjuster_licence",
}
_LICENSED_WORDS = frozenset({"licensed", "certified", "registered", "accredited"})
# "Certified in hazmat", "licensed for tankers": the licence word then names what follows, not the title.
_ABOUT_ANOTHER = frozenset({"in", "for", "on", "with", "as", "to", "and", "or"})


# Occupations in different lexicon fields that share much of the work: a CV in one is a neighbour for a
# job in the other (related, not a match), as a bookkeeper is for an accountant within one field.
_NEIGHBOUR_PAIRS = (
    ("security_guard", "hotel"),  # lobby concierge / front desk: visitors, sign-in, lobby log
    ("pharmacy_tech", "lab_tech"),  # GMP, measuring, documentation
    ("electrician", "wind_technician"),  # industrial electrical maintenance
    ("groundskeeper", "agriculture"),  # outdoor equipment and manual work
    ("hotel", "medical_receptionist"),  # front-desk reception in another setting
    ("machinist", "welder"),  # metalwork from drawings
)
NEIGHBOURS: dict[str, frozenset[str]] = {}
for _a, _b in _NEIGHBOUR_PAIRS:
    NEIGHBOURS[_a] = NEIGHBOURS.get(_a, frozenset()) | {_b}
    NEIGHBOURS[_b] = NEIGHBOURS.get(_b, frozenset()) | {_a}


def neighbours_of(concepts: set[str] | list[str]) -> set[str]:
    """Title concepts that are neighbouring occupations of any of ``concepts``."""
    return {n for cid in concepts for n in NEIGHBOURS.get(cid, ())}


def _label(first_synonym: str) -> str:
    """The concept's name as the lexicon writes its first synonym, capitalised."""
    return first_synonym[0].upper() + first_synonym[1:] if first_synonym else first_synonym


@lru_cache(maxsize=1)
def get_lexicon() -> Lexicon:
    return Lexicon(LEXICON)
