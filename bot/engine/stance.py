"""Stance judges: how does each evidence sentence bear on the claim?

Every judge implements ``StanceJudge``: ``rules`` (``stance_rules.py``), ``model`` (below:
the rules' reading corrected by the shipped cross-encoder of ``stance_model.py``) and
``llm`` (``bot/llm/judge.py``). ``bot.services.make_judge`` picks one by its setting name.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Protocol

from bot.engine.stance_rules import LEFT_OPEN, RulesStanceJudge
from bot.types import Candidate, Judgement, Stance, StanceScore

if TYPE_CHECKING:
    from bot.engine.stance_model import ModelStanceJudge


class StanceJudge(Protocol):
    """Labels each candidate sentence SUPPORTS / REFUTES / NEUTRAL against the claim."""

    name: str

    def judge(self, claim: str, candidates: Sequence[Candidate]) -> list[Judgement]:
        """One judgement per candidate, in order."""
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


class ModelJudge:
    """The ``model`` judge: the rules' reading, blended with the shipped model's probabilities."""

    name = "model"

    def __init__(self, rules: RulesStanceJudge, model: ModelStanceJudge) -> None:
        self.rules = rules
        self.model = model

    def judge(self, claim: str, candidates: Sequence[Candidate]) -> list[Judgement]:
        judgements = self.rules.judge(claim, candidates)
        if not candidates:
            return judgements
        probs = self.model.probabilities(claim, [c.text for c in candidates])
        return [
            replace(j, score=blend(j.score, p, c.cosine))
            for j, c, p in zip(judgements, candidates, probs, strict=True)
        ]
