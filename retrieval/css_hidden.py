"""Which elements a page's own CSS hides from a reader.

A page's ``<style>`` rules, inline ``style=`` attributes and the hiding classes of common CSS
frameworks are resolved with a simplified cascade (origin, ``!important``, specificity, order)
for the few properties that can make text invisible. What is judged is a desktop browser
window of 1280x800 CSS pixels with a 16px root font.

Not modelled, on purpose or for now: external stylesheets (``<link>``, ``@import``) are never
fetched; cascade layers are flattened into document order; ``@scope`` and ``@container`` rules
apply everywhere; ``:hover``/``:focus`` style states never match; pseudo-elements
(``::before``) are skipped; text the same colour as its background is not detected.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property

import tinycss2
from tinycss2.ast import AtRule, Declaration, QualifiedRule

VIEWPORT_WIDTH = 1280.0
VIEWPORT_HEIGHT = 800.0
ROOT_FONT_PX = 16.0

# Below these a reader sees nothing: text under 2px, an element almost fully transparent,
# or one moved at least this far out of the page.
MIN_FONT_PX = 2.0
MIN_OPACITY = 0.1
OFFSCREEN_PX = -500.0

# The properties that can hide text; every other declaration is dropped when parsed.
PROPERTIES = frozenset(
    """display visibility content-visibility opacity filter font-size font color
    -webkit-text-fill-color background-clip -webkit-background-clip text-indent position
    left right top bottom margin margin-left margin-top inset transform translate scale clip
    clip-path width height max-width max-height overflow overflow-x overflow-y zoom padding
    padding-top padding-right padding-bottom padding-left text-shadow -webkit-text-stroke
    -webkit-text-stroke-width""".split()
)

# Style rules nested deeper than this (CSS nesting, @media in @supports ...) are refused.
MAX_NESTING = 32

# Origins and importance in cascade order (CSS Cascade 4 §6.1): a later entry wins.
UA_NORMAL, AUTHOR_NORMAL, AUTHOR_IMPORTANT, UA_IMPORTANT = range(4)


def _framework_css() -> str:
    """The hiding classes of widely used frameworks (Bootstrap, Tailwind, WordPress, Drupal,
    Foundation, HTML5 Boilerplate, ...), as if the page had loaded their stylesheets.

    Responsive classes that show an element again at desktop widths (``d-md-block``,
    ``md:block``, ``md:not-sr-only``) come last, so ``d-none d-md-block`` stays visible.
    """
    off = "position:absolute!important;width:1px!important;height:1px!important;" \
          "overflow:hidden!important;clip:rect(0,0,0,0)!important"
    sr_only = ("sr-only visually-hidden visuallyhidden screen-reader-text screen-reader-only "
               "show-for-sr element-invisible hidden-visually u-hidden-visually "
               "u-visually-hidden a11y-hidden assistive-text offscreen sr-only-focusable "
               "visually-hidden-focusable").split()
    gone = "d-none hidden hide is-hidden u-hidden display-none".split()
    unseen = "invisible is-invisible visibility-hidden".split()
    breakpoints = ("sm", "md", "lg", "xl", "xxl", "2xl")
    displays = ("block", "inline", "inline-block", "flex", "inline-flex", "grid", "inline-grid",
                "table", "table-row", "table-cell", "flow-root", "list-item", "contents")
    shown = [f".d-{bp}-{d}" for bp in breakpoints for d in displays]
    shown += [rf".{bp}\:{d}" for bp in breakpoints for d in displays]
    return "\n".join(
        [
            ", ".join(f".{c}" for c in sr_only) + "{" + off + "}",
            ", ".join(f".{c}" for c in gone) + "{display:none!important}",
            ", ".join(f".{c}" for c in unseen) + "{visibility:hidden!important}",
            ", ".join(shown) + "{display:block!important}",
            ", ".join(rf".{bp}\:not-sr-only" for bp in breakpoints)
            + "{position:static!important;width:auto!important;height:auto!important;"
            "overflow:visible!important;clip:auto!important}",
            ", ".join(rf".{bp}\:visible" for bp in breakpoints) + "{visibility:visible!important}",
        ]
    )


# ---------------------------------------------------------------------------------------------
# Parsing


@dataclass(frozen=True)
class Decl:
    """One declaration of a property that can hide text; ``value`` is lower-cased."""

    name: str
    value: str
    important: bool


@dataclass(frozen=True)
class Rule:
    """One selector (never a list) with the hiding declarations it sets."""

    selector: str
    order: int
    decls: tuple[Decl, ...]

    @cached_property
    def specificity(self) -> tuple[int, int, int]:
        return specificity(self.selector)


def _decls(items: Iterable[object]) -> list[Decl]:
    out = []
    for item in items:
        # Custom properties are kept too: ``display: var(--d)`` hides like ``display: none``.
        if isinstance(item, Declaration) and (
            item.lower_name in PROPERTIES or item.name.startswith("--")
        ):
            value = " ".join(tinycss2.serialize(item.value).split()).lower()
            out.append(Decl(item.lower_name, value, bool(item.important)))
    return out


def parse_inline(style: str) -> list[Decl]:
    """The hiding declarations of a ``style=`` attribute."""
    return _decls(tinycss2.parse_blocks_contents(style, skip_comments=True,
                                                 skip_whitespace=True))


def split_selectors(prelude: str) -> list[str]:
    """A selector list split at its top-level commas."""
    parts, depth, start = [], 0, 0
    i = 0
    while i < len(prelude):
        ch = prelude[i]
        if ch == "\\":
            i += 2
            continue
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif ch == "," and depth == 0:
            parts.append(prelude[start:i])
            start = i + 1
        i += 1
    parts.append(prelude[start:])
    return [p.strip() for p in parts if p.strip()]


_PSEUDO_ELEMENT = re.compile(r"::|:(?:before|after|first-line|first-letter)\b", re.IGNORECASE)


# Pseudo-classes the selector engine does not read, written as ones it does: states a page
# that has just loaded is not in never match; ``:defined``, ``:lang()`` and ``:dir()`` always do.
_NEVER = ":not(*)"
_ALWAYS = ":not(:not(*))"
_PSEUDO_CLASSES = [
    (re.compile(r":(?:focus-within|focus-visible|target-within|target|visited|autofill|modal|"
                r"popover-open|fullscreen|user-invalid|user-valid|playing|paused|current|past|"
                r"future|local-link|indeterminate|default|valid|invalid|in-range|out-of-range)"
                r"(?![-\w(])", re.IGNORECASE), _NEVER),
    (re.compile(r":(?:defined)(?![-\w(])", re.IGNORECASE), _ALWAYS),
    (re.compile(r":(?:lang|dir)\([^)]*\)", re.IGNORECASE), _ALWAYS),
    (re.compile(r":scope(?![-\w(])", re.IGNORECASE), ":root"),
    (re.compile(r":open(?![-\w(])", re.IGNORECASE), "[open]"),
    (re.compile(r":(?:-webkit-any|-moz-any|matches)\(", re.IGNORECASE), ":is("),
]


def engine_selector(selector: str) -> str:
    """The selector as the matching engine can read it, meaning the same on a loaded page."""
    for pattern, replacement in _PSEUDO_CLASSES:
        selector = pattern.sub(replacement, selector)
    return selector


def _flatten(selector: str) -> str:
    """The selector with escapes, quoted strings, attribute tests and function arguments
    blanked out (same length), so combinators and names can be read from what is left."""
    out, depth, i, quote = [], 0, 0, ""
    while i < len(selector):
        ch = selector[i]
        if ch == "\\":
            out.append("__")
            i += 2
            continue
        if quote:
            quote = "" if ch == quote else quote
            out.append("_")
        elif ch in "\"'" and depth:
            quote = ch
            out.append("_")
        elif ch in "([":
            out.append(ch if depth == 0 else "_")
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
            out.append(ch if depth == 0 else "_")
        else:
            out.append("_" if depth else ch)
        i += 1
    return "".join(out)[: len(selector)]


def costly(selector: str) -> bool:
    """Would matching this selector take the engine far too long on a big page?

    Chains of sibling combinators mixed with descendant ones or ``:has()`` make the engine
    backtrack for minutes over a few thousand siblings (``* .a ~ * ~ *``).
    """
    plain = re.sub(r"\[[^\]]*\]", "[]", re.sub(r"\\.", "_", selector))
    siblings = plain.count("~")
    if not siblings:
        return False
    flat = _flatten(selector).strip()
    descendant = re.search(r"[^\s>+~,(]\s+[^\s>+~,)]", flat)
    return siblings > 1 or ":has" in plain.lower() or descendant is not None


def rightmost(selector: str) -> str:
    """The last compound of a selector, without the tests inside functional pseudo-classes:
    it matches every element the whole selector matches, and maybe more."""
    flat = _flatten(selector)
    cut = max((m.end() for m in re.finditer(r"[\s>+~]+", flat.rstrip())), default=0)
    compound = selector[cut:].strip()
    compound = re.sub(r":[-\w]+\((?:[^()]|\([^()]*\))*\)", "", compound)
    return compound or "*"


def hides_alone(decls: Iterable[Decl]) -> bool:
    """Do these declarations hide an element whatever else applies to it?"""
    spec = cascade(((0,), d) for d in decls)
    hidden, inner = computed(spec, Inherited())
    return hidden or not inner.text_shows


def needs(selector: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(tags, classes, ids) the page must have somewhere for the selector to match anything
    (names inside ``:not()`` and other functions are not counted)."""
    if "\\" in selector or "|" in selector:
        return frozenset(), frozenset(), frozenset()  # escapes or namespaces: no shortcut
    flat = _flatten(selector)
    tags = {t.lower() for t in re.findall(r"(?:^|[\s>+~])([a-zA-Z][-\w]*)", flat)}
    # Lower-cased: quirks-mode pages match class names and ids without regard to case.
    classes = {c.lower() for c in re.findall(r"\.(-?[_a-zA-Z][-\w]*)", flat)}
    ids = {i.lower() for i in re.findall(r"#([-\w]+)", flat)}
    return frozenset(tags), frozenset(classes), frozenset(ids)


