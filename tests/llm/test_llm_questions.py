"""The model writes answers to open questions; every answer it states must be cited."""

from __future__ import annotations

from bot.engine.compose import TemplateComposer
from bot.llm.path import LLMPath
from bot.settings import Settings
from bot.types import (
    Answer,
    Attribution,
    Claim,
    Decision,
    Evidence,
    Findings,
    Question,
    Stance,
    StanceScore,
    Verdict,
)
from retrieval.documents import content_hash
from retrieval.types import Document

from .llm_fakes import QueueChatModel

Q = "How many people live in Brannock?"
A_TEXT = "The river town of Brannock has a population of 3,559, the census office said."
B_TEXT = "Brannock has a population of 10,000, according to the council."
DOC_A = Document(content_hash(A_TEXT), "Census report", "a.txt", A_TEXT)
DOC_B = Document(content_hash(B_TEXT), "Council newsletter", "b.txt", B_TEXT)
DOCS = {d.doc_id: d for d in (DOC_A, DOC_B)}


def _ev(doc: Document, answer: str, key: str, speaker: str) -> Evidence:
    return Evidence(doc_id=doc.doc_id, title=doc.title, source=doc.source, start=0,
                    end=len(doc.text), quote=doc.text, paragraph=0, relevance=1.0,
                    attribution=Attribution(speaker=speaker),
                    stance=StanceScore(Stance.NEUTRAL, 1.0, "answer"), answer=answer,
                    answer_key=key)


EV_A = _ev(DOC_A, "3,559", "n:3559", "the census office")
EV_B = _ev(DOC_B, "10,000", "n:10000", "the council")
ASKS = Question(form="open", wh="how", expects="NUMBER", focus=("people", "live", "brannock"),
                proper=("brannock",))


def _findings(disputed: bool) -> Findings:
    groups = ((EV_A,), (EV_B,)) if disputed else ((EV_A,),)
    verdict = Verdict.DISPUTED if disputed else Verdict.ANSWERED
    claim = Claim(question=Q, text=Q, is_open=True, asks=ASKS)
    return Findings(claim, [e for g in groups for e in g],
                    Decision(verdict, 0.8, (), (), None, groups))


def _run(reply: str, disputed: bool = True) -> Answer:
    findings = _findings(disputed)
    draft = TemplateComposer().draft(findings, DOCS.get)
    offline = Answer(question=Q, claim=Q, verdict=draft.verdict, text=draft.text,
                     citations=draft.citations, kind="question")
    path = LLMPath(Settings(llm_retries=0), QueueChatModel(replies=[reply]), backoff=0)
    items = list(path.write(Q, findings, offline, DOCS.get))
    answer = items[-1]
    assert isinstance(answer, Answer)
    for c in answer.citations:
        assert DOCS[c.doc_id].text[c.start:c.end] == c.quote
    return answer


def test_the_offline_template_states_each_answer_with_its_source() -> None:
    draft = TemplateComposer().draft(_findings(True), DOCS.get)
    assert draft.verdict is Verdict.DISPUTED and draft.kind == "question"
    assert draft.text.startswith("Sources differ.")
    assert "3,559" in draft.text and "10,000" in draft.text
    assert {c.answer for c in draft.citations} == {"3,559", "10,000"}


def test_a_good_answer_is_kept() -> None:
    answer = _run("Sources differ: the census office puts it at 3,559 [1]; the council at "
                  "10,000 [2].")
    assert answer.verdict is Verdict.DISPUTED
    assert answer.text.startswith("Sources differ")
    assert {c.answer for c in answer.citations} == {"3,559", "10,000"}
    assert not any("not used" in w for w in answer.warnings)


def test_a_figure_no_cited_quote_holds_is_removed() -> None:
    answer = _run("About 5,000 people live in Brannock [1]. The council says 10,000 [2].")
    assert "5,000" not in answer.text
    assert any("5,000" in w for w in answer.warnings)
    # The census figure the model left out is put back, so both answers stand side by side.
    assert {c.answer for c in answer.citations} == {"3,559", "10,000"}


def test_an_answer_stated_without_its_source_gets_one() -> None:
    answer = _run("3,559 people live in Brannock, the census office says.", disputed=False)
    assert answer.verdict is Verdict.ANSWERED
    assert "[1]" in answer.text and answer.citations[0].answer == "3,559"


def test_prose_that_cites_no_answer_gives_the_offline_answer() -> None:
    answer = _run("Brannock is a pleasant river town with a mill.", disputed=False)
    assert any("offline answer" in w for w in answer.warnings)
    assert answer.text.startswith("3,559")
