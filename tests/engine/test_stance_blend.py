"""How the rules' stance and the model's probabilities combine (bot/stance.py)."""

from __future__ import annotations

import pytest

from bot.engine.stance import (
    MODEL_RELEVANCE_MIN,
    MODEL_SUPPORTS_MIN,
    RULES_REFUTES_SURE,
    RULES_SURE,
    SIMILAR_SUPPORTS,
    blend,
)
from bot.engine.stance_rules import LEFT_OPEN, OPPOSITE, OTHER_PLACE, OTHER_VALUE
from bot.types import Stance, StanceScore

NEUTRAL = StanceScore(Stance.NEUTRAL, 0.6, "not about the claim")
CONTRADICTS = (0.05, 0.9, 0.05)  # SUPPORTS, REFUTES, NEUTRAL
OPEN = (0.05, 0.05, 0.9)
UNSURE = (0.4, 0.2, 0.4)


def test_a_contradiction_the_rules_are_sure_of_stands() -> None:
    rules = StanceScore(Stance.REFUTES, RULES_REFUTES_SURE, "negated")
    assert blend(rules, (0.95, 0.03, 0.02), 0.9) is rules


def test_a_less_sure_contradiction_gives_way_to_a_sure_model_support() -> None:
    rules = StanceScore(Stance.REFUTES, RULES_REFUTES_SURE - 0.1, "antonym")
    blended = blend(rules, (0.95, 0.03, 0.02), 0.9)
    assert blended.label is Stance.SUPPORTS
    assert blend(rules, UNSURE, 0.9) is rules


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


SUPPORTS_IT = (0.9, 0.05, 0.05)


def test_the_models_support_counts_on_a_related_sentence_the_rules_leave_open() -> None:
    blended = blend(NEUTRAL, SUPPORTS_IT, MODEL_RELEVANCE_MIN + 0.05)
    assert blended.label is Stance.SUPPORTS and blended.score == pytest.approx(0.9)
    assert MODEL_SUPPORTS_MIN <= 0.9
    assert blend(NEUTRAL, SUPPORTS_IT, MODEL_RELEVANCE_MIN - 0.05) is NEUTRAL


def test_the_models_support_never_turns_a_question_into_an_assertion() -> None:
    asked = StanceScore(Stance.NEUTRAL, 0.6, LEFT_OPEN)
    assert blend(asked, SUPPORTS_IT, 0.95) is asked


def test_an_unsure_rules_contradiction_gives_way_to_a_sure_model() -> None:
    unsure = StanceScore(Stance.REFUTES, RULES_REFUTES_SURE - 0.1, "different place")
    assert blend(unsure, SUPPORTS_IT, 0.8).label is Stance.SUPPORTS
    assert blend(unsure, UNSURE, 0.8) is unsure  # an unsure model changes nothing


def test_a_denial_of_the_same_subject_stands_however_sure_the_model_is_it_says_nothing() -> None:
    """The model leaves "the meeting was not the start of talks" open for "the meeting
    kicked off a dialogue"; any other unsure stance of the rules gives way to it."""
    denial = StanceScore(Stance.REFUTES, RULES_REFUTES_SURE - 0.2, OPPOSITE)
    assert blend(denial, OPEN, 0.5) is denial
    support = StanceScore(Stance.SUPPORTS, RULES_SURE - 0.1, "covers the claim")
    assert blend(support, OPEN, 0.5).label is Stance.NEUTRAL
    antonym = StanceScore(Stance.REFUTES, RULES_REFUTES_SURE - 0.2, "antonym 'fall'")
    assert blend(antonym, OPEN, 0.5).label is Stance.NEUTRAL


def test_a_near_complete_restatement_stands_where_the_model_misreads_a_synonym(
    seeded_services,
) -> None:
    """The model alone reads "rose by 9 percent" as contradicting "increased"; the rules'
    restatement stands (see the stance data card's known limitations)."""
    from bot.types import Candidate
    from retrieval.types import Document, Span

    claim = "Ticket sales at the cinema chain increased last year."
    sentence = "Ticket sales at the cinema chain rose by 9 percent last year, the company said."
    judge = seeded_services.judge
    vectors = seeded_services.embedder.embed([claim, sentence])
    cosine = float(vectors[0] @ vectors[1])
    doc = Document(doc_id="cinema", title="Cinema", source="cinema.txt", text=sentence)
    candidate = Candidate(doc, Span(0, len(sentence)), 0, cosine)
    [judgement] = judge.judge(claim, [candidate])
    assert judgement.score.label is Stance.SUPPORTS, judgement.score


