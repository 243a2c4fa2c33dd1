"""Pages say what was asked in words of their own: "the Brannick tower" for Brannick
Lighthouse, "set up" for founded, "a native of" for born, a given name alone for the whole
name, "worked as" for a trade. Two villages of one name that lie in different regions are
two places, each answered; a name is written with a capital."""

from __future__ import annotations

from ..conftest import ask_over, cited_quotes

LIGHT = ("Brannick Lighthouse Brannick Lighthouse is a disused light on the southern cape of "
         "Tarrow Sound. The tower was erected in 1849 by the harbour trust, and it is 19 metres "
         "tall. The light was automated in 1961. See also [ edit ]")
TOWER = ("along the cliff path, where the quarrymen completed the Brannick tower in 1853, as the "
         "stone over its door still says. The keepers' rooms now hold a small display of "
         "ship models. Retrieved 4 May 2013.")
QUAY = ("Brannick Quay Brannick Quay is a stone harbour wall on Tarrow Sound. The quay was "
        "built in 1790 for the herring boats, and widened in 1904.")


def test_a_name_set_before_another_noun_names_the_thing(services) -> None:
    answer = ask_over(services, "When was Brannick Lighthouse built?", [LIGHT, TOWER])
    assert answer.verdict.value == "DISPUTED", answer.text
    assert "1849" in cited_quotes(answer) and "1853" in cited_quotes(answer), answer.text


def test_a_name_of_its_own_names_another_thing(services) -> None:
    answer = ask_over(services, "When was Brannick Lighthouse built?", [LIGHT, QUAY])
    assert answer.verdict.value == "ANSWERED", answer.text
    assert "1790" not in cited_quotes(answer), answer.text


def test_set_up_says_who_founded_it(services) -> None:
    answer = ask_over(services, "Who founded Orrin Candles?", [
        "Orrin Candles Orrin Candles is a candle maker in Fennick. The firm was founded in "
        "1921 by Marta Selby, a village chandler who sold tallow candles door to door.",
        "Orrin Candles The workshop had been set up by Colm Ardery in a former dairy, with "
        "two wax vats and a drying loft. Retrieved 2 March 2016.",
    ])
    assert answer.verdict.value == "DISPUTED", answer.text
    assert "Marta Selby" in answer.text and "Colm Ardery" in answer.text, answer.text
    assert "chandler" not in answer.text.split(",")[0], answer.text


def test_a_native_of_a_place_was_born_there(services) -> None:
    answer = ask_over(services, "Where was Hedda Lorne born?", [
        "Hedda Lorne Hedda Lorne (1875-1950) was a Selvan geologist. A native of Brackwater, "
        "a mill town on the river Esk, she taught at the Selvan Mining School for thirty "
        "years."])
    assert answer.verdict.value == "ANSWERED", answer.text
    assert answer.text.startswith("Brackwater"), answer.text


HALVARD = ("Halvard Strand Halvard Strand was born in Vennby in 1802, the second son of a "
           "miller. After some years at sea he came back, and Halvard worked as a {trade} in "
           "the harbour for the rest of his life. He died in 1871.")


def test_a_given_name_alone_names_him_and_what_he_worked_as_is_his_trade(services) -> None:
    answer = ask_over(services, "What was Halvard Strand's occupation?", [
        HALVARD.format(trade="cooper"),
        "Halvard Strand (1802-1871) was a Vennby ropemaker whose cordage was sold along the "
        "coast. He trained in his uncle's ropewalk and took it over in 1830."])
    assert answer.verdict.value == "DISPUTED", answer.text
    assert "cooper" in answer.text and "ropemaker" in answer.text, answer.text
    assert "son of" not in answer.text, answer.text


VILLAGE = "Oddby Oddby is a small {kind} village {where}. It has a population of {people}."


def test_villages_of_one_name_in_different_regions_are_two_places(services) -> None:
    answer = ask_over(services, "What is the population of Oddby?", [
        VILLAGE.format(kind="fishing", where="on the east coast of Marrland", people="640"),
        VILLAGE.format(kind="hill", where="in the Carrow Fells of northern Tessia",
                       people="2,115")])
    assert answer.verdict.value == "ANSWERED", answer.text
    assert "640" in answer.text and "2,115" in answer.text, answer.text


def test_a_village_placed_alike_with_another_figure_is_disputed(services) -> None:
    answer = ask_over(services, "What is the population of Oddby?", [
        VILLAGE.format(kind="fishing", where="on the east coast of Marrland", people="640"),
        VILLAGE.format(kind="coastal", where="in eastern Marrland", people="910")])
    assert answer.verdict.value == "DISPUTED", answer.text


TAMSBY = "Tamsby Tamsby is a village in Orlen County. The population was 812 at the 2010 census."


def test_a_fragment_naming_no_place_speaks_of_the_one_it_was_found_for(services) -> None:
    answer = ask_over(services, "What is the population of Tamsby?", [
        TAMSBY, "As of the census of 2010, there were 1,140 people, 402 households and 300 "
        "families living in the village. The median age was 41 years."])
    assert answer.verdict.value == "DISPUTED", answer.text
    assert "812" in answer.text and "1,140" in answer.text, answer.text


def test_a_fragment_naming_another_place_is_about_that_one(services) -> None:
    answer = ask_over(services, "What is the population of Tamsby?", [
        TAMSBY, "As of the census of 2010, there were 1,140 people living in the village "
        "of Hopstow, on the far bank of the river Lenn."])
    assert answer.verdict.value == "ANSWERED", answer.text
    assert "1,140" not in answer.text, answer.text


def test_how_tall_is_answered_by_what_it_rises_to(services) -> None:
    answer = ask_over(services, "How tall is the Carrow Mast?", [
        "Carrow Mast (Dunnet) The Carrow Mast is a steel radio mast on the moor above Dunnet, "
        "finished in 1961. It is 210 metres tall and carries two television aerials.",
        "closed to walkers in winter. The mast above Dunnet rises 198 metres over the moor, "
        "and its red lamps can be seen from the ferry."])
    assert answer.verdict.value == "DISPUTED", answer.text
    assert "210 metres" in answer.text and "198 metres" in answer.text, answer.text


def test_a_trade_set_before_the_name_where_it_is_named_again(services) -> None:
    answer = ask_over(services, "What is the occupation of Tove Arneby?", [
        "Tove Arneby Tove Arneby (born 1971) is a Selvan marine biologist who studies kelp "
        "forests along the northern coast.",
        "Home > People > Tove Arneby Tove Arneby Born 1971 Career summary: the celebrated "
        "harpist Tove Arneby gave her first concert in 1990 and has toured ever since."])
    assert answer.verdict.value == "DISPUTED", answer.text
    assert "harpist" in answer.text and "biologist" in answer.text, answer.text


def test_a_specialist_in_a_sport_takes_part_in_it(services) -> None:
    answer = ask_over(services, "What sport is Tamsin Orrell associated with?", [
        "Tamsin Orrell Tamsin Orrell (born 12 May 1991) is a Selvan rowing athlete who races in "
        "the single sculls. She won silver at the 2017 national championships.",
        "The squad was named on Monday. Tamsin Orrell, the archery specialist from Bryn, returns "
        "for a third Games and will be the team's most experienced member."])
    assert answer.verdict.value == "DISPUTED", answer.text
    assert "rowing" in answer.text and "archery" in answer.text, answer.text
