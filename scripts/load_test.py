"""Bounded load test: many clients ask at once while documents are being ingested.

Every answer under load must equal the answer the same question gets from a single
client, and no request may fail. Prints p50/p95 latency. Loopback only, capped in
requests and time.

    python scripts/load_test.py --serve              # starts `crosscheck serve` on a free port
    python scripts/load_test.py --url http://127.0.0.1:7860 [--token T]
    python scripts/load_test.py                      # in-process Verifier, 20 threads

Over HTTP the clients ``POST /api/verify`` while the uploads go through
``POST /api/documents`` at the same time. ``--serve`` runs the server on 127.0.0.1 with a
temporary store and stops it at the end.
"""

from __future__ import annotations

import argparse
import ipaddress
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MAX_REQUESTS = 1000
MAX_SECONDS = 900.0
MAX_UPLOADS = 500
UPLOAD_BATCH = 10  # files per POST /api/documents
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

    def ingest(self, paths: list[Path]) -> dict[str, int]:
        report = self.services.ingest(paths)
        if report.errors:
            raise RuntimeError(f"ingest refused files: {report.errors}")
        return {"documents": report.documents, "added": report.added,
                "unchanged": report.unchanged, "removed": report.removed}


class OverHTTP:
    """Answers from ``POST /api/verify``, uploads to ``POST /api/documents`` of a server."""

    def __init__(self, url: str, token: str | None) -> None:
        loopback_only(url)
        self.url, self.token = url.rstrip("/"), token

    def _post(self, path: str, data: bytes, ctype: str) -> dict[str, Any]:
        headers = {"Content-Type": ctype,
                   **({"Authorization": f"Bearer {self.token}"} if self.token else {})}
        req = urllib.request.Request(f"{self.url}{path}", data=data, headers=headers)
        try:
            with urllib.request.urlopen(req, timeout=120) as resp:
                return json.loads(resp.read())
        except urllib.error.HTTPError as exc:  # the server's message, not just the status
            raise RuntimeError(f"HTTP {exc.code}: {exc.read().decode(errors='replace')}") from exc

    def ask(self, question: str) -> dict[str, Any]:
        return self._post("/api/verify", json.dumps({"question": question}).encode(),
                          "application/json")

    def ingest(self, paths: list[Path]) -> dict[str, int]:
        body, ctype = multipart(paths)
        got = self._post("/api/documents", body, ctype)
        if got["errors"]:
            raise RuntimeError(f"upload refused files: {got['errors']}")
        return {k: got[k] for k in ("documents", "added", "unchanged", "removed")}


def multipart(paths: list[Path]) -> tuple[bytes, str]:
    """A multipart/form-data body with each file as a ``files`` field."""
    boundary = uuid.uuid4().hex
    parts = []
    for path in paths:
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="files"; '
                     f'filename="{path.name}"\r\nContent-Type: text/plain\r\n\r\n'.encode()
                     + path.read_bytes() + b"\r\n")
    body = b"".join(parts) + f"--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(store: Path, token: str | None,
                 log_path: Path) -> tuple[subprocess.Popen[bytes], str]:
    """``crosscheck serve`` on a free loopback port with its own store, once it answers."""
    port = free_port()
    env = {**os.environ, **({"CROSSCHECK_API_TOKEN": token} if token else {})}
    log = log_path.open("wb")
    proc = subprocess.Popen([sys.executable, "-m", "bot", "serve", "--host", "127.0.0.1",
                             "--port", str(port), "--store", str(store)],
                            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            sys.exit(f"the server exited with {proc.returncode}; see {log.name}")
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=5) as resp:
                if json.loads(resp.read()).get("status") == "ok":
                    return proc, url
        except OSError:
            pass
        time.sleep(0.5)
    proc.terminate()
    sys.exit(f"the server did not answer /healthz within 120 s; see {log.name}")


def write_corpus(folder: Path, n: int) -> None:
    """Short news items about village life: a topic no seed question is about."""
    rng = random.Random(7)
    towns = ["Vellmar", "Ashcombe", "Brindle", "Corrow", "Dunmore", "Elsby", "Farleigh"]
    things = ["orchard festival", "violin school", "pottery fair", "tram depot",
              "bakery co-operative", "chess club", "lantern parade", "glacier museum"]
    verbs = ["opened a new hall for the", "raised funds for the", "voted to expand the",
             "postponed the", "celebrated the anniversary of the", "moved the"]
    for i in range(n):
        town, thing = rng.choice(towns), rng.choice(things)
        lines = [f"{town} {thing} news {i}", ""]
        for _ in range(rng.randint(3, 6)):
            other = rng.choice(things)
            lines.append(f"The {rng.choice(towns)} council {rng.choice(verbs)} {other}, "
                         f"according to the {town} {thing} organisers.")
        (folder / f"upload{i:03d}.txt").write_text("\n".join(lines) + "\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", help="a running server on loopback (default: in-process)")
    parser.add_argument("--serve", action="store_true",
                        help="start `crosscheck serve` on a free loopback port for the run")
    parser.add_argument("--token", help="API token, if the server has one (or --serve sets)")
    parser.add_argument("--store", help="store folder for in-process or --serve "
                        "(default: a temporary one)")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--questions", type=int, default=10, help="per client")
    parser.add_argument("--upload-docs", type=int, default=100,
                        help="documents ingested while the clients ask")
    parser.add_argument("--max-seconds", type=float, default=600.0)
    parser.add_argument("--cold", action="store_true",
                        help="no single-client answers first: the clients meet a server that "
                        "has answered nothing yet (compared with the answers afterwards)")
    args = parser.parse_args()
    total = args.clients * args.questions
    if total > MAX_REQUESTS or args.max_seconds > MAX_SECONDS or args.upload_docs > MAX_UPLOADS:
        sys.exit(f"capped at {MAX_REQUESTS} requests, {MAX_UPLOADS} uploaded documents "
                 f"and {MAX_SECONDS:.0f} s")

    tmp = Path(tempfile.mkdtemp(prefix="crosscheck-load-"))
    store = Path(args.store) if args.store else tmp / "store"
    server: subprocess.Popen[bytes] | None = None
    if args.serve:
        server, url = start_server(store, args.token, tmp / "server.log")
        print(f"server: {url} (store {store}, log {tmp / 'server.log'})", flush=True)
        backend: Any = OverHTTP(url, args.token)
    else:
        backend = OverHTTP(args.url, args.token) if args.url else InProcess(store)
    try:
        code = run(args, backend, tmp)
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
    if code == 0 and not args.store:
        shutil.rmtree(tmp, ignore_errors=True)  # kept on failure, for the server log
    return code


