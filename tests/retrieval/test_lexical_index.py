"""The FTS5 lexical index: updated on write, persisted, removed with its documents, crash-safe."""

from __future__ import annotations

import os
import sqlite3
import uuid
from pathlib import Path

import chromadb
import pytest

import retrieval.lexical_index as lexical_module
import retrieval.store as store_module
from retrieval.chunking import chunk_document
from retrieval.documents import parse
from retrieval.ingest import ingest_documents
from retrieval.lexical import BM25Index
from retrieval.lexical_index import LexicalIndex
from retrieval.search import HybridSearcher
from retrieval.store import ChunkStore

# Read at import: the autouse fixture clears CROSSCHECK_* variables before each test.
SERVER_URL = os.environ.get("CROSSCHECK_TEST_CHROMA_URL")
HARBOUR = b"Harbour report\n\nThe harbour master said the pier reopens in May."
BRIDGE = b"Bridge report\n\nThe council voted to close the bridge in June."


def _reports(n: int) -> list:
    return [parse(f"Report {i}\n\nThe council met about the bridge {i}. It voted {i} times. "
                  f"The ferry {i} was late.".encode(), f"r{i}.txt") for i in range(n)]


def _ids(hits: list[tuple[str, float]]) -> list[str]:
    return [cid for cid, _ in hits]


