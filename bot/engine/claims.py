"""Question (+ chat history) -> a checkable declarative claim."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from bot.engine.lexicon import IRREGULAR_PAST
from bot.engine.nlp import Parser
from bot.types import Claim
from retrieval.errors import InputError

_LEAD_IN = re.compile(
    r"^(?:and|so|but|also|ok(?:ay)?|well|then|now|hmm+|please|tell me|check(?: whether| if)?"
    r"|is it (?:true|correct|right) that|did you know that)[\s,:]+",
    re.IGNORECASE,
)
_WH = frozenset(["what", "who", "whom", "whose", "when", "where", "why", "how", "which"])
_DEICTIC = frozenset(["this", "it", "that", "these", "those"])
_SPEAKER_Q = re.compile(
    r"^(?:and\s+)?what\s+(?:did|does|do|has|have)\s+(?P<who>.+?)\s+"
    r"(?:say|said|think|claim|argue|tell|told|call|describe)\b",
    re.IGNORECASE,
)

SubjectFinder = Callable[[str, str], "str | None"]  # (claim text, predicate) -> subject phrase


def _past(lemma: str) -> str:
    if lemma in IRREGULAR_PAST:
        return IRREGULAR_PAST[lemma]
    if lemma.endswith("e"):
        return lemma + "d"
    if re.search(r"[^aeiou]y$", lemma):
        return lemma[:-1] + "ied"
    if re.fullmatch(r"[^aeiou]*[aeiou][^aeiouwxy]", lemma):  # stop -> stopped
        return lemma + lemma[-1] + "ed"
    return lemma + "ed"


def _third_person(lemma: str) -> str:
    special = {"be": "is", "have": "has", "do": "does"}
    if lemma in special:
        return special[lemma]
    if re.search(r"(?:s|sh|ch|x|z|o)$", lemma):
        return lemma + "es"
    if re.search(r"[^aeiou]y$", lemma):
        return lemma[:-1] + "ies"
    return lemma + "s"


def _subject(doc: Any, head: Any) -> Any | None:
    for tok in head.children:
        if tok.dep_ in ("nsubj", "nsubjpass", "expl"):
            return tok
    return None


def _subject_end(subj: Any, inverted_be: bool) -> Any:
    """Last token of the subject phrase.

    After an inverted "was"/"is", the parser often hangs the predicate participle on the
    subject as a reduced relative ("Was [the meeting held] on July 20?"): that participle
    is what the question asks, so the subject stops before it.
    """
    if not inverted_be:
        return subj.right_edge
    doc = subj.doc
    for tok in subj.subtree:
        if tok.i > subj.i and tok.dep_ == "acl" and tok.tag_ in ("VBN", "VBG"):
            return doc[max(subj.i, tok.left_edge.i - 1)]
    words = [t for t in doc if not t.is_punct]
    preps = [c for c in subj.rights if c.dep_ == "prep"]
    if preps and words and subj.right_edge.i >= words[-1].i:
        # "Are [the workers on strike]?": with nothing after the subject, its last
        # prepositional phrase is the predicate.
        return doc[max(subj.i, preps[-1].i - 1)]
    return subj.right_edge


def _declarative(question: str, parser: Parser) -> tuple[str, str | None]:
    """Turn a yes/no question into a statement; returns (text, subject text)."""
    doc = parser.parse(question)
    if len(doc) < 2:
        return question, None
    first = doc[0]
    lower = first.lower_
    root = next((t for t in doc if t.dep_ == "ROOT"), doc[0])
    subj = _subject(doc, root) or (_subject(doc, first) if first is not root else None)
    if subj is None and first.i == root.i and first.lemma_ == "be":
        # "Was [the Libya Contact Group meeting] held in Ankara?": a long subject the parse
        # reads as the complement of the inverted "was".
        subj = next((c for c in first.children if c.dep_ == "attr"), None)
    if subj is None:
        return question, None
    left = subj.left_edge
    right = _subject_end(subj, first.lemma_ == "be" and first.i < left.i)
    if left.i <= first.i:
        return question, None
    subj_text = doc[left.i : right.i + 1].text
    # Usually empty. "Didn't the U.S. close ...?" asks whether it closed: a negative
    # question leans towards yes, so its negation is not part of the claim.
    between = " ".join(
        t.text for t in doc[first.i + 1 : left.i] if t.lower_ not in ("n't", "not", "n’t")
    )
    rest = doc[right.i + 1 :].text
    if lower in ("did", "does", "do") and root.pos_ in ("VERB", "AUX") and root.i > right.i:
        span = doc[right.i + 1 : root.i]
        middle = " ".join(t.text for t in span if t.dep_ != "neg")
        after = doc[root.i + 1 :].text
        verb = (
            _past(root.lemma_)
            if lower == "did"
            else (_third_person(root.lemma_) if lower == "does" else root.lemma_)
        )
        if any(t.dep_ == "neg" for t in span):  # "Did X not go?" claims X did not go
            verb = f"{lower} not {root.lemma_}"
        text = " ".join(p for p in (between, subj_text, middle, verb, after) if p)
    else:
        text = " ".join(p for p in (between, subj_text, lower, rest) if p)
    return text, subj_text


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

    stripped = q
    while True:
        new = _LEAD_IN.sub("", stripped)
        if new == stripped:
            break
        stripped = new
    first = stripped.split(" ", 1)[0].lower() if stripped else ""
    if first in _WH:
        return Claim(question=question, text=_finish(stripped), is_open=True)
    if stripped.endswith("?") and re.search(r"\w", stripped):
        text, subject = _declarative(stripped.rstrip("?").strip(), parser)
    else:
        text, subject = stripped, None

    if subject is not None and subject.lower() in _DEICTIC:
        resolved = _resolve_deictic(text, subject, parser, history, find_subject)
        if resolved:
            text = resolved + text[len(subject) :]
            subject = resolved
    return Claim(question=question, text=_finish(text) or _finish(q), subject=subject)


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
