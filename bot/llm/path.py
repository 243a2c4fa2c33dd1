"""The model path: better claims, stances and prose, with the offline answer as the net."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import replace
from typing import Any

from langchain_core.language_models import BaseChatModel

from bot.citations import DocumentLookup, validate
from bot.engine.stance_rules import RulesStanceJudge
from bot.llm.answer_question import QuestionWriter, check_question_text
from bot.llm.client import ChatClient, describe, make_chat_model
from bot.llm.compose import LLMComposer, MarkerFilter, check_text
from bot.llm.judge import JudgedEvidence, LLMStanceJudge, looks_like_instruction
from bot.llm.prompts import Prompts, load_prompts
from bot.llm.schemas import ClaimDraft
from bot.settings import Settings
from bot.types import Answer, Claim, Draft, Evidence, Findings, Verdict
from retrieval.errors import ConfigError, CrosscheckError
from retrieval.types import Document

log = logging.getLogger(__name__)

HISTORY_TURNS = 6  # earlier turns shown to the claim prompt
TURN_CHARS = 600


def _history(history: Sequence[Mapping[str, Any]]) -> str:
    lines = []
    for turn in list(history)[-HISTORY_TURNS:]:
        role = "assistant" if turn.get("role") == "assistant" else "user"
        content = " ".join(str(turn.get("content", "")).split())[:TURN_CHARS]
        lines.append(f"{role}: {content}")
    return "\n".join(lines)


def fallback(offline: Answer, reason: str) -> Answer:
    """The offline answer, with one line saying why the model's was not used."""
    line = f"the language model was not used ({reason}); this is the offline answer"
    log.info(line)
    return replace(offline, warnings=(*offline.warnings, line))


