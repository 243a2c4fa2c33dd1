"""Which place answers "where": one that locates what is asked about.

"Where was the meeting held?" is not answered by a country that acts ("the U.S. was
prepared to ..."), by one that says where people come from ("envoys from Velmora"), nor by
one in a clause of its own ("concern that ... a role for Qaddafi in Libya").
"""

from __future__ import annotations

from typing import Any

from bot.engine.question_kind import names_people

# Verbs whose subject is a place: "Which country hosted the meeting?"
PLACE_DOES = frozenset(["host", "border", "include", "contain", "surround"])
_ACTORS = frozenset(["nsubj", "nsubjpass", "dobj", "iobj", "dative", "agent", "csubj"])
_SUBCLAUSES = frozenset(["ccomp", "xcomp", "advcl", "relcl", "acl", "csubj", "parataxis"])


def first_of(tok: Any) -> Any:
    """"Velmora and Ostrevia": the first of words listed together, which holds their role."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def party_or_origin(ent: Any) -> bool:
    """A place that acts or is acted on (a party), or that says where people or things come
    from or who they are ("envoys from Velmora", "the ambassador to Libya")."""
    root = first_of(ent.root)
    if root.dep_ in _ACTORS:
        return True
    prep = root.head
    return root.dep_ == "pobj" and prep.head.pos_ == "NOUN" and (
        prep.lower_ == "from" or names_people(prep.head.lemma_.lower()))


def in_another_clause(tok: Any, doc: Any, matched: set[int]) -> bool:
    """Is the word inside a clause below every matched word's own ("concern that they
    thought ... a role in Libya" for "held")?"""
    anchors = [doc[i] for i in matched if i >= 0]
    if not anchors:
        return False
    for anchor in anchors:
        above = {anchor.i} | {t.i for t in anchor.ancestors}
        crossed = False
        for step in [tok, *tok.ancestors]:
            if step.i in above:
                break
            # ("diplomats attending the meeting in Istanbul": where the people asked about
            # were, not a clause of its own)
            crossed = crossed or (step.dep_ in _SUBCLAUSES and not (
                step.dep_ == "acl" and step.tag_ == "VBG" and step.head.i == anchor.i))
        if not crossed:
            return False
    return True
