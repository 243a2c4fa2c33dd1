"""all-MiniLM-L6-v2 on onnxruntime: the bundled embedder, no torch at run time.

The ONNX file in ``retrieval/models/`` is the sentence-transformers model (BERT, masked mean
pooling, L2 norm) exported by ``scripts/export_minilm.py``. Its weight products run in
integers (``scripts/quantise_minilm.py``): int8 weights within +-63, each token's activations
scaled on their own, so the integer sums are exact on every CPU and ~1.5x faster than fp32.
Each text runs alone (no padding, no batch), so its vector depends on that text only. Its
vectors stay within cosine 0.99 of sentence-transformers' (0.9986 on average), so they keep
that model's name (``minilm``) and existing stores stay valid.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np

from retrieval.errors import ConfigError, MissingDependencyError

MODELS_DIR = Path(__file__).resolve().parent / "models"
MODEL_PATH = MODELS_DIR / "minilm-l6-v2.onnx"
# The WordPiece vocabulary of all-MiniLM-L6-v2 (Apache-2.0, see NOTICE); the stance model
# reads it too.
TOKENIZER_PATH = MODELS_DIR / "tokenizer.json"
MAX_TOKENS = 256  # sentence_bert_config.json: max_seq_length


def minilm_tokenizer(max_tokens: int = MAX_TOKENS) -> Any:
    """The all-MiniLM-L6-v2 tokenizer, unpadded and truncated at ``max_tokens``."""
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(TOKENIZER_PATH))
    tokenizer.no_padding()  # the file pads everything to 128; batches are padded here
    tokenizer.enable_truncation(max_tokens)
    return tokenizer


class OnnxMiniLMEmbedder:
    """The shipped all-MiniLM-L6-v2 export; safe to share across threads."""

    dim = 384

    def __init__(self, name: str, path: Path = MODEL_PATH, threads: int | None = None) -> None:
        self.name = name
        self.path = path
        self.threads = threads or min(2, os.cpu_count() or 1)
        self._session: Any = None
        self._tokenizer: Any = None
        self._workers: ThreadPoolExecutor | None = None
        self._lock = threading.Lock()

    def _load(self) -> tuple[Any, Any]:
        with self._lock:
            if self._session is None:
                if not self.path.is_file():
                    raise ConfigError(f"the bundled embedding model {self.path} is missing; "
                                      "reinstall crosscheck or run scripts/export_minilm.py")
                try:
                    import onnxruntime as ort
                except ImportError as exc:  # pragma: no cover - part of the base install
                    raise MissingDependencyError("pip install onnxruntime") from exc
                opts = ort.SessionOptions()
                # Parallel over texts (``embed``), not inside one: a single query needs
                # one core, and concurrent requests do not fight over one thread pool.
                opts.intra_op_num_threads = 1
                opts.inter_op_num_threads = 1
                # Sleep rather than spin between calls: the server shares its CPUs.
                opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
                # Weights stored through DequantizeLinear (the ``int8`` export) are folded to
                # fp32 at load, not run as int8 kernels with per-batch activation scales.
                opts.add_session_config_entry("session.disable_quant_qdq", "1")
                # The file is fused at export; basic (constant folding) keeps its integer
                # products and their scaling as written (the extended level would fuse them
                # into one kernel) and loads faster.
                opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_BASIC
                self._tokenizer = minilm_tokenizer()
                self._session = ort.InferenceSession(str(self.path), opts,
                                                     providers=["CPUExecutionProvider"])
            return self._session, self._tokenizer

    def _pool(self) -> ThreadPoolExecutor:
        with self._lock:
            if self._workers is None:
                self._workers = ThreadPoolExecutor(self.threads, thread_name_prefix="embed")
            return self._workers

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        session, tokenizer = self._load()
        ids = [e.ids for e in tokenizer.encode_batch(list(texts))]

        def run(i: int) -> None:
            # One text per run: padding would change the fp32 sums of the real tokens in
            # the last bits, which a token's quantisation can round into a visible step.
            row = np.array([ids[i]], dtype=np.int64)
            out[i] = session.run(["sentence_embedding"],
                                 {"input_ids": row, "attention_mask": np.ones_like(row)})[0][0]

        longest_first = sorted(range(len(texts)), key=lambda i: -len(ids[i]))
        if len(texts) == 1 or self.threads == 1:
            for i in longest_first:
                run(i)
        else:  # a text per core at a time; onnxruntime releases the GIL while it runs
            list(self._pool().map(run, longest_first))
        return out
