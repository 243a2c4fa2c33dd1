"""A persisted lexical index: SQLite FTS5 ranked by its ``bm25()``, updated as chunks are written.

Documents go in and out whole, each in one transaction, so the index never holds part of a
document. Nothing is kept in memory: a query reads only its terms' postings from the file,
a write costs the chunks written, and a restart opens the file as it was. Several processes
may share one file (SQLite's WAL: readers never wait for a writer).

The text indexed is the same vocabulary as the in-memory ``BM25Index`` (``terms()``: stemmed
content words), so both rank on the same words; FTS5's own tokenizer only splits them again.

What a query costs: FTS5 scores every chunk holding any of its words (about 0.4 µs each here),
so a word found in 100,000 chunks costs 40 ms on its own. The index keeps each word's document
frequency: when the query's words together are in more than ``BUDGET`` chunks, candidates come
from its rarest words within that budget and are then scored on all its words with the same
BM25 (a "common terms" query: frequent words add little to the score, and the dense search
covers them); a word alone in more chunks than the budget is a stopword for that corpus.
Below the budget the ranking is FTS5's own, as it always was.
"""

from __future__ import annotations

import logging
import math
import sqlite3
import threading
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from retrieval.text import terms

log = logging.getLogger(__name__)

SCHEMA_VERSION = 2  # 2: word document frequencies and chunk / token totals
BUDGET = 100_000  # postings FTS5 scores for one query at most (~40 ms on one core here)
CANDIDATES = 1000  # candidates rescored when the budget binds (chosen on the generated corpus)
K1, B = 1.2, 0.75  # FTS5's bm25() defaults, used when rescoring
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS docs(doc_id TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS chunks(
    id INTEGER PRIMARY KEY, chunk_id TEXT NOT NULL UNIQUE, doc_id TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS chunks_by_doc ON chunks(doc_id);
CREATE VIRTUAL TABLE IF NOT EXISTS postings USING fts5(
    body, tokenize = "unicode61 tokenchars ''''");
CREATE TABLE IF NOT EXISTS df(term TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
"""


def index_text(text: str) -> str:
    """What FTS5 indexes for a chunk: its stemmed content words, space-separated."""
    return " ".join(terms(text))


def match_expression(words: Iterable[str]) -> str | None:
    """An FTS5 query matching any of these words (each quoted), or None if there are none."""
    return " OR ".join(f'"{w}"' for w in dict.fromkeys(words)) or None


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
            self._db.execute("BEGIN IMMEDIATE")  # two processes opening a new file at once
            try:
                for statement in _SCHEMA.split(";"):
                    if statement.strip():
                        self._db.execute(statement)
                self._upgrade()
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    def _upgrade(self) -> None:
        """A new file starts at the current schema; a schema-1 file counts its words once."""
        row = self._db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        if row is not None and int(row[0]) >= SCHEMA_VERSION:
            return
        if row is not None:
            log.info("lexical index %s: counting word frequencies (once)", self.path)
        self._db.execute("DELETE FROM df")
        self._db.execute("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, 'postings', 'row')")
        self._db.execute("INSERT INTO df SELECT term, doc FROM temp.vocab")
        self._db.execute("DROP TABLE temp.vocab")
        tokens = sum(len(body.split()) for (body,) in self._db.execute("SELECT body FROM postings"))
        chunks = self._db.execute("SELECT count(*) FROM chunks").fetchone()[0]
        self._db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)",
                             [("schema", str(SCHEMA_VERSION)), ("chunks", str(chunks)),
                              ("tokens", str(tokens))])

    def close(self) -> None:
        with self._lock:
            self._db.close()

    # -- writing ---------------------------------------------------------------------------

    def _count(self, bodies: Sequence[str], sign: int) -> None:
        """Word frequencies and totals follow the chunks written (+1) or dropped (-1)."""
        if not bodies:
            return
        df: Counter[str] = Counter()
        tokens = 0
        for body in bodies:
            words = body.split()
            tokens += len(words)
            df.update(set(words))
        self._db.executemany(
            "INSERT INTO df VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET n = n + excluded.n",
            [(w, sign * n) for w, n in df.items()])
        if sign < 0:
            self._db.execute("DELETE FROM df WHERE n <= 0")
        for key, delta in (("chunks", len(bodies)), ("tokens", tokens)):
            self._db.execute("UPDATE meta SET value = CAST(value AS INTEGER) + ? WHERE key = ?",
                             (sign * delta, key))

    def add(self, docs: Iterable[tuple[str, Sequence[tuple[str, str]]]]) -> int:
        """Index documents given as (doc id, [(chunk id, text), ...]); one transaction.

        A document already indexed is left as it is (its id is its content hash), so adding
        the same document twice, or from two replicas at once, is harmless. Returns the
        number of chunks indexed.
        """
        prepared = [(doc_id, [(cid, index_text(text)) for cid, text in chunks])
                    for doc_id, chunks in docs]  # the slow part, outside the lock
        added: list[str] = []
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
                        added.append(body)
                self._count(added, +1)
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
        return len(added)

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
                    self._count([body for (body,) in self._db.execute(
                        "SELECT body FROM postings WHERE rowid IN "
                        "(SELECT id FROM chunks WHERE doc_id = ?)", (doc_id,))], -1)
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

    def doc_ids(self, among: Sequence[str] | None = None) -> set[str]:
        """Documents indexed: all, or those of ``among``."""
        with self._lock:
            if among is None:
                return {r[0] for r in self._db.execute("SELECT doc_id FROM docs")}
            found: set[str] = set()
            for i in range(0, len(among), 500):  # SQLite's limit on bound variables
                part = list(among[i : i + 500])
                found.update(r[0] for r in self._db.execute(
                    f"SELECT doc_id FROM docs WHERE doc_id IN ({','.join('?' * len(part))})",
                    part))
            return found

    def doc_count(self) -> int:
        with self._lock:
            return int(self._db.execute("SELECT count(*) FROM docs").fetchone()[0])

    def count(self) -> tuple[int, int]:
        """(documents, chunks) indexed."""
        with self._lock:
            docs = self._db.execute("SELECT count(*) FROM docs").fetchone()[0]
            chunks = self._db.execute("SELECT count(*) FROM chunks").fetchone()[0]
        return int(docs), int(chunks)

    def frequencies(self, words: Sequence[str]) -> dict[str, int]:
        """How many chunks hold each of these words (those held by none are left out)."""
        if not words:
            return {}
        with self._lock:
            return dict(self._db.execute(
                f"SELECT term, n FROM df WHERE term IN ({','.join('?' * len(words))})",
                list(words)).fetchall())

    def search(self, query: str, k: int) -> list[tuple[str, float]]:
        """Top ``k`` (chunk id, score) by BM25, best first; higher scores are better."""
        words = list(dict.fromkeys(terms(query)))
        df = self.frequencies(words)
        found = sorted(df, key=lambda w: (df[w], w))  # rarest first
        if not found or k <= 0:
            return []
        chosen: list[str] = []
        postings = 0
        for w in found:
            postings += df[w]
            if postings > BUDGET:
                break
            chosen.append(w)
        if not chosen:  # each word is in more chunks than the budget: stopwords here
            return []
        with self._lock:
            if len(chosen) == len(found):
                rows = self._db.execute(
                    "SELECT c.chunk_id, top.rank FROM (SELECT rowid, rank FROM postings "
                    "WHERE postings MATCH ? ORDER BY rank LIMIT ?) AS top "
                    "JOIN chunks c ON c.id = top.rowid ORDER BY top.rank",
                    (match_expression(chosen), k)).fetchall()
                # FTS5 ranks by ascending bm25() (more negative is better).
                return [(str(cid), -float(rank)) for cid, rank in rows]
            candidates = self._db.execute(
                "SELECT c.chunk_id, top.body FROM (SELECT rowid, body, rank FROM postings "
                "WHERE postings MATCH ? ORDER BY rank LIMIT ?) AS top "
                "JOIN chunks c ON c.id = top.rowid",
                (match_expression(chosen), max(CANDIDATES, 10 * k))).fetchall()
            totals = dict(self._db.execute(
                "SELECT key, CAST(value AS INTEGER) FROM meta WHERE key IN ('chunks', 'tokens')"))
        return rescored(candidates, df, totals, k)


def rescored(candidates: Sequence[tuple[str, str]], df: dict[str, int],
             totals: dict[str, int], k: int) -> list[tuple[str, float]]:
    """(chunk id, indexed text) scored on all the query's words by FTS5's bm25(), best first."""
    n = max(int(totals.get("chunks", 0)), 1)
    avg = max(int(totals.get("tokens", 0)) / n, 1e-9)
    idf = {w: max(math.log((n - d + 0.5) / (d + 0.5)), 1e-6) for w, d in df.items()}
    scored = []
    for cid, body in candidates:
        words = body.split()
        counts = Counter(w for w in words if w in idf)
        norm = K1 * (1 - B + B * len(words) / avg)
        scored.append((str(cid), sum(idf[w] * tf * (K1 + 1) / (tf + norm)
                                     for w, tf in counts.items())))
    scored.sort(key=lambda r: (-r[1], r[0]))
    return scored[:k]
