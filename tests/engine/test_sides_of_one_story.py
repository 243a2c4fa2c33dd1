"""One story, two sides: what each country's speakers say a meeting was for, side by side."""

from __future__ import annotations

from ..conftest import titled as _doc
from ..conftest import verifier_over

STORY = _doc("Envoys meet in Bergen", (
    "Two Chilean envoys held a secret meeting May 3 with officials of Norway's government.\n\n"
    "A Norwegian foreign ministry spokesman described the Bergen meeting as a first step to "
    "restore trade between the two nations.\n\n"
    "A Chilean official said the meeting was not a negotiation and was intended only to deliver "
    "a warning about fishing quotas.\n\n"
    "Both countries attended the Oslo meeting on May 2, where they agreed to share weather data."
))


def test_each_sides_purpose_is_given_side_by_side(services) -> None:
    verifier = verifier_over(services, [STORY])
    for question in ("What was the purpose of the secret meeting in Bergen?",
                     "What was the meeting for?"):
        answer = verifier.verify(question)
        assert answer.verdict.value == "DISPUTED", (question, answer.text)
        quotes = " ".join(c.quote for c in answer.citations)
        assert "restore trade" in quotes and "deliver a warning" in quotes


def test_one_sides_two_speakers_do_not_make_a_dispute(services) -> None:
    story = _doc("Envoys meet", STORY.text.replace("A Norwegian foreign ministry spokesman",
                                                   "A Chilean foreign ministry spokesman"))
    answer = verifier_over(services, [story]).verify("What was the meeting for?")
    assert answer.verdict.value == "ANSWERED"


def test_the_meeting_a_story_tells_of_first_is_its_plain_the_meeting(services) -> None:
    # "the meeting" of the Chilean official is the unnamed one the story opens with, not the
    # Oslo meeting it names later.
    answer = verifier_over(services, [STORY]).verify(
        "What was the purpose of the secret meeting in Bergen?")
    assert any("deliver a warning" in c.quote for c in answer.citations)
    assert all("weather data" not in c.quote for c in answer.citations)
