"""Append-only audit log of corpus changes: one JSON line per upload, ingest or delete."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Actor:
    """Who made a change: the front end, a hash of their credential, their address."""

    via: str  # "api", "ui", "cli", "seed"
    who: str | None = None  # "k:<hash>" of a token or session id; never the secret itself
    client: str | None = None  # the client's address, for the web front ends

    @staticmethod
    def hashed(secret: str | None) -> str | None:
        """A credential as the log may hold it: a short SHA-256 prefix."""
        return "k:" + hashlib.sha256(secret.encode()).hexdigest()[:16] if secret else None


CLI = Actor("cli", who=f"user:{os.environ.get('USER') or os.environ.get('USERNAME') or '?'}")


class AuditLog:
    """Appends records to a JSON-lines file; opened per write (``O_APPEND``), so several
    processes may share the file and nothing in it is ever rewritten."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()

    def record(self, action: str, actor: Actor, documents: list[dict[str, str]],
               **extra: Any) -> None:
        """Write one change; a failure to log is reported in the server log, not to the user."""
        line = json.dumps({"at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                           "action": action, "via": actor.via, "who": actor.who,
                           "client": actor.client, "documents": documents, **extra},
                          ensure_ascii=False)
        try:
            with self._lock:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o640)
                with os.fdopen(fd, "a", encoding="utf-8") as f:
                    f.write(line + "\n")
        except OSError:
            log.exception("cannot write the audit log %s: %s", self.path, line)
