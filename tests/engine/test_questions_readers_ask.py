"""Plain questions a first reader asks, read by principles rather than by wording: a list of
names is read whole along the text, and a post picks one of them only when the question asks
by that post (not by its verb, nor by the country all of them serve); a meeting named by its
place is the one a sentence tells of without a name ("held a meeting", "met with"), and a
date set on another occasion ("the Contact Group meeting July 15") is not its date; "what was
the meeting about" and "what was discussed there" ask what it was for; "according to those
involved" asks each side; the capital of a country is a place a sentence must call so; "what
does X do" asks X's post; those a question sets aside ("besides X") are left out; a noun's
infinitive of what is willed ("willingness to negotiate") is no purpose; why a party did a
thing is that party's reason, not another side's; "a sign of?" asks what the sign is of;
"the three officials" are three names listed; a title or short form typed in lower case is
the documents' capitalised one."""

from __future__ import annotations

import pytest

from bot.engine.question_kind import is_open
from bot.pipeline import Verifier

from ..conftest import ask_over, check_text

STORY = ("Envoys Held Secret Talks, Velmora Says\n\n"
         "Three senior Velmoran officials held a secret meeting May 4 with representatives of "
         "Omar Haddani\u2019s government, which said the meeting was a sign of Velmoran "
         "willingness to negotiate.\n\n"
         "A Velmoran foreign ministry official said the meeting was not a negotiation, and was "
         "intended only to deliver the message that Haddani must step down.\n\n"
         "Velmoran Ambassador to Ostrevia Lena Brask, Deputy Foreign Minister Piet Olsson and "
         "treasury adviser Mara Quist met with Ostrevian officials to clear up any "
         "misunderstanding about the Velmoran position, the official said.\n\n"
         "Disclosure of the meeting came first in Dornik, where an Ostrevian government "
         "spokesman described the Kenya meeting as a \u201cfirst-step dialogue\u201d to repair "
         "ties between the two nations.\n\n"
         "Before the talks, Velmoran officials consulted with diplomats attending the Harbour "
         "Forum meeting May 3 in Lisko.\n\n"
         "The decision to hold face-to-face talks reflected Velmoran concern that Ostrevian "
         "officials wrongly thought Velmora would accept a role for Haddani.")


@pytest.mark.parametrize(("question", "verdict", "given", "not_given"), [
    # a post asked picks the one so titled
    ("Who is the Deputy Foreign Minister?", "ANSWERED", ["Piet Olsson"], ["Brask", "Quist"]),
    # the meeting named by its place is the one told of without a name
    ("Who attended the Kenya meeting?", "ANSWERED", ["Velmoran"], ["diplomats"]),
    ("Who attended the meeting?", "ANSWERED", ["Lena Brask, Piet Olsson and Mara Quist"],
     ["Haddani", "diplomats"]),
    ("When was the Kenya meeting?", "ANSWERED", ["May 4"], ["May 3"]),
    # what it was about, or discussed: what it was for, as each side tells it
    ("What was the meeting about?", "DISPUTED",
     ["repair ties", "deliver the message that Haddani must step down"], []),
    ("What did they discuss at the meeting?", "DISPUTED", ["repair ties"], []),
    # the sign the meeting is said to be, and no purpose read from a willingness
    ("What was the meeting a sign of?", "ANSWERED", ["Velmoran willingness to negotiate"], []),
    ("Why did the envoys meet Haddani's representatives?", "ANSWERED",
     ["deliver the message"], ["negotiate"]),
    # why Velmora did it is Velmora's reason, not the Ostrevian spokesman's
    ("Why did Velmora decide to meet the Ostrevians?", "ANSWERED", ["Velmoran concern"],
     ["repair ties"]),
    # the names listed make up the number asked
    ("Who were the three officials?", "ANSWERED",
     ["Lena Brask, Piet Olsson and Mara Quist"], []),
    # those set aside are left out of the list
    ("Besides Lena Brask, who attended the meeting?", "ANSWERED",
     ["Piet Olsson and Mara Quist"], ["Brask"]),
    ("Who attended the meeting apart from Quist?", "ANSWERED", ["Lena Brask and Piet Olsson"],
     ["Quist"]),
    # what a party wanted from it is what it was for, by that party's account
    ("What did the Ostrevians want from the meeting?", "ANSWERED", ["repair ties"],
     ["step down"]),
    ("What does Velmora want from Ostrevia?", "ANSWERED", ["Haddani must step down"], []),
    # the people consulted, with the words that say which they are
    ("Who did the Velmoran officials consult before the talks?", "ANSWERED",
     ["diplomats attending the Harbour Forum meeting"], []),
    # the headline, asked for itself; what is inside a belief the question puts
    ("What is the headline?", "ANSWERED", ["Envoys Held Secret Talks"], []),
    ("What did Ostrevia think Velmora would accept?", "ANSWERED", ["role for Haddani"], []),
    # a named group's kind word is part of its name, not the kind of answer asked
    ("What is the Harbour Forum?", "ANSWERED", ["Harbour Forum meeting"], ["Ostrevian"]),
    ("What does Mara Quist do?", "ANSWERED", ["treasury adviser"], ["Olsson"]),
    ("Who is Lena Brask?", "ANSWERED", ["Velmoran Ambassador to Ostrevia"], ["Olsson"]),
    # a title typed in lower case is the documents' capitalised one
    ("who is the deputy foreign minister", "ANSWERED", ["Piet Olsson"], ["Brask"]),
])
def test_questions_readers_ask(services, question, verdict, given, not_given) -> None:
    check_text(ask_over(services, question, [STORY]), verdict, given, not_given)


