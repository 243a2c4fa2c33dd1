"""Optional bearer-token access: the API takes ``Authorization: Bearer``, the UI a cookie.

The UI (and the embedded widget) cannot send headers, and Gradio's own login page does not
work inside an iframe, so a visitor opens the page once with ``?token=...``: the token is
checked, stored in a cookie, and the page reloads without it in the address bar.
"""

from __future__ import annotations

import hmac
import json
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qsl, urlencode

COOKIE = "crosscheck_token"
OPEN_PATHS = ("/healthz",)  # load balancers probe without credentials

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
    """ASGI middleware: with a token configured, every path but /healthz needs it."""

    def __init__(self, app: ASGIApp, token: str) -> None:
        self.app = app
        self.token = token

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
        if _same(cookie_token(headers), self.token):
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
        # Cross-site iframes only get the cookie with SameSite=None, which needs HTTPS.
        site = "SameSite=None; Secure" if _is_https(scope, headers) else "SameSite=Lax"
        cookie = f"{COOKIE}={self.token}; Path=/; HttpOnly; {site}; Max-Age=2592000"
        await send({"type": "http.response.start", "status": 303, "headers": [
            (b"location", location.encode("latin-1")),
            (b"set-cookie", cookie.encode("latin-1")),
            (b"cache-control", b"no-store"),
            (b"content-length", b"0"),
        ]})
        await send({"type": "http.response.body", "body": b""})

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
