"""Score the shipped stance model on the Climate-FEVER dev pairs (evaluation only).

Reads ../shared/eval/climate_fever_dev.jsonl at run time; nothing from it is stored in the
project or used for training. Reports evidence-level accuracy / macro-F1 and a naive
claim-level aggregation over a small threshold grid (the threshold is the only thing chosen
on this set).

    python scripts/eval_stance_pairs.py [--data PATH] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.engine.stance_model import DEFAULT_CONFIG, ModelStanceJudge  # noqa: E402
from bot.evaluate import GOLD_VERDICT as CLAIM_GOLD  # noqa: E402
from bot.evaluate import LABELS as VERDICTS  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "eval" / "climate_fever_dev.jsonl"
STANCES = ("SUPPORTS", "REFUTES", "NEUTRAL")
THRESHOLDS = (0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9)


def macro_f1(gold: Sequence[Any], pred: Sequence[Any], labels: Sequence[Any]) -> dict[str, float]:
    """Accuracy, macro-F1 and per-label F1 (labels as names or as ids)."""
    g, p = np.array(gold), np.array(pred)
    out = {"accuracy": float((g == p).mean())}
    f1s = []
    for name in labels:
        tp = float(((p == name) & (g == name)).sum())
        prec = tp / max(1.0, float((p == name).sum()))
        rec = tp / max(1.0, float((g == name).sum()))
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out[f"f1_{name}"] = round(f1, 4)
        f1s.append(f1)
    out["macro_f1"] = float(np.mean(f1s))
    return out


def aggregate(probs: np.ndarray, t: float) -> str:
    """Naive verdict: any confident support / refutation; both means disputed."""
    sup, ref = bool((probs[:, 0] > t).any()), bool((probs[:, 1] > t).any())
    if sup and ref:
        return "DISPUTED"
    return "SUPPORTED" if sup else "REFUTED" if ref else "NOT_ENOUGH_INFO"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--model", type=Path, default=DEFAULT_CONFIG, help="stance model config (JSON)"
    )
    args = parser.parse_args()
    claims = [
        json.loads(line)
        for line in args.data.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    judge = ModelStanceJudge(args.model)
    t0 = time.time()
    per_claim = [
        judge.probabilities(c["claim"], [e["text"] for e in c["evidences"]]) for c in claims
    ]
    seconds = time.time() - t0
    n_pairs = sum(len(p) for p in per_claim)

    gold_ev = [
        ("NEUTRAL" if e["label"] == "NOT_ENOUGH_INFO" else e["label"])
        for c in claims
        for e in c["evidences"]
    ]
    pred_ev = [STANCES[int(k)] for p in per_claim for k in p.argmax(axis=1)]
    gold_claim = [CLAIM_GOLD[c["label"]] for c in claims]
    result = {
        "claims": len(claims),
        "pairs": n_pairs,
        "ms_per_pair": round(1000 * seconds / n_pairs, 2),
        "evidence_level": macro_f1(gold_ev, pred_ev, STANCES),
        "evidence_confusion": {  # gold -> predicted counts
            g: {
                p: sum(a == g and b == p for a, b in zip(gold_ev, pred_ev, strict=True))
                for p in STANCES
            }
            for g in STANCES
        },
        "claim_level": {
            str(t): macro_f1(gold_claim, [aggregate(p, t) for p in per_claim], VERDICTS)
            for t in THRESHOLDS
        },
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return
    ev = result["evidence_level"]
    print(f"{len(claims)} claims, {n_pairs} pairs, {result['ms_per_pair']} ms/pair")
    print(
        f"evidence level: acc {ev['accuracy']:.4f} macro-F1 {ev['macro_f1']:.4f} "
        + " ".join(f"{s}={ev[f'f1_{s}']:.3f}" for s in STANCES)
    )
    for g, row in result["evidence_confusion"].items():
        print(f"  gold {g:>8}: " + " ".join(f"{p}={n}" for p, n in row.items()))
    for t, r in result["claim_level"].items():
        print(
            f"claim level t={t}: acc {r['accuracy']:.4f} macro-F1 {r['macro_f1']:.4f} "
            + " ".join(f"{v}={r[f'f1_{v}']:.3f}" for v in VERDICTS)
        )


if __name__ == "__main__":
    main()
