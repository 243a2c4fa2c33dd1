"""The time between two events: each event's date is read on its own and the answer reckoned
from the two, both cited; nothing is reckoned from a date given less precisely than asked."""

from __future__ import annotations

import pytest

from bot.engine.intervals import interval_asked, reckon

from ..conftest import ask_over

STRIKE = ("Ferry Talks Resume\n\n"
          "Union leaders met the ferry operator on May 19 in Kessford, the union said.\n\n"
          "The strike began on April 28.\n\n"
          "Before the talks, union members voted on May 12 to back their leaders.")


@pytest.mark.parametrize(("question", "opening"), [
    ("How many days after the strike began did union leaders meet the ferry operator?",
     "21 days after: May 19"),
    ("Did union members vote before or after the talks?", "Before: May 12"),
    ("How many weeks before the talks did union members vote?", "One week before: May 12"),
])
def test_time_between_two_dated_events(services, question, opening) -> None:
    answer = ask_over(services, question, [STRIKE])
    assert answer.verdict.value == "ANSWERED", answer.text
    assert answer.text.startswith(opening), answer.text
    assert len(answer.citations) == 2, answer.citations  # each date cited


def test_the_questions_each_event_is_asked_by() -> None:
    asked = interval_asked("How many days before the secret meeting did the contact group meet?")
    assert asked is not None
    assert (asked.event, asked.reference, asked.relation, asked.unit) == (
        "When did the contact group meet?", "When did the secret meeting take place?",
        "before", "day")
    asked = interval_asked("how many months into the bombing did the talks happen")
    assert asked is not None and asked.reference == "When did the bombing begin?"
    asked = interval_asked("How long after the embassy closed was the meeting held?")
    assert asked is not None and asked.reference == "When did the embassy close?"
    assert interval_asked("How many days did the talks last?") is None


def test_reckoned_only_to_the_precision_the_dates_give() -> None:
    asked = interval_asked("How many days before the meeting did the group meet?")
    assert asked is not None
    assert reckon(asked, "July 15", "July 16") == "One day before"
    assert reckon(asked, "July 17", "July 16") == "One day after, not before"
    assert reckon(asked, "July", "July 16") is None  # a month says no day
    months = interval_asked("How long after the bombing began was the meeting held?")
    assert months is not None
    assert reckon(months, "July 16", "March") == "About four months after"
    assert reckon(months, "16 July 2012", "March 2011") == "About 16 months after"
