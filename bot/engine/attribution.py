"""Who asserts an evidence sentence: speaker, organisation, reporting verb, quote, anonymity."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from bot.engine.lexicon import REPORTING_VERBS, ROLE_NOUNS
from bot.types import Attribution, Span

_PRONOUNS = frozenset(["he", "she", "they", "it", "we", "i", "which", "who", "that"])
_QUOTED = re.compile(r"[\"\u201c][^\"\u201d]{12,}[\"\u201d]")
_ANONYMITY = re.compile(
    r"condition of anonymity|not authorized|asked not to be (?:named|identified)"
    r"|declined to be (?:named|identified)|familiar with",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Frame:
    verb: Any  # the reporting token ("said", "according")
    speaker: Any  # head token of the speaker phrase
    content: set[int]  # token indices of what is reported


def _phrase(tok: Any) -> tuple[str, int, int]:
    """The speaker's noun phrase, with an apposed name: "the Libyan spokesman, Moussa Ibrahim"."""
    doc = tok.doc
    left = tok.left_edge.i
    right = tok.i
    for child in tok.rights:
        if child.dep_ in ("compound", "appos", "prep", "amod", "nmod") or (
            child.dep_ == "punct"
            and child.i == right + 1
            and child.text == ","
            and any(c.dep_ == "appos" for c in tok.rights)
        ):
            right = max(right, child.right_edge.i)
    # A relative clause or trailing comma is not part of the name.
    while right > left and doc[right].dep_ in ("punct", "cc", "relcl"):
        right -= 1
    text = doc[left : right + 1].text.strip(" ,")
    return re.sub(r"\s+,", ",", text), left, right + 1


def _frames(doc: Any) -> list[_Frame]:
    frames: list[_Frame] = []
    for tok in doc:
        if tok.lemma_ == "accord" and tok.lower_ == "according":
            to = next((c for c in tok.children if c.lower_ == "to"), None)
            obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
            if obj is not None:
                scope = tok.head
                reported = {t.i for t in scope.subtree} - {t.i for t in tok.subtree}
                frames.append(_Frame(tok, obj, reported))
            continue
        if tok.pos_ not in ("VERB", "AUX") or tok.lemma_ not in REPORTING_VERBS:
            continue
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or subj.dep_ == "nsubjpass":
            continue
        if tok.lemma_ == "report" and any(c.dep_ == "prep" and c.lower_ == "to"
                                          for c in tok.children):
            continue  # "Ships must report to the Alliance": answering to, not telling
        content: set[int] = set()
        for child in tok.children:
            if child.dep_ in ("ccomp", "xcomp", "dobj", "prep", "oprd", "advcl", "dative"):
                content |= {t.i for t in child.subtree}
        # "“...,” X said": the quote is the verb's head clause.
        if not content:
            head = tok.head if tok.dep_ != "ROOT" else tok
            content |= {t.i for t in head.subtree} - {t.i for t in tok.subtree}
        if tok.dep_ == "ROOT":
            content |= {
                t.i for c in tok.children if c.dep_ in ("ccomp", "parataxis") for t in c.subtree
            }
        frames.append(_Frame(tok, subj, content))
    return frames


def _content_span(doc: Any, frame: _Frame, offset: int) -> Span | None:
    """The longest unbroken run of reported words, trimmed of edge punctuation."""
    runs: list[list[int]] = []
    for i in sorted(frame.content):
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    if not runs:
        return None
    run = max(runs, key=len)
    while run and (doc[run[0]].is_punct and doc[run[0]].text not in '"\u201c'):
        run = run[1:]
    while run and doc[run[-1]].is_punct and doc[run[-1]].text not in '"\u201d':
        run = run[:-1]
    if not run:
        return None
    first, last = doc[run[0]], doc[run[-1]]
    return Span(offset + first.idx, offset + last.idx + len(last.text))


def _depth(tok: Any) -> int:
    depth = 0
    while tok.head.i != tok.i:
        tok = tok.head
        depth += 1
    return depth