def _nest(parents: list[str], child: str) -> str:
    """A nested rule's selector written out in full (CSS Nesting: ``&`` is the parent)."""
    parent = parents[0] if len(parents) == 1 else f":is({', '.join(parents)})"
    return child.replace("&", parent) if "&" in child else f"{parent} {child}"


class TooCostly(ValueError):
    """A page too large or too deeply built to check for hidden text in reasonable time."""


class Stylesheet:
    """The rules of one or more style sheets, in document order."""

    def __init__(self) -> None:
        self.rules: list[Rule] = []
        self._order = 0

    def add(self, css: str, media: str | None = None) -> None:
        """Add a ``<style>`` element's text; ``media`` is its ``media`` attribute."""
        if media is not None and not media_applies(media):
            return
        try:
            nodes = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
            self._block(nodes, parents=None)
        except RecursionError as exc:
            raise TooCostly("its style sheets are nested too deeply to check for hidden text") \
                from exc

    def _block(self, nodes: Iterable[object], parents: list[str] | None, depth: int = 0) -> None:
        if depth > MAX_NESTING:
            raise TooCostly("its style sheets are nested too deeply to check for hidden text")
        decls: list[Decl] = []
        for node in nodes:
            if isinstance(node, Declaration):
                decls.extend(_decls([node]))
            elif isinstance(node, QualifiedRule):
                selectors = split_selectors(tinycss2.serialize(node.prelude))
                if parents:
                    selectors = [_nest(parents, s) for s in selectors][:50]
                contents = tinycss2.parse_blocks_contents(node.content, skip_comments=True,
                                                          skip_whitespace=True)
                self._block(contents, selectors, depth + 1)
            elif isinstance(node, AtRule) and node.content is not None:
                keyword = node.lower_at_keyword
                if keyword == "media" and not media_applies(tinycss2.serialize(node.prelude)):
                    continue
                if keyword not in ("media", "supports", "layer", "container", "scope",
                                   "document", "-moz-document"):
                    continue  # @font-face, @keyframes, @page, @starting-style ...
                contents = tinycss2.parse_blocks_contents(node.content, skip_comments=True,
                                                          skip_whitespace=True)
                self._block(contents, parents, depth + 1)
        if decls and parents:
            self._order += 1
            for selector in parents:
                if _PSEUDO_ELEMENT.search(selector):
                    continue  # styles a generated box, not the element's own text
                self.rules.append(Rule(selector, self._order, tuple(decls)))