class LLMPath:
    """Claim extraction, stance judging and answer writing by a chat model, all checked.

    The ``Composer`` of the model path (``write``); the template answer is its net.
    """

    name = "llm"

    def __init__(self, settings: Settings, model: BaseChatModel, prompts: Prompts | None = None,
                 backoff: float = 0.5) -> None:
        self.settings = settings
        self.client = ChatClient(model, settings, backoff=backoff)
        self.prompts = prompts or load_prompts()
        self.judge = LLMStanceJudge(self.client, self.prompts)
        self.composer = LLMComposer(self.client, self.prompts)
        self.questions = QuestionWriter(self.client, self.prompts)
        self.where = describe(settings)

    def claim(self, question: str, history: Sequence[Mapping[str, Any]], offline: Claim) -> Claim:
        """A follow-up resolved against the history by the model; the offline claim otherwise."""
        if not history:
            return offline
        messages = self.prompts.claim.format_messages(history=_history(history),
                                                      question=question)
        try:
            draft = self.client.structured(messages, ClaimDraft)
        except CrosscheckError as exc:
            log.info("claim from the model failed (%s); using the offline claim", exc)
            return offline
        text = " ".join(draft.claim.split())
        if not text or len(text) > 500 or looks_like_instruction(text):
            log.info("the model's claim %r was not usable; using the offline claim", text[:80])
            return offline
        return Claim(question=question, text=text, subject=draft.subject or offline.subject,
                     speaker=draft.speaker or offline.speaker, is_open=draft.is_open)

    def stream_answer(self, question: str, claim: Claim, evidence: Sequence[Evidence],
                      offline: Answer,
                      document: Callable[[str], Document | None] | None = None,
                      ) -> Iterator[str | Answer]:
        """Answer text pieces as they are written, then the checked ``Answer`` (always last).

        ``document`` looks sources up by id for the engine's final validation.
        """
        if not evidence:  # never an answer from the model's own knowledge
            yield offline.text
            yield offline
            return
        judged: JudgedEvidence | None = None
        flt: MarkerFilter | None = None
        pieces: list[str] = []

        def written() -> Iterator[str]:
            nonlocal judged, flt
            judged = self.judge.judge_evidence(claim.text, evidence)
            flt = MarkerFilter(len(judged.evidence))
            yield from self.composer.stream(question, claim.text, judged.verdict,
                                            judged.evidence, flt)

        for item in _relay(written(), offline, pieces):
            yield item
            if isinstance(item, Answer):
                return
        assert judged is not None and flt is not None  # set before the first piece
        checked = check_text("".join(pieces), flt, judged.evidence, judged.verdict)
        if checked is None:
            why = "; ".join(["its answer cited no source backing the verdict", *judged.notes])
            yield fallback(offline, why)
            return
        verdict, text, citations = judged.verdict, checked.text, checked.citations
        notes = [*judged.notes, *checked.notes]
        if document is not None:  # the invariants every answer passes, whoever wrote it
            draft = validate(Draft(verdict, text, citations), document,
                             fallback=lambda: Draft(offline.verdict, offline.text,
                                                    offline.citations))
            verdict, text, citations = draft.verdict, draft.text, draft.citations
            notes += draft.repairs
        yield replace(
            offline, claim=claim.text, verdict=verdict, text=text, citations=citations,
            confidence=judged.confidence if verdict is judged.verdict else offline.confidence,
            conflict=judged.conflict if verdict is Verdict.DISPUTED else None,
            warnings=(*offline.warnings, *(f"repaired: {n}" for n in notes)),
        )


    def stream_question(self, question: str, findings: Findings, offline: Answer,
                        document: DocumentLookup) -> Iterator[str | Answer]:
        """An open question: the engine's answers in the model's words, each one cited."""
        verdict = offline.verdict
        evidence = [e for group in findings.decision.answers for e in group]
        if verdict is Verdict.NOT_ENOUGH_INFO or not evidence:
            yield offline.text  # never an answer from the model's own knowledge
            yield offline
            return
        flt = MarkerFilter(len(evidence))
        pieces: list[str] = []
        for item in _relay(self.questions.stream(question, verdict, evidence, flt), offline,
                           pieces):
            yield item
            if isinstance(item, Answer):
                return
        checked = check_question_text("".join(pieces), flt, evidence, verdict)
        if checked is None:
            yield fallback(offline, "its answer cited no source for the answer it gave")
            return
        draft = validate(Draft(verdict, checked.text, checked.citations, kind="question"),
                         document, fallback=lambda: Draft(offline.verdict, offline.text,
                                                          offline.citations, kind="question"))
        notes = [*checked.notes, *draft.repairs]
        yield replace(offline, verdict=draft.verdict, text=draft.text, citations=draft.citations,
                      warnings=(*offline.warnings, *(f"repaired: {n}" for n in notes)))

    def write(self, question: str, findings: Findings, offline: Answer,
              document: DocumentLookup) -> Iterator[str | Answer]:
        """``Composer``: the model's answer over the engine's evidence, streamed, checked."""
        if findings.claim.asks is not None:
            return self.stream_question(question, findings, offline, document)
        return self.stream_answer(question, findings.claim, findings.evidence, offline,
                                  document)


def _relay(written: Iterator[str], offline: Answer, pieces: list[str]) -> Iterator[str | Answer]:
    """Pass the model's pieces on (kept in ``pieces``); if the model fails, the offline
    answer instead — its text too, when nothing was shown yet."""
    shown = False
    try:
        for piece in written:
            pieces.append(piece)
            shown = True
            yield piece
    except CrosscheckError as exc:
        if not shown:
            yield offline.text
        yield fallback(offline, str(exc))


def make_llm_path(settings: Settings, model: BaseChatModel | None = None,
                  backoff: float = 0.5) -> LLMPath | None:
    """The model path for ``settings.llm`` (or a given chat model); None when offline."""
    if model is None:
        model = make_chat_model(settings)
        if model is None:
            return None
    return LLMPath(settings, model, backoff=backoff)


def make_llm_stance_judge(settings: Settings, model: BaseChatModel | None = None,
                          rules: RulesStanceJudge | None = None) -> LLMStanceJudge:
    """The ``stance = "llm"`` judge; needs ``llm`` set to a model."""
    model = model or make_chat_model(settings)
    if model is None:
        raise ConfigError("CROSSCHECK_STANCE=llm needs a model: set CROSSCHECK_LLM to "
                          "'openai:<model>' or 'openai-compatible:<model>', or use "
                          "CROSSCHECK_STANCE=rules")
    return LLMStanceJudge(ChatClient(model, settings), load_prompts(), rules)
