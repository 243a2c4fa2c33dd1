"""An open question no sentence holds enough of the words of is answered by the sentence
closest to it in meaning, whole, where it asks for a description or a manner and that
sentence names whom the question names; never for a name, a date, a number or a reason, and
a sentence that shares only a name with the question must be closer still."""

from __future__ import annotations

import pytest

from ..conftest import ask_over

HARBOUR = ("Harbour plan stalls. The Velmar port authority froze the harbour expansion in May "
           "to pressure the shipping lines into sharing the cost of dredging the channel. The "
           "authority's chair, Ilse Marten, will review the plan in the autumn. Dornas, the "
           "next port along the coast, has no such plan.")
ANSWER = ("The Velmar port authority froze the harbour expansion in May to pressure the "
          "shipping lines into sharing the cost of dredging the channel.")


def test_a_description_in_other_words_is_the_closest_sentence(services) -> None:
    question = "What is Velmar's harbour board trying to force the ferry companies to do?"
    answer = ask_over(services, question, [HARBOUR])
    assert answer.verdict.value == "ANSWERED", answer.text
    assert [c.quote for c in answer.citations] == [ANSWER]
    assert "sharing the cost of dredging" in answer.text


@pytest.mark.parametrize("question", [
    "How much will dredging the channel cost?",  # a number: only a sentence giving it
    "Who will the authority's chair meet in the autumn?",  # a name
    # only the name is shared: "Dornas ... has no such plan" is not what it tries to force
    "What is Dornas's harbour board trying to force the ferry companies to do?",
])
def test_no_closest_sentence_for_a_value_or_a_name_alone(services, question) -> None:
    answer = ask_over(services, question, [HARBOUR])
    assert answer.verdict.value == "NOT_ENOUGH_INFO", answer.text
