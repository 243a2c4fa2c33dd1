"""Small text helpers shared by lexical search and the stance rules."""

from __future__ import annotations

import re
from functools import lru_cache

# Curly and straight quotes are the same character for matching; the stored text keeps its own.
_QUOTE_FOLD = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2032": "'"}
)
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")

STOPWORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had
    has have having he her here hers herself him himself his how i if in into is it its itself just
    me more most my myself nor of off on once only or other our ours ourselves out over own same she
    should so some such than that the their theirs them themselves then there these they this those
    through to too under until up very was we were what when where which while who whom why will
    with would you your yours yourself yourselves also s t don't isn't wasn't weren't didn't doesn't
    says said say""".split()
)

# Longest first; a suffix is stripped only if at least four letters remain.
_SUFFIXES = ("ational", "ations", "ation", "ators", "ator", "ating", "ated", "ates", "ate",
             "ements", "ement", "ments", "ment", "ings", "ing", "ures", "ure", "ions", "ion",
             "ness", "ers", "er", "es", "ed", "ly", "s")


def fold_quotes(text: str) -> str:
    return text.translate(_QUOTE_FOLD)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude suffix stripper: enough to match 'negotiations' with 'negotiate'."""
    if len(word) <= 4 or not word.isalpha():
        return word
    if word.endswith("ies") or word.endswith("ied"):
        return word[:-3] + "i"
    if word.endswith("y"):
        return word[:-1] + "i"
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return word[:-1] if len(word) > 4 and word.endswith("e") else word


def words(text: str) -> list[str]:
    """Lower-cased word tokens with quotes folded."""
    return _WORD.findall(fold_quotes(text).lower())


def terms(text: str) -> list[str]:
    """Stemmed content words: the vocabulary of lexical search."""
    return [stem(w) for w in words(text) if w not in STOPWORDS]
