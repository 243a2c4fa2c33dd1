from __future__ import annotations

from retrieval.doc_texts import DocumentTexts


def _fetcher(stored: dict[str, str], asked: list[list[str]]):
    def fetch(ids: list[str]) -> dict[str, str]:
        asked.append(ids)
        return {i: stored[i] for i in ids if i in stored}
    return fetch


def test_texts_read_once_while_recent_and_dropped_past_the_limit() -> None:
    stored = {"a": "x" * 6, "b": "y" * 6, "c": "z" * 6}
    asked: list[list[str]] = []
    texts = DocumentTexts(_fetcher(stored, asked), keep_chars=12)
    assert texts.get(["a", "b", "a"]) == {"a": stored["a"], "b": stored["b"]}
    assert texts.get(["b", "a"]) == {"a": stored["a"], "b": stored["b"]}
    assert asked == [["a", "b"]]  # the second read was kept texts only
    texts.get(["a"])  # "a" used last: "b" is the one pushed out by "c"
    texts.get(["c"])
    texts.get(["a", "b"])
    assert asked[-1] == ["b"]


def test_gone_documents_and_bulk_reads_are_not_kept() -> None:
    stored = {"a": "text"}
    asked: list[list[str]] = []
    texts = DocumentTexts(_fetcher(stored, asked))
    assert texts.get(["a", "gone"], keep=False) == {"a": "text"}
    assert texts.get(["a", "gone"]) == {"a": "text"}
    assert texts.get(["a", "gone"]) == {"a": "text"}
    assert asked == [["a", "gone"], ["a", "gone"], ["gone"]]
