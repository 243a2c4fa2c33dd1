"""verify(question, history) -> Answer, and the same as a stream of events for the UI."""

from __future__ import annotations

import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Literal

from bot.engine.aliases import seats_known
from bot.engine.answer_groups import all_evidence, decide_answers
from bot.engine.answers import read
from bot.engine.attribution import attribute
from bot.engine.casing import (
    about_name,
    people_of,
    spelled_out,
    true_case,
    typed_lower,
    with_mark,
)
from bot.engine.claims import make_claim
from bot.engine.compose import Composer, TemplateComposer
from bot.engine.contested import (
    arranged,
    names_the_occasion_only,
    own_doing,
    said_part,
    same_side,
    wants_more,
)
from bot.engine.evidence import EvidenceFinder
from bot.engine.first_person import named, side_of, speaks_as_we
from bot.engine.in_situ import fronted
from bot.engine.intervals import Interval, interval_asked, reckon
from bot.engine.leaders import by_name, leader_asked
from bot.engine.positions import its_own, party_of
from bot.engine.question_kind import (
    is_open,
    out_of_scope,
    read_question,
    summary_asked,
    two_questions,
)
from bot.engine.quotations import quoted_on, speaker_of
from bot.engine.spelling import corrected, unknown
from bot.engine.stance_rules import further_claimed
from bot.engine.topic import main_noun, subject_of
from bot.engine.verdict import STRONG, decide
from bot.services import Services
from bot.types import (
    Answer,
    Attribution,
    Candidate,
    Claim,
    Decision,
    Draft,
    Evidence,
    Findings,
    Judgement,
    Stance,
    StanceScore,
    Verdict,
)
from retrieval.errors import InputError
from retrieval.types import Span

if TYPE_CHECKING:
    from bot.engine.stance import StanceJudge
    from bot.llm.path import LLMPath

__all__ = ["Event", "Findings", "Turn", "Verifier"]

CONTRADICTS = 0.6  # another party's sentence this sure to contradict a statement disputes it

Turn = Mapping[str, Any]  # {"role": "user" | "assistant", "content": str}
EVIDENCE_LIMIT = 16
ANSWER_LIMIT = 32  # sentences read for an open question (no stance model to run on them)
ANSWER_PASSAGES = 12  # passages read for an open question: several documents may answer it
SAME_DOCUMENT = 80  # sentences of a disputed statement's document read for the other side's


@dataclass(frozen=True)
class Event:
    """One step of a streamed answer: a status line, a piece of answer text, or the answer."""

    kind: Literal["status", "token", "answer"]
    text: str = ""
    answer: Answer | None = None


