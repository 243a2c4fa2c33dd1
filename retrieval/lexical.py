"""BM25 over an in-memory inverted index: per-query cost follows the query's postings.

Search reads the persisted FTS5 index (``retrieval.lexical_index``); this in-memory index is
the reference it is measured against (``bench/tasks.py recall``) and suits a fixed list of
texts held in memory anyway.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence

import numpy as np

from retrieval.text import terms


class BM25Index:
    """Okapi BM25 (k1=1.5, b=0.75) over a fixed list of texts."""

    def __init__(self, texts: Sequence[str], k1: float = 1.5, b: float = 0.75) -> None:
        self.size = len(texts)
        lengths = np.zeros(self.size, dtype=np.float32)
        postings: dict[str, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
        for i, text in enumerate(texts):
            counts = Counter(terms(text))
            lengths[i] = sum(counts.values())
            for term, tf in counts.items():
                docs, tfs = postings[term]
                docs.append(i)
                tfs.append(tf)
        avg = float(lengths.mean()) if self.size else 1.0
        norm = k1 * (1 - b + b * lengths / max(avg, 1e-9))
        self._postings: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        for term, (docs, tfs) in postings.items():
            idx = np.asarray(docs, dtype=np.int32)
            freq = np.asarray(tfs, dtype=np.float32)
            idf = math.log(1 + (self.size - len(docs) + 0.5) / (len(docs) + 0.5))
            self._postings[term] = (idx, idf * freq * (k1 + 1) / (freq + norm[idx]))

    def search(self, query: str, k: int) -> list[tuple[int, float]]:
        """Top ``k`` (text index, score) pairs with a positive score."""
        if not self.size:
            return []
        hits = [self._postings[t] for t in set(terms(query)) if t in self._postings]
        if not hits:
            return []
        scores = np.zeros(self.size, dtype=np.float32)
        for idx, weights in hits:
            scores[idx] += weights
        k = min(k, int(np.count_nonzero(scores)))
        if k == 0:
            return []
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top])]
        return [(int(i), float(scores[i])) for i in top]
