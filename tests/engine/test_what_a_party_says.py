"""What a party says, thinks or feels about something, asked the way readers ask: a topic its
statements speak of in other words, how it "feels" or "sounds", its "comment", what it
"told reporters", a choice of answers offered, its name spelled another way, "how often",
and "in X's words" typed without a comma."""

from __future__ import annotations

from bot.engine.question_kind import is_open, read_question

from ..conftest import ask_over, cited_quotes

HARBOUR = [
    "Quay Talks Held in Kessford\nThe Kessford harbour board met the fishermen's union on "
    "Monday to discuss the north quay. “Our plans for the years ahead depend on this quay,” "
    "said the union's secretary, Ana Ferro. “We will not let the old quarrels hold us back.” "
    "The board's chairman, Olek Varga, said the board had made no decision on repairs.",
    "Kessford closed its Ostrevian consulate in March. The union has 400 members.",
]


def test_a_topic_said_in_other_words_is_answered_by_the_party_s_statements(services) -> None:
    answer = ask_over(services, "What did Ana Ferro say about the future?", HARBOUR)
    assert answer.verdict.value == "ANSWERED", answer.text
    assert "years ahead" in cited_quotes(answer)
    assert "Varga" not in cited_quotes(answer)


def test_a_topic_the_party_never_speaks_of_is_not_answered(services) -> None:
    answer = ask_over(services, "What did Ana Ferro say about parking fees?", HARBOUR)
    assert answer.verdict.value == "NOT_ENOUGH_INFO", answer.text


def test_a_name_matched_only_through_its_adjective_is_no_topic_said(services) -> None:
    """"the Ostrevian consulate" is not what Ferro speaks of because the story names Ostrevia."""
    answer = ask_over(services, "What did Ana Ferro say about the closed Ostrevian consulate?", [
        "Ferro spoke at the quay. “Every Ostrevian worker here deserves a fair wage,” said the "
        "union's secretary, Ana Ferro.",
        "Kessford closed the Ostrevian consulate in March.",
    ])
    assert "fair wage" not in cited_quotes(answer)


def test_each_of_the_party_s_statements_is_cited(services) -> None:
    answer = ask_over(services, "What did Ana Ferro say?", HARBOUR)
    quotes = cited_quotes(answer)
    assert "years ahead" in quotes and "old quarrels" in quotes, answer.text


def test_a_quotation_s_own_marks_are_not_doubled(services) -> None:
    """A sentence opening a quotation that runs on is quoted with one opening mark."""
    answer = ask_over(services, "What did Ana Ferro say about the town?", [
        "“This is our quay,” said the union's secretary, Ana Ferro. “We owe it to the town. "
        "We want it open all year.”",
    ])
    assert "the town" in cited_quotes(answer), answer.text
    assert "““" not in answer.text and "””" not in answer.text, answer.text


def test_how_a_party_feels_or_sounds_is_what_it_says(parser) -> None:
    q = read_question("How does Ana Ferro feel about the quay — hopeful or worried?", parser)
    assert (q.form, q.speaker, q.focus) == ("says", "Ana Ferro", ("quay",))
    q = read_question("How confident did the chairman sound about the repairs?", parser)
    assert (q.form, q.speaker) == ("says", "the chairman")


def test_a_party_s_comment_is_what_it_said(services, parser) -> None:
    q = read_question("What was Olek Varga's comment after the meeting?", parser)
    assert (q.form, q.speaker) == ("says", "Olek Varga")
    assert read_question("What was the answer to the question?", parser).form != "says"
    assert read_question("What does Varga say about the repairs?", parser).speaker == "Varga"
    answer = ask_over(services, "What was the harbour master's comment after the meeting?",
                      HARBOUR)
    assert answer.verdict.value == "NOT_ENOUGH_INFO", answer.text


def test_whom_a_party_told_is_not_what_it_told_them_about(parser) -> None:
    q = read_question("What did the chairman tell reporters about the repairs?", parser)
    assert q.focus == ("repair",)
    assert read_question("What did Ana Ferro tell the press?", parser).focus == ()


