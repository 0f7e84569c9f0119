"""Lines and words from where the glyphs sit on the page, not from the order the file draws them.

1. Runs: glyphs that follow each other in the file on one baseline, moving the right way, with
   no wide gap, form a run; a gap wider than ``WORD_GAP`` × the glyph height inside a run is a
   space (builders that place every glyph on its own write no space glyphs at all).
2. Reading order (a recursive XY cut): a block is split into columns at a vertical gutter when
   the rows on its two sides do not line up (a sidebar, a two-column list), else into bands at
   its widest horizontal gaps; what is left is rows. Rows whose runs line up across a gutter
   stay one line, so a date printed at the right margin stays on its role's line.
3. Lines: a row's runs joined by a space, or by " | " across a wide gap (as DOCX table cells
   are); a blank line where the vertical gap says a new paragraph or column begins.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass

import numpy as np

WORD_GAP = 0.095  # × glyph height, net of the glyph's usual gap: letters sit within 0.07 of it, words from 0.1
SAME_LINE = 0.35  # × the smaller height: centres closer than this are on one baseline
OVERLAP = 0.5  # × height a glyph may overlap the one before it (kerning, italics) and still follow it
RUN_BREAK = 1.0  # × height: a wider gap ends a run (the row decides how to join what is on each side)
CELL_GAP = 2.0  # × height: runs on one row further apart than this are separate cells (" | ")
GUTTER = 1.0  # × median height: the narrowest vertical gap that may separate columns
MIN_GUTTER_PT = 6.0
ROWS_LINE_UP = 0.6  # share of the shorter side's rows that must line up to keep a gutter's sides as one table
CELL_SHARE = 0.5  # share of a side's rows that must be short cells (dates, bullets, labels) for a table
MAX_CELL_WORDS = 6  # "Dec 2016 to Current", "10/2017 - 09/2019", "Summer 2018"
MAX_LABEL_WORDS = 3
MAX_GUTTERS_TRIED = 3
SPARSE_PITCH = 2.0  # × row height: rows this far apart (typical) are notes beside another flow
BAND_SPLIT = 0.75  # split a block at every horizontal gap at least this share of its widest one
ALIGN_TOLERANCE = 2.0  # points: lines starting this close start at the same edge
BULLET_INDENT = 4.0  # × height: how far right of its mark a bullet's text may start
WRAP_SLACK = 3.0  # × height: a line ending this close to its block's right edge ran out of room
PARAGRAPH_GAP = 0.6  # × height: a vertical gap wider than this starts a paragraph (blank line)
MAX_DEPTH = 60
TURNED_MIN_GLYPHS = 4  # glyphs one after another along a slant or a vertical before it is turned text
TURNED_STEP = 1.6  # × glyph size: the furthest one glyph of turned text sits from the next
TURNED_ANGLE_SPREAD = 0.35  # radians: the glyphs of one line of turned text keep their direction
TURNED_WORD_STEP = 1.5  # × the usual step: a longer one is a word gap
_RTL_RE = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")  # Hebrew, Arabic, Syriac, Thaana...
CELL_SEPARATOR = " | "
RUN_END = "\x1e"  # marks where a run ends while a page's text is joined (never in the glyphs)
BIAS_MIN_SAMPLES = 12  # a letter seen this often tells how its writer places the next one
BIAS_MIN_LETTERS = 5
BIAS_OFFSET = 0.01  # × height: a usual gap further from zero than this is the writer's own advance
BIAS_WRITER_SHARE = 0.5  # share of frequent letters that must show it
BIAS_MIN_COUNT = 4
BIAS_CLUSTER = 0.12  # × height: rounding spreads a letter's gaps over about two units of 0.064
BIAS_LOW = 0.1  # the low end, a quantile: one odd overlap does not move it
BIAS_MAX_GAP = 0.3  # × height: wider gaps are word gaps, not a glyph's usual placement
BIAS_MAX = 0.05
RUN_SPACING_MIN_PAIRS = 5  # letter pairs a run needs before its own spacing is trusted
RUN_SPACING_MIN = -0.1
RUN_SPACING_MAX = 1.0


@dataclass(slots=True)
class Run:
    left: float
    bottom: float
    right: float
    top: float
    text: str
    rtl: bool = False
    start: int = 0  # the run's glyphs are start..end-1 of the page's glyphs
    end: int = 0

    @property
    def height(self) -> float:
        return self.top - self.bottom

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


def page_lines(chars: str, boxes: np.ndarray, spaced: np.ndarray | None = None) -> list[str]:
    """The page's text as lines in reading order ("" marks a paragraph break). ``spaced`` marks
    glyphs the PDF reader put a space before."""
    upright, turned = _turned_text(chars, boxes)
    if turned:
        chars = "".join(c for c, keep in zip(chars, upright.tolist(), strict=True) if keep)
        boxes = boxes[upright]
        spaced = None if spaced is None else spaced[upright]
    runs = make_runs(chars, boxes, spaced)
    lines = render([_untangle(row, chars, boxes) for row in reading_order(runs)]) if runs else []
    # Text set at an angle (a vertical "CURRICULUM VITAE" down the margin) is read along its
    # own direction and kept after the page's lines.
    return [*lines, "", *turned] if turned else lines


def _turned_text(chars: str, boxes: np.ndarray) -> tuple[np.ndarray, list[str]]:
    """(glyphs that are not part of turned text, lines of turned text in drawing order)."""
    count = len(chars)
    upright = np.ones(count, dtype=bool)
    if count < TURNED_MIN_GLYPHS:
        return upright, []
    centre_x = (boxes[:, 0] + boxes[:, 2]) / 2
    centre_y = (boxes[:, 1] + boxes[:, 3]) / 2
    size = np.maximum(boxes[:, 2] - boxes[:, 0], boxes[:, 3] - boxes[:, 1])
    step_x, step_y = np.diff(centre_x), np.diff(centre_y)
    distance = np.hypot(step_x, step_y)
    pair_size = np.maximum(np.maximum(size[:-1], size[1:]), 1.0)
    height = np.maximum(boxes[:, 3] - boxes[:, 1], 1.0)
    turned_pair = (np.abs(step_y) > SAME_LINE * np.minimum(height[:-1], height[1:])) & (
        distance < TURNED_STEP * pair_size
    )
    if turned_pair.sum() < TURNED_MIN_GLYPHS - 1:
        return upright, []
    lines = []
    # Stretches of consecutive turned steps, each a candidate line of turned text.
    edges = np.flatnonzero(np.diff(np.concatenate(([0], turned_pair.astype(np.int8), [0]))))
    for first, last in zip(edges[0::2].tolist(), edges[1::2].tolist(), strict=True):
        if last - first < TURNED_MIN_GLYPHS - 1:
            continue
        angles = np.arctan2(step_y[first:last], step_x[first:last])
        turn = float(np.median(angles))
        if np.abs(np.angle(np.exp(1j * (angles - turn)))).max() > TURNED_ANGLE_SPREAD:
            continue
        usual = float(np.median(distance[first:last]))
        text = [chars[first]]
        for step in range(first, last):
            if distance[step] > TURNED_WORD_STEP * usual:
                text.append(" ")
            text.append(chars[step + 1])
        upright[first : last + 1] = False
        lines.append(" ".join("".join(text).split()))
    return upright, lines


def _is_rtl(char: str) -> bool:
    return unicodedata.bidirectional(char) in ("R", "AL")


def make_runs(chars: str, boxes: np.ndarray, spaced: np.ndarray | None = None) -> list[Run]:
    count = len(chars)
    if count == 0:
        return []
    left, bottom, right, top = boxes[:, 0], boxes[:, 1], boxes[:, 2], boxes[:, 3]
    height = np.maximum(top - bottom, 1.0)
    middle = (top + bottom) / 2
    smaller = np.minimum(height[:-1], height[1:])
    larger = np.maximum(height[:-1], height[1:])
    same_line = np.abs(middle[1:] - middle[:-1]) < SAME_LINE * smaller
    gap = left[1:] - right[:-1]
    forward = (gap > -OVERLAP * larger) & (gap < RUN_BREAK * larger)
    rtl = np.zeros(count, dtype=bool)
    if _RTL_RE.search(chars):
        rtl = np.fromiter((_is_rtl(c) for c in chars), dtype=bool, count=count)
        back_gap = left[:-1] - right[1:]
        backward = rtl[:-1] & rtl[1:] & (back_gap > -OVERLAP * larger) & (back_gap < RUN_BREAK * larger)
        gap = np.where(forward, gap, back_gap)
        forward |= backward
    follows = same_line & forward
    relative_gap = gap / larger
    codes = np.frombuffer(chars.encode("utf-32-le"), dtype=np.uint32)
    letter = ((codes | 0x20) >= ord("a")) & ((codes | 0x20) <= ord("z"))
    net_gap = relative_gap - _glyph_bias(codes, letter, relative_gap, follows)
    net_gap -= _run_spacing(net_gap, follows, letter[:-1] & letter[1:])
    space = net_gap > WORD_GAP
    if spaced is not None:
        space |= spaced[1:]
    # Glyphs and separators interleaved as code points, then decoded at once.
    woven = np.zeros(2 * count - 1, dtype=np.uint32)
    woven[0::2] = codes
    woven[1::2] = np.where(follows, np.where(space, ord(" "), 0), ord(RUN_END))
    joined = woven[woven != 0].tobytes().decode("utf-32-le")
    starts = np.concatenate(([0], np.flatnonzero(~follows) + 1))
    lefts = np.minimum.reduceat(left, starts).tolist()
    bottoms = np.minimum.reduceat(bottom, starts).tolist()
    rights = np.maximum.reduceat(right, starts).tolist()
    tops = np.maximum.reduceat(top, starts).tolist()
    first_rtl = rtl[starts].tolist()
    starts_list = starts.tolist()
    ends = [*starts_list[1:], count]
    runs = []
    for index, text in enumerate(joined.split(RUN_END)):
        text = text.strip()
        if text:
            run = Run(lefts[index], bottoms[index], rights[index], tops[index], text, first_rtl[index])
            run.start, run.end = starts_list[index], ends[index]
            runs.append(run)
    return runs


def _glyph_bias(all_codes: np.ndarray, letter: np.ndarray, relative_gap: np.ndarray, follows: np.ndarray) -> np.ndarray:
    """How far each glyph's successor usually sits from its box inside a word, per character.

    Some writers (wkhtmltopdf, Qt) place glyphs with their own rounded advances, not the font's:
    after an "f" the next letter starts a point before the font's width ends, so a word gap after
    "of" is narrower than one after "and". Such a writer shows as most frequent letters having a
    usual gap other than zero; then the middle of each letter's lowest cluster of gaps (inside a
    word; gaps between words are wider) is subtracted before a gap is judged. Other writers' gaps vary
    only by kerning, which depends on the next letter ("Yo" vs "YO"), so nothing is subtracted."""
    bias = np.zeros(len(relative_gap))
    codes = all_codes[:-1]
    usable = follows & letter[:-1] & letter[1:] & (relative_gap > -OVERLAP) & (relative_gap < BIAS_MAX_GAP)
    if usable.sum() < BIAS_MIN_SAMPLES:
        return bias
    keys, inverse, counts = np.unique(codes[usable], return_inverse=True, return_counts=True)
    order = np.lexsort((relative_gap[usable], inverse))
    sorted_gaps = relative_gap[usable][order]
    starts = np.concatenate(([0], np.cumsum(counts)[:-1]))

    def quantile(share: float) -> np.ndarray:
        return np.asarray(sorted_gaps[starts + (share * (counts - 1)).astype(int)])

    frequent = counts >= BIAS_MIN_SAMPLES
    offset = np.abs(quantile(0.5)) > BIAS_OFFSET
    if frequent.sum() < BIAS_MIN_LETTERS or (offset & frequent).sum() < BIAS_WRITER_SHARE * frequent.sum():
        return bias
    # The letter's own cluster: its gaps within BIAS_CLUSTER of its low end (word gaps lie beyond).
    group = inverse[order]
    in_cluster = sorted_gaps <= quantile(BIAS_LOW)[group] + BIAS_CLUSTER
    cluster_size = np.bincount(group[in_cluster], minlength=len(keys))
    cluster_median = sorted_gaps[starts + (cluster_size - 1) // 2]
    seen = counts >= BIAS_MIN_COUNT
    letter_bias = np.clip(cluster_median, -OVERLAP, BIAS_MAX)
    # A letter seen too rarely, or a mark before a letter, gets the writer's typical offset.
    typical = float(np.median(letter_bias[seen & frequent]))
    letter_bias = np.where(seen, letter_bias, typical)
    bias[:] = typical
    position = np.searchsorted(keys, codes)
    found = (position < len(keys)) & (keys[np.minimum(position, len(keys) - 1)] == codes)
    bias[found] = letter_bias[position[found]]
    return bias


def _run_spacing(net_gap: np.ndarray, follows: np.ndarray, letter_pairs: np.ndarray) -> np.ndarray:
    """The usual gap between the letters of each run: letter-spaced headings ("S K I L L S"),
    justified or re-rounded lines space all their letters alike; a word gap is wider still."""
    run = np.cumsum(~follows)
    usable = follows & letter_pairs & (net_gap < RUN_BREAK)
    spacing = np.zeros(len(net_gap))
    if usable.sum() < RUN_SPACING_MIN_PAIRS:
        return spacing
    runs, inverse, counts = np.unique(run[usable], return_inverse=True, return_counts=True)
    order = np.lexsort((net_gap[usable], inverse))
    starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
    median = net_gap[usable][order][starts + (counts - 1) // 2]
    median = np.where(counts >= RUN_SPACING_MIN_PAIRS, np.clip(median, RUN_SPACING_MIN, RUN_SPACING_MAX), 0.0)
    position = np.searchsorted(runs, run)
    found = (position < len(runs)) & (runs[np.minimum(position, len(runs) - 1)] == run)
    spacing[found] = median[position[found]]
    return spacing


def reading_order(runs: list[Run]) -> list[list[Run]]:
    """Rows of runs, each row left to right (right to left for RTL text), in reading order."""
    return _cut(runs, 0)


def _cut(runs: list[Run], depth: int) -> list[list[Run]]:
    if len(runs) <= 1 or depth > MAX_DEPTH:
        return _rows(runs)
    columns = _column_split(runs)
    if columns is not None:
        left, right = columns
        return _cut(left, depth + 1) + _cut(right, depth + 1)
    bands = _bands(runs)
    if len(bands) > 1:
        return [row for band in bands for row in _cut(band, depth + 1)]
    return _rows(runs)


def _bands(runs: list[Run]) -> list[list[Run]]:
    """Split at the widest horizontal gaps that no run crosses."""
    ordered = sorted(runs, key=lambda r: -r.top)
    gaps: list[tuple[int, float]] = []
    floor = ordered[0].bottom
    for index in range(1, len(ordered)):
        run = ordered[index]
        if run.top < floor:
            gaps.append((index, floor - run.top))
        floor = min(floor, run.bottom)
    if not gaps:
        return [runs]
    widest = max(g for _, g in gaps)
    cuts = [index for index, g in gaps if g >= BAND_SPLIT * widest]
    bounds = [0, *cuts, len(ordered)]
    return [ordered[a:b] for a, b in itertools.pairwise(bounds)]


def _row_bands(runs: list[Run]) -> list[tuple[float, float]]:
    """(bottom, top) of each row the runs form, top first."""
    bands: list[list[float]] = []
    for run in sorted(runs, key=lambda r: -r.middle):
        if bands:
            bottom, top = bands[-1]
            overlap = min(top, run.top) - max(bottom, run.bottom)
            if overlap >= 0.5 * min(top - bottom, run.height):
                bands[-1] = [min(bottom, run.bottom), max(top, run.top)]
                continue
        bands.append([run.bottom, run.top])
    return [(b, t) for b, t in bands]


def _column_split(runs: list[Run]) -> tuple[list[Run], list[Run]] | None:
    """The two sides of the widest vertical gutter that separates two flows of text, if any.

    Rows that line up across the gutter stay together when one side holds short cells (dates,
    bullets, "Label:") or is sparse (a line here and there, each beside a line of the other side):
    that is a date or a place printed at the margin of its role, or a table. Rows that line up by
    coincidence (two columns in the same font and spacing) are still two flows."""
    heights = sorted(r.height for r in runs)
    min_gutter = max(MIN_GUTTER_PT, GUTTER * heights[len(heights) // 2])
    by_left = sorted(runs, key=lambda r: r.left)
    gutters: list[tuple[float, float]] = []
    reach = by_left[0].right
    for run in by_left[1:]:
        if run.left - reach >= min_gutter:
            gutters.append((reach, run.left))
        reach = max(reach, run.right)
    for start, end in sorted(gutters, key=lambda g: g[0] - g[1])[:MAX_GUTTERS_TRIED]:
        left = [r for r in runs if r.right <= start]
        right = [r for r in runs if r.left >= end]
        left_rows, right_rows = _row_bands(left), _row_bands(right)
        if len(left_rows) < 2 or len(right_rows) < 2:
            continue
        shorter, longer = sorted((left_rows, right_rows), key=len)
        lined_up = sum(1 for row in shorter if _lines_up(row, longer))
        if lined_up < ROWS_LINE_UP * len(shorter):
            return left, right
        if not (_sparse(shorter) or _cells(left) or _cells(right)):
            return left, right
    return None


def _sparse(rows: list[tuple[float, float]]) -> bool:
    """Rows far apart for their height: notes beside another flow, not a flow of their own."""
    pitches = sorted(a[1] - b[1] for a, b in itertools.pairwise(rows))
    heights = sorted(top - bottom for bottom, top in rows)
    return pitches[len(pitches) // 2] >= SPARSE_PITCH * heights[len(heights) // 2]


_DATE_CELL_RE = re.compile(r"\b(?:19|20)\d{2}\b|\b(?:present|current|now|today)\b", re.IGNORECASE)
_BULLET_START_RE = re.compile(r"^[•●▪■◆◇◦○►▶▸➢➤❖✓✔·\-–—*\uf0a7\uf0b7]\s")
_BULLET_CELL_RE = re.compile(r"^(?:[^\w\s]{1,3}|\d{1,2}[.)]|[a-z][.)])$")


def _cells(runs: list[Run]) -> bool:
    """Most rows of this side are short cells: dates, bullets or numbering, or labels."""
    rows = _rows(runs)
    cells = 0
    for row in rows:
        text = " ".join(r.text for r in row)
        words = len(text.split())
        if (
            (words <= MAX_CELL_WORDS and _DATE_CELL_RE.search(text))
            or _BULLET_CELL_RE.match(text)
            or (words <= MAX_LABEL_WORDS and text.endswith(":"))
        ):
            cells += 1
    return cells >= CELL_SHARE * len(rows)


def _lines_up(row: tuple[float, float], others: list[tuple[float, float]]) -> bool:
    bottom, top = row
    for other_bottom, other_top in others:
        overlap = min(top, other_top) - max(bottom, other_bottom)
        if overlap >= 0.5 * min(top - bottom, other_top - other_bottom):
            return True
    return False


def _rows(runs: list[Run]) -> list[list[Run]]:
    rows: list[list[Run]] = []
    bands: list[list[float]] = []
    for run in sorted(runs, key=lambda r: -r.middle):
        if bands:
            bottom, top = bands[-1]
            overlap = min(top, run.top) - max(bottom, run.bottom)
            if overlap >= 0.5 * min(top - bottom, run.height):
                rows[-1].append(run)
                bands[-1] = [min(bottom, run.bottom), max(top, run.top)]
                continue
        rows.append([run])
        bands.append([run.bottom, run.top])
    for row in rows:
        if sum(1 for r in row if r.rtl) * 2 > len(row):
            row.sort(key=lambda r: -r.right)
        else:
            row.sort(key=lambda r: r.left)
    return rows


def _row_text(row: list[Run]) -> str:
    parts = [row[0].text]
    rtl = row[0].rtl and len(row) > 1 and row[1].left < row[0].left
    for before, run in itertools.pairwise(row):
        gap = before.left - run.right if rtl else run.left - before.right
        height = max(before.height, run.height)
        if gap <= WORD_GAP * height:
            parts.append("")
        elif gap < CELL_GAP * height:
            parts.append(" ")
        else:
            parts.append(CELL_SEPARATOR)
        parts.append(run.text)
    return "".join(parts)


def _untangle(row: list[Run], chars: str, boxes: np.ndarray) -> list[Run]:
    """A row whose runs overlap came from glyphs drawn out of order (one by one, shuffled): its
    glyphs are put in order along the line and read again."""
    if len(row) < 2 or row[0].rtl or all(b.left >= a.right - ALIGN_TOLERANCE for a, b in itertools.pairwise(row)):
        return row
    indices = np.concatenate([np.arange(r.start, r.end) for r in row])
    indices = indices[np.argsort(boxes[indices, 0], kind="stable")]
    return sorted(make_runs("".join(chars[i] for i in indices), boxes[indices]), key=lambda r: r.left)


def render(rows: list[list[Run]]) -> list[str]:
    """One line per row; a blank line where a paragraph or column starts; a bullet's wrapped
    lines joined to it, so each bullet is one line."""
    boxes = [
        (min(r.left for r in row), min(r.bottom for r in row), max(r.right for r in row), max(r.top for r in row))
        for row in rows
    ]
    # How far lines starting at each left edge reach: a line that reaches it wrapped.
    reach: dict[int, float] = {}
    for box in boxes:
        key = round(box[0] / ALIGN_TOLERANCE)
        reach[key] = max(reach.get(key, 0.0), box[2])
    lines: list[str] = []
    previous: tuple[float, float, float, float] | None = None
    for row, box in zip(rows, boxes, strict=True):
        text = _row_text(row)
        if previous is not None:
            height = min(box[3] - box[1], previous[3] - previous[1])
            gap = previous[1] - box[3]
            if gap > PARAGRAPH_GAP * height or box[1] > previous[3]:
                lines.append("")
            elif _continues(lines[-1], previous, text, box, reach):
                lines[-1] = f"{lines[-1]} {text}"
                previous = (previous[0], box[1], max(previous[2], box[2]), previous[3])
                continue
        lines.append(text)
        previous = box
    return lines


def _continues(
    before: str,
    above: tuple[float, float, float, float],
    text: str,
    box: tuple[float, float, float, float],
    reach: dict[int, float],
) -> bool:
    """Is this line the wrapped end of the bullet above it?"""
    if not before or _BULLET_START_RE.match(text):
        return False
    height = box[3] - box[1]
    if _BULLET_START_RE.match(before):
        # A hanging indent: the wrapped line starts where the bullet's text does, right of the mark.
        return above[0] + ALIGN_TOLERANCE < box[0] < above[0] + BULLET_INDENT * height
    # Bullets drawn as shapes: same left edge, the line above ran to the full width, and this one
    # goes on mid-sentence.
    key = round(above[0] / ALIGN_TOLERANCE)
    wrapped = above[2] >= reach.get(key, above[2]) - WRAP_SLACK * height
    return abs(box[0] - above[0]) <= ALIGN_TOLERANCE and wrapped and text[:1].islower() and before[-1:] not in ".:;"
