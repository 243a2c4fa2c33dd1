"""Of two numbers as close to the words asked, one that counts other things ("the two
electoral wards") is not the figure asked."""

from __future__ import annotations

from ..conftest import ask_over


def test_a_number_counting_other_things_is_not_the_population(services) -> None:
    answer = ask_over(services, "What is the population of Sherborne?", [
        "In the 2011 census, the population of Sherborne parish and the two electoral wards "
        "was 9,523. The parish church dates from the twelfth century."])
    assert answer.verdict.value == "ANSWERED", answer.text
    assert answer.text.startswith("9,523"), answer.text
