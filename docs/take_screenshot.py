"""Re-take docs/screenshot.png: the chat answering "Was this a negotiation?".

Start the app first (``crosscheck serve``), then:
    .venv/bin/python docs/take_screenshot.py [http://127.0.0.1:7860]
Needs the ``dev`` extra (playwright) and Debian's chromium.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

QUESTION = "Was this a negotiation?"
OUT = Path(__file__).resolve().parent / "screenshot.png"


def main(url: str = "http://127.0.0.1:7860") -> None:
    with sync_playwright() as p, tempfile.TemporaryDirectory() as profile:
        context = p.chromium.launch_persistent_context(
            profile, executable_path="/usr/bin/chromium", headless=True,
            args=["--no-sandbox", "--disable-gpu", "--no-first-run"],
            viewport={"width": 1400, "height": 1000}, device_scale_factor=1)
        page = context.new_page()
        page.goto(url.rstrip("/") + "/")
        page.locator("#cc-question textarea").fill(QUESTION)
        t0 = time.monotonic()
        page.locator("#cc-ask").click()
        page.locator("#cc-badge [data-verdict]").wait_for(timeout=120_000)
        print(f"answered in {time.monotonic() - t0:.2f} s: "
              f"{page.locator('#cc-badge .cc-badge-word').inner_text()}")
        page.wait_for_timeout(500)
        page.screenshot(path=str(OUT), full_page=True)
        context.close()
    print(f"saved {OUT}")


if __name__ == "__main__":
    main(*sys.argv[1:2])
