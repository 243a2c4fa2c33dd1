"""The offline stance judge: rules over the parse, with embeddings for paraphrase.

A sentence refutes the claim when it says the claim's predicate with the opposite
polarity (negation and its scope, a denial, "incorrectly thought"), with an
antonym, or with another place, person, date or number in the same role. It
supports when it covers the claim's terms (near-synonyms count) without conflict.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Sequence, Set
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

from bot.engine.aliases import aliases_of, canonical, capital_of, is_country, is_seat
from bot.engine.change import claimed, moved
from bot.engine.headings import is_headline
from bot.engine.lexicon import (
    ANTONYMS,
    COPULAS_WITH,
    DENIAL_VERBS,
    EVENTS,
    FALSITY_ADVERBS,
    FURTHER,
    HEDGES,
    MET_WITH,
    REJECTING,
    REPORTING_VERBS,
    SAME_MEANING,
    SYNONYMS,
    TOOK_PLACE,
    forms,
    hyphened,
    related,
)
from bot.engine.membership import one_of
from bot.engine.names import respelled
from bot.engine.negation import (
    describes,
    negative_form_of,
    not_done,
    not_just,
    superseded_text,
    withdrawn_claims,
)
from bot.engine.nlp import CONTENT_POS, Parser
from bot.engine.normalise import agree
from bot.engine.normalise import key as value_key
from bot.engine.owners import another_doer, another_s, doers, owners
from bot.engine.titles import another_title, titles_of
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
# Verbs that say their complement of the subject, as "be" does: "the meeting was kept
# secret" claims what "the meeting was secret" claims.
_COPULAS = frozenset(["be", "remain", "stay", "keep", "become", "seem", "appear", "prove"])
# Determiners that introduce a further thing of a kind, not the one already spoken of.
_OTHER = frozenset(["another", "other", "next", "further", "second", "new"])
_ANYONE = frozenset(["anyone", "anybody"])
_ANOTHER = _OTHER | FURTHER  # either, in a sentence that speaks of a further one
# Roles where a date or time says when the event happened, whatever the preposition.
_TIME_ROLES = frozenset(["npadvmod", "tmod", "prep:on", "prep:in", "prep:at", "prep:during"])
# "every month" says how often, not when.
_FREQUENCY = re.compile(r"^(?:every|each|once|twice|daily|weekly|monthly|yearly|annually)\b")
# Roles where a place or party is the only value the slot can have: where it happened, what
# something is. As a subject or object it may be one of several ("Chinese diplomats
# attended" is not contradicted by "Libyan officials attended").
_EXCLUSIVE_NAME_ROLES = frozenset(["attr", "prep:in", "prep:at", "prep:from", "prep:to"])
# Support by embedding similarity alone starts here (a cosine of about 0.6 for MiniLM).
PARAPHRASE_MIN = 0.58
LEXICAL_CLOSE = 0.35  # closeness a sentence with most of the claim's words needs to cover it
LONG_SENTENCE_CLOSE = 0.15  # ... and one with all of them (set by hand, checked on dev)
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
    alias: str | None = None  # the country or body it names, when it names one
    name: str = ""  # the word as written, when it is a name ("Gaddafi")


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
    subject_keys: frozenset[str] = frozenset()  # the subject's nouns ("meeting")
    subject_aliases: frozenset[str] = frozenset()  # the countries or bodies it names
    subject_other: bool = False  # "another session": the subject is a further one
    unasserted: bool = False  # the claim itself is about what may be, is wished or asked
    main_negated: bool = False  # its main clause is denied (not just a clause inside it)
    # What the claim says is itself a denial ("Dalvane denied any link"): a sentence that
    # denies the same thing agrees with it, whatever word does the denying.
    core_denied: bool = False
    done: bool = False  # it says something was done ("voted", "has approved", "was closed")
    # Its subject is one more of its kind ("another session", "more meetings"; not "more CO2")
    subject_further: bool = False
    # Figures naming which thing, not what is claimed of it ("said in June", "the July 16 ...")
    framed: frozenset[str] = frozenset()
    pair: frozenset[int] = frozenset()  # the two named in "between X and Y"
    # What happens once more ("meet again": the meeting), when the claim is of a further one
    further_keys: frozenset[str] = frozenset()
    # Where it says it was ("held in Tunis"; "in the Libyan capital": tripoli)
    places: list[str] = field(default_factory=list)
    # The title it gives each person it names ("Chollet, the ambassador"), by surname
    titles: list[tuple[str, list[str]]] = field(default_factory=list)
    # Which way it says a figure went, and the words for what went ("fewer crossings")
    moves: tuple[int, frozenset[str]] = (0, frozenset())
    # The countries or peoples its nouns are given to ("the Tunisian government"), by term
    # index, and those of whoever does its deed
    owners: dict[int, frozenset[str]] = field(default_factory=dict)
    doers: frozenset[str] = frozenset()

    @cached_property
    def denied(self) -> frozenset[int]:
        """The indices of its words a "not" or another denial covers."""
        return frozenset(set().union(*_negation_scopes(self.doc)))

    @cached_property
    def name_terms(self) -> frozenset[int]:
        """The indices of its terms that are names (none in a claim written as a headline,
        which capitalises every word)."""
        if _title_cased(self.doc):
            return frozenset()
        return frozenset(t.index for t in self.terms if t.name)


def _key(tok: Any) -> str:
    """A word's stem; a verb with its particle is one word ("step down", "kick off")."""
    joined = hyphened(tok) or _hyphened_tail(tok)
    if joined:
        return stem(joined)
    key = stem(tok.lemma_.lower() if tok.pos_ != "PROPN" else tok.lower_)
    if key in _STAGES and any(c.dep_ == "amod" and c.lower_ in _FIRST for c in tok.children):
        return _START  # "a first step", "the opening round": the start
    if tok.pos_ == "VERB":
        particle = next((c.lower_ for c in tok.children if _is_particle(c)), None)
        if particle:
            return f"{key}-{particle}"
        # ... and so is a fixed verb + bare noun the word lists name ("take part").
        obj = _fixed_object(tok, key)
        if obj is not None:
            return f"{key}-{obj.lower_}"
    return key


def _hyphened_tail(tok: Any) -> str | None:
    """"sit-down" read at its second word, which the parser may take for the noun's head
    ("The sit-down was ...": "down" is the subject); an occasion's name only ("a first-step
    dialogue" keeps its step a start)."""
    doc = tok.doc
    if tok.i < 2 or doc[tok.i - 1].text != "-":
        return None
    joined = hyphened(doc[tok.i - 2])
    return joined if joined and stem(joined) in EVENTS else None


_STAGES = frozenset(stem(w) for w in ("step", "round", "stage", "phase"))
_FIRST = frozenset(["first", "opening", "initial"])
_START = stem("start")


def _is_particle(tok: Any) -> bool:
    """A verb's particle ("step *down*"), or "together" in "got together", "came together"."""
    return tok.dep_ == "prt" or (tok.lower_ == "together" and tok.dep_ == "advmod"
                                 and tok.head.pos_ == "VERB")


def _in_fixed_phrase(tok: Any) -> bool:
    """Is this the noun of a fixed verb + noun ("part" in "took part"), one term with it?"""
    if tok.dep_ != "dobj" or tok.head.pos_ != "VERB":
        return False
    obj = _fixed_object(tok.head, stem(tok.head.lemma_.lower()))
    return obj is not None and obj.i == tok.i


def _amounts_to(root: Any) -> Any | None:
    """What a verb of being with its preposition says its subject is, if it is one."""
    prep = COPULAS_WITH.get(root.lemma_.lower())
    return next((o for c in root.children if c.dep_ == "prep" and c.lower_ == prep
                 for o in c.children if o.dep_ in ("pobj", "pcomp")), None)


# Nouns that say their subject is evidence of something ("a sign of ..."), and nouns of a
# party's disposition to do something ("willingness to negotiate").
_SIGNS = frozenset(["sign", "signal", "indication", "evidence", "proof", "mark", "symbol"])
_DISPOSITIONS = frozenset(["willingness", "readiness", "eagerness", "openness", "desire",
                           "intention", "intent", "wish"])


def _signified(doc: Any, heads: set[int]) -> set[int]:
    """The predicate nouns of "was a sign of U.S. willingness to negotiate": what the
    occasion is said to show is what is claimed of it, the deed the party is said to be
    disposed to ("negotiate") where it names one; the heads as they are otherwise."""
    out = set(heads)
    for i in heads:
        tok = doc[i]
        if tok.lemma_.lower() not in _SIGNS or tok.dep_ not in ("attr", "oprd"):
            continue
        shown = next((o for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                      for o in c.children if o.dep_ == "pobj"), None)
        if shown is None:
            continue
        deed = next((v for v in shown.children if v.dep_ in ("acl", "xcomp")
                     and v.pos_ == "VERB"), None) \
            if shown.lemma_.lower() in _DISPOSITIONS else None
        out = (out - {i}) | {(deed or shown).i}
    return out


def _first_doers(claim: ClaimAnalysis) -> list[str]:
    """Those the claim says did its deed first ("was first revealed by the State Department",
    "Washington first disclosed it"), where a country stands for them."""
    root = _clause_root(claim.doc)
    if not any(c.lower_ == "first" and c.dep_ == "advmod" for c in root.children):
        return []
    return [text for text, _, role in claim.entities
            if role in ("prep:by", "nsubj", "agent") and canonical(text) is not None]


def _in_order_to(tok: Any) -> bool:
    """"order" in "in order to": a mark of purpose, no word of what is claimed."""
    doc = tok.doc
    return (tok.lower_ == "order" and tok.i > 0 and doc[tok.i - 1].lower_ == "in"
            and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in ("to", "that"))


def _fixed_object(verb: Any, key: str) -> Any | None:
    """The bare noun that makes one word with its verb in the word lists ("part" of "took
    part"), if any."""
    for c in verb.children:
        if (c.dep_ == "dobj" and f"{key}-{c.lower_}" in SYNONYMS
                and not any(d.dep_ in ("det", "poss") for d in c.children)):
            return c
    return None


def _role(tok: Any) -> str:
    head = tok.head
    if tok.dep_ == "pobj" and head.pos_ == "ADP":
        return f"prep:{head.lower_}"
    return tok.dep_


def _ent_slot(group: str, ent: Any, matched: set[int]) -> str | None:
    """The slot a value of the sentence fills; "the Tunisia meeting" says where it was."""
    root = ent.root
    if group == "place" and root.dep_ == "compound" and root.head.i in matched:
        return "where"
    return _slot(group, _role(root), ent.text)


def _of_predicate(tok: Any, matched: set[int]) -> bool:
    """Does a value fill a slot of what the claim says (its matched verb or that verb's
    matched subject or object), not of some other noun ("a future role for Qaddafi in
    Libya" says nothing of where talks were held)?"""
    node = tok
    for _ in range(6):
        head = node.head
        if head.i == node.i:
            return True
        if head.pos_ in ("VERB", "AUX"):
            return any(c.i in matched for c in head.children) or head.i in matched
        if head.pos_ in ("NOUN", "PROPN") and head.i not in matched:
            return False
        node = head
    return False


def _scope(tok: Any) -> set[int]:
    return {t.i for t in tok.subtree}


# Verbs of a party's own sense of a thing ("felt their message had been understood"): what
# they sense is the claim's clause, as what they believe is.
_SENSING = frozenset(["think", "feel", "sense", "reckon"])


def _clause_root(doc: Any) -> Any:
    root = next((t for t in doc if t.dep_ == "ROOT"), doc[0])
    if root.lemma_ in REPORTING_VERBS or root.lemma_ in DENIAL_VERBS or root.lemma_ in _SENSING:
        comp = next((c for c in root.children if c.dep_ == "ccomp"), None)
        if comp is not None:
            return comp
        # "rejected the idea that talks began": the idea's clause is what is reported.
        for obj in root.children:
            if obj.dep_ == "dobj" and obj.lemma_ in _REPORT_NOUNS:
                clause = next((c for c in obj.children if c.dep_ in ("acl", "ccomp") or (
                    c.dep_ == "relcl" and any(m.dep_ == "mark" for m in c.children))), None)
                if clause is not None:
                    return clause
    return root


