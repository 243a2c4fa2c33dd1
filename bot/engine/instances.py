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
