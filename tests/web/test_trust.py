"""Trust: no server paths in answers or errors, sessions instead of tokens in cookies,
cross-site requests refused, rate limits and the audit log of corpus changes."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from bot.web.auth import new_session, same_site_request, session_id, session_key
from bot.web.limits import RateLimiter
from retrieval.sources import public_source, redact_paths

from .test_api_documents import BRIDGE, BRIDGE_Q, client_with

TOKEN = "s3cret-token-value"
ABSOLUTE = re.compile(r"(?:^|[\s\"'(])/(?:tmp|work|home|root|usr|var|opt)/")


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory, embedder) -> Any:
    """A seeded store of this module's own: these tests write to it."""
    from bot.services import Services
    from bot.settings import Settings

    s = Services(Settings(store=tmp_path_factory.mktemp("trust") / "store"), embedder=embedder)
    s.ensure_seeded()
    return s


def upload(client: TestClient, name: str, data: bytes, **kw: Any) -> Any:
    return client.post("/api/documents", files=[("files", (name, data, "text/plain"))], **kw)


def audit_lines(services: Any) -> list[dict[str, Any]]:
    path = services.settings.audit_path
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


# -- 1. no server internals ----------------------------------------------------------------

def test_seed_sources_read_as_given(services) -> None:
    sources = {d.source for d in services.store.documents()}
    assert sources and all(s.startswith("seeds/") and s.endswith(".txt") for s in sources)


def test_answers_and_listings_name_no_server_path(services) -> None:
    with client_with(services) as c:
        assert upload(c, "bridge.txt", BRIDGE).status_code == 200
        r = c.post("/api/verify", json={"question": BRIDGE_Q})
        cites = r.json()["citations"]
        assert cites and {x["source"] for x in cites} >= {"upload:bridge.txt"}
        for answer in (r.text, c.post("/api/verify",
                                      json={"question": "Was this a negotiation?"}).text,
                       c.get("/api/documents").text):
            assert not ABSOLUTE.search(answer), answer
            assert str(services.settings.store.parent) not in answer


def test_cli_sources_are_relative_to_what_was_given(tmp_path, monkeypatch, services) -> None:
    from retrieval.documents import load_paths

    folder = tmp_path / "news" / "2024"
    folder.mkdir(parents=True)
    (folder / "a.txt").write_bytes(BRIDGE)
    (tmp_path / "b.txt").write_bytes(BRIDGE.replace(b"Kestrel", b"Osprey"))
    monkeypatch.chdir(tmp_path)
    docs, _ = load_paths([Path("news"), Path("b.txt"), tmp_path / "news",
                          (tmp_path / "b.txt").resolve()])
    assert [d.source for d in docs] == ["news/2024/a.txt", "b.txt", "news/2024/a.txt", "b.txt"]


def test_older_stores_show_no_absolute_path_and_reingest_fixes_it(tmp_path, services) -> None:
    from dataclasses import replace

    from retrieval.documents import parse
    from retrieval.ingest import ingest_documents

    store, embedder = services.store, services.embedder
    doc = parse(BRIDGE.replace(b"Kestrel", b"Heron"), "heron.txt", source="/srv/data/heron.txt")
    ingest_documents([doc], store, embedder)  # as an older version stored it
    listed = {d.doc_id: d.source for d in store.documents()}
    assert listed[doc.doc_id] == "heron.txt"  # shown by name, never the path
    ingest_documents([replace(doc, source="corpus/heron.txt")], store, embedder)
    assert {d.doc_id: d.source for d in store.documents()}[doc.doc_id] == "corpus/heron.txt"
    assert store.find_by_source("corpus/heron.txt") == [doc.doc_id]


