"""Re-derive the rules + model blend from recorded evidence, without re-running the engine.

``record`` runs the real engine up to the stance step on labelled claims and saves, per
evidence sentence, what the blend sees: the rules' label, score and cue, the cosine to the
claim, and each stance model's probabilities. ``grid`` then replays the blend and the verdict
for many thresholds in seconds, scoring them on one part of the cases (the tuning part) and
reporting the others beside it (held out). Climate-FEVER cases (read from ../shared/eval at
run time, never stored) are split by index: even = tuning, odd = held out; the project's own
evaluation claims (data/eval) are split by story into dev (tuning) and test (held out).

    python scripts/tune_blend.py record --cases ../shared/eval/climate_fever_dev.jsonl \
        --model new=bot/models/stance-minilm.json --out /tmp/cf.jsonl
    python scripts/tune_blend.py grid /tmp/cf.jsonl /tmp/own-dev.jsonl --model new
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.engine.claims import make_claim  # noqa: E402
from bot.engine.stance_model import ModelStanceJudge  # noqa: E402
from bot.engine.stance_rules import RulesStanceJudge  # noqa: E402
from bot.engine.verdict import decide  # noqa: E402
from bot.evaluate import GOLD_VERDICT, LABELS, _case_docs, classification  # noqa: E402
from bot.pipeline import EVIDENCE_LIMIT, Verifier  # noqa: E402
from bot.services import Services  # noqa: E402
from bot.settings import Settings  # noqa: E402
from bot.types import Attribution, Evidence, Stance, StanceScore  # noqa: E402
from retrieval.documents import load_file  # noqa: E402
from retrieval.store import ChunkStore  # noqa: E402

# -- recording --------------------------------------------------------------------------------


def _claim_cases(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """(split, case) for Climate-FEVER claims or the project's own claim cases."""
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        if not line.strip():
            continue
        case = json.loads(line)
        if "evidences" in case:
            yield ("tune" if i % 2 == 0 else "held"), case
        elif case.get("kind", "claim") == "claim":
            yield path.stem, case


def record(args: argparse.Namespace) -> None:
    import chromadb

    judges = {
        name: ModelStanceJudge(Path(cfg)) for name, cfg in (m.split("=", 1) for m in args.model)
    }
    client = chromadb.EphemeralClient(settings=chromadb.Settings(anonymized_telemetry=False))
    with tempfile.TemporaryDirectory(prefix="crosscheck-tune-") as tmp:
        base = Services(Settings(store=Path(tmp), auto_seed=False))
        rules_judge = RulesStanceJudge(base.parser)

        def fresh(name: str) -> Services:
            return Services(
                base.settings,
                embedder=base.embedder,
                parser=base.parser,
                judge=rules_judge,
                store=ChunkStore(name, client=client),
            )

        stores: dict[tuple[str, ...], Services] = {}
        with args.out.open("w", encoding="utf-8") as out:
            for i, (split, case) in enumerate(_claim_cases(args.cases)):
                if args.limit and i >= args.limit:
                    break
                if "evidences" in case:
                    services = fresh(f"case{i}")
                    services.ingest_documents(_case_docs(case))
                    question, history, gold = case["claim"], [], GOLD_VERDICT[case["label"]]
                else:
                    # Questions without their own documents are about the seed corpus.
                    folder = args.cases.parent if "documents" in case else ROOT / "seeds"
                    names = case.get("documents") or sorted(p.name for p in folder.iterdir())
                    key = tuple(str(folder / n) for n in names)
                    if key not in stores:
                        services = fresh(f"story{len(stores)}")
                        services.ingest_documents([load_file(Path(d)) for d in key])
                        stores[key] = services
                    services = stores[key]
                    question, gold = case["question"], case["verdict"]
                    history = [{"role": "user", "content": h} for h in case.get("history", [])]
                verifier = Verifier(services)
                claim = make_claim(question, services.parser, history, verifier._find_subject)
                vector = services.searcher.query_vector(claim.text)
                passages = services.searcher.search(claim.text, services.settings.top_k, vector)
                cands = verifier.finder.candidates(passages, vector, EVIDENCE_LIMIT)
                texts = [c.text for c in cands]
                rules = rules_judge.judge(claim.text, cands)
                probs = {n: j.probabilities(claim.text, texts).tolist() for n, j in judges.items()}
                row = {
                    "id": case.get("id", i),
                    "split": split,
                    "gold": gold,
                    "claim": claim.text,
                    "sentences": [
                        {
                            "doc": c.doc.doc_id,
                            "text": c.text,
                            "source": c.doc.source,
                            "cosine": round(float(c.cosine), 5),
                            "relevance": round(float(r.relevance), 5),
                            "rules": [r.score.label.value, r.score.score, r.score.cue],
                            "probs": {n: p[k] for n, p in probs.items()},
                        }
                        for k, (c, r) in enumerate(zip(cands, rules, strict=True))
                    ],
                }
                out.write(json.dumps(row) + "\n")
                if "evidences" in case:
                    client.delete_collection(f"chunks-case{i}")
                    client.delete_collection(f"docs-case{i}")
                if (i + 1) % 100 == 0:
                    print(f"  {i + 1} cases", file=sys.stderr, flush=True)


