"""Search at scale on a Chroma server: retrieval p95, first search after a write, memory.

    nice -n 10 .venv/bin/python bench/server_scale.py --chunks 100000     # ~20 min on 2 cores

Starts ``chroma run`` on a temporary folder, writes N generated chunks through the app's
store (vectors: real embeddings of the first chunks, reused with small random variations past
them; the texts are all distinct), then runs the ``serve`` and ``fresh`` tasks of
``bench/tasks.py`` as app replicas against it. The app's lexical index lives in the replica's
cache folder: the first replica builds it, a restarted one reuses it. Prints one JSON object
and writes it to bench/results/server-scale-<chunks>-<date>.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.report import save_json  # noqa: E402
from bench.run import ENV, chroma_server, free_port, machine, task  # noqa: E402

SEED = 7


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def disk_mb(path: Path) -> float:
    return round(sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 2**20, 1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chunks", type=int, default=100_000)
    parser.add_argument("--pool", type=int, default=1000, help="chunks with real vectors")
    parser.add_argument("--rounds", type=int, default=2, help="rounds of questions")
    parser.add_argument("--extra-questions", type=int, default=28)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="crosscheck-server-scale-"))
    # Each replica's lexical index goes under its cache folder (XDG_CACHE_HOME).
    os.environ["XDG_CACHE_HOME"] = str(work / "replica-cache")
    ENV["XDG_CACHE_HOME"] = os.environ["XDG_CACHE_HOME"]
    out: dict[str, Any] = {"date": dt.datetime.now().isoformat(timespec="seconds"),
                           "machine": machine(), "chunks": args.chunks,
                           "vectors": f"real for the first {args.pool} chunks, then those "
                                      "vectors with small random variations"}
    started = time.perf_counter()
    server_path = work / "server"
    port = free_port()
    server = chroma_server(server_path, port)
    url = f"http://127.0.0.1:{port}"
    try:
        pool = work / "pool.npy"
        task("embed", embedder="minilm", chunks=args.pool, seed=SEED, save=str(pool))
        out["build"] = task("build", url=url, chunks=args.chunks, seed=SEED, pool=str(pool))
        out["server_after_build"] = {"rss_mb": rss_mb(server.pid), "disk_mb": disk_mb(server_path)}
        # The first replica builds its lexical index; the second is a restart that reuses it.
        out["serve"] = task("serve", url=url, seed=SEED, rounds=args.rounds,
                            extra_questions=args.extra_questions)
        out["fresh"] = task("fresh", url=url, rounds=3)
        out["server_after_serve"] = {"rss_mb": rss_mb(server.pid), "disk_mb": disk_mb(server_path)}
    finally:
        server.terminate()
        server.wait(timeout=60)
        shutil.rmtree(work, ignore_errors=True)
    out["bench_seconds"] = round(time.perf_counter() - started, 1)
    save_json(out, args.out, f"server-scale-{args.chunks}-{out['date'][:10]}.json")
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
