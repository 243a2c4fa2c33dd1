"""Answer values compare after normalising numbers, dates and names."""

from __future__ import annotations

import pytest

from bot.engine.normalise import agree, key, states


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        ("3,559", "3559 people", "NUMBER"),
        ("about 1,700", "1700", "NUMBER"),
        ("1.8 million packs", "1,800,000", "NUMBER"),
        ("nine days", "9 days", "DURATION"),
        ("July 16", "16 July 2011", "DATE"),
        ("1902", "September 19, 1902", "DATE"),
        ("Gene Cretz, Jeffrey Feltman and Derek Chollet", "Cretz", "PERSON"),
        ("the Associated Press", "AP", "ORG"),
        ("Ambassador Dorian Malesh", "Malesh", "PERSON"),
    ],
)
def test_same_answer_written_differently_agrees(a: str, b: str, kind: str) -> None:
    assert agree(key(a, kind), key(b, kind))


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        ("3,559", "10,000", "NUMBER"),
        ("212 passengers", "312 passengers", "NUMBER"),
        ("3 March 2019", "3 March 2017", "DATE"),
        ("July 16", "July 15", "DATE"),
        ("Miriam Ostrander", "Peter Halvorsen", "PERSON"),
        ("Halvik", "Tessaro", "PLACE"),
    ],
)
def test_different_answers_conflict(a: str, b: str, kind: str) -> None:
    assert not agree(key(a, kind), key(b, kind))


def test_states_finds_an_answer_in_other_words() -> None:
    assert states("The town has 3559 residents.", "3,559")
    assert states("It was built in 1902 [1].", "1902")
    assert not states("The town has 3,560 residents.", "3,559")


def test_a_weekday_is_read_against_the_date_the_document_was_published() -> None:
    # 2026-06-25 is a Thursday: "on Wednesday" in its report is June 24; looking ahead,
    # "will vote on Wednesday" is July 1.
    assert agree(key("Wednesday night", "DATE", "2026-06-25"), key("June 24", "DATE"))
    assert key("on Wednesday", "DATE", "2026-06-25", ahead=True) == "d:2026-7-1"
    assert key("Thursday", "DATE", "2026-06-25") == "d:2026-6-25"
    assert not agree(key("Wednesday", "DATE", "2026-06-25"), key("June 23", "DATE"))
    assert key("Wednesday", "DATE") == "d:*-*-wednesday"  # undated: left as said


def test_a_weekday_ahead_on_its_own_weekday_is_that_day_or_a_week_on() -> None:
    # 2026-07-17 is a Friday: "will resume on Friday" in that day's paper may be either day,
    # so it agrees with the next day's "Friday" (July 24) and with a date on a Friday only.
    friday = key("Friday", "DATE", "2026-07-17", ahead=True)
    assert agree(friday, key("Friday", "DATE", "2026-07-18", ahead=True))
    assert agree(friday, key("17 July 2026", "DATE"))
    assert not agree(friday, key("July 23, 2026", "DATE"))
