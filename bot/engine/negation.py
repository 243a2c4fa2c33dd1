"""Words that deny without a "not": a deed said not to be done ("refused to recognize"), a
correction's earlier version ("an earlier version of this report said X"), an adjective's
negative form ("unsafe"); and "not just", which denies nothing."""

from __future__ import annotations

from typing import Any

from bot.engine.lexicon import REPORTING_VERBS

_NOT_JUST = frozenset(["just", "only", "merely", "simply", "solely"])

_NEGATIVE_PREFIXES = ("un", "in", "im", "il", "ir", "dis", "non-", "non")

# Verbs that say their complement was not done: "refused to recognize", "held back from
# recognizing", "stopped short of recognizing".
_NOT_DONE_TO = frozenset("refuse decline fail neglect forget avoid".split())
_NOT_DONE_FROM = frozenset("refrain abstain desist".split())
_NOT_DONE_PARTICLE = {"hold": "back", "stop": "short", "shy": "away"}

_TEXT_VERSIONS = frozenset(["version", "edition", "draft"])
_EARLIER = frozenset(["earlier", "previous", "original", "prior", "first", "initial"])


def not_just(tok: Any) -> bool:
    """Is the "not" one of "not just CO2, but also methane", which adds and denies nothing?"""
    doc = tok.doc
    return tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in _NOT_JUST


def negative_form_of(a: Any, b: Any) -> bool:
    """Is one adjective the other with a negative prefix ("unsafe" / "safe", "illegal" /
    "legal")? Both must be adjectives, so "inform" is no opposite of "form"."""
    if a.pos_ != "ADJ" or b.pos_ != "ADJ":
        return False
    x, y = a.lower_, b.lower_
    return any(x == p + y or y == p + x for p in _NEGATIVE_PREFIXES)


def not_done(verb: Any) -> set[int]:
    """The tokens of what the verb says was not done; empty when it says no such thing."""
    lemma = verb.lemma_.lower()
    scope: set[int] = set()
    heads = [verb]
    if lemma in _NOT_DONE_PARTICLE:
        heads += [c for c in verb.children if c.lower_ == _NOT_DONE_PARTICLE[lemma]]
        if len(heads) == 1:
            return scope
    elif lemma not in _NOT_DONE_TO and lemma not in _NOT_DONE_FROM:
        return scope
    for head in heads:
        for child in head.children:
            if child.dep_ == "xcomp" and lemma in _NOT_DONE_TO:
                scope |= {t.i for t in child.subtree}
            elif child.dep_ == "prep" and child.lower_ in ("from", "of"):
                for obj in child.children:
                    if obj.dep_ in ("pcomp", "pobj"):
                        scope |= {t.i for t in obj.subtree}
    return scope


def superseded_text(tok: Any) -> bool:
    """The subject of a reporting verb that is an earlier version of a text: what that
    version said has since been corrected."""
    return (tok.dep_ == "nsubj" and tok.lemma_.lower() in _TEXT_VERSIONS
            and tok.head.lemma_.lower() in REPORTING_VERBS
            and any(c.dep_ == "amod" and c.lower_ in _EARLIER for c in tok.children))
