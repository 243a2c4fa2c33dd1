"""Claims a reader puts in words of their own, checked as the documents' plain ones: what an
occasion is said to be a sign of ("shows Velmora is willing to bargain") is what is checked,
and a party's "willingness to negotiate" is the negotiating the other side denies; "a
dialogue ... has begun" is met by "not the start of talks", whoever the dialogue is between;
"was about mending relations" claims what it was about; "amounted to bargaining" is no
occasion named; "marked the start of talks" is being the start of talks; "the meeting in
Ostrevia" says which meeting, not where it was claimed to be; a city in the country the
documents give is left open, and another city's meeting is another meeting; what a party
"felt" is what it sensed; "hold another meeting" is one more to come, and a denial of any
more denies more between whoever the claim names; "announced the meeting"
is not carried by the meeting alone; "the Obama administration" is Washington. Who attended
is neither whom a message is about nor who says what happened there; "took part in" and "was
at" the meeting are attending it."""

from __future__ import annotations

import pytest

from bot.engine.claims import make_claim
from bot.engine.stance_rules import RulesStanceJudge
from bot.pipeline import Verifier
from bot.types import Stance

from ..conftest import ask_over, check_text

SIDES = ("Harbour Talks Were No Negotiation, Velmora Says\n\n"
         "Two Velmoran envoys held a private meeting March 3 with representatives of Omar "
         "Haddani\u2019s government, which said the meeting was a sign of Velmoran willingness "
         "to negotiate with it.\n\n"
         "A Velmoran foreign ministry official said the meeting was not a negotiation, and was "
         "meant only to pass on the demand that Haddani resign.\n\n"
         "The official said that the meeting was not the start of talks and that there is no "
         "plan to hold another session.\n\n"
         "Disclosure of the meeting came first in Ostrevia, where a government spokesman "
         "described the Ostrevia meeting as a \u201cfirst-step dialogue\u201d to repair ties "
         "between the two nations, according to the Coast Press.\n\n"
         "Velmoran diplomats told the Ostrevians that during the meeting and came away with the "
         "sense that their demand was understood, the official said.")
SECRET = ("Envoys Meet in Secret\n\n"
          "Two senior Velmoran officials held a secret meeting May 4 with representatives of "
          "Omar Haddani\u2019s government, which said today the development was a sign of "
          "Velmoran willingness to negotiate.\n\n"
          "A Velmoran Foreign Ministry official said the meeting was not a negotiation, and was "
          "intended only to deliver the message that Haddani must step down.\n\n"
          "Velmoran diplomats told Ostrevians that during the meeting and came away with the "
          "sense that their message about Haddani was understood, said the official.")
CITIES = ("Envoys Meet in Kenya\n\n"
          "The Kenya meeting between the two delegations lasted three hours, a spokesman "
          "said.\n\n"
          "The envoys had attended the Cairo meeting of the regional forum a week earlier.")


@pytest.mark.parametrize(("question", "verdict", "given", "not_given"), [
    # what the occasion is a sign of, and the deed a party is said to be willing to do
    ("Does the meeting show Velmora is willing to negotiate with Haddani's government?",
     "DISPUTED", ["not a negotiation", "willingness to negotiate"], []),
    ("Is the Velmoran government ready to bargain with Haddani's government?",
     "DISPUTED", ["not a negotiation", "willingness to negotiate"], []),
    # a dialogue begun, between whoever it is
    ("Has a dialogue between Velmora and Haddani's government begun?", "DISPUTED",
     ["not the start of talks", "first-step dialogue"], []),
    # what the meeting was about, what it amounted to, what it marked
    ("Was the meeting about mending relations between the two countries?", "DISPUTED",
     ["first-step dialogue"], []),
    ("The private meeting amounted to bargaining between the two sides.", "DISPUTED",
     ["not a negotiation", "willingness to negotiate"], []),
    ("Did the meeting in Ostrevia mark the start of talks between the two countries?",
     "DISPUTED", ["not the start of talks", "first-step dialogue"], []),
    # a party's own sense of it
    ("The Velmoran diplomats felt their demand had been understood.", "SUPPORTED",
     ["their demand was understood"], []),
    # one more to come, held: one side says there is no plan, the other calls it a first step
    ("Will the two sides hold another meeting?", "DISPUTED",
     ["no plan to hold another session", "first-step dialogue"], []),
    ("There will be further meetings between Velmoran diplomats and Haddani's government "
     "after this one.", "DISPUTED", ["no plan to hold another session"], []),
])
def test_claims_in_readers_words(services, question, verdict, given, not_given) -> None:
    check_text(ask_over(services, question, [SIDES]), verdict, given, not_given)


