"""Ingest and cold start side by side with another revision, with the machine's load recorded.

    nice -n 10 .venv/bin/python bench/perf.py --baseline main    # ~15 min on 2 loaded cores
    .venv/bin/python bench/perf.py --skip ingest --skip no-byte-code    # cold ask only, ~4 min

The baseline is exported with ``git archive`` and run with this venv, alternating with this
checkout in one run (see ``bench/lean.py``). Ingest: raw embedding, then ingest and raw
again (four times by default) of the same 1,000 chunks in one process per side: best ingest
over best raw, and the median of each ingest over the raw runs beside it (wall and CPU
time). Cold ``crosscheck ask``: fresh processes on a seeded store, sides alternating, in two
settings: without byte code for the installed packages (what a venv installed with
``--no-compile`` and run with PYTHONDONTWRITEBYTECODE set does on every start), and with it
(any later start, or after ``make install``), through a byte-code folder of the run's own
(PYTHONPYCACHEPREFIX).
Both sides' answers are compared. Then the cold ask step by step (imports, store open, parser
loaded, models loaded, answer), to show where its time goes. The load average is sampled
every 10 s throughout.
Results go to bench/results/perf-<date>.json and .md.
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
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.lean import SEED, run_task  # noqa: E402
from bench.report import unused_stem  # noqa: E402
from bench.run import ENV, machine  # noqa: E402

QUESTION = "Was this a negotiation?"


class LoadLog:
    """The 1-minute load average every ``every`` seconds, on a thread of its own."""

    def __init__(self, every: float = 10.0) -> None:
        self.samples: list[tuple[float, float]] = []
        self._stop = threading.Event()
        self._every = every
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._started = time.perf_counter()
        self._thread.start()

    def _run(self) -> None:
        while True:
            self.samples.append((round(time.perf_counter() - self._started, 1),
                                 os.getloadavg()[0]))
            if self._stop.wait(self._every):
                return

    def since(self, start: float) -> dict[str, float]:
        values = [v for t, v in self.samples if t >= start - self._every] or [os.getloadavg()[0]]
        return {"min": round(min(values), 2), "max": round(max(values), 2),
                "mean": round(sum(values) / len(values), 2)}

    def now(self) -> float:
        return time.perf_counter() - self._started

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def _ask_env(root: Path, pycache: Path | None) -> dict[str, str]:
    env = {**ENV, "PYTHONPATH": str(root)}
    if pycache is None:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    else:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(pycache)
    return env


def cold_asks(sides: dict[str, Path], work: Path, runs: int,
              byte_code: bool) -> dict[str, Any]:
    """``python -m bot ask`` in new processes, sides alternating; wall and CPU per run."""
    out: dict[str, Any] = {}
    cmds, envs = {}, {}
    for side, root in sides.items():
        pycache = work / f"pycache-{side}" if byte_code else None
        cmds[side] = [sys.executable, "-m", "bot", "ask", QUESTION, "--store",
                      str(work / f"seeded-{side}")]
        envs[side] = _ask_env(root, pycache)
        # The project's own byte code, as after any earlier run; the first ask seeds the store
        # (and, with ``byte_code``, writes the byte code of everything it imports).
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(root / "bot"),
                        str(root / "retrieval")], env=envs[side], capture_output=True,
                       check=False)
        first = subprocess.run(cmds[side], env=envs[side], capture_output=True, text=True,
                               check=True, cwd=root)
        out[side] = {"walls": [], "cpus": [], "answer": first.stdout}
    for _ in range(runs):
        for side, root in sides.items():
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t = time.perf_counter()
            proc = subprocess.run(cmds[side], env=envs[side], capture_output=True, text=True,
                                  check=True, cwd=root)
            out[side]["walls"].append(time.perf_counter() - t)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            out[side]["cpus"].append(after.ru_utime + after.ru_stime - before.ru_utime
                                     - before.ru_stime)
            if proc.stdout != out[side]["answer"]:
                out[side]["differs"] = True
    answers = {side: r.pop("answer") for side, r in out.items()}
    result: dict[str, Any] = {"runs": runs,
                              "same_answer_both_sides": len(set(answers.values())) == 1}
    for side, r in out.items():
        walls, cpus = sorted(r["walls"]), sorted(r["cpus"])
        result[side] = {"wall_s": [round(w, 3) for w in r["walls"]],
                        "median_s": round(walls[len(walls) // 2], 3),
                        "min_s": round(walls[0], 3),
                        "median_cpu_s": round(cpus[len(cpus) // 2], 3),
                        "answer_changed_between_runs": r.get("differs", False)}
    return result


# Where a cold ask's time goes, step by step in one process (the ask itself overlaps the
# model loads with the rest; here each step waits for the one before).
PHASES = """
import json, sys, time
from pathlib import Path
t0 = time.perf_counter(); marks = {}
def mark(name): marks[name] = round(time.perf_counter() - t0, 3)
import bot.cli, bot.pipeline; mark("imports")
from bot.services import Services
from bot.settings import load_settings
services = Services(load_settings(store=Path(sys.argv[1]))); services.store; mark("store open")
services.parser.pipeline(); mark("parser loaded")
services.load_models_in_background().join(); mark("models loaded")
bot.pipeline.Verifier(services).verify(sys.argv[2]); mark("answer")
print(json.dumps(marks))
"""


def cold_phases(sides: dict[str, Path], work: Path, runs: int) -> dict[str, Any]:
    """Median seconds from start to the end of each step, per side (byte code written)."""
    out: dict[str, Any] = {}
    for _ in range(runs):
        for side, root in sides.items():
            env = _ask_env(root, work / f"pycache-{side}")
            proc = subprocess.run([sys.executable, "-c", PHASES, str(work / f"seeded-{side}"),
                                   QUESTION], env=env, capture_output=True, text=True,
                                  check=True, cwd=root)
            for phase, t in json.loads(proc.stdout.strip().splitlines()[-1]).items():
                out.setdefault(side, {}).setdefault(phase, []).append(t)
    return {side: {phase: sorted(ts)[len(ts) // 2] for phase, ts in phases.items()}
            for side, phases in out.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default="main", help="git revision to compare with")
    parser.add_argument("--ingest-chunks", type=int, default=1000)
    parser.add_argument("--ingest-rounds", type=int, default=4,
                        help="ingests per side, each between two raw embeddings")
    parser.add_argument("--cold-runs", type=int, default=5, help="cold asks per side and setting")
    parser.add_argument("--skip", action="append", default=[],
                        help="ingest, cold, no-byte-code, phases")
    parser.add_argument("--first", choices=["new", "baseline"], default="new",
                        help="the side measured first in each pair (the load drifts)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="crosscheck-perf-"))
    old, new = work / "baseline", work / "new"
    old.mkdir()
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.baseline],
                             capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(old)], input=archive, check=True)
    shutil.copytree(ROOT, new, ignore=shutil.ignore_patterns(
        ".venv", ".git", "*.egg-info", "__pycache__", ".crosscheck", "results"))
    for root in (new, old):
        shutil.copyfile(ROOT / "bench" / "tasks.py", root / "bench" / "tasks_lean.py")
    sides = {"new": new, "baseline": old}
    if args.first == "baseline":
        sides = {"baseline": old, "new": new}
    rev = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                         capture_output=True, text=True, check=False).stdout.strip()
    base = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", args.baseline],
                          capture_output=True, text=True, check=False).stdout.strip()
    results: dict[str, Any] = {
        "date": dt.datetime.now().isoformat(timespec="seconds"), "machine": machine(),
        "head": rev, "baseline": f"{args.baseline} ({base})", "nice": os.nice(0),
        "first": args.first}
    load = LoadLog()
    started = time.perf_counter()
    try:
        if "ingest" not in args.skip:
            print("ingest vs raw embedding of the same chunks", flush=True)
            t = load.now()
            results["ingest"] = {side: run_task(root, "ingest", work=str(work / f"ingest-{side}"),
                                                chunks=args.ingest_chunks, seed=SEED,
                                                rounds=args.ingest_rounds)
                                 for side, root in sides.items()}
            results["ingest"]["load"] = load.since(t)
        if "cold" not in args.skip:
            for byte_code in (True, False)[: 1 if "no-byte-code" in args.skip else 2]:
                key = "cold_ask_byte_code" if byte_code else "cold_ask_no_byte_code"
                print(f"cold `crosscheck ask` ({key})", flush=True)
                t = load.now()
                results[key] = cold_asks(sides, work, args.cold_runs, byte_code)
                results[key]["load"] = load.since(t)
                print(f"  {json.dumps(results[key])}", flush=True)
            if "phases" not in args.skip:  # after the cold asks: their stores are seeded
                print("cold ask, step by step", flush=True)
                results["cold_ask_phases"] = cold_phases(sides, work, args.cold_runs)
                print(f"  {json.dumps(results['cold_ask_phases'])}", flush=True)
    finally:
        load.stop()
        shutil.rmtree(work, ignore_errors=True)
    results["load_samples"] = load.samples
    results["bench_seconds"] = round(time.perf_counter() - started, 1)
    args.out.mkdir(parents=True, exist_ok=True)
    stem = unused_stem(args.out, f"perf-{results['date'][:10]}", (".json", "-table.md"))
    (args.out / f"{stem}.json").write_text(json.dumps(results, indent=2) + "\n")
    (args.out / f"{stem}-table.md").write_text(report(results))
    print(f"done in {results['bench_seconds']:.0f} s: {args.out / stem}.json", flush=True)
    return 0


def report(r: dict[str, Any]) -> str:
    """A table of the run, for the hand-written results file to quote."""
    lines = [f"{r['head']} against {r['baseline']}, same venv and machine "
             f"({r['machine']['cpus']} CPUs, nice {r['nice']}).", "",
             "| measure | target | new | baseline | load (min–max) |", "|---|---|---|---|---|"]
    ing = r.get("ingest")
    if ing:
        span = f"{ing['load']['min']}–{ing['load']['max']}"
        for label, key, target in [
                ("ingest, chunks/s", "ingest_chunks_per_s", "≥ 120"),
                ("raw embedding, chunks/s", "raw_embed_chunks_per_s", ""),
                ("ingest / raw embedding", "ratio", "≥ 0.9"),
                ("ingest / raw embedding, median beside", "ratio_median_beside", ""),
                ("ingest, chunks per CPU-second", "ingest_chunks_per_cpu_s", ""),
                ("raw embedding, chunks per CPU-second", "raw_embed_chunks_per_cpu_s", ""),
                ("ingest / raw embedding, CPU", "cpu_ratio", "")]:
            lines.append(f"| {label} | {target} | {ing['new'].get(key)} | "
                         f"{ing['baseline'].get(key)} | {span} |")
    for key, label in [("cold_ask_byte_code", "with byte code"),
                       ("cold_ask_no_byte_code", "no byte code for the packages")]:
        c = r.get(key)
        if c:
            span = f"{c['load']['min']}–{c['load']['max']}"
            lines.append(f"| cold ask median s, {label} | ≤ 1.5 | {c['new']['median_s']} | "
                         f"{c['baseline']['median_s']} | {span} |")
            lines.append(f"| cold ask median CPU s, {label} | | {c['new']['median_cpu_s']} | "
                         f"{c['baseline']['median_cpu_s']} | |")
            lines.append(f"| same answer both sides, {label} | yes | "
                         f"{c['same_answer_both_sides']} | | |")
    phases = r.get("cold_ask_phases")
    if phases:
        lines += ["", "Cold ask step by step (median s from start to the end of each step):", "",
                  "| step | new | baseline |", "|---|---|---|"]
        lines += [f"| {step} | {t} | {phases['baseline'].get(step)} |"
                  for step, t in phases["new"].items()]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
