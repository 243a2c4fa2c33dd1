"""A country asked as a party: the government a story names after its ruler is the
country's, for a country the tables do not know too ("Jan Olsen's government" beside "a
Vardian government spokesman"), and, asked of two countries, a meeting named after one of them
with other words is another's ("the Vardia Forum meeting"); "the Norway-Vardia talks" are the
talks between the two; when a party said something is not when the thing was done; one who
speaks for another side does not speak for the country asked, and all those listed for a side
attended for it; a capitalised name the tagger takes for a pronoun ("What role does Marr
have?"); a question word left in place under a verb the clause goes on with, after
"according to ..."; words that only stress what is asked; a question put "A vs B:" or led by
its topic ("the coastal council, what kind of group is that"); people counted by any word for
people; a source's name "kept out". On pages: a value said of another thing of the kind named
in the same sentence, of two colours the one said of the thing asked, a category list's birth
year, "finished" for built, and "the work of" naming a maker."""

from __future__ import annotations

import pytest

from ..conftest import ask_over, check_text
from .test_readers_words_for_parties_and_occasions import STORY, ask_story

# The story with the other meeting's body named after the country, and the day the
# government spoke.
FORUM_STORY = STORY[0].replace("the Baltic Forum meeting May 1", "the Vardia Forum meeting May 1")
SAID_STORY = STORY[0].replace("which said the talks were", "which said on May 9 the talks were")

# (question, verdict, words the answer gives, words it must not give)
CASES = [
    # the country asked, met through the government named after its ruler
    ("When did Norway and Vardia meet?", "ANSWERED", ["May 3"], ["May 1"]),
    # two countries joined by a hyphen: the talks between them
    ("When were the Norway-Vardia talks?", "ANSWERED", ["May 3"], ["May 1"]),
    # "gather", "convene": a meeting's verbs
    ("Where did the Baltic Forum gather?", "ANSWERED", ["Riga"], []),
    # a surname the tagger reads as a pronoun is a name
    ("What role does Marr have?", "ANSWERED", ["spokesman"], ["Ilse,"]),
    # in place under "supposed to", after the source it is asked of
    ("according to the vardians the talks are supposed to mend what", "ANSWERED", ["ties"], []),
    # "A vs B:" asks both; "by each side's telling" is according to each side
    ("norway vs vardia: whats the state of play after the talks, by each sides telling",
     "DISPUTED", ["first step", "Foreign Ministry official"], []),
    # the name kept out: why the source goes unnamed
    ("Why is the Norwegian official's name kept out?", "ANSWERED",
     ["condition of anonymity"], []),
    # people counted in general: any word for people counts them
    ("How many people did Norway send?", "ANSWERED", ["two"], []),
    # one who speaks for another side does not speak for the country asked
    ("Who spoke for Norway?", "ANSWERED", ["Norwegian official"], ["Ilse Marr"]),
    # the thing named first is what "that" stands for
    ("the coastal council, what kind of group is that", "ANSWERED", ["rebel governing group"],
     []),
    # "briefed": consulted
    ("Who briefed the Coastal Council beforehand?", "ANSWERED", ["Norwegian officials"], []),
    # all of those listed for the side asked, not the one whose title names it
    ("Who attended the talks for Norway?", "ANSWERED", ["Erik Hansen, Olav Brekke and Lars Berg"],
     []),
    ("who was in the room for the norwegians", "ANSWERED",
     ["Erik Hansen, Olav Brekke and Lars Berg"], []),
    # a country's people, named on request
    ("Name the Norwegians at the talks", "ANSWERED", ["Erik Hansen"], []),
]


@pytest.mark.parametrize(("question", "verdict", "given", "not_given"), CASES,
                         ids=[c[0] for c in CASES])
def test_story(services, question, verdict, given, not_given) -> None:
    check_text(ask_story(services, question), verdict, given, not_given)


def test_country_inside_another_name_is_not_the_country(services) -> None:
    answer = ask_story(services, "Where did Norway and Vardia meet?", FORUM_STORY)
    check_text(answer, "ANSWERED", [], ["Riga"])


def test_when_it_was_said_is_not_when_it_was_done(services) -> None:
    answer = ask_story(services, "What date was the meeting between Norway and Vardia?",
                       SAID_STORY)
    check_text(answer, "ANSWERED", ["May 3"], ["May 9"])


