"""Open questions in the shapes people type them: the question word where the answer would
stand, a topic then a question about "they", a post asked with the verb that holds it, and
questions about what is still to come."""

from __future__ import annotations

from bot.engine.question_kind import is_open, read_question
from bot.pipeline import Verifier

from ..conftest import titled, verifier_over

FORUM = titled(
    "Harbour forum meets in Kessford",
    "The Harbour Forum met in Kessford on 3 May to discuss dredging. Deputy Harbour Master "
    "Tomas Brandt of the Kessford Port Authority said the talks went well. ",
)
AHEAD = " The forum will meet again in Darrow on 9 October."


def test_the_question_word_where_the_answer_stands_asks(parser) -> None:
    assert is_open("tomas brandt works for which body", parser)
    assert is_open("the forum met where", parser)
    assert is_open("the forum met where?", parser)
    assert is_open("the harbour forum - who are they", parser)
    # a relative "which" and a plain statement ask nothing
    assert not is_open("The talks which followed", parser)
    assert not is_open("The forum met in Kessford, the port said", parser)


def test_a_topic_then_a_question_about_they_asks_about_the_topic(parser) -> None:
    q = read_question("the harbour forum - who are they", parser)
    assert {"harbour", "forum"} <= set(q.focus)


def test_a_post_asked_with_the_verb_that_holds_it(parser, services) -> None:
    for question in ("What position does Tomas Brandt hold at the Kessford Port Authority?",
                     "In what capacity is Tomas Brandt quoted in the article?"):
        assert read_question(question, parser).expects == "ROLE", question
    verifier = verifier_over(services, [FORUM])
    answer = verifier.verify(
        "What position does Tomas Brandt hold at the Kessford Port Authority?")
    assert answer.verdict.value == "ANSWERED"
    assert "Deputy Harbour Master" in answer.text, answer.text


def test_what_is_still_to_come_is_not_answered_by_what_was(services) -> None:
    verifier = verifier_over(services, [FORUM])
    answer = verifier.verify("When will the Harbour Forum meet next?")
    assert answer.verdict.value == "NOT_ENOUGH_INFO", answer.text
    assert answer.citations == ()


def test_what_is_still_to_come_is_answered_by_a_sentence_that_looks_ahead(services) -> None:
    later = titled(FORUM.title, FORUM.text + AHEAD)
    answer = verifier_over(services, [later]).verify("When will the Harbour Forum meet next?")
    assert answer.verdict.value == "ANSWERED"
    assert "October" in answer.text
    assert any("9 October" in c.quote for c in answer.citations)


def test_a_past_next_is_no_question_about_the_future(parser) -> None:
    assert read_question("When will the forum meet next?", parser).ahead
    assert read_question("When is the next meeting?", parser).ahead
    assert not read_question("What did the forum decide the next day?", parser).ahead


ENVOYS = titled(
    "Envoys meet in Kessford",
    "The Harbour Forum, a council of the region's port towns, hosted the talks. Velmoran "
    "officials Anke Roos and Piet Vos met Ostrevian envoys in Kessford on 3 May. Before the "
    "talks, Velmoran diplomats consulted officials from the Harbour Forum at its yearly "
    "meeting. Port Authority staff member Lena Sorg said the talks went well.",
)


def test_who_a_named_body_is_asks_what_it_is(parser, services) -> None:
    assert read_question("Who is the Harbour Forum?", parser).expects == "ROLE"
    # a post still asks for the person who holds it
    assert read_question("Who was the U.S. Ambassador to Libya?", parser).expects == "PERSON"
    answer = verifier_over(services, [ENVOYS]).verify("Who is the Harbour Forum?")
    assert answer.verdict.value == "ANSWERED"
    assert "council of the region's port towns" in answer.text, answer.text


def test_the_body_whose_staff_is_asked_about_is_the_answer(services) -> None:
    answer = verifier_over(services, [ENVOYS]).verify("lena sorg is on the staff of which body")
    assert answer.verdict.value == "ANSWERED"
    assert "Port Authority" in answer.text, answer.text


def test_which_people_did_the_deed_asks_for_its_doers(services, seeded_services) -> None:
    answer = verifier_over(services, [ENVOYS]).verify("Which officials met the Ostrevian envoys?")
    assert answer.verdict.value == "ANSWERED"
    assert "Anke Roos" in answer.text, answer.text
    # On the seed article a sentence on officials "from the Transitional National Council"
    # that U.S. officials consulted before "the Libya Contact Group meeting" is closer in
    # meaning; "which officials" is still the subject of "met".
    answer = Verifier(seeded_services).verify("Which officials met the Libyans?")
    assert "Gene Cretz" in answer.text, answer.text
