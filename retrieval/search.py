"""Hybrid search: dense (Chroma) + lexical (BM25 over SQLite FTS5), fused by rank, MMR."""

from __future__ import annotations

import numpy as np

from retrieval.cache import LRUCache
from retrieval.embeddings import Embedder
from retrieval.store import ChunkStore
from retrieval.types import Chunk, Passage

RRF_K = 60


QUERY_CACHE = 256  # query texts whose vectors are kept


class HybridSearcher:
    """Finds the passages most worth reading for a query."""

    def __init__(self, store: ChunkStore, embedder: Embedder, mmr_lambda: float = 0.75) -> None:
        self.store = store
        self.embedder = embedder
        self.mmr_lambda = mmr_lambda
        self._vectors: LRUCache[np.ndarray] = LRUCache(QUERY_CACHE)

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
        # The lexical index (on disk) gives ids; the dense query brings texts and vectors;
        # lexical hits the dense query did not bring are read in one call.
        lexical = self.store.lexical_search(query, pool)
        dense = self.store.query(vector, pool)

        fused: dict[str, float] = {}
        found: dict[str, Chunk] = {}
        vectors: dict[str, np.ndarray] = {}
        for rank, (chunk, _, vec) in enumerate(dense):
            cid = chunk.chunk_id
            fused[cid] = fused.get(cid, 0.0) + 1.0 / (RRF_K + rank)
            found[cid] = chunk
            vectors[cid] = vec
        for rank, (cid, _) in enumerate(lexical):
            fused[cid] = fused.get(cid, 0.0) + 1.0 / (RRF_K + rank)
        missing = [cid for cid, _ in lexical if cid not in found]
        for chunk, vec in self.store.get_chunks(missing):
            found[chunk.chunk_id] = chunk
            vectors[chunk.chunk_id] = vec
        # A chunk removed since the index answered has no text or vector: it is skipped.
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