# ---------------------------------------------------------------------------------------------
# Media queries: only what a desktop screen matches applies.

_FEATURE = re.compile(r"\(\s*([a-z-]+)\s*(?::\s*([^)]+?))?\s*\)")


def media_applies(query_list: str) -> bool:
    """Does a desktop screen match this media query list?

    Media types other than ``screen`` and ``all`` (``print``, ``speech``) never apply. Width,
    height and orientation features are checked against a 1280x800 window; any other feature
    (``prefers-color-scheme``, ``hover`` ...) is taken to match.
    """
    query_list = query_list.strip().lower()
    if not query_list:
        return True
    return any(_query_applies(q) for q in split_selectors(query_list))


def _query_applies(query: str) -> bool:
    negate = query.startswith("not ")
    query = re.sub(r"^(?:not|only)\s+", "", query)
    kind = query.split("(")[0].split(" and")[0].strip()
    ok = kind in ("", "all", "screen")
    if ok:
        for name, value in _FEATURE.findall(query):
            if not _feature_applies(name, value.strip()):
                ok = False
                break
    return ok != negate


def _feature_applies(name: str, value: str) -> bool:
    sizes = {"width": VIEWPORT_WIDTH, "height": VIEWPORT_HEIGHT}
    prefix, _, axis = name.rpartition("-")
    if axis in sizes and prefix in ("", "min", "max", "device", "min-device", "max-device"):
        limit = length_px(value, ROOT_FONT_PX)
        if limit is None:
            return True
        have = sizes[axis]
        if prefix.startswith("min"):
            return have >= limit
        if prefix.startswith("max"):
            return have <= limit
        return have == limit
    if name == "orientation":
        return value == "landscape"
    return True