def test_closeness_does_not_carry_a_claim_whose_figure_the_sentence_lacks() -> None:
    """"48 million" in words close to the claim's does not carry "52 million"; only the
    model's own reading of the figures decides, either way."""
    rules = StanceScore(Stance.NEUTRAL, 0.3, OTHER_VALUE)
    assert blend(rules, (0.3, 0.1, 0.6), 0.95) is rules  # close, but the model is unsure
    assert blend(rules, CONTRADICTS, 0.7).label is Stance.REFUTES
    assert blend(rules, (0.9, 0.05, 0.05), 0.7).label is Stance.SUPPORTS


def test_neither_closeness_nor_the_model_carries_a_claim_placed_elsewhere() -> None:
    """"the Kessford meeting" for "held in Lima": the model may contradict, never support."""
    rules = StanceScore(Stance.NEUTRAL, 0.3, OTHER_PLACE)
    assert blend(rules, (0.9, 0.05, 0.05), 0.9) is rules
    assert blend(rules, CONTRADICTS, 0.7).label is Stance.REFUTES


def test_the_model_does_not_contradict_a_claim_that_something_was_denied(parser) -> None:
    """The model reads "denied" as a contradiction of any sentence on the topic; what would
    contradict "X denied Y" (X confirmed Y, X did not deny it) is for the rules to read."""
    import numpy as np

    from bot.engine.stance import ModelJudge
    from bot.engine.stance_rules import RulesStanceJudge
    from bot.types import Candidate
    from retrieval.types import Document, Span

    class Contradicts:
        def probabilities(self, claim, sentences):
            return np.array([CONTRADICTS] * len(sentences), dtype=np.float32)

    judge = ModelJudge(RulesStanceJudge(parser), Contradicts())  # type: ignore[arg-type]
    sentence = "Patients reported a rash after taking the pills, a patient group said."
    doc = Document(doc_id="pills", title="Pills", source="pills.txt", text=sentence)
    candidate = Candidate(doc, Span(0, len(sentence)), 0, 0.5)
    [denied] = judge.judge("The company denied any link between the pills and the rash.",
                           [candidate])
    assert denied.score.label is not Stance.REFUTES, denied.score
    [stated] = judge.judge("The company knew about the rash in July.", [candidate])
    assert stated.score.label is Stance.REFUTES  # any other claim: the model still counts


def test_the_model_reads_beside_the_rules_and_its_failure_reaches_the_caller(parser) -> None:
    """The model's probabilities are computed on another thread while the rules parse; what
    it raises is raised by ``judge`` as if it had run there."""
    import threading

    import numpy as np

    from bot.engine.stance import ModelJudge
    from bot.engine.stance_rules import RulesStanceJudge
    from bot.types import Candidate
    from retrieval.types import Document, Span

    seen: list[str] = []

    class Model:
        def probabilities(self, claim, sentences):
            seen.append(threading.current_thread().name)
            if "fail" in claim:
                raise RuntimeError("model failed")
            return np.array([CONTRADICTS] * len(sentences), dtype=np.float32)

    judge = ModelJudge(RulesStanceJudge(parser), Model())  # type: ignore[arg-type]
    sentence = "The ministry said the bridge closed in May."
    doc = Document(doc_id="bridge", title="Bridge", source="bridge.txt", text=sentence)
    candidate = Candidate(doc, Span(0, len(sentence)), 0, 0.7)
    [judged] = judge.judge("The bridge closed in June.", [candidate])
    assert judged.score.label is Stance.REFUTES
    assert seen == ["stance-model"]
    with pytest.raises(RuntimeError, match="model failed"):
        judge.judge("The bridge will fail in June.", [candidate])
    assert judge.judge("The bridge closed in June.", []) == []
