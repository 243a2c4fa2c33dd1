"""Open questions read for what they ask: "Which hotel ...?" asks for a hotel, and where no
sentence names one nothing answers it (a noun made of a verb, "what impression ...?", is
answered by a clause); a date before a noun ("the March 3 signing") tells which one, and
a sentence may speak of it without the date; "sit-down" is one word; each side's own best
account is shown, however it ranks against the other side's; a town and the county of its
name are two places, each answered; "the Americans" asked are the "U.S." of a speaker;
whom a sentence telling of a deed is "according to" reports the deed, not does it; the
words of the type asked ("which news agency") are no words to find; and whom one meets is
whom one meets with; a quoted "we" is the speaker's side."""

from __future__ import annotations

from bot.engine.question_kind import read_question
from bot.pipeline import Verifier

from ..conftest import ask_over, check_answers

TALKS = ("Port Talks Were Not a Deal, Ministry Says\n\n"
         "Three senior ministry officials held talks March 3 with representatives of the "
         "dockworkers' union, which said today the meeting was a sign the ministry was ready "
         "to bargain.\n\n"
         "A ministry official said the meeting was not a negotiation and that there is no plan "
         "to hold another session. The officials came away with the sense that their message "
         "about the strike was understood, the official said.\n\n"
         "\u201cThis is a first step and we want to take further steps,\u201d said the union "
         "spokesman, Dag Orlo.\n\n"
         "The ministry closed its harbour office in Ostrova in January.\n\n"
         "Disclosure of the meeting came first in Velden, where a union spokesman described it "
         "as a first step.")


def test_a_kind_no_sentence_names_is_not_answered(services) -> None:
    for question in ("Which hotel were the talks held in?", "What language was the meeting "
                     "held in?"):
        answer = ask_over(services, question, [TALKS])
        assert answer.verdict.value == "NOT_ENOUGH_INFO", (question, answer.text)
        assert not answer.citations


def test_a_kind_a_sentence_names_is_answered(services) -> None:
    answer = ask_over(services, "Which hotel were the talks held in?",
                      [TALKS + "\n\nThe talks were held at the Harbour Crown Hotel in Velden."])
    assert answer.verdict.value == "ANSWERED", answer.text
    assert "Harbour Crown Hotel" in answer.text


def test_a_noun_made_of_a_verb_is_answered_by_a_clause(services) -> None:
    answer = ask_over(services, "What impression did the officials come away with?", [TALKS])
    assert answer.verdict.value == "ANSWERED", answer.text
    assert any("message about the strike was understood" in c.quote for c in answer.citations)


def test_a_date_before_a_noun_tells_which_one(services, parser) -> None:
    # A sentence need not give the date to speak of the meeting; "in March" is still asked.
    assert "march" not in read_question("Where was the March 3 meeting first made public?",
                                        parser).proper
    assert "march" in read_question("What began over Corvia in March?", parser).proper
    answer = ask_over(services, "Where was the March 3 meeting first made public?", [TALKS])
    check_answers(answer, "ANSWERED", ["Velden"], ["Ostrova"])


def test_sit_down_is_one_word(parser) -> None:
    question = read_question("Which groups did the envoys consult ahead of the sit-down?", parser)
    assert "sit-down" in question.focus and "ahead" not in question.focus


def test_sit_down_is_a_meeting(services) -> None:
    answer = ask_over(services, "When was the sit-down?", [
        "Ferry Row Ends\n\nOn Tuesday the harbour board opened a new ferry terminal, and its "
        "chair, Anja Brell, cut the ribbon.\n\nOn Wednesday two trade envoys, Ilse Marren and "
        "Tomas Ostrander, held talks with the port authority on the ferry dispute."])
    check_answers(answer, "ANSWERED", ["Wednesday"], ["Tuesday"])


def test_each_side_gives_its_own_best_account(services) -> None:
    answer = ask_over(services, "What do both sides say about further meetings?", [TALKS])
    assert answer.verdict.value == "DISPUTED", answer.text
    quotes = " ".join(c.quote for c in answer.citations)
    assert "no plan to hold another session" in quotes
    assert "union" in answer.text.lower()


def test_a_town_and_its_county_are_two_places(services) -> None:
    answer = ask_over(services, "What is the median income for a family in Harlow?", [
        "Harlow, Corvia. The median income for a household in the city was $25,714, and the "
        "median income for a family was $31,250. Males had a median income of $29,750.",
        "Harlow County. The median income for a household in the county was $29,312, and the "
        "median income for a family was $34,753. Males had a median income of $30,228."])
    check_answers(answer, "ANSWERED", ["31,250", "34,753"], [])


def test_whom_a_sentence_is_according_to_only_reports_the_deed(services) -> None:
    text = ("Disclosure of the deal came first in Marsholm, where a harbour board spokesman "
            "described the deal as a fresh start, according to the Corvia Herald.")
    answer = ask_over(services, "Who first revealed the deal?", [text])
    assert answer.verdict.value == "ANSWERED", answer.text
    assert "spokesman" in answer.text and "Herald" not in answer.citations[0].answer
    # Asked who reported it, the one it is according to is the answer.
    answer = ask_over(services, "Who reported the disclosure of the deal?", [text])
    assert "Corvia Herald" in answer.text


def test_a_people_asked_is_its_country_written_with_stops(services) -> None:
    answer = ask_over(services, "What did the Americans say about the tariff talks?", [
        "A U.S. Commerce Department official said the tariff talks were not a negotiation. A "
        "Corvian trade spokesman described the talks as a first step."])
    assert answer.verdict.value == "ANSWERED", answer.text
    assert "not a negotiation" in answer.citations[0].quote


def test_the_type_asked_is_no_word_to_find(parser) -> None:
    # "news" makes one word with "agency": the answer's type, which no sentence need say.
    question = read_question("Which news agency reported the remarks?", parser)
    assert "news" not in question.focus


def test_whom_one_meets_is_whom_one_meets_with(services) -> None:
    answer = ask_over(services, "Who did the envoys meet?", [
        "Before the talks, the envoys consulted diplomats attending the Harbour Forum meeting "
        "in Velden. On Tuesday the envoys met representatives of the dockworkers' union."])
    assert answer.verdict.value == "ANSWERED", answer.text
    assert "representatives of the dockworkers" in answer.text


def test_a_quoted_we_is_the_speakers_side(seeded_services) -> None:
    verifier = Verifier(seeded_services)
    # The Libyan spokesman's "we want to take further steps" is Libya's wish, not the U.S.'s.
    answer = verifier.verify("What does the U.S. want from Qaddafi?")
    assert "further steps" not in answer.text, answer.text
    answer = verifier.verify("What does Libya want?")
    assert answer.verdict.value == "ANSWERED" and "further steps" in answer.text, answer.text
