"""Answer values normalised for comparison: "3,559" = "3559 people", "July 16" = "16 July 2011".

A key is a short string: ``n:<number>``, ``d:<year>-<month>-<day>`` (``*`` where the text
does not say), or ``t:<words>`` (names and other text, ``|`` between several values). Two
keys agree when ``agree`` says so: numbers equal, dates equal wherever both say, texts that
share a value or one of whose values contains the other's words.
"""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for m in names
}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WORD_NUMBERS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
_WORD_NUMBERS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
                      "eighty": 80, "ninety": 90, "hundred": 100, "a dozen": 12, "dozen": 12})
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "k": 1e3,
          "m": 1e6, "bn": 1e9}
_NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?")
_DROP = frozenset(
    "the a an of and mr mrs ms dr prof sir ambassador judge president minister mayor "
    "senator general captain secretary chief 's ’s".split()
)


def number(text: str) -> float | None:
    """The number a short text states, or None: "3,559 people" -> 3559, "1.8 million" -> 1.8e6."""
    low = text.lower().replace("\u2009", "").replace("\u00a0", " ")
    m = _NUMBER.search(low)
    if m:
        value = float(m.group(1).replace(",", "") + ("." + m.group(2) if m.group(2) else ""))
        after = low[m.end() :].strip()
        word = re.match(r"[a-z]+", after)
        if word and word.group(0) in _SCALE:
            value *= _SCALE[word.group(0)]
        return value
    for w, v in sorted(_WORD_NUMBERS.items(), key=lambda x: -len(x[0])):
        if re.search(rf"\b{w}\b", low):
            scale = re.search(rf"\b{w}\s+(thousand|million|billion)\b", low)
            return v * (_SCALE[scale.group(1)] if scale else 1)
    return None


def date(text: str) -> tuple[str, str, str] | None:
    """(year, month, day) as strings, ``*`` where the text does not say; None if no date."""
    low = text.lower()
    year = re.search(r"\b(1[5-9]\d\d|20\d\d)\b", low)
    month = next(
        (v for k, v in _MONTHS.items() if re.search(rf"\b{k}\b\.?", low) and not (
            k == "may" and re.search(r"\bmay (?:have|be|not)\b", low))),
        None,
    )
    day = None
    if month is not None:
        name = next(k for k, v in _MONTHS.items() if v == month and re.search(rf"\b{k}\b", low))
        m = re.search(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{name}\b", low) or re.search(
            rf"\b{name}\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!\d)", low
        )
        if m and 1 <= int(m.group(1)) <= 31:
            day = int(m.group(1))
    iso = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", low)
    if iso:
        return iso.group(1), str(int(iso.group(2))), str(int(iso.group(3)))
    weekday = next((w for w in _WEEKDAYS if w in low), None)
    if year is None and month is None:
        if weekday:
            return "*", "*", weekday
        return None
    return (
        year.group(1) if year else "*",
        str(month) if month else "*",
        str(day) if day else "*",
    )


def words(text: str) -> tuple[str, ...]:
    """Lower-case words without titles, articles and possessives: names compare on these."""
    out = []
    for w in re.findall(r"[\w\u00c0-\u024f]+(?:[.'\u2019-][\w\u00c0-\u024f]+)*", text.lower()):
        w = re.sub(r"['\u2019]s$", "", w)
        if w not in _DROP:
            out.append(w.replace(".", ""))
    return tuple(out)


def key(value: str, expects: str, published: str | None = None, ahead: bool = False) -> str:
    """The comparison key of an answer value, by the answer type the question wants.

    A bare weekday ("on Wednesday night") is read against the date the document was
    published: the last such day on or before it, or the next on or after it when the
    sentence looks ahead ("will vote on Wednesday")."""
    if expects == "DATE":
        d = date(value)
        if d is not None and d[:2] == ("*", "*") and published:
            d = _on_weekday(d[2], published, ahead) or d
        if d is not None:
            return "d:" + "-".join(d)
    if expects in ("NUMBER", "DURATION", "AGE"):
        n = number(value)
        if n is not None:
            return f"n:{n:g}"
    if expects == "DATE":
        n = number(value)
        if n is not None:
            return f"n:{n:g}"
    parts = [" ".join(words(p)) for p in re.split(r",\s*(?:and\s+)?|\s+and\s+|;", value)]
    return "t:" + "|".join(sorted(p for p in parts if p))


