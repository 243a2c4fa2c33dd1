"""Open questions read by their grammar, not by the words of one phrasing: a "do" after the
question word makes it the object, the subject after "has" / "did" is not the answer's type,
what the question names is not the answer, and a figure moved away from is not the figure."""

from __future__ import annotations

import pytest

from bot.engine.question_kind import read_question
from bot.pipeline import Verifier
from retrieval.documents import content_hash
from retrieval.types import Document

from ..conftest import verifier_over

TEXT = (
    "Delegates from twelve nations met in Kessford on Tuesday and agreed to recognise the "
    "Coastal Alliance as the region's legitimate authority. Velmora hosted the talks.\n\n"
    "The fisheries minister, Anke Roos, has asked the port authority to publish its catch "
    "records by June.\n\n"
    "Under the revised plan, the harbour levy is cut from 4.5 per cent to 3.8 per cent.\n\n"
    "Before the vote, the delegates consulted with fishing crews from the northern ports, "
    "the ministry said.\n\n"
    "The port authority described the talks as a first step, according to Reuters.\n\n"
    "The old harbour bridge has been closed to lorries since January 12.\n\n"
    "The fisheries vote was intended only to settle the quota dispute, the delegates said.\n\n"
    "The U.N. envoy to the region, Mara Lind, arrived on Monday. Lind said the harbour talks "
    "were a turning point.\n\n"
    "Lind said the fishing crews want a new pier. Lind said the crews do not want a second "
    "vote.\n\n"
    "Harbour Watch is patrolling the northern straits to stop illegal trawlers.\n\n"
    "Velmora hopes for a bigger role for Tomas Brandt in the talks.\n\n"
    "The U.S. closed its consulate in Kessford in March.\n\n"
    "U.S. Envoy to the Coastal Alliance Ruth Amani, Deputy Minister of Fisheries Paul Odo and "
    "Commander Ida Berg met the crews.\n\n"
    "Ships must now report to the Coastal Alliance, the new fisheries regulator."
)
DOC = Document(doc_id=content_hash(TEXT), title="Kessford harbour talks",
               source="harbour.txt", text=TEXT)


@pytest.fixture
def verifier(services) -> Verifier:
    return verifier_over(services, [DOC])


@pytest.mark.parametrize(
    ("question", "says", "not_says"),
    [
        # "Who did X recognise": the one recognised, not the delegates (and an organisation
        # answers "who" when no person does).
        ("Who did the twelve nations agree to recognise as the region's legitimate authority?",
         "Coastal Alliance", "Delegates"),
        # "As what ...?": what follows "as" after the question's verb.
        ("As what did the twelve nations agree to recognise the Coastal Alliance?",
         "legitimate authority", "Delegates"),
        # What the minister asked for, not the minister and not the port authority.
        ("What has the fisheries minister asked the port authority to do?",
         "publish its catch records", "Anke Roos"),
        # The figure the levy was cut to.
        ("How much is the harbour levy under the revised plan?", "3.8 per cent", "4.5"),
        # What the question's own verb takes through a preposition.
        ("Which groups did the delegates consult before the vote?", "fishing crews",
         "Reuters"),
        # "What was the purpose of ...?" asks why.
        ("What was the purpose of the fisheries vote?", "settle the quota dispute",
         "Reuters"),
        # What a party says about a topic may leave the topic's names to the rest of the
        # document.
        ("What did Mara Lind say about the Velmora talks?", "turning point", "Reuters"),
        # "What is X doing?": what X does, not what X is.
        ("What is Harbour Watch doing?", "patrolling the northern straits", "Reuters"),
        # "US" in capitals is the U.S., and the rest typed in lower case still finds names.
        ("when did the US close its consulate in kessford?", "March", "Reuters"),
        # A title asked in lower case is a word asked about, though written in a name.
        ("Who is the deputy minister of fisheries?", "Paul Odo", "Ruth Amani"),
        # "What's the name of <a description>?": the name the description stands beside.
        ("what's the name of the new fisheries regulator?", "Coastal Alliance", "Reuters"),
        # A question that negates its verb is answered by what a sentence denies.
        ("What did Lind say the fishing crews don't want?", "second vote", "new pier"),
        # "Per which agency": who reports it, not who is reported.
        ("Per which news agency did the port authority call the talks a first step?",
         "Reuters", "port authority"),
    ],
)
def test_questions_read_by_their_grammar(
    verifier: Verifier, question: str, says: str, not_says: str
) -> None:
    answer = verifier.verify(question)
    assert answer.verdict.value == "ANSWERED", answer.text
    assert says in answer.text, answer.text
    assert not_says not in answer.text.split("\n")[0], answer.text


