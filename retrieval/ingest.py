"""Documents into the store: chunk, embed in batches, write; idempotent by content hash."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from retrieval.chunking import chunk_document
from retrieval.documents import LoadError, load_paths
from retrieval.embeddings import Embedder
from retrieval.store import PENDING_GRACE, ChunkStore
from retrieval.types import Chunk, Document

EMBED_BATCH = 64

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]  # (chunks embedded so far, chunks to embed)


@dataclass
class IngestReport:
    """What one ingest did, for the summary line and the UI."""

    documents: int = 0
    added: int = 0
    unchanged: int = 0
    removed: int = 0
    errors: list[LoadError] = field(default_factory=list)
    doc_ids: list[str] = field(default_factory=list)

    def summary(self) -> str:
        line = (f"{self.documents} documents: {self.added} chunks added, "
                f"{self.unchanged} unchanged, {self.removed} removed")
        return line + (f"; {len(self.errors)} skipped" if self.errors else "")


def ingest_documents(
    docs: Iterable[Document],
    store: ChunkStore,
    embedder: Embedder,
    max_chars: int = 600,
    progress: Progress | None = None,
) -> IngestReport:
    """Store new or changed documents; unchanged ones cost one look-up each."""
    report = IngestReport()
    store.repair(min_age=PENDING_GRACE)
    todo: list[tuple[Document, list[Chunk]]] = []
    seen: set[str] = set()
    complete = store.complete_ids()
    for doc in docs:
        report.documents += 1
        report.doc_ids.append(doc.doc_id)
        if doc.doc_id in seen or doc.doc_id in complete:
            # Same text already stored: nothing to add, but the source may have moved on.
            report.unchanged += len(chunk_document(doc, max_chars))
            seen.add(doc.doc_id)
            report.removed += _drop_older_versions(store, doc)
            continue
        seen.add(doc.doc_id)
        todo.append((doc, chunk_document(doc, max_chars)))

    total = sum(len(chunks) for _, chunks in todo)
    done = 0
    if progress:
        progress(0, total)
    for group in _groups(todo, EMBED_BATCH):
        texts = [c.text for _, chunks in group for c in chunks]
        vectors = embedder.embed(texts) if texts else np.zeros((0, 0), dtype=np.float32)
        items, at = [], 0
        for doc, chunks in group:
            items.append((doc, chunks, vectors[at : at + len(chunks)]))
            at += len(chunks)
        # Many small documents are written together: one round trip per group, same guarantees.
        log.info("writing %d documents", len(group))
        store.put_documents(items)
        log.info("stored %d documents (%s ...)", len(group), group[0][0].source)
        done += len(texts)
        if progress:
            progress(done, total)
        for doc, chunks in group:
            report.added += len(chunks)
            report.removed += _drop_older_versions(store, doc)
    return report


def _groups(todo: list[tuple[Document, list[Chunk]]],
            size: int) -> Iterator[list[tuple[Document, list[Chunk]]]]:
    """Consecutive documents with about ``size`` chunks in all (a long document goes alone)."""
    group: list[tuple[Document, list[Chunk]]] = []
    count = 0
    for doc, chunks in todo:
        if group and count + len(chunks) > size:
            yield group
            group, count = [], 0
        group.append((doc, chunks))
        count += len(chunks)
    if group:
        yield group


def _drop_older_versions(store: ChunkStore, doc: Document) -> int:
    """A changed file: its older versions go once the new one is complete."""
    stale = [d for d in store.find_by_source(doc.source) if d != doc.doc_id]
    return store.remove(stale) if stale else 0


def ingest_paths(
    paths: Iterable[Path],
    store: ChunkStore,
    embedder: Embedder,
    max_chars: int = 600,
    progress: Progress | None = None,
) -> IngestReport:
    """Load files and folders, then ingest what loaded; bad files are reported, not fatal."""
    docs, errors = load_paths(paths)
    report = ingest_documents(docs, store, embedder, max_chars, progress)
    report.errors = errors
    return report
