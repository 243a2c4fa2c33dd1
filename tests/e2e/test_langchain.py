"""Crosscheck inside a LangChain chain: the retriever, the verifier Runnable, and the README's
composition, on the seed corpus."""

from __future__ import annotations

import json
from typing import Any

import pytest
from langchain_core.documents import Document
from langchain_core.runnables import RunnableLambda, RunnableParallel, RunnablePassthrough

from bot.langchain import CrosscheckRetriever, CrosscheckVerifier
from retrieval.errors import InputError

pytestmark = pytest.mark.slow  # the real model over the seeded store

QUESTION = "Did the U.S. close its embassy in Tripoli?"


@pytest.fixture(scope="module")
def verifier(seeded_services) -> CrosscheckVerifier:
    return CrosscheckVerifier(services=seeded_services)


def test_retriever_returns_documents_with_exact_offsets(seeded_services) -> None:
    retriever = CrosscheckRetriever(services=seeded_services, k=3)
    docs = retriever.invoke("embassy in Tripoli")
    assert len(docs) == 3 and all(isinstance(d, Document) for d in docs)
    for d in docs:
        m = d.metadata
        assert set(m) >= {"doc_id", "title", "source", "start", "end", "page", "outlet",
                          "published"}
        stored = seeded_services.store.document(m["doc_id"])
        assert stored.text[m["start"] : m["end"]] == d.page_content
    assert any("embassy" in d.page_content for d in docs)
    assert len(CrosscheckRetriever(services=seeded_services, k=1).invoke("embassy")) == 1
    with pytest.raises(InputError, match="empty"):
        retriever.invoke("  ")


def test_invoke_returns_the_ask_json_object(verifier, seeded_services) -> None:
    from bot.pipeline import Verifier

    got = verifier.invoke(QUESTION)
    want = Verifier(seeded_services).verify(QUESTION).to_json()
    assert got == want
    json.dumps(got)  # plain JSON, as `ask --json` prints it
    assert verifier.invoke({"question": QUESTION, "history": []}) == want


def test_stream_yields_the_answer_as_it_is_written(verifier) -> None:
    chunks = list(verifier.stream(QUESTION))
    pieces = [c["answer"] for c in chunks[:-1]]
    assert len(pieces) > 3 and all(set(c) == {"answer"} for c in chunks[:-1])
    whole: Any = chunks[0]
    for c in chunks[1:]:
        whole = whole + c
    assert dict(whole) == verifier.invoke(QUESTION)


def test_batch_answers_each_question(verifier) -> None:
    questions = [QUESTION, {"question": "Was this a negotiation?"}]
    answers = verifier.batch(questions)
    assert [a["question"] for a in answers] == [QUESTION, "Was this a negotiation?"]
    assert answers[0] == verifier.invoke(QUESTION)


@pytest.mark.parametrize("bad", [42, {"q": "x"}, {"question": "x", "history": "nope"}])
def test_bad_input_is_a_clear_error(verifier, bad: Any) -> None:
    with pytest.raises(InputError, match=r"question|history"):
        verifier.invoke(bad)


def test_readme_chain_composes_both(seeded_services) -> None:
    retriever = CrosscheckRetriever(services=seeded_services, k=4)
    verifier = CrosscheckVerifier(services=seeded_services)

    def report(r: dict[str, Any]) -> str:
        cited = "\n".join(f"[{c['n']}] {c['quote']} ({c['source']}, chars {c['start']}-{c['end']})"
                          for c in r["check"]["citations"])
        further = "\n".join(f"- {d.metadata['title']}" for d in r["context"])
        return f"{r['check']['verdict']}: {r['check']['answer']}\n{cited}\nRead further:\n{further}"

    chain = RunnableParallel(check=verifier, context=retriever) | RunnableLambda(report)
    text = chain.invoke(QUESTION)
    assert text.startswith(verifier.invoke(QUESTION)["verdict"] + ": ")
    assert "Read further:\n- " in text
    # Streaming through the chain gives the same result.
    assert "".join(chain.stream(QUESTION)) == text
    assert RunnablePassthrough() | verifier  # composes with any other runnable