class Verifier:
    """Answers questions from the store's documents, with citations.

    The two seams: ``services.judge`` (a ``StanceJudge``) reads each sentence, and a
    ``Composer`` writes the answer: the engine's templates, or a chat model when
    ``llm`` is set (with the template answer as its net).
    """

    def __init__(self, services: Services, judge: StanceJudge | None = None) -> None:
        self.services = services
        self.judge: StanceJudge = judge or services.judge
        self.template = TemplateComposer()
        self.llm_path: LLMPath | None = None  # set when a model is configured (bot/llm/path.py)
        if not services.settings.offline:
            from bot.llm.path import make_llm_path  # langchain loads only when a model is set

            self.llm_path = make_llm_path(services.settings)
        self.composer: Composer = self.llm_path or self.template

    @property
    def finder(self) -> EvidenceFinder:
        return self.services.finder

    def check_question(self, question: str) -> str:
        question = " ".join(str(question).split())
        if not question:
            raise InputError("the question is empty: ask about something in the documents")
        limit = self.services.settings.max_question_chars
        if len(question) > limit:
            raise InputError(
                f"the question is {len(question):,} characters long; the limit is {limit:,} "
                "(CROSSCHECK_MAX_QUESTION_CHARS)"
            )
        return question

    def verify(self, question: str, history: Sequence[Turn] = ()) -> Answer:
        answer: Answer | None = None
        for event in self.stream(question, history):
            if event.kind == "answer":
                answer = event.answer
        assert answer is not None
        return answer

    def stream(self, question: str, history: Sequence[Turn] = ()) -> Iterator[Event]:
        t0 = time.perf_counter()
        question = self.check_question(question)
        self.services.ensure_seeded()
        yield Event("status", "Reading the question…")
        findings = self.find(question, history)
        yield Event("status", "Weighing the evidence…")
        t = time.perf_counter()
        draft = self.offline_draft(findings)
        findings.timings["compose"] = time.perf_counter() - t
        offline = self.answer(question, findings, draft)
        for item in self.composer.write(question, findings, offline, self.finder.document):
            if isinstance(item, str):
                yield Event("token", item)
            else:
                item.timings["total"] = time.perf_counter() - t0
                yield Event("answer", answer=item)

    # -- the engine's stages -------------------------------------------------------------

    def find(self, question: str, history: Sequence[Turn] = ()) -> Findings:
        """Claim -> passages -> sentences -> stance + attribution -> verdict."""
        timings: dict[str, float] = {}
        t = time.perf_counter()
        asked = question
        question = self._as_written(question)
        between = interval_asked(question)
        if between is not None and (found := self._between(asked, between, history)):
            return found
        parts = two_questions(question, self.services.parser)
        if parts is not None:
            both = self._both(asked, parts, history)
            if both is not None:
                return both
        claim = make_claim(question, self.services.parser, history, self._find_subject)
        claim = replace(claim, question=asked)
        if out_of_scope(question) or summary_asked(question) or (
                is_open(question, self.services.parser) and (
                    claim.is_open or not claim.speaker)):
            # An open question (or a request the documents cannot serve): answers, not stances.
            asks = read_question(question, self.services.parser, history)
            # An open question asserts nothing: what is "checked" is the question itself.
            claim = Claim(question=asked, text=" ".join(question.split()),
                          subject=claim.subject,
                          speaker=asks.speaker, is_open=True, asks=asks)
            timings["claim"] = time.perf_counter() - t
            return self._find_answers(claim, timings)
        if self.llm_path is not None:  # follow-ups resolved by the model, offline claim as net
            claim = self.llm_path.claim(question, history, claim)
        timings["claim"] = time.perf_counter() - t

        t = time.perf_counter()
        vector = self.services.searcher.query_vector(claim.text)
        passages = self.services.searcher.search(claim.text, self.services.settings.top_k, vector)
        candidates = self.finder.candidates(passages, vector, EVIDENCE_LIMIT)
        timings["retrieval"] = time.perf_counter() - t

        # "Tannis, the Rovenian capital": a capital the documents name stands for its country.
        with seats_known(self.finder.seats(p.chunk.doc_id for p in passages)):
            t = time.perf_counter()
            judgements = self.judge.judge(claim.text, candidates)
            judgements = self._as_spoken_for(claim.text, candidates, judgements)
            timings["stance"] = time.perf_counter() - t

            t = time.perf_counter()
            evidence = [self._evidence(c, j)
                        for c, j in zip(candidates, judgements, strict=True)]
            claim_doc = self.services.parser.parse(claim.text)
            party = party_of(claim_doc)
            decision = self._decide(party, evidence)
            if party is None:  # (a claim put to one party is its position, not disputed)
                contested = self._contested(claim_doc, decision, candidates, judgements,
                                            evidence)
                if contested is not evidence:
                    evidence, decision = contested, decide(contested)
            timings["attribution"] = time.perf_counter() - t
        return Findings(claim, evidence, decision, timings)

    def _both(self, asked: str, parts: tuple[str, str], history: Sequence[Turn]
              ) -> Findings | None:
        """Two open questions in one ("what is the aim of the strikes and when did they
        start"): each answered, the second as a follow-up of the first, side by side."""
        found = [self.find(parts[0], history)]
        found.append(self.find(parts[1], [*history, {"role": "user", "content": parts[0]}]))
        if not all(f.claim.is_open and f.claim.asks is not None
                   and f.claim.asks.form in ("open", "follow_up") for f in found):
            return None
        answered = [f for f in found if f.decision.verdict is not Verdict.NOT_ENOUGH_INFO]
        timings = _summed(found)
        claim = replace(found[0].claim, question=asked)
        if not answered:
            return Findings(claim, [], found[0].decision, timings)
        disputed = any(f.decision.verdict is Verdict.DISPUTED for f in answered)
        decision = Decision(
            Verdict.DISPUTED if disputed else Verdict.ANSWERED,
            min(f.decision.confidence for f in answered), (), (),
            "answers" if disputed else None,
            tuple(g for f in answered for g in f.decision.answers))
        return Findings(claim, [e for f in answered for e in f.evidence], decision, timings)

    def _between(self, asked: str, between: Interval, history: Sequence[Turn]
                 ) -> Findings | None:
        """The time between two events (intervals.py): each one's date asked on its own, the
        answer reckoned from the two, both cited; None when either is not answered alike by
        every source, or gives too little of a date for what is asked."""
        found = [self.find(between.event, history), self.find(between.reference, history)]
        first = found[0].claim.asks
        if first is None or not all(f.claim.is_open and f.decision.answers
                                    and f.decision.verdict is Verdict.ANSWERED for f in found):
            return None
        firsts = [f.decision.answers[0] for f in found]
        opening = reckon(between, firsts[0][0].answer or "", firsts[1][0].answer or "")
        if opening is None:
            return None
        timings = _summed(found)
        asks = replace(first, interval=opening, interval_from=between.label)
        claim = replace(found[0].claim, question=asked, asks=asks)
        decision = Decision(Verdict.ANSWERED, min(f.decision.confidence for f in found), (), (),
                            None, tuple(firsts))
        return Findings(claim, [e for g in firsts for e in g], decision, timings)

    @staticmethod
    def _decide(party: str | None, evidence: list[Evidence]) -> Decision:
        """The verdict; on a claim put to one ``party``, from what that party says when it
        says anything on it (positions.py)."""
        if party is not None:
            own = decide(its_own(party, evidence))
            if own.verdict is not Verdict.NOT_ENOUGH_INFO:
                return own
        return decide(evidence)

    def _contested(self, claim: Any, decision: Decision, candidates: Sequence[Candidate],
                   judgements: Sequence[Judgement], evidence: list[Evidence]) -> list[Evidence]:
        """A claim one party's statement decides is in dispute when another party says
        otherwise of that part of the statement (contested.py): the other party's sentences
        are judged against it, and one it contradicts bears on the claim the other way.
        ``claim`` is the claim's parse; a claim put to one party never comes here."""
        side = decision.supporting or decision.refuting
        if decision.verdict not in (Verdict.SUPPORTED, Verdict.REFUTED) or not side[0].speaker:
            return evidence
        if side[0].stance.score < STRONG:
            return evidence  # too unsure a statement for a dispute over it
        top = side[0]
        if not all(e.speaker and same_side(e.attribution, top.attribution) for e in side[1:]):
            return evidence  # not one party's word alone: others say it too
        if own_doing(claim, top.attribution):
            return evidence  # what a party did or plans is its own to say
        further = further_claimed(claim.text, self.services.parser)
        if further and arranged(claim):
            return evidence  # more already arranged is a fact; no side's wish bears on it
        k0 = next(k for k, e in enumerate(evidence) if e is top)
        j0 = judgements[k0]
        core = j0.core or j0.matched
        said = said_part(j0.doc, candidates[k0].span.start, top.attribution, core)
        if said is None or names_the_occasion_only(claim, j0.doc, core):
            return evidence  # the statement only names the occasion the claim asks about
        parse = self.services.parser.parse_many
        # What the other side says of it may be worded nothing like the claim ("we want to
        # take further steps" for "will they get together again?"): the sentences found for
        # the statement, and those of the report that gives it, are read too.
        given = evidence
        candidates, judgements, found = self._beside(claim.text, said, candidates[k0],
                                                     top.attribution, candidates,
                                                     judgements, evidence)
        # (the second look's sentences are all another side's: _beside keeps no other)
        others = [k for k, (e, j) in enumerate(zip(found, judgements, strict=True))
                  if e.stance.label is Stance.NEUTRAL and j.doc is not None and k != k0
                  and (k >= len(given) or _another_side(
                      speaker_of(candidates[k], j.doc, range(len(j.doc)), parse),
                      top.attribution))]
        # Another side's sentence the second look finds may bear on the claim by itself.
        changed = any(e.stance.label is not Stance.NEUTRAL for e in found[len(given):])
        if not others and not changed:
            return given
        rejudged = self.judge.judge(said, [candidates[k] for k in others]) if others else []
        out = list(found)
        against = Stance.REFUTES if top.stance.label is Stance.SUPPORTS else Stance.SUPPORTS
        # "There is no plan to hold another session", says one side, of a claim that more
        # sessions will follow; "we want to take further steps", says the other.
        # (more arranged never comes this far)
        more = top.stance.label is Stance.REFUTES and further
        for k, j in zip(others, rejudged, strict=True):
            wanted = more and wants_more(j.doc)
            if not wanted and (j.score.label is not Stance.REFUTES
                               or j.score.score < CONTRADICTS):
                continue
            who = speaker_of(candidates[k], j.doc, j.core or j.matched, parse)
            if not _another_side(who, top.attribution):
                continue
            score = top.stance.score if wanted else min(j.score.score, top.stance.score)
            cue = f"says otherwise than {top.speaker}"
            out[k] = replace(out[k], attribution=who, stance=StanceScore(against, score, cue))
            changed = True
        if not changed:
            return given
        # (a sentence of the second search is kept only where it bears on the claim)
        return out[:len(given)] + [e for e in out[len(given):]
                                   if e.stance.label is not Stance.NEUTRAL]

    def _beside(self, claim: str, said: str, statement: Candidate, speaker: Attribution,
                candidates: Sequence[Candidate], judgements: Sequence[Judgement],
                evidence: list[Evidence]
                ) -> tuple[list[Candidate], list[Judgement], list[Evidence]]:
        """The claim's sentences followed by other sides' sentences it did not find: those
        found for the party's statement (``said``), and those of the statement's own document
        (a report gives both sides' words)."""
        seen = {(c.doc.doc_id, c.span.start) for c in candidates}
        vector = self.services.searcher.query_vector(said)
        passages = self.services.searcher.search(said, self.services.settings.top_k, vector)
        extra: list[Candidate] = []
        for c in [*self.finder.candidates(passages, vector, EVIDENCE_LIMIT),
                  *self.finder.sentences(statement.doc.doc_id, SAME_DOCUMENT)]:
            if (c.doc.doc_id, c.span.start) not in seen:
                seen.add((c.doc.doc_id, c.span.start))
                extra.append(c)
        parse = self.services.parser.parse_many
        docs = parse([c.text for c in extra])
        extra = [c for c, d in zip(extra, docs, strict=True)
                 if _another_side(speaker_of(c, d, range(len(d)), parse), speaker)]
        if not extra:
            return list(candidates), list(judgements), evidence
        read = self.judge.judge(claim, extra)
        return ([*candidates, *extra], [*judgements, *read],
                [*evidence, *(self._evidence(c, j) for c, j in zip(extra, read, strict=True))])

    def _as_written(self, question: str) -> str:
        """The question spelled out, a word typed with a slip spelt as the passages it finds
        spell it, and, when typed in lower case, capitalised as they write its words (the
        search itself ignores case)."""
        question = with_mark(spelled_out(question))
        english = self.services.parser.english()
        slips = unknown(question, english)
        if not slips and not typed_lower(question) and not leader_asked(question):
            return fronted(question, self.services.parser)
        passages = self.services.searcher.search(question, self.services.settings.top_k)
        texts = [p.chunk.text for p in passages]
        if slips:
            question = corrected(question, texts, english)
        if typed_lower(question):
            question = people_of(about_name(true_case(question, texts, english)))
        # ("Libya's leader": the person the documents call its government after)
        if leader_asked(question):
            question = by_name(question, texts)
        # ("Cretz is who?": the question word put in front, once the names have capitals)
        return fronted(question, self.services.parser)

    def _find_answers(self, claim: Claim, timings: dict[str, float]) -> Findings:
        """Open question -> passages -> sentences that answer it -> answers grouped by value."""
        asks = claim.asks
        assert asks is not None
        if asks.form == "out_of_scope":
            return Findings(claim, [], Decision(Verdict.NOT_ENOUGH_INFO, 0.95, (), ()), timings)
        t = time.perf_counter()
        query = claim.text if not asks.previous else f"{asks.previous} {claim.text}"
        vector = self.services.searcher.query_vector(query)
        top_k = max(self.services.settings.top_k, ANSWER_PASSAGES)
        passages = self.services.searcher.search(query, top_k, vector)
        if asks.form == "summary":
            # What the documents say as a whole: each one's headline and lead.
            candidates = self.finder.leads([p.chunk.doc_id for p in passages])[:ANSWER_LIMIT]
        else:
            candidates = self.finder.candidates(passages, vector, ANSWER_LIMIT)
        timings["retrieval"] = time.perf_counter() - t
        t = time.perf_counter()
        with seats_known(self.finder.seats(p.chunk.doc_id for p in passages)):
            readings = read(asks, candidates, self.services.parser.parse_many,
                            self.finder.embed_cached)
            decision, _ = decide_answers(asks, readings)
        timings["answers"] = time.perf_counter() - t
        return Findings(claim, all_evidence(asks, readings), decision, timings)

    def _as_spoken_for(
        self, claim_text: str, candidates: Sequence[Candidate], judgements: list[Judgement]
    ) -> list[Judgement]:
        """A quoted "we" is the side its speaker speaks for: a quoted sentence that says
        nothing of the claim as written is judged again with that side named ("“We
        don't want to be stuck in the past,” said the Libyan spokesman" for "Libya
        doesn't want ..."); its stance counts if it now has one."""
        again: list[tuple[int, Candidate]] = []
        for k, (c, j) in enumerate(zip(candidates, judgements, strict=True)):
            if j.score.label is not Stance.NEUTRAL or j.doc is None or not speaks_as_we(j.doc):
                continue
            said = attribute(j.doc, c.span.start, c.doc.text, j.core or j.matched)
            if not (said.direct_quote and said.speaker):
                said = quoted_on(c, self.services.parser.parse_many) or said
            side = side_of(said) if said.direct_quote else None
            if side is None:
                continue
            text = named(c.text, side)
            doc = replace(c.doc, text=text)
            again.append((k, Candidate(doc, Span(0, len(text)), c.paragraph, c.cosine)))
        if not again:
            return judgements
        out = list(judgements)
        rejudged = self.judge.judge(claim_text, [c for _, c in again])
        for (k, _), j in zip(again, rejudged, strict=True):
            if j.score.label is not Stance.NEUTRAL:
                out[k] = replace(out[k], score=j.score, relevance=j.relevance)
        return out

    def _evidence(self, c: Candidate, j: Judgement) -> Evidence:
        if j.score.label is Stance.NEUTRAL:
            attribution = Attribution(speaker=None)
        else:
            parse = self.services.parser.parse_many
            attribution = speaker_of(c, j.doc, j.core or j.matched, parse)
        return Evidence.of(c, j.relevance, attribution, j.score)

    def _find_subject(self, claim_text: str, predicate: str) -> str | None:
        """Resolve "this": what do the sources say is (or is not) ``predicate``?"""
        vector = self.services.searcher.query_vector(claim_text)
        passages = self.services.searcher.search(claim_text, self.services.settings.top_k, vector)
        texts = [c.text for c in self.finder.candidates(passages, vector, EVIDENCE_LIMIT)]
        parser = self.services.parser
        return subject_of(predicate, texts, parser) or main_noun(texts[:6], parser)

    def offline_draft(self, findings: Findings) -> Draft:
        return self.template.draft(findings, self.finder.document)

    @staticmethod
    def _conflict(findings: Findings, draft: Draft) -> str | None:
        """A claim's kind of dispute; "answers" when an open question's sources differ, or
        "subjects" when they answer about different things sharing a name."""
        if findings.claim.kind == "claim":
            return findings.decision.conflict if draft.verdict is Verdict.DISPUTED else None
        return "answers" if draft.verdict is Verdict.DISPUTED else findings.decision.conflict

    def answer(self, question: str, findings: Findings, draft: Draft) -> Answer:
        return Answer(
            question=question,
            claim=findings.claim.text,
            verdict=draft.verdict,
            text=draft.text,
            citations=draft.citations,
            confidence=findings.decision.confidence,
            conflict=self._conflict(findings, draft),
            warnings=draft.repairs,
            index=self.services.settings.index_stamp(),
            timings=findings.timings,
            kind=findings.claim.kind,
        )


def _summed(found: Sequence[Findings]) -> dict[str, float]:
    """The time each stage took over several findings answered as one."""
    timings: dict[str, float] = {}
    for f in found:
        for stage, took in f.timings.items():
            timings[stage] = timings.get(stage, 0.0) + took
    return timings


def _another_side(said: Attribution, ours: Attribution) -> bool:
    return bool(said.speaker) and not same_side(said, ours)
