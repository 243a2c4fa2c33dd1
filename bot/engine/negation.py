"""Words that deny without a "not": a deed said not to be done ("refused to recognize"), a
correction's earlier version ("an earlier version of this report said X"), a statement
withdrawn, an adjective's negative form ("unsafe"); and "not just", which denies nothing."""

from __future__ import annotations

from typing import Any

from bot.engine.lexicon import REPORTING_VERBS
from retrieval.text import stem

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
    """Is one word the other with a negative prefix ("unsafe" / "safe", "illegal" / "legal",
    "unpaid" / "paid", "inaccurate" / "accurately")? Both must describe (adjectives,
    adverbs, participles) and the prefixed one must be an adjective or adverb, so "inform"
    is no opposite of "form", nor "discovered" of "covered"."""
    if not (describes(a) and describes(b)):
        return False
    x, y = (t.lower_.removesuffix("ly") if t.pos_ == "ADV" else t.lower_ for t in (a, b))
    for u, v in ((x, y), (stem(x), stem(y))):
        for p in _NEGATIVE_PREFIXES:
            if (u == p + v and a.pos_ in ("ADJ", "ADV")) or (
                    v == p + u and b.pos_ in ("ADJ", "ADV")):
                return True
    return False


def describes(tok: Any) -> bool:
    """An adjective, adverb or participle: a word that may have a negative form."""
    return tok.pos_ in ("ADJ", "ADV") or tok.tag_ in ("VBN", "VBD")


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


def withdrawn_claims(verb: Any) -> list[Any]:
    """The clauses a verb of withdrawing takes back: "has withdrawn its statement that the
    bid was 9 million merks cheaper" no longer says the bid was."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _WITHDRAW:
        return []
    return [clause for obj in verb.children if obj.dep_ == "dobj"
            and obj.lemma_.lower() in _STATEMENTS
            for clause in obj.children if clause.dep_ in ("acl", "ccomp")]


_WITHDRAW = frozenset(["withdraw", "retract", "recant"])
_STATEMENTS = frozenset(["statement", "claim", "figure", "estimate", "assertion", "allegation",
                         "remark", "report"])


def superseded_text(tok: Any) -> bool:
    """The subject of a reporting verb that is an earlier version of a text: what that
    version said has since been corrected."""
    return (tok.dep_ == "nsubj" and tok.lemma_.lower() in _TEXT_VERSIONS
            and tok.head.lemma_.lower() in REPORTING_VERBS
            and any(c.dep_ == "amod" and c.lower_ in _EARLIER for c in tok.children))
