"""What a claim says someone denied, and who took part in what it names: "rejected the idea
that P" reports a denial of P, as "denied that P" does; a claim that a further session was
denied is met by the denial, not contradicted by it; and "talks with Tripoli" are the talks a
sentence names without repeating with whom, unless it names others."""

from __future__ import annotations

STATED = "The official said that the meeting was not the start of talks."
NO_PLAN = "The official said there is no plan to hold another session."


def _label(rules, claim: str, sentence: str) -> str:
    [score] = rules.scores(claim, [sentence])
    return score.label.value


def test_rejecting_the_idea_that_it_happened_is_denying_it(rules) -> None:
    claim = "The official rejected the idea that the meeting was the start of talks."
    assert _label(rules, claim, STATED) == "SUPPORTS"
    assert _label(rules, claim, "The official said the meeting was the start of talks.") == (
        "REFUTES")


def test_a_denied_further_session_is_met_by_the_denial(rules) -> None:
    assert _label(rules, "The official denied that there is a plan to hold another session.",
                  NO_PLAN) == "SUPPORTS"
    assert _label(rules, "The official dismissed the suggestion that another session is "
                  "planned.", NO_PLAN) != "REFUTES"
    # Said without the denial, the claim is still contradicted.
    assert _label(rules, "There is a plan to hold another session.", NO_PLAN) == "REFUTES"


def test_who_took_part_need_not_be_repeated(rules) -> None:
    assert _label(rules, "Talks with Tripoli began at the meeting.", STATED) == "REFUTES"
    assert _label(rules, "Talks with Tripoli did not begin at the meeting.", STATED) == (
        "SUPPORTS")
    # Talks the sentence says were with others are not the claim's.
    others = "The official said that the meeting was not the start of talks with the rebels."
    assert _label(rules, "Talks with Tripoli began at the meeting.", others) != "REFUTES"
