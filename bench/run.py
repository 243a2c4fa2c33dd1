"""Crosscheck benchmarks: embedding, ingest, answers, scale, cold start, Chroma server.

    .venv/bin/python bench/run.py            # full run (~20-30 min on 2 cores)
    .venv/bin/python bench/run.py --quick    # smoke run, under 2 minutes

Prints numbers; never fails on timing. Results go to bench/results/ as JSON, Markdown
and a PNG plot named by date and machine (a full run also updates latest.*).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.report import write_results  # noqa: E402

TASKS = Path(__file__).with_name("tasks.py")
BIN = Path(sys.executable).parent
ENV = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1",
       "GRADIO_ANALYTICS_ENABLED": "False", "HF_HUB_DISABLE_TELEMETRY": "1",
       "TOKENIZERS_PARALLELISM": "false"}
ENV = {k: v for k, v in ENV.items() if not k.startswith("CROSSCHECK_")}

FULL = {"ingest_chunks": 1000, "agree_chunks": 60, "torch_chunks": 300, "scales": [1000, 10_000,
        100_000], "server_chunks": 10_000, "answer_rounds": 5, "serve_rounds": 2,
        "extra_questions": 28, "cold_runs": 3}
# Quick: the same code paths at small sizes, without the torch comparison (its load alone
# takes 5-15 s).
QUICK = {"ingest_chunks": 60, "agree_chunks": 0, "torch_chunks": 40, "scales": [300],
         "server_chunks": 300, "answer_rounds": 1, "serve_rounds": 1, "extra_questions": 2,
         "cold_runs": 1}
SEED = 7


def task(name: str, **args: Any) -> dict[str, Any]:
    """Run one task in a fresh process; its last stdout line is its JSON result."""
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, str(TASKS), name, json.dumps(args)], env=ENV,
                          capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        tail = proc.stderr.strip().splitlines()[-5:]
        print(f"  {name} failed: {' | '.join(tail)}", file=sys.stderr)
        return {"error": "\n".join(tail)}
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    print(f"  {name} ({time.perf_counter() - t:.0f} s): {json.dumps(result)[:300]}", flush=True)
    return dict(result)


def machine() -> dict[str, Any]:
    cpu = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        cpu = next((line.split(":", 1)[1].strip() for line in cpuinfo.read_text().splitlines()
                    if line.startswith("model name")), "")
    mem = 0
    if Path("/proc/meminfo").exists():
        mem = int(Path("/proc/meminfo").read_text().split()[1]) // 2**20
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    return {"cpus": os.cpu_count(), "cpu": cpu, "memory_gb": mem,
            "python": platform.python_version(),
            "system": f"{platform.system()} {platform.machine()}", "load_avg_at_start": load}


def cold_start(store: Path, runs: int) -> dict[str, Any]:
    """Wall time of a new ``crosscheck ask`` process on a seeded store, and its imports."""
    cmd = [str(BIN / "crosscheck"), "ask", "Was this a negotiation?", "--store", str(store)]
    # The project's own bytecode, as after any earlier run: with PYTHONDONTWRITEBYTECODE set
    # (as on some CI machines) every run would otherwise compile bot/ and retrieval/ again.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "bot"),
                    str(ROOT / "retrieval")], env=ENV, capture_output=True, check=False)
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        subprocess.run(cmd, env=ENV, capture_output=True, check=True)
        walls.append(time.perf_counter() - t)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        # CPU time too: on a shared machine the wall time also counts waiting for a core.
        cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "bot", *cmd[1:]], env=ENV,
                          capture_output=True, text=True, check=True)
    wall_importtime = time.perf_counter() - t
    by_package: dict[str, float] = {}
    for line in proc.stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        self_us, _, name = (part.strip() for part in line[len("import time:"):].split("|"))
        if not self_us.isdigit():
            continue
        top = name.strip().split(".")[0]
        by_package[top] = by_package.get(top, 0.0) + int(self_us) / 1e6
    total = sum(by_package.values())
    top = dict(sorted(by_package.items(), key=lambda kv: -kv[1])[:12])
    heavy = ["torch", "sentence_transformers", "transformers", "spacy", "gradio", "langchain",
             "langchain_core", "chromadb", "onnxruntime"]
    walls.sort()
    return {"runs": runs, "wall_s": [round(w, 3) for w in walls],
            "median_s": round(walls[len(walls) // 2], 3),
            "cpu_s": round(sorted(cpus)[len(cpus) // 2], 3),
            "imports_s": round(total, 3), "wall_with_importtime_s": round(wall_importtime, 3),
            "imports_by_package_s": {k: round(v, 3) for k, v in top.items()},
            # A blocked import attempt (spaCy hides torch from thinc) shows as a few µs entry.
            "heavy_imported": {h: by_package.get(h, 0.0) > 0.001 for h in heavy}}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def chroma_server(path: Path, port: int) -> subprocess.Popen[bytes]:
    """A local Chroma server; waits until it answers its heartbeat."""
    import urllib.request

    proc = subprocess.Popen([str(BIN / "chroma"), "run", "--path", str(path), "--host",
                             "127.0.0.1", "--port", str(port)], env=ENV,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1)
            return proc
        except OSError:
            time.sleep(0.3)
    proc.terminate()
    raise RuntimeError("the Chroma server did not start within 60 s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Crosscheck benchmarks (numbers, not a gate).")
    parser.add_argument("--quick", action="store_true", help="small sizes; under 2 minutes")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    parser.add_argument("--keep", action="store_true", help="keep the temporary stores")
    args = parser.parse_args(argv)
    cfg = QUICK if args.quick else FULL
    work = Path(tempfile.mkdtemp(prefix="crosscheck-bench-"))
    started = time.perf_counter()
    results: dict[str, Any] = {"mode": "quick" if args.quick else "full",
                               "date": dt.datetime.now().isoformat(timespec="seconds"),
                               "machine": machine(), "config": cfg, "seed": SEED}
    print(f"bench ({results['mode']}) in {work}", flush=True)
    try:
        print("embedding: torch-free vs sentence-transformers, same texts", flush=True)
        if cfg["agree_chunks"]:
            results["agreement"] = task("agree", chunks=cfg["agree_chunks"], seed=SEED)
        names = ("minilm", "minilm-torch") if cfg["agree_chunks"] else ("minilm",)
        results["embed"] = {
            name: task("embed", embedder=name, chunks=cfg["torch_chunks"], seed=SEED)
            for name in names
        }

        print("ingest: files -> store, next to raw embedding of the same chunks", flush=True)
        results["ingest"] = task("ingest", work=str(work / "ingest"),
                                 chunks=cfg["ingest_chunks"], seed=SEED)
        pool = work / "pool.npy"  # real vectors of the first chunks, reused at scale
        pool_size = cfg["ingest_chunks"]
        task("embed", embedder="minilm", chunks=pool_size, seed=SEED, save=str(pool))

        print("answers: warm latency over the seed questions", flush=True)
        seeded = work / "seeded"
        results["answers"] = task("answers", store=str(seeded), rounds=cfg["answer_rounds"])

        print("hostile HTML: pages built to slow the hidden-text check", flush=True)
        results["hostile_html"] = task("hostile_html")

        print("cold start: a new `crosscheck ask` process", flush=True)
        results["cold_start"] = cold_start(seeded, cfg["cold_runs"])
        print(f"  cold start: {json.dumps(results['cold_start'])[:300]}", flush=True)

        results["scale"] = []
        results["scale_vectors"] = (
            f"chunks past the first {pool_size} reuse those chunks' real vectors with small "
            "random variations (texts are all distinct); query vectors are real"
        )
        for n in cfg["scales"]:
            print(f"scale: {n:,} chunks (embedded Chroma)", flush=True)
            store = work / f"scale-{n}"
            built = task("build", store=str(store), chunks=n, seed=SEED, pool=str(pool))
            served = task("serve", store=str(store), seed=SEED, rounds=cfg["serve_rounds"],
                          extra_questions=cfg["extra_questions"])
            results["scale"].append({"chunks": n, "build": built, "serve": served})
            shutil.rmtree(store, ignore_errors=True)

        n = cfg["server_chunks"]
        print(f"Chroma server vs embedded at {n:,} chunks", flush=True)
        port = free_port()
        server = chroma_server(work / "server-store", port)
        try:
            url = f"http://127.0.0.1:{port}"
            built = task("build", url=url, chunks=n, seed=SEED, pool=str(pool))
            served = task("serve", url=url, seed=SEED, rounds=cfg["serve_rounds"],
                          extra_questions=cfg["extra_questions"])
        finally:
            server.terminate()
            server.wait(timeout=30)
        embedded = next((s for s in results["scale"] if s["chunks"] == n), None)
        results["server"] = {"chunks": n, "build": built, "serve": served,
                             "embedded": embedded["serve"] if embedded else None}
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    results["bench_seconds"] = round(time.perf_counter() - started, 1)
    paths = write_results(results, args.out, latest=not args.quick)
    print(f"done in {results['bench_seconds']:.0f} s: " + ", ".join(str(p) for p in paths))
    return 0


if __name__ == "__main__":
    sys.exit(main())
