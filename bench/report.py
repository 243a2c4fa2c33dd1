"""Benchmark results as JSON, a Markdown table with the targets, and a latency plot."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

# (what, target, how to read it from the results, lower is better)
TARGETS: list[tuple[str, float, str, bool]] = [
    ("ingest / raw embedding throughput", 0.8, "ingest.ratio", False),
    ("warm answer p50 (ms), seed corpus", 300, "answers.total.p50_ms", True),
    ("warm answer p95 (ms), seed corpus", 800, "answers.total.p95_ms", True),
    ("warm open-question p50 (ms), seed corpus", 300, "answers.open_total.p50_ms", True),
    ("end-to-end p95 (ms), largest corpus", 1000, "largest.serve.end_to_end.p95_ms", True),
    ("retrieval p95 (ms), largest corpus", 50, "largest.serve.retrieval.p95_ms", True),
    ("cold `crosscheck ask` (s)", 3.0, "cold_start.median_s", True),
    ("serving peak RSS (MB), largest corpus", 1536, "largest.serve.peak_rss_mb", True),
    ("costliest hostile HTML page read or refused (s)", 5.0, "hostile_html.slowest_s", True),
]


def _get(results: dict[str, Any], path: str) -> Any:
    node: Any = results
    for part in path.split("."):
        if part == "largest":
            node = max(node["scale"], key=lambda s: s["chunks"]) if node.get("scale") else None
        elif isinstance(node, dict):
            node = node.get(part)
        else:
            return None
        if node is None:
            return None
    return node


def _fmt(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:,.3f}" if abs(value) < 10 else f"{value:,.0f}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def _p50_p95(timing: dict) -> str:
    """'p50 / p95' of a latency summary."""
    return f"{_fmt(timing.get('p50_ms'))} / {_fmt(timing.get('p95_ms'))}"


def markdown(results: dict[str, Any]) -> str:
    m = results["machine"]
    lines = [
        f"# Crosscheck benchmarks — {results['date']} ({results['mode']})",
        "",
        f"Machine: {m['cpus']} CPUs ({m['cpu'] or 'unknown'}), {m['memory_gb']} GB, "
        f"Python {m['python']}, {m['system']}; load average at start {m['load_avg_at_start']}. "
        "Offline defaults (bundled MiniLM, model stance judge, template answers). Numbers from one "
        f"run ({results.get('bench_seconds', 0):.0f} s); the machine may be shared, so compare "
        "ratios within a run.",
        "",
        "## Targets",
        "",
        "| measure | target | measured | met |",
        "|---|---|---|---|",
    ]
    largest = max((s["chunks"] for s in results.get("scale", [])), default=0)
    for what, target, path, lower in TARGETS:
        value = _get(results, path)
        met = "—" if value is None else ("yes" if (value <= target if lower else value >= target)
                                         else "**no**")
        what = what.replace("largest corpus", f"{largest:,} chunks")
        lines.append(f"| {what} | {'≤' if lower else '≥'} {_fmt(target)} | {_fmt(value)} | {met} |")

    agree = results.get("agreement", {})
    lines += ["", "## Embedding: torch-free MiniLM vs sentence-transformers", "",
              f"Same texts, same run. Agreement on {agree.get('texts', '—')} texts (incl. empty "
              f"and > 256 tokens): min cosine {_fmt(agree.get('min_cosine'))}, max abs diff "
              f"{agree.get('max_abs_diff', '—')}.", "",
              "| embedder | load (s) | texts/s | torch imported | peak RSS (MB) |",
              "|---|---|---|---|---|"]
    for name, e in results.get("embed", {}).items():
        lines.append(f"| {name} | {_fmt(e.get('load_s'))} | {_fmt(e.get('texts_per_s'))} | "
                     f"{e.get('torch_imported')} | {_fmt(e.get('peak_rss_mb'))} |")

    ing = results.get("ingest", {})
    lines += ["", "## Ingest", "",
              f"{_fmt(ing.get('chunks'))} chunks in {_fmt(ing.get('documents'))} files: ingest "
              f"{_fmt(ing.get('ingest_chunks_per_s'))} chunks/s, raw embedding of the same chunk "
              f"texts {_fmt(ing.get('raw_embed_chunks_per_s'))} chunks/s, "
              f"ratio {_fmt(ing.get('ratio'))}."]
    if ing.get("ingest_runs"):
        lines += ["", f"Best of runs in one process, alternated: ingest "
                  f"{', '.join(_fmt(r) for r in ing['ingest_runs'])} chunks/s (each into a fresh "
                  f"store, store opened before timing); raw "
                  f"{', '.join(_fmt(r) for r in ing['raw_runs'])} chunks/s."]

    ans = results.get("answers", {})
    lines += ["", "## Warm answers (seed corpus, seed questions)", "",
              f"{ans.get('questions', '—')} questions × {ans.get('rounds', '—')} rounds; first "
              f"answer (loads models) {_fmt(ans.get('first_answer_s'))} s.", "",
              "| stage | p50 (ms) | p95 (ms) |", "|---|---|---|"]
    total = ans.get("total", {})
    lines.append(f"| **answer** | {_fmt(total.get('p50_ms'))} | {_fmt(total.get('p95_ms'))} |")
    if "open_total" in ans:
        o = ans["open_total"]
        lines.append(f"| **open question** ({ans.get('open_questions')}) | "
                     f"{_fmt(o.get('p50_ms'))} | {_fmt(o.get('p95_ms'))} |")
    for stage, p in ans.get("stages", {}).items():
        lines.append(f"| {stage} | {_fmt(p['p50_ms'])} | {_fmt(p['p95_ms'])} |")

    lines += ["", "## Scale (embedded Chroma)", "", results.get("scale_vectors", ""), "",
              "| chunks | retrieval p50 / p95 (ms) | end-to-end p50 / p95 (ms) | first search (s) "
              "| RSS / peak (MB) | disk (bytes/chunk) | write (chunks/s) |",
              "|---|---|---|---|---|---|---|"]
    for s in results.get("scale", []):
        sv, b = s["serve"], s["build"]
        r, e = sv.get("retrieval", {}), sv.get("end_to_end", {})
        lines.append(
            f"| {s['chunks']:,} | {_p50_p95(r)} | {_p50_p95(e)} | {_fmt(sv.get('first_search_s'))} "
            f"| {_fmt(sv.get('rss_mb'))} / {_fmt(sv.get('peak_rss_mb'))} | "
            f"{_fmt(b.get('disk_bytes_per_chunk'))} | {_fmt(b.get('write_chunks_per_s'))} |")

    srv = results.get("server", {})
    if srv:
        lines += ["", f"## Chroma server vs embedded ({srv['chunks']:,} chunks)", "",
                  "| store | retrieval p50 / p95 (ms) | end-to-end p50 / p95 (ms) | "
                  "write (chunks/s) |", "|---|---|---|---|"]
        emb = next((s for s in results.get("scale", []) if s["chunks"] == srv["chunks"]), None)
        for name, serve, build in (("embedded", srv.get("embedded"),
                                    emb["build"] if emb else {}),
                                   ("server (HTTP, loopback)", srv.get("serve"), srv.get("build"))):
            serve = serve or {}
            r, e = serve.get("retrieval", {}), serve.get("end_to_end", {})
            lines.append(f"| {name} | {_p50_p95(r)} | {_p50_p95(e)} | "
                         f"{_fmt((build or {}).get('write_chunks_per_s'))} |")

    cold = results.get("cold_start", {})
    lines += ["", "## Cold start", "",
              f"`crosscheck ask` in a new process on a seeded store: median "
              f"{_fmt(cold.get('median_s'))} s wall, {_fmt(cold.get('cpu_s'))} s CPU, over "
              f"{cold.get('runs', '—')} runs (wall of each: "
              f"{', '.join(_fmt(w) for w in cold.get('wall_s', []))} s); imports "
              f"{_fmt(cold.get('imports_s'))} s (from `python -X importtime`).", "",
              "| package | import (s) |", "|---|---|"]
    for pkg, seconds in cold.get("imports_by_package_s", {}).items():
        lines.append(f"| {pkg} | {_fmt(seconds)} |")
    heavy = cold.get("heavy_imported", {})
    if heavy:
        loaded = [k for k, v in heavy.items() if v]
        lines += ["", f"Heavy libraries loaded by `ask`: {', '.join(loaded) or 'none'}; "
                  f"not loaded: {', '.join(k for k, v in heavy.items() if not v)}."]
        if cold.get("note"):
            lines += ["", f"Note: {cold['note']}."]
    return "\n".join(lines) + "\n"


def plot(results: dict[str, Any], path: Path) -> bool:
    """Latency vs corpus size; False when matplotlib is not installed (pip install .[bench])."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    scale = results.get("scale", [])
    if not scale:
        return False
    sizes = [s["chunks"] for s in scale]
    fig, ax = plt.subplots(figsize=(7, 4.2), dpi=110)
    for key, label, color in (("retrieval", "retrieval", "tab:blue"),
                              ("end_to_end", "end to end", "tab:orange")):
        for pct, style in (("p50_ms", "-o"), ("p95_ms", "--o")):
            ys = [s["serve"].get(key, {}).get(pct) for s in scale]
            ax.plot(sizes, ys, style, color=color, label=f"{label} {pct[:3]}")
    ax.axhline(50, color="tab:blue", lw=0.8, alpha=0.5, ls=":")
    ax.axhline(1000, color="tab:orange", lw=0.8, alpha=0.5, ls=":")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("chunks in the store")
    ax.set_ylabel("latency (ms)")
    m = results["machine"]
    ax.set_title(f"Crosscheck latency vs corpus size ({m['cpus']} CPUs, {results['date'][:10]})")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return True


