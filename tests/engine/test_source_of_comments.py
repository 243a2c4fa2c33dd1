""""Which news organization does the article rely on for X's comments?", "What is the source
of X's comments?": who reports the words asked about, as "Per which agency ...?" asks; a
party's comments are what a sentence says it said."""

from __future__ import annotations

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
