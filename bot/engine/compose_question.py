"""The template answer to an open question: the answer first, then who says it, with [n].

ANSWERED: "Gene Cretz, Jeffrey Feltman and Derek Chollet, according to a U.S. State
Department official [1]." DISPUTED: each answer with its sources, side by side.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.citations import DISPUTED_OPENING, cite, inert, unbalanced_quotes
from bot.types import Citation, Claim, Decision, Draft, Evidence, Verdict

NO_ANSWER = (
    "The documents don't answer “{question}”: nothing in them covers it. "
    "Crosscheck answers only from the documents."
)
OUT_OF_SCOPE = (
    "Crosscheck only answers questions about the documents, from what they say; "
    "“{question}” is not something they cover."
)


_CAPITALISE = frozenset(
    "the a an that this its their his her after because since as due following before "
    "during in on at by about around more less over under nearly almost".split()
)

# ", according to the Associated Press" ending a value that is a whole sentence.
_TRAILING_SOURCE = re.compile(r",\s+according\s+to\s+[^,;]+?[.]?\s*$", re.IGNORECASE)


def _cap(text: str) -> str:
    """Capitalise a sentence's first word only when that keeps the cited words' meaning."""
    first = text.split(" ", 1)[0].lower()
    return text[:1].upper() + text[1:] if first in _CAPITALISE else text


def document_name(e: Evidence) -> str:
    """A source as people name it: “Title” (outlet, date) when the document has them."""
    title = e.title.strip() or e.source.rsplit("/", 1)[-1] or "an untitled document"
    extra = [str(x) for x in (getattr(e, "outlet", None), getattr(e, "published", None)) if x]
    name = f"“{inert(title)}”"
    return f"{name} ({', '.join(inert(x) for x in extra)})" if extra else name


def _speaker(e: Evidence) -> str | None:
    who = e.attribution.speaker
    if not who:
        return None
    if who[:1].isupper() and who.split(" ", 1)[0] in ("The", "A", "An"):
        who = who[:1].lower() + who[1:]
    return inert(who)


def _who(e: Evidence, several_docs: bool, value: str = "") -> str:
    """Who gives an answer: the speaker (and the document, when there are several); the
    document alone when the answer is the speaker ("Who said ...?")."""
    speaker = _speaker(e)
    if speaker and speaker.lower() == value.lower():
        speaker = None
    if speaker and several_docs:
        return f"{speaker} in {document_name(e)}"
    return speaker or document_name(e)


def _sources(group: Sequence[Evidence], first_n: int, several_docs: bool,
             value: str = "") -> str:
    """"A [1] and B [2]": each source of one answer with its marker."""
    parts: list[str] = []
    seen: dict[str, list[int]] = {}
    for n, e in enumerate(group, start=first_n):
        seen.setdefault(_who(e, several_docs, value), []).append(n)
    for who, ns in seen.items():
        parts.append(f"{who} {''.join(f'[{n}]' for n in ns)}")
    if len(parts) == 1:
        return parts[0]
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def _statement(e: Evidence, n: int) -> str:
    speaker = _speaker(e) or document_name(e)
    return f"{speaker} says “{inert(_unquoted(e.answer or e.quote))}” [{n}]"


def _unquoted(text: str) -> str:
    """A statement quoted whole ("\"The residents are paying the price.\""), or a sentence of
    a quotation that runs over several, opening or closing it without the other mark ("“We
    don’t want to be stuck in the past."): quoted again, its own marks are left out."""
    text = text.strip()
    if len(text) > 1 and text[0] in "\"“" and text[-1] in "\"”" and not any(
            m in text[1:-1] for m in "\"“”"):
        return text[1:-1]
    if text[:1] in "\"“" and unbalanced_quotes(text):
        text = text[1:]
    if text[-1:] in "\"”" and unbalanced_quotes(text):
        text = text[:-1]
    return text


def _whole(e: Evidence) -> bool:
    """Is the answer the cited sentence itself (no shorter part of it answers)?"""
    return e.answer is not None and " ".join(e.answer.split()) == " ".join(e.quote.split())


def _summary(group: Sequence[Evidence], first_n: int) -> str:
    """A document's headline and lead in its own words: "“Headline” [1]: “Lead.” [2]"."""
    quotes = [f"“{inert(e.quote.strip().rstrip('.'))}” [{n}]"
              for n, e in enumerate(group, start=first_n)]
    if group[0].quote.strip() == group[0].title.strip():
        return quotes[0] + (": " + " ".join(quotes[1:]) if quotes[1:] else "")
    return f"{document_name(group[0])} reports " + " ".join(quotes)


def compose_question(claim: Claim, decision: Decision) -> Draft:
    """Answer first, built from the cited words; for DISPUTED each answer with its sources."""
    q = claim.asks
    groups = [g for g in decision.answers if g]
    if decision.verdict is Verdict.NOT_ENOUGH_INFO or not groups or q is None:
        template = OUT_OF_SCOPE if q is not None and q.form == "out_of_scope" else NO_ANSWER
        text = template.format(question=inert(claim.question.strip()))
        return Draft(Verdict.NOT_ENOUGH_INFO, text, (), kind="question")
    several_docs = len({e.doc_id for g in groups for e in g}) > 1
    cited: list[Evidence] = []
    sentences: list[str] = []
    for g in groups:
        first_n = len(cited) + 1
        cited.extend(g)
        if q.form == "summary":
            sentences.append(_summary(g, first_n))
        elif q.form == "says" or _whole(g[0]):
            # A statement, or a sentence that answers only as a whole: quoted, with its source.
            sentences.append(
                "; ".join(_statement(e, first_n + i) for i, e in enumerate(g)).rstrip(".")
            )
        else:
            # (a value that is a whole sentence may end on whom it is according to: that is
            # said once, by the sources)
            value = _TRAILING_SOURCE.sub("", inert(g[0].answer or ""))
            sources = _sources(g, first_n, several_docs, value)
            sentences.append(f"{value}, according to {sources}")
    if q.interval and len(sentences) == 2:
        # "One day before: July 15, according to ...; the secret meeting: July 16, ..."
        text = f"{q.interval}: {sentences[0]}; {inert(q.interval_from)}: {sentences[1]}."
    elif decision.verdict is Verdict.DISPUTED:
        # Each side's statements in a sentence of their own; values side by side in one.
        joint = ". " if q.form == "says" else "; "
        n = decision.disputed or len(sentences)
        text = DISPUTED_OPENING + joint.join(_cap(s) for s in sentences[:n]) + "."
        if sentences[n:]:
            text += (" The documents also describe something else by this name: "
                     + "; ".join(sentences[n:]) + ".")
    elif decision.conflict == "subjects":
        text = (_cap(sentences[0]) + ". The documents also describe something else by this "
                "name: " + "; ".join(sentences[1:]) + ".")
    else:
        text = ". ".join(_cap(s) for s in sentences) + "."
    citations: tuple[Citation, ...] = tuple(cite(i, e) for i, e in enumerate(cited, start=1))
    return Draft(decision.verdict, text, citations, kind="question")