@pytest.mark.parametrize(("question", "given"), [
    # (the three the opening sentence describes, named where another sentence lists them)
    ("Who attended the secret meeting?", "Gene Cretz, Jeffrey Feltman and Derek Chollet"),
    ("Who was at the meeting?", "Gene Cretz, Jeffrey Feltman and Derek Chollet"),
    ("Who took part in the meeting?", "Gene Cretz, Jeffrey Feltman and Derek Chollet"),
    # (nor who described it: "a Libyan government spokesman described the Tunisia meeting")
    ("Who attended the talks?", "Gene Cretz, Jeffrey Feltman and Derek Chollet"),
])
def test_who_attended_is_not_whom_a_message_is_about_nor_who_said_it(seeded_services,
                                                                     question, given) -> None:
    # (on the seed article: "their message about Qaddafi", "the message that Qaddafi must
    # step down", "A U.S. State Department official said the meeting was ...")
    answer = Verifier(seeded_services).verify(question)
    check_text(answer, "ANSWERED", [given], ["Qaddafi,", "State Department,", "spokesman,"])


@pytest.mark.parametrize("question", ["Who attended the secret meeting?",
                                      "Who was at the secret meeting?"])
def test_who_attended_a_meeting_in_fictional_words(services, question) -> None:
    answer = ask_over(services, question, [SECRET])
    check_text(answer, "ANSWERED", ["Velmoran"], ["Haddani", "Foreign Ministry"])


def test_a_city_in_the_country_given_is_left_open(services) -> None:
    # "the Kenya meeting" leaves the city open; "the Cairo meeting" is another meeting
    answer = ask_over(services, "Was the meeting held in Nairobi?", [CITIES])
    assert answer.verdict.value == "NOT_ENOUGH_INFO", answer.text


def test_what_a_claim_says_is_shown_or_marked_is_checked(parser) -> None:
    assert make_claim("Does the meeting show the U.S. is willing to bargain?", parser).text == (
        "The U.S. is willing to bargain.")
    assert make_claim("Did the meeting mark the start of talks?", parser).text == (
        "The meeting was the start of talks.")
    assert make_claim("is washington ready to talk, going by this meeting", parser).text == (
        "Washington is ready to talk.")
    # a denial of what it shows stays the claim's own
    assert make_claim("The meeting does not show the U.S. is willing to bargain.",
                      parser).text == "The meeting does not show the U.S. is willing to bargain."


def test_a_thing_made_known_is_not_carried_by_the_thing_alone(parser) -> None:
    scores = RulesStanceJudge(parser).scores(
        "The State Department announced the meeting with Libyan officials.",
        ["The State Department official described the meeting with Libyan officials."])
    assert scores[0].label is not Stance.SUPPORTS, scores


def test_a_sentence_meeting_the_asserted_part_does_not_contradict_the_denied_one(parser
                                                                                ) -> None:
    judge = RulesStanceJudge(parser)
    said = ["Tripoli wants to move forward all the time."]
    assert judge.scores("Tripoli wants to keep moving ahead.", said)[0].label is Stance.SUPPORTS
    mixed = judge.scores(
        "Tripoli does not want to dwell on the past and wants to keep moving ahead.", said)
    assert mixed[0].label is not Stance.REFUTES, mixed


def test_what_was_wrongly_believed_is_no_paraphrase_of_it(seeded_services) -> None:
    # "Libyan officials incorrectly thought the U.S. was prepared to see a future role for
    # Qaddafi": "ready" is "prepared", and what was wrongly thought carries nothing
    answer = Verifier(seeded_services).verify(
        "Did the Americans signal to the Libyans that they were ready to see Qaddafi keep a "
        "role in the country's future?")
    assert answer.verdict.value == "REFUTED", answer.text
    # ... while a claim that calls the belief mistaken is carried by it
    answer = Verifier(seeded_services).verify(
        "Part of the aim of the talks was to correct a mistaken Libyan belief that Washington "
        "might accept a future role for Qaddafi.")
    assert answer.verdict.value == "SUPPORTED", answer.text
