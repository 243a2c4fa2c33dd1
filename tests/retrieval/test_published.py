"""Who published a document and when: HTML meta tags, JSON-LD, front matter, PDF info."""

from __future__ import annotations

from datetime import datetime

import pytest

from retrieval.documents import parse
from retrieval.published import (
    from_byline,
    from_front_matter,
    from_html,
    from_pdf_info,
    iso_date,
)


@pytest.mark.parametrize(("value", "iso"), [
    ("2026-07-18T09:30:00+02:00", "2026-07-18"),
    ("2026-07-18", "2026-07-18"),
    ("D:20260718093000Z", "2026-07-18"),
    ("July 18, 2026", "2026-07-18"),
    ("18 July 2026", "2026-07-18"),
    ("Jul. 18th, 2026", "2026-07-18"),
    (datetime(2026, 7, 18, 23, 59), "2026-07-18"),
    ("2026-02-30", None),
    ("last Tuesday", None),
    ("", None),
])
def test_dates_become_iso_dates_or_stay_unknown(value: object, iso: str | None) -> None:
    assert iso_date(value) == iso


def test_open_graph_and_article_tags() -> None:
    meta = from_html('<head><meta property="og:site_name" content="Coast Courier">'
                     '<meta property="article:published_time" content="2026-07-18T09:30:00Z">'
                     '<meta name="author" content="Ines Berg"></head>')
    assert (meta.outlet, meta.published) == ("Coast Courier", "2026-07-18")


def test_json_ld_and_fallback_tags() -> None:
    page = ('<script type="application/ld+json">{"@context": "https://schema.org", "@graph": '
            '[{"@type": "NewsArticle", "datePublished": "2026-07-20T06:00:00Z", '
            '"publisher": {"@type": "Organization", "name": "Harbour Times"}}]}</script>'
            '<meta property="article:publisher" content="https://facebook.com/harbourtimes">')
    assert from_html(page) == from_html(page.replace("facebook", "x"))
    meta = from_html(page)
    assert (meta.outlet, meta.published) == ("Harbour Times", "2026-07-20")
    dated = from_html('<meta name="date" content="July 21, 2026"><p>x</p>')
    assert (dated.outlet, dated.published) == (None, "2026-07-21")
    timed = from_html('<article><time pubdate datetime="2026-07-22">Wed</time></article>')
    assert timed.published == "2026-07-22"


def test_pages_without_metadata_know_nothing() -> None:
    meta = from_html("<p>Plain page with <time datetime='2026-01-01'>a comment time</time></p>")
    assert (meta.outlet, meta.published) == (None, None)


def test_markdown_front_matter() -> None:
    text = '---\ntitle: "Talks"\npublisher: Coast Courier\ndate: 2026-07-18\n---\n# Talks\n'
    meta = from_front_matter(text)
    assert (meta.outlet, meta.published) == ("Coast Courier", "2026-07-18")
    assert from_front_matter("# No front matter\n\ndate: 2026-07-18\n").published is None
    doc = parse(text.encode() + b"\nThe union said the talks went well.\n", "talks.md")
    assert (doc.outlet, doc.published) == ("Coast Courier", "2026-07-18")
    assert "publisher" not in doc.text  # front matter is metadata, not text


def test_pdf_information_dictionary() -> None:
    meta = from_pdf_info({"/Publisher": "Harbour Times", "/CreationDate": "D:20260719120000Z"})
    assert (meta.outlet, meta.published) == ("Harbour Times", "2026-07-19")
    assert from_pdf_info(None).outlet is None


def test_documents_without_metadata_have_none() -> None:
    doc = parse(b"Plain text.\n\nThe union said the talks went well.", "plain.txt")
    assert (doc.outlet, doc.published, doc.pages) == (None, None, ())


@pytest.mark.parametrize(("text", "outlet", "published"), [
    ("Bridge toll agreed\nBy Deborah Quayle | The Eastholm Herald | June 25, 2026\n\nBody.",
     "The Eastholm Herald", "2026-06-25"),
    ("Headline\nCoast Courier — 18 July 2026\n\nBody.", "Coast Courier", "2026-07-18"),
    ("Headline\nBy Jane Roe | July 3, 2026\n\nBody.", None, "2026-07-03"),
    ("Headline\nBy Jane Roe | Coast Courier\n\nBody.", None, None),  # no date: no byline
    ("Tea | coffee | and more\n\nBody.", None, None),
])
def test_a_plain_text_byline_gives_outlet_and_date(text, outlet, published) -> None:
    meta = from_byline(text)
    assert (meta.outlet, meta.published) == (outlet, published)


def test_a_headline_above_its_byline_is_the_title() -> None:
    doc = parse(b"Bridge toll agreed\nBy Deborah Quayle | The Eastholm Herald | June 25, 2026"
                b"\n\nThe council voted on Wednesday.", "story.txt")
    assert (doc.title, doc.outlet, doc.published) == (
        "Bridge toll agreed", "The Eastholm Herald", "2026-06-25")
