"""Fresh clone to first page: ``git clone``, ``make install``, ``crosscheck serve``, GET /.

    nice -n 10 .venv/bin/python bench/first_page.py            # this checkout's HEAD

What ``make run`` does, timed in two parts (install; serve until the page answers), with the
venv's size once the page has been served. Uses the installers' caches (uv's, pip's) like a
second install on the same machine would; with ``--cold-cache``, an empty uv cache, as on a
machine that never installed it. Prints one JSON object.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run import ENV, machine  # noqa: E402
from bench.venv_size import HEAVY, du  # noqa: E402


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="crosscheck-first-page-"))
    clone = work / "clone"
    env = dict(ENV)
    if "--cold-cache" in sys.argv[1:]:
        env["UV_CACHE_DIR"] = str(work / "uv-cache")
    try:
        subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
        t = time.perf_counter()
        subprocess.run(["make", "install"], cwd=clone, env=env, check=True,
                       capture_output=True)
        install = time.perf_counter() - t
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        t = time.perf_counter()
        server = subprocess.Popen([str(clone / ".venv" / "bin" / "crosscheck"), "serve",
                                   "--port", str(port), "--store", str(work / "store")],
                                  cwd=clone, env=ENV, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)
        try:
            while True:
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5).read()
                    break
                except OSError:
                    if server.poll() is not None or time.perf_counter() - t > 600:
                        raise RuntimeError("the server did not serve its page") from None
                    time.sleep(0.25)
            first_page = time.perf_counter() - t
        finally:
            server.terminate()
            server.wait(timeout=60)
        site = next((clone / ".venv" / "lib").glob("python*/site-packages"))
        print(json.dumps({
            "machine": machine(), "head": subprocess.run(
                ["git", "-C", str(clone), "rev-parse", "--short", "HEAD"], capture_output=True,
                text=True, check=False).stdout.strip(),
            "make_install_s": round(install, 1), "serve_to_first_page_s": round(first_page, 1),
            "clone_to_first_page_s": round(install + first_page, 1),
            "venv_mb_after_first_page": round(du(clone / ".venv") / 2**20, 1),
            "heavy_installed": {h: (site / h).is_dir() for h in HEAVY}}))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
