"""Stance judges: how does each evidence sentence bear on the claim?"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from bot.types import Stance, StanceScore


class StanceJudge(Protocol):
    """Labels (claim, sentence) pairs SUPPORTS / REFUTES / NEUTRAL with a score."""

    name: str

    def judge(self, claim: str, sentences: Sequence[str]) -> list[StanceScore]:
        """One score per sentence, in order."""
        ...


# The learned model is trusted for contradiction, the rules and embeddings for support:
# on held-out Climate-FEVER claims this split beat either judge alone.
MODEL_REFUTES_MIN = 0.6
MODEL_RELEVANCE_MIN = 0.5


def blend(rules: StanceScore, probs: Sequence[float], cosine: float) -> StanceScore:
    """The rules' stance, overridden by a confident model contradiction on a relevant sentence."""
    p_refutes = float(probs[1])
    if rules.label is Stance.REFUTES:
        return rules
    if p_refutes >= MODEL_REFUTES_MIN and cosine >= MODEL_RELEVANCE_MIN:
        return StanceScore(Stance.REFUTES, round(p_refutes, 3), f"stance model p={p_refutes:.2f}")
    return rules
