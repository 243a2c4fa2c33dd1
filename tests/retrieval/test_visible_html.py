"""Only text a reader of the page can see becomes document text.

Each file in ``fixtures/hostile_html`` hides the sentence ``PLANTED`` one way (a style rule,
an inline style, a framework class, an attribute, an element whose content is never shown)
between two visible sentences that must survive, verbatim and at exact offsets.
"""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from retrieval.chunking import chunk_document
from retrieval.documents import load_file, parse
from retrieval.errors import InputError
from retrieval.types import Document

from ..conftest import SEED

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "hostile_html"
FILES = sorted(FIXTURES.iterdir())
PLANTED = "The meeting was certainly a negotiation."
VISIBLE = ("Diplomats met in Tunisia in July, officials said.",
           "The envoys left the hotel in the evening.")


def assert_exact(doc: Document, sentence: str) -> None:
    """The sentence is in the text once per occurrence, and a chunk cites it at exact offsets."""
    start = doc.text.index(sentence)
    end = start + len(sentence)
    assert doc.text[start:end] == sentence
    chunks = [c for c in chunk_document(doc) if c.start <= start and end <= c.end]
    assert chunks, f"no chunk holds {sentence!r}"
    chunk = chunks[0]
    assert chunk.text == doc.text[chunk.start : chunk.end]
    assert chunk.text[start - chunk.start : end - chunk.start] == sentence
    assert any(s.start <= start and end <= s.end for s in chunk.sentences)


def page(body: str, style: str = "") -> bytes:
    return (f"<!DOCTYPE html><html><head><title>T</title><style>{style}</style></head>"
            f"<body><p>{VISIBLE[0]}</p>{body}<p>{VISIBLE[1]}</p></body></html>").encode()


def test_there_is_a_variant_per_hiding_mechanism() -> None:
    assert len(FILES) >= 30
    assert {p.suffix for p in FILES} == {".html", ".md"}


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_hidden_sentence_never_becomes_text(path: Path) -> None:
    assert PLANTED in path.read_text()  # the fixture does plant it
    doc = load_file(path)
    assert "certainly" not in doc.text and "certainly" not in doc.title
    for sentence in VISIBLE:
        assert_exact(doc, sentence)
    assert doc.title == "Envoys Met in Tunisia"


@pytest.mark.parametrize(
    "cls",
    """sr-only visually-hidden visuallyhidden screen-reader-text d-none hidden hide invisible
    is-hidden show-for-sr element-invisible sr-only-focusable""".split(),
)
def test_framework_hiding_classes(cls: str) -> None:
    doc = parse(page(f'<div class="x {cls} y"><p>{PLANTED}</p></div>'), "p.html")
    assert PLANTED not in doc.text
    for sentence in VISIBLE:
        assert_exact(doc, sentence)


