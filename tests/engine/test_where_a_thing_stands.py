""""Where is X located?": "located" only says X is somewhere, as "held" says an event took
place; a sentence that places X answers with the word or without it ("It stands on the
northern edge of Manchester")."""

from __future__ import annotations

from ..conftest import ask_over

GRANGE = ("Marlow Grange Marlow Grange is a listed farmhouse built in 1740 for a family of "
          "wool merchants. It stands on the northern edge of Manchester, a city in north-west "
          "England. The house has been owned by a charitable trust since 1961.")


def test_a_sentence_placing_the_thing_answers_where_it_is_located(services) -> None:
    answer = ask_over(services, "Where is Marlow Grange located?", [GRANGE])
    assert answer.verdict.value == "ANSWERED", answer.text
    assert answer.text.startswith("Manchester"), answer.text


def test_a_name_set_beside_a_noun_for_a_place_is_a_place(services) -> None:
    """The tagger takes "Norwich" for a person; "a city in eastern England" says it is a
    place."""
    answer = ask_over(services, "Where is Marlow Grange located?", [GRANGE.replace(
        "Manchester, a city in north-west England", "Norwich, a city in eastern England")])
    assert answer.verdict.value == "ANSWERED", answer.text
    assert answer.text.startswith("Norwich"), answer.text
