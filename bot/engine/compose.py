"""Composers write the answer; the template composer writes it from the evidence alone.

``Composer`` is the seam: ``TemplateComposer`` (here, offline) and the chat model's
``LLMPath`` (``bot/llm/path.py``) implement it. Whoever writes the text, it passes the same
validation (``bot.citations.validate``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Protocol

from bot.citations import DocumentLookup, cite, inert, unbalanced_quotes, validate
from bot.engine.compose_question import compose_question
from bot.engine.timeline import changes
from bot.types import Answer, Claim, Decision, Draft, Evidence, Findings, Verdict

PER_SIDE = 3
_PRESENT = {
    "say": "says",
    "tell": "tells",
    "describe": "describes",
    "report": "reports",
    "claim": "claims",
    "deny": "denies",
    "add": "adds",
    "state": "states",
    "insist": "insists",
    "argue": "argues",
    "confirm": "confirms",
    "call": "calls",
}
_LOWER_FIRST = frozenset(
    [
        "The",
        "A",
        "An",
        "This",
        "That",
        "These",
        "Those",
        "It",
        "Its",
        "There",
        "Before",
        "After",
        "In",
        "On",
        "At",
        "During",
        "When",
        "While",
        "As",
        "For",
        "From",
        "With",
        "By",
        "Since",
        "Until",
        "Despite",
        "According",
        "Three",
        "Two",
        "Four",
        "Some",
        "Many",
        "Most",
    ]
)
NO_EVIDENCE = (
    "The documents don't cover this: nothing in them supports or contradicts "
    "the claim “{claim}”. Crosscheck answers only from the documents."
)
NO_ANSWER = (
    "The documents don't answer “{question}”: nothing in them covers it. "
    "Crosscheck answers only from the documents."
)


_QUOTE_MARKS = "\u201c\u201d\""


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _speaker_name(e: Evidence) -> str | None:
    speaker = e.attribution.speaker
    if not speaker:
        return None
    if speaker in ("U.S.", "US") or (speaker.isupper() and len(speaker) <= 6):
        return f"the {speaker}"  # "the U.S. says"
    return inert(speaker)


def _present(who: str, verb: str | None) -> str:
    """The reporting verb in the present, agreeing with its speaker: "the official says",
    "U.S. diplomats tell"."""
    last = (who.split() or [""])[-1]
    plural = last.isalpha() and last.islower() and last.endswith("s") and not last.endswith("ss")
    lemma = verb or "say"
    return lemma if plural and lemma in _PRESENT else _PRESENT.get(lemma, "says")


def _clause(e: Evidence) -> tuple[str | None, str, str]:
    """(speaker, verb, what they say) for one evidence sentence."""
    who = _speaker_name(e)
    att = e.attribution
    if who and att.content is not None:
        content = e_text(e, att.content.start, att.content.end).strip(" ,.")
        if unbalanced_quotes(content):
            # A sentence of a quotation that runs over several: quoted whole, marks balanced.
            inner = content.strip(" ,." + _QUOTE_MARKS).rstrip(" ,.")
            return who, _present(who, att.verb), inert(f"\u201c{inner}\u201d")
        if len(content.split()) >= 3:
            if att.verb == "according to":
                return who, "according to", inert(_lower(content))
            return who, _present(who, att.verb), inert(_lower(content))
    return who, "", inert(e.quote.rstrip())


def e_text(e: Evidence, start: int, end: int) -> str:
    """Text of an evidence's document between offsets (the quote covers the sentence)."""
    offset = start - e.start
    return e.quote[offset : offset + (end - start)]


def _lower(text: str) -> str:
    first = text.split(" ", 1)[0]
    return text[:1].lower() + text[1:] if first in _LOWER_FIRST else text


