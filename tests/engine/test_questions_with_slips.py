"""Open questions typed with a slip or put as a request: a misspelt word read as the documents
spell it, "could you name ..." and "can you tell me when ..." asked like the question inside,
a region's adjective on "which country", a verb that only says an event was held, "who is
behind X", and "in X's view" putting the question to X."""

from __future__ import annotations

from bot.engine.casing import spelled_out
from bot.engine.question_kind import read_question, unattributed
from bot.engine.spelling import corrected, english, unknown

from ..conftest import titled, verifier_over

SUMMIT = titled(
    "Ferry talks held in secret",
    "Two Velmoran envoys held a secret meeting on 4 March with delegates of the Ostrevian "
    "government in Cardela, the harbour ministry said. Ambassador to Ostrevia Lena Marsh and "
    "Deputy Minister Piet Oduya met with Ostrevian officials. The Northern Ferry Alliance is "
    "running a blockade of the Ostrevian coast that began in January. The Dockers Forum met "
    "on 2 March in Kessford to discuss the strike. Harbour Master Tom Reyes and Chief Pilot "
    "Anna Vale met the strikers.",
)
KNOWN = english(["ambassador", "country", "meeting", "secret", "government", "who", "name",
                 "member", "team", "blockade", "minister", "deputy", "envoy", "date"])


def test_a_word_neither_english_nor_the_documents_know_is_read_as_theirs() -> None:
    assert corrected("Lena Marsh is ambasador to which contry?", [SUMMIT.text], KNOWN) == \
        "Lena Marsh is ambassador to which contry?"  # "country" is not in the documents
    assert corrected("Who runs the blokade of Ostrevya?", [SUMMIT.text], KNOWN) == \
        "Who runs the blockade of Ostrevia?"  # a capitalised name: two slips in one of five
    assert unknown("Who runs the blokade of Ostrevya?", KNOWN) == ["blokade", "Ostrevya"]
    # the part of a contraction before "n't" is no word of its own
    assert corrected("Venus doesn\u2019t, wasn't it?", ["The does and the waste."], KNOWN) == \
        "Venus doesn\u2019t, wasn't it?"
    # a capital that only starts the question is no name's: one slip, not two
    assert corrected("Sunce when?", ["The sense of it."], KNOWN) == "Sunce when?"


def test_a_word_english_knows_or_two_words_as_near_stay_as_typed() -> None:
    # "deputy" is English though no document has it; "Marsh" is a document's word.
    assert corrected("Is the deputy Marsh?", ["Lena Marsh spoke."], KNOWN) == \
        "Is the deputy Marsh?"
    # "cart" is as near "card" as "care": which was meant is a guess.
    assert corrected("Whose cart is it?", ["The card and the care."], KNOWN) == \
        "Whose cart is it?"
    # short words are left alone: "wat" may be anything
    assert corrected("wat", ["what"], KNOWN) == "wat"
    # a name's possessive without its apostrophe is the name's
    assert corrected("whats marshs title", ["Lena Marsh spoke."], KNOWN) == \
        "whats marshs title"


def test_inflections_of_an_english_word_are_english() -> None:
    known = english(["sortie", "decide", "stop", "carry", "big"])
    assert all(known(w) for w in ["sorties", "decided", "stopped", "carried", "bigger", "the"])
    assert not known("sortis")


def test_the_parser_knows_english_from_its_own_word_lists(parser) -> None:
    known = parser.english()
    assert known("ambassador") and known("sorties") and known("negotiated")
    assert known("since") and known("whose") and known("whom")  # words of no list of content
    assert not known("ambasador") and not known("goverment")


def test_a_misspelt_question_is_answered_as_if_spelt_right(services) -> None:
    verifier = verifier_over(services, [SUMMIT])
    answer = verifier.verify("Lena Marsh is ambasador to which country?")
    assert answer.verdict.value == "ANSWERED", answer.text
    assert "Ostrevia" in answer.text


def test_a_request_is_asked_like_the_question_inside_it() -> None:
    assert spelled_out("Could you name the members of the team?") == \
        "Who are the members of the team?"
    assert spelled_out("list the countries that signed") == "What are the countries that signed"
    assert spelled_out("Name the city where they met") == "What is the city where they met"
    assert spelled_out("Can you tell me when the meeting was held") == \
        "When the meeting was held?"
    assert spelled_out("I'd like to know who attended.") == "Who attended?"
    # "tell me about" asks no question of its own
    assert spelled_out("Tell me about the meeting") == "Tell me about the meeting"


def test_a_request_to_name_people_is_answered_with_their_names(services) -> None:
    verifier = verifier_over(services, [SUMMIT])
    answer = verifier.verify("Could you name the people who met the strikers?")
    assert answer.verdict.value == "ANSWERED", answer.text
    assert "Tom Reyes" in answer.text and "Anna Vale" in answer.text


def test_a_regions_adjective_on_which_country_is_not_asked_of_the_sentence(parser) -> None:
    q = read_question("In which North African country did the envoys meet?", parser)
    assert q.expects == "PLACE"
    assert "north" not in q.focus and "african" not in q.focus
    # a country's adjective on "which city" says where the city is: still asked
    q = read_question("Which Tunisian city hosted the talks?", parser)
    assert "tunisian" in q.proper


def test_a_verb_that_only_says_an_event_was_held_is_met_by_the_event(parser, services) -> None:
    q = read_question("Which city hosted the Dockers Forum?", parser)
    assert q.held == ("host",) and {"dockers", "forum"} <= set(q.focus)
    answer = verifier_over(services, [SUMMIT]).verify("Which city hosted the Dockers Forum?")
    assert answer.verdict.value == "ANSWERED", answer.text
    assert "Kessford" in answer.text
    # ... and a sentence that has the verb too comes first: the meeting held, not attended
    answer = verifier_over(services, [SUMMIT]).verify("When was the secret meeting held?")
    assert answer.text.startswith("4 March"), answer.text


def test_who_is_behind_a_deed_asks_for_its_doer(parser, services) -> None:
    q = read_question("Who is behind the blockade of Ostrevia?", parser)
    assert q.wh_role == "subject" and "blockade" in q.focus
    answer = verifier_over(services, [SUMMIT]).verify("Who's behind the blockade of Ostrevia?")
    assert answer.verdict.value == "ANSWERED", answer.text
    assert "Northern Ferry Alliance" in answer.text


def test_in_a_partys_view_puts_the_question_to_that_party() -> None:
    assert unattributed("In the harbour ministry's view, what was the meeting?") == \
        ("What was the meeting?", "the harbour ministry")
    assert unattributed("As Cardela tells it, what was agreed?") == ("What was agreed?",
                                                                      "Cardela")
    assert unattributed("In the end, what was agreed?") == ("In the end, what was agreed?",
                                                             None)
