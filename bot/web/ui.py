"""The Gradio chat UI (full page and compact widget) and its corpus tab.

Gradio reads its environment when imported: ``crosscheck serve`` sets the offline variables
(``bot.cli.OFFLINE_WEB_ENV``) before it imports this module.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator, Sequence
from contextlib import nullcontext
from pathlib import Path
from typing import Any

import gradio as gr

from bot.audit import Actor
from bot.pipeline import Verifier
from bot.services import Services
from bot.web.auth import bearer, cookie_token
from bot.web.limits import RateLimiter, too_many
from bot.web.render import (
    answer_html,
    badge_html,
    esc,
    message_html,
    source_label,
    sources_html,
    who_says_what_html,
)
from bot.web.uploads import check_count, read_upload
from retrieval.documents import SUPPORTED_SUFFIXES
from retrieval.errors import CrosscheckError, InputError
from retrieval.types import Document

log = logging.getLogger(__name__)

STATIC = Path(__file__).resolve().parent / "static"
EXAMPLES = (
    "Was this a negotiation?",
    "Did the U.S. close its embassy in Tripoli?",
    "Did China send a delegation to the meeting?",
)
GENERIC_ERROR = "Something went wrong on the server (it has been logged). Please try again."
SHOWN_QUESTION_CHARS = 600  # a pasted essay is shown shortened; the pipeline sees all of it
THEME = gr.themes.Default(font=["system-ui", "sans-serif"], font_mono=["monospace"])


Chat = list[dict[str, Any]]
Turns = list[dict[str, str]]


def css(widget: bool) -> str:
    """The app's stylesheet; the widget adds its compact rules."""
    text = (STATIC / "crosscheck.css").read_text(encoding="utf-8")
    return text + ((STATIC / "widget.css").read_text(encoding="utf-8") if widget else "")


# -- uploads ---------------------------------------------------------------------------------

def read_uploads(paths: Sequence[str], max_files: int,
                 max_mb: float) -> tuple[list[Document], list[str]]:
    """Uploaded files to Documents; each refusal is a message a person can act on."""
    try:
        check_count(len(paths), max_files)
    except InputError as exc:
        return [], [str(exc)]
    docs: list[Document] = []
    errors: list[str] = []
    for path in paths:
        name = Path(path).name
        try:
            with open(path, "rb") as f:
                docs.append(read_upload(name, os.path.getsize(path), f.read, max_mb)[1])
        except InputError as exc:
            errors.append(str(exc))
        except OSError as exc:
            errors.append(f"{name}: could not be read ({exc.strerror or exc})")
    return docs, errors


def ui_actor(request: gr.Request | None) -> Actor:
    """Who acts in the UI, for the audit log: a hash of their session (or token), address."""
    if request is None:
        return Actor("ui")
    headers = {str(k).lower(): str(v) for k, v in dict(request.headers or {}).items()}
    host = request.client.host if request.client else None
    return Actor("ui", who=Actor.hashed(cookie_token(headers) or bearer(headers)), client=host)


# -- the app ---------------------------------------------------------------------------------

