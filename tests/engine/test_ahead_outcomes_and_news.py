"""What lies ahead of talks, asked in other words than "next" ("What further meetings are
planned?", "What stage are the talks at?", "What is the future of the talks?"): each
party's account of what is to come, or the one party's the question names; and what a
meeting came to ("What was the outcome of the talks?", "What did the talks achieve?"),
which those who took part "came away with"; and where and by whom news of it "broke" (its
disclosure), which whoever only said something of it did not do; and who wants a thing done,
said as what must be done."""

from __future__ import annotations

import pytest

from ..conftest import ask_over, check_text, cited_quotes

STORY = [
    "Norway and Poland Hold Quiet Talks in Brenna\n\n"
    "Two Norwegian envoys held quiet talks on May 3 with representatives of the Polish "
    "government in Brenna, officials said.\n\n"
    "A Norwegian Foreign Ministry official said the talks were not the start of negotiations "
    "and that there is no plan to hold another round. The envoys came away with the sense "
    "that their warning about the fishing quotas was understood, the official said.\n\n"
    "\u201cThis is a first step and we want to take further steps,\u201d said the Polish "
    "government spokesman, Ilse Marr.\n\n"
    "Before the talks, the envoys attended the Harbour Forum meeting in Vessen."
]

NO_MORE = "no plan to hold another round"
MORE = "we want to take further steps"

# (question, verdict, words the answer gives, words it must not give, words cited,
#  words not cited)
CASES = [
    ("What further meetings are planned?", "DISPUTED", ["Sources differ"], [],
     [NO_MORE, MORE], ["Harbour Forum"]),
    ("What follow-up talks are planned after this one?", "DISPUTED", ["Sources differ"], [],
     [NO_MORE, MORE], []),
    ("What stage are talks between Norway and Poland at now?", "DISPUTED",
     ["Sources differ"], [], [NO_MORE, MORE], []),
    ("What is the future of the talks?", "DISPUTED", ["Sources differ"], [], [NO_MORE, MORE],
     []),
    ("What next steps does Poland want?", "ANSWERED", ["Ilse Marr"], [], [MORE], [NO_MORE]),
    ("What stage are the talks at, according to Norway?", "ANSWERED", ["Foreign Ministry"], [],
     [NO_MORE], [MORE]),
    ("What was the outcome of the talks?", "ANSWERED",
     ["sense that their warning about the fishing quotas was understood"], [], [], []),
    ("What did the talks achieve?", "ANSWERED",
     ["sense that their warning about the fishing quotas was understood"], [], [], []),
    # a meeting that was held is no plan: the further meeting asked is told, not promised
    ("What further meetings did the envoys attend before the talks?", "ANSWERED",
     ["Harbour Forum"], ["Sources differ"], [], []),
]


@pytest.mark.parametrize(("question", "verdict", "given", "not_given", "cited", "not_cited"),
                         CASES, ids=[c[0] for c in CASES])
def test_what_lies_ahead_and_outcomes(services, question, verdict, given, not_given, cited,
                                      not_cited) -> None:
    answer = ask_over(services, question, STORY)
    check_text(answer, verdict, given, not_given)
    quotes = cited_quotes(answer)
    for words in cited:
        assert words in quotes, (words, answer.text)
    for words in not_cited:
        assert words not in quotes, (words, answer.text)


NEWS = [
    "Quiet Talks in Brenna\n\n"
    "Two Norwegian envoys held quiet talks on May 3 with Polish officials in Brenna.\n\n"
    "A Norwegian official said the talks were not a negotiation.\n\n"
    "Disclosure of the talks came first in Warsaw, where a Polish government spokesman "
    "described the Brenna talks as a first step, according to the Vessen Post."
]


@pytest.mark.parametrize(("question", "given", "not_given"), [
    ("Where did news of the talks break first?", ["Warsaw"], ["Brenna"]),
    ("Who broke the news of the May 3 talks?", ["Polish government spokesman"],
     ["Norwegian official"]),
    ("Who disclosed the May 3 talks?", ["Polish government spokesman"], ["Norwegian official"]),
], ids=lambda v: v if isinstance(v, str) else None)
def test_news_broken_is_the_disclosure(services, question, given, not_given) -> None:
    check_text(ask_over(services, question, NEWS), "ANSWERED", given, not_given)


WANTED = [
    "Quiet Talks in Brenna\n\n"
    "A Norwegian Foreign Ministry official said the talks were intended only to deliver the "
    "message that the harbour master Ilse Marr must resign.\n\n"
    "The Polish side said the talks had gone well."
]


def test_who_wants_it_done_says_it_must_be_done(services) -> None:
    answer = ask_over(services, "Who wants Ilse Marr to resign?", WANTED)
    check_text(answer, "ANSWERED", ["Norwegian Foreign Ministry official"], [])
    # (what no sentence says must be done, nobody is said to want)
    answer = ask_over(services, "Who wants the talks to continue?", WANTED)
    check_text(answer, "NOT_ENOUGH_INFO", [], ["Norwegian"])
