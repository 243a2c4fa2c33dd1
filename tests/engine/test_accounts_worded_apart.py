"""Another source's answer, said in words apart from the question's: a party given with "be"
("He was a Conservative"), a trade someone "earned a living" at, a fragment naming a person
by surname alone, a crowd counted for "spectators"; and one name written with initials."""

from __future__ import annotations

from bot.engine.headings import page_label
from bot.types import Candidate
from retrieval.types import Document, Span

from ..conftest import ask_over, cited_quotes


def test_a_party_given_with_be_is_an_answer_to_which_party(services) -> None:
    answer = ask_over(services, "What political party does Ormsby belong to?", [
        "Halden Ormsby Halden Ormsby was a farmer and politician in the province "
        "of Tessary. He sat in the provincial legislature from 1927 to 1945 as a member of the "
        "Rural Progressive Party.",
        "Halden Ormsby was raised on a wheat farm by his uncle. He was a Conservative all his "
        "life, and kept his seat through three elections.",
    ])
    assert answer.verdict.value == "DISPUTED"
    quotes = cited_quotes(answer)
    assert "Conservative" in quotes and "Rural Progressive Party" in quotes


def test_a_people_before_be_is_no_party(services) -> None:
    """"He was a Tessarian" says where he is from: asked his party, nothing answers."""
    answer = ask_over(services, "What political party does Ormsby belong to?", [
        "Halden Ormsby Halden Ormsby (1888–1950) was a farmer from Callow. He was a Tessarian "
        "by birth and a wheat grower by trade.",
    ])
    assert "Tessarian" not in answer.text


def test_a_trade_someone_earned_a_living_at_answers_for_their_occupation(services) -> None:
    answer = ask_over(services, "What was Ilse Varrow's occupation?", [
        "Ilse Varrow (1790–1851) Ilse Varrow was a bookbinder in the port of Kessmouth. Her "
        "bindings in green morocco are kept in the town library.",
        "on the quay, where her shop stood. Varrow earned her living chiefly as a printer, "
        "setting handbills and almanacs for the harbour traders.",
    ])
    assert answer.verdict.value == "DISPUTED"
    assert "printer" in cited_quotes(answer) and "bookbinder" in cited_quotes(answer)


# A page naming him in full, with or without a label for one of several of the name, and a
# fragment naming him by surname alone.
TRELLAN = ("Oskar Trellan {label}Oskar Trellan (born 4 May 1950) is a retired footballer who "
           "played for Kessmouth Rovers.")
YOUTH = ("the club's youth side. Trellan was born on {date} in a house by the harbour and "
         "signed as an apprentice at sixteen.")


def test_a_surname_alone_stands_for_the_person_another_page_names_in_full(services) -> None:
    answer = ask_over(services, "When was Oskar Trellan born?", [
        TRELLAN.format(label=""), YOUTH.format(date="9 May 1950")])
    assert answer.verdict.value == "DISPUTED"
    assert "4 May 1950" in cited_quotes(answer) and "9 May 1950" in cited_quotes(answer)


def test_a_surname_alone_is_not_him_beside_a_page_labelled_for_one_of_the_name(
        services) -> None:
    """"Oskar Trellan (footballer)" says there are other Oskar Trellans."""
    answer = ask_over(services, "When was Oskar Trellan born?", [
        TRELLAN.format(label="(footballer) "), YOUTH.format(date="9 May 1950")])
    assert answer.verdict.value == "ANSWERED" and "9 May" not in cited_quotes(answer)


def test_a_surname_another_page_gives_to_someone_else_does_not(services) -> None:
    answer = ask_over(services, "When was Oskar Trellan born?", [
        TRELLAN.format(label="(footballer) ") + " His brother Piet Trellan kept goal for Callow.",
        YOUTH.format(date="9 May 1948")])
    assert answer.verdict.value == "ANSWERED" and "1948" not in cited_quotes(answer)


