from __future__ import annotations

from dataclasses import replace

from bot.citations import validate
from bot.engine.verdict import decide
from bot.types import Attribution, Citation, Draft, Evidence, Stance, StanceScore, Verdict
from retrieval.types import Document

DOC = Document(doc_id="d1", title="T", source="s",
               text="Officials said it was not a deal. The rebels called it a deal.")


def _ev(stance: Stance, score: float, speaker: str | None, start: int = 0, end: int = 33,
        factual: bool = False) -> Evidence:
    return Evidence(doc_id="d1", title="T", source="s", start=start, end=end,
                    quote=DOC.text[start:end], paragraph=0, relevance=score,
                    attribution=Attribution(speaker=speaker),
                    stance=StanceScore(stance, score, "", factual))


def test_no_evidence_is_not_enough_info() -> None:
    assert decide([]).verdict is Verdict.NOT_ENOUGH_INFO
    weak = [_ev(Stance.SUPPORTS, 0.3, "a"), _ev(Stance.NEUTRAL, 0.9, None)]
    assert decide(weak).verdict is Verdict.NOT_ENOUGH_INFO


def test_both_sides_strong_is_disputed_with_a_kind() -> None:
    d = decide([_ev(Stance.REFUTES, 0.8, "officials"), _ev(Stance.SUPPORTS, 0.75, "rebels")])
    assert d.verdict is Verdict.DISPUTED
    assert d.conflict == "description"
    d = decide([_ev(Stance.REFUTES, 0.8, "x", factual=True),  # "Paris" where the claim has "Rome"
                _ev(Stance.SUPPORTS, 0.75, "y")])
    assert d.conflict == "factual"


def test_a_weak_other_side_does_not_make_a_dispute() -> None:
    d = decide([_ev(Stance.REFUTES, 0.9, "a"), _ev(Stance.SUPPORTS, 0.52, "b")])
    assert d.verdict is Verdict.REFUTED


def _cite(n: int, start: int, end: int, quote: str, stance: Stance = Stance.REFUTES) -> Citation:
    return Citation(n=n, doc_id="d1", title="T", source="s", start=start, end=end, quote=quote,
                    speaker="x", stance=stance)


def _lookup(doc_id: str) -> Document | None:
    return DOC if doc_id == "d1" else None


def test_dangling_marker_and_fabricated_quote_are_caught() -> None:
    draft = Draft(Verdict.REFUTED, "Officials deny it [1]. They also said more [2][7].",
                  (_cite(1, 0, 33, DOC.text[0:33]),
                   _cite(2, 0, 20, "it was a great deal indeed")))
    fixed = validate(draft, _lookup)
    assert fixed.text == "Officials deny it [1]. They also said more."
    assert [c.n for c in fixed.citations] == [1]
    assert any("not in the source" in r for r in fixed.repairs)
    assert any("[7]" in r for r in fixed.repairs)


def test_wrong_offsets_are_moved_to_the_quote() -> None:
    quote = "The rebels called it a deal."
    draft = Draft(Verdict.SUPPORTED, "Yes [1].", (_cite(1, 0, 5, quote, Stance.SUPPORTS),))
    [c] = validate(draft, _lookup).citations
    assert DOC.text[c.start : c.end] == quote


def test_disputed_with_one_side_is_downgraded() -> None:
    draft = Draft(Verdict.DISPUTED, "Officials [1].", (_cite(1, 0, 33, DOC.text[0:33]),))
    assert validate(draft, _lookup).verdict is Verdict.REFUTED


def test_not_enough_info_cites_nothing() -> None:
    draft = Draft(Verdict.NOT_ENOUGH_INFO, "Nothing [1].", (_cite(1, 0, 33, DOC.text[0:33]),))
    fixed = validate(draft, _lookup)
    assert fixed.citations == () and "[1]" not in fixed.text


def test_markers_inside_source_text_cannot_pose_as_citations() -> None:
    from bot.engine.compose import compose
    from bot.engine.verdict import Decision
    from bot.types import Claim

    text = "Officials said it was a deal [2] and more [1]."
    ev = Evidence(doc_id="d2", title="T [3]", source="s", start=0, end=len(text), quote=text,
                  paragraph=0, relevance=0.9, attribution=Attribution(speaker=None),
                  stance=StanceScore(Stance.SUPPORTS, 0.9))
    draft = compose(Claim(question="q", text="It was a deal [9]."),
                    Decision(Verdict.SUPPORTED, 0.9, (ev,), ()))
    assert [int(n) for n in __import__("re").findall(r"\[(\d+)\]", draft.text)] == [1]
    assert "deal (2)" in draft.text and draft.citations[0].quote == text


def test_a_question_disputed_by_one_answer_no_longer_says_the_sources_differ() -> None:
    quote = "The rebels called it a deal."
    cite = Citation(n=1, doc_id="d1", title="T", source="s", start=34, end=62, quote=quote,
                    speaker=None, stance=Stance.NEUTRAL, answer="a deal")
    draft = Draft(Verdict.DISPUTED, "Sources differ. a deal, according to T [1]; a deal, "
                  "according to T [2].", (cite, replace(cite, n=2)), kind="question")
    fixed = validate(draft, _lookup)
    assert fixed.verdict is Verdict.ANSWERED
    assert not fixed.text.startswith("Sources differ"), fixed.text
