"""verify(question, history) -> Answer, and the same as a stream of events for the UI."""

from __future__ import annotations

import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal

from bot.attribution import attribute
from bot.claims import make_claim
from bot.compose import Draft, compose, validate
from bot.evidence import Candidate, EvidenceFinder
from bot.services import Services
from bot.stance import StanceJudge, blend
from bot.stance_rules import Judgement, RulesStanceJudge
from bot.topic import main_noun, subject_of
from bot.types import Answer, Attribution, Claim, Evidence, Stance, StanceScore
from bot.verdict import Decision, decide
from retrieval.errors import ConfigError, InputError

if TYPE_CHECKING:
    from bot.llm_path import LLMPath

Turn = Mapping[str, Any]  # {"role": "user" | "assistant", "content": str}
EVIDENCE_LIMIT = 16


@dataclass(frozen=True)
class Event:
    """One step of a streamed answer: a status line, a piece of answer text, or the answer."""

    kind: Literal["status", "token", "answer"]
    text: str = ""
    answer: Answer | None = None


@dataclass
class Findings:
    """Everything the engine found for one question, before the answer is written."""

    claim: Claim
    evidence: list[Evidence]
    decision: Decision
    timings: dict[str, float] = field(default_factory=dict)


def make_judge(name: str, services: Services) -> StanceJudge | None:
    """The configured stance judge; None means the rules alone."""
    if name == "rules":
        return None
    if name == "model":
        from bot.stance_model import ModelStanceJudge

        try:
            return ModelStanceJudge()
        except (OSError, ValueError, ImportError) as exc:
            raise ConfigError(
                f"the stance model cannot be loaded ({exc}); reinstall Crosscheck "
                "or set CROSSCHECK_STANCE=rules"
            ) from exc
    if name == "llm":
        return None  # the model backend judges stance inside its own answer path
    raise ConfigError(
        f"unknown stance judge {name!r}: set CROSSCHECK_STANCE to rules, model or llm"
    )


