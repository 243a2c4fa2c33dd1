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


# The same opening; the Chilean side now speaks twice, of what the meeting was.
DESCRIBED = _doc(STORY.title, STORY.text.split("A Chilean official")[0] + (
    "A Chilean official said the meeting was not a negotiation and settled nothing.\n\n"
    "The Chilean trade minister told reporters the meeting was only a courtesy visit."
))


def test_every_way_of_asking_for_each_sides_account_gets_both(services) -> None:
    verifier = verifier_over(services, [DESCRIBED])
    for question in ("How does each side describe the meeting?",
                     "How did Chile and Norway characterize the meeting?",
                     "How do the Chileans and the Norwegians describe the meeting?",
                     "What was the meeting, according to each side?",
                     "What is each government's account of the meeting?"):
        answer = verifier.verify(question)
        assert answer.verdict.value == "DISPUTED", (question, answer.text)
        quotes = " ".join(c.quote for c in answer.citations)
        assert "first step" in quotes and (
            "not a negotiation" in quotes or "courtesy visit" in quotes), question


def test_one_sides_speakers_are_one_account(services) -> None:
    # The Chilean official and the Chilean trade minister speak for one side: two accounts
    # side by side, never one side against itself.
    answer = verifier_over(services, [DESCRIBED]).verify(
        "How does each side describe the meeting?")
    sides = {("Chile" if "Chilean" in (c.speaker or "") else "Norway") for c in answer.citations}
    assert sides == {"Chile", "Norway"}
    # the Chilean statements stand together, in one account after the Norwegian one or
    # before it, never split by it
    chilean = [c.n for c in answer.citations if "Chilean" in (c.speaker or "")]
    assert chilean == list(range(chilean[0], chilean[0] + len(chilean)))
    account = next(s for s in answer.text.split("” [") if "Chilean" in s)
    assert "Norwegian" not in account, answer.text


def test_one_party_asked_for_still_gets_its_own_account(services) -> None:
    answer = verifier_over(services, [DESCRIBED]).verify(
        "What did the Norwegian spokesman say about the meeting?")
    assert answer.verdict.value == "ANSWERED"
    assert all("Chilean" not in (c.speaker or "") for c in answer.citations)


def test_what_an_event_means_is_each_sides_account(services) -> None:
    # The meeting speaks for no one: what the parties say of it is asked.
    answer = verifier_over(services, [DESCRIBED]).verify("What does the meeting mean?")
    assert answer.verdict.value == "DISPUTED", answer.text
    quotes = " ".join(c.quote for c in answer.citations)
    assert "first step" in quotes and ("not a negotiation" in quotes or "courtesy" in quotes)


def test_what_the_two_sides_tried_to_achieve_is_each_sides_purpose(services) -> None:
    answer = verifier_over(services, [STORY]).verify(
        "What were the two sides trying to achieve at the Bergen meeting?")
    assert answer.verdict.value == "DISPUTED", answer.text
    quotes = " ".join(c.quote for c in answer.citations)
    assert "restore trade" in quotes and "deliver a warning" in quotes
