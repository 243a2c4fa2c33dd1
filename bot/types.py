"""The pipeline's types, in the order data flows through them.

Document -> Chunk -> Passage (retrieval) -> Claim -> Candidate (a sentence of a passage)
-> Judgement (its stance, from a ``StanceJudge``) -> Evidence (+ who says it) -> Decision
(the verdict over all evidence) -> Findings (all of it, for one question) -> Draft (text with
[n] markers, from a ``Composer``) -> Answer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from retrieval.types import Chunk, Document, Passage, Span

__all__ = [
    "Answer",
    "Attribution",
    "Candidate",
    "Chunk",
    "Citation",
    "Claim",
    "Decision",
    "Document",
    "Draft",
    "Evidence",
    "Findings",
    "Judgement",
    "Passage",
    "Question",
    "Span",
    "Stance",
    "StanceScore",
    "Verdict",
]


class Stance(str, Enum):
    """How one evidence sentence relates to the claim."""

    SUPPORTS = "SUPPORTS"
    REFUTES = "REFUTES"
    NEUTRAL = "NEUTRAL"


class Verdict(str, Enum):
    """The answer over all evidence: a claim's four verdicts; an open question's ANSWERED,
    DISPUTED (sources give different answers) or NOT_ENOUGH_INFO."""

    SUPPORTED = "SUPPORTED"
    REFUTED = "REFUTED"
    DISPUTED = "DISPUTED"
    NOT_ENOUGH_INFO = "NOT_ENOUGH_INFO"
    ANSWERED = "ANSWERED"

    @property
    def label(self) -> str:
        return {
            "SUPPORTED": "Supported",
            "REFUTED": "Refuted",
            "DISPUTED": "Disputed",
            "NOT_ENOUGH_INFO": "Not enough info",
            "ANSWERED": "Answered",
        }[self.value]


@dataclass(frozen=True)
class Question:
    """An open question's shape: its form, the answer type it wants, the words it is about."""

    # "open", "says" (what does X say), "follow_up", "summary" (what the documents are
    # about), "out_of_scope"
    form: str
    wh: str  # who, what, when, where, which, why, how
    expects: str  # PERSON ORG DATE PLACE NUMBER DURATION AGE ROLE THING KIND REASON MANNER
    # STATEMENT FREQUENCY
    focus: tuple[str, ...]  # content lemmas an answering sentence must match
    proper: tuple[str, ...]  # the names among them: one must match
    speaker: str | None = None  # "what does X say": X
    context: tuple[str, ...] = ()  # a follow-up's words from the previous question
    previous: str | None = None  # the previous question, for retrieval
    wh_role: str = ""  # "subject" when the wh-word is the subject: "who designed X?";
    # "with": "who did they meet with?"
    money: bool = False  # "how much ... cost": sums and shares count as answers
    # "What is the population of X?": the measure a number must be of; "What sport ...?": the
    # kind of thing the answer names (expects KIND).
    attribute: str = ""
    counted: str = ""  # "How many patients ...?": the noun a number must count
    counted_of: tuple[str, ...] = ()  # "How many TNC officials ...?": the party they belong to
    source: bool = False  # "Per which agency ...?": asks who reports it, not what is reported
    unnamed_why: bool = False  # "Why wasn't the official named?": why a source goes unnamed
    wh_prep: str = ""  # "As what did they recognize it?": the preposition the answer follows
    negated: bool = False  # "What does Libya not want?": answered by what is denied
    # "Who says there will be another session?": a clause said, with no "no", "not" or
    # "never" in it (one who says it is not so does not answer)
    says_that: bool = False
    predicate: str = ""  # "Where was the meeting disclosed?": the verb the answer attaches to
    named_kind: str = ""  # "Selmore Priory": the common noun a name asked about qualifies
    short_form: str = ""  # "What is the NSC?": the short form to spell out ("nsc")
    ruler_of: str = ""  # "Who rules Libya?": the country ("libya"; "*": the one government)
    name_part: str = ""  # "What is Qaddafi's first name?": first, last, middle or full
    # "the secret meeting in Tunisia": (word, noun) for the words that only say which thing
    # "the meeting" is; a sentence's plain "the meeting" is that thing.
    described: tuple[tuple[str, str], ...] = ()
    # "Who met with Gene Cretz?": the names of whom the deed asked about was with.
    with_names: tuple[str, ...] = ()
    # "When did Arthur Middleton die?": the person's name asked about, word by word; a
    # document may call him "Middleton" alone.
    person: tuple[str, ...] = ()
    # 'the album "Double Live"', '"Flesh and Bone"': a work named by its title, which many
    # works may share.
    titled: bool = False
    # ... and that title, where the question quotes it ("It's Raining") or sets it after
    # the word for the work ("the film A House Under Rain").
    title: str = ""
    # "Which meeting ...?", "What war did ...?": which one thing of the kind (``attribute``)
    # it is, named by a phrase the kind's word heads ("the Istanbul meeting").
    which_one: bool = False
    # "When will they meet next?": asked of what is still to come.
    ahead: bool = False
    # "What were the two sides trying to achieve?": each side's answer, side by side.
    each_side: bool = False
    # "How did they meet?", "How were the talks held?": the way the deed was done (not "how
    # senior were they").
    way: bool = False
    # "How long has the embassy been closed?": how long a state has held since the deed that
    # began it, which the deed's date says ("closed ... in February").
    lasting: bool = False
    # "What language does RSK broadcast in?": the preposition left at the end, whose object
    # on the deed answers ("broadcasts in Ossic").
    stranded: str = ""
    # "In which country ...?", "Which city ...?": the kind of place asked for.
    place_kind: str = ""
    # "When was the meeting held?": the words that only say the event took place, counted
    # where a sentence has them, not missed where it does not.
    held: tuple[str, ...] = ()
    # "What party is X a member of?": a political party's name is the answer.
    party: bool = False
    # "What are the names of the U.S. officials?": only a name answers, not a description.
    name_asked: bool = False
    # ... and the country those people are of ("the Libyan officials": "libya"), their
    # names answering only where a sentence says so.
    name_party: str = ""
    # The side whose people are asked ("Who was on the Libyan side?", "Who represented
    # Libya?"): "libya"; people a sentence calls that side's ("Libyan officials") answer.
    side_asked: str = ""
    # ... and asked of many ("the officials"): every name listed answers, not one by title.
    names_many: bool = False
    one_of_many: bool = False  # "Which of the three Americans is ...?": one of those named
    # ... and the word they are asked by ("official"): one asked alone ("Who is the U.S.
    # official quoted?") is a name the sentence calls so, not another official's.
    named_as: str = ""
    # "What was the name of the international group that met in Istanbul?": the noun for the
    # body whose name is asked, which a name it heads answers ("the Libya Contact Group").
    name_of: str = ""
    # "What does Washington want (Qaddafi to do)?": what it says someone must do answers.
    wanted_done: bool = False
    # "Whose government met them?": the noun whose owner is asked ("government").
    whose: str = ""
    # "What did X say about the future?": what X's words are asked about, as written (read
    # for closeness of meaning where a statement has none of its words).
    topic: str = ""
    # "How many days before the meeting did the group meet?": the answer's opening reckoned
    # from the two dates ("One day before"), and what the second date is of ("the meeting").
    interval: str = ""
    interval_from: str = ""
    # "What does the headline say about the talks?": the headline's words, whoever it quotes.
    headline: bool = False
    # "Who met Qaddafi's representatives?": a person's things asked about, as (owner, thing)
    # lemmas; "the country's legitimate representatives" are another's.
    owned: tuple[tuple[str, str], ...] = ()
    # "How did the diplomats feel it went?": the party's own sense of it is asked ("came
    # away with the sense that ..."), not only what it told others.
    view: bool = False
    # "Besides Gene Cretz, who attended?": the words of those set aside, whom the answer leaves
    # out.
    besides: tuple[str, ...] = ()
    # "Which diplomats did the US talk to before meeting the Libyans?": the deed set before
    # or after an occasion ("before"), as a sentence that answers sets it.
    timed: str = ""
    # "What is the National Security Council?": the words of the name the kind word of
    # ``named_kind`` ends ("national", "security", "council").
    kind_name: tuple[str, ...] = ()


