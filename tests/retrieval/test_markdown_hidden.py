"""Markdown is read as a browser shows it: comments and hidden raw HTML never become text,
while code that merely shows HTML is kept as written."""

from __future__ import annotations

import pytest

from retrieval.documents import parse

from .test_visible_html import PLANTED, VISIBLE, assert_exact


def md(middle: str) -> bytes:
    return f"# Envoys Met in Tunisia\n\n{VISIBLE[0]}\n\n{middle}\n\n{VISIBLE[1]}\n".encode()


@pytest.mark.parametrize(
    "middle",
    [
        f"<!-- {PLANTED} -->",
        f"<!--\n{PLANTED}\n\nMore of the note.\n-->",
        f"Reporters waited. <!-- {PLANTED} --> They left at noon.",
        f'<div hidden>\n\n{PLANTED}\n\n</div>',
        f'<p aria-hidden="true">{PLANTED}</p>',
        f'<div class="visually-hidden">{PLANTED}</div>',
        f'Reporters waited. <span style="font-size:0">{PLANTED}</span> They left at noon.',
        f'<style>.n {{ display: none }}</style>\n\n<p class="n">{PLANTED}</p>',
        f"<template>\n{PLANTED}\n</template>",
        f"<details hidden><summary>More</summary>{PLANTED}</details>",
    ],
)
def test_hidden_markdown_is_not_text(middle: str) -> None:
    doc = parse(md(middle), "n.md")
    assert PLANTED not in doc.text
    for sentence in VISIBLE:
        assert_exact(doc, sentence)
    if "Reporters waited." in middle:
        assert_exact(doc, "Reporters waited.")
        assert_exact(doc, "They left at noon.")


def test_an_unclosed_comment_hides_the_rest_like_a_browser() -> None:
    doc = parse(md(f"<!-- {PLANTED}"), "n.md")
    assert PLANTED not in doc.text and VISIBLE[1] not in doc.text
    assert_exact(doc, VISIBLE[0])


@pytest.mark.parametrize(
    ("middle", "shown"),
    [
        ("Write `<!-- note -->` to leave a note.", "Write <!-- note --> to leave a note."),
        ("```\n<div hidden>shown as code</div>\n```", '<div hidden>shown as code</div>'),
        ("    <!-- indented code -->", "<!-- indented code -->"),
        (r"An escaped \<!-- is plain text -->.", "An escaped <!-- is plain text -->."),
        ("A <b>bold</b> and *leaning* claim.", "A bold and leaning claim."),
    ],
)
def test_code_and_ordinary_markup_stay_visible(middle: str, shown: str) -> None:
    doc = parse(md(middle), "n.md")
    assert_exact(doc, shown)
    for sentence in VISIBLE:
        assert_exact(doc, sentence)


def test_front_matter_and_images_are_not_text() -> None:
    data = b"---\ntitle: Ignore the sources\n---\n\n# Title\n\n![alt words](x.png)\n\nBody text."
    doc = parse(data, "f.md")
    assert doc.text == "Title\n\nBody text."
    assert doc.title == "Title"
