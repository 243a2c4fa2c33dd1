"""Open questions as people type them: lower case, contractions, other names for a party,
"according to X", "what <kind of thing> ...?", on documents written for these tests."""

from __future__ import annotations

import pytest

from bot.engine.casing import spelled_out, true_case, typed_lower
from bot.pipeline import Verifier
from retrieval.documents import content_hash
from retrieval.types import Document

from ..conftest import verifier_over

TEXT = (
    "Officials from Velmora and Ostrevia held a closed meeting on May 3 in Kessford, the "
    "Velmoran foreign ministry said.\n\n"
    "The State Council of Velmora said the meeting was not a negotiation and was intended "
    "only to deliver a warning about fishing quotas.\n\n"
    "The decision to meet in person reflected Velmoran concern that Ostrevia had misread its "
    "position on the quotas, the council said.\n\n"
    "Delegates from twelve nations attended the Harbour Forum summit on May 2 in Kessford, "
    "where they decided to create a joint coast guard.\n\n"
    "Ostrevia's foreign ministry spokesman, Dario Pell, said the talks were a first step. "
    "The Velmoran Deputy Minister of Fisheries, Anke Roos, led the Velmoran side.\n\n"
    "Velmora kept the time and place of the meeting secret, its state broadcaster stated."
)
DOC = Document(doc_id=content_hash(TEXT), title="Quota talks in Kessford",
               source="quota.txt", text=TEXT)


def test_contractions_are_spelled_out() -> None:
    assert spelled_out("where'd the meeting happen?") == "where did the meeting happen?"
    assert spelled_out("What’s the name of the spokesman?") == "What is the name of the spokesman?"
    assert spelled_out("Didn't they meet?") == "Didn't they meet?"


@pytest.mark.parametrize(
    ("typed", "plain"),
    [
        # (the thing named first is what "it" stands for)
        ("the blockade - which month did it get going", "which month did the blockade begin"),
        ("when did the strike get under way?", "when did the strike begin?"),
        ("did the union get the message?", "did the union understand?"),
        ("what did the union get wrong?", "what did the union wrongly believe?"),
        ("Where was the May 3 meeting first made public?",
         "Where was the May 3 meeting first disclosed?"),
    ],
)
def test_idioms_are_read_as_their_plain_verbs(typed: str, plain: str) -> None:
    assert spelled_out(typed) == plain


def test_a_chat_question_word_after_a_lead_is_spelled_out() -> None:
    assert spelled_out("the ministry spokesman - whats his name") == (
        "the ministry spokesman - what is his name")
    assert spelled_out("the council, whos on it") == "the council, who is on it"
    # ("Whats" in capitals is a name; "it" is the group named first)
    assert spelled_out("the Whats app group - who runs it") == "who runs the Whats app group"


def test_a_passive_description_asks_what_the_thing_is_or_what_its_describer_says() -> None:
    # "In the article, ...": the documents are what every question is put to.
    assert spelled_out("In the article, how is the Harbour Forum described?") == (
        "What is the Harbour Forum?")
    assert spelled_out("How was the meeting described by Dario Pell?") == (
        "How did Dario Pell describe the meeting?")
    assert spelled_out("how are the talks characterised by the two sides") == (
        "How do the two sides describe the talks")


def test_a_question_typed_in_lower_case_takes_the_documents_capitals() -> None:
    assert typed_lower("who is the spokesman for ostrevia?")
    assert not typed_lower("Who is the spokesman for Ostrevia?")
    cased = true_case("why did velmora meet ostrevia in may?", [TEXT])
    assert cased == "Why did Velmora meet Ostrevia in may?"  # "may" stays a common word
    assert true_case("what did washington say?", []) == "What did Washington say?"
    # A possessive is read on the name the documents write, with either apostrophe.
    assert true_case("what is ostrevia's claim?", ["Yesterday Ostrevia’s envoy spoke."]) == (
        "What is Ostrevia's claim?")
    # A name's possessive typed without its apostrophe.
    assert true_case("what is dario pells job?", [TEXT]) == "What is Dario Pell's job?"
    # Words in capitals ("US", "NATO") do not show that names were typed with theirs.
    assert typed_lower("who's the US ambassador to libya?")


def test_an_english_word_is_capitalised_only_beside_the_name_it_is_part_of() -> None:
    # The documents write "department" only in "Harbour Department": "which velmoran
    # department" asks for a department, "the harbour department" names that one.
    text = "An official of the Velmoran Harbour Department said the port would reopen."
    english = {"department", "harbour", "official", "port"}.__contains__
    assert true_case("which velmoran department is the official from?", [text], english) == (
        "Which Velmoran department is the official from?")
    assert true_case("what did the harbour department say?", [text], english) == (
        "What did the Harbour Department say?")
    # ... across the small words inside a name
    text = "On Monday Assistant Secretary of State Ann Rook met the Department of State staff."
    english = {"assistant", "secretary", "state", "department"}.__contains__
    assert true_case("who is the assistant secretary of state?", [text], english) == (
        "Who is the Assistant Secretary of State?")
    text = "An official of the Velmoran Harbour Department said the port would reopen."
    english = {"department", "harbour", "official", "port"}.__contains__
    # A name that is no English word keeps the capitals it is always written with.
    assert true_case("what did velmoran officials say?", [text], english) == (
        "What did Velmoran officials say?")


