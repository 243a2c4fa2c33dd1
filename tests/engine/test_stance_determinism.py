"""Same evidence, same judgement: a pair's stance depends on the pair alone.

Not on the sentences judged in the same batch, their order, the thread count, or the CPU's
int8 instructions (the model's weights are int8 on disk, its arithmetic is fp32).
"""

from __future__ import annotations

import hashlib
import json
import random
from pathlib import Path

import numpy as np
import pytest

from bot.engine.stance_model import DEFAULT_CONFIG, ModelStanceJudge

from ..conftest import ROOT, SEED, SHARED_EVAL

REFERENCE = Path(__file__).parent / "fixtures" / "stance_reference.json"
TOLERANCE = 1e-5


def _pairs() -> list[tuple[str, str]]:
    """Claims and evidence the project wrote: its own stance dev pairs."""
    rows = (ROOT / "data" / "stance" / "dev.jsonl").read_text(encoding="utf-8").splitlines()
    return [(r["claim"], r["evidence"]) for r in map(json.loads, rows[:300])]


@pytest.fixture(scope="module")
def judge() -> ModelStanceJudge:
    return ModelStanceJudge(threads=2)


def test_batch_and_order_do_not_change_a_pair(judge: ModelStanceJudge) -> None:
    pairs = _pairs()
    rng = random.Random(7)
    for claim, sentence in pairs[:12]:
        alone = judge.probabilities(claim, [sentence])[0]
        for companions in (1, 5, 20):
            batch = [s for _, s in rng.sample(pairs[12:], companions)] + [sentence]
            rng.shuffle(batch)
            probs = judge.probabilities(claim, batch)
            np.testing.assert_allclose(probs[batch.index(sentence)], alone, atol=TOLERANCE)
            # and the companions too are judged as they are alone
            k = 0 if batch[0] != sentence else 1
            solo = judge.probabilities(claim, [batch[k]])[0]
            np.testing.assert_allclose(probs[k], solo, atol=TOLERANCE)


def test_thread_count_does_not_change_a_pair(judge: ModelStanceJudge) -> None:
    one = ModelStanceJudge(threads=1)
    for claim, sentence in _pairs()[:40]:
        np.testing.assert_allclose(
            one.probabilities(claim, [sentence]),
            judge.probabilities(claim, [sentence]),
            atol=TOLERANCE,
        )


def _model_sha256() -> str:
    return hashlib.sha256(DEFAULT_CONFIG.with_suffix(".onnx").read_bytes()).hexdigest()


def _reference_inputs() -> list[tuple[str, str]]:
    return _pairs()[::25]


def test_probabilities_match_the_stored_reference(judge: ModelStanceJudge) -> None:
    """Catches a CPU, build or model change that moves the numbers.

    After a deliberate model change, rewrite the reference:
    ``python -m tests.engine.test_stance_determinism``.
    """
    reference = json.loads(REFERENCE.read_text(encoding="utf-8"))
    assert reference["model_sha256"] == _model_sha256(), (
        "the shipped stance model changed: rewrite tests/engine/fixtures/stance_reference.json "
        "with "
        "`python -m tests.engine.test_stance_determinism`"
    )
    for row in reference["pairs"]:
        got = judge.probabilities(row["claim"], [row["evidence"]])[0]
        np.testing.assert_allclose(got, row["probabilities"], atol=TOLERANCE)


def _seed_questions() -> list[str]:
    path = SHARED_EVAL / "seed_questions.jsonl"
    own = [
        "Was this a negotiation?",
        "Did the U.S. close its embassy in Tripoli?",
        "Did the U.S. official say there is a plan to hold another session?",
        "Did China send a delegation to the meeting?",
    ]
    if not path.exists():
        return own
    return own + [json.loads(line)["question"] for line in path.read_text().splitlines() if line]


UNRELATED = ("bridge-budget", "pharma-recall", "port-strike", "border-incident")


@pytest.fixture(scope="module")
def crowded_services(tmp_path_factory: pytest.TempPathFactory, embedder):
    """The seed corpus plus unrelated news stories the project wrote (not the stories of
    contested meetings, which are about a meeting as the seed article is)."""
    from bot.services import Services
    from bot.settings import Settings

    s = Services(Settings(store=tmp_path_factory.mktemp("crowded") / "store"), embedder=embedder)
    s.ensure_seeded()
    stories = ROOT / "data" / "eval" / "stories"
    report = s.ingest([stories / name for name in UNRELATED])
    assert not report.errors and report.documents >= 8
    return s


@pytest.mark.parametrize("question", _seed_questions())
def test_unrelated_documents_change_no_seed_verdict(
    question: str, seeded_services, crowded_services
) -> None:
    from bot.pipeline import Verifier

    alone = Verifier(seeded_services).verify(question)
    crowded = Verifier(crowded_services).verify(question)
    assert crowded.verdict == alone.verdict, crowded.text
    assert [(c.quote, c.stance) for c in crowded.citations] == [
        (c.quote, c.stance) for c in alone.citations
    ]
    assert all(c.source.endswith(SEED.name) for c in crowded.citations)


def _write_reference() -> None:
    judge = ModelStanceJudge(threads=1)
    rows = [
        {"claim": c, "evidence": e, "probabilities": judge.probabilities(c, [e])[0].tolist()}
        for c, e in _reference_inputs()
    ]
    REFERENCE.write_text(
        json.dumps({"model_sha256": _model_sha256(), "pairs": rows}, indent=1) + "\n",
        encoding="utf-8",
    )
    print(f"wrote {REFERENCE} ({len(rows)} pairs)")


if __name__ == "__main__":
    _write_reference()
