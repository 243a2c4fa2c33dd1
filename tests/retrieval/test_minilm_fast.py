"""The torch-free MiniLM gives the same vectors as sentence-transformers, so stores stay valid."""

from __future__ import annotations

import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

from retrieval.embeddings import MINILM_NAME, SentenceTransformerEmbedder, make_embedder
from retrieval.minilm_fast import MAX_TOKENS, FastMiniLMEmbedder
from tests.conftest import SEED


def _texts() -> list[str]:
    """About 50 varied texts: seed prose, questions, numbers, odd scripts, empty-ish, long."""
    seed = SEED.read_text(encoding="utf-8")
    paragraphs = [p.strip() for p in seed.split("\n") if len(p.strip()) > 40][:20]
    texts = [
        "", " ", "\n\t", ".", "a", "?", "[CLS] [SEP] [PAD]",
        "Was this a negotiation?",
        "Did the U.S. close its embassy in Tripoli?",
        "The minister said on 3 March 2011 that 12,500 people had left — \"not 40,000\".",
        "Die Regierung bestreitet die Angaben; le gouvernement dément.",
        "東京で会議が開かれた。 Переговоры продолжаются. مرحبا",
        "emoji 🙂🚀 and accents: café, naïve, Zürich",
        "ALL CAPS HEADLINE: OFFICIAL DENIES TALKS",
        "x" * 1000,  # one unbroken word, many word pieces
        "The spokesman denied it. " * 80,  # far past 256 tokens
        " ".join(f"item {i} costs ${i * 3}.{i % 10}0" for i in range(200)),  # long, numeric
        seed[:5000],  # a whole article: truncated at 256 tokens
    ]
    texts += paragraphs
    texts += [p[: len(p) // 3] for p in paragraphs[:12]]
    texts += [s.strip() + "." for s in seed.split(". ") if s.strip()]
    return texts


@pytest.fixture(scope="module")
def reference() -> SentenceTransformerEmbedder:
    return SentenceTransformerEmbedder()


@pytest.mark.slow
def test_vectors_match_sentence_transformers(embedder, reference) -> None:
    texts = _texts()
    assert len(texts) >= 45
    fast = FastMiniLMEmbedder().embed(texts)
    ref = reference.embed(texts)
    assert fast.shape == ref.shape == (len(texts), 384)
    assert fast.dtype == np.float32
    cosine = np.sum(fast * ref, axis=1)
    assert cosine.min() >= 1 - 1e-4, [texts[i][:40] for i in np.argsort(cosine)[:3]]
    np.testing.assert_allclose(np.linalg.norm(fast, axis=1), 1.0, atol=1e-5)


def test_long_texts_are_truncated_like_sentence_transformers() -> None:
    tokens = FastMiniLMEmbedder()._load()[1].encode("word " * 1000)  # type: ignore[attr-defined]
    assert len(tokens.ids) == MAX_TOKENS
    e = FastMiniLMEmbedder()
    a, b = e.embed(["word " * 300, "word " * 900])
    assert float(a @ b) > 0.9999  # everything past the limit is ignored


@pytest.mark.slow
def test_order_and_batching_do_not_change_vectors() -> None:
    texts = _texts()[:30]
    whole = FastMiniLMEmbedder(batch_size=32).embed(texts)
    small = FastMiniLMEmbedder(batch_size=3).embed(texts[::-1])[::-1]
    np.testing.assert_allclose(whole, small, atol=1e-5)
    one = np.stack([FastMiniLMEmbedder().embed([t])[0] for t in texts[:5]])
    np.testing.assert_allclose(whole[:5], one, atol=1e-5)


def test_related_texts_are_closer_than_unrelated() -> None:
    a, b, c = FastMiniLMEmbedder().embed([
        "The embassy in Tripoli was closed.",
        "The United States shut its Tripoli embassy.",
        "A recipe for lemon cake with butter.",
    ])
    assert a @ b > a @ c + 0.3


@pytest.mark.slow
def test_concurrent_calls_give_the_same_vectors() -> None:
    embedder = FastMiniLMEmbedder()
    texts = _texts()
    expected = embedder.embed(texts)
    with ThreadPoolExecutor(max_workers=6) as pool:
        results = list(pool.map(lambda i: embedder.embed(texts[i::6]), range(6)))
    for i, got in enumerate(results):
        np.testing.assert_allclose(got, expected[i::6], atol=1e-5)


def test_first_use_from_threads_loads_once() -> None:
    embedder = FastMiniLMEmbedder()
    with ThreadPoolExecutor(max_workers=4) as pool:
        out = list(pool.map(lambda _: embedder.embed(["same text"]), range(4)))
    assert all(np.allclose(o, out[0]) for o in out)


def test_empty_input_and_default_factory() -> None:
    e = make_embedder("minilm")
    assert isinstance(e, FastMiniLMEmbedder)
    assert e.name == MINILM_NAME and e.dim == 384
    assert e.embed([]).shape == (0, 384)
    assert isinstance(make_embedder("minilm-torch"), SentenceTransformerEmbedder)
    assert make_embedder("minilm-torch").name == e.name  # same vector space


def test_embedding_does_not_import_torch() -> None:
    code = (
        "import sys; from retrieval.embeddings import make_embedder; "
        "v = make_embedder('minilm').embed(['hello world']); "
        "assert v.shape == (1, 384); print('torch' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=120)
    assert out.stdout.strip() == "False"


@pytest.mark.slow
def test_concurrent_small_calls_leave_the_blas_thread_count_as_it_was() -> None:
    threadpoolctl = pytest.importorskip("threadpoolctl")

    def blas_threads() -> list[int]:
        return [i["num_threads"] for i in threadpoolctl.threadpool_info()
                if i["user_api"] == "blas"]

    model = FastMiniLMEmbedder()
    model.embed(["warm up"])
    before = blas_threads()
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda _: model.embed(["a short question?"] * 3), range(64)))
    # Each small call holds BLAS to one thread; the process's own setting must come back.
    assert blas_threads() == before
