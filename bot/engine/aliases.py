"""Names that stand for the same country or body: short forms, demonyms, capitals.

News writes "Washington" for the U.S. government, "Chinese officials" for China's and
"the UN" for the United Nations. Two such names fill a slot with the same value, so one
never contradicts the other, and either one covers a claim that uses the other.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from types import MappingProxyType
from typing import Any

# One entity a line: its names, separated by "|". The first is the canonical key; a line
# starting with "|" goes on with the entity above.
_GROUPS = """
united states|us|u.s.|u.s|usa|u.s.a.|america|american|americans|washington
|state department|white house|pentagon
united kingdom|uk|u.k.|britain|great britain|british|briton|britons|london
|foreign office|downing street
russia|russian|russians|russian federation|moscow|kremlin
china|chinese|prc|people's republic of china|beijing
france|french|paris|elysee
germany|german|germans|berlin
italy|italian|italians|rome
spain|spanish|madrid
japan|japanese|tokyo
india|indian|indians|new delhi|delhi
pakistan|pakistani|pakistanis|islamabad
iran|iranian|iranians|tehran
iraq|iraqi|iraqis|baghdad
syria|syrian|syrians|damascus
israel|israeli|israelis|jerusalem
egypt|egyptian|egyptians|cairo
libya|libyan|libyans|tripoli
tunisia|tunisian|tunisians|tunis
turkey|turkish|turkiye|ankara
saudi arabia|saudi|saudis|riyadh
ukraine|ukrainian|ukrainians|kyiv|kiev
poland|polish|poles|warsaw
canada|canadian|canadians|ottawa
mexico|mexican|mexicans|mexico city
brazil|brazilian|brazilians|brasilia
argentina|argentine|argentinian|buenos aires
australia|australian|australians|canberra
south africa|south african|pretoria
nigeria|nigerian|nigerians|abuja
kenya|kenyan|kenyans|nairobi
north korea|north korean|pyongyang|dprk
south korea|south korean|seoul|korea
afghanistan|afghan|afghans|kabul
qatar|qatari|doha
united arab emirates|uae|emirati|abu dhabi
greece|greek|greeks|athens
netherlands|dutch|holland|hague|amsterdam
belgium|belgian|brussels
sweden|swedish|stockholm
norway|norwegian|oslo
switzerland|swiss|bern
austria|austrian|vienna
ireland|irish|dublin
portugal|portuguese|lisbon
united nations|un|u.n.
european union|eu|e.u.
north atlantic treaty organization|nato
world health organization|who
"""

_INDEX: dict[str, str] = {}
_key = ""
for _line in _GROUPS.strip().splitlines():
    _names = [n.strip() for n in _line.split("|")]
    if _names[0]:
        _key = _names[0]
    for _name in filter(None, _names):
        _INDEX[_name] = _key

# Forms that are also ordinary words: they count only in capitals ("US", "WHO").
_CASE_SENSITIVE = frozenset(["us", "who"])


def canonical(name: str) -> str | None:
    """The canonical key of a country or body named by ``name``, or None."""
    text, lowered = _bare(name)
    if lowered in _CASE_SENSITIVE and not text.isupper():
        return None
    # ("Norwegians": the people of Norway, as "Norwegian" is)
    plural = _INDEX.get(lowered[:-1]) if lowered.endswith("s") and len(lowered) > 4 else None
    return _INDEX.get(lowered) or _LEARNED.get().get(lowered) or plural or _ruled(lowered)


def country_asked(name: str) -> str | None:
    """The country or body a name asked about stands for (names asked about were written
    with capitals, so "us" among them was "US")."""
    return canonical(name) or canonical(name.upper())


def _ruled(lowered: str) -> str | None:
    """A country the table does not know, whose government the documents at hand name after
    its ruler ("Jan Olsen's government" beside "a Vardian government spokesman"): "vardia",
    "vardian"."""
    lands = set(_LEARNED_RULERS.get().values())
    if lowered in lands:
        return lowered
    key = _land_of_people(lowered)
    return key if key in lands else None


def _bare(name: str) -> tuple[str, str]:
    """A name without its possessive, and lower-cased without "the": how it is looked up."""
    text = re.sub(r"[’']s$", "", name.strip())
    return text, re.sub(r"^the\s+", "", text.lower())


_BODIES = frozenset(["united nations", "european union", "north atlantic treaty organization",
                     "world health organization"])
# A country's other names that are not its capital, a demonym or one of its bodies.
_COUNTRY_NAMES = frozenset(["us", "u.s.", "u.s", "usa", "u.s.a.", "america", "uk", "u.k.",
                            "britain", "great britain", "turkiye", "holland", "korea",
                            "russian federation", "people's republic of china", "prc", "dprk",
                            "uae"])


def is_country(name: str) -> bool:
    """Is this a country's own name ("Tunisia", "the U.S."), not its capital ("Tunis"),
    its people ("Tunisian") or one of its bodies ("the State Department")?"""
    key = canonical(name)
    lowered = _bare(name)[1]
    return key is not None and key not in _BODIES and (lowered == key
                                                        or lowered in _COUNTRY_NAMES)


def is_seat(name: str) -> bool:
    """Is this a capital named here ("Tunis")? As a place it is not its country."""
    lowered = re.sub(r"^the\s+", "", name.strip().lower())
    return lowered in _SEATS or lowered in _LEARNED_SEATS.get()


def capital_of(name: str) -> str | None:
    """The seat of government of the country ``name`` stands for ("Libyan" -> "tripoli")."""
    key = canonical(name)
    return next((n for n, k in _INDEX.items() if k == key and n in _SEATS), None) \
        if key else None


def same_entity(a: str, b: str) -> bool:
    """Do two names stand for the same country or body?"""
    ka = canonical(a)
    return ka is not None and ka == canonical(b)


# Capitals and seats of government: they stand for their country when it acts ("Washington
# said"), not where something happens ("held in Tunis" is not "held in Tunisia").
_SEATS = frozenset(
    "washington london moscow kremlin beijing paris elysee berlin rome madrid tokyo delhi "
    "islamabad tehran baghdad damascus jerusalem cairo tripoli tunis ankara riyadh kyiv kiev "
    "warsaw ottawa brasilia canberra pretoria abuja nairobi pyongyang seoul kabul doha athens "
    "hague amsterdam brussels stockholm oslo bern vienna dublin lisbon".split()
) | {"new delhi", "mexico city", "buenos aires", "abu dhabi"}
_PLACE_PREPOSITIONS = frozenset(["in", "at", "to", "from", "near", "outside", "inside"])


def _a_place(tok: Any) -> bool:
    """Is this name where something is ("in the capital, Tunis"), rather than who acts?"""
    node = tok
    for _ in range(3):
        if node.dep_ == "pobj" and node.head.lower_ in _PLACE_PREPOSITIONS:
            return True
        if node.dep_ not in ("appos", "compound", "flat") or node.head.i == node.i:
            return False
        node = node.head
    return False


def aliases_of(doc: Any) -> dict[int, str]:
    """Token index -> the country or body its name stands for ("Washington" -> the U.S.)."""
    found: dict[int, str] = {}
    for ent in doc.ents:
        if ent.label_ in ("GPE", "NORP", "ORG", "LOC"):
            key = canonical(ent.text)
            if key and not (is_seat(ent.text) and _a_place(ent.root)):
                found.update((t.i, key) for t in ent)
    for tok in doc:
        if tok.i not in found and tok.pos_ in ("PROPN", "ADJ", "NOUN"):
            key = canonical(tok.text)
            if key and not (is_seat(tok.text) and _a_place(tok)):
                found[tok.i] = key
    return found


# Capitals the documents at hand name as such ("Tannis, the Rovenian capital"), for countries
# the table above does not know: while they are known, each stands for its country as
# Washington does, and is a place as Tunis is.
_LEARNED: ContextVar[Mapping[str, str]] = ContextVar("learned_names", default=MappingProxyType({}))
_LEARNED_SEATS: ContextVar[frozenset[str]] = ContextVar("learned_seats", default=frozenset())
# ... and the one ruler a document names its one country's government after ("Muammar
# Qaddafi's government" beside "a Libyan government spokesman"): ruler -> country key.
_LEARNED_RULERS: ContextVar[Mapping[str, str]] = ContextVar(
    "learned_rulers", default=MappingProxyType({}))
# "Muammar Qaddafi's government", "Qaddafi Regime", "the Obama administration", "a Libyan
# government spokesman": a government called after a person or a country.
GOVERNMENT_NOUNS = ("government", "regime", "administration")
_GOVERNED = re.compile(r"\b(?P<name>[A-Z][\w-]+)(?:['\u2019]s)?\s+(?i:"
                       + "|".join(GOVERNMENT_NOUNS) + r")\b")


def governments_called_after(text: str) -> Iterator[str]:
    """The names the text calls governments after, as written ("Qaddafi", "Libyan")."""
    return (m["name"] for m in _GOVERNED.finditer(text))
_NAME = r"[A-Z][\w’'-]+"
_CAPITAL_SAID = (
    re.compile(rf"\b(?P<city>{_NAME}), (?:the )?(?P<people>{_NAME}) capital\b"),
    re.compile(rf"\b[Tt]he (?P<people>{_NAME}) capital,? (?P<city>{_NAME})\b"),
    re.compile(rf"\b(?P<city>{_NAME}), (?:the )?capital of (?:the )?(?P<land>{_NAME})\b"),
)


def seats_named(texts: Iterable[str]) -> dict[str, str]:
    """Names -> country key, from the capitals the texts name ("Tannis, the Rovenian
    capital": "tannis", "rovenian", "rovenia" -> "rovenia"); never a name the table knows."""
    found: dict[str, str] = {}
    for text in texts:
        for pattern in _CAPITAL_SAID:
            for m in pattern.finditer(text):
                city, land = m["city"].lower(), (m.groupdict().get("land") or "").lower()
                people = (m.groupdict().get("people") or "").lower()
                if city in _INDEX or city in ("the", "a"):
                    continue
                key = _INDEX.get(land or people) or land or _country_of(people)
                for name in (city, land, people, key):
                    if name and name not in _INDEX:
                        found.setdefault(name, key)
                found[f"@seat:{city}"] = key
        found.update(_ruler_named(text))
    return found


def _ruler_named(text: str) -> dict[str, str]:
    """"@ruler:<name>" -> country key, where the text calls one government after a person and
    one after a country, and so both are one government."""
    rulers, lands = set(), set()
    for name in governments_called_after(text):
        # (a people's word the table does not know names its country: "Vardian")
        key = canonical(name) or _land_of_people(name.lower())
        if key is not None:
            lands.add(key)
        elif name.lower() not in ("the", "its", "his", "her", "their", "a", "an", "this"):
            rulers.add(name.lower())
    if len(rulers) != 1 or len(lands) != 1:
        return {}
    return {f"@ruler:{next(iter(rulers))}": next(iter(lands))}


def governed_by(text: str) -> set[str]:
    """The countries whose government the text names after its ruler, as the documents at
    hand do ("Muammar Qaddafi's government": Libya's)."""
    rulers = _LEARNED_RULERS.get()
    return {rulers[name.lower()] for name in governments_called_after(text)
            if name.lower() in rulers}


def governments_of(doc: Any) -> dict[int, str]:
    """Token index -> country, for the words of a government the documents at hand name
    after its ruler ("Muammar Qaddafi's government": Libya's)."""
    rulers = _LEARNED_RULERS.get()
    found: dict[int, str] = {}
    if not rulers:
        return found
    for tok in doc:
        if tok.lemma_.lower() not in GOVERNMENT_NOUNS:
            continue
        for child in tok.children:
            if child.dep_ in ("poss", "compound") and child.text.lower() in rulers:
                found.update((t.i, rulers[child.text.lower()])
                             for t in (*child.subtree, tok) if t.pos_ == "PROPN" or t is tok)
    return found


def _land_of_people(word: str) -> str | None:
    """The country a people's word the table does not know names, by its ending ("vardian"
    -> "vardia"); None for a word that is no people's."""
    return _country_of(word) if word.endswith("an") else None


def _country_of(people: str) -> str:
    """The country a people's adjective names, by its usual ending ("rovenian" -> "rovenia",
    "velmoran" -> "velmora"); the adjective itself where no ending says."""
    return people[:-1] if people.endswith("an") else people


@contextmanager
def seats_known(named: Mapping[str, str]) -> Iterator[None]:
    """Within the block, the names ``seats_named`` found stand for their countries (and a
    ruler's government for his country's)."""
    seats = frozenset(k.removeprefix("@seat:") for k in named if k.startswith("@seat:"))
    rulers = {k.removeprefix("@ruler:"): v for k, v in named.items() if k.startswith("@ruler:")}
    names = {k: v for k, v in named.items() if not k.startswith(("@seat:", "@ruler:"))}
    token = _LEARNED.set(MappingProxyType(names))
    seat_token = _LEARNED_SEATS.set(seats)
    ruler_token = _LEARNED_RULERS.set(MappingProxyType(rulers))
    try:
        yield
    finally:
        _LEARNED_RULERS.reset(ruler_token)
        _LEARNED_SEATS.reset(seat_token)
        _LEARNED.reset(token)
