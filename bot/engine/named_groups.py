"""A group one sentence describes by its number ("Three senior U.S. officials held a secret
meeting") and another names ("U.S. Ambassador to Libya Gene Cretz, Assistant Secretary of
State Jeffrey Feltman and ... Derek Chollet met with Libyan officials"): asked who did it,
the names answer."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.engine.normalise import number
from bot.engine.question_kind import names_people
from bot.engine.titles import listed_with


def group_counted(doc: Any, value: str) -> tuple[int, list[str]] | None:
    """How many people a described group counts, and the proper words that say whose they
    are ("three senior U.S. officials" -> 3, ["U.S."]), when the value is such a group."""
    at = doc.text.lower().find(value.lower())  # (a sentence's first word may be lowered)
    if at < 0:
        return None
    span = doc.char_span(at, at + len(value), alignment_mode="expand")
    if span is None or not len(span):
        return None
    head = span.root
    if head.tag_ != "NNS" or not names_people(head.lemma_.lower()):
        return None
    counts = [t for t in span if t.like_num and t.head.i == head.i]
    many = number(counts[0].text) if len(counts) == 1 else None
    if many is None or not 2 <= many <= 12 or many != int(many):
        return None
    whose = [t.text for t in span if t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "NORP")]
    return int(many), whose


def names_of_group(many: int, whose: list[str], docs: Sequence[Any]
                   ) -> tuple[int, list[Any]] | None:
    """The one sentence among ``docs`` that lists exactly so many people's names with the
    group's proper words before or among them (its index, and the names); None if no
    sentence does, or more than one lists a different group."""
    found: list[tuple[int, list[Any]]] = []
    for k, doc in enumerate(docs):
        people = [e for e in doc.ents if e.label_ == "PERSON"]
        if len(people) < many:
            continue
        group = sorted(listed_with(people[0].root), key=lambda e: e.start)
        if len(group) != many:
            continue
        before = doc.text[: group[-1].end_char]
        if all(w in before for w in whose):
            found.append((k, group))
    lists = {tuple(e.text for e in g) for _, g in found}
    return found[0] if len(lists) == 1 else None
