"""Questions in a first reader's words: a deed asked in the passive ("Who was consulted?");
"the regime" and "the alliance" for the one government and the one alliance the story
names; a person's full name on a page that names him by surname nearby; what the story says
about a name ("Tell me about ...", "What do we know about ...?"); a post asked as a "rank";
the opposition, which the story calls rebels; a count of a country's people; an idiom for
being at a meeting or for its news coming out; an occasion named by its place for the one
the story names otherwise ("the Riga meeting" for "the Baltic Forum meeting"); each side's
reason when both sides are named, and no reason in what was decided; how willing a party
is, which is whether it is; where a deed done at an occasion was done; a body's name asked
by its kind; a question with no object ("When did this happen?", "Who took part?"); hoping,
which is wanting; a mistaken belief, which is what one wrongly thought; what a party expects
to do, which no date of what it began says; what a party concluded; a question typed
without its mark, or as a noun phrase alone ("Brekke's job?"). And on pages: the name
beside a word for a kind ("the river Sonne"), the object of a question's last preposition,
a maker's "by" after another title, another of a list the name asked about is in, and a
band "fronted by" its singer."""

from __future__ import annotations

import pytest

from ..conftest import ask_over, check_text, titled, verifier_over

HEADLINE = "Quiet Talks With Olsen Regime Were No Bargaining, Norway Says"
STORY = [
    f"{HEADLINE}\n\n"
    "Two senior Norwegian officials held quiet talks on May 3 with representatives of Jan "
    "Olsen\u2019s government, which said the talks were a sign of Norwegian readiness to "
    "bargain.\n\n"
    "A Norwegian Foreign Ministry official said the talks were not a negotiation and were "
    "meant only to tell Olsen he must step down.\n\n"
    "Norwegian Ambassador to Vardia Erik Hansen, Assistant Secretary of Fisheries Olav Brekke "
    "and Fisheries Council staff member Lars Berg met with Vardian officials to settle the "
    "quota dispute, the Norwegian official said, speaking on the condition of anonymity.\n\n"
    "The decision to hold face-to-face talks reflected Norwegian concern that Vardian "
    "officials wrongly thought Norway would accept Olsen staying on, the official said.\n\n"
    "Disclosure of the talks came first in Kessel, where a Vardian government spokesman "
    "described the Brenna talks as a first step to mend ties between the two nations.\n\n"
    "\u201cThis is a first step and we want to take further steps,\u201d said the Vardian "
    "spokesman, Ilse Marr.\n\n"
    "Norwegian diplomats told the Vardians that there is no plan for another round and came "
    "away with the sense that their message about Olsen was understood, the official said.\n\n"
    "Before the talks, Norwegian officials consulted with diplomats from other nations "
    "attending the Baltic Forum meeting May 1 in Riga as well as with officials from the "
    "Coastal Council, the rebel governing group.\n\n"
    "Norway joined more than 20 other nations at the Riga meeting in deciding to recognize "
    "the Coastal Council as the country\u2019s lawful representatives.\n\n"
    "NATO is leading an air campaign over Vardia that began in April to pressure Olsen to "
    "step down."
]