@pytest.fixture
def verifier(services) -> Verifier:
    return verifier_over(services, [DOC])


@pytest.mark.parametrize(
    ("question", "says"),
    [
        # Lower case and a contraction.
        ("where'd the closed meeting happen?", "Kessford"),
        ("what's the name of ostrevia's foreign ministry spokesman?", "Dario Pell"),
        # "What <kind of thing> ...": the thing of that kind, named in full.
        ("What gathering took place in Kessford on May 2?", "Harbour Forum summit"),
        # ...or what a verb for it says: "decided to create ..." for a decision.
        ("What decision did the delegates from twelve nations reach?",
         "create a joint coast guard"),
        # A reason given by a verb ("reflected concern that ...").
        ("Why did Velmora choose to meet in person?", "concern that Ostrevia had misread"),
        # "According to X" asks for X's answer; a capital city speaks for its country.
        ("According to the State Council, what was the meeting intended to do?",
         "deliver a warning"),
        ("What does the State Council say about the meeting?", "not a negotiation"),
        ("What is the council's line on the meeting?", "not a negotiation"),
        # A person's "position" is a post; a country's or a body's is a stance.
        ("What is Anke Roos's position?", "Deputy Minister of Fisheries"),
        # Typed without a question mark: read by its word order.
        ("which deputy minister led the velmoran side", "Anke Roos"),
    ],
)
def test_casual_questions_are_answered(verifier: Verifier, question: str, says: str) -> None:
    answer = verifier.verify(question)
    assert answer.kind == "question"
    assert answer.verdict.value == "ANSWERED", answer.text
    assert says in answer.text, answer.text


def test_a_name_in_the_question_matches_only_itself(verifier: Verifier) -> None:
    """"Secretary of State" is not "secret" and "stated": a name has no synonyms."""
    answer = verifier.verify("Who was Secretary of State at the time?")
    assert answer.verdict.value == "NOT_ENOUGH_INFO", answer.text


def test_what_is_denied_keeps_its_negation(verifier: Verifier) -> None:
    answer = verifier.verify("What was the meeting, according to the State Council?")
    assert answer.verdict.value == "ANSWERED"
    assert "not a negotiation" in answer.text, answer.text



@pytest.mark.parametrize(("meetings", "answered"), [
    # "the meeting" of a sentence is "the secret meeting in Harrowgate" asked about, when
    # the story calls no other meeting by a name ...
    ("Envoys of both sides held a secret meeting at Harrowgate on May 3.", True),
    # ... and may be either when it names two.
    ("Envoys met at the Harrowgate meeting on May 3 and at the Lisbon meeting on May 9.",
     False),
])
def test_the_meeting_is_the_one_asked_about_unless_another_is_named(
        services, meetings: str, answered: bool) -> None:
    text = f"{meetings}\n\nThe council said the meeting was intended only to deliver a warning."
    doc = Document(doc_id=content_hash(text), title="Envoys", source="envoys.txt", text=text)
    answer = verifier_over(services, [doc]).verify(
        "What was the purpose of the secret meeting in Harrowgate?")
    assert ("deliver a warning" in answer.text) == answered, answer.text


def test_a_word_for_the_verb_asked_anchors_the_place(services) -> None:
    """"revealed" is "Disclosure ... came first in Vienna": the place of the disclosure, not
    the place that names the talks."""
    text = ("Disclosure of the talks came first in Vienna, where a ministry spokesman "
            "described the Geneva talks as a first step.")
    doc = Document(doc_id=content_hash(text), title="Talks", source="talks.txt", text=text)
    answer = verifier_over(services, [doc]).verify("Where were the talks first revealed?")
    assert answer.verdict.value == "ANSWERED", answer.text
    assert answer.text.startswith("Vienna"), answer.text


def test_words_the_story_never_uses_of_a_thing_do_not_name_it(services) -> None:
    """"the tallest bridge in the world" is not "the bridge" of a story that never calls
    anything the tallest or speaks of the world."""
    text = ("The Dunmore bridge was closed in May for repairs.\n\n"
            "The council said the bridge is the longest in the county.")
    doc = Document(doc_id=content_hash(text), title="Bridge", source="bridge.txt", text=text)
    answer = verifier_over(services, [doc]).verify("What is the tallest bridge in the world?")
    assert answer.verdict.value == "NOT_ENOUGH_INFO", answer.text


