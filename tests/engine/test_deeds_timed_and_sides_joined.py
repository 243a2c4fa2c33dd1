"""Questions that set their deed against an occasion ("before meeting the Polish team")
or whose doers are two sides joined ("Why did Norway and Poland meet?"); the people asked
for, named as those the deed was with in other words ("consulted with diplomats from ...");
a name's word that looks like the deed ("State" of "the State Ministry"); a body's role
(what it does); "how long ago" (when); what the deed asked takes ("want to repair" what);
people asked by the team they were on, by name; a meeting asked by its place ("meet in
Brenna"); the noun a question asks by, in other words after its preposition ("On what
terms ...?"); and sides
named only as what lies between them ("the relationship between the two countries"), which
ask no side's account."""

from __future__ import annotations

import pytest

from bot.pipeline import Verifier

from ..conftest import ask_over, check_text, cited_quotes

# The talks as both sides tell them, which the stories below go on from.
TALKS = (
    "Norway and Poland Hold Quiet Talks in Brenna\n\n"
    "Two Norwegian envoys held quiet talks on May 3 with representatives of the Polish "
    "government in Brenna, officials said.\n\n"
    "A Norwegian Foreign Ministry official said the talks were intended only to deliver a "
    "warning about the fishing quotas.\n\n"
    "A Polish government spokesman, Ilse Marr, described the talks as a first step to repair "
    "ties between the two countries.\n\n"
)

STORY = [
    TALKS
    + "Before the talks, Norwegian officials consulted with diplomats from Vessen attending "
    "the Harbour Forum, according to a State Ministry official.\n\n"
    "The Norwegian envoys met Polish officials at the old customs house."
]

# (question, verdict, words the answer gives, words it must not give, words a citation has)
CASES = [
    ("Why did Norway and Poland meet?", "DISPUTED",
     ["Sources differ"], [], ["repair ties", "deliver a warning"]),
    ("Which diplomats did the Norwegian officials talk to before meeting the Polish team?",
     "ANSWERED", ["diplomats from Vessen"], ["Polish officials,"], ["Before the talks"]),
    ("Who says the Norwegian officials checked with their allies before the talks?",
     "ANSWERED", ["State Ministry official"], [], ["Before the talks"]),
]


@pytest.mark.parametrize(("question", "verdict", "given", "not_given", "cited"), CASES,
                         ids=[c[0] for c in CASES])
def test_timed_joined_and_between(services, question, verdict, given, not_given,
                                  cited) -> None:
    answer = ask_over(services, question, STORY)
    check_text(answer, verdict, given, not_given)
    for words in cited:
        assert words in cited_quotes(answer), (words, answer.text)


PATROL = [
    "Alliance Patrol Goes On\n\n"
    "The Harbour Alliance is leading a naval patrol that began in May to pressure the junta "
    "to hold elections.\n\n"
    "A Polish spokesman described the talks as a first step to repair ties between the two "
    "countries.\n\n"
    "“We want to take further steps,” said the Polish spokesman."
]


@pytest.mark.parametrize(("question", "given", "not_given"), [
    # a body's role is what it does, not a post
    ("What is the Harbour Alliance's role?", ["leading a naval patrol"], []),
    # "how long ago" asks when, typed as a question without its mark
    ("how long ago did the naval patrol start", ["May"], []),
    # what the deed asked takes, before what the party only wants
    ("What do the Poles want to repair?", ["ties between the two countries"],
     ["further steps"]),
])
def test_what_a_body_does_when_and_what_a_deed_takes(services, question, given,
                                                     not_given) -> None:
    check_text(ask_over(services, question, PATROL), "ANSWERED", given, not_given)


TEAM = [
    "Norway Sends Envoys to Brenna\n\n"
    "Two senior Norwegian officials held a secret meeting May 3 with representatives of the "
    "Polish government.\n\n"
    "Norwegian Ambassador to Poland Tomas Rieck and Foreign Ministry staff member Anna Veld "
    "met with Polish officials to discuss the fishing quotas, a Norwegian official said."
]


@pytest.mark.parametrize("question", [
    # people asked by the group they were on, by name
    "Who was on the Norwegian team?",
    # "staff member" of a named body is still one of the members asked about
    "Who were the members of Norway's team at the secret meeting?",
])
def test_people_asked_by_their_team(services, question) -> None:
    check_text(ask_over(services, question, TEAM), "ANSWERED", ["Tomas Rieck", "Anna Veld"],
               [])


BRENNA = [
    TALKS
    + "The envoys met the Polish team at the old customs house, the Norwegian official "
    "said, speaking on the condition of anonymity."
]


@pytest.mark.parametrize(("question", "verdict", "given"), [
    # the place of a meeting says which meeting, as "the meeting in Brenna" does
    ("Why did Norway and Poland meet in Brenna?", "DISPUTED",
     ["repair ties", "deliver a warning"]),
    # the asked noun in other words, after the question's preposition
    ("On what terms did the Norwegian official talk about the meeting?", "ANSWERED",
     ["condition of anonymity"]),
])
def test_a_meeting_by_its_place_and_terms_in_other_words(services, question, verdict,
                                                         given) -> None:
    check_text(ask_over(services, question, BRENNA), verdict, given, [])


def test_sides_named_only_as_what_lies_between_them_are_no_sides_asked(seeded_services) -> None:
    # "the relationship between the two countries" is the topic; one party's way is asked
    answer = Verifier(seeded_services).verify(
        "How does Libya's spokesman want to handle the relationship between the two countries?")
    check_text(answer, "ANSWERED", ["repair ties"], ["Sources differ", "Cretz"])
