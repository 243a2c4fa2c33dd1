"""Who published a document and when, from the file's own metadata.

HTML meta tags (Open Graph, article:*, Dublin Core, schema.org JSON-LD), Markdown front
matter, a PDF's document information, and the byline under a plain-text headline
("By Jane Roe | The Coast Courier | July 18, 2026"). Dates become ISO dates ("2026-07-18"); anything
that cannot be read as a date is left unknown rather than guessed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from selectolax.lexbor import LexborHTMLParser, SelectolaxError


@dataclass(frozen=True)
class Published:
    """A document's publisher ("Reuters") and publication date, each ``None`` when unknown."""

    outlet: str | None = None
    published: str | None = None  # ISO date


# Meta tags in the order they are trusted: the first one present wins.
_OUTLET_META = ("og:site_name", "article:publisher", "publisher", "dc.publisher",
                "dcterms.publisher", "citation_publisher", "application-name")
_DATE_META = ("article:published_time", "og:published_time", "datepublished",
              "publishdate", "publish-date", "pubdate", "publication_date", "date",
              "dc.date.issued", "dc.date", "dcterms.issued", "dcterms.date",
              "citation_publication_date", "citation_date", "parsely-pub-date",
              "sailthru.date", "article:modified_time")
_FRONT_OUTLET = ("outlet", "publisher", "publication", "site_name", "site", "source")
_FRONT_DATE = ("published", "published_at", "publication_date", "pubdate", "date")

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_PDF_DATE = re.compile(r"^D?:?(\d{4})(\d{2})(\d{2})")
_WRITTEN = ("%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y",
            "%Y/%m/%d", "%d/%m/%Y", "%Y%m%d", "%a, %d %b %Y", "%A, %B %d, %Y")
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
_KEY_VALUE = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")
_MAX_OUTLET = 120


def iso_date(value: object) -> str | None:
    """An ISO date from a timestamp, an ISO string, a PDF date or a written date."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = " ".join(str(value or "").split())
    if not text:
        return None
    for pattern in (_ISO, _PDF_DATE):
        m = pattern.search(text) if pattern is _ISO else pattern.match(text)
        if m:
            try:
                return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
            except ValueError:
                return None
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text).replace(".", "")
    for fmt in _WRITTEN:
        try:
            return datetime.strptime(cleaned, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def _outlet(value: object) -> str | None:
    """A publisher's name; URLs and handles ("https://facebook.com/x", "@x") are not names."""
    text = " ".join(str(value or "").split()).strip()
    if not text or "://" in text or text.startswith(("@", "www.")) or len(text) > _MAX_OUTLET:
        return None
    return text


def _first(found: Mapping[str, str], keys: tuple[str, ...]) -> str | None:
    return next((found[k] for k in keys if found.get(k)), None)


def from_html(markup: str) -> Published:
    """Publisher and date from a page's meta tags and schema.org JSON-LD."""
    try:
        tree = LexborHTMLParser(markup)
    except (SelectolaxError, ValueError):
        return Published()
    found: dict[str, str] = {}
    for node in tree.css("meta"):
        attrs = node.attributes
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        content = attrs.get("content")
        if key and content and key not in found:
            found[key] = content
    ld_outlet, ld_date = _json_ld(tree)
    outlet = ld_outlet
    for key in _OUTLET_META:
        if (name := _outlet(found.get(key))) is not None:
            outlet = name
            break
    published = iso_date(_first(found, _DATE_META)) or ld_date
    stamp = tree.css_first("time[pubdate], time[itemprop=datePublished]")
    if published is None and stamp is not None:
        published = iso_date(stamp.attributes.get("datetime") or stamp.text())
    return Published(outlet, published)


def _json_ld(tree: LexborHTMLParser) -> tuple[str | None, str | None]:
    """(publisher name, datePublished) of the page's schema.org article, if it has one."""
    for node in tree.css('script[type="application/ld+json"]'):
        try:
            data = json.loads(node.text() or "")
        except ValueError:
            continue
        for item in _items(data):
            publisher = item.get("publisher")
            name = publisher.get("name") if isinstance(publisher, dict) else publisher
            when = iso_date(item.get("datePublished"))
            if name or when:
                return _outlet(name), when
    return None, None


def _items(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for entry in data:
            yield from _items(entry)
    elif isinstance(data, dict):
        yield data
        yield from _items(data.get("@graph", []))


def front_matter(text: str) -> dict[str, str]:
    """``key: value`` lines of a Markdown file's front matter (lower-case keys, unquoted)."""
    m = _FRONT_MATTER.match(text.replace("\r\n", "\n"))
    if not m:
        return {}
    out: dict[str, str] = {}
    for line in m[1].split("\n"):
        kv = _KEY_VALUE.match(line)
        if kv and kv[2]:
            out.setdefault(kv[1].lower(), kv[2].strip("'\""))
    return out


def from_front_matter(text: str) -> Published:
    """Publisher and date from Markdown front matter (``outlet:``/``publisher:``, ``date:``)."""
    fields = front_matter(text)
    return Published(_outlet(_first(fields, _FRONT_OUTLET)), iso_date(_first(fields, _FRONT_DATE)))


def from_pdf_info(info: Mapping[str, Any] | None) -> Published:
    """Publisher and date from a PDF's document information dictionary."""
    if not info:
        return Published()
    outlet = next((_outlet(info.get(k)) for k in ("/Publisher", "/Company", "/Outlet")
                   if info.get(k)), None)
    return Published(outlet, iso_date(info.get("/CreationDate")))


# A byline is one short line of parts kept apart by bars, bullets or dashes.
_BYLINE_PARTS = re.compile(r"\s+(?:\||·|•|—|–)\s+")
_MAX_BYLINE = 160


def byline_line(text: str) -> int | None:
    """The index of the line (among the first few) that is a byline with a date, if any."""
    found = _byline(text)
    return found[0] if found else None


def _byline(text: str) -> tuple[int, list[str]] | None:
    """(line index, parts) of the first of the first few lines that is a byline with a date."""
    for i, line in enumerate(text.replace("\r\n", "\n").split("\n")[:6]):
        parts = _BYLINE_PARTS.split(line.strip())
        if len(parts) >= 2 and len(line) <= _MAX_BYLINE and any(iso_date(p) for p in parts):
            return i, parts
    return None


def from_byline(text: str) -> Published:
    """Outlet and date from the byline under a plain-text headline: the part that reads as a
    date is the date; the last other part not naming an author ("By ...") is the outlet."""
    found = _byline(text)
    if found is None:
        return Published()
    parts = found[1]
    published = next((d for p in parts if (d := iso_date(p))), None)
    others = [p for p in parts if not iso_date(p) and not re.match(r"(?i)by\b", p)]
    return Published(_outlet(others[-1]) if others else None, published)
