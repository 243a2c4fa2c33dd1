"""A killed ingest loses nothing and leaves nothing half-present; replicas do not trip on
each other's writes."""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest

from retrieval.chunking import chunk_document
from retrieval.documents import parse
from retrieval.ingest import ingest_documents
from retrieval.search import HybridSearcher
from retrieval.store import ChunkStore

from ..conftest import ROOT, write_by_hand

# Enough files for about 18 group writes: each of the three kills below must land with groups
# still to write, however fast the machine writes the ones before it.
DOCS = 1500
WORDS = ["port", "ship", "council", "bridge", "river", "harbour", "minister", "budget", "vote",
         "school", "road", "train", "court", "museum", "hospital", "airport"]

# Run in a fresh interpreter so the store is opened by one process at a time.
INSPECT = """
import json, sys
from bot.settings import Settings
from retrieval.store import ChunkStore
store = ChunkStore(Settings().index_stamp(), path=sys.argv[1])
docs = store._docs.get(include=["metadatas"])
chunks = store._chunks.get(include=["metadatas"])
print(json.dumps({
    "docs": {i: m for i, m in zip(docs["ids"], docs["metadatas"])},
    "chunk_docs": [m["doc_id"] for m in chunks["metadatas"]],
    "visible": [d.doc_id for d in store.documents()],
}))
"""


def _write_corpus(folder: Path) -> None:
    folder.mkdir()
    for i in range(DOCS):
        body = " ".join(WORDS[(i * 7 + j * 3) % len(WORDS)] for j in range(30))
        (folder / f"report{i:03d}.txt").write_text(
            f"Report number {i}\n\nItem {i} of the council minutes says {body}.\n\n"
            f"A second paragraph about item {i} closes the report.\n"
        )


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CROSSCHECK_")}
    env["CROSSCHECK_CONFIG"] = "/nonexistent/crosscheck.toml"
    env["PYTHONUNBUFFERED"] = "1"
    return env


def _ingest(corpus: Path, store: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "bot", "-v", "ingest", str(corpus), "--store", str(store)],
        cwd=ROOT, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def _kill_after(proc: subprocess.Popen[str], writes: int, delay: float = 0.0,
                limit: float = 600.0) -> None:
    """SIGKILL the ingest as it starts its ``writes``-th group write (most likely inside it)."""
    lines: queue.Queue[str | None] = queue.Queue()

    def pump() -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=pump, daemon=True).start()
    seen, deadline = 0, time.monotonic() + limit  # a safety stop, not a measurement
    while seen < writes:
        try:
            line = lines.get(timeout=max(0.1, deadline - time.monotonic()))
        except queue.Empty:
            proc.kill()
            pytest.fail("ingest reported no progress")
        if line is None:
            pytest.fail(f"ingest ended (code {proc.wait()}) before it could be killed")
        seen += "INFO retrieval.ingest: writing" in line
    time.sleep(delay)  # where the kill lands varies; every landing place must be safe
    proc.send_signal(signal.SIGKILL)
    assert proc.wait() == -signal.SIGKILL


