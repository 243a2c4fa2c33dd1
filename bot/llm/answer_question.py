"""The model writes the answer to an open question; every answer it states must be cited.

The engine has already found the answers and grouped them (ANSWERED / DISPUTED); the model
only writes the prose. Its text is checked: a sentence stating a name, number or date found
in none of the quotes it cites is removed; a sentence giving an engine answer without citing
a source for it gets that source's marker; a DISPUTED answer that leaves out one side gets a
sentence for it. Whatever survives passes ``bot.citations.validate`` like any answer.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from bot.citations import MARKER, cite, cited_numbers, norm, renumber
from bot.engine.normalise import states
from bot.llm.client import ChatClient
from bot.llm.compose import CheckedText, MarkerFilter
from bot.llm.judge import _attr, _clean
from bot.llm.prompts import Prompts
from bot.types import Evidence, Verdict

_SENTENCES = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")
# Words that carry a checkable answer: figures, and capitalised names past a sentence's start.
_FIGURE = re.compile(r"\d[\d,.]*\d|\d")
_NAME = re.compile(r"(?<=[a-z,;:] )[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*")


def format_answers(evidence: Sequence[Evidence]) -> str:
    """Evidence as delimited data blocks keyed 1..n, with the answer each gives."""
    blocks = []
    for key, ev in enumerate(evidence, start=1):
        attrs = [
            f'key="{key}"',
            f'title="{_attr(ev.title)}"',
            f'speaker="{_attr(ev.speaker or "the document")}"',
            f'answer="{_attr(ev.answer or "")}"',
        ]
        blocks.append(f"<source {' '.join(attrs)}>\n{_clean(ev.quote)}\n</source>")
    return "\n".join(blocks)


def _unbacked(sentence: str, cited: list[Evidence]) -> list[str]:
    """Figures and names in a sentence that none of its cited sources contains."""
    text = MARKER.sub("", sentence)
    folded = " ".join(norm(f"{e.quote} {e.title} {e.speaker or ''}").lower() for e in cited)
    plain = folded.replace(",", "")
    missing = [f for f in _FIGURE.findall(text) if f.replace(",", "") not in plain]
    missing += [n for n in _NAME.findall(text) if n.lower() not in folded]
    return missing


def check_question_text(
    text: str, flt: MarkerFilter, evidence: Sequence[Evidence], verdict: Verdict
) -> CheckedText | None:
    """Validate the model's prose for an open question; None = not usable."""
    notes = [f"dropped citation [{k}] of no source" for k in dict.fromkeys(flt.dropped)]
    cited = {n: evidence[key - 1] for key, n in flt.order.items()}
    next_n = max(cited, default=0) + 1
    kept: list[str] = []
    for sentence in _SENTENCES.split(" ".join(text.split())):
        nums = [n for n in cited_numbers(sentence) if n in cited]
        # An engine answer stated without its source: cite the source that gives it.
        for ev in evidence:
            if not ev.answer or not states(sentence, ev.answer):
                continue
            if any(cited[n].answer_key == ev.answer_key for n in nums):
                continue
            n = next((k for k, e in cited.items() if e is ev), None)
            if n is None:
                n, next_n = next_n, next_n + 1
                cited[n] = ev
            sentence = re.sub(r"([.!?]?)$", f" [{n}]\\1", sentence.rstrip(), count=1)
            nums.append(n)
            notes.append(f"a stated answer had no citation; added source [{n}]")
        missing = _unbacked(sentence, [cited[n] for n in nums])
        if missing:
            notes.append(f"removed a sentence stating {missing[0]!r}, which no cited quote holds")
            continue
        kept.append(sentence)
    text = " ".join(kept)
    used = set(cited_numbers(text))
    cited = {n: ev for n, ev in cited.items() if n in used}
    if not cited or not any(ev.answer for ev in cited.values()):
        return None
    if verdict is Verdict.DISPUTED:
        keys = {ev.answer_key for ev in cited.values() if ev.answer}
        for ev in evidence:
            if ev.answer and ev.answer_key not in keys:
                n = max(cited) + 1
                cited[n] = ev
                keys.add(ev.answer_key)
                who = ev.speaker or f"“{ev.title}”"
                text = f"{text} {who[0].upper()}{who[1:]} gives “{ev.answer}” [{n}]."
                notes.append(f"the answer left out one of the sources' answers; added [{n}]")
        if len(keys) < 2:
            return None
    text, order = renumber(text, cited)
    citations = tuple(sorted((cite(order[n], ev) for n, ev in cited.items()), key=lambda c: c.n))
    return CheckedText(text, citations, tuple(notes))


class QuestionWriter:
    """Streams the model's answer to an open question with markers rewritten."""

    def __init__(self, client: ChatClient, prompts: Prompts) -> None:
        self.client = client
        self.prompts = prompts

    def stream(
        self, question: str, verdict: Verdict, evidence: Sequence[Evidence], flt: MarkerFilter
    ) -> Iterator[str]:
        messages = self.prompts.answer_question.format_messages(
            question=question, verdict=verdict.value, sources=format_answers(evidence)
        )
        for piece in self.client.stream_text(messages):
            if shown := flt.feed(piece):
                yield shown
        if rest := flt.flush():
            yield rest