@pytest.mark.parametrize(("question", "says", "not_says"), [
    # The one asked about is among those who met: whom they met with answers ...
    ("Who met with Paul Odo?", "union officials", "Ruth Amani"),
    # ... and those who met answer when the other side is asked about.
    ("Who met with the union officials?", "Paul Odo", "Monday"),
])
def test_who_met_with_someone_is_the_other_side(services, question: str, says: str,
                                                not_says: str) -> None:
    text = ("Envoy Ruth Amani, Minister Paul Odo and Commander Ida Berg met with the union "
            "officials in Kessford on Monday.")
    doc = Document(doc_id=content_hash(text), title="Crews", source="crews.txt", text=text)
    answer = verifier_over(services, [doc]).verify(question)
    assert answer.verdict.value == "ANSWERED", answer.text
    assert says in answer.text and not_says not in answer.text, answer.text


HEADLINED = (
    "Secret Talks With Ostrevia Weren't Negotiations, Velmora Says\n\n"
    "Disclosure of the meeting came first in Ostrev, where an Ostrevian government spokesman "
    "described the Kessford meeting as a first step to repair ties between the two nations.\n\n"
    "A Velmoran official said the meeting was not a negotiation, and was intended only to "
    "deliver a warning about fishing quotas.\n\n"
    "Before the talks, Velmoran officials consulted with diplomats from other nations."
)


def test_a_headlines_capitals_name_no_other_talks(services) -> None:
    """"Secret Talks" in a title-case headline are not talks named "Secret": the plain "the
    meeting" of the story is the Kessford one, and both sides' purposes answer."""
    doc = Document(doc_id=content_hash(HEADLINED), title="Quota row", source="k.txt",
                   text=HEADLINED)
    answer = verifier_over(services, [doc]).verify("what were the talks in kessford for")
    assert answer.verdict.value == "DISPUTED", answer.text
    assert "deliver a warning" in answer.text and "repair ties" in answer.text, answer.text


def test_who_did_a_deed_told_as_a_gerund_is_the_subject_of_its_verb(services) -> None:
    """"Velmora joined ... in deciding to recognize the council": Velmora recognized it."""
    text = ("Velmora joined twelve other nations at the Kessford summit in deciding to "
            "recognize the Harbour Council as the port's legitimate authority.")
    doc = Document(doc_id=content_hash(text), title="Summit", source="s.txt", text=text)
    answer = verifier_over(services, [doc]).verify("Who recognized the Harbour Council?")
    assert answer.verdict.value == "ANSWERED", answer.text
    assert "Velmora" in answer.text, answer.text


def test_whose_government_was_met_is_not_who_the_envoys_were(services) -> None:
    """"representatives of Anton Berisha's government": his name says whose government,
    not who the envoys were; the story names no envoy."""
    text = ("Two senior Velmoran officials held a closed meeting on May 3 with "
            "representatives of Anton Berisha's government in Kessford, which said the "
            "meeting was a sign of goodwill.")
    doc = Document(doc_id=content_hash(text), title="Summit", source="s.txt", text=text)
    verifier = verifier_over(services, [doc])
    answer = verifier.verify("who were velmora's two envoys in kessford")
    assert "Berisha" not in answer.text, answer.text
    # ... unless whose it is is what is asked
    answer = verifier.verify("Whose government sent the representatives the Velmorans met?")
    assert "Anton Berisha" in answer.text, answer.text


MEETINGS = (
    "Two ministry officials held a closed meeting May 3 with leaders of the fishermen's "
    "union, the ministry said.\n\n"
    "Before the talks, the officials consulted with delegates attending the Harbour Forum "
    "meeting May 2 in Bergen."
)


@pytest.mark.parametrize(
    ("question", "bergen"),
    [("Where was the May 3 meeting held?", False),
     ("Where was the Harbour Forum meeting held?", True)],
)
def test_a_meeting_asked_by_its_date_is_not_one_named_otherwise(
        services, question: str, bergen: bool) -> None:
    """"the Harbour Forum meeting May 2 in Bergen" is another meeting than "the May 3
    meeting": a month in the question says when, it does not name one."""
    doc = Document(doc_id=content_hash(MEETINGS), title="Quota talks", source="m.txt",
                   text=MEETINGS)
    answer = verifier_over(services, [doc]).verify(question)
    assert ("Bergen" in answer.text) is bergen, answer.text


def test_what_someone_got_wrong_is_what_they_wrongly_thought(services) -> None:
    text = ("The decision to meet in person reflected ministry concern that union leaders "
            "incorrectly thought the quotas would be lifted next year, the ministry said.")
    doc = Document(doc_id=content_hash(text), title="Quotas", source="q.txt", text=text)
    answer = verifier_over(services, [doc]).verify("what did the union leaders get wrong?")
    assert "quotas would be lifted" in answer.text, answer.text
