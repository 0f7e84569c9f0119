"""DOCX text in reading order: body paragraphs, tables, text boxes, headers and footers; hidden
(w:vanish), white and microscopic runs are dropped and reported."""

from __future__ import annotations

import io
import time
import zipfile
from typing import Any

from lxml import etree

from .types import FLAG_HIDDEN_TEXT, UnreadableDocument

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_STRICT_W = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
_W = f"{{{W}}}"
_MC = f"{{{MC}}}"

MAX_UNCOMPRESSED = 60_000_000  # the whole package; a CV's XML is rarely above 2 MB
MAX_RATIO = 200  # compression ratios above this are the mark of a zip bomb
TINY_HALF_POINTS = 4  # w:sz is in half-points: below 2 pt nobody can read it

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=True)


def _is_white(val: str | None) -> bool:
    if not val or len(val) != 6:
        return False
    try:
        r, g, b = (int(val[i : i + 2], 16) for i in (0, 2, 4))
    except ValueError:
        return False
    return min(r, g, b) >= 240


class _Walker:
    def __init__(self, hidden_styles: set[str], deadline: float) -> None:
        self.hidden_styles = hidden_styles
        self.deadline = deadline
        self.hidden_runs = 0
        self.lines: list[str] = []
        self.steps = 0
        self.banner_paragraphs = 0

    def _tick(self) -> None:
        self.steps += 1
        if self.steps % 5000 == 0 and time.monotonic() > self.deadline:
            raise UnreadableDocument("The DOCX took too long to read (it may be damaged or built to stall readers).")

    def _run_hidden(self, run: Any, shaded: bool) -> bool:
        rpr = run.find(_W + "rPr")
        if rpr is None:
            return False
        for tag in ("vanish", "specVanish", "webHidden"):
            el = rpr.find(_W + tag)
            if el is not None and el.get(_W + "val", "true") not in ("0", "false", "off"):
                return True
        style = rpr.find(_W + "rStyle")
        if style is not None and style.get(_W + "val") in self.hidden_styles:
            return True
        size = rpr.find(_W + "sz")
        if size is not None:
            try:
                if int(size.get(_W + "val", "24")) < TINY_HALF_POINTS:
                    return True
            except ValueError:
                pass
        color = rpr.find(_W + "color")
        if color is not None and _is_white(color.get(_W + "val")):
            # White text is visible on a shaded cell, a highlighted run or a dark paragraph.
            run_shaded = rpr.find(_W + "highlight") is not None or rpr.find(_W + "shd") is not None
            return not (shaded or run_shaded)
        return False

    def block(self, el: Any, shaded: bool = False) -> None:
        """Emit the lines of a body-level container (body, cell, text box, header)."""
        for child in el:
            self._tick()
            tag = child.tag
            if tag == _W + "p":
                self.paragraph(child, shaded)
            elif tag == _W + "tbl":
                self.table(child, shaded)
            elif tag == _W + "sdt":
                content = child.find(_W + "sdtContent")
                if content is not None:
                    self.block(content, shaded)
            elif tag in (_W + "customXml", _W + "ins", _W + "smartTag"):
                self.block(child, shaded)

    def table(self, tbl: Any, shaded: bool) -> None:
        for row in tbl.iter(_W + "tr"):
            if row.getparent() is not tbl and row.getparent().tag != _W + "sdtContent":
                continue  # nested tables are visited through their cells
            cells: list[list[str]] = []
            for cell in row:
                if cell.tag == _W + "sdt":
                    inner = cell.find(_W + "sdtContent/" + _W + "tc")
                    cell = inner if inner is not None else cell
                if cell.tag != _W + "tc":
                    continue
                tcpr = cell.find(_W + "tcPr")
                cell_shaded = shaded
                if tcpr is not None:
                    shd = tcpr.find(_W + "shd")
                    fill = shd.get(_W + "fill") if shd is not None else None
                    if fill and fill.lower() not in ("auto", "ffffff"):
                        cell_shaded = True
                sub = _Walker(self.hidden_styles, self.deadline)
                sub.block(cell, cell_shaded)
                self.hidden_runs += sub.hidden_runs
                cells.append([line for line in sub.lines if line.strip()])
            # One-line cells read as a row ("Nurse | 2019 – 2023"); longer cells read one after another.
            if cells and all(len(c) <= 1 for c in cells):
                line = " | ".join(c[0] for c in cells if c)
                if line:
                    self.lines.append(line)
            else:
                for c in cells:
                    self.lines.extend(c)

    def paragraph(self, p: Any, shaded: bool) -> None:
        ppr = p.find(_W + "pPr")
        if ppr is not None:
            shd = ppr.find(_W + "shd")
            fill = shd.get(_W + "fill") if shd is not None else None
            if fill and fill.lower() not in ("auto", "ffffff"):
                shaded = True
        # A shape drawn behind the text (a coloured banner) makes white headings on it readable;
        # such banners usually span the paragraph that anchors them and the next one.
        if _has_background_shape(p):
            self.banner_paragraphs = 2
        if self.banner_paragraphs > 0:
            shaded = True
            self.banner_paragraphs -= 1
        parts: list[str] = []
        boxes: list[Any] = []
        self._inline(p, parts, boxes, shaded)
        text = "".join(parts)
        for line in text.split("\n"):
            self.lines.append(line)
        for box in boxes:
            self.block(box, shaded)

    def _inline(self, el: Any, parts: list[str], boxes: list[Any], shaded: bool) -> None:
        for child in el:
            self._tick()
            tag = child.tag
            if tag == _W + "r":
                hidden = self._run_hidden(child, shaded)
                for node in child:
                    ntag = node.tag
                    if ntag == _W + "t":
                        if hidden:
                            if (node.text or "").strip():
                                self.hidden_runs += 1
                        else:
                            parts.append(node.text or "")
                    elif ntag == _W + "tab" and not hidden:
                        parts.append("\t")
                    elif ntag in (_W + "br", _W + "cr") and not hidden:
                        parts.append("\n")
                    elif ntag == _W + "noBreakHyphen":
                        parts.append("-")
                    else:
                        self._find_boxes(node, boxes)
            elif tag == _MC + "AlternateContent":
                # Word writes each text box twice (modern Choice and legacy Fallback): read one.
                choice = child.find(_MC + "Choice")
                branch = choice if choice is not None else child.find(_MC + "Fallback")
                if branch is not None:
                    self._find_boxes(branch, boxes)
            elif tag in (_W + "hyperlink", _W + "smartTag", _W + "ins", _W + "fldSimple", _W + "customXml"):
                self._inline(child, parts, boxes, shaded)
            elif tag == _W + "sdt":
                content = child.find(_W + "sdtContent")
                if content is not None:
                    self._inline(content, parts, boxes, shaded)
            elif tag == _W + "del":
                continue  # deleted tracked changes are not shown
            else:
                self._find_boxes(child, boxes)

    def _find_boxes(self, el: Any, boxes: list[Any]) -> None:
        """Text boxes (w:txbxContent) inside drawings; AlternateContent handled once."""
        if el.tag == _W + "txbxContent":
            boxes.append(el)
            return
        if el.tag == _MC + "AlternateContent":
            choice = el.find(_MC + "Choice")
            branch = choice if choice is not None else el.find(_MC + "Fallback")
            if branch is not None:
                self._find_boxes(branch, boxes)
            return
        for child in el:
            if isinstance(child.tag, str):
                self._find_boxes(child, boxes)