def add_model(args: argparse.Namespace) -> None:
    """Add one more model's probabilities to recorded rows (the evidence stays the same)."""
    name, cfg = args.model.split("=", 1)
    judge = ModelStanceJudge(Path(cfg))
    rows = [json.loads(line) for line in args.rows.read_text(encoding="utf-8").splitlines()]
    for row in rows:
        probs = judge.probabilities(row["claim"], [s["text"] for s in row["sentences"]])
        for sentence, p in zip(row["sentences"], probs.tolist(), strict=True):
            sentence["probs"][name] = p
    args.rows.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


# -- replaying --------------------------------------------------------------------------------


def _evidence(sentence: dict[str, Any], score: StanceScore) -> Evidence:
    return Evidence(
        doc_id=sentence["doc"],
        title="",
        source=sentence["source"],
        start=0,
        end=0,
        quote="",
        paragraph=0,
        relevance=sentence["relevance"],
        attribution=Attribution(speaker=None),
        stance=score,
    )


def decisions(rows: list[dict[str, Any]], stance_of, **verdict_params: float) -> list[Any]:
    """The verdict decision for each case, with ``stance_of(sentence) -> StanceScore``."""
    return [
        decide([_evidence(s, stance_of(s)) for s in row["sentences"]], **verdict_params)
        for row in rows
    ]


def verdicts(
    rows: list[dict[str, Any]], stance_of, **verdict_params: float
) -> list[tuple[str, str]]:
    """(gold, predicted) for each case."""
    found = decisions(rows, stance_of, **verdict_params)
    return [(row["gold"], d.verdict.value) for row, d in zip(rows, found, strict=True)]


def calibration(rows: list[dict[str, Any]], stance_of, **verdict_params: float) -> list[str]:
    """How often the verdict is right, by the confidence the engine gives it."""
    edges = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)
    found = decisions(rows, stance_of, **verdict_params)
    lines = []
    for lo, hi in itertools.pairwise(edges):
        hits = [
            row["gold"] == d.verdict.value
            for row, d in zip(rows, found, strict=True)
            if lo <= d.confidence < hi
        ]
        if hits:
            lines.append(
                f"    confidence {lo:.1f}-{min(hi, 1.0):.1f}: {len(hits):5d} cases, "
                f"right {sum(hits) / len(hits):.3f}"
            )
    return lines


def rules_only(sentence: dict[str, Any]) -> StanceScore:
    label, score, cue = sentence["rules"]
    return StanceScore(Stance(label), score, cue)


def _split_of(name: str) -> str:
    """Climate-FEVER's halves as recorded; every own file with its split ("contested_dev",
    "seed_rephrasings3_test") in the own dev or test split."""
    if name.endswith("dev"):
        return "dev"
    if name.endswith("test"):
        return "test"
    return name


def load_rows(paths: list[Path]) -> dict[str, list[dict[str, Any]]]:
    splits: dict[str, list[dict[str, Any]]] = {}
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            splits.setdefault(_split_of(row["split"]), []).append(row)
    return splits


def grid(args: argparse.Namespace) -> None:
    from bot.engine import stance
    from bot.engine import verdict as verdict_module

    splits = load_rows(args.rows)
    tuning = [s for s in splits if s in ("tune", "dev")]
    model = args.model

    def split(params: dict[str, float]) -> tuple[dict[str, float], dict[str, float]]:
        """Blend thresholds, verdict thresholds."""
        verdict = {k: v for k, v in params.items() if k in VERDICT_CONSTANTS}
        return {k: v for k, v in params.items() if k not in verdict}, verdict

    def blended(params: dict[str, float]):
        blend_params, _ = split(params)

        def stance_of(sentence: dict[str, Any]) -> StanceScore:
            return stance.blend(
                rules_only(sentence), sentence["probs"][model], sentence["cosine"], **blend_params
            )

        return stance_of

    def score(params: dict[str, float] | None) -> dict[str, float]:
        stance_of = rules_only if params is None else blended(params)
        verdict_params = split(params or {})[1]
        return {
            s: classification(verdicts(rows, stance_of, **verdict_params))["macro_f1"]
            for s, rows in splits.items()
        }

    print("split sizes:", {s: len(r) for s, r in splits.items()})
    print("rules alone:", _fmt(score(None)))
    print("current blend:", _fmt(score({})))
    # Coordinate ascent from the current values: each threshold in turn over its candidate
    # values, the others held, until a full round changes nothing.
    params = {k: getattr(stance, name) for k, name in PARAM_CONSTANTS.items()}
    params.update({k: getattr(verdict_module, name) for k, name in VERDICT_CONSTANTS.items()})
    space = {**stance.BLEND_SEARCH, **VERDICT_SEARCH}
    best = -1.0
    for _round in range(4):
        changed = False
        for key, values in space.items():
            for value in values:
                trial = {**params, key: value}
                got = score(trial)
                mean = sum(got[s] for s in tuning) / len(tuning)
                if mean > best + 1e-9:
                    best, params, changed = mean, trial, True
                    print(f"{mean:.4f} {params} {_fmt(got)}", flush=True)
        if not changed:
            break
    print("best on the tuning splits:", params)
    stance_of, verdict_params = blended(params), split(params)[1]
    for name, rows in splits.items():
        m = classification(verdicts(rows, stance_of, **verdict_params))
        per = " ".join(f"{lab[:4]} {m['per_class'][lab]['f1']:.3f}" for lab in LABELS)
        print(f"  {name}: macro-F1 {m['macro_f1']:.4f} acc {m['accuracy']:.4f} {per}")
        print("\n".join(calibration(rows, stance_of, **verdict_params)))


