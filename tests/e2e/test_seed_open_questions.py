"""End to end over the seed corpus: open questions get answers, never claim verdicts."""

from __future__ import annotations

import pytest

from bot.evaluate import check_question
from bot.pipeline import Verifier
from retrieval.documents import load_file

from ..conftest import SEED, with_shared_cases

# The examples, kept here so the suite checks them without ../shared too.
OWN_CASES = [
    {"id": "own-who", "question": "Who attended the meeting?", "verdict": "ANSWERED",
     "must_cite_any": [["Derek Chollet met with Libyan officials"]],
     "must_mention_any": [["Gene Cretz"], ["Jeffrey Feltman"], ["Derek Chollet"]]},
    {"id": "own-when", "question": "When was the meeting held?", "verdict": "ANSWERED",
     "must_cite_any": [["secret meeting July 16"]], "must_mention_any": [["July 16"]]},
    {"id": "own-where", "question": "Where did the meeting take place?", "verdict": "ANSWERED",
     "must_cite_any": [["the Tunisia meeting"]], "must_mention_any": [["Tunisia"]]},
    {"id": "own-poem", "question": "Write me a poem about diplomacy.",
     "verdict": "NOT_ENOUGH_INFO"},
]



@pytest.mark.parametrize("case", with_shared_cases(OWN_CASES, "seed_open_questions.jsonl"),
                         ids=lambda c: c["id"])
def test_seed_open_question(verifier: Verifier, case: dict) -> None:
    answer = verifier.verify(case["question"])
    assert answer.kind == "question"
    assert answer.verdict.value in ("ANSWERED", "DISPUTED", "NOT_ENOUGH_INFO")
    assert check_question(case, answer) == [], answer.text
    text = load_file(SEED).text
    for c in answer.citations:
        assert text[c.start : c.end] == c.quote
        assert c.answer and c.answer.split(",")[0].split(" and ")[0] in c.quote
