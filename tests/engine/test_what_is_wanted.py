"""What a party wants (or demands) someone to do is what it says they must do: "What does
the ministry want the union to do?" is answered by "the message that the union must end the strike"
(with who is to do it where the question does not name them), never by what the other
side says it wants."""

from __future__ import annotations

from ..conftest import ask_over

TALKS = ("Harbour Talks Were Not a Deal, Ministry Says\n\n"
         "A ministry official said the meeting was not a negotiation, and was intended only to "
         "deliver the message that the union must end the strike.\n\n"
         "\u201cWe want to move forward,\u201d said the union spokesman, Dag Orlo.\n\n"
         "The harbour closed in January.")


def test_what_one_wants_done_is_what_it_says_must_be_done(services) -> None:
    answer = ask_over(services, "What does the ministry want the union to do?", [TALKS])
    assert answer.verdict.value == "ANSWERED", answer.text
    assert "end the strike" in answer.text
    assert all("must end the strike" in c.quote for c in answer.citations)
    answer = ask_over(services, "What does the ministry demand of the union?", [TALKS])
    assert "end the strike" in answer.text, answer.text
    answer = ask_over(services, "What does the ministry want?", [TALKS])
    assert "the union must end the strike" in answer.text.lower(), answer.text


def test_the_other_side_wants_its_own(services) -> None:
    answer = ask_over(services, "What does the union want?", [TALKS])
    assert answer.verdict.value == "ANSWERED", answer.text
    assert "move forward" in answer.text and "strike" not in answer.text
