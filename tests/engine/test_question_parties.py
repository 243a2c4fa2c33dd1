"""Open questions typed in haste, and parties asked about under another name than the one
they speak under, on a document written for these tests."""

from __future__ import annotations

import pytest

from bot.engine.casing import spelled_out
from bot.engine.question_kind import is_open
from bot.pipeline import Verifier

from ..conftest import titled, verifier_over

TEXT = (
    "Officials from Velmora and Ostrevia met on May 3 in Kessford. An Ostrevian government "
    "spokesman described the meeting as a useful exchange of views, according to the Coastal "
    "News Agency.\n\n"
    "“We expect more rounds,” said the Ostrevian spokesman, Dario Pell, the CNA reported.\n\n"
    "The Velmoran Deputy Minister of Fisheries, Anke Roos, led the Velmoran side. A Velmoran "
    "spokesman said the quotas were not discussed.\n\n"
    "Assistant Secretary of Trade Lena Marsh joined the talks on their second day.\n\n"
    "Word of the harbour dues came first from Kessford, where an Ostrevian official described "
    "the dues as “too high” for small boats, according to the Coastal News Agency.\n\n"
    "Norway closed its consulate in Kessford in April."
)
DOC = titled("Harbour talks", TEXT)


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("whos the spokesman for ostrevia", "who is the spokesman for ostrevia"),
        ("wat did velmora keep secret", "what did velmora keep secret"),
        ("hw many nations came?", "how many nations came?"),
        ("Whats the date of the meeting", "What is the date of the meeting"),
        ("so when was the meeting", "when was the meeting"),
        ("ok, where was it held?", "where was it held?"),
        # A capitalised word may be a name; a lead-in before a statement stays.
        ("Wen Jiabao spoke first.", "Wen Jiabao spoke first."),
        ("So the talks failed?", "So the talks failed?"),
    ],
)
def test_question_words_typed_in_haste_are_read_as_meant(typed: str, read: str) -> None:
    assert spelled_out(typed) == read


@pytest.mark.parametrize(
    ("question", "open_"),
    [
        ("Besides Anke Roos, who led the talks?", True),
        ("Apart from Velmora, how many countries took part?", True),
        ("so when was the meeting", True),
        ("When you read it, the statement sounds sure.", False),
        ("After the talks, Velmora left.", False),
    ],
)
def test_a_short_lead_before_the_question_word_keeps_the_question_open(question: str,
                                                                       open_: bool) -> None:
    assert is_open(question) is open_


@pytest.fixture
def verifier(services) -> Verifier:
    return verifier_over(services, [DOC])


@pytest.mark.parametrize(
    ("question", "cites"),
    [
        # Named once with his post; his description is given under that post alone.
        ("How does Dario Pell describe the meeting?", "useful exchange of views"),
        # An agency speaks through what it reports, by its name or its initials.
        ("What did the Coastal News Agency report about the meeting?",
         "useful exchange of views"),
        ("What did the Coastal News Agency report about the harbour dues?", "too high"),
        ("What did the CNA report?", "We expect more rounds"),
    ],
)
def test_a_party_is_heard_under_the_other_names_the_document_gives_it(
        verifier: Verifier, question: str, cites: str) -> None:
    answer = verifier.verify(question)
    assert answer.kind == "question"
    assert answer.verdict.value == "ANSWERED", answer.text
    assert any(cites in c.quote for c in answer.citations), answer.text


def test_a_post_stands_for_its_holder_only(verifier: Verifier) -> None:
    # Anke Roos leads the Velmoran side; a Velmoran spokesman's words are not hers.
    answer = verifier.verify("What did Anke Roos say about the quotas?")
    assert answer.verdict.value == "NOT_ENOUGH_INFO", answer.text


