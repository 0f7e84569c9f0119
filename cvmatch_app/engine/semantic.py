"""Semantic signals from the static embedding model: how much of the job's described work the
CV's lines cover, how close the CV's job titles are to the job's, and a fallback for
requirements the lexicon cannot name. Every function degrades to "no signal" without a model."""

from __future__ import annotations

import numpy as np

from .embedding import get_model
from .work_history import Role

MAX_JD_LINES = 40
MAX_CV_LINES = 120


def jd_vectors(sentences: list[str]) -> list[list[float]]:
    """Vectors of the job's requirement and duty sentences, kept in the (picklable) job profile."""
    model = get_model()
    if model is None or not sentences:
        return []
    vectors: list[list[float]] = np.round(model.embed(sentences[:MAX_JD_LINES]), 4).tolist()
    return vectors


def title_vector(title: str) -> list[float]:
    model = get_model()
    if model is None or not title:
        return []
    vector: list[float] = np.round(model.embed([title])[0], 4).tolist()
    return vector


class CVVectors:
    """The CV's line vectors, computed once per assessment."""

    def __init__(self, lines: list[str]) -> None:
        model = get_model()
        self.lines = [ln for ln in lines if len(ln) > 3][:MAX_CV_LINES]
        self.matrix = model.embed(self.lines) if model is not None and self.lines else None

    def best(self, vector: np.ndarray) -> tuple[float, str]:
        if self.matrix is None or not len(self.lines):
            return 0.0, ""
        sims = self.matrix @ vector
        i = int(np.argmax(sims))
        return float(sims[i]), self.lines[i]


def coverage(job_vectors: list[list[float]], cv: CVVectors) -> float | None:
    """Mean, over the job's sentences, of how well the best CV line matches (0..1)."""
    if not job_vectors or cv.matrix is None:
        return None
    jd = np.asarray(job_vectors, dtype=np.float32)
    sims = jd @ cv.matrix.T  # (jd lines, cv lines)
    best = sims.max(axis=1)
    # Static vectors of unrelated sentences still score about 0.3; 0.8 is a close paraphrase.
    return float(np.clip((best - 0.35) / 0.4, 0.0, 1.0).mean())


def title_closeness(job_title: list[float], titles: list[str]) -> float | None:
    model = get_model()
    if model is None or not job_title or not titles:
        return None
    sims = model.embed(titles) @ np.asarray(job_title, dtype=np.float32)
    return float(np.clip((sims.max() - 0.4) / 0.4, 0.0, 1.0))


def requirement_match(text: str, cv: CVVectors) -> tuple[float, str]:
    """(0..1, CV line) for a requirement no lexicon concept names."""
    model = get_model()
    if model is None or cv.matrix is None:
        return 0.0, ""
    sim, line = cv.best(model.embed([text])[0])
    if len(line.split()) < 4:
        return 0.0, ""  # a heading such as "Licenses and Certifications" proves nothing
    if sim >= 0.8:
        return 1.0, line
    if sim >= 0.7:
        return 0.5, line
    return 0.0, ""


def role_closeness(job_title: list[float], roles: list[Role]) -> list[float]:
    """Cosine of each role's title to the job's title (zeros without a model)."""
    model = get_model()
    if model is None or not job_title or not roles:
        return [0.0] * len(roles)
    # Title and employer: "Senior Keeper · Chester Zoo" says zookeeper, "Senior Keeper" alone does not.
    sims = model.embed([role.heading for role in roles]) @ np.asarray(job_title, dtype=np.float32)
    return [float(x) for x in sims]
