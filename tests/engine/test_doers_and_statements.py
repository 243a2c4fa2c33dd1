"""Who did a deed, when and where, and what one party said, read by principles: a clause
without a subject of its own ("..., the official said, speaking on the condition of
anonymity"; "a campaign ... to pressure X") is the deed of its main clause's subject, or of
whoever leads the thing that does it; an adverb, an adjective and a noun of one root
("anonymously", "anonymity") are one word; a group described by its number ("three senior
officials") is named by the sentence that lists so many names; "which country did they meet
with" asks the other side, not the place; a date of another deed is not the asked one's; the
story's own meeting called by its place is where its parties met, and a place in a title
("Ambassador to Libya") or in a clause other than the deed's is not; "what kind of meeting"
asks how it was held; "what concern" asks what the concern was; "what did X say" takes X's
statements however the sentences name X's department, those naming the topic first, and
what lies ahead when "future talks" are asked; "each side" gets each side's account."""

from __future__ import annotations

import pytest

from bot.pipeline import Verifier

from ..conftest import ask_over, check_text

STORY = ("Harbour Talks Were Only a Warning, Port Authority Says\n\n"
         "Two senior Calvian port officials held a private meeting March 3 with "
         "representatives of the dockworkers\u2019 union, which said the meeting showed the "
         "authority was ready to bargain.\n\n"
         "A Calvian Port Authority spokeswoman said the meeting was not a bargaining session, "
         "and was meant only to deliver the warning that the strike must end.\n\n"
         "Calvian harbour master Ilse Marr and finance director Rolf Brandt met with union "
         "leaders to correct any misreading of the authority\u2019s plans, the Calvian "
         "spokeswoman said, speaking on condition of anonymity.\n\n"
         "The decision to meet reflected concern that the union wrongly thought the port "
         "would accept a longer strike, the spokeswoman said.\n\n"
         "Before the talks, port officials consulted with shipping firms, according to the "
         "Port Authority spokeswoman.\n\n"
         "The Port Authority spokeswoman said that the meeting was not the start of "
         "negotiations and that no further meeting is planned.\n\n"
         "Unitas is running a public inquiry that opened in January to push both sides back "
         "to work.\n\n"
         "Disclosure of the meeting came first in Brevik, where a union spokesman described "
         "the Karsa meeting as a \u201cfirst step\u201d to end the dispute, according to the "
         "Harbour Press.")


@pytest.mark.parametrize(("question", "verdict", "given", "not_given"), [
    # a participle's deed is its main clause subject's; "anonymously" is "anonymity"
    ("Which official spoke anonymously?", "ANSWERED", ["spokeswoman"], ["Marr"]),
    ("Who spoke on condition of anonymity?", "ANSWERED", ["spokeswoman"], ["Marr"]),
    # a thing's purpose is the deed of whoever runs it
    ("Who is pushing both sides back to work?", "ANSWERED", ["Unitas"], []),
    # the group described by its number is named by the list of so many names
    ("Who held the private meeting?", "ANSWERED", ["Ilse Marr and Rolf Brandt"], []),
    ("Which officials held a private meeting?", "ANSWERED", ["Ilse Marr and Rolf Brandt"], []),
    # the country on the other side, not where they met
    ("Who did the Calvian officials meet with?", "ANSWERED", ["dockworkers"], []),
    # a date of another deed is not the date of the one asked, told without one
    ("When was the meeting disclosed?", "NOT_ENOUGH_INFO", [], ["March 3"]),
    # the story's own meeting, called by its place, is where its parties met
    ("Where did the port officials meet the union's representatives?", "ANSWERED", ["Karsa"],
     []),
    # the kind of a meeting is how it was held or kept
    ("What kind of meeting was it?", "ANSWERED", ["private meeting"], []),
    # a content noun asked is answered by what it holds
    ("What concern led to the decision to meet?", "ANSWERED",
     ["the union wrongly thought the port would accept a longer strike"], []),
    # one party's words about what lies ahead; each side's account, side by side
    ("What did the spokeswoman say about future talks?", "ANSWERED",
     ["no further meeting is planned"], ["shipping firms"]),
    ("What are the two sides' views of the meeting?", "DISPUTED", ["first step"], []),
])
def test_who_did_it(services, question: str, verdict: str, given: list[str],
                    not_given: list[str]) -> None:
    check_text(ask_over(services, question, [STORY]), verdict, given, not_given)


def test_a_group_named_cites_the_sentence_that_describes_it(services) -> None:
    answer = ask_over(services, "Who held the private meeting?", [STORY])
    quotes = " ".join(c.quote for c in answer.citations)
    assert "Ilse Marr" in quotes and "Two senior Calvian port officials" in quotes


def test_what_a_party_said_takes_its_statements_not_what_it_is_the_source_for(
        services) -> None:
    answer = ask_over(services, "How did the spokeswoman describe the meeting?", [STORY])
    quotes = " ".join(c.quote for c in answer.citations)
    assert "not a bargaining session" in quotes
    assert "shipping firms" not in quotes


@pytest.mark.parametrize(("question", "given", "not_given"), [
    ("Which official spoke anonymously?", ["official"], ["Cretz"]),
    ("Who is pressuring Qaddafi to step down?", ["NATO"], []),
    ("Who attended the secret meeting?", ["Gene Cretz, Jeffrey Feltman and Derek Chollet"], []),
    ("Which country did the U.S. officials meet with?", ["Qaddafi"], ["Tunisia"]),
    ("Where did the Americans meet Qaddafi's representatives?", ["Tunisia"], ["Libya,"]),
    ("What does the AP report about the meeting?", ["first-step dialogue"], []),
])
def test_seed_article(seeded_services, question: str, given: list[str],
                      not_given: list[str]) -> None:
    check_text(Verifier(seeded_services).verify(question), "ANSWERED", given, not_given)


def test_what_the_official_said_of_the_meeting_on_the_seed_article(seeded_services) -> None:
    answer = Verifier(seeded_services).verify("How did the U.S. official describe the meeting?")
    quotes = " ".join(c.quote for c in answer.citations)
    assert "not a negotiation" in quotes and "Before the talks" not in quotes


def test_each_sides_want_on_the_seed_article(seeded_services) -> None:
    answer = Verifier(seeded_services).verify("What did each side want from the meeting?")
    check_text(answer, "DISPUTED", ["Qaddafi must step down", "repair ties"], [])
