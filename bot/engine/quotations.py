"""Quotations that run over several sentences: whose words a sentence inside one is."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import replace
from typing import Any

from bot.engine.attribution import attribute
from bot.types import Attribution, Candidate

_OPENING = "\u201c\""
QUOTED_BACK = 3  # sentences a quotation is followed back to find who says it
_SENTENCE_END = re.compile(r"(?<=[.!?])[\u201d\"]?\s+(?=[\u201c\"]?[A-Z])")


def paragraph_before(cand: Candidate) -> str:
    """The candidate's paragraph up to the candidate."""
    text = cand.doc.text
    start = max(text.rfind("\n\n", 0, cand.span.start), 0)
    return text[start : cand.span.start].rstrip()


def previous_sentence(cand: Candidate, before: str) -> tuple[str, int]:
    """The sentence before the candidate in its paragraph (``before``), and where it starts."""
    previous = _SENTENCE_END.split(before)[-1].strip() if before else ""
    return previous, cand.doc.text.rfind(previous, 0, cand.span.start)


def quoted_on(cand: Candidate, parse: Callable[[list[str]], list[Any]]) -> Attribution | None:
    """Who says a sentence that goes on with a quotation: after "\u201cThis is a first step,\u201d
    said the spokesman, Moussa Ibrahim.", the next "\u201cWe don't want to be stuck in the
    past." is his, and so is the one after it."""
    before = paragraph_before(cand)
    # Inside a quotation: more curly openings than closings, or an odd count of straight marks.
    opened = before.count("\u201c") > before.count("\u201d") or before.count('"') % 2 == 1
    if not before or not (opened or cand.text.lstrip()[:1] in _OPENING):
        return None
    opens = cand.text.lstrip()[:1] in _OPENING  # the sentence last read opens the quotation
    for _ in range(QUOTED_BACK):
        previous, at = previous_sentence(cand, before)
        if not previous:
            return None
        if not any(c in previous for c in "\u201c\u201d\""):
            # "Lauderdale said the council had made no promise. \u201cWe have not agreed
            # ...\u201d": a quotation opening on a sentence that reports someone's words is
            # theirs, unless it names its own speaker where it closes.
            if not opens or _speaker_after(cand.doc.text, at + len(previous)):
                return None  # the sentence before quotes no one
            said = attribute(parse([previous])[0], at, cand.doc.text)
            return replace(said, direct_quote=True, content=cand.span) if said.speaker else None
        said = attribute(parse([previous])[0], at, cand.doc.text)
        if said.speaker:
            return replace(said, direct_quote=True, content=cand.span)
        opens = previous.lstrip()[:1] in _OPENING
        before = before[: before.rfind(previous)].rstrip()  # a quotation that went on before
    return None


# What follows a closing quotation mark that names who spoke: '," said X', '," she added'.
_FRAME_AFTER = re.compile(r"^[,.!?]?[\u201d\"]\s*(?:[\w.\u2019'-]+\s+){0,6}?"
                          r"(?:said|says|told|added|adds|asked|replied|wrote|insisted|explained)\b")


def _speaker_after(text: str, start: int) -> bool:
    """Does the quotation opening at ``start`` close with its own speaker named?"""
    end = text.find("\n\n", start)
    paragraph = text[start : end if end >= 0 else len(text)]
    first = paragraph.find("\u201c") if "\u201c" in paragraph[:3] else paragraph.find('"')
    closing = "\u201d" if "\u201c" in paragraph[:3] else '"'
    close = paragraph.find(closing, first + 1)
    if close < 0:
        return False
    return bool(_FRAME_AFTER.match(paragraph[close - 1 :]))


def speaker_of(
    cand: Candidate,
    doc: Any,
    tokens: Collection[int],
    parse: Callable[[list[str]], list[Any]],
) -> Attribution:
    """Who asserts the candidate's words (``tokens`` of its parse ``doc``): its own reporting
    frame, or else the speaker of the quotation it goes on with."""
    said = attribute(doc, cand.span.start, cand.doc.text, tokens)
    if said.speaker:
        return _named_before(cand, said, parse)
    return quoted_on(cand, parse) or said


_HE_OR_SHE = frozenset(["he", "she"])


def _named_before(cand: Candidate, said: Attribution,
                  parse: Callable[[list[str]], list[Any]]) -> Attribution:
    """"“The mayor is presenting the cheapest number,” he said.": "he" is whoever the
    sentence before it in its paragraph reports, or else the one person that sentence names."""
    if (said.speaker or "").lower() not in _HE_OR_SHE:
        return said
    previous, at = previous_sentence(cand, paragraph_before(cand))
    if not previous:
        return said
    doc = parse([previous])[0]
    prior = attribute(doc, at, cand.doc.text)
    if prior.speaker and prior.speaker.lower() not in _HE_OR_SHE | {"they", "it", "we", "i"}:
        return replace(said, speaker=prior.speaker, organisation=prior.organisation,
                       anonymous=prior.anonymous)
    people = {e.text for e in doc.ents if e.label_ == "PERSON"}
    return replace(said, speaker=people.pop()) if len(people) == 1 else said