def test_a_do_after_the_question_word_makes_it_the_object(services) -> None:
    parser = services.parser
    q = read_question("Who did America and over 30 other nations recognize as Libya's "
                      "legitimate representatives?", parser)
    assert q.wh_role == ""
    assert read_question("Who did it?", parser).wh_role == "subject"
    assert read_question("Who designed the bridge?", parser).wh_role == "subject"


def test_the_subject_after_an_auxiliary_is_not_the_answers_type(services) -> None:
    parser = services.parser
    assert read_question("What has the health minister asked the agency to do?",
                         parser).expects == "THING"
    assert read_question("What is the health minister's name?", parser).expects == "PERSON"


def test_a_time_is_not_a_reason(verifier: Verifier) -> None:
    """"closed since January 12" says since when, not why."""
    answer = verifier.verify("Why was the old harbour bridge closed to lorries?")
    assert answer.verdict.value == "NOT_ENOUGH_INFO", answer.text


def test_a_topic_with_an_abbreviation_still_asks_what_a_party_says(services) -> None:
    q = read_question("What did Mara Lind say about the U.N. talks?", services.parser)
    assert (q.form, q.speaker) == ("says", "Mara Lind")


@pytest.mark.parametrize(("later", "verdict"), [("2026-10-02", "ANSWERED"),
                                                 ("2026-08-02", "DISPUTED")])
def test_a_figure_given_as_extended_to_updates_an_older_one(
    services, later: str, verdict: str
) -> None:
    """"has extended its recall to 22 batches", published after "recalled 14 batches": an
    update, not a conflict (published before it, the two disagree)."""
    first = "Marlow Pharma recalled 14 batches of its Tavren tablets on Monday."
    second = "Marlow Pharma has extended its recall of Tavren tablets to 22 batches."
    verifier = verifier_over(services, [
        Document(doc_id=content_hash(first), title="Tavren recall", source="a.txt", text=first,
                 published="2026-09-01"),
        Document(doc_id=content_hash(second), title="Tavren recall widened", source="b.txt",
                 text=second, published=later),
    ])
    answer = verifier.verify("How many batches of Tavren are being recalled?")
    assert answer.verdict.value == verdict, answer.text
    assert "22" in answer.text, answer.text


def test_a_role_for_someone_is_not_their_title(verifier: Verifier) -> None:
    answer = verifier.verify("What is Tomas Brandt's job?")
    assert answer.verdict.value == "NOT_ENOUGH_INFO", answer.text


def test_what_a_party_told_as_that_is_the_sentence_before(services) -> None:
    """"Harbour officials told the ferry operators that on Friday": "that" is what the
    sentence before says; "told them that the pier ..." is a clause of its own."""
    text = ("Pier closure\n\nThe pier will reopen in May and tolls will rise by a fifth. "
            "Harbour officials told the ferry operators that on Friday, a council "
            "spokeswoman said.")
    verifier = verifier_over(services, [
        Document(doc_id=content_hash(text), title="Pier closure", source="p.txt", text=text)])
    answer = verifier.verify("What did the harbour officials tell the ferry operators?")
    assert answer.verdict.value == "ANSWERED", answer.text
    assert "reopen in May" in answer.text, answer.text
    from bot.engine.answers import _refers_back

    q = read_question("What did the harbour officials tell the ferry operators?",
                      services.parser)
    clause = services.parser.parse("Harbour officials told the ferry operators that the pier "
                                   "would close.")
    assert _refers_back(q, clause) is None
