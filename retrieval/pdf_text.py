"""Text of a PDF's text layer, page by page, with each page's start in the cleaned text.

Lines that a PDF wraps at the page width are joined back into paragraphs, so sentences stay
whole for chunking and citations; each page starts a paragraph. A PDF with no text layer (a
scan) is refused: there is nothing to cite without OCR.
"""

from __future__ import annotations

import io
import logging
import re

from retrieval.documents import clean_text, content_hash, first_line_title
from retrieval.errors import InputError
from retrieval.published import from_pdf_info
from retrieval.types import Document

log = logging.getLogger(__name__)

PDF_MAGIC = b"%PDF-"
_HYPHEN_BREAK = re.compile(r"(\w)-\n(?=[a-z])")
_PARAGRAPH_END = re.compile(r"[.!?:\"'\u201d\u2019)]$")
# A sentence-final line shorter than this share of the page's widest line ends a paragraph;
# a line this short that starts one stands alone (a heading).
_SHORT_LINE = 0.8
_HEADING = 0.6


def _paragraphs(page_text: str) -> str:
    """One page's extracted lines as paragraphs separated by blank lines."""
    text = _HYPHEN_BREAK.sub(r"\1", page_text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = [" ".join(line.split()) for line in text.split("\n")]
    widest = max((len(line) for line in lines), default=0)
    paragraphs: list[list[str]] = [[]]
    for line in lines:
        if not line:
            if paragraphs[-1]:
                paragraphs.append([])
            continue
        heading = not paragraphs[-1] and len(line) < _HEADING * widest
        paragraphs[-1].append(line)
        if heading or (_PARAGRAPH_END.search(line) and len(line) < _SHORT_LINE * widest):
            paragraphs.append([])
    return "\n\n".join(" ".join(p) for p in paragraphs if p)


def pdf_document(data: bytes, name: str, source: str) -> Document:
    """A PDF's bytes as a Document with page starts, publisher and date; ``InputError`` if it
    cannot be read or has no text layer."""
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError as exc:  # pragma: no cover - pypdf is a runtime dependency
        raise InputError(f"{name}: reading PDFs needs pypdf; reinstall Crosscheck") from exc
    if not data.startswith(PDF_MAGIC):
        raise InputError(f"{name}: not a PDF file (it does not start with %PDF-)")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(f"{name}: the PDF is password-protected; save an unprotected copy "
                             "and try again")
        pages = [clean_text(_paragraphs(page.extract_text() or "")) for page in reader.pages]
        info = reader.metadata
    except InputError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, RecursionError) as exc:
        raise InputError(f"{name}: not a readable PDF ({exc}); re-save it from a PDF "
                         "viewer and try again") from exc
    if not any(pages):
        raise InputError(f"{name}: the PDF has no text layer (a scanned image?); run OCR on it "
                         "(e.g. ocrmypdf) and ingest the result")
    starts: list[int] = []
    text = ""
    for page in pages:
        if page and text:
            text += "\n\n"
        starts.append(len(text))  # an empty page starts where the next one does
        text += page
    meta = from_pdf_info(info)
    title = clean_text(str(info.title or "")) if info is not None else ""
    return Document(doc_id=content_hash(text), title=title or first_line_title(text, name),
                    source=source, text=text, outlet=meta.outlet, published=meta.published,
                    pages=tuple(starts))
