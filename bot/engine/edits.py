"""Two documents that are one text, edited: where they differ in a few words.

A page and its copy with one fact changed ("He was Ohio Attorney General 1884–1886." /
"... 1900–1902.") give two answers to a question on that fact; a copy that differs only in
spacing, quotes or where the crawl cut it gives the same answer. Words are compared without
case or punctuation, so only changes of wording count.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache

_WORD = re.compile(r"\w+")
COPY_SHARE = 0.8  # share of the shorter text's words the other has in the same order
CHANGE_WORDS = 6  # a change this short is a fact changed, not a passage rewritten
HELD_WORDS = 3  # ... and it sits between at least this many unchanged words on each side
LONGEST = 4000  # words; longer documents are not compared (the cost grows with the square)

Span = tuple[int, int]


@lru_cache(maxsize=256)  # each document meets every other one found with it
def _words(text: str) -> tuple[tuple[str, ...], tuple[Span, ...], frozenset[str]]:
    """The text's words (lower case), where each stands, and the set of them."""
    found = [(m.group().lower(), (m.start(), m.end())) for m in _WORD.finditer(text)]
    return tuple(w for w, _ in found), tuple(at for _, at in found), frozenset(
        w for w, _ in found)


@lru_cache(maxsize=512)  # the same documents meet again in the next question
def changes(a: str, b: str) -> tuple[tuple[Span, Span], ...]:
    """The short changes between ``a`` and ``b`` as (span in a, span in b) character ranges,
    when one is an edited copy of the other (the parts both hold are the same words in the
    same order); none when they are not copies or differ only in punctuation or case."""
    (wa, at_a, set_a), (wb, at_b, set_b) = _words(a), _words(b)
    if not wa or not wb or max(len(wa), len(wb)) > LONGEST:
        return ()
    if len(set_a & set_b) < COPY_SHARE * min(len(set_a), len(set_b)):
        return ()  # (cheap test first: most pairs of documents share few words)
    matcher = SequenceMatcher(None, wa, wb, autojunk=False)
    if sum(n for _, _, n in matcher.get_matching_blocks()) < COPY_SHARE * min(len(wa), len(wb)):
        return ()
    ops = matcher.get_opcodes()
    found: list[tuple[Span, Span]] = []
    for k, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag != "replace" or i2 - i1 > CHANGE_WORDS or j2 - j1 > CHANGE_WORDS:
            continue
        # Between unchanged words on both sides: an edit inside the text, not the ragged
        # edge of two differently cut crawls.
        if not (0 < k < len(ops) - 1 and all(
                ops[n][0] == "equal" and ops[n][2] - ops[n][1] >= HELD_WORDS
                for n in (k - 1, k + 1))):
            continue
        found.append(((at_a[i1][0], at_a[i2 - 1][1]), (at_b[j1][0], at_b[j2 - 1][1])))
    return tuple(found)
