"""The app's long-lived parts, built once from ``Settings`` and passed to every front end."""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.audit import CLI, Actor, AuditLog
from bot.engine.evidence import EvidenceFinder
from bot.engine.nlp import Parser
from bot.engine.stance import StanceJudge
from bot.engine.stance_rules import RulesStanceJudge
from bot.settings import Settings
from retrieval.embeddings import Embedder, make_embedder
from retrieval.errors import ConfigError, InputError
from retrieval.search import HybridSearcher
from retrieval.store import ChunkStore
from retrieval.types import Document

if TYPE_CHECKING:  # ingest (and its file loaders) load only when something is ingested
    from retrieval.ingest import IngestReport, Progress

log = logging.getLogger(__name__)

# Cache sizes, in entries: documents read for evidence, sentence vectors, parsed sentences,
# stance model probabilities.
DOCUMENT_CACHE = 256
SENTENCE_VECTOR_CACHE = 20000
PARSE_CACHE = 4096
STANCE_CACHE = 20000  # (claim, sentence) pairs' model probabilities


def make_judge(settings: Settings, parser: Parser) -> StanceJudge:
    """The stance judge named by ``settings.stance``, reading questions and answers as such."""
    from bot.engine.dialogue import DialogueJudge

    return DialogueJudge(_base_judge(settings, parser), parser)


def _base_judge(settings: Settings, parser: Parser) -> StanceJudge:
    rules = RulesStanceJudge(parser)
    if settings.stance == "rules":
        return rules
    if settings.stance == "llm":
        from bot.llm.path import make_llm_stance_judge  # langchain loads only when asked for

        return make_llm_stance_judge(settings, rules=rules)
    from bot.engine.stance import ModelJudge
    from bot.engine.stance_model import ModelStanceJudge

    try:
        return ModelJudge(rules, ModelStanceJudge(cache_size=STANCE_CACHE))
    except (OSError, ValueError, ImportError) as exc:
        raise ConfigError(
            f"the stance model cannot be loaded ({exc}); reinstall Crosscheck "
            "or set CROSSCHECK_STANCE=rules"
        ) from exc


def _stance_model(judge: object) -> Any:
    """The ONNX model inside a judge (the `model` judge, read through wrappers such as the
    dialogue judge), or None when the judge has none."""
    for _ in range(4):
        model = getattr(judge, "model", None)
        if model is not None and hasattr(model, "probabilities"):
            return model
        judge = getattr(judge, "inner", None)
        if judge is None:
            return None
    return None