def _has_background_shape(p: Any) -> bool:
    for el in p.iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag.endswith("}anchor") and el.get("behindDoc") == "1":
            return True
        if tag.endswith(("}rect", "}roundrect", "}shape")) and el.get("filled") != "f" and el.get("fillcolor"):
            return True
    return False


def _hidden_styles(zf: zipfile.ZipFile) -> set[str]:
    """Character/paragraph styles that make text vanish or white (a subtler way to hide it)."""
    try:
        root = etree.fromstring(zf.read("word/styles.xml"), _PARSER)
    except (KeyError, etree.XMLSyntaxError):
        return set()
    if root is None:
        return set()
    hidden: set[str] = set()
    for style in root.iter(_W + "style"):
        rpr = style.find(_W + "rPr")
        if rpr is None:
            continue
        color = rpr.find(_W + "color")
        if rpr.find(_W + "vanish") is not None or (color is not None and _is_white(color.get(_W + "val"))):
            style_id = style.get(_W + "styleId")
            if style_id:
                hidden.add(style_id)
    return hidden


def check_zip_bomb(zf: zipfile.ZipFile, kind: str) -> None:
    total = 0
    for info in zf.infolist():
        total += info.file_size
        if (
            info.compress_size
            and info.file_size / max(info.compress_size, 1) > MAX_RATIO
            and info.file_size > 5_000_000
        ):
            raise UnreadableDocument(f"The {kind} expands to an unreasonable size (a decompression bomb).")
    if total > MAX_UNCOMPRESSED:
        raise UnreadableDocument(f"The {kind} expands to an unreasonable size (a decompression bomb).")


def extract_docx(data: bytes, deadline: float) -> tuple[str, list[str]]:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UnreadableDocument("The DOCX is damaged or incomplete and cannot be read.") from exc
    with zf:
        check_zip_bomb(zf, "DOCX")
        names = set(zf.namelist())
        if "word/document.xml" not in names:
            raise UnreadableDocument("The file is not a Word document (no document body inside).")
        if "EncryptedPackage" in names:
            raise UnreadableDocument("The DOCX is password-protected: ask for an unprotected copy.")
        hidden_styles = _hidden_styles(zf)
        walker = _Walker(hidden_styles, deadline)
        try:
            headers = sorted(n for n in names if n.startswith("word/header") and n.endswith(".xml"))
            footers = sorted(n for n in names if n.startswith("word/footer") and n.endswith(".xml"))
            for part in [*headers, "word/document.xml", *footers]:
                xml = zf.read(part)
                # "Strict Open XML" documents use another namespace for the same vocabulary.
                xml = xml.replace(_STRICT_W, W.encode())
                root = etree.fromstring(xml, _PARSER)
                if root is None:
                    if part == "word/document.xml":
                        raise UnreadableDocument("The DOCX is damaged or incomplete and cannot be read.")
                    continue
                body = root.find(_W + "body")
                before = len(walker.lines)
                walker.block(body if body is not None else root)
                if part != "word/document.xml":
                    # Headers repeat on every page in Word but once here; skip a copy already seen.
                    seen = set(walker.lines[:before])
                    walker.lines[before:] = [ln for ln in walker.lines[before:] if ln not in seen or not ln.strip()]
        except UnreadableDocument:
            raise
        except (etree.XMLSyntaxError, zipfile.BadZipFile, KeyError, OSError, EOFError, ValueError) as exc:
            raise UnreadableDocument("The DOCX is damaged or incomplete and cannot be read.") from exc
    flags = [FLAG_HIDDEN_TEXT] if walker.hidden_runs else []
    return "\n".join(walker.lines), flags
