"""Concurrent clients on one in-process verifier: p50/p95 and answers/s, by parser pool size.

    nice -n 10 .venv/bin/python bench/concurrency.py                   # 20 clients x 10 questions
    nice -n 10 .venv/bin/python bench/concurrency.py --pipelines 1 2   # 1 = the old single lock
    nice -n 10 .venv/bin/python bench/concurrency.py --cold            # questions not seen yet

For each pool size: a fresh ``Services`` on the seed corpus, every question answered once by
one client (warm-up, and the reference answers), then all clients ask at once. Any answer
that differs from the single-client one is counted. Prints one JSON object per pool size and
writes them to bench/results/concurrency-<date>.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.report import save_json  # noqa: E402
from bench.run import machine  # noqa: E402
from bench.tasks import percentiles, seed_questions, settings  # noqa: E402


def comparable(answer: Any) -> str:
    out = answer.to_json()
    out.pop("timings", None)
    return json.dumps(out, sort_keys=True)


def run(pipelines: int, clients: int, per_client: int, store: Path,
        cold: bool) -> dict[str, Any]:
    from bot.engine.nlp import Parser
    from bot.pipeline import Verifier
    from bot.services import Services

    def fresh() -> Verifier:
        return Verifier(Services(settings(str(store), auto_seed=True),
                                 parser=Parser(pipelines=pipelines)))

    verifier = fresh()
    qs = seed_questions()
    if cold:  # references from another process-like instance; this one has seen no question
        reference = fresh()
        alone = {q: comparable(reference.verify(q)) for q in qs}
        verifier.verify("Did the harbour reopen in May?")  # models loaded, caches empty
    else:  # warm: models loaded, every question answered once (caches)
        alone = {q: comparable(verifier.verify(q)) for q in qs}
    services = verifier.services
    for _ in range(pipelines - 1):  # every pipeline loaded before timing
        with services.parser._checkout(), services.parser._checkout():
            pass
    latencies: list[float] = []
    differing: list[str] = []

    def client(c: int) -> None:
        for i in range(per_client):
            q = qs[(c + i) % len(qs)]  # clients start at different questions
            t = time.perf_counter()
            got = comparable(verifier.verify(q))
            latencies.append(time.perf_counter() - t)
            if got != alone[q]:
                differing.append(q)

    t = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(client, range(clients)))
    wall = time.perf_counter() - t
    return {"pipelines": pipelines, "caches": "cold" if cold else "warm", "clients": clients,
            "questions_per_client": per_client,
            "latency": percentiles(latencies), "answers_per_s": round(len(latencies) / wall, 2),
            "wall_s": round(wall, 1), "differing_from_single_client": len(differing)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--questions", type=int, default=10, help="per client")
    parser.add_argument("--pipelines", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--cold", action="store_true",
                        help="the clients' questions are new to the verifier (models loaded, "
                        "caches empty): the first round computes, later rounds reuse")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    args = parser.parse_args(argv)
    out: dict[str, Any] = {"date": dt.datetime.now().isoformat(timespec="seconds"),
                           "machine": machine(), "runs": []}
    with tempfile.TemporaryDirectory(prefix="crosscheck-concurrency-") as work:
        for n in args.pipelines:
            result = run(n, args.clients, args.questions, Path(work) / "store", args.cold)
            print(json.dumps(result), flush=True)
            out["runs"].append(result)
    mode = "cold" if args.cold else "warm"
    save_json(out, args.out, f"concurrency-{mode}-{out['date'][:10]}.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
