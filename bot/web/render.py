"""HTML for the chat UI: verdict badge, inline citations, who-says-what and sources panels.

Every piece of user or document text goes through ``esc``: a question or a source is data,
shown as text, never markup.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable

from bot.citations import MARKER
from bot.types import Answer, Citation, Stance, Verdict
from retrieval.sources import public_source, redact_paths

DocText = Callable[[str], str | None]  # doc_id -> the document's full text, or None if gone

# Verdict -> (css class suffix, badge colour, short explanation for the tooltip).
BADGES: dict[Verdict, tuple[str, str, str]] = {
    Verdict.SUPPORTED: ("supported", "#15803d", "the sources back the claim"),
    Verdict.REFUTED: ("refuted", "#b91c1c", "the sources contradict the claim"),
    Verdict.DISPUTED: ("disputed", "#b45309", "the sources disagree with each other"),
    Verdict.NOT_ENOUGH_INFO: ("nei", "#4b5563", "the documents do not settle the claim"),
}

STANCE_WORDS = {
    Stance.SUPPORTS: "supports",
    Stance.REFUTES: "contradicts",
    Stance.NEUTRAL: "neutral",
}


def esc(text: object) -> str:
    """Text as inert HTML (quotes escaped too, so it is safe inside attributes)."""
    return html.escape(str(text), quote=True)


def speaker_name(citation: Citation) -> str:
    """Who holds the position; the document's own voice when no speaker is named."""
    return citation.speaker or "the article (no speaker named)"


def badge_html(verdict: Verdict | None, confidence: float = 0.0) -> str:
    """A coloured badge with the verdict in words (colour is never the only signal)."""
    if verdict is None:
        return '<div class="cc-badge cc-badge-empty">Ask a question to see a verdict.</div>'
    cls, colour, why = BADGES[verdict]
    conf = f" · {confidence:.0%}" if confidence > 0 else ""
    return (
        f'<div class="cc-badge cc-{cls}" data-verdict="{verdict.value}" '
        f'style="background:{colour};color:#fff" title="{esc(why)}">'
        f'<span class="cc-badge-word" style="color:#fff">{esc(verdict.label)}</span>'
        f'<span class="cc-badge-conf" style="color:#fff">{esc(conf)}</span></div>'
    )


def citation_tooltip(c: Citation) -> str:
    return f"“{c.quote}” — {speaker_name(c)}, {c.title} ({STANCE_WORDS[c.stance]})"


def cite_marker(c: Citation) -> str:
    """An inline [n] that shows the exact quote, speaker and document on hover or focus."""
    return (
        f'<span class="cc-cite" data-cite="{c.n}" tabindex="0" '
        f'title="{esc(citation_tooltip(c))}">[{c.n}]</span>'
    )


def text_with_markers(text: str, citations: Iterable[Citation]) -> str:
    """Escape the answer text and turn each [n] that has a citation into a marker."""
    by_n = {c.n: c for c in citations}
    out: list[str] = []
    pos = 0
    for m in MARKER.finditer(text):
        out.append(esc(text[pos : m.start()]))
        c = by_n.get(int(m.group(1)))
        out.append(cite_marker(c) if c else esc(m.group(0)))
        pos = m.end()
    out.append(esc(text[pos:]))
    return "".join(out)


def citation_details(citations: Iterable[Citation]) -> str:
    """The quotes behind the markers, folded under the answer (works without hover)."""
    items = [
        f'<li data-cite="{c.n}"><b>[{c.n}]</b> “{esc(c.quote)}” — <i>{esc(speaker_name(c))}</i>, '
        f'{esc(c.title)} <span class="cc-stance cc-{c.stance.value.lower()}">'
        f"{STANCE_WORDS[c.stance]}</span></li>"
        for c in citations
    ]
    if not items:
        return ""
    return (
        '<details class="cc-quotes"><summary>Quotes cited</summary>'
        f'<ol class="cc-quote-list">{"".join(items)}</ol></details>'
    )


def answer_html(answer: Answer) -> str:
    """The assistant's chat message: verdict word, answer text with markers, quotes."""
    cls, _, _ = BADGES[answer.verdict]
    head = f'<span class="cc-inline-verdict cc-{cls}">{esc(answer.verdict.label)}</span> '
    body = text_with_markers(answer.text, answer.citations)
    warn = "".join(f'<div class="cc-warning">{esc(w)}</div>' for w in answer.warnings)
    return f'<div class="cc-answer">{head}{body}{warn}{citation_details(answer.citations)}</div>'


