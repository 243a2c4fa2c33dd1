"""A real headless Chromium against ``crosscheck serve``: the wiki embed, and escaping."""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
XSS = "<img src=x onerror=alert(1)>"
VERDICTS = ("Supported", "Refuted", "Disputed", "Not enough info")

sync_api = pytest.importorskip("playwright.sync_api", reason="pip install -e '.[dev]'")
if not os.access(CHROMIUM, os.X_OK):
    pytest.skip("Debian's chromium is not installed (apt-get install chromium)",
                allow_module_level=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_for(url: str, proc: subprocess.Popen, log: Path, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"serve exited early:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"serve did not answer {url} in {timeout:.0f}s:\n{log.read_text()}")


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``crosscheck serve`` in a subprocess, seeded with the seed article and an HTML-laden one."""
    tmp = tmp_path_factory.mktemp("serve")
    seeds = tmp / "seeds"
    seeds.mkdir()
    for seed in (ROOT / "seeds").glob("*.txt"):
        shutil.copy(seed, seeds)
    (seeds / "zebra.txt").write_text(
        f"{XSS} Zebra pipeline notice\n\nThe zebra pipeline inspection found {XSS} hairline "
        "cracks in the zebra pipeline, the inspectors said.\n", encoding="utf-8")
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("CROSSCHECK_")}
    env.update(CROSSCHECK_SEEDS=str(seeds), CROSSCHECK_CONFIG=str(tmp / "absent.toml"),
               GRADIO_ANALYTICS_ENABLED="False", HF_HUB_OFFLINE="1",
               HF_HUB_DISABLE_TELEMETRY="1")
    log = tmp / "serve.log"
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "bot", "serve", "--port", str(port),
             "--store", str(tmp / "store")], cwd=tmp, env=env, stdout=out,
            stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_for(url + "/", proc, log)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="module")
def wiki_url(app_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """examples/wiki-embed.html on its own 127.0.0.1 port (another origin), pointed at the app."""
    folder = tmp_path_factory.mktemp("wiki")
    page = (ROOT / "examples" / "wiki-embed.html").read_text(encoding="utf-8")
    (folder / "index.html").write_text(page.replace("http://127.0.0.1:7860", app_url),
                                       encoding="utf-8")
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/index.html"
    server.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as p, tempfile.TemporaryDirectory() as profile:
        args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update",
                "--disable-sync"]
        context = p.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, headless=True, args=args,
            viewport={"width": 1200, "height": 1000})
        yield context
        context.close()


@pytest.fixture
def page(browser) -> Iterator[object]:
    """A fresh tab that records outside requests and any JavaScript dialog."""
    p = browser.new_page()
    p.outside, p.dialogs = [], []
    p.on("request", lambda r: p.outside.append(r.url)
         if not r.url.startswith(("http://127.0.0.1", "data:", "blob:")) else None)
    p.on("dialog", lambda d: (p.dialogs.append(d.message), d.dismiss()))
    yield p
    p.close()


def test_wiki_embed_answers_with_verdict_and_citations(page, wiki_url: str) -> None:
    page.goto(wiki_url)
    widget = page.locator("#embed-component")
    widget.locator("#cc-question textarea").fill("Was this a negotiation?")
    t0 = time.monotonic()
    widget.locator("#cc-ask").click()
    badge = widget.locator("#cc-badge [data-verdict]")
    badge.wait_for(timeout=120_000)
    latency = time.monotonic() - t0
    word = badge.locator(".cc-badge-word").inner_text()
    # The seed article disagrees with itself (U.S. official vs Libyan spokesman).
    assert word in VERDICTS
    assert word == "Disputed"
    cites = widget.locator("#cc-chat .cc-cite")
    assert cites.count() >= 2
    title = cites.first.get_attribute("title") or ""
    assert "“" in title and "—" in title  # the exact quote, then speaker and document
    assert widget.locator("#cc-who tr.cc-row").count() >= 2
    widget.get_by_text("Sources", exact=True).click()  # folded in the compact widget
    widget.locator("#cc-sources mark").first.wait_for(timeout=10_000)

    frame = page.frame_locator("iframe.crosscheck")
    frame.locator("#cc-chat").wait_for(timeout=60_000)
    assert frame.get_by_text("Was this a negotiation?").count() >= 1  # the examples

    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "wiki-embed-answer.png"), full_page=True)
    (ARTIFACTS / "browser-timings.json").write_text(
        json.dumps({"question": "Was this a negotiation?", "verdict": word,
                    "answer_seconds_in_browser": round(latency, 2)}, indent=2))
    assert page.outside == []


def test_html_in_documents_and_questions_stays_text(page, app_url: str) -> None:
    page.goto(app_url + "/")
    page.locator("#cc-question textarea").fill(f"{XSS} Did the zebra pipeline inspection "
                                               "find cracks?")
    page.locator("#cc-ask").click()
    page.locator("#cc-badge [data-verdict], #cc-chat .cc-error").first.wait_for(timeout=120_000)
    chat = page.locator("#cc-chat")
    assert XSS in chat.inner_text()  # the question, shown as typed
    sources = page.locator("#cc-sources").inner_text()
    if "zebra" in sources.lower():  # the document's own markup, cited, is text too
        assert XSS in sources
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "escaping-chat.png"), full_page=True)
    page.get_by_role("tab", name="Corpus").click()
    docs = page.locator("#cc-docs")
    docs.get_by_text("Zebra pipeline notice").wait_for(timeout=30_000)
    assert f"{XSS} Zebra pipeline notice" in docs.inner_text()
    assert page.locator('img[src="x"]').count() == 0
    page.wait_for_timeout(500)  # an onerror handler would have fired by now
    assert page.dialogs == []
    page.screenshot(path=str(ARTIFACTS / "escaping-corpus.png"), full_page=True)


def test_widget_at_400px_shows_sources_as_cards_that_fit(page, app_url: str) -> None:
    """A wiki sidebar: nothing overflows, each source is a card, labels never cover quotes."""
    page.set_viewport_size({"width": 400, "height": 900})
    page.goto(app_url + "/widget/")
    page.locator("#cc-question textarea").fill("How do the two sides describe the meeting?")
    page.locator("#cc-ask").click()
    page.locator("#cc-badge [data-verdict]").wait_for(timeout=120_000)
    assert page.locator("#cc-badge .cc-badge-word").inner_text() == "Sources differ"
    rows = page.locator("#cc-who tr.cc-row")
    assert rows.count() >= 2
    layout = page.evaluate("""() => {
        const page = document.documentElement;
        const who = document.querySelector('#cc-who');
        const box = who.getBoundingClientRect();
        const out = {pageOverflow: page.scrollWidth - window.innerWidth, cells: [], rows: []};
        for (const tr of who.querySelectorAll('tr.cc-row')) {
            out.rows.push(getComputedStyle(tr).display);
            const cells = [...tr.querySelectorAll('td')].map(td => td.getBoundingClientRect());
            const card = tr.getBoundingClientRect();
            // every cell and everything inside it (labels, answers) stays inside its card
            for (const el of tr.querySelectorAll('td, td *')) {
                const r = el.getBoundingClientRect();
                out.cells.push({left: r.left - card.left, right: card.right - r.right,
                                outside: box.right - r.right});
            }
            // stacked: each cell starts below the one before it
            for (let i = 1; i < cells.length; i++)
                if (cells[i].top < cells[i - 1].bottom - 1) out.overlap = true;
        }
        return out;
    }""")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "widget-400px.png"), full_page=True)
    assert layout["pageOverflow"] <= 0, layout
    assert all(d == "block" for d in layout["rows"]), layout["rows"]
    assert all(c["left"] >= -1 and c["right"] >= -1 and c["outside"] >= -1
               for c in layout["cells"]), [c for c in layout["cells"] if c["right"] < -1]
    assert not layout.get("overlap"), "a label or cell covers another"
    assert page.outside == []
