"""Shared fixtures. Tests never reach the network: sockets may only connect to loopback."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.pop("OPENAI_API_KEY", None)

ROOT = Path(__file__).resolve().parent.parent
SEED = next((ROOT / "seeds").glob("*.txt"))
SHARED_EVAL = ROOT.parent / "shared" / "eval"


def with_shared_cases(own: list[dict], name: str) -> list[dict]:
    """The project's own cases, then the shared file's when ../shared is there."""
    path = SHARED_EVAL / name
    if not path.exists():
        return own
    import json

    return own + [json.loads(line) for line in path.read_text().splitlines() if line.strip()]

_real_connect = socket.socket.connect


def _loopback_only(self: socket.socket, address: object) -> None:
    host = address[0] if isinstance(address, tuple) else address
    inet = self.family in (socket.AF_INET, socket.AF_INET6)
    if inet and isinstance(host, str) and not host.startswith("127.") \
            and host not in ("localhost", "::1"):
        raise RuntimeError(f"test tried to reach the network: {address!r}")
    _real_connect(self, address)  # type: ignore[arg-type]


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket.socket, "connect", _loopback_only)


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for key in list(os.environ):
        if key.startswith("CROSSCHECK_"):
            monkeypatch.delenv(key)
    monkeypatch.setenv("CROSSCHECK_CONFIG", str(tmp_path / "absent.toml"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # per-replica lexical indexes


@pytest.fixture(scope="session")
def embedder():
    """The real bundled MiniLM, loaded once per run."""
    from retrieval.embeddings import make_embedder

    return make_embedder("minilm")


@pytest.fixture(scope="session")
def parser():
    """spaCy's pipeline, loaded once per run."""
    from bot.engine.nlp import Parser

    return Parser()


@pytest.fixture(scope="session")
def rules(parser, embedder):
    """The rules stance judge, with the real embedder for closeness."""
    from bot.engine.stance_rules import RulesStanceJudge

    return RulesStanceJudge(parser, embedder)


@pytest.fixture
def settings(tmp_path: Path):
    from bot.settings import Settings

    return Settings(store=tmp_path / "store")


@pytest.fixture
def services(settings, embedder):
    from bot.services import Services

    return Services(settings, embedder=embedder)  # one loaded model across tests


def write_by_hand(store, doc, chunks, vectors, doc_meta, chunk_text=None) -> None:
    """The store's two writes of a document made one by one, to stop between them or to
    write what older versions wrote: the document's record with ``doc_meta``, then its
    chunks. ``chunk_text``: None, as now (read from the document's text); "metadata" or
    "document": each chunk's text also in its own record, as stores written before kept it."""
    from retrieval.store import TEXT, ChunkStore

    store._docs.upsert(ids=[doc.doc_id], documents=[doc.text], embeddings=[[1.0]],
                       metadatas=[doc_meta])
    metas = [ChunkStore._chunk_meta(c, doc) for c in chunks]
    if chunk_text == "metadata":
        metas = [{**m, TEXT: c.text} for m, c in zip(metas, chunks, strict=True)]
    store._chunks.upsert(ids=[c.chunk_id for c in chunks], embeddings=vectors.tolist(),
                         metadatas=metas,
                         documents=[c.text for c in chunks] if chunk_text == "document" else None)


def titled(title: str, text: str):
    """A document of this text, named by its title (its file name is the title too)."""
    from retrieval.documents import content_hash
    from retrieval.types import Document

    return Document(doc_id=content_hash(text), title=title, source=f"{title}.txt", text=text)


def verifier_over(services, docs):
    """A verifier over these documents only (no seed corpus)."""
    from bot.pipeline import Verifier

    services.settings = services.settings.model_copy(update={"auto_seed": False})
    services.ingest_documents(list(docs))
    return Verifier(services)


def ask_over(services, question: str, texts: list[str]):
    """Ask over documents of these texts only, named "Document 1", "Document 2", ..."""
    docs = [titled(f"Document {i}", text) for i, text in enumerate(texts, start=1)]
    return verifier_over(services, docs).verify(question)


def cited_quotes(answer) -> str:
    """Every quote an answer cites, in one string."""
    return " ".join(c.quote for c in answer.citations)


def check_text(answer, verdict: str, given: list[str], not_given: list[str]) -> None:
    """The verdict, each of ``given`` in the answer's text, none of ``not_given``."""
    assert answer.verdict.value == verdict, answer.text
    for words in given:
        assert words in answer.text, answer.text
    for words in not_given:
        assert words not in answer.text, answer.text


def check_answers(answer, verdict: str, given: list[str], not_given: list[str]) -> None:
    """The verdict, an answer in some citation for each of ``given``, none of ``not_given``."""
    assert answer.verdict.value == verdict, answer.text
    answers = [c.answer or "" for c in answer.citations]
    for value in given:
        assert any(a.lower() == value.lower() for a in answers), (value, answers)
    for value in not_given:
        assert not any(a.lower() == value.lower() for a in answers), (value, answers)


@pytest.fixture(scope="session")
def seeded_services(tmp_path_factory: pytest.TempPathFactory, embedder) -> Iterator[object]:
    """One store with the seed corpus, shared by read-only tests."""
    from bot.services import Services
    from bot.settings import Settings

    s = Services(Settings(store=tmp_path_factory.mktemp("seeded") / "store"), embedder=embedder)
    s.ensure_seeded()
    yield s