class ChatUI:
    """Handlers shared by the full page and the widget."""

    def __init__(self, services: Services, verifier: Verifier,
                 upload_limiter: RateLimiter | None = None) -> None:
        self.services = services
        self.verifier = verifier
        self.upload_limiter = upload_limiter or RateLimiter(
            services.settings.rate_upload_per_min)

    def _doc_text(self, doc_id: str) -> str | None:
        doc = self.services.store.document(doc_id)
        return doc.text if doc else None

    def respond(self, message: str | None, chat: Chat | None,
                turns: Turns | None) -> Iterator[tuple[Any, ...]]:
        """Stream one answer: status, then text, then verdict, who-says-what and sources."""
        question = message or ""
        chat = list(chat or [])
        turns = list(turns or [])
        shown = question.strip()
        if len(shown) > SHOWN_QUESTION_CHARS:
            shown = f"{shown[:SHOWN_QUESTION_CHARS]}… ({len(question):,} characters)"
        if shown:
            chat.append({"role": "user", "content": esc(shown)})
        chat.append({"role": "assistant", "content": message_html("Checking…", "status")})
        empty = (badge_html(None), who_says_what_html(None), sources_html(None, self._doc_text))
        yield ("", chat, turns, *empty)
        text = ""
        try:
            for event in self.verifier.stream(question, turns):
                if event.kind == "status":
                    note = message_html(event.text, "status")
                    chat[-1] = {"role": "assistant", "content": note + esc(text)}
                elif event.kind == "token":
                    text += event.text
                    chat[-1] = {"role": "assistant", "content": esc(text)}
                elif event.answer is not None:
                    a = event.answer
                    chat[-1] = {"role": "assistant", "content": answer_html(a)}
                    turns += [{"role": "user", "content": question},
                              {"role": "assistant", "content": a.text}]
                    yield ("", chat, turns, badge_html(a.verdict, a.confidence),
                           who_says_what_html(a), sources_html(a, self._doc_text))
                    return
                # While text streams only the chat changes: skip re-sending the rest.
                yield (gr.skip(), chat, gr.skip(), gr.skip(), gr.skip(), gr.skip())
        except CrosscheckError as exc:
            chat[-1] = {"role": "assistant", "content": message_html(str(exc), "error")}
        except Exception:
            log.exception("the chat failed on %r", question[:200])
            chat[-1] = {"role": "assistant", "content": message_html(GENERIC_ERROR, "error")}
        yield ("", chat, turns, *empty)

    def respond_example(self, chat: Chat | None, turns: Turns | None,
                        evt: gr.SelectData) -> Iterator[tuple[Any, ...]]:
        value = evt.value if isinstance(evt.value, dict) else {"text": str(evt.value)}
        yield from self.respond(str(value.get("text", "")), chat, turns)

    # -- corpus ------------------------------------------------------------------------------

    def documents_html(self, query: str = "") -> str:
        """The stored documents (filtered by title or source), with chunk counts."""
        try:
            docs = self.services.store.documents()
        except CrosscheckError as exc:
            return message_html(str(exc), "error")
        except Exception:
            log.exception("listing documents failed")
            return message_html(GENERIC_ERROR, "error")
        q = (query or "").strip().lower()
        shown = [d for d in docs if not q or q in d.title.lower() or q in d.source.lower()]
        if not shown:
            return '<p class="cc-muted">No documents match.</p>' if docs else \
                '<p class="cc-muted">The corpus is empty: upload documents above.</p>'
        rows = "".join(
            f'<tr><td>{esc(d.title)}</td><td class="cc-num">{d.chunks}</td>'
            f"<td>{esc(source_label(d.source))}</td>"
            f'<td class="cc-num">{"–" if d.instructions is None else d.instructions}</td>'
            f"<td><code>{esc(d.doc_id)}</code></td></tr>"
            for d in shown
        )
        return (f'<p class="cc-muted">{len(shown)} of {len(docs)} documents</p>'
                '<table class="cc-docs"><thead><tr><th>Title</th><th>Chunks</th><th>Source</th>'
                '<th title="Sentences addressed to the assistant, set aside as instructions, '
                'never used as evidence">Set aside</th>'
                f"<th>Id</th></tr></thead><tbody>{rows}</tbody></table>")

    def document_choices(self) -> Any:
        try:
            docs = self.services.store.documents()
        except Exception:  # the list above shows the error
            docs = []
        return gr.update(choices=[(f"{d.title} ({d.doc_id})", d.doc_id) for d in docs],
                         value=None)

    def refresh(self, query: str = "") -> tuple[str, Any]:
        return self.documents_html(query), self.document_choices()

    def upload(self, paths: list[str] | None, query: str, request: gr.Request | None = None,
               progress: gr.Progress = gr.Progress()) -> tuple[str, str, Any, Any]:  # noqa: B008
        """Add uploaded files to the store; they are searchable as soon as this returns."""
        paths = list(paths or [])
        if not paths:
            return (message_html("Choose one or more .txt, .md, .html or .pdf files first.",
                                 "error"),
                    *self.refresh(query), None)
        who = ui_actor(request)
        wait = self.upload_limiter.take(who.who or who.client or "ui")
        if wait > 0:
            return message_html(too_many(wait, "uploads")[0], "error"), *self.refresh(query), None
        s = self.services.settings
        docs, errors = read_uploads(paths, s.max_upload_files, s.max_upload_mb)
        summary = ""
        if docs:
            def tick(done: int, total: int) -> None:
                if total:
                    progress((done, total), desc="Embedding chunks", unit="chunks")

            try:
                report = self.services.ingest_documents(docs, progress=tick, actor=who)
                summary = report.summary() + "".join(
                    f"; {source_label(src)}: {n} instruction sentence{'s' * (n != 1)} set aside"
                    for src, n in report.set_aside.items())
                errors += [str(e) for e in report.errors]
            except CrosscheckError as exc:
                errors.append(str(exc))
            except Exception:
                log.exception("ingesting uploads failed")
                errors.append(GENERIC_ERROR)
        notes = [message_html(summary, "ok")] if summary else []
        notes += [message_html(f"Skipped {e}", "error") for e in errors]
        return "".join(notes), *self.refresh(query), None

    def add_url(self, url: str | None, query: str,
                request: gr.Request | None = None) -> tuple[str, str, Any, str]:
        """Fetch a web page into the store; it is searchable as soon as this returns."""
        url = (url or "").strip()
        if not url:
            return (message_html("Enter the address of a web page (https://...).", "error"),
                    *self.refresh(query), url)
        who = ui_actor(request)
        wait = self.upload_limiter.take(who.who or who.client or "ui")
        if wait > 0:
            return message_html(too_many(wait, "uploads")[0], "error"), *self.refresh(query), url
        try:
            report = self.services.ingest([], urls=[url], actor=who,
                                          allow_private=self.services.settings.fetch_private)
        except CrosscheckError as exc:
            return message_html(str(exc), "error"), *self.refresh(query), url
        except Exception:
            log.exception("adding %s failed", url)
            return message_html(GENERIC_ERROR, "error"), *self.refresh(query), url
        if report.errors:
            notes = "".join(message_html(f"Skipped {e}", "error") for e in report.errors)
            return notes, *self.refresh(query), url
        return message_html(report.summary(), "ok"), *self.refresh(query), ""

    def remove(self, doc_id: str | None, query: str,
               request: gr.Request | None = None) -> tuple[str, str, Any]:
        if not doc_id:
            return message_html("Pick a document to remove.", "error"), *self.refresh(query)
        try:
            chunks = self.services.remove([doc_id], actor=ui_actor(request))
            note = message_html(f"Removed {doc_id} ({chunks} chunks).", "ok")
        except CrosscheckError as exc:
            note = message_html(str(exc), "error")
        except Exception:
            log.exception("removing %s failed", doc_id)
            note = message_html(GENERIC_ERROR, "error")
        return note, *self.refresh(query)


