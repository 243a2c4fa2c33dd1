"""The answer text with [n] citations (offline templates), and the validation every answer passes.

Validation enforces the invariants whoever wrote the text: every [n] resolves to a
citation; every quote is verbatim in its source at its offsets; a DISPUTED answer
cites both sides; NOT_ENOUGH_INFO cites nothing.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from bot.types import Citation, Claim, Evidence, Stance, Verdict
from bot.verdict import Decision
from retrieval.text import fold_quotes
from retrieval.types import Document

log = logging.getLogger(__name__)

MARKER = re.compile(r"\[(\d+)\]")
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


@dataclass(frozen=True)
class Draft:
    verdict: Verdict
    text: str
    citations: tuple[Citation, ...]
    repairs: tuple[str, ...] = ()


def _inert(text: str) -> str:
    """Source or user text can hold "[3]" too: never let it pass for a citation marker."""
    return MARKER.sub(r"(\1)", text)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _speaker_name(e: Evidence) -> str | None:
    speaker = e.attribution.speaker
    if not speaker:
        return None
    if speaker in ("U.S.", "US") or (speaker.isupper() and len(speaker) <= 6):
        return f"the {speaker}"  # "the U.S. says"
    return _inert(speaker)


def _clause(e: Evidence) -> tuple[str | None, str, str]:
    """(speaker, verb, what they say) for one evidence sentence."""
    who = _speaker_name(e)
    att = e.attribution
    if who and att.content is not None:
        content = e_text(e, att.content.start, att.content.end).strip(" ,.")
        if len(content.split()) >= 3:
            if att.verb == "according to":
                return who, "according to", _inert(_lower(content))
            return who, _PRESENT.get(att.verb or "say", "says"), _inert(_lower(content))
    return who, "", _inert(e.quote.rstrip())


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
                parts.append(f"the headline reads “{_inert(e.quote)}” {marker}")
            elif key.startswith("\0doc:"):
                parts.append(f"the article “{_inert(e.title)}” reports “{what}” {marker}")
            elif not verb:
                parts.append(f"{_speaker_name(e)} is reported as the source of “{what}” {marker}")
            elif verb == "according to":
                parts.append(f"according to {_lower(_speaker_name(e) or '')}, {what} {marker}")
            elif not parts:
                parts.append(f"{_speaker_name(e)} {verb} {what} {marker}")
            else:
                parts.append(f"{what if what.startswith('that ') else 'that ' + what} {marker}")
        statements.append(_cap(", and ".join(parts)))
    return statements, cited


def _join(statements: list[str]) -> str:
    return ". ".join(s.rstrip(".") for s in statements) + "."


def _citation(n: int, e: Evidence) -> Citation:
    return Citation(
        n=n,
        doc_id=e.doc_id,
        title=e.title,
        source=e.source,
        start=e.start,
        end=e.end,
        quote=e.quote,
        speaker=e.speaker,
        stance=e.stance.label,
    )


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
            return Draft(verdict, NO_ANSWER.format(question=_inert(claim.question.strip())), ())
        return Draft(verdict, NO_EVIDENCE.format(claim=_inert(claim.text.rstrip("."))), ())
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
    citations = tuple(_citation(i, e) for i, e in enumerate(cited, start=1))
    return Draft(verdict, text, citations)


def validate(
    draft: Draft,
    document: Callable[[str], Document | None],
    fallback: Callable[[], Draft] | None = None,
) -> Draft:
    """Repair what breaks the invariants; every repair is counted, logged and returned."""
    repairs: list[str] = list(draft.repairs)
    text = draft.text
    by_n: dict[int, Citation] = {}
    for c in draft.citations:
        doc = document(c.doc_id)
        fixed = _verify_quote(c, doc)
        if fixed is None:
            repairs.append(f"dropped citation [{c.n}]: its quote is not in the source")
            continue
        if fixed != c:
            repairs.append(f"citation [{c.n}]: offsets corrected to where the quote stands")
        by_n[c.n] = fixed

    # Markers that point nowhere go; citations are renumbered in order of first use.
    order: list[int] = []
    for m in MARKER.finditer(text):
        n = int(m.group(1))
        if n in by_n and n not in order:
            order.append(n)
        elif n not in by_n:
            repairs.append(f"removed marker [{n}]: no such citation")
    renumber = {old: new for new, old in enumerate(order, start=1)}
    text = MARKER.sub(
        lambda m: f"[{renumber[int(m.group(1))]}]" if int(m.group(1)) in renumber else "", text
    )
    text = re.sub(r"[ \t]+([.,;:])", r"\1", re.sub(r"[ \t]{2,}", " ", text)).strip()
    unused = [n for n in by_n if n not in renumber]
    if unused:
        repairs.append(f"dropped {len(unused)} citation(s) the text never used")
    citations = tuple(replace(by_n[old], n=renumber[old]) for old in order)

    verdict = draft.verdict
    stances = {c.stance for c in citations}
    if verdict is Verdict.NOT_ENOUGH_INFO and citations:
        repairs.append("NOT_ENOUGH_INFO cites nothing: citations removed")
        citations, text = (), MARKER.sub("", text).strip()
    elif verdict is Verdict.DISPUTED and not {Stance.SUPPORTS, Stance.REFUTES} <= stances:
        side = (
            Verdict.SUPPORTED
            if Stance.SUPPORTS in stances
            else (Verdict.REFUTED if Stance.REFUTES in stances else Verdict.NOT_ENOUGH_INFO)
        )
        repairs.append(f"DISPUTED without a source on each side: downgraded to {side.value}")
        verdict = side
    if verdict is not Verdict.NOT_ENOUGH_INFO and not citations:
        if fallback is not None:
            repairs.append("no valid citation left: replaced by the offline answer")
            fb = fallback()
            return Draft(fb.verdict, fb.text, fb.citations, tuple(repairs))
        repairs.append("no valid citation left: NOT_ENOUGH_INFO")
        verdict, text = Verdict.NOT_ENOUGH_INFO, "The documents don't cover this."
    for r in repairs[len(draft.repairs) :]:
        log.warning("answer repaired: %s", r)
    return Draft(verdict, text, citations, tuple(repairs))


def _verify_quote(c: Citation, doc: Document | None) -> Citation | None:
    """The citation if its quote stands at its offsets, moved if it stands elsewhere, else None."""
    if doc is None or not c.quote.strip():
        return None
    if doc.text[c.start : c.end] == c.quote:
        return c
    at = doc.text.find(c.quote)
    if at < 0:
        folded = fold_quotes(doc.text)
        at = folded.find(fold_quotes(c.quote))
    if at < 0:
        return None
    return replace(c, start=at, end=at + len(c.quote), quote=doc.text[at : at + len(c.quote)])
