"""Side by side with an older revision: install size, ingest, cold start, search at scale.

    .venv/bin/python bench/lean.py --baseline 5d1ea07            # ~30 min on 2 shared cores
    .venv/bin/python bench/lean.py --baseline 5d1ea07 --quick    # small sizes, no installs

The baseline is exported with ``git archive`` to a temporary folder and run with this venv
(its tasks import its own ``bot``/``retrieval``), so both sides share the Python packages and
the machine's load. Each measurement alternates new and baseline in the same run. Results go
to bench/results/lean-<date>.json and .md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.report import unused_stem  # noqa: E402
from bench.run import ENV, machine  # noqa: E402

SEED = 7


def run_task(root: Path, name: str, **args: Any) -> dict[str, Any]:
    """A task of ``root``'s checkout (this file's ``tasks.py`` copied in), in a fresh process."""
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, str(root / "bench" / "tasks_lean.py"), name,
                           json.dumps(args)], env={**ENV, "PYTHONPATH": str(root)},
                          capture_output=True, text=True, check=False, cwd=root)
    if proc.returncode != 0:
        tail = proc.stderr.strip().splitlines()[-5:]
        print(f"  {root.name} {name} failed: {' | '.join(tail)}", file=sys.stderr, flush=True)
        return {"error": "\n".join(tail)}
    out = dict(json.loads(proc.stdout.strip().splitlines()[-1]))
    print(f"  {root.name} {name} ({time.perf_counter() - t:.0f} s): {json.dumps(out)[:400]}",
          flush=True)
    return out


def cold_ask(root: Path, store: Path, runs: int) -> dict[str, Any]:
    """Wall time of ``python -m bot ask`` in a new process on a seeded store."""
    cmd = [sys.executable, "-m", "bot", "ask", "Was this a negotiation?", "--store", str(store)]
    env = {**ENV, "PYTHONPATH": str(root)}
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(root / "bot"),
                    str(root / "retrieval")], env=env, capture_output=True, check=False)
    subprocess.run(cmd, env=env, capture_output=True, check=True, cwd=root)  # seeds the store
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        subprocess.run(cmd, env=env, capture_output=True, check=True, cwd=root)
        walls.append(time.perf_counter() - t)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    code = ("import sys, runpy; sys.argv = " + repr(["bot", *cmd[3:]]) + "\n"
            "try:\n    runpy.run_module('bot', run_name='__main__')\nexcept SystemExit:\n"
            "    pass\nprint(sorted(m for m in ('torch', 'transformers', 'sentence_transformers')"
            " if sys.modules.get(m) is not None))")
    heavy = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                           text=True, check=False, cwd=root).stdout.strip().splitlines()
    walls.sort()
    cpus.sort()
    return {"runs": runs, "wall_s": [round(w, 3) for w in walls],
            "median_s": round(walls[len(walls) // 2], 3),
            "median_cpu_s": round(cpus[len(cpus) // 2], 3),
            "heavy_imported": heavy[-1] if heavy else "?"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", required=True, help="git revision to compare with")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--chunks", type=int, default=100_000, help="store size for search")
    parser.add_argument("--ingest-chunks", type=int, default=1000)
    parser.add_argument("--cold-runs", type=int, default=3, help="cold asks per side")
    parser.add_argument("--rounds", type=int, default=2, help="rounds of questions at scale")
    parser.add_argument("--skip", action="append", default=[],
                        help="venv, ingest, cold, recall, scale")
    parser.add_argument("--venv-results", nargs=2, type=Path, metavar=("NEW", "BASELINE"),
                        help="venv_size.py outputs measured earlier, instead of installing")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="crosscheck-lean-"))
    old = work / "baseline"
    old.mkdir()
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.baseline],
                             capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(old)], input=archive, check=True)
    new = work / "new"
    shutil.copytree(ROOT, new, ignore=shutil.ignore_patterns(
        ".venv", ".git", "*.egg-info", "__pycache__", ".crosscheck", "results"))
    for root in (new, old):
        shutil.copyfile(ROOT / "bench" / "tasks.py", root / "bench" / "tasks_lean.py")
    sides = {"new": new, "baseline": old}
    results: dict[str, Any] = {
        "date": dt.datetime.now().isoformat(timespec="seconds"), "machine": machine(),
        "baseline": args.baseline, "head": subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
            text=True, check=False).stdout.strip(), "quick": args.quick}
    started = time.perf_counter()
    try:
        if args.venv_results:
            results["venv"] = {side: json.loads(path.read_text().strip().splitlines()[-1])
                               for side, path in zip(sides, args.venv_results, strict=True)}
        elif "venv" not in args.skip and not args.quick:
            print("runtime install size (fresh venv + pip install .)", flush=True)
            results["venv"] = {}
            for side, root in sides.items():
                first = [] if side == "new" else ["--first", "torch==2.13.0"]
                proc = subprocess.run([sys.executable, str(ROOT / "bench" / "venv_size.py"),
                                       str(root), *first], capture_output=True, text=True,
                                      check=False, env=ENV)
                lines = proc.stdout.strip().splitlines()
                results["venv"][side] = (json.loads(lines[-1]) if proc.returncode == 0
                                         else {"error": proc.stderr[-500:]})
                print(f"  {side}: {json.dumps(results['venv'][side])[:300]}", flush=True)

        if "ingest" not in args.skip:
            print("ingest vs raw embedding of the same chunks", flush=True)
            n = 60 if args.quick else args.ingest_chunks
            results["ingest"] = {side: run_task(root, "ingest", work=str(work / f"ingest-{side}"),
                                                chunks=n, seed=SEED)
                                 for side, root in sides.items()}

        if "cold" not in args.skip:
            print("cold `crosscheck ask`", flush=True)
            runs = 2 if args.quick else args.cold_runs
            results["cold_ask"] = {side: cold_ask(root, work / f"seeded-{side}", runs)
                                   for side, root in sides.items()}
            print(f"  {json.dumps(results['cold_ask'])}", flush=True)

        if "recall" not in args.skip:
            print("hybrid search recall@8 on the project's questions (FTS5 vs in-memory BM25)",
                  flush=True)
            results["recall"] = run_task(new, "recall", k=8)

        if "scale" not in args.skip:
            n = 300 if args.quick else args.chunks
            print(f"search at {n:,} chunks: one store, served by each side", flush=True)
            pool = work / "pool.npy"
            run_task(new, "embed", embedder="minilm", chunks=200 if args.quick else 1000,
                     seed=SEED, save=str(pool))
            store = work / "scale"
            results["scale"] = {"chunks": n, "build": run_task(
                new, "build", store=str(store), chunks=n, seed=SEED, pool=str(pool))}
            rounds = 1 if args.quick else args.rounds
            extra = 4 if args.quick else 28
            for side, root in sides.items():
                results["scale"][side] = {
                    "serve": run_task(root, "serve", store=str(store), seed=SEED, rounds=rounds,
                                      extra_questions=extra),
                    "fresh": run_task(root, "fresh", store=str(store), rounds=3),
                }
    finally:
        shutil.rmtree(work, ignore_errors=True)
    results["bench_seconds"] = round(time.perf_counter() - started, 1)
    args.out.mkdir(parents=True, exist_ok=True)
    stem = unused_stem(args.out, f"lean-{results['date'][:10]}" + ("-quick" if args.quick else ""),
                       (".json", ".md"))
    (args.out / f"{stem}.json").write_text(json.dumps(results, indent=2) + "\n")
    (args.out / f"{stem}.md").write_text(report(results))
    print(f"done in {results['bench_seconds']:.0f} s: {args.out / stem}.md", flush=True)
    return 0


def _get(d: dict[str, Any], *path: str) -> Any:
    for key in path:
        if not isinstance(d, dict) or key not in d:
            return "–"
        d = d[key]
    return d


def report(r: dict[str, Any]) -> str:
    m = r["machine"]
    lines = [f"# Lean install and scaling search — {r['date']}", "",
             f"{r['head']} against baseline {r['baseline']}, same venv and machine: "
             f"{m['cpus']} CPUs, load average at start {m['load_avg_at_start']:.1f} "
             "(the machine is shared; compare within a row).", "",
             "| measure | target | new | baseline |", "|---|---|---|---|"]

    def row(name: str, target: str, *path: str) -> None:
        lines.append(f"| {name} | {target} | {_get(r, path[0], 'new', *path[1:])} | "
                     f"{_get(r, path[0], 'baseline', *path[1:])} |")

    row("runtime venv (MB)", "≤ 800, no torch", "venv", "venv_mb")
    row("torch installed", "no", "venv", "heavy_installed", "torch")
    row("ingest (chunks/s)", "≥ 120", "ingest", "ingest_chunks_per_s")
    row("raw embedding (chunks/s)", "", "ingest", "raw_embed_chunks_per_s")
    row("ingest / raw embedding", "≥ 0.9", "ingest", "ratio")
    row("raw embedding (chunks per CPU-second)", "", "ingest", "raw_embed_chunks_per_cpu_s")
    row("ingest (chunks per CPU-second)", "", "ingest", "ingest_chunks_per_cpu_s")
    row("ingest / raw embedding, CPU", "", "ingest", "cpu_ratio")
    row("cold `crosscheck ask`, median (s)", "≤ 1.5", "cold_ask", "median_s")
    row("cold `crosscheck ask`, median CPU (s)", "", "cold_ask", "median_cpu_s")
    row("cold ask imports torch/transformers", "none", "cold_ask", "heavy_imported")
    if "scale" in r:
        n = r["scale"]["chunks"]
        for label, path in [
            (f"retrieval p50 (ms), {n:,} chunks", ("serve", "retrieval", "p50_ms")),
            (f"retrieval p95 (ms), {n:,} chunks", ("serve", "retrieval", "p95_ms")),
            (f"end-to-end p95 (ms), {n:,} chunks", ("serve", "end_to_end", "p95_ms")),
            (f"first search of a process (s), {n:,} chunks", ("fresh", "first_search_s")),
            (f"first search after a write, p50 (ms), {n:,}",
             ("fresh", "search_after_write", "p50_ms")),
            (f"first search after a removal, p50 (ms), {n:,}",
             ("fresh", "search_after_remove", "p50_ms")),
            (f"serving RSS / peak (MB), {n:,} chunks", ("serve", "rss_mb")),
        ]:
            new = _get(r["scale"], "new", *path)
            old = _get(r["scale"], "baseline", *path)
            if path[-1] == "rss_mb":
                new = f"{new} / {_get(r['scale'], 'new', 'serve', 'peak_rss_mb')}"
                old = f"{old} / {_get(r['scale'], 'baseline', 'serve', 'peak_rss_mb')}"
            lines.append(f"| {label} | | {new} | {old} |")
    if "recall" in r:
        rec = r["recall"]
        lines += ["", f"Hybrid search recall@8 on {rec.get('cases')} of the project's questions "
                  "(data/eval + seed questions with spans to cite):", "",
                  "| corpus | FTS5 BM25 | in-memory BM25 | same top-8 lists |", "|---|---|---|---|"]
        for scope in ("per_case_documents", "all_documents"):
            s = rec.get(scope, {})
            lines.append(f"| {scope.replace('_', ' ')} | {s.get('recall@8_fts5')} | "
                         f"{s.get('recall@8_in_memory_bm25')} | {s.get('same_top_k_lists')} |")
    lines += ["", "Raw results: the JSON file next to this one.", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    sys.exit(main())
