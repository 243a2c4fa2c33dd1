"""Benchmark tasks, each run in a fresh process so memory and thread pools don't mix.

``python bench/tasks.py TASK '{json args}'`` prints one JSON object on its last line.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

import numpy as np  # noqa: E402

from bench.corpus import documents  # noqa: E402
from retrieval.chunking import chunk_document  # noqa: E402


def percentiles(seconds: list[float]) -> dict[str, float]:
    """p50 / p95 / mean in milliseconds."""
    ms = np.asarray(seconds) * 1000
    return {"p50_ms": round(float(np.percentile(ms, 50)), 2),
            "p95_ms": round(float(np.percentile(ms, 95)), 2),
            "mean_ms": round(float(ms.mean()), 2), "n": len(seconds)}


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def current_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def chunk_texts(chunks: int, seed: int) -> list[str]:
    return [c.text for d in documents(chunks, seed) for c in chunk_document(d)][:chunks]


def settings(store: str | None = None, url: str | None = None, auto_seed: bool = False) -> Any:
    from bot.settings import Settings

    kwargs: dict[str, Any] = {"auto_seed": auto_seed}
    if store:
        kwargs["store"] = Path(store)
    if url:
        kwargs["chroma_url"] = url
    return Settings(**kwargs)


# -- tasks -------------------------------------------------------------------------------------


def task_embed(args: dict[str, Any]) -> dict[str, Any]:
    """Load time and throughput of one embedder on the benchmark texts."""
    from retrieval.embeddings import make_embedder

    texts = chunk_texts(args["chunks"], args["seed"])
    t0 = time.perf_counter()
    embedder = make_embedder(args["embedder"])
    embedder.embed(["warm up"])
    load = time.perf_counter() - t0
    rates = []
    for _ in range(args.get("repeats", 1)):
        t = time.perf_counter()
        vectors = embedder.embed(texts)
        rates.append(len(texts) / (time.perf_counter() - t))
    if args.get("save"):
        np.save(args["save"], vectors)
    return {"embedder": args["embedder"], "texts": len(texts), "load_s": round(load, 3),
            "texts_per_s": round(max(rates), 2), "torch_imported": "torch" in sys.modules,
            "peak_rss_mb": round(peak_rss_mb(), 1)}


def task_agree(args: dict[str, Any]) -> dict[str, Any]:
    """Cosine between the ONNX and the sentence-transformers vectors of the same texts."""
    from retrieval.embeddings import SentenceTransformerEmbedder, make_embedder

    texts = chunk_texts(args["chunks"], args["seed"])
    texts += ["", " ", "?", "word " * 400, " ".join(texts[:20])]  # empty-ish and > 256 tokens
    a = make_embedder("minilm").embed(texts)
    b = SentenceTransformerEmbedder().embed(texts)
    cosine = np.sum(a * b, axis=1)
    return {"texts": len(texts), "min_cosine": float(cosine.min()),
            "mean_cosine": float(cosine.mean()), "max_abs_diff": float(np.abs(a - b).max())}


def _recall_cases() -> list[tuple[list[str], str, list[list[str]]]]:
    """(documents, question, must_cite_any) of the project's cases that name spans to cite."""
    cases = []
    # Cases on the seed article (seed_*.jsonl) name no documents: they search the seeds.
    seed_docs = [str(p) for p in sorted((ROOT / "seeds").iterdir()) if p.suffix == ".txt"]
    for path in sorted((ROOT / "data" / "eval").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            case = json.loads(line) if line.strip() else {}
            if case.get("must_cite_any"):
                cases.append((case.get("documents") or seed_docs, case["question"],
                              case["must_cite_any"]))
    seeds = ROOT.parent / "shared" / "eval" / "seed_questions.jsonl"
    if seeds.is_file():
        for line in seeds.read_text(encoding="utf-8").splitlines():
            case = json.loads(line) if line.strip() else {}
            if case.get("must_cite_any"):
                cases.append((seed_docs, case["question"], case["must_cite_any"]))
    return cases


def _case_document(name: str) -> Any:
    """A case's document, named by an absolute path or one under data/eval/."""
    from retrieval.documents import load_file

    return load_file(Path(name) if Path(name).is_absolute() else ROOT / "data" / "eval" / name)


def _cites(passages: list[Any], groups: list[list[str]]) -> bool:
    """Each of ``must_cite_any``'s groups has a span inside one of the passages."""
    from retrieval.text import fold_quotes

    texts = [fold_quotes(p.chunk.text) for p in passages]
    return all(any(fold_quotes(o) in t for o in g for t in texts) for g in groups)


def task_recall(args: dict[str, Any]) -> dict[str, Any]:
    """Hybrid search recall@k on the project's own questions: FTS5 BM25 next to in-memory BM25.

    A case is a hit when each of its ``must_cite_any`` groups has a span inside one of the
    top-k chunks. Each case searches a store of its own documents (as ``crosscheck eval``
    does); ``all_documents`` repeats it on one store holding every case's documents.
    """
    import chromadb

    from retrieval.embeddings import make_embedder
    from retrieval.ingest import ingest_documents
    from retrieval.lexical import BM25Index
    from retrieval.search import HybridSearcher
    from retrieval.store import ChunkStore

    k = args.get("k", 8)
    embedder = make_embedder("minilm")
    client = chromadb.EphemeralClient(settings=chromadb.Settings(anonymized_telemetry=False))
    cases = _recall_cases()
    stores: dict[tuple[str, ...], ChunkStore] = {}

    def store_for(names: tuple[str, ...]) -> ChunkStore:
        if names not in stores:
            store = ChunkStore(f"recall{len(stores)}", client=client)
            docs = [_case_document(n) for n in names]
            ingest_documents(docs, store, embedder)
            stores[names] = store
        return stores[names]

    def in_memory_bm25(store: ChunkStore) -> Any:
        chunks = store.all_chunks()
        index = BM25Index([c.text for c in chunks])
        return lambda q, n: [(chunks[i].chunk_id, s) for i, s in index.search(q, n)]

    everything = tuple(sorted({n for names, _, _ in cases for n in names}))
    out: dict[str, Any] = {"cases": len(cases), "k": k}
    for scope in ("per_case_documents", "all_documents"):
        counts = {"fts5": 0, "in_memory_bm25": 0}
        same_top = 0
        for names, question, groups in cases:
            store = store_for(everything if scope == "all_documents" else tuple(names))
            searcher = HybridSearcher(store, embedder)
            fts = searcher.search(question, k=k)
            counts["fts5"] += _cites(fts, groups)
            old = HybridSearcher(store, embedder)
            old.store = _Patched(store, in_memory_bm25(store))  # type: ignore[assignment]
            bm25 = old.search(question, k=k)
            counts["in_memory_bm25"] += _cites(bm25, groups)
            same_top += [p.chunk.chunk_id for p in fts] == [p.chunk.chunk_id for p in bm25]
        out[scope] = {f"recall@{k}_{name}": round(n / len(cases), 4) for name, n in counts.items()}
        out[scope]["hits"] = counts
        out[scope]["same_top_k_lists"] = same_top
    return out


def task_embedder_swap(args: dict[str, Any]) -> dict[str, Any]:
    """Recall@k of hybrid search with the store and the questions embedded by two ONNX files.

    ``{"old": path, "new": path}``: every (store model, question model) pair on the same
    cases, so a store written by the old embedder and searched with the new one is measured
    next to a store written and searched by either one; plus the cosine of both models'
    vectors of every chunk.
    """
    import chromadb

    from retrieval.ingest import ingest_documents
    from retrieval.minilm import OnnxMiniLMEmbedder
    from retrieval.search import HybridSearcher
    from retrieval.store import ChunkStore

    k = args.get("k", 8)
    models = {side: OnnxMiniLMEmbedder("minilm", path=Path(args[side])) for side in ("old", "new")}
    client = chromadb.EphemeralClient(settings=chromadb.Settings(anonymized_telemetry=False))
    cases = _recall_cases()
    everything = tuple(sorted({n for names, _, _ in cases for n in names}))
    docs = [_case_document(n) for n in everything]
    stores = {}
    for side, model in models.items():
        stores[side] = ChunkStore(f"swap-{side}", client=client)
        ingest_documents(docs, stores[side], model)
    texts = [c.text for c in stores["old"].all_chunks()]
    cosine = np.sum(models["old"].embed(texts) * models["new"].embed(texts), axis=1)
    out: dict[str, Any] = {"cases": len(cases), "k": k, "chunks": len(texts),
                           "chunk_cosine_min": round(float(cosine.min()), 5),
                           "chunk_cosine_mean": round(float(cosine.mean()), 5)}
    tops: dict[str, list[list[str]]] = {}
    for store_side in ("old", "new"):
        for query_side in ("old", "new"):
            searcher = HybridSearcher(stores[store_side], models[query_side])
            hits, top = 0, []
            for _, question, groups in cases:
                passages = searcher.search(question, k=k)
                hits += _cites(passages, groups)
                top.append([p.chunk.chunk_id for p in passages])
            key = f"store_{store_side}_questions_{query_side}"
            tops[key] = top
            out[key] = {f"recall@{k}": round(hits / len(cases), 4), "hits": hits,
                        "same_top_k_as_old": sum(a == b for a, b in zip(
                            top, tops.get("store_old_questions_old", top), strict=True))}
    return out


class _Patched:
    """A store whose lexical search is another function (the old in-memory BM25)."""

    def __init__(self, store: Any, lexical: Any) -> None:
        self._store, self.lexical_search = store, lexical

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)


