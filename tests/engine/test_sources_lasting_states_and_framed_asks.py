"""Questions whose frame says how to read them rather than what to find: the unnamed
source's own body ("Which department does the anonymous official work for?"), read from
the post the story gives that source; the terms it spoke on ("On what terms ...?"); how
long a state has held, which the date of the deed that began it says ("How long has the
consulate been closed?"); what a party wants to avoid, which is what it does not want; the
words that only ask for an aim ("What is the League trying to achieve?"), and the aim asked
as what it was to do; a party named by a word for whoever rules ("the regime"); who is
behind a thing another noun of it names; an occasion's date asked as when it "took place",
no deed of anyone's; the plans for more talks, each party's; the people who "made up" a
team; a count of another kind of thing, which answers no "how many times"; the status a
gathering gave a body, which is what it recognized the body as; what a party wants, which is
not what it says it does not want; the body a post "of" it or a post "to" another names;
and a speaker asked by surname alone."""

from __future__ import annotations

import pytest

from ..conftest import ask_over, check_text, cited_quotes

STORY = [
    "Norway and Poland Hold Quiet Talks, Oslo Says\n\n"
    "Two senior Norwegian officials held quiet talks on May 3 with representatives of the "
    "Polish government, which said the talks were a sign of Norwegian readiness to bargain.\n\n"
    "A Norwegian Foreign Ministry official said the talks were not a negotiation and that "
    "there is no plan to hold another round. The official spoke on the condition of "
    "anonymity because he was not authorized to speak on the record.\n\n"
    "Norwegian Ambassador to Poland Erik Hansen, Assistant Secretary of Fisheries Olav Brekke "
    "and Fisheries Council staff member Lars Berg met with Polish officials "
    "to settle the quota dispute, the Norwegian official said, speaking on the condition of "
    "anonymity.\n\n"
    "Norway closed its consulate in Gdansk in January.\n\n"
    "Disclosure of the talks came first in Warsaw, where a Polish government spokesman "
    "described the Brenna talks as a first step.\n\n"
    "\u201cThis is a first step and we want to take further steps,\u201d said the Polish "
    "spokesman, Ilse Marr. \u201cWe don\u2019t want to be stuck in old quarrels.\u201d\n\n"
    "Before the talks, Norwegian officials consulted with diplomats attending the Baltic "
    "Forum meeting May 1 in Vessen.\n\n"
    "Norway joined more than 20 other nations at the Vessen meeting in deciding to back the "
    "coastal compact and to recognize the Coastal League as the region\u2019s lawful patrol "
    "authority.\n\n"
    "The Coastal League is leading a patrol campaign over the Baltic that began in April to "
    "pressure the trawler owner Jan Olsen to sell his licences."
]

# (question, verdict, words the answer gives, words it must not give, words cited)
CASES = [
    ("Which department does the anonymous official work for?", "ANSWERED",
     ["Foreign Ministry"], ["Fisheries"], ["A Norwegian Foreign Ministry official said"]),
    ("Which government department does the unnamed official work for?", "ANSWERED",
     ["Foreign Ministry"], ["Fisheries"], ["A Norwegian Foreign Ministry official said"]),
    ("Which agency is the anonymous official from?", "ANSWERED", ["Foreign Ministry"],
     ["Polish"], []),
    ("On what terms did the Norwegian official talk about the talks?", "ANSWERED",
     ["condition of anonymity"], [], []),
    ("How long has the consulate in Gdansk been closed?", "ANSWERED", ["January"], [],
     ["closed its consulate in Gdansk in January"]),
    ("What does the Polish spokesman want to avoid?", "ANSWERED", ["stuck in old quarrels"],
     ["further steps"], []),
    ("What is the Coastal League trying to achieve?", "ANSWERED",
     ["pressure the trawler owner Jan Olsen to sell his licences"], [], []),
    ("What are the plans for further talks between Norway and Poland?", "DISPUTED",
     ["Sources differ"], [], ["no plan to hold another round", "we want to take further steps"]),
    ("Who made up the Norwegian team?", "ANSWERED", ["Erik Hansen", "Olav Brekke", "Lars Berg"],
     [], []),
    ("What did the talks aim to do?", "ANSWERED", ["settle the quota dispute"], [], []),
    ("What does the regime say the talks were?", "ANSWERED", ["readiness to bargain"], [], []),
    ("Who is behind the patrol raids in the Baltic?", "ANSWERED", ["Coastal League"],
     ["Jan Olsen"], []),
    ("When did the Vessen meeting take place?", "ANSWERED", ["May 1"], [], []),
    ("How long after the Vessen meeting did the quiet talks take place?", "ANSWERED",
     ["Two days after"], [], []),
    # "the Brenna talks" says where the talks were, not where anyone spoke of them
    ("Where did the Polish government first talk about the talks?", "ANSWERED", ["Warsaw"],
     ["Brenna"], []),
    ("What did Norway do before the talks?", "ANSWERED", ["consulted with diplomats"],
     ["closed its consulate"], []),
    ("What is the reason the official was not named?", "ANSWERED",
     ["not authorized to speak on the record"], [], []),
    ("What status did the nations give the Coastal League?", "ANSWERED",
     ["lawful patrol authority"], [], []),
    # what a party wants is not what it says it does not want
    ("What does Poland want to do about old quarrels?", "ANSWERED", [], ["stuck in"], []),
    # a post "of" a body names it; one "to" another names his own first
    ("Who does Olav Brekke work for?", "ANSWERED", ["Fisheries"], ["Lars Berg"], []),
    ("Who does Erik Hansen work for?", "ANSWERED", ["Norwegian"], ["Olav Brekke"], []),
    # a speaker asked by surname alone, which the tagger reads as no name
    ("What did Marr say?", "ANSWERED", ["we want to take further steps"], [], []),
]


@pytest.mark.parametrize(("question", "verdict", "given", "not_given", "cited"), CASES,
                         ids=[c[0] for c in CASES])
def test_framed_questions(services, question, verdict, given, not_given, cited) -> None:
    answer = ask_over(services, question, STORY)
    check_text(answer, verdict, given, not_given)
    quotes = cited_quotes(answer)
    for words in cited:
        assert words in quotes, (words, answer.text)


@pytest.mark.parametrize("question", [
    # "more than 20 other nations" counts nations, not meetings
    "How many times did Norway and Poland meet?",
    # a date the campaign began says nothing of how long a finished thing lasted
    "How long did the talks last?",
])
def test_nothing_of_the_kind_asked(services, question) -> None:
    answer = ask_over(services, question, STORY)
    assert answer.verdict.value == "NOT_ENOUGH_INFO", answer.text
