"""all-MiniLM-L6-v2 as a NumPy forward pass: the bundled weights, no torch at run time.

Same tokenizer, same BERT encoder, same mean pooling and L2 normalisation as the
sentence-transformers model, so its vectors share that model's name (``minilm``) and an
existing store stays valid. Loads in a fraction of a second (the weights are read once
from ``model.safetensors``) and is safe to call from several threads at once: the
weights are read-only and each call works on its own arrays.
"""

from __future__ import annotations

import contextlib
import math
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from retrieval.embeddings import MINILM_NAME, bundled_minilm_path

MAX_TOKENS = 256  # sentence_bert_config.json: max_seq_length
HEADS = 12
LN_EPS = 1e-12
BATCH = 64  # texts per forward pass
# Below this many tokens a call runs BLAS on one thread: a query's small matrices gain
# nothing from a second thread, and waiting for one on a busy CPU cost ~10x in measurements.
SINGLE_THREAD_TOKENS = 2048


@dataclass(frozen=True)
class _Layer:
    qkv_w: np.ndarray  # (384, 1152): query, key and value projections side by side
    qkv_b: np.ndarray
    out_w: np.ndarray
    out_b: np.ndarray
    ln1_g: np.ndarray
    ln1_b: np.ndarray
    up_w: np.ndarray
    up_b: np.ndarray
    down_w: np.ndarray
    down_b: np.ndarray
    ln2_g: np.ndarray
    ln2_b: np.ndarray


@dataclass(frozen=True)
class _Weights:
    word: np.ndarray
    position: np.ndarray
    token_type: np.ndarray
    ln_g: np.ndarray
    ln_b: np.ndarray
    layers: tuple[_Layer, ...]


def _load_weights(path: Path) -> _Weights:
    from safetensors.numpy import load_file

    w = load_file(str(path / "model.safetensors"))

    def get(name: str) -> np.ndarray:
        return np.ascontiguousarray(w[name], dtype=np.float32)

    layers = []
    i = 0
    while f"encoder.layer.{i}.attention.self.query.weight" in w:
        p = f"encoder.layer.{i}."
        att = p + "attention.self."
        layers.append(_Layer(
            # Weights are stored (out, in); keep them as (in, out) for x @ W.
            qkv_w=np.ascontiguousarray(np.concatenate(
                [get(att + f"{n}.weight") for n in ("query", "key", "value")]).T),
            qkv_b=np.concatenate([get(att + f"{n}.bias") for n in ("query", "key", "value")]),
            out_w=np.ascontiguousarray(get(p + "attention.output.dense.weight").T),
            out_b=get(p + "attention.output.dense.bias"),
            ln1_g=get(p + "attention.output.LayerNorm.weight"),
            ln1_b=get(p + "attention.output.LayerNorm.bias"),
            up_w=np.ascontiguousarray(get(p + "intermediate.dense.weight").T),
            up_b=get(p + "intermediate.dense.bias"),
            down_w=np.ascontiguousarray(get(p + "output.dense.weight").T),
            down_b=get(p + "output.dense.bias"),
            ln2_g=get(p + "output.LayerNorm.weight"),
            ln2_b=get(p + "output.LayerNorm.bias"),
        ))
        i += 1
    return _Weights(
        word=get("embeddings.word_embeddings.weight"),
        position=get("embeddings.position_embeddings.weight"),
        token_type=get("embeddings.token_type_embeddings.weight"),
        ln_g=get("embeddings.LayerNorm.weight"),
        ln_b=get("embeddings.LayerNorm.bias"),
        layers=tuple(layers),
    )


def _layer_norm(x: np.ndarray, g: np.ndarray, b: np.ndarray) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    x = x - mean
    var = np.mean(x * x, axis=-1, keepdims=True)
    x *= 1.0 / np.sqrt(var + LN_EPS)
    x *= g
    x += b
    return x


def _gelu(x: np.ndarray, block: int = 128) -> np.ndarray:
    """Exact (erf) GELU, as BERT uses; erf by Abramowitz-Stegun 7.1.26 (error < 1.5e-7).

    Worked in blocks of rows, in place, so the temporaries stay in cache.
    """
    out = np.empty_like(x)
    for s in range(0, x.shape[0], block):
        xb = x[s : s + block]
        z = np.abs(xb)
        z *= np.float32(1 / math.sqrt(2))
        t = z * np.float32(0.3275911)
        t += 1.0
        np.reciprocal(t, out=t)
        p = t * np.float32(1.061405429)
        for c in (-1.453152027, 1.421413741, -0.284496736, 0.254829592):
            p += np.float32(c)
            p *= t
        z *= z
        np.negative(z, out=z)
        np.exp(z, out=z)
        p *= z  # erfc(|x|)
        p *= np.float32(0.5)
        # Phi(x) = 1 - erfc(|x|)/2 for x >= 0, erfc(|x|)/2 below.
        o = out[s : s + block]
        positive = xb >= 0
        np.subtract(1.0, p, out=o, where=positive)
        np.copyto(o, p, where=~positive)
        o *= xb
    return out