def test_error_messages_name_no_server_path() -> None:
    msg = "the vector store in /var/lib/crosscheck/store failed; see C:\\data\\x.txt"
    assert "/var/lib" not in redact_paths(msg) and "C:\\data" not in redact_paths(msg)
    # URLs and API routes in messages are kept.
    kept = "the Chroma server at http://db:8000/api failed; GET /api/documents lists them"
    assert "http://db:8000/api" in redact_paths(kept)
    assert public_source("/work/main/seeds/000_x.txt") == "000_x.txt"
    assert public_source("seeds/000_x.txt") == "seeds/000_x.txt"


def test_degraded_health_names_no_path(tmp_path) -> None:
    from bot.services import Services
    from bot.settings import Settings

    broken = tmp_path / "a-file-not-a-folder"
    broken.write_text("x")
    with client_with(Services(Settings(store=broken, auto_seed=False))) as c:
        body = c.get("/healthz").json()
    assert body["status"] == "degraded" and str(tmp_path) not in json.dumps(body)


# -- 2. sessions, not tokens -----------------------------------------------------------------

def test_cookie_holds_a_signed_session_never_the_token(services) -> None:
    with client_with(services, api_token=TOKEN) as c:
        r = c.get("/?token=" + TOKEN, follow_redirects=False)
        cookie = r.headers["set-cookie"]
        assert TOKEN not in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie
        assert "Secure" not in cookie  # plain HTTP here
        value = cookie.split(";")[0].split("=", 1)[1]
        assert session_id(value, session_key(TOKEN))
        assert c.get("/config").status_code == 200  # the session lets the UI in
        https = TestClient(c.app).get("/?token=" + TOKEN, follow_redirects=False,
                      headers={"X-Forwarded-Proto": "https"})
        assert "; Secure" in https.headers["set-cookie"]
    # A forged, expired or other-key session is no session.
    key = session_key(TOKEN)
    good = new_session(key)
    sid, exp, sig = good.split(".")
    assert session_id(f"{sid}x.{exp}.{sig}", key) is None
    assert session_id(new_session(key, now=0), key) is None
    assert session_id(good, session_key("another-token")) is None
    assert session_id(TOKEN, key) is None


def test_cross_site_cookie_requests_are_refused(services) -> None:
    with client_with(services, api_token=TOKEN, cors_origins=["https://wiki.example"]) as c:
        c.get("/?token=" + TOKEN)
        files = [("files", ("evil.txt", b"Planted text.", "text/plain"))]
        evil = c.post("/gradio_api/upload", files=files,
                      headers={"Origin": "https://evil.example"})
        assert evil.status_code == 403 and "cross-site" in evil.json()["detail"]
        by_referer = c.post("/gradio_api/upload", files=files,
                            headers={"Referer": "https://evil.example/page"})
        assert by_referer.status_code == 403
        assert c.post("/gradio_api/upload", files=files,
                      headers={"Origin": "null"}).status_code == 403
        same = c.post("/gradio_api/upload", files=files, headers={"Origin": "http://testserver"})
        assert same.status_code == 200
        wiki = c.post("/gradio_api/upload", files=files,
                      headers={"Origin": "https://wiki.example"})
        assert wiki.status_code == 200
        # Reading is not a change: a GET carries on.
        assert c.get("/config", headers={"Origin": "https://evil.example"}).status_code == 200


def test_bearer_api_still_works_from_anywhere(services) -> None:
    with client_with(services, api_token=TOKEN) as c:
        auth = {"Authorization": f"Bearer {TOKEN}", "Origin": "https://elsewhere.example"}
        r = c.post("/api/verify", json={"question": "Was this a negotiation?"}, headers=auth)
        assert r.status_code == 200 and r.json()["citations"]
        assert upload(c, "bridge.txt", BRIDGE, headers=auth).status_code == 200
        assert c.post("/api/verify", json={"question": "x?"}).status_code == 401


def test_same_site_rules() -> None:
    here = {"host": "crosscheck.example:8000"}
    assert same_site_request(here)
    assert same_site_request({**here, "origin": "https://crosscheck.example:8000"})
    assert not same_site_request({**here, "origin": "https://crosscheck.example.evil.io"})
    assert not same_site_request({**here, "origin": "https://crosscheck.example:9000"})
    assert same_site_request({**here, "origin": "https://wiki.example"}, ("https://wiki.example/",))


