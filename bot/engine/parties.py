"""A party asked about under the other names a document gives it.

"How does Moussa Ibrahim describe the meeting?": the document names him once ("the Libyan
spokesman, Moussa Ibrahim") and elsewhere only by that post ("a Libyan government spokesman
described the meeting as ..."). "What did the AP report?": an agency speaks through what it
reports ("..., according to the Associated Press", "..., the AP reported").
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from bot.engine.aliases import canonical
from bot.engine.lexicon import REPORTING_VERBS
from bot.engine.normalise import words
from retrieval.text import stem

_MODIFIERS = frozenset(["amod", "compound", "nmod", "npadvmod"])


def _name_tokens(name: str, doc: Any) -> list[range]:
    """Where the sentence writes the whole name (every word, in order, capitalised)."""
    asked = [w.lower() for w in name.split() if w[:1].isupper()]
    if not asked:
        return []
    found = []
    for tok in doc:
        end = tok.i + len(asked)
        if end <= len(doc) and [t.lower_ for t in doc[tok.i : end]] == asked:
            found.append(range(tok.i, end))
    return found


def _post(noun: Any) -> tuple[str, ...]:
    """A post's words, its head noun last: "Libyan spokesman" -> ("libyan", "spokesman")."""
    mods = [c for c in noun.children if c.dep_ in _MODIFIERS and c.i < noun.i and c.is_alpha]
    return tuple(stem(t.lower_) for t in [*mods, noun])


def _beside(tok: Any, within: range = range(0), titles_before: int = -1) -> list[Any]:
    """Nouns in apposition to a name's word ("the Libyan spokesman, Moussa Ibrahim",
    "Moussa Ibrahim, the Libyan spokesman"), other than the name's own words (``within``);
    with ``titles_before``, also a post written before that index as part of the name
    ("National Security Council staff member Derek Chollet")."""
    nouns = [tok.head] if (tok.dep_ == "appos" and tok.head.i not in within
                           and tok.head.pos_ == "NOUN") else []
    return nouns + [c for c in tok.children if c.pos_ == "NOUN" and c.i not in within and (
        c.dep_ == "appos" or (c.dep_ == "compound" and c.i < titles_before))]


def posts_of(name: str, doc: Any) -> list[tuple[str, ...]]:
    """The posts a sentence gives a named person by apposition: "the Libyan spokesman,
    Moussa Ibrahim" and "Moussa Ibrahim, the Libyan spokesman" give ("libyan", "spokesman")."""
    posts = [_post(noun) for span in _name_tokens(name, doc) for i in span
             for noun in _beside(doc[i], span)]
    return [p for p in posts if p]


def holds_post(posts: Iterable[tuple[str, ...]], said: str) -> bool:
    """Does a speaker named by these words hold one of the posts (its head noun, and one of
    its other words where it has any: "a Libyan government spokesman" holds "Libyan
    spokesman"; "a U.S. spokesman" does not)?"""
    said_stems = {stem(w) for w in words(said)}
    said_keys = {canonical(w) for w in words(said)} - {None}
    for post in posts:
        head, others = post[-1], post[:-1]
        if head not in said_stems:
            continue
        if not others or any(o in said_stems or canonical(o) in said_keys for o in others):
            return True
    return False


def initials(short: str, long: str) -> bool:
    """"AP" for "the Associated Press": the capitals of the long name's words."""
    caps = "".join(w[0] for w in long.split() if w[:1].isupper())
    return 2 <= len(short) <= 6 and short.isupper() and short == caps


def reporters(doc: Any) -> list[str]:
    """Who a sentence says reports it: "according to the Associated Press", "the AP
    reported", "reported by Reuters"."""
    found: list[str] = []
    for tok in doc:
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            obj = next((c for c in doc[tok.i + 1].children if c.dep_ == "pobj"), None)
            if obj is not None:
                found.append(" ".join(t.text for t in obj.subtree))
        elif tok.lemma_.lower() == "report" and tok.pos_ == "VERB":
            for c in tok.children:
                if c.dep_ in ("nsubj", "agent"):
                    agent = next((g for g in c.children if g.dep_ == "pobj"), c) \
                        if c.dep_ == "agent" else c
                    found.append(" ".join(t.text for t in agent.subtree))
    return found