def _organisation(doc: Any, start: int, end: int) -> str | None:
    for ent in doc.ents:
        if start <= ent.start < end and ent.label_ in ("ORG", "GPE", "NORP"):
            return str(ent.text)
    return None


def _resolve(phrase: str, head: Any, before: str) -> str:
    """'the official' -> 'A U.S. State Department official' from earlier in the document."""
    words = phrase.split()
    noun = head.lower_
    if head.lower_ in _PRONOUNS or not words:
        return phrase
    if words[0].lower() not in ("the", "this", "that") or noun not in ROLE_NOUNS:
        return phrase
    best = None
    # An indefinite first mention on one line: "A U.S. State Department official".
    pattern = re.compile(
        rf"\b[Aa]n? +((?:(?:[A-Z]\.)+|[\w\u2019'-]+) +){{0,6}}?{re.escape(noun)}\b"
    )
    for match in pattern.finditer(before):
        candidate = match.group(0)
        if best is None or len(candidate.split()) > len(best.split()):
            best = candidate
    if best and len(best.split()) > len(words):
        return best
    return phrase


def attribute(
    doc: Any,
    sentence_start: int,
    document_text: str,
    matched: Collection[int] = (),
) -> Attribution:
    """Who says this sentence, preferring the frame whose reported content holds ``matched``.

    ``doc`` is the parsed sentence; ``matched`` are indices of its tokens that match the claim.
    """
    frames = _frames(doc)
    if not frames:
        return Attribution(speaker=None, direct_quote=bool(_QUOTED.search(doc.text)))
    matched = set(matched)

    def rank(frame: _Frame) -> tuple[int, int]:
        # The verb and its speaker count too: "X described Y as Z" matches "X described ...".
        said = frame.content | {frame.verb.i} | {t.i for t in frame.speaker.subtree}
        # Distinct words, so a term matched twice in the outer frame does not outweigh it.
        return (len({doc[i].lemma_ for i in said & matched}), _depth(frame.verb))

    best = max(frames, key=rank)
    framed = {i for f in frames for i in f.content | {f.verb.i} | {t.i for t in f.speaker.subtree}}
    if len({doc[i].lemma_ for i in matched - framed}) > rank(best)[0]:
        # Most of what matches is the document's own narration ("Officials held a meeting
        # with envoys of the government, which said ..."): the document says it.
        return Attribution(speaker=None, direct_quote=bool(_QUOTED.search(doc.text)))
    if matched and not best.content & matched:
        # The claim matches the narrative around the report, not the report itself.
        root_frames = [f for f in frames if f.verb.dep_ == "ROOT" or f.verb.head.dep_ == "ROOT"]
        if not root_frames:
            return Attribution(speaker=None, direct_quote=bool(_QUOTED.search(doc.text)))
        best = max(root_frames, key=lambda f: len(f.content))
    speaker_tok = best.speaker
    if speaker_tok.lower_ in ("which", "who", "that") and speaker_tok.head.dep_ == "relcl":
        speaker_tok = speaker_tok.head.head  # "the government, which said ..."
    phrase, p_start, p_end = _phrase(speaker_tok)
    phrase = _resolve(phrase, speaker_tok, document_text[:sentence_start])
    person = any(e.label_ == "PERSON" and e.start <= speaker_tok.i < e.end for e in doc.ents)
    named = person or any(c.dep_ == "appos" for c in speaker_tok.children)
    anonymous = (
        not named
        and speaker_tok.lower_ in ROLE_NOUNS
        and bool(
            _ANONYMITY.search(doc.text) or speaker_tok.lower_.startswith(("official", "source"))
        )
    )
    span = _content_span(doc, best, sentence_start)
    verb = "according to" if best.verb.lower_ == "according" else best.verb.lemma_
    return Attribution(
        speaker=phrase,
        organisation=_organisation(doc, p_start, p_end),
        verb=verb,
        direct_quote=bool(_QUOTED.search(doc.text)),
        anonymous=anonymous,
        content=span,
    )