def analyse_claim(text: str, parser: Parser) -> ClaimAnalysis:
    doc = parser.parse(text)
    if len(doc) == 0:
        return ClaimAnalysis(text, doc, [], False, False, [])
    root = _clause_root(doc)
    content = _scope(root)
    source: set[int] = set()
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ == "according":
            source |= _scope(child)  # "according to X" says who claims it, not what
    content -= source
    subject: set[int] = set()
    for child in root.children:
        if child.dep_ in ("nsubj", "nsubjpass", "expl"):
            subject |= _scope(child)
    # "... when they met in Tunisia on July 16": a clause that says on which occasion,
    # not what is claimed of it.
    occasion = {i for c in root.children if c.dep_ == "advcl" and any(
        m.lower_ in ("when", "while") for m in c.children if m.dep_ in ("advmod", "mark"))
        for i in _scope(c)}
    heads: set[int] = set()
    complements = ("attr", "acomp", "oprd") if root.lemma_ in _COPULAS else ()
    copular = any(c.dep_ in complements for c in root.children) and not any(
        c.dep_ == "dobj" for c in root.children
    )
    if copular:
        for child in root.children:
            if child.dep_ in complements:
                heads.add(child.i)
                heads |= {c.i for c in child.children if c.dep_ == "compound"}
    elif (said_to_be := _amounts_to(root)) is not None:
        # "The get-together amounted to bargaining": what it amounted to is what it was.
        copular = True
        heads = {said_to_be.i} | {c.i for c in said_to_be.children if c.dep_ == "compound"}
    heads = _signified(doc, heads)
    core = _core(root, heads)
    if root.pos_ in ("VERB", "AUX") and (undone := not_done(root)):
        # "held back from recognizing the council": what was not done is what is claimed.
        tops = [doc[i] for i in undone if doc[i].head.i not in undone]
        core |= {t.i for t in tops} | {c.i for t in tops for c in t.children if c.dep_ == "dobj"}
    aliases = aliases_of(doc)
    terms: list[Term] = []
    for tok in doc:
        if tok.pos_ not in _CONTENT_POS or tok.is_punct:
            continue
        if (
            tok.lower_ in STOPWORDS
            or tok.lemma_ in ("be", "have", "do")
            or (copular and tok.i == root.i)
            or (tok.pos_ == "ADV" and tok.lower_ in _WEAK_ADVERBS)
        ):
            continue
        if tok.dep_ == "neg" or _in_fixed_phrase(tok) or _is_particle(tok) or _in_order_to(tok):
            continue
        weight = 1.5 if tok.pos_ in ("PROPN", "NUM") or tok.ent_type_ else 1.0
        if tok.pos_ == "ADV":
            weight = 0.5
        in_content = tok.i in content
        is_subject = tok.i in subject or tok.i in occasion
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
                aliases.get(tok.i),
                tok.text if tok.pos_ == "PROPN" and tok.is_title else "",
            )
        )
    # A "not" of its condition ("... if work did not start this year") is no denial of what
    # the claim asserts: a sentence giving the same condition is the same claim.
    negated = any(
        (t.dep_ == "neg" or (t.lower_ in ("no", "never") and t.dep_ in ("det", "neg", "advmod")))
        and t.i in content
        and not not_just(t)
        and not _in_condition(t)
        for t in doc
    )
    entities = [
        (ent.text.lower(), _ENTITY_GROUPS[ent.label_], _role(ent.root))
        for ent in doc.ents
        if ent.label_ in _ENTITY_GROUPS and ent.root.i not in source
        and not _names_a_pair(ent) and not one_of(ent.root)
    ]
    # Figures that say which thing the claim is about, not what it claims of it: those of
    # its frame ("said in June that ...") and the dates of its subject ("the July 16
    # meeting"; not "22,000 vehicles a day used it").
    framed = frozenset(ent.text.lower() for ent in doc.ents if ent.root.i not in content
                       or (ent.root.i in subject and ent.label_ == "DATE"))
    pair = frozenset(t.i for t in doc if _in_pair(t))
    # "... was first revealed by the State Department": the doer of a passive verb is its
    # subject as much as a grammatical subject is.
    agent = {t.i for c in root.children if c.dep_ == "agent" for t in c.subtree}
    named = [
        ent.text.lower()
        for ent in doc.ents
        if (ent.root.i in subject or ent.root.i in agent)
        and ent.label_ in ("PERSON", "ORG", "GPE", "NORP")
    ]
    every = [
        ent.text.lower().removeprefix("the ")
        for ent in doc.ents
        if ent.label_ in ("PERSON", "ORG", "GPE", "NORP")
    ]
    subject_keys = frozenset(_key(doc[i]) for i in subject if doc[i].pos_ in ("NOUN", "PROPN"))
    subject_aliases = frozenset(aliases[i] for i in subject if i in aliases)
    subject_other = any(doc[i].lower_ in _OTHER for i in subject)
    # "There will be more rounds of talks": what "there is" is what the claim is about; so is
    # what is arranged ("have scheduled another meeting", "pencilled in a second session").
    existing = {i for c in root.children if c.dep_ == "attr"
                and any(e.dep_ == "expl" for e in root.children) for i in _scope(c)}
    existing |= {i for c in root.children if c.dep_ == "dobj" and _key(root) in _ARRANGE
                 for i in _scope(c)}
    # ... and what is to be held ("will hold another meeting"): the verb says only that the
    # occasion takes place.
    existing |= {i for c in root.children if c.dep_ == "dobj" and _key(c) in EVENTS
                 and root.lemma_ in _HOLDS and _to_come(root) for i in _scope(c)}
    subject_further = any(
        doc[i].lower_ in FURTHER and doc[i].dep_ in ("det", "amod")
        and doc[i].head.pos_ == "NOUN" and (doc[i].lower_ != "more" or doc[i].head.tag_ == "NNS")
        for i in subject | existing)
    # "are set to meet again", "will meet again": the claim is of one more meeting to come,
    # as "another meeting" is ("is growing again" says how things are now).
    again = frozenset(_key(doc[i].head) for i in content
                      if doc[i].lower_ == "again" and doc[i].dep_ == "advmod"
                      and _to_come(doc[i].head) and _main(doc[i].head, root))
    subject_further = subject_further or bool(again)
    # ... and "there will be another meeting" is of the meeting to come.
    again |= frozenset(_key(doc[i]) for i in existing if doc[i].pos_ == "NOUN")
    unasserted = _unasserted(doc, core | {root.i})
    scopes = _negation_scopes(doc)
    main_negated = _denied(scopes, root.i)
    core_denied = any(_denied(scopes, i) for i in core)
    # ("are set to meet again", "is due to vote": what is to come, not what was done)
    to_come = root.lemma_.lower() in _SCHEDULED and any(c.dep_ == "xcomp" for c in root.children)
    done = (root.tag_ == "VBD" or (root.tag_ == "VBN" and any(
        c.dep_ in ("aux", "auxpass") and c.lemma_ in ("have", "be") for c in root.children))
    ) and not any(c.dep_ == "aux" and c.lower_ in _FUTURE | _MODALS for c in root.children) and (
        not to_come)
    return ClaimAnalysis(
        text,
        doc,
        terms,
        negated,
        copular,
        entities,
        named,
        every,
        subject_keys,
        subject_aliases,
        subject_other,
        unasserted,
        main_negated,
        core_denied,
        done,
        subject_further,
        framed,
        pair,
        again,
        # (a place inside the subject says which one it is: "the meeting in Tunisia")
        _places_of(doc, entities, occasion | subject),
        titles_of(doc),
        claimed(doc),
        {t.index: found for t in terms if (found := owners(doc[t.index]))},
        doers(doc),
    )


_PAIR_NOUNS = frozenset(["nation", "country", "side", "government", "state", "party",
                         "capital", "power"])


def _names_a_pair(ent: Any) -> bool:
    """"the two sides", "the two nations": a pair named, not a figure claimed."""
    return (ent.text.lower() == "two" and ent.root.dep_ == "nummod"
            and ent.root.head.lemma_.lower() in _PAIR_NOUNS)


def _in_pair(tok: Any) -> bool:
    """Is the word one of the two named in "between X and Y", or in "X and Y met" (two who
    met are "the two sides")?"""
    head = tok.head if tok.dep_ == "conj" else tok
    between = head.dep_ == "pobj" and head.head.lower_ == "between"
    met = head.dep_ == "nsubj" and head.head.lemma_.lower() in MET_WITH
    return ((tok.pos_ == "PROPN" or tok.ent_type_ in ("NORP", "GPE")) and (between or met)
            and (tok.dep_ == "conj" or any(c.dep_ == "conj" for c in tok.children)))


def _pair_named(doc: Any) -> Any | None:
    """"between the two nations" / "both countries": the word that names a pair."""
    for tok in doc:
        if tok.lemma_.lower() not in _PAIR_NOUNS or tok.tag_ != "NNS":
            continue
        if any(c.lower_ in ("two", "both") for c in tok.children):
            return tok
    return None


_LIGHT_VERBS = frozenset(["take", "make", "have", "hold", "give", "do", "get", "keep"])
_LIGHT_VERBS_IN = frozenset(["engage", "participate", "join"])
_OCCURRED = frozenset(stem(w) for w in (*TOOK_PLACE, "take", "place")) | {"take-place"}


def _core(root: Any, heads: set[int]) -> set[int]:
    """The words a contradiction has to be about: predicate noun, or main verb and object."""
    if heads:
        return set(heads)
    core = {root.i} if root.lemma_ not in ("be", "have", "do") else set()
    for child in root.children:
        if root.lemma_ == "be" and child.dep_ == "prep":
            # "Four officials were at the meeting": where they were is what is claimed; "was
            # about mending relations": what it was about, the deed with its object.
            core |= {c.i for c in child.children if c.dep_ in ("pobj", "pcomp")}
            core |= {o.i for c in child.children if c.dep_ == "pcomp" and c.pos_ == "VERB"
                     for o in c.children if o.dep_ == "dobj"}
        if root.lemma_ in _LIGHT_VERBS_IN and child.dep_ == "prep" and child.lower_ == "in":
            # "engaged in negotiations": the noun is what they did
            core |= {c.i for c in child.children if c.dep_ == "pobj"}
        if child.dep_ in ("dobj", "attr", "acomp", "prt", "xcomp"):
            core.add(child.i)
            if child.dep_ == "xcomp":  # "was prepared to see a role": the role matters
                core |= {c.i for c in child.children if c.dep_ == "dobj"}
    fixed = _fixed_object(root, stem(root.lemma_.lower())) if root.pos_ == "VERB" else None
    if fixed is not None:  # "took part": the verb with its noun is the predicate
        core.discard(fixed.i)
        core.add(root.i)
    elif root.lemma_ in _LIGHT_VERBS | _LIGHT_VERBS_IN and len(core) > 1:
        core.discard(root.i)
    return core


def _predicate_of(verb: Any) -> set[int]:
    """What a "not" on this verb denies: neither its subject nor a coordinated clause ("X was
    not A and there is B" says nothing against B)."""
    scope = _scope(verb)
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "expl", "conj"):
            scope -= _scope(child)
    return scope


def _negation_scopes(doc: Any) -> list[set[int]]:
    """Token sets whose truth the sentence denies."""
    scopes: list[set[int]] = []
    for tok in doc:
        lower = tok.lower_
        if tok.dep_ == "neg" and not_just(tok):
            continue
        if tok.dep_ == "neg" or (lower == "never" and tok.dep_ == "advmod"):
            head = tok.head
            if head.dep_ in ("aux", "auxpass") and head.head.i != head.i:
                head = head.head
            if head.pos_ in ("NOUN", "PROPN", "NUM") and tok.i > head.i:
                # "52 million crowns, not the 48 million": only the alternative is denied.
                scopes.append({i for i in _scope(head) if i > tok.i} - _given_by(doc, tok.i))
                continue
            scopes.append(_predicate_of(head) - {tok.i})
        elif lower in ("no", "none", "nothing", "nobody", "neither") and tok.dep_ in (
            "det",
            "nsubj",
            "dobj",
            "attr",
            "pobj",
            "nsubjpass",
        ):
            target = tok.head if tok.dep_ == "det" else tok
            if target.dep_ == "dobj" and target.head.pos_ in ("VERB", "AUX"):
                # "found no impurity" denies the finding ("did not find any"), as a "not"
                # on the verb would.
                scopes.append(_predicate_of(target.head) - {tok.i})
                continue
            scopes.append(_scope(target) - {tok.i})
        elif lower == "without" and tok.pos_ == "ADP":
            scopes.append(_scope(tok) - {tok.i})
        elif tok.lemma_.lower() in FALSITY_ADVERBS:
            scopes.append(_complement(tok.head))
        elif tok.pos_ in ("VERB", "AUX") and (undone := not_done(tok)):
            scopes.append(undone)
        elif withdrawn := withdrawn_claims(tok):
            # "has withdrawn its statement that X": X is taken back.
            scopes.extend(_scope(clause) for clause in withdrawn)
        elif superseded_text(tok):
            # "An earlier version of this report said X": a correction withdraws X.
            scopes.append(_complement(tok.head))
        elif lower in _FALSE_WORDS and tok.dep_ in ("acomp", "attr"):
            # "Reports that X were false": the report noun's clause is denied.
            for subj in tok.head.children:
                if subj.dep_ in ("nsubj", "nsubjpass") and subj.lemma_ in _REPORT_NOUNS:
                    for clause in subj.children:
                        if clause.dep_ in ("acl", "ccomp", "relcl"):
                            scopes.append(_scope(clause))
        elif tok.pos_ == "VERB" and (tok.lemma_ in DENIAL_VERBS or rejects(tok)):
            scopes.append(_complement(tok))
    return scopes


