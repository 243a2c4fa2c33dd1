"""Fixtures of the end-to-end tests."""

from __future__ import annotations

import pytest

from bot.pipeline import Verifier


@pytest.fixture(scope="module")
def verifier(seeded_services) -> Verifier:
    """The engine over the shared seeded store."""
    return Verifier(seeded_services)
