"""Sentence-aware chunks that keep exact character offsets into the document text."""

from __future__ import annotations

import re
from collections.abc import Iterator

from retrieval.types import Chunk, Document, Span
from retrieval.versions import CHUNKER_VERSION as CHUNKER_VERSION

_PARAGRAPH = re.compile(r"[^\n](?:.|\n(?!\n))*")
# A candidate boundary: terminal punctuation, closing quotes/brackets, then whitespace.
_BOUNDARY = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019)\]]*(?=\s+)")
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st mt gen col lt sgt capt cmdr adm gov sen rep rev fr inc ltd co
    corp plc vs etc jan feb mar apr jun jul aug sep sept oct nov dec no nos fig al approx est dept
    univ ave blvd""".split()
)
# After a dotted acronym ("U.S."), only these words make a new sentence likely.
_SENTENCE_STARTERS = frozenset(
    "The A An It He She They We I This That These Those But And In On At For If When While".split()
)
_ACRONYM = re.compile(r"(?:\b[A-Za-z]\.){2,}$")


def _is_boundary(text: str, end: int) -> bool:
    """Does the punctuation run ending at ``end`` close a sentence?"""
    rest = text[end:].lstrip()
    if not rest:
        return True
    nxt = rest[0]
    if not (nxt.isupper() or nxt.isdigit() or nxt in "\"'\u201c\u2018([" or not nxt.isalpha()):
        return False
    head = text[:end].rstrip("\"'\u201d\u2019)]")
    if not head.endswith("."):
        return True
    word_match = re.search(r"(\S+)\.$", head)
    word = word_match.group(1) if word_match else ""
    if _ACRONYM.search(head):
        return rest.split(" ", 1)[0] in _SENTENCE_STARTERS
    if word.lower() in _ABBREVIATIONS:
        return False
    if len(word) == 1 and word.isupper():  # an initial: "J. Smith"
        return False
    return True


def split_sentences(text: str, offset: int = 0) -> list[Span]:
    """Sentence spans of ``text`` (shifted by ``offset``), trimmed of surrounding space."""
    spans: list[Span] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        if end <= start or not _is_boundary(text, end):
            continue
        spans.append(Span(start, end))
        start = end
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text) and text[start:].strip():
        spans.append(Span(start, len(text.rstrip())))
    return [Span(s.start + offset, s.end + offset) for s in spans if s.end > s.start]


def paragraphs(text: str) -> Iterator[tuple[int, Span]]:
    """(index, span) of each blank-line separated paragraph."""
    for i, match in enumerate(_PARAGRAPH.finditer(text)):
        yield i, Span(match.start(), match.end())


def _limit(spans: list[Span], max_chars: int, text: str) -> list[Span]:
    """Break sentences longer than ``max_chars`` at whitespace, so no chunk is unbounded."""
    out: list[Span] = []
    for span in spans:
        start = span.start
        while span.end - start > max_chars:
            cut = text.rfind(" ", start + 1, start + max_chars)
            cut = cut if cut > start else start + max_chars
            out.append(Span(start, cut))
            start = cut
            while start < span.end and text[start].isspace():
                start += 1
        if span.end > start:
            out.append(Span(start, span.end))
    return out


def chunk_document(doc: Document, max_chars: int = 600) -> list[Chunk]:
    """Group whole sentences of each paragraph into chunks of at most ``max_chars``."""
    text = doc.text
    chunks: list[Chunk] = []

    def emit(group: list[Span], para: int) -> None:
        start, end = group[0].start, group[-1].end
        chunks.append(
            Chunk(
                chunk_id=f"{doc.doc_id}:{start}-{end}",
                doc_id=doc.doc_id,
                text=text[start:end],
                start=start,
                end=end,
                paragraph=para,
                sentences=tuple(group),
            )
        )

    for para, pspan in paragraphs(text):
        sentences = _limit(split_sentences(text[pspan.start : pspan.end], pspan.start), max_chars,
                           text)
        group: list[Span] = []
        for sent in sentences:
            if group and sent.end - group[0].start > max_chars:
                emit(group, para)
                group = []
            group.append(sent)
        if group:
            emit(group, para)
    return chunks
