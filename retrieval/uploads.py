"""Checks on uploaded files before they are parsed: size, count, name and content type.

The UI and the API both call these, so an upload is refused the same way, with a reason
the person can act on, wherever it comes from.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from retrieval.documents import SUPPORTED_SUFFIXES
from retrieval.errors import InputError

MAX_NAME = 200
# Leading bytes of common binary formats that might arrive renamed as .txt or .html.
_MAGIC = {
    b"%PDF": "a PDF", b"\x89PNG": "a PNG image", b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image", b"PK\x03\x04": "a ZIP archive (or .docx/.xlsx)",
    b"\x7fELF": "a program", b"MZ": "a Windows program", b"\x1f\x8b": "a gzip archive",
    b"\xd0\xcf\x11\xe0": "an old Office document", b"Rar!": "a RAR archive",
    b"7z\xbc\xaf": "a 7-Zip archive", b"\x00\x00\x01\x00": "an icon",
}
_UNSAFE = re.compile(r"[^\w.\- ()\[\]]+")


def safe_name(name: str) -> str:
    """The file's own name, without folders, control characters or leading dots."""
    name = unicodedata.normalize("NFC", name).replace("\\", "/").split("/")[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    name = _UNSAFE.sub("_", name).strip(" .")
    stem, dot, suffix = name.rpartition(".")
    if dot and len(name) > MAX_NAME:
        name = stem[: MAX_NAME - len(suffix) - 1] + "." + suffix
    if not name or not dot or not stem.strip(" ._"):
        raise InputError(f"{name or '(no name)'}: not a usable file name; rename the file "
                         f"to something like report{SUPPORTED_SUFFIXES[0]}")
    return name[:MAX_NAME]


def check_upload(name: str, data: bytes, max_mb: float) -> tuple[str, bytes]:
    """A safe name and the bytes of one upload, or ``InputError`` saying what is wrong."""
    clean = safe_name(name)
    suffix = "." + clean.rpartition(".")[2].lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise InputError(f"{clean}: unsupported file type {suffix}; use one of "
                         f"{', '.join(SUPPORTED_SUFFIXES)}")
    limit = int(max_mb * 1024 * 1024)
    if len(data) > limit:
        raise InputError(f"{clean}: {len(data) / 1048576:.1f} MB is over the {max_mb:g} MB "
                         "limit (CROSSCHECK_MAX_UPLOAD_MB); split the file or raise the limit")
    if not data.strip():
        raise InputError(f"{clean}: the file is empty")
    if suffix == ".pdf":  # binary by nature: the PDF reader checks it
        if not data.startswith(b"%PDF-"):
            raise InputError(f"{clean}: not a PDF file (it does not start with %PDF-)")
        return clean, data
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            if kind == "a PDF":
                raise InputError(f"{clean}: the content is a PDF; name the file .pdf")
            raise InputError(f"{clean}: the content is {kind}, not text; upload it as "
                             ".txt, .md, .html or .pdf")
    head = data[:8192]
    if b"\x00" in head or sum(b < 9 or 13 < b < 32 for b in head) > len(head) // 100 + 2:
        raise InputError(f"{clean}: looks like a binary file, not text")
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{clean}: not UTF-8 text (byte {exc.start}); save it as UTF-8 "
                         "and try again") from exc
    return clean, data


def check_uploads(files: Sequence[tuple[str, bytes]], max_files: int,
                  max_mb: float) -> list[tuple[str, bytes]]:
    """Check a whole upload: not too many files, each one acceptable (the first bad one fails)."""
    if not files:
        raise InputError("no files were uploaded")
    if len(files) > max_files:
        raise InputError(f"{len(files)} files at once is over the limit of {max_files} "
                         "(CROSSCHECK_MAX_UPLOAD_FILES); upload them in smaller groups")
    return [check_upload(name, data, max_mb) for name, data in files]
