"""Plain questions a first reader asks, read by what they ask: "What was the nature of the
meeting?" asks each source's account of it; "What was the meeting meant to do?" its purpose;
"What did they wrongly believe?" the clause the belief governs; "With whom among the rebels
did they consult?" the one of several a word asked about describes."""

from __future__ import annotations

from ..conftest import ask_over

TALKS = ("Envoys Meet in Carrow\n\n"
         "Two Velmoran envoys met officials of the Ostrevian government in Carrow on March 3, "
         "the Velmoran foreign ministry said.\n\n"
         "A Velmoran foreign ministry official said the meeting was not a negotiation and was "
         "intended only to deliver a warning about the border.\n\n"
         "The ministry feared that Ostrevian officials wrongly believed Velmora would accept "
         "new checkpoints on the border.\n\n"
         "Before the meeting, the envoys consulted with diplomats from neighbouring states as "
         "well as with leaders of the Free Hills Council, the opposition governing body.\n\n"
         "An Ostrevian spokesman described the meeting as the start of a dialogue to restore "
         "trade.\n\n"
         "The envoys were Lena Varg and Tomas Oder of the Velmoran Trade Department.")


def test_the_nature_of_a_meeting_is_each_source_s_account(services) -> None:
    answer = ask_over(services, "What was the nature of the meeting in Carrow?", [TALKS])
    assert answer.verdict.value == "DISPUTED", answer.text
    assert "not a negotiation" in answer.text and "start of a dialogue" in answer.text, \
        answer.text


def test_what_a_meeting_was_meant_to_do_is_its_purpose(services) -> None:
    answer = ask_over(services, "According to the Velmoran foreign ministry, what was the "
                      "meeting meant to do?", [TALKS])
    assert answer.verdict.value == "ANSWERED", answer.text
    assert "deliver a warning" in answer.text, answer.text


def test_what_a_party_believed_is_the_clause_the_belief_governs(services) -> None:
    answer = ask_over(services, "What did Ostrevian officials mistakenly think about "
                      "Velmora's position?", [TALKS])
    assert answer.verdict.value == "ANSWERED", answer.text
    assert "accept new checkpoints" in answer.text, answer.text


def test_of_several_partners_the_one_the_question_describes(services) -> None:
    answer = ask_over(services, "With whom among the opposition did the envoys consult before "
                      "the meeting?", [TALKS])
    assert answer.verdict.value == "ANSWERED", answer.text
    assert answer.text.startswith("leaders of the Free Hills Council") or answer.text.startswith(
        "Leaders of the Free Hills Council"), answer.text


def test_without_a_word_that_picks_one_every_partner_in_order(services) -> None:
    answer = ask_over(services, "Who did the envoys consult before the meeting?", [TALKS])
    assert answer.verdict.value == "ANSWERED", answer.text
    assert answer.text.lower().startswith("diplomats"), answer.text
    assert "leaders of the Free Hills Council" in answer.text, answer.text


def test_which_department_with_its_country_asks_which_one(services) -> None:
    # "which velmoran department": a department, the country only says whose
    answer = ask_over(services, "which velmoran department is tomas oder from", [TALKS])
    assert answer.verdict.value == "ANSWERED", answer.text
    assert answer.text.lower().startswith(("the velmoran trade department",
                                           "velmoran trade department")), answer.text


FORUM = ("Ferry Owners Meet\n\n"
         "The Harbour Forum, a trade body of ferry owners, met in Kessford on Monday.\n\n"
         "Its members agreed to raise fares in April.\n\n"
         "Delegates from three ports attending a fares hearing backed the rise.")


def test_what_kind_of_thing_a_named_thing_is(services) -> None:
    # "What kind of body is X?" asks what X is, typed with or without its question mark.
    for question in ("What kind of body is the Harbour Forum?",
                     "what kind of body is the harbour forum"):
        answer = ask_over(services, question, [FORUM])
        assert answer.verdict.value == "ANSWERED", answer.text
        assert "trade body of ferry owners" in answer.text, answer.text


def test_who_attended_is_the_people_a_participle_describes(services) -> None:
    # "delegates from three ports attending the meeting": named by what they are
    answer = ask_over(services, "Who attended the fares hearing?", [FORUM])
    assert answer.verdict.value == "ANSWERED", answer.text
    assert answer.text.lower().startswith("delegates from three ports"), answer.text


SUMMIT = ("Grain Pact Signed\n\n"
          "Ministers of nine states gathered for the Carrow summit, which opened on 4 May in "
          "the port city.\n\n"
          "Velmora signed the grain pact at the Carrow summit, its trade minister said.\n\n"
          "Ostrevia signed the fisheries accord on 9 June.")


def test_a_deed_set_at_an_occasion_has_the_occasion_s_date(services) -> None:
    # "at the Carrow summit": the page dates the summit in another sentence
    answer = ask_over(services, "When did Velmora sign the grain pact?", [SUMMIT])
    assert answer.verdict.value == "ANSWERED", answer.text
    assert answer.text.startswith("4 May"), answer.text
    # a deed with a date of its own keeps it
    answer = ask_over(services, "When did Ostrevia sign the fisheries accord?", [SUMMIT])
    assert answer.text.startswith("9 June"), answer.text
