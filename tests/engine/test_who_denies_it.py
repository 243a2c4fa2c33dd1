"""Who denies it, and what a sentence says of the deed: a denial naming no one ("There is no
agreement to ...") denies it of everyone; a quotation opening after a sentence that reports
someone's words is theirs; a figure given to the claim's verb within its bound meets it; a
sentence naming only who and what, not the deed, neither covers nor paraphrases a claim, and
a headline's closeness is to the story's topic; another date is never read as the claim's."""

from __future__ import annotations

from bot.engine.quotations import quoted_on
from bot.engine.stance import blend
from bot.engine.stance_rules import HEADLINE, NAMES_ONLY, OTHER_DATE, OTHER_VALUE
from bot.types import Candidate, Stance, StanceScore
from retrieval.types import Document, Span

CUP = "The Velden Trust has agreed to hand the silver cup back to Orrin."


def _label(rules, claim: str, sentence: str) -> str:
    [score] = rules.scores(claim, [sentence])
    return score.label.value


def test_a_denial_naming_no_one_denies_it_of_the_claims_subject(rules) -> None:
    assert _label(rules, CUP, "There is no agreement to hand the silver cup back to Orrin.") == (
        "REFUTES")
    assert _label(rules, CUP, "No agreement has been reached to hand the silver cup back to "
                  "Orrin.") == "REFUTES"


def test_a_denial_of_another_one_is_not_of_the_claims(rules) -> None:
    assert _label(rules, "The meeting was held in Orrin.",
                  "There is no plan to hold another meeting.") != "REFUTES"


PAGE = ("Trust and village meet over silver cup\n\n"
        "Mara Quill, the trust's secretary, spoke after the meeting.\n\n"
        "Quill said the trust had made no promise. \"We have not agreed to hand the cup back. "
        "Our position has not changed.\"\n\n"
        "Quill said the talks would go on. \"We are glad. We will wait,\" said Ida Penn.\n")


def _candidate(sentence: str) -> Candidate:
    doc = Document(doc_id="d", title="Trust", source="trust.txt", text=PAGE)
    start = PAGE.index(sentence)
    return Candidate(doc, Span(start, start + len(sentence)), 0, 0.5)


def test_a_quotation_after_a_reported_sentence_is_that_speakers(parser) -> None:
    said = quoted_on(_candidate("\"We have not agreed to hand the cup back."), parser.parse_many)
    assert said is not None and said.speaker == "Quill"


def test_a_quotation_closing_with_its_own_speaker_is_not_the_one_before(parser) -> None:
    said = quoted_on(_candidate("\"We are glad."), parser.parse_many)
    assert said is None or said.speaker != "Quill"


def test_a_figure_given_to_the_claims_verb_within_its_bound_meets_it(rules) -> None:
    claim = "More than 3,000 Orrin students live in halls the college owns."
    assert _label(rules, claim, "The college has about 14,200 students, and 3,100 of them live "
                  "in halls that it owns itself.") == "SUPPORTS"
    assert _label(rules, claim, "The college has about 14,200 students, and 2,100 of them live "
                  "in halls that it owns itself.") == "REFUTES"


SALE = "Velden Homes is planning to sell Marlow Court."


def test_sharing_only_the_claims_names_says_nothing_of_its_deed(rules) -> None:
    """Names a claim and a sentence share make them close whatever each says of them."""
    for sentence in ("Velden Homes has run Marlow Court since 2015.",
                     "The tenants of Marlow Court wrote to Velden Homes on Monday.",
                     "Velden Homes statement on Marlow Court"):
        assert _label(rules, SALE, sentence) == "NEUTRAL"
    assert _label(rules, SALE, "Velden Homes plans to sell Marlow Court.") == "SUPPORTS"
    # A headline written with capitals tells no names apart: its words count as ever.
    assert _label(rules, "Velden Homes Plans To Sell Marlow Court",
                  "Velden Homes plans to sell Marlow Court.") == "SUPPORTS"


def test_closeness_to_the_topic_alone_is_no_support() -> None:
    model = [0.2, 0.1, 0.7]
    for cue in (HEADLINE, NAMES_ONLY):
        assert blend(StanceScore(Stance.NEUTRAL, 0.3, cue), model, 0.85).label is Stance.NEUTRAL
    # A sentence of the body as close to the claim is read as a paraphrase.
    body = StanceScore(Stance.NEUTRAL, 0.3, "not about the claim")
    assert blend(body, model, 0.85).label is Stance.SUPPORTS


def test_another_date_is_never_read_as_the_claims(rules) -> None:
    """The model may read figures in other units as agreeing; two dates never agree."""
    [score] = rules.scores("The Hallam Court meeting was on May 20.",
                           ["Statement from Orrin College on Hallam Court, May 15, 2026"])
    assert score.cue == OTHER_DATE
    model = [0.85, 0.05, 0.10]
    assert blend(StanceScore(Stance.NEUTRAL, 0.4, OTHER_DATE), model, 0.6).label is (
        Stance.NEUTRAL)
    assert blend(StanceScore(Stance.NEUTRAL, 0.4, OTHER_VALUE), model, 0.6).label is (
        Stance.SUPPORTS)