def task_ingest(args: dict[str, Any]) -> dict[str, Any]:
    """Ingest throughput of real files next to the raw embedder on the same chunk texts."""
    from bench.corpus import write_corpus
    from bot.services import Services

    work = Path(args["work"])
    info = write_corpus(work / "docs", args["chunks"], args["seed"])
    from retrieval.documents import load_paths

    docs, _ = load_paths([info.folder])
    texts = [c.text for d in docs for c in chunk_document(d)]
    embedder = Services(settings(str(work / "store0"))).embedder
    embedder.embed(["warm up"])
    raw_rates, ingest_rates, raw_cpu, ingest_cpu = [], [], [], []
    # Raw, ingest, raw, ingest, ..., raw (each ingest into a fresh store): on a shared machine
    # either can be unlucky, so the ratio is best ingest over best raw of the same process,
    # and, less sensitive to one lucky run, the median of each ingest over the mean of the
    # raw runs just before and after it. CPU time (all the process's threads) is also kept:
    # chunks per CPU-second hardly depend on other people's load, and times the cores give
    # the rate on a quiet machine.
    rounds = int(args.get("rounds", 2))

    def raw_run() -> None:
        t, c = time.perf_counter(), time.process_time()
        embedder.embed(texts)
        raw_rates.append(len(texts) / (time.perf_counter() - t))
        raw_cpu.append(len(texts) / (time.process_time() - c))

    raw_run()
    for round_ in range(rounds):
        services = Services(settings(str(work / f"store{round_}")), embedder=embedder)
        services.store.is_empty()  # opened before timing, as the embedder is loaded before
        t, c = time.perf_counter(), time.process_time()
        report = services.ingest([info.folder])
        ingest_rates.append(report.added / (time.perf_counter() - t))
        ingest_cpu.append(report.added / (time.process_time() - c))
        raw_run()
    raw = max(raw_rates)
    beside = [rate / ((raw_rates[i] + raw_rates[i + 1]) / 2)
              for i, rate in enumerate(ingest_rates)]
    return {"chunks": report.added, "documents": info.documents,
            "raw_embed_chunks_per_s": round(raw, 2),
            "ingest_chunks_per_s": round(max(ingest_rates), 2),
            "ratio": round(max(ingest_rates) / raw, 3),
            "ratio_median_beside": round(statistics.median(beside), 3),
            "raw_embed_chunks_per_cpu_s": round(max(raw_cpu), 2),
            "ingest_chunks_per_cpu_s": round(max(ingest_cpu), 2),
            "cpu_ratio": round(max(ingest_cpu) / max(raw_cpu), 3),
            "raw_runs": [round(r, 2) for r in raw_rates],
            "ingest_runs": [round(r, 2) for r in ingest_rates],
            "ratios_beside": [round(r, 3) for r in beside]}


