"""RAMDocs-shaped cases for ``crosscheck eval``: one question over its own handful of documents.

Each case's documents go into a fresh in-memory store and its question is asked. Expected:
DISPUTED when both ``correct`` and ``misinfo`` documents are present (a gold answer and a
wrong answer each inside some citation's quote), otherwise ANSWERED with a gold answer in
the answer text or a citation. Document types and answers are used for scoring only.
"""

from __future__ import annotations

import sys
import time
from typing import Any

from bot.engine.normalise import states
from bot.pipeline import Verifier
from bot.services import Services
from bot.types import Answer
from retrieval.documents import content_hash
from retrieval.store import ChunkStore
from retrieval.types import Document


def expected(case: dict[str, Any]) -> str:
    types = {d.get("type") for d in case["documents"]}
    return "DISPUTED" if {"correct", "misinfo"} <= types else "ANSWERED"


def _documents(case: dict[str, Any]) -> list[Document]:
    docs = []
    for i, d in enumerate(case["documents"], start=1):
        text = " ".join(str(d["text"]).split())
        if not text:
            continue
        title = str(d.get("title") or f"Document {i}")
        docs.append(
            Document(
                doc_id=content_hash(text),
                title=title,
                source=f"{case.get('id', 'case')}#{i}",
                text=text,
            )
        )
    return list({d.doc_id: d for d in docs}.values())  # the same text twice is one document


def check(case: dict[str, Any], answer: Answer) -> list[str]:
    """Why a case failed; empty when it passed."""
    want = expected(case)
    problems = []
    if answer.verdict.value != want:
        problems.append(f"verdict {answer.verdict.value}, expected {want}")
    quotes = [c.quote for c in answer.citations]
    gold = [str(a) for a in case.get("gold_answers", [])]
    wrong = [str(a) for a in case.get("wrong_answers", [])]
    if want == "DISPUTED":
        if not any(states(q, a) for q in quotes for a in gold):
            problems.append(f"no citation gives a gold answer {gold}")
        if not any(states(q, a) for q in quotes for a in wrong):
            problems.append(f"no citation gives a wrong answer {wrong}")
    elif not any(states(t, a) for t in [answer.text, *quotes] for a in gold):
        problems.append(f"neither the answer nor a citation gives a gold answer {gold}")
    return problems


def eval_multidoc(
    cases: list[dict[str, Any]], shared: Services, progress: bool = True
) -> dict[str, Any]:
    """Pass rates per expected verdict; ``shared`` lends its loaded models to every case."""
    import chromadb

    client = chromadb.EphemeralClient(settings=chromadb.Settings(anonymized_telemetry=False))
    settings = shared.settings.model_copy(update={"auto_seed": False})
    rows = []
    for i, case in enumerate(cases):
        services = shared.borrowing(settings, ChunkStore(f"md{i}", client=client))
        services.ingest_documents(_documents(case))
        t = time.perf_counter()
        answer = Verifier(services).verify(case["question"])
        elapsed = round(1000 * (time.perf_counter() - t), 1)
        problems = check(case, answer)
        rows.append(
            {
                "id": case.get("id", case["question"]),
                "question": case["question"],
                "verdict": answer.verdict.value,
                "expected": expected(case),
                "passed": not problems,
                "problems": problems,
                "answer": answer.text,
                "ms": elapsed,
            }
        )
        client.delete_collection(f"chunks-md{i}")
        client.delete_collection(f"docs-md{i}")
        if progress and (i + 1) % 50 == 0:
            print(f"  {i + 1}/{len(cases)} cases", file=sys.stderr)
    by: dict[str, dict[str, int]] = {}
    for r in rows:
        group = by.setdefault(r["expected"], {"passed": 0, "cases": 0})
        group["cases"] += 1
        group["passed"] += r["passed"]
    verdicts: dict[str, dict[str, int]] = {}
    for r in rows:
        verdicts.setdefault(r["expected"], {}).setdefault(r["verdict"], 0)
        verdicts[r["expected"]][r["verdict"]] += 1
    ms = sorted(r["ms"] for r in rows)
    return {
        "cases": len(rows),
        "passed": sum(r["passed"] for r in rows),
        "pass_rates": by,
        "verdicts": verdicts,
        "latency_p50_ms": ms[len(ms) // 2] if ms else None,
        "questions": rows,
    }
