"""Retrieval-side types: a source document, its chunks, and retrieved passages."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Document:
    """A cleaned source document; ``text`` is what every citation offset points into."""

    doc_id: str  # content hash of ``text``: the same text is the same document
    title: str
    source: str  # where it came from (a path as given, an upload name or a URL)
    text: str
    outlet: str | None = None  # who published it ("Reuters"), from the file's own metadata
    published: str | None = None  # ISO date ("2026-07-18") it was published, when known
    pages: tuple[int, ...] = ()  # a PDF's page starts: offset in ``text`` of each page

    @property
    def content_hash(self) -> str:
        return self.doc_id

    def page_at(self, offset: int) -> int | None:
        """The 1-based page holding ``text[offset]``, for documents with pages."""
        if not self.pages:
            return None
        return max(1, bisect_right(self.pages, offset))


@dataclass(frozen=True)
class Span:
    """A half-open character range ``[start, end)`` into a document's text."""

    start: int
    end: int


@dataclass(frozen=True)
class Chunk:
    """A run of whole sentences from one paragraph, with exact offsets into the document."""

    chunk_id: str
    doc_id: str
    text: str
    start: int
    end: int
    paragraph: int
    sentences: tuple[Span, ...]  # document-level offsets of each sentence in the chunk


@dataclass(frozen=True)
class Passage:
    """A chunk returned by a search, with its score and the document it belongs to."""

    chunk: Chunk
    title: str
    source: str
    score: float
    embedding: Any = field(default=None, repr=False, compare=False)  # np.ndarray, unit length
