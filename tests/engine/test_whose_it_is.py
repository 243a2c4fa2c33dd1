"""One party's thing is not another's: a sentence about "the Dravonian embassy" says nothing
of "the Kelmish embassy", however close its words are to a claim about it; the owner may be
named by an adjective, a possessive or "of"."""

from __future__ import annotations

import pytest

from bot.engine.claims import make_claim
from bot.engine.owners import another_s, doers, owners

from ..conftest import ask_over

TALKS = ("Fishing talks end without a deal The talks on fishing rights ended in Hallden on "
         "Friday without an agreement. A Dravonian government spokesman, Piet Losse, said the "
         "talks had been useful and would resume in the spring. The Dravonian embassy in "
         "Hallden was closed for the day because of a strike by local staff. The Dravonian foreign "
         "ministry had arranged the talks. Vostrania's parliament voted on Monday to extend the "
         "fishing season. Deputy Minister of Fisheries Anna Kell signed the protocol for "
         "Kelmia.")


# Another party's thing says nothing of the claim's; the owner named another way, or the post
# the document names, still carries it.
@pytest.mark.parametrize(("claim", "verdict"), [
    ("Did the Kelmish government say the talks would resume in the spring?", "NOT_ENOUGH_INFO"),
    ("Kelmia's government said the talks had been useful.", "NOT_ENOUGH_INFO"),
    ("Was the embassy of Kelmia closed for the day?", "NOT_ENOUGH_INFO"),
    ("The talks were arranged by the Kelmish foreign ministry.", "NOT_ENOUGH_INFO"),
    ("Did the lawmakers of Kelmia vote to extend the fishing season?", "NOT_ENOUGH_INFO"),
    ("Kelmia's fisheries minister signed the protocol.", "NOT_ENOUGH_INFO"),
    ("Did the Dravonian government say the talks had been useful?", "SUPPORTED"),
    ("Dravonia's embassy in Hallden was shut for the day.", "SUPPORTED"),
    ("Kelmia's deputy fisheries minister signed the protocol.", "SUPPORTED"),
])
def test_whose_thing_the_sentence_speaks_of(services, claim, verdict) -> None:
    answer = ask_over(services, claim, [TALKS])
    assert answer.verdict.value == verdict, answer.text


def test_owners_are_read_from_adjective_possessive_and_of(parser) -> None:
    for text, index in (("the Tunisian government", 2), ("Tunisia's government", 2),
                        ("the government of Tunisia", 1)):
        assert owners(parser.parse(text)[index]) == {"tunisia"}, text
    # a capital before a noun says where it is, not whose; an event has no owner
    assert owners(parser.parse("the Tripoli embassy")[2]) == set()
    assert owners(parser.parse("the Tunisia meeting")[2]) == set()


def test_only_countries_and_peoples_are_told_apart(parser) -> None:
    libyan = parser.parse("A Libyan government spokesman described the meeting.")[2]
    assert another_s(owners(parser.parse("the Tunisian government")[2]), [libyan])
    assert not another_s(owners(parser.parse("the Libyan government")[2]), [libyan])
    # a leader's government may be a country's: not told apart
    assert not another_s(owners(parser.parse("Qaddafi's government")[2]), [libyan])
    assert not another_s(owners(parser.parse("the government")[1]), [libyan])


@pytest.mark.parametrize(("question", "subject"), [
    ("Was the anonymous official one of the diplomats who attended the meeting?",
     "The anonymous official was one of the diplomats"),
    ("Is the minister one of the three signatories?", "The minister is one of the three"),
])
def test_one_of_begins_what_is_said_of_the_subject(parser, question, subject) -> None:
    assert make_claim(question, parser).text.startswith(subject)


def test_the_doer_is_read_whole(parser) -> None:
    """"The United States" is the U.S., not a country named "States"; a person is no country
    whatever the name's ending ("Feltman")."""
    assert doers(parser.parse("The United States shut its embassy.")) == {"united states"}
    assert doers(parser.parse("Rovenian lawmakers voted to allow pardons.")) == {"rovenian"}
    assert doers(parser.parse("Feltman met the Libyans.")) == set()
