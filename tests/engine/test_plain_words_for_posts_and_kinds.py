"""Plain questions a first reader asks: what a party told someone a person "had to do" (whom
it told, then what, with no "that"); a department asked with its kind's words ("Which
government department ...?"); a post asked with a word qualifying it ("diplomatic rank");
"sound out" for consult; "Which parties ...?" asking who took part; "What is the CC?" answered
with the name in full and what the text sets beside it;
"Who rules Vardia?", "Who is the leader of Vardia?": the one its government is named after.
"What expression did X use ...?" asks for its words. On pages: a husband by whom she married,
a school's gender said as its kind ("an all-girls school"), a film's language said as what it
is "in", and a region or province by the name beside the word ("the Kessa Valley region")."""

from __future__ import annotations

import pytest

from ..conftest import ask_over, check_text
from .test_readers_words_for_parties_and_occasions import ask_story

# (question, verdict, words the answer gives, words it must not give)
CASES = [
    # whom they told, then what he had to do, with no "that" between them
    ("What did the Norwegians tell Olsen's representatives he had to do?", "ANSWERED",
     ["step down"], []),
    # "government department": the department, of the source that went unnamed
    ("Which government department is the unnamed Norwegian source from?", "ANSWERED",
     ["Foreign Ministry"], ["Vardian government"]),
    # a post asked with a word that qualifies it
    ("What is Hansen's diplomatic rank?", "ANSWERED", ["Ambassador"], []),
    # "sound out" is consult; "which parties" asks who
    ("Which parties did the Norwegians sound out before the talks?", "ANSWERED",
     ["Coastal Council"], []),
    # "which parties" asks who, as people or bodies: whom they met
    ("Which parties did the Norwegians meet?", "ANSWERED", ["Vardian officials"], []),
    # a short form asked what it is: in full, and what the text sets beside it
    ("What is the CC?", "ANSWERED", ["Coastal Council", "rebel governing group"], []),
    # a country's ruler, by a verb of ruling or by office: the one its government is named
    # after, not one "leading" something over it
    ("Who leads Vardia?", "ANSWERED", ["Jan Olsen"], ["NATO"]),
    ("Who is the leader of Vardia?", "ANSWERED", ["Jan Olsen"], []),
    ("Who runs the Vardian government?", "ANSWERED", ["Jan Olsen"], []),
    # the words a party used for the talks, asked as its "expression"
    ("What expression did Vardia use to describe the talks?", "ANSWERED", ["first step"], []),
]


@pytest.mark.parametrize(("question", "verdict", "given", "not_given"), CASES,
                         ids=[c[0] for c in CASES])
def test_story(services, question, verdict, given, not_given) -> None:
    check_text(ask_story(services, question), verdict, given, not_given)


def test_what_a_short_form_stands_for_is_its_name_alone(services) -> None:
    answer = ask_story(services, "What does CC stand for?")
    check_text(answer, "ANSWERED", ["Coastal Council"], ["rebel governing group"])


PAGES = [
    "Vela Dorn ( singer ) Vela Dorn ( born 1970 ) is an Osmarian singer of church cantatas . "
    "She is married to the conductor Aron Pell , with whom she founded a summer festival .",
    "Kessa Grammar School Kessa Grammar School is an all-girls grammar school in Kessa , "
    "founded in 1702 . It has about 600 pupils .",
    "Salt Winter Salt Winter is a 1997 Osmarian drama film directed by Ina Rask . The film is "
    "in Orvish , with a few scenes in the old dialect of the islands .",
    "Dunmore Dunmore is a village in the Kessa Valley region of Osmaria , with 800 "
    "inhabitants .",
    "Orla Orla is a fishing port in the province of Dask , in northern Osmaria .",
]


@pytest.mark.parametrize(("question", "given", "not_given"), [
    # a husband is whom she married
    ("Who is the husband of Vela Dorn?", ["Aron Pell"], []),
    # the gender of a school's pupils, said as the school's kind
    ("What gender is the student body of Kessa Grammar School?", ["all-girls"], []),
    # the language a film is "in", not its kind or its country's word
    ("What is the language of the film Salt Winter?", ["Orvish"], ["drama"]),
    # a country's part asked by its kind: the name that goes with the word, not the country
    ("What is the region of Dunmore?", ["Kessa Valley"], ["Osmaria"]),
    ("Which province is Orla in?", ["Dask"], ["Osmaria"]),
])
def test_pages(services, question, given, not_given) -> None:
    check_text(ask_over(services, question, PAGES), "ANSWERED", given, not_given)
