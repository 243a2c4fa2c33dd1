"""Document upload and removal through the JSON API (FastAPI's TestClient)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.pdf_maker import make_pdf

pytestmark = pytest.mark.slow  # uploads and removals through the whole app

BRIDGE = (b"Harbor council reopens bridge\n\nThe Port Elm harbor council voted on Tuesday to "
          b"reopen the Kestrel Bridge to traffic. Mayor Ana Ruiz said the repairs were "
          b"finished ahead of schedule.\n")
BRIDGE_Q = "Did the Port Elm harbor council vote to reopen the Kestrel Bridge?"
ORCHARD = (b"# Orchard festival\n\nThe Vellmar orchard festival will move to the old "
           b"tram depot this autumn, the organisers announced.\n")
ORCHARD_Q = "Will the Vellmar orchard festival move to the old tram depot?"


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory, embedder) -> Any:
    """A seeded store of this module's own: these tests write to it."""
    from bot.services import Services
    from bot.settings import Settings

    s = Services(Settings(store=tmp_path_factory.mktemp("docs-api") / "store"), embedder=embedder)
    s.ensure_seeded()
    return s


@contextmanager
def client_with(services: Any, **settings: Any) -> Iterator[TestClient]:
    """An app over ``services`` with some settings changed for the duration."""
    from bot.web.server import create_app

    saved = {k: getattr(services.settings, k) for k in settings}
    for key, value in settings.items():
        setattr(services.settings, key, value)
    try:
        yield TestClient(create_app(services, warm_up=False))
    finally:
        for key, value in saved.items():
            setattr(services.settings, key, value)


@pytest.fixture(scope="module")
def client(services) -> Iterator[TestClient]:
    with client_with(services) as c:
        yield c


def upload(client: TestClient, *files: tuple[str, bytes], **kw: Any) -> Any:
    return client.post("/api/documents",
                       files=[("files", (name, data, "text/plain")) for name, data in files],
                       **kw)


def cited_docs(client: TestClient, question: str) -> set[str]:
    r = client.post("/api/verify", json={"question": question})
    assert r.status_code == 200
    return {c["doc_id"] for c in r.json()["citations"]}


def test_uploaded_document_is_cited_at_once(client) -> None:
    r = upload(client, ("bridge.txt", BRIDGE))
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["documents"] == 1 and body["added"] > 0 and body["errors"] == []
    doc_id = body["files"][0]["doc_id"]
    assert body["files"][0] == {"file": "bridge.txt", "doc_id": doc_id,
                                "title": "Harbor council reopens bridge"}
    assert doc_id in {d["doc_id"] for d in client.get("/api/documents").json()}
    assert doc_id in cited_docs(client, BRIDGE_Q)


def test_uploaded_pdf_is_cited_with_its_page(client) -> None:
    pdf = make_pdf([["Ferry timetable"], ["The Lindqvist ferry company said on Friday that the",
                                          "night ferry to Oskarholm will stop running in March."]])
    r = upload(client, ("ferry.pdf", pdf))
    assert r.status_code == 200, r.text
    doc_id = r.json()["files"][0]["doc_id"]
    answer = client.post("/api/verify", json={
        "question": "Will the night ferry to Oskarholm stop running in March?"}).json()
    mine = [c for c in answer["citations"] if c["doc_id"] == doc_id]
    assert mine and all(c["page"] == 2 for c in mine)
    assert all(c["source"] == "upload:ferry.pdf" for c in mine)


def test_uploading_the_same_file_again_is_a_no_op(client) -> None:
    first = upload(client, ("bridge-copy.md", BRIDGE)).json()
    listed = client.get("/api/documents").json()
    again = upload(client, ("bridge-copy.md", BRIDGE))
    assert again.status_code == 200
    assert again.json()["added"] == 0 and again.json()["removed"] == 0
    assert again.json()["unchanged"] == first["added"] + first["unchanged"]
    assert again.json()["files"] == first["files"]
    assert client.get("/api/documents").json() == listed


def test_good_files_are_added_and_bad_ones_reported(client) -> None:
    r = upload(client, ("orchard.md", ORCHARD), ("photo.txt", b"\x89PNG\r\n\x1a\n" + b"x" * 64))
    assert r.status_code == 200
    body = r.json()
    assert [f["file"] for f in body["files"]] == ["orchard.md"]
    assert body["errors"] == [{"file": "photo.txt", "reason": body["errors"][0]["reason"]}]
    assert "PNG" in body["errors"][0]["reason"] and "1 refused" in body["summary"]