def _encode(weights: _Weights, seqs: list[list[int]]) -> np.ndarray:
    """BERT encoder + mean pooling + L2 norm for a batch of token id lists -> (B, 384).

    Tokens are packed (no padding) for the dense layers, which do almost all the work;
    only attention sees a padded (batch, length) layout.
    """
    lengths = np.array([len(q) for q in seqs], dtype=np.int64)
    batch, longest = len(seqs), int(lengths.max())
    hidden = weights.word.shape[1]
    head = hidden // HEADS
    positions = np.concatenate([np.arange(n) for n in lengths])
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    slot = np.repeat(np.arange(batch) * longest, lengths) + positions  # packed -> padded row
    x = weights.word[np.concatenate(seqs)] + weights.position[positions] + weights.token_type[0]
    x = _layer_norm(x, weights.ln_g, weights.ln_b)
    # Padding gets a large negative score so it takes no attention.
    valid = np.zeros(batch * longest, dtype=bool)
    valid[slot] = True
    bias = np.where(valid, np.float32(0), np.float32(-1e9)).astype(np.float32)
    bias = bias.reshape(batch, 1, 1, longest)
    scale = np.float32(1 / math.sqrt(head))
    padded = np.zeros((batch * longest, 3 * hidden), dtype=np.float32)
    for layer in weights.layers:
        qkv = x @ layer.qkv_w
        qkv += layer.qkv_b
        padded[slot] = qkv
        heads = padded.reshape(batch, longest, 3, HEADS, head).transpose(2, 0, 3, 1, 4)
        q, k, v = heads[0] * scale, heads[1], heads[2]
        scores = q @ k.transpose(0, 1, 3, 2)
        scores += bias
        scores -= scores.max(axis=-1, keepdims=True)
        np.exp(scores, out=scores)
        scores /= scores.sum(axis=-1, keepdims=True)
        ctx = (scores @ v).transpose(0, 2, 1, 3).reshape(batch * longest, hidden)[slot]
        att = ctx @ layer.out_w
        att += layer.out_b
        att += x
        x = _layer_norm(att, layer.ln1_g, layer.ln1_b)
        up = x @ layer.up_w
        up += layer.up_b
        down = _gelu(up) @ layer.down_w
        down += layer.down_b
        down += x
        x = _layer_norm(down, layer.ln2_g, layer.ln2_b)
    pooled = np.add.reduceat(x, starts, axis=0) / lengths[:, None].astype(np.float32)
    norms = np.linalg.norm(pooled, axis=1, keepdims=True)
    return (pooled / np.maximum(norms, 1e-12)).astype(np.float32)


class _OneBlasThread:
    """BLAS held to one thread while any small embed runs, restored when the last one ends.

    The BLAS thread count is process-wide: nested per-call limits from several threads
    would restore each other's "original" (1) and leave every later embed single-threaded.
    """

    def __init__(self, controller: Any) -> None:
        self._controller = controller
        self._lock = threading.Lock()
        self._users = 0
        self._limiter: Any = None

    @contextlib.contextmanager
    def __call__(self) -> Any:
        with self._lock:
            if self._users == 0:
                self._limiter = self._controller.limit(limits=1, user_api="blas")
            self._users += 1
        try:
            yield
        finally:
            with self._lock:
                self._users -= 1
                if self._users == 0:
                    self._limiter.restore_original_limits()
                    self._limiter = None


class FastMiniLMEmbedder:
    """The bundled all-MiniLM-L6-v2 without torch; vectors match sentence-transformers'."""

    dim = 384

    def __init__(self, batch_size: int = BATCH, path: Path | None = None) -> None:
        self.name = MINILM_NAME
        self.batch_size = batch_size
        self._path = path
        self._weights: _Weights | None = None
        self._tokenizer: Any = None
        self._blas: Any = None  # threadpoolctl controller, when available
        self._lock = threading.Lock()

    def _load(self) -> tuple[_Weights, object]:
        with self._lock:
            if self._weights is None:
                from tokenizers import Tokenizer

                path = self._path or bundled_minilm_path()
                tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
                # The file pads everything to 128; the model reads up to 256 tokens unpadded.
                tokenizer.no_padding()
                tokenizer.enable_truncation(MAX_TOKENS)
                self._tokenizer = tokenizer
                self._weights = _load_weights(path)
                try:
                    from threadpoolctl import ThreadpoolController

                    self._blas = _OneBlasThread(ThreadpoolController())
                except ImportError:  # pragma: no cover - only a speed difference
                    self._blas = None
            return self._weights, self._tokenizer

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        weights, tokenizer = self._load()
        encodings = tokenizer.encode_batch(list(texts))  # type: ignore[attr-defined]
        token_ids = [e.ids for e in encodings]
        small = sum(len(t) for t in token_ids) <= SINGLE_THREAD_TOKENS
        limit = self._blas() if small and self._blas else contextlib.nullcontext()
        with limit:
            # Shortest first: attention in each batch pads only to its own longest text.
            order = sorted(range(len(texts)), key=lambda i: len(token_ids[i]))
            for start in range(0, len(order), self.batch_size):
                rows = order[start : start + self.batch_size]
                out[rows] = _encode(weights, [token_ids[i] for i in rows])
        return out
