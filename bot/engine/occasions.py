"""Occasions a story tells of (a meeting, talks, a summit), and which one a word is of: the
story's own, told of first without a name ("a secret meeting July 16") and named later ("the
Tunisia meeting"), or another it names otherwise ("the Libya Contact Group meeting")."""

from __future__ import annotations

import re
from typing import Any

from bot.engine.aliases import country_asked
from bot.engine.casing import without_headlines
from bot.engine.lexicon import EVENTS, MET_WITH, TOOK_PLACE
from bot.types import Question
from retrieval.text import stem


def is_occasion(tok: Any) -> bool:
    """A noun for something that takes place: a meeting, talks, a campaign."""
    return bool(tok.pos_ == "NOUN" and stem(tok.lemma_.lower()) in EVENTS)


# The nouns a story's own occasion is told by.
_OCCASION_NOUNS = ("meeting", "talks", "session", "summit", "encounter", "gathering")


def own_occasion(text: str) -> frozenset[str]:
    """The names a story gives its own occasion, told of first without one ("a secret meeting
    July 16" ... "the Tunisia meeting")."""
    body = without_headlines(text)
    return frozenset().union(*(told_first(n, body) for n in _OCCASION_NOUNS))


def told_first(noun: str, text: str) -> set[str]:
    """The names of the story's own "<noun>": one it tells of first without a name ("a secret
    meeting July 16", before "the Istanbul meeting") and first names later ("the Tunisia
    meeting"); its plain "the meeting" goes on to mean that one. Empty when the story opens
    on a named one."""
    mentions = [names_before(m.group(1)) for m in re.finditer(
        rf"((?:\b[A-Z][\w.'’-]*\s+)*)\b(?i:{re.escape(noun)})s?\b", text)]
    if not mentions or mentions[0]:
        return set()
    return next((names for names in mentions if names), set())


_NOUNS = "|".join(_OCCASION_NOUNS)
# "the Libya Contact Group meeting July 15 in Istanbul": an occasion's names and its place
_NAMED_AND_PLACED = re.compile(
    rf"((?:\b[A-Z][\w.'’-]*\s+)+)(?i:{_NOUNS})s?\b[^.;\n]{{0,40}}?\b(?:in|at)\s+"
    r"((?:[A-Z][\w'’-]*)(?:\s+[A-Z][\w'’-]*)?)")


def named_and_placed(text: str) -> list[tuple[set[str], set[str]]]:
    """(stems of its names, stems of its place) of each occasion a story names and places
    ("the Libya Contact Group meeting July 15 in Istanbul"), read once per story."""
    out = []
    for m in _NAMED_AND_PLACED.finditer(without_headlines(text)):
        names, place = names_before(m.group(1)), names_before(m.group(2))
        if names and place and not names & place:
            out.append((names, place))
    return out


def also_named(placed: list[tuple[set[str], set[str]]], sentence: str) -> set[str]:
    """Stems of the names the story gives an occasion the sentence calls by its place ("the
    Istanbul meeting" of a story that told of "the Libya Contact Group meeting July 15 in
    Istanbul"; ``placed`` as ``named_and_placed`` reads them): one occasion, by either name."""
    if not placed:
        return set()
    called = [names_before(c.group(1)) for c in re.finditer(
        rf"((?:\b[A-Z][\w.'’-]*\s+)+)(?i:{_NOUNS})s?\b", sentence)]
    out: set[str] = set()
    for names, place in placed:
        if any(c and c <= place for c in called):
            out |= names
    return out


def names_before(run: str) -> set[str]:
    """Stems of the capitalised words written before a noun ("the Tunisia meeting"), the
    article aside."""
    return {stem(w.lower()) for w in run.split()
            if w[:1].isupper() and w.lower() not in ("the", "a", "an", "this")}


def of_an_occasion_unasked(tok: Any, q: Question, own: frozenset[str] = frozenset()) -> bool:
    """Is the word an occasion's noun named by names neither the question nor the document's
    own occasion has ("the Harbour Forum meeting May 3 in Lisko"), or a verb whose object is
    one ("attending" it)?"""
    nouns = [tok] if tok.pos_ == "NOUN" else [c for c in tok.children if c.dep_ == "dobj"]
    nouns = [n for n in nouns if is_occasion(n)]
    if not nouns:
        return False  # (most words: asked for every word of every sentence read)
    asked = {stem(w) for w in (*q.focus, *q.proper, *q.context)} | own
    # (Asked of two countries, their meeting: one named after one of them with other words
    # is a body's, "the Libya Contact Group meeting", not theirs.)
    countries = {stem(w) for w in q.proper if country_asked(w)}
    parties = countries if len(countries) > 1 else set()
    for noun in nouns:
        names = [t for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN"
                 for t in c.subtree]
        places = [t for c in noun.children if c.dep_ == "prep" and c.lower_ in ("in", "at")
                  for o in c.children if o.dep_ == "pobj" for t in o.subtree]
        told = [t for t in names if stem(t.lower_) in asked or stem(t.lemma_.lower()) in asked]
        if parties and told and all(stem(t.lower_) in parties for t in told) and len(told) < len(
                names):
            return True
        if names and not told and not any(
                stem(t.lower_) in asked or stem(t.lemma_.lower()) in asked for t in places):
            return True
    return False


