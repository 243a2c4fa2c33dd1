"""Optional bearer-token access: the API takes ``Authorization: Bearer``, the UI a session.

The UI (and the embedded widget) cannot send headers, and Gradio's own login page does not
work inside an iframe, so a visitor opens the page once with ``?token=...``: the token is
checked, a signed session (never the token) goes into a cookie, and the page reloads without
the token in the address bar. A session is a random id and an expiry signed with HMAC-SHA256
under a key derived from the token (or ``CROSSCHECK_SESSION_SECRET``): any replica with the
same settings accepts it, and changing the token ends every session.

A request that authenticates by cookie and changes something (any method but GET, HEAD and
OPTIONS, and every websocket) must come from this site or a configured CORS origin, judged by
its ``Origin`` (or ``Referer``) header: another site's page cannot use a visitor's session.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import time
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

COOKIE = "crosscheck_session"
SESSION_SECONDS = 30 * 24 * 3600
OPEN_PATHS = ("/healthz",)  # load balancers probe without credentials
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")

Scope = dict[str, Any]
ASGIApp = Any


def _same(given: str | None, token: str) -> bool:
    return given is not None and hmac.compare_digest(given.encode(), token.encode())


def _headers(scope: Scope) -> dict[str, str]:
    return {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}


def bearer(headers: dict[str, str]) -> str | None:
    """The token of an ``Authorization: Bearer <token>`` header, if any."""
    scheme, _, value = headers.get("authorization", "").partition(" ")
    return value.strip() if scheme.lower() == "bearer" else None


def session_key(token: str, secret: str | None = None) -> bytes:
    """The signing key: from the session secret if set, else derived from the token."""
    if secret:
        return hashlib.sha256(b"crosscheck-session\0" + secret.encode()).digest()
    return hmac.new(token.encode(), b"crosscheck-session-v1", hashlib.sha256).digest()


def _sign(key: bytes, payload: str) -> str:
    mac = hmac.new(key, payload.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(mac).decode().rstrip("=")


def new_session(key: bytes, now: float | None = None,
                lifetime: int = SESSION_SECONDS) -> str:
    """A cookie value ``<id>.<expiry>.<signature>``: a random id, not the token."""
    expires = int((time.time() if now is None else now) + lifetime)
    payload = f"{secrets.token_urlsafe(18)}.{expires}"
    return f"{payload}.{_sign(key, payload)}"


def session_id(value: str | None, key: bytes, now: float | None = None) -> str | None:
    """The id of a well-signed, unexpired session cookie, else ``None``."""
    if not value or value.count(".") != 2:
        return None
    sid, expires, sig = value.split(".")
    if not hmac.compare_digest(sig.encode(), _sign(key, f"{sid}.{expires}").encode()):
        return None
    if not expires.isdigit() or int(expires) < (time.time() if now is None else now):
        return None
    return sid


def client_key(scope: Scope) -> str:
    """Who is asking, for rate limits and the audit log: a hash of the bearer token or
    session id (never either itself), else the client's address."""
    headers = _headers(scope)
    secret = bearer(headers) or cookie_token(headers)
    if secret:
        return "k:" + hashlib.sha256(secret.encode()).hexdigest()[:16]
    client = scope.get("client")
    return "ip:" + (str(client[0]) if client else "unknown")


def _origin_of(url: str) -> str | None:
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        return None
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def same_site_request(headers: dict[str, str], allowed: tuple[str, ...] = ()) -> bool:
    """True unless the ``Origin`` (or ``Referer``) names a site other than this one or an
    allowed origin. A request with neither header is not a browser's cross-site request."""
    given = headers.get("origin") or headers.get("referer")
    if not given:
        return True
    origin = _origin_of(given)
    if origin is None:  # "null" (sandboxed frames, privacy redirects) is no known site
        return False
    host = (headers.get("x-forwarded-host") or headers.get("host") or "").lower()
    if host and urlsplit(origin).netloc == host.split(",")[0].strip():
        return True
    return origin in {a.rstrip("/").lower() for a in allowed}


