"""A country's leader asked about by office ("Libya's leader", "the Libyan leader"), read as
the one person the documents name a government after ("Muammar Qaddafi's government", "the
Qaddafi regime"), where the one government they also call by a country's name is that
country's ("a Libyan government spokesman").

Readers name a leader by office where the documents use the name. Where the documents call
governments after two people ("the Obama administration" beside "Qaddafi's government") or
by two countries' names, nothing says whose office it is, and the question is left as asked.

So too "the regime", "the government" and "the alliance" in an open question, named by no
one: the one government the documents name ("the Libyan regime"), the one alliance they
name ("NATO"). A claim is judged in its own words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.engine.aliases import canonical, governments_called_after

_OFFICE = r"(?i:leader|ruler|strongman|dictator|head\s+of\s+state)"
_LAND = r"[A-Za-z][\w.]*"
_ASKED = re.compile(
    rf"\b(?:(?i:the)\s+)?(?P<land>{_LAND})(?:['\u2019]s)?\s+{_OFFICE}\b(?!\s+of\b)"
    rf"|\b(?:(?i:the)\s+)?{_OFFICE}\s+of\s+(?P<land2>{_LAND})\b")

# "the regime", "the government" with no country or person said: whose it is is left to
# the documents.
_BARE = re.compile(r"\b(?P<the>(?i:the))\s+(?P<noun>(?i:regime|government))\b(?!\s+(?i:of)\b)")

# "the alliance" with no name: the one alliance the documents name, NATO by its name or
# another by "... Alliance".
_ALLIANCE = re.compile(r"\b(?i:the)\s+(?:(?i:military|western|atlantic)\s+)?(?i:alliance)\b"
                       r"(?!\s+(?i:of|between)\b)")
_NATO = re.compile(r"\bNATO\b")
_NAMED_ALLIANCE = re.compile(r"\b[A-Z][\w-]*\s+Alliance\b")

_OPEN = re.compile(r"^\W*(?i:who|whom|whose|what|when|where|which|why|how)\b")

# "Who rules Libya?", "Who runs the Libyan government?", "Who is the leader of Libya?": the
# ruler, asked by a verb of ruling or by office.
_RULES = r"(?:leads?|led|rules?|ruled|governs?|governed|runs?|ran|heads?|headed|controls?|" \
    r"controlled)"
_RULER_OF = re.compile(
    rf"^\W*(?i:who)\s+(?:(?i:is|was)\s+)?(?:(?i:currently|now)\s+)?(?i:{_RULES})\s+"
    rf"(?:(?i:the)\s+)?(?P<land>{_LAND})(?:\s+(?i:government|regime|administration))?"
    rf"\s*[?.!]*\s*$"
    rf"|^\W*(?i:who)\s*(?:(?i:is|was)\s+|['\u2019]s\s+)(?:(?i:the)\s+)?"
    rf"(?:(?P<land2>{_LAND})(?:['\u2019]s)?\s+)?{_OFFICE}"
    rf"(?:\s+(?i:of)\s+(?:(?i:the)\s+)?(?P<land3>{_LAND}))?\s*[?.!]*\s*$")
# The one government the documents name, asked with no country ("Who heads the regime?").
ONE_GOVERNMENT = "*"

_IDENTITY_ASKED = re.compile(r"(?i)(?:\bwho\s*(?:is|was|are|were|['\u2019]s)|\bname\s+of)\s*$")


def leader_asked(question: str) -> bool:
    """Does the question name a country's leader by office, or a government by no name?"""
    return any(_land(m) for m in _ASKED.finditer(question)) or bool(
        _OPEN.match(question) and (_BARE.search(question) or _ALLIANCE.search(question)))


def ruler_asked(question: str) -> str:
    """The country whose ruler the question asks for ("Who rules Libya?": "libya"),
    ``ONE_GOVERNMENT`` for the government of no country said ("Who heads the regime?"), ""
    when it asks for none."""
    m = _RULER_OF.match(question.strip())
    if m is None:
        return ""
    land = m.group("land") or m.group("land2") or m.group("land3") or ""
    if land.lower() in ("", "regime", "government", "administration", "country"):
        return ONE_GOVERNMENT
    return _country(land) or ""


def by_name(question: str, texts: Iterable[str]) -> str:
    """The question with a country's leader named as the documents name him or her; as
    asked where they call governments after no one or after more than one person."""
    texts = list(texts)
    open_asked = bool(_OPEN.match(question))  # (a claim is checked in its own words)
    if open_asked and any(_NATO.search(t) for t in texts) and not any(
            _NAMED_ALLIANCE.search(t) for t in texts):
        question = _ALLIANCE.sub("NATO", question)  # "Why is the alliance bombing Libya?"
    rulers: set[str] = set()
    lands: dict[str, str] = {}  # countries whose government is called by the country's name
    for text in texts:
        for name in governments_called_after(text):
            land = _country(name)
            if land is not None:
                lands.setdefault(land, name)
            elif name.lower() not in ("the", "its", "his", "her", "their"):
                rulers.add(name)
    if len(rulers) != 1 or len(lands) != 1:
        return question
    (name,), ((country, written),) = rulers, lands.items()
    if open_asked:
        # "Who is the regime's spokesman?": the one government the documents name, as they
        # write it ("the Libyan regime")
        question = _BARE.sub(lambda m: f"{m.group('the')} {written} {m.group('noun')}",
                             question)

    def named(m: re.Match[str]) -> str:
        land = _land(m)
        if _IDENTITY_ASKED.search(question[: m.start()]):
            return m.group(0)  # "Who is Libya's leader?" asks the name itself
        return name if land and _country(land) == country else m.group(0)

    return _ASKED.sub(named, question)


def _land(m: re.Match[str]) -> str | None:
    """The country the office is of, if the words name one."""
    land = m.group("land") or m.group("land2") or ""
    return land if _country(land) is not None else None


def _country(word: str) -> str | None:
    """The country a word names, known ("Libyan", "U.S.") or by a people's ending
    ("Ostrevian" -> "ostrevia"); a capitalised name with neither is no country's."""
    known = canonical(word)
    if known is not None:
        return known
    if not word[:1].isupper():
        return None
    low = word.lower()
    if low.endswith("an"):
        return low[:-1]  # "Ostrevian" -> "ostrevia"
    return low if low.endswith("ia") else None  # "Ostrevia" itself
