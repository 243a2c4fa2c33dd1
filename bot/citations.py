"""Citations: ``[n]`` markers, numbering, quote checks and the validation every answer passes.

Both answer paths (templates in ``bot.engine.compose``, the model in ``bot.llm``) and the
UI's rendering use this module, so the marker pattern and the invariants live in one place:
every [n] resolves to a citation; every quote is verbatim in its source at its offsets; a
DISPUTED answer cites both sides; NOT_ENOUGH_INFO cites nothing.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Collection
from dataclasses import replace

from bot.types import Citation, Draft, Evidence, Stance, Verdict
from retrieval.text import fold_quotes
from retrieval.types import Document

log = logging.getLogger(__name__)

MARKER = re.compile(r"\[(\d+)\]")
DISPUTED_OPENING = "Sources differ. "  # how an open question's DISPUTED answer begins

DocumentLookup = Callable[[str], Document | None]  # doc_id -> the stored document, or None


def inert(text: str) -> str:
    """Source or user text can hold "[3]" too: never let it pass for a citation marker."""
    return MARKER.sub(r"(\1)", text)


def unbalanced_quotes(text: str) -> bool:
    """Does the text open or close a quotation it does not also close or open (a sentence of
    a quotation that runs over several)?"""
    return text.count("\u201c") != text.count("\u201d") or text.count('"') % 2 == 1


def cited_numbers(text: str) -> list[int]:
    """The numbers cited in ``text``, in order of first appearance."""
    return list(dict.fromkeys(int(n) for n in MARKER.findall(text)))


def renumber(text: str, known: Collection[int]) -> tuple[str, dict[int, int]]:
    """Known markers renumbered 1, 2, ... in order of first use; unknown ones removed.

    Returns the new text and the mapping old number -> new number.
    """
    order = [n for n in cited_numbers(text) if n in known]
    mapping = {old: new for new, old in enumerate(order, start=1)}
    text = MARKER.sub(
        lambda m: f"[{mapping[int(m.group(1))]}]" if int(m.group(1)) in mapping else "", text
    )
    return text, mapping


def cite(n: int, e: Evidence) -> Citation:
    """Citation number ``n`` of one evidence sentence."""
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
        page=e.page,
        outlet=e.outlet,
        published=e.published,
        answer=e.answer,
    )


def norm(text: str) -> str:
    """Text compared for quoting: straight quotes, single spaces, case kept."""
    return " ".join(fold_quotes(text).split())


def verify_quote(c: Citation, doc: Document | None) -> Citation | None:
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
    return replace(c, start=at, end=at + len(c.quote), quote=doc.text[at : at + len(c.quote)],
                   page=doc.page_at(at))


def backed(answer: str, quote: str) -> bool:
    """Is every part of a stated answer ("A, B and C") word for word in the cited quote?"""
    folded = norm(quote).lower()
    parts = [p for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", norm(answer).lower()) if p]
    return bool(parts) and all(p.strip(" .") in folded for p in parts)


def _check_question(
    verdict: Verdict, citations: tuple[Citation, ...], repairs: list[str]
) -> tuple[Verdict, tuple[Citation, ...]]:
    """An open question's answers: each backed by its quote; DISPUTED needs two of them."""
    out = []
    for c in citations:
        if c.answer is not None and not backed(c.answer, c.quote):
            repairs.append(f"citation [{c.n}]: its stated answer is not in the quote")
            c = replace(c, answer=None)
        out.append(c)
    answers = {" ".join(c.answer.lower().split()) for c in out if c.answer}
    if verdict is Verdict.DISPUTED and len(answers) < 2:
        repairs.append("DISPUTED without two different cited answers: ANSWERED")
        verdict = Verdict.ANSWERED
    if verdict in (Verdict.SUPPORTED, Verdict.REFUTED):
        repairs.append(f"an open question asserts nothing: {verdict.value} read as ANSWERED")
        verdict = Verdict.ANSWERED
    return verdict, tuple(out)


def validate(
    draft: Draft,
    document: DocumentLookup,
    fallback: Callable[[], Draft] | None = None,
) -> Draft:
    """Repair what breaks the invariants; every repair is counted, logged and returned."""
    repairs: list[str] = list(draft.repairs)
    by_n: dict[int, Citation] = {}
    for c in draft.citations:
        fixed = verify_quote(c, document(c.doc_id))
        if fixed is None:
            repairs.append(f"dropped citation [{c.n}]: its quote is not in the source")
            continue
        if fixed != c:
            repairs.append(f"citation [{c.n}]: offsets corrected to where the quote stands")
        by_n[c.n] = fixed

    # Markers that point nowhere go; citations are renumbered in order of first use.
    for n in (int(k) for k in MARKER.findall(draft.text)):
        if n not in by_n:
            repairs.append(f"removed marker [{n}]: no such citation")
    text, mapping = renumber(draft.text, by_n)
    text = re.sub(r"[ \t]+([.,;:])", r"\1", re.sub(r"[ \t]{2,}", " ", text)).strip()
    unused = [n for n in by_n if n not in mapping]
    if unused:
        repairs.append(f"dropped {len(unused)} citation(s) the text never used")
    citations = tuple(replace(by_n[old], n=new) for old, new in mapping.items())

    verdict = draft.verdict
    stances = {c.stance for c in citations}
    if draft.kind == "question" and citations:
        verdict, citations = _check_question(verdict, citations, repairs)
        if draft.verdict is Verdict.DISPUTED and verdict is Verdict.ANSWERED:
            # (the answers found to agree: the text no longer says the sources differ)
            text = text.removeprefix(DISPUTED_OPENING)
    if verdict is Verdict.NOT_ENOUGH_INFO and citations:
        repairs.append("NOT_ENOUGH_INFO cites nothing: citations removed")
        citations, text = (), MARKER.sub("", text).strip()
    elif (
        draft.kind == "claim"
        and verdict is Verdict.DISPUTED
        and not {Stance.SUPPORTS, Stance.REFUTES} <= stances
    ):
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
            return Draft(fb.verdict, fb.text, fb.citations, tuple(repairs), fb.kind)
        repairs.append("no valid citation left: NOT_ENOUGH_INFO")
        verdict, text = Verdict.NOT_ENOUGH_INFO, "The documents don't cover this."
    for r in repairs[len(draft.repairs) :]:
        log.warning("answer repaired: %s", r)
    return Draft(verdict, text, citations, tuple(repairs), draft.kind)
