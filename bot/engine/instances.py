"""Which one of a kind a sentence names: "at the Istanbul meeting" answers "At which meeting
...?", "the Second Congo War" answers "What war did the agreement end?".

A question that asks which thing of a kind ("which meeting", "what war", "which party") is
answered by a phrase the kind's own word heads, when a name, a number or a date tells that
one apart; a word for a kind of the thing ("football" for "what sport") is read elsewhere
(``answers._kind_value``).
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from retrieval.text import stem

# Entity types that tell one thing of a kind from another.
_TELLING = frozenset(
    ["GPE", "LOC", "ORG", "NORP", "FAC", "EVENT", "DATE", "ORDINAL", "PERSON", "WORK_OF_ART"]
)
_MODIFIERS = frozenset(["compound", "amod", "nmod", "nummod", "poss"])
# Words for a kind of place written before its name: "the River Avon", "Lake Brenna".
_BEFORE_NAMES = frozenset("river lake mount mountain island isle cape bay fort port loch "
                          "glen".split())


def _tells_apart(tok: Any) -> bool:
    return tok.pos_ in ("PROPN", "NUM") or tok.ent_type_ in _TELLING


def named_instance(kind_words: Collection[str], doc: Any, matched: Collection[int]) -> str | None:
    """The phrase of ``doc`` headed by a word for the kind (stems in ``kind_words``) whose
    modifiers name which one it is, with a modifier outside the question's words
    (``matched``): "the Istanbul meeting", not "the meeting" nor "a secret meeting"."""
    best: tuple[int, str] | None = None
    for head in doc:
        if head.pos_ not in ("NOUN", "PROPN") or stem(head.lemma_.lower()) not in kind_words:
            continue
        named = _name_beside(head)
        if named is not None and not any(i in matched for i in range(*named)) and (
                best is None or best[0] < 1):
            # "on the river Merre", "the River Avon", "the province of Dask", "Ossic, the
            # minority language of ...": the name beside the word for the kind
            best = (1, doc[named[0] : named[1]].text)
            continue
        mods = [t for t in head.lefts if t.dep_ in _MODIFIERS]
        # "the Libya Contact Group meeting": the words of a name the modifier heads too.
        span = sorted({w.i for m in mods for w in m.subtree if w.i < head.i} | {head.i})
        if not span or span[-1] - span[0] + 1 != len(span):
            continue  # a modifier reaching past the head, or words left out between
        telling = [doc[i] for i in span[:-1] if _tells_apart(doc[i]) and i not in matched]
        if not telling:
            continue
        start = span[0]
        while start < head.i and doc[start].dep_ in ("case", "punct"):
            start += 1
        if start > 0 and doc[start - 1].dep_ == "det" and doc[start - 1].head.i == head.i:
            start -= 1  # "the Istanbul meeting"
        text = doc[start : head.i + 1].text
        if best is None or len(telling) > best[0]:
            best = (len(telling), text)
    return best[1] if best else None


def _name_beside(kind: Any) -> tuple[int, int] | None:
    """Where the name is that a word for a kind is set beside: the name it follows after a
    comma ("Ossic, the minority language"), its apposition ("the river Merre"), the name it
    is written into ("the River Avon") or the name after its "of" ("the province of
    Dask")."""
    doc = kind.doc
    start = min([kind.i, *(t.i for t in kind.lefts)])
    if start >= 2 and doc[start - 1].text == "," and doc[start - 2].pos_ == "PROPN" and (
            doc[start].lower_ in ("the", "a", "an")):
        # (read along the text, which the parse may take for a list: "Ossic, the minority
        # language of the north")
        name = doc[start - 2]
        first = name.i
        while first > 0 and doc[first - 1].pos_ == "PROPN" and doc[first - 1].head.i == name.i:
            first -= 1
        return first, name.i + 1
    after = doc[kind.i + 1] if kind.i + 1 < len(doc) else None
    if after is None:
        return None
    if after.dep_ == "appos" and after.head.i == kind.i and after.pos_ == "PROPN":
        return kind.i, after.i + 1
    if kind.dep_ == "compound" and kind.head.pos_ == "PROPN" and kind.head.i == kind.i + 1 \
            and kind.lower_ in _BEFORE_NAMES:
        return kind.i, kind.head.i + 1  # (not "State" of "the State Department")
    if after.lower_ == "of" and after.head.i == kind.i and kind.i + 2 < len(doc):
        name = doc[kind.i + 2]
        if name.pos_ == "PROPN" and name.head.i == after.i and name.ent_type_ in (
                "GPE", "LOC", "FAC", ""):
            return kind.i, name.i + 1
    return None
