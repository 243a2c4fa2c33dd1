"""Write the byte code of what the app imports, so the first `crosscheck ask` starts warm.

    python scripts/compile_imports.py      # `make install` runs it

The install skips byte-compiling (most of the dependency tree is never imported); Python
then compiles each module the first time it is imported and keeps the result, unless
PYTHONDONTWRITEBYTECODE is set (container images often set it) or the venv is read-only:
then every start compiles chromadb, spaCy and the rest again (~1 s of CPU on 2 cores). This
imports what `ask` and `serve` import and loads the parts that import more on load (the
spaCy pipeline, a Chroma client, the ONNX runtime), with byte code writing switched on.
"""

from __future__ import annotations

import importlib
import os
import sys
import tempfile
import time

if os.environ.get("PYTHONDONTWRITEBYTECODE"):
    # The flag is read at start-up: run again without it.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    os.execve(sys.executable, [sys.executable, *sys.argv], env)

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")

MODULES = ["bot.cli", "bot.pipeline", "bot.services", "retrieval.ingest", "retrieval.minilm",
           "bot.engine.stance_model", "bot.engine.dialogue", "onnxruntime", "tokenizers",
           "bot.web.server"]


def main() -> int:
    started = time.perf_counter()
    for name in MODULES:
        importlib.import_module(name)
    from bot.engine.nlp import Parser
    from retrieval.store import ChunkStore

    Parser().pipeline()
    with tempfile.TemporaryDirectory() as folder:
        ChunkStore("compile", path=folder).is_empty()
    print(f"byte code written for {len(sys.modules)} modules in "
          f"{time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