# -- 3. abuse limits and the audit log -------------------------------------------------------

def test_verify_over_the_limit_is_429_with_retry_after(services) -> None:
    with client_with(services, rate_verify_per_min=2) as c:
        ask = {"question": "Was this a negotiation?"}
        assert [c.post("/api/verify", json=ask).status_code for _ in range(2)] == [200, 200]
        r = c.post("/api/verify", json=ask)
        assert r.status_code == 429 and int(r.headers["retry-after"]) >= 1
        assert "CROSSCHECK_RATE_VERIFY_PER_MIN" in r.json()["detail"]
        # Another client (another token) has its own allowance.
    with client_with(services, rate_verify_per_min=1, api_token=TOKEN) as c:
        auth = {"Authorization": f"Bearer {TOKEN}"}
        assert c.post("/api/verify", json=ask, headers=auth).status_code == 200
        assert c.post("/api/verify", json=ask, headers=auth).status_code == 429


def test_uploads_over_the_limit_are_429(services) -> None:
    with client_with(services, rate_upload_per_min=1) as c:
        assert upload(c, "bridge.txt", BRIDGE).status_code == 200
        r = upload(c, "bridge.txt", BRIDGE)
        assert r.status_code == 429 and "retry-after" in r.headers


def test_rate_limiter_refills() -> None:
    now = [0.0]
    limiter = RateLimiter(6, clock=lambda: now[0])  # one every 10 s, bursts of 6
    assert [limiter.take("a") for _ in range(6)] == [0.0] * 6
    assert limiter.take("a") == pytest.approx(10.0)
    assert limiter.take("b") == 0.0
    now[0] = 10.0
    assert limiter.take("a") == 0.0
    assert RateLimiter(0).take("a") == 0.0  # 0: no limit


def test_api_upload_and_delete_are_audited(services) -> None:
    before = len(audit_lines(services))
    with client_with(services, api_token=TOKEN) as c:
        auth = {"Authorization": f"Bearer {TOKEN}"}
        text = BRIDGE.replace(b"Kestrel", b"Plover")
        doc_id = upload(c, "plover.txt", text, headers=auth).json()["files"][0]["doc_id"]
        assert c.delete(f"/api/documents/{doc_id}", headers=auth).status_code == 200
    added, deleted = audit_lines(services)[before:]
    assert added["action"] == "upload" and added["via"] == "api"
    assert added["documents"] == [{"doc_id": doc_id, "name": "upload:plover.txt"}]
    assert deleted["action"] == "delete" and deleted["documents"][0]["doc_id"] == doc_id
    for line in (added, deleted):
        assert line["who"].startswith("k:") and TOKEN not in json.dumps(line)
        assert line["client"] == "testclient" and line["at"].endswith("Z")


def test_ui_and_cli_changes_are_audited(services, tmp_path) -> None:
    from bot.pipeline import Verifier
    from bot.web.ui import ChatUI

    before = len(audit_lines(services))
    path = tmp_path / "wren.txt"
    path.write_bytes(BRIDGE.replace(b"Kestrel", b"Wren"))
    ui = ChatUI(services, Verifier(services))
    ui.upload([str(path)], "", progress=lambda *a, **k: None)
    doc_id = next(d.doc_id for d in services.store.documents() if d.source == "upload:wren.txt")
    ui.remove(doc_id, "")
    report = services.ingest([path])  # the CLI's path
    lines = audit_lines(services)[before:]
    assert [(x["action"], x["via"]) for x in lines] == [("upload", "ui"), ("delete", "ui"),
                                                         ("ingest", "cli")]
    assert lines[2]["documents"] == [{"doc_id": report.doc_ids[0], "name": "wren.txt"}]
