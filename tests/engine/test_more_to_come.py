"""Whether more meetings will follow, when one side says "there is no plan to hold another
session" and the other "we want to take further steps": the two sides disagree on it, and
the claim is disputed; a claim that one is already scheduled, a claim put to the first side,
or a second side that wants no further steps, is not."""

from __future__ import annotations

import pytest

from ..conftest import ask_over

HARBOUR = (
    "Harbour talks were not negotiations, ministry says\n\n"
    "A ministry official said the meeting with the dockers' union was not a negotiation, and "
    "that there is no plan to hold another session.\n\n"
    "\u201cThis is a first step and we want to take further steps,\u201d said the union "
    "spokesman, Dag Orlo.\n\n"
    "The harbour closed in January."
)


def test_one_side_plans_none_the_other_wants_more(services) -> None:
    answer = ask_over(services, "Will more sessions between the ministry and the union follow?",
                      [HARBOUR])
    assert answer.verdict.value == "DISPUTED", answer.text
    quotes = " ".join(c.quote for c in answer.citations)
    assert "no plan to hold another session" in quotes and "further steps" in quotes


NO_FURTHER_STEPS = HARBOUR.replace("we want to take further steps", "we do not want further steps")


@pytest.mark.parametrize(("question", "text"), [
    # A session already scheduled is a fact of arrangements: a wish for more does not make it.
    ("Was a second session scheduled?", HARBOUR),
    # Put to one side, it is that side's word.
    ("Did the ministry official say there is a plan to hold another session?", HARBOUR),
    # A side that wants no more is no other side.
    ("Will more sessions between the ministry and the union follow?", NO_FURTHER_STEPS),
])
def test_not_in_dispute(services, question: str, text: str) -> None:
    answer = ask_over(services, question, [text])
    assert answer.verdict.value == "REFUTED", answer.text