def rejects(verb: Any) -> bool:
    """"refused the request", "turned down the proposal": its object is not taken ("sea ice
    has declined" takes none, and turns nothing down)."""
    if not any(c.dep_ == "dobj" for c in verb.children):
        return False
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    word = f"{verb.lemma_.lower()}-{particle}" if particle else verb.lemma_.lower()
    return word in REJECTING


def _in_condition(tok: Any) -> bool:
    """Is the word inside an "if" / "unless" clause of its sentence?"""
    return any(a.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless")
                                         for c in a.children)
               for a in (tok, *tok.ancestors))


def _complement(verb: Any) -> set[int]:
    """The tokens of what a verb says or denies: its clause, infinitive or object."""
    return {i for child in verb.children if child.dep_ in ("ccomp", "xcomp", "dobj")
            for i in _scope(child)}


def _denied(scopes: list[set[int]], i: int) -> bool:
    """Is token ``i`` under an odd number of negations ("not untrue" is true)?"""
    return sum(1 for s in scopes if i in s) % 2 == 1


def _predicative(tok: Any, subjects: frozenset[str] = frozenset()) -> bool:
    """Is this word said *of* something ("was a negotiation", "described as a dialogue")?

    A modifier of the claim's subject counts too: "a secret meeting" says the meeting was
    secret.
    """
    if tok.dep_ in ("amod", "compound") and _key(tok.head) in subjects:
        return True
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


def _denier_elsewhere(claim: ClaimAnalysis, doc: Any) -> bool:
    """Does the claim report a denial ("Dalvane denied that it knew in July") that the
    sentence's affirming it does not touch? What X denied is X's word: another's account of
    the fact ("Marchetti said Dalvane had known since July"), or the narrator's, leaves it
    denied; only X's own ("Dalvane admitted it knew") does not."""
    root = next((t for t in claim.doc if t.dep_ == "ROOT"), None)
    if root is None or root.lemma_.lower() not in DENIAL_VERBS:
        return False
    deniers = {_key(t) for c in root.children if c.dep_ == "nsubj" for t in c.subtree
               if t.pos_ in ("NOUN", "PROPN")}
    main = next((t for t in doc if t.dep_ == "ROOT"), None)
    if main is None or not deniers:
        return False
    if main.lemma_.lower() not in REPORTING_VERBS:  # (which hold "admit", "confirm")
        return True  # the narrator's account ("Dalvane knew in July"), not the denier's word
    theirs = {_key(t) for c in main.children if c.dep_ in ("nsubj", "nsubjpass")
              for t in c.subtree if t.pos_ in ("NOUN", "PROPN", "PRON")}
    return not any(deniers & related(k) for k in theirs)


def _same_subject(
    claim: ClaimAnalysis,
    doc: Any,
    scopes: list[set[int]],
    core_tokens: set[int],
    aliases: dict[int, str],
) -> bool:
    """Is a denied predicate said of what the claim is about?

    "There is no plan to hold another session" denies holding a session, not that "the
    meeting was held": the claim's subject has to appear in the denied clause or as its
    subject (a pronoun may stand for it).
    """
    if not claim.subject_keys:
        return True
    clause: set[int] = set()
    for scope in scopes:
        if scope & core_tokens:
            clause |= scope
    for _scope, top in _denied_tops(doc, scopes, core_tokens):
        clause |= {t.i for s in _subjects_of(top) for t in s.subtree}
    if not clause:
        return True
    for i in clause:
        tok = doc[i]
        if (any(c.lower_ in _OTHER for c in tok.children)
                and not (claim.subject_other or claim.subject_further)):
            continue  # "another session" is not the meeting the claim is about
        if tok.pos_ == "PRON" and tok.dep_ in ("nsubj", "nsubjpass"):
            return True
        if claim.subject_keys & related(_key(tok)):
            return True
        if aliases.get(i) and aliases[i] in claim.subject_aliases:
            return True
        if tok.dep_ == "expl" and _speaks_for_subject(claim, tok, aliases):
            return True
    return False


def _denied_tops(doc: Any, scopes: list[set[int]], core_tokens: set[int]
                 ) -> Iterator[tuple[set[int], Any]]:
    """Each denied clause holding a word of the claim's core, with its top word."""
    for scope in scopes:
        if scope & core_tokens:
            for i in scope:
                if doc[i].head.i not in scope or doc[i].head.i == i:
                    yield scope, doc[i]


def _subjects_of(top: Any) -> list[Any]:
    """The subjects of a denied clause, or of the verb it is the object of ("X found no
    defect"); an infinitive's or gerund's subject is its verb's."""
    subjects = []
    for node in (top, *top.ancestors):
        subjects += [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
        if node.pos_ in ("VERB", "AUX") and node.dep_ not in ("xcomp", "pcomp"):
            break
    return subjects


def _denied_of_no_one(claim: ClaimAnalysis, doc: Any, scopes: list[set[int]],
                      core_tokens: set[int]) -> bool:
    """"There is no agreement to return the hoard", "No agreement has been reached": a
    denial naming no one says that no one did it, the claim's subject included (not
    where it is of another one: "there is no plan to hold another session")."""
    if claim.subject_other or claim.subject_further:
        return False
    tops = list(_denied_tops(doc, scopes, core_tokens))
    if any(c.lower_ in _OTHER for scope, _ in tops for i in scope for c in doc[i].children):
        return False
    return any(s.dep_ == "expl" or (s.i in core_tokens and any(
        d.lower_ == "no" for d in s.children)) for _, top in tops for s in _subjects_of(top))


def _as_claimed(claim: ClaimAnalysis, scopes: list[set[int]],
                matched: dict[int, list[Any]]) -> set[int]:
    """The sentence's words that stand for the claim's core, less the near-synonyms it
    denies while it affirms the claim's own word: "Talks ... Weren't Negotiations" sets
    talks apart from negotiations and denies nothing of "they talked"."""
    words: set[int] = set()
    for term in claim.terms:
        if not term.core:
            continue
        toks = matched.get(term.index, [])
        affirmed = any(_key(t) == term.key and not _denied(scopes, t.i) for t in toks)
        words |= {t.i for t in toks
                  if not (affirmed and _key(t) != term.key and _denied(scopes, t.i))}
    return words


def _met_at(claim: ClaimAnalysis, doc: Any, matched: dict[int, list[Any]]) -> bool:
    """Does the sentence name by its place the meeting the claim speaks of, or says its
    subject held ("the Tunisia meeting" for "the meeting with Qaddafi's people was held in
    Istanbul", "the Americans and Qaddafi's people met in Cairo")?"""
    for term in claim.terms:
        if term.key not in EVENTS or not (term.core or not term.predicate):
            continue
        if _named_by_place(claim.doc[term.index]):
            continue  # "the Tunisia meeting" of the claim is not "the Istanbul meeting"
        if any(tok.pos_ == "NOUN" and _named_by_place(tok)
               for tok in matched.get(term.index, [])):
            return True
    return False


def _named_by_place(tok: Any) -> bool:
    """Is the word named by a place ("the Tunisia meeting")?"""
    return any(c.dep_ == "compound" and _ENTITY_GROUPS.get(c.ent_type_) == "place"
               for c in tok.children)


def _occasion_denied(claim: ClaimAnalysis, doc: Any, scopes: list[set[int]],
                     matched: dict[int, list[Any]]) -> bool:
    """Does the sentence say an occasion was not what the claim says was done or begun
    ("the meeting was not a negotiation" for "the two sides negotiated"; "not the start
    of talks" for "the encounter was the first stage of a dialogue")?

    What the occasion was is what those who met did there. The word denied must be the
    claim's own word or one of the same meaning ("bargaining"), not a near-synonym: "talks
    weren't negotiations" denies nothing of talks.
    """
    for term in claim.terms:
        if not term.core:
            continue
        for tok in matched.get(term.index, []):
            if (tok.dep_ == "attr" and _key(tok) in SAME_MEANING.get(term.key, {term.key})
                    and _denied(scopes, tok.i)
                    and any(c.dep_ == "nsubj" and _key(c) in EVENTS
                            for c in tok.head.children)):
                return True
    return False


# What a news report calls a named organisation or person once it has named it. One list for
# both: the tagger often takes a company's name for a person's.
_STANDS_FOR_NAMED = frozenset([
    "company", "firm", "group", "agency", "ministry", "department", "council", "union",
    "authority", "organisation", "organization", "bank", "manufacturer", "maker",
    "government", "party", "committee", "board", "court", "regulator", "carrier", "airline",
    "operator", "he", "she", "minister", "president", "spokesman", "spokeswoman",
    "spokesperson", "mayor", "governor", "chairman", "chairwoman", "director", "official",
    "ambassador", "senator", "judge",
])


# Verbs that tell two sides met.
_MET = frozenset(["meet", "confer"])
# What one side says or undertakes to the other: a deed done at a meeting, not the meeting.
_DEEDS_TOWARD = frozenset(
    "offer ask agree promise pledge threaten warn tell demand propose pay accept reject "
    "refuse invite urge request grant approve consent commit".split()
)


# Verbs that say something was made known: "announced the meeting" is not carried by a
# sentence about the meeting alone.
_MADE_KNOWN = frozenset("announce disclose reveal publish leak confirm".split())


def _made_a_thing_known(verb: Any) -> bool:
    """"announced the meeting": a thing made known, not what a finding says ("published
    evidence that ...", "revealed that ...", whose clause is the claim)."""
    if verb.lemma_.lower() not in _MADE_KNOWN:
        return False
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return obj is not None and not any(c.dep_ in ("acl", "ccomp", "relcl") for c in obj.children)


# Verbs that say a deed began or ended: the change is what they claim ("continued warming"
# is the warming going on, which a sentence of the warming carries).
_ASPECT = frozenset("stop start begin cease resume quit halt".split())


def _tells_a_meeting(root: Any) -> bool:
    """Does a sentence's main clause (its ``root``) tell that sides met: "X met Y on
    Thursday at Z", "X sat down with Y", "X held talks with Y"?"""
    lemma = root.lemma_.lower()
    if lemma in _MET:
        return True
    if lemma == "sit":
        return any(c.dep_ == "prt" and c.lower_ == "down" for c in root.children)
    return lemma in ("hold", "have") and any(
        c.dep_ == "dobj" and stem(c.lemma_.lower()) in EVENTS for c in root.children)


def _stands_for_subject(claim: ClaimAnalysis, doc: Any) -> bool:
    """Is the sentence's subject what a report calls the claim's named subject once named
    ("The company will reimburse patients" for "Dalvane will reimburse patients")?"""
    if not any(role in ("nsubj", "nsubjpass") and group in ("org", "person")
               for _text, group, role in claim.entities):
        return False
    subject = next((c for c in _clause_root(doc).children
                    if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.ent_type_:
        return False
    words = [t.lower_ for t in subject.subtree]
    bare = words in (["he"], ["she"]) or (words[0] == "the" and len(words) <= 3)
    return bare and subject.lemma_.lower() in _STANDS_FOR_NAMED


_INDEFINITE = frozenset(["a", "an", "any", "some"])  # "a dialogue has begun": any at all


def _party_role(tok: Any) -> str:
    """A name's role, a party's after "with" or "between" however it is written: "between
    the US and Qaddafi's government" names both as "prep:between"."""
    node = tok
    for _ in range(3):
        if node.dep_ not in ("poss", "compound", "conj", "appos") or node.head.i == node.i:
            break
        node = node.head
    if node.dep_ == "pobj" and node.head.lower_ in ("with", "between"):
        return f"prep:{node.head.lower_}"
    return _role(tok)


def _the_one_named(claim: ClaimAnalysis, doc: Any) -> bool:
    """Is the claim's subject a thing its name only qualifies ("the Tunisia meeting", "the
    July 16 talks"), and the sentence's "the meeting" that thing, named no other way?"""
    roles = [_party_role(ent.root) for ent in claim.doc.ents
             if ent.text.lower() in claim.subject_entities]
    # (A name after "with" or "between" says who took part: "talks with Tripoli".)
    # (... and a place after "in" or "at" which one: "the meeting in Tunisia".)
    if not roles or any(role not in ("compound", "nmod", "amod", "prep:with", "prep:between",
                                     "prep:in", "prep:at")
                        for role in roles):
        return False  # a name that is the subject, or the doer of a passive verb
    # (A subject tagged as a verb is a noun the tagger misread: "talks with Tripoli began".)
    subjects = [t for t in _clause_root(claim.doc).children
                if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("NOUN", "VERB")]
    heads = {_key(t) for t in subjects}
    parties = any(role.startswith("prep:") for role in roles)
    found = False
    for tok in doc:
        if tok.pos_ != "NOUN" or not heads & related(_key(tok)):
            continue
        named = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "poss")
                 and (c.pos_ in ("PROPN", "NUM") or c.ent_type_)]
        if parties and any(c.lower_ in ("with", "between") for c in tok.children
                           if c.dep_ == "prep"):
            return False  # "talks with the rebels": held with others than the claim's
        # "the meeting", or bare "talks" where the claim's subject is bare too ("Talks with
        # Tripoli began at the meeting" / "the meeting was not the start of talks").
        bare = tok.tag_ == "NNS" and not any(c.dep_ == "det" for c in tok.children) and all(
            not any(c.dep_ == "det" and c.lower_ not in _INDEFINITE for c in s.children)
            for s in subjects)
        found = found or (not named and (bare or any(c.lower_ == "the" for c in tok.children)))
    return found


def _speaks_for_subject(claim: ClaimAnalysis, expl: Any, aliases: dict[int, str]) -> bool:
    """"The State Department official said there is no plan to ...": a side saying there is
    no plan speaks of its own plans, when the claim is about that side."""
    for node in expl.head.ancestors:
        if node.lemma_ in REPORTING_VERBS:
            speaker = [t.i for c in node.children if c.dep_ in ("nsubj", "nsubjpass")
                       for t in c.subtree]
            return any(aliases.get(i) in claim.subject_aliases for i in speaker if i in aliases)
    return False


def _mentions(sentence: str, name: str, aliases: frozenset[str] = frozenset()) -> bool:
    """Does the lower-cased sentence contain any word of a lower-cased name, or another
    name for the same country or body?"""
    # At the start of a word ("sun" in "sunlight"), and a short name as a whole word: "un"
    # is not in "council", nor "us" in "discussed".
    # ("the" in "the State Department" is no word of the name.)
    words = [w for w in name.split() if w not in _NAME_FILLERS] or name.split()
    if any(re.search(rf"(?<!\w){re.escape(w)}" + (r"(?!\w)" if len(w) < 3 else ""), sentence)
           for w in words):
        return True
    said = re.findall(r"\w+", sentence)
    if any(respelled(w, x) for w in words for x in said):
        return True  # "gaddafi" in a sentence that writes "qaddafi"
    key = canonical(name)
    return key is not None and key in aliases


_NAME_FILLERS = frozenset(["the", "a", "an", "of", "and", "for"])

LEFT_OPEN = "left open"  # the cue of a sentence that asks or supposes the claim
OTHER_VALUE = "another value"  # the cue of a sentence giving a figure or date the claim lacks
OTHER_DATE = "another date"  # ... a date, which no reading makes the claim's
OTHER_PLACE = "another place"  # ... or saying the event was somewhere else
ANOTHER_PARTY = "another party's"  # ... or speaking of another party's thing of the claim's kind
OTHER_EVENT = "another event"  # ... or placing another event of its kind elsewhere
EARLIER_DEED = "the deed it undoes"  # ... or telling of what the claim says was undone since
BY_PREFIX = " by its prefix"  # the end of the cue of a word's negative form ("safe", "unsafe")
SWAPPED = " differs"  # the end of the cue of a sentence with another value in the claim's slot
DENIED = "denied of another"  # ... or denying the claim's predicate of another subject
OTHER_PURPOSE = "only another purpose"  # ... or giving its subject another purpose as the only one
NO_PLACE = "no place named"  # ... or not naming the place the claim gives
OPPOSITE = "opposite polarity"  # the cue of a sentence denying what the claim says of its subject
CHANGED_FROM = "changed from it"  # ... or saying the claim's figure changed to another
SET_ASIDE = "set aside"  # ... or naming the claim's value as the alternative it rules out
INTENT_UNSAID = "no word of the intent"  # ... or lacking the plan or wish the claim gives
ANOTHER_THING = "another thing of its name"  # ... or of a thing another figure names
WITHDRAWN = "only what was withdrawn"  # the cue of a correction's earlier, withdrawn text
PARAPHRASE = "paraphrase"  # the cue of a sentence that supports by closeness alone
NOT_ABOUT = "not about the claim"  # the cue of a sentence that says nothing of the claim
NAMES_ONLY = "only its names"  # ... or sharing only the claim's names, nothing of its deed
HEADLINE = "a headline: the topic"  # ... or being a headline only close to the claim
MOVED = "figures moved "  # the start of the cue of a sentence whose figures say which way


def _set_aside(doc: Any, matched: Collection[int], claim: Any,
               subject_keys: frozenset[str] = frozenset()) -> bool:
    """Does the sentence rule out the claim's words as the alternative to what it says: "X,
    not Y" ("silt, not the new weir"; "9 million marks, not the 6 million"), with the
    claim's content words (or figures) in Y and none of them in X? Not where the claim is
    about whoever gave Y ("not the 48 million estimated by the city's engineers" for "the
    engineers estimated 48 million")."""
    figures = {t.lower_ for t in claim if t.like_num}
    matched = set(matched) | {t.i for t in doc if t.like_num and t.lower_ in figures}
    for tok in doc:
        if tok.lower_ != "not" or tok.i < 2 or doc[tok.i - 1].text != ",":
            continue
        end = next((t.i for t in doc[tok.i + 1 :] if t.is_punct or (t.pos_ == "VERB"
                    and t.dep_ not in ("acl", "amod", "compound"))), len(doc))
        ruled_out = {i for i in range(tok.i + 1, end) if doc[i].pos_ in CONTENT_POS}
        before = doc[tok.i - 2]
        kept = {t.i for t in before.subtree if t.i < tok.i - 1 and t.pos_ in CONTENT_POS}
        # Only the words that tell the two apart count ("million" is in both figures).
        lemmas = {doc[i].lemma_.lower() for i in kept}, {doc[i].lemma_.lower() for i in ruled_out}
        given = {i for i in ruled_out & matched if doc[i].lemma_.lower() not in lemmas[0]}
        # (the head the alternative leaves out is shared: "9 million marks, not the 6")
        other = {i for i in kept & matched - {before.i} if doc[i].lemma_.lower() not in lemmas[1]}
        if given and not other and not (subject_keys & {
                _key(doc[i]) for i in _given_by(doc, tok.i)}):
            return True
    return False


def _given_by(doc: Any, neg: int) -> set[int]:
    """After "not the 48 million", who gave the alternative: "estimated by the city's
    engineers", "claimed in the council's first report". The alternative is ruled out, not
    that they gave it, so a claim that they gave it is not denied."""
    end = next((t.i for t in doc[neg + 1 :] if t.is_punct), len(doc))
    given = next((t.i for t in doc[neg + 1 : end] if t.tag_ in ("VBN", "VBD")), None)
    return set(range(given, end)) if given is not None else set()


def _left_open(doc: Any, tokens: set[int]) -> bool:
    """The claim's words sit in a "whether" / "if" clause: asked or supposed, not asserted."""
    for i in tokens:
        for node in (doc[i], *doc[i].ancestors):
            if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in node.children):
                return True
    return False