@dataclass(frozen=True)
class Claim:
    """A checkable declarative statement derived from a question (and the chat history)."""

    question: str
    text: str
    subject: str | None = None  # what "this"/"it" was resolved to, if anything
    speaker: str | None = None  # "what did Libya say?" asks for one party's position
    is_open: bool = False  # a wh-question: no yes/no claim to check
    asks: Question | None = None  # set for open questions the answer engine takes

    @property
    def kind(self) -> str:
        """``"question"`` for an open question (or an out-of-scope request), else ``"claim"``."""
        return "question" if self.asks is not None else "claim"


@dataclass(frozen=True)
class Candidate:
    """One sentence of a retrieved passage, with its closeness to the claim."""

    doc: Document
    span: Span
    paragraph: int
    cosine: float

    @property
    def text(self) -> str:
        return self.doc.text[self.span.start : self.span.end]


@dataclass(frozen=True)
class Attribution:
    """Who asserts an evidence sentence, and how."""

    speaker: str | None  # e.g. "A U.S. State Department official"; None = the document's own voice
    organisation: str | None = None
    verb: str | None = None  # reporting verb lemma: "say", "describe", "according to"
    direct_quote: bool = False
    anonymous: bool = False
    content: Span | None = None  # the reported clause, when it can be told apart from the frame


@dataclass(frozen=True)
class StanceScore:
    """A stance judge's label for one (claim, sentence) pair."""

    label: Stance
    score: float  # confidence in ``label``, 0..1
    cue: str = ""  # the reason, for people: "negated 'negotiation'", "paraphrase", ...
    factual: bool = False  # contradicts a fact (an antonym; another name, place, date, number)


