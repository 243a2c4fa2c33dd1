"""Stance judges: how does each evidence sentence bear on the claim?

Every judge implements ``StanceJudge``: ``rules`` (``stance_rules.py``), ``model`` (below:
the rules' reading corrected by the shipped cross-encoder of ``stance_model.py``) and
``llm`` (``bot/llm/judge.py``). ``bot.services.make_judge`` picks one by its setting name.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from bot.engine.lexicon import DENIAL_VERBS
from bot.engine.stance_rules import (
    ANOTHER_PARTY,
    ANOTHER_THING,
    BY_PREFIX,
    CHANGED_FROM,
    DENIED,
    EARLIER_DEED,
    HEADLINE,
    INTENT_UNSAID,
    LEFT_OPEN,
    MOVED,
    NAMES_ONLY,
    NO_PLACE,
    OPPOSITE,
    OTHER_DATE,
    OTHER_EVENT,
    OTHER_PLACE,
    OTHER_VALUE,
    SET_ASIDE,
    SWAPPED,
    WITHDRAWN,
    RulesStanceJudge,
    rejects,
)
from bot.types import Candidate, Judgement, Stance, StanceScore

if TYPE_CHECKING:
    from bot.engine.stance_model import ModelStanceJudge


class StanceJudge(Protocol):
    """Labels each candidate sentence SUPPORTS / REFUTES / NEUTRAL against the claim."""

    name: str

    def judge(self, claim: str, candidates: Sequence[Candidate]) -> list[Judgement]:
        """One judgement per candidate, in order."""
        ...


# Where each source decides. The rules stand where they are sure (a restatement, or a
# contradiction they are very sure of); elsewhere the model's contradiction or support counts
# on a sentence related to the claim, a model sure a sentence leaves the claim open overrules
# an unsure rules stance (not a denial of what the claim says of the same subject), and a very
# close paraphrase supports unless the model is sure it leaves the claim open. Thresholds
# chosen with scripts/tune_blend.py for the model trained on the public NLI pairs, on the even
# half of the Climate-FEVER dev file and the project's own dev split, checked on the odd half
# and the own test split (README, Evaluation).
MODEL_REFUTES_MIN = 0.5  # the model's contradiction counts from this probability...
MODEL_RELEVANCE_MIN = 0.4  # ...on a sentence at least this close to the claim
RULES_SURE = 0.7  # a support the rules are this sure of stands (README: why not 0.8)
SIMILAR_SUPPORTS = 0.8  # a sentence this close to the claim supports it...
MODEL_NEUTRAL_MAX = 0.8  # ...unless the model is sure it leaves the claim open
MODEL_SUPPORTS_MIN = 0.8  # the model's own support counts from this probability
MODEL_NEUTRAL_VETO = 0.9  # an unsure rules stance gives way to a model this sure (off: > 1)
RULES_REFUTES_SURE = 0.9  # a contradiction the rules are this sure of stands

# The values scripts/tune_blend.py tries for each threshold.
BLEND_SEARCH: dict[str, tuple[float, ...]] = {
    "refutes_min": (0.5, 0.6, 0.7, 0.8, 0.9),
    "relevance_min": (0.3, 0.4, 0.5),
    "rules_sure": (0.7, 0.8, 0.9, 1.01),
    "rules_refutes_sure": (0.0, 0.7, 0.8, 0.9, 1.01),
    "similar_supports": (0.6, 0.65, 0.7, 0.8, 1.01),
    "neutral_max": (0.5, 0.8),
    "supports_min": (0.6, 0.7, 0.8, 0.9, 1.01),
    "neutral_veto": (0.7, 0.8, 0.9, 1.01),
}


def blend(
    rules: StanceScore,
    probs: Sequence[float],
    cosine: float,
    *,
    refutes_min: float = MODEL_REFUTES_MIN,
    relevance_min: float = MODEL_RELEVANCE_MIN,
    rules_sure: float = RULES_SURE,
    rules_refutes_sure: float = RULES_REFUTES_SURE,
    similar_supports: float = SIMILAR_SUPPORTS,
    neutral_max: float = MODEL_NEUTRAL_MAX,
    supports_min: float = MODEL_SUPPORTS_MIN,
    neutral_veto: float = MODEL_NEUTRAL_VETO,
) -> StanceScore:
    """The rules' stance where they are sure; elsewhere the model's, and close paraphrases."""
    p_supports, p_refutes, p_neutral = float(probs[0]), float(probs[1]), float(probs[2])
    if rules.cue.startswith(MOVED):
        return rules  # which way two figures moved is arithmetic; the model reads it poorly
    if rules.label is Stance.REFUTES and rules.score >= rules_refutes_sure:
        return rules
    if rules.label is Stance.SUPPORTS and rules.score >= rules_sure:
        return rules
    if rules.label is Stance.NEUTRAL and rules.cue in (LEFT_OPEN, ANOTHER_PARTY, ANOTHER_THING,
                                                      WITHDRAWN):
        # Only asked, supposed, wished or ordered, said of another party's thing of the
        # claim's kind ("the Libyan government" for "the Tunisian government") or of another
        # thing of its name ("Norvexa 10 mg" for "Norvexa 20 mg"), or withdrawn by a
        # correction: it asserts nothing of the claim either way.
        return rules
    related = cosine >= relevance_min
    if rules.cue in (OTHER_VALUE, OTHER_DATE, OTHER_PLACE, OTHER_EVENT, NO_PLACE, DENIED,
                     CHANGED_FROM, EARLIER_DEED, INTENT_UNSAID):
        # Another figure, date or place than the claim's (or another event's), its figure as
        # what something changed from, the deed it says was undone since, no word of the place
        # or the intent it gives, or a denial of what it says (of a subject the rules cannot
        # tie to the claim's): closeness of words does not carry the claim; the model may still
        # contradict it, and may read figures as agreeing ("0.3 C per decade" in a claim that
        # gives it in Fahrenheit first; two dates never agree).
        if p_refutes >= refutes_min and related:
            return _model(Stance.REFUTES, p_refutes, rules)
        if rules.cue == OTHER_VALUE and p_supports >= supports_min and related:
            return _model(Stance.SUPPORTS, p_supports, rules)
        return rules
    if p_refutes >= refutes_min and related:
        return _model(Stance.REFUTES, p_refutes, rules)
    if rules.label is not Stance.NEUTRAL:  # a stance the rules are not sure of
        if rules.label is Stance.SUPPORTS and p_supports >= supports_min and related:
            return _model(Stance.SUPPORTS, p_supports, rules)  # agreeing: the surer
        # A sentence denying what the claim says of the same subject contradicts it however
        # sure the model is that it leaves the claim open (it reads reported denials poorly).
        if p_neutral >= neutral_veto and not rules.cue.startswith(OPPOSITE) and (
                rules.cue != SET_ASIDE):
            return _model(Stance.NEUTRAL, p_neutral)
        if rules.label is Stance.REFUTES and p_supports >= supports_min and related:
            if rules.cue == SET_ASIDE or rules.cue.endswith(BY_PREFIX):
                # "silt, not the weir"; "safe" for "unsafe": the model reads a "not", and a
                # word's negative form, poorly
                return rules
            if rules.factual and rules.cue.endswith(SWAPPED):
                # Another value in the claim's slot ("held in Mombasa" for "in the Kenyan
                # capital"): words as close as can be do not carry the claim.
                return StanceScore(Stance.NEUTRAL, round(1.0 - rules.score, 3), rules.cue)
            return _model(Stance.SUPPORTS, p_supports, rules)
        return rules
    if p_supports >= supports_min and related:
        return _model(Stance.SUPPORTS, p_supports, rules)
    if cosine >= similar_supports and p_neutral < neutral_max and rules.cue not in (
            HEADLINE, NAMES_ONLY):
        # (A headline's closeness is to the story's topic, as is that of a sentence sharing
        # only the claim's names: stance_rules._topic_only, RulesStanceJudge._one.)
        return StanceScore(Stance.SUPPORTS, round(cosine, 3), f"close to the claim ({cosine:.2f})")
    return rules


def _reports_a_denial(doc: Any) -> bool:
    """"X denied ...", "X rejected the request", "X turned down the offer"."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    return root is not None and (root.lemma_.lower() in DENIAL_VERBS or rejects(root))


