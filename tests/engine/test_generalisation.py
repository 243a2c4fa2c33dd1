"""Principles the judgement follows, on sentences written for these tests (not the seed's).

Other words for the same thing support; another value refutes only in a slot that holds one
value; a denial must be about what the claim is about; a question asserts nothing and a
yes/no answer asserts or denies its question.
"""

from __future__ import annotations

import pytest

from bot.engine.aliases import canonical, same_entity
from bot.engine.claims import make_claim
from bot.engine.dialogue import DialogueJudge, read
from bot.engine.stance import blend
from bot.engine.stance_rules import (
    ANOTHER_PARTY,
    CHANGED_FROM,
    DENIED,
    NO_PLACE,
    OTHER_PLACE,
    OTHER_VALUE,
    RulesStanceJudge,
)
from bot.types import Candidate, Stance, StanceScore
from retrieval.types import Document, Span


def test_names_for_the_same_country_or_body() -> None:
    assert same_entity("Washington", "the United States")
    assert same_entity("Chinese", "Beijing")
    assert same_entity("the U.N.", "United Nations")
    assert not same_entity("Paris", "Berlin")
    # "us" and "who" are ordinary words unless written in capitals.
    assert canonical("us") is None and canonical("US") == "united states"
    assert canonical("who") is None and canonical("WHO") == "world health organization"


@pytest.mark.parametrize(
    ("question", "claim"),
    [
        ("Was the summit first announced in Oslo?", "The summit was first announced in Oslo."),
        ("Is a second vote planned, according to the clerk?",
         "A second vote is planned, according to the clerk."),
        ("Was the hearing with the two witnesses held in March?",
         "The hearing with the two witnesses was held in March."),
        ("Are the dock workers on strike?", "The dock workers are on strike."),
        ("Did the mayor sign the order?", "The mayor signed the order."),
        # A negative question asks the positive; a "not" after the subject is claimed.
        ("Didn't the mayor sign the order?", "The mayor signed the order."),
        ("Wasn't the hearing a formality?", "The hearing was a formality."),
        ("Did the mayor not sign the order?", "The mayor did not sign the order."),
        # A long subject the parse reads as the complement of the inverted "was".
        ("Was the Harbour Forum summit held in Lisbon?",
         "The Harbour Forum summit was held in Lisbon."),
        # A place or date before a word for an occasion names the occasion: "the Lisbon
        # meeting" is not Lisbon meeting something.
        ("Was the Lisbon meeting a negotiation?", "The Lisbon meeting was a negotiation."),
        ("Wasn't the March 3 gathering secret?", "The March 3 gathering was secret."),
        ("Was the mayor meeting a delegation?", "The mayor was meeting a delegation."),
        # After "is", a name hung on the noun after it is part of the subject.
        ("Is the Weir Street pool unsafe for swimmers?",
         "The Weir Street pool is unsafe for swimmers."),
    ],
)
def test_inverted_questions_become_statements(parser, question: str, claim: str) -> None:
    assert make_claim(question, parser).text == claim


