"""Two documents that are one page, one of them edited: a fact changed between them is in
dispute when it answers the question, even where the sentence calls the subject "he" and
only a heading (in either copy) names it; a change elsewhere, or in spacing, is none."""

from __future__ import annotations

import pytest

from bot.engine.edits import changes

from ..conftest import ask_over, cited_quotes

PAGE = ("Osric Vallender (jurist) Osric Vallender (4 May 1851 – 2 June 1912) was a lawyer and "
        "judge from the county of Harrowmere. He was the son of the miller Tobias Vallender and "
        "studied law at Caddon College before he was admitted to the bar in 1876. He was "
        "Attorney General of Harrowmere {years}. He later sat on the county bench for twelve "
        "years and married Ada Crane , with whom he had {children} children.")
OTHER = ("The Harrowmere county bench was reorganised in 1902 , when the number of judges was "
         "raised from three to five . Its court house on Mill Lane dates from 1840 .")


SERVED = "When did Attorney General Vallender serve in his position?"
EDITED = PAGE.format(years="1900–1902", children="three")


@pytest.mark.parametrize("copy", [
    EDITED,
    # cut without its heading and first words: the first copy's heading names him
    "The lawyer" + EDITED.split(" was a lawyer", 1)[1],
], ids=["whole", "headless"])
def test_a_page_and_its_copy_with_the_answer_changed_are_in_dispute(services, copy) -> None:
    answer = ask_over(services, SERVED, [PAGE.format(years="1884–1886", children="three"),
                                         copy, OTHER])
    assert answer.verdict.value == "DISPUTED", answer.text
    quotes = cited_quotes(answer)
    assert "1884–1886" in quotes and "1900–1902" in quotes, answer.text


MEMBER = ("Edwin Marrable (politician) Edwin Marrable (1871 – 1940) was a Velmish farmer and "
          "politician . He was educated at the grammar school in Harrow Vale and worked for ten "
          "years on his uncle 's farm at Copley Grange , which he took over in 1899 . He bred "
          "shire horses , served on the county drainage board and was a churchwarden at St "
          "Mary 's for thirty years . In 1902 he married Alice Penrose , the daughter of a "
          "miller from Tolham . He was a {party} by background , and sat for the Harrow Vale "
          "division from 1906 to 1918 . He farmed at Copley Grange until his death .")


def test_a_question_of_names_only_takes_its_topic_from_the_page(services) -> None:
    # "What party ...?" has no word but the name: the page names him, the copies differ
    # in the party ("Liberal" is written as a name, though the tagger reads an adjective)
    answer = ask_over(services, "What political party did Edwin Marrable belong to?", [
        MEMBER.format(party="Liberal"), MEMBER.format(party="Conservative"), OTHER])
    assert answer.verdict.value == "DISPUTED", answer.text
    quotes = cited_quotes(answer)
    assert "Liberal" in quotes and "Conservative" in quotes, answer.text


def test_a_copy_changed_in_another_fact_gives_the_same_answer(services) -> None:
    answer = ask_over(services, "When was Osric Vallender born?", [
        PAGE.format(years="1884–1886", children="three"),
        PAGE.format(years="1900–1902", children="four"),
        OTHER,
    ])
    assert answer.verdict.value == "ANSWERED", answer.text
    assert "4 May 1851" in answer.text


def test_a_copy_in_other_spacing_is_no_dispute(services) -> None:
    page = PAGE.format(years="1884–1886", children="three")
    respaced = page.replace(" ,", ",").replace("–", "-").replace("4 May 1851", "4 May, 1851")
    answer = ask_over(services, SERVED, [page, respaced, OTHER])
    assert answer.verdict.value != "DISPUTED", answer.text
    answer = ask_over(services, "When was Osric Vallender born?", [page, respaced, OTHER])
    assert answer.verdict.value == "ANSWERED", answer.text


def test_changes_are_the_words_edited_inside_a_copy() -> None:
    a = "The bridge over the Lenning was opened in 1912 by the mayor of Tolbridge, Edwin Hule."
    b = "The bridge over the Lenning was opened in 1915 by the mayor of Tolbridge, Edwin Hule."
    [(in_a, in_b)] = changes(a, b)
    assert a[in_a[0]:in_a[1]] == "1912" and b[in_b[0]:in_b[1]] == "1915"
    # spacing, case and punctuation are no change
    assert changes(a, a.replace(", ", " , ").replace("The", "the")) == ()
    # texts that are not copies have no changes to compare
    assert changes(a, "A ferry crossed the Lenning at Tolbridge until the bridge was built.") == ()
    # where two crawls of a page are cut differently is no edit
    assert changes(a, "Tolbridge, Edwin Hule, opened it. " + a[:60]) == ()
