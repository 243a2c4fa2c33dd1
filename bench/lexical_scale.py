"""Lexical search at scale: FTS5's own ranking beside the budgeted one, in one run.

    nice -n 10 .venv/bin/python bench/lexical_scale.py --chunks 1000000     # ~4 min on 2 cores

Builds the persisted lexical index of N generated chunks (``bench/corpus.py``; no Chroma,
no vectors) and asks the benchmark's questions twice per round, alternating: with the
budget off (every query ranked by FTS5 over all its words, as before the budget existed)
and on (``retrieval.lexical_index.BUDGET``). Reports latency of each and how close the
budgeted top 32 comes to the exact one: the share of the exact top 32 it returns and the
ratio of their summed BM25 scores (both scored by the same formula). The generated corpus
is harsh on the budget: its words come from short lists, so every word is in at least 6%
of the chunks and the rarest word alone rarely decides the top. Writes
bench/results/lexical-scale-<chunks>-<date>.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import retrieval.lexical_index as lexical  # noqa: E402
from bench.corpus import documents  # noqa: E402
from bench.report import save_json  # noqa: E402
from bench.run import machine  # noqa: E402
from bench.tasks import percentiles, questions  # noqa: E402
from retrieval.chunking import chunk_document  # noqa: E402
from retrieval.text import terms  # noqa: E402

SEED = 7
K = 32  # the pool HybridSearcher asks the lexical index for (k=8)


def build(path: Path, chunks: int) -> dict[str, Any]:
    index = lexical.LexicalIndex(path)
    t = time.perf_counter()
    batch: list[tuple[str, list[tuple[str, str]]]] = []
    made = 0
    for doc in documents(chunks, SEED):
        parts = chunk_document(doc)
        batch.append((doc.doc_id, [(c.chunk_id, c.text) for c in parts]))
        made += len(parts)
        if len(batch) >= 500:
            index.add(batch)
            batch = []
    if batch:
        index.add(batch)
    seconds = time.perf_counter() - t
    index.close()
    return {"chunks": made, "build_s": round(seconds, 1),
            "chunks_per_s": round(made / seconds, 1),
            "file_mb": round(path.stat().st_size / 2**20, 1)}


def scores(index: lexical.LexicalIndex, query: str, ids: list[str]) -> float:
    """Summed BM25 of these chunks for the query, by the rescoring formula."""
    if not ids:
        return 0.0
    words = list(dict.fromkeys(terms(query)))
    df = index.frequencies(words)
    db = index._db
    marks = ",".join("?" * len(ids))
    bodies = db.execute("SELECT c.chunk_id, p.body FROM postings p JOIN chunks c ON "
                        f"c.id = p.rowid WHERE c.chunk_id IN ({marks})", ids).fetchall()
    totals = dict(db.execute("SELECT key, CAST(value AS INTEGER) FROM meta "
                             "WHERE key IN ('chunks', 'tokens')"))
    return sum(s for _, s in lexical.rescored(bodies, df, totals, len(ids)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chunks", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="crosscheck-lexical-scale-"))
    out: dict[str, Any] = {"date": dt.datetime.now().isoformat(timespec="seconds"),
                           "machine": machine(), "budget": lexical.BUDGET, "k": K}
    try:
        path = work / "lexical.sqlite3"
        out["build"] = build(path, args.chunks)
        print(json.dumps(out["build"]), flush=True)
        index = lexical.LexicalIndex(path)
        qs = questions(28, SEED)
        budget = lexical.BUDGET
        times: dict[str, list[float]] = {"exact": [], "budgeted": []}
        found: dict[str, dict[str, list[str]]] = {"exact": {}, "budgeted": {}}
        for _ in range(args.rounds):
            for q in qs:
                for name, limit in (("exact", 10**12), ("budgeted", budget)):
                    lexical.BUDGET = limit
                    t = time.perf_counter()
                    hits = index.search(q, K)
                    times[name].append(time.perf_counter() - t)
                    found[name][q] = [cid for cid, _ in hits]
        lexical.BUDGET = budget
        share, ratio = [], []
        for q in qs:
            exact, mine = found["exact"][q], found["budgeted"][q]
            if not exact:
                continue
            share.append(len(set(exact) & set(mine)) / len(exact))
            ratio.append(scores(index, q, mine) / max(scores(index, q, exact), 1e-12))
        out["questions"] = len(qs)
        out["exact"] = percentiles(times["exact"])
        out["budgeted"] = percentiles(times["budgeted"])
        out["top32_share_of_exact"] = {"mean": round(sum(share) / len(share), 3),
                                       "min": round(min(share), 3)}
        out["top32_bm25_ratio"] = {"mean": round(sum(ratio) / len(ratio), 3),
                                   "min": round(min(ratio), 3)}
    finally:
        shutil.rmtree(work, ignore_errors=True)
    save_json(out, args.out, f"lexical-scale-{args.chunks}-{out['date'][:10]}.json")
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
