"""An open question is answered by a thing of the kind it asks for and about the thing it
describes: "which country" by a country, "which city" never by one; "the secret meeting" is
not the meeting a sentence names otherwise; an idiom is read as the verb it stands for."""

from __future__ import annotations

from bot.engine.aliases import is_country
from bot.engine.casing import spelled_out
from bot.engine.question_kind import read_question

from ..conftest import titled, verifier_over

TALKS = titled(
    "Envoys met in secret",
    "Disclosure of the meeting came first in Tripoli, where a Libyan spokesman described the "
    "Tunisia meeting as a first step. Before the talks, the envoys met Libyan rebels in "
    "Istanbul. Two envoys held a secret meeting on 9 May with Libyan officials.",
)
FORUM = titled(
    "Envoys at the forum",
    "Two envoys held a secret meeting on 9 May with Libyan officials. The envoys attended the "
    "Harbour Forum meeting on 2 May in Ankara.",
)


def test_a_countrys_own_name_is_a_country_its_capital_and_people_are_not() -> None:
    assert is_country("Tunisia") and is_country("the U.S.") and is_country("America")
    assert not is_country("Tunis") and not is_country("Tunisian")
    assert not is_country("the State Department") and not is_country("NATO")
    assert not is_country("Istanbul")


def test_which_country_is_answered_by_a_country(parser, services) -> None:
    q = read_question("In what country did the envoys and the Libyan officials meet?", parser)
    assert q.place_kind == "country"
    answer = verifier_over(services, [TALKS]).verify(
        "In what country did the envoys and the Libyan officials meet?")
    assert answer.verdict.value == "ANSWERED", answer.text
    assert "Tunisia" in answer.text and "Istanbul" not in answer.text


def test_which_city_is_never_answered_by_a_country(services) -> None:
    answer = verifier_over(services, [TALKS]).verify("In which city was the Tunisia meeting?")
    assert "Tunisia," not in answer.text and not answer.text.startswith("Tunisia")


def test_the_thing_described_is_not_one_a_sentence_names_otherwise(services) -> None:
    verifier = verifier_over(services, [FORUM])
    answer = verifier.verify("Where was the secret meeting?")
    assert answer.verdict.value == "NOT_ENOUGH_INFO", answer.text
    assert answer.citations == ()
    # the one named is still answered when asked for by its name
    answer = verifier.verify("Where was the Harbour Forum meeting held?")
    assert answer.verdict.value == "ANSWERED", answer.text
    assert "Ankara" in answer.text


def test_an_idiom_is_read_as_the_verb_it_stands_for() -> None:
    assert spelled_out("Which side made the meeting public first?") == \
        "Which side disclosed the meeting first?"
    assert spelled_out("who broke the news of the meeting") == "who disclosed the meeting"
    assert spelled_out("Did Libya go public with the talks?") == "Did Libya disclose the talks?"
    # "public" of something else is no idiom
    assert spelled_out("Who made public statements?") == "Who made public statements?"


def test_a_thing_asked_for_may_be_named(services) -> None:
    house = titled("Mason House", "The Mason House is a historic First Period house in Kessford.")
    answer = verifier_over(services, [house]).verify(
        "What is the historical period associated with the Mason House?")
    assert answer.verdict.value == "ANSWERED", answer.text
    assert "First Period" in answer.text