@pytest.mark.parametrize(
    ("claim", "sentence", "expected"),
    [
        # Metonymy: a capital for its government, a demonym for its country.
        ("Washington recognised the new council.",
         "The United States recognised the new council in March.", Stance.SUPPORTS),
        ("Moscow expelled two diplomats.",
         "Russia expelled two diplomats on Friday.", Stance.SUPPORTS),
        # Another party doing the same does not contradict (attendance is not exclusive)...
        ("Brazilian envoys attended the summit.",
         "Argentine envoys attended the summit in Lima.", Stance.NEUTRAL),
        # ...but another place for where one event happened does.
        ("The summit was held in Lima.", "The summit was held in Quito.", Stance.REFUTES),
        # Another date in the same slot refutes, whatever the preposition.
        ("The ceasefire was signed on March 3.",
         "The two sides signed the ceasefire March 9 in a border town.", Stance.REFUTES),
        # How often is not when; "about" and "around" are not values.
        ("The dam is inspected every week.",
         "The dam was closed after an inspection on May 2.", None),
        ("The ferry carried about 900 passengers a day.",
         "The ferry carried around 900 passengers a day last summer.", Stance.SUPPORTS),
        # A modifier says what a predicate says: "a secret vote" = "the vote was kept secret".
        ("The vote was kept secret.",
         "The committee held a secret vote on the proposal.", Stance.SUPPORTS),
        # A denial about something else ("another hearing") is not a denial of the claim.
        ("The hearing was held in public.",
         "The clerk said there is no plan to hold another hearing.", Stance.NEUTRAL),
        # What may be, is feared, requested or ordered is not asserted...
        ("The pier was closed.", "The pier may be closed next month.", Stance.NEUTRAL),
        ("The pier was closed.", "Fishermen feared the pier would be closed.", Stance.NEUTRAL),
        ("The director resigned.", "Staff called on the director to resign.", Stance.NEUTRAL),
        ("The director resigned.", "Resign now, the staff union told the director.",
         Stance.NEUTRAL),
        # ...unless the claim says the same kind of thing.
        ("The union asked the director to resign.",
         "The union has asked the director to resign by Friday.", Stance.SUPPORTS),
        # A reported forecast is the speaker's claim, whatever the tense.
        ("The mayor said fares will rise.", "The mayor said fares would rise.", Stance.SUPPORTS),
        # Reports declared false are denied.
        ("The director resigned.", "Reports that the director had resigned were false.",
         Stance.REFUTES),
        # A close paraphrase with the opposite polarity does not support.
        ("The 5 mg dose is included in the recall.",
         "The 5 mg tablets are not affected by the recall.", Stance.NEUTRAL),
        # A denial whose subject is the verb's own ("the audit found no error").
        ("The audit found an accounting error.",
         "The audit found no accounting error, the ministry said.", Stance.REFUTES),
        # A name is found as a word, not inside one: "UN" is not in "Council".
        ("The UN has recognized the rebels' council as the legitimate government.",
         "Envoys consulted officials from the Transitional National Council, the rebel "
         "governing group, and recognized it.", Stance.NEUTRAL),
        # A verb with its noun is one word ("took part" = "attended"), both ways.
        ("The envoy Mira Solen took part in the ceasefire talks.",
         "Solen attended the ceasefire talks in Kessford.", Stance.SUPPORTS),
        ("Mira Solen attended the ceasefire talks.",
         "Solen took part in the ceasefire talks in Kessford.", Stance.SUPPORTS),
        # A report names a company once, then calls it "the company".
        ("Norland Foods will refund customers for the cost of the recalled jars.",
         "The company will refund customers for the cost of the recalled jars.",
         Stance.SUPPORTS),
        # The claim's place must be where the event was; the same name for where something
        # else happened does not keep another place from refuting.
        ("The summit was held in Quito.",
         "The summit, first announced in Quito, was held in Lima.", Stance.REFUTES),
        # A claim that someone denied something agrees with a sentence saying it was denied,
        # whatever the polarity of what was denied.
        ("The company denied any link between the pills and the rash.",
         "The company has denied any link between the pills and the rash.", Stance.SUPPORTS),
        ("The council rejected the budget.", "The council rejected the budget on Monday.",
         Stance.SUPPORTS),
        # An opposite word contradicts only when said of the same thing: confirming a recall
        # is no opposite of denying a link.
        ("The company denied any link between the pills and the rash.",
         "The company confirmed a recall of the pills on Monday.", None),
        ("The company denied any link between the pills and the rash.",
         "The company confirmed a link between the pills and the rash.", Stance.REFUTES),
        ("The sanctions are meant to keep the general in power.",
         "The sanctions are meant to pressure the general to step down.", Stance.REFUTES),
        # Whoever the claim says did it must be named, as the doer of a passive verb too;
        # "the" is no word of "the Harbour Board".
        ("The meeting was revealed by the State Department.",
         "Disclosure of the meeting came first in Tripoli, where a Libyan government spokesman "
         "described the Tunisia meeting as a first-step dialogue to repair ties between the "
         "two nations, according to the Associated Press.", Stance.NEUTRAL),
        # ... but who did it first did it where it first happened: not in Washington.
        ("The meeting was first revealed by the State Department.",
         "Disclosure of the meeting came first in Tripoli, where a Libyan government spokesman "
         "described the Tunisia meeting as a first-step dialogue to repair ties between the "
         "two nations, according to the Associated Press.", Stance.REFUTES),
        # What someone will or would do is not the deed done.
        ("The mayor met the petition organisers before the vote.",
         "The mayor said she would meet the petition organisers before the vote.",
         Stance.NEUTRAL),
        ("The mayor met the petition organisers before the vote.",
         "The mayor met the petition organisers on Monday, before the vote.", Stance.SUPPORTS),
        # A claim about a further one is not carried by a sentence about the one there was.
        ("The clerk said more hearings are planned.",
         "The clerk said the hearing was intended only to settle the dispute.", Stance.NEUTRAL),
        # "the 15th of July" is July 15; "got together" is a meeting.
        ("The envoys got together on the 15th of July.",
         "The envoys held a meeting on July 16 in Kessford.", Stance.REFUTES),
        ("The envoys met on July 16th.",
         "The envoys held a meeting on July 16 in Kessford.", Stance.SUPPORTS),
        # "found no trace" is "did not find a trace".
        ("Traces of the solvent were also found in other wells near the depot.",
         "The inspectors said their survey had found no trace of the solvent in any other "
         "well near the depot.", Stance.REFUTES),
        # "between X and Y" is "between the two countries" ...
        ("The July 3 visit kicked off a dialogue between Nairobi and Kampala.",
         "Disclosure of the visit came first in Kampala, where a Ugandan spokesman described the "
         "visit as the start of a dialogue to repair ties between the two countries.",
         Stance.SUPPORTS),
        # ... a first step or an opening round is the start ...
        ("The summit was the start of peace talks.",
         "The foreign minister called the summit a first step towards peace talks.",
         Stance.SUPPORTS),
        ("The summit was the opening round of peace talks.",
         "Officials said the summit was not the start of peace talks.", Stance.REFUTES),
        # "the summit" of a report is the Kessford summit a claim names by its place, not
        # another one the sentence names ...
        ("The Kessford summit was the opening round of peace talks.",
         "Officials said the summit was not the start of peace talks.", Stance.REFUTES),
        ("The Kessford summit was the opening round of peace talks.",
         "Officials said the Geneva summit was not the start of peace talks.", Stance.NEUTRAL),
        # ... a claim about one more of its kind is denied by "no plan to hold another" ...
        ("A second round of talks is already on the calendar.",
         "Officials said there is no plan to hold another round of talks.", Stance.REFUTES),
        # ... and what the claim only says to name its subject or its speaker's moment need
        # not be repeated for the claim's figures to count as given: "the 2019 audit" is the
        # audit, "said in March" frames the claim ("the July 3 visit" above too).
        ("The 2019 audit found errors in the port accounts.",
         "The audit found errors in the port accounts, the ministry said.", Stance.SUPPORTS),
        ("Alvarez said in March that the levy would hurt small farms.",
         "The plan was drafted by Rosa Alvarez, who earlier this year had said the levy would "
         "\"hurt small farms\".", Stance.SUPPORTS),
    ],
)
def test_stance_principles(rules, claim: str, sentence: str, expected: Stance | None) -> None:
    """``None``: anything but a contradiction."""
    [score] = rules.scores(claim, [sentence])
    if expected is None:
        assert score.label is not Stance.REFUTES, score
    else:
        assert score.label is expected, score