# (question, verdict, words the answer gives, words it must not give)
CASES = [
    # the deed in the passive: whom they consulted, not who consulted them
    ("Who was consulted before the talks?", "ANSWERED", ["Coastal Council"],
     ["Norwegian officials"]),
    # the one government the story names
    ("Who is the regime's spokesman?", "ANSWERED", ["Ilse Marr"], ["Coastal Council"]),
    ("Who is Jan Olsen's spokesman?", "ANSWERED", ["Ilse Marr"], []),
    # what the story says of a name
    ("Tell me about Lars Berg", "ANSWERED", ["Fisheries Council staff member"], []),
    ("What do we know about erik hansen", "ANSWERED", ["Ambassador to Vardia"], []),
    ("What does the article say about NATO?", "ANSWERED", ["air campaign"], []),
    ("What is Hansen's rank?", "ANSWERED", ["Ambassador to Vardia"], []),
    ("What is the opposition's governing body?", "ANSWERED", ["Coastal Council"], []),
    # a country's people counted, not the nations
    ("How many Norwegians were at the table?", "ANSWERED", ["two"], ["20"]),
    ("In which city did the news of the talks break?", "ANSWERED", ["Kessel"], []),
    # "the Riga meeting" is the Baltic Forum meeting
    ("How many other nations joined Norway at the Baltic Forum meeting?", "ANSWERED",
     ["20"], []),
    ("What did the Baltic Forum decide?", "ANSWERED", ["recognize the Coastal Council"], []),
    ("Why did Norway and Vardia meet?", "DISPUTED", ["mend ties"], []),
    ("Where did Norway recognize the Coastal Council?", "ANSWERED", ["Riga"], []),
    ("What was the name of the forum that met in Riga?", "ANSWERED", ["Baltic Forum"],
     ["Coastal Council"]),
    ("What is the rebel governing group called?", "ANSWERED", ["Coastal Council"], []),
    ("When did this happen?", "ANSWERED", ["May 3"], []),
    ("Who took part?", "ANSWERED", ["Lars Berg"], []),
    ("Why is the alliance bombing Vardia?", "ANSWERED", ["pressure Olsen to step down"], []),
    ("What does Ilse Marr hope for?", "ANSWERED", ["further steps"], []),
    # what was decided is no reason: "in deciding to recognize the Coastal Council"
    ("Why did Norway decide to meet Olsen's envoys face to face?", "ANSWERED", ["concern"],
     ["recognize"]),
    ("What did the Norwegian diplomats conclude?", "ANSWERED",
     ["their message about Olsen was understood"], []),
    ("What was the diplomats' sense after the talks?", "ANSWERED",
     ["their message about Olsen was understood"], []),
    ("who is berg", "ANSWERED", ["Fisheries Council staff member"], []),
    ("What mistaken belief prompted the in-person talks?", "ANSWERED",
     ["Norway would accept Olsen staying on"], []),
    # a date a campaign began says nothing of when a party expects to end it
    ("When does the alliance expect to wind down its air strikes on Vardia?",
     "NOT_ENOUGH_INFO", [], []),
    # a noun phrase asked alone is what it is
    ("Brekke's job?", "ANSWERED", ["Assistant Secretary of Fisheries"], []),
]


@pytest.mark.parametrize(("question", "verdict", "given", "not_given"), CASES,
                         ids=[c[0] for c in CASES])
def test_readers_words(services, question, verdict, given, not_given) -> None:
    check_text(ask_story(services, question), verdict, given, not_given)


def test_how_willing_asks_whether_willing(services) -> None:
    # a degree no sentence gives: whether the party is willing, which the story may dispute
    answer = ask_story(services, "How open is Norway to bargaining with Olsen?")
    assert answer.kind == "claim" and answer.claim.startswith("Norway is willing to"), answer
    assert answer.verdict.value != "NOT_ENOUGH_INFO", answer.text


def ask_story(services, question: str, text: str = STORY[0]):
    """Asked over the story (or a text made from it), titled by its headline as an ingested
    article is."""
    return verifier_over(services, [titled(HEADLINE, text)]).verify(question)


PAGES = [
    "Kelby (Dask) Kelby is a village in the province of Dask , on the river Sonne . It has a "
    "water mill, now a museum.",
    "Radio Vell Radio Vell ( RV ) is a public station that broadcasts in Orsk , the language "
    "of the northern hills . It was founded in 1979.",
    "Tom Ash ( born 1950 ) is an actor . He played the ferryman in Rain Hollow ( 2009 ) , and "
    "later appeared in Dry Creek ( 2013 ) , directed by Nils Berg .",
    "Rain Hollow Rain Hollow is a 2009 drama , made by Ada Lind from her own screenplay in "
    "her home village .",
    "Rem Tulle is a record producer . He has produced albums for Glass Owls , The Lamplighters "
    "and the singer Mara Voss , and plays bass in a jazz trio .",
    "Glass Owls will play their biggest hometown show yet next month . \" We still rehearse "
    "in a garage , \" said Ida Brun , who sings and writes most of the band 's songs .",
    "Tin Larks Tin Larks are a folk group from Skelda , formed in 2010 . Fronted by Sal Moen , "
    "whose cracked voice is the band 's trademark , the group is completed by a drummer .",
]


@pytest.mark.parametrize(("question", "given", "not_given"), [
    # the name beside the word for the kind, and the object of the question's last word
    ("What river does Kelby stand on?", ["Sonne"], []),
    ("What language does Radio Vell broadcast in?", ["Orsk"], []),
    # "directed by" after another title tells of that film; "made by" tells of this one
    ("Who directed Rain Hollow?", ["Ada Lind"], ["Nils Berg"]),
    # another of a list the name asked about is in is no one of its own
    ("Who is the lead singer of Glass Owls?", ["Ida Brun"], ["Mara Voss"]),
    # a band "fronted by" its singer
    ("Who is the lead singer of Tin Larks?", ["Sal Moen"], []),
])
def test_pages(services, question, given, not_given) -> None:
    check_text(ask_over(services, question, PAGES), "ANSWERED", given, not_given)