class _CountingIndexText:
    """Counts the chunks the index tokenises: the work a write costs."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls = 0
        real = lexical_module.index_text

        def counted(text: str) -> str:
            self.calls += 1
            return real(text)

        monkeypatch.setattr(lexical_module, "index_text", counted)


def test_ranks_like_in_memory_bm25_on_a_real_corpus() -> None:
    from tests.conftest import SEED

    doc = parse(SEED.read_bytes(), SEED.name)
    chunks = chunk_document(doc)
    index = LexicalIndex(None)
    index.add([(doc.doc_id, [(c.chunk_id, c.text) for c in chunks])])
    old = BM25Index([c.text for c in chunks])
    for query in ("Did the U.S. close its embassy in Tripoli?", "Was this a negotiation?",
                  "Who met representatives of Qaddafi's government?"):
        new_top = _ids(index.search(query, 3))
        old_top = [chunks[i].chunk_id for i, _ in old.search(query, 3)]
        assert new_top[0] == old_top[0], query
        assert set(new_top) & set(old_top[:2])


def test_a_write_indexes_only_the_chunks_written(tmp_path: Path, embedder,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    store = ChunkStore("t", path=str(tmp_path / "s"))
    ingest_documents(_reports(6), store, embedder)
    assert len(store.lexical_search("ferry", 50)) == store.lexical.count()[0] == 6
    counter = _CountingIndexText(monkeypatch)
    reads: list[dict] = []
    real_get = store._chunks.get
    monkeypatch.setattr(store._chunks, "get", lambda **kw: reads.append(kw) or real_get(**kw))
    new = parse(BRIDGE, "b.txt")
    ingest_documents([new], store, embedder)
    assert counter.calls == len(chunk_document(new))  # not the whole corpus again
    hits = store.lexical_search("When will the bridge close in June?", 3)
    assert hits[0][0] in {c.chunk_id for c in chunk_document(new)}
    # The search after the write read no chunk texts back from Chroma to index them.
    assert not [kw for kw in reads if "documents" in (kw.get("include") or [])]


def test_the_index_persists_across_a_restart(tmp_path: Path, embedder,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    store = ChunkStore("t", path=str(tmp_path / "s"))
    ingest_documents([*_reports(5), parse(HARBOUR, "h.txt")], store, embedder)
    before = store.lexical_search("harbour pier reopens", 5)
    files = list((tmp_path / "s").glob("lexical-t.sqlite3"))
    assert files, "the index is a file in the store folder"
    del store

    counter = _CountingIndexText(monkeypatch)
    reopened = ChunkStore("t", path=str(tmp_path / "s"))
    assert reopened.lexical_search("harbour pier reopens", 5) == before
    assert counter.calls == 0  # nothing was indexed again


def test_removal_removes_index_rows(tmp_path: Path, embedder) -> None:
    store = ChunkStore("t", path=str(tmp_path / "s"))
    docs = [parse(HARBOUR, "h.txt"), parse(BRIDGE, "b.txt")]
    ingest_documents(docs, store, embedder)
    assert store.lexical.count()[0] == 2
    store.remove([docs[0].doc_id])
    assert store.lexical.doc_ids() == {docs[1].doc_id}
    assert store.lexical_search("harbour pier", 5) == []
    rows = sqlite3.connect(tmp_path / "s" / "lexical-t.sqlite3").execute(
        "SELECT count(*) FROM postings").fetchone()[0]
    assert rows == len(chunk_document(docs[1]))


def test_a_write_that_dies_half_way_leaves_no_index_rows(tmp_path: Path, embedder,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    store = ChunkStore("t", path=str(tmp_path / "s"))
    docs = _reports(4)
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
    assert store._chunks.count() > 0  # some chunks reached Chroma...
    assert store.lexical.count() == (0, 0)  # ...none reached the index
    assert store.lexical_search("council bridge ferry", 20) == []
    searcher = HybridSearcher(store, embedder)
    assert searcher.search("When did the council meet about the bridge?", k=4) == []

    monkeypatch.setattr(store._chunks, "upsert", real_upsert)
    report = ingest_documents(docs, store, embedder)  # repairs, then writes again
    assert store.lexical.count() == (len(docs), report.added)
    assert len(store.lexical_search("report council bridge ferry", 50)) == report.added


def test_an_index_write_that_fails_is_caught_up_by_the_next_search(
        tmp_path: Path, embedder, monkeypatch: pytest.MonkeyPatch) -> None:
    store = ChunkStore("t", path=str(tmp_path / "s"))
    ingest_documents([parse(BRIDGE, "b.txt")], store, embedder)

    def locked(*args, **kwargs):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(store.lexical, "add", locked)
    harbour = parse(HARBOUR, "h.txt")
    ingest_documents([harbour], store, embedder)  # stored in Chroma all the same
    monkeypatch.undo()
    hits = store.lexical_search("harbour pier reopens", 3)
    assert hits and hits[0][0] in {c.chunk_id for c in chunk_document(harbour)}


def test_index_rows_of_a_document_gone_from_the_store_are_dropped(tmp_path: Path,
                                                                  embedder) -> None:
    """A process that died after its index write but whose document was then removed."""
    store = ChunkStore("t", path=str(tmp_path / "s"))
    harbour, bridge = parse(HARBOUR, "h.txt"), parse(BRIDGE, "b.txt")
    ingest_documents([bridge], store, embedder)
    store.lexical.add([(harbour.doc_id, [(c.chunk_id, c.text)
                                         for c in chunk_document(harbour)])])
    other = ChunkStore("t", path=str(tmp_path / "s"))  # a replica starting up
    assert other.lexical_search("harbour pier", 5) == []
    assert store.lexical.doc_ids() == {bridge.doc_id}
    searcher = HybridSearcher(store, embedder)
    assert {p.chunk.doc_id for p in searcher.search("harbour pier reopens", k=4)} == \
        {bridge.doc_id}


@pytest.mark.parametrize("via", ["shared_client", "server"])
def test_replicas_of_one_chroma_keep_their_own_index_in_step(
        tmp_path: Path, embedder, via: str) -> None:
    """Replicas sharing one Chroma, each with its own index file, see each other's writes."""
    if via == "server":
        if not SERVER_URL:
            pytest.skip("CROSSCHECK_TEST_CHROMA_URL is not set (.ci/run starts a server)")
        stamp = f"lex{uuid.uuid4().hex[:12]}"
        a = ChunkStore(stamp, url=SERVER_URL, lexical_path=tmp_path / "a.sqlite3")
        b = ChunkStore(stamp, url=SERVER_URL, lexical_path=tmp_path / "b.sqlite3")
    else:
        client = chromadb.EphemeralClient(settings=chromadb.Settings(anonymized_telemetry=False))
        stamp = "lexreplicas"
        a = ChunkStore(stamp, client=client, lexical_path=tmp_path / "a.sqlite3")
        b = ChunkStore(stamp, client=client, lexical_path=tmp_path / "b.sqlite3")
    harbour, bridge = parse(HARBOUR, "h.txt"), parse(BRIDGE, "b.txt")
    assert b.lexical_search("harbour", 5) == []
    ingest_documents([harbour], a, embedder)
    assert sorted(_ids(b.lexical_search("harbour pier", 5))) == \
        sorted(c.chunk_id for c in chunk_document(harbour))
    ingest_documents([bridge], b, embedder)
    assert a.lexical_search("bridge council", 5)
    a.remove([harbour.doc_id])
    assert b.lexical_search("harbour pier", 5) == []
    assert b.lexical.doc_ids() == {bridge.doc_id}
    if via == "server":
        for kind in ("chunks", "docs", "changes"):
            a._client.delete_collection(f"{kind}-{stamp}")


