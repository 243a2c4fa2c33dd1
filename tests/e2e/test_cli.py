from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli import main

from ..conftest import SEED


@pytest.fixture
def shared_model(monkeypatch: pytest.MonkeyPatch, embedder) -> None:
    """CLI runs build their own services; hand them the already-loaded model."""
    import retrieval.embeddings as emb

    monkeypatch.setattr(emb, "SentenceTransformerEmbedder", lambda: embedder)


def test_ingest_reports_skips_and_exits_non_zero(tmp_path: Path, capsys, shared_model) -> None:
    (tmp_path / "bad.bin.txt").write_bytes(b"\x00\x00")
    code = main(["ingest", str(SEED), str(tmp_path / "bad.bin.txt"), str(tmp_path / "nope.md"),
                 "--store", str(tmp_path / "store")])
    out, err = capsys.readouterr()
    assert code == 1
    assert "1 documents:" in out and "2 skipped" in out
    assert "bad.bin.txt: looks like a binary file" in err
    assert "nope.md: no such file or folder" in err


def test_ask_json_cites_the_embassy_sentence(tmp_path: Path, capsys, shared_model) -> None:
    store = str(tmp_path / "store")
    assert main(["ingest", str(SEED), "--store", store]) == 0
    capsys.readouterr()
    assert main(["ask", "Did the U.S. close its embassy in Tripoli?", "--json",
                 "--store", store]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert set(answer) >= {"question", "claim", "verdict", "answer", "citations"}
    assert answer["verdict"] in {"SUPPORTED", "REFUTED", "DISPUTED", "NOT_ENOUGH_INFO"}
    assert answer["kind"] == "claim"
    text = SEED.read_text(encoding="utf-8")
    from retrieval.documents import load_file

    doc_text = load_file(SEED).text
    assert any("closed its embassy in Tripoli" in c["quote"] for c in answer["citations"])
    for c in answer["citations"]:
        # Keys may be added (an open question's "answer"), none removed.
        assert set(c) >= {"n", "doc_id", "title", "source", "start", "end", "quote", "speaker",
                          "stance", "page", "outlet", "published", "answer"}
        assert c["page"] is None  # not a PDF
        assert c["answer"] is None  # a claim's sources hold positions, not answers
        assert doc_text[c["start"] : c["end"]] == c["quote"]
    assert text  # the seed file itself is untouched


def test_empty_question_is_a_clear_error(tmp_path: Path, capsys, shared_model) -> None:
    code = main(["ask", "   ", "--store", str(tmp_path / "s")])
    assert code == 2
    assert "the question is empty" in capsys.readouterr().err


def test_help_reads_like_documentation(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["ingest", "--help"])
    assert "Re-ingesting an unchanged file adds nothing" in capsys.readouterr().out


class _Exited(Exception):
    def __init__(self, how: str, code: int) -> None:
        super().__init__(how, code)
        self.how, self.code = how, code


def _run(monkeypatch: pytest.MonkeyPatch, *argv: str) -> _Exited:
    """``run`` with ``argv``; which way it left (``os._exit`` or ``sys.exit``) and the code."""
    import bot.cli

    def quick(code: int) -> None:
        raise _Exited("quick", code)

    monkeypatch.setattr(bot.cli.sys, "argv", ["crosscheck", *argv])
    monkeypatch.setattr(bot.cli.os, "_exit", quick)
    try:
        bot.cli.run()
    except SystemExit as exc:
        return _Exited("ordinary", int(exc.code or 0))
    except _Exited as exc:
        return exc
    raise AssertionError("run() returned")


def test_an_ask_that_writes_nothing_ends_quickly_one_that_seeds_the_ordinary_way(
        tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch, shared_model) -> None:
    store = str(tmp_path / "store")
    monkeypatch.setenv("CROSSCHECK_AUTO_SEED", "true")
    first = _run(monkeypatch, "ask", "Was this a negotiation?", "--json", "--store", store)
    assert (first.how, first.code) == ("ordinary", 0)  # the seed corpus was written
    seeded = json.loads(capsys.readouterr().out)
    again = _run(monkeypatch, "ask", "Was this a negotiation?", "--json", "--store", store)
    assert (again.how, again.code) == ("quick", 0)
    assert json.loads(capsys.readouterr().out) == seeded
    failed = _run(monkeypatch, "ask", "  ", "--store", store)
    assert (failed.how, failed.code) == ("quick", 2)
    assert "the question is empty" in capsys.readouterr().err
    other = _run(monkeypatch, "docs", "--store", store)  # only ``ask`` takes the quick way
    assert (other.how, other.code) == ("ordinary", 0)


def test_a_quick_exit_through_a_pipe_loses_no_output(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith("CROSSCHECK_")}
    cmd = [sys.executable, "-m", "bot", "ask", "Was this a negotiation?", "--json", "--store",
           str(tmp_path / "store")]
    runs = [subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300,
                           check=False) for _ in range(2)]  # seeds, then reads only
    for run in runs:
        assert run.returncode == 0, run.stderr[-2000:]
    assert json.loads(runs[1].stdout) == json.loads(runs[0].stdout)
    assert runs[1].stdout.endswith("}\n")
