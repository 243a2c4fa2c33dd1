"""The shipped stance model: loads offline, labels clear pairs, and ONNX matches torch."""

from __future__ import annotations

import importlib.util
import threading
from pathlib import Path

import numpy as np
import pytest

from bot.engine.stance_model import ModelStanceJudge, StanceModelConfig
from bot.types import Stance


@pytest.fixture(scope="module")
def judge() -> ModelStanceJudge:
    return ModelStanceJudge()


def test_config_points_at_the_packaged_tokenizer() -> None:
    config = StanceModelConfig.load()
    assert config.model_path.stat().st_size <= 25 * 1024 * 1024
    assert config.tokenizer_path().name == "tokenizer.json"
    assert config.labels == ("SUPPORTS", "REFUTES", "NEUTRAL")


CLEAR_PAIRS = [
    (
        "The museum reopened in May.",
        "After two years of renovation, the city museum reopened its doors to visitors in May.",
        Stance.SUPPORTS,
    ),
    (
        "The river burst its banks on Tuesday.",
        "Officials said the river did not burst its banks on Tuesday, despite the heavy rain.",
        Stance.REFUTES,
    ),
    (
        "The orchestra will tour Japan next spring.",
        "The orchestra's new conductor studied the violin in Vienna.",
        Stance.NEUTRAL,
    ),
    (
        "The festival attracted 40,000 visitors.",
        "The harbour festival takes place every August on the waterfront.",
        Stance.NEUTRAL,
    ),
]


@pytest.mark.parametrize(("claim", "sentence", "expected"), CLEAR_PAIRS)
def test_clear_pairs(judge: ModelStanceJudge, claim: str, sentence: str, expected: Stance) -> None:
    [score] = judge.judge(claim, [sentence])
    assert score.label is expected, score
    assert 0.0 < score.score <= 1.0
    assert score.cue.startswith("stance model p=")


def test_probabilities_shape_order_and_batching(judge: ModelStanceJudge) -> None:
    claim = CLEAR_PAIRS[0][0]
    sentences = [s for _, s, _ in CLEAR_PAIRS] * 7  # more than one batch
    probs = judge.probabilities(claim, sentences)
    assert probs.shape == (len(sentences), 3)
    np.testing.assert_allclose(probs.sum(axis=1), 1.0, atol=1e-5)
    single = judge.probabilities(claim, sentences[:1])
    # a sentence is judged the same whatever else is in its batch
    np.testing.assert_allclose(probs[0], single[0], atol=1e-5)
    labels = [s.label for s in judge.judge(claim, sentences)]
    order = (Stance.SUPPORTS, Stance.REFUTES, Stance.NEUTRAL)
    assert labels == [order[int(k)] for k in probs.argmax(axis=1)]
    assert judge.probabilities(claim, []).shape == (0, 3)


def test_shared_across_threads(judge: ModelStanceJudge) -> None:
    claim, sentence, _ = CLEAR_PAIRS[2]
    expected = judge.probabilities(claim, [sentence])
    results: list[np.ndarray] = []
    threads = [
        threading.Thread(target=lambda: results.append(judge.probabilities(claim, [sentence])))
        for _ in range(4)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 4
    for r in results:
        np.testing.assert_allclose(r, expected, atol=1e-5)


def test_inference_does_not_import_torch() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from bot.engine.stance_model import ModelStanceJudge; "
        "ModelStanceJudge().judge('a', ['b']); "
        "assert 'torch' not in sys.modules and 'transformers' not in sys.modules"
    )
    root = Path(__file__).resolve().parents[2]
    subprocess.run([sys.executable, "-c", code], check=True, cwd=root)


def _config_with(tmp_path: Path, **extra: object) -> Path:
    """A copy of the shipped config (pointing at the shipped weights) with extra keys."""
    import json

    shipped = StanceModelConfig.load()
    raw = json.loads(shipped.model_path.with_suffix(".json").read_text(encoding="utf-8"))
    raw.update(extra)
    path = tmp_path / "stance-minilm.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    (tmp_path / "stance-minilm.onnx").symlink_to(shipped.model_path)
    return path


def test_logit_offsets_shift_the_labels_prior(judge: ModelStanceJudge, tmp_path: Path) -> None:
    claim, sentence, _ = CLEAR_PAIRS[2]
    bare = judge.probabilities(claim, [sentence])[0].astype(np.float64)
    offsets = {"SUPPORTS": 1.5, "REFUTES": -0.5}
    shifted = ModelStanceJudge(_config_with(tmp_path, logit_offsets=offsets))
    got = shifted.probabilities(claim, [sentence])[0]
    # softmax(log p + offsets) is the bare probabilities re-weighted by exp(offset)
    expected = bare * np.exp([1.5, -0.5, 0.0])
    np.testing.assert_allclose(got, expected / expected.sum(), atol=1e-5)


def test_offsets_for_unknown_labels_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="logit_offsets"):
        StanceModelConfig.load(_config_with(tmp_path, logit_offsets={"ENTAILS": 1.0}))


def test_missing_model_says_how_to_build_it(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match=r"train_stance\.py"):
        ModelStanceJudge(tmp_path / "absent.json")


def _has(*modules: str) -> bool:
    return all(importlib.util.find_spec(m) is not None for m in modules)


@pytest.mark.slow
@pytest.mark.skipif(not _has("torch", "transformers", "onnx"), reason="needs torch + onnx")
def test_onnx_export_matches_torch(tmp_path: Path) -> None:
    """The export path used by train_stance.py reproduces torch logits on a fresh 3-way head."""
    import os

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import sys

    import onnxruntime as ort
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
    import train_stance

    torch.manual_seed(0)
    model = AutoModelForSequenceClassification.from_pretrained(
        train_stance.BASE_MODEL, num_labels=3
    ).eval()
    tok = AutoTokenizer.from_pretrained(train_stance.BASE_MODEL)
    path = tmp_path / "head.onnx"
    train_stance.export_onnx(model, tok, path)

    claims = ["The bridge opened in 1932.", "Sales fell."]
    evidence = ["The bridge, which opened in 1932, will close for repairs.", "Sales rose 4%."]
    enc = tok(claims, evidence, padding=True, return_tensors="pt")
    with torch.no_grad():
        expected = model(**enc).logits.numpy()
    sess = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    got = sess.run(
        ["logits"], {k: enc[k].numpy() for k in ("input_ids", "attention_mask", "token_type_ids")}
    )[0]
    np.testing.assert_allclose(got, expected, atol=1e-4)
    # the runtime tokenizer gives the same ids as the training tokenizer
    judge_tok = ModelStanceJudge()._load()[1]
    encs = judge_tok.encode_batch(list(zip(claims, evidence, strict=True)))
    assert [e.ids for e in encs] == enc["input_ids"].tolist()


def test_cold_start_loads_the_stance_model_in_the_background(settings, embedder, parser) -> None:
    """`crosscheck ask` loads the ONNX models on a second thread; the stance model sits inside
    the dialogue judge, and must be found there, not loaded later by the first answer."""
    from bot.services import Services

    services = Services(settings, embedder=embedder, parser=parser)
    services.load_models_in_background().join(timeout=300)
    judge = services.judge
    assert judge.name == "model"
    assert judge.inner.model._session is not None  # type: ignore[attr-defined]