@pytest.mark.parametrize(("files", "status", "words"), [
    ([("notes.txt", b"%PDF-1.7\n" + b"x" * 64)], 400, "PDF"),
    ([("blob.txt", b"\x00\x01\x02\x03" * 64)], 400, "binary"),
    ([("report.pdf", b"plain words")], 400, "not a PDF"),
    ([("scan.pdf", make_pdf([[]]))], 400, "no text layer"),
    ([("notes.docx", b"plain words")], 400, "unsupported file type .docx"),
    ([("../../etc/cron.txt", b"plain words")], 400, "another folder"),
    ([("/etc/passwd.txt", b"plain words")], 400, "another folder"),
    ([("..", b"plain words")], 400, "another folder"),
    ([(".txt", b"plain words")], 400, "not a usable file name"),
    ([("empty.txt", b"  \n")], 400, "empty"),
])
def test_bad_files_are_refused_with_the_reason(client, files, status: int, words: str) -> None:
    r = upload(client, *files)
    assert r.status_code == status
    detail = r.json()["detail"]
    assert detail.startswith("no document was added") and words in detail
    assert "Traceback" not in r.text


def test_no_files_says_how_to_send_them(client) -> None:
    r = client.post("/api/documents")
    assert r.status_code == 400 and "files" in r.json()["detail"]


def test_oversized_file_and_too_many_files_name_the_setting(services) -> None:
    with client_with(services, max_upload_mb=0.001, max_upload_files=2) as c:
        big = upload(c, ("big.txt", b"word " * 1000))
        assert big.status_code == 413 and "CROSSCHECK_MAX_UPLOAD_MB" in big.json()["detail"]
        many = upload(c, *[(f"n{i}.txt", b"word") for i in range(3)])
        assert many.status_code == 413 and "CROSSCHECK_MAX_UPLOAD_FILES" in many.json()["detail"]
        # A request far over files x size is refused before its body is read.
        huge = c.post("/api/documents", content=b"x" * 3_000_000,
                      headers={"content-type": "multipart/form-data; boundary=x"})
        assert huge.status_code == 413 and "CROSSCHECK_MAX_UPLOAD" in huge.json()["detail"]


def test_delete_removes_the_document_from_answers(client) -> None:
    text = BRIDGE.replace(b"Kestrel", b"Osprey").replace(b"Port Elm", b"Dunmore")
    doc_id = upload(client, ("osprey.txt", text)).json()["files"][0]["doc_id"]
    question = BRIDGE_Q.replace("Kestrel", "Osprey").replace("Port Elm", "Dunmore")
    assert doc_id in cited_docs(client, question)
    r = client.delete(f"/api/documents/{doc_id}")
    assert r.status_code == 200 and r.json()["doc_id"] == doc_id and r.json()["removed"] > 0
    assert doc_id not in {d["doc_id"] for d in client.get("/api/documents").json()}
    assert doc_id not in cited_docs(client, question)
    gone = client.delete(f"/api/documents/{doc_id}")
    assert gone.status_code == 404 and "GET /api/documents" in gone.json()["detail"]


def test_token_guards_the_document_endpoints(services) -> None:
    with client_with(services, api_token="s3cret") as c:
        assert upload(c, ("orchard.md", ORCHARD)).status_code == 401
        assert c.delete("/api/documents/0123456789abcdef").status_code == 401
        good = {"Authorization": "Bearer s3cret"}
        r = upload(c, ("orchard.md", ORCHARD), headers=good)
        assert r.status_code == 200
        assert c.delete("/api/documents/0123456789abcdef", headers=good).status_code == 404


def test_store_down_is_503_with_a_message(tmp_path) -> None:
    from bot.services import Services
    from bot.settings import Settings

    # Nothing listens on port 9 of loopback: the Chroma server is "down".
    with client_with(Services(Settings(chroma_url="http://127.0.0.1:9", store=tmp_path))) as c:
        r = upload(c, ("orchard.md", ORCHARD))
        assert r.status_code == 503 and "Chroma" in r.json()["detail"]
        assert c.delete("/api/documents/0123456789abcdef").status_code == 503


def test_endpoints_are_in_the_openapi_docs(client) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert "post" in paths["/api/documents"] and "get" in paths["/api/documents"]
    assert "delete" in paths["/api/documents/{doc_id}"]
