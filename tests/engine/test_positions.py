"""A claim put to one party is decided by what that party says; a denial claim by a denial."""

from __future__ import annotations

import pytest

from bot.engine.positions import party_of, speaks_for
from bot.pipeline import Verifier

from ..conftest import titled as _doc
from ..conftest import verifier_over

BRIDGE = _doc("Bridge", (
    "The Kell bridge has been shut since the floods. Mayor Anna Brill said the bridge would "
    "reopen to traffic in May. The engineers' union said the bridge would not reopen to "
    "traffic in May. The council did not comment on the date."))


@pytest.fixture
def verifier(services) -> Verifier:
    return verifier_over(services, [BRIDGE])


@pytest.mark.parametrize(("claim", "party"), [
    ("The mayor said the bridge would reopen in May.", "The mayor"),
    ("According to the union, the bridge will reopen in May.", "the union"),
    ("The bridge will reopen in May, according to the U.S. official.", "the U.S. official"),
    ("The official, who was not named, insisted the talks had failed.", "The official"),
    ("He said the bridge would reopen.", None),  # a pronoun names no party
    ("According to the article, the bridge will reopen.", None),  # the documents themselves
    ("According to sources, the bridge will reopen.", None),
    ("The bridge will reopen, according to a council source.", "a council source"),
    ("The bridge will reopen, according to a Dutch source.", "a Dutch source"),
    ("The bridge will reopen in May.", None),
])
def test_the_party_a_claim_is_put_to(parser, claim: str, party: str | None) -> None:
    assert party_of(parser.parse(claim)) == party


@pytest.mark.parametrize(("party", "speaker", "same"), [
    ("the U.S. official", "A U.S. State Department official", True),
    ("the State Department official", "A U.S. State Department official", True),
    ("Washington", "A U.S. State Department official", True),  # the country by its capital
    ("Tripoli's spokesman", "a Libyan government spokesman", True),
    ("the Libyan side", "the Libyan spokesman, Moussa Ibrahim", True),
    ("the U.S. official", "the Libyan spokesman, Moussa Ibrahim", False),
    ("the Libyan spokesman", "A U.S. State Department official", False),
    ("the union", None, False),  # the document's own voice is no party
])
def test_a_speaker_speaks_for_a_party_named_by_fewer_words(party, speaker, same) -> None:
    assert speaks_for(party, speaker) is same


def test_a_claim_put_to_one_party_is_decided_by_what_it_says(verifier: Verifier) -> None:
    # The two parties disagree; what each of them says is not in doubt.
    said = verifier.verify("Did the mayor say the bridge would reopen to traffic in May?")
    assert said.verdict.value == "SUPPORTED"
    assert all("Brill" in c.speaker or "mayor" in c.speaker.lower() for c in said.citations
               if c.speaker)
    union = verifier.verify("The engineers' union said the bridge would reopen to traffic in May.")
    assert union.verdict.value == "REFUTED"


def test_a_yes_no_question_put_to_one_party_is_a_claim_about_its_position(
        verifier: Verifier) -> None:
    got = verifier.verify("According to the union, will the bridge reopen to traffic in May?")
    assert got.kind == "claim" and got.verdict.value == "REFUTED"
    assert any("would not reopen" in c.quote for c in got.citations)
    assert verifier.verify("According to the mayor, will the bridge reopen to traffic in May?"
                           ).verdict.value == "SUPPORTED"


def test_a_claim_that_someone_denied_something_is_supported_by_the_denial(services) -> None:
    verifier = verifier_over(services, [_doc("Recall", (
        "Patients reported dizziness after taking Corvane tablets. The maker, Helio Pharma, "
        "has denied any link between the tablets and the reported dizziness."))])
    got = verifier.verify(
        "Did Helio Pharma deny any link between the tablets and the reported dizziness?")
    assert got.verdict.value == "SUPPORTED"
    assert any("has denied any link" in c.quote for c in got.citations)
