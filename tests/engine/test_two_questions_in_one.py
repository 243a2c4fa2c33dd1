"""Two questions asked in one ("what is the aim of the strikes and when did they start",
"which city, which day?"): each is answered, the second as a follow-up of the first, and the
answers are given side by side; a clause that only contains a question word is no second
question."""

from __future__ import annotations

from bot.engine.question_kind import two_questions

from ..conftest import titled, verifier_over

PORT = titled(
    "Port strike",
    "The Kessford dockers began a strike in March to win a pay rise. The Harbour Forum met on "
    "2 May in Darrow to discuss the strike.",
)


def test_two_questions_are_told_apart(parser) -> None:
    assert two_questions("What is the aim of the strike and when did it begin?", parser) == (
        "What is the aim of the strike?", "When did it begin?")
    assert two_questions("the harbour forum meeting - which city, which day?", parser) == (
        "the harbour forum meeting - which city?", "Which day?")
    assert two_questions("Where was the plan revealed, and by whom?", parser) == (
        "Where was the plan revealed?", "By whom?")
    # "when and where": both asked of what follows
    assert two_questions("When and where was the forum held?", parser) == (
        "When was the forum held?", "Where was the forum held?")
    # a clause with a question word in it is part of one question
    assert two_questions("What is the difference between the plan and what the minister "
                         "said?", parser) is None
    assert two_questions("Who attended the forum?", parser) is None
    assert two_questions("Did they meet, and where?", parser) is None  # not an open question


def test_each_question_is_answered_side_by_side(services) -> None:
    answer = verifier_over(services, [PORT]).verify(
        "Which city hosted the Harbour Forum, and on what date?")
    assert answer.verdict.value == "ANSWERED", answer.text
    assert "Darrow" in answer.text and "2 May" in answer.text
    assert answer.kind == "question"


def test_one_question_answered_is_answered(services) -> None:
    answer = verifier_over(services, [PORT]).verify(
        "When did the dockers begin their strike, and who leads their union?")
    assert answer.verdict.value == "ANSWERED", answer.text
    assert "March" in answer.text