def questions(extra: int, seed: int) -> list[str]:
    """Seed questions plus questions about the generated corpus."""
    import random

    from bench.corpus import ORGS, TOPICS

    qs = [q for q in seed_questions()]
    rng = random.Random(seed)
    for _ in range(extra):
        subject, claim, counter = rng.choice(TOPICS)
        org = rng.choice(ORGS)
        qs.append(rng.choice([f"Did {org} say {subject} {claim}?",
                              f"Is it true that {subject} {counter}?",
                              f"Who denied that {subject} {claim}?"]))
    return qs


def seed_questions() -> list[str]:
    path = ROOT.parent / "shared" / "eval" / "seed_questions.jsonl"
    if path.is_file():
        return [json.loads(line)["question"] for line in path.read_text().splitlines()
                if line.strip()]
    return [
        "Was this a negotiation?", "Did the U.S. close its embassy in Tripoli?",
        "Did Gene Cretz take part in the meeting with Libyan officials?",
        "Did the U.S. official say there is a plan to hold another session?",
        "Did the U.S. recognize the Transitional National Council?",
        "Who met representatives of Qaddafi's government?",
        "Did Libya say the meeting showed U.S. willingness to negotiate?",
        "When did the meeting take place?",
    ]


def open_seed_questions() -> list[str]:
    """Open questions (who / what / when ...) on the seed corpus, answered rather than judged."""
    path = ROOT.parent / "shared" / "eval" / "seed_open_questions.jsonl"
    if path.is_file():
        return [json.loads(line)["question"] for line in path.read_text().splitlines()
                if line.strip()]
    return [
        "Who attended the meeting?", "When was the meeting held?",
        "Where did the meeting take place?", "What did the U.S. official say about the meeting?",
        "When did the U.S. close its embassy in Tripoli?", "Who is leading the air campaign?",
    ]


