""""Why wasn't the official named?": news reports say why they keep a source's name back in
set phrases ("who was not authorized to speak publicly", "speaking on condition of anonymity
because ..."), and that phrase is the answer, not a reason the sentence gives for something
else."""

from __future__ import annotations

from bot.engine.anonymity import asks_why_unnamed, unnamed_because

from ..conftest import ask_over

REPORT = ("Grain Deal Delayed\n\n"
          "Ministers from Velmora and Ostrevia postponed the signing of a grain deal to "
          "allow more time for inspections, an Ostrevian trade official said.\n\n"
          "The delay was needed because the harbour scales had failed a safety check, said the "
          "official, who was not authorized to speak publicly about the talks.\n\n"
          "A new date will be set next week.")


def test_why_a_source_goes_unnamed(services) -> None:
    answer = ask_over(services, "Why wasn't the trade official named?", [REPORT])
    assert answer.verdict.value == "ANSWERED", answer.text
    assert "not authorized to speak publicly" in answer.text, answer.text
    assert "scales" not in answer.text, answer.text


def test_another_why_is_still_read_from_the_story(services) -> None:
    answer = ask_over(services, "Why was the signing of the grain deal postponed?", [REPORT])
    assert answer.verdict.value == "ANSWERED", answer.text
    assert "not authorized" not in answer.text, answer.text


def test_the_questions_and_phrases() -> None:
    assert asks_why_unnamed("why wasn't the U.S. official named")
    assert asks_why_unnamed("Why doesn't the article name the official?")
    assert asks_why_unnamed("Why is the source anonymous?")
    assert not asks_why_unnamed("Why was the deal not signed?")
    assert unnamed_because("said the official, who spoke on condition of anonymity because "
                           "the talks were private.") == (
        "on condition of anonymity because the talks were private", 1.0)
    assert unnamed_because("the U.S. official said, speaking on the condition of "
                           "anonymity.") == ("speaking on the condition of anonymity", 0.8)
    assert unnamed_because("The official said the talks would resume.") is None


BRIEFING = ("Port Deal Close\n\n"
            "Negotiators for the port and the dockers' union are close to a deal on pay, a "
            "port official said, speaking on condition of anonymity.\n\n"
            "The official, who was not authorized to discuss the talks, said a vote could come "
            "on Friday.")


def test_the_condition_a_source_spoke_on(services) -> None:
    # Asked on what condition, the condition; asked why, the reason.
    answer = ask_over(services, "On what condition did the port official speak?", [BRIEFING])
    assert answer.verdict.value == "ANSWERED", answer.text
    assert "condition of anonymity" in answer.text, answer.text
    answer = ask_over(services, "Why wasn't the port official named?", [BRIEFING])
    assert "not authorized to discuss the talks" in answer.text, answer.text
