"""Hidden text never reaches the store: the hostile pages go through the real ingest into a
real Chroma store on a temp folder, with the bundled embedding model."""

from __future__ import annotations

from pathlib import Path

from retrieval.ingest import ingest_paths
from retrieval.store import ChunkStore

from .test_visible_html import FILES, FIXTURES, VISIBLE


def test_no_stored_chunk_holds_a_hidden_sentence(tmp_path: Path, embedder) -> None:
    store = ChunkStore("hidden-html", path=str(tmp_path / "store"))
    report = ingest_paths([FIXTURES], store, embedder)
    assert not report.errors
    assert report.documents == len(FILES) and report.added > 0

    chunks = store.all_chunks()
    assert chunks
    assert not [c.text for c in chunks if "certainly" in c.text]
    stored = " ".join(c.text for c in chunks)
    for sentence in VISIBLE:
        assert sentence in stored
    # Stored chunks still cite the stored text at exact offsets.
    for chunk in chunks:
        doc = store.document(chunk.doc_id)
        assert doc is not None and "certainly" not in doc.text
        assert doc.text[chunk.start : chunk.end] == chunk.text
