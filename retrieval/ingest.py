"""Documents into the store: chunk, embed in batches, write; idempotent by content hash."""

from __future__ import annotations

import contextlib
import logging
import queue
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from retrieval.chunking import chunk_document
from retrieval.documents import LoadError, load_paths
from retrieval.embeddings import Embedder
from retrieval.store import PENDING_GRACE, ChunkStore
from retrieval.types import Chunk, Document

# Chunks embedded per call: a call runs its texts one per core, longest first, so a bigger
# call leaves a core idle for less of its end.
EMBED_BATCH = 256
WRITE_BATCH = 64  # chunks per store write: a crash redoes at most a few of these
WRITE_AHEAD = 8  # written groups waiting for the writer
WRITE_MERGE = 256  # chunks: groups waiting together for the writer are stored as one
EMBED_AHEAD = 2  # groups being embedded at once

log = logging.getLogger(__name__)

_Item = tuple[Document, list[Chunk], np.ndarray]
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
    sources: list[str] = field(default_factory=list)  # one per doc_id
    set_aside: dict[str, int] = field(default_factory=dict)  # source -> instruction sentences

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
    """Store new or changed documents; whether each is stored already is one look-up."""
    report = IngestReport()
    # What a crash left; cheap whatever the store's size (the thorough pass: docs --repair).
    store.repair(min_age=PENDING_GRACE, thorough=False)
    todo: list[tuple[Document, list[Chunk]]] = []
    seen: set[str] = set()
    docs = list(docs)
    stored = store.complete_among([d.doc_id for d in docs])  # one look-up, not one a document
    for doc in docs:
        report.documents += 1
        report.doc_ids.append(doc.doc_id)
        report.sources.append(doc.source)
        # (A version dropped below may be one looked up above: then it is asked again.)
        if doc.doc_id in seen or (doc.doc_id in stored and (
                not report.removed or store.complete_among([doc.doc_id]))):
            # Same text already stored: nothing to add, but the source may have moved on.
            chunks = chunk_document(doc, max_chars)
            report.unchanged += len(chunks)
            seen.add(doc.doc_id)
            # Older stores hold absolute server paths: the source as given replaces them.
            _note_set_aside(report, doc, store.refresh(doc, chunks))
            report.removed += _drop_older_versions(store, doc)
            continue
        seen.add(doc.doc_id)
        # Its instruction sentences are counted as it is stored (``_Writer``).
        todo.append((doc, chunk_document(doc, max_chars)))

    total = sum(len(chunks) for _, chunks in todo)
    done = 0
    if progress:
        progress(0, total)
    groups = iter(list(_groups(todo, EMBED_BATCH)))
    # Two groups are embedded at once, so the embedder's workers always have a batch to run
    # (one group's last batches beside the next group's first), while the store writes
    # the groups before them.
    with _Writer(store, report) as writer, \
            ThreadPoolExecutor(EMBED_AHEAD, thread_name_prefix="crosscheck-ingest-embed") as ahead:
        running: deque[tuple[list[tuple[Document, list[Chunk]]], Future[np.ndarray]]] = deque()

        def submit_next() -> None:
            group = next(groups, None)
            if group is not None:
                texts = [c.text for _, chunks in group for c in chunks]
                running.append((group, ahead.submit(_embed, embedder, texts)))

        try:
            for _ in range(EMBED_AHEAD):
                submit_next()
            while running:
                group, future = running.popleft()
                vectors = future.result()
                submit_next()
                at = 0
                for part in _groups(group, WRITE_BATCH):
                    items = []
                    for doc, chunks in part:
                        items.append((doc, chunks, vectors[at : at + len(chunks)]))
                        at += len(chunks)
                    writer.put(items)
                done += at
                if progress:
                    progress(done, total)
        except BaseException:
            for _, future in running:
                future.cancel()
            raise
    return report


def _embed(embedder: Embedder, texts: list[str]) -> np.ndarray:
    return embedder.embed(texts) if texts else np.zeros((0, 0), dtype=np.float32)


class _Writer:
    """One background thread that stores embedded groups in order, one group at a time.

    Each group still goes pending -> chunks -> complete (``ChunkStore.put_documents``);
    the queue is short, so a crash loses at most the groups embedded but not yet written,
    which are pending or absent and are redone by the next ingest. A write error stops
    the ingest and is raised in the caller's thread.
    """

    def __init__(self, store: ChunkStore, report: IngestReport) -> None:
        self.store, self.report = store, report
        self._queue: queue.Queue[list[_Item] | None] = queue.Queue(maxsize=WRITE_AHEAD)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="crosscheck-ingest-writer",
                                        daemon=True)

    def __enter__(self) -> _Writer:
        self._thread.start()
        return self

    def put(self, items: list[_Item]) -> None:
        while True:
            self._raise_if_failed()
            try:
                self._queue.put(items, timeout=0.2)
                return
            except queue.Full:
                continue

    def __exit__(self, kind: object, exc: object, tb: object) -> None:
        if exc is not None and self._error is None:
            # The caller failed: drop groups not yet started; the one being written finishes.
            with contextlib.suppress(queue.Empty):
                while True:
                    self._queue.get_nowait()
        while self._thread.is_alive():
            try:
                self._queue.put(None, timeout=0.2)
                break
            except queue.Full:
                continue
        self._thread.join()
        if exc is None:
            self._raise_if_failed()

    def _raise_if_failed(self) -> None:
        if self._error is not None:
            raise self._error

    def _run(self) -> None:
        stop = False
        while not stop:
            items = self._queue.get()
            if items is None:
                break
            # Groups that queued up while the last write ran are written as one: fewer
            # commits (the last groups of an ingest arrive together), the same guarantees.
            while sum(len(chunks) for _, chunks, _ in items) < WRITE_MERGE:
                try:
                    more = self._queue.get_nowait()
                except queue.Empty:
                    break
                if more is None:
                    stop = True
                    break
                items = items + more
            if self._error is None:  # after a failure, only drain until the stop signal
                try:
                    self._write(items)
                except BaseException as exc:  # handed to the caller's thread
                    self._error = exc

    def _write(self, items: list[_Item]) -> None:
        # Many small documents are written together: one round trip per group, same guarantees.
        log.info("writing %d documents", len(items))
        counts = self.store.put_documents(items)
        log.info("stored %d documents (%s ...)", len(items), items[0][0].source)
        for (doc, chunks, _), count in zip(items, counts, strict=True):
            self.report.added += len(chunks)
            _note_set_aside(self.report, doc, count)
        self.report.removed += _drop_older_versions_of(self.store, [d for d, _, _ in items])


def _note_set_aside(report: IngestReport, doc: Document, count: int) -> None:
    if count:
        report.set_aside[doc.source] = count


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


def _drop_older_versions_of(store: ChunkStore, docs: list[Document]) -> int:
    """``_drop_older_versions`` for documents just written together: one look-up for all."""
    found = store.find_by_sources([d.source for d in docs])
    gone: set[str] = set()
    removed = 0
    for doc in docs:  # in order, as one look-up per document would see them
        stale = [d for d in found.get(doc.source, []) if d != doc.doc_id and d not in gone]
        if stale:
            removed += store.remove(stale)
            gone.update(stale)
    return removed


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
