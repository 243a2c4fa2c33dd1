"""A person's title, the titles of names listed together, and a claim that gives a title to
the wrong person.

"Derek Chollet, the U.S. ambassador to Libya, was among the participants" claims two things:
that he took part, and that he is the ambassador. A sentence that names him with another
title and gives "Ambassador" to someone else ("U.S. Ambassador to Libya Gene Cretz, ... and
National Security Council staff member Derek Chollet met ...") contradicts the second.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from bot.engine.lexicon import ROLE_NOUNS, TITLES
from retrieval.text import stem

_TITLE_LINKS = frozenset(["of", "to", "for", "at", "on"])
# Marks that end the words set before a name: a bracket, a quotation, a clause.
_CLAUSE_MARKS = frozenset(["(", ")", '"', "\u201c", "\u201d", ";", ":"])


def title_before(doc: Any, start: int) -> list[Any]:
    """The words just before a name that make up its title, read along the text (the parse of
    a long run of names is often wrong): "U.S. Ambassador to Libya Gene Cretz", "National
    Security Council staff member Derek Chollet"."""
    i = start - 1
    while i >= 0 and (doc[i].pos_ in ("PROPN", "NOUN", "ADJ") or doc[i].lower_ in _TITLE_LINKS):
        i -= 1
    words = list(doc[i + 1 : start])
    while words and words[0].lower_ in _TITLE_LINKS:
        words = words[1:]
    if words and words[-1].lower_ in _TITLE_LINKS:
        return []  # "a future role for Qaddafi": a role for someone is not their title
    # A title names a post: at least one word that is not a place or a people.
    if not any(t.is_alpha and t.ent_type_ not in ("GPE", "NORP") for t in words):
        return []
    return words


def titles_of(doc: Any) -> list[tuple[str, list[str]]]:
    """Each person the text names (by surname, lower-cased) with the words of the title it
    gives them, before the name or in apposition after it ("Chollet, the ambassador")."""
    out = []
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        # (An apposition that is itself a name is another person in a list, as the small
        # model often parses "Ana Vell, Tom Brask and ...".)
        words = title_before(doc, ent.start) + [
            t for c in ent.root.children if c.dep_ == "appos" and c.pos_ == "NOUN"
            for t in c.subtree if t.ent_type_ != "PERSON"]
        posts = [t.lemma_.lower() for t in words
                 if t.is_alpha and t.pos_ in ("NOUN", "PROPN") and t.ent_type_ not in
                 ("GPE", "NORP", "PERSON")]
        out.append((ent[-1].lower_, posts))
    return out


def title_of_another(claim: Any, doc: Any) -> str | None:
    """The claim's title for a person, where the sentence gives that person another title and
    this one to someone else: "ambassador is Cretz's" for "Chollet, the ambassador"."""
    return another_title(titles_of(claim), doc)


def another_title(claimed: list[tuple[str, list[str]]], doc: Any) -> str | None:
    """As ``title_of_another``, with the claim's titles read once (``titles_of``)."""
    theirs = titles_of(doc)
    for surname, posts in claimed:
        for post in reversed(posts):  # the title's head first: "director" of "port director"
            his = [p for name, p in theirs if name == surname]
            others = [name for name, p in theirs if name != surname and post in p]
            if his and all(p and post not in p for p in his) and others:
                return f"{post} is {others[0]}'s"
    return None


def listed_with(name: Any) -> list[Any]:
    """The names listed with the one a token is of, itself first: no verb between them
    ("Gene Cretz, ... Jeffrey Feltman and ... Derek Chollet met ...")."""
    doc = name.doc
    own = next((e for e in doc.ents if e.start <= name.i < e.end), doc[name.i : name.i + 1])
    alike = sorted({e.start: e for e in [*doc.ents, own]
                    if e.label_ == own.label_}.values(), key=lambda e: e.start)
    at = next(k for k, e in enumerate(alike) if e.start == own.start)
    group = [alike[at]]
    for step in (-1, 1):
        k = at
        while 0 <= k + step < len(alike):
            a, b = sorted([alike[k], alike[k + step]], key=lambda e: e.start)
            if any(t.pos_ in ("VERB", "AUX") for t in doc[a.end : b.start]):
                break
            k += step
            group.append(alike[k])
    return group


def titles_of_list(name: Any, alone: bool = False) -> list[Any]:
    """The words set before a name and the names listed with it (``alone``: its own only),
    that say who they are ("U.S. Ambassador to Libya Gene Cretz, Assistant Secretary of
    State Jeffrey Feltman": "U.S. Ambassador", "Assistant Secretary"; "the Libyan spokesman,
    Moussa Ibrahim"). Not a preposition's words ("to Libya"): one title's country is the
    whole list's."""
    doc = name.doc
    out: list[Any] = []
    for ent in listed_with(name)[:1] if alone else listed_with(name):
        before = []
        for t in reversed(doc[: ent.start]):
            if t.pos_ in ("VERB", "AUX") or t.ent_type_ == "PERSON" or t.text in _CLAUSE_MARKS:
                break
            before.append(t)
        before.reverse()
        out += before[: next((k for k, t in enumerate(before) if t.pos_ == "ADP"), len(before))]
    return out


def of_a_title(tok: Any, asked: Collection[str]) -> bool:
    """Is the name the object of a title's preposition ("Ambassador to Libya", however the
    parse joins it to the name after it: "to Libya Gene Cretz"), a title the question does
    not ask by ("Which country is Cretz ambassador to?" asks it)?"""
    while tok.dep_ == "compound" and tok.head.i != tok.i:
        tok = tok.head
    head = tok.head
    title = head.head.lemma_.lower()
    return tok.dep_ == "pobj" and head.lower_ in ("to", "of") and head.head.i != head.i and (
        title in TITLES or title in ROLE_NOUNS) and not any(
        stem(w) == stem(title) for w in asked)
