"""Load .txt, .md, .html and .pdf files into clean ``Document``s."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from markdown_it import MarkdownIt

from retrieval.css_hidden import TooCostly
from retrieval.errors import InputError
from retrieval.html_text import html_to_text
from retrieval.published import Published, byline_line, from_byline, from_front_matter, from_html
from retrieval.sources import public_source as public_source
from retrieval.types import Document
from retrieval.versions import CLEANER_VERSION as CLEANER_VERSION

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".pdf")

# Whole lines that are page furniture, not reporting (matched after whitespace is folded).
_BOILERPLATE = re.compile(
    r"^(?:before it['\u2019]s here, it['\u2019]s on the bloomberg terminal\.?\s*learn more"
    r"|learn more|read more|advertisement|sponsored content|share this article"
    r"|subscribe(?: now)?(?: to [\w\s]+)?|sign up for (?:our|the) [\w\s]*newsletter\.?"
    r"|click here to [\w\s]+|follow us on [\w\s,]+|all rights reserved\.?)$",
    re.IGNORECASE,
)
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile(r"[ \t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_MANY_BREAKS = re.compile(r"\n{3,}")


@dataclass(frozen=True)
class LoadError:
    """A file that could not be loaded, and why, in words a person can act on."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def clean_text(text: str) -> str:
    """Fold whitespace and drop boilerplate lines; every other character is kept as written."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", text)
    lines = []
    for line in text.split("\n"):
        line = _SPACES.sub(" ", line).strip()
        if _BOILERPLATE.match(line):
            continue
        lines.append(line)
    return _MANY_BREAKS.sub("\n\n", "\n".join(lines)).strip()


def decode(data: bytes, name: str) -> str:
    """Bytes to text, refusing binary and non-UTF-8 content with a reason."""
    if not data.strip():
        raise InputError(f"{name}: the file is empty")
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: not UTF-8 text (byte {exc.start}); save it as UTF-8 and try again"
        ) from exc


_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
# CommonMark with raw HTML passed through, as a Markdown viewer in a browser would show it.
_MARKDOWN = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def _markdown_to_text(text: str) -> str:
    """Render Markdown to HTML and keep what a browser shows: comments and raw HTML that
    the page hides are dropped by the same rules as an HTML file."""
    return html_to_text(_MARKDOWN.render(_FRONT_MATTER.sub("", text)))[1]


def first_line_title(text: str, fallback: str) -> str:
    first, _, rest = text.partition("\n")
    # A headline is a short first line set apart from the body, or followed by its byline.
    if first and len(first) <= 200 and (
        rest.startswith("\n") or not rest or byline_line(text) == 1
    ):
        return first
    return fallback


def parse(data: bytes, name: str, source: str | None = None) -> Document:
    """Turn one file's bytes into a Document; raises InputError with the reason."""
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise InputError(
            f"{name}: unsupported file type {suffix or '(none)'}; "
            f"use one of {', '.join(SUPPORTED_SUFFIXES)}"
        )
    if suffix == ".pdf":
        from retrieval.pdf_text import pdf_document  # pypdf loads only when a PDF comes

        return pdf_document(data, name, source or name)
    raw = decode(data, name)
    stem = Path(name).stem
    title: str | None = None
    meta = Published()
    try:
        if suffix in (".html", ".htm"):
            markup = raw
            title, raw = html_to_text(markup)  # refuses pathological markup first
            meta = from_html(markup)
        elif suffix in (".md", ".markdown"):
            meta = from_front_matter(raw)
            raw = _markdown_to_text(raw)
        if meta == Published():
            meta = from_byline(raw)
    except TooCostly as exc:
        raise InputError(f"{name}: {exc}") from exc
    text = clean_text(raw)
    if not text:
        raise InputError(f"{name}: no readable text after cleaning")
    title = clean_text(title or "") or first_line_title(text, stem)
    return Document(doc_id=content_hash(text), title=title, source=source or name, text=text,
                    outlet=meta.outlet, published=meta.published)


def source_for(path: Path, root: Path | None = None) -> str:
    """What a user gave: a path under an ingested folder is ``<folder name>/<relative path>``,
    a file argument its relative path as given (or its name), never an absolute path."""
    if root is not None:
        label = root.name or root.resolve().name
        return "/".join((label, *path.relative_to(root).parts))
    if not path.is_absolute() and ".." not in path.parts:
        return path.as_posix()
    return path.name


def load_file(path: Path, source: str | None = None) -> Document:
    """Read and parse one file from disk; ``source`` is what answers show (default its name)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(f"{path}: no such file") from exc
    except IsADirectoryError as exc:
        raise InputError(f"{path}: is a folder") from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    return parse(data, path.name, source=source or source_for(path))


def iter_files(paths: Iterable[Path]) -> Iterator[tuple[Path, str] | LoadError]:
    """Expand folders (recursively, sorted, hidden entries skipped) into (file, its source);
    report missing paths."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path)
                if any(part.startswith(".") for part in rel.parts) or not child.is_file():
                    continue
                yield child, source_for(child, root=path)
        elif path.exists():
            yield path, source_for(path)
        else:
            yield LoadError(str(path), "no such file or folder")


def load_paths(paths: Iterable[Path]) -> tuple[list[Document], list[LoadError]]:
    """Load every file under ``paths``; bad files become errors, the rest still load."""
    docs: list[Document] = []
    errors: list[LoadError] = []
    for item in iter_files(paths):
        if isinstance(item, LoadError):
            errors.append(item)
            continue
        path, source = item
        try:
            docs.append(load_file(path, source))
        except InputError as exc:
            message = str(exc)
            prefix = f"{path.name}: "
            errors.append(LoadError(source, message.removeprefix(prefix)))
    return docs, errors
