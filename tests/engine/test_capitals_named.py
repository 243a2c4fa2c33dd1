"""A capital the documents name as such ("Tannis, the Rovenian capital") stands for its
country while those documents are read, as Washington stands for the U.S.; as a place
("held in Tannis") it stays a place."""

from __future__ import annotations

import pytest

from bot.engine.aliases import canonical, is_seat, seats_known, seats_named

from ..conftest import ask_over

EMBASSIES = ("Embassies stay shut Rovenia closed its embassy in Castelvo after the 2024 "
             "clashes, and it remains closed. Ardesia kept its embassy in Tannis open with a "
             "reduced staff. Protesters gathered in Tannis, the Rovenian capital, on Sunday.")


def test_a_capital_named_as_such_stands_for_its_country() -> None:
    named = seats_named(["Venn was held in Tannis, the Rovenian capital, for 19 months.",
                         "She flew to the Ardesian capital, Castelvo.",
                         "Mirsk, capital of Veltria, was quiet."])
    with seats_known(named):
        assert canonical("Tannis") == canonical("Rovenia") == canonical("Rovenian") == "rovenia"
        assert canonical("Castelvo") == "ardesia" and canonical("Mirsk") == "veltria"
        assert is_seat("Tannis") and not is_seat("Rovenia")
    assert canonical("Tannis") is None  # only while those documents are read


def test_the_table_is_never_overridden() -> None:
    named = seats_named(["Tripoli, the Tunisian capital, is wrong here."])
    with seats_known(named):
        assert canonical("Tripoli") == "libya"


@pytest.mark.parametrize(("claim", "verdict"), [
    ("Tannis has reopened its embassy in Castelvo.", "REFUTED"),
    ("Did Tannis keep its embassy in Castelvo open?", "REFUTED"),
    ("Has Castelvo kept an embassy in the Rovenian capital?", "SUPPORTED"),
])
def test_the_capital_the_documents_name_speaks_for_its_country(services, claim, verdict) -> None:
    answer = ask_over(services, claim, [EMBASSIES])
    assert answer.verdict.value == verdict, answer.text
