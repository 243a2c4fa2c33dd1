from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from retrieval.chunking import chunk_document, split_sentences
from retrieval.documents import clean_text, content_hash, load_file
from retrieval.types import Document

from ..conftest import SEED


def test_every_seed_chunk_and_sentence_round_trips() -> None:
    doc = load_file(SEED)
    chunks = chunk_document(doc)
    assert len(chunks) >= 10
    for chunk in chunks:
        assert doc.text[chunk.start : chunk.end] == chunk.text
        assert chunk.chunk_id == f"{doc.doc_id}:{chunk.start}-{chunk.end}"
        for s in chunk.sentences:
            sentence = doc.text[s.start : s.end]
            assert sentence == sentence.strip() and sentence


def test_abbreviations_do_not_split_sentences() -> None:
    text = "The U.S. closed its embassy in Tripoli in February. Mr. Smith met Dr. Jones."
    spans = [text[s.start : s.end] for s in split_sentences(text)]
    assert spans == ["The U.S. closed its embassy in Tripoli in February.",
                     "Mr. Smith met Dr. Jones."]


def test_quotes_end_sentences() -> None:
    text = "“This is a first step,” said the spokesman. “We want more.” Then he left."
    spans = [text[s.start : s.end] for s in split_sentences(text)]
    assert spans[-1] == "Then he left."
    assert spans[-2] == "“We want more.”"


def test_chunks_stay_inside_paragraphs_and_under_the_limit() -> None:
    doc = load_file(SEED)
    for chunk in chunk_document(doc, max_chars=150):
        assert "\n\n" not in chunk.text
        assert len(chunk.text) <= 150 or len(chunk.sentences) == 1


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=2000),
       st.integers(min_value=100, max_value=800))
def test_any_text_round_trips_through_chunking(raw: str, limit: int) -> None:
    text = clean_text(raw)
    doc = Document(doc_id=content_hash(text), title="t", source="s", text=text)
    for chunk in chunk_document(doc, max_chars=limit):
        assert doc.text[chunk.start : chunk.end] == chunk.text
        assert chunk.end - chunk.start <= limit
        for s in chunk.sentences:
            assert chunk.start <= s.start < s.end <= chunk.end