def _candidates(text: str, *quotes: str) -> list[Candidate]:
    doc = Document("d1", "Fact check", "test", text)
    out = []
    for q in quotes:
        start = text.index(q)
        out.append(Candidate(doc, Span(start, start + len(q)), 0, 0.6))
    return out


QA = (
    "Q: Did the governor veto the housing bill? A: No. She signed it on 4 May.\n"
    "Q: Will the bill raise rents? A: Yes, by up to 2 percent a year.\n"
    "Q: Who wrote the bill? A: No answer could be found."
)


def test_reading_questions_and_answers() -> None:
    ask, no, yes, none = _candidates(
        QA,
        "Q: Did the governor veto the housing bill?",
        "A: No. She signed it on 4 May.",
        "A: Yes, by up to 2 percent a year.",
        "A: No answer could be found.",
    )
    assert read(ask).asks
    assert read(no).question == "Did the governor veto the housing bill?"
    assert read(no).polar and not read(no).affirmed
    assert read(yes).polar and read(yes).affirmed
    assert not read(none).polar  # "No answer" is no denial


def test_a_question_never_supports_and_a_no_denies(parser, embedder) -> None:
    judge = DialogueJudge(RulesStanceJudge(parser, embedder), parser)
    ask, no = _candidates(
        QA, "Q: Did the governor veto the housing bill?", "A: No. She signed it on 4 May."
    )
    asked, answered = judge.judge("The governor vetoed the housing bill.", [ask, no])
    assert asked.score.label is Stance.NEUTRAL
    assert answered.score.label is Stance.REFUTES
    # Without the dialogue reading the question itself reads as support.
    [plain] = RulesStanceJudge(parser, embedder).judge("The governor vetoed the housing bill.",
                                                       [ask])
    assert plain.score.label is Stance.SUPPORTS


