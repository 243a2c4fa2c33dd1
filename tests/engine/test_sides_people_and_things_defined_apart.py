"""The people of a side asked for ("Who was on the Polish side?", "Who represented Poland?"):
the people a sentence calls that side's ("Polish officials"), not an envoy sent to it
("Norwegian Ambassador to Poland Ola Brekke"), and names where the sentences give them
(also for another word for a post: "the Norwegian envoy" is the ambassador); where someone
works, by the body their post names ("Fisheries Council staff member");
and two things of one name whose pages say what each is and where ("a concert hall in
Kirkby" / "a country house near Yelling"): two things, each answered."""

from __future__ import annotations

import pytest

from ..conftest import ask_over, check_text

STORY = [
    "Norway and Poland Hold Quiet Talks in Brenna\n\n"
    "Norwegian Ambassador to Poland Ola Brekke and Deputy Minister Siri Vang met with Polish "
    "officials in Brenna on May 3 to clear up any misunderstanding about the fishing "
    "quotas, a Norwegian official said.\n\n"
    "The Norwegian envoys told the Poles that their position had not changed."
]

# (question, verdict, words the answer gives, words it must not give)
CASES = [
    ("Who was on the Polish side?", "ANSWERED", ["Pol"], ["Brekke"]),
    ("Who represented Poland at the meeting?", "ANSWERED", ["Polish officials"], ["Brekke"]),
    # names, where the sentences give them, answer before people described
    ("Who was on the Norwegian team?", "ANSWERED", ["Ola Brekke", "Siri Vang"],
     ["Norwegian envoys"]),
    ("Who represented Norway at the meeting?", "ANSWERED", ["Ola Brekke"], ["Polish"]),
    # a person asked by another word for the post his title names ("Ambassador")
    ("Who is the Norwegian envoy to Poland?", "ANSWERED", ["Ola Brekke"], ["Siri Vang"]),
]


@pytest.mark.parametrize(("question", "verdict", "given", "not_given"), CASES,
                         ids=[c[0] for c in CASES])
def test_people_of_a_side(services, question, verdict, given, not_given) -> None:
    check_text(ask_over(services, question, STORY), verdict, given, not_given)


def test_where_someone_works_is_the_body_of_their_post(services) -> None:
    story = ["Envoys in Brenna\n\nNorwegian Ambassador Ola Brekke and Fisheries Council staff "
             "member Anna Veld met with Polish officials in Brenna, a Norwegian official said."]
    check_text(ask_over(services, "Where does Anna Veld work?", story), "ANSWERED",
               ["Fisheries Council"], ["Brenna"])
    # (a place the sentence says she works in is where she works)
    check_text(ask_over(services, "Where does Ilse Marr work?", [
        "Pilots\n\nIlse Marr, a harbour pilot, works in Brenna. She was born in Vessen."]),
        "ANSWERED", ["Brenna"], ["Vessen"])


HALL = "Marchby Hall Marchby Hall is a {kind} {where}. It was built in {year}{more}."


def test_things_of_one_name_defined_apart_are_two_things(services) -> None:
    answer = ask_over(services, "When was Marchby Hall built?", [
        HALL.format(kind="concert hall", where="on the Esplanade in Kirkby, Tessia",
                    year="1931", more=" with money left by a shipping magnate"),
        HALL.format(kind="Palladian country house", where="near the village of Yelling in "
                    "Marrland", year="1756", more=" for a judge")])
    assert answer.verdict.value == "ANSWERED", answer.text
    assert "1931" in answer.text and "1756" in answer.text, answer.text


def test_one_thing_defined_alike_with_another_year_is_disputed(services) -> None:
    answer = ask_over(services, "When was Marchby Hall built?", [
        HALL.format(kind="concert hall", where="on the Esplanade in Kirkby, Tessia",
                    year="1931", more=" with money left by a shipping magnate"),
        HALL.format(kind="music venue", where="in Kirkby", year="1929",
                    more=", paid for by a shipping magnate")])
    assert answer.verdict.value == "DISPUTED", answer.text
