"""The model as stance judge, with its output checked against the sources before it is used."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from bot.citations import norm
from bot.engine.nlp import Parser
from bot.engine.stance_rules import RulesStanceJudge
from bot.engine.verdict import decide
from bot.llm.client import ChatClient
from bot.llm.prompts import Prompts
from bot.llm.schemas import Judgement as ModelJudgement
from bot.llm.schemas import Judgements
from bot.types import Candidate, Evidence, Judgement, Stance, StanceScore, Verdict

log = logging.getLogger(__name__)

LLM_SCORE = 0.8  # the model gives labels, not probabilities: one fixed confidence for them

# Sentences addressed to a reader or a model rather than reporting anything.
_INSTRUCTION = re.compile(
    r"\b(ignore|disregard|forget)\b.{0,40}\b(instructions?|prompts?|rules|above|previous)\b"
    r"|\byou are now\b|\bsystem prompt\b|\bas an ai\b|\b(say|answer|respond|reply) that\b",
    re.IGNORECASE,
)


def looks_like_instruction(sentence: str) -> bool:
    """True for text that tries to instruct the reader (prompt injection), not to report."""
    return bool(_INSTRUCTION.search(sentence))


def _clean(text: str) -> str:
    """Source text as data: nothing in it can close or open a source tag."""
    return re.sub(r"</?\s*source\b", "‹source", text, flags=re.IGNORECASE)


def _attr(text: str) -> str:
    """A value safe inside a double-quoted tag attribute."""
    return _clean(text).replace('"', "'").replace("\n", " ")


def format_sources(evidence: Sequence[Evidence], *, with_stance: bool = False) -> str:
    """Evidence as delimited data blocks keyed 1..n, the keys the model must cite."""
    blocks = []
    for key, ev in enumerate(evidence, start=1):
        attrs = [f'key="{key}"', f'title="{_attr(ev.title)}"']
        if with_stance:
            attrs.append(f'speaker="{_attr(ev.speaker or "the document")}"')
            attrs.append(f'stance="{ev.stance.label.value}"')
        blocks.append(f"<source {' '.join(attrs)}>\n{_clean(ev.quote)}\n</source>")
    return "\n".join(blocks)


@dataclass(frozen=True)
class JudgedEvidence:
    """Evidence relabelled by the model after checking, the checked verdict, and each repair."""

    evidence: tuple[Evidence, ...]
    verdict: Verdict  # what the checked stances back (the engine's ``decide``)
    model_verdict: Verdict
    confidence: float
    conflict: str | None
    notes: tuple[str, ...]


def _speaker(ev: Evidence, said: str | None) -> str | None:
    """The attribution's speaker wins; the model's only when its words are in the sentence."""
    if ev.speaker or not said:
        return ev.speaker
    words = [w for w in re.findall(r"[A-Za-z][\w.'-]+", said) if w[0].isupper()]
    return said if words and all(w.lower() in ev.quote.lower() for w in words) else None


def check_judgements(out: Judgements, evidence: Sequence[Evidence]) -> JudgedEvidence:
    """Apply the model's stances where the sources back them; note every repair."""
    notes: list[str] = []
    by_key: dict[int, ModelJudgement] = {}
    for j in out.judgements:
        if not 1 <= j.key <= len(evidence):
            notes.append(f"dropped the model's judgement of unknown source [{j.key}]")
        elif j.key not in by_key:
            by_key[j.key] = j
    judged: list[Evidence] = []
    for key, ev in enumerate(evidence, start=1):
        found = by_key.get(key)
        if found is None:
            if ev.stance.label is not Stance.NEUTRAL:
                notes.append(f"the model did not judge source [{key}]; kept the offline stance")
            judged.append(ev)
            continue
        j = found
        label = Stance(j.stance)
        cue = "model"
        if label is not Stance.NEUTRAL and looks_like_instruction(ev.quote):
            notes.append(f"source [{key}] reads as an instruction, not a report; "
                         "treated as neutral")
            label, cue = Stance.NEUTRAL, "instruction-like text in a source"
        elif label is not Stance.NEUTRAL and not (j.quote.strip()
                                                   and norm(j.quote) in norm(ev.quote)):
            # A stance counts only when the model quotes the words that carry it.
            notes.append(f"the model's quote for source [{key}] is not in the source; "
                         "kept the offline stance and the source's sentence")
            judged.append(ev)
            continue
        judged.append(replace(
            ev, stance=StanceScore(label, LLM_SCORE, cue),
            attribution=replace(ev.attribution, speaker=_speaker(ev, j.speaker)),
        ))
    model_verdict = Verdict(out.verdict)
    decision = decide(judged)  # the same rule as the offline engine, over the model's stances
    verdict = decision.verdict
    if model_verdict is not verdict:
        why = ("without sources on both sides" if model_verdict is Verdict.DISPUTED
               else "not backed by the stances the model gave")
        notes.append(f"the model's verdict {model_verdict.value} was {why}; "
                     f"set to {verdict.value}")
    for note in notes:
        log.info("repaired model output: %s", note)
    return JudgedEvidence(tuple(judged), verdict, model_verdict, decision.confidence,
                          decision.conflict, tuple(notes))


class LLMStanceJudge:
    """``StanceJudge`` backed by a chat model (setting ``stance = "llm"``).

    The model gives the labels; the rules' reading of each sentence supplies its relevance
    and the words that matched, which attribution needs.
    """

    name = "llm"

    def __init__(self, client: ChatClient, prompts: Prompts,
                 rules: RulesStanceJudge | None = None) -> None:
        self.client = client
        self.prompts = prompts
        self.rules = rules or RulesStanceJudge(Parser())

    def judge(self, claim: str, candidates: Sequence[Candidate]) -> list[Judgement]:
        """One judgement per candidate: the rules' reading with the model's label."""
        judgements = self.rules.judge(claim, candidates)
        if not candidates:
            return judgements
        scores = self.scores(claim, [c.text for c in candidates])
        return [replace(j, score=s) for j, s in zip(judgements, scores, strict=True)]

    def judge_evidence(self, claim: str, evidence: Sequence[Evidence]) -> JudgedEvidence:
        """One model call over all evidence: stances and a verdict, then checked."""
        messages = self.prompts.stance.format_messages(
            claim=claim, sources=format_sources(evidence))
        out = self.client.structured(messages, Judgements)
        return check_judgements(out, evidence)

    def scores(self, claim: str, sentences: Sequence[str]) -> list[StanceScore]:
        """One score per sentence, in order; sentences the model skips are neutral."""
        messages = self.prompts.stance.format_messages(
            claim=claim, sources="\n".join(
                f'<source key="{i}">\n{_clean(s)}\n</source>'
                for i, s in enumerate(sentences, start=1)))
        out = self.client.structured(messages, Judgements)
        by_key = {j.key: j for j in out.judgements}
        scores = []
        for key, sentence in enumerate(sentences, start=1):
            j = by_key.get(key)
            if j is None or looks_like_instruction(sentence):
                scores.append(StanceScore(Stance.NEUTRAL, 0.0, "no usable model judgement"))
            else:
                scores.append(StanceScore(Stance(j.stance), LLM_SCORE, "model"))
        return scores
