"""`crosscheck ingest https://...` and the Corpus tab's URL field, against pages on 127.0.0.1."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.cli import main
from tests.page_server import Page, PageServer, serve_pages

pytestmark = pytest.mark.slow  # whole ingests through the real model and store

PAGE = ("<html><head><title>Tram depot festival</title></head><body><article>"
        "<p>The Vellmar orchard festival will move to the old tram depot this autumn, "
        "the organisers announced.</p></article></body></html>")
CHANGED = PAGE.replace("this autumn", "next spring")


@pytest.fixture
def shared_model(monkeypatch: pytest.MonkeyPatch, embedder) -> None:
    import retrieval.embeddings as emb

    monkeypatch.setattr(emb, "SentenceTransformerEmbedder", lambda: embedder)


@pytest.fixture
def site() -> Iterator[PageServer]:
    with serve_pages() as server:
        server.pages["/festival.html"] = Page(PAGE.encode())
        server.pages["/photo.png"] = Page(b"\x89PNG\r\n\x1a\nxxxx", "image/png")
        yield server


def _docs(store: str, capsys) -> list[dict]:
    capsys.readouterr()
    assert main(["docs", "--json", "--store", store]) == 0
    return json.loads(capsys.readouterr().out)


def test_cli_ingests_a_page_once_and_replaces_it_when_it_changes(
        tmp_path: Path, capsys, shared_model, site: PageServer) -> None:
    store = str(tmp_path / "store")
    url = site.url("/festival.html")
    assert main(["ingest", url, "--store", store]) == 0
    assert "1 documents: 1 chunks added" in capsys.readouterr().out
    docs = _docs(store, capsys)
    assert [(d["title"], d["source"]) for d in docs] == [("Tram depot festival", url)]

    assert main(["ingest", url, "--store", store]) == 0
    assert "0 chunks added, 1 unchanged, 0 removed" in capsys.readouterr().out

    site.pages["/festival.html"] = Page(CHANGED.encode())
    assert main(["ingest", url, "--store", store]) == 0
    assert "1 chunks added, 0 unchanged, 1 removed" in capsys.readouterr().out
    [doc] = _docs(store, capsys)
    assert doc["source"] == url and doc["doc_id"] != docs[0]["doc_id"]

    capsys.readouterr()
    assert main(["ask", "Will the orchard festival move to the tram depot?", "--json",
                 "--store", store]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["citations"] and {c["source"] for c in answer["citations"]} == {url}


def test_cli_refuses_bad_addresses_and_writes_nothing(tmp_path: Path, capsys, shared_model,
                                                      site: PageServer) -> None:
    store = str(tmp_path / "store")
    code = main(["ingest", site.url("/photo.png"), "file:///etc/passwd",
                 site.url("/gone.html"), "--store", store])
    out, err = capsys.readouterr()
    assert code == 1 and "0 documents" in out and "3 skipped" in out
    assert "image/png, not a web page" in err
    assert "file:///etc/passwd: only http:// and https://" in err
    assert "answered 404" in err and "Traceback" not in err
    assert _docs(store, capsys) == []


def test_corpus_tab_fetches_a_page_and_refuses_private_ones_by_default(
        services, site: PageServer) -> None:
    from bot.web.ui import ChatUI

    ui = ChatUI(services, verifier=None)  # type: ignore[arg-type]  # the corpus needs none
    url = site.url("/festival.html")
    note, listing, _, kept = ui.add_url(url, "")
    assert "CROSSCHECK_FETCH_PRIVATE" in note and kept == url
    assert services.store.documents() == []

    services.settings.fetch_private = True
    note, listing, _, kept = ui.add_url(url, "")
    assert "1 chunks added" in note and kept == ""
    assert "Tram depot festival" in listing
    assert [d.source for d in services.store.documents()] == [url]

    note, *_ = ui.add_url("ftp://127.0.0.1/x", "")
    assert "only http:// and https://" in note
    note, *_ = ui.add_url("   ", "")
    assert "Enter the address" in note