def test_a_sentence_holding_the_whole_question_answers_it_when_no_part_does(
        verifier: Verifier) -> None:
    # No word of the sentence names a department as such; the sentence itself answers.
    answer = verifier.verify("what department is lena marsh an assistant secretary in")
    assert answer.verdict.value == "ANSWERED", answer.text
    assert "Assistant Secretary of Trade" in answer.text
    assert [c.quote for c in answer.citations] == [
        "Assistant Secretary of Trade Lena Marsh joined the talks on their second day."]
    # A sentence that holds only the name is not an answer to what else is asked.
    assert verifier.verify("How old is Lena Marsh?").verdict.value == "NOT_ENOUGH_INFO"
    assert verifier.verify("What does Lena Marsh want Velmora to do?").verdict.value == (
        "NOT_ENOUGH_INFO")


PLACES = (
    "Envoys from Velmora and Ostrevia held a closed meeting on May 3. The decision to hold "
    "face-to-face talks reflected Velmoran concern that Ostrevia wrongly thought Velmora was "
    "ready to accept a naval base in Norway. Ostrevian officials described the Geneva meeting "
    "as a first step."
)


@pytest.mark.parametrize("question", ["Where was the meeting held?",
                                      "Where did the meeting take place?"])
def test_where_is_answered_by_a_place_that_locates_what_is_asked(services, question) -> None:
    # Not by a country that acts ("Velmora was ready"), nor by a place clauses away that
    # locates something else ("a naval base in Norway").
    doc = titled("Talks", PLACES)
    answer = verifier_over(services, [doc]).verify(question)
    assert answer.verdict.value == "ANSWERED", answer.text
    assert answer.text.startswith("Geneva"), answer.text


def test_who_serves_whom_is_the_body_his_post_names(verifier: Verifier) -> None:
    answer = verifier.verify("Who does Dario Pell speak for?")
    assert answer.verdict.value == "ANSWERED", answer.text
    assert answer.text.startswith("Ostrevian"), answer.text
    # Not a name the sentence happens to hold: a sentence naming no body he serves is no answer.
    assert verifier.verify("Who does Lena Marsh work for?").verdict.value == "NOT_ENOUGH_INFO"


def test_a_country_that_does_the_deed_is_who_did_it(verifier: Verifier) -> None:
    answer = verifier.verify("Who closed its consulate in Kessford?")
    assert answer.verdict.value == "ANSWERED", answer.text
    assert answer.text.startswith("Norway"), answer.text



def test_what_a_party_says_is_first_its_own_words(seeded_services) -> None:
    # "A U.S. State Department official said the meeting was not a negotiation" before
    # "Before the talks, U.S. officials consulted ..., according to the State Department
    # official", a sentence of the story it is only the source for.
    answer = Verifier(seeded_services).verify("How does the U.S. describe the meeting?")
    assert answer.verdict.value == "ANSWERED", answer.text
    assert any(w in answer.citations[0].quote for w in ("not a negotiation",
                                                         "not the start of talks")), answer.text


PARTNERS = (
    "Two senior Orlan officials held talks on Monday with envoys of the Kessmark government, "
    "which said the talks were a sign of progress.\n\n"
    "The Orlan trade minister, Ada Voss, met with Piet Dorn in Kessford later that day.\n\n"
    "Before the talks, the Orlan officials consulted the Harbour Forum, a group of port towns."
)
PARTNERS_DOC = titled("Orlan talks", PARTNERS)


@pytest.mark.parametrize(("question", "answer"), [
    # Whom the deed was with: the people a phrase describes, not a name inside it.
    ("Who did the Orlan officials hold talks with?", "envoys of the Kessmark government"),
    ("who did the orlan officials hold talks with", "envoys of the Kessmark government"),
    ("With whom did Ada Voss meet?", "Piet Dorn"),
])
def test_who_a_deed_was_with_is_whoever_the_sentence_puts_after_with(
        services, question: str, answer: str) -> None:
    got = verifier_over(services, [PARTNERS_DOC]).verify(question)
    assert got.verdict.value == "ANSWERED", got.text
    assert got.text.startswith(answer[:1].upper() + answer[1:]) or got.text.startswith(answer)
    # The sentence is the document's own narration, whatever a clause in it reports.
    assert "according to the Kessmark government" not in got.text
