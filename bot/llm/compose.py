"""The model writes the answer; its text is checked and repaired before anyone relies on it."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from bot.citations import MARKER, cite, cited_numbers, norm, renumber
from bot.llm.client import ChatClient
from bot.llm.judge import format_sources
from bot.llm.prompts import Prompts
from bot.types import Citation, Evidence, Stance, Verdict

log = logging.getLogger(__name__)

_MARKERS = re.compile(r"(\s*)\[(\d+(?:\s*[,;]\s*\d+)*)\]")
_PENDING = re.compile(r"\s*(\[[\d,;\s]*)?$")  # a marker (or the space before one) still arriving
_QUOTED = re.compile(r"“([^”]{3,})”|\"([^\"]{3,})\"")
_SENTENCES = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")


class MarkerFilter:
    """Rewrites [k] markers as text streams: unknown keys dropped, known ones renumbered."""

    def __init__(self, n_keys: int) -> None:
        self.n_keys = n_keys
        self.order: dict[int, int] = {}  # evidence key -> citation number
        self.dropped: list[int] = []
        self._held = ""

    def feed(self, piece: str) -> str:
        """The part of the text so far that is safe to show."""
        text = self._held + piece
        pending = _PENDING.search(text)
        cut = pending.start() if pending and len(text) - pending.start() < 24 else len(text)
        self._held = text[cut:]
        return self._rewrite(text[:cut])

    def flush(self) -> str:
        """Whatever was held back, at the end of the stream."""
        text, self._held = self._held, ""
        return self._rewrite(text)

    def _rewrite(self, text: str) -> str:
        def marker(m: re.Match[str]) -> str:
            out = []
            for key in (int(k) for k in re.split(r"[,;\s]+", m.group(2).strip())):
                if 1 <= key <= self.n_keys:
                    out.append(f"[{self.order.setdefault(key, len(self.order) + 1)}]")
                else:
                    self.dropped.append(key)
            return m.group(1) + "".join(out) if out else ""

        return _MARKERS.sub(marker, text)


@dataclass(frozen=True)
class CheckedText:
    """Answer text whose every [n] resolves, with its citations and the repairs made."""

    text: str
    citations: tuple[Citation, ...]
    notes: tuple[str, ...]


def _fix_quotes(text: str, cited: dict[int, Evidence], notes: list[str]) -> str:
    """Quotes not found verbatim in a source become the cited source's exact sentence."""
    sources = [norm(ev.quote) for ev in cited.values()]
    out = []
    for sentence in _SENTENCES.split(text):
        bad = [m for m in _QUOTED.finditer(sentence)
               if not any(norm(m.group(1) or m.group(2)) in s for s in sources)]
        if not bad:
            out.append(sentence)
            continue
        nums = [n for n in (int(k) for k in MARKER.findall(sentence)) if n in cited]
        if not nums:
            notes.append("removed a sentence quoting words found in no source")
            continue
        exact = cited[nums[0]].quote
        for m in reversed(bad):
            sentence = f"{sentence[:m.start()]}“{exact}”{sentence[m.end():]}"
        notes.append(f"replaced a misquote with the exact sentence of source [{nums[0]}]")
        out.append(sentence)
    return " ".join(out)


def _side_sentence(n: int, ev: Evidence) -> str:
    who = ev.speaker or f"“{ev.title}”"
    return f"{who[0].upper()}{who[1:]} says: “{ev.quote}” [{n}]."


def check_text(text: str, flt: MarkerFilter, evidence: Sequence[Evidence],
               verdict: Verdict) -> CheckedText | None:
    """Validate streamed text (markers already rewritten by ``flt``); None = not usable."""
    notes = [f"dropped citation [{k}] of no source" for k in dict.fromkeys(flt.dropped)]
    cited = {n: evidence[key - 1] for key, n in flt.order.items()}
    text = _fix_quotes(" ".join(text.split()), cited, notes)
    used = set(cited_numbers(text))
    cited = {n: ev for n, ev in cited.items() if n in used}
    if not cited:
        return None
    sides = {ev.stance.label for ev in cited.values()}
    if verdict is Verdict.DISPUTED:
        if not sides & {Stance.SUPPORTS, Stance.REFUTES}:
            return None  # cites neither side: the prose is not about the evidence
        for side in (Stance.SUPPORTS, Stance.REFUTES):
            if side in sides:
                continue
            best = max((ev for ev in evidence if ev.stance.label is side),
                       key=lambda ev: ev.relevance, default=None)
            if best is None:
                return None
            n = next((n for n, ev in cited.items() if ev is best), max(cited) + 1)
            cited[n] = best
            text = f"{text} {_side_sentence(n, best)}"
            notes.append(f"the answer cited no source that {side.value.lower()} the claim; "
                         f"added source [{n}]")
    elif verdict in (Verdict.SUPPORTED, Verdict.REFUTED):
        side = Stance.SUPPORTS if verdict is Verdict.SUPPORTED else Stance.REFUTES
        if side not in sides:
            return None  # prose that cites nothing for its own verdict is not trusted
    # Numbers in order of first appearance, so the reader sees [1], [2], ...
    text, order = renumber(text, cited)
    citations = tuple(sorted((cite(order[n], ev) for n, ev in cited.items()),
                             key=lambda c: c.n))
    return CheckedText(text, citations, tuple(notes))


class LLMComposer:
    """Streams the model's answer text with markers rewritten, then checks it."""

    def __init__(self, client: ChatClient, prompts: Prompts) -> None:
        self.client = client
        self.prompts = prompts

    def stream(self, question: str, claim: str, verdict: Verdict,
               evidence: Sequence[Evidence], flt: MarkerFilter) -> Iterator[str]:
        """Text pieces safe to show as they arrive; ``flt`` keeps the key mapping."""
        messages = self.prompts.answer.format_messages(
            question=question, claim=claim, verdict=verdict.value,
            sources=format_sources(evidence, with_stance=True))
        for piece in self.client.stream_text(messages):
            if shown := flt.feed(piece):
                yield shown
        if rest := flt.flush():
            yield rest