HEADER = """<div class="cc-header"><h1>Crosscheck</h1>
<p>Checks claims against your documents: a verdict, who says what, and the exact sentences
cited. Hover or tap a [n] marker to see its quote.</p></div>"""


def build_ui(services: Services, verifier: Verifier, *, widget: bool = False,
             upload_limiter: RateLimiter | None = None) -> gr.Blocks:
    """The chat page, or (``widget``) the compact chat for embedding in another site."""
    ui = ChatUI(services, verifier, upload_limiter)
    prefix = "widget_" if widget else ""
    with gr.Blocks(title="Crosscheck", fill_width=widget) as demo:
        if not widget:
            gr.HTML(HEADER)
        # The page: chat beside the evidence panels, and a corpus tab. The widget: one column.
        with (nullcontext() if widget else gr.Tabs()):
            with (nullcontext() if widget else gr.Tab("Chat", id="chat"),
                  gr.Column() if widget else gr.Row(equal_height=False)):
                with gr.Column(scale=5, min_width=300):
                    if widget:
                        badge = gr.HTML(badge_html(None), elem_id="cc-badge")
                    chatbot = gr.Chatbot(
                        label="Crosscheck", height=380 if widget else 520,
                        examples=[{"text": q} for q in EXAMPLES],
                        placeholder="Ask about the documents, or pick an example.",
                        elem_id="cc-chat", feedback_options=None, sanitize_html=True,
                        buttons=["copy", "copy_all"],
                    )
                    with gr.Row():
                        box = gr.Textbox(placeholder="Ask a question or state a claim…",
                                         show_label=False, scale=5, elem_id="cc-question",
                                         submit_btn=False, max_lines=4)
                        ask = gr.Button("Check", variant="primary", scale=1,
                                        elem_id="cc-ask", min_width=80)
                    clear = gr.Button("New conversation", size="sm")
                with gr.Column(scale=4, min_width=280):
                    if not widget:
                        badge = gr.HTML(badge_html(None), elem_id="cc-badge")
                    with gr.Accordion("Who says what", open=True):
                        who = gr.HTML(who_says_what_html(None), elem_id="cc-who")
                    with gr.Accordion("Sources", open=not widget):
                        sources = gr.HTML(sources_html(None, ui._doc_text),
                                          elem_id="cc-sources")
            if not widget:
                _corpus_tab(ui, demo)
        turns = gr.State([])
        outputs = [box, chatbot, turns, badge, who, sources]
        ask.click(ui.respond, [box, chatbot, turns], outputs, api_name=f"{prefix}ask")
        box.submit(ui.respond, [box, chatbot, turns], outputs, api_name=f"{prefix}ask_submit")
        chatbot.example_select(ui.respond_example, [chatbot, turns], outputs,
                               api_name=f"{prefix}ask_example")
        def reset() -> tuple[Any, ...]:
            return ("", [], [], badge_html(None), who_says_what_html(None),
                    sources_html(None, ui._doc_text))

        clear.click(reset, None, outputs, api_visibility="private", api_name=f"{prefix}clear")
        chatbot.clear(reset, None, outputs, api_visibility="private",
                      api_name=f"{prefix}clear_chat")
    return demo


