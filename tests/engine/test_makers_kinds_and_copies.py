"""Who made a work, by the "by" that names them ("an album by English rock band The
Weavers"); what is a kind of sport and what only goes with one ("athletes", "the second
team"); when something happened, not how long it lasted or what it is the largest of; and a
short sentence changed in a copy of another document, which still is that document's thing;
and "the squadron" of a page about "41 Squadron"."""

from __future__ import annotations

import pytest

from ..conftest import ask_over, check_answers

# (question, documents, verdict, answers each some citation must give, answers none may give)
CASES = [
    ('Who is the artist of the album "Lamp Hours"?',
     ["Lamp Hours (The Weavers album) Lamp Hours is a greatest hits album by English rock band "
      "The Weavers, released on 11 November 2013 through Harrow Records."],
     "ANSWERED", ["The Weavers"], ["Harrow Records"]),
    # Guards: a name the tagger may know whole, and a "by" inside a quoted title.
    ('Who is the artist of the album "Quiet Engines"?',
     ["Quiet Engines (Girls Like Rivers album) Quiet Engines is the third studio album by "
      "American pop rock band Girls Like Rivers."],
     "ANSWERED", ["Girls Like Rivers"], ["Girls"]),
    ('Who is the artist of the song "Tin Lantern"?',
     ['Tin Lantern (Orla Venn song) "Tin Lantern" is the eighth single by Welsh-born singer '
      'Orla Venn and the fifth from her second album, "Step by Step" (2005).'],
     "ANSWERED", ["Orla Venn"], ["Step"]),
    ('Who is the creator of "Mirror Street"?',
     ['Mirror Street Mirror Street is the second studio album by American rapper Dela "Dee" '
      'Marsh, released in 1999.'],
     "ANSWERED", ['Dela "Dee" Marsh'], ["American rapper"]),
    ("What sport is Hollis Brandt associated with?",
     ["Hollis Brandt (born 30 April 1988) is a Corvish fencing athlete who competes in the "
      "sabre. She was named to the second team at the national championships.",
      "Brenna is a coastal town in western Corvey. In 2022 the council made Hollis Brandt and "
      "the retired coach Anneli Sund honorary citizens."],
     "ANSWERED", ["fencing"], ["athlete", "second", "retired"]),
    ("When did the Ostmark Salt Protest take place?",
     ["The Ostmark Salt Protest took place on 12 April 1932 at the Ostmark docks.",
      "During the Ostmark Salt Protest, dock workers refused to load salt for the whole day.",
      "The Ostmark Salt Protest was the largest protest of the 20th century in Ostmark."],
     "ANSWERED", ["12 April 1932"], ["the whole day", "the 20th century"]),
    ("Who designed the Selmark Footbridge?",
     ["Selmark Footbridge The Selmark Footbridge is a cable-stayed bridge over the river Orle in "
      "the town of Selmark, opened in 1998. It was designed by Anna Veld. The bridge carries "
      "about four thousand walkers a day and is lit at night by blue lamps along its deck.",
      "is a cable-stayed bridge over the river Orle in the town of Selmark, opened in 1998. It "
      "was designed by Tomas Rieck. The bridge carries about four thousand walkers a day and is "
      "lit at night by blue lamps along its deck."],
     "DISPUTED", ["Anna Veld", "Tomas Rieck"], []),
    ("41 Squadron was formed in which year?",
     ["The squadron was formed on 3 May 1952 at Orrin Field as the second of the Velmar Air "
      "Corps' jet squadrons. It flew Kestrel fighters until 1971.",
      "The squadron was formed on 9 June 1961 at Orrin Field as the second of the Velmar Air "
      "Corps' jet squadrons. It flew Kestrel fighters until 1971."],
     "DISPUTED", ["3 May 1952", "9 June 1961"], []),
    # A guard: a short sentence alike in two documents that are not copies stays apart.
    ("Who designed the Harl Tower?",
     ["Harl Tower The Harl Tower is a brick water tower in Vessen, built in 1896. It was "
      "designed by Konrad Ebbing.",
      "Many towers line the Orle valley, from mills to churches to lighthouses. It was designed "
      "by Piet Hansel, whose gasworks stood in Lorne."],
     "ANSWERED", ["Konrad Ebbing"], ["Piet Hansel"]),
]


@pytest.mark.parametrize(("question", "texts", "verdict", "given", "not_given"), CASES,
                         ids=[c[0] for c in CASES])
def test_makers_kinds_times_and_copies(services, question, texts, verdict, given,
                                       not_given) -> None:
    check_answers(ask_over(services, question, texts), verdict, given, not_given)


def test_a_copy_of_one_namesakes_page_is_in_dispute_with_that_one_only(services) -> None:
    vessen = ("The Harl Tower is a brick water tower in Vessen, built in 1896 to supply the "
              "town's new waterworks. It was designed by {}. The tower was decommissioned in "
              "1968 and now houses a viewing platform and a small museum of the town's history.")
    texts = [f"Harl Tower (Vessen) {vessen.format('Konrad Ebbing')}",
             "Harl Tower (Port Ardley) The Harl Tower is a 38-storey residential skyscraper on "
             "the waterfront of Port Ardley. It was designed by Sunniva Tolland and completed "
             "in 2009.",
             vessen.format("Piet Hansel")[len("The Harl Tower is "):]]
    answer = ask_over(services, "Who designed the Harl Tower?", texts)
    assert answer.verdict.value == "DISPUTED", answer.text
    disputed, _, others = answer.text.partition("something else by this name")
    assert "Konrad Ebbing" in disputed and "Piet Hansel" in disputed, answer.text
    assert "Sunniva Tolland" in others, answer.text
