"""How a document's source is shown: what the user gave, never a server path."""

from __future__ import annotations

import re
from pathlib import PurePosixPath, PureWindowsPath

_DRIVE = re.compile(r"^[A-Za-z]:[\\/]")


def public_source(source: str) -> str:
    """A stored source as users may see it: an absolute server path (older stores) becomes
    the file's name; relative paths, upload names and URLs are shown as stored."""
    if "://" in source or source.startswith("upload:"):
        return source
    if source.startswith(("/", "\\")) or _DRIVE.match(source):
        return PureWindowsPath(source).name if "\\" in source else PurePosixPath(source).name
    return source


# An absolute path inside a message (not part of a URL or a relative path).
_ABSOLUTE = re.compile(r"(?<![\w:/.~-])(?:/|[A-Za-z]:\\)[\w.~-]+(?:[/\\][\w.~-]*)*")


def redact_paths(message: str) -> str:
    """A message for a web client: absolute server paths become ``<server path>``."""
    return _ABSOLUTE.sub("<server path>", message)
