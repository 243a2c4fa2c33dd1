"""Crosscheck as LangChain parts: a retriever over the store and a verifier ``Runnable``.

Both use the same store and settings as the CLI (``CROSSCHECK_*``, ``crosscheck.toml``), or
the ``Services`` they are given, so they can sit in a user's own chain next to any other
LangChain component::

    from bot.langchain import CrosscheckRetriever, CrosscheckVerifier

    CrosscheckRetriever(k=4).invoke("port strike")      # -> [Document, ...]
    CrosscheckVerifier().invoke("Was this a negotiation?")  # -> the `ask --json` object
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from retrieval.errors import InputError, MissingDependencyError

try:
    from langchain_core.callbacks import CallbackManagerForRetrieverRun
except ImportError as exc:  # the runtime install leaves the integrations out
    raise MissingDependencyError(
        "the LangChain integration needs the integrations extra: "
        "pip install 'crosscheck[integrations]'"
    ) from exc
from langchain_core.documents import Document as LCDocument
from langchain_core.retrievers import BaseRetriever
from langchain_core.runnables import Runnable, RunnableConfig
from langchain_core.runnables.utils import AddableDict
from pydantic import ConfigDict, Field, PrivateAttr

from bot.pipeline import Verifier
from bot.services import Services
from bot.settings import Settings, load_settings

__all__ = ["CrosscheckRetriever", "CrosscheckVerifier"]

VerifierInput = str | Mapping[str, Any]


def _services(settings: Settings | None) -> Services:
    return Services(settings or load_settings())


class CrosscheckRetriever(BaseRetriever):
    """Passages from the Crosscheck store (hybrid search), as LangChain ``Document``s.

    Each document's metadata: ``doc_id``, ``title``, ``source``, ``start`` and ``end`` (the
    passage's offsets in the stored document text), ``chunk_id``, ``score``, and ``page``,
    ``outlet`` and ``published`` (ISO date) when known, else ``None``.
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)

    k: int | None = Field(None, ge=1, le=50,
                          description="Passages returned; default the `top_k` setting.")
    settings: Settings | None = Field(None, description="Default: read like the CLI does.")
    services: Services | None = Field(None, description="Share a loaded store and model.")
    _lock: threading.Lock = PrivateAttr(default_factory=threading.Lock)

    def _svc(self) -> Services:
        with self._lock:
            if self.services is None:
                self.services = _services(self.settings)
            return self.services

    def _get_relevant_documents(self, query: str, *,
                                run_manager: CallbackManagerForRetrieverRun) -> list[LCDocument]:
        query = " ".join(str(query).split())
        if not query:
            raise InputError("the query is empty: say what to look for")
        svc = self._svc()
        svc.ensure_seeded()
        k = self.k or svc.settings.top_k
        vector = svc.searcher.query_vector(query)
        out: list[LCDocument] = []
        for p in svc.searcher.search(query, k, vector):
            doc = svc.finder.document(p.chunk.doc_id)
            out.append(LCDocument(
                id=p.chunk.chunk_id,
                page_content=p.chunk.text,
                metadata={
                    "doc_id": p.chunk.doc_id,
                    "title": p.title,
                    "source": p.source,
                    "start": p.chunk.start,
                    "end": p.chunk.end,
                    "chunk_id": p.chunk.chunk_id,
                    "score": round(float(p.score), 4),
                    "page": doc.page_at(p.chunk.start) if doc else None,
                    "outlet": doc.outlet if doc else None,
                    "published": doc.published if doc else None,
                },
            ))
        return out


def _question(value: Any) -> tuple[str, Sequence[Mapping[str, Any]]]:
    """(question, history) from a string or ``{"question": ..., "history": [...]}``."""
    if isinstance(value, str):
        return value, ()
    if isinstance(value, Mapping) and isinstance(value.get("question"), str):
        history = value.get("history") or ()
        if not isinstance(history, Sequence) or isinstance(history, str) or not all(
                isinstance(t, Mapping) for t in history):
            raise InputError('history must be a list of {"role": ..., "content": ...} turns')
        return value["question"], history
    raise InputError('CrosscheckVerifier takes a question string or {"question": "...", '
                     f'"history": [...]}}, not {type(value).__name__}')


class CrosscheckVerifier(Runnable[VerifierInput, dict[str, Any]]):
    """Checks a claim against the store: ``invoke`` returns the ``ask --json`` object.

    ``stream`` yields the answer as it is written, as ``{"answer": "piece"}`` chunks, then
    one chunk with every other key: the chunks add up to what ``invoke`` returns. (When a
    chat model writes the answer and citation checking changes its text, that last chunk
    also has ``checked_answer``, the text the citations stand by.) ``batch`` checks several
    questions in parallel threads.
    """

    def __init__(self, services: Services | None = None, settings: Settings | None = None,
                 verifier: Verifier | None = None) -> None:
        self._services = services
        self._settings = settings
        self._verifier = verifier
        self._lock = threading.Lock()

    @property
    def verifier(self) -> Verifier:
        with self._lock:
            if self._verifier is None:
                self._verifier = Verifier(self._services or _services(self._settings))
            return self._verifier

    @property
    def InputType(self) -> Any:
        return VerifierInput

    @property
    def OutputType(self) -> Any:
        return dict[str, Any]

    def invoke(self, input: VerifierInput, config: RunnableConfig | None = None,
               **kwargs: Any) -> dict[str, Any]:
        return self._call_with_config(self._verify, input, config, run_type="chain")

    def _verify(self, value: VerifierInput) -> dict[str, Any]:
        question, history = _question(value)
        return self.verifier.verify(question, history).to_json()

    def stream(self, input: VerifierInput, config: RunnableConfig | None = None,
               **kwargs: Any) -> Iterator[dict[str, Any]]:
        yield from self._transform_stream_with_config(iter([input]), self._pieces, config,
                                                      run_type="chain")

    def _pieces(self, inputs: Iterator[VerifierInput]) -> Iterator[dict[str, Any]]:
        given = list(inputs)  # one question: a streamed input arrives whole
        question, history = _question(given[-1] if given else "")
        written: list[str] = []
        for event in self.verifier.stream(question, history):
            if event.kind == "token":
                written.append(event.text)
                yield AddableDict(answer=event.text)
            elif event.kind == "answer" and event.answer is not None:
                final = event.answer.to_json()
                rest = {k: v for k, v in final.items() if k != "answer"}
                if not written:
                    rest["answer"] = final["answer"]
                elif "".join(written) != final["answer"]:
                    rest["checked_answer"] = final["answer"]
                yield AddableDict(rest)
