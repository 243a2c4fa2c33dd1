"""What one party says, as a statement another party's words can be checked against.

A claim decided by one side's statement ("a first round of talks to settle the dispute",
says the union's spokesman) is in dispute when the other side says otherwise ("the meeting
was not the start of talks", says the owners' lawyer), even in words that do not echo the
claim ("Was the meeting meant to settle the dispute?"). Only the part of the statement the
claim rests on is put to the other side: "the Varno meeting" names the meeting a
description is about, and a dispute over the description says nothing of where the meeting
was.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any

from bot.engine.first_person import side_of
from bot.engine.lexicon import COPULAS_WITH, EVENTS, FURTHER, related
from bot.engine.nlp import CONTENT_POS
from bot.types import Attribution
from retrieval.text import stem

# Verbs that give a description of something ("described the meeting as a first round").
_DESCRIBE = frozenset("describe characterize characterise portray depict bill present cast "
                      "call label term see view regard".split())
_CLAUSE_HEADS = ("VERB", "AUX")
# Words naming an occasion: meetings and talks.
_OCCASIONS = EVENTS | related(stem("negotiation"))
# Words naming a speaker's role, not the side it speaks for.
_ROLES = frozenset(stem(w) for w in (
    "the spokesman spokeswoman spokesperson official source representative aide lawyer "
    "chairman chairwoman chair chief minister secretary director head member staff adviser "
    "advisor senior junior deputy assistant its their his her".split()))


def said_part(doc: Any, start: int, said: Attribution, core: Collection[int]) -> str | None:
    """The part of a party's statement (``doc``, a sentence starting at character ``start``
    of its document) that holds the claim's words (``core``, token indices), as a statement:
    "the Varno meeting was a first round of talks" from "described the Varno meeting as a
    first round of talks"; None when the claim's words only name what the
    statement is about, or the statement cannot be told apart from its frame."""
    if said.content is None or not core:
        return None
    content = [t for t in doc if said.content.start <= start + t.idx < said.content.end]
    inside = {t.i for t in content}
    heads = [t for t in content if t.head.i not in inside or t.head.i == t.i]
    if not heads:
        return None
    head = heads[0]
    if said.verb in _DESCRIBE and head.pos_ in ("NOUN", "PROPN", "PRON"):
        # "described [the meeting] as [a first step]": what is said of the thing is after "as"
        thing = {t.i for t in head.subtree}
        rest = [t for t in content if t.i not in thing and t.i > head.i]
        if not rest or rest[0].lower_ != "as" or not (set(core) & {t.i for t in rest[1:]}):
            return None
        return f"{_text(t for t in content if t.i in thing)} was {_text(rest[1:])}"
    if head.pos_ not in _CLAUSE_HEADS:
        return None
    # "that the meeting was not the start of talks and that there is no plan for a second
    # session": each clause is a statement of its own; only those the claim rests on count.
    clauses = [head, *(c for c in head.children if c.dep_ == "conj" and c.pos_ in _CLAUSE_HEADS)]
    others = {c.i: {t.i for t in c.subtree} for c in clauses[1:]}
    kept: list[str] = []
    for clause in clauses:
        tokens = {t.i for t in clause.subtree} & inside
        if clause is head:
            tokens -= set().union(*others.values())
        subject = {t.i for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")
                   for t in c.subtree}
        if set(core) & (tokens - subject):
            words = [t for t in doc if t.i in tokens and not (t.dep_ in ("mark", "cc")
                                                              and t.head.i == clause.i)]
            kept.append(_text(words))
    return " and ".join(kept) or None


def names_the_occasion_only(claim: Any, doc: Any, core: Collection[int]) -> bool:
    """Do the statement's words that meet the claim (``core``) only name the occasion the
    claim asks about ("Were observers present at the first round of talks?", met by "the
    meeting was the first round of talks"), none of what the claim says happened at it?"""
    root = next((t for t in claim if t.dep_ == "ROOT"), None)
    if root is None:
        return False
    heads = [root, *(c for c in root.children if c.dep_ == "acomp")]
    # ("amounted to bargaining": what it amounted to is what the claim says it was)
    predicate = COPULAS_WITH.get(root.lemma_.lower())
    occasion = {t.i for h in heads for c in h.children if c.dep_ == "prep"
                and not (h is root and c.lower_ == predicate)
                and any(stem(t.lower_) in _OCCASIONS for t in c.subtree) for t in c.subtree}
    if not occasion:
        return False
    met = {w for i in core for w in related(stem(doc[i].lower_))}
    rest = {stem(t.lower_) for t in claim if t.i not in occasion and t.pos_ in CONTENT_POS
            and t.lemma_ not in ("be", "have", "do")}
    return not rest & met


def same_side(a: Attribution, b: Attribution) -> bool:
    """Do two speakers speak for one side: one country or body the aliases know, or one party
    named in both ("the union", "a union spokesman")?"""
    sa, sb = side_of(a), side_of(b)
    if sa is not None and sb is not None:
        return sa == sb
    return bool(_party_words(a) & _party_words(b))


def _party_words(said: Attribution) -> set[str]:
    text = f"{said.speaker or ''} {said.organisation or ''}"
    return {stem(w) for w in re.findall(r"[a-z]{3,}", text.lower())} - _ROLES


def own_doing(claim: Any, said: Attribution) -> bool:
    """Does the claim tell what the speaker's own side did or plans ("the owners have planned
    a second session", said by the owners' lawyer)? That is theirs to say, not the other
    side's."""
    root = next((t for t in claim if t.dep_ == "ROOT"), None)
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None) if root else None
    if subject is None or subject.pos_ == "PRON":
        return False
    if any(c.dep_ == "conj" or (c.dep_ == "prep" and c.lower_ in ("between", "with"))
           for c in subject.children):
        # "U.S. envoys and regime officials will meet again", "a dialogue between the US and
        # Qaddafi's government has begun": both sides' doing
        return False
    theirs = side_of(Attribution(speaker=_text(subject.subtree)))
    ours = side_of(said)
    if theirs is not None:
        # (a country the speaker is not known to speak for: "the U.S. government" is not
        # "Muammar Qaddafi's government" by the word they share)
        return theirs == ours
    # Every word that names the subject's party is the speaker's ("the owners" for the
    # owners' lawyer; not "the Velmoran government" for Haddani's government)
    head = stem(subject.lower_)
    named = {stem(t.lower_) for t in subject.subtree
             if t.is_alpha and len(t.text) >= 3 and not t.is_stop} - _ROLES
    if named - {head}:
        return named <= _party_words(said)
    return head in _party_words(said)