def save_json(results: dict[str, Any], out: Path, name: str) -> Path:
    """Write one benchmark's results as ``<out>/<name>`` (pretty JSON)."""
    out.mkdir(parents=True, exist_ok=True)
    path = out / name
    path.write_text(json.dumps(results, indent=2) + "\n")
    return path


def unused_stem(out: Path, stem: str, endings: tuple[str, ...]) -> str:
    """``stem``, or ``stem-2``, ``stem-3`` ...: a second run of a day keeps the first's files."""
    name, n = stem, 1
    while any((out / f"{name}{e}").exists() for e in endings):
        n += 1
        name = f"{stem}-{n}"
    return name


def write_results(results: dict[str, Any], out: Path, latest: bool) -> list[Path]:
    """Write ``<date>-<machine>[-quick].{json,md,png}``; a full run also updates ``latest.*``."""
    out.mkdir(parents=True, exist_ok=True)
    m = results["machine"]
    tag = re.sub(r"[^a-z0-9]+", "-", f"{m['cpus']}cpu-{m['system']}".lower()).strip("-")
    stem = unused_stem(out, f"{results['date'][:10]}-{tag}"
                       + ("-quick" if results["mode"] == "quick" else ""), (".json", ".md"))
    paths = [out / f"{stem}.json", out / f"{stem}.md"]
    paths[0].write_text(json.dumps(results, indent=2) + "\n")
    paths[1].write_text(markdown(results))
    if plot(results, out / f"{stem}.png"):
        paths.append(out / f"{stem}.png")
    if latest:
        for p in list(paths):
            target = out / f"latest{p.suffix}"
            shutil.copyfile(p, target)
            paths.append(target)
    return paths
