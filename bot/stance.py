"""Stance judges: how does each evidence sentence bear on the claim?"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from bot.types import StanceScore


class StanceJudge(Protocol):
    """Labels (claim, sentence) pairs SUPPORTS / REFUTES / NEUTRAL with a score."""

    name: str

    def judge(self, claim: str, sentences: Sequence[str]) -> list[StanceScore]:
        """One score per sentence, in order."""
        ...
