"""Where an event happened is one slot: the event named by its place fills it.

"The Geneva meeting" says the meeting was in Geneva, so a claim that puts it elsewhere is
contradicted and one that puts it there is carried, whatever the verb that says it took
place ("was held", "took place"). Two events named by two places are two events: the claim's
place picks which one it speaks of. Sentences written for these tests, not the seed's.
"""

from __future__ import annotations

import pytest

from bot.engine.stance_rules import OTHER_EVENT
from bot.types import Stance


@pytest.mark.parametrize(
    ("claim", "sentence"),
    [
        ("The summit was held in Oslo.",
         "Officials described the Geneva summit as a success for both delegations."),
        # "the Swiss capital" is Bern, which is not Geneva.
        ("The talks were held in the Swiss capital.",
         "Officials described the Geneva meeting as a success for both delegations."),
    ],
)
def test_an_event_named_by_its_place_contradicts_another_place(rules, claim, sentence) -> None:
    [score] = rules.scores(claim, [sentence])
    assert score.label is Stance.REFUTES, score


def test_a_verb_that_only_says_it_happened_is_met_by_the_event(rules) -> None:
    [score] = rules.scores("The encounter took place in Geneva.", [
        "News of the talks came first from Lima, where a spokesman for the ministry described "
        "the Geneva meeting as a first step toward repairing ties."])
    assert score.label is Stance.SUPPORTS and score.cue == "covers the claim", score


def test_two_events_named_by_two_places_are_two_events(rules) -> None:
    """The Oslo summit is the claim's; the Geneva one is another summit, not a denial."""
    here, there = rules.scores("The summit was held in Oslo.", [
        "Ministers from twelve countries met at the Oslo summit to lift the fishing ban.",
        "Officials described the Geneva summit as a success for both delegations.",
    ])
    assert here.label is Stance.SUPPORTS, here
    assert there.label is Stance.NEUTRAL and there.cue == OTHER_EVENT, there


@pytest.mark.parametrize(
    ("claim", "sentence"),
    [
        # A city in the country named is not another place.
        ("The summit was held in the capital, Tunis.",
         "Officials described the Tunisia summit as a success for both delegations."),
        # "take further steps" says more than that something happened.
        ("The spokesman said Norway wants to take further steps.",
         "The ministry said there is no plan to hold another session."),
    ],
)
def test_guards(rules, claim, sentence) -> None:
    [score] = rules.scores(claim, [sentence])
    assert score.label is not Stance.REFUTES, score



@pytest.mark.parametrize(
    "claim",
    [
        "News of the talks broke first in the president's capital.",
        "The talks were first disclosed in the capital.",
        "The talks were first disclosed in the Peruvian capital.",
    ],
)
def test_a_place_noun_with_no_known_name_sets_no_other_place(rules, claim) -> None:
    """"the president's capital" may well be Lima: the claim names no place to set against
    the sentence's (a capital the aliases know is compared: "the Swiss capital" above)."""
    [score] = rules.scores(claim, [
        "Disclosure of the talks came first in Lima, where a spokesman for the ministry "
        "described the Geneva meeting as a first step toward repairing ties."])
    assert score.label is not Stance.REFUTES and score.cue != "another place", score