def _on_condition(doc: Any, tokens: set[int]) -> bool:
    """The claim's words are what happens if something else does ("If the ferry is not ready,
    Skerrick Line will run Route 2 until September"): said on a condition, not asserted."""
    for i in tokens:
        for node in (doc[i], *doc[i].ancestors):
            if any(c.dep_ == "advcl" and _in_condition(c) for c in node.children):
                return True
    return False


# Modals that make a sentence say what may be, not what is ("may resign"). "Must" is left
# out: "X must step down" states a position.
_MODALS = frozenset(["may", "might", "could", "would", "should"])
# Verbs whose complement is wished, feared or planned, not asserted.
_IRREALIS = frozenset(
    "fear hope expect want wish urge demand propose plan threaten consider seek recommend "
    "pray intend aim try".split()
)
# Verbs whose infinitive complement is a request: "called on the minister to resign".
_REQUEST = frozenset("call ask tell order beg press push encourage invite advise".split())
_FALSE_WORDS = frozenset(
    "false untrue baseless unfounded wrong inaccurate incorrect fake fabricated groundless".split()
)
# Words a claim uses to say a belief was wrong ("a mistaken Libyan belief that ...").
_WRONG = _FALSE_WORDS | FALSITY_ADVERBS | frozenset(
    "mistaken erroneous misguided misconception misunderstanding misapprehension".split())


def _says_it_wrong(doc: Any) -> bool:
    """Does the claim call what it reports wrong ("a mistaken belief that ...")?"""
    return any(t.lower_ in _WRONG or t.lemma_.lower() in _WRONG for t in doc)


# Nouns whose "that" clause is reported, not asserted: "reports that the minister resigned".
_REPORT_NOUNS = frozenset(
    "report claim rumour rumor allegation suggestion speculation accusation assertion idea "
    "notion possibility question theory".split()
)


def _unasserted(doc: Any, tokens: set[int], owned: Collection[int] = ()) -> bool:
    """The claim's words sit under a modal, a wish or request, a report noun, or an order.
    A modal of a clause in ``owned`` is what its verb says, as the claim says it."""
    first = next((t.i for t in doc if not t.is_punct), -1)
    for i in tokens:
        for node in (doc[i], *doc[i].ancestors):
            head = node.head
            # "She said taxes would rise" reports a forecast: "would" is "will", told later.
            reported = node.dep_ == "ccomp" and head.lemma_ in REPORTING_VERBS
            if node.i not in owned and any(
                c.dep_ == "aux" and c.lower_ in _MODALS and not (reported and c.lower_ == "would")
                for c in node.children
            ):
                return True
            if node.dep_ in ("xcomp", "ccomp") and head.lemma_ in _IRREALIS:
                return True
            if node.dep_ == "xcomp" and head.lemma_ in _REQUEST:
                return True
            if node.dep_ in ("acl", "ccomp") and head.pos_ == "NOUN" and (
                head.lemma_ in _REPORT_NOUNS
            ):
                return True
            if node.dep_ == "ccomp" and any(c.dep_ == "expl" for c in head.children) and any(
                    c.dep_ == "attr" and c.lemma_ in _REPORT_NOUNS for c in head.children):
                return True  # "There were unconfirmed reports that ..."
            if (
                node.tag_ == "VB"
                and node.i == first
                and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in node.children)
            ):
                return True  # an order: "Resign now, protesters told the minister."
    return False


def _owned_clauses(root: Any, matched: dict[int, list[Any]]) -> set[int]:
    """The "that" clauses of the sentence's word for the claim's main verb (``root``), where
    the claim gives that verb an infinitive: "agreed that the hoard should return" is
    "agreed to return it", its "should" the agreement's, as "to" is the claim's."""
    if not any(c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children)
               for c in root.children):
        return set()
    return {c.i for tok in matched.get(root.i, []) for c in tok.children if c.dep_ == "ccomp"}


_STILL = frozenset(["remain", "stay"])


def _undone_later(claim: ClaimAnalysis, opposite: Any) -> bool:
    """"reopened" after "closed in February": a claim that something was undone again
    presupposes the deed the sentence tells of, so that deed, told as past ("closed", "was
    closed"), neither denies nor carries it; a state that still holds ("remains closed")
    denies it."""
    # "re" + a word the sentence's opposes: "reopen" is "open" again ("reduce" is not).
    again = [t for t in claim.terms if t.predicate and t.key.startswith("re")
             and _key(opposite) in ANTONYMS.get(t.key[2:], ())]
    if not again or opposite.pos_ not in ("VERB", "AUX"):
        return False
    if any(t.i != opposite.i and _key(t) == _key(opposite) and t.head.lemma_ in _STILL
           for t in opposite.doc):
        return False  # "closed it in 2024, and it remains closed": the state still holds
    if opposite.tag_ == "VBD":
        return True
    return opposite.tag_ == "VBN" and any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBN") for c in opposite.children)


def _main(verb: Any, root: Any) -> bool:
    """Is the verb what the claim says, its main verb or that verb's own infinitive ("are set
    to meet"), not a clause under it ("raising the possibility that it will ...")?"""
    return verb.i == root.i or (verb.dep_ == "xcomp" and verb.head.i == root.i)


# Verbs of arranging something to come: their object is the thing to come.
_ARRANGE = frozenset(k for w in ("plan schedule arrange set-up book pencil pencil-in fix agree-on "
                                 "slate").split() for k in forms(w))


# Verbs whose object is an occasion that takes place ("hold a meeting", "have talks").
_HOLDS = TOOK_PLACE | {"have"}


