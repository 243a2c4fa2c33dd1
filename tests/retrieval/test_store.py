from __future__ import annotations

from pathlib import Path

import numpy as np

from retrieval.chunking import chunk_document
from retrieval.documents import load_file, parse
from retrieval.store import ChunkStore

from ..conftest import SEED


def _count(services) -> tuple[int, int]:
    store = services.store
    return len(store.documents()), store.version()[2]


def test_reingest_is_a_no_op(services) -> None:
    first = services.ingest([SEED])
    assert first.added == len(chunk_document(load_file(SEED))) and first.unchanged == 0
    before = _count(services)
    again = services.ingest([SEED])
    assert (again.added, again.removed) == (0, 0)
    assert again.unchanged == first.added
    assert _count(services) == before


def test_changed_file_replaces_its_chunks(services, tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Old headline\n\nThe council voted to close the bridge on Monday.")
    services.ingest([path])
    old_ids = {d.doc_id for d in services.store.documents()}
    path.write_text("New headline\n\nThe council voted to reopen the bridge on Tuesday.")
    report = services.ingest([path])
    assert report.added >= 1 and report.removed >= 1
    docs = services.store.documents()
    assert len(docs) == 1 and docs[0].doc_id not in old_ids
    texts = " ".join(c.text for c in services.store.all_chunks())
    assert "reopen" in texts and "close the bridge" not in texts
    assert services.store.version()[2] == docs[0].chunks  # no orphans left behind


def test_offsets_point_into_the_stored_document(seeded_services) -> None:
    store = seeded_services.store
    for chunk in store.all_chunks():
        doc = store.document(chunk.doc_id)
        assert doc is not None and doc.text[chunk.start : chunk.end] == chunk.text


def test_crash_before_commit_leaves_nothing_visible(tmp_path: Path, embedder) -> None:
    store = ChunkStore("t", path=str(tmp_path / "s"))
    doc = parse(b"Headline\n\nA sentence about ports. Another about ships.", "x.txt")
    chunks = chunk_document(doc)
    vectors = embedder.embed([c.text for c in chunks])
    # Simulate a crash after the chunks were written but before the document was committed.
    store._docs.upsert(ids=[doc.doc_id], documents=[doc.text], embeddings=[[1.0]],
                       metadatas=[{"title": "x", "source": "x", "chunks": 1, "ingested_at": 0.0,
                                   "state": "pending"}])
    store._chunks.upsert(ids=[c.chunk_id for c in chunks], documents=[c.text for c in chunks],
                         embeddings=vectors.tolist(),
                         metadatas=[ChunkStore._chunk_meta(c, doc) for c in chunks])
    assert store.documents() == [] and store.all_chunks() == []
    assert store.passages((c, 1.0, None) for c in chunks) == []
    assert store.repair() >= len(chunks)
    assert store.version()[1:3] == (0, 0)
    store.put_document(doc, chunks, np.asarray(vectors))
    assert [d.doc_id for d in store.documents()] == [doc.doc_id]


def test_collection_name_follows_embedding_settings(tmp_path: Path) -> None:
    from bot.settings import Settings

    a = Settings(store=tmp_path).index_stamp()
    assert a == Settings(store=tmp_path / "elsewhere").index_stamp()
    assert a != Settings(store=tmp_path, chunk_chars=300).index_stamp()
    assert a != Settings(store=tmp_path, embeddings="openai:text-embedding-3-small").index_stamp()