@pytest.mark.parametrize(
    ("body", "style"),
    [
        # Inline styles of every kind the style sheets are checked for.
        (f'<p style="opacity:0.0">{PLANTED}</p>', ""),
        (f'<p style="position:fixed; top:-2000px">{PLANTED}</p>', ""),
        (f'<p style="position:absolute; left:-100vw">{PLANTED}</p>', ""),
        (f'<p style="margin-left:-9999em">{PLANTED}</p>', ""),
        (f'<p style="margin: 0 0 0 -9999px">{PLANTED}</p>', ""),
        (f'<p style="position:absolute; left:calc(-100vw - 10px)">{PLANTED}</p>', ""),
        (f'<p style="clip:rect(1px, 1px, 1px, 1px); position:absolute">{PLANTED}</p>', ""),
        (f'<p style="clip-path: circle(0)">{PLANTED}</p>', ""),
        (f'<p style="clip-path: inset(0 50% 0 50%)">{PLANTED}</p>', ""),
        (f'<p style="position:relative; left:-100%">{PLANTED}</p>', ""),
        (f'<p style="height:0; overflow:hidden">{PLANTED}</p>', ""),
        (f'<p style="max-height:0px;overflow-y:hidden">{PLANTED}</p>', ""),
        (f'<p style="font-size:0.05em">{PLANTED}</p>', ""),
        (f'<p style="transform:translateX(-9999px)">{PLANTED}</p>', ""),
        (f'<p style="color:rgba(0,0,0,0)">{PLANTED}</p>', ""),
        (f'<p style="DISPLAY : NONE">{PLANTED}</p>', ""),
        (f'<p style="display:none!important">{PLANTED}</p>', "p { display: block !important }"),
        # Style sheet forms: nesting, @supports, a comment between tokens, a later media block.
        (f'<div class="n"><p>{PLANTED}</p></div>', ".n { & p { display: none } }"),
        (f'<p class="s">{PLANTED}</p>', "@supports (display: grid) { .s { display: none } }"),
        (f'<p class="c">{PLANTED}</p>', ".c { display: /* x */ none }"),
        (f'<p class="m">{PLANTED}</p>', "@media all { .m { visibility: hidden } }"),
        (f'<p class="w">{PLANTED}</p>', "@media (min-width: 40em) { .w { display: none } }"),
        (f'<p class="k">{PLANTED}</p>', ".k { display: block } .k { display: none }"),
        (f'<ul><li>a</li><li>{PLANTED}</li></ul>', "ul li:nth-child(2) { display: none }"),
        (f'<p hidden="until-found">{PLANTED}</p>', ""),
        (f'<p><span>{PLANTED}</span></p>', "body p span:not(.keep) { font-size: 0 }"),
        # CSS ignores the old "hide from old browsers" comment markers around its rules.
        (f'<p class="x">{PLANTED}</p>', "<!-- .x { display: none } -->"),
        # A more specific rule hides even when a later, plainer one shows.
        (f'<div class="rail"><p>{PLANTED}</p></div>',
         ".rail p { display: none } p { display: block }"),
        # Pseudo-classes for states a loaded page is not in: ``:not(:target)`` matches.
        (f'<p class="t">{PLANTED}</p>', ".t:not(:target) { display: none }"),
        (f'<p class="t">{PLANTED}</p>', ".t:not(:focus-within), .t::after { display: none }"),
        (f'<p class="t">{PLANTED}</p>', ":-webkit-any(.t, .u) { display: none }"),
        # Custom properties: the value a variable carries, or the fallback.
        (f'<div class="v"><p>{PLANTED}</p></div>', ".v { --d: none } .v p { display: var(--d) }"),
        (f'<p class="v">{PLANTED}</p>', ":root { --o: var(--zero) } .v { opacity: var(--o, 0) }"),
        (f'<p class="v">{PLANTED}</p>', ".v { visibility: var(--missing, hidden) }"),
        (f'<p style="zoom: 0.01">{PLANTED}</p>', ""),
        # Selectors the engine would take minutes over are matched loosely when they hide.
        (f'<div class="r"><i>a</i><p class="z">{PLANTED}</p></div>',
         ".r i ~ * ~ .z, .r i ~ p.z { display: none }"),
        (f'<div class="r"><i>a</i><p class="z">{PLANTED}</p></div>',
         ".r:has(~ * ~ .q) .z { opacity: 0 }"),
        # ... but never to show: a loose match must not re-show what a rule hid.
        (f'<p class="h">{PLANTED}</p>',
         ".h { display: none } .n input ~ * ~ .h { display: block }"),
        # A <style> in the body applies to the whole page, like a browser does.
        (f'<p class="late">{PLANTED}</p><style>.late {{ display: none }}</style>', ""),
    ],
)
def test_more_hiding_forms(body: str, style: str) -> None:
    doc = parse(page(body, style), "p.html")
    assert PLANTED not in doc.text
    for sentence in VISIBLE:
        assert_exact(doc, sentence)


