"""Passages -> candidate evidence sentences, each with its document and relevance."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

import numpy as np

from bot.engine.aliases import seats_named
from bot.engine.headings import SENTENCE_END
from bot.types import Candidate
from retrieval.cache import LRUCache
from retrieval.chunking import paragraphs, split_sentences
from retrieval.embeddings import Embedder
from retrieval.instructions import InstructionFilter
from retrieval.store import ChunkStore
from retrieval.types import Document, Passage, Span

LEAD = 2  # sentences that tell what a document is about: a headline and the first one


class EvidenceFinder:
    """Splits passages into sentences and scores each against the claim."""

    def __init__(self, store: ChunkStore, embedder: Embedder, documents: int = 256,
                 sentences: int = 20000) -> None:
        self.store = store
        self.embedder = embedder
        self._docs: LRUCache[Document] = LRUCache(documents)  # whole documents, by id
        self._vectors: LRUCache[np.ndarray] = LRUCache(sentences)  # sentence vectors
        self._orders: LRUCache[InstructionFilter] = LRUCache(documents)  # by document id
        self._seats: LRUCache[dict[str, str]] = LRUCache(documents)  # capitals, by document id

    def document(self, doc_id: str) -> Document | None:
        doc = self._docs.get(doc_id)
        if doc is None:
            doc = self.store.document(doc_id)
            if doc is not None:
                self._docs.put(doc_id, doc)
        return doc  # type: ignore[return-value]

    def seats(self, doc_ids: Iterable[str]) -> dict[str, str]:
        """The capitals these documents name as such ("Tannis, the Rovenian capital")."""
        found: dict[str, str] = {}
        for doc_id in dict.fromkeys(doc_ids):
            named = self._seats.get(doc_id)
            if named is None:
                doc = self.document(doc_id)
                named = seats_named([doc.text]) if doc is not None else {}
                self._seats.put(doc_id, named)
            for name, key in named.items():  # type: ignore[union-attr]
                found.setdefault(name, key)
        return found

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

    def leads(self, doc_ids: list[str]) -> list[Candidate]:
        """Each document's lead, its first sentence, after its headline when its text opens
        with one (a line with no full stop), in the order given."""
        out: list[Candidate] = []
        for doc_id in dict.fromkeys(doc_ids):
            doc = self.document(doc_id)
            if doc is None:
                continue
            lead = list(islice(self._spans(doc), LEAD))
            if lead and SENTENCE_END.search(doc.text[lead[0][1].start : lead[0][1].end]):
                lead = lead[:1]  # no headline: the first sentence is the lead
            out += [Candidate(doc, sentence, paragraph, 1.0) for paragraph, sentence in lead]
        return out

    def sentences(self, doc_id: str, limit: int = 200) -> list[Candidate]:
        """A document's sentences in order (none addressed to the assistant), up to ``limit``."""
        doc = self.document(doc_id)
        if doc is None:
            return []
        return [Candidate(doc, sentence, paragraph, 0.0)
                for paragraph, sentence in islice(self._spans(doc), limit)]

    def _spans(self, doc: Document) -> Iterator[tuple[int, Span]]:
        """(paragraph, sentence) of a document in order, less those addressed to the
        assistant."""
        for paragraph, span in paragraphs(doc.text):
            for sentence in split_sentences(doc.text[span.start : span.end], span.start):
                if not self._is_order(doc, sentence):
                    yield paragraph, sentence

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
