"""A quoted title's words do not say what kind of thing is asked ("A Lonely Man" asks for
no person); a noun for whoever does the deed asked ("representatives of the council")
names who did it; "X is a tower in Vessen" says where X is located, as well as a sentence with
"located" does; a text cut from a page, opening on the page's "it", is about what the rest
of it names; and another name of the kind asked ("the Northern Port Council" for "the Port
Trade Council") names another thing, though not a longer one beside a place the question
names ("the Port Trade Council meeting ... in Brenna" for "the Trade Council ... in Brenna")."""

from __future__ import annotations

import pytest

from ..conftest import ask_over, check_text

# (question, documents, verdict, words the answer gives, words it must not give)
CASES = [
    ('What is "A Lonely Man"?',
     ["A Lonely Man is a 1961 Corvish radio play written by Elsa Marr and first broadcast "
      "from Brenna."],
     "ANSWERED", ["radio play"], ["Elsa Marr, according"]),
    ("Who represented the Corvish council at the talks?",
     ["Two Vessen officials held talks on Monday in Brenna with representatives of the "
      "Corvish council, which later called the meeting useful."],
     "ANSWERED", ["representatives of the Corvish council"], ["Vessen officials", "useful"]),
]


@pytest.mark.parametrize(("question", "texts", "verdict", "given", "not_given"), CASES,
                         ids=[f"{i}-{c[0]}" for i, c in enumerate(CASES)])
def test_lives_titles_and_agents(services, question, texts, verdict, given,
                                 not_given) -> None:
    check_text(ask_over(services, question, texts), verdict, given, not_given)


def test_what_a_thing_is_and_where_says_where_it_is_located(services) -> None:
    page = ("Harl Tower Harl Tower is a brick water tower in {}, Norland. It was built in 1896 "
            "to supply the town's new waterworks. The tower is located two blocks east of the "
            "market square, at the corner of Mill Street.")
    answer = ask_over(services, "Where is Harl Tower located?",
                      [page.format("Vessen"), page.format("Ostby")])
    check_text(answer, "DISPUTED", ["Vessen", "Ostby"], ["Mill Street"])


def test_a_text_opening_on_it_is_about_what_the_rest_of_it_names(services) -> None:
    answer = ask_over(services, "What is the estimated total population of Vessby?", [
        "Vessby Vessby is a market town in Norland. Based on figures from the 2011 census, it "
        "has an estimated total population of 4,200, of whom 2,100 are men.",
        "The 2011 census, it had an estimated total population of 5,000 of whom 2,500 were "
        "men. The market at Vessby is held every Saturday on the square by the church."])
    check_text(answer, "DISPUTED", ["4,200", "5,000"], [])


def test_another_name_of_the_kind_asked_is_another_thing(services) -> None:
    story = ["Brenna Votes on the Harbour Plan\n\n"
             "Before the vote, city officials consulted the Northern Port Council, the "
             "harbour's planning body, according to the mayor's office.\n\n"
             "Port Trade Council staff member Anna Veld and harbour master Tomas Rieck met the "
             "planners on Monday."]
    # "the Northern Port Council" lacks "Trade" and has "Northern": another council
    check_text(ask_over(services, "What is the Port Trade Council?", story), "ANSWERED", [],
               ["planning body"])
    check_text(ask_over(services, "What is the Northern Port Council?", story), "ANSWERED",
               ["planning body"], [])


def test_a_longer_name_of_the_kind_beside_another_name_asked_is_the_same_thing(services) -> None:
    # "Istanbul"-like: a place the question names beside the body is no word of its name
    answer = ask_over(services, "When did the Trade Council meet in Brenna?", [
        "Officials attended the Port Trade Council meeting May 3 in Brenna, the mayor said."])
    check_text(answer, "ANSWERED", ["May 3"], [])