def task_answers(args: dict[str, Any]) -> dict[str, Any]:
    """Warm answer latency over the seed questions on the seed corpus, per stage if given."""
    from bot.pipeline import Verifier
    from bot.services import Services

    services = Services(settings(args["store"], auto_seed=True))
    verifier = Verifier(services)
    qs = seed_questions()
    t = time.perf_counter()
    verifier.verify(qs[0])  # seeds the store, loads models
    first = time.perf_counter() - t
    totals: list[float] = []
    stages: dict[str, list[float]] = {}
    verdicts: dict[str, str] = {}
    for _ in range(args["rounds"]):
        for q in qs:
            t = time.perf_counter()
            answer = verifier.verify(q)
            totals.append(time.perf_counter() - t)
            verdicts[q] = answer.verdict.name
            for stage, seconds in (answer.timings or {}).items():
                stages.setdefault(stage, []).append(seconds)
    open_qs = open_seed_questions()
    open_totals: list[float] = []
    for _ in range(args["rounds"]):
        for q in open_qs:
            t = time.perf_counter()
            answer = verifier.verify(q)
            open_totals.append(time.perf_counter() - t)
            verdicts[q] = answer.verdict.name
    return {"questions": len(qs), "rounds": args["rounds"], "first_answer_s": round(first, 3),
            "total": percentiles(totals),
            "open_questions": len(open_qs), "open_total": percentiles(open_totals),
            "all_total": percentiles(totals + open_totals),
            "stages": {k: percentiles(v) for k, v in stages.items()},
            "verdicts": verdicts, "peak_rss_mb": round(peak_rss_mb(), 1)}


def task_build(args: dict[str, Any]) -> dict[str, Any]:
    """A store of N generated chunks; vectors from a pool of real embeddings, varied per chunk."""
    from bot.services import Services

    pool = np.load(args["pool"])
    services = Services(settings(args.get("store"), args.get("url")))
    store = services.store
    rng = np.random.default_rng(args["seed"])
    t0 = time.perf_counter()
    batch: list[Any] = []
    made = 0
    for doc in documents(args["chunks"], args["seed"]):
        chunks = chunk_document(doc)
        vectors = pool[np.arange(made, made + len(chunks)) % len(pool)]
        if made + len(chunks) > len(pool):  # past the pool: the same vectors, moved a little
            vectors = vectors + rng.normal(0, 0.02, vectors.shape).astype(np.float32)
            vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        batch.append((doc, chunks, vectors))
        made += len(chunks)
        if sum(len(c) for _, c, _ in batch) >= 2000:
            store.put_documents(batch)
            batch = []
    if batch:
        store.put_documents(batch)
    seconds = time.perf_counter() - t0
    out = {"chunks": made, "write_s": round(seconds, 1),
           "write_chunks_per_s": round(made / seconds, 1), "real_vectors": min(made, len(pool))}
    if args.get("store"):
        size = sum(f.stat().st_size for f in Path(args["store"]).rglob("*") if f.is_file())
        out["disk_mb"] = round(size / 2**20, 1)
        out["disk_bytes_per_chunk"] = round(size / made)
    return out