def _to_come(verb: Any) -> bool:
    """Is the verb what will or is meant to happen ("will meet", "set to meet")?"""
    return any(c.dep_ == "aux" and (c.lower_ == "to" or c.lower_ in _FUTURE)
               for c in verb.children)


def further_claimed(text: str, parser: Parser) -> bool:
    """Does the claim say one more of its subject is to come, and not deny it ("More sessions
    will follow", "They will meet again")?"""
    claim = analyse_claim(text, parser)
    return claim.subject_further and not (claim.negated or claim.core_denied)


def _of_a_further_one(claim: ClaimAnalysis, doc: Any) -> bool:
    """Does the sentence speak of a further one of what the claim's subject names ("another
    session", "more talks", "a second round"), or of its deed done again ("will meet again")?"""
    keys = claim.subject_keys | claim.further_keys
    return any(keys & related(_key(tok)) and any(
        c.lower_ in _ANOTHER or (c.lower_ == "again" and c.dep_ == "advmod")
        for c in tok.children) for tok in doc)


def _further_denied(claim: ClaimAnalysis, doc: Any, scopes: list[set[int]]) -> bool:
    """Does the sentence deny a further one of the occasion the claim says is to come ("there
    is no plan to hold another session" against "more rounds of talks will follow")?"""
    if not claim.subject_further or claim.negated or claim.core_denied:
        return False  # (a claim that it was denied is met by the denial, not contradicted)
    keys = {r for k in claim.subject_keys | claim.further_keys if k in EVENTS for r in related(k)}
    return any(_key(tok) in keys and _denied(scopes, tok.i)
               and any(c.lower_ in _ANOTHER for c in tok.children) for tok in doc)


def _foretold(doc: Any, tokens: set[int]) -> bool:
    """The claim's words are what someone will or would do ("said she would meet them",
    "would vote against any budget"): a forecast or an intention, not the deed done."""
    for i in tokens:
        verb = next((n for n in (doc[i], *doc[i].ancestors) if n.pos_ in ("VERB", "AUX")), None)
        if verb is not None and any(c.dep_ == "aux" and c.lower_ in _FUTURE
                                    for c in verb.children):
            return True
        if verb is not None and verb.head.lemma_.lower() in _SCHEDULED and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            return True  # "is due to vote", "is set to meet": not yet done
        if verb is not None and verb.dep_ in ("acl", "xcomp") and (
                verb.head.lemma_.lower() in _INTENTS and verb.head.i not in tokens):
            # "has no plans to close the bridge", "is considering closing it": what is (or
            # is not) meant to be done tells nothing of what has been done (unless the
            # claim's word is the plan: "proposed raising the tax", "scheduled a session").
            return True
    return False


# Words of what someone means or weighs doing: the deed under them is not done.
_INTENTS = _IRREALIS | {"intention", "intent", "proposal", "idea", "bid", "option"}


_FUTURE = frozenset(["will", "would", "'ll", "wo", "shall"])
_SCHEDULED = frozenset(["due", "set", "schedule", "slate", "poise", "about"])


def _meets_the_unnegated_part(claim: ClaimAnalysis, matched: dict[int, list[Any]]) -> bool:
    """Are the claim's words the sentence meets all words of a part no "not" covers (each
    word it meets in a denied part is also in an asserted one)?"""
    met = [t for t in claim.terms if matched.get(t.index)]
    inside = {t.key for t in met if t.index in claim.denied}
    outside = {t.key for t in met if t.index not in claim.denied}
    return bool(outside) and inside <= outside


def _matches(term: Term, tok: Any, key: str, aliases: dict[int, str] | None = None) -> bool:
    """Does the sentence token (whose ``_key`` is ``key``) stand for the claim's term?"""
    if term.alias and aliases and aliases.get(tok.i) == term.alias:
        return True
    if key in related(term.key):
        return True
    a, b = term.key, key
    if term.name and tok.is_title and respelled(term.name, tok.text):
        return True
    if tok.pos_ == "PROPN" and tok.is_title and respelled(term.key, tok.lower_):
        return True  # a name typed in lower case, spelled another way ("gaddafi")
    return len(a) >= 5 and len(b) >= 5 and (a.startswith(b) or b.startswith(a))


# Words that make a post another one than the post itself: "the deputy minister" is not the
# minister, nor "the former chief executive" the chief executive.
_LESSER = frozenset(["deputy", "vice", "assistant", "acting", "former", "ex", "junior",
                     "interim", "under"])


def _lesser(tok: Any, word: Any) -> bool:
    """Is the sentence's word for the claim's post another post ("Deputy Minister" for
    "minister"), the claim giving no such word itself?"""
    def qualifiers(t: Any) -> set[str]:
        near = [c for c in t.children if c.dep_ in ("amod", "compound") and c.i < t.i]
        if t.i and t.doc[t.i - 1].lower_ in _LESSER:
            near.append(t.doc[t.i - 1])
        return {c.lower_.rstrip("-") for c in near} & _LESSER

    return (tok.pos_ in ("NOUN", "PROPN") and word.pos_ in ("NOUN", "PROPN")
            and bool(qualifiers(tok) - qualifiers(word)))


def _only_happened(tok: Any) -> bool:
    """Does the word only say its subject happened: "took place", "was held", "occurred"
    (not "take further steps", "held a meeting")?"""
    lemma = tok.lemma_.lower()
    if lemma == "place":
        return tok.dep_ == "dobj" and tok.head.lemma_.lower() == "take"
    if lemma == "take":
        return any(c.dep_ == "dobj" and c.lower_ == "place" for c in tok.children)
    if lemma in ("happen", "occur"):
        return True
    return lemma in TOOK_PLACE and not any(c.dep_ == "dobj" for c in tok.children)


def _same_event(claim: ClaimAnalysis, matched: dict[int, list[Any]]) -> bool:
    """Is the event the sentence names the claim's, not one it names as another ("the Libya
    Contact Group meeting" for "the meeting")?"""
    lowered = claim.text.lower()
    events = [tok for t in claim.terms if t.key in claim.subject_keys
              for tok in matched.get(t.index, []) if tok.pos_ in ("NOUN", "PROPN")]
    return bool(events) and not any(_named_another(tok, lowered) for tok in events)


def _named_another(tok: Any, lowered: str) -> bool:
    """Is the noun named by a name the claim does not give ("the Libya Contact Group
    meeting")? A place's name only says where it was ("the Tunisia meeting")."""
    return any(c.dep_ in ("compound", "amod") and c.pos_ == "PROPN" and c.lower_ not in lowered
               and c.ent_type_ not in ("GPE", "LOC") for c in tok.children)


def _of_another_named(tok: Any, lowered: str) -> bool:
    """Does a value hang on a noun named as another one ("the Libya Contact Group meeting
    July 15"): the date of that one, not of the claim's?"""
    node = tok
    for _ in range(6):
        head = node.head
        if head.i == node.i or head.pos_ in ("VERB", "AUX"):
            return False
        if head.pos_ in ("NOUN", "PROPN") and _named_another(head, lowered):
            return True
        node = head
    return False


def _placed(claim: ClaimAnalysis, judgement: Judgement) -> bool:
    """Does the sentence say the claim's event was at the claim's place ("the Istanbul
    meeting" for "the meeting was held in Istanbul")?"""
    aliases = aliases_of(judgement.doc)
    return any(_same_place(ent, text, canonical(text), aliases)
               for text in claim.places
               for ent in _in_slot(judgement.doc, "place", "where", judgement.matched))


def _placed_around(claim: ClaimAnalysis, judgement: Judgement) -> bool:
    """Does the sentence put the claim's event in the country the claim's place is in ("the
    Tunisia meeting" for "held in Tunis")? That leaves the city open, and places it there."""
    if judgement.doc is None:
        return False
    return any(is_country(ent.text) and canonical(ent.text) == canonical(text)
               and not is_country(text)
               for text in claim.places
               for ent in _in_slot(judgement.doc, "place", "where", judgement.matched))


def _topic_only(j: Judgement) -> Judgement:
    """A headline names what a story is about, so its closeness to a claim on that story is
    closeness to the topic: it carries a claim by the claim's words, never by closeness
    alone ("Trust and museum meet over gold hoard" says nothing of a return agreed)."""
    if j.score.label is not Stance.SUPPORTS or j.score.cue != PARAPHRASE:
        return j
    return replace(j, score=StanceScore(Stance.NEUTRAL, round(1.0 - j.relevance, 3), HEADLINE))


def _two_events(claim: ClaimAnalysis, judgements: list[Judgement]) -> list[Judgement]:
    """"The Istanbul meeting" and "the Tunisia meeting" are two meetings: where one sentence
    puts the claim's event at the claim's place, another putting it elsewhere speaks of the
    other event and does not contradict the claim."""
    if not claim.places or not any((j.score.label is Stance.SUPPORTS and _placed(claim, j))
                                   or _placed_around(claim, j) for j in judgements):
        return judgements
    elsewhere = tuple(f" vs {text}{SWAPPED}" for text in claim.places)
    return [replace(j, score=StanceScore(Stance.NEUTRAL, round(1.0 - j.relevance, 3),
                                         OTHER_EVENT))
            if j.score.label is Stance.REFUTES and j.score.cue.endswith(elsewhere) else j
            for j in judgements]


