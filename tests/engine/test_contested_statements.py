"""A claim that rests on one party's statement is in dispute when the other party says
otherwise of that statement, in words that need not echo the claim; the parts of the
statement that only name what it is about, what a party says of its own plans, and a claim
put to one party are not disputed by the other side."""

from __future__ import annotations

from ..conftest import ask_over, cited_quotes

MINE = ("Mine owners and the miners' union held a closed meeting on 9 March in Varno, the union "
        "said. A union spokesman, Pavel Orsk, described the Varno meeting as a first round of "
        "talks to settle the dispute. The owners' lawyer, Dana Hollis, said that the meeting was "
        "not the start of talks and that there is no plan for a second session. Coal output at "
        "the Varno pits has halved since the strike began in January.")


def test_one_sides_purpose_the_other_side_denies_is_disputed(services) -> None:
    answer = ask_over(services, "Was the meeting meant to settle the dispute?", [MINE])
    assert answer.verdict.value == "DISPUTED", answer.text
    assert "first round of talks" in cited_quotes(answer), answer.text
    assert "not the start of talks" in cited_quotes(answer), answer.text


def test_more_talks_are_in_dispute_when_one_side_calls_it_a_first_round(services) -> None:
    answer = ask_over(services, "Is there a second round of talks planned?", [MINE])
    assert answer.verdict.value == "DISPUTED", answer.text
    assert "first round of talks" in cited_quotes(answer), answer.text


def test_where_the_meeting_was_is_not_what_the_sides_dispute(services) -> None:
    answer = ask_over(services, "Was the meeting held in Varno?", [MINE])
    assert answer.verdict.value == "SUPPORTED", answer.text


def test_a_sides_own_plans_are_its_own_to_say(services) -> None:
    answer = ask_over(services, "Have the owners planned a second session?", [MINE])
    assert answer.verdict.value == "REFUTED", answer.text


def test_a_claim_put_to_one_party_is_that_partys_position(services) -> None:
    answer = ask_over(services, "According to the owners' lawyer, the meeting was the start of "
                      "talks.", [MINE])
    assert answer.verdict.value == "REFUTED", answer.text
