"""Bounded load test: many clients ask at once while documents are being ingested.

Every answer under load must equal the answer the same question gets from a single
client, and no request may fail. Prints p50/p95 latency. Loopback only, capped in
requests and time.

    python scripts/load_test.py                      # in-process Verifier, 20 threads
    python scripts/load_test.py --url http://127.0.0.1:7860 [--token T]

Against a server, the concurrent ingest runs only with ``--chroma-url`` (the CLI and the
server must share a Chroma server; an embedded store is one process's alone).
"""

from __future__ import annotations

import argparse
import ipaddress
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MAX_REQUESTS = 1000
MAX_SECONDS = 900.0
FALLBACK = ["Was this a negotiation?", "Did the U.S. close its embassy in Tripoli?",
            "Did Gene Cretz take part in the meeting with Libyan officials?",
            "Is NATO leading an air campaign over Libya?", "Did China send a delegation?"]


def questions(n: int) -> list[str]:
    path = ROOT.parent / "shared" / "eval" / "seed_questions.jsonl"
    qs = ([json.loads(line)["question"] for line in path.read_text().splitlines() if line]
          if path.exists() else FALLBACK)
    return [qs[i % len(qs)] for i in range(n)]


def loopback_only(url: str) -> None:
    host = urlparse(url).hostname or ""
    try:
        ok = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        ok = False
    if not ok:
        sys.exit(f"refusing {url}: the load test only targets loopback addresses")


def comparable(answer: dict[str, Any]) -> str:
    answer = {k: v for k, v in answer.items() if k not in ("timings",)}
    return json.dumps(answer, sort_keys=True, ensure_ascii=False)


class InProcess:
    """Answers from a shared ``Verifier`` in this process (what the server does per request)."""

    def __init__(self, store: Path) -> None:
        from bot.pipeline import Verifier
        from bot.services import Services
        from bot.settings import Settings

        self.services = Services(Settings(store=store))
        self.verifier = Verifier(self.services)

    def ask(self, question: str) -> dict[str, Any]:
        return self.verifier.verify(question).to_json()

    def ingest(self, folder: Path) -> str:
        return self.services.ingest([folder]).summary()


class OverHTTP:
    """Answers from ``POST /api/verify`` of a running ``crosscheck serve``."""

    def __init__(self, url: str, token: str | None, chroma_url: str | None) -> None:
        loopback_only(url)
        self.url, self.token, self.chroma_url = url.rstrip("/"), token, chroma_url

    def ask(self, question: str) -> dict[str, Any]:
        req = urllib.request.Request(
            f"{self.url}/api/verify", data=json.dumps({"question": question}).encode(),
            headers={"Content-Type": "application/json",
                     **({"Authorization": f"Bearer {self.token}"} if self.token else {})},
        )
        with urllib.request.urlopen(req, timeout=120) as resp:
            return json.loads(resp.read())

    def ingest(self, folder: Path) -> str:
        if not self.chroma_url:
            return "skipped (no --chroma-url shared with the server)"
        env = {**os.environ, "CROSSCHECK_CHROMA_URL": self.chroma_url}
        out = subprocess.run([sys.executable, "-m", "bot", "ingest", str(folder)], env=env,
                             cwd=ROOT, capture_output=True, text=True, timeout=MAX_SECONDS)
        if out.returncode:
            raise RuntimeError(out.stderr.strip())
        return out.stdout.strip()


