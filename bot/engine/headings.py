"""What the heading a page opens with says about which thing it is about.

Encyclopedia pages of things that share a name open with headings that tell them apart:
"Dave Hancock (footballer)", "Gerhard Gerhardsen (1885–1931)", "Wadi, Karnataka Wadi is a
census town ...". Two pages whose headings add different words are about two things.
"""

from __future__ import annotations

import re

from bot.engine.normalise import words
from bot.types import Candidate, Question
from retrieval.text import stem

# A person's years in brackets: "(26 December 1844 – 26 July 1926)", "(born 1948 – )".
LIFE = re.compile(r"\(\s*(?:born\s+)?([^()–—-]*?\d{3,4})\s*[–—-]+\s*([^()]*?\d{3,4})?\s*\)")

# A heading's name with its disambiguator: "Dave Hancock (footballer)", "Chayanne (1988 album)".
_HEADING = re.compile(r"((?:[A-Z][\w.'’&-]*\s+){0,6}[A-Z0-9][\w.'’&-]*)\s*\(\s*([^()]{2,40}?)\s*\)")
YEARS = "years "  # a label of the years of a life, one of which is asked
_NOT_LABEL = re.compile(r"\bborn\b|\baged?\b|\d,|[×=%]|\d\s*(?:km|mi|m|ft|kg|lb)\b")


def page_label(c: Candidate, lives: int = 0) -> str | None:
    """The disambiguating parenthetical of the heading a document opens with (its title, or
    the start of its text when it has none): documents whose headings carry different ones
    are about different things that share a name. Measures and ages ("(aged 74)") are not
    labels; life dates are by ``lives``: 0 none, 1 the birth year, 2 the death year, 3 both."""
    for head in (c.doc.title or "", c.doc.text[:200]):
        m = _HEADING.search(head)
        if m is None:
            continue
        label = " ".join(m.group(2).lower().split())
        life = LIFE.search(f"({label})")
        if life and lives == 3:
            return " ".join(re.findall(r"\d{3,4}", life.group(0)))  # "1848 1912"
        if life and lives and life.group(lives):
            return YEARS + " ".join(re.findall(r"\d{3,4}", life.group(lives)))
        if life or _NOT_LABEL.search(label) or not re.search(r"[a-z]{3}", label):
            continue
        return label
    return None


# The end of a sentence, after any closing quotation mark or bracket.
SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s*$")
_SPACE = re.compile(r"\s*")
_NOT_SPACE = re.compile(r"\S")


def is_headline(c: Candidate) -> bool:
    """Is the sentence the headline a document opens with: its first line, set apart from
    the body and ending without a full stop ("Trust and museum meet over gold hoard")?"""
    text = c.doc.text
    spaces = _SPACE.match(text)
    start = spaces.end() if spaces else 0
    if c.span.start > start:
        return False  # (most sentences: read no further)
    end = text.find("\n", start)
    if end < 0 or _NOT_SPACE.search(text, end) is None:
        return False
    return not SENTENCE_END.search(text[start:end])


def page_heading(text: str) -> str | None:
    """The heading an encyclopedia page opens with, repeated by its first sentence:
    "Wadi, Karnataka Wadi is a census town ...", "Christy O'Connor Jnr Christy O'Connor Jnr
    (born ...", "Croatian kuna The kuna was ..."."""
    tokens = text[:160].split()
    if not tokens or not (tokens[0][:1].isupper() or tokens[0][:1].isdigit()):
        return None  # "2017 Census of Pakistan", "1st arrondissement of Lyon" open with a digit
    for k in range(1, min(9, len(tokens) - 1)):
        head, rest = tokens[:k], tokens[k:]
        if head[-1][-1] in "!?:;" or (head[-1].endswith(".") and len(head[-1]) > 3):
            break  # a sentence, not a heading
        first, last = head[0].strip(",()"), head[-1].strip(",()")
        opening = _bare(rest[0])
        # "Vermillion Township, Vermillion County, Indiana Vermillion Township is": before a
        # comma is the name, which the sentence repeats whole ("Vermillion County" is not it).
        named = next((i + 1 for i, w in enumerate(head) if w.endswith(",")), 0)
        if named and [w.strip(",") for w in head[:named]] != [_bare(w) for w in rest[:named]]:
            continue
        if opening == first or (
            # "First Battle of X The first battle of X was": after an article, in any case
            rest[0] in ("The", "A", "An")
            and _bare(rest[1]).lower() in (first.lower(), last.lower())
        ):
            return " ".join(head)
    return None


def _bare(word: str) -> str:
    """A word without its punctuation or possessive ("Wadi's," -> "Wadi")."""
    return re.sub(r"['’]s$", "", word.strip(",()")).strip(",()")


def heading_label(c: Candidate, q: Question) -> str | None:
    """What a document's heading adds to the name asked about ("Karnataka" for "Wadi, Karnataka"
    when the question asks about Wadi): two pages that add different words are about two
    things that share the name."""
    heading = page_heading(c.doc.text)
    if heading is None:
        return None
    asked = {stem(w) for w in (*q.focus, *q.proper)}
    extra = sorted({stem(w) for w in words(heading)} - asked)
    return " ".join(extra) or None