def _inspect(store: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", INSPECT, str(store)], cwd=ROOT, env=_env(),
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def _assert_whole(snapshot: dict) -> None:
    """Every visible document has exactly its chunks; no chunk lacks a document record."""
    per_doc: dict[str, int] = {}
    for doc_id in snapshot["chunk_docs"]:
        per_doc[doc_id] = per_doc.get(doc_id, 0) + 1
    for doc_id in snapshot["visible"]:
        assert per_doc.get(doc_id, 0) == snapshot["docs"][doc_id]["chunks"], doc_id
    assert set(per_doc) <= set(snapshot["docs"]), "chunks without a document record"


@pytest.mark.slow
def test_sigkilled_ingest_resumes_without_loss_or_duplicates(tmp_path: Path) -> None:
    corpus, store = tmp_path / "corpus", tmp_path / "store"
    _write_corpus(corpus)

    # Kill three times, at different points of a group write; then let it finish.
    before: dict = {"visible": [], "docs": {}}
    for writes, delay in ((3, 0.03), (2, 0.1), (2, 0.2)):
        _kill_after(_ingest(corpus, store), writes=writes, delay=delay)
        after = _inspect(store)
        _assert_whole(after)
        assert 0 < len(after["visible"]) < DOCS, "the kill should land part-way"
        assert set(before["visible"]) <= set(after["visible"]), "a committed document was lost"
        before = after

    done = _ingest(corpus, store)
    out, err = done.communicate(timeout=900)
    assert done.returncode == 0, err
    assert f"{DOCS} documents:" in out
    final = _inspect(store)
    _assert_whole(final)

    # Every file exactly once, complete, with every chunk and no strays.
    assert len(final["visible"]) == DOCS == len(final["docs"])
    sources = [m["source"] for m in final["docs"].values()]
    # Sources as given: relative to the ingested folder, never the server's absolute path.
    assert sorted(sources) == sorted(f"corpus/{p.name}" for p in corpus.iterdir())
    assert {m["state"] for m in final["docs"].values()} == {"complete"}
    assert len(final["chunk_docs"]) == sum(m["chunks"] for m in final["docs"].values())
    # Nothing committed before a crash was lost or written again.
    for doc_id in before["visible"]:
        assert final["docs"][doc_id]["ingested_at"] == before["docs"][doc_id]["ingested_at"]


def _pending_write(store: ChunkStore, text: bytes, name: str, embedder) -> tuple:
    """Another process's write, stopped after its chunks: record pending, chunks stored."""
    doc = parse(text, name)
    chunks = chunk_document(doc)
    vectors = embedder.embed([c.text for c in chunks])
    meta = {"title": doc.title, "source": doc.source, "chunks": len(chunks),
            "ingested_at": time.time()}
    write_by_hand(store, doc, chunks, vectors, {**meta, "state": "pending"})
    return doc, chunks, meta


def test_ingest_leaves_another_writers_fresh_pending_document_alone(tmp_path: Path,
                                                                     embedder) -> None:
    writer = ChunkStore("t", path=str(tmp_path / "s"))
    replica = ChunkStore("t", path=str(tmp_path / "s"))
    doc, chunks, meta = _pending_write(
        writer, b"Harbour report\n\nThe harbour master said the pier reopens in May.", "a.txt",
        embedder)
    other = parse(b"Bridge report\n\nThe council voted to close the bridge.", "b.txt")
    ingest_documents([other], replica, embedder)  # runs repair() first
    writer._docs.update(ids=[doc.doc_id], metadatas=[{**meta, "state": "complete"}])
    visible = {d.doc_id: d.chunks for d in replica.documents()}
    n_other = len(chunk_document(other))
    assert visible == {doc.doc_id: len(chunks), other.doc_id: n_other}
    assert len(replica.all_chunks()) == len(chunks) + n_other


def test_explicit_repair_clears_a_crashed_write(tmp_path: Path, embedder) -> None:
    store = ChunkStore("t", path=str(tmp_path / "s"))
    _pending_write(store, b"Harbour report\n\nThe pier reopens in May.", "a.txt", embedder)
    assert store.repair() >= 1
    assert store.version()[1:3] == (0, 0)


def test_search_sees_a_document_another_replica_completed(tmp_path: Path, embedder) -> None:
    writer = ChunkStore("t", path=str(tmp_path / "s"))
    reader = ChunkStore("t", path=str(tmp_path / "s"))
    searcher = HybridSearcher(reader, embedder)
    doc, chunks, meta = _pending_write(
        writer, b"Harbour report\n\nThe harbour master said the pier reopens in May.", "a.txt",
        embedder)
    assert reader.lexical_search("harbour pier", 10) == []  # pending: not searchable yet
    writer._docs.update(ids=[doc.doc_id], metadatas=[{**meta, "state": "complete"}])
    assert sorted(cid for cid, _ in reader.lexical_search("harbour pier", 10)) == \
        sorted(c.chunk_id for c in chunks)
    hits = searcher.search("when does the pier reopen", k=3,
                           vector=np.asarray(embedder.embed(["pier reopens"])[0]))
    assert {p.chunk.doc_id for p in hits} == {doc.doc_id}


def test_write_that_fails_part_way_is_invisible_then_redone(tmp_path: Path, embedder,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import retrieval.store as store_module

    store = ChunkStore("t", path=str(tmp_path / "s"))
    docs = [parse(f"Report {i}\n\nThe council met about the bridge {i}. It voted {i} times."
                  .encode(), f"r{i}.txt") for i in range(4)]
    monkeypatch.setattr(store_module, "BATCH", 2)  # several chunk writes per group
    real_upsert, calls = store._chunks.upsert, []

    def dies_on_second_batch(**kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise OSError("disk went away")
        return real_upsert(**kwargs)

    monkeypatch.setattr(store._chunks, "upsert", dies_on_second_batch)
    with pytest.raises(store_module.BackendError):
        ingest_documents(docs, store, embedder)
    assert store._chunks.count() > 0  # some chunks did reach the store...
    assert store.documents() == [] and store.all_chunks() == []  # ...but nothing shows

    monkeypatch.setattr(store._chunks, "upsert", real_upsert)
    store.repair()
    report = ingest_documents(docs, store, embedder)
    assert report.added == sum(len(chunk_document(d)) for d in docs)
    assert sorted(d.doc_id for d in store.documents()) == sorted(d.doc_id for d in docs)
    assert len(store.all_chunks()) == store._chunks.count() == report.added


def test_ingest_into_a_store_reads_what_it_writes_not_the_whole_store(
        tmp_path: Path, embedder, monkeypatch: pytest.MonkeyPatch) -> None:
    """A crashed write is still cleared by the next ingest, without listing every chunk."""
    store = ChunkStore("t", path=str(tmp_path / "s"))
    ingest_documents(_reports(5), store, embedder)
    crashed, _, meta = _pending_write(
        store, b"Harbour report\n\nThe harbour master said the pier reopens in May.", "a.txt",
        embedder)
    store._docs.update(ids=[crashed.doc_id], metadatas=[{**meta, "ingested_at": 0.0}])
    real_get = store._chunks.get

    def no_paging(*args, **kwargs):
        assert ("limit" not in kwargs and "where" in kwargs) or "ids" in kwargs, \
            "read every chunk"
        return real_get(*args, **kwargs)

    monkeypatch.setattr(store._chunks, "get", no_paging)
    monkeypatch.setattr(store, "complete_ids", lambda: pytest.fail("listed every document"))
    monkeypatch.setattr(store, "all_chunks", lambda: pytest.fail("read every chunk"))
    again = _reports(6)  # five stored already, one new
    report = ingest_documents(again, store, embedder)
    assert report.added == len(chunk_document(again[5]))
    assert report.unchanged == sum(len(chunk_document(d)) for d in again[:5])
    monkeypatch.undo()  # a process's first search compares every id, by design
    assert store.state(crashed.doc_id) is None  # the crashed write is gone
    assert store.lexical_search("harbour pier", 5) == []


def test_docs_repair_checks_the_whole_store(tmp_path: Path, embedder, capsys) -> None:
    from bot.cli import main
    from bot.services import Services
    from bot.settings import Settings

    path = tmp_path / "store"
    store = Services(Settings(store=path), embedder=embedder).store
    orphan = parse(b"Harbour report\n\nThe pier reopens in May.", "a.txt")
    chunks = chunk_document(orphan)
    store._chunks.upsert(ids=[c.chunk_id for c in chunks], documents=[c.text for c in chunks],
                         embeddings=embedder.embed([c.text for c in chunks]).tolist(),
                         metadatas=[ChunkStore._chunk_meta(c, orphan) for c in chunks])
    del store
    assert main(["docs", "--repair", "--store", str(path)]) == 0
    assert f"repaired: {len(chunks)} chunks" in capsys.readouterr().out
    assert Services(Settings(store=path), embedder=embedder).store._chunks.count() == 0


def _reports(n: int) -> list:
    return [parse(f"Report {i}\n\nThe council met about the bridge {i}. It voted {i} times."
                  .encode(), f"r{i}.txt") for i in range(n)]