def write_corpus(folder: Path, n: int) -> None:
    rng = random.Random(7)
    # Words no seed question uses, so the uploads should not change any answer.
    words = ["orchard", "violin", "glacier", "pottery", "tram", "bakery", "chess", "lantern"]
    for i in range(n):
        body = " ".join(rng.choice(words) for _ in range(60))
        (folder / f"upload{i:03d}.txt").write_text(f"Upload {i}\n\nThe {body}.\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", help="a running server on loopback (default: in-process)")
    parser.add_argument("--token", help="API token, if the server has one")
    parser.add_argument("--chroma-url", help="the server's Chroma server, for the ingest")
    parser.add_argument("--store", help="in-process store folder (default: a temporary one)")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--questions", type=int, default=10, help="per client")
    parser.add_argument("--upload-docs", type=int, default=100,
                        help="documents ingested while the clients ask")
    parser.add_argument("--max-seconds", type=float, default=600.0)
    args = parser.parse_args()
    total = args.clients * args.questions
    if total > MAX_REQUESTS or args.max_seconds > MAX_SECONDS:
        sys.exit(f"capped at {MAX_REQUESTS} requests and {MAX_SECONDS:.0f} s")

    tmp = Path(tempfile.mkdtemp(prefix="crosscheck-load-"))
    backend: Any = (OverHTTP(args.url, args.token, args.chroma_url) if args.url
                    else InProcess(Path(args.store) if args.store else tmp / "store"))
    qs = questions(args.questions)
    print(f"baseline: {len(set(qs))} questions, one client", flush=True)
    baseline = {q: comparable(backend.ask(q)) for q in dict.fromkeys(qs)}

    uploads = tmp / "uploads"
    uploads.mkdir()
    write_corpus(uploads, args.upload_docs)
    ingest_result: dict[str, str] = {}

    def ingest() -> None:
        try:
            ingest_result["ok"] = backend.ingest(uploads)
        except Exception as exc:  # reported below as an error of the run
            ingest_result["error"] = repr(exc)

    deadline = time.monotonic() + args.max_seconds
    latencies: list[float] = []
    errors: list[str] = []
    answers: list[tuple[str, str]] = []
    lock = threading.Lock()

    def client(c: int) -> None:
        for q in qs[c % len(qs):] + qs[: c % len(qs)]:  # clients start at different questions
            if time.monotonic() > deadline:
                with lock:
                    errors.append("deadline reached before all requests were sent")
                return
            t0 = time.perf_counter()
            try:
                got = comparable(backend.ask(q))
            except Exception as exc:
                with lock:
                    errors.append(f"{q!r}: {exc!r}")
                continue
            with lock:
                latencies.append(time.perf_counter() - t0)
                answers.append((q, got))

    ingester = threading.Thread(target=ingest, name="ingest")
    t0 = time.perf_counter()
    ingester.start()
    with ThreadPoolExecutor(args.clients) as pool:
        list(pool.map(client, range(args.clients)))
    ingester.join(timeout=max(0.0, deadline - time.monotonic()))
    wall = time.perf_counter() - t0
    # An answer must be the single-client answer from before or after the ingest (the new
    # documents may legitimately shift a ranking), never a mix or something else.
    after = {q: comparable(backend.ask(q)) for q in baseline}
    changed = [q for q in baseline if after[q] != baseline[q]]
    mismatches = [q for q, got in answers if got not in (baseline[q], after[q])]

    if "error" in ingest_result:
        errors.append(f"ingest: {ingest_result['error']}")
    ms = sorted(x * 1000 for x in latencies)
    p95 = ms[min(len(ms) - 1, int(0.95 * len(ms)))] if ms else float("nan")
    print(f"{len(latencies)}/{total} answered in {wall:.1f} s by {args.clients} clients; "
          f"p50 {statistics.median(ms) if ms else float('nan'):.0f} ms, p95 {p95:.0f} ms")
    print(f"ingest during the run: {ingest_result.get('ok', 'did not finish')}")
    print(f"questions whose single-client answer changed with the uploads: {len(changed)}")
    print(f"errors: {len(errors)}; answers differing from the single-client answer: "
          f"{len(mismatches)}")
    for line in (errors + [f"differs: {q}" for q in mismatches])[:20]:
        print("  " + line)
    return 1 if errors or mismatches or "ok" not in ingest_result else 0


if __name__ == "__main__":
    sys.exit(main())