# ---------------------------------------------------------------------------------------------
# Specificity

_FUNCTIONAL = re.compile(r":(not|is|matches|-webkit-any|-moz-any|has|where)\(", re.IGNORECASE)


def specificity(selector: str) -> tuple[int, int, int]:
    """(ids, classes/attributes/pseudo-classes, types/pseudo-elements) of one selector."""
    sel = re.sub(r"\\.", "x", selector)
    a = b = c = 0
    while match := _FUNCTIONAL.search(sel):
        depth, end = 1, match.end()
        while end < len(sel) and depth:
            depth += {"(": 1, ")": -1}.get(sel[end], 0)
            end += 1
        if match.group(1).lower() != "where":
            inner = sel[match.end() : end - 1]
            best = max((specificity(s) for s in split_selectors(inner)), default=(0, 0, 0))
            a, b, c = a + best[0], b + best[1], c + best[2]
        sel = sel[: match.start()] + " " + sel[end:]
    sel = re.sub(r"\([^()]*\)", "", sel)  # :nth-child(2n+1), :lang(en)
    sel, attrs = re.subn(r"\[[^\]]*\]", " ", sel)
    a += len(re.findall(r"#[-\w]+", sel))
    b += attrs + len(re.findall(r"\.[-\w]+", sel)) + len(re.findall(r"(?<!:):(?!:)[-\w]+", sel))
    c += len(re.findall(r"::[-\w]+", sel))
    c += len(re.findall(r"(?:^|[\s>+~|])([a-z_][-\w]*)", sel, re.IGNORECASE))
    return a, b, c


# ---------------------------------------------------------------------------------------------
# Values

_LENGTH = re.compile(r"^([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)([a-z%]*)$")
_UNITS = {"px": 1.0, "pt": 4 / 3, "pc": 16.0, "in": 96.0, "cm": 96 / 2.54, "mm": 96 / 25.4,
          "q": 96 / 101.6, "vw": VIEWPORT_WIDTH / 100, "vh": VIEWPORT_HEIGHT / 100,
          "vmin": VIEWPORT_HEIGHT / 100, "vmax": VIEWPORT_WIDTH / 100}
_FONT_KEYWORDS = {"xx-small": 9.0, "x-small": 10.0, "small": 13.0, "medium": 16.0,
                  "large": 18.0, "x-large": 24.0, "xx-large": 32.0, "xxx-large": 48.0}