class RulesStanceJudge:
    """The ``rules`` judge; its judgements also say which words matched (for attribution)."""

    name = "rules"

    def __init__(self, parser: Parser, embedder: Embedder | None = None) -> None:
        self.parser = parser
        self.embedder = embedder

    def judge(self, claim: str, candidates: Sequence[Candidate]) -> list[Judgement]:
        judgements = self.analyse(
            claim, [c.text for c in candidates], [c.cosine for c in candidates])
        return [_topic_only(j) if is_headline(c) else j
                for j, c in zip(judgements, candidates, strict=True)]

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
        return _two_events(info, [self._one(info, doc, float(c))
                                  for doc, c in zip(docs, cos, strict=True)])

    def _one(self, claim: ClaimAnalysis, doc: Any, cosine: float) -> Judgement:
        total = sum(t.weight for t in claim.terms) or 1.0
        pred_total = sum(t.weight for t in claim.terms if t.predicate) or 1.0
        matched_terms: dict[int, list[Any]] = {}
        aliases = aliases_of(doc)
        alias_keys = frozenset(aliases.values())
        # Each word's key once per sentence, not once per claim term.
        words = [(tok, _key(tok)) for tok in doc if not tok.is_punct]
        # "We have not entered talks with anyone": a denial of it with anyone is a denial
        # of it with whoever the claim names.
        scopes = _negation_scopes(doc)
        anyone = [tok for tok in doc if tok.lower_ in _ANYONE and _denied(scopes, tok.i)]
        lesser = False
        prefixed: set[int] = set()
        for term in claim.terms:
            hits = [tok for tok, key in words if _matches(term, tok, key, aliases)]
            if not hits and anyone and (term.alias or term.name):
                hits = anyone
            if not hits and term.predicate and describes(claim.doc[term.index]):
                # "unpaid" is "paid" denied: it meets the claim's word with the other polarity
                # ("left invoices unpaid" for "has not paid its invoices").
                hits = [tok for tok in doc if negative_form_of(claim.doc[term.index], tok)]
                scopes.extend(_predicate_of(tok.head) if tok.dep_ in ("acomp", "attr", "oprd")
                              else {tok.i} for tok in hits)
                prefixed |= {tok.i for tok in hits}
            kept = [tok for tok in hits if not _lesser(tok, claim.doc[term.index])]
            if hits and not kept:
                lesser = True  # "Deputy Minister Valk signed" for "the minister signed"
            hits = kept
            if term.head and claim.copular:
                strong = [t for t in hits if _predicative(t, claim.subject_keys)]
                if not strong and hits:
                    matched_terms[term.index] = []  # mentioned, but not said of anything
                    continue
                hits = strong
            if hits:
                matched_terms[term.index] = hits
        pair_word = None
        if claim.pair and any(i not in matched_terms for i in claim.pair):
            # "between Washington and Tripoli" is "between the two nations".
            pair_word = _pair_named(doc)
            if pair_word is not None:
                for i in claim.pair:
                    matched_terms.setdefault(i, [pair_word])

        # "took place", "was held": a verb that only says the event happened is met by the
        # event itself ("the Tunisia meeting"), as long as no other event is named.
        same_event = _same_event(claim, matched_terms)
        happened = {t.index for t in claim.terms if _only_happened(claim.doc[t.index])
                    and not matched_terms.get(t.index)} if same_event else set()

        # A named subject must be present for a sentence to contradict what it did.
        sentence = doc.text.lower()
        named_here = all(_mentions(sentence, name, alias_keys)
                         for name in claim.subject_entities)
        # "the Tunisia meeting" for "the secret meeting between U.S. officials and the
        # regime": the thing named another way, whose words the sentence need not repeat.
        one_named = not named_here and _the_one_named(claim, doc)
        # "the Tunisia meeting" says where the meeting was, and where those who met met:
        # the words for who met, or for which meeting, need no repeating beside it.
        placed = one_named or _met_at(claim, doc, matched_terms)
        # "The Americans and Libyans met" is "the two nations" met.
        paired = pair_word is not None and claim.subject_keys <= {
            _key(claim.doc[i]) for i in claim.pair}
        subject_here = named_here or _stands_for_subject(claim, doc) or one_named or paired

        def weight_of(term: Term) -> float:
            if term.index in happened or (placed and not term.predicate):
                return term.weight
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

        relevance = 0.5 * max(cosine, 0.0) + 0.5 * coverage
        claim_root = _clause_root(claim.doc)
        negated = any(_denied(scopes, i) for i in _as_claimed(claim, scopes, matched_terms))
        if core_tokens and (
            _left_open(doc, core_tokens)
            or (not negated and not claim.unasserted
                and _unasserted(doc, core_tokens, _owned_clauses(claim_root, matched_terms)))
            or (claim.done and _foretold(doc, core_tokens))
            or (not any(_in_condition(t) for t in claim.doc) and _on_condition(doc, core_tokens))
        ):
            stance = StanceScore(Stance.NEUTRAL, round(1.0 - 0.5 * relevance, 3), LEFT_OPEN)
            return Judgement(stance, relevance, coverage, matched_tokens, doc, pred_tokens)

        if _named_apart(claim.doc, doc):
            # "Norvexa 10 mg tablets are not affected" for "recall Norvexa 20 mg": another
            # thing of the name, told apart by its figure; nothing it says is of the claim's.
            stance = StanceScore(Stance.NEUTRAL, round(1.0 - 0.5 * relevance, 3), ANOTHER_THING)
            return Judgement(stance, relevance, coverage, matched_tokens, doc, pred_tokens)

        cue = ""
        conflict = factual = False
        # The claim's own polarity: a "not", or a denial it reports ("denied any link").
        claim_denies = claim.negated or claim.core_denied
        if claim_denies and _meets_the_unnegated_part(claim, matched_terms):
            # "doesn't want to dwell on the past and wants to keep moving ahead": a sentence
            # meeting only the part of the claim no "not" covers meets it as asserted
            claim_denies = False
        # Saying what an occasion was not ("the meeting was not a negotiation") denies the
        # claim's core whatever else the claim adds ("... when they met on July 16"): what it
        # adds cannot make true what is denied.
        not_so = (bool(core_tokens) and subject_here and negated and not claim_denies
                  and _occasion_denied(claim, doc, scopes, matched_terms))
        # A claim that something was not done is contradicted by its being done: the deed
        # must be there ("consulted the council" is no answer to "did not recognize it").
        deeds = [t for t in claim.terms if t.core and claim.doc[t.index].pos_ == "VERB"]
        deed_met = not claim_denies or negated or not deeds or any(
            matched_terms.get(t.index) for t in deeds)
        # A claim that something was turned down ("opposed a toll") is met by what was turned
        # down, not by the word for turning it down alone ("Opposition says ...").
        deed_met = deed_met and (negated or claim.negated or not rejects(claim_root) or any(
            matched_terms.get(t.index) for t in claim.terms if t.core and t.index != claim_root.i))
        no_one = (negated and not claim_denies and bool(core_tokens)
                  and _denied_of_no_one(claim, doc, scopes, core_tokens))
        if (
            core_tokens
            and (subject_here or no_one)
            and negated != claim_denies
            and deed_met
            and (not_so or no_one or _same_subject(claim, doc, scopes, core_tokens, aliases))
            and (negated or not _denier_elsewhere(claim, doc))
        ):
            conflict, cue = True, OPPOSITE
            if prefixed & matched_tokens:
                cue += BY_PREFIX  # "safe" for "unsafe": the model reads the prefix poorly
        # (a denial of any further one carries however little else of the claim is there:
        # "further meetings between American diplomats and Qaddafi's government")
        further_denied = _further_denied(claim, doc, scopes)
        if further_denied and not conflict:
            conflict, cue = True, OPPOSITE
        antonym = self._antonym(claim, doc, matched_terms)
        earlier = antonym is not None and _undone_later(claim, antonym)
        if antonym and not conflict and not earlier:
            # An antonym that is itself negated agrees with the claim ("did not fall").
            in_neg = any(antonym.i in s for s in scopes)
            if in_neg == claim.negated:
                conflict, factual, cue = True, True, f"antonym '{antonym.text}'"
                if any(negative_form_of(claim.doc[t.index], antonym) for t in claim.terms):
                    cue += BY_PREFIX
                pred_cov = max(pred_cov, 0.5)
        # "The meeting was held in Ankara": a verb that only says an event took place is
        # met by the event itself ("the meeting July 15 in Istanbul"), when the sentence does
        # not name it as another one ("the Libya Contact Group meeting" for "the meeting").
        occurred = sum(1 for t in claim.terms if t.core and t.key in _OCCURRED
                       and not matched_terms.get(t.index))
        if occurred and not same_event:
            occurred = 0
        core_all = core_total > 0 and core_hit + occurred == core_total
        swap = None if conflict else self._swap(claim, doc, matched_terms, aliases,
                                                 counts_only=not core_all, placed=placed)
        if swap:
            conflict, factual, cue = True, True, f"{swap}{SWAPPED}"
        # "intended only to deliver the message": no room for the purpose the claim gives.
        purpose = not conflict and _other_purpose(claim, doc)
        if purpose:
            conflict, cue = True, OTHER_PURPOSE
        # "silt, not the new weir, had caused the flooding": what the claim gives is the
        # alternative the sentence sets aside (in a sentence covering much of the claim).
        contrast = (not conflict and not claim_denies and coverage >= 0.4
                    and _set_aside(doc, matched_tokens, claim.doc, claim.subject_keys))
        if contrast:
            conflict, factual, cue = True, True, SET_ASIDE
        # "Chollet, the U.S. ambassador": a title the sentence gives to someone else.
        title = None if conflict or not claim.titles else another_title(claim.titles, doc)
        if title:
            conflict, factual, cue = True, True, title

        other = None
        if not conflict:
            if earlier:
                other = EARLIER_DEED
            elif _other_place(claim, doc, matched_tokens):
                other = OTHER_PLACE
            elif lesser or another_doer(claim.doers, doc) or any(
                    another_s(whose, matched_terms.get(i, []))
                    for i, whose in claim.owners.items()):
                # "a Libyan government spokesman" for "the Tunisian government"; "Ardesia's
                # parliament voted" for "Rovenian lawmakers voted"; "the deputy minister" for
                # "the minister".
                other = ANOTHER_PARTY
            elif which := _other_value(claim, doc):
                other = OTHER_DATE if which.startswith("d:") else OTHER_VALUE
            elif _changed_from(claim, doc):
                other = CHANGED_FROM
                # "now covers 1.8 million packs, up from 1.2 million": a claim of how things
                # are is contradicted; one of what was announced or done then is not.
                if _of_now(claim):
                    conflict, factual, cue = True, True, CHANGED_FROM
            elif not _places_stated(claim, sentence, alias_keys):
                other = NO_PLACE

        hedge = 0.85 if any(t.lemma_.lower() in HEDGES for t in doc) else 1.0
        # "cuts the crossings from six to four" for "are there fewer crossings?": the two
        # figures say which way what the claim names went (change.py), where the sentence
        # names all of it; they outweigh a verb read as the claim's opposite ("cuts" for
        # "increased"). The claim's word for the way is seldom the sentence's, so little
        # else of the claim need be there.
        way, things = claim.moves
        by_words = conflict and not cue.startswith("antonym ")
        went = 0 if (not way or by_words or claim.main_negated or coverage < 0.1 or any(
            group == "num" for _, group, _ in claim.entities)
            or not things or not things <= {t.lemma_.lower() for t in doc}) else moved(sentence)
        if went:
            label = Stance.SUPPORTS if went == way else Stance.REFUTES
            cue = MOVED + ("that way" if went == way else "the other way")
            # The words for what went and the figures' order are there: evidence however
            # little else of the claim the sentence repeats.
            score = max(0.6, 0.45 + 0.5 * relevance) * hedge
            stance = StanceScore(label, round(min(score, 0.99), 3), cue, label is Stance.REFUTES)
            return Judgement(stance, relevance, coverage, matched_tokens, doc, pred_tokens)
        names_present = all(_mentions(sentence, name, alias_keys) for name in claim.named)
        # A sentence denying the claim's predicate never covers or paraphrases it, even where
        # it cannot be shown to deny it of the same subject ("there is no plan to hold another
        # session"). (A claim with a "not" of its own is read as before: "not just CO2".)
        denies = negated and not claim_denies
        # ... nor does one that says it was done carry a claim that it was not.
        affirms = (claim.main_negated or claim.core_denied) and not negated
        # What the claim says of its subject must be there: its main verb or complement ("an
        # official said the meeting was not a negotiation" does not cover "an official said
        # more meetings are planned"); and whoever the claim says did it ("diplomats from
        # other nations attended" does not cover "Chinese diplomats attended").
        # (A name the deed is done to is no word of the deed: "Fenwold Living statement on
        # Calloway Court" says nothing of selling Calloway Court.)
        named = claim.name_terms
        acts = [t for t in claim.terms if t.core and t.index not in named]
        deed_hit = sum(1 for t in acts if matched_terms.get(t.index)) if acts else core_hit
        said = core_total == 0 or deed_hit + occurred > 0
        # Paraphrase by meaning: close in embedding space, naming whoever the claim names
        # (where no word of the deed is there, the names it shares are no closeness of
        # meaning).
        unnamed = coverage if deed_hit + occurred else sum(
            weight_of(t) for t in claim.terms if t.index not in named) / total
        # The names two sentences share make them close whatever each says of them ("Velden
        # Homes has run Marlow Court since 2015" to "Velden Homes is planning to sell
        # Marlow Court"): without a word of the deed, closeness is read with them left out.
        names_only = not deed_hit + occurred and bool(acts) and any(
            matched_terms.get(i) for i in named)
        closeness = self._without_names(claim, doc, named, matched_terms) \
            if names_only and self.embedder is not None else cosine
        paraphrase = PARAPHRASE_WEIGHT * closeness + (1 - PARAPHRASE_WEIGHT) * unnamed
        # A claim about a further one ("more meetings are planned") is not carried by a
        # sentence about the one there was ("the meeting was intended only to ..."), by its
        # words or by closeness.
        the_one_there_was = claim.subject_further and not _of_a_further_one(claim, doc)
        said = said and not the_one_there_was
        # A claim that one side offered, asked, promised or agreed to something is carried
        # only by a sentence with that deed: closeness does not say it was done, and "X and
        # Y met on Thursday at Z", which tells that they met, where and when, does not by the
        # names it shares either.
        main = _clause_root(doc)
        # So is one that something stopped or started ("stop taking Norvexa" is not "take
        # Norvexa"), or that someone met someone; none is carried by the deed's other words
        # alone.
        deed_unsaid = ((claim_root.lemma_.lower() in _DEEDS_TOWARD | _ASPECT | MET_WITH
                        or _made_a_thing_known(claim_root))
                       and not matched_terms.get(claim_root.i))
        # ... and a claim of what someone plans or intends, only by a sentence saying so:
        # "discussed closing the bridge" is not "planning to close it".
        # ("will close it" says what is meant as much as "plans to close it" does)
        intent_unsaid = (claim_root.lemma_.lower() in _IRREALIS
                         and not matched_terms.get(claim_root.i)
                         and not _foretold(doc, core_tokens))
        only_met = deed_unsaid and _tells_a_meeting(main)
        # The figures it claims, in its words or agreeing ("2.9 percent" for "about 3").
        figures = all(_figure_of(claim, doc, group, framed=False)[0] in ("none", "stated", "agrees")
                      for group in ("date", "num"))
        # Closeness of the whole sentence tells that it is about the claim; a long sentence
        # holding every word of it is, however little of it the claim's words make up.
        close_enough = cosine >= (LONG_SENTENCE_CLOSE if coverage >= 0.99 else LEXICAL_CLOSE)
        purpose_unsaid = _purpose_unsaid(claim, doc)
        lexical = (pred_cov >= 0.6 and coverage >= 0.55 and close_enough and subject_here
                   and not purpose_unsaid and not intent_unsaid and not deed_unsaid
                   and not denies and not affirms and said and figures and not only_met)
        # A close paraphrase with the opposite polarity ("are not affected" for "is
        # included") does not carry the claim.
        flipped = _denied(scopes, main.i) != claim.main_negated
        # "illegal" for "legal": closeness cannot tell a word from its negative form.
        negative_form = antonym is not None and any(
            negative_form_of(claim.doc[t.index], antonym) for t in claim.terms)
        # ... nor one whose words that meet the claim are mostly what it denies or says was
        # wrongly believed ("Libyan officials incorrectly thought the U.S. was prepared to
        # see a future role for Qaddafi")
        in_denied = matched_tokens & set().union(*scopes)
        mostly_denied = (not claim_denies and len(in_denied) * 2 > len(matched_tokens)
                         and not _says_it_wrong(claim.doc))
        close = (paraphrase >= PARAPHRASE_MIN and names_present and not denies
                 and not affirms and not the_one_there_was and not negative_form
                 and not deed_unsaid and not purpose_unsaid and not intent_unsaid
                 and not mostly_denied)
        if conflict and ((pred_cov >= 0.5 and coverage >= 0.4) or not_so or swap
                         or purpose or title or further_denied or contrast):
            score = (0.45 + 0.5 * relevance) * hedge
            if further_denied:
                # (no more to come, as a figure's way is: evidence however little else of
                # the claim the sentence repeats)
                score = max(0.6 * hedge, score)
            stance = StanceScore(Stance.REFUTES, round(min(score, 0.99), 3), cue, factual)
        elif any(superseded_text(tok) for tok in doc):
            # "An earlier version of this report said shares fell 19 per cent": what a
            # correction withdraws is asserted by no one, so it bears on no other claim.
            stance = StanceScore(Stance.NEUTRAL, round(1.0 - relevance, 3), WITHDRAWN)
        elif other:
            stance = StanceScore(Stance.NEUTRAL, round(1.0 - relevance, 3), other)
        elif lexical or (close and not flipped):
            score = max(relevance, 0.5 + 1.5 * (paraphrase - PARAPHRASE_MIN)) * hedge
            stance = StanceScore(
                Stance.SUPPORTS,
                round(min(score, 0.99), 3),
                "covers the claim" if lexical else PARAPHRASE,
            )
        else:
            cue = (DENIED if denies else NAMES_ONLY if names_only
                   else INTENT_UNSAID if intent_unsaid else NOT_ABOUT)
            stance = StanceScore(Stance.NEUTRAL, round(1.0 - relevance, 3), cue)
        return Judgement(stance, relevance, coverage, matched_tokens, doc, pred_tokens)

    def _without_names(self, claim: ClaimAnalysis, doc: Any, named: frozenset[int],
                       matched: dict[int, list[Any]]) -> float:
        """The closeness of claim and sentence with the claim's names left out of both."""
        assert self.embedder is not None
        theirs = {tok.i for i in named for tok in matched.get(i, [])}
        texts = [" ".join(t.text for t in claim.doc if t.i not in named),
                 " ".join(t.text for t in doc if t.i not in theirs)]
        a, b = self.embedder.embed(texts)
        return float(a @ b)

    @staticmethod
    def _antonym(claim: ClaimAnalysis, doc: Any, matched: dict[int, list[Any]]) -> Any | None:
        for term in claim.terms:
            if not term.predicate:
                continue
            opposites = ANTONYMS.get(term.key, frozenset())
            word = claim.doc[term.index]
            if not opposites and not describes(word):
                continue
            # Said of what the claim says it of, where it names anything: "confirmed a
            # recall" is no opposite of "denied any link"; "pressure Qaddafi to step down"
            # is of "keep Qaddafi in power".
            objects = [t for t in claim.terms if t.core and t.index != term.index]
            if objects and not any(matched.get(t.index) for t in objects):
                continue
            for tok in doc:
                if matched.get(term.index):
                    break
                if _key(tok) in opposites or negative_form_of(word, tok):
                    return tok
        return None

    @staticmethod
    def _swap(
        claim: ClaimAnalysis, doc: Any, matched: dict[int, list[Any]], aliases: dict[int, str],
        counts_only: bool = False, placed: bool = False,
    ) -> str | None:
        """Another value where the claim has one, in a slot that holds only one value.

        Where the claim's main verb is not met (``counts_only``), only a count of the same
        people or things still contradicts ("sent four officials to the meeting" against
        "three officials held the meeting"), and only when nearly all else is met."""
        # Where the claim says it was, as read from its place words ("in the Libyan capital"
        # is in Tripoli).
        entities = [e for e in claim.entities if e[1] != "place" or e[2] not in _WHERE_ROLES]
        entities += [(place, "place", "prep:in") for place in claim.places]
        # "first revealed by the State Department": who did it first did it where it first
        # happened (the country a body or capital stands for).
        entities += [(text, "place", "prep:in") for text in _first_doers(claim)]
        if not entities:
            return None
        place_words = {t.i for tok in claim.doc if _where(tok) for t in tok.subtree}
        lowered = claim.text.lower()
        seen = {_key(tok) for tok in doc} | {_cardinal(tok.lower_) for tok in doc}
        named_here = frozenset(aliases.values())
        matched_here = {tok.i for toks in matched.values() for tok in toks}
        for text, group, role in entities:
            slot = _slot(group, role, text)
            if slot is None or (counts_only and (group != "num" or role != "nummod")):
                continue
            words = {stem(w) for w in text.split()}
            key = canonical(text)
            if group in ("date", "num"):  # "July 16" is not "July 20"; "about" is not a value
                values = _values(text)
                if not values:
                    continue  # "earlier this month" cannot be compared
                # ("3,100 of them" is "more than 3,000": a figure within the claim's bound)
                missing = not values <= seen and not _figure_met(text, group, doc, matched_here)
            elif group == "place":
                # The claim's place counts only where it fills the same slot: "Disclosure
                # came first in Tripoli" does not say the Tunisia meeting was in Tripoli.
                missing = not any(_same_place(ent, text, key, aliases)
                                  for ent in _in_slot(doc, group, slot, matched_here))
            else:
                missing = not (words & seen or set(text.split()) & seen) and not (
                    key is not None and key in named_here
                )
            if not missing:
                continue
            # (A verb that only says the event took place adds nothing to cover, nor do the
            # words that say where: "the Swiss capital".)
            others = [t for t in claim.terms if not any(stem(w) == t.key for w in text.split())
                      and t.key not in _OCCURRED
                      and not (group == "place" and t.index in place_words)]
            total = sum(t.weight for t in others) or 1.0
            covered = sum(t.weight for t in others if matched.get(t.index) or (
                placed and group == "place" and not t.predicate)) / total
            if covered < (0.75 if counts_only else 0.6):
                continue
            for ent in doc.ents:
                if counts_only and not (ent.root.dep_ == "nummod"
                                        and ent.root.head.i in matched_here):
                    continue  # a count of what the claim counts
                if (
                    _ENTITY_GROUPS.get(ent.label_) == group
                    and ent.text.lower() not in lowered
                    and _ent_slot(group, ent, matched_here) == slot
                    and _of_predicate(ent.root, matched_here)
                    and not _of_another_named(ent.root, lowered)
                    and (group not in ("date", "num") or _values(ent.text))
                    and not (key and canonical(ent.text) == key)
                ):
                    return f"{ent.text!s} vs {text}"
        return None