class Services:
    """Store, embedder, search, parser, evidence finder and stance judge, shared by all front ends.

    Each part is built on first use, or given (tests and ``crosscheck eval`` share one
    loaded embedder and judge across many stores). Every write to the store goes through
    ``ingest``, ``ingest_documents`` or ``remove``, one at a time.
    """

    def __init__(
        self,
        settings: Settings,
        *,
        embedder: Embedder | None = None,
        store: ChunkStore | None = None,
        judge: StanceJudge | None = None,
        parser: Parser | None = None,
    ) -> None:
        self.settings = settings
        if embedder is not None:
            self.__dict__["embedder"] = embedder
        if store is not None:
            self.__dict__["store"] = store
        if judge is not None:
            self.__dict__["judge"] = judge
        if parser is not None:
            self.__dict__["parser"] = parser
        self._seed_lock = threading.Lock()
        # One writer at a time in this process: two uploads of one file name must not
        # each remove the other's version as "older".
        self._write_lock = threading.Lock()

    @cached_property
    def audit(self) -> AuditLog:
        return AuditLog(self.settings.audit_path)

    def _audit_ingest(self, action: str, actor: Actor, report: IngestReport) -> None:
        docs = [{"doc_id": d, "name": n}
                for d, n in zip(report.doc_ids, report.sources, strict=True)]
        self.audit.record(action, actor, docs, added=report.added, removed=report.removed,
                          skipped=len(report.errors))

    def borrowing(self, settings: Settings, store: ChunkStore) -> Services:
        """Services over another store that share this one's loaded embedder, parser and
        stance judge (evaluation runs each case in a store of its own)."""
        return Services(settings, embedder=self.embedder, judge=self.judge, parser=self.parser,
                        store=store)

    @cached_property
    def embedder(self) -> Embedder:
        return make_embedder(self.settings.embeddings, self.settings.embeddings_base_url)

    @cached_property
    def store(self) -> ChunkStore:
        s = self.settings
        path = None if s.chroma_url else str(s.store)
        return ChunkStore(s.index_stamp(), path=path, url=s.chroma_url)

    @cached_property
    def searcher(self) -> HybridSearcher:
        return HybridSearcher(self.store, self.embedder)

    @cached_property
    def finder(self) -> EvidenceFinder:
        return EvidenceFinder(self.store, self.embedder, DOCUMENT_CACHE, SENTENCE_VECTOR_CACHE)

    @cached_property
    def parser(self) -> Parser:
        return Parser(cache_size=PARSE_CACHE)

    @cached_property
    def judge(self) -> StanceJudge:
        return make_judge(self.settings, self.parser)

    def ingest(self, paths: list[Path], progress: Progress | None = None,
               actor: Actor = CLI, urls: Sequence[str] = (),
               allow_private: bool = True) -> IngestReport:
        """Ingest files, folders and web pages; the change is written to the audit log.

        Pages are fetched whole before anything is written; ``allow_private`` lets them be
        on this machine or its network (front ends open to others pass the setting).
        """
        from retrieval.documents import load_paths
        from retrieval.ingest import ingest_documents

        docs, errors = load_paths(paths)
        if urls:
            from retrieval.fetch import fetch_all

            s = self.settings
            fetched, failed = fetch_all(urls, timeout=s.fetch_timeout,
                                        max_bytes=int(s.max_upload_mb * 1024 * 1024),
                                        allow_private=allow_private)
            docs, errors = docs + fetched, errors + failed
        with self._write_lock:
            report = ingest_documents(docs, self.store, self.embedder,
                                      self.settings.chunk_chars, progress)
            report.errors = errors
            self._audit_ingest("ingest", actor, report)
            return report

    def ingest_documents(self, docs: list[Document], progress: Progress | None = None,
                         actor: Actor = CLI) -> IngestReport:
        """Ingest parsed documents (uploads); the change is written to the audit log."""
        from retrieval.ingest import ingest_documents

        with self._write_lock:
            report = ingest_documents(docs, self.store, self.embedder,
                                      self.settings.chunk_chars, progress)
            self._audit_ingest("upload" if actor.via in ("api", "ui") else "ingest", actor,
                               report)
            return report

    def remove(self, doc_ids: Sequence[str], actor: Actor = CLI) -> int:
        """Remove whole documents (chunks removed returned); unknown ids are an ``InputError``."""
        with self._write_lock:
            known = self.store.complete_among(doc_ids)
            missing = [d for d in doc_ids if d not in known]
            if missing:
                raise InputError(f"no document with id {', '.join(missing)}")
            docs = [(d, self.store.document(d)) for d in doc_ids]
            removed = self.store.remove(list(doc_ids))
            self.audit.record("delete", actor, [
                {"doc_id": d, "name": doc.source if doc else "", "title": doc.title if doc else ""}
                for d, doc in docs], removed=removed)
            return removed

    def load_models_in_background(self) -> threading.Thread:
        """Load the embedder and stance model on another thread, and run each once.

        Their sessions are built and run in onnxruntime's native code, so a new process
        (``crosscheck ask``) loads them while its main thread imports Chroma and spaCy
        instead of after. A failure here is left to the main thread, which meets it again.
        """

        def load() -> None:
            try:
                self.embedder.embed(["warm up"])
                model = _stance_model(self.judge)
                if model is not None:
                    model.probabilities("warm up", ["warm up"])
            except Exception:  # reported where the model is first used
                log.debug("background model load failed", exc_info=True)

        thread = threading.Thread(target=load, name="load-models", daemon=True)
        thread.start()
        return thread

    def ensure_seeded(self) -> IngestReport | None:
        """A new user gets answers with no set-up: an empty store takes in the seed corpus."""
        if not self.settings.auto_seed:
            return None
        with self._seed_lock:
            if not self.store.is_empty():
                return None
            log.info("empty store: ingesting %s", self.settings.seeds)
            return self.ingest([self.settings.seeds], actor=Actor("seed"))
