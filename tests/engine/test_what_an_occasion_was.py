"""What an occasion was is what those who met did there.

"The talks were not a negotiation" denies that the two sides negotiated when they met, and
does so whatever the claim adds about the occasion ("... when they met in Oslo on May 3"): what
it adds cannot make true what is denied. The word denied must be the claim's own: "the talks
were not negotiations" says nothing against "they talked". Sentences written for these
tests, not the seed's.
"""

from __future__ import annotations

import pytest

from bot.engine.claims import make_claim
from bot.engine.question_kind import is_open
from bot.types import Stance

DENIAL = ("A ministry spokeswoman said the Oslo meeting was not a negotiation and was meant "
          "only to hand over a list of demands.")


@pytest.mark.parametrize(
    "claim",
    [
        "The two unions negotiated when they met in Oslo on May 3.",
        "The fishermen's union actually negotiated with the ministry.",
        "The meeting was a negotiation when the union leaders sat down with the minister.",
    ],
)
def test_saying_what_an_occasion_was_not_denies_it(rules, claim) -> None:
    [score] = rules.scores(claim, [DENIAL])
    assert score.label is Stance.REFUTES, score


def test_the_start_denied_is_the_first_stage_denied(rules) -> None:
    [score] = rules.scores(
        "The encounter was the first stage of a lasting dialogue between the union and the "
        "ministry.",
        ["The ministry said that the encounter was not the start of talks and that no second "
         "session is planned."])
    assert score.label is Stance.REFUTES, score


def test_a_near_synonym_denied_is_not_the_claims_word(rules) -> None:
    """The headline sets talks apart from negotiations: the talking it denies nothing of."""
    [score] = rules.scores(
        "Before sitting down with the ministry, the union talked with the harbour board.",
        ["Union Talks With Ministry Weren't Negotiations, Spokeswoman Says"])
    assert score.label is not Stance.REFUTES, score


def test_a_claim_of_another_one_is_not_carried_by_the_one_there_was(rules) -> None:
    """"There will be another round of talks" speaks of one to come."""
    [score] = rules.scores(
        "There will be another round of talks between the union and the ministry.",
        ["The decision to hold face-to-face talks between the union and the ministry "
         "reflected concern about the fishing quotas."])
    assert score.label is not Stance.SUPPORTS, score


def test_took_place_is_one_word(rules) -> None:
    """"took place" says the meeting happened; its "place" is not a "role" denied
    elsewhere."""
    [score] = rules.scores(
        "The secret meeting between the union and the ministry took place in Bergen.",
        ["The decision to hold face-to-face talks reflected concern that union leaders "
         "wrongly thought the ministry was ready to see a future role for the old board."])
    assert score.label is not Stance.REFUTES, score


@pytest.mark.parametrize(
    "question",
    [
        "When the union met the minister in Oslo on May 3, was that a negotiation?",
        "where the talks were held, is that known?",
        "The spokeswoman who described the meeting did so without being named, didn't she?",
    ],
)
def test_yes_no_questions_with_a_wh_word_inside(parser, question) -> None:
    """A wh-word that sets the scene or opens a relative clause asks nothing; a tag asks
    for agreement."""
    assert not is_open(question, parser)


@pytest.mark.parametrize(
    "question",
    [
        "When did they meet, was it in May?",
        "The union's leader said what?",
        "Besides the minister, who attended?",
    ],
)
def test_guards_wh_questions_stay_open(parser, question) -> None:
    assert is_open(question, parser)


def test_the_scene_is_part_of_the_claim(parser) -> None:
    claim = make_claim(
        "When the union met the minister in Oslo on May 3, was that a negotiation?", parser)
    assert not claim.is_open
    assert "was a negotiation" in claim.text
    assert "when the union met the minister in Oslo on May 3" in claim.text


def test_engaging_in_negotiations_is_negotiating(rules) -> None:
    """"engaged in negotiations": the noun says what they did, the verb only that they did."""
    [score] = rules.scores("The two unions engaged in negotiations.", [DENIAL])
    assert score.label is Stance.REFUTES, score


def test_the_two_sides_name_a_pair_not_a_figure(rules) -> None:
    """"the two sides" counts no officials: three officials at the table is not another
    figure."""
    [score] = rules.scores(
        "The two sides negotiated over the fishing quotas.",
        ["Three senior union officials negotiated with the ministry over the fishing quotas "
         "on Monday."])
    assert score.cue != "another value", score


def test_a_headline_says_nothing_of_how_a_word_is_written() -> None:
    from bot.engine.casing import true_case

    text = ("Union Talks With Ministry Weren't Negotiations, Spokeswoman Says\n\n"
            "The union met the minister in Oslo on Monday.")
    assert true_case("did the union hold negotiations in oslo", [text]) == (
        "Did the union hold negotiations in Oslo")


@pytest.mark.parametrize(
    ("claim", "label"),
    [
        ("The union and the ministry's envoys met secretly in Bergen.", Stance.REFUTES),
        ("The union and the ministry's envoys met secretly in Geneva.", Stance.SUPPORTS),
        ("The secret meeting with the ministry's envoys was held in Bergen.", Stance.REFUTES),
    ],
)
def test_the_meeting_named_by_its_place_says_where_they_met(rules, claim, label) -> None:
    """"the Geneva meeting" says where the meeting was and where those who met met: the
    words for who met, or for which meeting, need no repeating beside it."""
    [score] = rules.scores(claim, [
        "News of the talks came first from Lima, where a spokesman for the fishermen "
        "described the Geneva meeting as a first step toward repairing ties."])
    assert score.label is label, score


def test_guard_a_meeting_named_by_its_place_is_not_another_named_so(rules) -> None:
    """The claim's "Tunisia meeting" is not the sentence's "Oslo meeting"."""
    [score] = rules.scores("The Tunisia meeting was held in the capital, Tunis.", [
        "The union joined thirty other groups at the Oslo meeting in deciding to back the "
        "plan."])
    assert score.label is not Stance.REFUTES, score
