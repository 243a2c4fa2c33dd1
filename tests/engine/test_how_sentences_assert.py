"""Whether a sentence asserts what it seems to: a plan (or no plan) says nothing of what was
done; a consequence given on a condition is not asserted without it; "not the 2 million
estimated by the surveyors" rules out the figure, not that they gave it; turning down,
refusing and opposing agree with "did not accept"; "unpaid" is "paid" denied, "safe" the
opposite of "unsafe" however sure the model is; a correction's earlier version and a
withdrawn statement are taken back; what X denied stays denied when another asserts it; a
thing named with another figure ("Carrick 40 mg") is another thing; a claim of a plan, of a
deed done toward someone, or of a deed stopped needs that word; the request refused does not
contradict the refusal."""

from __future__ import annotations

import pytest

from bot.engine.claims import make_claim
from bot.engine.stance import blend
from bot.types import Stance

from ..conftest import ask_over, cited_quotes

REPORT = (
    "Weir Street Pool Stays Shut as Tavistry Council Passes Budget\n\n"
    "Tavistry council approved its budget on Monday. The Weir Street pool has been closed "
    "to swimmers since March, when a pump failed.\n\n"
    "The council has no plans to close the Weir Street pool to club training this winter, "
    "a council spokesman said.\n\n"
    "The council's surveyors put the cost of the repairs at 2 million crowns in April. "
    "Councillor Ada Quill said the repairs would cost 3 million crowns, not the 2 million "
    "estimated by the council's surveyors.\n\n"
    "Quill also rejected the idea of a parking charge at the pool.\n\n"
    "The swimming club has asked the council for an independent review of the pump "
    "contract. The council has rejected the club's request for an independent review.\n\n"
    "The pool is safe for swimmers under the new rules, the spokesman said.\n\n"
    "The council has denied that it knew of the pump fault in January. Quill said the "
    "council had known of the fault since January.\n\n"
    "Correction: An earlier version of this report said the repairs began in May. They "
    "began in June."
)


def test_a_plan_denied_says_nothing_of_what_was_done(services) -> None:
    answer = ask_over(services, "Has the Weir Street pool been closed to swimmers since "
                                "March?", [REPORT])
    assert answer.verdict.value == "SUPPORTED", answer.text
    assert "no plans" not in cited_quotes(answer), answer.text


def test_the_ruled_out_figure_is_still_ruled_out(services) -> None:
    """Control: the figure itself is still ruled out, by Quill against the surveyors."""
    answer = ask_over(services, "Will the repairs cost 2 million crowns?", [REPORT])
    assert answer.verdict.value == "DISPUTED", answer.text
    assert "not the 2 million" in cited_quotes(answer), answer.text


@pytest.mark.parametrize(("question", "verdict"), [
    # "not the 2 million estimated by the council's surveyors" does not deny that they did
    ("Did the council's surveyors estimate the repairs at 2 million crowns?", "SUPPORTED"),
    # opposing agrees with rejecting
    ("Did Quill oppose a parking charge at the pool?", "SUPPORTED"),
    # the model reads "refused" as contradicted by the request itself, which was refused
    ("Did the council refuse the swimming club's request for an independent review?",
     "SUPPORTED"),
    # a word and its negative form are opposites, whatever the model reads
    ("Is the pool unsafe for swimmers?", "REFUTED"),
    # what the council denied stays denied when Quill asserts it
    ("Did the council deny that it knew of the pump fault in January?", "SUPPORTED"),
    # a correction's earlier version contradicts nothing
    ("Did the repairs begin in June?", "SUPPORTED"),
])
def test_what_the_report_asserts(services, question: str, verdict: str) -> None:
    answer = ask_over(services, question, [REPORT])
    assert answer.verdict.value == verdict, answer.text


@pytest.mark.parametrize(("claim", "sentence", "expected"), [
    # a consequence given on a condition, claimed without it
    ("The pool will stay shut until the spring.",
     "If the lottery grant is not approved, the pool will stay shut until the spring.",
     Stance.NEUTRAL),
    # ... and claimed with it, its "not" inside the condition on both sides
    ("The pool will stay shut until the spring if the lottery grant is not approved.",
     "If the lottery grant is not approved, the pool will stay shut until the spring.",
     Stance.SUPPORTS),
    # turning down is not accepting
    ("The cabinet turned down the Friends' proposal to shorten opening hours.",
     "The cabinet did not accept a proposal from the Friends to shorten opening hours.",
     Stance.SUPPORTS),
    ("The council refused the ferry company's request for a review.",
     "The council has rejected the ferry company's request for a review.",
     Stance.SUPPORTS),
    # "unpaid" is "paid" denied
    ("The council has not paid 1.3 million merks of its invoices.",
     "The council has left invoices worth 1.3 million merks unpaid since January.",
     Stance.SUPPORTS),
    # a withdrawn statement is taken back
    ("The pump was 20 years old.",
     "The council has withdrawn its statement that the pump was 20 years old.",
     Stance.REFUTES),
    # "There were reports that ..." asserts nothing
    ("A supermarket chain has offered to buy the library building.",
     "There were unconfirmed reports this week that a supermarket chain had offered to buy "
     "the library building.", Stance.NEUTRAL),
    # a deed toward someone, and a deed stopped, need their verb
    ("The regional fund has approved the town's grant.",
     "The town has applied to the regional fund for a grant of 15 million crowns.",
     Stance.NEUTRAL),
    ("Patients should stop taking Carrick 20 mg immediately.",
     "Around 9,000 patients take Carrick 20 mg, according to the agency.", Stance.NEUTRAL),
])
def test_what_a_sentence_asserts(rules, claim: str, sentence: str, expected: Stance) -> None:
    judgement = rules.analyse(claim, [sentence], [0.7])[0]
    assert judgement.score.label is expected, judgement.score


@pytest.mark.parametrize(("claim", "sentence", "model"), [
    # whatever the model reads into "not affected", it is said of another dose
    ("The regulator ordered a recall of Carrick 20 mg.",
     "Carrick 40 mg tablets are not affected by the recall.", (0.05, 0.9, 0.05)),
    # "discussed selling" is not "planning to sell", however sure the model is
    ("The council is planning to sell the pool.",
     "Councillors have discussed selling the pool to a developer.", (0.95, 0.02, 0.03)),
])
def test_what_the_model_cannot_read_into_a_sentence(rules, claim: str, sentence: str,
                                                    model: tuple[float, ...]) -> None:
    judgement = rules.analyse(claim, [sentence], [0.7])[0]
    assert judgement.score.label is Stance.NEUTRAL, judgement.score
    assert blend(judgement.score, model, 0.7).label is Stance.NEUTRAL


def test_a_question_led_by_a_condition_keeps_it(parser) -> None:
    claim = make_claim("If the new ferry isn't ready by April, will the old company keep "
                       "running the route until December?", parser)
    assert claim.text == ("The old company will keep running the route until December if "
                          "the new ferry isn't ready by April."), claim.text
