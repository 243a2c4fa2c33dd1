"""The ``crosscheck`` command line."""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from retrieval.errors import BackendError, CrosscheckError

log = logging.getLogger("crosscheck")

# Read by gradio and huggingface_hub when imported: without them start-up and shutdown
# wait on network look-ups. Set by ``serve`` before the web app is imported.
OFFLINE_WEB_ENV = {
    "GRADIO_ANALYTICS_ENABLED": "False",
    "HF_HUB_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
}

DESCRIPTION = """\
Crosscheck checks claims against your documents: it answers with a verdict
(supported / refuted / disputed / not enough info) and numbered citations of
the exact sentences, saying who says what.

With no set-up it uses the bundled offline models and a store in ./.crosscheck;
on first use of an empty store it ingests the seed corpus."""


def _settings(args: argparse.Namespace) -> Any:
    from bot.settings import load_settings

    overrides: dict[str, Any] = {}
    if getattr(args, "store", None):
        overrides["store"] = Path(args.store)
    return load_settings(**overrides)


def _services(args: argparse.Namespace) -> Any:
    from bot.services import Services

    return Services(_settings(args))


def _progress_bar(desc: str) -> Any:
    """A tqdm bar on stderr, driven by (done, total) callbacks."""
    from tqdm import tqdm

    bar: dict[str, Any] = {}

    def update(done: int, total: int) -> None:
        if "bar" not in bar:
            if total == 0:
                return
            bar["bar"] = tqdm(total=total, desc=desc, unit="chunk", file=sys.stderr,
                              disable=None, leave=False)
        bar["bar"].n = done
        bar["bar"].refresh()
        if done >= total:
            bar["bar"].close()

    return update


def cmd_ingest(args: argparse.Namespace) -> int:
    from retrieval.fetch import is_url

    services = _services(args)
    urls = [p for p in args.paths if is_url(p)]
    paths = [Path(p) for p in args.paths if not is_url(p)]
    report = services.ingest(paths, progress=_progress_bar("embedding"), urls=urls)
    for error in report.errors:
        print(f"skipped {error}", file=sys.stderr)
    for source, count in report.set_aside.items():
        print(f"{source}: set aside {count} sentence{'s' * (count != 1)} addressed to the "
              "assistant (instructions, not evidence)")
    print(report.summary())
    return 1 if report.errors else 0


def cmd_ask(args: argparse.Namespace) -> int:
    from bot.pipeline import Verifier

    history = json.loads(Path(args.history).read_text()) if args.history else []
    services = _services(args)
    services.load_models_in_background()  # overlaps the store and parser loads (cold start)
    # Read by ``run``: once the answer is printed, an ask that wrote nothing has nothing left.
    args.read_only = lambda: "store" not in vars(services) or not services.store.written
    verifier = Verifier(services)
    if args.json:
        answer = verifier.verify(args.question, history)
        for warning in answer.warnings:
            print(f"warning: {warning}", file=sys.stderr)
        print(json.dumps(answer.to_json(), ensure_ascii=False, indent=2))
        return 0
    shown: list[str] = []  # answer text as it streams in
    final: Any = None
    for event in verifier.stream(args.question, history):
        if event.kind == "token":
            print(event.text, end="", flush=True)
            shown.append(event.text)
        elif event.kind == "answer":
            final = event.answer
    assert final is not None, "the answer stream ends with the answer"
    answer = final
    for warning in answer.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if shown:
        print("\n")
    if " ".join("".join(shown).split()) != " ".join(answer.text.split()):
        # Citation checking changed the streamed text: show what it stands by.
        print(("After checking the citations:\n" if shown else "") + answer.text + "\n")
    if answer.kind == "question":
        word = "SOURCES DIFFER" if answer.verdict.value == "DISPUTED" else answer.verdict.label
        print(f"{word.upper()}  (question: {answer.question})\n")
    else:
        print(f"{answer.verdict.label.upper()}  ({answer.claim})\n")
    for c in answer.citations:
        who = f" — {c.speaker}" if c.speaker else ""
        known = [x for x in (c.outlet, c.published, f"p. {c.page}" if c.page else None) if x]
        held = f"answers “{c.answer}”" if c.answer else c.stance.value.lower()
        print(f"[{c.n}] {c.quote}\n    {c.title}{who} ({held}, "
              f"chars {c.start}-{c.end}{''.join('; ' + x for x in known)})")
    return 0


