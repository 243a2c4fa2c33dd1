"""Visible text of an HTML page: hidden text, scripts and comments never become evidence."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_SKIP = {"script", "style", "noscript", "template", "svg", "iframe", "object", "head", "nav",
         "footer", "aside", "form", "button", "select", "textarea"}
_BLOCK = {"p", "div", "section", "article", "header", "main", "h1", "h2", "h3", "h4", "h5", "h6",
          "li", "ul", "ol", "tr", "table", "blockquote", "pre", "figure", "figcaption", "dd", "dt",
          "br", "hr", "title"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
         "source", "track", "wbr"}
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0",
                           re.IGNORECASE)


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title_parts: list[str] = []
        self.h1_parts: list[str] = []
        self._stack: list[tuple[str, bool]] = []  # (tag, hides its content)
        self._in_title = False
        self._in_h1 = False

    @property
    def _hidden(self) -> bool:
        return any(hides for _, hides in self._stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        if tag in _VOID:
            if tag in _BLOCK and not self._hidden:
                self.parts.append("\n")
            return
        values = {k.lower(): (v or "") for k, v in attrs}
        hides = (
            tag in _SKIP
            or "hidden" in values
            or values.get("aria-hidden", "").lower() == "true"
            or bool(_HIDDEN_STYLE.search(values.get("style", "")))
        )
        self._stack.append((tag, hides))
        if tag == "h1":
            self._in_h1 = True
        if tag in _BLOCK and not self._hidden:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag == "h1":
            self._in_h1 = False
        # Close up to the matching open tag; stray end tags are ignored.
        for i in range(len(self._stack) - 1, -1, -1):
            if self._stack[i][0] == tag:
                del self._stack[i:]
                break
        if tag in _BLOCK and not self._hidden:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title_parts.append(data)
            return
        if self._hidden:
            return
        if self._in_h1:
            self.h1_parts.append(data)
        self.parts.append(data.replace("\n", " "))


def html_to_text(markup: str) -> tuple[str | None, str]:
    """(title, visible text with paragraph breaks); never raises on malformed markup."""
    parser = _Extractor()
    try:
        parser.feed(markup)
        parser.close()
    except Exception:  # html.parser is lenient; keep what was read so far
        pass
    title = " ".join("".join(parser.title_parts).split()) or " ".join(
        "".join(parser.h1_parts).split()
    )
    return (title or None), "".join(parser.parts)
