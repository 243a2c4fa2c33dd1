"""What "this" refers to when a question has no history: the corpus' own subject."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from bot.engine.lexicon import ROLE_NOUNS, related
from bot.engine.nlp import Parser
from retrieval.text import stem


def subject_of(predicate: str, sentences: Sequence[str], parser: Parser) -> str | None:
    """The noun the sources predicate ``predicate`` of ("the meeting was not a negotiation")."""
    keys = (
        set().union(*(related(stem(w.lower())) for w in predicate.split() if len(w) > 3))
        if predicate.split()
        else set()
    )
    if not keys:
        return None
    votes: Counter[str] = Counter()
    for doc in parser.parse_many(list(sentences)):
        for tok in doc:
            if stem(tok.lemma_.lower()) not in keys:
                continue
            # Walk up to the clause and take its subject, or the described object.
            cur = tok
            for _ in range(4):
                if cur.dep_ in ("attr", "acomp") or (
                    cur.dep_ == "pobj" and cur.head.lower_ == "as"
                ):
                    verb = cur.head if cur.dep_ != "pobj" else cur.head.head
                    holder = next(
                        (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")), None
                    )
                    if (
                        holder is not None
                        and holder.pos_ == "NOUN"
                        and holder.lower_ not in ROLE_NOUNS
                    ):
                        votes[holder.lemma_.lower()] += 1
                    break
                if cur.head.i == cur.i:
                    break
                cur = cur.head
    if not votes:
        return None
    return "the " + votes.most_common(1)[0][0]


def main_noun(texts: Sequence[str], parser: Parser) -> str | None:
    """The most talked-about thing (a common noun, not a person's role) in ``texts``."""
    votes: Counter[str] = Counter()
    for doc in parser.parse_many(list(texts)):
        for chunk in doc.noun_chunks:
            root = chunk.root
            if root.pos_ == "NOUN" and root.lower_ not in ROLE_NOUNS and not root.ent_type_:
                votes[root.lemma_.lower()] += 1
    return ("the " + votes.most_common(1)[0][0]) if votes else None