def length_px(value: str, em: float, percent_of: float = VIEWPORT_WIDTH) -> float | None:
    """A CSS length in px, or None when it is not one; ``calc()`` of sums is evaluated."""
    value = value.strip()
    func = re.match(r"^(calc|min|max|clamp)\((.*)\)$", value)
    if func:
        terms = [length_px(t, em, percent_of) for t in
                 re.findall(r"[+-]?\s*[\d.]+[a-z%]*", func.group(2).replace(" ", ""))]
        if not terms or any(t is None for t in terms) or re.search(r"[*/]", func.group(2)):
            return None
        nums = [t for t in terms if t is not None]
        kind = func.group(1)
        if kind == "calc":
            return sum(nums)
        if kind == "clamp" and len(nums) == 3:
            return max(nums[0], min(nums[1], nums[2]))
        return min(nums) if kind == "min" else max(nums)
    match = _LENGTH.match(value)
    if not match:
        return None
    number, unit = float(match.group(1)), match.group(2)
    if unit in ("em",):
        return number * em
    if unit in ("ex", "ch"):
        return number * em / 2
    if unit == "rem":
        return number * ROOT_FONT_PX
    if unit == "%":
        return number * percent_of / 100
    if unit == "":
        return number if number == 0 else None
    return number * _UNITS[unit] if unit in _UNITS else None


def _number(value: str) -> float | None:
    match = re.match(r"^([+-]?(?:\d+\.?\d*|\.\d+))(%?)$", value.strip())
    if not match:
        return None
    return float(match.group(1)) / (100 if match.group(2) else 1)


def font_px(value: str, parent_px: float) -> float | None:
    """The computed font size for a ``font-size`` value (or a ``font`` shorthand)."""
    if value in _FONT_KEYWORDS:
        return _FONT_KEYWORDS[value]
    if value == "smaller":
        return parent_px / 1.2
    if value == "larger":
        return parent_px * 1.2
    return length_px(value, parent_px, percent_of=parent_px)


def shorthand_font_px(value: str, parent_px: float) -> float | None:
    """The size inside ``font: bold 0/0 a`` (the size is the token before ``/`` or the family)."""
    for token in value.replace("/", " / ").split():
        size = font_px(token, parent_px)
        if size is not None:
            return size
    return None


def transparent(value: str) -> bool:
    """Is a colour fully (or almost) transparent?"""
    if value == "transparent":
        return True
    if re.fullmatch(r"#[0-9a-f]{8}", value):
        return int(value[7:9], 16) < 26
    if re.fullmatch(r"#[0-9a-f]{4}", value):
        return int(value[4], 16) < 2
    func = re.fullmatch(r"(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\((.*)\)", value)
    if func:
        args = [a for a in re.split(r"[\s,/]+", func.group(1).strip()) if a]
        alpha = _number(args[3]) if len(args) == 4 else None
        return alpha is not None and alpha < MIN_OPACITY
    return False


# ---------------------------------------------------------------------------------------------
# Computed state


@dataclass(frozen=True)
class Inherited:
    """The inherited properties that decide whether an element's own text can be seen."""

    visible: bool = True
    font_px: float = ROOT_FONT_PX
    transparent: bool = False
    text_indent_px: float = 0.0
    variables: Mapping[str, str] = field(default_factory=dict)  # custom properties

    @property
    def text_shows(self) -> bool:
        return (self.visible and self.font_px >= MIN_FONT_PX and not self.transparent
                and self.text_indent_px > OFFSCREEN_PX)


@dataclass
class Specified:
    """The winning value of each hiding property on one element."""

    values: dict[str, str] = field(default_factory=dict)

    def get(self, name: str, default: str = "") -> str:
        return self.values.get(name, default)


def cascade(candidates: Iterable[tuple[tuple[int, ...], Decl]]) -> Specified:
    """The winning declaration per property: the highest (origin/importance, specificity,
    order) key, the way a browser resolves them."""
    best: dict[str, tuple[tuple[int, ...], str]] = {}
    for key, decl in candidates:
        if decl.name not in best or key >= best[decl.name][0]:
            best[decl.name] = (key, decl.value)
    return Specified({name: value for name, (_, value) in best.items()})


