"""Questions about a name itself: what a short form stands for, a part of someone's name.

"What is the NSC?" / "What does TNC stand for?" is answered by the capitalised words whose
initials spell it ("National Security Council"); "What is Qaddafi's first name?" by the name
written in full around the one asked ("Muammar Qaddafi": Muammar).
"""

from __future__ import annotations

import re
from typing import Any

_JOINERS = frozenset(["of", "and", "for", "&"])

_SHORT_FORM = re.compile(
    r"^(?:what|which)(?:'s|\u2019s|\s+is|\s+was|\s+are|\s+does|\s+did)\s+(?:the\s+)?"
    # "the abbreviation "IGY"", "the acronym NSC": the word for a short form is not its name
    r"(?:(?:abbreviation|acronym|initialism|initials|short\s+form)\s+)?[\"'\u201c\u2018]?"
    r"(?P<short>[A-Za-z]{2,6})[\"'\u201d\u2019]?"
    r"(?:\s+(?:(?P<stands>stands?\s+for)|refers?\s+to|means?))?\s*(?:[,?.]|$)",
    re.IGNORECASE,
)
_PART_WORDS = "first|given|christian|last|family|full|middle"
_PART = re.compile(rf"\b({_PART_WORDS}|sur)[\s-]?names?\b", re.IGNORECASE)
_PARTS = {"given": "first", "christian": "first", "family": "last", "sur": "last"}
_NAME_WORD = re.compile(rf"{_PART_WORDS}|surname|names?")
_NAMES_OF = re.compile(r"^\W*(?:what|which)(?:'s|\u2019s|\s+(?:is|was|are|were))\s+(?:the\s+)?"
                       r"names?\s+of\b", re.IGNORECASE)


def respelled(a: str, b: str) -> bool:
    """One name transliterated two ways: "Gaddafi" / "Qaddafi" (one letter apart, 6+)."""
    a, b = a.lower(), b.lower()
    return len(a) == len(b) >= 6 and sum(x != y for x, y in zip(a, b, strict=True)) == 1


def short_form_asked(question: str) -> str:
    """The short form a question asks to spell out ("" if none): written in capitals (what
    it is, stands for, refers to or means), or asked with "stand for"."""
    m = _SHORT_FORM.match(question.strip())
    if not m:
        return ""
    short = m.group("short")
    return short.lower() if short.isupper() or m.group("stands") else ""


def name_part_asked(question: str) -> str:
    """"first", "last", "middle" or "full" when a question asks for that part of a name."""
    m = _PART.search(question)
    if not m or not re.match(r"^\s*(?:what|which)\b", question, re.IGNORECASE):
        return ""
    part = m.group(1).lower()
    return _PARTS.get(part, part)


def names_asked(question: str) -> bool:
    """"What are the names of the officials ...?": a name is asked for, so words that only
    describe ("Libyan officials") do not answer."""
    return bool(_NAMES_OF.match(question))


def is_name_word(word: str) -> bool:
    """A word of "first name", "surname" and the like (lower case): what a question about
    a name asks for, not what it is about."""
    return bool(_NAME_WORD.fullmatch(word))


def spelled_out(word: str, doc: Any) -> list[int]:
    """"TNC" asked, "the Transitional National Council" written: the capitalised words whose
    initials spell the short form (small joining words let through)."""
    if not 2 <= len(word) <= 6 or not word.isalpha():
        return []
    defined = _defined(word, doc)
    if defined:
        return defined
    for start, first in enumerate(doc):
        if not first.is_title or first.lower_[0] != word[0]:
            continue
        run: list[int] = []
        letters = ""
        for tok in doc[start:]:
            # "Richard Speight Jr.": a name's short last word keeps its full stop
            if tok.is_title and (tok.is_alpha or re.fullmatch(r"[A-Z][a-z]{0,3}\.", tok.text)):
                letters += tok.lower_[0]
            elif not (run and tok.lower_ in _JOINERS):
                break
            run.append(tok.i)
            if letters == word:
                return run
            if not word.startswith(letters):
                break
    return []


def _defined(word: str, doc: Any) -> list[int]:
    """"vocal cord dysfunction (VCD)": the words just before the short form in brackets whose
    initials spell it, in any case."""
    for tok in doc:
        if tok.lower_ != word or tok.i < 2 or doc[tok.i - 1].text != "(":
            continue
        run: list[int] = []
        letters = ""
        for prev in reversed(doc[: tok.i - 1]):
            if prev.is_alpha and not (run and prev.lower_ in _JOINERS):
                letters = prev.lower_[0] + letters
            elif not (run and prev.lower_ in _JOINERS):
                break
            run.insert(0, prev.i)
            if letters == word:
                return run
            if not word.endswith(letters):
                break
    return []


def name_part(part: str, asked: set[str], doc: Any) -> tuple[str, list[int]] | None:
    """That part of a person's name written in full with one of the ``asked`` words (lower
    case), and the name's tokens; None when the sentence names no one that way."""
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        tokens = [t for t in ent if t.is_alpha and t.is_title]
        # (a name spelled another way is the same name: "Gaddafi's" first name is Qaddafi's)
        at = [n for n, t in enumerate(tokens)
              if t.lower_ in asked or any(respelled(t.lower_, a) for a in asked)]
        if len(tokens) < 2 or not at:
            continue
        if part == "first":
            chosen = tokens[:1] if at[0] > 0 else []
        elif part == "last":
            chosen = tokens[-1:]
        elif part == "middle":
            chosen = tokens[1:-1]
        else:
            chosen = tokens
        if chosen:
            return " ".join(t.text for t in chosen), [t.i for t in tokens]
    return None


def names_before_head(tok: Any) -> list[Any]:
    """The names a name's head word is written after ("Northern Port" of "Council")."""
    out, todo = [], [tok]
    while todo:
        for c in todo.pop().children:
            if c.dep_ == "compound" and c.pos_ == "PROPN":
                out.append(c)
                todo.append(c)
    return out
