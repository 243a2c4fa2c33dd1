"""Of two numbers as close to the words asked, one that counts other things ("its three
outlying hamlets") is not the figure asked."""

from __future__ import annotations

from ..conftest import ask_over


def test_a_number_counting_other_things_is_not_the_population(services) -> None:
    answer = ask_over(services, "What is the population of Holmbury?", [
        "At the last census, the population of Holmbury village and its three outlying hamlets "
        "was 4,812. The village school was rebuilt in 1998."])
    assert answer.verdict.value == "ANSWERED", answer.text
    assert answer.text.startswith("4,812"), answer.text