def computed(spec: Specified, parent: Inherited) -> tuple[bool, Inherited]:
    """(does the element hide everything inside it, the state its contents inherit)."""
    spec, variables = _resolve_variables(spec, parent.variables)
    return _hides_box(spec, parent.font_px), _inherit(spec, parent, variables)


def substitute(value: str, variables: Mapping[str, str], depth: int = 0) -> str:
    """``value`` with each ``var(--name, fallback)`` replaced; an unknown name with no
    fallback leaves nothing, which a browser treats as the property's initial value."""
    if "var(" not in value or depth > 8:
        return value
    out, at = [], 0
    while (start := value.find("var(", at)) != -1:
        level, end = 1, start + 4
        while end < len(value) and level:
            level += {"(": 1, ")": -1}.get(value[end], 0)
            end += 1
        if level:
            break  # unbalanced: leave the rest as written
        name, _, fallback = value[start + 4 : end - 1].partition(",")
        found = variables.get(name.strip())
        out += [value[at:start], substitute(fallback if found is None else found, variables,
                                            depth + 1)]
        at = end
    out.append(value[at:])
    return " ".join("".join(out).split())


def _resolve_variables(spec: Specified,
                       inherited: Mapping[str, str]) -> tuple[Specified, Mapping[str, str]]:
    own = {k: v for k, v in spec.values.items() if k.startswith("--")}
    variables = inherited
    if own:
        variables = {**inherited, **own}
        variables.update({k: substitute(v, variables) for k, v in own.items()})
        # One that refers to an unknown variable is invalid: a later var() takes its fallback.
        variables = {k: v for k, v in variables.items() if v}
    values = {k: substitute(v, variables) for k, v in spec.values.items()
              if not k.startswith("--")}
    return Specified(values), variables


def _inherit(spec: Specified, parent: Inherited, variables: Mapping[str, str]) -> Inherited:
    visible, size = parent.visible, parent.font_px
    clear, indent = parent.transparent, parent.text_indent_px
    if (v := spec.get("visibility")) in ("hidden", "collapse"):
        visible = False
    elif v in ("visible", "initial", "revert"):
        visible = True
    if "font" in spec.values and (s := shorthand_font_px(spec.get("font"), size)) is not None:
        size = s
    if "font-size" in spec.values and (s := font_px(spec.get("font-size"), size)) is not None:
        size = s
    for name in ("color", "-webkit-text-fill-color"):
        if name in spec.values and spec.get(name) not in ("inherit", "currentcolor"):
            clear = transparent(spec.get(name))
    if "text" in (spec.get("background-clip"), spec.get("-webkit-background-clip")):
        clear = False  # gradient text: the background shows through the letters
    if spec.get("text-shadow") not in ("", "none") or any(
        (length_px(v.split()[0], size) or 0) > 0
        for v in (spec.get("-webkit-text-stroke"), spec.get("-webkit-text-stroke-width")) if v
    ):
        clear = False  # shadowed or outlined letters are seen without their fill
    if "text-indent" in spec.values:
        indent = length_px(spec.get("text-indent").split()[0], size) or 0.0
    return Inherited(visible, size, clear, indent, variables)


def _hides_box(spec: Specified, em: float) -> bool:
    if spec.get("display") == "none" or spec.get("content-visibility") == "hidden":
        return True
    opacity = _number(spec.get("opacity", "1"))
    if opacity is not None and opacity < MIN_OPACITY:
        return True
    if re.search(r"opacity\(\s*0*(?:\.0*)?%?\s*\)", spec.get("filter")):
        return True
    zoom = _number(spec.get("zoom"))
    if zoom is not None and 0 < zoom < MIN_OPACITY:  # zoom: 0 means no zoom
        return True
    return _offscreen(spec, em) or _clipped(spec, em) or _collapsed(spec, em) \
        or _transformed_away(spec, em)


def box_sides(values: list[float]) -> tuple[float, float, float, float]:
    """(top, right, bottom, left) from the 1 to 4 values of a box shorthand."""
    v = values[:4]
    if len(v) == 1:
        v = v * 4
    elif len(v) == 2:
        v = v * 2
    elif len(v) == 3:
        v = [*v, v[1]]
    return v[0], v[1], v[2], v[3]


