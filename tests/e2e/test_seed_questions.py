"""End to end over the seed corpus: every seed question, its verdict and its cited spans."""

from __future__ import annotations

import pytest

from bot.evaluate import check_question
from bot.pipeline import Verifier
from retrieval.documents import load_file
from retrieval.text import fold_quotes

from ..conftest import SEED, with_shared_cases

# The same kind of questions, kept here so the suite checks the engine without ../shared too.
OWN_CASES = [
    {"id": "own-negotiation", "question": "Was this a negotiation?", "verdict": "DISPUTED",
     "must_cite_any": [["was not a negotiation", "Weren’t Negotiations"],
                       ["willingness to negotiate", "first-step dialogue"]],
     "must_mention_any": [["State Department"], ["Libyan", "Qaddafi"]]},
    {"id": "own-embassy", "question": "Did the U.S. close its embassy in Tripoli?",
     "verdict": "SUPPORTED", "must_cite_any": [["closed its embassy in Tripoli"]]},
    {"id": "own-china", "question": "Did China send a delegation to the meeting?",
     "verdict": "NOT_ENOUGH_INFO"},
]



@pytest.mark.parametrize("case", with_shared_cases(OWN_CASES, "seed_questions.jsonl"),
                         ids=lambda c: c["id"])
def test_seed_question(verifier: Verifier, case: dict) -> None:
    answer = verifier.verify(case["question"])
    assert check_question(case, answer) == [], answer.text
    text = load_file(SEED).text
    for c in answer.citations:
        assert text[c.start : c.end] == c.quote
        assert f"[{c.n}]" in answer.text


def test_disputed_answer_names_both_sides(verifier: Verifier) -> None:
    answer = verifier.verify("Was this a negotiation?")
    assert answer.claim == "The meeting was a negotiation."
    stances = {c.stance.value for c in answer.citations}
    assert stances == {"SUPPORTS", "REFUTES"}
    assert answer.conflict == "description"
    for c in answer.citations:
        assert c.speaker and fold_quotes(c.speaker).split()[-1] in fold_quotes(answer.text)


def test_follow_up_uses_the_conversation(verifier: Verifier) -> None:
    history = [{"role": "user", "content": "Was this a negotiation?"},
               {"role": "assistant", "content": "Disputed."}]
    answer = verifier.verify("And what did Libya say?", history)
    assert answer.claim == "The meeting was a negotiation."
    assert "Libyan" in answer.text