@dataclass
class Judgement:
    """A stance judge's reading of one candidate sentence against the claim.

    ``doc`` (the sentence's parse) and the matched token indices let attribution find who
    asserts the part of the sentence that bears on the claim.
    """

    score: StanceScore
    relevance: float
    coverage: float
    matched: set[int] = field(default_factory=set)  # sentence token indices matching the claim
    doc: Any = None
    core: set[int] = field(default_factory=set)  # of those, the ones matching the predicate


@dataclass(frozen=True)
class Evidence:
    """One sentence of a source with who says it and how it bears on the claim."""

    doc_id: str
    title: str
    source: str
    start: int
    end: int
    quote: str  # == document.text[start:end]
    paragraph: int
    relevance: float
    attribution: Attribution
    stance: StanceScore
    page: int | None = None  # 1-based page of a PDF
    outlet: str | None = None  # who published the document
    published: str | None = None  # ISO date the document was published
    answer: str | None = None  # an open question: the value this sentence gives (its words)
    answer_key: str | None = None  # that value normalised, for comparing across sources

    @property
    def speaker(self) -> str | None:
        return self.attribution.speaker

    @classmethod
    def of(
        cls,
        c: Candidate,
        relevance: float,
        attribution: Attribution,
        stance: StanceScore,
        **extra: Any,
    ) -> Evidence:
        """One candidate sentence as evidence, with its document's page, outlet and date."""
        return cls(
            doc_id=c.doc.doc_id,
            title=c.doc.title,
            source=c.doc.source,
            start=c.span.start,
            end=c.span.end,
            quote=c.text,
            paragraph=c.paragraph,
            relevance=round(relevance, 3),
            attribution=attribution,
            stance=stance,
            page=c.doc.page_at(c.span.start),
            outlet=c.doc.outlet,
            published=c.doc.published,
            **extra,
        )


@dataclass(frozen=True)
class Decision:
    """The verdict over all evidence, with the sides that count."""

    verdict: Verdict
    confidence: float
    supporting: tuple[Evidence, ...]
    refuting: tuple[Evidence, ...]
    conflict: str | None = None  # "description" or "factual"
    answers: tuple[tuple[Evidence, ...], ...] = ()  # an open question: sources grouped by answer
    # DISPUTED over things sharing a name: how many leading answers are about the one thing in
    # dispute (the others are about other things of its name); 0 when all are.
    disputed: int = 0


@dataclass
class Findings:
    """Everything the engine found for one question, before the answer is written."""

    claim: Claim
    evidence: list[Evidence]
    decision: Decision
    timings: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Citation:
    """A numbered pointer from the answer text to an exact span of a source."""

    n: int
    doc_id: str
    title: str
    source: str
    start: int
    end: int
    quote: str
    speaker: str | None
    stance: Stance
    page: int | None = None  # 1-based page of a PDF; offsets still point into the stored text
    outlet: str | None = None
    published: str | None = None  # ISO date
    answer: str | None = None  # an open question: the answer this source gives

    def to_json(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "doc_id": self.doc_id,
            "title": self.title,
            "source": self.source,
            "start": self.start,
            "end": self.end,
            "quote": self.quote,
            "speaker": self.speaker,
            "stance": self.stance.value,
            "page": self.page,
            "outlet": self.outlet,
            "published": self.published,
            "answer": self.answer,
        }


@dataclass(frozen=True)
class Draft:
    """Answer text with [n] markers and its citations, before it becomes an ``Answer``."""

    verdict: Verdict
    text: str
    citations: tuple[Citation, ...]
    repairs: tuple[str, ...] = ()
    kind: str = "claim"  # "question": verdicts ANSWERED / DISPUTED / NOT_ENOUGH_INFO


@dataclass(frozen=True)
class Answer:
    """What the bot says: a verdict, the text with [n] markers, and the citations behind them."""

    question: str
    claim: str
    verdict: Verdict
    text: str
    citations: tuple[Citation, ...] = ()
    confidence: float = 0.0
    conflict: str | None = None  # for DISPUTED: "description" or "factual"
    warnings: tuple[str, ...] = ()
    index: str = ""  # stamp of the settings that built the index and answer
    timings: dict[str, float] = field(default_factory=dict, compare=False)
    kind: str = "claim"  # "claim" or "question" (an open question)

    def to_json(self) -> dict[str, Any]:
        """The stable ``ask --json`` / ``POST /api/verify`` shape (extra keys are additive)."""
        return {
            "question": self.question,
            "claim": self.claim,
            "verdict": self.verdict.value,
            "answer": self.text,
            "citations": [c.to_json() for c in self.citations],
            "confidence": round(self.confidence, 3),
            "conflict": self.conflict,
            "warnings": list(self.warnings),
            "index": self.index,
            "kind": self.kind,
        }
