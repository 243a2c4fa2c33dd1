"""The years in brackets after a kinsman's name ("a son of ... Tobias Wrenlow (1812–1880)")
are his life, not the life of the one the sentence is about, though father and son often
share the name."""

from __future__ import annotations

from ..conftest import ask_over, check_answers

FATHER = ("Tobias Wrenlow (1812–1880) Tobias Wrenlow (3 March 1812 – 9 May 1880) was a Velmish "
          "shipbuilder whose yard at Harlsby built the first iron steamers of the Lenning "
          "estuary.")
SON = ("Tobias Wrenlow (1851–1919) Tobias Wrenlow (12 June 1851 – 2 April 1919) was a Velmish "
       "painter of harbour scenes. He was born in Harlsby as a son of the shipbuilder Tobias "
       "Wrenlow (1812–1880) and Maud Ferris (1820–1899). He studied at the academy in Ostrel.")
GRANDSON = ("Tobias Wrenlow (architect) Tobias Wrenlow (8 August 1884 – 1 March 1950) was a "
            "Velmish architect. He was a grandson of the shipbuilder Tobias Wrenlow "
            "(1812–1880) and a son of the painter Tobias Wrenlow (1851")


def test_a_fathers_years_are_not_his_sons_birth(services) -> None:
    answer = ask_over(services, "When was Tobias Wrenlow born?", [FATHER, SON, GRANDSON])
    check_answers(answer, "ANSWERED", ["3 March 1812", "12 June 1851", "8 August 1884"],
                  ["1820", "1851–1919"])


def test_a_birth_year_of_his_own_still_answers(services) -> None:
    answer = ask_over(services, "When was Tobias Wrenlow born?", [
        "Tobias Wrenlow the younger was born in 1851 in Harlsby as the son of the shipbuilder "
        "Tobias Wrenlow (1812–1880). He painted harbour scenes."])
    assert answer.verdict.value == "ANSWERED", answer.text
    assert "1851" in answer.text, answer.text
