"""Upload limits, checked in one place for the JSON API and the UI's corpus tab."""

from __future__ import annotations

from collections.abc import Callable

from retrieval.documents import parse
from retrieval.errors import InputError
from retrieval.types import Document
from retrieval.uploads import check_upload, safe_name


def check_count(count: int, max_files: int) -> None:
    """``InputError`` when one upload holds more files than allowed."""
    if count > max_files:
        raise InputError(f"{count} files at once is over the limit of {max_files} "
                         "(CROSSCHECK_MAX_UPLOAD_FILES); upload them in smaller groups")


def _traversal(name: str) -> bool:
    """A name that points outside its folder (``..``, an absolute path, a drive letter)."""
    parts = name.replace("\\", "/").split("/")
    return ".." in parts or name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":")


def read_upload(name: str, size: int | None, read: Callable[[int], bytes],
                max_mb: float) -> tuple[str, Document]:
    """One uploaded file as (its stored name, a Document), or ``InputError`` saying what is wrong.

    ``size`` (when known) refuses an oversized file before ``read(limit + 1)`` reads it.
    """
    if _traversal(name):
        raise InputError(f"{name}: a file name may not point to another folder ('..' or an "
                         "absolute path); send the file's own name")
    limit = int(max_mb * 1024 * 1024)
    if size is not None and size > limit:
        raise InputError(f"{safe_name(name)}: {size / 1048576:.1f} MB is over the {max_mb:g} MB "
                         "limit (CROSSCHECK_MAX_UPLOAD_MB); split the file or raise the limit")
    clean, data = check_upload(name, read(limit + 1), max_mb)
    return clean, parse(data, clean, source=f"upload:{clean}")
