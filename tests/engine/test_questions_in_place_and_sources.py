"""Questions as readers put them: the question word left in place ("Berg is who?", "the
talks were held when?"); a country's people asked by "which" ("Which Norwegians met ...?");
every one of the officials asked for in the plural; whose words a party's side of the story
is ("Who is the source for the Norwegian side?"); what a party went somewhere "for"; how a
party "reads" or "makes of" an occasion; what those "meeting in Riga" decided, which is no
word of their meeting; how senior officials were, asked as a rank; what someone was "not
authorized to do", which asks a deed, not a person; one's job, asked as what one does "for
a living"; who says a thing is so, not who says it is not; no count of one party's people
answering for another's; who wants what a quotation's "we" wants, which is its speaker; a
government the story names after its ruler as its country's. On pages: a sport named only by
its players ("a Lusmondish squash player"), and the label a record was "released through"."""

from __future__ import annotations

import pytest

from ..conftest import ask_over, check_text
from .test_readers_words_for_parties_and_occasions import ask_story

# (question, verdict, words the answer gives, words it must not give)
CASES = [
    # the question word left where the answer would stand
    ("Berg is who?", "ANSWERED", ["Fisheries Council staff member"], []),
    ("the talks were held when?", "ANSWERED", ["May 3"], ["May 1"]),
    ("Norway joined how many nations at the Riga meeting?", "ANSWERED", ["20"], []),
    # a country's people, asked by "which": those of them the story names
    ("Which Norwegians met the Vardians?", "ANSWERED", ["Erik Hansen", "Lars Berg"], []),
    # officials asked in the plural: all of those listed, not the one whose title fits best
    ("Which officials represented Norway?", "ANSWERED",
     ["Erik Hansen, Olav Brekke and Lars Berg"], []),
    # whose words a party's side is: the one who says it, with no agency reporting it
    ("Who is the source for the Norwegian side of the story?", "ANSWERED",
     ["Foreign Ministry official"], ["Erik Hansen"]),
    # what they went for is why they went
    ("What did the Norwegian team go to the talks for?", "ANSWERED", ["tell Olsen"], []),
    # how a party reads the talks is how it describes them
    ("What does the regime read into the talks?", "ANSWERED", ["first step"], []),
    # those "meeting in Riga" are who decided; their meeting is not the deed asked
    ("What did the nations meeting in Riga agree on?", "ANSWERED",
     ["recognize the Coastal Council"], []),
    # a standing asked as "how high-ranking" or a rank of many: how senior they were
    ("How high-ranking were the Norwegian officials?", "ANSWERED", ["senior"], []),
    ("What rank were the Norwegian officials?", "ANSWERED", ["senior"], []),
    # a government named after its ruler is the country's ("Jan Olsen's government",
    # beside "a Vardian government spokesman")
    ("What were the talks a sign of, according to Vardia?", "ANSWERED",
     ["Norwegian readiness to bargain"], []),
    # what one does "for a living" is one's job
    ("what does berg do for a living", "ANSWERED", ["Fisheries Council staff member"], []),
    # one who says it is so, not one who says it is not
    ("Which side says the talks were a negotiation?", "ANSWERED", ["Olsen"],
     ["Foreign Ministry"]),
    # the two counted are Norway's: Vardia sent no number the story gives
    ("How many people did Vardia send to the talks?", "NOT_ENOUGH_INFO", [], []),
    # "we" in a quotation is whoever says it
    ("Who wants to take further steps?", "ANSWERED", ["Ilse Marr"], []),
]


@pytest.mark.parametrize(("question", "verdict", "given", "not_given"), CASES,
                         ids=[c[0] for c in CASES])
def test_readers_words(services, question, verdict, given, not_given) -> None:
    check_text(ask_story(services, question), verdict, given, not_given)


@pytest.mark.parametrize(("question", "front"), [
    ("so Berg is who exactly", "Who is Berg?"),
    ("Berg works for which outfit?", "Which outfit does Berg work for?"),
    ("The talks were held where?", "Where were the talks held?"),
    ("The Norwegians met the Vardians when?", "When did the Norwegians meet the Vardians?"),
    ("Norway closed its embassy in which month?", "Which month did Norway close its embassy in?"),
    ("The campaign began how long ago?", "How long ago did the campaign begin?"),
    # asked in the usual order, a claim, a request, or a clause that is no subject: as it is
    ("Who is Berg?", "Who is Berg?"),
    ("Is Berg the ambassador?", "Is Berg the ambassador?"),
    ("Tell me who met", "Tell me who met"),
    ("Olsen must step down, says who?", "Olsen must step down, says who?"),
    ("Catches have fallen, and scientists are struggling to explain why.",
     "Catches have fallen, and scientists are struggling to explain why."),
    # the doer of a passive, asked after "by": in front with its "by"
    ("The talks were disclosed by whom?", "By whom were the talks disclosed?"),
])
def test_question_word_put_in_front(services, question, front) -> None:
    from bot.engine.in_situ import fronted

    assert fronted(question, services.parser) == front


def test_not_authorized_to_do_asks_a_deed(services) -> None:
    story = ("Talks On The Quota\n\nA Norwegian official, who was not authorized to discuss "
             "the talks on the record, said the quota dispute was settled.")
    answer = ask_over(services, "What was the official not authorized to do?", [story])
    check_text(answer, "ANSWERED", ["discuss the talks on the record"], [])


PAGES = [
    "Rolf Tamm Rolf Tamm ( born 4 May 1996 ) is a Lusmondish squash player . He turned "
    "professional in 2015 and trains at the Wharf Club .",
    "Low Rooms ( album ) Low Rooms is the second studio album by the Osmarian folk band The "
    "Pellards , "
    "released on 9 March 2014 through Fernhill Records . It was recorded in a chapel .",
]


@pytest.mark.parametrize(("question", "given", "not_given"), [
    # a word qualifying the players names their sport, though the model puts it far from
    # "sport"
    ("What sport does Rolf Tamm play?", ["squash"], []),
    # the label it was "released through", not the band it is "by"
    ("Which record label released Low Rooms?", ["Fernhill Records"], ["Pellards"]),
])
def test_pages(services, question, given, not_given) -> None:
    check_text(ask_over(services, question, PAGES), "ANSWERED", given, not_given)