def test_a_pronoun_answer_is_read_with_the_question_subject(parser, embedder) -> None:
    text = "Q: How did Councillor Ames vote on the harbour plan? A: She voted for the plan."
    judge = DialogueJudge(RulesStanceJudge(parser, embedder), parser)
    [answer] = judge.judge(
        "Councillor Ames voted for the harbour plan.",
        _candidates(text, "A: She voted for the plan."),
    )
    assert answer.score.label is Stance.SUPPORTS


def test_only_a_denied_main_clause_makes_the_claim_negative(parser) -> None:
    from bot.engine.stance_rules import analyse_claim

    assert analyse_claim("The river did not flood.", parser).main_negated
    assert not analyse_claim("The river flooded because the dam did not hold.",
                             parser).main_negated


@pytest.mark.parametrize(
    ("claim", "sentence", "other"),
    [
        # Another figure, in a slot the rules cannot call the same: never a support.
        ("The repairs will cost 52 million crowns.",
         "Engineers estimated the repairs at 48 million crowns.", True),
        # A bound holds the figure that meets it; a date without a year holds the year.
        ("More than 8,000 residents signed the petition.",
         "The petition gathered 8,400 signatures from residents.", False),
        ("The summit opened in 2019.", "The summit opened on June 4.", False),
        ("Three ministers attended the summit.", "3 ministers attended the summit.", False),
    ],
)
def test_a_sentence_giving_another_value_cannot_carry_the_claim(
    rules, claim: str, sentence: str, other: bool
) -> None:
    [score] = rules.scores(claim, [sentence])
    assert (score.cue == OTHER_VALUE) is other, score
    if other:
        assert score.label is not Stance.SUPPORTS


def test_a_denied_alternative_leaves_the_stated_figure_standing(rules) -> None:
    """"9 million euros, not the 7 million": only the alternative is denied."""
    [score] = rules.scores(
        "The upgrade will cost 9 million euros.",
        ["Ilse Varn repeated that the upgrade would cost 9 million euros, not the 7 million "
         "the engineers estimated."],
    )
    assert score.label is Stance.SUPPORTS, score


def test_a_value_of_another_noun_fills_no_slot_of_the_claim(rules) -> None:
    """"a future role for the general in Peru" says nothing of where the talks were held."""
    [score] = rules.scores(
        "The talks were held in Lima.",
        ["The decision to hold the talks reflected concern that the rebels expected a future "
         "role for the general in Peru."],
    )
    assert score.label is not Stance.REFUTES, score


