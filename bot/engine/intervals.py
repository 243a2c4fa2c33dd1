"""Questions about the time between two events ("How many days before the secret meeting did
the Contact Group meet?", "How long after the bombing began was the meeting held?", "Was the
Istanbul meeting held before or after the talks?"): each event's date is asked on its own, and
the answer is reckoned from the two dates the documents give, both cited. Nothing is reckoned
from a date the documents do not give to the precision asked (a month alone says no day)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from bot.engine.normalise import date as read_date

_UNITS = {"day": 1, "week": 7, "month": 30.44, "year": 365.25}
_NUMBERS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            "eleven", "twelve"]
_AUX = r"(?P<aux>did|does|do|was|were|is|are|had|has|have)"
# "How many days before the secret meeting did the Contact Group meet?", "how long after the
# embassy closed was the meeting held", "how many months into NATO's bombing did ... happen"
_HOW_LONG = re.compile(
    r"^\W*how\s+(?:many\s+(?P<unit>day|week|month|year)s?|long|much\s+(?:time|earlier|later))"
    r"\s+(?P<rel>before|after|into|prior\s+to|ahead\s+of|since)\s+(?P<ref>.+?)\s+" + _AUX
    + r"\s+(?P<rest>.+?)\s*[?.!]*$", re.IGNORECASE)
# "Was the Istanbul meeting held before or after the secret talks?"
_ORDER = re.compile(
    r"^\W*(?P<aux>was|were|did|is|are)\s+(?P<event>.+?)\s+(?:before\s+or\s+after|after\s+or\s+"
    r"before)\s+(?P<ref>.+?)\s*[?.!]*$", re.IGNORECASE)
# An event told by a clause: "the bombing began", "the embassy was closed".
_CLAUSE = re.compile(r"^(?P<subject>.+?)\s+(?:(?P<verb>began|started|closed|opened|ended|"
                     r"happened|took\s+place)|(?P<be>was|were)\s+(?P<done>\w+ed))$",
                     re.IGNORECASE)
_PRESENT = {"began": "begin", "started": "start", "closed": "close", "opened": "open",
            "ended": "end", "happened": "happen", "took place": "take place"}


@dataclass(frozen=True)
class Interval:
    """What is asked: the event (its own "when" question), the one it is measured from, how
    the two are related ("before", "after", "order") and the unit asked for ("" for any)."""

    event: str
    reference: str
    relation: str
    unit: str
    label: str  # what the reference is ("the secret meeting", "NATO's bombing")


def interval_asked(question: str) -> Interval | None:
    """The two "when" questions one question about the time between two events asks."""
    q = " ".join(question.split())
    m = _HOW_LONG.match(q)
    if m:
        rel = m.group("rel").lower()
        relation = "before" if rel in ("before", "prior to", "ahead of") else "after"
        event = f"When {m.group('aux').lower()} {m.group('rest')}?"
        return Interval(event, _when(m.group("ref"), rel == "into"), relation,
                        (m.group("unit") or "").lower(), m.group("ref").strip())
    m = _ORDER.match(q)
    if m:
        event = m.group("event")
        asked = f"When {m.group('aux').lower()} {event}?"
        if m.group("aux").lower() in ("was", "were", "is", "are") and not re.search(
                r"(?:ed|en|held|built|made|won|sold|set|begun)$", event):
            asked = f"When did {event} take place?"  # "Was the meeting before or after ...?"
        return Interval(asked, _when(m.group("ref"), False), "order", "",
                        m.group("ref").strip())
    return None


def _when(ref: str, start: bool) -> str:
    """The "when" question of the event an interval is measured from: "the secret meeting" ->
    "When did the secret meeting take place?"; "the embassy closed" -> "When did the embassy
    close?"; "into NATO's bombing": when it began."""
    ref = ref.strip()
    if start:
        return f"When did {ref} begin?"
    told = _CLAUSE.match(ref)
    if told and told.group("verb"):
        verb = " ".join(told.group("verb").lower().split())
        return f"When did {told.group('subject')} {_PRESENT[verb]}?"
    if told:
        return f"When {told.group('be').lower()} {told.group('subject')} {told.group('done')}?"
    return f"When did {ref} take place?"


def reckon(asked: Interval, event: str, reference: str) -> str | None:
    """The answer's opening, reckoned from the two dates as the documents give them ("One day
    before", "About four months after", "Before"); None when they do not say enough."""
    a, b = read_date(event), read_date(reference)
    if a is None or b is None or "*" in (a[1], b[1]) or not all(
            d[2] == "*" or d[2].isdigit() for d in (a, b)):
        return None  # no month, or a weekday alone
    precise = "*" not in (a[2], b[2])
    # (A year one date lacks is the other's, both told in one story; a year neither gives is
    # a common year, unless a date needs February 29.)
    known = next((y for y in (a[0], b[0]) if y != "*"), "2000" if "29" in (a[2], b[2])
                 else "2001")
    try:
        first, then = (date(int(d[0] if d[0] != "*" else known), int(d[1]),
                            int(d[2]) if precise else 15) for d in (a, b))
    except ValueError:
        return None
    days = (first - then).days
    if not days:
        return "The same day" if precise else None
    way = "before" if days < 0 else "after"
    if asked.relation == "order":
        return way.capitalize()
    unit = asked.unit or ("day" if abs(days) < 60 else "month" if abs(days) < 730 else "year")
    count = abs(days) / _UNITS[unit]
    if round(count) == 0 or (not precise and unit in ("day", "week")):
        return None  # less than one of the unit asked, or a day not given
    whole = round(count)
    amount = _NUMBERS[whole] if whole < len(_NUMBERS) else str(whole)
    about = "" if precise and (unit == "day" or abs(count - whole) < 0.1) else "about "
    phrase = f"{about}{amount} {unit}{'' if whole == 1 else 's'} {way}"
    if way != asked.relation:
        phrase += f", not {asked.relation}"
    return phrase[:1].upper() + phrase[1:]
