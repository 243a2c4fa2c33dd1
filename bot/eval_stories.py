"""Multi-document cases for ``crosscheck eval``: each case names the documents it is asked over.

Cases sharing a document set share one fresh in-memory store; each question (with its chat
history) is answered and checked like a seed question: verdict, spans that must be cited,
words the answer must mention, spans it must not cite.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

from bot.evaluate import check_question, classification
from bot.pipeline import Verifier
from bot.services import Services
from retrieval.documents import load_file
from retrieval.errors import InputError
from retrieval.store import ChunkStore


def _documents(folder: Path, names: list[str]) -> list[Any]:
    docs = []
    for name in names:
        path = folder / name
        if not path.is_file():
            raise InputError(f"{path}: a case names this document, but there is no such file")
        docs.append(load_file(path))
    return docs


def eval_stories(
    cases: list[dict[str, Any]], shared: Services, folder: Path, progress: bool = True
) -> dict[str, Any]:
    """Answer every case over its own documents; pass rates per kind and expected verdict.

    ``shared`` lends every story's store its loaded embedder, parser and stance judge.
    """
    import chromadb

    client = chromadb.EphemeralClient(settings=chromadb.Settings(anonymized_telemetry=False))
    settings = shared.settings.model_copy(update={"auto_seed": False})
    verifiers: dict[tuple[str, ...], Verifier] = {}
    rows = []
    for i, case in enumerate(cases):
        key = tuple(case["documents"])
        if key not in verifiers:
            services = shared.borrowing(
                settings, ChunkStore(f"story{len(verifiers)}", client=client)
            )
            services.ingest_documents(_documents(folder, list(key)))
            verifiers[key] = Verifier(services)
        history = [{"role": "user", "content": h} for h in case.get("history", [])]
        t = time.perf_counter()
        answer = verifiers[key].verify(case["question"], history)
        problems = check_question(case, answer)
        rows.append(
            {
                "id": case.get("id", case["question"]),
                "kind": case.get("kind", "claim"),
                "question": case["question"],
                "verdict": answer.verdict.value,
                "expected": case["verdict"],
                "passed": not problems,
                "problems": problems,
                "cited": len(answer.citations),
                "ms": round(1000 * (time.perf_counter() - t), 1),
            }
        )
        if progress and (i + 1) % 50 == 0:
            print(f"  {i + 1}/{len(cases)} cases", file=sys.stderr)
    claims = [(r["expected"], r["verdict"]) for r in rows if r["kind"] == "claim"]
    by: dict[str, dict[str, int]] = {}
    for r in rows:
        group = by.setdefault(f"{r['kind']} {r['expected']}", {"passed": 0, "cases": 0})
        group["cases"] += 1
        group["passed"] += r["passed"]
    ms = sorted(r["ms"] for r in rows)
    return {
        "cases": len(rows),
        "passed": sum(r["passed"] for r in rows),
        "pass_rates": by,
        "claims": classification(claims) if claims else None,
        "latency_p50_ms": ms[len(ms) // 2] if ms else None,
        "questions": rows,
    }