def told_unnamed(doc: Any, nouns: list[str]) -> bool:
    """Does the sentence tell of the thing by its noun or the noun's verb with no name of its
    own ("held a secret meeting", "met with Libyan officials"), not by another's name ("the
    Istanbul meeting") or place ("met in Istanbul")? Of the story's own thing, that is it."""
    asked = {stem(n) for n in nouns}

    def own_name(tok: Any) -> bool:
        return tok.pos_ == "PROPN" or tok.ent_type_ in ("GPE", "LOC", "FAC", "ORG", "EVENT")

    for tok in doc:
        lemma = stem(tok.lemma_.lower())
        if lemma not in asked:
            continue
        if tok.pos_ == "NOUN" and (any(c.dep_ in ("compound", "nmod", "poss") or own_name(c)
                                       for c in tok.children) or not any(
                c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children)):
            continue  # (a thing first told of: "a secret meeting", not "the first strike")
        if tok.pos_ == "VERB" and tok.tag_ not in ("VBD", "VBN"):
            continue  # (one told as done: "met with", not "would meet them", "may strike")
        if tok.pos_ not in ("NOUN", "VERB"):
            continue
        places = [o for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "at")
                  for o in c.children if o.dep_ == "pobj"]
        if not any(own_name(o) for o in places):
            return True
    return False


def of_another_occasion(q: Question, ent: Any, matched: set[int]) -> bool:
    """Is a name that of an occasion the question does not ask about, or of its place: "the
    Libya Contact Group meeting ... in Istanbul" where the question names no Contact Group?
    Who met is not the name of their meeting; "the Tunisia meeting" is the meeting's place,
    and so is the place of one the people asked about were at ("diplomats ... attending the
    Libya Contact Group meeting July 15 in Istanbul")."""
    tok = ent[-1]  # (its last word: "the" of "the Libya Contact Group" hangs on "meeting")
    if tok.dep_ == "compound" and is_occasion(tok.head):
        if q.expects in ("PERSON", "ORG"):
            return True
        occasion = tok.head
    elif tok.dep_ == "pobj" and tok.head.dep_ == "prep" and is_occasion(tok.head.head):
        occasion = tok.head.head
    elif ent.root.dep_ in ("npadvmod", "nmod", "appos") and is_occasion(ent.root.head):
        occasion = ent.root.head  # its date: "the Libya Contact Group meeting July 15"
    elif ent.root.dep_ == "npadvmod" and (seen := [c for c in ent.root.head.children
                                                    if c.dep_ == "dobj" and is_occasion(c)]):
        occasion = seen[0]  # "attending the Harbour Forum meeting May 3": the date of that
    else:
        return False
    if occasion.head.dep_ == "acl" and occasion.head.head.i in matched:
        return False
    asked = set(q.focus) | set(q.proper) | set(q.context)
    named = [c for c in occasion.children if c.dep_ == "compound" and c.pos_ == "PROPN"
             and not ent.start <= c.i < ent.end]
    return bool(named) and not any(t.lemma_.lower() in asked or t.lower_ in asked
                                   for c in named for t in c.subtree)


def names_own_occasion(q: Question, doc: Any, own: frozenset[str]) -> bool:
    """"Where did the Americans meet Qaddafi's representatives?": "the Tunisia meeting" is
    the story's own meeting called by its place, the one its parties held, whoever the
    sentence names (asked where or when it took place)."""
    # (asked of the meeting itself: "before the talks" only says when another deed was)
    if q.expects not in ("PLACE", "DATE") or not own or not (
            q.predicate in MET_WITH or q.predicate in TOOK_PLACE or (
                q.predicate in ("", "be") and any(stem(w) in EVENTS for w in q.focus))):
        return False
    return any(is_occasion(t) and own & {stem(c.lower_) for c in t.lefts
                                         if c.dep_ == "compound" and c.pos_ == "PROPN"}
               for t in doc)
