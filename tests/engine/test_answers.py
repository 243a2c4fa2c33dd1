"""Open questions over several documents: answers found, compared after normalising, and
conflicting sources put side by side."""

from __future__ import annotations

import pytest

from bot.citations import backed
from bot.pipeline import Verifier
from retrieval.documents import content_hash
from retrieval.types import Document


def _doc(title: str, text: str) -> Document:
    return Document(doc_id=content_hash(text), title=title, source=f"{title}.txt", text=text)


AGREE = [
    _doc("Census shows slow growth in Brannock",
         "Brannock grew slowly over the decade. The river town has a population of 3,559, "
         "according to the census office. Most residents work at the mill."),
    _doc("Flood wall plan shelved",
         "The council says Brannock, home to 3559 people, cannot afford a flood wall. "
         "Councillor Ines Varga said the cost would fall on too few households."),
]
CONFLICT = _doc(
    "Brannock in brief",
    "Brannock grew slowly over the decade. The river town has a population of 10,000, "
    "according to the census office. Most residents work at the mill.",
)


@pytest.fixture
def verifier(services) -> Verifier:
    services.settings = services.settings.model_copy(update={"auto_seed": False})
    return Verifier(services)


def test_one_answer_in_different_forms_is_answered(services, verifier: Verifier) -> None:
    services.ingest_documents(AGREE)
    answer = verifier.verify("How many people live in Brannock?")
    assert answer.kind == "question"
    assert answer.verdict.value == "ANSWERED"
    assert answer.text.startswith("3,559") or answer.text.startswith("3559")
    assert answer.citations and all(c.answer and backed(c.answer, c.quote)
                                    for c in answer.citations)
    assert answer.to_json()["kind"] == "question"


def test_a_near_duplicate_with_another_figure_is_a_conflict(services, verifier) -> None:
    services.ingest_documents([*AGREE, CONFLICT])
    answer = verifier.verify("How many people live in Brannock?")
    assert answer.verdict.value == "DISPUTED"
    quotes = " ".join(c.quote for c in answer.citations)
    assert "10,000" in quotes and ("3,559" in quotes or "3559" in quotes)
    assert "Brannock in brief" in answer.text  # each source is named
    assert len({c.answer for c in answer.citations}) >= 2


def test_a_question_nothing_answers_cites_nothing(services, verifier: Verifier) -> None:
    services.ingest_documents(AGREE)
    for question in ("Who founded Brannock?", "Write me a poem about rivers."):
        answer = verifier.verify(question)
        assert answer.verdict.value == "NOT_ENOUGH_INFO"
        assert answer.citations == ()
        assert answer.kind == "question"


def test_an_open_question_never_gets_a_claim_verdict(services, verifier: Verifier) -> None:
    services.ingest_documents([*AGREE, CONFLICT])
    for question in ("Who said the cost would fall on too few households?",
                     "What does Ines Varga say about the flood wall?"):
        answer = verifier.verify(question)
        assert answer.verdict.value in ("ANSWERED", "DISPUTED", "NOT_ENOUGH_INFO")
    answer = verifier.verify("Who said the cost would fall on too few households?")
    assert answer.verdict.value == "ANSWERED" and "Ines Varga" in answer.text


def test_claims_keep_their_verdicts(services, verifier: Verifier) -> None:
    services.ingest_documents(AGREE)
    answer = verifier.verify("Does Brannock have a population of 3,559?")
    assert answer.kind == "claim"
    assert answer.verdict.value in ("SUPPORTED", "REFUTED", "DISPUTED", "NOT_ENOUGH_INFO")


# Two things that share a name, each document headed by its own disambiguator, and a copy of
# one of them with its date changed.
NAMESAKES = [
    _doc("Document 1",
         "Corin Maddox (cyclist) Corin Maddox was born on 4 March 1961 in Leeds. "
         "He rode in three Tours de France."),
    _doc("Document 2",
         "Corin Maddox (painter) Corin Maddox was born on 9 July 1874 in Bristol. "
         "His landscapes hang in the city gallery."),
]
NAMESAKE_COPY = _doc(
    "Document 3",
    "Corin Maddox (cyclist) Corin Maddox was born on 12 May 1966 in Leeds. "
    "He rode in three Tours de France.",
)


def test_namesakes_each_get_their_answer(services, verifier: Verifier) -> None:
    services.ingest_documents(NAMESAKES)
    answer = verifier.verify("When was Corin Maddox born?")
    assert answer.verdict.value == "ANSWERED"


def test_a_changed_copy_about_the_same_namesake_is_a_conflict(services, verifier) -> None:
    services.ingest_documents([*NAMESAKES, NAMESAKE_COPY])
    answer = verifier.verify("When was Corin Maddox born?")
    assert answer.verdict.value == "DISPUTED"
