"""Chroma-backed store of chunks (with vectors) and documents (with full text).

Writes are ordered so a crash never leaves a half-present document: the document
record is written ``pending`` first, then its chunks, then it is marked
``complete``, then its chunks go into the lexical index. Readers ignore chunks of
documents that are not complete, and ``repair()`` removes whatever a crash left
pending. Removal marks a document pending, drops its lexical rows, then its chunks.

The lexical index (SQLite FTS5, ``retrieval.lexical_index``) is a file in the store's
folder, shared by every process using that folder. With a Chroma server each replica
keeps its own file: it compares every document id once, then re-checks only the documents
other replicas name in their change records (``retrieval.changes``), adding and dropping
what they added and removed.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlparse

import numpy as np

from retrieval.changes import ChangeLog
from retrieval.doc_texts import DocumentTexts
from retrieval.errors import BackendError, ConfigError, CrosscheckError
from retrieval.instructions import count_instructions
from retrieval.lexical_index import LexicalIndex
from retrieval.sources import public_source
from retrieval.types import Chunk, Document, Passage, Span

log = logging.getLogger(__name__)

BATCH = 512
_PENDING, _COMPLETE = "pending", "complete"
# A chunk's text is its document's text between its offsets, read from the document
# (``DocumentTexts``), so it is written once. Stores written before keep it in the chunk's
# record: as this metadata key, or earlier as Chroma's document.
TEXT = "text"
# A pending document younger than this may still be being written by another process
# (a second replica, or the CLI next to the server): ``ingest`` leaves it alone.
PENDING_GRACE = 600.0
_QUIET_NS = 200_000_000  # see ChunkStore._files
LEXICAL_PREFIX = "lexical-"  # the lexical index's files in the store folder
SYNC_BATCH = 200  # documents whose chunks are read per call when catching up the index

T = TypeVar("T")


@dataclass(frozen=True)
class DocumentInfo:
    """What the store knows about one document, without its text."""

    doc_id: str
    title: str
    source: str
    chunks: int
    ingested_at: float
    instructions: int | None = None  # sentences set aside as orders to the bot (None: unknown)
    outlet: str | None = None
    published: str | None = None  # ISO date


def _client(path: str | None, url: str | None) -> Any:
    from retrieval.chroma import import_chromadb

    chromadb = import_chromadb()
    settings = chromadb.Settings(anonymized_telemetry=False)
    if url:
        parsed = urlparse(url if "://" in url else f"http://{url}")
        if not parsed.hostname:
            raise ConfigError(f"CROSSCHECK_CHROMA_URL={url!r} is not a URL like http://host:8000")
        return chromadb.HttpClient(
            host=parsed.hostname,
            port=parsed.port or (443 if parsed.scheme == "https" else 8000),
            ssl=parsed.scheme == "https",
            settings=settings,
        )
    if not path:
        raise ConfigError("no store: set CROSSCHECK_STORE (a folder) or CROSSCHECK_CHROMA_URL")
    return chromadb.PersistentClient(path=path, settings=settings)


def lexical_index_path(stamp: str, path: str | None, url: str | None) -> Path | None:
    """Where the lexical index of a store lives: in its folder, or per replica for a server.

    A server's replicas each keep a file under ``$XDG_CACHE_HOME/crosscheck/lexical`` (by
    default ``~/.cache``) named by the server's address and the index stamp; an in-memory
    store (a given client) keeps its index in memory.
    """
    if url:
        key = hashlib.sha1(url.encode()).hexdigest()[:10]
        cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
        return cache / "crosscheck" / "lexical" / f"{key}-{stamp}.sqlite3"
    if path:
        return Path(path) / f"{LEXICAL_PREFIX}{stamp}.sqlite3"
    return None


def _chunk_from(id_: str, text: str, meta: dict[str, Any]) -> Chunk:
    spans = tuple(Span(s, e) for s, e in json.loads(str(meta["sentences"])))
    return Chunk(
        chunk_id=id_,
        doc_id=str(meta["doc_id"]),
        text=text,
        start=int(meta["start"]),
        end=int(meta["end"]),
        paragraph=int(meta["paragraph"]),
        sentences=spans,
    )


def _opt(meta: Any, key: str) -> str | None:
    value = meta.get(key)
    return str(value) if value else None


def _described(doc: Document) -> dict[str, Any]:
    """Publisher, date and page starts as metadata; Chroma keeps no None values, so unknown
    ones are left out."""
    meta: dict[str, Any] = {}
    if doc.outlet:
        meta["outlet"] = doc.outlet
    if doc.published:
        meta["published"] = doc.published
    if doc.pages:
        meta["pages"] = json.dumps(list(doc.pages))
    return meta


def _guarded(action: str) -> Any:
    """Turn any backend failure into a one-line ``BackendError``, and reconnect next time."""

    def wrap(fn: T) -> T:
        @functools.wraps(fn)  # type: ignore[arg-type]
        def call(self: ChunkStore, *args: Any, **kwargs: Any) -> Any:
            try:
                self._reopen_if_stale()
                return fn(self, *args, **kwargs)  # type: ignore[operator]
            except CrosscheckError:
                raise
            except Exception as exc:  # chroma and its HTTP client raise many kinds; report one
                self._stale = True
                raise self._error(action, exc) from exc

        return call  # type: ignore[return-value]

    return wrap


class ChunkStore:
    """Chunks and documents of one index (named by ``stamp``) in Chroma."""

    def __init__(self, stamp: str, path: str | None = None, url: str | None = None,
                 client: Any = None, lexical_path: str | Path | None = None) -> None:
        self.stamp = stamp
        self._given_client = client  # share one open client among many small indexes
        self.path, self.url = path, url
        self.location = url or path or ""
        self._lock = threading.RLock()
        self._generation = 0  # bumped by local writes, so caches know to refresh
        self._stale = False
        self._version_cache: tuple[Any, tuple[int, int, int]] | None = None
        # The lexical index, and the store version it was last brought in step with.
        self._lexical_file = (Path(lexical_path) if lexical_path is not None
                              else None if client is not None
                              else lexical_index_path(stamp, path, url))
        # Every writer of a store folder writes its index file too, so a reader need not
        # compare document ids when the counts agree (see ``_sync_lexical``).
        self._lexical_shared = bool(path) and not url and client is None \
            and lexical_path is None
        self._lexical_synced: tuple[int, ...] | None = None
        self._lexical_sync_lock = threading.Lock()
        self._changes = ChangeLog(None) if url and client is None else None
        self._doc_texts = DocumentTexts(self._read_doc_texts)
        try:
            self._open()
            self.lexical = LexicalIndex(self._lexical_file)
        except CrosscheckError:
            raise
        except Exception as exc:
            raise self._error("opening it", exc) from exc

    def _open(self) -> None:
        client = self._given_client or _client(self.path, self.url)
        self._chunks = client.get_or_create_collection(
            f"chunks-{self.stamp}", embedding_function=None,
            configuration={"hnsw": {"space": "cosine"}},
        )
        self._docs = client.get_or_create_collection(f"docs-{self.stamp}", embedding_function=None)
        if self._changes is not None:
            self._changes.collection = client.get_or_create_collection(
                f"changes-{self.stamp}", embedding_function=None)
            self._changes.forget()  # a new server may hold other documents: compare them all
        self._client = client

    def _reopen_if_stale(self) -> None:
        # A failed call may have left a dead connection or a collection that a restarted
        # server no longer knows: build both again rather than keep failing.
        if self._stale:
            with self._lock:
                if self._stale:
                    self._open()
                    self._stale = False

    def _error(self, action: str, exc: Exception) -> BackendError:
        reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        if self.url:
            return BackendError(
                f"the Chroma server at {self.url} failed while {action}: {reason}; check that "
                "it is running, or set CROSSCHECK_CHROMA_URL to a running server",
                retryable=True,
            )
        return BackendError(f"the vector store in {self.path} failed while {action}: {reason}",
                            retryable=True)

    # -- reading ---------------------------------------------------------------------------

    @_guarded("counting documents")
    def version(self) -> tuple[int, int, int, int]:
        """Changes whenever documents are added or removed (here or by another replica).

        (local writes, documents, chunks, pending documents): a document written by another
        process changes only the last number when it turns complete.
        """
        # Counting 100k chunks takes milliseconds on every search; a store folder whose files
        # have not changed since a quiet moment has the same counts, so reuse them.
        files = self._files()
        cached = self._version_cache
        if files is not None and cached is not None and cached[0] == files:
            return (self._generation, *cached[1])
        with self._lock:
            pending = len(self._docs.get(where={"state": _PENDING}, include=[])["ids"])
            counts = (self._docs.count(), self._chunks.count(), pending)
        self._version_cache = (files, counts) if files is not None else None
        return (self._generation, *counts)

    def _files(self) -> tuple[tuple[str, int, int, int], ...] | None:
        """(name, size, mtime, inode) of the store folder's files, if none changed just now.

        Every write (from any process) goes through these files. A file changed less than
        ``_QUIET_NS`` ago is not trusted: a second write within the clock's granularity could
        keep its time; later writes always get a later time.
        """
        if self.url or not self.path or self._given_client is not None:
            return None
        try:
            now = time.time_ns()
            out = []
            with os.scandir(self.path) as entries:
                for entry in entries:
                    if entry.is_file(follow_symlinks=False) and \
                            not entry.name.startswith(LEXICAL_PREFIX):
                        st = entry.stat(follow_symlinks=False)
                        if st.st_mtime_ns > now - _QUIET_NS:
                            return None
                        out.append((entry.name, st.st_size, st.st_mtime_ns, st.st_ino))
        except OSError:
            return None
        return tuple(sorted(out))

    @property
    def written(self) -> bool:
        """Whether this process has written to the store (through this object)."""
        return self._generation > 0

    @_guarded("counting documents")
    def is_empty(self) -> bool:
        return self._docs.count() == 0

    @_guarded("listing documents")
    def documents(self) -> list[DocumentInfo]:
        got = self._docs.get(where={"state": _COMPLETE}, include=["metadatas"])
        infos = [
            DocumentInfo(i, str(m["title"]), public_source(str(m["source"])), int(m["chunks"]),
                         float(m["ingested_at"]),
                         int(m["instructions"]) if "instructions" in m else None,
                         _opt(m, "outlet"), _opt(m, "published"))
            for i, m in zip(got["ids"], got["metadatas"] or [], strict=True)
        ]
        return sorted(infos, key=lambda d: (d.title.lower(), d.doc_id))

    @_guarded("listing documents")
    def complete_ids(self) -> set[str]:
        return set(self._docs.get(where={"state": _COMPLETE}, include=[])["ids"])

    @_guarded("looking up documents")
    def complete_among(self, doc_ids: Sequence[str]) -> set[str]:
        """Those of ``doc_ids`` stored and complete (cost: these ids, not the store)."""
        ids = list(dict.fromkeys(doc_ids))
        complete: set[str] = set()
        for i in range(0, len(ids), SYNC_BATCH):  # Chroma's SQL has a cap on variables
            got = self._docs.get(ids=ids[i : i + SYNC_BATCH], include=["metadatas"])
            complete.update(d for d, m in zip(got["ids"], got["metadatas"] or [], strict=True)
                            if m.get("state") == _COMPLETE)
        return complete

    @_guarded("reading a document")
    def document(self, doc_id: str) -> Document | None:
        got = self._docs.get(ids=[doc_id], include=["documents", "metadatas"])
        if not got["ids"]:
            return None
        meta = (got["metadatas"] or [{}])[0]
        if meta.get("state") != _COMPLETE:
            return None
        text = (got["documents"] or [""])[0] or ""
        pages = tuple(json.loads(str(meta["pages"]))) if meta.get("pages") else ()
        return Document(doc_id=doc_id, title=str(meta["title"]),
                        source=public_source(str(meta["source"])), text=text,
                        outlet=_opt(meta, "outlet"), published=_opt(meta, "published"),
                        pages=pages)

    def _texts(self, documents: Sequence[str | None] | None, metas: Sequence[Any],
               keep: bool = True) -> list[str | None]:
        """Each chunk record's text (None: its document is gone): its document's text between
        its offsets, or in the record itself in stores written before."""
        in_record = [meta.get(TEXT) or doc
                     for doc, meta in zip(documents or [None] * len(metas), metas, strict=True)]
        need = [str(m["doc_id"]) for t, m in zip(in_record, metas, strict=True) if not t]
        whole = self._doc_texts.get(need, keep) if need else {}
        out: list[str | None] = []
        for text, meta in zip(in_record, metas, strict=True):
            if text:
                out.append(str(text))
                continue
            doc = whole.get(str(meta["doc_id"]))
            out.append(None if doc is None else doc[int(meta["start"]) : int(meta["end"])])
        return out

    def _read_doc_texts(self, doc_ids: list[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        for i in range(0, len(doc_ids), SYNC_BATCH):  # Chroma's SQL has a cap on variables
            got = self._docs.get(ids=doc_ids[i : i + SYNC_BATCH], include=["documents"])
            out.update((d, t or "") for d, t in zip(got["ids"], got["documents"] or [],
                                                    strict=True))
        return out

    @_guarded("reading chunks")
    def all_chunks(self) -> list[Chunk]:
        """Every chunk of every complete document (for the lexical index)."""
        complete = self.complete_ids()
        out: list[Chunk] = []
        offset = 0
        while True:
            got = self._chunks.get(include=["documents", "metadatas"], limit=5000, offset=offset)
            ids = got["ids"]
            metas = got["metadatas"] or []
            for id_, text, meta in zip(ids, self._texts(got["documents"], metas, keep=False),
                                       metas, strict=True):
                if meta["doc_id"] in complete and text is not None:
                    out.append(_chunk_from(id_, text, dict(meta)))
            if len(ids) < 5000:
                return out
            offset += len(ids)

    @_guarded("reading chunks")
    def get_chunks(self, ids: Sequence[str]) -> list[tuple[Chunk, np.ndarray]]:
        if not ids:
            return []
        got = self._chunks.get(ids=list(ids), include=["documents", "metadatas", "embeddings"])
        metas = got["metadatas"] or []
        return [
            (_chunk_from(i, t, dict(m)), np.asarray(e, dtype=np.float32))
            for i, t, m, e in zip(got["ids"], self._texts(got["documents"], metas), metas,
                                  got["embeddings"], strict=True)
            if t is not None
        ]

    @_guarded("reading vectors")
    def get_vectors(self, ids: Sequence[str]) -> dict[str, np.ndarray]:
        """Stored vectors of these chunks (for chunks whose text is already known)."""
        if not ids:
            return {}
        got = self._chunks.get(ids=list(ids), include=["embeddings"])
        vectors = got["embeddings"] if got["embeddings"] is not None else []
        return dict(zip(got["ids"], np.asarray(vectors, dtype=np.float32), strict=True))

    @_guarded("searching")
    def query(self, vector: np.ndarray, k: int) -> list[tuple[Chunk, float, np.ndarray]]:
        """Nearest chunks by cosine similarity: (chunk, similarity, vector)."""
        got = self._chunks.query(
            query_embeddings=[vector.tolist()], n_results=k,
            include=["documents", "metadatas", "distances", "embeddings"],
        )
        if not got["ids"][0]:
            return []
        metas = (got["metadatas"] or [[]])[0]
        texts = self._texts((got["documents"] or [None])[0], metas)
        return [
            (_chunk_from(i, t, dict(m)), 1.0 - float(d), np.asarray(e, dtype=np.float32))
            for i, t, m, d, e in zip(got["ids"][0], texts, metas, (got["distances"] or [[]])[0],
                                     got["embeddings"][0], strict=True)
            if t is not None
        ]

    @_guarded("searching")
    def query_vectors(self, vector: np.ndarray, k: int) -> list[tuple[str, float, np.ndarray]]:
        """Nearest chunk ids by cosine similarity, without texts: (chunk id, similarity, vector)."""
        got = self._chunks.query(query_embeddings=[vector.tolist()], n_results=k,
                                 include=["distances", "embeddings"])
        ids = got["ids"][0]
        if not ids:
            return []
        vectors = np.asarray(got["embeddings"][0], dtype=np.float32)
        return [(i, 1.0 - float(d), v)
                for i, d, v in zip(ids, (got["distances"] or [[]])[0], vectors, strict=True)]

    @_guarded("searching")
    def lexical_search(self, query: str, k: int) -> list[tuple[str, float]]:
        """Top ``k`` (chunk id, BM25 score) of complete documents, best first."""
        self._sync_lexical()
        return self.lexical.search(query, k)

    def _sync_lexical(self, full: bool = False) -> None:
        """Bring the lexical index in step with the store's complete documents.

        Runs when the store's version has changed since the last time (or ``full``): drops
        documents no longer complete, reads and indexes complete ones it lacks. In a store
        folder every writer indexes what it writes, so when the indexed and complete
        document counts agree nothing is read; the first search of a process compares ids.
        On a Chroma server the change records say which documents to look at.
        """
        if self._changes is not None:
            self._sync_from_changes(full)
            return
        version = self.version()
        if not full and version == self._lexical_synced:
            return
        with self._lexical_sync_lock:
            if not full and version == self._lexical_synced:
                return
            _, docs, _, pending = version
            if not full and self._lexical_shared and self._lexical_synced is not None \
                    and self.lexical.doc_count() == docs - pending:
                self._lexical_synced = version
                return
            self._catch_up(None)
            self._lexical_synced = version

    def _sync_from_changes(self, full: bool) -> None:
        changes = self._changes
        assert changes is not None
        with self._lexical_sync_lock:
            if full or changes.needs_full_look():
                changes.start()
                self._catch_up(None)
                return
            with self._lock:
                news = changes.news()
            if news:
                self._catch_up(news)

    def _catch_up(self, among: list[str] | None) -> None:
        """Index complete documents the index lacks, drop those no longer complete; all of
        them, or only those ``among`` the given ids."""
        if among is None:
            complete, have = self.complete_ids(), self.lexical.doc_ids()
        else:
            with self._lock:
                complete = self.complete_among(among)
            have = self.lexical.doc_ids(among)
        gone = have - complete
        if gone:
            self.lexical.remove(gone)
        new = sorted(complete - have)
        for i in range(0, len(new), SYNC_BATCH):
            batch = new[i : i + SYNC_BATCH]
            with self._lock:
                got = self._chunks.get(where={"doc_id": {"$in": batch}},
                                       include=["documents", "metadatas"])
                metas = got["metadatas"] or []
                texts = self._texts(got["documents"], metas, keep=False)
            by_doc: dict[str, list[tuple[str, str]]] = {d: [] for d in batch}
            for cid, text, meta in zip(got["ids"], texts, metas, strict=True):
                if text is not None:
                    by_doc[str(meta["doc_id"])].append((cid, text))
            self.lexical.add(by_doc.items())
        if gone or new:
            log.info("lexical index: %d documents added, %d removed", len(new), len(gone))

    @_guarded("looking up a document")
    def find_by_source(self, source: str) -> list[str]:
        return list(self._docs.get(where={"source": source}, include=[])["ids"])

    @_guarded("looking up documents")
    def find_by_sources(self, sources: Sequence[str]) -> dict[str, list[str]]:
        """Document ids stored under each of ``sources`` (one look-up for all of them)."""
        found: dict[str, list[str]] = {source: [] for source in sources}
        if not found:
            return found
        where = ({"source": next(iter(found))} if len(found) == 1
                 else {"source": {"$in": list(found)}})
        got = self._docs.get(where=where, include=["metadatas"])
        for id_, meta in zip(got["ids"], got["metadatas"] or [], strict=True):
            found.setdefault(str(meta["source"]), []).append(id_)
        return found

    @_guarded("looking up a document")
    def state(self, doc_id: str) -> str | None:
        got = self._docs.get(ids=[doc_id], include=["metadatas"])
        return str(got["metadatas"][0]["state"]) if got["ids"] and got["metadatas"] else None

    # -- writing ---------------------------------------------------------------------------

    def put_document(self, doc: Document, chunks: Sequence[Chunk], vectors: np.ndarray) -> int:
        """Store one document and its chunks; all or nothing as far as readers can tell.

        Returns the number of its sentences set aside as instructions."""
        return self.put_documents([(doc, chunks, vectors)])[0]

    def put_documents(self,
                      items: Sequence[tuple[Document, Sequence[Chunk], np.ndarray]]) -> list[int]:
        """Store several documents at once: all pending, then their chunks, then all complete.

        A crash at any point leaves each document either complete or pending (invisible to
        readers and removed by ``repair()``); batching only saves round trips. Returns each
        document's count of sentences set aside as instructions (counted once, here).
        """
        for _, chunks, vectors in items:
            if len(chunks) != len(vectors):
                raise ValueError("one vector per chunk")
        return self._write(items) if items else []

    @_guarded("storing documents")
    def _write(self, items: Sequence[tuple[Document, Sequence[Chunk], np.ndarray]]) -> list[int]:
        now = time.time()
        counts = [count_instructions(d.text, (s for ch in c for s in ch.sentences))
                  for d, c, _ in items]
        metas = [{"title": d.title, "source": d.source, "chunks": len(c), "ingested_at": now,
                  "instructions": n, **_described(d)}
                 for (d, c, _), n in zip(items, counts, strict=True)]
        ids = [d.doc_id for d, _, _ in items]
        rows = [(c, v, d) for d, chunks, vectors in items for c, v in zip(chunks, vectors,
                                                                          strict=True)]
        with self._lock:
            self._docs.upsert(ids=ids, documents=[d.text for d, _, _ in items],
                              embeddings=[[1.0]] * len(ids),
                              metadatas=[{**m, "state": _PENDING} for m in metas])
            for i in range(0, len(rows), BATCH):
                part = rows[i : i + BATCH]
                self._chunks.upsert(
                    ids=[c.chunk_id for c, _, _ in part],
                    # float32 rows as they are: Chroma would turn lists back into arrays
                    embeddings=[np.asarray(v, dtype=np.float32) for _, v, _ in part],
                    metadatas=[self._chunk_meta(c, d) for c, _, d in part],
                )
            # An update sets the keys it is given and keeps the others.
            self._docs.update(ids=ids, metadatas=[{"state": _COMPLETE}] * len(ids))
            self._generation += 1
            try:
                self.lexical.add((d.doc_id, [(c.chunk_id, c.text) for c in chunks])
                                 for d, chunks, _ in items)
            except sqlite3.Error as exc:
                # Stored and complete all the same: the next search indexes it from the store.
                log.warning("lexical index not updated (%s); it catches up on the next search",
                            exc)
                self._lexical_synced = None
                self._lexical_shared = False
                if self._changes is not None:
                    self._changes.forget()
            self._note_changes(ids)
        return counts

    def _note_changes(self, doc_ids: Sequence[str]) -> None:
        """Tell the server's other replicas (no-op without a server)."""
        if self._changes is None:
            return
        try:
            self._changes.note(doc_ids)
        except Exception as exc:  # stored all the same; others see it at their next full look
            log.warning("change record not written (%s): other replicas' lexical indexes "
                        "see this write later", exc)

    @staticmethod
    def _chunk_meta(chunk: Chunk, doc: Document) -> dict[str, Any]:
        return {
            "doc_id": doc.doc_id,
            "start": chunk.start,
            "end": chunk.end,
            "paragraph": chunk.paragraph,
            "sentences": json.dumps([[s.start, s.end] for s in chunk.sentences]),
        }

    @_guarded("updating a document")
    def refresh(self, doc: Document, chunks: Sequence[Chunk]) -> int:
        """A stored document given again: record its source as now given (older stores hold
        server paths) and its set-aside instruction count; returns that count."""
        count = count_instructions(doc.text, (s for c in chunks for s in c.sentences))
        with self._lock:
            got = self._docs.get(ids=[doc.doc_id], include=["metadatas"])
            metas = got["metadatas"] or []
            if not got["ids"] or not metas:
                return count
            fresh = {"source": doc.source, "instructions": count, **_described(doc)}
            if any(metas[0].get(k) != v for k, v in fresh.items()):
                self._docs.update(ids=[doc.doc_id], metadatas=[fresh])
                self._generation += 1
        return count

    @_guarded("removing documents")
    def remove(self, doc_ids: Iterable[str]) -> int:
        """Remove documents and their chunks; returns the number of chunks removed."""
        removed = 0
        gone: list[str] = []
        with self._lock:
            for doc_id in doc_ids:
                # Mark pending first: a crash part-way is then finished by repair().
                if self.state(doc_id) == _COMPLETE:
                    self._docs.update(ids=[doc_id], metadatas=[{"state": _PENDING}])
                self.lexical.remove([doc_id])  # before its chunks: no hit without a chunk
                ids = self._chunks.get(where={"doc_id": doc_id}, include=[])["ids"]
                for i in range(0, len(ids), BATCH):
                    self._chunks.delete(ids=ids[i : i + BATCH])
                self._docs.delete(ids=[doc_id])
                removed += len(ids)
                gone.append(doc_id)
            self._generation += 1
            self._note_changes(gone)
        return removed

    @_guarded("repairing the store")
    def repair(self, min_age: float = 0.0, thorough: bool = True) -> int:
        """Drop documents a crash left pending, and chunks that belong to no document.

        Only documents pending for at least ``min_age`` seconds go: a younger one may be
        in the middle of being written by another process. Pending documents are all a crash
        of ours can leave (a document's record is written before its chunks and removed after
        them), so ``thorough=False`` stops there: one indexed look-up, whatever the store's
        size. The thorough pass also reads every chunk's owner and compares the lexical index
        with every document (``crosscheck docs --repair``).
        """
        with self._lock:
            got = self._docs.get(where={"state": _PENDING}, include=["metadatas"])
            cutoff = time.time() - min_age
            pending = [i for i, m in zip(got["ids"], got["metadatas"] or [], strict=True)
                       if float(m.get("ingested_at", 0.0)) <= cutoff]
            removed = self.remove(pending) if pending else 0
            if not thorough:
                return removed
            # Chunks first, then documents: a writer stores a document's record before its
            # chunks, so a chunk read here always finds its record unless it really is orphaned.
            owners: list[tuple[str, str]] = []
            offset = 0
            while True:  # in pages: one call for every chunk overflows Chroma's SQL variables
                got = self._chunks.get(include=["metadatas"], limit=5000, offset=offset)
                owners += [(i, str(m["doc_id"])) for i, m in
                           zip(got["ids"], got["metadatas"] or [], strict=True)]
                if len(got["ids"]) < 5000:
                    break
                offset += len(got["ids"])
            known = set(self._docs.get(include=[])["ids"])
            orphans = [i for i, doc_id in owners if doc_id not in known]
            for i in range(0, len(orphans), BATCH):
                self._chunks.delete(ids=orphans[i : i + BATCH])
            if pending or orphans:
                log.warning("repaired store: %d pending documents, %d orphan chunks removed",
                            len(pending), len(orphans))
                self._generation += 1
        # Outside the store lock: a search bringing the index in step holds the sync lock
        # and then needs the store lock.
        self._sync_lexical(full=True)
        return removed + len(orphans)

    @_guarded("reading documents")
    def passages(self, hits: Iterable[tuple[Chunk, float, np.ndarray | None]]) -> list[Passage]:
        """Attach titles and sources to chunks; drops chunks of incomplete documents."""
        hits = list(hits)
        doc_ids = sorted({c.doc_id for c, _, _ in hits})
        if not doc_ids:
            return []
        got = self._docs.get(ids=doc_ids, include=["metadatas"])
        meta = {i: m for i, m in zip(got["ids"], got["metadatas"] or [], strict=True)
                if m.get("state") == _COMPLETE}
        return [
            Passage(chunk=c, title=str(meta[c.doc_id]["title"]),
                    source=public_source(str(meta[c.doc_id]["source"])), score=s,
                    embedding=v)
            for c, s, v in hits if c.doc_id in meta
        ]
