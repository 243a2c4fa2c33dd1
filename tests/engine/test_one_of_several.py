""""X was one of the Ys who did Z" claims that X did Z: the documents name X among those who
did it ("released three prisoners, Ana Roth, Ivo Stan and Mila Cern"), seldom as one of a
group."""

from __future__ import annotations

import pytest

from bot.engine.membership import what_membership_says
from bot.pipeline import Verifier

from ..conftest import ask_over

RELEASE = ("Prisoners freed Velda released three prisoners, Ana Roth, Ivo Stan and Mila Cern, "
           "on Monday. The journalist Petr Alm remains in prison in Korsk. Two Velda officials, "
           "Rina Holt and Oskar Veil, were at the handover in Korsk.")


@pytest.mark.parametrize("claim", [
    "Was Ivo Stan one of the prisoners Velda released?",
    "Was Mila Cern among the prisoners released on Monday?",
    "Was Oskar Veil one of the two officials at the handover?",
])
def test_one_named_among_those_who_did_it_carries_the_claim(services, claim) -> None:
    answer = ask_over(services, claim, [RELEASE])
    assert answer.verdict.value == "SUPPORTED", answer.text


def test_one_of_those_at_the_meeting_was_at_the_meeting(seeded_services) -> None:
    """The seed article names Feltman among the three officials who held the meeting."""
    answer = Verifier(seeded_services).verify(
        "Was Feltman one of the three U.S. officials at the meeting?")
    assert answer.verdict.value == "SUPPORTED", answer.text


def test_one_named_elsewhere_in_the_story_is_not_carried(services) -> None:
    """Petr Alm is named, but not among those released: being in the story is no support."""
    answer = ask_over(services, "Was Petr Alm one of the prisoners who were released?",
                      [RELEASE])
    assert answer.verdict.value != "SUPPORTED", answer.text


@pytest.mark.parametrize(("text", "said"), [
    ("Ivo Stan was one of the prisoners who left Korsk.", "Ivo Stan left Korsk."),
    ("Ivo Stan was among the prisoners freed on Monday.", "Ivo Stan was freed on Monday."),
    ("Ivo Stan is one of the prisoners Velda released.", "Velda released Ivo Stan."),
    ("Libya is among the countries that were hit.", "Libya was hit."),
    ("Chollet was among the Americans at the Tunisia meeting.",
     "Chollet was at the Tunisia meeting."),
])
def test_what_the_groups_description_says_of_the_member(parser, text, said) -> None:
    assert what_membership_says(text, parser) == said


@pytest.mark.parametrize("text", [
    "Feltman was one of the three U.S. officials there.",  # nothing but the group's noun
    "The anonymous official was one of the diplomats who attended.",  # not named
    "Paris is one of the largest cities.",
    "Paris is one of the largest cities in Europe.",  # a rank, not where it is
    "Florida is one of only five states in the nation that ban it.",  # a count
])
def test_a_group_described_by_its_noun_alone_is_read_as_a_whole(parser, text) -> None:
    assert what_membership_says(text, parser) is None
