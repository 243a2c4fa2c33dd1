"""The web app: chat UI at /, compact widget at /widget, JSON API at /api, health at /healthz."""

from __future__ import annotations

import logging
import re
import threading
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode

from fastapi import FastAPI, HTTPException, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from bot.pipeline import Verifier
from bot.services import Services
from bot.web import ui
from bot.web.api import UPLOAD_PATH, BodyLimit, make_router, upload_body_limit
from bot.web.auth import TokenAuth
from bot.web.limits import RateLimit, RateLimiter
from retrieval.sources import redact_paths

log = logging.getLogger(__name__)

WIDGET_PATH = "/widget"
_ASSET = re.compile(r"""src=["']\.?/?(assets/index-[\w-]+\.js)["']""")


@cache
def web_component_script() -> str:
    """The hashed ``assets/index-*.js`` that Gradio's page loads (and ``<gradio-app>`` needs)."""
    page = Path(ui.gr.__file__).parent / "templates" / "frontend" / "index.html"
    match = _ASSET.search(page.read_text(encoding="utf-8"))
    if not match:
        raise RuntimeError(f"no assets/index-*.js script in {page}")
    return match.group(1)


class EmbedRedirect:
    """ASGI middleware: ``/?embed=1`` is the widget, for embeds written that way."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "http" and scope["path"] == "/":
            query = parse_qsl(scope.get("query_string", b"").decode("latin-1"))
            if ("embed", "1") in query:
                rest = urlencode([(k, v) for k, v in query if k != "embed"])
                target = f"{scope.get('root_path', '')}{WIDGET_PATH}/" + (f"?{rest}" if rest
                                                                          else "")
                await RedirectResponse(target, status_code=307)(scope, receive, send)
                return
        await self.app(scope, receive, send)


def _warm_up(verifier: Verifier) -> None:
    """Seed an empty store and load the models, so the first question is not the slow one."""
    try:
        verifier.verify("Is this a warm-up question?")
    except Exception:  # the first question will report the problem properly
        log.warning("warm-up failed; the first question will retry", exc_info=True)


def create_app(services: Services, *, warm_up: bool = True) -> FastAPI:
    """One FastAPI app: Gradio UI and widget, JSON API, health check, offline API docs."""
    settings = services.settings
    verifier = Verifier(services)
    app = FastAPI(title="Crosscheck", version="0.1.0", docs_url=None, redoc_url=None,
                  description="Checks claims against your documents and answers with a "
                  "verdict and exact citations. With CROSSCHECK_API_TOKEN set, send "
                  "`Authorization: Bearer <token>`.")
    app.include_router(make_router(services, verifier))

    @app.get("/healthz", tags=["ops"])
    def healthz() -> dict[str, Any]:
        """Liveness and store health; ``degraded`` (never an error page) if the store fails."""
        try:
            docs = len(services.store.documents())
        except Exception as exc:  # health reports, never raises (and, unauthenticated, no paths)
            log.warning("health check: the store failed: %s", exc)
            where = "chroma server" if settings.chroma_url else "embedded store"
            reason = redact_paths((str(exc).splitlines() or [type(exc).__name__])[0])
            return {"status": "degraded", "store": where, "error": reason}
        return {"status": "ok", "documents": docs}

    _add_docs(app)

    @app.get("/widget.js", include_in_schema=False)
    def widget_js() -> Response:
        """A stable address for the hashed web-component script that changes with Gradio.

        A one-line module importing the real script (a redirect would load it twice, once per
        URL, and the web component then fails to start).
        """
        try:
            target = web_component_script()
        except (OSError, RuntimeError) as exc:
            log.error("cannot find the web-component script: %s", exc)
            raise HTTPException(404, "web-component script not found") from exc
        # Public static code: any page may load it; the app's data stays behind CORS.
        return Response(f'import "./{WIDGET_PATH.strip("/")}/{target}";\n',
                        media_type="text/javascript",
                        headers={"Cache-Control": "no-cache", "Access-Control-Allow-Origin": "*"})

    mount: dict[str, Any] = {
        "theme": ui.THEME, "footer_links": [], "show_error": False, "ssr_mode": False,
        "max_file_size": int(settings.max_upload_mb * 1024 * 1024),
    }
    upload_limiter = RateLimiter(settings.rate_upload_per_min)  # shared by the API and the UI
    widget = ui.build_ui(services, verifier, widget=True)
    app = ui.gr.mount_gradio_app(app, widget, path=WIDGET_PATH, css=ui.css(widget=True),
                                 **mount)
    page = ui.build_ui(services, verifier, widget=False, upload_limiter=upload_limiter)
    app = ui.gr.mount_gradio_app(app, page, path="/", css=ui.css(widget=False), **mount)

    # Outermost last: CORS answers preflights before the token check sees them.
    app.add_middleware(EmbedRedirect)
    app.add_middleware(BodyLimit, upload_limit=upload_body_limit(settings))
    # Inside the token check: a refused request costs an attacker nothing from a client's budget.
    app.add_middleware(RateLimit, routes={
        ("POST", "/api/verify"): (RateLimiter(settings.rate_verify_per_min), "questions"),
        ("POST", UPLOAD_PATH): (upload_limiter, "uploads"),
    })
    if settings.api_token:
        app.add_middleware(TokenAuth, token=settings.api_token,
                           secret=settings.session_secret,
                           allowed_origins=tuple(settings.cors_origins))
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins,
                           allow_methods=["GET", "POST", "DELETE", "OPTIONS"],
                           allow_headers=["Authorization", "Content-Type"],
                           allow_credentials=True)
    if warm_up:
        threading.Thread(target=_warm_up, args=(verifier,), name="warm-up", daemon=True).start()
    return app


def _add_docs(app: FastAPI) -> None:
    """OpenAPI docs at /docs from the bundled Swagger UI (no CDN: works offline)."""
    try:
        from swagger_ui_bundle import swagger_ui_path
    except ImportError:  # pragma: no cover - a declared dependency
        log.warning("swagger-ui-bundle-v2 is not installed: /docs is unavailable")
        return
    app.mount("/docs-assets", StaticFiles(directory=str(swagger_ui_path)), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def docs(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        return get_swagger_ui_html(
            openapi_url=f"{root}/openapi.json", title="Crosscheck API",
            swagger_js_url=f"{root}/docs-assets/swagger-ui-bundle.js",
            swagger_css_url=f"{root}/docs-assets/swagger-ui.css",
            swagger_favicon_url=f"{root}/docs-assets/favicon-32x32.png",
        )