def _in_slot(doc: Any, group: str, slot: str, matched: set[int]) -> list[Any]:
    """The sentence's values of a kind that fill a slot of what the claim is about."""
    return [ent for ent in doc.ents if _ENTITY_GROUPS.get(ent.label_) == group
            and _ent_slot(group, ent, matched) == slot and _of_predicate(ent.root, matched)]


def _same_place(ent: Any, text: str, key: str | None, aliases: dict[int, str]) -> bool:
    """Is the sentence's place the claim's, by name, another name or spelling?"""
    theirs, mine = ent.text.lower(), text.lower()
    if theirs in mine or mine in theirs:
        return True
    if key is not None and (canonical(ent.text) == key
                            or any(aliases.get(t.i) == key for t in ent)):
        return True
    return any(respelled(w, x) for w in theirs.split() for x in mine.split())


# Words that make a purpose the only one ("intended only to deliver the message", "its sole
# aim was to ...").
_EXCLUSIVE = frozenset(["only", "solely", "merely", "purely", "exclusively", "sole", "single"])
_AIMS = frozenset(stem(w) for w in ("aim", "purpose", "goal", "objective", "intent",
                                     "intention", "point"))
_PURPOSE_PREPS = frozenset(["about", "for", "at"])  # "was about mending ties", "aimed at ..."
# Verbs whose infinitive says what their subject is for ("was meant to ..."; "wants to ..."
# says what someone wishes).
_MEANT = frozenset(["intend", "mean", "aim", "design"])


def _infinitive(tok: Any) -> bool:
    return tok.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.lower_ == "to"
                                                for c in tok.children)


def _purpose_words(verb: Any) -> frozenset[str]:
    """The content words of a purpose ("deliver the message that Qaddafi must step down")."""
    return frozenset(
        _key(t) for t in verb.subtree
        if t.pos_ in ("VERB", "NOUN", "PROPN", "ADJ") and t.lower_ not in STOPWORDS
        and t.lemma_ not in ("be", "have", "do"))


def _only_purpose(doc: Any) -> Any | None:
    """The verb of a purpose a sentence gives as the only one, if it gives one."""
    for tok in doc:
        if tok.lower_ not in _EXCLUSIVE:
            continue
        head = tok.head
        if tok.dep_ == "advmod":
            if _infinitive(head):
                return head  # "intended only to deliver"
            return next((c for c in head.children
                         if c.dep_ in ("xcomp", "advcl") and _infinitive(c)), None)
        if tok.dep_ == "amod" and stem(head.lemma_.lower()) in _AIMS:
            # "its sole aim was to tell Tripoli ...": the aim's verb
            return next((c for c in head.head.children
                         if c.dep_ in ("xcomp", "advcl", "attr") and _infinitive(c)), None)
    return None


def _claimed_purpose(claim: ClaimAnalysis) -> Any | None:
    """The verb of the purpose a claim gives its subject: "was held to repair ties", "was
    about mending relations", "was intended to ..."."""
    doc = claim.doc
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return None
    # "The goal of the talks was to patch up relations": an aim word as the subject of "be".
    aim_subject = root.lemma_ == "be" and any(
        c.dep_ == "nsubj" and stem(c.lemma_.lower()) in _AIMS for c in root.children)
    for c in root.children:
        if _infinitive(c) and (c.dep_ == "advcl" or (c.dep_ == "xcomp" and (
                root.lemma_ in _MEANT or aim_subject))):
            return c
        if c.dep_ == "prep" and c.lower_ in _PURPOSE_PREPS:
            verb = next((g for g in c.children if g.dep_ == "pcomp" and g.pos_ == "VERB"), None)
            if verb is not None:
                return verb
        if c.dep_ == "prep" and c.lower_ == "in":  # "met in order to rebuild the relationship"
            verb = next((v for o in c.children if o.lower_ == "order"
                         for v in o.children if _infinitive(v)), None)
            if verb is not None:
                return verb
    return None


