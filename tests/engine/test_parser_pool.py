"""Parsing runs in parallel on a pool of pipelines; answers under load match single-client ones."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from bot.engine.nlp import Parser
from retrieval.text import fold_quotes

SENTENCES = [
    "The U.S. official said the meeting was not a negotiation.",
    "Libya's spokesman Ibrahim said the talks showed a willingness to negotiate.",
    "Gene Cretz, the ambassador, took part in the meeting in Tunis on Saturday.",
    "The embassy in Tripoli was closed in February, the State Department said.",
    "Officials denied that a second session had been planned.",
    "\u201cWe want to take further steps,\u201d the Libyan delegation said.",
]


def _reading(doc) -> list[tuple[str, str, str, str, int, str]]:
    return [(t.text, t.lemma_, t.pos_, t.dep_, t.head.i, t.ent_type_) for t in doc]


def test_a_busy_pipeline_does_not_block_another_threads_parse() -> None:
    parser = Parser(pipelines=2)
    parser.parse("Warm up.")
    with parser._checkout():  # one thread is parsing with one pipeline...
        done = threading.Event()
        worker = threading.Thread(target=lambda: (parser.parse(SENTENCES[0]), done.set()))
        worker.start()
        # ...and another parses at the same time with the second one, not after it.
        assert done.wait(timeout=60), "a parse waited for another thread's pipeline"
        worker.join()


def test_parses_from_any_pipeline_read_the_same(parser) -> None:
    pooled = Parser(pipelines=2)
    with ThreadPoolExecutor(4) as pool:
        docs = list(pool.map(pooled.parse, SENTENCES * 3))
    assert pooled._loaded == 2  # both pipelines were used
    for text, doc in zip(SENTENCES * 3, docs, strict=True):
        assert _reading(doc) == _reading(parser.parse(text))


def test_the_parts_left_unloaded_change_no_parse(parser) -> None:
    """The pipeline loads without the model's disabled "senter" and its tokenizer file
    (``UNUSED``): it tokenizes and reads like the whole model as shipped."""
    from bot.engine.nlp import MODEL, UNUSED, _import_spacy

    whole = _import_spacy().load(MODEL)
    assert UNUSED[MODEL] and whole.disabled == ["senter"]
    rules = {"exclude": ["vocab"]}  # the strings seen so far differ, not the rules
    assert parser.pipeline().tokenizer.to_bytes(**rules) == whole.tokenizer.to_bytes(**rules)
    for text in SENTENCES:
        assert _reading(parser.parse(text)) == _reading(whole(fold_quotes(text)))


@pytest.mark.slow
def test_answers_under_load_are_the_single_client_answers(tmp_path: Path, embedder) -> None:
    from bot.pipeline import Verifier
    from bot.services import Services
    from bot.settings import Settings
    from tests.conftest import SHARED_EVAL

    path = SHARED_EVAL / "seed_questions.jsonl"
    if path.is_file():
        import json

        questions = [json.loads(line)["question"] for line in path.read_text().splitlines()
                     if line.strip()][:6]
    else:
        questions = ["Was this a negotiation?", "Did the U.S. close its embassy in Tripoli?"]

    def shape(answer) -> dict[str, object]:
        out = answer.to_json()
        out.pop("timings", None)
        return out

    single = Services(Settings(store=tmp_path / "store"), embedder=embedder)
    single.ensure_seeded()
    alone = {q: shape(Verifier(single).verify(q)) for q in questions}

    # A fresh process's state (cold caches, two pipelines) with 8 clients asking at once.
    shared = Services(Settings(store=tmp_path / "store"), embedder=embedder)
    verifier = Verifier(shared)
    with ThreadPoolExecutor(8) as pool:
        loaded = list(pool.map(lambda q: (q, shape(verifier.verify(q))), questions * 3))
    assert shared.parser._loaded >= 2  # the parses really ran side by side
    for question, answer in loaded:
        assert answer == alone[question], question


def test_spacys_entry_points_are_looked_up_in_groups_and_none_is_lost(parser) -> None:
    """catalogue's entry points, grouped once (``_group_entry_points``), are every entry point
    installed, each under its group, as ``select(group=...)`` finds them."""
    import importlib.metadata

    import catalogue

    parser.pipeline()
    grouped = catalogue.AVAILABLE_ENTRY_POINTS
    assert isinstance(grouped, dict) and not hasattr(grouped, "select")
    installed = importlib.metadata.entry_points()
    assert set(grouped) == set(installed.groups)
    for group, found in grouped.items():
        assert found == list(installed.select(group=group))
    assert any(group.startswith("spacy_") for group in grouped)  # spaCy's own are among them
