"""Weight-only int8 for the stance cross-encoder: int8 on disk, fp32 arithmetic at run time.

Dynamic quantisation scales activations per batch, so a sentence's probabilities depended on
the sentences judged with it, and int8 kernels differ between CPUs. Here only the weights are
int8 (symmetric, one scale per output channel, a ``DequantizeLinear`` in front of each use);
onnxruntime folds them back to fp32 when the session loads (the judge turns off QDQ fusion),
so every product is an fp32 one and a pair's result depends on that pair alone.

    python scripts/quantise_stance.py FP32.onnx OUT.onnx                # a fresh fp32 export
    python scripts/quantise_stance.py --from-dynamic OLD.onnx OUT.onnx  # a dynamic-int8 file
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
import onnx
from onnx import helper, numpy_helper


def _int8_per_channel(weight: np.ndarray, axis: int) -> tuple[np.ndarray, np.ndarray]:
    """Symmetric int8 values and one fp32 scale per slice along ``axis``."""
    reduce = tuple(d for d in range(weight.ndim) if d != axis)
    peak = np.abs(weight).max(axis=reduce)
    scale = np.where(peak > 0, peak / 127.0, 1.0).astype(np.float32)
    shape = [1] * weight.ndim
    shape[axis] = -1
    q = np.clip(np.rint(weight / scale.reshape(shape)), -127, 127).astype(np.int8)
    return q, scale


def _dequantised(graph: onnx.GraphProto, name: str, q: np.ndarray, scale: np.ndarray, axis: int):
    """Add int8 + scale + zero point initializers and the node that restores fp32 ``name``."""
    graph.initializer.extend(
        [
            numpy_helper.from_array(q, f"{name}_int8"),
            numpy_helper.from_array(scale, f"{name}_scale"),
            numpy_helper.from_array(np.zeros_like(scale, dtype=np.int8), f"{name}_zero"),
        ]
    )
    return helper.make_node(
        "DequantizeLinear",
        [f"{name}_int8", f"{name}_scale", f"{name}_zero"],
        [name],
        name=f"{name}_dequantise",
        axis=axis,
    )


def _prune(graph: onnx.GraphProto) -> None:
    """Drop nodes and initializers nothing reads any more."""
    while True:
        used = {i for n in graph.node for i in n.input} | {o.name for o in graph.output}
        keep = [n for n in graph.node if any(o in used for o in n.output)]
        if len(keep) == len(graph.node):
            break
        del graph.node[:]
        graph.node.extend(keep)
    used = {i for n in graph.node for i in n.input}
    keep_init = [i for i in graph.initializer if i.name in used]
    del graph.initializer[:]
    graph.initializer.extend(keep_init)


def weight_only_int8(src: Path, dst: Path) -> None:
    """Quantise the fp32 weights of MatMul (per output column) and Gather (per row) tables."""
    model = onnx.load(str(src))
    graph = model.graph
    inits = {i.name: i for i in graph.initializer}
    # Which slot of which op holds a weight, and along which axis each scale runs.
    slots = {"MatMul": (1, 1), "Gather": (0, 0)}
    front: list[onnx.NodeProto] = []
    done: set[str] = set()
    for node in graph.node:
        if node.op_type not in slots:
            continue
        slot, axis = slots[node.op_type]
        name = node.input[slot]
        init = inits.get(name)
        if init is None or init.data_type != onnx.TensorProto.FLOAT or len(init.dims) != 2:
            continue
        if name not in done:
            q, scale = _int8_per_channel(numpy_helper.to_array(init), axis)
            front.append(_dequantised(graph, f"{name}_fp32", q, scale, axis))
            done.add(name)
        node.input[slot] = f"{name}_fp32"
    nodes = front + list(graph.node)
    del graph.node[:]
    graph.node.extend(nodes)
    _prune(graph)
    onnx.checker.check_model(model)
    onnx.save(model, str(dst))


def from_dynamic(src: Path, dst: Path) -> None:
    """Rewrite a dynamically quantised file: each int8 MatMul becomes int8 weights + fp32 MatMul.

    The int8 weights, scales and zero points are kept as they are, so the weights are the same
    numbers as before; only the activations are no longer quantised.
    """
    model = onnx.load(str(src))
    graph = model.graph
    readers: dict[str, list[onnx.NodeProto]] = {}
    writers: dict[str, onnx.NodeProto] = {}
    for node in graph.node:
        for name in node.input:
            readers.setdefault(name, []).append(node)
        for name in node.output:
            writers[name] = node
    replaced: dict[int, list[onnx.NodeProto]] = {}
    dropped: set[int] = set()
    for node in graph.node:
        if node.op_type != "MatMulInteger":
            continue
        a_q, w_q, _a_zero, w_zero = node.input
        activations = writers[a_q].input[0]  # what DynamicQuantizeLinear quantised
        [cast] = readers[node.output[0]]
        [rescale] = readers[cast.output[0]]
        if cast.op_type != "Cast" or rescale.op_type != "Mul":
            raise ValueError(f"{src}: unexpected pattern after {node.name}")
        w_scale = w_q.removesuffix("_quantized") + "_scale"
        weights = w_q.removesuffix("_quantized") + "_fp32"
        dq = helper.make_node(
            "DequantizeLinear", [w_q, w_scale, w_zero], [weights], name=f"{weights}_dq", axis=1
        )
        matmul = helper.make_node(
            "MatMul", [activations, weights], [rescale.output[0]], name=f"{node.name}_fp32"
        )
        replaced[id(node)] = [dq, matmul]
        dropped.update((id(cast), id(rescale)))
    nodes: list[onnx.NodeProto] = []
    for node in graph.node:
        if id(node) in dropped:
            continue
        nodes.extend(replaced.get(id(node), [node]))
    del graph.node[:]
    graph.node.extend(nodes)
    _prune(graph)
    if any(n.op_type in {"DynamicQuantizeLinear", "MatMulInteger"} for n in graph.node):
        raise ValueError(f"{src}: activations are still quantised after the rewrite")
    onnx.checker.check_model(model)
    onnx.save(model, str(dst))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("src", type=Path)
    parser.add_argument("dst", type=Path)
    parser.add_argument(
        "--from-dynamic", action="store_true", help="src is a dynamically quantised int8 file"
    )
    args = parser.parse_args()
    (from_dynamic if args.from_dynamic else weight_only_int8)(args.src, args.dst)
    print(f"wrote {args.dst} ({args.dst.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
