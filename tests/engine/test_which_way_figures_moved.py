"""A figure given before and after ("from six to four") says which way it moved: a claim that
it fell is carried, one that it rose is contradicted, whatever the verb and however the model
reads the figures."""

from __future__ import annotations

import pytest

from bot.engine.change import claimed, moved

from ..conftest import ask_over

FERRY = ("Ferry timetable approved The harbour board approved the winter ferry timetable on "
         "Tuesday. The timetable cuts the number of daily crossings from six to four between "
         "November and March. The board's chair, Ilse Marr, said fares would stay at 4 euros.")


def test_a_fall_the_figures_show_carries_a_claim_of_fewer(services) -> None:
    answer = ask_over(services, "Are there fewer daily crossings in winter?", [FERRY])
    assert answer.verdict.value == "SUPPORTED", answer.text


@pytest.mark.parametrize("claim", ["Will there be more daily crossings in winter?",
                                   "Has the board increased the number of winter crossings?"])
def test_a_fall_the_figures_show_contradicts_a_claim_of_a_rise(services, claim) -> None:
    answer = ask_over(services, claim, [FERRY])
    assert answer.verdict.value == "REFUTED", answer.text


def test_figures_of_another_thing_say_nothing_of_the_claims(services) -> None:
    """The crossings fell; nothing is said of how many crew the ferries have."""
    answer = ask_over(services, "Will there be fewer crew members on the ferries in winter?",
                      [FERRY])
    assert answer.verdict.value == "NOT_ENOUGH_INFO", answer.text


def test_the_direction_is_read_from_the_figures_not_the_verb() -> None:
    assert moved("the tax rise is cut from 3.9 per cent to 3.2 per cent") == -1
    assert moved("the allocation rises from 31 million to 36 million crowns") == 1
    assert moved("fares go from four euros to five") == 1
    assert moved("unemployment fell to 4.1 per cent from 4.5 per cent") == -1
    assert moved("it now covers 1.8 million packs, up from 1.2 million") == 1


def test_a_span_of_years_or_places_is_no_figure_that_moved() -> None:
    assert moved("from 2010 to 2015 the rate rose") == 0
    assert moved("the service moved from Harwick to Orlen") == 0


def test_a_claim_names_its_direction_and_what_went(parser) -> None:
    assert claimed(parser.parse("There are fewer crossings.")) == (-1, {"crossing"})
    assert claimed(parser.parse("The board cut the number of winter crossings.")) == (
        -1, {"number", "crossing"})
    assert claimed(parser.parse("Fares rose.")) == (1, {"fare"})
    assert claimed(parser.parse("Far fewer than before.")) == (-1, set())  # no noun, no loop
    # a noun says which way nothing went
    assert claimed(parser.parse("The tax rise was the biggest in years."))[0] == 0
