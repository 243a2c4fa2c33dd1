"""The offline stance rules on pairs written for these tests."""

from __future__ import annotations

import pytest

from bot.engine.stance_rules import RulesStanceJudge, _negation_scopes
from bot.types import Stance


@pytest.fixture(scope="module")
def judge(parser, embedder) -> RulesStanceJudge:
    return RulesStanceJudge(parser, embedder)


@pytest.mark.parametrize(
    ("claim", "sentence", "expected"),
    [
        ("The meeting was a negotiation.",
         "An official said the meeting was not a negotiation.", Stance.REFUTES),
        ("The meeting was a negotiation.",
         "A spokesman described the meeting as a first-step dialogue.", Stance.SUPPORTS),
        ("There is a plan to hold another session.",
         "The official said the talks were over and that there is no plan to hold another "
         "session.", Stance.REFUTES),
        ("The meeting was first disclosed in Washington.",
         "Disclosure of the meeting came first in Tripoli.", Stance.REFUTES),
        ("The U.S. closed its embassy in Tripoli.",
         "The U.S. closed its embassy in Tripoli in February.", Stance.SUPPORTS),
        ("China sent a delegation to the meeting.",
         "The U.S. joined 30 other nations at the meeting in Istanbul.", Stance.NEUTRAL),
        ("Sea levels are rising.", "Sea levels are falling along the coast.", Stance.REFUTES),
        ("The senator supported the bill.",
         "Reporters incorrectly thought the senator supported the bill.", Stance.REFUTES),
        ("The company denied the merger.", "The weather in Paris was mild.", Stance.NEUTRAL),
        # Any word for going up against any word for going down.
        ("The ferry company increased its fares.",
         "The ferry company cut its fares by a fifth to win back passengers.", Stance.REFUTES),
        ("The council raised parking charges.",
         "The council lowered parking charges by 10 percent this year.", Stance.REFUTES),
        ("The bank cut interest rates.",
         "The bank raised interest rates by half a point.", Stance.REFUTES),
        ("Exports grew in March.",
         "Exports fell sharply in March, official data showed.", Stance.REFUTES),
        ("Prices rose in May.", "Prices rose by 3 percent in May.", Stance.SUPPORTS),
        # Asked or supposed, not asserted.
        ("The meeting was a negotiation.",
         "Reporters asked whether the meeting was a negotiation.", Stance.NEUTRAL),
        ("The meeting was a negotiation.",
         "It is not yet known whether the meeting was a negotiation.", Stance.NEUTRAL),
        ("The meeting was a negotiation.",
         "If the meeting was a negotiation, it was a short one.", Stance.NEUTRAL),
    ],
)
def test_stance(judge: RulesStanceJudge, claim: str, sentence: str, expected: Stance) -> None:
    [score] = judge.scores(claim, [sentence])
    assert score.label is expected, score


def test_negation_scope_leaves_out_the_subject_and_coordinated_clauses(parser) -> None:
    doc = parser.parse("The meeting was not the start of talks and there is a plan for more.")
    [scope] = _negation_scopes(doc)
    words = {doc[i].text for i in scope}
    assert {"start", "talks"} <= words
    assert "meeting" not in words and "plan" not in words


def test_a_negated_antonym_agrees(judge: RulesStanceJudge) -> None:
    [score] = judge.scores("Prices rose last year.", ["Prices did not fall last year."])
    assert score.label is not Stance.REFUTES


@pytest.mark.parametrize(("claim", "sentence", "factual"), [
    ("Sea levels are rising.", "Sea levels are falling along the coast.", True),  # antonym
    ("The meeting was first disclosed in Washington.",
     "Disclosure of the meeting came first in Tripoli.", True),  # another place
    ("The meeting was a negotiation.",
     "An official said the meeting was not a negotiation.", False),  # a description denied
])
def test_contradictions_of_fact_are_marked_for_the_verdict(
        judge: RulesStanceJudge, claim: str, sentence: str, factual: bool) -> None:
    [score] = judge.scores(claim, [sentence])
    assert score.label is Stance.REFUTES
    assert score.factual is factual


@pytest.mark.parametrize(
    ("claim", "sentence", "refutes"),
    [
        ("The talks were held to arrange a ceasefire.",
         "A ministry spokesman said the talks were meant solely to exchange prisoners.", True),
        ("The visit was about improving trade links.",
         "Officials said the visit's sole aim was to sign the water treaty.", True),
        ("The envoy travelled to Vienna to discuss sanctions.",
         "The envoy travelled to Vienna only to attend his daughter's wedding.", True),
        # the same purpose, said to be the only one
        ("The visit was about improving trade links.",
         "Officials said the visit was intended only to improve trade links with the region.",
         False),
        # the only purpose of something else
        ("The summit was held to agree a budget.",
         "The protest outside was intended only to draw attention to pensions.", False),
        # "only" of something other than a purpose
        ("The talks were held to arrange a ceasefire.",
         "Only two ministers attended the talks, which were held to arrange a ceasefire.", False),
        # a wish is no purpose
        ("The ministry wants to lift the tariffs.",
         "A ministry spokesman said the visit was intended only to inspect the border posts.",
         False),
        # a claim that denies the purpose agrees with another one
        ("The talks were not held to arrange a ceasefire.",
         "A ministry spokesman said the talks were meant solely to exchange prisoners.", False),
    ],
)
def test_another_purpose_given_as_the_only_one_refutes(
        judge: RulesStanceJudge, claim: str, sentence: str, refutes: bool) -> None:
    [score] = judge.scores(claim, [sentence])
    assert (score.label is Stance.REFUTES) is refutes, score
