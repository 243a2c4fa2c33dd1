"""Why a source is not named: "said the official, who was not authorized to discuss the event
on the record", "speaking on the condition of anonymity".

News reports say why they keep a source's name back in a few set phrases; a reader who asks
"Why wasn't the official named?" is answered by that phrase, whatever else the sentence says.
"""

from __future__ import annotations

import re

# "Why wasn't the U.S. official named?", "Why doesn't the article name him?", "Why is the
# source anonymous?", "What is the reason for not naming him?", "Why is his name kept
# out?", "On what condition did the official speak?"
_ASKED = re.compile(
    r"\b(?:why|reasons?)\b.*(?:(?:\bnot|n['\u2019]t|\bnever)\b.*\b(?:nam(?:e|ed|ing)|identif(?:y|ied|ying))\b"
    r"|\b(?:anonym\w*|unnamed|unidentified|nameless)\b"
    # "the reason for keeping the source's name out", "why is his name withheld"
    r"|\bnames?\b.*\b(?:out|back|secret|hidden|private|withheld|under\s+wraps)\b)"
    # "On what condition did the official speak?", "On what terms did he agree to talk?":
    # the terms a source spoke on
    r"|\b(?:on|under)\s+what\s+(?:conditions?|terms|basis|grounds?)\b.*\b(?:speak|spoke|"
    r"spoken|talk|talked|comment|commented|brief|briefed)\b",
    re.IGNORECASE,
)
# The phrases, a stated reason first: "not authorized to ...", "because ..." after the
# condition of anonymity; then the bare condition.
_REASON = re.compile(
    r"\b(?:not\s+authori[sz]ed\s+to\s+[^,;.]+"
    r"|(?:asked|declined|requested)\s+not\s+to\s+be\s+(?:named|identified)\s+because\s+[^,;.]+"
    r"|(?:on\s+(?:the\s+)?condition\s+of\s+anonymity|anonymously)\s+because\s+[^,;.]+)",
    re.IGNORECASE,
)
_CONDITION = re.compile(
    r"\b(?:(?:speaking|spoke|talking|talked)\s+(?:on\s+(?:the\s+)?condition\s+of\s+anonymity"
    r"|anonymously)|on\s+(?:the\s+)?condition\s+(?:of\s+anonymity|that\s+\w+\s+not\s+be\s+"
    r"(?:named|identified))|(?:asked|declined|requested)\s+not\s+to\s+be\s+(?:named|"
    r"identified))",
    re.IGNORECASE,
)


def asks_why_unnamed(question: str) -> bool:
    """Does the question ask why a source goes unnamed?"""
    return bool(_ASKED.search(question))


def unnamed_because(sentence: str, why: bool = True) -> tuple[str, float] | None:
    """The words of a sentence that say why its source is not named, and how well they answer
    (asked why: 1.0 for a reason, 0.8 for the bare condition of anonymity; asked on what
    condition, the other way round), or None."""
    if m := _REASON.search(sentence):
        return m.group(0).strip(), 1.0 if why else 0.8
    if m := _CONDITION.search(sentence):
        return m.group(0).strip(), 0.8 if why else 1.0
    return None