def test_a_server_replica_rereads_only_the_documents_other_replicas_touched(
        tmp_path: Path, embedder, monkeypatch: pytest.MonkeyPatch) -> None:
    """After its first look, a replica reads one change record per write, not every id."""
    if not SERVER_URL:
        pytest.skip("CROSSCHECK_TEST_CHROMA_URL is not set (.ci/run starts a server)")
    stamp = f"lex{uuid.uuid4().hex[:12]}"
    a = ChunkStore(stamp, url=SERVER_URL, lexical_path=tmp_path / "a.sqlite3")
    b = ChunkStore(stamp, url=SERVER_URL, lexical_path=tmp_path / "b.sqlite3")
    harbour, bridge = parse(HARBOUR, "h.txt"), parse(BRIDGE, "b.txt")
    try:
        assert b.lexical_search("harbour", 5) == []  # the first look compares every id
        looked: list[list[str] | None] = []
        real = b._catch_up
        monkeypatch.setattr(b, "_catch_up", lambda among: looked.append(among) or real(among))
        monkeypatch.setattr(b, "complete_ids", lambda: pytest.fail("compared every id"))
        ingest_documents([harbour], a, embedder)
        assert sorted(_ids(b.lexical_search("harbour pier", 5))) == \
            sorted(c.chunk_id for c in chunk_document(harbour))
        assert looked == [[harbour.doc_id]]
        assert b.lexical_search("harbour pier", 5) and len(looked) == 1  # read once
        chunks = chunk_document(bridge)  # written as ingest writes it, past its repair scan
        b.put_document(bridge, chunks, embedder.embed([c.text for c in chunks]))
        assert b.lexical_search("bridge council", 5) and len(looked) == 1  # in step already
        a.remove([harbour.doc_id])
        assert b.lexical_search("harbour pier", 5) == []
        assert looked[-1] == [harbour.doc_id]
    finally:
        for kind in ("chunks", "docs", "changes"):
            a._client.delete_collection(f"{kind}-{stamp}")


def test_the_default_index_of_a_server_is_per_replica_and_named_by_server() -> None:
    one = store_module.lexical_index_path("abc", None, "http://10.0.0.1:8000")
    two = store_module.lexical_index_path("abc", None, "http://10.0.0.2:8000")
    assert one is not None and two is not None and one != two
    assert one.name.endswith("-abc.sqlite3")
    assert store_module.lexical_index_path("abc", "/srv/store", None) == \
        Path("/srv/store/lexical-abc.sqlite3")
    assert store_module.lexical_index_path("abc", None, None) is None


def test_queries_with_quotes_and_operators_are_only_words() -> None:
    index = LexicalIndex(None)
    index.add([("d", [("c1", 'O\'Brien said "NEAR" AND OR NOT (x*) ^ -- ; DROP TABLE docs')])])
    assert _ids(index.search('O\'Brien "near" AND) OR (NOT *', 5)) == ["c1"]
    assert index.search("the and of", 5) == []  # stopwords only
    assert index.search("", 5) == []
    assert index.count() == (1, 1)


def test_searches_during_writes_and_repairs_neither_block_nor_miss(tmp_path: Path,
                                                                   embedder) -> None:
    import threading
    from concurrent.futures import ThreadPoolExecutor

    store = ChunkStore("t", path=str(tmp_path / "s"))
    docs = _reports(8)
    done = threading.Event()

    def search_until_done() -> int:
        n = 0
        while not done.is_set():
            for cid, _ in store.lexical_search("council bridge ferry", 50):
                assert ":" in cid
            n += 1
        return n

    with ThreadPoolExecutor(3) as pool:
        searchers = [pool.submit(search_until_done) for _ in range(2)]
        try:
            for doc in docs:
                ingest_documents([doc], store, embedder)  # each one repairs first
            store.remove([docs[0].doc_id])
            store.repair()
        finally:
            done.set()
        assert all(f.result(timeout=60) > 0 for f in searchers)
    assert store.lexical.doc_ids() == {d.doc_id for d in docs[1:]}