def by_party_and_date(citations: Iterable[Citation]) -> list[Citation]:
    """Supporters first, then the other side, as before; but each party's statements together
    and in date order (undated last), so a change of position reads from top to bottom."""
    order = {Stance.SUPPORTS: 0, Stance.REFUTES: 1, Stance.NEUTRAL: 2}
    ranked = sorted(citations, key=lambda c: (order[c.stance], c.n))
    first: dict[str, int] = {}
    for i, c in enumerate(ranked):
        first.setdefault(speaker_name(c).lower(), i)
    return sorted(ranked, key=lambda c: (first[speaker_name(c).lower()],
                                         c.published or "9999", c.n))


def outlet_html(c: Citation) -> str:
    """ — Outlet, p. 3: who published the cited document and the page, when known."""
    parts = [esc(c.outlet)] if c.outlet else []
    if c.page is not None:
        parts.append(f"p. {c.page}")
    return f' <span class="cc-outlet">— {", ".join(parts)}</span>' if parts else ""


def who_says_what_html(answer: Answer | None) -> str:
    """Each cited source's position side by side: speaker | position | quote | document |
    published; each party's statements together, by date."""
    if answer is None:
        return '<p class="cc-muted">Who says what will appear here.</p>'
    if not answer.citations:
        return '<p class="cc-muted">No source takes a position on this claim.</p>'
    rows = []
    for c in by_party_and_date(answer.citations):
        word = STANCE_WORDS[c.stance]
        rows.append(
            f'<tr class="cc-row cc-{c.stance.value.lower()}" data-cite="{c.n}">'
            f'<td class="cc-speaker">{esc(speaker_name(c))}</td>'
            f'<td class="cc-position"><span class="cc-stance cc-{c.stance.value.lower()}">'
            f"{word}</span></td>"
            f'<td class="cc-quote">[{c.n}] “{esc(c.quote)}”</td>'
            f'<td class="cc-doc">{esc(c.title)}{outlet_html(c)}</td>'
            f'<td class="cc-date">{esc(c.published or "–")}</td></tr>'
        )
    claim = f'<p class="cc-claim">Claim checked: <q>{esc(answer.claim)}</q></p>'
    return (
        f'{claim}<table class="cc-who"><thead><tr><th>Speaker</th><th>Position</th>'
        f'<th>Quote</th><th>Document</th><th>Published</th></tr></thead>'
        f'<tbody>{"".join(rows)}</tbody></table>'
    )


def source_label(source: str) -> str:
    """A source as shown to readers: as the user gave it; an older store's server path by its
    file name only."""
    return public_source(source)


def paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The blank-line-separated paragraph that contains ``text[start:end]``."""
    p0 = text.rfind("\n\n", 0, start)
    p0 = 0 if p0 < 0 else p0 + 2
    p1 = text.find("\n\n", end)
    return p0, len(text) if p1 < 0 else p1


def highlighted_paragraph(text: str, start: int, end: int) -> str:
    """The paragraph around a citation with the cited span marked."""
    p0, p1 = paragraph_bounds(text, start, end)
    return (f"{esc(text[p0:start])}<mark>{esc(text[start:end])}</mark>"
            f"{esc(text[end:p1])}")


def sources_html(answer: Answer | None, doc_text: DocText) -> str:
    """Each citation's sentence highlighted inside its paragraph of the source."""
    if answer is None:
        return '<p class="cc-muted">The cited passages will appear here.</p>'
    if not answer.citations:
        return '<p class="cc-muted">Nothing cited.</p>'
    cache: dict[str, str | None] = {}
    blocks = []
    for c in answer.citations:
        if c.doc_id not in cache:
            cache[c.doc_id] = doc_text(c.doc_id)
        text = cache[c.doc_id]
        if text is not None and text[c.start : c.end] == c.quote:
            body = highlighted_paragraph(text, c.start, c.end)
        else:  # the document was removed or changed since: show the quote alone
            body = f"<mark>{esc(c.quote)}</mark>"
        blocks.append(
            f'<div class="cc-source" data-cite="{c.n}">'
            f'<div class="cc-source-head"><b>[{c.n}]</b> {esc(c.title)}{outlet_html(c)} '
            f'<span class="cc-muted">— {esc(speaker_name(c))}, '
            f'{esc(c.published + ", ") if c.published else ""}chars {c.start}–{c.end}, '
            f"{esc(source_label(c.source))}</span></div>"
            f'<p class="cc-para">{body}</p></div>'
        )
    return "".join(blocks)


def message_html(text: str, kind: str = "error") -> str:
    """A short notice in the chat (errors, status lines), as escaped text."""
    if kind == "error":  # exception text may name server folders
        text = redact_paths(text)
    return f'<div class="cc-{kind}">{esc(text)}</div>'
