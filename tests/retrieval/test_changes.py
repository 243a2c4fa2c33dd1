"""Change records: which documents other replicas touched, read once, whatever the order."""

from __future__ import annotations

import json
from typing import Any

import pytest

import retrieval.changes as changes_module
from retrieval.changes import KEEP_NS, WINDOW_NS, ChangeLog


class _Records:
    """The three calls ChangeLog makes of a Chroma collection, on a dict."""

    def __init__(self) -> None:
        self.rows: dict[str, dict[str, Any]] = {}

    def add(self, ids: list[str], embeddings: Any, metadatas: list[dict[str, Any]]) -> None:
        self.rows.update(zip(ids, metadatas, strict=True))

    def delete(self, where: dict[str, Any]) -> None:
        cutoff = where["t"]["$lt"]
        self.rows = {i: m for i, m in self.rows.items() if m["t"] >= cutoff}

    def get(self, where: dict[str, Any], include: list[str]) -> dict[str, Any]:
        since = where["t"]["$gte"]
        ids = sorted(i for i, m in self.rows.items() if m["t"] >= since)
        return {"ids": ids, "metadatas": [self.rows[i] for i in ids]}


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    now = [10**18]
    monkeypatch.setattr(changes_module.time, "time_ns", lambda: now[0])
    return now


def test_news_names_other_replicas_documents_once(clock: list[int]) -> None:
    records = _Records()
    mine, other = ChangeLog(records), ChangeLog(records)
    assert mine.needs_full_look()
    mine.start()
    assert not mine.needs_full_look()
    other.note(["d2", "d1"])
    mine.note(["d3"])  # its own write: already in its index
    clock[0] += 10**9
    assert mine.news() == ["d1", "d2"]
    assert mine.news() == []  # read once, though still inside the window
    # A record stamped by a clock a little behind still counts, within the window.
    records.add(ids=[f"{clock[0] - WINDOW_NS // 2:020d}-late"], embeddings=[[1.0]],
                metadatas=[{"t": clock[0] - WINDOW_NS // 2, "docs": json.dumps(["d4"])}])
    assert mine.news() == ["d4"]


def test_old_records_are_pruned_and_every_id_is_compared_once_per_keep(
        clock: list[int]) -> None:
    records = _Records()
    log = ChangeLog(records)
    log.start()
    log.note(["d1"])
    clock[0] += KEEP_NS + 1
    assert log.needs_full_look()
    log.note(["d2"])  # a writer drops records older than KEEP
    assert [json.loads(m["docs"]) for m in records.rows.values()] == [["d2"]]
    log.start()
    assert not log.needs_full_look()
    log.forget()  # a reconnect: the server may be another one
    assert log.needs_full_look()