def _offscreen(spec: Specified, em: float) -> bool:
    # Percentages here are of a containing block whose size is unknown: only -100% or more
    # (a whole box away) counts, so centring tricks such as ``left: -50%`` stay visible.
    def far(value: str) -> bool:
        px = length_px(value, em, percent_of=-OFFSCREEN_PX) if value else None
        return px is not None and px <= OFFSCREEN_PX

    if spec.get("position", "static") != "static":
        if any(far(spec.get(side)) for side in ("left", "right", "top", "bottom")):
            return True
        if any(far(v) for v in spec.get("inset").split()):
            return True
    margin = spec.get("margin").split()
    top_left = margin[:1] + (margin[3:4] if len(margin) == 4 else margin[1:2])
    return far(spec.get("margin-left")) or far(spec.get("margin-top")) \
        or any(far(v) for v in top_left)


def _clipped(spec: Specified, em: float) -> bool:
    rect = re.fullmatch(r"rect\((.*)\)", spec.get("clip"))
    if rect:
        sides = [length_px(v, em) for v in re.split(r"[\s,]+", rect.group(1).strip()) if v]
        if len(sides) == 4 and None not in sides:
            top, right, bottom, left = (s or 0.0 for s in sides)
            if right - left <= 1 or bottom - top <= 1:
                return True
    path = spec.get("clip-path")
    if (inset := re.match(r"inset\(([^)]*)\)", path)) is not None:
        # Percentages of the element's own box: nothing is left once opposite sides meet.
        values = [(_number(v) or 0.0) if v.endswith("%") else 0.0
                  for v in inset.group(1).split(" round")[0].split()]
        if values:
            top, right, bottom, left = box_sides(values)
            if top + bottom >= 1 or left + right >= 1:
                return True
    if re.match(r"(?:circle|ellipse)\(\s*0(?:px|%|em)?(?:\s+0(?:px|%|em)?)?\s*(?:at\b|\))", path):
        return True
    if (poly := re.match(r"polygon\(([^)]*)\)", path)) is not None:
        points = {" ".join(p.split()) for p in poly.group(1).split(",") if p.strip()}
        if len(points) <= 2:
            return True
    return False


def _collapsed(spec: Specified, em: float) -> bool:
    def clipped(axis: str) -> bool:
        flow = spec.get(f"overflow-{axis}") or spec.get("overflow").split(" ")[0]
        return flow in ("hidden", "clip")

    def padded(axis: str) -> bool:
        # ``height: 0; padding-bottom: 56%`` is an aspect-ratio box whose content shows.
        shorthand = [length_px(v, em) or 0.0 for v in spec.get("padding").split()]
        sides = dict(zip(("top", "right", "bottom", "left"),
                         box_sides(shorthand) if shorthand else (0.0,) * 4, strict=True))
        for side in sides:
            if spec.get(f"padding-{side}"):
                sides[side] = length_px(spec.get(f"padding-{side}"), em) or 0.0
        pair = ("top", "bottom") if axis == "y" else ("left", "right")
        return sides[pair[0]] + sides[pair[1]] > 1

    for name, axis in (("width", "x"), ("max-width", "x"), ("height", "y"), ("max-height", "y")):
        px = length_px(spec.get(name), em) if spec.get(name) else None
        if px is not None and px <= 1 and clipped(axis) and not padded(axis):
            return True
    return False


def _transformed_away(spec: Specified, em: float) -> bool:
    value = spec.get("transform") + " " + spec.get("scale")
    if re.search(r"scale[xy3d]?\(\s*0*\.?0*\s*[,)]", spec.get("transform")):
        return True
    if re.fullmatch(r"\s*0*\.?0*%?(?:\s.*)?", spec.get("scale")) and spec.get("scale"):
        return True
    moves = [*re.findall(r"translate[xy3d]?\(([^)]*)\)", value), spec.get("translate")]
    for args in moves:
        for arg in re.split(r"[\s,]+", args.strip()):
            # A percentage is of the element's own size (centring uses -50%): not counted.
            px = length_px(arg, em) if arg and not arg.endswith("%") else None
            if px is not None and px <= OFFSCREEN_PX:
                return True
    return False


def framework_rules() -> list[Rule]:
    """The framework hiding classes as rules that come before any of the page's own."""
    sheet = Stylesheet()
    sheet.add(_framework_css())
    return sheet.rules
