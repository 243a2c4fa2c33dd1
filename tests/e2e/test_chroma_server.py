"""The store and an end-to-end question against a real Chroma server as well as the embedded
store; a server that goes away gives a clear error, a degraded health check, and recovery."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from retrieval.chunking import chunk_document
from retrieval.documents import load_file, parse
from retrieval.errors import BackendError
from retrieval.store import ChunkStore

from ..conftest import SEED, write_by_hand

pytestmark = pytest.mark.slow  # servers of their own and store outages

# Read at import: the autouse fixture clears CROSSCHECK_* variables before each test.
SERVER_URL = os.environ.get("CROSSCHECK_TEST_CHROMA_URL")
CHROMA = Path(sys.executable).parent / "chroma"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _up(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=1):
            return True
    except OSError:
        return False


def start_chroma(path: Path, port: int) -> subprocess.Popen[bytes]:
    """``chroma run`` on loopback; returns once it answers its heartbeat."""
    proc = subprocess.Popen([str(CHROMA), "run", "--path", str(path), "--host", "127.0.0.1",
                             "--port", str(port)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):  # a safety stop (~30 s), not a measurement
        if _up(url):
            return proc
        if proc.poll() is not None:
            pytest.fail(f"chroma run exited with {proc.returncode}")
        time.sleep(0.1)
    proc.kill()
    pytest.fail("chroma run did not answer")


def stop(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@pytest.fixture(params=["embedded", "server"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> dict[str, str | None]:
    """Where a fresh, empty index lives: a folder, or a Chroma server (CI starts one)."""
    if request.param == "server":
        if not SERVER_URL:
            pytest.skip("CROSSCHECK_TEST_CHROMA_URL is not set (.ci/run starts a server)")
        return {"url": SERVER_URL, "path": None}
    return {"url": None, "path": str(tmp_path / "store")}


@pytest.fixture
def store(backend: dict[str, str | None]) -> ChunkStore:
    # A unique index name per test keeps tests apart on a shared server.
    return ChunkStore(f"t{uuid.uuid4().hex[:12]}", path=backend["path"], url=backend["url"])


def test_ingest_is_idempotent_and_offsets_exact(store: ChunkStore, embedder) -> None:
    from retrieval.ingest import ingest_paths

    first = ingest_paths([SEED], store, embedder)
    assert first.added > 0 and not first.errors
    again = ingest_paths([SEED], store, embedder)
    assert (again.added, again.removed, again.unchanged) == (0, 0, first.added)
    docs = store.documents()
    assert len(docs) == 1 and docs[0].chunks == first.added == len(store.all_chunks())
    text = load_file(SEED).text
    for chunk in store.all_chunks():
        assert text[chunk.start : chunk.end] == chunk.text


def test_half_written_document_is_invisible_and_repaired(store: ChunkStore, embedder) -> None:
    doc = parse(b"Headline\n\nA sentence about ports. Another about ships.", "x.txt")
    chunks = chunk_document(doc)
    vectors = embedder.embed([c.text for c in chunks])
    write_by_hand(store, doc, chunks, vectors, {"title": "x", "source": "x",
                                                "chunks": len(chunks), "ingested_at": 0.0,
                                                "state": "pending"})
    assert store.documents() == [] and store.all_chunks() == []
    assert store.passages((c, 1.0, None) for c in chunks) == []
    store.repair()
    assert store.version()[1:3] == (0, 0)
    store.put_document(doc, chunks, np.asarray(vectors))
    assert [d.doc_id for d in store.documents()] == [doc.doc_id]


def test_ask_end_to_end_cites_the_embassy_sentence(backend, settings, embedder) -> None:
    from bot.pipeline import Verifier
    from bot.services import Services

    services = Services(settings, embedder=embedder, store=ChunkStore(
        f"t{uuid.uuid4().hex[:12]}", path=backend["path"], url=backend["url"]))
    answer = Verifier(services).verify("Did the U.S. close its embassy in Tripoli?")
    assert any("closed its embassy in Tripoli" in c.quote for c in answer.citations)
    for c in answer.citations:
        doc = services.store.document(c.doc_id)
        assert doc is not None and doc.text[c.start : c.end] == c.quote


# -- a server that goes away -------------------------------------------------------------------

def test_cli_with_no_server_says_which_setting_in_one_line(monkeypatch, capsys) -> None:
    from bot.cli import main

    monkeypatch.setenv("CROSSCHECK_CHROMA_URL", f"http://127.0.0.1:{free_port()}")
    code = main(["docs"])
    err = capsys.readouterr().err
    assert code != 0
    assert "CROSSCHECK_CHROMA_URL" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err


@pytest.fixture
def own_server(tmp_path: Path) -> Iterator[dict]:
    if not CHROMA.exists():
        pytest.skip(f"no chroma command at {CHROMA}")
    server = {"path": tmp_path / "chroma", "port": free_port()}
    server["url"] = f"http://127.0.0.1:{server['port']}"
    server["proc"] = start_chroma(server["path"], server["port"])
    yield server
    stop(server["proc"])


def test_server_outage_is_reported_then_recovered(own_server, services, capsys,
                                                  monkeypatch) -> None:
    from fastapi.testclient import TestClient

    from bot.cli import main
    from bot.web.server import create_app

    services.settings.chroma_url = own_server["url"]
    services.ingest([SEED])
    client = TestClient(create_app(services, warm_up=False))
    assert client.get("/healthz").json()["status"] == "ok"

    stop(own_server["proc"])
    with pytest.raises(BackendError, match="CROSSCHECK_CHROMA_URL"):
        services.store.documents()
    health = client.get("/healthz")
    assert health.status_code == 200 and health.json()["status"] == "degraded"
    monkeypatch.setenv("CROSSCHECK_CHROMA_URL", own_server["url"])
    capsys.readouterr()
    assert main(["docs"]) != 0
    err = capsys.readouterr().err
    assert "CROSSCHECK_CHROMA_URL" in err and "Traceback" not in err

    own_server["proc"] = start_chroma(own_server["path"], own_server["port"])
    assert client.get("/healthz").json() == {"status": "ok", "documents": 1}
    assert main(["docs"]) == 0
    assert load_file(SEED).title in capsys.readouterr().out


def test_store_reconnects_to_a_replaced_server(own_server, services, tmp_path: Path) -> None:
    services.settings.chroma_url = own_server["url"]
    services.ingest([SEED])
    assert services.store.lexical_search("embassy Tripoli", 5)
    stop(own_server["proc"])
    with pytest.raises(BackendError):
        services.store.documents()
    # A new server with a new, empty volume on the same address: old collection ids are gone.
    own_server["proc"] = start_chroma(tmp_path / "replacement", own_server["port"])
    assert services.store.documents() == []
    # The replica's lexical index held the old server's documents: the reconnect drops them.
    assert services.store.lexical_search("embassy Tripoli", 5) == []
    assert services.store.lexical.count() == (0, 0)
    services.ingest([SEED])
    assert [d.title for d in services.store.documents()] == [load_file(SEED).title]
