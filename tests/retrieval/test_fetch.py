"""Web pages by URL, served on 127.0.0.1: what is fetched, what is refused and why."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from retrieval.errors import InputError
from retrieval.fetch import check_url, fetch, fetch_all, is_url
from tests.page_server import Page, PageServer, serve_pages
from tests.pdf_maker import make_pdf

ARTICLE = """<!doctype html><html><head><title>Ferry service ends</title>
<meta property="og:site_name" content="Coast Courier">
<meta property="article:published_time" content="2026-07-18T09:30:00+02:00">
<meta name="author" content="Ines Berg">
</head><body><nav>Home | News</nav>
<article><h1>Ferry service ends</h1>
<p>The Lindqvist ferry company said on Friday that the night ferry will stop in March.</p>
<p style="display:none">Hidden text is not evidence.</p></article></body></html>"""


@pytest.fixture(scope="module")
def site() -> Iterator[PageServer]:
    with serve_pages() as server:
        server.pages.update({
            "/ferry.html": Page(ARTICLE.encode()),
            "/latin.html": Page("<p>Caf\u00e9 owners said the square stays open.</p>"
                                .encode("latin-1"), "text/html; charset=iso-8859-1"),
            "/photo.png": Page(b"\x89PNG\r\n\x1a\n" + b"x" * 64, "image/png"),
            "/big.html": Page(b"<p>" + b"word " * 5000 + b"</p>"),
            "/slow.html": Page(b"<p>Too late.</p>", delay=2.0),
            "/report.pdf": Page(make_pdf([["The harbour will close in May, officials said."]]),
                                "application/pdf"),
            "/to-file": Page(b"", status=302, location="file:///etc/passwd"),
            "/moved": Page(b"", status=301, location="/ferry.html"),
            "/empty.html": Page(b"<html><body><script>x()</script></body></html>"),
        })
        yield server


def test_page_is_fetched_with_its_url_as_source_and_its_metadata(site: PageServer) -> None:
    doc = fetch(site.url("/ferry.html"))
    assert doc.source == site.url("/ferry.html")
    assert doc.title == "Ferry service ends"
    assert "night ferry will stop in March" in doc.text
    assert "Hidden text" not in doc.text and "Home | News" not in doc.text
    assert (doc.outlet, doc.published) == ("Coast Courier", "2026-07-18")


def test_redirects_within_http_are_followed_and_the_charset_is_honoured(site) -> None:
    assert "night ferry" in fetch(site.url("/moved")).text
    assert "Caf\u00e9 owners" in fetch(site.url("/latin.html")).text


def test_pdf_by_url_keeps_its_pages(site: PageServer) -> None:
    doc = fetch(site.url("/report.pdf"))
    assert doc.pages == (0,) and "harbour will close in May" in doc.text


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/x.html",
                                 "javascript:alert(1)", "data:text/html,<p>hi</p>",
                                 "gopher://127.0.0.1/"])
def test_other_schemes_are_refused(url: str) -> None:
    assert is_url(url)
    with pytest.raises(InputError, match=r"only http:// and https://"):
        fetch(url)


def test_paths_are_not_urls() -> None:
    assert not is_url("articles/notes.md") and not is_url("C:\\docs\\a.txt")
    assert not is_url("/tmp/a.html") and is_url("https://example.com/")
    assert check_url("https://example.com/a?b=1#top") == "https://example.com/a?b=1"


@pytest.mark.parametrize(("path", "kwargs", "words"), [
    ("/photo.png", {}, "image/png, not a web page"),
    ("/missing.html", {}, "answered 404"),
    ("/big.html", {"max_bytes": 1000}, "over the"),
    ("/slow.html", {"timeout": 0.5}, "CROSSCHECK_FETCH_TIMEOUT"),
    ("/to-file", {}, "file:///etc/passwd. is not allowed"),
    ("/empty.html", {}, "no readable text"),
])
def test_bad_pages_are_refused_with_the_reason(site, path: str, kwargs, words: str) -> None:
    with pytest.raises(InputError, match=words) as info:
        fetch(site.url(path), **kwargs)
    assert str(info.value).startswith(site.url(path))


def test_private_addresses_are_refused_when_not_allowed(site: PageServer) -> None:
    with pytest.raises(InputError, match="CROSSCHECK_FETCH_PRIVATE"):
        fetch(site.url("/ferry.html"), allow_private=False)
    with pytest.raises(InputError, match="CROSSCHECK_FETCH_PRIVATE"):
        fetch("http://localhost:1/", allow_private=False)


def test_fetch_all_reports_failures_and_keeps_the_rest(site: PageServer) -> None:
    docs, errors = fetch_all([site.url("/ferry.html"), site.url("/photo.png"), "ftp://x/"])
    assert [d.title for d in docs] == ["Ferry service ends"]
    assert [e.path for e in errors] == [site.url("/photo.png"), "ftp://x/"]
    assert errors[0].reason.startswith("the page is image/png")