def _model(label: Stance, p: float, rules: StanceScore | None = None) -> StanceScore:
    """The model's stance; where the rules read the same, the surer of the two."""
    if rules is not None and rules.label is label and rules.score > p:
        return rules
    return StanceScore(label, round(p, 3), f"stance model p={p:.2f}")


def _in_background(fn: Callable[..., Any], *args: Any) -> Future[Any]:
    """``fn(*args)`` on a thread of its own; the future's ``result()`` returns or raises."""
    future: Future[Any] = Future()

    def run() -> None:
        try:
            future.set_result(fn(*args))
        except BaseException as exc:  # re-raised on the caller's thread
            future.set_exception(exc)

    threading.Thread(target=run, daemon=True, name="stance-model").start()
    return future


class ModelJudge:
    """The ``model`` judge: the rules' reading, blended with the shipped model's probabilities."""

    name = "model"

    def __init__(self, rules: RulesStanceJudge, model: ModelStanceJudge) -> None:
        self.rules = rules
        self.model = model

    def judge(self, claim: str, candidates: Sequence[Candidate]) -> list[Judgement]:
        if not candidates:
            return self.rules.judge(claim, candidates)
        # The model runs in onnxruntime's native code, which lets go of Python's lock: it
        # reads the pairs on another thread while the rules parse on this one.
        model = _in_background(self.model.probabilities, claim, [c.text for c in candidates])
        judgements = self.rules.judge(claim, candidates)
        probs = model.result()
        if _reports_a_denial(self.rules.parser.parse(claim)):
            # "Dalvane denied any link", "the council refused the request": the model reads
            # the denial word as a contradiction of every sentence on the topic (the request
            # itself); what would refute the claim (that it did not deny or refuse it, or
            # confirmed or accepted it) is for the rules to read.
            probs = probs * np.array([1.0, 0.0, 1.0], dtype=probs.dtype)
        return [
            replace(j, score=blend(j.score, p, c.cosine))
            for j, c, p in zip(judgements, candidates, probs, strict=True)
        ]

