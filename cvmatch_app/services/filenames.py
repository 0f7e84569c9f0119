"""File names as recruiters see them: cleaned once, when a file arrives, and stored that way.

A name comes from the sender and may carry path parts (``../../x.txt``, ``C:\\cvs\\x.txt``),
control characters (NUL, newlines), invisible format characters such as the right-to-left
override U+202E (``cv_\u202efdp.exe`` shows as ``cv_exe.pdf``), or run to thousands of
characters. What is kept is the last path part without those characters, with runs of spaces
made one, at most ``MAX_FILENAME_CHARS`` long with its extension kept. HTML characters are kept
(the web page escapes text; names are never inserted as markup), and so are leading ``=`` signs
(the CSV export neutralises formulas itself).
"""

from __future__ import annotations

import re
import unicodedata

MAX_FILENAME_CHARS = 120
MAX_EXTENSION_CHARS = 10
_INVISIBLE_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}  # control, format (bidi), surrogate...
_SPACES = re.compile(r"\s+")


def clean_filename(name: object, *, fallback: str = "cv") -> str:
    """The display name to store for an uploaded file (``fallback`` when nothing usable is left)."""
    text = unicodedata.normalize("NFC", name if isinstance(name, str) else "")
    text = "".join(" " if char in "\t\r\n" else char for char in text)
    text = "".join(char for char in text if unicodedata.category(char) not in _INVISIBLE_CATEGORIES)
    text = re.split(r"[/\\]", text)[-1]  # the last path part, whichever separator was used
    text = _SPACES.sub(" ", text).strip(" .")  # no leading dots (hidden files, '..'), no trailing ones
    if not text:
        return fallback
    return _bounded(text)


def _bounded(text: str) -> str:
    if len(text) <= MAX_FILENAME_CHARS:
        return text
    stem, dot, extension = text.rpartition(".")
    if dot and stem and 0 < len(extension) <= MAX_EXTENSION_CHARS:
        keep = MAX_FILENAME_CHARS - len(extension) - 1
        return stem[:keep].rstrip(" .") + "." + extension
    return text[:MAX_FILENAME_CHARS].rstrip(" .")