VERDICT_CONSTANTS = {"counts": "COUNTS", "strong": "STRONG"}
VERDICT_SEARCH: dict[str, tuple[float, ...]] = {
    "counts": (0.5, 0.55, 0.6, 0.7),
    "strong": (0.55, 0.6, 0.7, 0.8),
}
PARAM_CONSTANTS = {
    "refutes_min": "MODEL_REFUTES_MIN",
    "relevance_min": "MODEL_RELEVANCE_MIN",
    "rules_sure": "RULES_SURE",
    "similar_supports": "SIMILAR_SUPPORTS",
    "neutral_max": "MODEL_NEUTRAL_MAX",
    "supports_min": "MODEL_SUPPORTS_MIN",
    "neutral_veto": "MODEL_NEUTRAL_VETO",
    "rules_refutes_sure": "RULES_REFUTES_SURE",
}


# The blend before it was re-derived for the model trained on all of the public NLI data.
PREVIOUS_BLEND = {
    "refutes_min": 0.5,
    "relevance_min": 0.3,
    "rules_sure": 0.8,
    "similar_supports": 0.7,
    "neutral_max": 0.8,
    "supports_min": 0.8,
    "neutral_veto": 1.01,
    "rules_refutes_sure": 0.8,
}


def compare(args: argparse.Namespace) -> None:
    """Rules alone, and each recorded model with the previous and the shipped blend."""
    from bot.engine import stance

    splits = load_rows(args.rows)
    names = sorted(splits)
    print(f"{'':34s}" + "".join(f"{n:>16s}" for n in names))

    def line(label: str, stance_of) -> None:
        cells = []
        for n in names:
            m = classification(verdicts(splits[n], stance_of))
            cells.append(f"{m['macro_f1']:.3f} / {m['accuracy']:.3f}")
        print(f"{label:34s}" + "".join(f"{c:>16s}" for c in cells))

    line("rules alone", rules_only)
    for model in args.model:
        for label, params in (("previous blend", PREVIOUS_BLEND), ("shipped blend", {})):

            def stance_of(s: dict[str, Any], model=model, params=params) -> StanceScore:
                return stance.blend(rules_only(s), s["probs"][model], s["cosine"], **params)

            line(f"{model} + {label}", stance_of)
    print("cells: macro-F1 / accuracy of the claim verdicts")
    model = args.model[-1]
    print(f"calibration of {model} + shipped blend:")
    for n in names:
        print(f"  {n}:")
        print("\n".join(calibration(
            splits[n], lambda s: stance.blend(rules_only(s), s["probs"][model], s["cosine"])
        )))


def _fmt(scores: dict[str, float]) -> str:
    return " ".join(f"{s} {v:.4f}" for s, v in sorted(scores.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    rec = sub.add_parser("record", help="run the engine to the stance step and save features")
    rec.add_argument("--cases", type=Path, required=True)
    rec.add_argument("--model", action="append", required=True, help="NAME=path/to/config.json")
    rec.add_argument("--out", type=Path, required=True)
    rec.add_argument("--limit", type=int, default=0)
    add = sub.add_parser("add-model", help="add a model's probabilities to recorded rows")
    add.add_argument("rows", type=Path)
    add.add_argument("--model", required=True, help="NAME=path/to/config.json")
    gr = sub.add_parser("grid", help="replay the blend, searching thresholds")
    gr.add_argument("rows", type=Path, nargs="+")
    gr.add_argument("--model", required=True, help="which recorded model's probabilities")
    cmp = sub.add_parser("compare", help="rules alone vs each model, previous vs shipped blend")
    cmp.add_argument("rows", type=Path, nargs="+")
    cmp.add_argument("--model", action="append", required=True)
    args = parser.parse_args()
    {"record": record, "add-model": add_model, "grid": grid, "compare": compare}[args.command](args)


if __name__ == "__main__":
    main()