def _side(evidence: Sequence[Evidence], first_n: int) -> tuple[list[str], list[Evidence]]:
    """Sentences for one side, one per speaker, numbered from ``first_n`` in reading order."""
    chosen = list(evidence[:PER_SIDE])
    groups: dict[str, list[tuple[Evidence, str, str]]] = {}
    for e in chosen:
        who, verb, what = _clause(e)
        if e.start == 0 and e.quote == e.title:
            key = "\0headline"
        else:
            key = (who or "\0doc:" + e.doc_id).lower()
        groups.setdefault(key, []).append((e, verb, what))
    statements: list[str] = []
    cited: list[Evidence] = []
    for key, items in groups.items():
        parts: list[str] = []
        for e, verb, what in items:
            cited.append(e)
            marker = f"[{first_n + len(cited) - 1}]"
            if key == "\0headline":
                parts.append(f"the headline reads “{inert(e.quote)}” {marker}")
            elif key.startswith("\0doc:"):
                parts.append(f"the article “{inert(e.title)}” reports “{what}” {marker}")
            elif not verb:
                parts.append(f"{_speaker_name(e)} is reported as the source of “{what}” {marker}")
            elif verb == "according to":
                parts.append(f"according to {_lower(_speaker_name(e) or '')}, {what} {marker}")
            elif not parts:
                name = _speaker_name(e) or ""
                # "the Libyan spokesman, Moussa Ibrahim, says": an apposition closes with a comma
                parts.append(f"{name}{',' if ', ' in name else ''} {verb} {what} {marker}")
            else:
                parts.append(f"{what if what.startswith('that ') else 'that ' + what} {marker}")
        statements.append(_cap(", and ".join(parts)))
    return statements, cited


def _join(statements: list[str]) -> str:
    return ". ".join(s.rstrip(".") for s in statements) + "."


def compose(claim: Claim, decision: Decision) -> Draft:
    """Template answer grouped by position: who says what, conflicting sides together."""
    verdict = decision.verdict
    support, refute = list(decision.supporting), list(decision.refuting)
    if claim.speaker:
        # "What did Libya say?": that party's statements first.
        focus = claim.speaker.lower().rstrip("s")

        def mine(e: Evidence) -> bool:
            return (
                focus[:5] in (e.speaker or "").lower()
                or focus[:5] in (e.attribution.organisation or "").lower()
            )

        support.sort(key=lambda e: not mine(e))
        refute.sort(key=lambda e: not mine(e))
    if verdict is Verdict.NOT_ENOUGH_INFO:
        if claim.is_open:
            return Draft(verdict, NO_ANSWER.format(question=inert(claim.question.strip())), ())
        return Draft(verdict, NO_EVIDENCE.format(claim=inert(claim.text.rstrip("."))), ())
    if verdict is Verdict.SUPPORTED:
        statements, cited = _side(support, 1)
        text = f"Supported: {_lower(_join(statements))}"
    elif verdict is Verdict.REFUTED:
        statements, cited = _side(refute, 1)
        text = f"Refuted: {_lower(_join(statements))}"
    else:
        against, cited_a = _side(refute, 1)
        for_, cited_f = _side(support, 1 + len(cited_a))
        how = "on how to describe it" if decision.conflict == "description" else "on the facts"
        text = (
            f"Disputed: the sources disagree {how}. {_join(against)} "
            f"On the other side, {_lower(_join(for_))}"
        )
        cited = cited_a + cited_f
    if note := changes(cited):  # one party on both sides, on different dates
        text = f"{text} {note}"
    citations = tuple(cite(i, e) for i, e in enumerate(cited, start=1))
    return Draft(verdict, text, citations)


class Composer(Protocol):
    """Writes the answer to one question from the engine's findings."""

    name: str

    def write(
        self, question: str, findings: Findings, offline: Answer, document: DocumentLookup
    ) -> Iterator[str | Answer]:
        """Answer text pieces as they are written, then the checked ``Answer`` (always last).

        ``offline`` is the template answer, the net when a writer fails; ``document`` looks
        sources up by id for validation.
        """
        ...


class TemplateComposer:
    """The offline writer: templates grouped by position (``compose``), then validated."""

    name = "template"

    def draft(self, findings: Findings, document: DocumentLookup) -> Draft:
        if findings.claim.asks is not None:
            return validate(compose_question(findings.claim, findings.decision), document)
        return validate(compose(findings.claim, findings.decision), document)

    def write(
        self, question: str, findings: Findings, offline: Answer, document: DocumentLookup
    ) -> Iterator[str | Answer]:
        yield from _pieces(offline.text)
        yield offline


def _pieces(text: str) -> Iterator[str]:
    """The finished text in word-sized pieces, so a UI can show it arriving."""
    words = text.split(" ")
    for i, word in enumerate(words):
        yield word if i == len(words) - 1 else word + " "