def test_stressing_words_are_not_asked(services) -> None:
    from bot.engine.question_kind import read_question

    q = read_question("How do Norway and Vardia differ on whether talks have actually started?",
                      services.parser)
    assert "actually" not in q.focus


@pytest.mark.parametrize(("question", "plain"), [
    ("washington vs tripoli: what is the state of play?",
     "what is the state of play, according to washington and tripoli?"),
    ("What is the state of play, by each side's account?",
     "What is the state of play, according to each side?"),
    ("When were the U.S.-Libya talks?", "When were the talks between U.S. and Libya?"),
    # in lower case, of two countries the tables know
    ("when was the us-libya meeting", "when was the meeting between us and libya"),
    # two names only: "a follow-up meeting" is no pair of parties
    ("Was there a follow-up meeting?", "Was there a follow-up meeting?"),
    # a thing named first, then asked of as "it" or "that"
    ("Regarding the embassy, when did it close?", "when did the embassy close?"),
    ("The NATO campaign: when did it start?", "when did the NATO campaign start?"),
    ("Moussa Ibrahim - who is he?", "who is Moussa Ibrahim?"),
    # ... and only when the question has one word that stands for it
    ("On the Istanbul gathering: how many countries joined the US?",
     "On the Istanbul gathering: how many countries joined the US?"),
    # "going to" is "will"; "in what way" is how
    ("is there going to be another meeting", "will there be another meeting"),
    ("In what way did they meet?", "How did they meet?"),
    # each side's version, set against the other's
    ("What is Washington's account of the talks versus Tripoli's account?",
     "How do Washington and Tripoli describe the talks?"),
])
def test_spelled_out(question, plain) -> None:
    from bot.engine.casing import spelled_out

    assert spelled_out(question) == plain


def test_question_word_under_a_verb_the_clause_goes_on_with(services) -> None:
    from bot.engine.in_situ import fronted

    assert fronted("the talks are supposed to mend what", services.parser) == \
        "What are the talks supposed to mend?"
    assert fronted("according to Marr the talks are supposed to mend what", services.parser) \
        == "According to Marr, what are the talks supposed to mend?"


PAGES = [
    "Mount Brenn Mount Brenn is the highest mountain in Osmaria , rising to 2,104 metres in "
    "the Tollen range .",
    "... the Tollen range runs along the northern border . Its highest summit is Mount Brenn ; "
    "the second highest , Mount Karve , reaches 1,980 metres . Jump to navigation",
    "Kessmark Kessmark is a small republic on the Osmarian coast . The flag of Kessmark is a "
    "plain yellow field with a red anchor in the centre .",
    "Tarvo Lenning Jump to navigation Jump to search Main page Contents Current events Random "
    "article Contact Help Learn to edit Recent changes Tools What links here Related changes "
    "Permanent link Retrieved from `` Tarvo_Lenning `` Categories : 1939 births | 2010 deaths | "
    "Osmarian sculptors | Granite sculptors | People from Kessa | Academic staff of the Kessa "
    "Academy of Arts | 20th-century sculptors This page was last edited on 12 November 2022 , "
    "at 08:41 .",
    "Brannock Viaduct walk Home | Routes | Cafe From the car park follow the river path and the "
    "Brannock Viaduct fills the valley ahead of you . Finished in 1871 , its arches still "
    "carry trains .",
]


@pytest.mark.parametrize(("question", "given", "not_given"), [
    # the height said of Mount Karve is not Mount Brenn's
    ("How tall is Mount Brenn?", ["2,104"], ["1,980"]),
    # the flag is yellow; the anchor on it is red
    ("What colour is the flag of Kessmark?", ["yellow"], ["red"]),
    # a page's categories: the year before "births" (a year the tagger counts)
    ("When was Tarvo Lenning born?", ["1939"], ["2010"]),
    # finished is built
    ("When was the Brannock Viaduct built?", ["1871"], []),
])
def test_pages(services, question, given, not_given) -> None:
    check_text(ask_over(services, question, PAGES), "ANSWERED", given, not_given)


FILM_PAGE = ("... few remember now how little money it cost . Reedmarsh Elegy was the work of "
             "Davin Hollis , who knew the Brannock marshes from childhood , and the prize at "
             "Kessa followed .")


def test_the_work_of_names_its_maker(services) -> None:
    # "was the work of X" says who made it, as "a film by X" does
    answer = ask_over(services, "Who is the director of the film Reedmarsh Elegy?", [FILM_PAGE])
    check_text(answer, "ANSWERED", ["Davin Hollis"], [])