def cmd_docs(args: argparse.Namespace) -> int:
    services = _services(args)
    if args.remove:
        removed = services.remove(args.remove)  # InputError (exit 2) names unknown ids
        print(f"removed {len(args.remove)} documents ({removed} chunks)")
        return 0
    if args.repair:
        from retrieval.store import PENDING_GRACE

        dropped = services.store.repair(min_age=PENDING_GRACE)
        print(f"repaired: {dropped} chunks of interrupted writes removed")
        return 0
    docs = services.store.documents()
    if args.json:
        print(json.dumps([d.__dict__ for d in docs], indent=2))
    for d in [] if args.json else docs:
        print(f"{d.doc_id}  {d.chunks:4d} chunks  {d.title}  ({d.source})")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    for key, value in OFFLINE_WEB_ENV.items():
        os.environ.setdefault(key, value)
    import uvicorn
    from threadpoolctl import threadpool_limits

    from bot.web.server import create_app

    # Requests already run in parallel threads; BLAS threads on top of them only contend
    # (20 clients on 2 cores: p50 2.4 s with two BLAS threads, 0.6 s with one).
    threadpool_limits(1, user_api="blas")
    services = _services(args)
    app = create_app(services)
    print(f"Crosscheck on http://{args.host}:{args.port}/", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


def cmd_mcp(args: argparse.Namespace) -> int:
    try:
        from bot import mcp_server
    except ImportError as exc:  # the runtime install leaves the integrations out
        from retrieval.errors import MissingDependencyError

        raise MissingDependencyError(
            f"crosscheck mcp needs the integrations extra ({exc.name} is missing): "
            "pip install 'crosscheck[integrations]'"
        ) from exc

    services = _services(args)
    if not args.http:
        mcp_server.run_stdio(services)  # stdout carries the protocol: nothing else prints there
        return 0
    import uvicorn

    print(f"Crosscheck MCP server on http://{args.host}:{args.port}{mcp_server.MCP_PATH}",
          file=sys.stderr)
    uvicorn.run(mcp_server.http_app(services, args.host), host=args.host, port=args.port,
                log_level="warning")
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from bot.evaluate import run_eval

    return run_eval(args)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="crosscheck", description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("-v", "--verbose", action="count", default=0,
                        help="more logging (-vv for debug)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    store_help = "store folder (default ./.crosscheck or CROSSCHECK_STORE)"

    p = sub.add_parser("ingest",
                       help="add .txt, .md, .html and .pdf files, folders or web pages (URLs)",
                       description="Add documents to the store. Re-ingesting an unchanged file "
                       "adds nothing, nor does an unchanged web page; a changed one replaces its "
                       "old chunks. Files and pages that cannot be read are reported and skipped "
                       "(exit code 1), the rest are ingested. Web pages (http/https) are "
                       "fetched whole first, within CROSSCHECK_FETCH_TIMEOUT seconds and "
                       "CROSSCHECK_MAX_UPLOAD_MB.")
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="files, folders or web page URLs (https://...)")
    p.add_argument("--store", help=store_help)
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("ask", help="check a claim or answer a question from the documents",
                       description="Answer with a verdict and citations of the exact sentences.")
    p.add_argument("question", help='e.g. "Was this a negotiation?"')
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--history", metavar="FILE",
                   help='earlier turns as JSON: [{"role": "user", "content": "..."}, ...]')
    p.add_argument("--store", help=store_help)
    p.set_defaults(func=cmd_ask)

    p = sub.add_parser("docs", help="list the stored documents, or remove some",
                       description="List documents with their chunk counts.")
    p.add_argument("--remove", nargs="+", metavar="DOC_ID", help="remove these documents")
    p.add_argument("--repair", action="store_true",
                   help="check the whole store (reads every chunk): drop what interrupted "
                        "writes left, bring the lexical index in step")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--store", help=store_help)
    p.set_defaults(func=cmd_docs)

    p = sub.add_parser("serve", help="run the web app and JSON API",
                       description="Serve the chat UI at /, the JSON API at /api and /healthz.")
    p.add_argument("--host", default="127.0.0.1", help="interface (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=7860, help="port (default 7860)")
    p.add_argument("--store", help=store_help)
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("mcp", help="serve the Model Context Protocol (tools for AI agents)",
                       description="Serve Crosscheck to MCP clients (AI agents and assistants) "
                       "over stdio, or over streamable HTTP with --http (at /mcp; with "
                       "CROSSCHECK_API_TOKEN set, clients must send 'Authorization: Bearer "
                       "<token>'). Tools: verify(question) -> the ask --json object; "
                       "search(query, k) -> passages; list_documents().")
    p.add_argument("--http", action="store_true", help="streamable HTTP instead of stdio")
    p.add_argument("--host", default="127.0.0.1", help="interface for --http (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8765, help="port for --http (default 8765)")
    p.add_argument("--store", help=store_help)
    p.set_defaults(func=cmd_mcp)

    p = sub.add_parser("eval", help="score the engine on a file of labelled cases",
                       description="Run labelled cases (Climate-FEVER style claims with evidence, "
                       "or questions over the seed corpus) and print accuracy, macro-F1, "
                       "per-class F1, the confusion matrix and citation precision/recall.")
    p.add_argument("cases", help="a .jsonl file of cases")
    p.add_argument("--json", action="store_true", help="print the metrics as JSON")
    p.add_argument("--limit", type=int, help="only the first N cases")
    p.add_argument("--stance", help="stance judge to use (default: the setting)")
    p.add_argument("--store", help="store for seed questions (default: a fresh temporary one)")
    p.set_defaults(func=cmd_eval)
    return parser


def main(argv: Sequence[str] | None = None, args: argparse.Namespace | None = None) -> int:
    if args is None:
        args = build_parser().parse_args(argv)
    level = [logging.WARNING, logging.INFO, logging.DEBUG][min(args.verbose, 2)]
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    try:
        return int(args.func(args))
    except CrosscheckError as exc:
        hint = " (try again)" if isinstance(exc, BackendError) and exc.retryable else ""
        print(f"error: {exc}{hint}", file=sys.stderr)
        return 3 if isinstance(exc, BackendError) else 2
    except KeyboardInterrupt:
        return 130


def run() -> None:
    """The ``crosscheck`` command: ``main`` on the process's arguments, then exit.

    An ``ask`` that wrote nothing ends without tearing the interpreter down: freeing spaCy's,
    onnxruntime's and Chroma's objects one by one took 0.2 s of a 1.7 s cold ask, after the
    answer was printed. Writes (the seed corpus on first use) take the ordinary way out.
    """
    args = build_parser().parse_args()
    if args.command == "ask":
        # A cold ask creates many objects while it imports and loads, and the collector
        # would walk them every 700 new ones (~50 ms of a 1.6 s ask); the process lives for
        # one answer.
        gc.set_threshold(50_000, 20, 100)
    code = main(args=args)
    read_only = getattr(args, "read_only", None)
    if read_only is not None and read_only():
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError):
                stream.flush()
        logging.shutdown()
        os._exit(code)
    sys.exit(code)


if __name__ == "__main__":  # pragma: no cover
    run()
