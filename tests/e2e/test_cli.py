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
    text = SEED.read_text(encoding="utf-8")
    from retrieval.documents import load_file

    doc_text = load_file(SEED).text
    assert any("closed its embassy in Tripoli" in c["quote"] for c in answer["citations"])
    for c in answer["citations"]:
        assert set(c) == {"n", "doc_id", "title", "source", "start", "end", "quote", "speaker",
                          "stance", "page", "outlet", "published"}
        assert c["page"] is None  # not a PDF
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
