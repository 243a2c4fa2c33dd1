"""Questions and answers inside documents: what a sentence asserts when it asks or answers.

Fact-check write-ups, interviews and FAQs hold question-answer pairs ("Q: Did X happen?
A: No, ..."). A question asserts nothing, however close its words are to the claim; a bare
"yes" or "no" asserts or denies the question it answers. ``DialogueJudge`` wraps any stance
judge with that reading.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from bot.engine.claims import make_claim
from bot.engine.nlp import Parser
from bot.engine.stance import StanceJudge
from bot.types import Candidate, Judgement, Stance, StanceScore
from retrieval.types import Document, Span

_QUESTION_LABEL = re.compile(r"^\s*(?:Q|Question)\s*\d*\s*[:.)]\s*", re.IGNORECASE)
_ANSWER_LABEL = re.compile(r"^\s*(?:A|Answer)\s*\d*\s*[:.)]\s*", re.IGNORECASE)
# "No." / "No, ..." denies; "No answer could be found" does not.
_END = r"\s*(?:[,.;:!\u2013\u2014-]|$)"
_NO = re.compile(r"^(?:no|nope|false|incorrect|not true)" + _END, re.IGNORECASE)
_YES = re.compile(r"^(?:yes|yeah|yep|correct|true|indeed)" + _END, re.IGNORECASE)
_PRONOUNS = frozenset(["he", "she", "it", "they"])
_WH_WORDS = frozenset(["who", "what", "which", "whom"])
ONLY_ASKS = "only asks"  # the cue of a question sentence
# A "no" to a question that contradicts the claim makes the claim likely, not certain.
DOUBLE_DENIAL = 0.8


@dataclass(frozen=True)
class Reading:
    """What one evidence sentence does: assert, ask, or answer yes/no to a question."""

    asks: bool = False
    question: str | None = None  # the question a yes/no answer answers
    question_span: Span | None = None
    affirmed: bool = True
    polar: bool = False  # the answer starts with a yes or a no
    answer: str = ""  # the answer without its "A:" label


def _body(text: str, label: re.Pattern[str]) -> str:
    return label.sub("", text, count=1).strip()


def _previous_question(doc: Document, start: int) -> tuple[str, Span] | None:
    """The question sentence just before ``start`` in the same paragraph, if there is one."""
    before = doc.text[:start].rstrip()
    if not before.endswith("?"):
        return None
    cut = max(before.rfind("\n"), *(before.rfind(p, 0, len(before) - 1) for p in ".!?"))
    q_start = cut + 1
    while q_start < len(before) and before[q_start].isspace():
        q_start += 1
    return before[q_start:], Span(q_start, len(before))


def read(candidate: Candidate) -> Reading:
    """How the candidate sentence bears on anything: as an assertion, a question or an answer."""
    text = candidate.text.strip()
    if text.endswith("?"):
        return Reading(asks=True)
    answer = _body(text, _ANSWER_LABEL)
    labelled = answer != text
    affirmed = bool(_YES.match(answer))
    polar = affirmed or bool(_NO.match(answer))
    if not (polar or labelled):
        return Reading()
    found = _previous_question(candidate.doc, candidate.span.start)
    if found is None:
        return Reading()
    question, span = found
    if not labelled and not _QUESTION_LABEL.match(question) and len(answer.split()) > 1:
        # A "No, ..." sentence after a rhetorical question in running prose answers nothing.
        return Reading()
    return Reading(
        question=_body(question, _QUESTION_LABEL),
        question_span=span,
        affirmed=affirmed,
        polar=polar,
        answer=answer,
    )


def _flipped(score: StanceScore) -> StanceScore:
    label = Stance.REFUTES if score.label is Stance.SUPPORTS else Stance.SUPPORTS
    factor = 1.0 if score.label is Stance.SUPPORTS else DOUBLE_DENIAL
    return StanceScore(
        label, round(score.score * factor, 3), f"answered no: {score.cue}", score.factual
    )


class DialogueJudge:
    """A stance judge that reads questions as asking and yes/no answers as answering."""

    def __init__(self, inner: StanceJudge, parser: Parser) -> None:
        self.inner = inner
        self.parser = parser
        self.name = inner.name

    def judge(self, claim: str, candidates: Sequence[Candidate]) -> list[Judgement]:
        judgements = self.inner.judge(claim, candidates)
        readings = [read(c) for c in candidates]
        answered = [i for i, r in enumerate(readings) if r.question]
        # A pronoun answer read with its question's subject in its place, once per answer.
        resolved = {i: self._resolved(readings[i]) for i in answered if not readings[i].polar}
        asked = self._propositions(claim, candidates, readings, answered, resolved)
        out = []
        for i, (j, r) in enumerate(zip(judgements, readings, strict=True)):
            if r.asks:
                score = StanceScore(
                    Stance.NEUTRAL,
                    j.score.score if j.score.label is Stance.NEUTRAL else 0.5,
                    ONLY_ASKS,
                )
                out.append(replace(j, score=score))
            elif r.polar and i in asked and asked[i].label is not Stance.NEUTRAL:
                said = asked[i] if r.affirmed else _flipped(asked[i])
                out.append(replace(j, score=said))
            elif i in asked and (asked[i].label is Stance.REFUTES or (
                asked[i].label is Stance.SUPPORTS and resolved.get(i) is not None
            )):
                # A pronoun answer is read with the question's subject in its place; any
                # other answer with its question before it, which may contradict but not
                # support (the question's own words would count as support).
                out.append(replace(j, score=asked[i]))
            else:
                out.append(j)
        return out

    def _resolved(self, r: Reading) -> str | None:
        """"He voted against it" after "How did Councillor Vane vote?": Vane voted ..."""
        first = r.answer.split(" ", 1)
        if len(first) < 2 or first[0].lower() not in _PRONOUNS or r.question is None:
            return None
        question = self.parser.parse(r.question)  # read() took its "Q:" label off
        for tok in question:
            if tok.dep_ in ("nsubj", "nsubjpass") and tok.lower_ not in _WH_WORDS:
                subject = "".join(t.text_with_ws for t in tok.subtree).strip()
                return f"{subject} {first[1]}"
        return None

    def _propositions(
        self,
        claim: str,
        candidates: Sequence[Candidate],
        readings: list[Reading],
        answered: list[int],
        resolved: dict[int, str | None],
    ) -> dict[int, StanceScore]:
        """The stance of each answered question, read as a statement."""
        if not answered:
            return {}
        by_span = {(c.doc.doc_id, c.span.start): c.cosine for c in candidates}
        statements = []
        for i in answered:
            c, r = candidates[i], readings[i]
            assert r.question is not None and r.question_span is not None
            if r.polar:
                text = make_claim(r.question, self.parser).text
            else:
                text = resolved.get(i) or f"{r.question} {r.answer}"
            cosine = max(c.cosine, by_span.get((c.doc.doc_id, r.question_span.start), 0.0))
            doc = Document(c.doc.doc_id, c.doc.title, c.doc.source, text)
            statements.append(Candidate(doc, Span(0, len(text)), c.paragraph, cosine))
        judged = self.inner.judge(claim, statements)
        return {i: j.score for i, j in zip(answered, judged, strict=True)}