def speakers(doc: Any) -> list[str]:
    """The subjects of a sentence's reporting verbs: "An Ostrevian spokesman described ...,
    according to the agency" has the spokesman speak inside the agency's report."""
    return [" ".join(t.text for t in c.subtree) for tok in doc
            if tok.pos_ == "VERB" and tok.lemma_.lower() in REPORTING_VERBS
            for c in tok.children if c.dep_ == "nsubj"]


def post_nouns(doc: Any, names: Iterable[str], roles: Iterable[str]) -> list[Any]:
    """The nouns that name the post of whoever the question asks about: the noun in
    apposition to the person's name ("the Libyan spokesman, Moussa Ibrahim"), or the role
    noun itself where the question asks by role ("the anonymous U.S. official")."""
    names, roles = set(names), set(roles)
    nouns: list[Any] = []
    for tok in doc:
        if tok.lower_ in names and tok.pos_ == "PROPN":
            nouns.extend(_beside(tok.head if tok.dep_ == "compound" else tok, titles_before=tok.i))
        elif tok.pos_ == "NOUN" and tok.lemma_.lower() in roles and (
                not names or names & {t.lower_ for t in tok.subtree}):
            # (The one asked about: "the U.S. official", not "Libyan officials".)
            nouns.append(tok)
    return nouns


def body_of(noun: Any) -> str | None:
    """The body a post belongs to, from the words before its noun: "a Libyan government
    spokesman" -> "Libyan government", "A U.S. State Department official" -> "U.S. State
    Department"; None when they name none ("a senior official")."""
    before = [t for t in noun.subtree if t.i < noun.i and t.dep_ not in ("det", "punct")]
    while before and not (before[0].pos_ == "PROPN" or before[0].ent_type_ in _BODIES):
        before = before[1:]  # "senior", "anonymous": what kind of official, not whose
    if not before or not any(t.pos_ == "PROPN" or t.ent_type_ in _BODIES for t in before):
        return None
    return " ".join(t.text for t in before)


_BODIES = frozenset(["NORP", "GPE", "ORG"])


def body_in_words(phrase: str, roles: Iterable[str]) -> str | None:
    """The body named before a post's noun in a phrase of words: "A U.S. State Department
    official" -> "U.S. State Department"; None when its noun is no role asked or no capitalised
    word names a body ("a senior official")."""
    found = phrase.split()
    if not found or stem(found[-1].lower()) not in {stem(r) for r in roles}:
        return None
    before = found[:-1]
    while before and not before[0][:1].isupper():
        before = before[1:]
    if before and before[0].lower() in ("a", "an", "the"):
        before = before[1:]
    while before and not before[0][:1].isupper():
        before = before[1:]  # "senior", "anonymous": what kind of official, not whose
    return " ".join(before) or None


def body_in_title(title: list[Any]) -> str | None:
    """The body a person's title names: after "of" ("Assistant Secretary of State" ->
    "State"), or, for a post "to" another, the holder's own named first ("U.S. Ambassador to
    Libya" -> "U.S."); None otherwise."""
    if not title:
        return None
    doc = title[0].doc
    of = max((t.i for t in title if t.lower_ == "of"), default=-1)
    body = " ".join(t.text for t in title if of >= 0 and t.i > of)
    if body and all(doc[i].pos_ == "PROPN" for i in range(of + 1, title[-1].i + 1)):
        return body
    to = next((t for t in title if t.lower_ == "to"), None)
    first = next((e for e in doc.ents if e.start == title[0].i
                  and e.label_ in ("GPE", "NORP", "ORG")), None)
    if to is not None and first is not None and first.end <= to.i:
        return str(first.text)
    return None