def task_serve(args: dict[str, Any]) -> dict[str, Any]:
    """Retrieval and end-to-end latency on an existing store, with the process's memory."""
    from bot.pipeline import Verifier
    from bot.services import Services

    services = Services(settings(args.get("store"), args.get("url")))
    qs = questions(args["extra_questions"], args["seed"])
    searcher, verifier = services.searcher, Verifier(services)
    k = services.settings.top_k
    t = time.perf_counter()
    searcher.search(qs[0], k=k)  # builds the lexical index, loads the embedder
    first_search = time.perf_counter() - t
    t = time.perf_counter()
    verifier.verify(qs[0])  # loads the engine's models
    first_answer = time.perf_counter() - t
    retrieval, e2e = [], []
    for _ in range(args["rounds"]):
        for q in qs:
            t = time.perf_counter()
            searcher.search(q, k=k)
            retrieval.append(time.perf_counter() - t)
            t = time.perf_counter()
            verifier.verify(q)
            e2e.append(time.perf_counter() - t)
    return {"chunks": services.store.version()[2], "questions": len(qs),
            "first_search_s": round(first_search, 3), "first_answer_s": round(first_answer, 3),
            "retrieval": percentiles(retrieval), "end_to_end": percentiles(e2e),
            "rss_mb": round(current_rss_mb(), 1), "peak_rss_mb": round(peak_rss_mb(), 1)}


def task_fresh(args: dict[str, Any]) -> dict[str, Any]:
    """The first search after a write (and after a removal) on an existing store."""
    from bot.services import Services
    from retrieval.documents import parse

    services = Services(settings(args.get("store"), args.get("url")))
    searcher = services.searcher
    k = services.settings.top_k
    t = time.perf_counter()
    searcher.search("Did the council vote to close the bridge?", k=k)
    first = time.perf_counter() - t
    after_write, after_remove, writes = [], [], []
    for i in range(args.get("rounds", 3)):
        doc = parse(f"Late report {i}\n\nThe harbour master of Kessford {i} said the pier "
                    f"reopens in May {i}. Officials denied it.".encode(), f"fresh-{i}.txt")
        chunks = chunk_document(doc)
        t = time.perf_counter()
        # Written as ingest writes it, without ingest's store-wide repair scan first.
        services.store.put_document(doc, chunks, services.embedder.embed([c.text for c in chunks]))
        writes.append(time.perf_counter() - t)
        t = time.perf_counter()
        hits = searcher.search(f"When does the Kessford {i} pier reopen?", k=k)
        after_write.append(time.perf_counter() - t)
        assert any(p.chunk.doc_id == doc.doc_id for p in hits), "the new document is found"
        services.store.remove([doc.doc_id])
        t = time.perf_counter()
        searcher.search(f"When does the Kessford {i} pier reopen?", k=k)
        after_remove.append(time.perf_counter() - t)
    return {"chunks": services.store.version()[2], "first_search_s": round(first, 3),
            "write_s": percentiles(writes), "search_after_write": percentiles(after_write),
            "search_after_remove": percentiles(after_remove),
            "rss_mb": round(current_rss_mb(), 1), "peak_rss_mb": round(peak_rss_mb(), 1)}


def task_hostile_html(args: dict[str, Any]) -> dict[str, Any]:
    """Seconds to read (or refuse) pages built to make the hidden-text check slow."""
    from retrieval.documents import parse
    from retrieval.errors import InputError

    body = "".join(f"<div class='c{i}'><p class='x{i + 1}'>Visible {i}. <b>b</b></p></div>"
                   for i in range(3000))

    def page(style: str) -> bytes:
        return (f"<html><head><title>T</title><style>{style}</style></head><body>{body}"
                "</body></html>").encode()

    pages = {
        "3000_rules": page("\n".join(f".c{i} > p.x{i} {{ display: none }}" for i in range(3000))),
        "backtracking": page("* .z ~ * ~ * { font-size: 12px } *:has(~ * ~ .q) { color: red }"),
        "too_costly_refused": page("\n".join(f"div.c{i % 3000}:nth-child({i}) > p {{ color: red }}"
                                             for i in range(12000)) + " .x1 { display: none }"),
        "deep_markup_refused": ("<div>" * 100_000 + "deep").encode(),
    }
    out: dict[str, Any] = {}
    for name, raw in pages.items():
        t = time.perf_counter()
        try:
            parse(raw, f"{name}.html")
            outcome = "read"
        except InputError:
            outcome = "refused"
        out[name] = {"seconds": round(time.perf_counter() - t, 3), "outcome": outcome}
    return {"pages": out, "slowest_s": max(p["seconds"] for p in out.values())}


TASKS = {name[5:]: fn for name, fn in globals().items() if name.startswith("task_")}

if __name__ == "__main__":
    result = TASKS[sys.argv[1]](json.loads(sys.argv[2]))
    print(json.dumps(result))
