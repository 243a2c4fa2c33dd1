"""What a question asks: a claim, an open question and its answer type, or nothing we cover."""

from __future__ import annotations

import pytest

from bot.engine.question_kind import is_open, out_of_scope, put_to_one, read_question


@pytest.mark.parametrize(
    ("question", "expects"),
    [
        ("Who designed the Corran Library?", "PERSON"),
        ("When did the fire start?", "DATE"),
        ("Where was the accord signed?", "PLACE"),
        ("How many passengers were on the ferry?", "NUMBER"),
        ("How much did the dam cost?", "NUMBER"),
        ("In which city was the accord signed?", "PLACE"),
        ("What year did the airline collapse?", "DATE"),
        ("Why was the bridge closed?", "REASON"),
        ("Who is Tomas Ferreira?", "ROLE"),
        ("What is Jeffrey Feltman's job?", "ROLE"),
        ("How long did the strike last?", "DURATION"),
        ("How much time does the diversion add?", "DURATION"),
        ("How many years did the strike last?", "DURATION"),
        ("Which side disclosed the talks first?", "ORG"),
        ("Which two members of the panel voted against?", "PERSON"),
        # a figure of money, whatever adjective says which one
        ("What is the median income for a family in Katwa?", "NUMBER"),
        ("What was the average wage at the mill?", "NUMBER"),
        # a day inside a word of two is no date asked for
        ("What is the modern-day name of Abdera?", "THING"),
        ("What is the present-day name of the port?", "THING"),
    ],
)
def test_open_questions_name_the_answer_type(parser, question: str, expects: str) -> None:
    assert is_open(question)
    assert read_question(question, parser).expects == expects


@pytest.mark.parametrize(
    "question",
    ["Was this a negotiation?", "Did the U.S. close its embassy?", "The meeting was secret.",
     "Is it true that NATO leads the campaign?",
     "When the river last flooded, the town was evacuated.",
     "What the survey found is that rents rose.", "For what seems the first time, ice fell.",
     # a short subject, then a clause of its own, then the statement's verb
     "Sea level rise, which began long ago, has not sped up.",
     "The Kessford gauge, which is widely cited, is read by hand."],
)
def test_claims_are_not_open_questions(question: str) -> None:
    assert not is_open(question)


@pytest.mark.parametrize("question", [
    "how senior were the inspectors who closed the quay",  # one word, then the verb first
    "which ferry was it",
    "over which strait is the coast guard flying its patrols",  # any preposition first
    "with whom did the union meet",
    "the north quay was closed by whom?",  # a question mark after the question word
])
def test_questions_typed_without_the_usual_marks_are_open(question: str) -> None:
    assert is_open(question)


@pytest.mark.parametrize("question", [
    "which ferry company ran the night crossing",  # the wh-phrase is the verb's subject
    "what structural damage did the inspectors find",  # the auxiliary before the subject
])
def test_a_question_without_its_mark_is_read_by_its_word_order(parser, question: str) -> None:
    assert is_open(question, parser)


@pytest.mark.parametrize("question", ["How it was done is unclear.",
                                      "What they found was a leak.",
                                      "What damage the storm did is still unknown.",
                                      "Which crossing the ferry took was never recorded.",
                                      "Which means that the ferry will not sail."])
def test_a_wh_word_opening_a_statement_does_not_make_it_a_question(parser,
                                                                   question: str) -> None:
    assert not is_open(question)
    assert not is_open(question, parser)


def test_where_in_a_month_is_no_topic_word(parser) -> None:
    """"in mid July" is answered by "July 15": no sentence need say "mid"."""
    focus = read_question("What happened in Kessford in mid July?", parser).focus
    assert "july" in focus and "mid" not in focus
    assert "early" not in read_question("What closed in early 2011?", parser).focus


def test_by_whom_asks_for_the_doer(parser) -> None:
    assert read_question("The quay was closed by whom?", parser).wh_role == "subject"


def test_the_topic_words_exclude_the_question_and_type_words(parser) -> None:
    q = read_question("In which city was the Dunmere peace accord signed?", parser)
    assert "city" not in q.focus and "which" not in q.focus
    assert {"dunmere", "accord", "sign"} <= set(q.focus)
    assert q.proper == ("dunmere",)


@pytest.mark.parametrize(("question", "dropped", "kept"), [
    ("What political party is Senator Orley a part of?", "political", "orley"),
    ("Which Tunisian city hosted the talks?", "city", "tunisian"),
])
def test_the_asked_kinds_common_adjective_is_not_a_topic_word(parser, question, dropped,
                                                               kept) -> None:
    focus = read_question(question, parser).focus
    assert dropped not in focus and kept in focus


@pytest.mark.parametrize(("question", "kind"), [
    ("Who founded Selmore Priory?", "priory"),
    ("How tall is the Brannock Water Tower?", "tower"),
    ("When did the U.S. official arrive in Tunis?", ""),
])
def test_the_noun_a_name_qualifies_is_kept(parser, question: str, kind: str) -> None:
    assert read_question(question, parser).named_kind == kind


def test_what_does_x_say_about_y(parser) -> None:
    q = read_question("What does Pennick say about the mayor's original figure?", parser)
    assert q.form == "says" and q.speaker == "Pennick"
    assert "figure" in q.focus
    both = read_question("How do the two sides describe the meeting?", parser)
    assert both.form == "says" and both.speaker is None and both.focus == ("meeting",)