def _corpus_tab(ui: ChatUI, demo: gr.Blocks) -> None:
    with gr.Tab("Corpus", id="corpus"):
        s = ui.services.settings
        files = gr.File(label=f"Add documents (.txt, .md, .html, .pdf; up to {s.max_upload_files} "
                        f"files of {s.max_upload_mb:g} MB)", file_count="multiple",
                        file_types=list(SUPPORTED_SUFFIXES), type="filepath",
                        elem_id="cc-upload")
        add = gr.Button("Add to corpus", variant="primary", elem_id="cc-add")
        with gr.Row():
            url = gr.Textbox(label="Or add a web page by its address", scale=5,
                             placeholder="https://example.com/news/article.html",
                             elem_id="cc-url", max_lines=1)
            fetch = gr.Button("Fetch page", scale=1, elem_id="cc-fetch", min_width=100)
        note = gr.HTML(elem_id="cc-corpus-note")
        query = gr.Textbox(label="Filter documents", placeholder="title or source",
                           elem_id="cc-doc-filter")
        listing = gr.HTML(elem_id="cc-docs")
        with gr.Row():
            pick = gr.Dropdown(label="Document to remove", choices=[], scale=4)
            drop = gr.Button("Remove", variant="stop", scale=1)
        add.click(ui.upload, [files, query], [note, listing, pick, files],
                  api_name="upload_documents", api_visibility="private")
        fetch.click(ui.add_url, [url, query], [note, listing, pick, url], api_name="add_url",
                    api_visibility="private")
        url.submit(ui.add_url, [url, query], [note, listing, pick, url], api_name="add_url_submit",
                   api_visibility="private")
        drop.click(ui.remove, [pick, query], [note, listing, pick], api_name="remove_document",
                   api_visibility="private")
        query.change(ui.documents_html, query, listing, api_name="filter_documents",
                     api_visibility="private")
        demo.load(ui.refresh, query, [listing, pick], api_name="list_documents",
                  api_visibility="private")