@pytest.mark.parametrize(
    ("body", "style"),
    [
        # A later or more specific rule shows the element again.
        (f'<p class="note show">{PLANTED}</p>',
         ".note { display: none } .note.show { display: block }"),
        (f'<p id="keep" class="z">{PLANTED}</p>', "p.z { display: none } #keep { display: block }"),
        (f'<p class="a">{PLANTED}</p>', ".a { display: none } .a { display: block }"),
        (f'<p class="a" style="display:block">{PLANTED}</p>', ".a { display: none }"),
        (f'<p class="a">{PLANTED}</p>',
         ".a { display: block !important } #x, .a { display: none }"),
        # A more specific rule shows even when a later, plainer one hides.
        (f'<p id="keep" class="z">{PLANTED}</p>', "#keep { display: block } p.z { display: none }"),
        # Inherited properties set again on a child.
        (f'<div style="visibility:hidden"><p style="visibility:visible">{PLANTED}</p></div>', ""),
        (f'<div style="font-size:0"><p style="font-size:16px">{PLANTED}</p></div>', ""),
        (f'<div class="row"><p class="col">{PLANTED}</p></div>',
         ".row { font-size: 0 } .col { font-size: 1rem }"),
        # Rules that never apply on a desktop screen, or not to the element's own text.
        (f'<p class="x">{PLANTED}</p>', "@media print { .x { display: none } }"),
        (f'<p class="x">{PLANTED}</p>', "@media (max-width: 600px) { .x { display: none } }"),
        (f'<p class="x">{PLANTED}</p>', "@media not screen { .x { display: none } }"),
        (f'<p class="x">{PLANTED}</p>', ".x:hover { display: none } .x:focus { opacity: 0 }"),
        (f'<p class="x">{PLANTED}</p>', ".x::before { display: none } .x:after { content: '' }"),
        (f'<p class="x">{PLANTED}</p>', "@keyframes x { from { opacity: 0 } }"),
        (f'<p class="v">{PLANTED}</p>', ".v { --d: none; display: var(--unset) }"),
        (f'<p class="x">{PLANTED}</p>', "</style><style type='text/plain'>.x { display: none }"),
        # A <style> inside <noscript> is not applied where scripts run, as in every browser.
        (f'<noscript><style>.x {{ display: none }}</style></noscript><p class="x">{PLANTED}</p>',
         ""),
        (f'<p class="x">{PLANTED}</p>', ".x:target, .x:focus-within { display: none }"),
        # Responsive framework classes that show the element on a desktop screen.
        (f'<p class="d-none d-md-block">{PLANTED}</p>', ""),
        (f'<p class="hidden md:block">{PLANTED}</p>', ""),
        (f'<p class="sr-only lg:not-sr-only">{PLANTED}</p>', ""),
        # Gradient headline text: transparent letters over a visible background.
        (f'<p style="color:transparent; background-clip:text">{PLANTED}</p>', ""),
        # Ordinary layout that moves or sizes things without hiding them.
        (f'<p style="position:relative; left:-20px; margin-left:-1em">{PLANTED}</p>', ""),
        (f'<p style="width:600px; height:auto; overflow:hidden; opacity:.9">{PLANTED}</p>', ""),
        (f'<p style="font-size:12px; text-indent:2em; clip:auto">{PLANTED}</p>', ""),
        # Centring and aspect-ratio tricks that look like hiding but are not.
        (f'<p style="position:absolute; top:50%; left:50%; transform:translate(-50%, -50%)">'
         f'{PLANTED}</p>', ""),
        (f'<div style="position:relative; left:-50%"><p>{PLANTED}</p></div>', ""),
        (f'<p style="clip-path: inset(0 50% 0 0)">{PLANTED}</p>', ""),
        (f'<div style="height:0; padding-bottom:56.25%; overflow:hidden"><p>{PLANTED}</p></div>',
         ""),
        (f'<p style="color:transparent; text-shadow:0 0 2px #000">{PLANTED}</p>', ""),
        # The hidden attribute is a browser default that the page's own CSS can override.
        (f'<p hidden class="on">{PLANTED}</p>', ".on { display: block }"),
    ],
)
def test_visible_text_is_kept(body: str, style: str) -> None:
    doc = parse(page(body, style), "p.html")
    assert_exact(doc, PLANTED)
    for sentence in VISIBLE:
        assert_exact(doc, sentence)


def _seed_as_html(doc: Document) -> str:
    head, *paragraphs = doc.text.split("\n\n")
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<title>{html.escape(head)}</title>"
        "<style>body { font: 18px/1.5 Georgia, serif; color: #222 } "
        ".lede { font-size: 1.2em } .wrap { max-width: 42rem; margin: 0 auto; overflow: hidden }"
        " h1 { position: relative; left: -2px } .sr-only { position: absolute; left: -9999px }"
        "</style></head><body>"
        "<nav><a href='/'>Home</a></nav>"
        f"<div class='wrap'><article><h1 class='lede'>{html.escape(head)}</h1>{body}</article>"
        "</div><footer>Copyright</footer></body></html>"
    )


