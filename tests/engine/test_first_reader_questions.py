"""More questions a first reader types, read by what they ask: "no plan to hold another
round" is no purpose; a deed "with" several people names them all; a deed done to something
else answers no question about it; "What comes next?" is what each side says lies ahead; "the
rebels" are a party that can react, and say nothing here; "exactly" asks nothing more; "us"
before a word the documents write after "U.S." is the country, written as they write it; when a
thing took place is read from its own words, not from a verb a word of it matched; the form
talks took is the way they were held; where parties differ, each side's account; "the point
of" a thing is its purpose; "whose" may be answered by a body named by its owner."""

from __future__ import annotations

import pytest

from bot.engine.casing import spelled_out, true_case

from ..conftest import ask_over, check_text

TALKS = ("Envoys Meet Ostrevian Officials\n\n"
         "Three senior Velmoran officials held a secret meeting May 4 with representatives of "
         "the Ostrevian government, which said the meeting was a sign of Velmoran willingness "
         "to negotiate.\n\n"
         "A Velmoran foreign ministry official said the meeting was intended only to deliver "
         "the message that the blockade must end.\n\n"
         "The official said that the meeting was not the start of talks and that there is no "
         "plan to hold another round.\n\n"
         "An Ostrevian spokesman described the meeting as a first step to restore trade, "
         "according to the Harbour Press Agency.\n\n"
         "\u201cWe want to take further steps,\u201d the spokesman said.\n\n"
         "Before the meeting, Velmoran officials consulted with diplomats from other nations "
         "attending the Coast Forum meeting May 2 in Dunmere as well as with leaders of the "
         "Free Hills Council, the rebel governing body.\n\n"
         "The Coast Guard is leading a patrol campaign off Ostrevia.")


FORUM = ("Envoys Consult Before Talks\n\n"
         "Before the talks, Velmoran officials consulted with diplomats attending the Coast "
         "Forum meeting in Dunmere.\n\n"
         "The talks with Ostrevian officials followed a week later.")
HELD = ("Guards Held\n\n"
        "A unit of the 4th Frontier Battalion detained three individuals, two Velmoran guards "
        "and a driver, near the bridge on Tuesday.")
FORM = ("Envoys Meet\n\n"
        "The decision to hold face-to-face talks reflected Velmoran concern about the border, "
        "a ministry official said.\n\n"
        "The secret talks were held in Carrow on May 4 to settle the border dispute.")
OWNED = ("Envoys in Carrow\n\n"
         "Two Velmoran envoys met representatives of Marta Kell's government in Carrow on "
         "Monday.")
SAID = ("Secret Talks Held\n\n"
        "Three senior Velmoran officials held a secret meeting May 4 with representatives of the "
        "Ostrevian government, which said today the development was a sign of Velmoran "
        "willingness to negotiate with it.")


@pytest.mark.parametrize(("text", "question", "verdict", "given", "not_given"), [
    # a plan denied is no purpose
    (TALKS, "What was the meeting intended to do?", "ANSWERED", ["deliver the message"],
     ["another round"]),
    # all whom one deed was "with"
    (TALKS, "Whom did Velmoran officials consult before the meeting?", "ANSWERED",
     ["diplomats from other nations", "leaders of the Free Hills Council"], []),
    # a count that opens the sentence is no name
    (TALKS, "How many senior officials held the secret meeting?", "ANSWERED",
     ["three, according"], []),
    # stress on an open question asks nothing more
    (TALKS, "What exactly is the Free Hills Council?", "ANSWERED", ["rebel governing body"], []),
    # "is leading a patrol campaign" answers no question about who led the delegation
    (TALKS, "Who headed the Ostrevian delegation at the meeting?", "NOT_ENOUGH_INFO", [], []),
    (TALKS, "Who is leading the patrol campaign?", "ANSWERED", ["Coast Guard"], []),
    # ... but people may be called anything: "three individuals" may be "the men"
    (HELD, "Which battalion detained the men?", "ANSWERED", ["Frontier Battalion"], []),
    # the agency cited for a party's account
    (TALKS, "Which news agency is cited for the Ostrevian government's account?", "ANSWERED",
     ["Harbour Press Agency"], []),
    # a party that says nothing has no reaction
    (TALKS, "How did the rebels react to the meeting?", "NOT_ENOUGH_INFO", [], []),
    # what comes next: what each side says lies ahead
    (TALKS, "What comes next after the meeting?", "DISPUTED",
     ["no plan to hold another round", "further steps"], []),
    # "diplomats attending the Coast Forum meeting in Dunmere": where they were
    (FORUM, "Where did Velmoran officials consult diplomats?", "ANSWERED", ["Dunmere,"], []),
    # the form talks took is the way they were held, not that they were secret
    (FORM, "What form did the talks take?", "ANSWERED", ["face-to-face talks"], ["secret"]),
    # whose they are: the body, named by its owner
    (OWNED, "Whose representatives did the envoys meet?", "ANSWERED",
     ["Marta Kell's government"], []),
    # where parties "differ", each side's account
    (TALKS, "How do the two sides differ on the meeting?", "DISPUTED",
     ["not the start of talks", "willingness to negotiate"], []),
    # "to negotiate" is a word for "talks", but "today" is when the government spoke
    (SAID, "When did the secret talks take place?", "ANSWERED", ["May 4,"], ["today"]),
])
def test_what_a_first_reader_asks(services, text, question, verdict, given, not_given) -> None:
    check_text(ask_over(services, question, [text]), verdict, given, not_given)


def test_us_before_a_word_written_after_the_country_is_the_country() -> None:
    texts = ["Three senior U.S. officials met the envoys. The U.S. closed its embassy."]
    assert true_case("how many us officials met the envoys", texts).startswith(
        "How many U.S. officials")
    assert "the U.S. close" in true_case("when did the us close its embassy", texts)
    assert true_case("was the us worried", ["Two US officials met the envoys."]) == (
        "Was the US worried")
    assert true_case("what did the envoys tell us", texts).endswith("tell us")


def test_stress_words_are_dropped_from_open_questions_only() -> None:
    assert spelled_out("When exactly was the meeting held?") == "When was the meeting held?"
    assert spelled_out("what is the council, exactly") == "what is the council"
    assert spelled_out("who actually attended the meeting") == "who attended the meeting"
    assert spelled_out("Was it exactly a negotiation?") == "Was it exactly a negotiation?"


def test_the_point_of_a_thing_is_its_purpose() -> None:
    assert spelled_out("What was the point of the meeting?") == (
        "What was the purpose of the meeting?")
    assert spelled_out("At what point did the talks begin?") == (
        "At what point did the talks begin?")
