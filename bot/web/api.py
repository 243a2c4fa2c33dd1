"""The JSON API: ``POST /api/verify`` (the ``ask --json`` shape) and the documents.

``GET /api/documents`` lists them, ``POST /api/documents`` adds uploaded files (checked
the same way as uploads in the UI) and ``DELETE /api/documents/{doc_id}`` removes one.
"""

from __future__ import annotations

import logging
from typing import Annotated, Any, Literal

from fastapi import APIRouter, File, HTTPException, Path, Request, UploadFile
from pydantic import BaseModel, Field

from bot.audit import Actor
from bot.pipeline import Verifier
from bot.services import Services
from bot.settings import Settings
from bot.web import uploads
from bot.web.auth import bearer, cookie_token
from retrieval.errors import BackendError, CrosscheckError, InputError
from retrieval.sources import redact_paths
from retrieval.types import Document

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 1_000_000  # far above any accepted question + history
MAX_TURNS = 50
UPLOAD_PATH = "/api/documents"
FORM_OVERHEAD = 1_000_000  # multipart boundaries and headers around the files


class Turn(BaseModel):
    """One earlier message of the conversation."""

    role: Literal["user", "assistant"]
    content: str


class VerifyRequest(BaseModel):
    """A question, with the conversation so far for follow-ups such as "Was this ...?"."""

    question: str = Field(description="The question or claim to check.",
                          examples=["Was this a negotiation?"])
    history: list[Turn] = Field(default_factory=list, max_length=MAX_TURNS,
                                description="Earlier turns, oldest first.")


class CitationOut(BaseModel):
    n: int
    doc_id: str
    title: str
    source: str
    start: int = Field(description="Offset of the quote in the document's cleaned text.")
    end: int
    quote: str
    speaker: str | None
    stance: Literal["SUPPORTS", "REFUTES", "NEUTRAL"]
    page: int | None = Field(None, description="1-based page of a PDF.")
    outlet: str | None = Field(None, description="Who published the document, when known.")
    published: str | None = Field(None, description="ISO date it was published, when known.")


class AnswerOut(BaseModel):
    """The verdict, the answer text with [n] markers, and the citations behind them."""

    model_config = {"extra": "allow"}  # keys added later stay in the response

    question: str
    claim: str
    verdict: Literal["SUPPORTED", "REFUTED", "DISPUTED", "NOT_ENOUGH_INFO"]
    answer: str
    citations: list[CitationOut]
    confidence: float
    conflict: str | None
    warnings: list[str]
    index: str


class DocumentOut(BaseModel):
    doc_id: str
    title: str
    source: str
    chunks: int
    ingested_at: float
    instructions: int | None = Field(
        None, description="Sentences set aside as instructions to the bot, not evidence "
        "(unknown for documents stored before this was counted).")
    outlet: str | None = Field(None, description="Who published it, when known.")
    published: str | None = Field(None, description="ISO date it was published, when known.")


class UploadedFile(BaseModel):
    file: str = Field(description="The stored name (folders and unsafe characters removed).")
    doc_id: str
    title: str


class UploadError(BaseModel):
    file: str = Field(description="The name as sent.")
    reason: str


class UploadOut(BaseModel):
    """What an upload did; files that were refused are listed with the reason."""

    documents: int = Field(description="Documents accepted (new, changed or already stored).")
    added: int = Field(description="Chunks added.")
    unchanged: int = Field(description="Chunks already stored (the same text uploaded again).")
    removed: int = Field(description="Chunks of older versions of the same file name removed.")
    files: list[UploadedFile]
    errors: list[UploadError]
    summary: str
    set_aside: dict[str, int] = Field(
        default_factory=dict, description="Per file with any: sentences addressed to the "
        "assistant, set aside as instructions (never evidence).")


class RemovedOut(BaseModel):
    doc_id: str
    removed: int = Field(description="Chunks removed.")


def actor(request: Request) -> Actor:
    """Who is calling, for the audit log: a hash of their token or session, their address."""
    headers = {k.lower(): v for k, v in request.headers.items()}
    return Actor("api", who=Actor.hashed(bearer(headers) or cookie_token(headers)),
                 client=request.client.host if request.client else None)


def upload_body_limit(settings: Settings) -> int:
    """Largest acceptable upload request: every allowed file at the size cap, plus framing."""
    return int(settings.max_upload_files * settings.max_upload_mb * 1024 * 1024) + FORM_OVERHEAD


def read_upload(upload: UploadFile, max_mb: float) -> tuple[str, Document]:
    """One uploaded file as a Document, or ``InputError`` saying what is wrong with it."""
    return uploads.read_upload(upload.filename or "", upload.size, upload.file.read, max_mb)


def http_error(exc: Exception) -> HTTPException:
    """A pipeline error as an HTTP error whose message says what to do."""
    message = redact_paths(str(exc))  # a client learns what failed, not where on the server
    if isinstance(exc, InputError):
        return HTTPException(400, message)
    if isinstance(exc, BackendError):
        log.warning("backend error in the API: %s", exc)
        hint = " (try again shortly)" if exc.retryable else ""
        headers = {"Retry-After": "5"} if exc.retryable else None
        return HTTPException(503, f"{message}{hint}", headers=headers)
    if isinstance(exc, CrosscheckError):  # configuration: the operator's to fix
        log.warning("configuration error in the API: %s", exc)
        return HTTPException(503, f"the server is misconfigured: {message}")
    log.exception("unexpected error in the API", exc_info=exc)
    return HTTPException(500, "unexpected server error; it has been logged")


