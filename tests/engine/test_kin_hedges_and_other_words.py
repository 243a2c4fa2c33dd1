"""Questions and pages that say the same thing in other words: "Roughly how many ...?" asks as
"How many ...?" does; "passed away" is how a death is told too; "the son of X" says who his
father is, and his father's name shares his family name without being his; a book "written
in" a language is in it; whom a deed was done to answers "Who did they tell?", whatever the
tagger calls them; a position played "as a left back" is the whole of it. A page headed
"X ( organist )" is about the organist another page gives a life's years, not a namesake,
unless nothing on that page calls him one."""

from __future__ import annotations

import pytest

from bot.engine.question_kind import is_open

from ..conftest import ask_over, check_text, cited_quotes


@pytest.mark.parametrize("question", [
    "Roughly how many passengers did the Orsk ferry carry a day?",
    "Approximately how many passengers did the ferry carry?",
    "Exactly when did the ferry stop running?",
    "About how many crossings a day did it make",
])
def test_a_hedge_before_the_wh_word_still_asks(question) -> None:
    assert is_open(question)


def test_a_hedged_question_is_answered_not_judged(services) -> None:
    answer = ask_over(services, "Roughly how many passengers did the Orsk ferry carry a day?", [
        "The Orsk ferry carried about 1,200 passengers a day across the Dask estuary until "
        "the bridge opened in 1971 ."])
    check_text(answer, "ANSWERED", ["1,200"], [])


ORGANIST = ("Evan Tolliver Evan Tolliver ( 3 May 1880 – 4 March 1954 ) was a Daskian composer "
            "and organist . He was organist of Orsk Cathedral from 1912 until 1950 .")
ORGANIST_AGAIN = ("Evan Tolliver ( organist ) For almost four decades the music at Orsk was in "
                  "the hands of Tolliver , a shy man whose hymn tunes fill every chapel book . "
                  "He left the organ loft only when his eyesight failed , and he passed away "
                  "in 1949 , mourned by the choristers he had trained .")


def test_a_death_told_as_passing_away_and_a_heading_word_the_other_page_says(services) -> None:
    # "passed away" answers when he died; "( organist )" names the organist whose years the
    # other page gives: two accounts of one man, in dispute
    answer = ask_over(services, "When did Evan Tolliver die?", [ORGANIST, ORGANIST_AGAIN])
    assert answer.verdict.value == "DISPUTED", answer.text
    quotes = cited_quotes(answer)
    assert "1954" in quotes and "1949" in quotes, answer.text


def test_a_heading_word_the_other_page_never_says_still_tells_namesakes_apart(
        services) -> None:
    answer = ask_over(services, "When did Evan Tolliver die?", [
        "Evan Tolliver Evan Tolliver ( 3 May 1880 – 4 March 1954 ) was a Daskian footballer "
        "who played as a goalkeeper for Orsk Rovers .",
        ORGANIST_AGAIN])
    assert answer.verdict.value == "ANSWERED", answer.text
    assert "1954" in answer.text and "1949" in answer.text, answer.text


@pytest.mark.parametrize(("page", "father"), [
    # "the son of X": X is his father
    ("Corwin Orrel ( 1741 – 1808 ) was an Osmarian admiral . The son of Bram Orrel , a "
     "timber merchant of Dask , he went to sea at twelve .", "Bram Orrel"),
    # his father named with the family name they share: the father's whole name
    ("Pianist Corwin Orrel brings his trio to the quay club this weekend . He learned to "
     "play in the back room of the bakery run by his father , Hale Orrel .", "Hale Orrel"),
    # "the eldest boy of X"
    ("Corwin Orrel was the eldest boy of Wendel Orrel , a shipowner , and was sent to sea "
     "before his thirteenth birthday .", "Wendel Orrel"),
])
def test_a_father_named_by_his_child_or_sharing_the_name(services, page, father) -> None:
    check_text(ask_over(services, "Who is the father of Corwin Orrel?", [page]), "ANSWERED",
               [father], [])


def test_a_middle_name_is_still_the_person_asked(services) -> None:
    answer = ask_over(services, "When was Corwin Orrel born?", [
        "Corwin Orrel ( footballer ) Corwin Alasdair Orrel ( Dask , 18 December 1868 – 1923 ) "
        "was an Osmarian footballer who played for Orsk Rovers ."])
    check_text(answer, "ANSWERED", ["18 December 1868"], [])


def test_a_book_written_in_a_language_is_in_it(services) -> None:
    answer = ask_over(services, "What is the language of Nine Winters in Pallow?", [
        "Nine Winters in Pallow Nine Winters in Pallow is a 1977 novel by the Osmarian writer "
        "Ismene Karr , written in Valdic and since translated into fourteen languages ."])
    check_text(answer, "ANSWERED", ["Valdic"], ["novel"])


def test_whom_they_told_is_whom_the_deed_was_done_to(services) -> None:
    # "Vardians" is a people's word, not a person's name; it is still whom they told, not
    # the Olsen their message was about
    answer = ask_over(services, "Who did the Norwegian diplomats tell?", [
        "Norwegian diplomats told Vardians that during the meeting and came away with the "
        "sense that their message about Olsen was understood , the official said ."])
    check_text(answer, "ANSWERED", ["Vardians"], ["Olsen"])


def test_a_position_played_as_is_the_whole_of_it(services) -> None:
    answer = ask_over(services, "What position does Tam Rusk play?", [
        "Tam Rusk ( born 17 October 2000 ) is an Osmarian professional footballer who plays "
        "as a left back for Dask Town ."])
    check_text(answer, "ANSWERED", ["left back"], [])
