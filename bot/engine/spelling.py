"""Words typed with a slip ("ambasador", "Lybia", "goverment"), read as the documents spell them.

A word is taken as misspelt only when neither English (the lemmatizer's word lists, with
their inflections) nor the documents found for the question know it; it is then read as the
one word of those documents it is a slip away from: one letter added, dropped, changed or
two swapped (two such slips in a word of eight letters or more). A word two documents'
words are equally near is left as typed, and so is a short one: "wat" may be anything.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from retrieval.text import STOPWORDS

_LETTERS = re.compile(r"[A-Za-z]+")
# A word as typed: letters, not the part of a contraction before "n't" ("doesn't" is English).
_TYPED = re.compile(r"(?<![A-Za-z'\u2019])[A-Za-z]+(?!['\u2019]t\b|[A-Za-z])")
SHORTEST = 5  # letters a word needs before a slip in it is guessed at ("saif" may be a name)
LONG = 8  # letters from which two slips are read as one word
NAME = 5  # ... or one capitalised
# Endings English adds to a word the lists give in its base form.
_ENDINGS = (("ies", "y"), ("es", ""), ("s", ""), ("ied", "y"), ("ed", ""), ("ed", "e"),
            ("ing", ""), ("ing", "e"), ("ly", ""), ("er", ""), ("est", ""))


def english(words: Iterable[str]) -> Callable[[str], bool]:
    """Whether a lower-case word is English, given the base forms the lemmatizer lists."""
    base = frozenset(words)

    def known(word: str) -> bool:
        if word in base or word in STOPWORDS:
            return True
        for end, add in _ENDINGS:
            if word.endswith(end) and len(word) > len(end) + 2:
                stem = word[: -len(end)]
                if stem + add in base or (end in ("ed", "ing", "er", "est")
                                          and len(stem) > 2 and stem[-1] == stem[-2]
                                          and stem[:-1] in base):
                    return True
        return False

    return known


def _slips(a: str, b: str, most: int) -> int:
    """Letters added, dropped, changed or swapped between ``a`` and ``b`` (more than
    ``most`` -> ``most + 1``)."""
    if abs(len(a) - len(b)) > most:
        return most + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        row = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            row[j] = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                row[j] = min(row[j], prev2[j - 2] + 1)
        if min(row) > most:
            return most + 1
        prev2, prev = prev, row
    return min(prev[-1], most + 1)


def unknown(question: str, known: Callable[[str], bool]) -> list[str]:
    """The question's words English does not know (names among them)."""
    return [w for w in _TYPED.findall(question) if len(w) >= SHORTEST and not known(w.lower())]


def corrected(question: str, texts: Iterable[str], known: Callable[[str], bool]) -> str:
    """The question with each word neither English nor the documents know spelt as the one
    document word it is a slip away from."""
    seen = {w.lower() for text in texts for w in _LETTERS.findall(text)}

    def fix(m: re.Match[str]) -> str:
        word = m.group()
        low = word.lower()
        if len(low) < SHORTEST or low in seen or known(low) or (
                low.endswith("s") and low[:-1] in seen):
            return word  # ("feltmans title": a name's possessive without its apostrophe)
        # A name is misspelt more boldly than a word ("Lybia"): two slips in one of five
        # (a capital that only starts the question is no name's).
        name = word[:1].isupper() and m.start() > 0 and len(low) >= NAME
        most = 2 if len(low) >= LONG or name else 1
        near: dict[int, list[str]] = {}
        for other in seen:
            # A slip in the first letter is rare in a short word: "Gaddafi" is a name too.
            if len(other) >= SHORTEST and (other[0] == low[0] or len(low) >= LONG):
                d = _slips(low, other, most)
                if d <= most:
                    near.setdefault(d, []).append(other)
        if not near:
            return word
        best = near[min(near)]
        if len(best) != 1:
            return word  # two words as near: which was meant is a guess
        # The word as typed in case: capitals are for ``true_case`` and the parser to read.
        form = best[0]
        if word.isupper() and len(word) > 1:
            return form.upper()
        return form[:1].upper() + form[1:] if word[:1].isupper() else form

    return _TYPED.sub(fix, question)
