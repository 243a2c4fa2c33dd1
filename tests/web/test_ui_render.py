"""The chat UI's HTML and handlers: escaping, badge, who-says-what, sources, uploads."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.types import Answer, Citation, Stance, Verdict
from bot.web.render import (
    answer_html,
    badge_html,
    highlighted_paragraph,
    sources_html,
    text_with_markers,
    who_says_what_html,
)

XSS = "<img src=x onerror=alert(1)>"
DOC = ("Title line\n\nFirst sentence here. The official said it was not a negotiation. "
       "Last one.\n\nAnother paragraph.")


def _cite(n: int, quote: str, stance: Stance, speaker: str | None = None,
          title: str = "Talks", doc_id: str = "d1") -> Citation:
    start = DOC.find(quote)
    return Citation(n=n, doc_id=doc_id, title=title, source="/srv/data/talks.txt", start=start,
                    end=start + len(quote), quote=quote, speaker=speaker, stance=stance)


def _answer(verdict: Verdict, *citations: Citation, text: str = "") -> Answer:
    return Answer(question="Was this a negotiation?", claim="The meeting was a negotiation.",
                  verdict=verdict, text=text or " ".join(f"[{c.n}]" for c in citations),
                  citations=citations)


@pytest.mark.parametrize(("verdict", "word"), [
    (Verdict.SUPPORTED, "Supported"), (Verdict.REFUTED, "Refuted"),
    (Verdict.DISPUTED, "Disputed"), (Verdict.NOT_ENOUGH_INFO, "Not enough info"),
])
def test_badge_shows_the_verdict_in_words_and_colour(verdict: Verdict, word: str) -> None:
    html = badge_html(verdict, 0.8)
    assert f">{word}<" in html
    assert f'data-verdict="{verdict.value}"' in html
    assert "background:#" in html
    assert "80%" in html


def test_badge_before_any_question_invites_one() -> None:
    assert "data-verdict" not in badge_html(None)


def test_markers_reveal_quote_speaker_and_document() -> None:
    c = _cite(1, "The official said it was not a negotiation.", Stance.REFUTES,
              speaker="A U.S. official", title="Secret Talks")
    html = text_with_markers("It was not [1].", [c])
    assert 'data-cite="1"' in html
    assert "The official said it was not a negotiation." in html
    assert "A U.S. official" in html and "Secret Talks" in html


def test_marker_without_a_citation_stays_plain_text() -> None:
    assert text_with_markers("see [7]", []) == "see [7]"


def test_answer_text_quotes_and_speakers_are_escaped() -> None:
    c = Citation(n=1, doc_id="d", title=f"T {XSS}", source="s", start=0, end=len(XSS),
                 quote=XSS, speaker='Mr "X" <b>', stance=Stance.SUPPORTS)
    a = Answer(question=XSS, claim=XSS, verdict=Verdict.SUPPORTED, text=f"{XSS} [1]",
               citations=(c,), warnings=(XSS,))
    for html in (answer_html(a), who_says_what_html(a), sources_html(a, lambda _: XSS)):
        assert "<img" not in html
        assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert 'title="' in answer_html(a) and '&quot;X&quot;' in answer_html(a)


def test_who_says_what_puts_each_side_on_its_own_row() -> None:
    pro = _cite(1, "First sentence here.", Stance.SUPPORTS, speaker="Libyan spokesman")
    con = _cite(2, "The official said it was not a negotiation.", Stance.REFUTES,
                speaker="U.S. State Department official")
    html = who_says_what_html(_answer(Verdict.DISPUTED, con, pro))
    rows = html.split("<tr class=")[1:]
    assert len(rows) == 2
    # Supporters first, then the other side; each row: speaker | position | quote | document.
    assert "Libyan spokesman" in rows[0] and ">supports<" in rows[0]
    assert "U.S. State Department official" in rows[1] and ">contradicts<" in rows[1]
    assert "not a negotiation" in rows[1] and "Talks" in rows[1]
    assert "Claim checked" in html


def test_unnamed_speaker_is_the_article() -> None:
    html = who_says_what_html(_answer(Verdict.SUPPORTED, _cite(1, "Last one.", Stance.SUPPORTS)))
    assert "the article" in html


def test_no_citations_says_so() -> None:
    assert "No source" in who_says_what_html(_answer(Verdict.NOT_ENOUGH_INFO, text="None."))


def test_cited_sentence_is_highlighted_inside_its_paragraph() -> None:
    quote = "The official said it was not a negotiation."
    start = DOC.find(quote)
    html = highlighted_paragraph(DOC, start, start + len(quote))
    assert html == ("First sentence here. <mark>The official said it was not a negotiation."
                    "</mark> Last one.")


def test_sources_panel_uses_the_document_text_and_hides_server_paths() -> None:
    a = _answer(Verdict.REFUTED, _cite(1, "Another paragraph.", Stance.REFUTES))
    html = sources_html(a, lambda doc_id: DOC if doc_id == "d1" else None)
    assert "<mark>Another paragraph.</mark>" in html
    assert "talks.txt" in html and "/srv/data" not in html


def test_sources_panel_survives_a_removed_document() -> None:
    a = _answer(Verdict.REFUTED, _cite(1, "Another paragraph.", Stance.REFUTES))
    assert "<mark>Another paragraph.</mark>" in sources_html(a, lambda _: None)


# -- the UI's handlers -------------------------------------------------------------------------

def _final(gen):  # the last update a handler streams
    updates = list(gen)
    assert updates, "the handler streamed nothing"
    return updates[-1]


@pytest.fixture
def chat_ui(seeded_services):
    from bot.pipeline import Verifier
    from bot.web.ui import ChatUI

    return ChatUI(seeded_services, Verifier(seeded_services))


def test_chat_streams_an_answer_with_panels(chat_ui) -> None:
    box, chat, turns, badge, who, sources = _final(chat_ui.respond("Was this a negotiation?",
                                                                   [], []))
    assert "Claim checked" in who
    assert box == ""
    assert chat[0] == {"role": "user", "content": "Was this a negotiation?"}
    assert "cc-answer" in chat[-1]["content"] and "data-verdict" in badge
    assert "<mark>" in sources
    assert turns[0] == {"role": "user", "content": "Was this a negotiation?"}
    assert turns[1]["role"] == "assistant"


def test_chat_passes_history_to_follow_ups(chat_ui, monkeypatch) -> None:
    seen = []
    real = chat_ui.verifier.stream

    def spy(question, history=()):
        seen.append(list(history))
        return real(question, history)

    monkeypatch.setattr(chat_ui.verifier, "stream", spy)
    _, chat, turns, *_ = _final(chat_ui.respond("Was this a negotiation?", [], []))
    _final(chat_ui.respond("Who said so?", chat, turns))
    assert seen[1][0] == {"role": "user", "content": "Was this a negotiation?"}


def test_html_in_a_question_is_shown_as_text(chat_ui) -> None:
    _, chat, *_ = _final(chat_ui.respond(f"{XSS} Was this a negotiation?", [], []))
    assert chat[0]["content"].startswith("&lt;img src=x onerror=alert(1)&gt;")
    assert all("<img" not in m["content"] for m in chat)


@pytest.mark.parametrize(("question", "expected"), [
    ("   ", "empty"),
    ("x" * 100_000, "limit"),
])
def test_bad_questions_get_a_friendly_message(chat_ui, question: str, expected: str) -> None:
    _, chat, turns, badge, *_ = _final(chat_ui.respond(question, [], []))
    assert expected in chat[-1]["content"] and "cc-error" in chat[-1]["content"]
    assert "Traceback" not in chat[-1]["content"]
    assert turns == [] and "data-verdict" not in badge
    if len(question) > 1000:
        assert len(chat[0]["content"]) < 1000  # the pasted text is shown shortened


def test_unexpected_failure_is_a_generic_message(chat_ui, monkeypatch, caplog) -> None:
    def boom(question, history=()):
        raise RuntimeError("secret internals")
        yield  # pragma: no cover

    monkeypatch.setattr(chat_ui.verifier, "stream", boom)
    _, chat, *_ = _final(chat_ui.respond("Was this a negotiation?", [], []))
    assert "Something went wrong" in chat[-1]["content"]
    assert "secret internals" not in chat[-1]["content"]
    assert "secret internals" in caplog.text


@pytest.fixture
def fresh_ui(services):
    from bot.pipeline import Verifier
    from bot.web.ui import ChatUI

    services.settings.auto_seed = False
    return ChatUI(services, Verifier(services))


def _write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def test_upload_makes_documents_searchable_at_once(fresh_ui, tmp_path: Path) -> None:
    text = b"Zebra pipeline notice\n\nThe zebra pipeline inspection found hairline cracks.\n"
    note, listing, _, cleared = fresh_ui.upload([_write(tmp_path, "zebra.txt", text)], "")
    assert "1 documents" in note and cleared is None
    assert "Zebra pipeline notice" in listing
    hits = fresh_ui.services.searcher.search("zebra pipeline cracks", k=1)
    assert hits and hits[0].source == "upload:zebra.txt"


def test_upload_refuses_binary_unsupported_and_oversized(fresh_ui, tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
    fresh_ui.services.settings.max_upload_mb = 0.001
    note, listing, *_ = fresh_ui.upload([
        _write(tmp_path, "photo.txt", png),
        _write(tmp_path, "tool.exe", b"MZ\x90\x00"),
        _write(tmp_path, "big.txt", b"word " * 1000),
    ], "")
    assert "photo.txt: the content is a PNG image, not text" in note
    assert "tool.exe: unsupported file type" in note
    assert "big.txt" in note and "CROSSCHECK_MAX_UPLOAD_MB" in note
    assert "corpus is empty" in listing


def test_upload_enforces_the_file_count(fresh_ui, tmp_path: Path) -> None:
    fresh_ui.services.settings.max_upload_files = 2
    paths = [_write(tmp_path, f"d{i}.txt", b"Some text here.") for i in range(3)]
    note, *_ = fresh_ui.upload(paths, "")
    assert "over the limit of 2" in note and "CROSSCHECK_MAX_UPLOAD_FILES" in note


def test_upload_of_html_in_a_document_is_listed_as_text(fresh_ui, tmp_path: Path) -> None:
    data = f"{XSS} Zebra notice\n\nThe zebra pipeline was inspected.\n".encode()
    _, listing, *_ = fresh_ui.upload([_write(tmp_path, "x.txt", data)], "")
    assert "&lt;img src=x onerror=alert(1)&gt; Zebra notice" in listing and "<img" not in listing


def test_remove_takes_a_document_out(fresh_ui, tmp_path: Path) -> None:
    fresh_ui.upload([_write(tmp_path, "a.txt", b"Alpha\n\nAlpha text about llamas.")], "")
    doc_id = fresh_ui.services.store.documents()[0].doc_id
    note, listing, _ = fresh_ui.remove(doc_id, "")
    assert "Removed" in note and "corpus is empty" in listing
    assert "Pick a document" in fresh_ui.remove(None, "")[0]


def test_upload_names_are_cleaned(fresh_ui, tmp_path: Path) -> None:
    path = _write(tmp_path, "notes <b>.txt", b"Notes\n\nPlain notes about llamas.")
    _, listing, *_ = fresh_ui.upload([path], "")
    assert "upload:notes _b_.txt" in listing


def test_who_says_what_shows_outlet_and_date_and_orders_a_party_by_date() -> None:
    from dataclasses import replace

    later = replace(_cite(1, "The official said it was not a negotiation.", Stance.REFUTES,
                          speaker="Union"), outlet="Harbour Times", published="2026-07-16")
    other = replace(_cite(2, "Last one.", Stance.SUPPORTS, speaker="Port authority"),
                    published="2026-07-19")
    earlier = replace(_cite(3, "First sentence here.", Stance.SUPPORTS, speaker="Union"),
                      outlet="Coast Courier", published="2026-07-18", page=2)
    html = who_says_what_html(_answer(Verdict.DISPUTED, later, other, earlier))
    assert "<th>Published</th>" in html
    rows = html.split("<tr class=")[1:]
    # Parties as before (supporters first: the port authority, then the union), but the
    # union's statements together and by date: against on July 16, for on July 18.
    assert [r.split('data-cite="')[1][0] for r in rows] == ["2", "1", "3"]
    assert "Harbour Times" in rows[1] and "2026-07-16" in rows[1]
    assert "Coast Courier, p. 2" in rows[2] and "2026-07-18" in rows[2]
    assert ">–<" in who_says_what_html(_answer(Verdict.SUPPORTED,
                                               _cite(1, "Last one.", Stance.SUPPORTS)))
