"""Stance judges: how does each evidence sentence bear on the claim?"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from bot.stance_rules import LEFT_OPEN
from bot.types import Stance, StanceScore


class StanceJudge(Protocol):
    """Labels (claim, sentence) pairs SUPPORTS / REFUTES / NEUTRAL with a score."""

    name: str

    def judge(self, claim: str, sentences: Sequence[str]) -> list[StanceScore]:
        """One score per sentence, in order."""
        ...


# The learned model is trusted for contradiction, the rules and embeddings for support.
# Thresholds chosen on half of a labelled claim set and checked on the other half
# (README, Evaluation).
MODEL_REFUTES_MIN = 0.6  # the model's contradiction counts from this probability...
MODEL_RELEVANCE_MIN = 0.4  # ...on a sentence at least this close to the claim
RULES_SURE = 0.8  # a support the rules are this sure of stands
SIMILAR_SUPPORTS = 0.65  # a sentence this close to the claim supports it...
MODEL_NEUTRAL_MAX = 0.8  # ...unless the model is sure it leaves the claim open


def blend(rules: StanceScore, probs: Sequence[float], cosine: float) -> StanceScore:
    """The rules' stance, corrected by the model's contradictions and by close paraphrases."""
    p_refutes, p_neutral = float(probs[1]), float(probs[2])
    if rules.label is Stance.REFUTES:
        return rules
    if rules.label is Stance.SUPPORTS and rules.score >= RULES_SURE:
        return rules
    if p_refutes >= MODEL_REFUTES_MIN and cosine >= MODEL_RELEVANCE_MIN:
        return StanceScore(Stance.REFUTES, round(p_refutes, 3), f"stance model p={p_refutes:.2f}")
    close = cosine >= SIMILAR_SUPPORTS and p_neutral < MODEL_NEUTRAL_MAX
    if rules.label is Stance.NEUTRAL and rules.cue != LEFT_OPEN and close:
        return StanceScore(Stance.SUPPORTS, round(cosine, 3), f"close to the claim ({cosine:.2f})")
    return rules
