""""Which news organization does the article rely on for X's comments?", "What is the source
of X's comments?": who reports the words asked about, as "Per which agency ...?" asks; a
party's comments are what a sentence says it said."""

from __future__ import annotations

import pytest

from ..conftest import ask_over

STRIKE = ("Port Strike Talks Stall\n\n"
          "Dockworkers at the port of Antwerp extended their strike on Monday, the union said.\n\n"
          "\u201cWe will stay out until the pay cuts are withdrawn,\u201d said the union's "
          "spokeswoman, Marie Claes, Reuters reported.\n\n"
          "The port authority said it expected talks to resume on Thursday.")


def test_the_source_the_article_relies_on_for_a_party_s_comments(services) -> None:
    answer = ask_over(services, "Which news agency does the article rely on for Marie Claes's "
                      "comments?", [STRIKE])
    assert answer.verdict.value == "ANSWERED", answer.text
    assert answer.text.startswith("Reuters"), answer.text


def test_the_source_of_a_party_s_comments(services) -> None:
    answer = ask_over(services, "What is the source of Marie Claes's comments?", [STRIKE])
    assert answer.verdict.value == "ANSWERED", answer.text
    assert answer.text.startswith("Reuters"), answer.text


REPORT = ("Ferry Talks Collapse\n\n"
          "Talks between the Kessford ferry operator and its crews broke down on Tuesday in "
          "Marlow, a spokesman for the operator said.\n\n"
          "\u201cThe crews walked away from a fair offer,\u201d the spokesman said.\n\n"
          "The crews' union, the Kessford Seafarers Guild, represents 400 workers on the "
          "union's three routes.\n\n"
          "The crews' union described the offer as an insult, according to the Harbour Post.\n\n"
          "The operator's spokesman said the union had been offered a 4 per cent rise, "
          "according to the Kessford Gazette.\n\n"
          "No date has been set for new talks.")


@pytest.mark.parametrize("question, start", [
    # Where a story got its words from is an outlet, not a place.
    ("Where did the article get the union's side of the story?", "The Harbour Post"),
    # Two sentences say whom they have their words from; in one of them the union speaks.
    ("Which newspaper did the article rely on for the union's side of the story?",
     "The Harbour Post"),
    ("What newspaper reported the union's view?", "The Harbour Post"),
    # (where the talks broke down is still a place)
    ("Where did the ferry talks break down?", "Marlow"),
])
def test_whom_a_side_of_the_story_is_from(services, question: str, start: str) -> None:
    answer = ask_over(services, question, [REPORT])
    assert answer.verdict.value == "ANSWERED", answer.text
    assert answer.text.startswith(start), answer.text
