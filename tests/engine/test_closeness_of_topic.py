"""Closeness to a sentence on a story's topic is not support for a claim about it. A headline
names what a story is about, so a claim on that story is close to it however little of the
claim it says: closeness to a headline carries no claim, though its words still can ("Cider
maker to pay growers 12 percent more"). A claim that one side offered, promised or agreed to
something is carried only by a sentence with that deed: closeness does not say it was done,
and a sentence telling that two sides met, which shares their names with any claim of what
one did there ("offered a loan at the meeting"), tells only that they met, where and when."""

from __future__ import annotations

import pytest

from bot.engine.headings import is_headline
from bot.types import Candidate
from retrieval.types import Document, Span

from ..conftest import ask_over

MEETING = (
    "Fenwick growers and Halden Cider meet over apple prices\n"
    "By Mara Quill | Fenwick Courier | May 4, 2026\n\n"
    "The Fenwick Growers' Association met Halden Cider on Tuesday at the company's offices "
    "in Fenwick. The meeting lasted two hours.\n\n"
    "Neither side would say what had been discussed."
)
WORDED = MEETING.replace("Fenwick growers and Halden Cider meet over apple prices",
                         "Halden Cider to pay growers 12 percent more for apples")
BODY = (
    "Growers and cider maker meet\n\n"
    "The Fenwick Growers' Association met the managers of Halden Cider on Tuesday at the "
    "company's offices in Fenwick to discuss apple prices for the coming season.\n\n"
    "Halden Cider's chief executive, Ines Morrow, led the company's side at Tuesday's talks "
    "with the growers."
)
CLAIMED = (
    "Growers and cider maker meet\n\n"
    "Halden Cider's managers have since claimed that the growers threatened the harvest.\n\n"
    "\u201cOur growers are the heart of this company, and we want them to do well,\u201d "
    "said Ines Morrow, Halden Cider's chief executive."
)


@pytest.mark.parametrize(("claim", "text", "verdict"), [
    # A topical headline carries no outcome.
    ("Did Halden Cider agree to pay the growers more for their apples?", MEETING,
     "NOT_ENOUGH_INFO"),
    # A headline still says what its words say.
    ("Will Halden Cider pay the growers 12 percent more for apples?", WORDED, "SUPPORTED"),
    # "met on Tuesday at the offices" shares the parties' names with the claim, and tells
    # nothing of an offer ...
    ("Halden Cider offered the Fenwick Growers' Association a loan at the meeting.", BODY,
     "NOT_ENOUGH_INFO"),
    # ... while where and with whom they met is what it tells.
    ("The Fenwick Growers' Association met Halden Cider in Fenwick.", BODY, "SUPPORTED"),
    ("The meeting between the growers and Halden Cider took place at the company's offices.",
     BODY, "SUPPORTED"),
    # A sentence close to a claim of an offer or an agreement, without the deed, says
    # nothing of it.
    ("Halden Cider's managers agreed at the meeting that the growers could sell cider at the "
     "farm gate.", CLAIMED, "NOT_ENOUGH_INFO"),
    ("Halden Cider offered the growers a bonus for the harvest.", CLAIMED, "NOT_ENOUGH_INFO"),
    ("Ines Morrow said the growers are the heart of the company.", CLAIMED, "SUPPORTED"),
])
def test_closeness_to_the_topic(services, claim: str, text: str, verdict: str) -> None:
    answer = ask_over(services, claim, [text])
    assert answer.verdict.value == verdict, answer.text


def _candidate(text: str, start: int, end: int) -> Candidate:
    doc = Document(doc_id="d", title="t", source="s", text=text)
    return Candidate(doc, Span(start, end), 0, 0.5)


def test_what_counts_as_a_headline() -> None:
    first = MEETING.index("\n\n")
    assert is_headline(_candidate(MEETING, 0, first))
    body = MEETING.index("The Fenwick")
    assert not is_headline(_candidate(MEETING, body, body + 40))
    # A first line that is a sentence, or a text of one line, opens with no headline.
    assert not is_headline(_candidate("The board met. It agreed.\n\nMore.", 0, 14))
    assert not is_headline(_candidate("William Carrier (footballer) William Carrier was", 0, 20))