def test_the_seed_article_as_a_web_page_loses_nothing(tmp_path: Path) -> None:
    seed = load_file(SEED)
    path = tmp_path / "seed.html"
    path.write_text(_seed_as_html(seed))
    doc = load_file(path)
    assert doc.text == seed.text
    assert doc.title == seed.title


def test_the_seed_article_as_markdown_loses_nothing(tmp_path: Path) -> None:
    seed = load_file(SEED)
    path = tmp_path / "seed.md"
    head, rest = seed.text.split("\n\n", 1)
    path.write_text(f"# {head}\n\n<!-- an editor's note -->\n\n{rest}\n")
    doc = load_file(path)
    assert doc.text == seed.text
    assert doc.title == seed.title


def test_tables_and_line_breaks_keep_words_apart() -> None:
    doc = parse(b"<table><tr><td>Tunis</td><td>July</td></tr></table><p>one<br>two</p>", "t.html")
    assert doc.text == "Tunis July\n\none\ntwo"


def test_malformed_and_deeply_nested_markup_loads() -> None:
    deep = "<div>" * 5000 + PLANTED + "</div>" * 10
    doc = parse(f"<p>{VISIBLE[0]}<p>{deep}<p style='display:none'>x".encode(), "d.html")
    assert VISIBLE[0] in doc.text and PLANTED in doc.text and "x" not in doc.text
    closed = "<div>" * 5000 + PLANTED + "</div>" * 5000
    hidden = parse(f"<div hidden>{closed}</div><p>{VISIBLE[1]}".encode(), "h.html")
    assert PLANTED not in hidden.text and VISIBLE[1] in hidden.text


@pytest.mark.parametrize(
    "rules",
    [
        "\n".join(f".c{i} > p.x{i} {{ display: none; color: #{i:06x} }}" for i in range(3000)),
        # Rules about classes the page does not have cost nothing.
        "\n".join(f".p{i} {{ display: none }} .c{i} ~ .y{i} {{ opacity: 0 }}" for i in range(5000)),
        # Each of these alone takes the selector engine minutes on this page.
        "* .z ~ * ~ * { font-size: 12px } *:has(~ * ~ .q) { color: red }",
    ],
    ids=["3000-rules", "10000-absent", "backtracking"],
)
def test_a_page_with_costly_style_rules_loads(rules: str) -> None:
    # How long these take is measured by `bench/run.py` (hostile_html), not asserted here.
    doc = parse(page(_BIG_BODY, rules), "big.html")
    assert "Visible 2999." in doc.text


_BIG_BODY = "".join(f"<div class='c{i}'><p class='x{i + 1}'>Visible {i}. <b>b</b></p></div>"
                    for i in range(3000))


def test_a_page_too_costly_to_check_is_refused_not_half_checked() -> None:
    rules = "\n".join(f"div.c{i % 3000}:nth-child({i}) > p {{ display: block }}"
                      for i in range(12000))
    with pytest.raises(InputError, match="too large to check for hidden text"):
        parse(page(_BIG_BODY, rules + " .x1 { display: none }"), "big.html")


def test_a_costly_hiding_selector_hides_loosely_and_fails_closed() -> None:
    # Its last compound is ``*``: matched loosely, it hides the whole page, which is refused.
    with pytest.raises(InputError, match="no readable text"):
        parse(page("<p>x</p>", "* .z ~ * ~ * { display: none }"), "p.html")


@pytest.mark.parametrize(
    ("markup", "reason"),
    [
        ("<div>" * 100_000 + "deep", "nested too deeply to read"),
        ("<style>" + "a{" * 2000 + "display:none" + "}" * 2000 + "</style><p>x</p>",
         "style sheets are nested too deeply"),
    ],
    ids=["markup", "css"],
)
def test_pathological_nesting_is_refused(markup: str, reason: str) -> None:
    with pytest.raises(InputError, match=reason):
        parse(markup.encode(), "n.html")
