"""The stance model's cache of pair probabilities gives what the model computes."""

from __future__ import annotations

import json

import numpy as np

from bot.engine.stance_model import ModelStanceJudge

from ..conftest import ROOT


def test_cached_pairs_equal_computed_ones_in_any_batch() -> None:
    rows = (ROOT / "data" / "stance" / "dev.jsonl").read_text(encoding="utf-8").splitlines()
    pairs = [(r["claim"], r["evidence"]) for r in map(json.loads, rows[:24])]
    plain, cached = ModelStanceJudge(), ModelStanceJudge(cache_size=8)
    claim = pairs[0][0]
    sentences = [s for _, s in pairs]
    expected = plain.probabilities(claim, sentences)
    # Cold, then partly cached (a few sentences seen, in another order), then evicted.
    np.testing.assert_allclose(cached.probabilities(claim, sentences[:5]), expected[:5],
                               atol=1e-5)
    order = list(reversed(range(len(sentences))))
    got = cached.probabilities(claim, [sentences[i] for i in order])
    np.testing.assert_allclose(got, expected[order], atol=1e-5)
    np.testing.assert_allclose(cached.probabilities(claim, sentences), expected, atol=1e-5)
    # The same sentence under another claim is another pair.
    other = cached.probabilities(pairs[1][0], sentences[:3])
    np.testing.assert_allclose(other, plain.probabilities(pairs[1][0], sentences[:3]), atol=1e-5)