def _purpose_unsaid(claim: ClaimAnalysis, doc: Any) -> bool:
    """Does a claim about an occasion give it a purpose ("met in order to rebuild the
    relationship") whose verb the sentence lacks? Then it is no paraphrase of the claim,
    however close."""
    mine = _claimed_purpose(claim)
    if mine is None:
        return False
    verb = next((a for a in mine.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None or verb.lemma_.lower() not in _OCCASION_VERBS:
        return False  # ("went to see Venn": the purpose is the deed itself, a visit)
    if verb.lemma_.lower() == "be" and mine.dep_ != "xcomp":
        return False  # "To make matters worse, ... are ...": no purpose of an occasion
    return related(_key(mine)).isdisjoint(_key(t) for t in doc)


# Verbs of an occasion, whose purpose is what a claim about it adds ("met to ...", "was held
# to ...", "the goal ... was to ...").
_OCCASION_VERBS = MET_WITH | TOOK_PLACE | {"be"}


def _other_purpose(claim: ClaimAnalysis, doc: Any) -> bool:
    """Does the sentence give the claim's subject another purpose as its only one ("was
    intended only to deliver the message" against "was about mending relations")?"""
    if claim.negated or claim.unasserted or not claim.subject_keys:
        return False  # "was not held to repair ties" agrees with another purpose
    theirs = _only_purpose(doc)  # first: most sentences give no purpose as the only one
    if theirs is None:
        return False
    mine = _claimed_purpose(claim)
    if mine is None:
        return False
    # (Of "the Americans and Libyans met to ...", "the meeting" was for ...)
    keys = claim.subject_keys | (EVENTS if claim.pair else frozenset())
    if not any(keys & related(_key(t)) for t in doc if t.pos_ in ("NOUN", "PROPN")):
        return False
    claimed = {r for k in _purpose_words(mine) for r in related(k)}
    return bool(claimed) and claimed.isdisjoint(_purpose_words(theirs))


def _named_apart(claim: Any, doc: Any) -> bool:
    """Does the sentence name a thing as the claim does but with another figure ("Norvexa 10
    mg" for "Norvexa 20 mg", "Line 7" for "Line 4")? The figure after a name or noun is part
    of what the thing is called, not a count of it ("about 3,000 students" is a count)."""
    def labels(d: Any) -> list[tuple[str, str, str]]:
        out = []
        for tok in d:
            if tok.i == 0 or not tok.like_num or not any(ch.isdigit() for ch in tok.text):
                continue
            if tok.ent_type_ in ("DATE", "TIME"):
                continue  # "July 16" is a day, not a thing named "July"
            before = d[tok.i - 1]
            if before.pos_ not in ("NOUN", "PROPN") or before.is_stop:
                continue
            after = d[tok.i + 1] if tok.i + 1 < len(d) else None
            unit = _key(after) if after is not None and after.pos_ in ("NOUN", "PROPN") else ""
            out.append((_key(before), tok.text.replace(",", ""), unit))
        return out
    theirs = labels(doc)
    return any(name == n and value != v and (not unit or not u or unit == u)
               for name, value, unit in labels(claim) for n, v, u in theirs)


def _other_value(claim: ClaimAnalysis, doc: Any) -> str | None:
    """A figure or date the sentence gives where the claim's own is missing.

    Such a sentence cannot carry the claim however close its other words are: "the full
    repair would cost 62 million crowns" says nothing for "13 million crowns for repairs"
    (nor, by ``_other_place``, "the meeting July 15 in Istanbul" for "held in Ankara").
    Whether it contradicts the claim is another question (``_swap``, the model). Any of the
    claim's figures counts ("0.54F (0.3C)"), and a figure inside the claim's range ("10 to
    15 feet" holds 11)."""
    for group in ("date", "num"):
        kind, which = _figure_of(claim, doc, group)
        if kind == "other":
            return which
    return None


def _figure_of(
    claim: ClaimAnalysis, doc: Any, group: str, *, framed: bool = True
) -> tuple[str, str]:
    """How the sentence gives the claim's figure or date of one group: "stated" in the
    claim's own words, a figure that "agrees" with it ("2.9 percent" for "about 3"), an
    "other" one (with a description), "missing", or "none" in the claim to compare (of
    what it claims alone, without ``framed``: not "in June" of "X said in June that ...")."""
    seen = {tok.lower_ for tok in doc}
    texts = [text for text, g, _role in claim.entities
             if g == group and (framed or text not in claim.framed)]
    expects = "DATE" if group == "date" else "NUMBER"
    mine = [(text, key) for text in texts for key in _value_keys(text, expects)]
    if not mine:
        return "none", ""
    if any(_values(text) <= seen for text, _ in mine):
        return "stated", ""
    theirs = _figures_in(doc, group)
    if not theirs:
        return "missing", ""
    if any(_meets(text, k, theirs) for text, k in mine):
        return "agrees", ""
    return "other", f"{theirs[0]} vs {mine[0][0]}"


def _changed_from(claim: ClaimAnalysis, doc: Any) -> bool:
    """Is a figure of the claim in the sentence only as what something changed from ("the
    allocation rises from 31 million to 36 million crowns" for "keeps it at 31 million")?"""
    for text, group, _ in claim.entities:
        if group != "num":
            continue
        values = _values(text)
        values = {v for v in values if any(ch.isdigit() for ch in v)} or values  # not "million"
        hits = [tok for tok in doc if tok.lower_ in values]
        if hits and all(_starting_point(tok) for tok in hits):
            return True
    return False


def _of_now(claim: ClaimAnalysis) -> bool:
    """Does the claim say how things are (present tense), not what was done?"""
    root = _clause_root(claim.doc)
    auxes = [c for c in root.children if c.dep_ in ("aux", "auxpass")]
    if auxes:
        return all(a.tag_ in ("VBZ", "VBP") and a.lemma_ == "be" for a in auxes)
    return root.tag_ in ("VBZ", "VBP")


def _starting_point(tok: Any) -> bool:
    prep = next((a for a in tok.ancestors if a.dep_ == "prep"), None)
    if prep is None or prep.lower_ != "from":
        return False
    # "rises from 31 million to 36 million": "to" a sibling, or inside the parsed range;
    # "1.8 million, up from 1.2 million"
    return (any(c.dep_ == "prep" and c.lower_ == "to" for c in prep.head.children)
            or any(t.lower_ == "to" and t.i > tok.i for t in prep.subtree)
            or prep.head.lower_ in ("up", "down"))


_WHERE_ROLES = frozenset(["prep:in", "prep:at"])
_PLACE_NOUNS = frozenset(["capital", "city", "town", "village", "country", "region",
                          "province", "county", "island"])


def _where(tok: Any) -> bool:
    """Is the word what "in" / "at" governs ("held in the Swiss capital")?"""
    return tok.dep_ == "pobj" and tok.head.lower_ in ("in", "at")


def _places_of(doc: Any, entities: list[tuple[str, str, str]],
               occasion: Set[int] = frozenset()) -> list[str]:
    """Where the claim says it was: a name after "in" / "at" ("held in Tunis"), or a place
    noun there ("in the Libyan capital": Tripoli, where the country is known); not the
    place of the occasion it names ("when they met in Tunisia")."""
    skip = {ent.text.lower() for ent in doc.ents if ent.root.i in occasion}
    places = [text for text, group, role in entities
              if group == "place" and role in _WHERE_ROLES and text not in skip]
    for tok in doc:
        if not _where(tok) or tok.i in occasion:
            continue
        if tok.pos_ == "PROPN" and _ENTITY_GROUPS.get(tok.ent_type_) is None:
            places.append(tok.lower_)  # a place the small model does not tag ("in Tunis")
        elif tok.pos_ == "NOUN" and tok.lemma_.lower() in _PLACE_NOUNS:
            seats = [capital_of(c.text) for c in tok.children if c.dep_ in ("amod", "compound",
                                                                           "poss", "nmod")]
            named = [c.lower_ for c in tok.children if c.dep_ == "appos"]  # "the capital, Tunis"
            seat = next((x for x in seats if x), None) if tok.lemma_.lower() == "capital" \
                else None
            place = named[0] if named else seat
            if place:  # (not "in Qaddafi's capital", "in the city": no place named)
                places.append(place)
    return places


def _places_stated(claim: ClaimAnalysis, sentence: str, aliases: frozenset[str]) -> bool:
    """Does the lower-cased sentence name every place the claim gives? Where something was is
    as much a part of the claim as a figure: words about it elsewhere do not cover it."""
    # A capital as a place is not its country ("in Tunis" is not "in Tunisia").
    return all(re.search(rf"\b{re.escape(place.lower())}\b", sentence) if is_seat(place)
               else _mentions(sentence, place.lower(), aliases)
               for place in claim.places)


def _title_cased(doc: Any) -> bool:
    """Is most of the text written with capitals, as a headline is ("Global Ocean Circulation
    Appears To Be Collapsing")?"""
    words = [t for t in doc[1:] if t.is_alpha]
    return len(words) >= 3 and sum(t.is_title for t in words) > 0.6 * len(words)


def _other_place(claim: ClaimAnalysis, doc: Any, matched: set[int]) -> str | None:
    """The sentence says where what the claim is about was ("attending the meeting July 15
    in Istanbul", "the Tunisia meeting"), and it is not where the claim says it was. A place
    tied to something else ("Disclosure ... came first in Tripoli") says nothing of it."""
    mine = claim.places
    if not mine:
        return None
    # Compared as places, not as the countries they may speak for: Istanbul is not Ankara.
    lowered = " ".join([claim.text.lower(), *mine])  # with "tripoli" for "the Libyan capital"
    tied = [ent for ent in doc.ents if ent.label_ in ("GPE", "LOC", "FAC")
            and _ent_slot("place", ent, matched) == "where" and _of_predicate(ent.root, matched)]
    # A city and the country it is in are not two places ("Tunis" in "Tunisia").
    ours = [e for e in tied if e.text.lower() in lowered or any(
        respelled(w, x) for w in e.text.lower().split() for x in lowered.split()) or any(
        canonical(e.text) == m.lower() or canonical(m) == e.text.lower() for m in mine)]
    others = [e for e in tied if e not in ours]
    return f"{others[0].text} vs {mine[0]}" if others and not ours else None


def _value_keys(text: str, expects: str) -> list[str]:
    """The comparable values a figure or date gives: every number of "0.54F (0.3C)"."""
    if expects == "DATE":
        key = value_key(text, expects)
        # A bare weekday cannot be set against a date without the document's own date.
        return [key] if not key.startswith(("t:", "d:*-*-")) else []
    numbers = re.findall(r"\d[\d,]*(?:\.\d+)?(?:\s+(?:thousand|million|billion|trillion))?",
                         text.lower())
    keys = [value_key(n, expects) for n in numbers] or [value_key(text, expects)]
    return [k for k in keys if k.startswith("n:")]


def _figures_in(doc: Any, group: str, verbs: set[int] | None = None) -> list[str]:
    """The comparable values of the sentence's figures or dates of one group (only those
    given to one of ``verbs``, where given)."""
    expects = "DATE" if group == "date" else "NUMBER"
    return [key for ent in doc.ents if _ENTITY_GROUPS.get(ent.label_) == group
            and (verbs is None or _verb_of(ent.root) in verbs)
            for key in _value_keys(ent.text, expects)]


def _meets(text: str, mine: str, theirs: list[str]) -> bool:
    """Does one of the sentence's values (``theirs``) agree with the claim's (``mine``, of its
    ``text``), or fall within its bound or range ("2.9 percent" for "about 3")?"""
    return any(agree(mine, t) or _within(text, mine, t) or _in_range(text, t) for t in theirs)


def _figure_met(text: str, group: str, doc: Any, matched: set[int]) -> bool:
    """Does a figure the sentence gives to the claim's verb agree with the claim's, or fall
    within its bound or range ("3,100 of them live in halls" for "more than 3,000 students
    live in halls"; not "it has 14,200 students")?"""
    theirs = _figures_in(doc, group, matched)
    expects = "DATE" if group == "date" else "NUMBER"
    return any(_meets(text, k, theirs) for k in _value_keys(text, expects))


def _verb_of(tok: Any) -> int:
    """The index of the verb a word belongs to (-1 where there is none)."""
    return next((a.i for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), -1)


def _in_range(text: str, theirs: str) -> bool:
    """Is a figure inside a range the claim gives ("10 to 15 feet", "61-110 cm")?"""
    m = re.search(r"(\d[\d,.]*)\s*(?:to|-|\u2013)\s*(\d[\d,.]*)", text)
    if not (m and theirs.startswith("n:")):
        return False
    try:
        low, high = (float(g.replace(",", "").rstrip(".")) for g in m.groups())
    except ValueError:
        return False
    return low <= float(theirs[2:]) <= high


_AT_LEAST = re.compile(r"\b(?:more than|over|at least|above|upwards of|in excess of)\b")
_AT_MOST = re.compile(r"\b(?:less than|fewer than|under|below|at most|up to)\b")
_ROUGHLY = re.compile(r"\b(?:about|around|nearly|almost|roughly|some|approximately|close to)\b")


def _within(text: str, mine: str, theirs: str) -> bool:
    """Does a figure fall within the bound the claim puts ("more than 8,000" holds 8,400)?"""
    if not (mine.startswith("n:") and theirs.startswith("n:")):
        return False
    bound, value = float(mine[2:]), float(theirs[2:])
    low = text.lower()
    if _AT_LEAST.search(low):
        return value >= bound
    if _AT_MOST.search(low):
        return value <= bound
    if _ROUGHLY.search(low):
        return abs(value - bound) <= 0.1 * abs(bound)
    return False


_VALUE_WORDS = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday "
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty "
    "hundred thousand million billion trillion half dozen".split()
)


def _values(text: str) -> set[str]:
    """The words of a date or number that carry its value: digits, months, weekdays,
    number words."""
    return {
        _cardinal(w)
        for w in re.findall(r"[\w.,]+", text.lower())
        if any(ch.isdigit() for ch in w) or w in _VALUE_WORDS
    }


def _cardinal(word: str) -> str:
    """"15th" is the 15 of "July 15"."""
    return re.sub(r"(?<=\d)(?:st|nd|rd|th)$", "", word)


def _slot(group: str, role: str, text: str = "") -> str | None:
    """The slot a value fills, when that slot can hold only one value; else None."""
    if group == "date":
        if _FREQUENCY.match(text.lower()):
            return "frequency"
        return "time" if role in _TIME_ROLES else role
    if group == "num":
        return role
    if role in _EXCLUSIVE_NAME_ROLES:
        return "where" if role.startswith("prep:") and group == "place" else role
    return None
