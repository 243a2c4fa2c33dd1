"""Per-token int8 products for the fused MiniLM embedder (used by ``export_minilm.py``).

Every MatMul with a constant weight (attention output, FFN up, FFN down; 75% of the
multiply-adds) becomes an integer product:

    x / smooth -> per token: scale = max|x| / 127, q = round(x / scale) + 128 (uint8)
    -> MatMulInteger with int8 weights (per output channel, within +-63)
    -> float(int32) * token scale * channel scale

- Integers are exact: CPUs without VNNI add uint8 x int8 pairs in a saturating int16
  (``vpmaddubsw``); with weights within +-63 no pair sum reaches 2**15 (255 * 63 * 2), so
  every CPU computes the same int32 products, and the rest is the fp32 arithmetic of before.
- A token's scale comes from that token alone (no per-batch activation scale), and the
  embedder runs each text alone, so a vector depends on its own text only.
- ``smooth`` (SmoothQuant, alpha 0.5: max|x_k| ** a / max|w_k| ** (1 - a) per input channel,
  measured on calibration texts) moves BERT's few large activation channels into the weights.
- The FFN's second product reads GELU output, which is never below -0.17: it is shifted up by
  0.17 and quantised unsigned (0..255, twice the resolution), the shift's product subtracted
  as a constant.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

ALPHA = 0.5  # SmoothQuant's default migration strength
WEIGHT_MAX = 63  # 7-bit weights: no int16 saturation on CPUs without VNNI
GELU_FLOOR = 0.17  # min of x * Phi(x) is -0.16997


def _weight_matmuls(graph: object) -> list[tuple[object, str]]:
    """(MatMul node, name of its fp32 weight initializer) for each constant-weight MatMul."""
    inits = {i.name for i in graph.initializer}  # type: ignore[attr-defined]
    cast_src = {n.output[0]: n.input[0] for n in graph.node  # type: ignore[attr-defined]
                if n.op_type == "Cast" and n.input[0] in inits}
    out = []
    for node in graph.node:  # type: ignore[attr-defined]
        if node.op_type == "MatMul":
            weight = cast_src.get(node.input[1], node.input[1])
            if weight in inits:
                out.append((node, weight))
    return out


def activation_maxima(model_path: Path, texts: Sequence[str]) -> dict[str, np.ndarray]:
    """Per input channel, the largest |activation| entering each weight MatMul."""
    import onnx
    import onnxruntime as ort

    from retrieval.minilm import minilm_tokenizer

    model = onnx.load(str(model_path))
    inputs = [node.input[0] for node, _ in _weight_matmuls(model.graph)]
    for name in inputs:
        model.graph.output.append(onnx.helper.make_tensor_value_info(
            name, onnx.TensorProto.FLOAT, None))
    session = ort.InferenceSession(model.SerializeToString(),
                                   providers=["CPUExecutionProvider"])
    tokenizer = minilm_tokenizer()
    maxima = {name: np.zeros(0, dtype=np.float32) for name in inputs}
    for text in texts:
        ids = np.array([tokenizer.encode(text).ids], dtype=np.int64)
        outs = session.run(inputs, {"input_ids": ids, "attention_mask": np.ones_like(ids)})
        for name, value in zip(inputs, outs, strict=True):
            m = np.abs(value).reshape(-1, value.shape[-1]).max(axis=0)
            maxima[name] = m if maxima[name].size == 0 else np.maximum(maxima[name], m)
    return maxima


def _is_ffn_down(name: str) -> bool:
    return "/output/dense/" in name and "/attention/" not in name


def _quantised_product(p: str, down: bool) -> list[Any]:
    """Nodes from the smoothed input ``{p}_x`` to the int32 product ``{p}_yi``, with the
    token's scale in ``{p}_s``: unsigned 0..255 from the shifted GELU output (``down``),
    else symmetric, 127 steps either side of 128."""
    from onnx import TensorProto, helper

    if down:
        nodes = [helper.make_node("Add", [f"{p}_x", f"{p}_shift"], [f"{p}_xs"]),
                 helper.make_node("Max", [f"{p}_xs", "q_zero"], [f"{p}_xp"])]  # rounding only
        magnitude = value = f"{p}_xp"
    else:
        nodes = [helper.make_node("Abs", [f"{p}_x"], [f"{p}_abs"])]
        magnitude, value = f"{p}_abs", f"{p}_x"
    nodes += [
        helper.make_node("ReduceMax", [magnitude], [f"{p}_max"], axes=[-1], keepdims=1),
        helper.make_node("Max", [f"{p}_max", "q_eps"], [f"{p}_max1"]),
        helper.make_node("Div", [f"{p}_max1", "q_255" if down else "q_127"], [f"{p}_s"]),
        helper.make_node("Div", [value, f"{p}_s"], [f"{p}_xd"]),
        helper.make_node("Round", [f"{p}_xd"], [f"{p}_xr"]),
    ]
    rounded = f"{p}_xr"
    if not down:
        nodes.append(helper.make_node("Add", [rounded, "q_128"], [f"{p}_xo"]))
        rounded = f"{p}_xo"
    nodes += [
        helper.make_node("Cast", [rounded], [f"{p}_xq"], to=TensorProto.UINT8),
        helper.make_node("MatMulInteger", [f"{p}_xq", f"{p}_wq",
                                           "q_zp_low" if down else "q_zp_mid", "q_zp_w"],
                         [f"{p}_yi"]),
    ]
    return nodes


def token_int8(src: Path, dst: Path, calibration: Sequence[str]) -> None:
    """Rewrite ``src`` (fused fp32 or fp16-stored MiniLM) with per-token int8 products."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    maxima = activation_maxima(src, calibration)
    model = onnx.load(str(src))
    graph = model.graph
    inits = {i.name: i for i in graph.initializer}
    consts = {"q_eps": np.array(1e-8, np.float32), "q_127": np.array(127, np.float32),
              "q_255": np.array(255, np.float32), "q_128": np.array(128, np.float32),
              "q_zero": np.array(0, np.float32), "q_zp_mid": np.array(128, np.uint8),
              "q_zp_low": np.array(0, np.uint8), "q_zp_w": np.array(0, np.int8)}
    replaced: dict[str, list[onnx.NodeProto]] = {}
    used_weights = set()
    for node, weight_name in _weight_matmuls(graph):
        p = node.name.replace("/", "_").strip("_")
        x = node.input[0]
        w = numpy_helper.to_array(inits[weight_name]).astype(np.float64)  # [K, N]
        a = np.maximum(maxima[x].astype(np.float64), 1e-5)
        smooth = a ** ALPHA / np.maximum(np.abs(w).max(axis=1), 1e-5) ** (1 - ALPHA)
        w = w * smooth[:, None]
        w_scale = np.abs(w).max(axis=0) / WEIGHT_MAX
        w_scale[w_scale == 0] = 1.0
        w_q = np.clip(np.round(w / w_scale), -WEIGHT_MAX, WEIGHT_MAX).astype(np.int8)
        new = {f"{p}_inv_smooth": (1.0 / smooth).astype(np.float32), f"{p}_wq": w_q,
               f"{p}_ws": w_scale.astype(np.float32)}
        down = _is_ffn_down(node.name)
        if down:
            shift = (GELU_FLOOR / smooth).astype(np.float32)
            new[f"{p}_shift"] = shift
            new[f"{p}_shift_product"] = (shift.astype(np.float64)
                                         @ (w_q.astype(np.float64) * w_scale)).astype(np.float32)
        nodes = [helper.make_node("Mul", [x, f"{p}_inv_smooth"], [f"{p}_x"]),
                 *_quantised_product(p, down)]
        last = f"{p}_y" if down else node.output[0]
        nodes += [
            helper.make_node("Cast", [f"{p}_yi"], [f"{p}_yf"], to=TensorProto.FLOAT),
            helper.make_node("Mul", [f"{p}_yf", f"{p}_s"], [f"{p}_yt"]),
            helper.make_node("Mul", [f"{p}_yt", f"{p}_ws"], [last]),
        ]
        if down:
            nodes.append(helper.make_node("Sub", [last, f"{p}_shift_product"], [node.output[0]]))
        consts.update(new)
        replaced[node.name] = nodes
        used_weights.add(weight_name)

    out_nodes = []
    for node in graph.node:
        if node.name in replaced:
            out_nodes += replaced[node.name]
        elif node.op_type == "Cast" and node.input[0] in used_weights:
            continue  # the fp16 -> fp32 cast of a weight now stored as int8
        else:
            out_nodes.append(node)
    still_read = {i for n in out_nodes for i in n.input}
    kept = [i for i in graph.initializer if i.name in still_read]
    del graph.initializer[:]
    graph.initializer.extend(kept)
    graph.initializer.extend(numpy_helper.from_array(v, k) for k, v in consts.items())
    del graph.node[:]
    graph.node.extend(out_nodes)
    onnx.checker.check_model(model)
    onnx.save(model, str(dst))
