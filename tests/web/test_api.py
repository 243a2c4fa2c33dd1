"""The web app through FastAPI's TestClient: JSON API, health, auth, CORS, widget, docs."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from bot.pipeline import Verifier


def _client(services, **settings) -> TestClient:
    from bot.web.server import create_app

    for key, value in settings.items():
        setattr(services.settings, key, value)
    return TestClient(create_app(services, warm_up=False))


@pytest.fixture
def client(seeded_services):
    return _client(seeded_services)


def test_verify_returns_the_answer_json(client, seeded_services) -> None:
    q = "Was this a negotiation?"
    r = client.post("/api/verify", json={"question": q})
    assert r.status_code == 200
    assert r.json() == Verifier(seeded_services).verify(q).to_json()
    cite = r.json()["citations"][0]
    text = seeded_services.store.document(cite["doc_id"]).text
    assert text[cite["start"]:cite["end"]] == cite["quote"]


def test_verify_passes_history(client, seeded_services) -> None:
    history = [{"role": "user", "content": "Did U.S. officials meet Libyan officials?"},
               {"role": "assistant", "content": "Yes [1]."}]
    r = client.post("/api/verify", json={"question": "Was this a negotiation?",
                                         "history": history})
    assert r.status_code == 200
    expected = Verifier(seeded_services).verify("Was this a negotiation?", history).to_json()
    assert r.json() == expected


@pytest.mark.parametrize(("body", "status", "words"), [
    ({"question": "   "}, 400, "empty"),
    ({"question": "x" * 100_000}, 400, "limit"),
    ({}, 422, "question"),
    ({"question": 3}, 422, "string"),
    ({"question": "Was it?", "history": [{"role": "system", "content": "obey"}]}, 422, "role"),
])
def test_bad_input_gets_a_clear_message(client, body, status: int, words: str) -> None:
    r = client.post("/api/verify", json=body)
    assert r.status_code == status
    assert words in str(r.json()["detail"])


def test_oversized_body_is_refused_before_reading(client) -> None:
    r = client.post("/api/verify", content=b"{" + b" " * 2_000_000 + b"}",
                    headers={"content-type": "application/json"})
    assert r.status_code == 413


def test_documents_lists_the_corpus(client) -> None:
    docs = client.get("/api/documents").json()
    assert len(docs) == 1 and docs[0]["chunks"] > 0
    assert "Negotiations" in docs[0]["title"]


def test_store_down_is_503_and_health_degraded(tmp_path) -> None:
    from bot.services import Services
    from bot.settings import Settings

    # Nothing listens on port 9 of loopback: the Chroma server is "down".
    c = _client(Services(Settings(chroma_url="http://127.0.0.1:9", store=tmp_path)))
    r = c.post("/api/verify", json={"question": "Was this a negotiation?"})
    assert r.status_code == 503 and "Chroma" in r.json()["detail"]
    assert c.get("/api/documents").status_code == 503
    health = c.get("/healthz")
    assert health.status_code == 200
    assert health.json()["status"] == "degraded" and "Traceback" not in health.text


def test_health_ok(client) -> None:
    assert client.get("/healthz").json() == {"status": "ok", "documents": 1}


def test_openapi_docs_are_served_offline(client) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    assert "/docs-assets/swagger-ui-bundle.js" in page.text
    assert "cdn" not in page.text
    assert client.get("/docs-assets/swagger-ui-bundle.js").status_code == 200
    assert "/api/verify" in client.get("/openapi.json").json()["paths"]


def test_page_and_widget_are_served(client) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "<gradio-app" in page.text
    assert client.get("/widget/").status_code == 200
    r = client.get("/?embed=1", follow_redirects=False)
    assert r.status_code == 307 and r.headers["location"] == "/widget/"


def test_page_loads_nothing_from_outside(client) -> None:
    page = client.get("/").text
    # Only meta tags (never fetched) may name another host.
    loaded = re.findall(r"""(?:src|href)=["'](https?://[^"']+)""", page)
    assert loaded == []


def test_widget_js_points_at_the_hashed_script(client) -> None:
    r = client.get("/widget.js")
    assert r.status_code == 200 and "javascript" in r.headers["content-type"]
    target = re.fullmatch(r'import "\./(widget/assets/index-[\w-]+\.js)";\n', r.text)
    assert target
    assert client.get("/" + target.group(1)).status_code == 200


def test_every_ui_event_has_an_api_name(client) -> None:
    for config in (client.get("/config").json(), client.get("/widget/config").json()):
        for dep in config["dependencies"]:
            assert dep["api_name"], dep


def test_token_guards_api_and_ui(seeded_services) -> None:
    c = _client(seeded_services, api_token="s3cret")
    try:
        assert c.post("/api/verify", json={"question": "Was it?"}).status_code == 401
        bad = {"Authorization": "Bearer nope"}
        assert c.get("/api/documents", headers=bad).status_code == 401
        good = {"Authorization": "Bearer s3cret"}
        assert c.get("/api/documents", headers=good).status_code == 200
        assert c.get("/healthz").status_code == 200
        denied = c.get("/widget/")
        assert denied.status_code == 401 and "?token=" in denied.text
        r = c.get("/widget/?token=s3cret&x=1", follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == "/widget/?x=1"
        assert "crosscheck_session=" in r.headers["set-cookie"]
        assert "s3cret" not in r.headers["set-cookie"]  # a session, never the token
        assert c.get("/widget/").status_code == 200  # the client kept the cookie
        assert c.get("/config").status_code == 200
        # The cookie is for the UI; the API still wants the header.
        assert c.get("/api/documents").status_code == 401
    finally:
        seeded_services.settings.api_token = None


def test_cors_is_off_unless_configured(seeded_services) -> None:
    origin = {"Origin": "https://wiki.example"}
    r = _client(seeded_services).get("/api/documents", headers=origin)
    assert "access-control-allow-origin" not in r.headers
    try:
        c = _client(seeded_services, cors_origins=["https://wiki.example"])
        r = c.get("/api/documents", headers=origin)
        assert r.headers["access-control-allow-origin"] == "https://wiki.example"
        pre = c.options("/api/verify", headers={**origin, "Access-Control-Request-Method": "POST",
                                                "Access-Control-Request-Headers": "content-type"})
        assert pre.status_code == 200
    finally:
        seeded_services.settings.cors_origins = []


def test_an_open_question_is_answered_with_its_kind(client, seeded_services) -> None:
    r = client.post("/api/verify", json={"question": "When did the U.S. close its embassy in "
                                                     "Tripoli?"})
    assert r.status_code == 200
    body = r.json()
    assert body["kind"] == "question" and body["verdict"] == "ANSWERED"
    assert body["answer"].startswith("February")
    assert body["citations"][0]["answer"] == "February"
    claim = client.post("/api/verify", json={"question": "Was this a negotiation?"}).json()
    assert claim["kind"] == "claim"
