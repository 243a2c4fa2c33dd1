"""One of several: "X was one of the diplomats who attended the meeting" claims that X
attended it; "X was among the prisoners freed in the swap", that X was freed in it; "X was one
of the Ardesians the Rovenians let go", that the Rovenians let X go.

The documents say such a thing of X directly ("released two Ardesian citizens, Clara Venn and
Tomas Ferrand"), seldom as membership of a group, so what is checked is what the group's
description says of X.
"""

from __future__ import annotations

import re
from typing import Any

from bot.engine.nlp import Parser

_MEMBER = re.compile(
    r"^(?P<x>.+?) (?P<be>is|was|are|were) (?:one of|among) (?P<group>.+?)\.?$", re.IGNORECASE)
# Words of the group's noun phrase before its noun: "the", "Ellsmere's three", "Ardesian".
_BEFORE_NOUN = frozenset(["DT", "PRP$", "CD", "JJ", "JJR", "JJS", "POS", "NNP", "NNPS", "NN",
                          "NNS", "HYPH", "VBN"])
_NOUNS = frozenset(["NN", "NNS", "NNP", "NNPS"])
_RELATIVE = frozenset(["who", "that", "which"])
_SINGULAR = {"are": "is", "were": "was"}
# Where the group was: being one of those there is being there ("at the meeting").
_PRESENT = frozenset(["at", "in", "on", "inside"])


def what_membership_says(text: str, parser: Parser) -> str | None:
    """The claim a membership claim makes of its named member, or None when the text is no
    such claim, its member is not named, or its group is described by nothing but its noun
    ("one of the officials there")."""
    match = _MEMBER.match(text.strip())
    if match is None:
        return None
    member, be = match.group("x"), match.group("be").lower()
    if not any(t.pos_ == "PROPN" or (t.is_title and not t.is_stop) for t in parser.parse(member)):
        # "the anonymous official": one described, not named, is read as a whole.
        return None
    doc = parser.parse(match.group("group"))
    end = _noun_end(doc)
    if end is None or end + 1 >= len(doc):
        return None
    if any(t.tag_ in ("JJS", "RBS") or t.lower_ == "only" for t in doc[: end + 1]):
        # "one of the largest cities in Europe", "one of only five states": a rank or a
        # count, not a description
        return None
    rest = doc[end + 1:]
    first = rest[0]
    words = rest.text.rstrip(" .")
    if first.lower_ in _RELATIVE and len(rest) > 1 and rest[1].tag_.startswith("VB"):
        # "... who attended the meeting": X attended the meeting
        verb = rest[1].lower_
        tail = rest[2:].text.rstrip(" .")
        verb = _SINGULAR.get(verb, verb) if be in ("is", "was") else verb
        return f"{member} {verb} {tail}".strip() + "."
    if first.tag_ in ("VBN", "VBG"):
        return f"{member} {be} {words}."  # "... freed in the swap": X was freed in it
    if first.lower_ in _PRESENT and len(rest) > 1 and not any(
            t.tag_.startswith("VB") or t.lower_ in _RELATIVE for t in rest):
        return f"{member} {be} {words}."  # "... at the meeting": X was at the meeting
    if first.tag_ in ("DT", "PRP", "NNP", "NNPS") and any(t.tag_.startswith("VB") for t in rest):
        return f"{words} {member}."  # "... the Rovenians let go": the Rovenians let X go
    return None


def one_of(tok: Any) -> bool:
    """"One of the Ardesians": one among several, not a count of one."""
    return tok.lower_ == "one" and any(c.dep_ == "prep" and c.lower_ == "of"
                                       for c in tok.children)


def _noun_end(doc: Any) -> int | None:
    """Where the group's noun phrase ends: at a noun that modifies nothing after it ("the
    Hollinsford councillors", but "the prisoners | Velda released")."""
    started = False
    for tok in doc:
        if tok.tag_ in _NOUNS or (tok.lower_ == "those" and not started):
            started = True
            after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if after is None or not (after.dep_ in ("compound", "case") or after.tag_ == "POS"
                                     or (tok.dep_ in ("compound", "poss")
                                         and after.tag_ in _NOUNS)):
                return tok.i
        elif started or tok.tag_ not in _BEFORE_NOUN:
            return None
    return None
