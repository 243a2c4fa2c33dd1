"""Details two documents share that say they describe one thing, not two that share a name.

Two albums called "Faithfully" are two things; a page that gives the album another artist but
the same release day ("released ... on November 6, 2001") or the same qualifier ("Stranger
Than Fiction (2000 film)") describes the same album, and so contradicts the first; so does
a page that places a house where another page's heading does ("Earle House (Canehill,
Arkansas)" and "Location AR 45, Canehill, Arkansas ... Built 1920").
"""

from __future__ import annotations

import re
from functools import lru_cache

_MONTHS = ("january february march april may june july august september october november "
           "december").split()
_MONTH = "|".join(m.capitalize() for m in _MONTHS)
_FULL_DATE = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})\s+(?P<m1>{_MONTH})\s*,?\s+(?P<y1>1[5-9]\d\d|20\d\d)"
    rf"|(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}})\s*,\s*(?P<y2>1[5-9]\d\d|20\d\d)"
    r"|(?P<y3>1[5-9]\d\d|20\d\d)-(?P<m3>\d{2})-(?P<d3>\d{2}))\b")
# A page's citations and archive notes carry dates of their own, on many pages alike.
_BOOKKEEPING = re.compile(r"\b(?:retrieved|archived|accessed|updated|published)\b[^.;]{0,30}$",
                          re.IGNORECASE)
# "(2000 film)", "(rugby union, born 1990)": a qualifier with a year tells one thing apart.
_QUALIFIER = re.compile(r"\(\s*([^()]*?\b(?:1[5-9]\d\d|20\d\d)\b[^()]*?)\s*\)")


@lru_cache(maxsize=256)
def details(text: str) -> frozenset[str]:
    """The full dates (day, month and year) and the year-bearing qualifier a text gives."""
    out = set()
    for m in _FULL_DATE.finditer(text):
        if _BOOKKEEPING.search(text[max(0, m.start() - 40) : m.start()]):
            continue
        if m.group("y3"):
            y, mo, d = m.group("y3"), int(m.group("m3")), int(m.group("d3"))
        else:
            y = m.group("y1") or m.group("y2")
            mo = _MONTHS.index((m.group("m1") or m.group("m2")).lower()) + 1
            d = int(m.group("d1") or m.group("d2"))
        if 1 <= mo <= 12 and 1 <= d <= 31:
            out.add(f"{y}-{mo}-{d}")
    # Only the page's own (first) qualifier: a page lists others' in its links ("see also
    # Frederick Groves (footballer, born 1892)").
    for m in _QUALIFIER.finditer(text):
        label = re.sub(r"\s*,\s*", ", ", " ".join(m.group(1).lower().split()))
        if re.search(r"[a-z]", label) and "–" not in label and "-" not in label:
            out.add(label)  # ("(1885–1955)" is a life, which namesakes may share no part of)
            break
    return frozenset(out)


def share_details(texts_a: list[str], texts_b: list[str], besides: str = "") -> bool:
    """Do documents giving one answer share a full date or a qualifier with documents giving
    another (other than what ``besides``, the question and answers, says)?"""
    a = frozenset().union(*(details(t) for t in texts_a)) if texts_a else frozenset()
    b = frozenset().union(*(details(t) for t in texts_b)) if texts_b else frozenset()
    return bool((a & b) - details(besides))


# "Earle House (Canehill, Arkansas) ...": a heading's qualifier that places the thing.
_PLACED = re.compile(r"^[^()]{1,80}?\(\s*([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)*, "
                     r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)*)\s*\)")


def placed_alike(texts_a: list[str], texts_b: list[str]) -> bool:
    """Does a page giving one answer place the thing, in running text, where a heading of a
    page giving the other places it? (Not in brackets: a page's links name its namesakes'
    headings, "see also Earle House (Fall River, Massachusetts)".)"""
    for heads, others in ((texts_a, texts_b), (texts_b, texts_a)):
        for head in heads:
            m = _PLACED.match(head)
            if m is None:
                continue
            place = m.group(1)
            for other in others:
                at = other.find(place)
                if at >= 0 and not other[:at].rstrip().endswith("("):
                    return True
    return False


# "Oddby is a small fishing village on the east coast of Marrland": the clause
# that says what kind of place a thing is, and where.
_PLACE_DEFINED = re.compile(
    r"\b(?:is|was)\s+(?:a|an)\s+(?:[\w'’-]+\s+){0,4}?(?:village|town|city|hamlet|parish|"
    r"municipality|township|borough|suburb|settlement|commune|county)\b([^.;]*)")
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]+")


# "Marchbank Hall is a concert hall on Queen's Esplanade in Kirkhaven" / "... is a Palladian
# country house near the village of Yelverston": a thing of any kind, and where it is.
_THING_DEFINED = re.compile(r"\b(?:is|was)\s+(?:a|an)\s+(?:[\w'’-]+\s+){0,3}?[a-z][\w'’-]*"
                            r"\s+(?:[a-z][\w'’-]*\s+)?(?:on|in|at|near|outside)\s+([^.;]*)")


def _where_defined(text: str) -> frozenset[str]:
    m = _PLACE_DEFINED.search(text) or _THING_DEFINED.search(text)
    return frozenset(_CAPITALISED.findall(m.group(1))) if m else frozenset()


def placed_apart(texts_a: list[str], texts_b: list[str]) -> bool:
    """Do the pages giving one answer say the place asked about lies somewhere the pages
    giving the other never name ("a village on the east coast of Marrland" / "a village in
    the Carrow Fells of northern Tessia")? Then they describe two places of one name; a copy
    of one place's page, or a page with another figure for it, names where it lies alike."""
    a = frozenset().union(*(_where_defined(t) for t in texts_a)) if texts_a else frozenset()
    b = frozenset().union(*(_where_defined(t) for t in texts_b)) if texts_b else frozenset()
    if not a or not b:
        return False
    return not any(w in t for w in a for t in texts_b) and not any(
        w in t for w in b for t in texts_a)
