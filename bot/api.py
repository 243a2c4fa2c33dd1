"""The JSON API: ``POST /api/verify`` (the ``ask --json`` shape) and ``GET /api/documents``."""

from __future__ import annotations

import logging
from typing import Any, Literal

from fastapi import APIRouter, HTTPException
from pydantic import BaseModel, Field

from bot.pipeline import Verifier
from bot.services import Services
from retrieval.errors import BackendError, CrosscheckError, InputError

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 1_000_000  # far above any accepted question + history
MAX_TURNS = 50


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


def http_error(exc: Exception) -> HTTPException:
    """A pipeline error as an HTTP error whose message says what to do."""
    if isinstance(exc, InputError):
        return HTTPException(400, str(exc))
    if isinstance(exc, BackendError):
        hint = " (try again shortly)" if exc.retryable else ""
        headers = {"Retry-After": "5"} if exc.retryable else None
        return HTTPException(503, f"{exc}{hint}", headers=headers)
    if isinstance(exc, CrosscheckError):  # configuration: the operator's to fix
        return HTTPException(503, f"the server is misconfigured: {exc}")
    log.exception("unexpected error in the API", exc_info=exc)
    return HTTPException(500, "unexpected server error; it has been logged")


class BodyLimit:
    """ASGI middleware: refuse oversized API bodies before they are read."""

    def __init__(self, app: Any, limit: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "http" and scope["path"].startswith("/api/"):
            length = dict(scope["headers"]).get(b"content-length", b"0")
            if length.isdigit() and int(length) > self.limit:
                body = (b'{"detail": "request body over %d bytes"}' % self.limit)
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

    return router
