""""What is the article about?" asks what the documents say as a whole: each document's
headline and lead, quoted and cited, answered (several documents are several accounts, not a
dispute); a question about one thing in them is not such a question."""

from __future__ import annotations

from bot.engine.question_kind import summary_asked

from ..conftest import titled, verifier_over

STRIKE = titled(
    "Dockers Strike Over Pay, Union Says",
    "Dock workers in Kessford walked out on Monday over a pay offer, the union said. The port "
    "authority said talks would resume on Friday. Ferries were not affected.",
)
BRIDGE = titled(
    "Bridge Repairs to Cost Twice the Estimate",
    "Repairs to the Wend Valley bridge will cost 4 million crowns, twice the first estimate, "
    "the council said. Work starts in May.",
)


def test_questions_about_the_documents_as_a_whole_are_told_apart() -> None:
    for q in ("What is the article about?", "In a nutshell, what does this piece report?",
              "Summarise the story", "What are these documents about?", "tl;dr",
              "What was the gist?"):
        assert summary_asked(q), q
    for q in ("What does the article say about the ferries?", "Who wrote the article?",
              "What is the story of the strike?", "When did the strike start?"):
        assert not summary_asked(q), q


def test_a_document_is_summed_up_by_its_headline_and_lead(services) -> None:
    answer = verifier_over(services, [STRIKE]).verify("What is the article about?")
    assert answer.verdict.value == "ANSWERED", answer.text
    assert answer.kind == "question"
    quotes = [c.quote for c in answer.citations]
    assert quotes == ["Dock workers in Kessford walked out on Monday over a pay offer, the "
                      "union said."]
    assert "Dockers Strike Over Pay" in answer.text and "walked out" in answer.text
    assert "talks would resume" not in answer.text


def test_a_headline_in_the_text_is_cited_with_the_lead(services) -> None:
    headed = titled("strike.txt", "Dockers Strike Over Pay\n\n" + STRIKE.text)
    answer = verifier_over(services, [headed]).verify("what's the story about")
    assert [c.quote for c in answer.citations][:1] == ["Dockers Strike Over Pay"]
    assert len(answer.citations) == 2 and "walked out" in answer.citations[1].quote


def test_several_documents_are_several_accounts_not_a_dispute(services) -> None:
    answer = verifier_over(services, [STRIKE, BRIDGE]).verify("What are these documents about?")
    assert answer.verdict.value == "ANSWERED", answer.text
    assert "Sources differ" not in answer.text
    assert "Dockers Strike Over Pay" in answer.text and "Bridge Repairs" in answer.text
    assert {c.doc_id for c in answer.citations} == {STRIKE.doc_id, BRIDGE.doc_id}
