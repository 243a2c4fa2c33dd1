"""Web pages by URL: fetched whole (timeout, size limit, content-type check) before anything
is stored, then parsed like a file of the same type; ``source`` is the URL.

Only http and https are fetched. A front end open to others (the web app) refuses addresses
on this machine or its private network unless allowed, so a visitor cannot make the server
read its own internal services. (The check resolves the name first; a name that resolves
differently a moment later is not caught.)
"""

from __future__ import annotations

import ipaddress
import re
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Iterable
from email.message import Message
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from retrieval.documents import LoadError, parse
from retrieval.errors import InputError
from retrieval.types import Document

TIMEOUT = 15.0
MAX_BYTES = 10 * 1024 * 1024
USER_AGENT = "Crosscheck/0.1 (document fetch)"
# Media types read, and the loader (by suffix) each goes through.
CONTENT_TYPES = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "text/plain": ".txt",
    "text/markdown": ".md",
    "text/x-markdown": ".md",
    "application/pdf": ".pdf",
}
# ``scheme://`` (a drive letter such as C:\\ is one letter, so never matches), or a scheme
# that has no slashes.
_URL = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]+://|(?:file|data|mailto|javascript):)", re.I)


def is_url(text: str) -> bool:
    """Whether a command-line argument is an address rather than a file path."""
    return bool(_URL.match(text.strip()))


def check_url(url: str) -> str:
    """The URL to fetch (without its #fragment), or ``InputError`` naming what is wrong."""
    url = url.strip()
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise InputError(f"{url}: only http:// and https:// addresses can be fetched"
                         + (f", not {scheme}:" if scheme else ""))
    if not parts.hostname:
        raise InputError(f"{url}: no host name in the address")
    return urlunsplit((scheme, parts.netloc, parts.path or "/", parts.query, ""))


def _private(host: str) -> bool:
    """Whether ``host`` is, or resolves to, this machine or a private network."""
    try:
        infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise InputError(f"{host}: the host name cannot be resolved ({exc})") from exc
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        if not address.is_global:
            return True
    return False


def _guard(url: str, allow_private: bool) -> None:
    host = urlsplit(url).hostname or ""
    if not allow_private and _private(host):
        raise InputError(f"{url}: addresses on this machine or its private network are not "
                         "fetched here (CROSSCHECK_FETCH_PRIVATE allows them)")


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follows redirects only to http(s) addresses the first address was allowed to reach."""

    def __init__(self, allow_private: bool) -> None:
        self.allow_private = allow_private

    def redirect_request(self, req: Any, fp: Any, code: int, msg: str, headers: Any,
                         newurl: str) -> Any:
        target = check_url(newurl)
        _guard(target, self.allow_private)
        return super().redirect_request(req, fp, code, msg, headers, target)


def _content_type(headers: Message, url: str) -> tuple[str, str | None]:
    """(the loader's suffix, the declared charset) for a response, or ``InputError``."""
    media = headers.get_content_type().lower()
    suffix = CONTENT_TYPES.get(media)
    if suffix is None and media in ("application/octet-stream", "text/x-unknown") \
            and urlsplit(url).path.lower().endswith(".pdf"):
        suffix = ".pdf"
    if suffix is None:
        raise InputError(f"{url}: the page is {media}, not a web page or document "
                         "(HTML, plain text, Markdown or PDF)")
    return suffix, headers.get_content_charset()


def _read(response: Any, url: str, max_bytes: int, deadline: float) -> bytes:
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise InputError(f"{url}: {int(declared) / 1048576:.1f} MB is over the "
                         f"{max_bytes / 1048576:g} MB limit (CROSSCHECK_MAX_UPLOAD_MB)")
    data = bytearray()
    while chunk := response.read(65536):
        data += chunk
        if len(data) > max_bytes:
            raise InputError(f"{url}: the page is over the {max_bytes / 1048576:g} MB limit "
                             "(CROSSCHECK_MAX_UPLOAD_MB)")
        if time.monotonic() > deadline:
            raise InputError(f"{url}: the page took too long to arrive (the limit is "
                             "CROSSCHECK_FETCH_TIMEOUT seconds)")
    return bytes(data)


def fetch(url: str, *, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES,
          allow_private: bool = True) -> Document:
    """Fetch one page or document and parse it; ``InputError`` says why it cannot be used."""
    url = check_url(url)
    _guard(url, allow_private)
    opener = urllib.request.build_opener(_Redirects(allow_private))
    request = urllib.request.Request(url, headers={
        "User-Agent": USER_AGENT,
        "Accept": "text/html,application/xhtml+xml,text/plain,text/markdown,application/pdf",
    })
    deadline = time.monotonic() + timeout
    try:
        with opener.open(request, timeout=timeout) as response:
            suffix, charset = _content_type(response.headers, url)
            data = _read(response, url, max_bytes, deadline)
    except urllib.error.HTTPError as exc:
        raise InputError(f"{url}: the server answered {exc.code} {exc.reason}") from exc
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            raise InputError(f"{url}: no answer within {timeout:g} s "
                             "(CROSSCHECK_FETCH_TIMEOUT)") from exc
        raise InputError(f"{url}: cannot be fetched ({exc.reason})") from exc
    except TimeoutError as exc:
        raise InputError(f"{url}: no answer within {timeout:g} s "
                         "(CROSSCHECK_FETCH_TIMEOUT)") from exc
    except (OSError, ValueError) as exc:  # connection reset, bad status line, ...
        raise InputError(f"{url}: cannot be fetched ({exc})") from exc
    if charset and suffix != ".pdf" and charset.lower().replace("_", "-") not in ("utf-8",
                                                                                    "utf8"):
        try:  # the loaders read UTF-8: re-encode a page that says it is in another charset
            data = data.decode(charset).encode("utf-8")
        except (LookupError, UnicodeDecodeError) as exc:
            raise InputError(f"{url}: the page is not valid {charset} text") from exc
    name = (urlsplit(url).hostname or "page") + suffix
    try:
        return parse(data, name, source=url)
    except InputError as exc:
        raise InputError(f"{url}: {str(exc).removeprefix(name + ': ')}") from exc


def fetch_all(urls: Iterable[str], *, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES,
              allow_private: bool = True) -> tuple[list[Document], list[LoadError]]:
    """Fetch each URL; one that fails becomes an error, the rest still load."""
    docs: list[Document] = []
    errors: list[LoadError] = []
    for url in urls:
        try:
            target = check_url(url)
        except InputError as exc:
            errors.append(LoadError(url, str(exc).removeprefix(f"{url.strip()}: ")))
            continue
        try:
            docs.append(fetch(target, timeout=timeout, max_bytes=max_bytes,
                              allow_private=allow_private))
        except InputError as exc:
            errors.append(LoadError(url, str(exc).removeprefix(f"{target}: ")))
    return docs, errors
