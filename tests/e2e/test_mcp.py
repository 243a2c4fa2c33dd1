"""`crosscheck mcp`, driven by the official MCP SDK's own client: over stdio (the server as a
subprocess, as an agent starts it) and over streamable HTTP with the API token."""

from __future__ import annotations

import asyncio
import socket
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from retrieval.documents import load_file
from tests.conftest import ROOT, SEED

pytestmark = pytest.mark.slow  # a server process with the real model

QUESTION = "Did the U.S. close its embassy in Tripoli?"


def _check_answer(answer: dict[str, Any], seed_text: str) -> None:
    assert set(answer) >= {"question", "claim", "verdict", "answer", "citations", "confidence",
                           "conflict", "warnings", "index"}
    assert answer["question"] == QUESTION
    assert answer["verdict"] in {"SUPPORTED", "REFUTED", "DISPUTED", "NOT_ENOUGH_INFO"}
    assert answer["citations"] and "[1]" in answer["answer"]
    for c in answer["citations"]:
        assert seed_text[c["start"] : c["end"]] == c["quote"]
        assert {"speaker", "stance", "page", "outlet", "published"} <= set(c)
    assert any("closed its embassy in Tripoli" in c["quote"] for c in answer["citations"])


async def _session(client: Any, seed_text: str) -> None:
    tools = {t.name: t for t in (await client.list_tools()).tools}
    assert set(tools) == {"verify", "search", "list_documents"}
    assert tools["verify"].output_schema is not None  # structured, not only text
    assert "citations" in tools["verify"].output_schema["properties"]

    result = await client.call_tool("verify", {"question": QUESTION})
    assert not result.is_error
    _check_answer(result.structured_content, seed_text)

    result = await client.call_tool("search", {"query": "embassy in Tripoli", "k": 2})
    passages = result.structured_content["passages"]
    assert len(passages) == 2
    assert all(seed_text[p["start"] : p["end"]] == p["text"] for p in passages)

    result = await client.call_tool("list_documents", {})
    [doc] = result.structured_content["documents"]
    assert doc["source"] == "seeds/" + SEED.name and doc["chunks"] > 0

    result = await client.call_tool("verify", {"question": "   "})
    assert result.is_error and "the question is empty" in result.content[0].text
    result = await client.call_tool("search", {"query": "x", "k": 500})
    assert result.is_error


def test_stdio_server_answers_through_the_sdk_client(tmp_path: Path) -> None:
    from mcp import Client
    from mcp.client.stdio import StdioServerParameters, stdio_client

    params = StdioServerParameters(
        command=sys.executable, args=["-m", "bot", "mcp", "--store", str(tmp_path / "store")],
        cwd=str(tmp_path),
        env={"PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1", "HF_HUB_DISABLE_TELEMETRY": "1",
             "TRANSFORMERS_OFFLINE": "1", "CROSSCHECK_CONFIG": str(tmp_path / "absent.toml")},
    )

    log = tmp_path / "server.log"  # the server's stderr, shown if the test fails

    async def run() -> None:
        with log.open("w") as errlog:
            async with Client(stdio_client(params, errlog=errlog),
                              read_timeout_seconds=120) as client:
                await _session(client, load_file(SEED).text)

    try:
        asyncio.run(run())
    except BaseException:
        print(log.read_text())
        raise


@pytest.fixture
def http_server(seeded_services) -> Iterator[str]:
    import uvicorn

    from bot.mcp_server import http_app

    seeded_services.settings.api_token = "s3cret"
    try:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        server = uvicorn.Server(uvicorn.Config(http_app(seeded_services), host="127.0.0.1",
                                               port=port, log_level="warning"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 20
        while not server.started and time.monotonic() < deadline:
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}/mcp"
        server.should_exit = True
        thread.join(10)
    finally:
        seeded_services.settings.api_token = None


def test_http_server_needs_the_token_and_answers_with_it(http_server: str) -> None:
    import httpx2
    from mcp import Client
    from mcp.client.streamable_http import streamable_http_client

    refused = httpx2.post(http_server, json={"jsonrpc": "2.0", "id": 1, "method": "ping"})
    assert refused.status_code == 401 and "CROSSCHECK_API_TOKEN" in refused.text
    wrong = httpx2.post(http_server, json={}, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401

    async def run() -> None:
        headers = {"Authorization": "Bearer s3cret"}
        async with httpx2.AsyncClient(headers=headers, timeout=120) as http, \
                Client(streamable_http_client(http_server, http_client=http)) as client:
            await _session(client, load_file(SEED).text)

    asyncio.run(run())
