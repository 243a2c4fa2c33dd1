""""X, not Y" rules Y out: a claim giving Y is contradicted, one giving X is carried, however
close the words of the sentence are to the claim's."""

from __future__ import annotations

from ..conftest import ask_over

RIVER = ("Floods at Dunmore The river authority said that silt, not the new weir, had caused "
         "the flooding at Dunmore in March. The repair of the embankment will cost 9 million "
         "marks, not the 6 million first announced, the authority said. Work is due to start "
         "in June.")


def test_the_alternative_set_aside_contradicts_a_claim_giving_it(services) -> None:
    answer = ask_over(services, "Does the river authority say the new weir caused the flooding "
                      "at Dunmore?", [RIVER])
    assert answer.verdict.value == "REFUTED", answer.text


def test_a_figure_set_aside_contradicts_a_claim_giving_it(services) -> None:
    answer = ask_over(services, "The repair of the embankment will cost 6 million marks.",
                      [RIVER])
    assert answer.verdict.value == "REFUTED", answer.text


def test_what_the_sentence_keeps_is_carried(services) -> None:
    answer = ask_over(services, "The repair of the embankment will cost 9 million marks.",
                      [RIVER])
    assert answer.verdict.value == "SUPPORTED", answer.text


def test_the_cause_the_sentence_keeps_is_carried(services) -> None:
    answer = ask_over(services, "Does the river authority say silt caused the flooding at "
                      "Dunmore?", [RIVER])
    assert answer.verdict.value == "SUPPORTED", answer.text
