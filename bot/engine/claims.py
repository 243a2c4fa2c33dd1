"""Question (+ chat history) -> a checkable declarative claim."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from bot.engine.lexicon import EVENTS
from bot.engine.membership import what_membership_says
from bot.engine.nlp import Parser
from bot.engine.question_kind import TAG, or_not, put_to_one, scene_set
from bot.engine.statements import declarative
from bot.types import Claim
from retrieval.errors import InputError
from retrieval.text import stem

_LEAD_IN = re.compile(
    r"^(?:and|so|but|also|ok(?:ay)?|well|then|now|hmm+|please|tell me|check(?: whether| if)?"
    r"|is it (?:true|correct|right|the case)(?: that)?|did you know(?: that)?"
    # Hearsay the user passes on is what is to be checked, not a claim about the user.
    r"|(?:i|we)(?:'ve|’ve| have)? (?:read|heard|seen|saw)(?: somewhere| online)?(?: that)?"
    r"|(?:someone|somebody|a friend|people) (?:told me|tells me|says|say|are saying)(?: that)?"
    r"|apparently|rumou?r has it(?: that)?|(?:can|could) you confirm(?: that)?"
    r"|true or false|fact[- ]check)[\s,:]+",
    re.IGNORECASE,
)
_GOING_BY = re.compile(
    r",?\s+(?:going|judging|to\s+judge)\s+(?:by|from)\s+(?:this|that|the|what)\b[^,?.!]*"
    r"([?.!]*)\s*$", re.IGNORECASE)
_WH = frozenset(["what", "who", "whom", "whose", "when", "where", "why", "how", "which"])
_AUX_FIRST = frozenset(
    "is are was were do does did has have had can could will would should isn't wasn't "
    "weren't aren't didn't doesn't don't hasn't haven't".split()
)
_DEICTIC = frozenset(["this", "it", "that", "these", "those"])
_SPEAKER_Q = re.compile(
    r"^(?:and\s+)?what\s+(?:did|does|do|has|have)\s+(?P<who>.+?)\s+"
    r"(?:say|said|think|claim|argue|tell|told|call|describe)\b",
    re.IGNORECASE,
)

SubjectFinder = Callable[[str, str], "str | None"]  # (claim text, predicate) -> subject phrase


def _finish(text: str) -> str:
    text = text.strip().rstrip("?!. ").strip()
    text = re.sub(r"\s+([,;:])", r"\1", text)
    return (text[:1].upper() + text[1:] + ".") if text else text


def _last_user_question(history: Sequence[Mapping[str, Any]]) -> str | None:
    for turn in reversed(history):
        if turn.get("role") == "user" and str(turn.get("content", "")).strip():
            return str(turn["content"])
    return None


def make_claim(
    question: str,
    parser: Parser,
    history: Sequence[Mapping[str, Any]] = (),
    find_subject: SubjectFinder | None = None,
) -> Claim:
    """The claim to check: "Was this a negotiation?" -> "The meeting was a negotiation."."""
    q = " ".join(question.split())
    if not re.search(r"\w", q):
        raise InputError("the question has no words to check: ask about something in the documents")
    speaker_match = _SPEAKER_Q.match(q)
    if speaker_match:
        # "And what did Libya say?" asks for one party's side of the previous claim.
        previous = _last_user_question(history)
        who = speaker_match.group("who")
        if previous:
            base = make_claim(previous, parser, (), find_subject)
            return Claim(question=question, text=base.text, subject=base.subject, speaker=who)
        return Claim(question=question, text=_finish(q), speaker=who, is_open=True)

    scene = scene_set(q)
    if scene is not None:
        # "When they met in Tunisia, was that a negotiation?": the claim is the question's,
        # said of the scene its lead sets.
        base = make_claim(scene[1], parser, history, find_subject)
        return replace(base, question=question,
                       text=f"{base.text.rstrip('.')} {scene[0][:1].lower()}{scene[0][1:]}.")

    rest, party = put_to_one(q)
    if party is not None:
        # "According to the U.S. official, is another session planned?": what that party
        # says is what is checked.
        base = make_claim(rest, parser, history, find_subject)
        return replace(base, question=question,
                       text=f"{base.text.rstrip('.')}, according to {party}.")

    stripped = q
    while True:
        new = _LEAD_IN.sub("", stripped)
        if new == stripped:
            break
        stripped = new
    # "..., going by this meeting": what the reader goes by is the documents' account.
    stripped = _GOING_BY.sub(r"\1", stripped)
    tag = TAG.search(stripped)
    if tag and tag.start() > 0:
        # "Did X or not?" stays a question; "X, right?" is the statement X.
        is_question = or_not(tag) and (
            stripped.split(" ", 1)[0].lower() in _AUX_FIRST
        )
        stripped = stripped[: tag.start()] + ("?" if is_question else "")
    first = stripped.split(" ", 1)[0].lower() if stripped else ""
    if first in _AUX_FIRST and not stripped.endswith("?"):
        stripped = stripped.rstrip(" .!") + "?"  # "is this the opening round" typed bare
    if first in _WH:
        return Claim(question=question, text=_finish(stripped), is_open=True)
    elided = re.match(r"any\s+(.+?)\s*\?$", stripped, re.IGNORECASE)
    if elided:  # "any follow-up sessions planned?": "are there" left out
        text, subject = f"There are {elided.group(1)}", None
    elif stripped.endswith("?") and re.search(r"\w", stripped):
        text, subject = declarative(stripped.rstrip("?").strip(), parser)
    else:
        text, subject = stripped, None

    if subject is not None and subject.lower() in _DEICTIC:
        resolved = _resolve_deictic(text, subject, parser, history, find_subject)
        if resolved:
            text = resolved + text[len(subject) :]
            subject = resolved
    # "X was one of the diplomats who attended": what the group's description says of X.
    text = what_membership_says(text, parser) or text
    # "The meeting shows that Washington is ready to talk": what it is a sign of is checked.
    text = _shown(text, parser) or text
    return Claim(question=question, text=_finish(text) or _finish(q), subject=subject)


# Verbs that say something is evidence of a state of affairs ("shows", "suggests").
_EVIDENCE_OF = frozenset(["show", "suggest", "indicate", "signal", "prove", "demonstrate",
                          "mean"])


# Verbs that say what their subject is ("marked the start of talks").
_BEING = frozenset(["mark", "constitute", "represent"])


def _shown(text: str, parser: Parser) -> str | None:
    """"The secret sit-down shows the U.S. is willing to bargain" -> "The U.S. is willing to
    bargain": a claim that an occasion is a sign of a state of affairs is checked on that
    state of affairs, which is what a source calls it a sign of; "the meeting marked the start
    of talks" is that it was the start of talks. None when the claim is no such."""
    doc = parser.parse(text)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or any(c.dep_ == "neg" for c in root.children):
        return None
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")),
                   None)
    if subject is None or not any(stem(t.lemma_.lower()) in EVENTS for t in subject.subtree):
        return None  # (an occasion, as parties describe it: not a study or a figure)
    if root.lemma_.lower() in _BEING and root.tag_ in ("VBD", "VBZ", "VBP"):
        # "The meeting marked the start of talks": it was the start of talks.
        thing = next((c for c in root.children if c.dep_ == "dobj"), None)
        if thing is None or thing.i < subject.i:
            return None
        be = "was" if root.tag_ == "VBD" else "are" if root.tag_ == "VBP" else "is"
        return (doc[:root.i].text + f" {be} " + doc[root.i + 1:].text).strip()
    if root.lemma_.lower() not in _EVIDENCE_OF:
        return None
    shown = next((c for c in root.children if c.dep_ == "ccomp"
                  and any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children)), None)
    if shown is None:
        return None
    words = [t for t in shown.subtree if not (t.dep_ == "mark" and t.head.i == shown.i)]
    return "".join(t.text_with_ws for t in words).strip() or None


def _resolve_deictic(
    text: str,
    subject: str,
    parser: Parser,
    history: Sequence[Mapping[str, Any]],
    find_subject: SubjectFinder | None,
) -> str | None:
    """What "this"/"it" stands for: the previous claim's subject, else the corpus' main one."""
    previous = _last_user_question(history)
    if previous:
        base = make_claim(previous, parser, (), find_subject)
        if base.subject and base.subject.lower() not in _DEICTIC:
            return base.subject
    if find_subject is None:
        return None
    predicate = text[len(subject) :].strip()
    found = find_subject(text, predicate)
    return found
