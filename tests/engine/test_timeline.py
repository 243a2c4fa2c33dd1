"""Positions over time: one party on both sides on different dates is said, in date order."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.engine.compose import compose
from bot.engine.timeline import changes, party
from bot.types import Attribution, Claim, Decision, Evidence, Span, Stance, StanceScore, Verdict

FOR = "The union said that the talks were a negotiation."
AGAINST = "The union said that the talks were not a negotiation."


def _ev(quote: str, stance: Stance, published: str | None, speaker: str | None = "The union",
        outlet: str | None = None, doc_id: str = "d") -> Evidence:
    content = Span(quote.index("that"), len(quote) - 1) if "that" in quote else None
    return Evidence(doc_id=doc_id, title="T", source="s", start=0, end=len(quote), quote=quote,
                    paragraph=0, relevance=0.9,
                    attribution=Attribution(speaker=speaker, verb="say", content=content),
                    stance=StanceScore(stance, 0.9), outlet=outlet, published=published)


def test_a_changed_position_is_told_in_date_order() -> None:
    later = _ev(AGAINST, Stance.REFUTES, "2026-07-20", doc_id="b")
    earlier = _ev(FOR, Stance.SUPPORTS, "2026-07-18", doc_id="a")
    note = changes([later, earlier])
    assert note == ("The position changed over time: on July 18 the union said that the talks "
                    "were a negotiation [2]; on July 20 the union said that the talks were not "
                    "a negotiation [1].")


def test_years_are_named_when_the_statements_span_years() -> None:
    note = changes([_ev(FOR, Stance.SUPPORTS, "2025-12-30"),
                    _ev(AGAINST, Stance.REFUTES, "2026-01-02")])
    assert "on December 30, 2025 the union said" in note and "on January 2, 2026" in note


@pytest.mark.parametrize("cited", [
    [_ev(FOR, Stance.SUPPORTS, "2026-07-18"), _ev(FOR, Stance.SUPPORTS, "2026-07-20")],
    [_ev(FOR, Stance.SUPPORTS, "2026-07-18"), _ev(AGAINST, Stance.REFUTES, "2026-07-18")],
    [_ev(FOR, Stance.SUPPORTS, None), _ev(AGAINST, Stance.REFUTES, "2026-07-20")],
    [_ev(FOR, Stance.SUPPORTS, "2026-07-18"),
     _ev(AGAINST, Stance.REFUTES, "2026-07-20", speaker="The port authority")],
])
def test_no_change_is_claimed_without_one(cited: list[Evidence]) -> None:
    """Same side twice, one day, an undated statement, or two different parties."""
    assert changes(cited) == ""


def test_an_outlet_in_its_own_voice_is_a_party_too() -> None:
    a = _ev("The talks were a negotiation.", Stance.SUPPORTS, "2026-07-18", speaker=None,
            outlet="Coast Courier")
    b = _ev("The talks were not a negotiation.", Stance.REFUTES, "2026-07-19", speaker=None,
            outlet="Coast Courier")
    assert party(a) == party(b) == "coast courier"
    assert "on July 18 Coast Courier reported “The talks were a negotiation” [1]" in changes([a, b])


def test_the_template_answer_carries_the_note_and_stays_valid() -> None:
    later = _ev(AGAINST, Stance.REFUTES, "2026-07-20", doc_id="b")
    earlier = _ev(FOR, Stance.SUPPORTS, "2026-07-18", doc_id="a")
    draft = compose(Claim(question="Were the talks a negotiation?",
                          text="The talks were a negotiation."),
                    Decision(Verdict.DISPUTED, 0.9, (earlier,), (later,)))
    assert draft.text.endswith("on July 20 the union said that the talks were not a "
                               "negotiation [1].")
    assert [c.published for c in draft.citations] == ["2026-07-20", "2026-07-18"]


STORIES = {
    "a.md": "---\noutlet: Coast Courier\ndate: 2026-07-18\n---\n# Union backs harbour talks\n\n"
            "The dockworkers' union said on Tuesday that the talks with the port authority were "
            "a negotiation between equals.\n\nShipping lines waited for the outcome.\n",
    "b.html": "<html><head><title>Union walks away</title>"
              '<meta property="og:site_name" content="Harbour Times">'
              '<meta property="article:published_time" content="2026-07-20T08:00:00Z"></head>'
              "<body><article><h1>Union walks away from harbour talks</h1><p>The dockworkers' "
              "union said on Thursday that the talks with the port authority were not a "
              "negotiation at all.</p><p>Cargo piled up on the quays.</p></article></body></html>",
}


@pytest.mark.slow
def test_answer_and_citations_say_who_published_what_when(services, tmp_path: Path) -> None:
    from bot.pipeline import Verifier

    for name, text in STORIES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    services.settings.auto_seed = False
    services.ingest([tmp_path / "a.md", tmp_path / "b.html"])
    answer = Verifier(services).verify("Were the talks with the port authority a negotiation?")
    assert answer.verdict is Verdict.DISPUTED
    by_outlet = {c.outlet: c for c in answer.citations}
    assert by_outlet["Coast Courier"].published == "2026-07-18"
    assert by_outlet["Harbour Times"].published == "2026-07-20"
    assert all(c.to_json()["outlet"] == c.outlet for c in answer.citations)
    july18 = answer.text.index("on July 18 the dockworkers' union said")
    assert july18 < answer.text.index("on July 20 the dockworkers' union said")
