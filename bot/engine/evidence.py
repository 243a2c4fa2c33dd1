"""Passages -> candidate evidence sentences, each with its document and relevance."""

from __future__ import annotations

import numpy as np

from bot.types import Candidate
from retrieval.cache import LRUCache
from retrieval.embeddings import Embedder
from retrieval.instructions import InstructionFilter
from retrieval.store import ChunkStore
from retrieval.types import Document, Passage, Span


class EvidenceFinder:
    """Splits passages into sentences and scores each against the claim."""

    def __init__(self, store: ChunkStore, embedder: Embedder, documents: int = 256,
                 sentences: int = 20000) -> None:
        self.store = store
        self.embedder = embedder
        self._docs: LRUCache[Document] = LRUCache(documents)  # whole documents, by id
        self._vectors: LRUCache[np.ndarray] = LRUCache(sentences)  # sentence vectors
        self._orders: LRUCache[InstructionFilter] = LRUCache(documents)  # by document id

    def document(self, doc_id: str) -> Document | None:
        doc = self._docs.get(doc_id)
        if doc is None:
            doc = self.store.document(doc_id)
            if doc is not None:
                self._docs.put(doc_id, doc)
        return doc  # type: ignore[return-value]

    def _is_order(self, doc: Document, span: Span) -> bool:
        """A sentence addressed to the assistant is never evidence (nor answer text)."""
        judge = self._orders.get(doc.doc_id)
        if judge is None:
            judge = InstructionFilter(doc.text)
            self._orders.put(doc.doc_id, judge)
        return judge(span)  # type: ignore[operator]

    def embed_cached(self, texts: list[str]) -> np.ndarray:
        """Sentence vectors, computed once per distinct sentence."""
        # One read per text: another thread may evict an entry between two reads.
        found = {t: self._vectors.get(t) for t in dict.fromkeys(texts)}
        missing = [t for t, v in found.items() if v is None]
        if missing:
            for text, vec in zip(missing, self.embedder.embed(missing), strict=True):
                self._vectors.put(text, vec)
                found[text] = vec
        return np.stack([found[t] for t in texts])  # type: ignore[misc]

    def candidates(
        self, passages: list[Passage], claim_vector: np.ndarray, limit: int = 16
    ) -> list[Candidate]:
        found: list[tuple[Document, Span, int]] = []
        seen: set[tuple[str, int]] = set()
        for passage in passages:
            doc = self.document(passage.chunk.doc_id)
            if doc is None:
                continue
            for span in passage.chunk.sentences:
                if (doc.doc_id, span.start) in seen:
                    continue
                seen.add((doc.doc_id, span.start))
                if self._is_order(doc, span):
                    continue
                found.append((doc, span, passage.chunk.paragraph))
        if not found:
            return []
        texts = [d.text[s.start : s.end] for d, s, _ in found]
        cos = self.embed_cached(texts) @ claim_vector
        ranked = sorted(zip(found, cos.tolist(), strict=True), key=lambda x: -x[1])[:limit]
        return [Candidate(d, s, p, float(c)) for (d, s, p), c in ranked]
