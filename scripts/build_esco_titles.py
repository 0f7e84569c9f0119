"""Build cvmatch_app/engine/data/esco_titles.txt.gz: ESCO's English occupation titles -> ISCO-08 unit groups.

    .venv/bin/python scripts/build_esco_titles.py [../shared/data/esco]

Reads ESCO v1's occupations_en.csv (preferred and alternative labels, ISCO-08 4-digit group) and writes
one line per ESCO occupation: "<code>\t<title>;<title>;..." (sorted by code, so the occupations of a
unit group sit together; a title two occupations share is on both lines) with each title tokenised the way
the engine tokenises text (cvmatch_app.engine.tokens.tokenize: lower case, light stemming), so the
engine loads it by splitting lines. Titles of more than six words (nobody writes "metal drawing
machine operative supervisor" as a job title twice), and titles too generic to name an occupation
("manager", "technician", "consultant"; or a title ESCO files under three or more minor groups) are
left out. A title ESCO gives to occupations in two unit groups keeps both codes ("buyer": purchaser
3323, purchasing manager 1324).

The file carries ESCO's NOTICE: "This product uses the ESCO classification of the European Commission."
"""

from __future__ import annotations

import csv
import gzip
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cvmatch_app.engine.tokens import tokenize  # noqa: E402

OUT = ROOT / "cvmatch_app" / "engine" / "data" / "esco_titles.txt.gz"
NOTICE = "This product uses the ESCO classification of the European Commission."
MAX_WORDS = 6
# One-word titles that name a level or a kind of post, not an occupation: alone they say nothing about
# the work (ESCO lists "consultant" under doctors, "technician" and "operator" under dozens of trades;
# "host" under broadcasting, where a US job ad means the restaurant's).
GENERIC = set(
    tokenize(
        "manager director head chief executive officer assistant associate consultant specialist analyst "
        "coordinator supervisor administrator technician worker operator operative agent clerk representative "
        "lead leader intern trainee apprentice advisor adviser expert professional engineer inspector "
        "instructor attendant helper aide owner partner president principal member staff employee "
        "controller planner designer developer producer editor officer practitioner teacher host hostess"
    )
)
MAX_MINOR_GROUPS = 2  # a title ESCO files under more 3-digit groups than this is too vague to place


def build(source: Path) -> list[tuple[str, list[str]]]:
    """(ISCO unit group, titles) for each ESCO occupation, preferred label first."""
    occupations: list[tuple[str, list[str]]] = []
    codes_of_title: dict[str, set[str]] = defaultdict(set)
    with (source / "occupations_en.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            code = row["iscoGroup"].strip()
            if len(code) != 4 or not code.isdigit():
                continue
            keys: list[str] = []
            for label in [row["preferredLabel"], *row["altLabels"].split("\n")]:
                key = " ".join(tokenize(label))
                if key and len(key.split()) <= MAX_WORDS and key not in keys:
                    keys.append(key)
                    codes_of_title[key].add(code)
            occupations.append((code, keys))
    vague = {key for key, codes in codes_of_title.items() if len({c[:3] for c in codes}) > MAX_MINOR_GROUPS}
    out = []
    for code, keys in occupations:
        kept = [key for key in keys if key not in GENERIC and key not in vague]
        if kept:
            out.append((code, kept))
    return sorted(out)


def write(occupations: list[tuple[str, list[str]]], out: Path = OUT) -> None:
    lines = [
        f"# {NOTICE}",
        "# Derived from ESCO v1 occupations (English preferred and alternative labels, ISCO-08 unit groups),",
        "# https://esco.ec.europa.eu, by scripts/build_esco_titles.py. One ESCO occupation a line:",
        "# <code>\\t<title>;<title>... with titles tokenised as cvmatch_app.engine.tokens.tokenize does.",
    ]
    lines += [f"{code}\t{';'.join(keys)}" for code, keys in occupations]
    data = ("\n".join(lines) + "\n").encode("utf-8")
    # mtime=0: the same input gives the same bytes.
    out.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    titles = len({key for _, keys in occupations for key in keys})
    groups = len({code for code, _ in occupations})
    print(
        f"{out}: {len(occupations)} occupations in {groups} unit groups, {titles} titles, "
        f"{len(data):,} bytes, {out.stat().st_size:,} gzipped"
    )


if __name__ == "__main__":
    src = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / ".." / "shared" / "data" / "esco"
    write(build(src))