def _text(tokens: Any) -> str:
    return "".join(t.text_with_ws for t in tokens).strip(" ,;")


# Words that make an occasion or a step one more of its kind: "further steps", "the next round".
_MORE = FURTHER | {"next"}
_NEGATORS = frozenset(["no", "not", "n't", "never", "none", "nothing", "nobody"])
_STEPS = _OCCASIONS | {stem("step"), stem("round")}


# Words of a thing already arranged ("scheduled", "on the calendar", "agreed"): whether it is
# so is a fact one side's wish for more does not bear on.
_ARRANGED = frozenset(["schedule", "calendar", "diary", "arrange", "book", "fix", "already",
                       "agree", "date"])


def arranged(claim: Any) -> bool:
    """Does the claim say more is already arranged, not that more will come ("Was a second
    session scheduled?", against "Will there be another round of talks?")?"""
    return any(t.lemma_.lower() in _ARRANGED for t in claim)


def wants_more(doc: Any) -> bool:
    """Does a sentence speak, undenied, of further steps or occasions ("we want to take further
    steps", "we will meet again")? Said by the other side, that is its answer to a side's
    "no plan to hold another session"."""
    if any(t.lower_ in _NEGATORS for t in doc):
        return False
    return any((t.lower_ in _MORE and t.dep_ in ("amod", "det")
                and stem(t.head.lemma_.lower()) in _STEPS)
               or (t.lower_ == "again" and t.dep_ == "advmod" and t.head.pos_ == "VERB")
               for t in doc)
