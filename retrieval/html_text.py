"""Visible text of an HTML page, judged like a browser would: text a reader cannot see never
becomes evidence.

The page is parsed by an HTML5 parser (Lexbor, through selectolax), so markup is read the way
a browser reads it. An element's text is dropped when the page hides it: its own ``<style>``
rules or ``style=`` attributes (see ``css_hidden``), common framework hiding classes, the
``hidden`` and ``aria-hidden="true"`` attributes, and elements whose content is never shown
(``<template>``, ``<script>``, ``<style>``, ``<noscript>``, comments). Page furniture
(navigation, footers, forms) is dropped too: it is not reporting.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

from selectolax.lexbor import LexborHTMLParser, LexborNode, SelectolaxError

from retrieval.css_hidden import (
    AUTHOR_IMPORTANT,
    AUTHOR_NORMAL,
    UA_NORMAL,
    Decl,
    Inherited,
    Rule,
    Stylesheet,
    TooCostly,
    cascade,
    computed,
    costly,
    engine_selector,
    framework_rules,
    hides_alone,
    needs,
    parse_inline,
    rightmost,
)

# Never shown (scripts, templates, embedded documents and fallbacks) or not reporting.
_SKIP = frozenset(
    """script style noscript template svg iframe object embed canvas video audio head title meta
    link base input select textarea button datalist option frameset frame rp nav footer aside
    form""".split()
)
_BLOCK = frozenset(
    """p div section article header main h1 h2 h3 h4 h5 h6 li ul ol tr table blockquote pre
    figure figcaption dd dt dl details summary address hgroup caption fieldset legend
    center""".split()
)
_LINE = {"br", "hr"}
_CELL = {"td", "th"}
_HIDDEN_ATTRIBUTE = (Decl("display", "none", False),)  # the UA style sheet's [hidden] rule
MAX_OPEN_ELEMENTS = 10_000  # parses in about half a second
# Distinct selectors x elements a page may ask to match: about 3 s on one core. A page that
# asks for more is refused rather than judged on part of its style sheets.
MAX_MATCH_WORK = 100_000_000


@lru_cache(maxsize=1)
def _framework() -> tuple[Rule, ...]:
    return tuple(framework_rules())


class _Styles:
    """Every hiding declaration that applies to each element, ready for the cascade."""

    def __init__(self, tree: LexborHTMLParser) -> None:
        sheet = Stylesheet()
        for style in tree.css("style"):
            kind = (style.attributes.get("type") or "text/css").strip().lower()
            if not _inert(style) and kind in ("text/css", ""):
                sheet.add(style.text(deep=True), style.attributes.get("media"))
        self.matched: dict[int, list[tuple[tuple[int, ...], Decl]]] = defaultdict(list)
        # What the page has, so rules about absent classes, ids or tags cost nothing.
        self.tags: set[str] = set()
        self.classes: set[str] = set()
        self.ids: set[str] = set()
        elements = tree.css("*")
        for element in elements:
            attrs = element.attributes
            self.tags.add(element.tag or "")
            self.classes.update((attrs.get("class") or "").lower().split())
            self.ids.add((attrs.get("id") or "").lower())
        # Framework classes first: the page's own rules of equal weight come later and win.
        plan = self._plan(_framework(), order_offset=-1_000_000)
        plan += self._plan(sheet.rules, order_offset=0)
        selectors = {selector for selector, _, _ in plan}
        if len(selectors) * max(len(elements), 1) > MAX_MATCH_WORK:
            # Dropping rules could leave hidden text in; refusing the page cannot.
            raise TooCostly(
                f"its style sheets are too large to check for hidden text ({len(selectors)} "
                f"rules over {len(elements)} elements); save the article's text instead"
            )
        found = {selector: self._select(tree, selector) for selector in selectors}
        for selector, rule, order_offset in plan:
            for node in found[selector]:
                for decl in rule.decls:
                    rank = AUTHOR_IMPORTANT if decl.important else AUTHOR_NORMAL
                    key = (rank, 0, *rule.specificity, rule.order + order_offset)
                    self.matched[node.mem_id].append((key, decl))

    def _plan(self, rules: Iterable[Rule], order_offset: int) -> list[tuple[str, Rule, int]]:
        """(selector to run, rule, order offset) for each rule that can match this page."""
        plan = []
        for rule in rules:
            selector = rule.selector
            if costly(selector):
                # Matched loosely (its last compound: more elements, never fewer), and only
                # when it can only hide: a slow selector must not stall ingest or show text.
                if not hides_alone(rule.decls):
                    continue
                selector = rightmost(selector)
            tags, classes, ids = needs(selector)
            if tags <= self.tags and classes <= self.classes and ids <= self.ids:
                plan.append((selector, rule, order_offset))
        return plan

    def _select(self, tree: LexborHTMLParser, selector: str) -> list[LexborNode]:
        try:
            return tree.css(engine_selector(selector))
        except (SelectolaxError, ValueError):
            return []  # a selector the engine cannot read

    def hides(self, node: LexborNode, parent: Inherited) -> tuple[bool, Inherited]:
        """(is the element's box hidden, the state its contents inherit)."""
        attrs = node.attributes
        if (attrs.get("aria-hidden") or "").strip().lower() == "true":
            return True, parent
        candidates = list(self.matched.get(node.mem_id, ()))
        if "hidden" in attrs:
            candidates += [((UA_NORMAL, 0, 0, 0, 0, 0), d) for d in _HIDDEN_ATTRIBUTE]
        if attrs.get("style"):
            for decl in parse_inline(attrs["style"] or ""):
                rank = AUTHOR_IMPORTANT if decl.important else AUTHOR_NORMAL
                candidates.append(((rank, 1, 0, 0, 0, 0), decl))
        if not candidates:
            return False, parent
        return computed(cascade(candidates), parent)


def _inert(node: LexborNode) -> bool:
    """A ``<style>`` a browser never applies (inside ``<noscript>``, ``<template>``, SVG
    fallbacks that are not rendered ...)."""
    parent = node.parent
    while parent is not None:
        if parent.tag in ("noscript", "template", "iframe", "object", "textarea", "xmp"):
            return True
        parent = parent.parent
    return False


def _title(tree: LexborHTMLParser) -> str:
    for node in tree.css("title"):
        parent, in_svg = node.parent, False
        while parent is not None:
            in_svg = in_svg or parent.tag in ("svg", "math")
            parent = parent.parent
        if not in_svg:
            return " ".join(node.text(deep=True).split())
    return ""


_START = re.compile(r"<([a-zA-Z][\w-]*)")
_END = re.compile(r"</[a-zA-Z]")
# Elements that never hold others, or whose end tag the next sibling implies (<p>, <li>).
_NO_END_TAG = frozenset(
    """area base br col embed hr img input link meta param source track wbr p li dt dd tr td th
    option optgroup thead tbody tfoot colgroup caption rb rt rp""".split()
)


def _unclosed(markup: str) -> int:
    """About how deep the markup nests at most: start tags that need an end tag, minus end
    tags (linear, so it can be asked before parsing)."""
    opened = sum(1 for m in _START.finditer(markup) if m.group(1).lower() not in _NO_END_TAG)
    return opened - len(_END.findall(markup))


def html_to_text(markup: str) -> tuple[str | None, str]:
    """(title, visible text with paragraph breaks); never raises on malformed markup, only
    ``TooCostly`` for a page nested too deeply, or with style sheets too large, to check."""
    if _unclosed(markup) > MAX_OPEN_ELEMENTS:
        # The parser slows down with the square of the nesting depth: refuse, don't stall.
        raise TooCostly("its markup is nested too deeply to read")
    tree = LexborHTMLParser(markup)
    root = tree.root
    if root is None:
        return None, ""
    styles = _Styles(tree)
    parts: list[str] = []
    h1_parts: list[str] = []
    # Depth-first without recursion, so deeply nested markup cannot exhaust the stack.
    # Items: (node, inherited state, inside an <h1>) or a block's closing marker (None, ...).
    stack: list[tuple[LexborNode | None, Inherited, bool]] = [(root, Inherited(), False)]
    while stack:
        node, state, in_h1 = stack.pop()
        if node is None:
            parts.append("\n\n")
            continue
        if node.is_text_node:
            if state.text_shows:
                text = (node.text_content or "").replace("\n", " ")
                parts.append(text)
                if in_h1:
                    h1_parts.append(text)
            continue
        if not node.is_element_node:
            continue  # comments, doctype
        tag = node.tag or ""
        if tag in _SKIP:
            continue
        hidden, inner = styles.hides(node, state)
        if hidden:
            continue
        if tag in _LINE:
            parts.append("\n")
            continue
        if tag in _CELL:
            parts.append("\t")
        if tag in _BLOCK:
            parts.append("\n\n")
            stack.append((None, inner, in_h1))
        children = list(node.iter(include_text=True))
        in_h1 = in_h1 or tag == "h1"
        stack.extend((child, inner, in_h1) for child in reversed(children))
    title = _title(tree) or " ".join("".join(h1_parts).split())
    return (title or None), "".join(parts)
