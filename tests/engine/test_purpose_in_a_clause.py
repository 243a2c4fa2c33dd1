"""What something is for may be said in the clause of its noun ("an air campaign over Libya
that began in March to pressure Qaddafi to step down"); "over" with a place after it says
where, not over what (a cause: "anger over the cuts")."""

from __future__ import annotations

from ..conftest import ask_over

PATROLS = ("Harbour Strike Enters Third Week\n\n"
           "The coast guard is running patrols over Norway that began in May to press the "
           "union to end the strike.\n\n"
           "Dockworkers walked out in anger over the pay cuts, the union said.")


def test_a_purpose_in_the_clause_of_its_noun(services) -> None:
    answer = ask_over(services, "What is the purpose of the coast guard's patrols?", [PATROLS])
    assert answer.verdict.value == "ANSWERED", answer.text
    assert "press the union to end the strike" in answer.text
    assert "Norway" not in answer.text.split(",")[0]


def test_over_a_cause_is_still_a_cause(services) -> None:
    answer = ask_over(services, "Why did the dockworkers walk out?", [PATROLS])
    assert answer.verdict.value == "ANSWERED", answer.text
    assert "pay cuts" in answer.text
