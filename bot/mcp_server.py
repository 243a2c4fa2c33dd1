"""``crosscheck mcp``: Crosscheck as a Model Context Protocol server, for AI agents.

Tools: ``verify`` (the ``ask --json`` object as structured output: verdict, answer, citations
with exact quotes and offsets), ``search`` (passages) and ``list_documents``. Served over
stdio (the client starts the command) or streamable HTTP (``--http``), where a configured
``CROSSCHECK_API_TOKEN`` is required as ``Authorization: Bearer``, as for the web API.
"""

from __future__ import annotations

import hmac
import json
import logging
from typing import Annotated, Any

from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ToolError
from mcp.types import ToolAnnotations
from pydantic import BaseModel, Field

from bot.langchain import CrosscheckRetriever
from bot.pipeline import Verifier
from bot.services import Services
from bot.web.api import AnswerOut, DocumentOut
from bot.web.auth import bearer
from retrieval.errors import CrosscheckError
from retrieval.sources import redact_paths

log = logging.getLogger(__name__)

MCP_PATH = "/mcp"
INSTRUCTIONS = (
    "Crosscheck checks claims against a curated set of documents. Call `verify` with a "
    "question or claim: it answers with a verdict (SUPPORTED, REFUTED, DISPUTED, "
    "NOT_ENOUGH_INFO), answer text with [n] markers and the citations behind them (exact "
    "quotes with character offsets, speaker, stance, outlet, publication date, PDF page). "
    "Quote its citations rather than restating the answer from memory; NOT_ENOUGH_INFO means "
    "the documents do not cover the claim."
)
READ_ONLY = ToolAnnotations(readOnlyHint=True, destructiveHint=False, openWorldHint=False)


class PassageOut(BaseModel):
    """A passage of a stored document; ``text == document[start:end]``."""

    doc_id: str
    title: str
    source: str
    start: int
    end: int
    text: str
    score: float
    page: int | None = None
    outlet: str | None = None
    published: str | None = None


class SearchOut(BaseModel):
    query: str
    passages: list[PassageOut]


class DocumentsOut(BaseModel):
    documents: list[DocumentOut]


def _tool_error(exc: CrosscheckError) -> ToolError:
    return ToolError(redact_paths(str(exc)))


def build_server(services: Services, verifier: Verifier | None = None) -> MCPServer:
    """An MCP server whose tools answer from ``services``' store."""
    checker = verifier or Verifier(services)
    server: MCPServer = MCPServer("crosscheck", instructions=INSTRUCTIONS, version="0.1.0")

    @server.tool(annotations=READ_ONLY)
    def verify(question: Annotated[str, Field(description="A question or claim, e.g. "
                                              "'Was this a negotiation?'")]) -> AnswerOut:
        """Check a claim against the documents: verdict, answer text with [n] markers, and the
        citations behind them (exact quotes, offsets, speaker, stance, outlet, date, page)."""
        try:
            return AnswerOut.model_validate(checker.verify(question).to_json())
        except CrosscheckError as exc:
            raise _tool_error(exc) from exc

    @server.tool(annotations=READ_ONLY)
    def search(query: Annotated[str, Field(description="What to look for.")],
               k: Annotated[int, Field(ge=1, le=50, description="Passages to return.")] = 5,
               ) -> SearchOut:
        """Find passages of the documents (hybrid keyword and meaning search), best first."""
        try:
            docs = CrosscheckRetriever(services=services, k=k).invoke(query)
        except CrosscheckError as exc:
            raise _tool_error(exc) from exc
        passages = [PassageOut(text=d.page_content, **{
            key: d.metadata[key] for key in PassageOut.model_fields if key != "text"})
            for d in docs]
        return SearchOut(query=query, passages=passages)

    @server.tool(annotations=READ_ONLY)
    def list_documents() -> DocumentsOut:
        """The documents Crosscheck answers from: id, title, source, chunks, outlet, date."""
        try:
            services.ensure_seeded()
            infos = services.store.documents()
        except CrosscheckError as exc:
            raise _tool_error(exc) from exc
        return DocumentsOut(documents=[DocumentOut(**info.__dict__) for info in infos])

    return server


class BearerOnly:
    """ASGI middleware: with a token configured, every request needs
    ``Authorization: Bearer <token>`` (the web API's rule; MCP clients send headers)."""

    def __init__(self, app: Any, token: str) -> None:
        self.app, self.token = app, token

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            headers = {k.decode("latin-1").lower(): v.decode("latin-1")
                       for k, v in scope.get("headers", [])}
            given = bearer(headers)
            if given is None or not hmac.compare_digest(given.encode(), self.token.encode()):
                body = json.dumps({"detail": "missing or wrong token: send the header "
                                   "'Authorization: Bearer <CROSSCHECK_API_TOKEN>'"}).encode()
                await send({"type": "http.response.start", "status": 401, "headers": [
                    (b"content-type", b"application/json"),
                    (b"www-authenticate", b"Bearer"),
                    (b"content-length", str(len(body)).encode()),
                ]})
                await send({"type": "http.response.body", "body": body})
                return
        await self.app(scope, receive, send)


def http_app(services: Services, host: str = "127.0.0.1") -> Any:
    """The streamable-HTTP app at ``/mcp``, behind the API token when one is set."""
    app = build_server(services).streamable_http_app(streamable_http_path=MCP_PATH, host=host)
    token = services.settings.api_token
    return BearerOnly(app, token) if token else app


def run_stdio(services: Services) -> None:
    build_server(services).run("stdio")
