"""Framing that says how to answer ("Bottom line, ...", "..., as far as X is concerned") is
no part of what is asked; idioms for a plain verb ("spill the beans about", "go into
action", "sit down with", "take part in") and readers' words for the documents' plain ones
("the Obama administration", "sit-down") are read as those; a tag is a tag without its
question mark ("... or not"); a post is no word formed from another ("Secretary" is not
"secret"); a team's members are all those listed, and "which of" those people asks for one
of them; "What is X called?" asks its name, which no answering sentence need say it is
"called"."""

from __future__ import annotations

import pytest

from bot.engine.answers import _derived
from bot.engine.casing import spelled_out
from bot.engine.claims import make_claim
from bot.engine.question_kind import read_question
from retrieval.text import stem

from ..conftest import ask_over

PORT = ("Port deal leaked. Ana Kade, a union official, disclosed the Velmar port deal in Dornas "
        "on Sunday. Harbour Secretary Ivo Brand signed the deal on Monday. The Velmar shipping "
        "board says the tolls must fall. Dredging began in April.")


@pytest.mark.parametrize(("typed", "read"), [
    ("Bottom line, what is the board insisting on?", "What is the board insisting on?"),
    ("in a nutshell: who signed it", "who signed it"),
    ("what must fall, as far as the shipping board is concerned",
     "what must fall, for the shipping board"),
    ("who spilled the beans about the port deal", "who disclosed the port deal"),
    ("When did the dredgers go into action?", "When did the dredgers begin?"),
    # (framing only where set apart by a mark: here it is what the claim is about)
    ("The bottom line improved by 5 per cent.", "The bottom line improved by 5 per cent."),
    # readers' words for the documents' plain ones
    ("who sat down with them", "who met with them"),
    ("Why meet in person?", "Why meet face to face?"),
    ("which agency carried his comments", "which agency reported his comments"),
    ("What were they trying to set straight?", "What were they trying to clear up?"),
    ("What does the official say Washington wants from Kell?",
     "According to the official, what does Washington want from Kell?"),
    ("what did the aide say the union wanted", "According to the aide, what did the union want?"),
    # (a sit-down is a meeting; a carried motion reports nothing)
    ("Who was at the sit-down?", "Who attended the meeting?"),
    ("Which motion was carried?", "Which motion was carried?"),
    # ... in claims: other names for a party, more to come, a party's sense, attending
    ("Is the Obama administration ready to talk?", "Is Washington ready to talk?"),
    ("Did the Obama administration's envoys go?", "Did Washington's envoys go?"),
    ("this won't be the last time the envoys meet", "the envoys will meet again"),
    ("they left the meeting feeling their message had gotten through",
     "they felt that their message had been understood"),
    ("Will the two sides sit down again?", "Will the two sides meet again?"),
    ("Who took part in the talks?", "Who attended the talks?"),
    ("Which envoys were at the secret meeting?", "Which envoys attended the secret meeting?"),
    # (a president named alone is the person; sitting down alone is sitting; being in a
    # place is no attending)
    ("What did Obama say?", "What did Obama say?"),
    ("Did they sit down?", "Did they sit down?"),
    ("Who was in Tunis?", "Who was in Tunis?"),
])
def test_framing_and_idioms_are_read_plainly(typed, read) -> None:
    assert spelled_out(typed) == read


def test_a_post_is_no_word_formed_from_another() -> None:
    assert not _derived(stem("secret"), stem("secretary"))
    assert _derived(stem("disclose"), stem("disclosure"))


@pytest.mark.parametrize(("question", "answer", "quote"), [
    ("who spilled the beans about the port deal", "Ana Kade", "Ana Kade, a union official"),
    ("Bottom line, what is the shipping board insisting on?", "tolls must fall",
     "The Velmar shipping board says"),
    ("what must fall, as far as the shipping board is concerned", "tolls",
     "The Velmar shipping board says"),
    ("In a nutshell, when did the dredgers go into action?", "April", "Dredging began"),
])
def test_framed_questions_are_answered(services, question, answer, quote) -> None:
    found = ask_over(services, question, [PORT])
    assert found.verdict.value == "ANSWERED", found.text
    assert answer in found.text
    assert any(c.quote.startswith(quote) for c in found.citations), found.citations


TEAM = ("Secret harbour talks. Three Velmar officials held a secret meeting with Dornas envoys "
        "on Friday. Harbour Secretary Ivo Brand, Deputy Mayor Lia Sand and staff member Tom "
        "Ode met with the Dornas envoys in Kessel, a Velmar official said.")


@pytest.mark.parametrize("question", [
    "Who were the members of Velmar's team at the secret meeting?",
    "Could you name the members of Velmar's team?",
])
def test_the_members_of_a_team_are_all_those_listed(services, question) -> None:
    # (Not only the one whose title holds a word of the question: "staff member Tom Ode".)
    found = ask_over(services, question, [TEAM])
    assert found.verdict.value == "ANSWERED", found.text
    assert all(name in found.text for name in ("Ivo Brand", "Lia Sand", "Tom Ode")), found.text


def test_which_of_several_people_asks_for_one_of_them(parser) -> None:
    q = read_question("Which of the three Americans is the U.S. ambassador to Libya?", parser)
    assert q.expects == "PERSON" and q.one_of_many and not q.names_many
    many = read_question("Who were the Americans at the meeting?", parser)
    assert many.names_many and not many.one_of_many


@pytest.mark.parametrize(("typed", "claim"), [
    ("was the meeting a negotiation or not", "The meeting was a negotiation."),
    ("the meeting was in tunisia, right", "The meeting was in tunisia."),
    ("They met in Tunisia, didn't they", "They met in Tunisia."),
])
def test_a_tag_typed_without_its_question_mark_is_a_tag(parser, typed, claim) -> None:
    # (Read before as "The meeting a negotiation or was not.")
    assert make_claim(typed, parser).text == claim


UNION = ("Port vote delayed. Before the vote, Velmar officials consulted shipping firms as well "
         "as officials from the Harbour Workers Federation, the insurgent dockers' governing "
         "union, according to the port authority.")


def test_what_a_thing_is_called_asks_its_name(parser) -> None:
    q = read_question("Besides the shippers, Velmar also consulted the dockers' leadership. "
                      "What is that body called?", parser)
    assert "call" not in q.focus and "docker" in q.focus


def test_a_rebel_is_an_insurgent(services) -> None:
    found = ask_over(services, "What is the rebel dockers' governing union called?", [UNION])
    assert found.verdict.value == "ANSWERED", found.text
    assert "Harbour Workers Federation" in found.text