class Verifier:
    """Answers questions from the store's documents, with citations."""

    def __init__(self, services: Services, judge: StanceJudge | None = None) -> None:
        self.services = services
        self._judge = judge
        self.llm_path: LLMPath | None = None  # set when a model is configured (bot/llm_path.py)
        if services.settings.llm.strip().lower() != "offline":
            from bot.llm_path import make_llm_path  # langchain loads only when a model is set

            self.llm_path = make_llm_path(services.settings)

    @cached_property
    def judge(self) -> StanceJudge | None:
        return self._judge or make_judge(self.services.settings.stance, self.services)

    @cached_property
    def rules(self) -> RulesStanceJudge:
        return RulesStanceJudge(self.services.embedder)

    @cached_property
    def finder(self) -> EvidenceFinder:
        return EvidenceFinder(self.services.store, self.services.embedder)

    def check_question(self, question: str) -> str:
        question = " ".join(str(question).split())
        if not question:
            raise InputError("the question is empty: ask about something in the documents")
        limit = self.services.settings.max_question_chars
        if len(question) > limit:
            raise InputError(
                f"the question is {len(question):,} characters long; the limit is {limit:,} "
                "(CROSSCHECK_MAX_QUESTION_CHARS)"
            )
        return question

    def verify(self, question: str, history: Sequence[Turn] = ()) -> Answer:
        answer: Answer | None = None
        for event in self.stream(question, history):
            if event.kind == "answer":
                answer = event.answer
        assert answer is not None
        return answer

    def stream(self, question: str, history: Sequence[Turn] = ()) -> Iterator[Event]:
        t0 = time.perf_counter()
        question = self.check_question(question)
        self.services.ensure_seeded()
        yield Event("status", "Reading the question…")
        findings = self.find(question, history)
        yield Event("status", "Weighing the evidence…")
        t = time.perf_counter()
        draft = self.offline_draft(findings)
        findings.timings["compose"] = time.perf_counter() - t
        if self.llm_path is not None:  # a model writes the answer; the offline one is its net
            yield from self._llm_events(question, findings, draft, t0)
            return
        for piece in _pieces(draft.text):
            yield Event("token", piece)
        findings.timings["total"] = time.perf_counter() - t0
        yield Event("answer", answer=self.answer(question, findings, draft))

    # -- the engine's stages -------------------------------------------------------------

    def find(self, question: str, history: Sequence[Turn] = ()) -> Findings:
        """Claim -> passages -> sentences -> stance + attribution -> verdict."""
        timings: dict[str, float] = {}
        t = time.perf_counter()
        claim = make_claim(question, history, self._find_subject)
        if self.llm_path is not None:  # follow-ups resolved by the model, offline claim as net
            claim = self.llm_path.claim(question, history, claim)
        timings["claim"] = time.perf_counter() - t

        t = time.perf_counter()
        vector = self.services.searcher.query_vector(claim.text)
        passages = self.services.searcher.search(claim.text, self.services.settings.top_k, vector)
        candidates = self.finder.candidates(passages, vector, EVIDENCE_LIMIT)
        timings["retrieval"] = time.perf_counter() - t

        t = time.perf_counter()
        judgements = self.rules.analyse(
            claim.text, [c.text for c in candidates], [c.cosine for c in candidates]
        )
        if self.judge is not None and candidates:
            texts = [c.text for c in candidates]
            probabilities = getattr(self.judge, "probabilities", None)
            if probabilities is not None:
                for j, c, p in zip(
                    judgements, candidates, probabilities(claim.text, texts), strict=True
                ):
                    j.score = blend(j.score, p, c.cosine)
            else:
                for j, s in zip(judgements, self.judge.judge(claim.text, texts), strict=True):
                    j.score = s
        timings["stance"] = time.perf_counter() - t

        t = time.perf_counter()
        evidence = [self._evidence(c, j) for c, j in zip(candidates, judgements, strict=True)]
        timings["attribution"] = time.perf_counter() - t
        return Findings(claim, evidence, decide(evidence), timings)

    def _evidence(self, c: Candidate, j: Judgement) -> Evidence:
        if j.score.label is Stance.NEUTRAL:
            attribution = Attribution(speaker=None)
        else:
            attribution = attribute(j.doc, c.span.start, c.doc.text, j.core or j.matched)
        return Evidence(
            doc_id=c.doc.doc_id,
            title=c.doc.title,
            source=c.doc.source,
            start=c.span.start,
            end=c.span.end,
            quote=c.text,
            paragraph=c.paragraph,
            relevance=round(j.relevance, 3),
            attribution=attribution,
            stance=StanceScore(j.score.label, j.score.score, j.score.cue),
        )

    def _find_subject(self, claim_text: str, predicate: str) -> str | None:
        """Resolve "this": what do the sources say is (or is not) ``predicate``?"""
        vector = self.services.searcher.query_vector(claim_text)
        passages = self.services.searcher.search(claim_text, self.services.settings.top_k, vector)
        texts = [c.text for c in self.finder.candidates(passages, vector, EVIDENCE_LIMIT)]
        return subject_of(predicate, texts) or main_noun(texts[:6])

    def offline_draft(self, findings: Findings) -> Draft:
        return validate(compose(findings.claim, findings.decision), self.finder.document)

    def _llm_events(
        self, question: str, findings: Findings, draft: Draft, t0: float
    ) -> Iterator[Event]:
        """The model's answer over the engine's evidence, streamed, checked (bot/llm_path.py)."""
        assert self.llm_path is not None
        offline = self.answer(question, findings, draft)
        for item in self.llm_path.stream_answer(
            question, findings.claim, findings.evidence, offline, self.finder.document
        ):
            if isinstance(item, str):
                yield Event("token", item)
            else:
                item.timings["total"] = time.perf_counter() - t0
                yield Event("answer", answer=item)

    def answer(self, question: str, findings: Findings, draft: Draft) -> Answer:
        return Answer(
            question=question,
            claim=findings.claim.text,
            verdict=draft.verdict,
            text=draft.text,
            citations=draft.citations,
            confidence=findings.decision.confidence,
            conflict=findings.decision.conflict if draft.verdict.value == "DISPUTED" else None,
            warnings=draft.repairs,
            index=self.services.settings.index_stamp(),
            timings=findings.timings,
        )


def _pieces(text: str) -> Iterator[str]:
    """The finished text in word-sized pieces, so a UI can show it arriving."""
    words = text.split(" ")
    for i, word in enumerate(words):
        yield word if i == len(words) - 1 else word + " "
