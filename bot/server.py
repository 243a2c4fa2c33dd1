"""The web app: JSON API and health check (the chat UI mounts onto this app)."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

from bot.services import Services


def create_app(services: Services) -> FastAPI:
    app = FastAPI(title="Crosscheck", version="0.1.0")

    @app.get("/healthz")
    def healthz() -> dict[str, Any]:
        try:
            docs = len(services.store.documents())
        except Exception as exc:  # noqa: BLE001 - health reports, never raises
            return {"status": "degraded", "store": services.store.location, "error": str(exc)}
        return {"status": "ok", "documents": docs}

    return app
