"""PDFs: text by page, exact offsets, page numbers, metadata, and clear refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval.documents import load_paths, parse
from retrieval.errors import InputError
from tests.pdf_maker import make_pdf

REPORT = make_pdf(
    [
        ["Harbour strike report", "",
         "Union leaders said on Monday that the talks with the port authority were a",
         "negotiation between equals and would continue next week.",
         "The port authority declined to comment."],
        [],  # a blank page between the two
        ["The port authority said on Wednesday that the talks had ended without",
         "agreement and that no negotiation was planned."],
    ],
    {"Title": "Strike report", "Publisher": "Harbour Times",
     "CreationDate": "D:20260718093000+02'00'"},
)


def test_pages_are_numbered_and_offsets_point_into_the_text() -> None:
    doc = parse(REPORT, "strike.pdf", source="reports/strike.pdf")
    assert doc.source == "reports/strike.pdf"
    assert doc.title == "Strike report"
    assert (doc.outlet, doc.published) == ("Harbour Times", "2026-07-18")
    quote = "The port authority said on Wednesday that the talks had ended without agreement"
    at = doc.text.index(quote)
    assert doc.page_at(at) == 3  # the blank page still counts
    assert doc.page_at(doc.text.index("Union leaders")) == 1
    # Wrapped lines are joined back into whole sentences.
    assert ("the port authority were a negotiation between equals and would continue next "
            "week.") in doc.text
    assert doc.pages[0] == 0 and len(doc.pages) == 3


def test_headline_stands_apart_from_the_body() -> None:
    doc = parse(make_pdf([["Short headline", "A body line that is quite a bit longer than the "
                                             "headline above it, and it ends here."]]), "h.pdf")
    assert doc.text.startswith("Short headline\n\n")
    assert doc.title == "Short headline"


def test_scanned_pdf_without_text_layer_is_refused() -> None:
    with pytest.raises(InputError, match=r"no text layer.*OCR"):
        parse(make_pdf([[], []]), "scan.pdf")


@pytest.mark.parametrize("data,words", [
    (b"%PDF-1.4\n1 0 obj broken", "not a readable PDF"),
    (b"just text named pdf", "not a PDF file"),
])
def test_broken_pdfs_are_refused_with_the_reason(data: bytes, words: str) -> None:
    with pytest.raises(InputError, match=words):
        parse(data, "bad.pdf")


def test_folder_ingest_takes_pdfs_and_reports_scans(tmp_path: Path) -> None:
    (tmp_path / "strike.pdf").write_bytes(REPORT)
    (tmp_path / "scan.pdf").write_bytes(make_pdf([[]]))
    docs, errors = load_paths([tmp_path])
    assert [d.title for d in docs] == ["Strike report"]
    assert len(errors) == 1 and "no text layer" in errors[0].reason


@pytest.mark.slow
def test_pdf_citations_carry_the_page(services, tmp_path: Path) -> None:
    from bot.pipeline import Verifier

    path = tmp_path / "strike.pdf"
    path.write_bytes(REPORT)
    report = services.ingest([path])
    assert report.added > 0 and not report.errors
    answer = Verifier(services).verify("Did the port authority say the talks had ended "
                                       "without agreement?")
    doc = services.store.document(report.doc_ids[0])
    cited = [c for c in answer.citations if c.doc_id == doc.doc_id]
    assert cited, answer.to_json()
    for c in cited:
        assert doc.text[c.start : c.end] == c.quote
        assert c.page == doc.page_at(c.start)
        assert c.to_json()["page"] == c.page
    assert any(c.page == 3 for c in cited)
    # The same PDF again adds nothing.
    again = services.ingest([path])
    assert again.added == 0 and again.unchanged == report.added
