"""How the rules' stance and the model's probabilities combine (bot/stance.py)."""

from __future__ import annotations

import pytest

from bot.engine.stance import (
    MODEL_RELEVANCE_MIN,
    RULES_SURE,
    SIMILAR_SUPPORTS,
    blend,
)
from bot.engine.stance_rules import LEFT_OPEN
from bot.types import Stance, StanceScore

NEUTRAL = StanceScore(Stance.NEUTRAL, 0.6, "not about the claim")
CONTRADICTS = (0.05, 0.9, 0.05)  # SUPPORTS, REFUTES, NEUTRAL
OPEN = (0.05, 0.05, 0.9)
UNSURE = (0.4, 0.2, 0.4)


def test_a_contradiction_the_rules_found_stands() -> None:
    rules = StanceScore(Stance.REFUTES, 0.8, "negated")
    assert blend(rules, (0.95, 0.03, 0.02), 0.9) is rules


def test_a_full_support_the_rules_found_stands_against_the_model() -> None:
    rules = StanceScore(Stance.SUPPORTS, RULES_SURE, "covers the claim")
    assert blend(rules, CONTRADICTS, 0.9) is rules


def test_the_model_overrides_a_weak_support_on_a_relevant_sentence() -> None:
    rules = StanceScore(Stance.SUPPORTS, RULES_SURE - 0.2, "paraphrase")
    blended = blend(rules, CONTRADICTS, 0.7)
    assert blended.label is Stance.REFUTES
    assert blended.score == pytest.approx(0.9)


def test_the_model_is_ignored_on_an_unrelated_sentence() -> None:
    assert blend(NEUTRAL, CONTRADICTS, MODEL_RELEVANCE_MIN - 0.05) is NEUTRAL


def test_a_sentence_that_only_asks_is_not_made_a_support() -> None:
    asked = StanceScore(Stance.NEUTRAL, 0.6, LEFT_OPEN)
    assert blend(asked, UNSURE, SIMILAR_SUPPORTS + 0.2) is asked


@pytest.mark.parametrize(
    ("probs", "cosine", "expected"),
    [
        (UNSURE, SIMILAR_SUPPORTS + 0.05, Stance.SUPPORTS),  # a close restatement supports
        (OPEN, SIMILAR_SUPPORTS + 0.05, Stance.NEUTRAL),  # unless the model is sure it is open
        (UNSURE, SIMILAR_SUPPORTS - 0.05, Stance.NEUTRAL),  # merely on the same subject
    ],
)
def test_closeness_to_the_claim(probs: tuple[float, ...], cosine: float, expected: Stance) -> None:
    assert blend(NEUTRAL, probs, cosine).label is expected
