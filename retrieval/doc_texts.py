"""Documents' texts for reading chunks: a chunk's text is its document's text between the
chunk's offsets, so it is stored once, with the document.

A document id is the hash of its text, so a text read once stays right for that id whatever
other processes write; the most recently used texts are kept up to a total length.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable

# Characters kept: the documents behind a few hundred answers' worth of hits.
KEEP_CHARS = 8_000_000

Fetch = Callable[[list[str]], dict[str, str]]  # doc ids -> texts of those still stored


class DocumentTexts:
    """Texts by document id, read through ``fetch`` and kept while recently used."""

    def __init__(self, fetch: Fetch, keep_chars: int = KEEP_CHARS) -> None:
        self._fetch = fetch
        self._keep = keep_chars
        self._texts: OrderedDict[str, str] = OrderedDict()
        self._chars = 0
        self._lock = threading.Lock()

    def get(self, doc_ids: Iterable[str], keep: bool = True) -> dict[str, str]:
        """The texts of those of ``doc_ids`` still stored. ``keep=False`` for a bulk read
        (catching up an index) that should not push out the texts answers use."""
        wanted = list(dict.fromkeys(doc_ids))
        found: dict[str, str] = {}
        with self._lock:
            for doc_id in wanted:
                text = self._texts.get(doc_id)
                if text is not None:
                    self._texts.move_to_end(doc_id)
                    found[doc_id] = text
        missing = [d for d in wanted if d not in found]
        if not missing:
            return found
        fetched = self._fetch(missing)
        found.update(fetched)
        if keep:
            with self._lock:
                for doc_id, text in fetched.items():
                    self._remember(doc_id, text)
        return found

    def _remember(self, doc_id: str, text: str) -> None:
        if len(text) > self._keep or doc_id in self._texts:
            return
        self._texts[doc_id] = text
        self._chars += len(text)
        while self._chars > self._keep:
            _, old = self._texts.popitem(last=False)
            self._chars -= len(old)
