"""\u201cWe want to move forward,\u201d said the Libyan spokesman: in a quotation, "we" is the side
its speaker speaks for. A quoted sentence is judged again with that side named, so it can bear
on a claim about Libya."""

from __future__ import annotations

import re
from typing import Any

from bot.engine.aliases import canonical
from bot.types import Attribution

_WE = ("we", "us", "our", "ours")
_PRONOUNS = re.compile(rf"\b({'|'.join(_WE)})\b", re.IGNORECASE)


def speaks_as_we(doc: Any) -> bool:
    """Does the sentence speak in the first person plural ("US" is the United States)?"""
    return any(t.lower_ in _WE and t.text != "US" for t in doc)


def side_of(said: Attribution) -> str | None:
    """The country or body a quoted speaker speaks for, named in how the document describes
    them ("the Libyan spokesman" -> Libya, "a State Department official" -> the U.S.)."""
    for name in (said.organisation, said.speaker):
        if not name:
            continue
        tokens = re.findall(r"[\w.\u2019'-]+", name)
        for size in (3, 2, 1):  # the longest name first: "the State Department" before "State"
            for i in range(len(tokens) - size + 1):
                key = canonical(" ".join(tokens[i : i + size]))
                if key:
                    return key
    return None


def named(text: str, side: str) -> str:
    """The sentence with its first-person plural pronouns replaced by the side's name."""
    name = side.title() if side.islower() else side

    def swap(m: re.Match[str]) -> str:
        word = m.group(1)
        if word == "US":
            return word
        return f"{name}'s" if word.lower() in ("our", "ours") else name

    return _PRONOUNS.sub(swap, text)
