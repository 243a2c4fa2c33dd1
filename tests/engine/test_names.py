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
    # the word for a short form, quotes, "refer to" and "mean" around one in capitals
    ("What does the abbreviation \"HSB\" stand for?", "hsb"), ("What does HSB refer to?", "hsb"),
    ("What does the acronym HSB mean?", "hsb"), ("What does Brandt mean?", ""),
    ("What does it mean?", ""),
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


def test_a_short_form_is_spelled_by_the_words_before_it_in_brackets(services) -> None:
    text = ("The clinic treats vocal cord dysfunction (VCD), which is often taken for asthma. "
            "Its head of voice care is Richard Speight Jr., who set it up.")
    services.settings = services.settings.model_copy(update={"auto_seed": False})
    services.ingest_documents([Document(doc_id=content_hash(text), title="Voice clinic",
                                        source="clinic.txt", text=text)])
    verifier = Verifier(services)
    assert verifier.verify("What does VCD refer to?").text.startswith("vocal cord dysfunction,")
    # a name's short last word keeps its full stop
    assert verifier.verify("What does RSJ stand for?").text.startswith("Richard Speight Jr.,")


def test_short_forms_spelled_out_differently_are_different_things(services) -> None:
    texts = ["Vocal cord dysfunction (VCD) is a condition of the larynx treated by speech "
             "therapy at the Marlow clinic.",
             "A voice command device (VCD) is a device controlled by the human voice, sold "
             "for kitchens since 2015."]
    services.settings = services.settings.model_copy(update={"auto_seed": False})
    services.ingest_documents([Document(doc_id=content_hash(t), title=f"Page {i}",
                                        source=f"p{i}.txt", text=t)
                               for i, t in enumerate(texts)])
    got = Verifier(services).verify("What does VCD stand for?")
    assert got.verdict.value == "ANSWERED"
    assert {"Vocal cord dysfunction", "voice command device"} <= {c.answer for c in
                                                                  got.citations}