def run(args: argparse.Namespace, backend: Any, tmp: Path) -> int:
    """Baseline answers, then the concurrent run with uploads, then the checks."""
    total = args.clients * args.questions
    qs = questions(args.questions)
    baseline: dict[str, str] = {}
    if not args.cold:
        print(f"baseline: {len(set(qs))} questions, one client", flush=True)
        baseline = {q: comparable(backend.ask(q)) for q in dict.fromkeys(qs)}

    uploads = tmp / "uploads"
    uploads.mkdir()
    write_corpus(uploads, args.upload_docs)
    ingest_result: dict[str, str] = {}

    files = sorted(uploads.iterdir())
    batches = [files[i : i + UPLOAD_BATCH] for i in range(0, len(files), UPLOAD_BATCH)]
    spans: dict[str, float] = {}
    deadline = time.monotonic() + args.max_seconds
    answered = threading.Semaphore(0)  # released once per answer: paces the uploads

    def ingest() -> None:
        """Upload batch k once k/len(batches) of the questions are answered, so the uploads
        run alongside the questions from first to last."""
        spans["ingest_start"] = time.perf_counter()
        totals = {"documents": 0, "added": 0, "unchanged": 0, "removed": 0}
        try:
            for k, batch in enumerate(batches):
                for _ in range(total // max(len(batches), 1) if k else 0):
                    if not answered.acquire(timeout=max(0.0, deadline - time.monotonic())):
                        break
                for key, value in backend.ingest(batch).items():
                    totals[key] += value
            ingest_result["ok"] = (f"{totals['documents']} documents in {len(batches)} uploads: "
                                   f"{totals['added']} chunks added, {totals['unchanged']} "
                                   f"unchanged, {totals['removed']} removed")
        except Exception as exc:  # reported below as an error of the run
            ingest_result["error"] = repr(exc)
        spans["ingest_end"] = time.perf_counter()

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
                answered.release()
                continue
            with lock:
                latencies.append(time.perf_counter() - t0)
                answers.append((q, got))
            answered.release()

    ingester = threading.Thread(target=ingest, name="ingest")
    t0 = time.perf_counter()
    ingester.start()
    with ThreadPoolExecutor(args.clients) as pool:
        list(pool.map(client, range(args.clients)))
    clients_end = time.perf_counter()
    ingester.join(timeout=max(0.0, deadline - time.monotonic()))
    wall = clients_end - t0
    ingest_secs = spans.get("ingest_end", clients_end) - spans.get("ingest_start", t0)
    overlap = min(clients_end, spans.get("ingest_end", clients_end)) - spans.get("ingest_start",
                                                                                 t0)
    # An answer must be the single-client answer from before or after the ingest (the new
    # documents may legitimately shift a ranking), never a mix or something else.
    after = {q: comparable(backend.ask(q)) for q in dict.fromkeys(qs)}
    baseline = baseline or after
    changed = [q for q in baseline if after[q] != baseline[q]]
    mismatches = [q for q, got in answers if got not in (baseline[q], after[q])]

    if "error" in ingest_result:
        errors.append(f"ingest: {ingest_result['error']}")
    ms = sorted(x * 1000 for x in latencies)
    p95 = ms[min(len(ms) - 1, int(0.95 * len(ms)))] if ms else float("nan")
    print(f"{len(latencies)}/{total} answered in {wall:.1f} s by {args.clients} clients; "
          f"p50 {statistics.median(ms) if ms else float('nan'):.0f} ms, p95 {p95:.0f} ms")
    print(f"ingest during the run: {ingest_result.get('ok', 'did not finish')}"
          f"{f' ({ingest_secs:.1f} s)' if ingest_secs else ''}")
    print(f"the uploads overlapped the questions for {max(overlap, 0.0):.1f} s")
    print(f"questions whose single-client answer changed with the uploads: {len(changed)}")
    print(f"errors: {len(errors)}; answers differing from the single-client answer: "
          f"{len(mismatches)}")
    for line in (errors + [f"differs: {q}" for q in mismatches])[:20]:
        print("  " + line)
    return 1 if errors or mismatches or "ok" not in ingest_result else 0


if __name__ == "__main__":
    sys.exit(main())
