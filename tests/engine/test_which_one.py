"""Which one of a kind ("At which summit ...?", "What war did ... end?") is named by a phrase
the kind's word heads; "How long ...?" is answered by a length, never by a date."""

from __future__ import annotations

import pytest

from bot.engine.instances import named_instance
from bot.engine.question_kind import read_question

from ..conftest import titled, verifier_over

QUOTAS = titled(
    "Fishing ministers strike a deal",
    "Fishing ministers from nine countries agreed on new cod quotas at the Lisbon summit on "
    "4 May. The talks were tense, officials said. A further round of talks is planned for "
    "the autumn.",
)
TREATY = titled(
    "The Treaty of Marrow",
    "The Treaty of Marrow was signed in 1712 by the kingdoms of Ostrel and Vand. The treaty "
    "ended the Second Ostrel War and set the border along the river Skell.",
)
STRIKE = titled(
    "Dockers return to work",
    "The dock strike in Harwick began on 3 March. Union leaders and the port authority met "
    "on 12 April. The strike lasted six weeks, the union said.",
)


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("They met at the Lisbon summit.", "summit", "the Lisbon summit"),
        ("The deal ended the Second Ostrel War.", "war", "the Second Ostrel War"),
        ("They met at the summit.", "summit", None),  # nothing says which one
        ("They held a secret summit.", "summit", None),  # a description, not a name
    ],
)
def test_a_phrase_the_kind_heads_names_which_one(parser, text, kind, expected) -> None:
    assert named_instance({kind}, parser.parse(text), ()) == expected


def test_words_of_the_question_do_not_tell_which_one(parser) -> None:
    doc = parser.parse("They met at the Lisbon summit.")
    lisbon = next(t.i for t in doc if t.text == "Lisbon")
    assert named_instance({"summit"}, doc, {lisbon}) is None


def test_which_one_is_asked_by_the_kind_after_the_question_word(parser) -> None:
    assert read_question("At which summit were the quotas agreed?", parser).which_one
    assert read_question("What war did the Treaty of Marrow end?", parser).which_one
    # "the genre of ...": a kind of thing named by a word for it, not one thing of a kind
    assert not read_question("What is the genre of the album Glasshouse?", parser).which_one


def test_which_summit_is_answered_by_its_name(services) -> None:
    verifier = verifier_over(services, [QUOTAS])
    answer = verifier.verify("At which summit did the ministers agree on cod quotas?")
    assert answer.verdict.value == "ANSWERED"
    assert "Lisbon summit" in answer.text


def test_what_war_is_answered_by_its_name(services) -> None:
    verifier = verifier_over(services, [TREATY])
    answer = verifier.verify("What war did the Treaty of Marrow end?")
    assert answer.verdict.value == "ANSWERED"
    assert "Second Ostrel War" in answer.text


def test_how_long_is_never_answered_by_a_date(services) -> None:
    verifier = verifier_over(services, [STRIKE])
    answer = verifier.verify("How long did the meeting between the union and the port last?")
    assert answer.verdict.value == "NOT_ENOUGH_INFO"
    assert answer.citations == ()
    answer = verifier.verify("How long did the dock strike in Harwick last?")
    assert answer.verdict.value == "ANSWERED"
    assert "six weeks" in answer.text
