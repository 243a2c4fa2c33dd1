"""Without an optional extra, the feature that needs it names the extra to install."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Packages hidden, as in a runtime-only install; then the CLI with the given arguments.
SCRIPT = """
import sys
for name in sys.argv[2].split(","):
    sys.modules[name] = None
from bot.cli import main
sys.exit(main(sys.argv[3:]))
"""


def _run(tmp_path: Path, hidden: str, *args: str, **env_extra: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CROSSCHECK_")}
    env.update(CROSSCHECK_AUTO_SEED="false", CROSSCHECK_CONFIG=str(tmp_path / "absent.toml"),
               **env_extra)
    return subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path), hidden, *args],
                          env=env, cwd=ROOT, capture_output=True, text=True, timeout=120,
                          check=False)


def test_a_model_without_the_llm_extra_names_the_extra(tmp_path: Path) -> None:
    out = _run(tmp_path, "langchain_openai", "ask", "Was this a negotiation?", "--store",
               str(tmp_path / "store"), CROSSCHECK_LLM="openai-compatible:stub",
               CROSSCHECK_LLM_BASE_URL="http://127.0.0.1:9")
    assert out.returncode != 0
    assert "crosscheck[llm]" in out.stderr, out.stderr[-2000:]
    assert "Traceback" not in out.stderr


def test_mcp_without_the_integrations_extra_names_the_extra(tmp_path: Path) -> None:
    out = _run(tmp_path, "mcp,langchain_core", "mcp", "--store", str(tmp_path / "store"))
    assert out.returncode != 0
    assert "crosscheck[integrations]" in out.stderr, out.stderr[-2000:]
    assert "Traceback" not in out.stderr
