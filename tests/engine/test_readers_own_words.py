"""Questions a first reader puts in words of their own, read by what they ask: a party's own
sense of a thing is in the clause joined to what it told others; a name spelled another way
has the same first name; "want to clear up" asks what was cleared up; the name of an official
the documents leave unnamed is not another name in the sentence, and a word of a name ("State
Department") says nothing of the answer's kind; "what happens next, more talks or not" is what
comes next; "what happened in Dunmere on May 2" is the occasion there; "sat down with" is "met
with", "in person" is "face to face", an agency "carried" comments it reported, "set straight"
is "clear up"; a country's leader is the person the documents call its government after; what
a party says another wants is what that one wants, by its word; a name, not a place, is what
"which assistant minister" asks; "were X and Y bargaining" is X and Y's bargaining; the name of
another occasion is neither who met nor where, unless those asked about were at it; a person's
things are not another's; "which diplomats did they consult" asks whom they consulted; "the
disagreement between X and Y" is how they differ; what two sides say of "more talks" is what
each says lies ahead; "the headline" says only what it says."""

from __future__ import annotations

import pytest

from bot.engine.claims import make_claim
from bot.engine.leaders import by_name

from ..conftest import ask_over, check_text

TALKS = ("Envoys Meet Ostrevian Officials\n\n"
         "Three senior Velmoran officials held a secret meeting May 4 with representatives of "
         "Omar Haddani\u2019s government, which said the meeting was a sign of Velmoran "
         "willingness to negotiate.\n\n"
         "A Velmoran State Department official said the meeting was not a negotiation, and was "
         "intended only to deliver the message that Haddani must step down.\n\n"
         "Velmoran Ambassador Ivo Renn and Assistant Secretary of State Sara Vosk met with "
         "Ostrevian officials to clear up any misunderstanding about the Velmoran position, the "
         "official said.\n\n"
         "The official said that the meeting was not the start of talks and that there is no "
         "plan to hold another round. Velmoran diplomats told Ostrevians that during the "
         "meeting and came away with the sense that their message about Haddani was "
         "understood, said the official.\n\n"
         "An Ostrevian government spokesman described the meeting as a first step to restore "
         "trade, according to the Harbour Press Agency.\n\n"
         "\u201cWe want to take further steps,\u201d the spokesman said.\n\n"
         "Before the meeting, Velmoran officials consulted with diplomats from other nations "
         "attending the Coast Forum meeting May 2 in Dunmere.\n\n"
         "Velmora joined 30 other nations at the Dunmere meeting in deciding to recognize the "
         "Hill Council as the country\u2019s legitimate representatives.")
FORM = ("Envoys Meet\n\n"
        "The decision to hold face-to-face talks reflected Velmoran concern about the border, "
        "a ministry official said.")


@pytest.mark.parametrize(("question", "verdict", "given", "not_given"), [
    # the party's own sense of it, in the clause joined to what it told others
    ("How did the Velmoran diplomats feel the meeting went?", "ANSWERED",
     ["came away with the sense that their message about Haddani was understood"], []),
    ("What did the Velmoran diplomats tell the Ostrevians?", "ANSWERED",
     ["not the start of talks"], []),
    # a name spelled another way has the same first name
    ("whats qaddani's first name", "ANSWERED", ["Omar"], []),
    # what was to be cleared up, asked by the wish
    ("What did the Velmoran officials want to clear up?", "ANSWERED",
     ["any misunderstanding about the Velmoran position"], []),
    ("What were Renn and Vosk trying to set straight?", "ANSWERED",
     ["any misunderstanding about the Velmoran position"], []),
    # an official left unnamed has no name here, Haddani's is not it
    ("What is the name of the State Department official who described the meeting?",
     "NOT_ENOUGH_INFO", [], []),
    # what comes next, its choices after it
    ("what happens next, more talks between velmora and ostrevia or not", "DISPUTED",
     ["no plan to hold another round", "further steps"], []),
    # what took place where and when asked: the occasion
    ("What happened in Dunmere on May 2?", "ANSWERED", ["Coast Forum meeting"], []),
    ("Who sat down with the Ostrevian officials?", "ANSWERED", ["Ivo Renn"], []),
    ("Which news agency carried the Ostrevian spokesman's comments?", "ANSWERED",
     ["Harbour Press Agency"], []),
    # a country's leader, named as the documents name its government
    ("What does Velmora want Ostrevia's leader to do?", "ANSWERED", ["step down"], []),
    ("What does the Velmoran official say Velmora wants from Haddani?", "ANSWERED",
     ["step down"], []),
    # a title asks for a person
    ("Which assistant secretary of state took part in the talks?", "ANSWERED", ["Sara Vosk"],
     []),
    # the other occasion's name is not who met, its place is where those at it were met
    ("Who were the two parties at the secret meeting?", "ANSWERED", [],
     ["Coast Forum"]),
    ("Where did Velmoran officials consult the diplomats?", "ANSWERED", ["Dunmere"], []),
    # a person's representatives are not the country's
    ("who met haddani's reps", "ANSWERED", [], ["Hill Council"]),
    ("Which diplomats did the Velmoran officials consult?", "ANSWERED",
     ["diplomats from other nations"], []),
    # where two sides part, each side's account; what each says of more to come
    ("whats the disagreement between the velmorans and the ostrevians over whether the "
     "meeting counts as a negotiation", "DISPUTED",
     ["not a negotiation", "willingness to negotiate"], []),
    ("What do the two sides say about holding more talks after this one?", "DISPUTED",
     ["no plan to hold another round", "further steps"], []),
    # the headline says what it says
    ("What does the headline say about the meeting?", "ANSWERED",
     ["Envoys Meet Ostrevian Officials"], ["willingness"]),
])
def test_questions_in_readers_words(services, question, verdict, given, not_given) -> None:
    check_text(ask_over(services, question, [TALKS]), verdict, given, not_given)


def test_in_person_is_face_to_face(services) -> None:
    answer = ask_over(services, "Why did the Velmorans meet the Ostrevians in person?", [FORM])
    assert answer.verdict.value == "ANSWERED", answer.text
    assert "concern about the border" in answer.text, answer.text


def test_a_leader_is_named_only_where_the_documents_say_whose_government() -> None:
    seed = ("Envoys met representatives of Omar Haddani's government. An Ostrevian "
            "government spokesman spoke.")
    assert by_name("What did they tell Ostrevia's leader?", [seed]) == (
        "What did they tell Haddani?")
    assert by_name("What did they tell the Ostrevian leader?", [seed]) == (
        "What did they tell Haddani?")
    # who the leader is stays asked; another country's leader is not hers
    assert by_name("Who is Ostrevia's leader?", [seed]) == "Who is Ostrevia's leader?"
    assert by_name("What did Velmora's leader say?", [seed]) == "What did Velmora's leader say?"
    # two governments called after people: nothing says whose the office is
    assert by_name("What did Ostrevia's leader say?", [seed, "The Dorn administration spoke."]) \
        == "What did Ostrevia's leader say?"


def test_an_ing_word_after_names_is_the_verb_of_the_question(services) -> None:
    claim = make_claim("Were Velmora and Ostrevia bargaining in Carrow?", services.parser)
    assert claim.text == "Velmora and Ostrevia were bargaining in Carrow."
    claim = make_claim("Was the Carrow bombing in May?", services.parser)
    assert claim.text == "The Carrow bombing was in May."
