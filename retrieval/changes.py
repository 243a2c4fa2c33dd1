"""Which documents other replicas of a Chroma server have written or removed lately.

Each replica keeps its own lexical index, so it must learn of another replica's writes. Counting
the server's documents and chunks on every search costs time in proportion to the store (a
million chunks: tens of milliseconds per count), and comparing every document id after each
change costs far more. Instead every write adds one small record to a ``changes-<index>``
collection: the time and the documents it touched. A search asks only for records newer than
its last look (one request, whatever the store's size) and re-checks just those documents.

Records say which documents to look at, never what to do: the store itself tells whether a
document is complete, so records read twice, or in another order, do no harm. Times come from
each writer's clock; ``WINDOW`` covers clocks that differ by a little and writes still in flight.
Records older than ``KEEP`` are dropped by writers; every replica compares every document id
at start, after reconnecting to the server, and once per ``KEEP``.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Sequence
from typing import Any

WINDOW_NS = 60 * 10**9
KEEP_NS = 3600 * 10**9


class ChangeLog:
    """The change records of one index on a Chroma server, as seen by one replica."""

    def __init__(self, collection: Any) -> None:
        self.collection = collection  # set again when the store reopens its collections
        self._seen: int | None = None  # this replica's clock when it last looked
        self._started: int | None = None  # ... and when it last compared every id
        self._read: set[str] = set()  # records already taken into account
        self._own: set[str] = set()  # records this replica wrote (its index has them)

    def note(self, doc_ids: Sequence[str]) -> None:
        """Record that these documents were just written or removed by this replica."""
        if not doc_ids:
            return
        now = time.time_ns()
        record = f"{now:020d}-{uuid.uuid4().hex[:12]}"
        self.collection.add(ids=[record], embeddings=[[1.0]],
                             metadatas=[{"t": now, "docs": json.dumps(sorted(doc_ids))}])
        self._own.add(record)
        self.collection.delete(where={"t": {"$lt": now - KEEP_NS}})

    def forget(self) -> None:
        """The next look starts over (the caller then compares every document)."""
        self._started = None

    def needs_full_look(self) -> bool:
        """At start, after a reconnect, and once per ``KEEP`` anyway (a writer's clock that
        is far off, or records pruned while this replica was idle, cannot hide a change)."""
        return self._started is None or time.time_ns() - self._started > KEEP_NS - WINDOW_NS

    def start(self) -> None:
        """The caller is about to compare every document id: later records are news."""
        self._seen = self._started = time.time_ns()
        self._read.clear()

    def news(self) -> list[str]:
        """Documents other replicas touched since the last look (ids, sorted)."""
        assert self._seen is not None, "start() comes first"
        now = time.time_ns()
        got = self.collection.get(where={"t": {"$gte": self._seen - WINDOW_NS}},
                                   include=["metadatas"])
        docs: set[str] = set()
        for record, meta in zip(got["ids"], got["metadatas"] or [], strict=True):
            if record in self._read:
                continue
            self._read.add(record)
            if record not in self._own:
                docs.update(json.loads(str(meta["docs"])))
        horizon = f"{self._seen - WINDOW_NS:020d}"
        self._read = {r for r in self._read if r >= horizon}  # ids start with their time
        self._own = {r for r in self._own if r >= horizon}
        self._seen = now
        return sorted(docs)
