"""Upload checks: size and count caps, path traversal in names, binaries sniffed by content."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from retrieval.documents import parse
from retrieval.errors import InputError
from retrieval.uploads import check_upload, check_uploads, safe_name

TEXT = b"Headline\n\nThe council voted to reopen the bridge."


def test_a_plain_text_file_passes_unchanged() -> None:
    assert check_upload("story.txt", TEXT, max_mb=1) == ("story.txt", TEXT)


@pytest.mark.parametrize("name", ["../../etc/passwd.txt", "/abs/path/story.txt",
                                  "..\\..\\windows\\story.txt", "sub/dir/story.txt",
                                  "...story.txt", "story\x00.txt", " story.txt "])
def test_names_lose_their_folders_and_tricks(name: str) -> None:
    clean, _ = check_upload(name, TEXT, max_mb=1)
    assert "/" not in clean and "\\" not in clean and "\x00" not in clean
    assert not clean.startswith(".") and clean.endswith(".txt") and ".." not in clean


@pytest.mark.parametrize("name", ["..", ".", "", "/", "../", ".txt", "noext"])
def test_unusable_names_are_refused(name: str) -> None:
    with pytest.raises(InputError):
        check_upload(name, TEXT, max_mb=1)


def test_oversized_file_names_the_setting() -> None:
    with pytest.raises(InputError, match="CROSSCHECK_MAX_UPLOAD_MB"):
        check_upload("big.txt", b"a" * (1024 * 1024 + 1), max_mb=1)
    assert check_upload("ok.txt", b"a" * (1024 * 1024), max_mb=1)[0] == "ok.txt"


@pytest.mark.parametrize("data,kind", [
    (b"%PDF-1.7\n" + b"x" * 100, "PDF"), (b"\x89PNG\r\n\x1a\n" + b"x" * 100, "PNG"),
    (b"PK\x03\x04" + b"x" * 100, "ZIP"), (b"\x7fELF" + b"\x02" * 100, "program"),
])
def test_binaries_are_sniffed_whatever_their_name(data: bytes, kind: str) -> None:
    with pytest.raises(InputError, match=kind):
        check_upload("innocent.txt", data, max_mb=1)


def test_control_bytes_and_bad_encoding_are_refused() -> None:
    with pytest.raises(InputError, match="binary"):
        check_upload("a.txt", bytes(range(1, 9)) * 50, max_mb=1)
    with pytest.raises(InputError, match="UTF-8"):
        check_upload("a.txt", "café".encode("latin-1") * 10, max_mb=1)
    with pytest.raises(InputError, match="empty"):
        check_upload("a.txt", b"  \n", max_mb=1)


def test_unsupported_type_and_too_many_files() -> None:
    with pytest.raises(InputError, match="unsupported"):
        check_upload("a.exe", TEXT, max_mb=1)
    with pytest.raises(InputError, match="CROSSCHECK_MAX_UPLOAD_FILES"):
        check_uploads([(f"{i}.txt", TEXT) for i in range(3)], max_files=2, max_mb=1)
    assert len(check_uploads([(f"{i}.txt", TEXT) for i in range(2)], max_files=2,
                             max_mb=1)) == 2


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_name_is_made_safe_or_refused(name: str) -> None:
    try:
        clean = safe_name(name)
    except InputError:
        return
    assert clean and "/" not in clean and "\\" not in clean and clean not in (".", "..")
    assert not clean.startswith(".") and len(clean) <= 200
    assert all(ch.isprintable() for ch in clean)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_are_accepted_as_parseable_text_or_refused(data: bytes) -> None:
    try:
        name, ok = check_upload("x.txt", data, max_mb=1)
    except InputError:
        return
    try:
        parse(ok, name)
    except InputError as exc:  # accepted bytes fail only for lack of readable text
        assert "no readable text" in str(exc)
