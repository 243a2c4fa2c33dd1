"""Whose a thing is: "the Tunisian government", "Tunisia's government", "the government of
Tunisia" all name one government, and "the Libyan government" another.

News gives things of one kind to several countries or peoples (two governments, two
embassies, two spokesmen). A sentence about one's thing says nothing of another's, however
close its words are to a claim about the other's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from bot.engine.aliases import aliases_of, canonical, is_seat
from bot.engine.lexicon import EVENTS
from bot.engine.names import respelled
from retrieval.text import stem

_OWNER_DEPS = frozenset(["amod", "compound", "poss", "nmod"])
_DEMONYM = re.compile(r"(?:an|ish|ese)$")
_COUNTRY = re.compile(r"\w{3}ia$")


def _name(word: Any) -> str:
    """The word with the names compounded before it ("United States", "U.S. Congress")."""
    return " ".join(t.text for t in word.subtree
                    if t.i == word.i or (t.i < word.i and t.dep_ == "compound"))


def _land(word: Any) -> str | None:
    """The key of a word that surely names a country or people ("Tunisian", "Tunisia's",
    "the U.S.", "Kelmish"), or None. A name the tagger calls an organisation or a person may
    be a leader's ("Qaddafi's government" is the Libyan one): it is never told apart."""
    name = _name(word)
    key = canonical(name) or canonical(word.text)
    if key is not None:
        return key
    bare = re.sub(r"[’']s$", "", word.text).lower()
    if word.ent_type_ in ("GPE", "NORP"):
        return bare
    # "the Kelmish ministry", "Ardesia's parliament": a people's adjective or a country's
    # name by its ending, where the tagger gives no type or another one.
    if word.pos_ in ("PROPN", "ADJ") and word.ent_type_ != "PERSON" and (
            (word.dep_ != "poss" and _DEMONYM.search(bare)) or _COUNTRY.search(bare)):
        return bare
    return None


def owners(tok: Any) -> frozenset[str]:
    """The countries or peoples a noun is given to by its own words: an adjective or name
    before it, a possessive, or "of" and a name ("the government of Tunisia"). A capital
    before a noun says where it is ("the Tripoli embassy"), not whose, unless possessive;
    an event has no owner ("the Tunisia meeting" is where it was)."""
    if tok.pos_ not in ("NOUN", "PROPN") or not tok.is_lower or stem(tok.lower_) in EVENTS:
        return frozenset()
    words = [c for c in tok.children if c.dep_ in _OWNER_DEPS]
    if tok.dep_ == "compound":
        # "a Libyan government spokesman": what comes before the compound is said of it too.
        words += [c for c in tok.head.children if c.dep_ in _OWNER_DEPS and c.i < tok.i]
    words += [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
              for p in c.children if p.dep_ == "pobj"]
    found = {_land(w) for w in words if w.dep_ == "poss" or not is_seat(w.text)}
    return frozenset(k for k in found if k is not None)


def _same(a: str, b: str) -> bool:
    """One key in two forms: equal, a name and its people's adjective ("veltria",
    "veltrian"), or a name transliterated two ways."""
    return a == b or respelled(a, b) or (
        len(a) >= 5 and len(b) >= 5 and (a.startswith(b) or b.startswith(a)))


def another_s(claim_owners: frozenset[str], tokens: Iterable[Any]) -> bool:
    """Is every one of the sentence's words for the claim's thing given to a country or
    people the claim does not give it to ("the Libyan government" for "the Tunisian
    government")?"""
    tokens = list(tokens)
    if not claim_owners or not tokens:
        return False
    for tok in tokens:
        theirs = owners(tok)
        if not theirs or any(_same(a, b) for a in claim_owners for b in theirs):
            return False
    return True


def doers(doc: Any) -> frozenset[str]:
    """The countries or peoples whoever does the main clause's deed is, or belongs to
    ("Rovenian lawmakers voted", "Ardesia's parliament voted", "Rovenia voted")."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return frozenset()
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    subjects += [p for c in root.children if c.dep_ == "agent"
                 for p in c.children if p.dep_ == "pobj"]
    found: set[str] = set()
    for subject in subjects:
        found |= owners(subject)
        # The doer itself ("Rovenia voted"), where surely a country: a people's ending does
        # not tell a country from a person ("Feltman"), a country's may ("Ardesia").
        name = _name(subject)
        bare = name.lower()
        key = canonical(name) or canonical(subject.text) or (
            bare if subject.ent_type_ in ("GPE", "NORP") or (
                subject.ent_type_ != "PERSON" and _COUNTRY.search(bare)) else None)
        if subject.pos_ == "PROPN" and key is not None:
            found.add(key)
    return frozenset(found)


def another_doer(ours: frozenset[str], doc: Any) -> bool:
    """Does the sentence tell of a deed done by another country or people than ``ours``, the
    claim's ``doers``, without naming the claim's anywhere ("Ardesia's parliament voted to
    allow pardons" for "Rovenian lawmakers voted to allow pardons")?"""
    if not ours:
        return False
    theirs = doers(doc)
    if not theirs or any(_same(a, b) for a in ours for b in theirs):
        return False
    # Named as a party, not as a place ("Ardesia kept its embassy in Tannis open" names
    # no Rovenian party, though Tannis is the Rovenian capital).
    named = set(aliases_of(doc).values()) | {t.lower_ for t in doc if not is_seat(t.text)}
    return not any(_same(a, k) for a in ours for k in named)
