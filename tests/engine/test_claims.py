from __future__ import annotations

import pytest

from bot.engine.claims import make_claim


@pytest.mark.parametrize(
    ("question", "claim"),
    [
        ("Did the U.S. close its embassy in Tripoli?", "The U.S. closed its embassy in Tripoli."),
        ("Did Gene Cretz take part in the meeting?", "Gene Cretz took part in the meeting."),
        ("Is NATO leading an air campaign over Libya?",
         "NATO is leading an air campaign over Libya."),
        ("Was the meeting first disclosed in Washington?",
         "The meeting was first disclosed in Washington."),
        ("Does NATO lead the campaign?", "NATO leads the campaign."),
        # The tagger reads "launch" as a noun and "talks" as the verb: after "did" the verb
        # is in its base form, never "talks".
        # A question typed without its question mark is still a question.
        ("so was the summit held in Nairobi", "The summit was held in Nairobi."),
        ("Did the meeting launch talks between the two countries?",
         "The meeting launched talks between the two countries."),
        ("Has the council met?", "The council has met."),
        ("Is it true that the embassy closed?", "The embassy closed."),
        ("The meeting was a negotiation", "The meeting was a negotiation."),
        # Hearsay and tags frame the statement to check; they are not part of it.
        ("so the vote was postponed, right?", "The vote was postponed."),
        ("I read that the mayor resigned in March.", "The mayor resigned in March."),
        ("someone told me the port reopened on Monday", "The port reopened on Monday."),
        ("Is it true the bridge was closed?", "The bridge was closed."),
        ("The talks collapsed, didn't they?", "The talks collapsed."),
        ("The mayor resigned, is that right?", "The mayor resigned."),
        ("Did the union accept the offer or not?", "The union accepted the offer."),
        # Where the parse misplaces the subject's end, the statement that parses decides.
        # one of those at the summit is at the summit (membership.py)
        ("Was Norway one of the countries at the summit?", "Norway was at the summit."),
        ("Did the city council object to the plan?", "The city council objected to the plan."),
        ("Wasn't the harbour strike a protest over wages?",
         "The harbour strike was a protest over wages."),
        ("Did the Kessford port authority order the closure?",
         "The Kessford port authority ordered the closure."),
        ("Didn't the Ostrevia meeting open a dialogue?", "The Ostrevia meeting opened a dialogue."),
        ("Will Dalvane reimburse patients?", "Dalvane will reimburse patients."),
        ("Can the port reopen next week?", "The port can reopen next week."),
        ("Can't the council meet on Monday?", "The council can meet on Monday."),
        # A subject goes on past "and": the verb does not start at a conjunction.
        ("Have talks between the port and the union resumed?",
         "Talks between the port and the union have resumed."),
    ],
)
def test_questions_become_statements(parser, question: str, claim: str) -> None:
    assert make_claim(question, parser).text == claim


def test_this_is_resolved_from_the_sources(parser) -> None:
    seen = []

    def find_subject(text: str, predicate: str) -> str:
        seen.append(predicate)
        return "the meeting"

    claim = make_claim("Was this a negotiation?", parser, find_subject=find_subject)
    assert claim.text == "The meeting was a negotiation."
    assert seen == ["was a negotiation"]


def test_this_is_resolved_from_the_history_first(parser) -> None:
    history = [{"role": "user", "content": "Was the summit a success?"},
               {"role": "assistant", "content": "Disputed: ..."}]
    claim = make_claim("Was it a negotiation?", parser, history,
                       find_subject=lambda t, p: "the meeting")
    assert claim.text == "The summit was a negotiation."


def test_follow_up_about_a_party_keeps_the_claim(parser) -> None:
    history = [{"role": "user", "content": "Was the meeting a negotiation?"}]
    claim = make_claim("And what did Libya say?", parser, history)
    assert claim.text == "The meeting was a negotiation."
    assert claim.speaker == "Libya"


def test_open_questions_are_marked(parser) -> None:
    claim = make_claim("What is the capital of France?", parser)
    assert claim.is_open