def _on_weekday(weekday: str, published: str, ahead: bool) -> tuple[str, str, str] | None:
    try:
        base = dt.date.fromisoformat(published)
    except ValueError:
        return None
    shift = (_WEEKDAYS.index(weekday) - base.weekday()) % 7
    if ahead and shift == 0:
        # "will resume on Friday" in a Friday paper: that day or a week on; left as said,
        # it agrees with either.
        return None
    day = base + dt.timedelta(days=shift) if ahead else base - dt.timedelta(days=(7 - shift) % 7)
    return str(day.year), str(day.month), str(day.day)


def _weekday_of(p: str, q: str, x: str, y: str) -> bool:
    """A day given as a weekday ("*-*-friday") and a full date that falls on it agree."""
    if p in _WEEKDAYS and q not in _WEEKDAYS:
        p, q, x, y = q, p, y, x
    if q not in _WEEKDAYS:
        return False
    try:
        return dt.date(*(int(n) for n in x.split("-"))).weekday() == _WEEKDAYS.index(q)
    except ValueError:
        return False


def agree(a: str, b: str) -> bool:
    """Do two keys give the same answer (allowing for what one of them leaves out)?"""
    if a == b:
        return True
    if a[:2] != b[:2]:
        # A bare year read as a number and the same year in a date agree.
        nums = [k for k in (a, b) if k.startswith("n:")]
        dates = [k for k in (a, b) if k.startswith("d:")]
        if nums and dates:
            return dates[0][2:].split("-")[0] == nums[0][2:]
        return False
    kind, x, y = a[:2], a[2:], b[2:]
    if kind == "n:":
        fx, fy = float(x), float(y)
        return abs(fx - fy) <= 1e-6 * max(abs(fx), abs(fy), 1.0)
    if kind == "d:":
        return all(p == q or "*" in (p, q) or _weekday_of(p, q, x, y)
                   for p, q in zip(x.split("-"), y.split("-"), strict=True))
    xs, ys = x.split("|"), y.split("|")
    if any(_initials(p, q) or _initials(q, p) for p in xs for q in ys):
        return True
    for p in xs:
        for q in ys:
            pw, qw = set(p.split()), set(q.split())
            if pw and qw and (pw <= qw or qw <= pw):
                return True
            if _initialled(p.split(), q.split()) or _initialled(q.split(), p.split()):
                return True
    return False


def _initialled(short: list[str], full: list[str]) -> bool:
    """"r j penderleigh" and "rufus penderleigh": one name, its given names cut to initials."""
    return len(short) >= 2 and len(full) >= 2 and short[-1] == full[-1] and len(short[0]) == 1 \
        and all(len(w) == 1 for w in short[:-1]) and short[0] == full[0][0] and len(full[0]) > 1


def _initials(short: str, long: str) -> bool:
    """"AP" and "Associated Press", "tnc" and "Transitional National Council"."""
    ws = long.split()
    return len(short) >= 2 and " " not in short and len(ws) >= 2 and short == "".join(
        w[0] for w in ws
    )


def states(text: str, answer: str) -> bool:
    """Does ``text`` state ``answer``: as written, word for word, or as the same number?"""
    from retrieval.text import fold_quotes

    low, ans = fold_quotes(text).lower(), fold_quotes(answer).lower().strip()
    if not ans:
        return False
    if ans in low:
        return True
    ws = re.findall(r"\w+", ans)
    if ws and all(re.search(rf"\b{re.escape(w)}\b", low) for w in ws):
        return True
    if number(ans) is not None and not date(ans):
        target = key(ans, "NUMBER")
        found = re.findall(r"\d[\d,.]*(?:\s+(?:thousand|million|billion))?", low)
        return any(agree(target, key(f.rstrip(".,"), "NUMBER")) for f in found)
    return False
