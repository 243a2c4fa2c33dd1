"""Retrieval-side types: a source document, its chunks, and retrieved passages."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Document:
    """A cleaned source document; ``text`` is what every citation offset points into."""

    doc_id: str  # content hash of ``text``: the same text is the same document
    title: str
    source: str  # where it came from (absolute path or upload name)
    text: str

    @property
    def content_hash(self) -> str:
        return self.doc_id


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