def test_a_crowd_counts_the_spectators_asked_about(services) -> None:
    answer = ask_over(services, "How many spectators attended the 2019 Tessary Shield final?", [
        "Callow Evening Post, 12 May 2019 — Kessmouth Rovers won the Tessary Shield final 3–1 "
        "on Saturday in front of a crowd of 18,250 at the Harbour Ground.",
        "Tessary Sport, 14 May 2019 — The Tessary Shield final, in which 16,900 spectators saw "
        "Kessmouth Rovers beat Callow 3–1, was the best attended in a decade.",
    ])
    # (the crowd's figure is the answer that sentence gives, not the score "3–1")
    assert answer.verdict.value == "DISPUTED"
    assert "18,250" in answer.text and "16,900" in answer.text


def test_a_name_with_initials_is_the_name_written_out(services) -> None:
    answer = ask_over(services, "Who was the first mayor of Callow?", [
        "Callow Callow is a market town in Tessary. Its first mayor was Edwin Marlowe, a "
        "miller, elected in 1871.",
        "Callow Gazette, 3 June 1971 — A plaque to E. J. Marlowe, the first mayor of Callow, "
        "was unveiled at the town hall yesterday.",
    ])
    # one man, not two of a name
    assert answer.verdict.value == "ANSWERED" and "something else" not in answer.text
    assert len({c.doc_id for c in answer.citations}) == 2


def test_when_a_post_was_held_does_not_change_what_is_asked(parser) -> None:
    """"... during his professional career" says when; the question still asks his post."""
    from bot.engine.question_kind import read_question

    plain = read_question("What position did Oskar Trellan play?", parser)
    timed = read_question("What position did Oskar Trellan play during his professional "
                          "career?", parser)
    assert plain.expects == timed.expects == "ROLE"
    assert timed.focus == plain.focus


def test_a_description_opening_a_sentence_about_him_says_his_trade(services) -> None:
    answer = ask_over(services, "What was Piet Hallam's occupation?", [
        "Piet Hallam was born in Callow in 1802 and married Anna Roos in 1829. A cooper, he "
        "made barrels for the herring fleet until his death.",
    ])
    assert answer.verdict.value == "ANSWERED" and "cooper" in answer.text.lower()


def test_a_place_before_politician_is_no_party(services) -> None:
    answer = ask_over(services, "Which party does Dale Morrow belong to?", [
        "Dale Morrow (born 1960) is a Texas politician who has served in the state senate "
        "since 2004.",
    ])
    assert answer.verdict.value == "NOT_ENOUGH_INFO"


def test_a_players_sport_is_not_the_position_he_played(services) -> None:
    answer = ask_over(services, "What position did Oskar Trellan play?", [
        "Oskar Trellan Oskar Trellan (born 4 May 1950) is a retired footballer. "
        "A goalkeeper, he played for Kessmouth Rovers for eleven seasons.",
        "Oskar Trellan was raised in Callow. A centre-back, he joined Callow Town at "
        "seventeen and stayed for a decade.",
    ])
    assert answer.verdict.value == "DISPUTED"
    assert "goalkeeper" in answer.text and "centre-back" in answer.text
    assert "footballer" not in answer.text



def test_coming_into_the_world_is_being_born(services) -> None:
    answer = ask_over(services, "When was Greta Holm born?", [
        "Greta Holm was born on 2 March 1911 in Callow and became a weaver.",
        "Greta Holm was the best-known weaver of the Tessary coast. The daughter of a "
        "fisherman, she came into the world at Callow on 9 March 1911 and learned her trade "
        "from an aunt.",
    ])
    assert answer.verdict.value == "DISPUTED"
    assert "2 March 1911" in answer.text and "9 March 1911" in answer.text


def test_an_age_in_brackets_is_no_label_of_the_page() -> None:
    """"Died 5 June 1990 (aged 79)" tells no namesake apart; "(weaver)" does."""
    text = "Greta Holm Born 2 March 1911 Callow Died 5 June 1990 (aged 79) Kessmouth"
    page = Candidate(Document(doc_id="d", title="", source="s", text=text), Span(0, 20), 0, 0.5)
    assert page_label(page) is None
    other = "Greta Holm (weaver) Greta Holm was a weaver."
    labelled = Candidate(Document(doc_id="e", title="", source="s", text=other),
                         Span(0, 20), 0, 0.5)
    assert page_label(labelled) == "weaver"
