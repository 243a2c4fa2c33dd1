"""Asked the names of people ("What are the names of the Norwegian officials?", "Who were
the American officials?", "Which U.S. officials attended?"), only a name answers, not words
that describe them ("American officials"); where the question gives their country, only
names a sentence sets beside a title of that country ("Norwegian Deputy Minister ... Erik
Hansen, ... and ..."), the whole list where many are asked, and one asked alone only where
the sentence calls the name by the word asked ("the official" is not the minister)."""

from __future__ import annotations

from bot.engine.question_kind import read_question

from ..conftest import ask_over, check_answers

TALKS = ("Harbour Talks Were Not a Deal, Oslo Says\n\n"
         "Three senior Norwegian officials held talks March 3 with representatives of the "
         "American shipping lobby, which said today the meeting was a sign Norway was ready "
         "to bargain.\n\n"
         "Norwegian Deputy Minister of Fisheries Erik Hansen, Coastal Administration director "
         "Tomas Brenn and cabinet adviser Petra Lund met with American officials to explain "
         "the Norwegian position, the ministry official said.\n\n"
         "\u201cThis is a first step,\u201d said the lobby's spokesman, Dag Orlo.\n\n"
         "The officials came away with the sense that their message about Senator Ruud Halla "
         "was understood.")


def test_names_asked_are_read_as_names_of_a_country_people(parser) -> None:
    q = read_question("What are the names of the Norwegian officials?", parser)
    assert (q.name_asked, q.expects, q.name_party, q.names_many) == (
        True, "PERSON", "norway", True)
    q = read_question("Who were the Americans at the meeting?", parser)
    assert (q.name_asked, q.name_party) == (True, "united states")
    q = read_question("Which U.S. officials attended?", parser)
    assert (q.name_asked, q.expects, q.name_party) == (True, "PERSON", "united states")
    q = read_question("Who attended the meeting?", parser)
    assert not q.name_asked and not q.name_party


def test_the_names_of_many_are_every_name_listed(services) -> None:
    for question in ("What are the names of the Norwegian officials?",
                     "Who were the Norwegian officials at the talks?",
                     "Which Norwegian officials met the Americans?"):
        answer = ask_over(services, question, [TALKS])
        check_answers(answer, "ANSWERED", ["Erik Hansen, Tomas Brenn and Petra Lund"],
                      ["Dag Orlo", "Ruud Halla"])


def test_people_named_nowhere_are_not_answered(services) -> None:
    # No American is named; nor is the Norwegian "ministry official" quoted (the names
    # listed are called minister, director and adviser).
    for question in ("What are the names of the American officials who met the Norwegians?",
                     "What was the name of the American official at the talks?",
                     "Which American officials met the Norwegians?",
                     "Who is the Norwegian official quoted in the article?"):
        answer = ask_over(services, question, [TALKS])
        assert answer.verdict.value == "NOT_ENOUGH_INFO", (question, answer.text)
        assert not answer.citations


def test_one_asked_by_title_is_still_one(services) -> None:
    # Guards: a single post picks its holder from the list; a name set beside its word
    # answers without a country.
    answer = ask_over(services, "Who was the Norwegian Deputy Minister?", [TALKS])
    check_answers(answer, "ANSWERED", ["Erik Hansen"], ["Tomas Brenn"])
    answer = ask_over(services, "What is the name of the lobby's spokesman?", [TALKS])
    check_answers(answer, "ANSWERED", ["Dag Orlo"], [])


def test_a_post_asked_in_lower_case_where_the_story_names_it(services) -> None:
    # "named in the article" says where the name is, not what it is about; a post written
    # in lower case is still a post, whose holder is asked for.
    for question in ("Who is the deputy minister of fisheries named in the article?",
                     "who is the deputy minister of fisheries"):
        answer = ask_over(services, question, [TALKS])
        check_answers(answer, "ANSWERED", ["Erik Hansen"], ["Tomas Brenn"])


QUARRY = ("Inspectors from Mayor Tomas Hebble's office visited the Dunmore quarry on Monday, "
          "the council said. The quarry's owner, Brack Stone, said it would answer their "
          "questions in writing.")


def test_whose_asks_the_owner_the_sentence_gives(services) -> None:
    answer = ask_over(services, "Whose office sent inspectors to the Dunmore quarry?", [QUARRY])
    assert answer.verdict.value == "ANSWERED", answer.text
    assert answer.text.startswith("Tomas Hebble"), answer.text


def test_the_name_of_one_whose_noun_did_something(services) -> None:
    answer = ask_over(services, "What is the name of the mayor whose office sent inspectors to "
                                "the Dunmore quarry?", [QUARRY])
    assert answer.verdict.value == "ANSWERED", answer.text
    assert answer.text.startswith("Tomas Hebble"), answer.text


def test_whose_is_the_doer_where_the_sentence_says_its(services) -> None:
    answer = ask_over(services, "Whose office in Dunmore closed in March?", [
        "The Harbour Board closed its office in Dunmore in March, after the ferry service was "
        "cut. Staff moved to the board's offices in Kellin."])
    assert answer.verdict.value == "ANSWERED", answer.text
    assert answer.text.startswith("Harbour Board"), answer.text
