"""Two copies of one sentence that give different values are sources in dispute, even when
a namesake's page answers the question better: the copies stay beside it, not under it."""

from __future__ import annotations

from ..conftest import ask_over

POLITICIAN = ("Halvard Brenne (politician) Halvard Brenne (3 March 1891 - 19 October 1953) was a "
              "Norvish politician who sat for the Kelso division from 1931 until his death. "
              "He was a junior minister in the wartime coalition.")
MERCHANT = ("Brenne was one of the signers of the Kelso Charter and a merchant of the harbour "
            "trade. Brenne died on {date}, aged {age}, and was laid to rest in the churchyard "
            "of St Cuthbert at Kelso. His son took over the warehouses on the quay.")


def test_copies_that_differ_in_the_answer_are_disputed_beside_a_namesake(services) -> None:
    answer = ask_over(services, "When did Halvard Brenne die?", [
        POLITICIAN,
        MERCHANT.format(date="January 1, 1787", age="44"),
        MERCHANT.format(date="June 15, 1790", age="47"),
    ])
    quotes = " ".join(c.quote for c in answer.citations)
    assert answer.verdict.value == "DISPUTED", answer.text
    assert "1787" in quotes and "1790" in quotes, answer.text


def test_copies_that_agree_leave_the_namesakes_answered(services) -> None:
    answer = ask_over(services, "When did Halvard Brenne die?", [
        POLITICIAN,
        MERCHANT.format(date="January 1, 1787", age="44"),
        MERCHANT.format(date="January 1, 1787", age="44").replace("His son", "His eldest son"),
    ])
    assert answer.verdict.value == "ANSWERED", answer.text
