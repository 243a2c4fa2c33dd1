"""Hybrid search: dense (Chroma) + lexical (BM25), fused by rank, diversified by MMR."""

from __future__ import annotations

import threading
from dataclasses import dataclass

import numpy as np

from retrieval.cache import LRUCache
from retrieval.embeddings import Embedder
from retrieval.lexical import BM25Index
from retrieval.store import ChunkStore
from retrieval.types import Chunk, Passage

RRF_K = 60


QUERY_CACHE = 256  # query texts whose vectors are kept


@dataclass
class _LexicalCache:
    version: tuple[int, ...]
    chunks: list[Chunk]
    index: BM25Index
    by_id: dict[str, Chunk]


class HybridSearcher:
    """Finds the passages most worth reading for a query."""

    def __init__(self, store: ChunkStore, embedder: Embedder, mmr_lambda: float = 0.75) -> None:
        self.store = store
        self.embedder = embedder
        self.mmr_lambda = mmr_lambda
        self._cache: _LexicalCache | None = None
        self._lock = threading.Lock()
        self._vectors: LRUCache[np.ndarray] = LRUCache(QUERY_CACHE)

    def lexical(self) -> _LexicalCache:
        """The BM25 index, rebuilt when the store has changed since it was built."""
        version = self.store.version()
        with self._lock:
            if self._cache is None or self._cache.version != version:
                chunks = self.store.all_chunks()
                self._cache = _LexicalCache(
                    version,
                    chunks,
                    BM25Index([c.text for c in chunks]),
                    {c.chunk_id: c for c in chunks},
                )
            return self._cache

    def query_vector(self, query: str) -> np.ndarray:
        """The query's embedding; repeated queries (a user re-asking, a retry) reuse it."""
        vector = self._vectors.get(query)
        if vector is None:
            vector = self.embedder.embed([query])[0]
            vector.setflags(write=False)  # shared by later searches
            self._vectors.put(query, vector)
        return vector

    def search(self, query: str, k: int = 8, vector: np.ndarray | None = None) -> list[Passage]:
        if vector is None:
            vector = self.query_vector(query)
        pool = max(4 * k, 24)
        lex = self.lexical()
        # Texts come from the lexical cache (every chunk of every complete document); the
        # dense query brings only ids and vectors.
        dense = self.store.query_vectors(vector, pool)
        lexical = [lex.chunks[i] for i, _ in lex.index.search(query, pool)]

        fused: dict[str, float] = {}
        found: dict[str, Chunk] = {}
        vectors: dict[str, np.ndarray] = {}
        unknown: list[str] = []
        for rank, (cid, _, vec) in enumerate(dense):
            fused[cid] = fused.get(cid, 0.0) + 1.0 / (RRF_K + rank)
            vectors[cid] = vec
            chunk = lex.by_id.get(cid)
            if chunk is None:
                unknown.append(cid)  # not complete yet, or stored since the cache was built
            else:
                found[cid] = chunk
        for rank, chunk in enumerate(lexical):
            cid = chunk.chunk_id
            fused[cid] = fused.get(cid, 0.0) + 1.0 / (RRF_K + rank)
            found[cid] = chunk
        if unknown:
            for chunk, _ in self.store.get_chunks(unknown):
                found[chunk.chunk_id] = chunk
        missing = [cid for cid in found if cid not in vectors]
        vectors.update(self.store.get_vectors(missing))
        ids = [
            cid
            for cid in sorted(fused, key=fused.__getitem__, reverse=True)
            if cid in vectors and cid in found
        ]
        chosen = self._mmr(ids, fused, vectors, vector, k)
        return self.store.passages(
            (found[cid], float(vectors[cid] @ vector), vectors[cid]) for cid in chosen
        )

    def _mmr(
        self,
        ids: list[str],
        fused: dict[str, float],
        vectors: dict[str, np.ndarray],
        query: np.ndarray,
        k: int,
    ) -> list[str]:
        """Maximal marginal relevance: relevant, but not the same thing said twice."""
        if not ids:
            return []
        matrix = np.stack([vectors[i] for i in ids])
        top = max(fused[i] for i in ids)
        # Relevance mixes the fused rank score with the cosine to the query, both in [0, 1].
        relevance = np.array([0.5 * fused[i] / top for i in ids]) + 0.5 * (matrix @ query)
        chosen: list[int] = []
        redundancy = np.zeros(len(ids))
        while len(chosen) < min(k, len(ids)):
            score = self.mmr_lambda * relevance - (1 - self.mmr_lambda) * redundancy
            score[chosen] = -np.inf
            best = int(np.argmax(score))
            chosen.append(best)
            redundancy = np.maximum(redundancy, matrix @ matrix[best])
        return [ids[i] for i in chosen]
