"""A scripted OpenAI-compatible chat server on 127.0.0.1, for the real client path in tests.

Replies are queued: a callable gets the request body and returns the reply, a dict/list is
structured output (sent as JSON content, or as a tool call
when the request offers tools), a str is plain text, and ``Garbage``, ``Status`` or ``Slow``
misbehave. Streaming requests get SSE chunks. The last reply repeats when the queue runs out.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass(frozen=True)
class Garbage:
    """HTTP 200 with a body that is not an OpenAI response."""

    body: str = "<html>definitely not json</html>"


@dataclass(frozen=True)
class Status:
    """An HTTP error with an OpenAI-style error body."""

    code: int
    message: str = "error"


@dataclass(frozen=True)
class Slow:
    """Wait before replying (for timeouts), then send ``then``."""

    seconds: float
    then: Any = "late"


class StubOpenAI:
    """Start with ``with StubOpenAI([...]) as stub:``; ``stub.base_url`` ends in /v1."""

    def __init__(self, replies: list[Any] | None = None, port: int = 0) -> None:
        self.replies = list(replies or ["ok"])
        self.requests: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # quiet
                pass

            def do_GET(self) -> None:
                stub._send_json(self, 200, {"object": "list", "data": [
                    {"id": "stub-model", "object": "model", "owned_by": "stub"}]})

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
                # A client that gave up (a timeout test) needs no reply.
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    stub._answer(self, body)

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    def __enter__(self) -> StubOpenAI:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def _next(self) -> Any:
        with self._lock:
            return self.replies.pop(0) if len(self.replies) > 1 else self.replies[0]

    @staticmethod
    def _send_json(handler: BaseHTTPRequestHandler, code: int, payload: Any) -> None:
        data = json.dumps(payload).encode()
        handler.send_response(code)
        handler.send_header("content-type", "application/json")
        handler.send_header("content-length", str(len(data)))
        handler.end_headers()
        handler.wfile.write(data)

    def _answer(self, handler: BaseHTTPRequestHandler, body: dict[str, Any]) -> None:
        with self._lock:
            self.requests.append(body)
        reply = self._next()
        if callable(reply):
            reply = reply(body)
        while isinstance(reply, Slow):
            time.sleep(reply.seconds)
            reply = reply.then
        if isinstance(reply, Garbage):
            data = reply.body.encode()
            handler.send_response(200)
            handler.send_header("content-type", "application/json")
            handler.send_header("content-length", str(len(data)))
            handler.end_headers()
            handler.wfile.write(data)
            return
        if isinstance(reply, Status):
            self._send_json(handler, reply.code, {"error": {
                "message": reply.message, "type": "invalid_request_error", "code": None}})
            return
        model = body.get("model", "stub-model")
        tool_call = None
        if isinstance(reply, dict | list):
            if body.get("tools"):
                name = body["tools"][0]["function"]["name"]
                tool_call = {"id": "call_1", "type": "function",
                             "function": {"name": name, "arguments": json.dumps(reply)}}
                content = ""
            else:
                content = json.dumps(reply)
        else:
            content = str(reply)
        if body.get("stream"):
            self._stream(handler, model, content)
            return
        message: dict[str, Any] = {"role": "assistant", "content": content or None}
        if tool_call:
            message["tool_calls"] = [tool_call]
        self._send_json(handler, 200, {
            "id": "chatcmpl-stub", "object": "chat.completion", "created": int(time.time()),
            "model": model,
            "choices": [{"index": 0, "message": message,
                         "finish_reason": "tool_calls" if tool_call else "stop"}],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
        })

    @staticmethod
    def _stream(handler: BaseHTTPRequestHandler, model: str, content: str) -> None:
        handler.send_response(200)
        handler.send_header("content-type", "text/event-stream")
        handler.end_headers()

        def send(delta: dict[str, Any], finish: str | None = None) -> None:
            chunk = {"id": "chatcmpl-stub", "object": "chat.completion.chunk",
                     "created": int(time.time()), "model": model,
                     "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}
            handler.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
            handler.wfile.flush()

        send({"role": "assistant", "content": ""})
        words = content.split(" ")
        for i, word in enumerate(words):  # one chunk per word, as a server would
            send({"content": word + (" " if i < len(words) - 1 else "")})
        send({}, finish="stop")
        handler.wfile.write(b"data: [DONE]\n\n")
        handler.wfile.flush()


# --- a keyword "model" that reads the sources it is sent, for end-to-end runs ----------------

REFUTING = ("not a negotiation", "not the start of talks", "weren’t negotiations")
SUPPORTING = ("willingness to negotiate", "first-step dialogue", "further steps")
_SOURCE = re.compile(r'<source key="(\d+)"[^>]*>\n(.*?)\n</source>', re.DOTALL)


def keyword_model(body: dict[str, Any]) -> Any:
    """Judges stance by keywords (quoting them), writes a two-sided answer, resolves follow-ups."""
    prompt = body["messages"][-1]["content"]
    sources = [(int(k), text) for k, text in _SOURCE.findall(prompt)]
    if prompt.startswith("Earlier conversation"):
        return {"claim": "The meeting was a negotiation.", "subject": "the meeting",
                "speaker": "Libya" if "Libya" in prompt.split("New question:")[-1] else None,
                "is_open": False}
    if "Verdict (already decided" in prompt:
        verdict = re.search(r"Verdict \(already decided[^)]*\): (\w+)", prompt).group(1)
        first = {}
        for key, text in sources:
            for stance, cues in (("REFUTES", REFUTING), ("SUPPORTS", SUPPORTING)):
                if any(c in text.lower() for c in cues):
                    first.setdefault(stance, key)
        parts = [f"The verdict is {verdict.lower().replace('_', ' ')}."]
        if "REFUTES" in first:
            parts.append(f"A U.S. official said the meeting was not a negotiation "
                         f"[{first['REFUTES']}].")
        if "SUPPORTS" in first:
            parts.append(f"Libyan officials described it as a first step [{first['SUPPORTS']}].")
        return " ".join(parts)
    judgements = []
    for key, text in sources:
        stance, quote = "NEUTRAL", ""
        for name, cues in (("REFUTES", REFUTING), ("SUPPORTS", SUPPORTING)):
            hit = next((c for c in cues if c in text.lower()), None)
            if hit:
                i = text.lower().index(hit)
                stance, quote = name, text[i:i + len(hit)]
                break
        judgements.append({"key": key, "stance": stance, "speaker": None, "quote": quote})
    stances = {j["stance"] for j in judgements}
    verdict = ("DISPUTED" if {"SUPPORTS", "REFUTES"} <= stances else "SUPPORTED"
               if "SUPPORTS" in stances else "REFUTED" if "REFUTES" in stances
               else "NOT_ENOUGH_INFO")
    return {"judgements": judgements, "verdict": verdict}


def main() -> None:
    """Serve the keyword model (or garbage) until interrupted: for trying the CLI by hand."""
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--garbage", action="store_true", help="answer every request with junk")
    parser.add_argument("--port", type=int, default=0, help="port (default: any free one)")
    args = parser.parse_args()
    stub = StubOpenAI([Garbage()] if args.garbage else [keyword_model], port=args.port)
    with stub:
        print(stub.base_url, flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            stub.thread.join()


if __name__ == "__main__":
    main()
