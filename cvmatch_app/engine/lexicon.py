"""Find lexicon concepts (skills, tools, credentials, titles, education) in text."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .lexicon_data import LEXICON
from .tokens import token_spans, tokenize, tokenize_with_case

CREDENTIAL = "cred"
TITLE = "title"
EDUCATION = "edu"
SOFT = "soft"
FIELD = "field"  # a workplace or line of work ("hotel", "warehouse"), not a job title
NOTHING = "none"  # false friends: phrases that contain a concept's words but mean something else

# "Master" or "Bachelor" alone is a degree only when a degree word follows ("Master of Science").
_BARE_DEGREE_WORDS = frozenset({"master", "bachelor", "associate", "associates"})  # "sales associates"
_DEGREE_FOLLOWERS = frozenset({"of", "in", "degree", "program", "programme", "study", "studies", "level", "diploma"})
_DEGREE_NOUNS = frozenset({"degree", "diploma", "bachelor", "master", "associate"})
# Verbs spelled like a tool: "who excels at prioritising" and "excel in" name no spreadsheet. A verb form
# ("excels") never names the tool; the bare word followed by at/in does only when capitalised mid-sentence.
_VERB_FORMS = frozenset({"excels"})
_VERB_LOOKALIKES = frozenset({"excel"})
_VERB_FOLLOWERS = frozenset({"at", "in"})


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


class DuplicateSynonym(ValueError):
    """Two concepts claim the same words: one of them would be silently unreachable."""


class Lexicon:
    def __init__(self, source: str) -> None:
        self.concepts: dict[str, Concept] = {}
        # phrase (stemmed tokens) -> (concept id, "")
        self.index: dict[tuple[str, ...], tuple[str, str]] = {}
        # Short all-capital synonyms (RN, ER, IFR) count only as written: "IFRS" is not the plural of IFR.
        self.acronyms: dict[str, str] = {}
        self.class_names: dict[str, set[tuple[str, ...]]] = {}  # "*crm": any member of the concept proves it
        # "month-end close = monthly close": one thing written several ways (a named ask is proven by any).
        self.equivalent_names: dict[tuple[str, ...], int] = {}
        self.proves: set[tuple[int | None, int]] = set()  # (said, asked): one name proves another
        self.max_len = 1
        for line in source.splitlines():
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            cid, category, domains, synonyms = (part.strip() for part in line.split("|"))
            entries = [s.strip() for s in synonyms.split(";") if s.strip()]
            syns = [name.strip() for entry in entries for name in entry.split("=") if name.strip()]
            self.concepts[cid] = Concept(cid, category, tuple(domains.split()), _label(syns[0].lstrip("*")))
            for entry in entries:
                names = [tuple(tokenize(name.lstrip("*"))) for name in entry.split("=") if name.strip()]
                if len(names) > 1:
                    group = len(self.equivalent_names) + 1
                    self.equivalent_names.update({name: group for name in names if name})
            for syn in syns:
                if syn.startswith("*"):
                    syn = syn[1:]
                    self.class_names.setdefault(cid, set()).add(tuple(tokenize(syn)))
                if syn.isupper() and len(syn) <= 4 and syn.isalpha():
                    self._claim(self.acronyms, syn, cid, syn)
                    continue
                key = tuple(tokenize(syn))
                if not key:
                    continue
                self._claim(self.index, key, (cid, ""), syn)
                self.max_len = max(self.max_len, len(key))

    @staticmethod
    def _claim(table: dict[Any, Any], key: object, value: object, synonym: str) -> None:
        owner = table.get(key)
        if owner is not None and owner != value:
            first = owner[0] if isinstance(owner, tuple) else owner
            second = value[0] if isinstance(value, tuple) else value
            raise DuplicateSynonym(f"synonym {synonym!r} is claimed by both {first} and {second}")
        table[key] = value

    def find(self, text: str) -> list[Hit]:
        """Longest-match scan: 'registered nurse license' beats 'registered nurse'."""
        return self.find_in_pairs(tokenize_with_case(text), text)

    def find_in_pairs(self, pairs: list[tuple[str, str]], text: str = "") -> list[Hit]:
        """The same scan on text already split by ``tokenize_with_case`` (with the text, list
        separators are seen: "sales, tax returns" names sales and tax returns, not sales tax)."""
        stems = [p[0] for p in pairs]
        breaks = _list_breaks(text) if text else set()
        hits: list[Hit] = []
        i, n = 0, len(stems)
        while i < n:
            length, cid = self._longest_at(stems, pairs, i)
            cut = next((j for j in range(i + 1, i + length) if j in breaks), None)
            if cut is not None and self._longest_at(stems, pairs, cut)[0] > i + length - cut:
                # The words after the separator start a longer phrase of their own: the match stops there.
                length, cid = self._longest_at(stems, pairs, i, cut - i)
            if not length:
                named = self._named_among_its_kind(pairs, i)
                if named:
                    hits.append(Hit(named, i, i + 1))
                i += 1
                continue
            if self._real_hit(cid, pairs, i, hits):
                hits.append(Hit(cid, i, i + length))
            i += length
        return self._licensed_titles(stems, hits)

    def _longest_at(
        self, stems: list[str], pairs: list[tuple[str, str]], i: int, limit: int | None = None
    ) -> tuple[int, str]:
        for length in range(min(self.max_len, len(stems) - i, limit or self.max_len), 0, -1):
            entry = self.index.get(tuple(stems[i : i + length]))
            if entry is not None and (length > 1 or _written(pairs[i][1]) not in self.acronyms):
                return length, entry[0]
        raw = _written(pairs[i][1])
        acronym = self.acronyms.get(raw) or (self.acronyms.get(raw[:-1]) if raw.endswith("s") else None)
        return (1, acronym) if acronym else (0, "")

    def _real_hit(self, cid: str, pairs: list[tuple[str, str]], i: int, hits: list[Hit]) -> bool:
        """Words that look like a concept but are not: a bare "master" ("vendor master data", "Zen
        Master award") is no degree, an acronym spelled out just before it ("cost per acquisition
        (CPA)") abbreviates those words, and phrases the lexicon lists as false friends name nothing."""
        concept = self.concepts[cid]
        if concept.category == NOTHING:
            return False
        raw = _written(pairs[i][1])
        if raw.lower() in _VERB_FORMS:
            return False
        verb_like = raw.lower() in _VERB_LOOKALIKES and (raw.islower() or i == 0)
        if verb_like and i + 1 < len(pairs) and pairs[i + 1][0] in _VERB_FOLLOWERS:
            return False
        if concept.category == EDUCATION and _written(pairs[i][1]).lower() in _BARE_DEGREE_WORDS:
            following = pairs[i + 1][0] if i + 1 < len(pairs) else ""
            if following in ("or", "and") and pairs[i][1].lower().endswith("'s"):
                # "Associate's or bachelor's degree": a degree listed before the one the noun follows.
                return any(stem in _DEGREE_NOUNS for stem, _raw in pairs[i + 2 : i + 5])
            return following in _DEGREE_FOLLOWERS
        if self._in_another_sense(cid, pairs, i):
            return False
        if raw.isupper() and raw.isalpha() and 2 <= len(raw) <= 5 and i >= len(raw):
            words = pairs[i - len(raw) : i]
            spelled = "".join(w[1][:1] for w in words).upper()
            covered = any(h.end > i - len(raw) and h.concept == cid for h in hits)
            if spelled == raw.upper() and not covered:
                return False
        return True

    @staticmethod
    def _named_among_its_kind(pairs: list[tuple[str, str]], i: int) -> str:
        """A capitalised word that names a product only in a list of its siblings (``data/word_senses.txt``,
        "+" lines): "Project" in "Microsoft Office (Word, Excel, Outlook, Project)" is MS Project."""
        raw = pairs[i][1]
        if not raw[:1].isupper():
            return ""
        entry = LISTED_NAMES.get(pairs[i][0])
        if entry is None:
            return ""
        cid, siblings = entry
        near = pairs[max(0, i - 2) : i] + pairs[i + 1 : i + 3]
        return cid if any(stem in siblings for stem, _raw in near) else ""

    @staticmethod
    def _in_another_sense(cid: str, pairs: list[tuple[str, str]], i: int) -> bool:
        """A word written in another sense than the concept's (``data/word_senses.txt``): "kitchens"
        beside "remodeled bathrooms" is a room, "scheduling" beside "employees" a staff rota."""
        others = OTHER_SENSES.get((cid, pairs[i][0]))
        if not others:
            return False
        near = pairs[max(0, i - _SENSE_WINDOW) : i] + pairs[i + 1 : i + 1 + _SENSE_WINDOW]
        return any(stem in others for stem, _raw in near)

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

    def same_name(self, first: str, second: str) -> bool:
        """Whether two phrases are one thing written two ways ("month-end close", "monthly close"), or
        the second proves the first (``data/name_proves.txt``: "exceeded quota" proves closing)."""
        group = self.equivalent_names.get(tuple(tokenize(first)))
        said = self.equivalent_names.get(tuple(tokenize(second)))
        return group is not None and (group == said or (said, group) in self.proves)

    def proves_name(self, said: str, asked: str) -> bool:
        """Whether ``said`` proves ``asked`` only through ``data/name_proves.txt``, not as its own name."""
        said_group = self.equivalent_names.get(tuple(tokenize(said)))
        asked_group = self.equivalent_names.get(tuple(tokenize(asked)))
        return said_group != asked_group and (said_group, asked_group) in self.proves

    def load_proves(self, path: Path) -> None:
        """Read ``name > name`` lines: a CV naming the first proves a job's named ask of the second."""
        for raw in path.read_text(encoding="utf-8").splitlines():
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            said, asked = (self._group_of(name) for name in line.split(">"))
            self.proves.add((said, asked))

    def _group_of(self, name: str) -> int:
        key = tuple(tokenize(name))
        group = self.equivalent_names.get(key)
        if group is None:
            if key not in self.index:
                raise ValueError(f"{name.strip()!r} is no synonym of the lexicon")
            group = len(self.equivalent_names) + 1
            self.equivalent_names[key] = group
        return group


_LIST_SEPARATORS = frozenset(",;|•·")


def _list_breaks(text: str) -> set[int]:
    """Token positions that follow a list separator (a comma, semicolon, bar or bullet)."""
    spans = token_spans(text)
    return {j for j in range(1, len(spans)) if _LIST_SEPARATORS & set(text[spans[j - 1][1] : spans[j][0]])}


_RELATIONS_FILE = Path(__file__).with_name("data") / "occupations.txt"


def load_relations(path: Path = _RELATIONS_FILE) -> dict[str, list[tuple[str, str]]]:
    """Sections of concept pairs from the occupation data file ("[neighbours]", "[licence_of_title]")."""
    sections: dict[str, list[tuple[str, str]]] = {}
    current = ""
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            sections.setdefault(current, [])
            continue
        if "|" in line:
            continue  # a list of titles ([specialisms]), read by load_specialisms
        first, second = line.split()
        sections[current].append((first, second))
    return sections


GENERAL_POST = "general"  # a family's all-round post (an HR manager), which holds any of its specialisms


def load_specialisms(path: Path = _RELATIONS_FILE) -> dict[str, dict[str, list[str]]]:
    """The posts inside title concepts, from ``[specialisms]``: concept -> post -> the titles naming it."""
    posts: dict[str, dict[str, list[str]]] = {}
    current = ""
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
        elif current == "specialisms" and "|" in line:
            head, titles = line.split("|", 1)
            concept, post = head.split()
            posts.setdefault(concept, {})[post] = [t.strip() for t in titles.split(";") if t.strip()]
    return posts


SPECIALISMS = load_specialisms()


@lru_cache(maxsize=1)
def _post_lexicon() -> Lexicon:
    # One small lexicon of every post's titles, matched as the main one is (stems, longest phrase first).
    lines = [
        f"{cid}/{post} | skill | general | {'; '.join(titles)}"
        for cid, posts in SPECIALISMS.items()
        for post, titles in posts.items()
    ]
    return Lexicon("\n".join(lines))


@lru_cache(maxsize=4096)
def posts_named(text: str, concept: str) -> frozenset[str]:
    """The posts of ``concept`` a title names: its specialisms if it names any ("HR Benefits Specialist"
    is a benefits post), else the family's general post if named, else none (a bare "Designer")."""
    if concept not in SPECIALISMS:
        return frozenset()
    prefix = concept + "/"
    named = {h.concept[len(prefix) :] for h in _post_lexicon().find(text) if h.concept.startswith(prefix)}
    special = named - {GENERAL_POST}
    return frozenset(special or named)


_RELATIONS = load_relations()
# A title's own licence or certification, for "licensed <title>" / "<title> (certified)".
_LICENCE_OF_TITLE = dict(_RELATIONS.get("licence_of_title", []))
LICENCE_OF_TITLE = _LICENCE_OF_TITLE
_LICENSED_WORDS = frozenset({"licensed", "certified", "registered", "accredited", "credentialed"})
# "Certified in hazmat", "licensed for tankers": the licence word then names what follows, not the title.
_ABOUT_ANOTHER = frozenset({"in", "for", "on", "with", "as", "to", "and", "or"})

NEIGHBOURS: dict[str, frozenset[str]] = {}
for _a, _b in _RELATIONS.get("neighbours", []):
    NEIGHBOURS[_a] = NEIGHBOURS.get(_a, frozenset()) | {_b}
    NEIGHBOURS[_b] = NEIGHBOURS.get(_b, frozenset()) | {_a}


_SENSES_FILE = Path(__file__).with_name("data") / "word_senses.txt"
_SENSE_WINDOW = 8  # words either side of the concept's word that may show another sense


def load_senses(path: Path = _SENSES_FILE) -> dict[tuple[str, str], frozenset[str]]:
    """(concept, word) -> the words that, near it, show the word is written in another sense."""
    senses: dict[tuple[str, str], frozenset[str]] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line or ":" not in line:
            continue
        head, _, context = line.partition(":")
        cid, word = head.split()
        key = (cid, tokenize(word)[0])
        senses[key] = senses.get(key, frozenset()) | frozenset(tokenize(context))
    return senses


def load_listed_names(path: Path = _SENSES_FILE) -> dict[str, tuple[str, frozenset[str]]]:
    """word -> (concept, siblings): "+" lines, a capitalised word that names the concept beside a sibling."""
    names: dict[str, tuple[str, frozenset[str]]] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if "+" not in line or ":" in line:
            continue
        head, _, siblings = line.partition("+")
        cid, word = head.split()
        names[tokenize(word)[0]] = (cid, frozenset(tokenize(siblings)))
    return names


OTHER_SENSES = load_senses()
LISTED_NAMES = load_listed_names()


ISCO_OF_TITLE: dict[str, str] = dict(_RELATIONS.get("isco", []))
# A degree's subject word -> the broad disciplines it belongs to ("marketing" -> business).
DEGREE_FIELD_FAMILIES: dict[str, set[str]] = {}
for _word, _family in _RELATIONS.get("degree_field_families", []):
    DEGREE_FIELD_FAMILIES.setdefault(_word, set()).add(_family)
# An asked field word naming a whole discipline ("information" of information technology) -> its family.
DEGREE_FIELD_UMBRELLAS: dict[str, str] = dict(_RELATIONS.get("degree_field_umbrellas", []))
TAUGHT_SUBJECTS: frozenset[str] = frozenset(subject for subject, _title in _RELATIONS.get("taught_subjects", []))
CLASS_INCLUDES: dict[str, set[str]] = {}
for _class, _member in _RELATIONS.get("class_includes", []):
    CLASS_INCLUDES.setdefault(_class, set()).add(_member)
# ISCO-08's skill level by major group: 1 managers and 2 professionals (4), 3 technicians (3),
# 4-8 clerks, service, trades and operators (2), 9 elementary occupations (1).
_SKILL_LEVEL_OF_MAJOR = {"1": 4, "2": 4, "3": 3, "4": 2, "5": 2, "6": 2, "7": 2, "8": 2, "9": 1}


def skill_level(title_concept: str) -> int | None:
    """ISCO's skill level of a job-title concept (4 high .. 1 elementary), or None if unknown."""
    code = ISCO_OF_TITLE.get(title_concept)
    return _SKILL_LEVEL_OF_MAJOR.get(code[0]) if code else None


def neighbours_of(concepts: set[str] | list[str]) -> set[str]:
    """Title concepts that are neighbouring occupations of any of ``concepts``: the hand-listed ones
    across fields, and titles in the same ISCO-08 unit group (a yoga instructor beside a personal trainer)."""
    listed = {n for cid in concepts for n in NEIGHBOURS.get(cid, ())}
    groups = {ISCO_OF_TITLE[cid] for cid in concepts if cid in ISCO_OF_TITLE}
    fields = {d for cid in concepts for d in get_lexicon().concept(cid).domains}
    same_group = {
        cid
        for cid, group in ISCO_OF_TITLE.items()
        if group in groups and cid not in concepts and fields & set(get_lexicon().concept(cid).domains)
    }
    return listed | same_group


def _written(raw: str) -> str:
    """A token as written, without a possessive ("RN's" -> "RN")."""
    return raw[:-2] if raw.lower().endswith("'s") else raw


def _label(first_synonym: str) -> str:
    """The concept's name as the lexicon writes its first synonym, capitalised."""
    return first_synonym[0].upper() + first_synonym[1:] if first_synonym else first_synonym


_PROVES_FILE = Path(__file__).with_name("data") / "name_proves.txt"


@lru_cache(maxsize=1)
def get_lexicon() -> Lexicon:
    lexicon = Lexicon(LEXICON)
    lexicon.load_proves(_PROVES_FILE)
    return lexicon


def asks_the_post(text: str, concept: str, title: str) -> bool:
    """Whether a JD line that names ``concept`` asks for the post the job's title names: the title
    itself, or a line naming that post ("3+ years of accounts payable experience" for an AP specialist,
    "a generalist human resources role" for an HR generalist); not one naming only the family's general
    words where the title names a specialised post ("selling into HR teams" for an account executive)."""
    asked = posts_named(title, concept)
    return bool(asked) and (text == title or bool(posts_named(text, concept) & asked))