def test_follow_up_borrows_the_previous_question(parser) -> None:
    history = [{"role": "user", "content": "How many packs does the recall cover?"}]
    q = read_question("Why did that number change?", parser, history)
    assert q.form == "follow_up"
    assert "recall" in q.context and q.previous


@pytest.mark.parametrize(
    "request_",
    ["Write me a short poem about dockworkers.", "Tell me a joke about accountants.",
     "Will it rain in Orlen this weekend?"],
)
def test_out_of_scope_requests(parser, request_: str) -> None:
    assert out_of_scope(request_)
    assert read_question(request_, parser).form == "out_of_scope"


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("What sport is Tessa Marlow associated with?", "sport"),
        ("What sport does Tessa Marlow play?", "sport"),
        ("What is the genre of the film Grey Harbour?", "genre"),
        ("What is the primary medium of the Orrin School?", "medium"),
    ],
)
def test_a_type_noun_asks_for_a_kind_of_thing(parser, question: str, kind: str) -> None:
    q = read_question(question, parser)
    assert (q.expects, q.attribute) == ("KIND", kind)
    assert kind not in q.focus and "primary" not in q.focus  # the type is not the topic


@pytest.mark.parametrize(
    "question",
    ["What message did the envoy deliver at the meeting?", "What is the name of the river?"],
)
def test_a_generic_type_noun_stays_the_topic(parser, question: str) -> None:
    q = read_question(question, parser)
    assert q.expects == "THING" and q.attribute == ""
    assert ("message" in q.focus) == ("message" in question)


def test_a_measure_asked_for_is_kept_apart_from_the_topic(parser) -> None:
    q = read_question("What is the total population of Katwa?", parser)
    assert (q.expects, q.attribute) == ("NUMBER", "population")
    assert read_question("How many people live in Katwa?", parser).attribute == ""
    births = read_question("What is the birth date of Maurice Roche?", parser)
    assert births.expects == "DATE" and "date" not in births.focus and "birth" in births.focus
    density = read_question("What is the population density of Katwa?", parser)
    assert "density" in density.focus


@pytest.mark.parametrize("question", ["What is the estimated population of Katwa?",
                                      "What is the current population of Katwa?",
                                      "What was the approximate population of Katwa?"])
def test_how_a_figure_is_known_is_no_topic_word(parser, question: str) -> None:
    q = read_question(question, parser)
    assert (q.expects, q.attribute, q.focus) == ("NUMBER", "population", ("katwa",))


def test_names_are_the_words_written_as_names(parser) -> None:
    """A name is written with capitals, or is part of a name that has them ("yeong" of
    "Kim So-yeong"); a common word the parser tags as a name is not one."""
    asked = read_question("What is the profession of Kim So-yeong?", parser)
    assert "kim" in asked.proper and "yeong" in asked.proper
    casual = read_question("What is the name of Ostrevia's foreign ministry spokesman?", parser)
    assert "ostrevia" in casual.proper and "foreign" not in casual.proper


@pytest.mark.parametrize("question", ["What is Mirela Vasic best known for?",
                                      "What was Harold Brack famous for?"])
def test_what_one_is_known_for_asks_for_a_description(parser, question: str) -> None:
    q = read_question(question, parser)
    assert q.expects == "THING"
    assert q.focus == q.proper  # only the name: "known", "famous" are no words to match


@pytest.mark.parametrize(("question", "put_to"), [
    ("According to the port authority, was the quay closed?", True),
    ("any more strikes planned, per the union?", True),
    ("Per Reuters, did the talks fail?", True),
    ("According to the report, was the quay closed?", False),  # the documents themselves
    ("Did the union demand a 9 per cent pay rise?", False),  # "per cent" names no one
    ("According to the union, why did the talks fail?", False),  # an open question already
])
def test_a_yes_no_question_put_to_one_party_names_it(question, put_to) -> None:
    assert (put_to_one(question)[1] is not None) is put_to


def test_several_parties_asked_for_are_everyone(parser) -> None:
    for question in ("How does each side describe the meeting?",
                     "How did the U.S. and Libya characterize the meeting?",
                     "How did the Libyan and American sides characterize the meeting?",
                     "What is each government's account of the meeting?",
                     "What was the meeting, according to both governments?"):
        q = read_question(question, parser)
        assert q.form == "says" and q.speaker is None, question
    # two speakers are not two sides: their own statements are asked for
    assert read_question("What did Cretz and Feltman say about the meeting?",
                         parser).speaker == "Cretz and Feltman"


def test_a_says_question_needs_a_party_that_can_speak(parser) -> None:
    event = read_question("What does the secret meeting mean for ties?", parser)
    assert event.form == "says" and event.speaker is None
    assert "meeting" in event.focus
    body = read_question("What does the government say about the meeting?", parser)
    assert body.form == "says" and body.speaker == "the government"
    # a clause before the verb is no speaker at all
    clause = read_question("What was the one thing the team went to Tunisia to tell them?",
                           parser)
    assert clause.form != "says"


def test_what_two_sides_tried_to_achieve_is_a_purpose_of_each(parser) -> None:
    q = read_question("What were the two sides trying to achieve by meeting?", parser)
    assert q.expects == "REASON" and q.each_side
    assert "side" not in q.focus and "two" not in q.focus