def test_a_capital_stands_for_its_country_when_it_acts_not_where_things_happen(parser) -> None:
    from bot.engine.aliases import aliases_of

    acts = parser.parse("Washington said the talks would go on.")
    assert "united states" in aliases_of(acts).values()
    place = parser.parse("The talks were held in the capital, Tunis.")
    assert "tunisia" not in aliases_of(place).values()


@pytest.mark.parametrize(
    ("claim", "sentence"),
    [
        # One name transliterated two ways.
        ("Gadhavi's ministry called the vote a first step.",
         "Officials of Kadhavi's ministry called the vote a first step toward reform."),
        # "speaks for" is what a spokesman does.
        ("Lina Orvel speaks for the harbour authority.",
         "Lina Orvel, the harbour authority's spokeswoman, declined to comment."),
    ],
)
def test_other_spellings_and_words_for_the_same_thing_support(rules, claim, sentence) -> None:
    [score] = rules.scores(claim, [sentence])
    assert score.label is Stance.SUPPORTS, score


@pytest.mark.parametrize(
    ("claim", "sentence", "expected"),
    [
        # The event in the sentence happened elsewhere: "held" is met by the event itself.
        ("The Harbour Forum summit was held in Ankara.",
         "Delegates from twelve nations attended the Harbour Forum summit May 2 in Kessford.",
         Stance.REFUTES),
        # "the Geneva meeting" says where the meeting was; "came first from Lima" does not.
        ("The talks were held in Lima.",
         "The news came first from Lima, where a spokesman described the Geneva meeting as "
         "a first step.", Stance.REFUTES),
        # A place the small model does not tag as one.
        ("The meeting took place in Tunis.",
         "A spokesman described the Geneva meeting as a first step.", Stance.REFUTES),
        # A place named for another event ("the Libya Contact Group meeting") says nothing of
        # where this one was.
        ("The meeting took place in Tunis.",
         "Diplomats attended the Harbour Forum meeting in Geneva on Monday.", Stance.NEUTRAL),
        # Who a claim is according to is no place: "according to Peru" is not "in Peru".
        ("According to Peru, the meeting was a negotiation.",
         "A spokesman described the Geneva meeting as a negotiation.", Stance.SUPPORTS),
        # The claim's own place, said of the event, still supports.
        ("The talks were held in Kessford.",
         "The talks were held in Kessford on May 3, the ministry said.", Stance.SUPPORTS),
    ],
)
def test_a_sentence_placing_the_event_elsewhere_cannot_carry_the_claim(
    rules, claim: str, sentence: str, expected: Stance
) -> None:
    [score] = rules.scores(claim, [sentence])
    assert score.label is expected, score
    if expected is Stance.NEUTRAL:
        assert score.cue == OTHER_PLACE, score


def test_a_body_of_a_government_speaks_for_its_country(parser) -> None:
    from bot.engine.aliases import aliases_of

    doc = parser.parse("The State Department official said the talks would go on.")
    assert "united states" in aliases_of(doc).values()


@pytest.mark.parametrize(
    ("claim", "sentence"),
    [
        ("The minister conceded that the vote was rigged.",
         "The minister said the vote was not rigged."),
        ("The mayor admitted that the plant was closed.",
         "The mayor said the plant was not closed."),
    ],
)
def test_what_a_party_concedes_is_its_claim(rules, claim, sentence) -> None:
    """"conceded", "admitted" report what the party says, like "said": its denial refutes."""
    [score] = rules.scores(claim, [sentence])
    assert score.label is Stance.REFUTES, score


def test_a_verb_with_its_particle_is_one_word(rules) -> None:
    """"did not step down" denies "resigned"."""
    [score] = rules.scores("The governor resigned.", ["The governor did not step down."])
    assert score.label is Stance.REFUTES, score


def test_a_sentence_denying_the_claims_predicate_never_carries_it(rules) -> None:
    """Another side saying there is no plan does not say whose plan there is none of, so it
    may not contradict; nor may closeness of words or the model make it support."""
    [score] = rules.scores(
        "The State Department planned a second round of talks.",
        ["A Libyan spokesman said there is no plan for a second round of talks."],
    )
    assert score.label is Stance.NEUTRAL and score.cue in (DENIED, ANOTHER_PARTY), score
    assert blend(score, (0.9, 0.05, 0.05), 0.9) is score


