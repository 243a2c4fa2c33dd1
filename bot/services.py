"""Factories: build the store, embedder, searcher and verifier from ``Settings``."""

from __future__ import annotations

import logging
import threading
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from bot.settings import Settings
from retrieval.embeddings import Embedder, make_embedder
from retrieval.search import HybridSearcher
from retrieval.store import ChunkStore
from retrieval.types import Document

if TYPE_CHECKING:  # ingest (and its file loaders) load only when something is ingested
    from retrieval.ingest import IngestReport, Progress

log = logging.getLogger(__name__)


class Services:
    """The long-lived parts of the app, built lazily and shared by CLI, UI and API."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._seed_lock = threading.Lock()
        # One writer at a time in this process: two uploads of one file name must not
        # each remove the other's version as "older".
        self._write_lock = threading.Lock()

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

    def ingest(self, paths: list[Path], progress: Progress | None = None) -> IngestReport:
        from retrieval.ingest import ingest_paths

        with self._write_lock:
            return ingest_paths(paths, self.store, self.embedder, self.settings.chunk_chars,
                                progress)

    def ingest_documents(self, docs: list[Document],
                         progress: Progress | None = None) -> IngestReport:
        from retrieval.ingest import ingest_documents

        with self._write_lock:
            return ingest_documents(docs, self.store, self.embedder, self.settings.chunk_chars,
                                    progress)

    def ensure_seeded(self) -> IngestReport | None:
        """A new user gets answers with no set-up: an empty store takes in the seed corpus."""
        if not self.settings.auto_seed:
            return None
        with self._seed_lock:
            if not self.store.is_empty():
                return None
            log.info("empty store: ingesting %s", self.settings.seeds)
            return self.ingest([self.settings.seeds])
