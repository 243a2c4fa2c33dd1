"""Does the confidence mean something? Accuracy of the verdicts in each confidence band."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any

BANDS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)


def calibration(rows: Sequence[tuple[float, bool]]) -> list[dict[str, Any]]:
    """(confidence, verdict correct) pairs -> per band: count, mean confidence, accuracy."""
    table = []
    for low, high in itertools.pairwise(BANDS):
        band = [(c, ok) for c, ok in rows if low <= c < high]
        table.append(
            {
                "band": f"{low:.1f}-{min(high, 1.0):.1f}",
                "n": len(band),
                "confidence": sum(c for c, _ in band) / len(band) if band else None,
                "accuracy": sum(ok for _, ok in band) / len(band) if band else None,
            }
        )
    return table


def format_calibration(table: Sequence[dict[str, Any]]) -> list[str]:
    lines = ["calibration (confidence band: cases, mean confidence, accuracy):"]
    for row in table:
        if row["n"]:
            lines.append(
                f"  {row['band']}: {row['n']:5d}  {row['confidence']:.2f}  {row['accuracy']:.2f}"
            )
    return lines