def test_a_name_spelled_another_way_names_the_same_party(services) -> None:
    answer = ask_over(services, "What did Carlsson's board say about the repairs?", [
        "The harbour board chaired by Olek Karlsson said it had made no decision on repairs.",
    ])
    assert answer.verdict.value == "ANSWERED", answer.text
    assert "no decision on repairs" in cited_quotes(answer)


def test_how_often_asks_for_a_frequency(services) -> None:
    answer = ask_over(services, "How often does the harbour board meet?", [
        "The Kessford harbour board meets twice a month in the old customs house.",
        "The board has 9 members and 2 clerks.",
    ])
    assert answer.verdict.value == "ANSWERED", answer.text
    assert "twice a month" in answer.text


def test_in_someone_s_words_without_a_comma_still_asks(parser) -> None:
    question = "in ferro's words how often does the union want to meet"
    assert is_open(question, parser)
    q = read_question(question, parser)
    assert ((q.speaker or "").lower(), q.expects) == ("ferro", "FREQUENCY")


def test_he_said_is_whoever_the_sentence_before_reports(services) -> None:
    answer = ask_over(services, "What did Olek Varga say about the budget?", [
        "Olek Varga, who chairs the harbour board, said repairs would start in May. “The "
        "budget is far too small for the north quay,” he said.",
    ])
    assert "far too small" in cited_quotes(answer), answer.text
    assert "Varga says" in answer.text, answer.text


def test_a_headline_s_capitals_make_no_word_a_name(services) -> None:
    """"Quay Talks Were Not Negotiations, Union Says": "Talks" is the word asked about."""
    answer = ask_over(services, "What does the union say about the quay talks?", [
        "Quay Talks Were Not Negotiations, Union Says\n\nThe Kessford harbour board met the "
        "fishermen's union on Monday. Repairs to the north quay will start in May.",
    ])
    assert answer.verdict.value == "ANSWERED", answer.text
    assert "Were Not Negotiations" in cited_quotes(answer), answer.text


def test_the_labels_two_parties_put_on_it_are_their_accounts(services, parser) -> None:
    q = read_question("What labels do the board and the union put on the meeting?", parser)
    assert (q.form, q.speaker) == ("says", None)
    answer = ask_over(services, "What labels do the board and the union put on the meeting?", [
        "The board's chairman, Olek Varga, said the meeting was a routine briefing. The union's "
        "secretary, Ana Ferro, said the meeting was the start of negotiations.",
    ])
    assert answer.verdict.value == "DISPUTED", answer.text
    quotes = cited_quotes(answer)
    assert "routine briefing" in quotes and "start of negotiations" in quotes, answer.text


TREATY = ["The treaty talks ended on Friday. A German government spokesman said the treaty was "
          "dead. A French foreign ministry spokesman said the talks would go on in March."]


def test_a_speaker_asked_of_one_country_is_not_another_s(services) -> None:
    answer = ask_over(services, "What did the Dutch spokesman say?", TREATY)
    assert answer.verdict.value == "NOT_ENOUGH_INFO", answer.text


def test_a_word_for_a_spokesman_is_a_spokesman(services) -> None:
    answer = ask_over(services, "What did the mouthpiece say about the treaty?", [
        "A government spokesman said the treaty was dead. The foreign minister said the treaty "
        "talks would go on in March."])
    assert "treaty was dead" in cited_quotes(answer), answer.text
    assert "go on in March" not in cited_quotes(answer), answer.text


def test_what_kind_of_thing_a_party_says_it_was_asks_what_it_says(parser) -> None:
    q = read_question("What kind of meeting does the harbour board say it was?", parser)
    assert (q.form, q.speaker) == ("says", "the harbour board")
    q = read_question("Which way does Ana Ferro say the union wants to look?", parser)
    assert (q.form, q.speaker) == ("says", "Ana Ferro")
    q = read_question("What was Ana Ferro's message?", parser)
    assert (q.form, q.speaker) == ("says", "Ana Ferro")
