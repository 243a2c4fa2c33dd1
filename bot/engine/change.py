"""Which way a figure moved: a claim that something rose or fell, and a sentence giving the
figure before and after ("cuts the daily crossings from six to four").

The direction is read from the two figures, not from the verb: "cut from 3.9 to 3.2 per
cent" went down whatever the verb, and "the rise is cut" moves the rise, not the tax.
"""

from __future__ import annotations

import re
from typing import Any

from bot.engine.normalise import number

# Words that say which way a claim has something move, without a figure of its own.
_UP = frozenset(["more", "increase", "rise", "grow", "raise", "higher", "climb", "gain",
                 "expand", "boost", "larger", "bigger", "greater"])
_DOWN = frozenset(["fewer", "less", "decrease", "fall", "drop", "decline", "cut", "reduce",
                   "lower", "shrink", "slash", "smaller"])
_WAYS = _UP | _DOWN
_FIGURE = r"(\d[\d,]*(?:\.\d+)?|[a-z]+)"
_ABOUT = r"(?:about |around |some |nearly |almost )?"
# (figure before, figure after): "from six to four", "to 36 million from 31 million",
# "1.8 million, up from 1.2 million"
_FROM_TO = re.compile(rf"\bfrom {_ABOUT}{_FIGURE}\b[^.;,]{{0,25}}? to {_ABOUT}{_FIGURE}\b")
_TO_FROM = re.compile(rf"\bto {_ABOUT}{_FIGURE}\b[^.;,]{{0,25}}? from {_ABOUT}{_FIGURE}\b")
_UP_FROM = re.compile(rf"\b{_FIGURE}\b[^.;,]{{0,25}}?, (?:up|down) from {_ABOUT}{_FIGURE}\b")


def claimed(doc: Any) -> tuple[int, frozenset[str]]:
    """Which way the claim says something went (+1 up, -1 down, 0 neither or both), and the
    words for what went: "fewer crossings", "cut the number of crossings", "fares fell".
    A noun ("the tax rise was the biggest") says which way nothing went."""
    way, things = 0, set()
    for tok in doc:
        # ("fewer" and "higher" as written: their lemmas are "few" and "high")
        word = tok.lemma_.lower() if tok.lemma_.lower() in _WAYS else tok.lower_
        if tok.dep_ == "prt" and word in ("up", "down"):  # "went up", "come down"
            way += 1 if word == "up" else -1
            things.update(_what_went(tok.head))
            continue
        if tok.pos_ in ("NOUN", "PROPN") or word not in _WAYS:
            continue
        way += 1 if word in _UP else -1
        things.update(_what_went(tok))
    return (1 if way > 0 else -1 if way < 0 else 0), frozenset(things)


def _what_went(tok: Any) -> set[str]:
    """The nouns for what the word says went up or down, with the nouns that say which of
    them."""
    if tok.pos_ == "VERB":
        objects = [c for c in tok.children if c.dep_ == "dobj"]
        nouns = objects or [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    else:  # "fewer crossings", "more daily crossings", "fares are higher"
        head = tok.head
        while head.pos_ in ("ADJ", "ADV") and head.head.i != head.i:  # (the root heads itself)
            head = head.head
        nouns = [head] if head.pos_ == "NOUN" else [
            c for c in head.children if c.dep_ in ("attr", "nsubj")]
    found = set()
    for noun in nouns:
        found.add(noun.lemma_.lower())
        # which of them: "the number of crossings", "staff in the repair crews" (not when:
        # "crossings in winter"; nor a name: "fares in Ashby")
        found.update(c.lemma_.lower() for p in noun.children if p.dep_ == "prep"
                     for c in p.children if c.dep_ == "pobj" and c.pos_ == "NOUN"
                     and c.ent_type_ not in ("DATE", "TIME"))
    return found


def moved(sentence: str) -> int:
    """+1 if the sentence gives a figure rising "from A to B", -1 falling, 0 if it gives none."""
    low = sentence.lower()
    pairs = [(m.group(1), m.group(2)) for m in _FROM_TO.finditer(low)]
    pairs += [(m.group(2), m.group(1)) for p in (_TO_FROM, _UP_FROM) for m in p.finditer(low)]
    for first, then in pairs:
        before, after = number(first), number(then)
        if before is None or after is None or before == after or _years(first, then):
            continue
        return 1 if after > before else -1
    return 0


def _years(*figures: str) -> bool:
    """"from 2010 to 2015" is a span of time, not a figure that moved."""
    return all(re.fullmatch(r"1[5-9]\d\d|20\d\d", f) for f in figures)
