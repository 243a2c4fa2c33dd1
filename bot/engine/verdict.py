"""Stances of the evidence -> one verdict, with a confidence and the kind of conflict."""

from __future__ import annotations

from collections.abc import Sequence

from bot.engine.stance_rules import CHANGED_FROM
from bot.types import Decision, Evidence, Stance, Verdict

COUNTS = 0.5  # a stance below this score is not evidence either way
STRONG = 0.6  # both sides need this much for DISPUTED


def _strength(side: Sequence[Evidence]) -> float:
    if not side:
        return 0.0
    scores = sorted((e.stance.score for e in side), reverse=True)
    # More independent speakers add a little, never past the best score by much.
    speakers = {e.speaker or e.doc_id for e in side}
    return min(0.99, scores[0] + 0.05 * (len(speakers) - 1))


def decide(
    evidence: Sequence[Evidence], *, counts: float = COUNTS, strong: float = STRONG
) -> Decision:
    """SUPPORTED / REFUTED / DISPUTED / NOT_ENOUGH_INFO from the stances that count."""
    support = tuple(
        sorted(
            (e for e in evidence if e.stance.label is Stance.SUPPORTS and e.stance.score >= counts),
            key=lambda e: -e.stance.score,
        )
    )
    refute = tuple(
        sorted(
            (e for e in evidence if e.stance.label is Stance.REFUTES and e.stance.score >= counts),
            key=lambda e: -e.stance.score,
        )
    )
    support = _not_superseded(support, refute)
    s, r = _strength(support), _strength(refute)
    if not support and not refute:
        top = max((e.relevance for e in evidence), default=0.0)
        return Decision(Verdict.NOT_ENOUGH_INFO, round(1.0 - top * 0.5, 3), (), ())
    if support and refute and min(s, r) >= strong:
        return Decision(
            Verdict.DISPUTED, round(min(s, r), 3), support, refute, _conflict_kind(support, refute)
        )
    if s >= r:
        return Decision(Verdict.SUPPORTED, round(s * (1 - 0.5 * r), 3), support, ())
    return Decision(Verdict.REFUTED, round(r * (1 - 0.5 * s), 3), (), refute)


def _not_superseded(support: tuple[Evidence, ...], refute: Sequence[Evidence]
                    ) -> tuple[Evidence, ...]:
    """A sentence saying the claim's figure has since changed ("now covers 1.8 million, up
    from the 1.2 million it announced") accounts for the sources giving that figure: they
    are older, unless dated after it. What it updates is not a dispute."""
    updates = [e for e in refute if e.stance.cue == CHANGED_FROM]
    if not updates:
        return support
    latest = max(str(e.published or "") for e in updates)
    return tuple(e for e in support if e.published and str(e.published) > latest)


def _conflict_kind(support: Sequence[Evidence], refute: Sequence[Evidence]) -> str:
    """Different parties describing one event differently, or the facts themselves clash."""
    if any(e.stance.factual for e in refute):
        return "factual"
    speakers_for = {(e.speaker or "").lower() for e in support}
    speakers_against = {(e.speaker or "").lower() for e in refute}
    return "description" if speakers_for.isdisjoint(speakers_against) else "factual"
