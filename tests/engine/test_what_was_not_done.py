"""What a sentence says was not done, withdrawn or since changed does not carry a claim.

"Refused to recognize", "held back from recognizing", "stopped short of recognizing" say the
recognizing was not done; a correction's "an earlier version of this report said X" withdraws
X; "unsafe" is the opposite of "safe"; a figure that has since changed ("now 1.8 million, up
from the 1.2 million announced") is no dispute between the sources that gave the old one and
the update. Sentences written for these tests, not taken from any evaluation file.
"""

from __future__ import annotations

import pytest

from bot.engine.claims import make_claim
from bot.engine.stance_rules import CHANGED_FROM
from bot.engine.verdict import decide
from bot.types import Attribution, Evidence, Stance, StanceScore, Verdict

RECOGNIZED = "The council recognized the new port authority."
MORE_TO_COME = ("The ministry said that the Oslo meeting was not the start of talks and that "
                "there is no plan to hold another session.")
REFUTES, SUPPORTS = Stance.REFUTES, Stance.SUPPORTS
NOT_REFUTES, NOT_SUPPORTS = "not REFUTES", "not SUPPORTS"

# (claim, sentence, how the rules must read it)
CASES = {
    # a deed said not to be done is denied, and its subject is its verb's
    "refused to": (RECOGNIZED, "The council refused to recognize the new port authority.",
                   REFUTES),
    "declined to": (RECOGNIZED, "The council declined to recognize the new port authority.",
                    REFUTES),
    "held back from": (RECOGNIZED,
                       "The council held back from recognizing the new port authority.", REFUTES),
    "stopped short of": (RECOGNIZED,
                         "The council stopped short of recognizing the new port authority.",
                         REFUTES),
    "refrained from": (RECOGNIZED,
                       "The council refrained from recognizing the new port authority.", REFUTES),
    "the deed denies a claim it was not done": (
        "The council held back from recognizing the new port authority.",
        "The council voted to recognize the new port authority in March.", REFUTES),
    "another deed does not deny it": (
        "The council did not recognize the new port authority.",
        "Before the vote, council members consulted officials from the new port authority.",
        NOT_REFUTES),
    "other deeds do not carry a denial": (
        "At the Riga meeting, the union held back from recognizing the harbour council.",
        "Before the talks, union officials consulted delegates attending the Baltic Ports "
        "meeting in Riga and officials from the harbour council.", NOT_SUPPORTS),
    "not just adds": ("The harbour can ship not just grain, but also timber.",
                      "The harbour ships grain and timber to the northern ports.", SUPPORTS),
    # a correction withdraws what the earlier version said; an earlier statement is no
    # correction
    "correction": ("Harlow shares fell 14 per cent on May 2.",
                   "Correction: An earlier version of this report said Harlow shares fell 14 "
                   "per cent on May 2.", REFUTES),
    "earlier statement": ("Harlow shares fell 14 per cent on May 2.",
                          "An earlier statement by the exchange said Harlow shares fell 14 per "
                          "cent on May 2.", SUPPORTS),
    # a word with a negative prefix is its opposite
    "unsafe / safe": ("The ferry pier is unsafe for passengers.",
                      "The harbour office said the ferry pier is safe for passengers.",
                      NOT_SUPPORTS),
    "legal / illegal": ("The strike was legal.", "A court ruled that the strike was illegal.",
                        NOT_SUPPORTS),
    # what is still to come is not done
    "due to vote": ("The council rejected the harbour plan.",
                    "The council is due to vote on the harbour plan on June 24.", NOT_SUPPORTS),
    # the date of another named meeting is not the claim's
    "another named meeting": (
        "The union's envoys met with the Latvian government on June 3.",
        "Before the talks, union officials consulted with delegates from other countries "
        "attending the Latvia Contact Group meeting June 2 in Riga.", NOT_REFUTES),
    # no plan for another one denies more to come
    "another round": ("There will be another round of talks between the union and the "
                      "ministry.", MORE_TO_COME, REFUTES),
    "more expected": ("More sessions between the union and the ministry are expected to "
                      "follow.", MORE_TO_COME, REFUTES),
    "further talks": ("Further talks will follow.", MORE_TO_COME, REFUTES),
    # an aim as the subject gives a purpose, which another purpose given as the only one
    # contradicts
    "the goal was to": (
        "The goal of the Oslo talks was to patch up relations between the union and the "
        "ministry.",
        "A ministry spokeswoman said the Oslo meeting was intended only to hand over a list "
        "of demands.", REFUTES),
}


@pytest.mark.parametrize("case", list(CASES))
def test_the_rules_read_what_was_not_done(rules, case: str) -> None:
    claim, sentence, want = CASES[case]
    [score] = rules.scores(claim, [sentence])
    if want == NOT_REFUTES:
        assert score.label is not REFUTES, score
    elif want == NOT_SUPPORTS:
        assert score.label is not SUPPORTS, score
    else:
        assert score.label is want, score


@pytest.mark.parametrize(
    ("question", "claim"),
    [
        # a noun the parser read as a verb after an inverted "is"
        ("Is the Oslo encounter the opening of a dialogue between the union and the ministry?",
         "The Oslo encounter is the opening of a dialogue between the union and the ministry."),
        # a "not" the parser hung on the subject still denies the predicate
        ("Was the Oslo meeting not a negotiation?", "The Oslo meeting was not a negotiation."),
    ],
)
def test_a_misread_question_is_put_right(parser, question: str, claim: str) -> None:
    assert make_claim(question, parser).text == claim


def _ev(quote: str, stance: Stance, cue: str, published: str | None) -> Evidence:
    return Evidence(doc_id=quote[:8], title="T", source="s", start=0, end=len(quote),
                    quote=quote, paragraph=0, relevance=0.9, attribution=Attribution(None),
                    stance=StanceScore(stance, 0.9, cue), published=published)


UPDATE = _ev("The recall now covers 1.8 million packs, up from 1.2 million.", REFUTES,
             CHANGED_FROM, "2026-10-05")


def test_an_update_of_the_figure_is_no_dispute_with_the_older_figure() -> None:
    old = _ev("The recall covers 1.2 million packs.", SUPPORTS, "covers the claim",
              "2026-09-09")
    assert decide([old, UPDATE]).verdict is Verdict.REFUTED


def test_a_figure_given_after_the_update_still_disputes_it() -> None:
    later = _ev("The recall covers 1.2 million packs, the agency said.", SUPPORTS,
                "covers the claim", "2026-10-09")
    assert decide([later, UPDATE]).verdict is Verdict.DISPUTED
