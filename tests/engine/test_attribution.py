"""Each statement in the seed article is attributed to the right speaker."""

from __future__ import annotations

import pytest

from bot.engine.attribution import attribute
from bot.engine.nlp import Parser
from retrieval.documents import load_file

from ..conftest import SEED


@pytest.fixture(scope="module")
def seed_text() -> str:
    return load_file(SEED).text


def _who(parser: Parser, text: str, sentence_prefix: str,
         matched_words: tuple[str, ...] = ()) -> object:
    start = text.index(sentence_prefix)
    end = text.index(".", start + len(sentence_prefix))
    while text[end + 1 : end + 2] not in ("", " ", "\n", "”"):
        end = text.index(".", end + 1)
    sentence = text[start : end + 1]
    doc = parser.parse(sentence)
    matched = {t.i for t in doc if t.lower_ in matched_words}
    return attribute(doc, start, text, matched)


@pytest.mark.parametrize(
    ("prefix", "matched", "speaker", "anonymous"),
    [
        ("A U.S. State Department official said", ("negotiation",),
         "A U.S. State Department official", True),
        ("The State Department official said that", ("talks",),
         "A U.S. State Department official", True),
        ("“This is a first step", ("step",), "the Libyan spokesman, Moussa Ibrahim", False),
        ("Disclosure of the meeting", ("dialogue",), "a Libyan government spokesman", False),
        ("Disclosure of the meeting", ("disclosure", "first"), "the Associated Press", False),
        ("Three senior U.S. officials", ("negotiate",), "Muammar Qaddafi's government", False),
        ("The U.S. closed its embassy", ("embassy",), None, False),
    ],
)
def test_seed_statements_are_attributed(parser, seed_text: str, prefix: str,
                                        matched: tuple[str, ...], speaker: str | None,
                                        anonymous: bool) -> None:
    att = _who(parser, seed_text, prefix, matched)
    assert att.speaker == speaker
    assert att.anonymous is anonymous


def test_headline_is_attributed_to_the_us(parser, seed_text: str) -> None:
    title = seed_text.split("\n", 1)[0]
    doc = parser.parse(title)
    att = attribute(doc, 0, seed_text, {i for i, t in enumerate(doc) if t.lower_ == "negotiations"})
    assert att.speaker == "U.S." and att.verb == "say"


def test_the_reported_clause_is_told_apart(parser, seed_text: str) -> None:
    prefix = "A U.S. State Department official said"
    att = _who(parser, seed_text, prefix, ("negotiation",))
    assert att.content is not None
    assert seed_text[att.content.start : att.content.end].startswith(
        "the meeting was not a negotiation")


def test_reporting_to_someone_is_not_telling(parser) -> None:
    """"Ships must report to the Alliance": the ships answer to it, they say nothing."""
    text = "Ships must now report to the Coastal Alliance, the new fisheries regulator."
    assert attribute(parser.parse(text), 0, text, set()).speaker is None