def test_a_side_saying_there_is_no_plan_speaks_of_its_own_plans(rules) -> None:
    [score] = rules.scores(
        "Washington has scheduled another session with the rebels.",
        ["The State Department official said there is no plan to hold another session with "
         "the rebels."],
    )
    assert score.label is Stance.REFUTES, score


@pytest.mark.parametrize(
    ("claim", "sentence", "expected"),
    [
        # Where someone was is what "X were at Y" claims: another count there contradicts.
        ("Four officials were at the meeting.",
         "Three senior officials held a secret meeting in Kessford.", Stance.REFUTES),
        # "took place" is met by the event itself; another date contradicts ...
        ("The meeting took place on July 20.",
         "Three senior officials held a secret meeting July 16 in Kessford.", Stance.REFUTES),
        # ... unless the sentence names another event ("the Harbour Forum meeting").
        ("The meeting took place on July 16.",
         "Delegates attended the Harbour Forum meeting July 15 in Kessford.", Stance.NEUTRAL),
        # "reopened" is the opposite of "closed" (of a closing told as past, it is what
        # came after: see the undoing test below).
        ("The U.S. reopened its embassy in Lima.",
         "The U.S. embassy in Lima remains closed, the ministry said.", Stance.REFUTES),
        # A count of the same people at the same place contradicts, whatever verb brought
        # them there ...
        ("The city sent four inspectors to the plant.",
         "Three city inspectors visited the plant on Monday.", Stance.REFUTES),
        # ... but not a count of what another deed did to them.
        ("Four people were killed in the storm.",
         "Three people were injured in the storm on Monday.", Stance.NEUTRAL),
    ],
)
def test_counts_dates_and_opposites_of_one_event(
    rules, claim: str, sentence: str, expected: Stance
) -> None:
    [score] = rules.scores(claim, [sentence])
    assert score.label is expected, score


def test_words_without_the_claims_figure_do_not_cover_it(rules) -> None:
    """"officials consulted ... the meeting" says nothing of four officials."""
    [score] = rules.scores(
        "Four officials were at the meeting.",
        ["Before the meeting, officials consulted with diplomats from other nations."],
    )
    assert score.cue != "covers the claim", score


@pytest.mark.parametrize(
    ("claim", "sentence", "expected", "cue"),
    [
        # Where the claim says it was is part of it: words about the rest do not cover it.
        ("The talks were held in Kessford.",
         "The talks ended without agreement, union leaders said.", Stance.NEUTRAL, NO_PLACE),
        # "the Kenyan capital" is Nairobi, where the country is known ...
        ("The talks were held in the Kenyan capital.",
         "The talks were held in Nairobi on Tuesday, the ministry said.", Stance.SUPPORTS, ""),
        ("The talks were held in the Kenyan capital.",
         "The talks were held in Mombasa on Tuesday, the ministry said.", Stance.NEUTRAL,
         "Mombasa vs nairobi differs"),
        # ... and a capital, as a place, is not its country: the country does not name it
        # (nor is it another place, as the city is in it).
        ("The strike talks were held in the capital, Tunis.",
         "Union leaders met officials in Tunisia on Monday for the strike talks.",
         Stance.NEUTRAL, NO_PLACE),
    ],
)
def test_a_sentence_must_name_the_place_a_claim_gives(
    rules, claim: str, sentence: str, expected: Stance, cue: str
) -> None:
    """Even with a model sure it supports and words as close as can be."""
    [score] = rules.scores(claim, [sentence])
    if cue:
        assert score.cue == cue, score
    assert blend(score, (0.9, 0.05, 0.05), 0.95).label is expected, score


