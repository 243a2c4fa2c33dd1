"""The offline stance judge: rules over the parse, with embeddings for paraphrase.

A sentence refutes the claim when it says the claim's predicate with the opposite
polarity (negation and its scope, a denial, "incorrectly thought"), with an
antonym, or with another place, person, date or number in the same role. It
supports when it covers the claim's terms (near-synonyms count) without conflict.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from bot.engine.lexicon import (
    ANTONYMS,
    DENIAL_VERBS,
    FALSITY_ADVERBS,
    HEDGES,
    REPORTING_VERBS,
    related,
)
from bot.engine.nlp import Parser
from bot.types import Candidate, Judgement, Stance, StanceScore
from retrieval.embeddings import Embedder
from retrieval.text import STOPWORDS, stem

_CONTENT_POS = frozenset(["NOUN", "PROPN", "VERB", "ADJ", "NUM", "ADV"])
_WEAK_ADVERBS = frozenset(
    ["also", "only", "just", "even", "still", "really", "very", "more", "most", "so", "then", "now"]
)
_ENTITY_GROUPS = {
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "place",
    "PERSON": "person",
    "ORG": "org",
    "DATE": "date",
    "TIME": "date",
    "CARDINAL": "num",
    "MONEY": "num",
    "PERCENT": "num",
    "QUANTITY": "num",
}
# Support by embedding similarity alone starts here (a cosine of about 0.6 for MiniLM).
PARAPHRASE_MIN = 0.58
PARAPHRASE_WEIGHT = 0.9
_CHARACTERISE = frozenset(
    [
        "describe",
        "call",
        "term",
        "label",
        "characterize",
        "characterise",
        "brand",
        "consider",
        "dub",
        "see",
        "view",
        "regard",
    ]
)


@dataclass(frozen=True)
class Term:
    """A content word of the claim that evidence should cover."""

    key: str
    weight: float
    predicate: bool  # part of what is claimed, not of who/what it is about
    head: bool  # the predicate noun of a copular claim ("... was a negotiation")
    index: int
    core: bool = False  # the main verb/object or predicate noun: what a denial must hit


@dataclass
class ClaimAnalysis:
    text: str
    doc: Any
    terms: list[Term]
    negated: bool
    copular: bool
    entities: list[tuple[str, str, str]]  # (lower text, group, role)
    subject_entities: list[str] = field(default_factory=list)  # named subjects, lower-cased
    named: list[str] = field(default_factory=list)  # every person/org/place named, lower-cased


def _key(tok: Any) -> str:
    return stem(tok.lemma_.lower() if tok.pos_ != "PROPN" else tok.lower_)


def _role(tok: Any) -> str:
    head = tok.head
    if tok.dep_ == "pobj" and head.pos_ == "ADP":
        return f"prep:{head.lower_}"
    return tok.dep_


def _scope(tok: Any) -> set[int]:
    return {t.i for t in tok.subtree}


def _clause_root(doc: Any) -> Any:
    root = next((t for t in doc if t.dep_ == "ROOT"), doc[0])
    if root.lemma_ in REPORTING_VERBS:
        comp = next((c for c in root.children if c.dep_ == "ccomp"), None)
        if comp is not None:
            return comp
    return root


def analyse_claim(text: str, parser: Parser) -> ClaimAnalysis:
    doc = parser.parse(text)
    if len(doc) == 0:
        return ClaimAnalysis(text, doc, [], False, False, [])
    root = _clause_root(doc)
    content = _scope(root)
    subject: set[int] = set()
    for child in root.children:
        if child.dep_ in ("nsubj", "nsubjpass", "expl"):
            subject |= _scope(child)
    heads: set[int] = set()
    copular = root.lemma_ == "be" and any(c.dep_ in ("attr", "acomp") for c in root.children)
    if copular:
        for child in root.children:
            if child.dep_ in ("attr", "acomp"):
                heads.add(child.i)
                heads |= {c.i for c in child.children if c.dep_ == "compound"}
    core = _core(root, heads)
    terms: list[Term] = []
    for tok in doc:
        if tok.pos_ not in _CONTENT_POS or tok.is_punct:
            continue
        if (
            tok.lower_ in STOPWORDS
            or tok.lemma_ in ("be", "have", "do")
            or (tok.pos_ == "ADV" and tok.lower_ in _WEAK_ADVERBS)
        ):
            continue
        if tok.dep_ == "neg":
            continue
        weight = 1.5 if tok.pos_ in ("PROPN", "NUM") or tok.ent_type_ else 1.0
        if tok.pos_ == "ADV":
            weight = 0.5
        in_content = tok.i in content
        is_subject = tok.i in subject
        if not in_content:
            weight *= 0.3  # the claim's own frame: "The official said ..."
        elif is_subject and copular:
            weight *= 0.5  # "the meeting" is what the claim is about, not what it claims
        terms.append(
            Term(
                _key(tok),
                weight,
                in_content and not is_subject,
                tok.i in heads,
                tok.i,
                tok.i in core,
            )
        )
    negated = any(
        (t.dep_ == "neg" or (t.lower_ in ("no", "never") and t.dep_ in ("det", "neg", "advmod")))
        and t.i in content
        for t in doc
    )
    entities = [
        (ent.text.lower(), _ENTITY_GROUPS[ent.label_], _role(ent.root))
        for ent in doc.ents
        if ent.label_ in _ENTITY_GROUPS
    ]
    named = [
        ent.text.lower()
        for ent in doc.ents
        if ent.root.i in subject and ent.label_ in ("PERSON", "ORG", "GPE", "NORP")
    ]
    every = [
        ent.text.lower().removeprefix("the ")
        for ent in doc.ents
        if ent.label_ in ("PERSON", "ORG", "GPE", "NORP")
    ]
    return ClaimAnalysis(text, doc, terms, negated, copular, entities, named, every)


_LIGHT_VERBS = frozenset(["take", "make", "have", "hold", "give", "do", "get", "keep"])


def _core(root: Any, heads: set[int]) -> set[int]:
    """The words a contradiction has to be about: predicate noun, or main verb and object."""
    if heads:
        return set(heads)
    core = {root.i} if root.lemma_ not in ("be", "have", "do") else set()
    for child in root.children:
        if child.dep_ in ("dobj", "attr", "acomp", "prt", "xcomp"):
            core.add(child.i)
            if child.dep_ == "xcomp":  # "was prepared to see a role": the role matters
                core |= {c.i for c in child.children if c.dep_ == "dobj"}
    if root.lemma_ in _LIGHT_VERBS and len(core) > 1:
        core.discard(root.i)
    return core


def _negation_scopes(doc: Any) -> list[set[int]]:
    """Token sets whose truth the sentence denies."""
    scopes: list[set[int]] = []
    scope: set[int]
    for tok in doc:
        lower = tok.lower_
        if tok.dep_ == "neg" or (lower == "never" and tok.dep_ == "advmod"):
            head = tok.head
            if head.dep_ in ("aux", "auxpass") and head.head.i != head.i:
                head = head.head
            scope = _scope(head)
            for child in head.children:
                # Neither the subject nor a coordinated clause is denied: "X was not A
                # and there is B" says nothing against B.
                if child.dep_ in ("nsubj", "nsubjpass", "expl", "conj"):
                    scope -= _scope(child)
            scopes.append(scope - {tok.i})
        elif lower in ("no", "none", "nothing", "nobody", "neither") and tok.dep_ in (
            "det",
            "nsubj",
            "dobj",
            "attr",
            "pobj",
            "nsubjpass",
        ):
            target = tok.head if tok.dep_ == "det" else tok
            scopes.append(_scope(target) - {tok.i})
        elif lower == "without" and tok.pos_ == "ADP":
            scopes.append(_scope(tok) - {tok.i})
        elif tok.lemma_.lower() in FALSITY_ADVERBS:
            verb = tok.head
            scope = set()
            for child in verb.children:
                if child.dep_ in ("ccomp", "xcomp", "dobj"):
                    scope |= _scope(child)
            scopes.append(scope)
        elif tok.lemma_ in DENIAL_VERBS and tok.pos_ == "VERB":
            scope = set()
            for child in tok.children:
                if child.dep_ in ("ccomp", "xcomp", "dobj"):
                    scope |= _scope(child)
            scopes.append(scope)
    return scopes


def _predicative(tok: Any) -> bool:
    """Is this word said *of* something ("was a negotiation", "described as a dialogue")?"""
    cur = tok
    for _ in range(5):
        if cur.dep_ in ("attr", "acomp", "oprd"):
            return True
        if cur.dep_ == "pobj" and cur.head.lower_ == "as":
            return True
        if cur.dep_ in ("dobj", "oprd") and cur.head.lemma_ in _CHARACTERISE:
            return True
        if cur.head.i == cur.i or cur.dep_ in ("ROOT", "nsubj", "nsubjpass", "dobj", "ccomp"):
            return False
        cur = cur.head
    return False


def _mentions(sentence: str, name: str) -> bool:
    """Does the lower-cased sentence contain any word of a lower-cased name?"""
    return any(w in sentence for w in name.split())


LEFT_OPEN = "left open"  # the cue of a sentence that asks or supposes the claim


def _left_open(doc: Any, tokens: set[int]) -> bool:
    """The claim's words sit in a "whether" / "if" clause: asked or supposed, not asserted."""
    for i in tokens:
        for node in (doc[i], *doc[i].ancestors):
            if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in node.children):
                return True
    return False


