"""A claim put to one party is that party's position.

"The State Department official said the meeting was the first of a series of talks",
"According to the U.S. official, Libyan officials understood the U.S. position": what is
checked is what that party says, so the sentences it speaks decide the verdict. Another
party saying otherwise is a different position, not a contradiction of this one. When
nothing the party says bears on the claim, every source decides, as for any claim.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from bot.engine.aliases import canonical
from bot.engine.lexicon import REPORTING_VERBS
from bot.types import Evidence, Stance
from retrieval.text import stem

# Words that say which side without naming one more narrowly: "the Libyan side", "the U.S.
# government" are the country's voice, whoever in it speaks.
_GENERIC = frozenset(stem(w) for w in (
    "side", "government", "regime", "administration", "camp", "people", "authorities",
    "authority", "officials"))
_DROP = frozenset(["the", "a", "an", "its", "his", "her", "their", "our", "this", "that"])
# Who cannot be a party to look for among the speakers: the documents themselves, the
# asker, or a pronoun whose party the claim does not name.
_NOT_A_PARTY = frozenset(["article", "headline", "story", "report", "document", "documents",
                          "text", "source", "sources"])


def party_of(doc: Any) -> str | None:
    """The party a claim puts its content to: the subject of its main reporting verb ("X
    said ..."), else the source it is "according to"; None when it names none."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return None
    if root.lemma_.lower() in REPORTING_VERBS and any(
            c.dep_ in ("ccomp", "xcomp", "dobj", "oprd") for c in root.children):
        subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return _named(subject)
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ in ("according", "per"):
            obj = next((g for t in child.subtree for g in t.children if g.dep_ == "pobj"), None)
            if obj is not None:
                return _named(obj)
    return None


def _named(noun: Any) -> str | None:
    """The noun phrase up to its head ("the official, who ..." -> "the official"), or None
    for a pronoun or the documents themselves ("the report", "sources")."""
    if noun.pos_ == "PRON":
        return None
    if noun.lemma_.lower() in _NOT_A_PARTY and not any(
            c.dep_ == "compound" or (c.dep_ in ("amod", "poss") and c.pos_ in ("PROPN", "ADJ"))
            for c in noun.children):
        return None  # "the source", but "a union source" is someone
    return " ".join(t.text for t in noun.subtree if t.i <= noun.i and not t.is_punct) or None


def _keys(text: str) -> set[str]:
    """The words that pick a speaker out, a country or body under one key whatever it is
    called ("Washington", "American", "U.S.")."""
    out = set()
    for word in re.findall(r"[\w.'’-]+", text):
        if not re.fullmatch(r"(?:\w\.)+", word):  # "U.S." keeps its dots
            word = re.sub(r"['’]s?$", "", word).strip(".'’")
        body = canonical(word)
        if body is not None:
            out.add("@" + body)
        elif word.lower() not in _DROP and stem(word.lower()) not in _GENERIC:
            out.add(stem(word.lower()))
    return out


def speaks_for(party: str, speaker: str | None) -> bool:
    """Is the speaker the party, or one of it: everything the party is named by is in the
    speaker's name ("the U.S. official" is "A U.S. State Department official")?"""
    if not speaker:
        return False
    wanted = _keys(party)
    return bool(wanted) and wanted <= _keys(speaker)


def its_own(party: str, evidence: Sequence[Evidence]) -> list[Evidence]:
    """The evidence the party itself speaks that takes a side on the claim."""
    return [e for e in evidence
            if e.stance.label is not Stance.NEUTRAL and speaks_for(party, e.speaker)]
