"""A static word-piece embedding model on numpy alone: each vocabulary piece has a vector distilled
at build time from all-MiniLM-L6-v2 (scripts/build_embedding_model.py); a text's vector is the
weighted mean of its pieces' vectors. No torch, no download at run time.

When the model file is missing the engine still works: ``get_model()`` returns None and the
semantic signals drop out of the score.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import numpy as np

MODEL_PATH = Path(__file__).resolve().parent / "data" / "minilm_static.npz"
_WORD_RE = re.compile(r"\w+|[^\w\s]", re.UNICODE)
MAX_PIECES_PER_WORD = 8
MAX_WORD_CHARS = 40


def _strip_accents(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFD", text) if unicodedata.category(ch) != "Mn")


class StaticModel:
    def __init__(self, path: Path) -> None:
        with np.load(path, allow_pickle=False) as data:
            vocab = [str(v) for v in data["vocab"]]
            quantized = data["vectors"].astype(np.float32)
            scales = data["scales"].astype(np.float32)
            weights = data["weights"].astype(np.float32)
            self.name = str(data["name"])
        self.vectors = quantized * scales[:, None]
        self.weights = weights
        self.index = {piece: i for i, piece in enumerate(vocab)}
        self.dim = self.vectors.shape[1]

    @lru_cache(maxsize=200_000)  # noqa: B019 - one model per process; words repeat across CVs
    def word_pieces(self, word: str) -> tuple[int, ...]:
        """Greedy longest-match word pieces, as BERT's uncased tokenizer splits them."""
        if word in self.index:
            return (self.index[word],)
        if len(word) > MAX_WORD_CHARS:
            return ()  # a 'word' this long is a hash, a URL or junk; the greedy search would be slow
        pieces: list[int] = []
        start = 0
        while start < len(word):
            end = len(word)
            found = None
            while start < end:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                if piece in self.index:
                    found = self.index[piece]
                    break
                end -= 1
            if found is None:
                return ()  # an unknown word contributes nothing rather than noise
            pieces.append(found)
            start = end
            if len(pieces) > MAX_PIECES_PER_WORD:
                return ()
        return tuple(pieces)

    def piece_ids(self, text: str) -> list[int]:
        text = text.lower()
        if not text.isascii():
            text = _strip_accents(text)
        ids: list[int] = []
        for word in _WORD_RE.findall(text):
            if len(word) == 1 and not word.isalnum():
                continue  # punctuation carries no meaning in a static model
            ids.extend(self.word_pieces(word))
        return ids

    def embed(self, texts: list[str]) -> np.ndarray:
        """One unit-length row per text (zeros for a text with no known piece)."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            ids = self.piece_ids(text)
            if not ids:
                continue
            idx = np.fromiter(ids, dtype=np.int64)
            w = self.weights[idx]
            vec = (self.vectors[idx] * w[:, None]).sum(axis=0)
            norm = float(np.linalg.norm(vec))
            if norm > 0:
                out[row] = vec / norm
        return out


@lru_cache(maxsize=1)
def get_model() -> StaticModel | None:
    if not MODEL_PATH.exists():
        return None
    return StaticModel(MODEL_PATH)
