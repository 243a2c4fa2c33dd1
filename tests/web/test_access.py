"""With ``api_token`` set, nothing but the health check answers without the token."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow  # the whole app behind a token

TOKEN = "s3cret-token"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory, embedder):
    from fastapi.testclient import TestClient

    from bot.services import Services
    from bot.settings import Settings
    from bot.web.server import create_app

    services = Services(Settings(store=tmp_path_factory.mktemp("access") / "store",
                                 api_token=TOKEN), embedder=embedder)
    return TestClient(create_app(services, warm_up=False))


QUESTION = {"question": "Did the U.S. close its embassy in Tripoli?"}


@pytest.mark.parametrize("method,path", [("get", "/"), ("get", "/widget/"),
                                         ("get", "/api/documents"), ("get", "/openapi.json"),
                                         ("get", "/docs"), ("post", "/api/verify")])
def test_no_token_is_401(client, method: str, path: str) -> None:
    resp = client.request(method, path, json=QUESTION if method == "post" else None,
                          follow_redirects=False)
    assert resp.status_code == 401


@pytest.mark.parametrize("header", ["Bearer wrong", "Basic czNjcmV0LXRva2Vu", "Bearer",
                                    f"Bearer {TOKEN}x", f"Token {TOKEN}"])
def test_a_wrong_token_is_401(client, header: str) -> None:
    resp = client.post("/api/verify", json=QUESTION, headers={"Authorization": header})
    assert resp.status_code == 401
    assert "CROSSCHECK_API_TOKEN" in resp.json()["detail"]


def test_health_is_open_for_load_balancers(client) -> None:
    assert client.get("/healthz").status_code == 200


def test_the_api_answers_with_the_token(client) -> None:
    resp = client.post("/api/verify", json=QUESTION,
                       headers={"Authorization": f"Bearer {TOKEN}"})
    assert resp.status_code == 200
    assert any("closed its embassy in Tripoli" in c["quote"] for c in resp.json()["citations"])


def test_the_widget_works_after_opening_it_with_the_token(client) -> None:
    from fastapi.testclient import TestClient

    fresh = TestClient(client.app)  # its own cookie jar
    assert fresh.get("/widget/", follow_redirects=False).status_code == 401
    first = fresh.get(f"/widget/?token={TOKEN}", follow_redirects=False)
    assert first.status_code in (302, 303, 307) and "token=" not in first.headers["location"]
    page = fresh.get("/widget/")
    assert page.status_code == 200 and "<html" in page.text.lower()
    config = fresh.get("/widget/config")
    assert config.status_code == 200
    stranger = TestClient(client.app)
    assert stranger.get(f"/widget/?token={TOKEN}x", follow_redirects=False).status_code == 401
