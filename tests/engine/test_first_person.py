"""A quoted "we" is the side its speaker speaks for."""

from __future__ import annotations

import pytest

from bot.engine.first_person import named, side_of
from bot.pipeline import Verifier
from bot.types import Attribution
from retrieval.documents import content_hash
from retrieval.types import Document

from ..conftest import verifier_over


def test_the_side_is_named_in_how_the_speaker_is_described() -> None:
    assert side_of(Attribution(speaker="the Libyan spokesman, Moussa Ibrahim")) == "libya"
    assert side_of(Attribution(speaker="A U.S. State Department official")) == "united states"
    assert side_of(Attribution(speaker="Moussa Ibrahim")) is None


def test_first_person_plural_becomes_the_side() -> None:
    assert named("\u201cWe want to move forward.", "libya") == "\u201cLibya want to move forward."
    assert named("Our talks with us go on.", "libya") == "Libya's talks with Libya go on."
    assert named("The US said we agree.", "norway") == "The US said Norway agree."


TRADE = (
    "The trade talks ended on Friday without a deal.\n\n"
    "\u201cThis is a fair offer and it stays on the table,\u201d said the Norwegian trade "
    "minister, Ola Berg. \u201cWe will not raise tariffs on fish this year. We want an "
    "agreement before the summer.\u201d\n\n"
    "Exporters in Bergen welcomed the statement."
)


@pytest.fixture
def trade(services) -> Verifier:
    doc = Document(doc_id=content_hash(TRADE), title="Trade talks", source="trade.txt",
                   text=TRADE)
    return verifier_over(services, [doc])


def test_a_quoted_we_bears_on_a_claim_about_the_speakers_side(trade: Verifier) -> None:
    answer = trade.verify(
        "Did the Norwegian minister say Norway will not raise tariffs on fish this year?")
    assert answer.verdict.value == "SUPPORTED", answer.text
    cited = [c for c in answer.citations if "raise tariffs" in c.quote]
    assert cited and cited[0].speaker and "Norwegian trade minister" in cited[0].speaker


def test_a_quotation_is_followed_back_to_its_speaker(trade: Verifier) -> None:
    """The third sentence of a quotation is still the minister's, quoted with balanced marks."""
    answer = trade.verify(
        "Did the Norwegian minister say Norway wants an agreement before the summer?")
    assert answer.verdict.value == "SUPPORTED", answer.text
    assert "\u201cWe want an agreement before the summer\u201d" in answer.text
    assert "the Norwegian trade minister, Ola Berg, says" in answer.text  # apposition closed
    cited = [c for c in answer.citations if "agreement" in c.quote]
    assert cited and cited[0].speaker and "Norwegian trade minister" in cited[0].speaker
