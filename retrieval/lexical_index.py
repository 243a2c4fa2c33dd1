"""A persisted lexical index: SQLite FTS5 ranked by its ``bm25()``, updated as chunks are written.

Documents go in and out whole, each in one transaction, so the index never holds part of a
document. Nothing is kept in memory: a query reads only its terms' postings from the file,
a write costs the chunks written, and a restart opens the file as it was. Several processes
may share one file (SQLite's WAL: readers never wait for a writer).

The text indexed is the same vocabulary as the in-memory ``BM25Index`` (``terms()``: stemmed
content words), so both rank on the same words; FTS5's own tokenizer only splits them again.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path

from retrieval.text import terms

SCHEMA_VERSION = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS docs(doc_id TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS chunks(
    id INTEGER PRIMARY KEY, chunk_id TEXT NOT NULL UNIQUE, doc_id TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS chunks_by_doc ON chunks(doc_id);
CREATE VIRTUAL TABLE IF NOT EXISTS postings USING fts5(
    body, tokenize = "unicode61 tokenchars ''''");
"""


def index_text(text: str) -> str:
    """What FTS5 indexes for a chunk: its stemmed content words, space-separated."""
    return " ".join(terms(text))


def match_expression(query: str) -> str | None:
    """An FTS5 query matching any of the query's terms (each quoted), or None if it has none."""
    unique = dict.fromkeys(terms(query))
    return " OR ".join(f'"{t}"' for t in unique) or None


class LexicalIndex:
    """BM25 over SQLite FTS5 in a file (or in memory with ``path=None``)."""

    def __init__(self, path: str | Path | None) -> None:
        self.path = str(path) if path is not None else ":memory:"
        if path is not None:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        # One connection shared by this process's threads, used under a lock; other processes
        # open their own. ``timeout``: wait for another process's write rather than fail.
        self._db = sqlite3.connect(self.path, timeout=60, check_same_thread=False,
                                   isolation_level=None)
        self._lock = threading.Lock()
        with self._lock:
            if path is not None:
                self._db.execute("PRAGMA journal_mode=WAL")
                self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.executescript(_SCHEMA)
            self._db.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)",
                             (str(SCHEMA_VERSION),))

    def close(self) -> None:
        with self._lock:
            self._db.close()

    # -- writing ---------------------------------------------------------------------------

    def add(self, docs: Iterable[tuple[str, Sequence[tuple[str, str]]]]) -> int:
        """Index documents given as (doc id, [(chunk id, text), ...]); one transaction.

        A document already indexed is left as it is (its id is its content hash), so adding
        the same document twice, or from two replicas at once, is harmless. Returns the
        number of chunks indexed.
        """
        prepared = [(doc_id, [(cid, index_text(text)) for cid, text in chunks])
                    for doc_id, chunks in docs]  # the slow part, outside the lock
        added = 0
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                for doc_id, chunks in prepared:
                    if self._db.execute("INSERT OR IGNORE INTO docs VALUES (?)",
                                        (doc_id,)).rowcount == 0:
                        continue
                    for cid, body in chunks:
                        row = self._db.execute(
                            "INSERT OR REPLACE INTO chunks(chunk_id, doc_id) VALUES (?, ?)",
                            (cid, doc_id)).lastrowid
                        self._db.execute("INSERT INTO postings(rowid, body) VALUES (?, ?)",
                                         (row, body))
                        added += 1
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
        return added

    def remove(self, doc_ids: Iterable[str]) -> int:
        """Drop documents and their chunks' postings; one transaction. Returns chunks dropped."""
        ids = list(doc_ids)
        if not ids:
            return 0
        removed = 0
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                for doc_id in ids:
                    self._db.execute(
                        "DELETE FROM postings WHERE rowid IN "
                        "(SELECT id FROM chunks WHERE doc_id = ?)", (doc_id,))
                    removed += self._db.execute("DELETE FROM chunks WHERE doc_id = ?",
                                                (doc_id,)).rowcount
                    self._db.execute("DELETE FROM docs WHERE doc_id = ?", (doc_id,))
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
        return removed

    # -- reading ---------------------------------------------------------------------------

    def doc_ids(self) -> set[str]:
        with self._lock:
            return {r[0] for r in self._db.execute("SELECT doc_id FROM docs")}

    def doc_count(self) -> int:
        with self._lock:
            return int(self._db.execute("SELECT count(*) FROM docs").fetchone()[0])

    def count(self) -> tuple[int, int]:
        """(documents, chunks) indexed."""
        with self._lock:
            docs = self._db.execute("SELECT count(*) FROM docs").fetchone()[0]
            chunks = self._db.execute("SELECT count(*) FROM chunks").fetchone()[0]
        return int(docs), int(chunks)

    def search(self, query: str, k: int) -> list[tuple[str, float]]:
        """Top ``k`` (chunk id, score) by BM25, best first; higher scores are better."""
        expression = match_expression(query)
        if expression is None or k <= 0:
            return []
        with self._lock:
            rows = self._db.execute(
                "SELECT c.chunk_id, top.rank FROM (SELECT rowid, rank FROM postings "
                "WHERE postings MATCH ? ORDER BY rank LIMIT ?) AS top "
                "JOIN chunks c ON c.id = top.rowid ORDER BY top.rank", (expression, k)).fetchall()
        # FTS5 ranks by ascending bm25() (more negative is better).
        return [(str(cid), -float(rank)) for cid, rank in rows]