def _seed_index(path: Path | None = None) -> tuple[LexicalIndex, list]:
    from tests.conftest import SEED

    doc = parse(SEED.read_bytes(), SEED.name)
    reports = _reports(30)
    index = LexicalIndex(path)
    index.add([(d.doc_id, [(c.chunk_id, c.text) for c in chunk_document(d)])
               for d in [doc, *reports]])
    return index, reports


def _vocabulary(index: LexicalIndex) -> dict[str, int]:
    db = index._db
    db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.v USING fts5vocab(main, postings, row)")
    return dict(db.execute("SELECT term, doc FROM temp.v").fetchall())


def test_word_frequencies_and_totals_follow_writes_and_removals() -> None:
    index, reports = _seed_index()
    index.remove([r.doc_id for r in reports[:10]])
    index.add([(reports[3].doc_id, [(c.chunk_id, c.text) for c in chunk_document(reports[3])])])
    vocabulary = _vocabulary(index)
    assert index.frequencies(list(vocabulary)) == vocabulary
    assert index.frequencies(["ferri", "nowhere"]) == {"ferri": vocabulary["ferri"]}
    bodies = [b for (b,) in index._db.execute("SELECT body FROM postings")]
    totals = dict(index._db.execute("SELECT key, CAST(value AS INTEGER) FROM meta"))
    assert totals["chunks"] == len(bodies) == index.count()[1]
    assert totals["tokens"] == sum(len(b.split()) for b in bodies)


def test_rescoring_gives_fts5s_own_bm25_scores() -> None:
    index, _ = _seed_index()
    query = "Did the council close the bridge after the ferry was late in Tripoli?"
    exact = index.search(query, 1000)  # within the budget: FTS5 ranks all of them
    assert len(exact) > 20
    words = list(dict.fromkeys(lexical_module.terms(query)))
    df = index.frequencies(words)
    bodies = dict(index._db.execute(
        "SELECT c.chunk_id, p.body FROM postings p JOIN chunks c ON c.id = p.rowid"))
    totals = dict(index._db.execute(
        "SELECT key, CAST(value AS INTEGER) FROM meta WHERE key IN ('chunks', 'tokens')"))
    mine = lexical_module.rescored([(cid, bodies[cid]) for cid, _ in exact], df, totals, 1000)
    assert [s for _, s in mine] == pytest.approx([s for _, s in exact], rel=1e-6)


def test_a_query_over_the_budget_is_answered_from_its_rarest_words(
        monkeypatch: pytest.MonkeyPatch) -> None:
    index, reports = _seed_index()
    query = "Was the ferry 7 late for the council?"
    exact = index.search(query, 5)
    df = index.frequencies(["ferri", "council", "late", "7"])
    assert df["7"] < df["ferri"]
    # Only the rarest word ('7') may be scored by FTS5: the rest only rescore its chunks.
    monkeypatch.setattr(lexical_module, "BUDGET", df["7"])
    calls = []
    real = lexical_module.rescored
    monkeypatch.setattr(lexical_module, "rescored",
                        lambda cands, *a: calls.append(len(cands)) or real(cands, *a))
    budgeted = index.search(query, 5)
    assert calls == [df["7"]]  # the rare word's chunks, rescored on all the words
    assert budgeted[0][0] == exact[0][0]
    assert budgeted[0][0].startswith(reports[7].doc_id)
    assert budgeted[0][1] == pytest.approx(exact[0][1], rel=1e-6)
    # Words each in more chunks than the budget are stopwords for this corpus.
    monkeypatch.setattr(lexical_module, "BUDGET", df["7"] - 1)
    assert index.search(query, 5) == []


def test_an_index_written_before_word_frequencies_gets_them_on_open(tmp_path: Path) -> None:
    path = tmp_path / "lexical.sqlite3"
    index, _ = _seed_index(path)
    before = index.search("Who met representatives of Qaddafi's government?", 5)
    vocabulary = _vocabulary(index)
    index._db.execute("DELETE FROM df")
    index._db.execute("DELETE FROM meta WHERE key != 'schema'")
    index._db.execute("UPDATE meta SET value = '1' WHERE key = 'schema'")
    index.close()
    reopened = LexicalIndex(path)
    assert reopened.frequencies(list(vocabulary)) == vocabulary
    assert reopened.search("Who met representatives of Qaddafi's government?", 5) == before
