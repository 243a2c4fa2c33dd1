"""Questions about a name itself: a short form spelled out, a part of someone's name."""

from __future__ import annotations

import pytest

from bot.engine.names import name_part_asked, short_form_asked
from bot.pipeline import Verifier
from retrieval.documents import content_hash
from retrieval.types import Document

TEXT = ("Kessford harbour reopened on Monday. The Harbour Safety Board, which inspected the "
        "piers, said repairs were finished. Harbour master Ilse Marie Brandt cut the ribbon.")
DOC = Document(doc_id=content_hash(TEXT), title="Harbour reopens", source="harbour.txt",
               text=TEXT)


@pytest.fixture
def verifier(services) -> Verifier:
    services.settings = services.settings.model_copy(update={"auto_seed": False})
    services.ingest_documents([DOC])
    return Verifier(services)


@pytest.mark.parametrize(("question", "short"), [
    ("What is the HSB?", "hsb"), ("what does hsb stand for?", "hsb"),
    ("What's the HSB, the board that inspected the piers?", "hsb"),
    ("What is the harbour?", ""), ("What was it?", ""),
])
def test_a_short_form_is_asked_in_capitals_or_with_stand_for(question, short) -> None:
    assert short_form_asked(question) == short


@pytest.mark.parametrize(("question", "part"), [
    ("What is Brandt's first name?", "first"), ("what's brandt's surname", "last"),
    ("What is the harbour master's full name?", "full"), ("Who named the pier?", ""),
])
def test_the_part_of_a_name_asked_for(question, part) -> None:
    assert name_part_asked(question) == part


@pytest.mark.parametrize(("question", "answer"), [
    ("What is the HSB?", "Harbour Safety Board"),
    ("What does HSB stand for?", "Harbour Safety Board"),
    ("What is Brandt's first name?", "Ilse"),
    ("What is Brandt's middle name?", "Marie"),
    ("What is Ilse's last name?", "Brandt"),
])
def test_questions_about_a_name_are_answered_from_the_name_written_out(verifier, question,
                                                                       answer) -> None:
    got = verifier.verify(question)
    assert got.verdict.value == "ANSWERED"
    assert got.text.startswith(answer + ",")
    assert answer in got.citations[0].quote