def _matches(term: Term, tok: Any) -> bool:
    key = _key(tok)
    if key in related(term.key):
        return True
    a, b = term.key, key
    return len(a) >= 5 and len(b) >= 5 and (a.startswith(b) or b.startswith(a))


class RulesStanceJudge:
    """The ``rules`` judge; its judgements also say which words matched (for attribution)."""

    name = "rules"

    def __init__(self, parser: Parser, embedder: Embedder | None = None) -> None:
        self.parser = parser
        self.embedder = embedder

    def judge(self, claim: str, candidates: Sequence[Candidate]) -> list[Judgement]:
        return self.analyse(claim, [c.text for c in candidates], [c.cosine for c in candidates])

    def scores(self, claim: str, sentences: Sequence[str]) -> list[StanceScore]:
        """Stances of bare sentences (closeness from the embedder, when there is one)."""
        cosines = None
        if self.embedder is not None and sentences:
            vectors = self.embedder.embed([claim, *sentences])
            cosines = (vectors[1:] @ vectors[0]).tolist()
        return [j.score for j in self.analyse(claim, sentences, cosines)]

    def analyse(
        self, claim: str, sentences: Sequence[str], cosines: Sequence[float] | None = None
    ) -> list[Judgement]:
        info = analyse_claim(claim, self.parser)
        docs = self.parser.parse_many(list(sentences))
        cos = list(cosines) if cosines is not None else [0.5] * len(sentences)
        return [self._one(info, doc, float(c)) for doc, c in zip(docs, cos, strict=True)]

    def _one(self, claim: ClaimAnalysis, doc: Any, cosine: float) -> Judgement:
        total = sum(t.weight for t in claim.terms) or 1.0
        pred_total = sum(t.weight for t in claim.terms if t.predicate) or 1.0
        matched_terms: dict[int, list[Any]] = {}
        for term in claim.terms:
            hits = [tok for tok in doc if not tok.is_punct and _matches(term, tok)]
            if term.head and claim.copular:
                strong = [t for t in hits if _predicative(t)]
                if not strong and hits:
                    matched_terms[term.index] = []  # mentioned, but not said of anything
                    continue
                hits = strong
            if hits:
                matched_terms[term.index] = hits

        def weight_of(term: Term) -> float:
            if term.index not in matched_terms:
                return 0.0
            return term.weight if matched_terms[term.index] else term.weight * 0.3

        coverage = sum(weight_of(t) for t in claim.terms) / total
        pred_cov = sum(weight_of(t) for t in claim.terms if t.predicate) / pred_total
        matched_tokens = {tok.i for toks in matched_terms.values() for tok in toks}
        pred_tokens = {
            tok.i for t in claim.terms if t.predicate for tok in matched_terms.get(t.index, [])
        }
        core_tokens = {
            tok.i for t in claim.terms if t.core for tok in matched_terms.get(t.index, [])
        }
        core_total = sum(1 for t in claim.terms if t.core)
        core_hit = sum(1 for t in claim.terms if t.core and matched_terms.get(t.index))
        # A named subject must be present for a sentence to contradict what it did.
        sentence = doc.text.lower()
        subject_here = all(_mentions(sentence, name) for name in claim.subject_entities)

        relevance = 0.5 * max(cosine, 0.0) + 0.5 * coverage
        if core_tokens and _left_open(doc, core_tokens):
            stance = StanceScore(Stance.NEUTRAL, round(1.0 - 0.5 * relevance, 3), LEFT_OPEN)
            return Judgement(stance, relevance, coverage, matched_tokens, doc, pred_tokens)

        scopes = _negation_scopes(doc)
        negated = any(sum(1 for s in scopes if i in s) % 2 == 1 for i in core_tokens)
        cue = ""
        conflict = factual = False
        if core_tokens and subject_here and negated != claim.negated:
            conflict, cue = True, "opposite polarity"
        antonym = self._antonym(claim, doc, matched_terms)
        if antonym and not conflict:
            # An antonym that is itself negated agrees with the claim ("did not fall").
            in_neg = any(antonym.i in s for s in scopes)
            if in_neg == claim.negated:
                conflict, factual, cue = True, True, f"antonym '{antonym.text}'"
                pred_cov = max(pred_cov, 0.5)
        core_all = core_total > 0 and core_hit == core_total
        swap = None if conflict or not core_all else self._swap(claim, doc, matched_terms)
        if swap:
            conflict, factual, cue = True, True, f"{swap} differs"

        hedge = 0.85 if any(t.lemma_.lower() in HEDGES for t in doc) else 1.0
        # Paraphrase by meaning: close in embedding space, naming whoever the claim names.
        paraphrase = PARAPHRASE_WEIGHT * cosine + (1 - PARAPHRASE_WEIGHT) * coverage
        names_present = all(_mentions(sentence, name) for name in claim.named)
        lexical = pred_cov >= 0.6 and coverage >= 0.55 and cosine >= 0.35
        if conflict and ((pred_cov >= 0.5 and coverage >= 0.4) or swap):
            score = (0.45 + 0.5 * relevance) * hedge
            stance = StanceScore(Stance.REFUTES, round(min(score, 0.99), 3), cue, factual)
        elif lexical or (paraphrase >= PARAPHRASE_MIN and names_present):
            score = max(relevance, 0.5 + 1.5 * (paraphrase - PARAPHRASE_MIN)) * hedge
            stance = StanceScore(
                Stance.SUPPORTS,
                round(min(score, 0.99), 3),
                "covers the claim" if lexical else "paraphrase",
            )
        else:
            stance = StanceScore(Stance.NEUTRAL, round(1.0 - relevance, 3), "not about the claim")
        return Judgement(stance, relevance, coverage, matched_tokens, doc, pred_tokens)

    @staticmethod
    def _antonym(claim: ClaimAnalysis, doc: Any, matched: dict[int, list[Any]]) -> Any | None:
        for term in claim.terms:
            if not term.predicate:
                continue
            opposites = ANTONYMS.get(term.key)
            if not opposites:
                continue
            for tok in doc:
                if _key(tok) in opposites and not matched.get(term.index):
                    return tok
        return None

    @staticmethod
    def _swap(claim: ClaimAnalysis, doc: Any, matched: dict[int, list[Any]]) -> str | None:
        """Another place/person/date/number where the claim has one, in the same role."""
        if not claim.entities:
            return None
        lowered = claim.text.lower()
        for text, group, role in claim.entities:
            words = {stem(w) for w in text.split()}
            missing = not any(_key(tok) in words or tok.lower_ in text.split() for tok in doc)
            if not missing:
                continue
            others = [t for t in claim.terms if not any(stem(w) == t.key for w in text.split())]
            total = sum(t.weight for t in others) or 1.0
            covered = sum(t.weight for t in others if matched.get(t.index)) / total
            if covered < 0.6:
                continue
            for ent in doc.ents:
                if (
                    _ENTITY_GROUPS.get(ent.label_) == group
                    and ent.text.lower() not in lowered
                    and _role(ent.root) == role
                ):
                    return f"{ent.text!s} vs {text}"
        return None
