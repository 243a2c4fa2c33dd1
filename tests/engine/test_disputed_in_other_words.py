"""A claim two sides disagree on, put in words neither side uses: a deed of both sides is
neither side's own to settle; the other side's answer may lie anywhere in the report that
gives the first side's statement; "in order to" and "rebuild" give a purpose as "to" and
"repair" do; "X and Y met" is "the two nations" met; denying a negotiation denies bargaining
or hammering out terms, and what a meeting "amounted to" is what it was; a sentence without
the purpose a claim gives an occasion is no paraphrase of it; a further meeting "scheduled" is
one arranged, which "no plan" denies; and who did a thing first did it where it first
happened."""

from __future__ import annotations

import pytest

from ..conftest import ask_over, cited_quotes

# A long report: the other side's words are far from a claim's wording, and from the top of
# what a search for the claim finds.
REPORT = (
    "Secret Arlo Meeting Was No Negotiation, Sweden Says\n\n"
    "Two senior Swedish envoys held a secret meeting on May 3 with representatives of the "
    "Norwegian government in Arlo.\n\n"
    "A Swedish foreign ministry official said the meeting was not a negotiation, and was "
    "intended only to deliver a warning about the border.\n\n"
    "The official said that the meeting was not the start of talks and that there is no plan "
    "to hold another session.\n\n"
    "In Oslo, a government spokesman described the Arlo meeting as a \u201cfirst-step "
    "dialogue\u201d to repair ties between the two nations.\n\n"
    "\u201cThis is a first step and we want to take further steps,\u201d said the Norwegian "
    "spokesman, Ivo Marsh.\n\n"
    "Sweden closed its embassy in the Norwegian capital in January. The border has been shut "
    "since the spring floods. Fishing boats from both countries have stayed in port. Grain "
    "prices in Arlo rose by a third over the winter. The Arlo city council met on Tuesday to "
    "discuss the harbour. Its mayor said repairs to the quay would start in June. A new ferry "
    "line to the islands opened last week. Rail workers in Sweden ended a two-day strike on "
    "Monday. The national museum in Arlo reopened after a year of renovation. Heavy rain is "
    "expected in the north this weekend. Norway's football team won its match on Sunday."
)


def test_a_deed_of_both_sides_is_disputed_by_the_other_side_s_words(services) -> None:
    """"Swedish envoys and Norwegian officials" are both sides: the Swedish official's "no
    plan" does not settle it, and the Norwegian spokesman's "further steps" is found in the
    report that gives it."""
    answer = ask_over(services, "Will Swedish envoys and Norwegian officials meet "
                                "again?", [REPORT])
    assert answer.verdict.value == "DISPUTED", answer.text
    quotes = cited_quotes(answer)
    assert "no plan to hold another session" in quotes and "further steps" in quotes, quotes


def test_a_purpose_in_other_words_is_met_by_the_side_that_gives_it(services) -> None:
    """"met in order to rebuild the relationship" is what the Norwegian spokesman says: "a
    dialogue to repair ties between the two nations"."""
    answer = ask_over(services, "Didn't the Swedes and Norwegians meet in order to rebuild "
                                "the relationship between their countries?", [REPORT])
    assert answer.verdict.value in ("SUPPORTED", "DISPUTED"), answer.text
    assert "repair ties" in cited_quotes(answer), answer.text


@pytest.mark.parametrize("question", [
    "Did the two sides bargain at the Arlo meeting?",
    # a verb with its particle, of the same meaning
    "Were the two sides hammering out terms at the Arlo meeting?",
    # what it amounted to is what it was
    "Did the Arlo meeting amount to a negotiation?",
])
def test_a_denied_negotiation_is_denied_bargaining(services, question: str) -> None:
    answer = ask_over(services, question, [REPORT])
    assert answer.verdict.value in ("REFUTED", "DISPUTED"), answer.text
    assert "was not a negotiation" in cited_quotes(answer), answer.text


def test_a_denied_negotiation_is_no_denial_of_talking(services) -> None:
    """Talks are more than negotiations: "not a negotiation" does not say nobody talked."""
    answer = ask_over(services, "Did the Swedish and Norwegian envoys have a dialogue in Arlo?", [
        "The Swedish and Norwegian envoys had a dialogue in Arlo on May 3.\n\n"
        "A Swedish official said the meeting was not a negotiation."])
    assert answer.verdict.value == "SUPPORTED", answer.text


def test_an_occasion_s_purpose_must_be_said(services) -> None:
    """Close in meaning, but without the purpose the claim gives the meeting."""
    answer = ask_over(services, "Did the two envoys meet in Arlo in order to rebuild the "
                                "relationship between their countries?", [
        "Two envoys from Sweden met diplomats from other countries in Arlo in May.",
        "The Arlo city council met on Tuesday to discuss the harbour."])
    assert answer.verdict.value == "NOT_ENOUGH_INFO", answer.text


def test_a_visit_s_purpose_is_the_visit(services) -> None:
    """"went to see" is "visited": the purpose of a visit is no purpose given an occasion."""
    answer = ask_over(services, "Did the Ardesian consul go to see Venn in prison every month?", [
        "Ardesia kept its embassy open, and its consul visited Venn in prison every month."])
    assert answer.verdict.value == "SUPPORTED", answer.text


def test_a_further_meeting_arranged_is_denied_by_no_plan_for_one(services) -> None:
    """"scheduled another meeting" claims a further one arranged: "no plan to hold another
    session" denies it, and the other side's wish for further steps does not make it."""
    answer = ask_over(services, "Have Swedish and Norwegian officials scheduled another "
                                "meeting?", [REPORT])
    assert answer.verdict.value == "REFUTED", answer.text
    assert "no plan to hold another session" in cited_quotes(answer), answer.text


DISCLOSED = ("Disclosure of the Arlo meeting came first in Oslo, where a Norwegian government "
             "spokesman described it as a first step.")


def test_who_did_it_first_did_it_where_it_first_happened(services) -> None:
    """"first revealed by Stockholm" is first revealed in Sweden, not in Oslo."""
    answer = ask_over(services, "Was the Arlo meeting first revealed by Stockholm?", [DISCLOSED])
    assert answer.verdict.value == "REFUTED", answer.text


def test_the_first_doer_where_it_first_happened_agrees(services) -> None:
    answer = ask_over(services, "Was the Arlo meeting first revealed by Oslo?", [DISCLOSED])
    assert answer.verdict.value == "SUPPORTED", answer.text