@pytest.mark.parametrize(
    ("claim", "sentence", "expected"),
    [
        # How things are: the figure they changed from is no longer it.
        ("The final budget keeps the school grant at 12 million euros.",
         "In the final budget the school grant rises from 12 million to 15 million euros.",
         Stance.REFUTES),
        ("The recall covers 40,000 packs.",
         "The firm says the recall now covers about 65,000 packs, up from the 40,000 it "
         "announced on Monday.", Stance.REFUTES),
        # What was done then: the sentence neither carries nor denies it (the model may).
        ("The board approved a 4.5 per cent rise in water charges.",
         "The rise in water charges was cut from 4.5 per cent to 2.8 per cent before the vote.",
         Stance.NEUTRAL),
    ],
)
def test_a_figure_changed_from_is_not_the_figure_now(
    rules, claim: str, sentence: str, expected: Stance
) -> None:
    """The claim's figure as the start of a change never supports it, whatever the model."""
    [score] = rules.scores(claim, [sentence])
    assert score.label is expected and score.cue == CHANGED_FROM, score
    assert blend(score, (0.9, 0.05, 0.05), 0.9).label is expected, score
    assert blend(score, (0.1, 0.8, 0.1), 0.9).label is Stance.REFUTES, score


def test_rules_and_model_reading_alike_keep_the_surer_score() -> None:
    """A model that agrees less surely does not weaken the rules' contradiction."""
    rules = StanceScore(Stance.REFUTES, 0.75, "opposite polarity")
    assert blend(rules, (0.1, 0.55, 0.35), 0.6) == rules
    sure = blend(rules, (0.02, 0.95, 0.03), 0.6)
    assert sure.label is Stance.REFUTES and sure.score == 0.95


def test_a_figure_within_the_claims_about_covers_it(rules) -> None:
    """By its words, not only by closeness: 3.9 is "about 4"."""
    [score] = rules.scores(
        "Kelvara's exports grew by about 4 percent last year.",
        ["Kelvara's exports grew 3.9 percent last year, the trade ministry said."],
    )
    assert score.label is Stance.SUPPORTS and score.cue == "covers the claim", score


def test_no_link_is_no_support_for_a_cause(rules) -> None:
    """"no link between X and Y" is read as a denial of a cause (the rules cannot tell
    whether "adverse events" are the claim's headaches, so they leave it to the model)."""
    [score] = rules.scores(
        "The recalled Torvin capsules caused dizziness and headaches.",
        ["There is no link between Torvin and any adverse events."],
    )
    assert score.label is Stance.NEUTRAL and score.cue == DENIED, score
    assert blend(score, (0.6, 0.1, 0.3), 0.7).label is Stance.NEUTRAL, score


@pytest.mark.parametrize(
    ("claim", "sentence"),
    [
        ("The union and the employers are set to meet again.",
         "The union and the employers met on Tuesday for the first time since the strike began."),
        ("The union and the employers will meet again.",
         "Union leaders met the employers' negotiators on Tuesday in Bergen."),
    ],
)
def test_meeting_again_is_not_the_meeting_there_was(rules, claim: str, sentence: str) -> None:
    """"meet again" claims one more meeting, as "another meeting" does."""
    [score] = rules.scores(claim, [sentence])
    assert score.label is not Stance.SUPPORTS, score


@pytest.mark.parametrize(
    ("claim", "sentence", "expected"),
    [
        # Reopening presupposes the closing: the closing, told as past, does not deny it ...
        ("Has the city since reopened the bridge?",
         "The city closed the bridge over the Tarn in March.", Stance.NEUTRAL),
        ("Has the city since reopened the bridge?",
         "The bridge over the Tarn was closed in March, the city said.", Stance.NEUTRAL),
        # ... a state that still holds does,
        ("Has the city reopened the bridge?",
         "The bridge over the Tarn remains closed, the city said.", Stance.REFUTES),
        # and a word that only begins with "re" is no undoing.
        ("The company reduced its emissions.",
         "The company's emissions increased in 2019.", Stance.REFUTES),
    ],
)
def test_what_was_undone_since_is_not_denied_by_the_deed_it_undoes(
    rules, claim: str, sentence: str, expected: Stance
) -> None:
    [score] = rules.scores(make_claim(claim, rules.parser).text, [sentence])
    assert score.label is expected, score
