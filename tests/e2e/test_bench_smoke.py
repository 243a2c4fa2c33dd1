"""The benchmark corpus is deterministic and news-like; the report renders. No timings here."""

from __future__ import annotations

import hashlib
from pathlib import Path

from bench.corpus import documents, write_corpus
from bench.report import markdown
from retrieval.chunking import chunk_document


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_same_seed_same_bytes(tmp_path: Path) -> None:
    a = write_corpus(tmp_path / "a", chunks=60, seed=3)
    b = write_corpus(tmp_path / "b", chunks=60, seed=3)
    c = write_corpus(tmp_path / "c", chunks=60, seed=4)
    assert a.chunks >= 60 and a.documents >= 3
    assert _digest(a.folder) == _digest(b.folder)
    assert list(_digest(a.folder).values()) != list(_digest(c.folder).values())


def test_chunk_count_is_reached_and_matches_the_ingest_chunker(tmp_path: Path) -> None:
    info = write_corpus(tmp_path / "docs", chunks=100, seed=1)
    docs = list(documents(100, seed=1))
    assert sum(len(chunk_document(d)) for d in docs) == info.chunks >= 100
    assert len(docs) == info.documents


def test_articles_read_like_news_with_conflicting_parties() -> None:
    text = "\n".join(d.text for d in documents(200, seed=0))
    assert '"' in text  # quotes
    assert any(w in text for w in ("denied", "disputed", "rejected the claim"))
    assert any(w in text for w in (" said", "told reporters"))
    assert any(ch.isdigit() for ch in text)  # dates and numbers


def test_markdown_report_flags_missed_targets() -> None:
    results = {
        "date": "2026-01-01T00:00:00", "mode": "quick", "bench_seconds": 1.0,
        "machine": {"cpus": 2, "cpu": "x", "memory_gb": 24, "python": "3.11",
                    "system": "Linux", "load_avg_at_start": 0.1},
        "ingest": {"ratio": 0.5, "chunks": 10, "documents": 2},
        "answers": {"total": {"p50_ms": 100.0, "p95_ms": 200.0}, "stages": {}},
        "scale": [{"chunks": 1000, "build": {}, "serve": {
            "retrieval": {"p50_ms": 10.0, "p95_ms": 20.0},
            "end_to_end": {"p50_ms": 300.0, "p95_ms": 2000.0}, "peak_rss_mb": 500.0}}],
    }
    md = markdown(results)
    assert "| ingest / raw embedding throughput | ≥ 0.800 | 0.500 | **no** |" in md
    assert "| warm answer p50 (ms), seed corpus | ≤ 300 | 100 | yes |" in md
    assert "end-to-end p95 (ms), 1,000 chunks | ≤ 1,000 | 2,000 | **no** |" in md


def test_a_second_run_of_a_day_keeps_the_first_runs_files(tmp_path: Path) -> None:
    from bench.report import unused_stem

    endings = (".json", "-table.md")
    assert unused_stem(tmp_path, "perf-2026-12-01", endings) == "perf-2026-12-01"
    (tmp_path / "perf-2026-12-01-table.md").write_text("first run")
    assert unused_stem(tmp_path, "perf-2026-12-01", endings) == "perf-2026-12-01-2"
    (tmp_path / "perf-2026-12-01-2.json").write_text("second run")
    assert unused_stem(tmp_path, "perf-2026-12-01", endings) == "perf-2026-12-01-3"
