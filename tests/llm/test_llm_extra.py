"""Without the llm extra, asking for a model names the extra to install."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# LangChain's OpenAI package hidden, as in a runtime-only install.
SCRIPT = """
import sys
sys.modules["langchain_openai"] = None
from bot.cli import main
sys.exit(main(["ask", "Was this a negotiation?", "--store", sys.argv[1]]))
"""


def test_a_model_without_the_llm_extra_names_the_extra(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CROSSCHECK_")}
    env.update(CROSSCHECK_LLM="openai-compatible:stub", CROSSCHECK_LLM_BASE_URL="http://127.0.0.1:9",
               CROSSCHECK_AUTO_SEED="false", CROSSCHECK_CONFIG=str(tmp_path / "absent.toml"))
    out = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path / "store")], env=env,
                         cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert out.returncode != 0
    assert "crosscheck[llm]" in out.stderr, out.stderr[-2000:]
    assert "Traceback" not in out.stderr
