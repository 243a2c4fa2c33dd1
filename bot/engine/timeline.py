"""Positions over time: when one party's cited statements, dated by their documents, go from
one side of the claim to the other, the answer says so in date order ("on July 18 X said …;
on July 20 X said …"), so a change of position is not read as a contradiction between sources.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from bot.citations import inert
from bot.types import Evidence, Stance

MAX_STATEMENTS = 4  # per party: the note stays a sentence, the table lists the rest


def party(e: Evidence) -> str | None:
    """Who holds a position, for grouping: the named speaker (or their organisation), else
    the outlet speaking in its own voice."""
    name = e.attribution.speaker or e.attribution.organisation or e.outlet
    if not name:
        return None
    key = " ".join(name.lower().replace("\u2019", "'").split())
    return key.removeprefix("the ")


def _day(iso: str, with_year: bool) -> str:
    d = date.fromisoformat(iso)
    return f"{d:%B} {d.day}, {d.year}" if with_year else f"{d:%B} {d.day}"


def _what(e: Evidence) -> str:
    """What was said: the reported clause when attribution found one ("that the talks …"),
    else the whole sentence in quotation marks."""
    content = e.attribution.content
    if content is not None and e.start <= content.start < content.end <= e.end:
        clause = e.quote[content.start - e.start : content.end - e.start].strip(" ,.")
        if len(clause.split()) >= 3:
            return inert(clause)
    return f"“{inert(e.quote.strip().rstrip('.'))}”"


def _says(e: Evidence) -> str:
    """"X said" for a named speaker, "Outlet reported" for an outlet's own voice."""
    name = e.attribution.speaker or e.attribution.organisation
    if not name:
        return f"{inert(e.outlet or 'the article')} reported"
    name = "the " + name[4:] if name.startswith("The ") else name
    return f"{inert(name)} said"


def changes(cited: Sequence[Evidence], first_n: int = 1) -> str:
    """A sentence on each party whose dated statements took both sides, in date order;
    ``cited[i]`` is citation ``first_n + i``. Empty when no position changed."""
    groups: dict[str, list[tuple[int, Evidence]]] = {}
    for i, e in enumerate(cited):
        key = party(e)
        if key and e.published and e.stance.label is not Stance.NEUTRAL:
            groups.setdefault(key, []).append((first_n + i, e))
    notes: list[str] = []
    for items in groups.values():
        items.sort(key=lambda item: (str(item[1].published), item[0]))
        sides = {e.stance.label for _, e in items}
        days = {e.published for _, e in items}
        if len(sides) < 2 or len(days) < 2:
            continue
        with_year = len({str(e.published)[:4] for _, e in items}) > 1
        parts = [f"on {_day(str(e.published), with_year)} {_says(e)} {_what(e)} [{n}]"
                 for n, e in items[:MAX_STATEMENTS]]
        notes.append("; ".join(parts))
    if not notes:
        return ""
    return "The position changed over time: " + ". Also, ".join(notes) + "."
