"""Choose the stance model's logit offsets (a label prior) on dev data, check them held out.

A model trained on a balanced mix of NLI pairs expects as many supports and contradictions as
neutral pairs; real evidence sentences are mostly neutral, and supporting ones are often looser
than an NLI entailment. One offset per label, added to the logits, moves the decision between
labels without touching the model. The offsets are chosen on the even claims of the
Climate-FEVER dev file (read from ../shared/eval at run time, never stored) together with the
project's own dev pairs (data/stance/dev.jsonl): the mean of the two macro-F1s. The odd
Climate-FEVER claims are reported beside them as held out.

    python scripts/calibrate_stance.py --model bot/models/stance-minilm.json [--write]
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from eval_stance_pairs import macro_f1  # noqa: E402  (scripts/, beside this one)

from bot.engine.stance_model import DEFAULT_CONFIG, LABEL_ORDER, ModelStanceJudge  # noqa: E402

CLIMATE_FEVER = ROOT.parent / "shared" / "eval" / "climate_fever_dev.jsonl"
OWN_DEV = ROOT / "data" / "stance" / "dev.jsonl"
GOLD = {"SUPPORTS": 0, "REFUTES": 1, "NEUTRAL": 2, "NOT_ENOUGH_INFO": 2}
LABELS = (0, 1, 2)  # label ids: SUPPORTS, REFUTES, NEUTRAL
GRID = np.round(np.arange(-2.0, 3.01, 0.25), 2)  # offsets tried for SUPPORTS and REFUTES


def pairs(judge: ModelStanceJudge, data: Path) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Log-probabilities (without offsets) and gold labels of each evaluation part."""
    parts: dict[str, tuple[list[np.ndarray], list[int]]] = {
        "cf_even": ([], []),
        "cf_odd": ([], []),
        "own_dev": ([], []),
    }
    for i, line in enumerate(data.read_text(encoding="utf-8").splitlines()):
        if not line.strip():
            continue
        case = json.loads(line)
        probs = judge.probabilities(case["claim"], [e["text"] for e in case["evidences"]])
        logs, gold = parts["cf_even" if i % 2 == 0 else "cf_odd"]
        logs.append(np.log(np.clip(probs, 1e-9, 1.0)))
        gold += [GOLD[e["label"]] for e in case["evidences"]]
    by_claim: dict[str, list[dict[str, str]]] = {}
    for line in OWN_DEV.read_text(encoding="utf-8").splitlines():
        if line:
            row = json.loads(line)
            by_claim.setdefault(row["claim"], []).append(row)
    for claim in sorted(by_claim):
        mine = by_claim[claim]
        probs = judge.probabilities(claim, [r["evidence"] for r in mine])
        parts["own_dev"][0].append(np.log(np.clip(probs, 1e-9, 1.0)))
        parts["own_dev"][1].extend(GOLD[r["label"]] for r in mine)
    return {k: (np.concatenate(v[0]), np.array(v[1])) for k, v in parts.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=DEFAULT_CONFIG, help="model config (JSON)")
    parser.add_argument("--data", type=Path, default=CLIMATE_FEVER)
    parser.add_argument("--write", action="store_true", help="store the offsets in the config")
    args = parser.parse_args()
    config = json.loads(args.model.read_text(encoding="utf-8"))
    judge = ModelStanceJudge(args.model)
    judge.config = replace(judge.config, offsets=(0.0, 0.0, 0.0))  # measure the bare model
    data = pairs(judge, args.data)

    def scores(offsets: np.ndarray) -> dict[str, float]:
        return {
            k: macro_f1(g, (logs + offsets).argmax(axis=1), LABELS)["macro_f1"]
            for k, (logs, g) in data.items()
        }

    best, chosen = -1.0, np.zeros(3)
    for s, r in itertools.product(GRID, GRID):
        offsets = np.array([s, r, 0.0])
        got = scores(offsets)
        tuned = (got["cf_even"] + got["own_dev"]) / 2
        if tuned > best + 1e-9:
            best, chosen = tuned, offsets
    print("macro-F1 by part (tuned on cf_even + own_dev; cf_odd held out):")
    for name, offsets in (("no offsets", np.zeros(3)), ("chosen", chosen)):
        got = scores(offsets)
        print(
            f"  {name:>10} {offsets.tolist()}: " + " ".join(f"{k} {v:.4f}" for k, v in got.items())
        )
    if args.write:
        config["logit_offsets"] = {
            s.value: float(v) for s, v in zip(LABEL_ORDER, chosen, strict=True)
        }
        args.model.write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
        print(f"wrote logit_offsets to {args.model}")


if __name__ == "__main__":
    main()