def cookie_token(headers: dict[str, str]) -> str | None:
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(headers.get("cookie", ""))
    except Exception:  # a malformed cookie header is just no cookie
        return None
    morsel = jar.get(COOKIE)
    return morsel.value if morsel else None


def _is_https(scope: Scope, headers: dict[str, str]) -> bool:
    return scope.get("scheme") == "https" or headers.get("x-forwarded-proto") == "https"


class TokenAuth:
    """ASGI middleware: with a token configured, every path but /healthz needs it (or a
    session it started)."""

    def __init__(self, app: ASGIApp, token: str, secret: str | None = None,
                 allowed_origins: tuple[str, ...] | list[str] = ()) -> None:
        self.app = app
        self.token = token
        self.key = session_key(token, secret)
        self.allowed = tuple(allowed_origins)

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] not in ("http", "websocket") or scope["path"] in OPEN_PATHS:
            await self.app(scope, receive, send)
            return
        headers = _headers(scope)
        if _same(bearer(headers), self.token):
            await self.app(scope, receive, send)
            return
        if scope["path"].startswith("/api/"):
            await self._deny(scope, send, json_body=True)
            return
        if session_id(cookie_token(headers), self.key):
            changes = scope["type"] == "websocket" or scope.get("method") not in SAFE_METHODS
            if changes and not same_site_request(headers, self.allowed):
                await self._forbid(scope, send)
                return
            await self.app(scope, receive, send)
            return
        query = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
        given = next((v for k, v in query if k == "token"), None)
        if _same(given, self.token) and scope["type"] == "http":
            await self._set_cookie_and_reload(scope, headers, query, send)
            return
        await self._deny(scope, send, json_body=False)

    async def _set_cookie_and_reload(self, scope: Scope, headers: dict[str, str],
                                     query: list[tuple[str, str]], send: Any) -> None:
        rest = urlencode([(k, v) for k, v in query if k != "token"])
        location = scope.get("root_path", "") + scope["path"] + (f"?{rest}" if rest else "")
        # Lax: another site's page never sends it along; the widget works on the same site.
        secure = "; Secure" if _is_https(scope, headers) else ""
        cookie = (f"{COOKIE}={new_session(self.key)}; Path=/; HttpOnly; SameSite=Lax{secure}; "
                  f"Max-Age={SESSION_SECONDS}")
        await send({"type": "http.response.start", "status": 303, "headers": [
            (b"location", location.encode("latin-1")),
            (b"set-cookie", cookie.encode("latin-1")),
            (b"cache-control", b"no-store"),
            (b"content-length", b"0"),
        ]})
        await send({"type": "http.response.body", "body": b""})

    async def _forbid(self, scope: Scope, send: Any) -> None:
        if scope["type"] == "websocket":
            await send({"type": "websocket.close", "code": 1008})
            return
        body = json.dumps({"detail": "cross-site request refused: this session may only be "
                           "used from this site (or an origin in CROSSCHECK_CORS_ORIGINS)"}
                          ).encode()
        await send({"type": "http.response.start", "status": 403, "headers": [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
        ]})
        await send({"type": "http.response.body", "body": body})

    async def _deny(self, scope: Scope, send: Any, *, json_body: bool) -> None:
        if scope["type"] == "websocket":
            await send({"type": "websocket.close", "code": 1008})
            return
        if json_body:
            body = json.dumps({"detail": "missing or wrong token: send the header "
                               "'Authorization: Bearer <CROSSCHECK_API_TOKEN>'"}).encode()
            ctype = b"application/json"
        else:
            body = (b"<!doctype html><title>Crosscheck: token needed</title>"
                    b"<p>This Crosscheck needs an access token. Open this page once with "
                    b"<code>?token=YOUR_TOKEN</code> added to the address.</p>")
            ctype = b"text/html; charset=utf-8"
        await send({"type": "http.response.start", "status": 401, "headers": [
            (b"content-type", ctype),
            (b"www-authenticate", b"Bearer"),
            (b"content-length", str(len(body)).encode()),
        ]})
        await send({"type": "http.response.body", "body": body})