class BodyLimit:
    """ASGI middleware: refuse oversized API bodies before they are read."""

    def __init__(self, app: Any, limit: int = MAX_BODY_BYTES,
                 upload_limit: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.limit = limit
        self.upload_limit = max(limit, upload_limit)  # for POST /api/documents

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "http" and scope["path"].startswith("/api/"):
            upload = scope["method"] == "POST" and scope["path"].rstrip("/") == UPLOAD_PATH
            limit = self.upload_limit if upload else self.limit
            length = dict(scope["headers"]).get(b"content-length", b"0")
            if length.isdigit() and int(length) > limit:
                hint = (b"; upload fewer or smaller files (CROSSCHECK_MAX_UPLOAD_FILES, "
                        b"CROSSCHECK_MAX_UPLOAD_MB)" if upload else b"")
                body = b'{"detail": "request body over %d bytes%s"}' % (limit, hint)
                await send({"type": "http.response.start", "status": 413, "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode())]})
                await send({"type": "http.response.body", "body": body})
                return
        await self.app(scope, receive, send)


def make_router(services: Services, verifier: Verifier) -> APIRouter:
    """The /api routes over shared services."""
    router = APIRouter(prefix="/api", tags=["api"])

    @router.post("/verify", response_model=AnswerOut,
                 responses={400: {"description": "empty or too long question"},
                            429: {"description": "over the client's rate limit (see "
                                                 "Retry-After)"},
                            413: {"description": "request body too large"},
                            503: {"description": "the document store is unavailable"}})
    def verify(body: VerifyRequest) -> dict[str, Any]:
        """Check a claim against the documents: verdict, answer text and exact citations."""
        history = [t.model_dump() for t in body.history]
        try:
            return verifier.verify(body.question, history).to_json()
        except Exception as exc:  # mapped to a status with a message
            raise http_error(exc) from exc

    @router.get("/documents", response_model=list[DocumentOut])
    def documents() -> list[dict[str, Any]]:
        """The documents in the store, with their chunk counts."""
        try:
            return [d.__dict__ for d in services.store.documents()]
        except Exception as exc:
            raise http_error(BackendError(f"the vector store failed: {exc}", retryable=True)
                             if not isinstance(exc, CrosscheckError) else exc) from exc

    @router.post("/documents", response_model=UploadOut,
                 responses={400: {"description": "no file could be added (each reason given)"},
                            413: {"description": "too many files, or a file or the request "
                                                 "is over the size limit"},
                            429: {"description": "over the client's upload rate limit"},
                            503: {"description": "the document store is unavailable"}})
    def upload(request: Request, files: Annotated[list[UploadFile] | None, File(
            description="One or more .txt, .md, .html or .pdf files (form field `files`).")] = None
    ) -> dict[str, Any]:
        """Add documents; they are searchable as soon as this returns. Same text twice is a
        no-op; a file with the name of an earlier upload replaces it."""
        s = services.settings
        files = files or []
        if not files:
            raise HTTPException(400, "no files were uploaded: send them as multipart form "
                                "field 'files' (curl -F files=@report.txt)")
        try:
            uploads.check_count(len(files), s.max_upload_files)
        except InputError as exc:
            raise HTTPException(413, str(exc)) from exc
        docs: list[Document] = []
        accepted: list[dict[str, str]] = []
        errors: list[dict[str, str]] = []
        oversized = 0
        for f in files:
            name = f.filename or "(no name)"
            try:
                clean, doc = read_upload(f, s.max_upload_mb)
            except InputError as exc:
                reason = str(exc)
                oversized += "CROSSCHECK_MAX_UPLOAD_MB" in reason
                errors.append({"file": name, "reason": redact_paths(reason)})
                continue
            docs.append(doc)
            accepted.append({"file": clean, "doc_id": doc.doc_id, "title": doc.title})
        if not docs:
            status = 413 if oversized == len(errors) else 400
            raise HTTPException(status, "no document was added: "
                                + " | ".join(e["reason"] for e in errors))
        try:
            report = services.ingest_documents(docs, actor=actor(request))
        except Exception as exc:
            raise http_error(exc) from exc
        summary = report.summary() + (f"; {len(errors)} refused" if errors else "")
        return {"documents": report.documents, "added": report.added,
                "unchanged": report.unchanged, "removed": report.removed,
                "files": accepted, "errors": errors, "summary": summary,
                "set_aside": report.set_aside}

    @router.delete("/documents/{doc_id}", response_model=RemovedOut,
                   responses={404: {"description": "no such document"},
                              503: {"description": "the document store is unavailable"}})
    def remove(request: Request, doc_id: Annotated[str, Path(
            max_length=200, description="A `doc_id` from GET /api/documents.")]
    ) -> dict[str, Any]:
        """Remove a document and its chunks; answers stop citing it at once."""
        try:
            return {"doc_id": doc_id,
                    "removed": services.remove([doc_id], actor=actor(request))}
        except InputError as exc:
            raise HTTPException(404, f"no document {doc_id!r}; GET /api/documents lists "
                                "the stored ones") from exc
        except Exception as exc:
            raise http_error(exc) from exc

    return router
