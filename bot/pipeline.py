"""verify(question, history) -> Answer, and the same as a stream of events for the UI."""

from __future__ import annotations

import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from bot.services import Services
from bot.types import Answer, Citation, Stance, Verdict
from retrieval.errors import InputError

Turn = Mapping[str, Any]  # {"role": "user" | "assistant", "content": str}


@dataclass(frozen=True)
class Event:
    """One step of a streamed answer: a status line, a piece of answer text, or the answer."""

    kind: Literal["status", "token", "answer"]
    text: str = ""
    answer: Answer | None = None


class Verifier:
    """Answers questions from the store's documents, with citations."""

    def __init__(self, services: Services) -> None:
        self.services = services

    def check_question(self, question: str) -> str:
        question = " ".join(question.split())
        if not question:
            raise InputError("the question is empty: ask about something in the documents")
        limit = self.services.settings.max_question_chars
        if len(question) > limit:
            raise InputError(
                f"the question is {len(question):,} characters long; the limit is {limit:,} "
                "(CROSSCHECK_MAX_QUESTION_CHARS)"
            )
        return question

    def verify(self, question: str, history: Sequence[Turn] = ()) -> Answer:
        answer: Answer | None = None
        for event in self.stream(question, history):
            if event.kind == "answer":
                answer = event.answer
        assert answer is not None
        return answer

    def stream(self, question: str, history: Sequence[Turn] = ()) -> Iterator[Event]:
        t0 = time.perf_counter()
        question = self.check_question(question)
        self.services.ensure_seeded()
        yield Event("status", "Searching the documents…")
        passages = self.services.searcher.search(question, k=self.services.settings.top_k)
        citations = tuple(
            Citation(n=i, doc_id=p.chunk.doc_id, title=p.title, source=p.source,
                     start=p.chunk.start, end=p.chunk.end, quote=p.chunk.text, speaker=None,
                     stance=Stance.NEUTRAL)
            for i, p in enumerate(passages[:3], start=1)
        )
        text = " ".join(f"[{c.n}]" for c in citations)
        text = f"The most relevant passages: {text}." if citations else "No documents match."
        yield Event("token", text)
        yield Event("answer", answer=Answer(
            question=question, claim=question, verdict=Verdict.NOT_ENOUGH_INFO, text=text,
            citations=citations, index=self.services.settings.index_stamp(),
            timings={"total": time.perf_counter() - t0},
        ))