@pytest.mark.parametrize("question", [
    "What is the capital of Ostrevia?",
    # an official the story never names has no name to give
    "Who is the foreign ministry official?",
    "What stage of the talks does Velmora's parliament say the meeting marks?",
])
def test_what_no_sentence_says_is_not_answered(services, question) -> None:
    answer = ask_over(services, question, [STORY])
    assert answer.verdict.value == "NOT_ENOUGH_INFO", answer.text


def test_those_involved_are_each_side(services) -> None:
    answer = ask_over(services, "What does the meeting mean, according to the people involved?",
                      [STORY])
    check_text(answer, "DISPUTED", ["not a negotiation", "first-step dialogue"], [])


def test_one_of_some_asked_without_a_question_mark_is_a_question() -> None:
    assert is_open("which of the three envoys is the ambassador")
    assert is_open("who of the officials was at the meeting")
    assert not is_open("which of course is what they said")


@pytest.mark.parametrize(("question", "given", "not_given"), [
    ("Who represented the U.S. at the meeting?",
     "Gene Cretz, Jeffrey Feltman and Derek Chollet", []),
    ("Who attended the Tunisia meeting?", "Gene Cretz, Jeffrey Feltman and Derek Chollet", []),
    ("When was the Tunisia meeting?", "July 16", ["July 15"]),
    ("whats the name of the rebels governing body", "Transitional National Council", []),
    ("name the three officials", "Gene Cretz, Jeffrey Feltman and Derek Chollet", []),
    # a short form typed in lower case: the initials of a name the documents write
    ("which nsc staffer attended the talks", "Derek Chollet", ["Cretz", "Contact Group"]),
    # a word in capitals at a sentence's start is still so written ("NATO is leading ...");
    # the word for a purpose is what is asked; why one is somewhere is what it does there for
    ("what is nato's goal", "pressure Qaddafi to step down", []),
    ("why is nato in libya", "pressure Qaddafi to step down", ["concern"]),
    ("What is the Libya Contact Group?", "Libya Contact Group meeting",
     ["The Transitional National Council, according"]),
    # a value that is a whole sentence says whom it is according to once
    ("how did the news of the meeting come out", "came first in Tripoli",
     ["according to the Associated Press, according to"]),
    ("Apart from the rebels, who did the Americans consult before the Tunisia meeting?",
     "diplomats from other nations attending the Libya Contact Group meeting",
     ["Transitional National Council"]),
])
def test_seed_questions_readers_ask(seeded_services, question, given, not_given) -> None:
    answer = Verifier(seeded_services).verify(question)
    check_text(answer, "ANSWERED", [given], not_given)


def test_the_capital_of_a_country_no_sentence_names_is_not_answered(seeded_services) -> None:
    answer = Verifier(seeded_services).verify("What is the capital of Libya?")
    assert answer.verdict.value == "NOT_ENOUGH_INFO", answer.text


@pytest.mark.parametrize(("question", "expects", "extra"), [
    ("What was the meeting about?", "REASON", {}),
    ("What did they discuss at the talks?", "REASON", {}),
    ("What does Derek Chollet do?", "ROLE", {}),
    ("What was the meeting a sign of?", "THING", {"wh_prep": "of"}),
    ("Besides Gene Cretz, who attended the meeting?", "PERSON", {"besides": ("gene", "cretz")}),
    ("Who attended the meeting other than Cretz?", "PERSON", {"besides": ("cretz",)}),
])
def test_how_such_questions_are_read(parser, question, expects, extra) -> None:
    from bot.engine.question_kind import read_question

    q = read_question(question, parser)
    assert q.expects == expects, q
    for key, value in extra.items():
        assert getattr(q, key) == value, q


def test_what_a_book_is_about_is_no_purpose(parser) -> None:
    from bot.engine.question_kind import read_question

    # only an occasion's "about" asks what it was for
    assert read_question("What was the report about?", parser).expects != "REASON"
    # "What did X do?" asks a deed, not a post
    assert read_question("What did Gene Cretz do?", parser).expects != "ROLE"
