"""Search keeps up with the store: reused counts and query vectors never hide a change."""

from __future__ import annotations

import time
from pathlib import Path

from retrieval.chunking import chunk_document
from retrieval.documents import parse
from retrieval.search import HybridSearcher
from retrieval.store import ChunkStore


def _put(store: ChunkStore, text: bytes, name: str, embedder) -> list[str]:
    doc = parse(text, name)
    chunks = chunk_document(doc)
    store.put_document(doc, chunks, embedder.embed([c.text for c in chunks]))
    return [c.chunk_id for c in chunks]


def _until_counts_are_reused(store: ChunkStore, timeout: float = 10.0) -> tuple[int, ...]:
    """The store's version once its files are quiet and it reuses its counts."""
    deadline = time.monotonic() + timeout
    while True:
        version = store.version()
        if store._version_cache is not None:
            return version
        assert time.monotonic() < deadline, "the store's files never settled"
        time.sleep(0.05)


def test_quiet_store_still_shows_another_replicas_new_document(tmp_path: Path,
                                                               embedder) -> None:
    writer = ChunkStore("t", path=str(tmp_path / "s"))
    reader = ChunkStore("t", path=str(tmp_path / "s"))
    searcher = HybridSearcher(reader, embedder)
    first = _put(writer, b"Harbour report\n\nThe harbour master said the pier reopens in May.",
                 "a.txt", embedder)
    quiet = _until_counts_are_reused(reader)
    assert sorted(cid for cid, _ in reader.lexical_search("harbour pier", 10)) == sorted(first)
    assert reader.version() == quiet  # nothing changed: the reused counts stand

    second = _put(writer, b"Bridge report\n\nThe council voted to close the bridge in June.",
                  "b.txt", embedder)
    assert reader.version() != quiet  # the other replica's write is seen through the cache
    assert sorted(cid for cid, _ in reader.lexical_search("harbour bridge", 10)) == \
        sorted(first + second)
    hits = searcher.search("When will the bridge close?", k=3)
    assert hits and hits[0].chunk.chunk_id in second
    # The same question again (its vector reused) finds the same passages.
    again = searcher.search("When will the bridge close?", k=3)
    assert [p.chunk.chunk_id for p in again] == [p.chunk.chunk_id for p in hits]
