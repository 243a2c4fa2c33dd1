"""``crosscheck eval``: score the engine on labelled cases.

Two case schemas: Climate-FEVER style claims with their evidence sentences (each
case gets a fresh store holding only its sentences), and questions over the seed
corpus with an expected verdict and spans that must be cited.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from bot.calibration import calibration, format_calibration
from bot.pipeline import Verifier
from bot.services import Services
from bot.settings import load_settings
from bot.types import Answer
from retrieval.documents import content_hash
from retrieval.errors import InputError
from retrieval.store import ChunkStore
from retrieval.types import Document

LABELS = ("SUPPORTED", "REFUTED", "DISPUTED", "NOT_ENOUGH_INFO", "ANSWERED")
GOLD_VERDICT = {
    "SUPPORTS": "SUPPORTED",
    "REFUTES": "REFUTED",
    "DISPUTED": "DISPUTED",
    "NOT_ENOUGH_INFO": "NOT_ENOUGH_INFO",
}


def read_cases(path: Path, limit: int | None) -> list[dict[str, Any]]:
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    cases = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            cases.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{n}: not JSON ({exc.msg})") from exc
        if limit and len(cases) >= limit:
            break
    if not cases:
        raise InputError(f"{path}: no cases")
    return cases


def classification(pairs: Sequence[tuple[str, str]]) -> dict[str, Any]:
    """Accuracy, macro-F1, per-class F1 and the confusion matrix of (gold, predicted)."""
    confusion = {g: dict.fromkeys(LABELS, 0) for g in LABELS}
    for gold, pred in pairs:
        confusion[gold][pred] += 1
    per_class = {}
    for label in LABELS:
        tp = confusion[label][label]
        fp = sum(confusion[g][label] for g in LABELS) - tp
        fn = sum(confusion[label].values()) - tp
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        per_class[label] = {
            "precision": p,
            "recall": r,
            "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "support": tp + fn,
        }
    present = [lab for lab in LABELS if per_class[lab]["support"]]
    return {
        "n": len(pairs),
        "accuracy": sum(g == p for g, p in pairs) / len(pairs) if pairs else 0.0,
        "macro_f1": sum(per_class[lab]["f1"] for lab in present) / len(present) if present else 0.0,
        "per_class": per_class,
        "confusion": confusion,
    }


def _case_docs(case: dict[str, Any]) -> list[Document]:
    docs = []
    for ev in case["evidences"]:
        text = " ".join(str(ev["text"]).split())
        if text:
            docs.append(
                Document(
                    doc_id=content_hash(text),
                    title=str(ev.get("article") or ""),
                    source=str(ev["id"]),
                    text=text,
                )
            )
    return docs


def eval_claims(
    cases: list[dict[str, Any]],
    shared: Services,
    progress: bool = True,
) -> dict[str, Any]:
    """Each case: its evidence sentences alone in a fresh store, then the claim is asked.

    ``shared`` lends every case its loaded embedder, parser and stance judge.
    """
    settings = shared.settings
    cited_total = cited_good = gold_total = gold_found = 0
    nei_cases = nei_silent = 0
    latencies: list[float] = []
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="crosscheck-eval-") as tmp:
        case_settings = settings.model_copy(update={"store": Path(tmp), "auto_seed": False})
        import chromadb

        # An in-memory client: a fresh index per case costs milliseconds instead of disk syncs.
        client = chromadb.EphemeralClient(settings=chromadb.Settings(anonymized_telemetry=False))
        for i, case in enumerate(cases):
            services = shared.borrowing(case_settings, ChunkStore(f"case{i}", client=client))
            services.ingest_documents(_case_docs(case))
            verifier = Verifier(services)
            t = time.perf_counter()
            answer = verifier.verify(case["claim"])
            latencies.append(time.perf_counter() - t)
            gold = GOLD_VERDICT[case["label"]]
            rows.append({"id": case.get("id"), "gold": gold, "verdict": answer.verdict.value,
                         "confidence": answer.confidence})
            good = {ev["id"] for ev in case["evidences"] if ev["label"] in ("SUPPORTS", "REFUTES")}
            cited = {c.source for c in answer.citations}
            cited_total += len(cited)
            cited_good += len(cited & good)
            gold_total += len(good)
            gold_found += len(cited & good)
            if gold == "NOT_ENOUGH_INFO":
                nei_cases += 1
                nei_silent += not answer.citations
            client.delete_collection(f"chunks-case{i}")
            client.delete_collection(f"docs-case{i}")
            if progress and (i + 1) % 50 == 0:
                print(f"  {i + 1}/{len(cases)} cases", file=sys.stderr)
    metrics = classification([(r["gold"], r["verdict"]) for r in rows])
    metrics["citation_precision"] = cited_good / cited_total if cited_total else 0.0
    metrics["citation_recall"] = gold_found / gold_total if gold_total else 0.0
    metrics["nei_cites_nothing"] = nei_silent / nei_cases if nei_cases else None
    metrics["latency_p50_ms"] = 1000 * sorted(latencies)[len(latencies) // 2]
    metrics["calibration"] = calibration(
        [(r["confidence"], r["gold"] == r["verdict"]) for r in rows]
    )
    metrics["cases"] = rows
    return metrics


def _contains_any(texts: Iterable[str], options: Sequence[str]) -> bool:
    from retrieval.text import fold_quotes

    folded = [fold_quotes(t) for t in texts]
    return any(fold_quotes(o) in t for o in options for t in folded)


def check_question(case: dict[str, Any], answer: Answer) -> list[str]:
    """Why a seed question failed; empty when it passed."""
    problems = []
    if answer.verdict.value != case["verdict"]:
        problems.append(f"verdict {answer.verdict.value}, expected {case['verdict']}")
    quotes = [c.quote for c in answer.citations]
    for group in case.get("must_cite_any", []):
        if not _contains_any(quotes, group):
            problems.append(f"no citation of any of {group}")
    for group in case.get("must_mention_any", []):
        if not _contains_any([answer.text], group):
            problems.append(f"answer mentions none of {group}")
    for bad in case.get("must_not_cite", []):
        if _contains_any(quotes, [bad]):
            problems.append(f"cites {bad!r}")
    if case["verdict"] == "NOT_ENOUGH_INFO" and answer.citations:
        problems.append("NOT_ENOUGH_INFO answer cites something")
    return problems


def eval_questions(
    cases: list[dict[str, Any]], shared: Services, store: Path | None
) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="crosscheck-eval-") as tmp:
        services = Services(shared.settings.model_copy(update={"store": store or Path(tmp)}),
                            judge=shared.judge, parser=shared.parser)
        services.ensure_seeded()
        verifier = Verifier(services)
        rows = []
        for case in cases:
            t = time.perf_counter()
            answer = verifier.verify(case["question"])
            problems = check_question(case, answer)
            rows.append(
                {
                    "id": case.get("id", case["question"]),
                    "question": case["question"],
                    "verdict": answer.verdict.value,
                    "expected": case["verdict"],
                    "passed": not problems,
                    "problems": problems,
                    "ms": round(1000 * (time.perf_counter() - t), 1),
                }
            )
    pairs = [(r["expected"], r["verdict"]) for r in rows]
    metrics = classification(pairs)
    metrics["passed"] = sum(r["passed"] for r in rows)
    metrics["pass_rates"] = _pass_rates(rows)
    metrics["questions"] = rows
    return metrics


def _print_classification(m: dict[str, Any]) -> None:
    print(f"cases {m['n']}  accuracy {m['accuracy']:.3f}  macro-F1 {m['macro_f1']:.3f}")
    print(
        "per class:  "
        + "  ".join(
            f"{lab} F1 {v['f1']:.3f} (P {v['precision']:.2f} R {v['recall']:.2f}, n={v['support']})"
            for lab, v in m["per_class"].items()
        )
    )
    print("confusion (rows gold, columns predicted): " + " ".join(s[:4] for s in LABELS))
    for gold, row in m["confusion"].items():
        print(f"  {gold:16s} " + " ".join(f"{row[p]:4d}" for p in LABELS))


def _run_stories(
    cases: list[dict[str, Any]], shared: Services, folder: Path, as_json: bool
) -> int:
    from bot.eval_stories import eval_stories

    metrics = eval_stories(cases, shared, folder, progress=not as_json)
    if as_json:
        print(json.dumps(metrics, indent=2))
        return 0
    _print_rows(metrics["questions"])
    for group, n in sorted(metrics["pass_rates"].items()):
        print(f"{group:28s} {n['passed']:4d}/{n['cases']:<4d} {n['passed'] / n['cases']:.2f}")
    if metrics["claims"]:
        print("claims:")
        _print_classification(metrics["claims"])
    print(f"{metrics['passed']}/{metrics['cases']} passed")
    return 0


def _print_rows(rows: list[dict[str, Any]]) -> None:
    """One line a case (PASS / FAIL, verdict, time when measured), its problems below."""
    for row in rows:
        mark = "PASS" if row["passed"] else "FAIL"
        ms = f" ({row['ms']:.0f} ms)" if "ms" in row else ""
        print(
            f"{mark} {row['id']}: {row['verdict']}{ms} {row['question']}"
            + "".join(f"\n      {p}" for p in row["problems"])
        )


def _pass_rates(rows: list[dict[str, Any]]) -> dict[str, dict[str, int]]:
    """Cases and passes per expected verdict."""
    by: dict[str, dict[str, int]] = {}
    for r in rows:
        group = by.setdefault(r["expected"], {"passed": 0, "cases": 0})
        group["cases"] += 1
        group["passed"] += r["passed"]
    return by


def _print_pass_rates(rates: dict[str, dict[str, int]]) -> None:
    for verdict, n in sorted(rates.items()):
        print(f"{verdict:16s} {n['passed']:4d}/{n['cases']:<4d} {n['passed'] / n['cases']:.2f}")


def _run_multidoc(cases: list[dict[str, Any]], shared: Services, as_json: bool) -> int:
    from bot.eval_multidoc import eval_multidoc

    metrics = eval_multidoc(cases, shared, progress=not as_json)
    if as_json:
        print(json.dumps(metrics, indent=2))
        return 0
    _print_rows(metrics["questions"])
    _print_pass_rates(metrics["pass_rates"])
    print(f"{metrics['passed']}/{metrics['cases']} passed  p50 {metrics['latency_p50_ms']:.0f} ms")
    return 0


def run_eval(args: argparse.Namespace) -> int:
    settings = load_settings(**({"stance": args.stance} if args.stance else {}))
    shared = Services(settings)
    shared.judge  # noqa: B018  # a stance model that cannot load fails before any case runs
    cases = read_cases(Path(args.cases), args.limit)
    if "documents" in cases[0] and cases[0]["documents"] and isinstance(
        cases[0]["documents"][0], dict
    ):
        return _run_multidoc(cases, shared, args.json)
    if "documents" in cases[0]:
        return _run_stories(cases, shared, Path(args.cases).parent, args.json)
    if "evidences" in cases[0]:
        metrics = eval_claims(cases, shared, progress=not args.json)
        if args.json:
            print(json.dumps(metrics, indent=2))
            return 0
        print(f"stance judge: {settings.stance}")
        _print_classification(metrics)
        print(
            f"citation precision {metrics['citation_precision']:.3f}  "
            f"recall {metrics['citation_recall']:.3f}  "
            f"NOT_ENOUGH_INFO cases citing nothing {metrics['nei_cites_nothing'] or 0:.3f}  "
            f"p50 {metrics['latency_p50_ms']:.0f} ms"
        )
        print("\n".join(format_calibration(metrics["calibration"])))
        return 0
    if "question" in cases[0]:
        store = Path(args.store) if args.store else None
        metrics = eval_questions(cases, shared, store)
        if args.json:
            print(json.dumps(metrics, indent=2))
        else:
            _print_rows(metrics["questions"])
            _print_pass_rates(metrics["pass_rates"])
            print(f"{metrics['passed']}/{len(metrics['questions'])} passed")
        return 0 if metrics["passed"] == len(metrics["questions"]) else 1
    raise InputError(f"{args.cases}: cases need either 'evidences' (claims) or 'question' fields")
