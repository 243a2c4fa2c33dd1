"""Open questions: the answers the evidence sentences give, one reading per sentence.

A sentence answers only if it is about what the question asks (its content words match,
not just an entity of the right type); the value is taken from the sentence's own words,
normalised (``bot.engine.normalise``). ``bot.engine.answer_groups`` compares the readings
across sources: one value -> ANSWERED; different values -> DISPUTED, each with its sources.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import pairwise
from typing import Any

import numpy as np

from bot.engine.aliases import (
    GOVERNMENT_NOUNS,
    aliases_of,
    canonical,
    country_asked,
    governed_by,
    governments_of,
    is_country,
    same_entity,
)
from bot.engine.anonymity import unnamed_because
from bot.engine.attribution import attribute
from bot.engine.casing import title_cased, without_headlines
from bot.engine.edits import changes
from bot.engine.first_person import side_of
from bot.engine.headings import LIFE, is_headline, page_label
from bot.engine.instances import named_instance
from bot.engine.leaders import ONE_GOVERNMENT
from bot.engine.lexicon import (
    CONTENT_NOUNS,
    DENIAL_VERBS,
    MET_WITH,
    MORE_TO_COME,
    REPORTING_VERBS,
    ROLE_NOUNS,
    TITLES,
    TOOK_PLACE,
    WANTING,
    related,
    set_against,
)
from bot.engine.named_groups import group_counted, names_of_group
from bot.engine.names import name_part, names_before_head, respelled, spelled_out
from bot.engine.normalise import date, key, number, words
from bot.engine.occasions import (
    also_named,
    is_occasion,
    named_and_placed,
    names_before,
    names_own_occasion,
    of_an_occasion_unasked,
    of_another_occasion,
    own_occasion,
    told_first,
    told_unnamed,
)
from bot.engine.parties import (
    body_in_title,
    body_in_words,
    body_of,
    holds_post,
    initials,
    post_nouns,
    posts_of,
    reporters,
    speakers,
)
from bot.engine.party_names import party_named
from bot.engine.places import PLACE_DOES, first_of, in_another_clause, party_or_origin
from bot.engine.question_kind import (
    ENTITY_LABELS,
    HAPPENING,
    TITLE_OPENING,
    kind_of_noun,
    names_people,
    party_words,
)
from bot.engine.quotations import paragraph_before, previous_sentence, speaker_of
from bot.engine.titles import listed_with, of_a_title, title_before, titles_of_list
from bot.types import (
    Attribution,
    Candidate,
    Question,
    Span,
)
from retrieval.text import stem

MIN_MATCH = 0.5  # share of the question's content words a sentence must hold
TOPIC_CLOSE = 0.3  # closeness of a statement to the topic asked about, in none of its words
# ... to be the answer whole when no part of it has the shape asked for (a priori: three
# words in four, names counting double)
WHOLE_SENTENCE = 0.75
# ... or, holding too few of them, to be that answer by its closeness in meaning alone
# (cosine to the question; chosen on the own seed open dev rounds, README), the closer where
# it shares only names with the question
CLOSE_IN_MEANING = 0.55
CLOSE_BY_NAMES = 0.65
# Answers a sentence can describe; not a reason or a post, whose words the sentence may hold
# without giving one ("why was the bridge closed?": "it has been closed since May"; "what is
# Brandt's job?": "a bigger role for Brandt").
_DESCRIBED = frozenset(["THING", "KIND"])
NEAR_BEST = 0.75  # a source's answer counts if its score is this close to the best
COPY_FLOOR = 0.5  # ... or this close, when it copies a counted answer's sentence
PER_ANSWER = 3  # sources cited per answer
ANSWERS = 4  # different answers shown side by side
NEAR_COPY = 0.5  # share of words two texts have in common to count as one text copied
# words a sentence must share with another to be its copy ("It was built in 1920." is on many
# pages by chance)
COPY_WORDS = 8
SHORT_COPY = 3  # ... and within a document that copies another, a sentence of a few words
_ALIKE_FIT = 0.1  # kinds' fits this close are told apart by where they are said
KIND_FIT = 0.6  # cosine a word needs to the kind asked about ("football" to "sport": 0.75,
# "league" 0.55)
BIRTH = frozenset(["bear", "born", "birth"])
DEATH = frozenset(["die", "death", "dead"])


_MONTHS = ("(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*")
_REASON = re.compile(
    r"\b(?:because(?: of)?|due to|as a result of|owing to|so that|in order to|amid|over|"
    # "since January 12", "after the 1990s": a time, not a cause
    r"(?:after|since|following)(?!\s+(?:(?:early|late|mid|last)\s+)?(?:\d+|" + _MONTHS + r"|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|then|that time|yesterday|"
    r"today|spring|summer|autumn|fall|winter)\b)|"
    # a cause or purpose named by a verb: "the decision reflected concern that ..."
    r"reflect(?:s|ed|ing)?|stem(?:s|med) from|prompted by|driven by|motivated by|"
    r"(?:intended|meant|designed) (?:only |solely |just )?to|aimed (?:at|to)|in a bid to|"
    r"so as to|out of)\b",
    re.IGNORECASE,
)
# Words that carry no content when they stand next to an answer value.
_ARTICLES = frozenset(["the", "a", "an", "its", "their", "his", "her"])
_EDGE = frozenset("the a an its their his her of in on at by to from and , . ; : about around "
                  "some nearly almost approximately roughly".split())


@dataclass
class Reading:
    """One candidate sentence read against an open question."""

    candidate: Candidate
    doc: Any  # spaCy parse of the sentence
    match: float  # weighted share of the question's content words present
    matched: set[int] = field(default_factory=set)
    value: str | None = None
    key: str | None = None
    score: float = 0.0
    attribution: Attribution | None = None
    head: str = ""  # the value's head word, when descriptions are compared on it
    counts: bool | None = None  # does the number count the noun asked about (None: no noun)
    teller: str = ""  # who says what "that" in the sentence after stands for ("U.S. diplomats")
    served: bool = False  # the value is the body a person's post names ("whom does X serve?")
    said_as: bool = False  # the value is what the verb asked did "as" ("played as a winger")
    of_side: bool = False  # the value is people the sentence calls the asked side's, unnamed

    @property
    def source(self) -> tuple[str, str]:
        """Who gives this answer: the document, and the speaker within it."""
        speaker = (self.attribution.speaker if self.attribution else None) or ""
        return self.candidate.doc.doc_id, " ".join(words(speaker))


# Words a question and its answering sentence often use for the same thing (beyond the
# engine's lexicon): who lives somewhere is its population, what was built was constructed.
_SAME = [
    "people population resident inhabitant citizen",
    "live reside home dwell populate",
    "build construct erect complete finish",
    # "Where did the Contact Group gather?": where it met (asked only: a petition that
    # "gathered" signatures met no one)
    "meet gather convene",
    "consult brief",  # "Who briefed the council beforehand?": who consulted it
    "sign signal show indicate",  # what a meeting "shows" is what it is a sign of
    "found establish create set-up",
    "design architect",
    "die death pass-away",
    "bear born birth native",  # "a native of Brackwater" says where she was born
    "tall high height rise",  # "How tall is it?": "it rises 46 metres above the hill"
    "cost spend price",
    "job role position post title profession occupation",
    "elect election",
    "write author",
    "direct director",
    "locate situate base headquarter headquarters",
    "employ employee staff worker job",
    "belong member affiliate join represent",  # a party's member represents it
    "charge manage manager coach head lead run",  # "in charge of" a club or team
    "another more further additional next follow-up",  # "more meetings": "another session"
    "album lp",  # a work by the words a page calls it
    "singer vocalist frontman frontwoman front",  # a band "fronted by" its singer
    "film movie feature picture",
    "husband wife spouse marry married",  # "the husband of X": whom she married
]
_SAME_INDEX: dict[str, set[str]] = {}
for _line in _SAME:
    _group = {stem(w) for w in _line.split()}
    for _w in _group:
        _SAME_INDEX.setdefault(_w, set()).update(_group)

# "Who is the creator of X?": a maker's noun is answered by the verbs of making, one way only
# (a sentence saying who wrote X answers who its author is; "founded" does not say who wrote).
_MADE = "create make write compose direct produce design develop invent build found start"
_MAKERS = {
    "creator": _MADE, "maker": _MADE, "author": "write", "writer": "write",
    "composer": "compose write", "founder": "found establish start create set",
    "designer": "design", "architect": "design build", "inventor": "invent develop create",
    "developer": "develop create", "builder": "build construct", "producer": "produce",
    "painter": "paint", "director": "direct make shoot",
    # (a film "made by" or "shot" by someone was directed by her)
    "direct": "make shoot",
}
_MAKER_INDEX = {stem(k): frozenset(stem(w) for w in v.split()) for k, v in _MAKERS.items()}
_TRAIL = re.compile(r"[>|»→]")
# Verbs whose "as" says someone's trade: "worked as a silversmith", "was employed as a clerk".
_WORKED = frozenset(["work", "employ", "practise", "practice", "train", "qualify"])
# Kin named with whose kin they are: a parentage, not a trade.
_KIN_OF = re.compile(r"\b(?:son|daughter|child|wife|husband|widow|brother|sister|father|mother|"
                     r"grandson|granddaughter|nephew|niece|heir)s? of\b", re.IGNORECASE)
# A party's words, which a sentence gives with a verb of saying ("X's comments": "X said").
_WORDS_SAID = frozenset(["comment", "remark", "statement", "account", "version", "quote", "word"])
# "the anonymous official": one the sentence has speak by post alone
_UNNAMED = frozenset(["anonymous", "unnamed", "unidentified", "nameless"])
# "What does Washington want Qaddafi to do?" is answered by what it says he "must" do, one
# way only ("Qaddafi must step down" says what someone wants; "want" says no "must").
_OUGHT = frozenset(["must", "should"])
_SAYS_MUST = frozenset(stem(w) for w in _OUGHT | {"demand", "urge"})
# What makers do: "Who wrote / directed X?" is answered by "a 1967 novel by X".
_MAKING = frozenset(stem(w) for verbs in _MAKERS.values() for w in verbs.split())
# Makers of works, which "an album by X", "a 1967 novel by X" name with a bare "by".
_PERFORMERS = frozenset(stem(w) for w in "artist singer band performer".split())
_WORK_MAKERS = frozenset(stem(w) for w in "creator maker author writer composer painter director"
                          .split())
# ... and what they do: "Who wrote / recorded X?" is answered by "an album by X" too (not
# "Who built X?": "By Deborah Quayle" under a headline is who wrote the report).
_WORK_DEEDS = frozenset(stem(w) for w in "write compose direct paint record perform sing".split())
_BY_MAKERS = _WORK_MAKERS | _PERFORMERS | _WORK_DEEDS
_MAKING_DEEDS = _MAKING | _WORK_DEEDS  # every verb that says who made something


# A verb, its preposition and that one's object that together say what one verb says.
_IDIOMS = {("come", "into", "world"): "bear"}


# "Who was X's father?" is answered by "X, the son of Y", one way only (the son of Y is not
# whom "Who is Y's son?" asks for, by these words).
_CHILD = "son daughter child boy girl"
_KIN_ANSWERED = {stem(k): frozenset(stem(w) for w in _CHILD.split())
                 for k in "father mother parent".split()}
# Kin asked about, who may share the family name of the person asked.
_KIN_ASKED = frozenset(["father", "mother", "parent", "son", "daughter", "child", "husband",
                        "wife", "spouse", "brother", "sister", "sibling"])


def _terms(lemma: str) -> frozenset[str]:
    s = stem(lemma)
    return related(s) | frozenset(_SAME_INDEX.get(s, ())) | _MAKER_INDEX.get(s, frozenset()) \
        | _KIN_ANSWERED.get(s, frozenset())


def _work_by(doc: Any) -> list[int]:
    """"a 1967 novel by Agnes Whitlow": a "by" that names who made a thing (attached to a
    noun, not the agent of a verb: "bought by Brightloop" says who bought it)."""
    return [t.i for t in doc if t.lower_ == "by" and t.dep_ == "prep"
            # (a noun the tagger took for an adjective: "the eighth single by X")
            and (t.head.pos_ in ("NOUN", "PROPN")
                 or (t.head.pos_ == "ADJ" and t.head.dep_ in ("attr", "nsubj", "dobj", "pobj")))
            and any(c.dep_ == "pobj" for c in t.children)
            # "released on June 22, 1999 by EastWest": a date is not a work
            and t.head.ent_type_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL")
            # "certified platinum by the RIAA": the "by" of a participle the parse hung on
            # its noun says who certified, not who made anything
            and not any(c.dep_ in ("amod", "acl") and c.tag_ == "VBN" and c.i < t.i and stem(
                c.lemma_.lower()) not in _MAKING_DEEDS for c in t.head.children)] + [
        # "Saltmarsh Elegy was the work of Dervit Hollerey", "the brainchild of X"
        t.i for t in doc if t.lower_ == "of" and t.dep_ == "prep"
        and t.head.lemma_.lower() in _WORK_OF and any(
            c.dep_ == "pobj" and c.pos_ == "PROPN" for c in t.children)]


# Nouns whose "of" names who made a thing
_WORK_OF = frozenset(["work", "brainchild", "creation", "handiwork"])


def _work_of(q: Question, doc: Any) -> list[int]:
    """"a new Taylor Swift album", "Coldplay's latest album", "Cormac Deyle's 'Low Country
    Lights'", a cited "Osric Penhallow: The Quiet Ferryman": a name set before the work
    asked about (the noun the question calls it by, or its title) says who made it, as "an
    album by X" does (not a date or a people: "a Christmas album", "a Canadian album")."""
    kinds = _terms(q.named_kind) if q.named_kind else frozenset()
    out = []
    for t in doc:
        if t.pos_ != "PROPN" or t.ent_type_ in ("DATE", "TIME", "EVENT", "NORP", "GPE"):
            continue
        head = t.head
        before = head.i > t.i and (
            (t.dep_ in ("compound", "poss", "amod", "nmod") and _common(head)
             and stem(head.lemma_.lower()) in kinds)
            or (t.dep_ == "poss" and _asked_name(head, q)))
        # (read along the text, which the parse of a cited title often gets wrong)
        k = t.i + 2
        while k < len(doc) and (doc[k].text in TITLE_OPENING or doc[k].text == "The"):
            k += 1
        cited = t.i + 1 < len(doc) and (doc[t.i + 1].text == ":" or doc[t.i + 1].tag_ == "POS") \
            and k < len(doc) and _asked_name(doc[k], q)
        if (before or cited) and not in_question(_name_at(t) or t.text, q):
            out.append(t.i)
    return out


def _made_by(doc: Any) -> list[int]:
    """Every "by" that says who made something: of a work ("a novel by X") or of a verb of
    making ("written and directed by X")."""
    return [*_work_by(doc), *(t.i for t in doc if t.dep_ == "agent" and t.head.pos_ == "VERB"
                              and stem(t.head.lemma_.lower()) in _MAKING_DEEDS)]


def _says_maker(q: Question, r: Reading) -> bool:
    """Does the sentence say who made the work: by a "by", a name before the work, or the
    maker's word or deed asked ("the album's producer", "recorded")? "'I'm the Man' was
    certified platinum by the RIAA" does not."""
    if _work_of(q, r.doc) or any(i in r.matched or r.doc[i].head.i in r.matched
                                 for i in _made_by(r.doc)):
        return True
    asked = [w for w in (*q.focus, q.predicate) if w and _maker_asked(w, q)]
    return any(_holds_word(w, r.doc) for w in asked)


def _maker_asked(word: str, q: Question) -> bool:
    """Is the question's word the deed asked about or a maker's word ("artist", "wrote")?"""
    return word == q.predicate or stem(word) in _BY_MAKERS or stem(word) in _MAKER_INDEX


def _context(c: Candidate, whole: bool = False) -> set[str]:
    """Stems of the document's title and the sentences just before this one in its paragraph:
    "The river town has ..." is about the town the previous sentence names. With ``whole``,
    the whole document: what a named party says about "the U.S. meeting" may leave the
    names of its topic to the rest of the story (the speaker decides which sentences count).
    """
    text = c.doc.text
    if whole:
        return _name_stems(f"{c.doc.title} {text}")
    start = max(text.rfind("\n\n", 0, c.span.start), c.span.start - 300, 0)
    return _name_stems(f"{c.doc.title} {text[start : c.span.start]}")


def _opens_on_it(c: Candidate, doc: Any) -> bool:
    """Is the sentence the first of its document, with "it" for its subject (the text begins
    after the page named what "it" is)?"""
    return not c.doc.text[: c.span.start].strip() and any(
        t.lower_ == "it" and t.dep_ in ("nsubj", "nsubjpass") for t in doc)


def _name_stems(text: str) -> set[str]:
    """Stems of a text's words as a question's names are written: "St. John's Church" holds
    "st.", "john" and "church" (a sentence's last word loses its full stop)."""
    out: set[str] = set()
    for w in re.findall(r"[\w'’.-]+", text.lower()):
        bare = re.sub(r"['’]s?$", "", w)
        out.update(stem(f) for f in (w, bare, bare.rstrip("."), w.replace(".", "")) if f)
    return out


def _parts_left_out(q: Question, text: str, pages: str = "") -> frozenset[str]:
    """The parts of a person's name that one part alone stands for in a document
    ("Middleton died ..." of "When did Arthur Middleton die?": Arthur; "Halvard worked as a
    cooper" on a page about Halvard Strand: Strand): only in a document that names
    him in full somewhere, and not where it names anyone else with that part ("Sarah
    Middleton", "Halvard Berg"). A fragment that never names him in full ("Marchbank
    earned his living as an engraver") stands for him by his surname where another of
    the documents found (``pages``) names him in full and none names anyone else by it,
    nor heads a page with a label for one of several of that name."""
    if not q.person:
        return frozenset()
    # spaCy is loaded by now (the sentences were parsed through ``bot.engine.nlp``, which keeps
    # torch out); importing its word list at module level would load spaCy, and torch, first.
    from spacy.lang.en.stop_words import STOP_WORDS

    *given, surname = q.person
    between = r"\s+(?:[A-Z][\w.'’-]*\s+){0,2}"  # "Arthur Edward Middleton"
    full = re.compile(r"\b" + between.join(re.escape(w) for w in q.person) + r"\b",
                      re.IGNORECASE)
    if not given:
        return frozenset()

    def other_name(word: str) -> bool:
        # (not a title, nor a headline's verb: "Dr Marchbank", "Remembering Terrefey")
        return word[:1].isupper() and not word.endswith(".") and word.lower() not in (
            *q.person, *STOP_WORDS, *TITLES, *_ADDRESS) and not word.lower().endswith("ing")

    def named_otherwise(beside: str, where: str = text) -> bool:
        return any(other_name(m.group(1)) for m in re.finditer(beside, where, re.IGNORECASE))

    if not full.search(text):
        # (``pages`` holds this document's text too)
        if full.search(pages) and not named_otherwise(
                rf"([\w'’.-]+)\s+{re.escape(surname)}\b", pages):
            return frozenset(given)
        return frozenset()

    out: set[str] = set()
    if not named_otherwise(rf"([\w'’.-]+)\s+{re.escape(surname)}\b"):
        out.update(given)
    if not named_otherwise(rf"\b{re.escape(given[0])}\s+([\w'’.-]+)"):
        out.add(surname)
    return frozenset(out)


def _by_one_part(part: str, doc: Any) -> bool:
    """Does the sentence name a person by one part of the name alone ("Middleton died ...",
    "Halvard worked as ...")?"""
    def name_word(i: int) -> bool:
        return 0 <= i < len(doc) and doc[i].is_title and doc[i].pos_ == "PROPN"

    # Not part of a longer name ("Middleton Place", "Henry Middleton").
    return any(t.lower_ == part and name_word(t.i) and not name_word(t.i - 1)
               and not name_word(t.i + 1) for t in doc)


def _denies(r: Reading) -> bool:
    """Is a matched verb of the sentence negated ("We don't want ...")?"""
    return any(r.doc[i].pos_ in ("VERB", "AUX") and _has_not(r.doc[i]) for i in r.matched)


def _denies_what_is_said(r: Reading) -> bool:
    """Does the sentence deny the words the question has it say ("the meeting was not a
    negotiation", "there is no plan to hold another session")?"""
    doc = r.doc
    asked = {i for i in r.matched if i >= 0 and (doc[i].pos_ not in ("VERB", "AUX")
                                                 or doc[i].lemma_.lower() not in REPORTING_VERBS)}
    for tok in doc:
        if not (tok.dep_ == "neg" or (tok.dep_ == "det" and tok.lower_ == "no")):
            continue
        head = tok.head
        if head.lemma_.lower() in REPORTING_VERBS:
            continue  # ("did not say"): a frame, not what is said
        # (what the negated word governs, not a clause joined to it: "was not a negotiation,
        # and was intended only to deliver the message that Qaddafi must step down")
        scope = {head.i} | {t.i for c in head.children if c.dep_ not in ("conj", "cc")
                            for t in c.subtree}
        if asked & scope:
            return True
    return False


def _has_not(tok: Any) -> bool:
    """Does the word carry a "not" ("don't want", "was not")?"""
    return any(c.dep_ == "neg" for c in tok.children)


_TITLE_STEMS = frozenset(stem(t) for t in TITLES)


def _derived(a: str, b: str) -> bool:
    """The same word, or one formed from the other by a short ending: "weigh" / "weight",
    "disclos" / "disclosur", "chair" / "chairman"; a post is no word formed from another
    ("secretary" is not "secret")."""
    short, long = sorted((a, b), key=len)
    return a == b or (len(short) >= 5 and long.startswith(short) and (
        len(long) - len(short) <= 3 or long[len(short):] in _AGENT_ENDINGS)
                      and long not in _TITLE_STEMS) or _root(a) == _root(b)


# Endings that make of a verb the noun for whoever does it, beyond the short ones
# ("represent" / "representatives"); a stem has dropped their final letters.
_AGENT_ENDINGS = frozenset(["ativ"])


# Endings that make an adverb, an adjective or a noun of one root ("anonymously",
# "anonymous", "anonymity"), longest first.
_ROOT_ENDINGS = ("ousli", "ou", "iti")


def _root(word_stem: str) -> str:
    """A stem without the ending that made it of another word class ("anonymiti" -> "anonym")."""
    for end in _ROOT_ENDINGS:
        if word_stem.endswith(end) and len(word_stem) - len(end) >= 5:
            return word_stem[: -len(end)]
    return word_stem


def _spelling_of(a: str, b: str) -> bool:
    """A long name written with one letter changed ("Gaddafi" / "Qaddafi", "Tchaikovsky" /
    "Tchaikovski"): one name, spelled another way."""
    if len(a) != len(b) or len(a) < 7 or a == b:
        return False
    return sum(x != y for x, y in zip(a, b, strict=True)) == 1


def _unnamed_speakers(doc: Any) -> list[int]:
    """"A U.S. State Department official said ...": the role nouns that speak with no name."""
    named = {t.i for e in doc.ents if e.label_ == "PERSON" for t in e}
    return [c.i for tok in doc if tok.pos_ == "VERB" and tok.lemma_.lower() in REPORTING_VERBS
            for c in tok.children if c.dep_ == "nsubj" and c.lower_ in ROLE_NOUNS
            and not any(g.dep_ == "appos" or g.i in named for g in c.subtree)]


def _match(q: Question, doc: Any, context: set[str] | None = None,
           described: frozenset[str] = frozenset(),
           alone: frozenset[str] = frozenset(), lenient: bool = False,
           titled: bool = False, own: frozenset[str] = frozenset()
           ) -> tuple[float, set[int], bool]:
    """(weighted share of content words found, the matching token indices, a name matched).

    ``lenient``: a word that only says the event took place ("held") is not missed where
    the sentence does not have it (it still counts where it does, without ``lenient``).
    ``titled``: a line in title case, whose capitals make no word a name ("Secret Talks").
    ``own``: the names the document gives its own occasion ("the Tunisia meeting"): a word
    of an occasion named otherwise ("the Libya Contact Group meeting") is no word asked.

    A name the sentence leaves out counts when its title or the sentence before names it,
    when it only says which thing "the <noun>" of the sentence is, and the document
    names no other thing by that noun (``described``), or when it is a given name of the
    person the sentence calls by one part of the name alone in a document with no namesake
    (``alone``).
    """
    stems: dict[str, list[int]] = {}
    for tok in doc:
        # a verb with its particle is one word ("set up" the firm: "set-up", as founded)
        phrasal = [f"{tok.lemma_.lower()}-{c.lower_}" for c in _particles(tok)]
        # "came into the world" is how a birth is told too
        phrasal += [idiom for c in tok.children if c.dep_ == "prep" for o in c.children
                    if (idiom := _IDIOMS.get((tok.lemma_.lower(), c.lower_, o.lemma_.lower())))]
        for form in {tok.lemma_.lower(), tok.lower_, *phrasal}:
            stems.setdefault(stem(form), []).append(tok.i)
    total = found = 0.0
    matched: set[int] = set()
    used: set[int] = set()  # one word of the sentence stands for one word of the question
    name_hit = False
    from_context: set[str] = set()  # names the sentence leaves to its title or paragraph
    missed = False  # the deed asked about, which the sentence does not say
    counted = False  # a count asked of people, which the names listed make up
    # (not a word of another occasion the question does not name: "diplomats attending the
    # Harbour Forum meeting" did not attend "the Kenya meeting")
    elsewhere = {t.i for t in doc if of_an_occasion_unasked(t, q, own)}
    # who made the work, however the sentence says it ("an album by X", "X's album")
    makers = [*_work_by(doc), *_work_of(q, doc)] if any(
        stem(w) in _BY_MAKERS for w in q.focus) else []
    maker_hits: set[int] = set()
    common_hits: set[int] = set()  # tokens a word asked about, not a name, found
    name_tokens: set[int] = set()  # tokens a name asked about found ("Libyan" for Tripoli)
    # "Moussa Ibrahim's comments" are what he "said" (read only when such words are asked)
    said = [t.i for t in doc if t.pos_ == "VERB" and t.lemma_.lower() in REPORTING_VERBS] \
        if _WORDS_SAID.intersection(q.focus) else []
    # "What newspaper reported X?": a sentence "according to" someone says who reported it
    according = [t.i for t in doc if t.lower_ == "according"] \
        if q.source and "report" in q.focus else []
    unnamed = _unnamed_speakers(doc) if _UNNAMED.intersection(q.focus) else []
    people = [t.i for t in doc if t.pos_ == "NOUN" and names_people(t.lemma_.lower())] \
        if q.counted in _PEOPLE else []
    # "the U.S." is what "America" and "Washington" name (read only when a country is asked)
    countries = any(country_asked(w) for w in q.proper)
    named = aliases_of(doc) if countries else {}
    # ... and "Muammar Qaddafi's government" what "Libya" names as a party, where the
    # documents call the country's government after him (not "the embassy in Tripoli")
    ruled = governments_of(doc) if countries else {}
    placing = {w for w, _ in q.described}
    for word, weight in [(w, 2.0 if w in q.proper else 1.0) for w in q.focus] + [
        (w, 0.5) for w in q.context
    ]:
        exact = stems.get(stem(word), [])
        if lenient and word in q.held and not (exact or any(stems.get(s) for s in _terms(word))):
            continue
        total += weight
        if word in q.proper:
            # A name matches a name: itself, a word formed from it ("Velmoran"), another
            # name of the same country; never a synonym or a common word ("Secretary of
            # State" is not "secret", "stated").
            country = country_asked(word)
            # A title in a name ("Judge Sparks") may be written in lower case ("a judge").
            title = word in TITLES
            hits = [i for i in exact if i not in used and (title or not doc[i].is_lower)] or [
                i for s, idx in stems.items() if _derived(stem(word), s) for i in idx
                if i not in used and not doc[i].is_lower
            ] or [i for i, k in named.items() if country and k == country and i not in used] or [
                i for i, k in ruled.items() if country and k == country and i not in used
                and word not in placing] or [
                i for i in spelled_out(word, doc) if i not in used] or [
                i for s, idx in stems.items() if _spelling_of(stem(word), s) for i in idx
                if i not in used and not doc[i].is_lower]
            hits = [i for i in hits if not _kins_name(doc, i, q)]
            name_tokens.update(hits)
        else:
            taken = used | elsewhere
            hits = [i for i in exact if i not in taken] or [
                i for s in _terms(word) for i in stems.get(s, []) if i not in taken] or [
                i for s, idx in stems.items() if _derived(stem(word), s) for i in idx
                if i not in taken] or [
                i for i in (makers if stem(word) in _BY_MAKERS else ()) if i not in used] or [
                i for s in (_SAYS_MUST if word in WANTING and q.wanted_done else ())
                for i in stems.get(s, []) if i not in used] or [
                i for i in (said if word in _WORDS_SAID else ()) if i not in used] or [
                i for i in (according if word == "report" else ()) if i not in used] or [
                i for i in (unnamed if word in _UNNAMED else ())] or [
                # "How many people did the U.S. send?": "Three senior U.S. officials"
                i for i in (people if word == q.counted and word in _PEOPLE else ())
                if i not in taken]
            maker_hits.update(i for i in hits if i in makers)
            common_hits.update(i for i in hits if _common(doc[i]) or titled)  # "LP": "album"
        if hits:
            found += weight
            matched.update(hits)
            # (the word that says the speaker goes unnamed leaves the speaker's noun to the
            # role asked: "the anonymous official")
            used.update(hits if word not in _UNNAMED else ())
            name_hit = name_hit or word in q.proper
        elif word in q.proper and context and (
            stem(word) in context
            or any(_derived(stem(word), c) or _spelling_of(stem(word), c) for c in context)
            # ("Qaddafi" nearby on a page naming Muammar Qaddafi and no other Qaddafi)
            or (word in alone and stem(q.person[0 if word == q.person[-1] else -1]) in context)
        ):
            found += weight
            from_context.add(word)
        elif word in described and _plain_the(doc, nouns := [n for w, n in q.described
                                                              if w == word]):
            found += weight  # "the meeting" of a sentence is "the secret meeting" asked about
            from_context.add(word)
        elif word in described and told_unnamed(doc, nouns):
            # ... and, less surely, one telling of a meeting with no name ("met with ...")
            found += weight / 2
            from_context.add(word)
        elif q.names_many and _lists_so_many(word, doc):
            found += weight  # "the three officials": a sentence listing three names
            counted = True
        elif word in alone and _by_one_part(q.person[0 if word == q.person[-1] else -1], doc):
            found += weight  # "Middleton died ...": Arthur Middleton, on a page of no other
            from_context.add(word)
        elif _maker_asked(word, q):
            missed = True  # the deed or the maker asked about
        elif word == q.named_kind and _on_another_noun(doc, matched, q):
            found += weight  # "the Brannick tower" for "Brannick Lighthouse"
    # (Only a sentence saying the deed asked: "The album was produced by X" does not say who
    # recorded it, and the page's "the album" may be another one.)
    if q.named_kind and not name_hit and not missed and _called_the(doc, q.named_kind):
        # "The priory at Ketterby was founded by ...": "the priory" names Selmore Priory on a
        # page that calls nothing else by that noun, with the weight a title's name gets.
        found += sum(2.0 for w in q.focus if w in q.proper and w not in from_context)
        name_hit = True
    # The names the page is about stand for themselves when the title or paragraph gives
    # every name asked about; "What does Washington want Qaddafi to do?" is not answered by
    # a sentence naming neither under a title naming Qaddafi.
    name_hit = name_hit or (bool(from_context) and set(q.proper) <= from_context)
    if total == 0:
        return 0.0, matched, False
    if counted:
        matched.add(-1)  # the names listed stand for "three"
    if set(q.focus) & (BIRTH | DEATH) and LIFE.search(doc.text):
        found += _said_otherwise(q, doc, matched, BIRTH | DEATH)
        matched.add(-1)  # the dates in brackets stand for "born" / "died"
    if set(q.focus) & _LOCATED and _placed_as_what_it_is(doc):
        # "Indera Mahkota is a township in Kuantan" says where it is located, as a sentence
        # saying "located" does
        found += _said_otherwise(q, doc, matched, _LOCATED)
        matched.add(-1)
    if q.expects != "KIND" and any(w not in q.proper and not (lenient and w in q.held)
                                   for w in q.focus) and not any(
        i < 0 or (doc[i].lemma_.lower() not in q.proper and stem(doc[i].lower_) not in q.proper
                   and i not in name_tokens - common_hits
                   and (doc[i].pos_ != "PROPN" or doc[i].lower_ in TITLES or i in common_hits
                        or i in maker_hits)) for i in matched
    ):
        # Only the name matches: the sentence is about something else (unless a word in it
        # must name a kind of what is asked, which "X is a Hungarian violinist" is about; a
        # title is a word asked about even where it is written as part of a name).
        return 0.0, matched, False
    matched.discard(-1)
    return min(1.0, found / total), matched, name_hit


def _kins_name(doc: Any, i: int, q: Question) -> bool:
    """Asked of a person's kin, is the word, a part of the person's name asked, part of
    another person's name ("his father, Sefton Fenwarrick" when Alderic Fenwarrick's father
    is asked)?"""
    if len(q.person) < 2 or not _KIN_ASKED.intersection(q.focus):
        return False
    # (whatever the tagger calls the name: "Wendel Orrel" may come out as a firm's)
    ent = next((e for e in doc.ents if e.start <= i < e.end), None)
    # (by the given name: "John Alexander Lambie" is John Lambie)
    given = next((t for t in ent or () if t.pos_ == "PROPN" and t.is_title
                  and t.lower_.strip(".") not in TITLES), None)
    return given is not None and given.i != i and given.lower_ not in q.person


def _particles(verb: Any) -> list[Any]:
    """The verb's particles ("set up"; "came away with the sense that ...", where "away" is
    parsed as an adverb, and is one)."""
    return [c for c in verb.children
            if c.dep_ == "prt" or (c.dep_ == "advmod" and c.lower_ == "away")]


def _said_otherwise(q: Question, doc: Any, matched: set[int], kin: frozenset[str]) -> float:
    """The weight of the question's words of ``kin`` that no matched word says, which the
    sentence says in another form (a life's dates in brackets for "born"; "is a township in"
    for "located")."""
    return sum(1.0 for w in q.focus if w in kin and not any(
        stem(doc[i].lemma_) in _terms(w) for i in matched))


_LOCATED = frozenset(["locate", "situate"])


def _placed_as_what_it_is(doc: Any) -> bool:
    """"X is a township in Kuantan, Pahang": what the thing is, and a place it is in."""
    return any(t.lemma_ == "be" and any(
        a.dep_ == "attr" and a.pos_ == "NOUN" and any(
            p.dep_ == "prep" and p.lower_ in ("in", "at", "on") and any(
                o.dep_ == "pobj" and o.pos_ == "PROPN" for o in p.children)
            for p in a.children)
        for a in t.children) for t in doc)


def _descriptions(q: Question, text: str) -> frozenset[str]:
    """The words asked about that say which thing "the <noun>" is, as far as this document
    goes: it uses the word with the noun in one sentence ("a secret meeting", "the Tunisia
    meeting"; "the tallest bridge in the world" of a story that never says "tallest" is no
    thing it told of), and, for a name, gives no other name to that noun ("the Istanbul
    meeting" beside "the Tunisia meeting": its plain "the meeting" may be either)."""
    out = set()
    sentences = [{stem(w) for w in re.findall(r"[\w'’-]+", part.lower())}
                 for part in re.split(r"(?<=[.!?])\s+|\n+", text)]
    # A headline's capitals name nothing: "Secret Talks With ..." is no talks named "Secret".
    body = without_headlines(text)
    for word, noun in q.described:
        nouns = _terms(noun)  # the noun itself among its near-synonyms
        if not any(stem(word) in words and words & nouns for words in sentences):
            continue
        if word in q.proper:
            asked = {stem(w) for w, n in q.described if n == noun}
            others = (names_before(m.group(1)) for m in re.finditer(
                rf"((?:[A-Z][\w.'’-]*\s+)+)(?i:{re.escape(noun)})s?\b", body))
            if stem(word) not in told_first(noun, body) and any(
                    names - asked for names in others):
                continue
        out.add(word)
    return frozenset(out)


def _plain_the(doc: Any, nouns: list[str]) -> bool:
    """Does the sentence say plain "the <noun>" for one of these nouns, with no word of its
    own for which one ("the fisheries minister" is not "the deputy minister" asked about)?"""
    terms = {t for n in nouns for t in _terms(n)}
    return any(
        tok.pos_ == "NOUN" and stem(tok.lemma_.lower()) in terms
        and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
        and not any(c.dep_ in ("compound", "amod", "nmod", "poss", "nummod") for c in tok.children)
        for tok in doc)


def _lists_so_many(word: str, doc: Any) -> bool:
    """Is the word a count ("three") that the sentence's list of people's names makes up?"""
    count = number(word) if re.fullmatch(r"[a-z]+|\d+", word) else None
    names = [e for e in doc.ents if e.label_ == "PERSON"]
    return count is not None and count >= 2 and len(names) == count and not any(
        t.pos_ in ("VERB", "AUX") for a, b in pairwise(names) for t in doc[a.end : b.start])


def _holds_word(word: str, doc: Any) -> bool:
    """Does the sentence hold ``word``, a near-synonym or a word formed from it?"""
    asked = stem(word)
    terms = _terms(word)
    if any(_is_word(tok, asked, terms) for tok in doc):
        return True
    # "a novel by Ruth Oyelaran" tells who wrote it
    return asked in _MAKING and bool(_work_by(doc))


def _is_word(tok: Any, asked: str, terms: frozenset[str]) -> bool:
    """Is the token the word whose stem is ``asked``, a near-synonym (``terms``) or a word
    formed from it?"""
    return any(f in terms or _derived(asked, f) for f in {stem(tok.lemma_.lower()),
                                                           stem(tok.lower_)})


def _other_deed(q: Question, r: Reading) -> bool:
    """"Who brokered the meeting?" is not answered by who attended it: a question about who
    did something needs a sentence that tells of that deed (the verb, a synonym or a word
    formed from it), not only of the same thing. Words someone is reported to have said
    tell of their saying them."""
    if maker_of_a_work(q):
        return not _says_maker(q, r)
    if not (q.wh_role == "subject" and q.expects in ("PERSON", "ORG") and q.predicate
            and q.predicate in q.focus) or q.side_asked:
        # ("Who represented Poland?": a side's people at the meeting represent it.)
        return False
    if q.predicate in REPORTING_VERBS and q.predicate not in _MAKING_KNOWN \
            and r.attribution is not None and r.attribution.speaker:
        return False
    if q.wanted_done and q.predicate in WANTING and _says_must(r.doc, r.matched):
        # "Who wants Qaddafi to step down?" - "the message that Qaddafi must step down": what
        # must be done is what its sender wants done
        return _done_to_another(q, r)
    return not _holds_word(q.predicate, r.doc) or _done_to_another(q, r)


def _says_must(doc: Any, matched: Collection[int]) -> bool:
    """Does the sentence say what the question asks be done must be done ("the message that
    Qaddafi must step down"): a word of must ("must", "demand", "urge") on a verb whose words
    the question has?"""
    return any((stem(t.lower_) in _SAYS_MUST or stem(t.lemma_.lower()) in _SAYS_MUST) and any(
        c.i in matched and c.i != t.i for c in t.head.subtree) for t in doc)


# Telling what was not known: "Who disclosed the meeting?" is not answered by whoever said
# something of it, only by a sentence that tells of it being made known.
_MAKING_KNOWN = frozenset(["disclose", "reveal", "announce", "publish", "leak"])


def _done_to_another(q: Question, r: Reading) -> bool:
    """"Who headed the Libyan delegation?" is not answered by "NATO is leading an air
    campaign": the deed's object is none of the things asked about, and the words the
    question gives its object are nowhere in the sentence."""
    doc = r.doc
    terms, asked = _terms(q.predicate), stem(q.predicate)
    verbs = [t for t in doc if t.i in r.matched and t.pos_ == "VERB"
             and _is_word(t, asked, terms)]
    missing = [w for w in q.focus if w != q.predicate and w not in q.proper
               and w not in q.held and not _holds_word(w, doc)]
    if not verbs or not missing or not all(_holds_word(w, doc) for w in q.proper):
        return False  # (a name the sentence leaves out may be what it calls "the match")
    if any(names_people(w) for w in missing):
        return False  # (people may be called anything: "the men", "three individuals")
    for verb in verbs:
        objs = [c for c in verb.children if c.dep_ == "dobj"]
        core = {t.i for o in objs for t in (o, *(c for c in o.children
                                                   if c.dep_ in ("compound", "amod")))}
        if not objs or core & r.matched or any(
                names_people(doc[i].lemma_.lower()) or doc[i].ent_type_ == "PERSON"
                for i in core):
            return False
    return True


def _we_of_another_side(q: Question, r: Reading) -> bool:
    """"What does the U.S. want?" - "'We want to take further steps,' said the Libyan
    spokesman": the "we" who does the deed asked about is the speaker's side, and the
    country asked about (named only by the page around it) is another."""
    # (the country that does the deed: "What does the U.S. want from Libya?")
    doer = doer_country(q)
    if doer is None or r.attribution is None:
        return False
    side = side_of(r.attribution)
    doers = [t for t in r.doc if t.lower_ in ("we", "us") and t.dep_ in ("nsubj", "nsubjpass")
             and t.text != "US" and (t.head.i in r.matched)]
    return side is not None and bool(doers) and side != doer


# Words for people in general, which any word for people answers when counted
_PEOPLE = frozenset(["people", "person", "persons", "individual", "ppl"])
# Verbs of speaking for a side ("Who spoke for the U.S.?")
_SPEAKING = frozenset(["speak", "talk", "comment"])


def _speaks_for_another(q: Question, said: Sequence[Attribution | None]) -> bool:
    """"Who spoke for the U.S.?" - "... said the Libyan spokesman": one who speaks for another
    side (the country asked named only by the page around it) does not speak for it."""
    country = doer_country(q) if q.wh_role == "subject" else None
    sides = {side for a in said if a is not None and (side := side_of(a)) is not None}
    return country is not None and bool(sides) and country not in sides


def doer_country(q: Question) -> str | None:
    """The country a question names first, the doer of its deed ("Why did the U.S. decide to
    meet the Libyans?", "What does the U.S. want from Libya?")."""
    return next((c for w in q.proper if (c := country_asked(w)) is not None), None)


def _about_another(q: Question, doc: Any, matched: set[int]) -> bool:
    """Does the sentence name what is asked about as the owner of the one who acts, and never
    as one who acts ("Middleton's father died in 1685": the father died, not Middleton)?"""
    names = [doc[i] for i in matched if i >= 0 and doc[i].lemma_.lower() in q.proper]
    owner = any(t.dep_ == "poss" and t.head.dep_ in ("nsubj", "nsubjpass")
                and t.head.pos_ == "NOUN" and t.head.lemma_.lower() not in q.focus
                for t in names)
    return owner and not any(t.dep_ in ("nsubj", "nsubjpass") for t in names)


def _another_of_the_kind(q: Question, doc: Any, matched: set[int]) -> bool:
    """Does the sentence give the kind word of the name asked ("Council" of "the National
    Security Council") only in another name of that kind, which lacks a word of the one asked
    and has one of its own ("the Transitional National Council")?"""
    kind, asked = q.named_kind, set(q.kind_name)
    if not kind or len(asked) < 2:
        return False
    names = [{tok.lemma_.lower()} | {c.lemma_.lower() for c in names_before_head(tok)}
             for i in matched if i >= 0 and (tok := doc[i]).lemma_.lower() == kind
             and tok.pos_ == "PROPN"]
    return bool(names) and all(not asked <= name and bool(name - asked) for name in names)


def _anothers_thing(q: Question, doc: Any, matched: set[int]) -> bool:
    """Is the thing a person has in the question ("Qaddafi's representatives") matched here
    only as someone else's ("the country's legitimate representatives")?"""
    for owner, thing in q.owned:
        found = [doc[i] for i in matched if doc[i].lemma_.lower() == thing]
        if found and all(any(c.dep_ == "poss" and c.lower_ != owner and not respelled(
                c.lower_, owner) for c in t.children) for t in found):
            return True
    return False


_NOT_CONFUSED = re.compile(r"\bnot to be confused with\b|\bfor other people\b", re.IGNORECASE)


def _another_person(q: Question, doc: Any) -> bool:
    """Is the sentence about someone else of the asked person's family name ("Her mother,
    Agnete Tormundsen (born 14 April 1939)" on Liesl Tormundsen's page), or a note naming
    another of the name ("Not to be confused with Liesl Tormundsen (swimmer, born 1992)")?"""
    if not q.person:
        return False
    if _NOT_CONFUSED.search(doc.text):
        return True
    if _KIN_ASKED.intersection(q.focus):
        return False  # "Who was his father?": his kin of the name is whom it asks for
    given, family = set(q.person[:-1]), q.person[-1]
    names = [_name_at(t) or "" for t in doc
             if t.lemma_.lower() == family and t.ent_type_ == "PERSON"]
    parts = [re.split(r"[\s-]+", name) for name in names]  # (and "King-Hall")
    return bool(parts) and all(
        any(w[:1].isupper() and w.lower().strip(".") not in {family, *TITLES, *_ADDRESS}
            for w in part)
        and not any(w.lower() in given for w in part) for part in parts)


def _named_otherwise(q: Question, doc: Any, matched: set[int]) -> bool:
    """Is the thing the question describes in common words only ("the secret meeting")
    named in the sentence by a name ("the Libya Contact Group meeting"): another one? (Not
    where the answer is a thing: "the historical period" of a house may be "First Period".)"""
    if q.expects in ("THING", "KIND"):
        return False
    # (A month says when, not which by name: "the July 16 meeting" is described.)
    nouns = {n for _, n in q.described} - {n for w, n in q.described
                                           if w in q.proper and date(w) is None}
    # (people's organisation before them names no other people: "staff member" of the
    # "National Security Council" is a member, whichever body he serves)
    nouns = {n for n in nouns if not names_people(n)}
    hits = [doc[i] for i in matched if i >= 0 and doc[i].lemma_.lower() in nouns]
    # (A place's name says where it was: "the Tunisia meeting" is no other meeting.)
    return bool(hits) and all(any(
        c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ not in ("GPE", "LOC")
        and not any(w.lemma_.lower() in q.focus for w in c.subtree if w.pos_ == "PROPN")
        for c in t.children) for t in hits)


def _called_the(doc: Any, noun: str) -> bool:
    """Does the sentence say "the <noun>", "this <noun>" or "<a name>'s <noun>" and never
    name one ("Harlow Tower")?"""
    terms = _terms(noun)
    said = any(stem(t.lemma_.lower()) in terms and _common(t) and any(
        (c.lower_ in ("the", "this") and c.dep_ == "det")
        or (c.dep_ == "poss" and c.pos_ == "PROPN") for c in t.children) for t in doc)
    return said and not any(stem(t.lemma_.lower()) in terms and not _common(t) for t in doc)


def _nameless(candidates: Sequence[Candidate], docs: Sequence[Any],
              matches: Sequence[tuple[float, set[int], bool]]) -> set[str]:
    """The documents none of whose sentences names the thing asked about or any place, and
    which call it what the documents naming it call it ("the village" of a village; "the
    city" beside a township's page is another place)."""
    named: set[str] = set()
    naming: dict[str, str] = {}  # the texts of the documents naming the thing, by id
    for cand, doc, (_, _, hit) in zip(candidates, docs, matches, strict=True):
        if hit:
            naming[cand.doc.doc_id] = cand.doc.text
        if hit or any(e.label_ in ("GPE", "LOC", "FAC") for e in doc.ents) or any(
                # "the village of Hopstow", whatever the tagger takes Hopstow for
                t.pos_ == "PROPN" and t.head.lower_ == "of"
                and _PLACE_KIND.fullmatch(t.head.head.lower_) for t in doc):
            named.add(cand.doc.doc_id)
    # what the documents naming the thing call it
    kinds = {m.lower() for text in naming.values() for m in _PLACE_KIND.findall(text)}
    return {c.doc.doc_id for c in candidates if c.doc.doc_id not in named and (
        not kinds or any(m.group(1).lower() in kinds for m in THE_PLACE.finditer(c.doc.text)))}


def _on_another_noun(doc: Any, matched: set[int], q: Question) -> bool:
    """Does the sentence set the rest of the name asked about before a common noun of its
    own ("the quarrymen completed the Brannick tower" for "Brannick Lighthouse")? It names
    the same thing in other words; "Brannick Quay", a name of its own, names another."""
    if q.named_kind not in q.proper:
        return False
    rest = [i for i in matched if doc[i].lemma_.lower() in q.proper and not doc[i].is_lower]
    return bool(rest) and all(doc[i].dep_ == "compound" and doc[i].head.pos_ == "NOUN"
                              and doc[i].head.is_lower for i in rest)


def _common(tok: Any) -> bool:
    """Is the word written as a common noun: in lower case, or an abbreviation ("LP")?"""
    return tok.is_lower or (tok.is_upper and len(tok) > 1)


def _tree_distance(a: Any, b: Any) -> int:
    path_a = [a, *a.ancestors]
    index = {t.i: n for n, t in enumerate(path_a)}
    for n, t in enumerate([b, *b.ancestors]):
        if t.i in index:
            return n + index[t.i]
    return 99


def in_question(text: str, q: Question) -> bool:
    """An entity the question itself names is not its answer."""
    ws = [stem(w) for w in words(text)]
    qs = {stem(w) for w in q.focus} | {stem(w) for w in q.context}
    return bool(ws) and all(w in qs for w in ws)


def _modifier(ent: Any, matched: set[int]) -> bool:
    """"U.S. officials", "Libyan", "Qaddafi's government": a name that only qualifies
    another noun, unless that noun is what the question asks about ("the Tunisia meeting")."""
    if any(t.tag_ == "POS" for t in ent) or ent.root.dep_ in ("amod", "poss"):
        return True
    inside = {t.i for t in ent}
    for t in ent:
        if (
            t.head.i not in inside
            and t.dep_ in ("compound", "amod", "nmod", "poss", "det")
            and t.head.pos_ in ("NOUN", "PROPN")
            and t.head.i not in matched
            # "National Security Council staff member": the body of the staff asked about
            and not any(c.i in matched and c.dep_ == "compound" for c in t.head.children)
        ):
            return True
    return False


def _entities(q: Question, doc: Any, matched: set[int]) -> list[Any]:
    labels = ENTITY_LABELS[q.expects]
    ents = [
        e
        for e in doc.ents
        if (e.label_ in labels or (q.expects == "PLACE" and _called_a_place(e)))
        and not in_question(e.text, q) and (not _modifier(e, matched) or (
            q.expects == "PLACE" and _names_occasion_done_at(e) and not (
                q.predicate in MET_WITH or q.predicate in TOOK_PLACE
                or q.predicate in HAPPENING)))
    ]
    if q.expects == "DATE":
        # "Categories : 1939 births | 2010 deaths": years the tagger counts
        ents += [e for e in doc.ents if e.label_ == "CARDINAL" and _life_listed(e, q)
                 and re.fullmatch(r"1\d{3}|20\d{2}", e.text)]
    if q.expects in ("PERSON", "ORG", "PLACE"):
        # A name is written with a capital: "Marta Selby, a village chandler" names one
        # woman, whatever the tagger makes of the trade.
        ents = [e for e in ents if not all(t.is_lower for t in e if t.is_alpha)]
    if q.expects == "NUMBER" and not q.money:
        # "How many ...", "the population of ...": a count, not a sum, a share or a decimal.
        ents = [e for e in ents if e.label_ in ("CARDINAL", "QUANTITY")
                and not re.search(r"\d\.\d{3,}", e.text) and not _rate(e)]
        if q.attribute in _COUNTS:  # a count of people or things, not an area or a height
            ents = [e for e in ents if e.label_ != "QUANTITY"]
    if q.expects == "NUMBER" and q.money:
        # "How much ...?" asks for an amount: "8" in "by 11 votes to 8" has no unit.
        ents = [e for e in ents if e.label_ != "CARDINAL" or _has_unit(e, q)]
        if _PRICED.intersection(q.focus):
            # What something costs or pays is a sum of money, not a count of anything else.
            ents = [e for e in ents if e.label_ == "MONEY" or _in_currency(e) or (
                _SCALE.search(e.text) and not _counts_a_noun(e))]
    if q.expects in ("NUMBER", "DURATION", "AGE"):
        ents = [e for e in ents if not _footnote(e) and not re.search(r"\d-\d", e.text)]
        ents = [e for e in ents if re.search(r"\d|\b(?:one|two|three|four|five|six|seven|eight|"
                                             r"nine|ten|eleven|twelve|hundred|dozen)\b", e.text,
                                             re.IGNORECASE) or (q.lasting and (
                                                 _start(e) or _dates_deed(e, matched)))]
    if q.expects == "PLACE" and q.predicate not in PLACE_DOES:
        ents = [e for e in ents if not party_or_origin(e)]
    if q.expects == "PLACE" and sum(1 for w in q.proper if country_asked(w)) > 1:
        # "Where did the U.S. and Libya meet?": not where another occasion was ("attending
        # the Libya Contact Group meeting July 15 in Istanbul"), a body's named after one
        ents = [e for e in ents if not (e.root.head.pos_ == "ADP" and is_occasion(
            e.root.head.head) and of_an_occasion_unasked(e.root.head.head, q))]
    if q.expects == "PLACE" and q.predicate and not (
            q.predicate in MET_WITH or q.predicate in TOOK_PLACE or q.predicate in HAPPENING
            or q.predicate in PLACE_DOES):
        # "Where did the government first talk about the meeting?": "the Tunisia meeting"
        # says where the meeting was, not where anyone spoke of it (a deed done "at the
        # Istanbul meeting" was done there)
        ents = [e for e in ents if not (e.root.dep_ in ("compound", "amod", "nmod")
                                        and e.root.head.lemma_.lower() in _OCCASIONS
                                        and not _done_at(e.root.head))]
    if q.expects == "DATE":
        # "within two weeks" says how long, not when; "the largest protest of the 20th
        # century" says over what time it is the largest.
        ents = [e for e in ents if not _length_of_time(e) and not _bounds_comparison(e)]
    if q.expects == "DURATION":
        # "How long ...?": a length ("two hours", "1,200 metres"), never a point in time
        # ("July 16", "in 2011"), which says when, nor a bare count ("three officials").
        ents = [e for e in ents if re.search(r"\b(?:day|week|month|year|hour|minute|decade)",
                                             e.text, re.IGNORECASE)] or [
            e for e in ents if (not _point_in_time(e) or _start(e) or (
                q.lasting and _dates_deed(e, matched))) and e.label_ != "CARDINAL"]
    ents = [e for e in ents if not any(t.i in matched for t in e) or q.expects == "DATE"]
    if q.expects in ("NUMBER", "DATE", "DURATION", "AGE"):
        # "Its highest summit is Mount Vastrel; the second highest, Mount Orlask, reaches
        # 2,291 metres": the value another named thing has
        ents = [e for e in ents if not _anothers_value(e, q, matched)]
    if q.expects == "PERSON" and q.wh_role == "subject" and not ents:
        # "Who closed its embassy?" - "The U.S. closed its embassy": a country that does
        # the deed asked about is who did it.
        doers = matched | {_controller(doc[i]).i for i in matched if doc[i].pos_ == "VERB"}
        ents = [e for e in doc.ents if e.label_ == "GPE" and first_of(e.root).dep_ == "nsubj"
                and first_of(e.root).head.i in doers and not in_question(e.text, q)]
    slots = _subject_slots(doc, matched, q) if q.wh_role == "subject" else None
    if slots is not None:
        ents = [e for e in ents if e.root.i in slots or any(t.i in slots for t in e)]
    elif q.wh_role == "subject" and q.expects == "PERSON":
        # "their message about Qaddafi", "the message that Qaddafi must step down": whom a
        # message is about is not who did the deed asked about
        ents = [e for e in ents if not _topic_of_a_message(e.root)]
    if not _asks_reporter(q):
        # "..., according to the Associated Press": whoever a sentence is according to
        # reports the deed, not does it.
        ents = [e for e in ents if not _according_to(e.root)]
    if q.expects in ("PERSON", "ORG"):
        # Prefer the label the question most likely wants; fall back in order.
        order = ("PERSON", "ORG", "NORP", "GPE") if q.expects == "PERSON" else (
            "ORG", "PERSON", "NORP", "GPE")
        # ... but whom the deed asked was done to is an answer whatever its label ("Who did
        # the diplomats tell?" - "U.S. diplomats told Libyans that ...": not the Qaddafi of
        # their message)
        done_to = [e for e in ents if q.wh_role != "subject" and e.root.dep_ in (
            "dobj", "dative") and e.root.head.i in matched and e.root.head.pos_ == "VERB"]
        for label in order:
            if any(e.label_ == label for e in ents):
                ents = [e for e in ents if e.label_ == label or e in done_to]
                break
    return ents


def _head_of_name(tok: Any) -> Any:
    """The last word of the name a word is part of ("Orlask" of "Mount Orlask")."""
    while tok.dep_ in ("compound", "flat") and tok.head.pos_ == "PROPN" and tok.head.i != tok.i:
        tok = tok.head
    return tok


_TELLS_A_VALUE = REPORTING_VERBS | frozenset("estimate count record put list give rate "
                                             "measure survey".split())


def _anothers_value(ent: Any, q: Question, matched: set[int]) -> bool:
    """Is the value said of a subject that another name names, in a clause without the name
    asked ("Its highest summit is Mount Vastrel; the second highest, Mount Orlask, reaches
    2,291 metres")?"""
    verb = ent.root.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or not q.proper or verb.lemma_.lower() in _TELLS_A_VALUE:
        return False  # ("The Census Bureau estimated its population at 5,000")
    if verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False  # a participle's "subject" is the parse's guess ("Arkansas ... built in")
    inside = {t.i for c in subjects for t in c.subtree}
    # (a name of the subject's own, or one set beside it, not asked: "Mount Orlask", "the
    # Kettle Wall"; not a name qualifying a common noun, "Three senior U.S. officials")
    others = [i for i in inside if ent.doc[i].pos_ == "PROPN" and i not in matched
              and _head_of_name(ent.doc[i]).dep_ in ("nsubj", "nsubjpass", "appos")]
    # ... with the name asked elsewhere, not in the clause ("Dalvane has extended its recall
    # of Norvexa to 22 batches" says it of Norvexa)
    clause = _own_clause(verb)
    asked = [i for i in matched if i >= 0 and ent.doc[i].pos_ == "PROPN" and i not in inside]
    return bool(others) and bool(asked) and not any(i in clause for i in asked)


def _own_clause(verb: Any) -> set[int]:
    """The words of a verb's own clause, not of the clauses joined to it."""
    joined = {t.i for c in verb.children if c.dep_ in _JOINED_CLAUSES
              and c.pos_ in ("VERB", "AUX") for t in c.subtree}
    return {t.i for t in verb.subtree} - joined


_JOINED_CLAUSES = frozenset(["ccomp", "conj", "advcl", "parataxis", "relcl"])


# "Who does X speak / work for?", "Whom does X represent?": asked of a person, the body he serves
_SERVES = frozenset(["speak", "work", "represent", "serve", "belong"])
_COUNTS = frozenset(["population", "number", "total"])
_SCALE = re.compile(r"\b(?:thousand|million|billion|trillion|lakh|crore)\b", re.IGNORECASE)


_PRICED = frozenset(["cost", "price", "pay", "spend", "worth", "fee", "toll", "salary",
                     "money", "charge", "fund"])
_CURRENCY = re.compile(
    r"^(?:dollars?|euros?|pounds?|sterling|yen|yuan|francs?|marks?|crowns?|kron(?:a|or|e|er)|"
    r"rupees?|roubles?|rubles?|pesos?|reais|real|rand|lira|liras|dinars?|dirhams?|riyals?|"
    r"won|zloty|forints?|shekels?|cents?|pence|bucks?)$", re.IGNORECASE)


# Nouns for a place a name may be set beside ("Wendling, a market town in western Halvia").
_PLACE_NOUNS = frozenset(["city", "town", "village", "county", "municipality", "borough",
                          "township", "parish", "district", "suburb", "hamlet", "capital",
                          "province", "region", "port"])


def _called_a_place(ent: Any) -> bool:
    """Is a name the tagger took for a person or a body set beside a noun for a place ("the
    edge of Wendling, a market town")? The noun says what it is."""
    return ent.label_ in ("PERSON", "ORG") and any(
        c.dep_ == "appos" and c.lemma_.lower() in _PLACE_NOUNS for c in ent.root.children)


def _in_currency(ent: Any) -> bool:
    """"31 million crowns", "€2 billion": a number of a currency."""
    doc = ent.doc
    after = doc[ent.end] if ent.end < len(doc) else None
    before = doc[ent.start - 1] if ent.start > 0 else None
    return bool((after is not None and _CURRENCY.match(after.text)) or (
        before is not None and (before.tag_ == "$" or _CURRENCY.match(before.text))))


_LENGTH = re.compile(
    r"^(?:about|around|nearly|almost|over|within|for|some|up to|more than|less than|the past|"
    r"the last|the next)?\s*(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|several|a few|few|many|(?:the|a|an) (?:whole|entire|full)|all)\s+"
    r"(?:days?|weeks?|months?|years?|decades?|hours?|minutes?|centuries)$", re.IGNORECASE)


_POINT = re.compile(r"\b(?:" + _MONTHS + r"|monday|tuesday|wednesday|thursday|friday|saturday|"
                    r"sunday|today|yesterday|tomorrow)\b|^(?:in |on )?(?:1[5-9]|20)\d\d$",
                    re.IGNORECASE)


def _point_in_time(ent: Any) -> bool:
    """"July 16", "Wednesday", "2011": a date on the calendar, not a length of time."""
    return bool(_POINT.search(ent.text.strip()))


_BEGUN = frozenset(["begin", "start", "launch", "commence", "open"])


def _start(ent: Any) -> bool:
    """"since March", "an air campaign that began in March": when a length of time began,
    which says how long it has lasted."""
    if ent.root.head.lower_ in ("since", "from"):
        return True
    return _dated(ent).lemma_.lower() in _BEGUN


def _dated(ent: Any) -> Any:
    """The word a date says when of, through its preposition ("began in March": "began")."""
    head = ent.root.head
    return head.head if head.pos_ == "ADP" else head


def _dates_deed(ent: Any, matched: set[int]) -> bool:
    """"The U.S. closed its embassy ... in February": the date of a deed asked about, which
    began the state it left ("closed" since then)."""
    head = _dated(ent)
    return head.i in matched and head.pos_ == "VERB"


def _length_of_time(ent: Any) -> bool:
    """"two weeks", "30 months": a length of time, unless placed ("two weeks ago")."""
    after = ent.doc[ent.end].lower_ if ent.end < len(ent.doc) else ""
    return bool(_LENGTH.match(ent.text.strip())) and after not in (
        "ago", "later", "earlier", "before", "after", "since")


_TIME_UNIT = re.compile(r"^(?:day|week|month|year|decade|century|morning|evening|night|"
                        r"weekend|half|quarter|season|term|session)s?$")


def _bounds_comparison(ent: Any) -> bool:
    """Is a time the span a superlative or an ordinal ranks within ("the largest national
    protest of the 20th century", "the first title of the decade")?"""
    prep = ent.root.head
    if ent.root.dep_ != "pobj" or prep.lower_ != "of" or prep.head is prep or (
            _TIME_UNIT.match(prep.head.lower_)):  # "the first day of March 2011" is a date
        return False
    return any(c.tag_ == "JJS" or c.ent_type_ == "ORDINAL" or c.lower_ == "most"
               for c in prep.head.subtree if c.i < prep.i)


def _counts_a_noun(ent: Any) -> bool:
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return after is not None and after.pos_ in ("NOUN", "PROPN", "SYM")


_UNITS = re.compile(
    r"^(?:per|percent|points?|tonnes?|tons?|kilo(?:gram)?s?|kg|grams?|pounds?|ounces?|lbs?|"
    r"met(?:re|er)s?|kilomet(?:re|er)s?|km|miles?|feet|foot|ft|inch(?:es)?|yards?|hectares?|"
    r"acres?|lit(?:re|er)s?|gallons?|barrels?|seconds?|minutes?|hours?|days?|weeks?|months?|"
    r"years?|decades?|degrees?|watts?|megawatts?|mw|kw|kwh|volts?|mph|knots?)$", re.IGNORECASE)


def _has_unit(ent: Any, q: Question) -> bool:
    """A number as an amount: with a scale word, a currency, a unit of measure, or the noun
    the question is about ("11 votes" is a count of something else)."""
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    if _SCALE.search(ent.text) or _in_currency(ent):  # (a "$" before it is a currency)
        return True
    return after is not None and (bool(_UNITS.match(after.text)) or (
        after.pos_ == "NOUN" and after.lemma_.lower() in q.focus))


def _footnote(ent: Any) -> bool:
    """"[ 1 ]": a reference mark, not a value."""
    doc = ent.doc
    before = doc[ent.start - 1].text if ent.start > 0 else ""
    after = doc[ent.end].text if ent.end < len(doc) else ""
    return before.endswith("[") and after.startswith("]")


def _rate(ent: Any) -> bool:
    """"36.4 people per square mile", "2.5 children": a rate or an average, not a count."""
    doc = ent.doc
    after = doc[ent.end : ent.end + 3]
    if "/" in ent.text or any(t.lower_ in ("per", "/") for t in after):
        return True
    return bool(re.fullmatch(r"\d+\.\d+", ent.text.replace(",", ""))) and not _SCALE.search(
        doc[ent.start : ent.end + 1].text)


def _subject_slots(doc: Any, matched: set[int], q: Question) -> set[int] | None:
    """"Who designed X?": the tokens that can hold the doer of a matched verb (None: any)."""
    verbs = {doc[i] for i in matched if doc[i].pos_ in ("VERB", "AUX")}
    if not verbs:  # "held a secret meeting": the verb that governs a matched noun
        # (not one of saying, unless saying is asked: "a spokesman described the meeting as
        # ..." says who spoke of it, not who attended it)
        # ("leading an air campaign": the noun a matched word qualifies)
        nouns = {doc[i].head if doc[i].dep_ in ("compound", "amod") else doc[i] for i in matched}
        verbs = {n.head for n in nouns if n.dep_ in ("dobj", "nsubjpass", "pobj")
                 and n.head.pos_ in ("VERB", "AUX")
                 and (q.predicate in REPORTING_VERBS
                      or n.head.lemma_.lower() not in REPORTING_VERBS)}
    if not verbs:
        return None
    slots: set[int] = set()
    for verb in verbs:
        verb = _controller(verb)
        if _of_the_name_before(verb, matched):
            continue
        for child in verb.children:
            # (a relative "who" the clause is about, in either voice: "said the official,
            # who was not authorized to discuss the event")
            if child.dep_ == "nsubj" or (child.dep_ == "nsubjpass" and verb.dep_ == "relcl"
                                         and child.lower_ in ("who", "which", "that")):
                if child.lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
                    inner = {t.i for t in verb.subtree}
                    slots |= {t.i for t in verb.head.subtree} - inner
                    slots |= _leaders(verb.head)
                else:
                    slots |= {t.i for t in child.subtree}
            elif child.dep_ == "agent" or _through(child, verb):
                # ("released ... through Fernhill Records": the label that released it)
                slots |= {t.i for t in child.subtree}
        # (a participle's own doer, "an album by X, released through Y", is Y: the noun it
        # qualifies is no doer then)
        if verb.dep_ == "acl" and not any(c.dep_ == "nsubj" or _through(c, verb)
                                          for c in verb.children):
            slots |= {t.i for t in verb.head.subtree} - {t.i for t in verb.subtree}
    return slots


def _we_quoted(q: Question, reading: Reading) -> str | None:
    """The speaker whose own "we" or "I" does the deed asked about ("Who wants ...?")."""
    att = reading.attribution
    if q.expects != "PERSON" or q.wh_role != "subject" or att is None or not att.speaker \
            or att.content is None:
        return None
    doc, start = reading.doc, reading.candidate.span.start
    said = range(att.content.start - start, att.content.end - start)
    slots = _subject_slots(doc, reading.matched, q) or set()
    if any(doc[i].lower_ in ("we", "i") and doc[i].idx in said for i in slots):
        return att.speaker
    return None


def _through(child: Any, verb: Any) -> bool:
    """"released ... through Fernhill Records": a participle's doer after "through" or "via"."""
    return child.dep_ == "prep" and child.lower_ in ("through", "via") and verb.tag_ == "VBN"


def _of_the_name_before(verb: Any, matched: set[int]) -> bool:
    """"... in Lanterns at Meret (2009), and later appeared in Cold Acre (2013), directed by
    Mats Ekholm": a participle set after a name, with its doer after "by", tells of the thing
    that name is, not of the one asked about earlier in the sentence."""
    if verb.tag_ != "VBN" or verb.dep_ not in ("advcl", "acl") or not any(
            c.dep_ == "agent" for c in verb.children):
        return False
    before = verb.i - 1
    depth = 0
    while before >= 0:
        tok = verb.doc[before]
        if tok.text == ")":
            depth += 1
        elif tok.text == "(":
            depth -= 1
        elif depth <= 0 and not tok.is_punct:
            break
        before -= 1
    if before < 0:
        return False
    tok = verb.doc[before]
    return tok.pos_ == "PROPN" and tok.i not in matched and not any(
        t.i in matched for t in tok.subtree)


def _leaders(noun: Any) -> set[int]:
    """Who does what a thing someone leads or wages does: "NATO is leading an air campaign
    ... that began in March to pressure Qaddafi" - NATO pressures him (a thing, the object
    of a verb, acts for that verb's subject)."""
    if noun.dep_ != "dobj" or noun.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return set()
    return {t.i for c in noun.head.children if c.dep_ == "nsubj" for t in c.subtree}


def _reports_it(q: Question, tok: Any, matched: set[int]) -> bool:
    """Does the word name one who only reports the deed asked about: whom the sentence is
    according to, or, asked who did it, who says it? (Unless reporting is what is asked.)"""
    if _asks_reporter(q):
        return False
    return _according_to(tok) or (q.wh_role == "subject" and _says_it(tok, matched))


def _says_it(tok: Any, matched: set[int]) -> bool:
    """Is the word in the subject of a verb of saying whose clause holds the words asked
    about ("A U.S. State Department official said the meeting was not a negotiation")?"""
    node = tok
    while node.dep_ in ("compound", "amod", "poss", "appos", "conj", "nmod", "flat"):
        node = node.head
    verb = node.head
    if node.dep_ != "nsubj" or verb.lemma_.lower() not in REPORTING_VERBS:
        return False
    said = {t.i for c in verb.children if c.dep_ in ("ccomp", "xcomp") for t in c.subtree}
    return bool(said & matched)


_ABOUT = frozenset(["about", "regarding", "concerning"])


def _topic_of_a_message(tok: Any) -> bool:
    """Is the word what a noun is about ("message about Qaddafi"), or inside a clause that
    says what a noun holds ("the message that Qaddafi must step down")?"""
    node = tok
    while node.head.i != node.i:
        if node.dep_ == "pobj" and node.head.lower_ in _ABOUT and node.head.head.pos_ == "NOUN":
            return True
        if node.head.pos_ == "NOUN" and (node.dep_ in ("acl", "ccomp") or (
                node.dep_ == "relcl" and (any(c.dep_ == "mark" for c in node.children)
                                          or node.head.lemma_.lower() in CONTENT_NOUNS))):
            return True  # (a content clause the parser hung on the noun as a relative one)
        node = node.head
    return False


def _reports_the_deed(q: Question, att: Attribution, doc: Any, matched: set[int]) -> bool:
    """"Disclosure of the meeting came first in Tripoli, where a spokesman described it,
    according to the Associated Press": a sentence that tells of the deed asked about itself
    is only reported by whoever it is according to (unless reporting is what is asked)."""
    if att.verb != "according to" or q.source or q.predicate == "report":
        return False
    return bool(_deed_said(q, doc, matched))


def _deed_said(q: Question, doc: Any, matched: Collection[int]) -> list[Any]:
    """The matched words that say the deed the question asks about: its verb, a word formed
    from it or one for it ("Disclosure" for "disclosed")."""
    if not q.predicate:
        return []
    asked = stem(q.predicate)
    same = _terms(q.predicate)
    # (not a word of a name: "State" of "the State Department" says nothing)
    return [doc[i] for i in matched if i >= 0 and doc[i].pos_ != "PROPN" and (
        (said := stem(doc[i].lemma_.lower())) in same or _derived(asked, said))]


def _asks_reporter(q: Question) -> bool:
    """Does the question ask who reports ("Per which agency ...?", "Who reported ...?")?"""
    return q.source or q.predicate in REPORTING_VERBS


def _according_to(tok: Any) -> bool:
    """Is the word the object of "according to", or a name that qualifies it ("according to
    the State Department official")?"""
    while tok.dep_ in ("compound", "det") and tok.head.i != tok.i:
        tok = tok.head  # ("the" of "the State Department" hangs on "official")
    return tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lower_ == "according"


def _controller(verb: Any) -> Any:
    """The verb whose subject does this one's deed: "joined ... in deciding to recognize the
    council": the subject of "joined" recognizes (an infinitive, a gerund, a verb joined to
    another by "and", without a subject of its own)."""
    node = verb
    for _ in range(4):
        if any(c.dep_ in ("nsubj", "nsubjpass", "agent") for c in node.children):
            return node
        # (an adjunct clause without a subject is its main clause's subject's deed: "the
        # official said, speaking on the condition of anonymity")
        if node.dep_ not in ("xcomp", "pcomp", "conj", "advcl") or node.head.i == node.i:
            return node
        head = node.head
        if head.pos_ == "ADP" and head.head.i != head.i:  # "in deciding"
            head = head.head
        if head.pos_ not in ("VERB", "AUX"):
            return node
        node = head
    return node


def _rank_entity(ent: Any, matched: set[int], doc: Any, q: Question
                 ) -> tuple[int, int, int, int]:
    """Entities close (in the parse) to the matched words, preferring matched verbs; of two
    as close, the one closer to all of them ("the median income for a household was $29,312,
    and for a family $34,753", asked of a family)."""
    verbs = [doc[i] for i in matched if doc[i].pos_ in ("VERB", "AUX")]
    if q.expects in ("DATE", "PLACE") and (not q.predicate or q.predicate in HAPPENING):
        # "When did the secret talks take place?": asked only when (or where) a thing
        # happened, its own words anchor the answer, not a verb a word of it matched ("to
        # negotiate" for "talks", in "which said today ... willingness to negotiate").
        verbs = [v for v in verbs if v.lemma_.lower() in HAPPENING] or (
            verbs if all(doc[i].pos_ in ("VERB", "AUX") for i in matched if i >= 0) else [])
    # Without a matched verb, a noun made from the question's verb or a word for it
    # ("Disclosure of the meeting came first in Tripoli" for "disclosed" or "revealed") is
    # what the answer attaches to.
    action = _deed_said(q, doc, matched)
    anchors = verbs or action or [doc[i] for i in matched]
    if not anchors:
        return (99, 0, 0, 0)
    dist = min(_tree_distance(ent.root, a) for a in anchors)
    whole = sum(_tree_distance(ent.root, doc[i]) for i in matched)
    # "212 passengers", "a crowd of 18,250": a number that counts the word the question asks
    # about.
    head = ent.root.head
    counts = int(q.expects == "NUMBER" and (head.i in matched or (
        head.lower_ == "of" and head.head.i in matched and head.head.pos_ == "NOUN")))
    possessive = int(any(t.dep_ == "poss" or t.tag_ == "POS" for t in ent.root.subtree)
                     or ent.root.dep_ == "poss")
    # (Of two as close, "three" in "the population of the village and its three outlying
    # hamlets was 4,812" counts other things.)
    other = int(q.expects == "NUMBER" and ent.root.dep_ == "nummod"
                and ent.root.head.i not in matched)
    # "..., which said today the development was ...": when a thing was said, not when the
    # thing asked about was done (unless a saying is what is asked)
    said_when = int(q.expects == "DATE" and _dated(ent).lemma_.lower() in REPORTING_VERBS
                    and _dated(ent).i not in matched)
    return (dist - 2 * counts + 2 * possessive + 3 * _changed_from(ent, q) + 2 * said_when
            + 3 * _life_listed(ent, q), whole, other, ent.start)


def _life_listed(ent: Any, q: Question) -> int:
    """A page's categories, "1939 births | 2010 deaths": -1 for the year of the life event
    asked, 1 for the other's, 0 for a date not listed so."""
    after = ent.doc[ent.end].lower_ if ent.end < len(ent.doc) else ""
    asked = set(q.focus)
    if after not in ("births", "deaths") or not asked & (BIRTH | DEATH):
        return 0
    return -1 if (after == "births") == bool(asked & BIRTH) else 1


def _changed_from(ent: Any, q: Question) -> bool:
    """"cut from 3.9 per cent to 3.2 per cent": a figure something moved away from is the old
    one; the one it moved to is the answer."""
    doc = ent.doc
    if q.expects != "NUMBER" or ent.start == 0 or doc[ent.start - 1].lower_ != "from":
        return False
    return ent.end < len(doc) and doc[ent.end].lower_ == "to" and any(
        e.start == ent.end + 1 and e.label_ == ent.label_ for e in doc.ents)


def _coordinated(best: Any, ents: list[Any]) -> list[Any]:
    """"Gene Cretz, Jeffrey Feltman and Derek Chollet": names joined by "and" answer together."""
    group = [best]
    for e in ents:
        if e is best or e.label_ != best.label_:
            continue
        r, b = e.root, best.root
        if r.head.i == b.i or b.head.i == r.i or (r.dep_ == "conj" and r.head.i in
                                                  {x.root.i for x in group}) or (
            r.dep_ == "conj" and r.head.head.i == b.i) or (
            r.dep_ == "conj" and b.dep_ == "conj" and r.head.i == b.head.i
        ):
            group.append(e)
    # A conjunct whose head is the first name, further down the chain.
    changed = True
    while changed:
        changed = False
        for e in ents:
            if e in group or e.label_ != best.label_:
                continue
            if e.root.dep_ == "conj" and any(e.root.head.i in range(g.start, g.end) or
                                             _tree_distance(e.root, g.root) <= 2 for g in group):
                group.append(e)
                changed = True
    return sorted(group, key=lambda e: e.start)


def _join(parts: list[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def _trim(tokens: Sequence[Any], keep_article: bool = False) -> str:
    toks = list(tokens)
    edge = _EDGE - _ARTICLES if keep_article else _EDGE
    while toks and (toks[0].lower_ in edge or toks[0].is_punct):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].lower_ in ("and", "or", "but")):
        toks = toks[:-1]
    if not toks:
        return ""
    doc = toks[0].doc
    return str(doc[toks[0].i : toks[-1].i + 1].text)


def _role(q: Question, doc: Any, matched: set[int]) -> str | None:
    """"Who is X?" / "What is X?": the title before a name, or the phrase set beside it."""
    names = [doc[i] for i in sorted(matched) if doc[i].pos_ == "PROPN"]
    if not names and asks_occupation(q):
        # "A defender, he began his career ...": named before, said what he is by the opening
        return _fronted(doc, matched)
    heads: list[Any] = []
    for name in sorted(names, key=lambda t: -sum(1 for _ in t.subtree)):
        name = _head_of_name(name)
        if name not in heads:
            heads.append(name)
    # The name where the sentence says most, then where else it is named ("Tove Arneby
    # Born 1971 ... the celebrated harpist Tove Arneby gave ...").
    # (A page's trail of links, "Home > People >", says what the page is, not the person.)
    return next((role for head in heads if (role := _role_of(q, doc, matched, head))
                 and not _TRAIL.search(role)), None)


def _role_of(q: Question, doc: Any, matched: set[int], head: Any) -> str | None:
    # "What is the profession of X?" asks what X is: "X ... was a British poet" says it, before
    # any word set before the name (a heading repeating it, "Sir").
    said = (_fronted(doc, matched) or _predicate(head, bare=True)) if asks_occupation(q) \
        else None
    # "What position did he play?": "a former professional basketball player" says his
    # sport, not where he played in it ("A point guard, he spent ...", "Thalberg, a bruising
    # power forward, ..."); nor does a heading's "(footballer, born 1961)"
    role = _role_said(q, doc, matched, head, None if _sport_only(q, said) else said)
    return None if _sport_only(q, role) else role


def _sport_only(q: Question, role: str | None) -> bool:
    """Does a description asked for a position only say the sport ("a basketball player")?"""
    return bool(role) and q.predicate == "play" and asks_occupation(q) and bool(
        _PLAYERS & set(re.findall(r"[a-z]+", (role or "").lower())))


def _role_said(q: Question, doc: Any, matched: set[int], head: Any, said: str | None
               ) -> str | None:
    """What the sentence says the person is: ``said`` (read from the opening or the
    predicate), else an appositive, the title before the name, or the predicate."""
    if said:
        return said
    for child in head.children:
        # (an apposition that is another person's name is the next one of a list)
        if child.dep_ == "appos" and _names_something(_unaddressed(child.subtree)) and \
                child.ent_type_ != "PERSON":
            return _trim(list(child.subtree), True) or None
    # "Assistant Secretary of State Jeffrey Feltman": the title is the words before the name.
    # (a person's name is its own entity: "State" of the title is no part of it, even when
    # the question names the State Department too)
    person = next((e for e in doc.ents if e.start <= head.i < e.end and e.label_ == "PERSON"),
                  None)
    floor = person.start if person is not None else 0
    name_start = min(t.i for t in head.subtree
                     if (t.i in matched or t.i == head.i) and t.i >= floor)
    while name_start > 0 and doc[name_start].ent_iob_ == "I":
        name_start -= 1  # the whole name: "Muammar" of "Muammar Qaddafi" when one was asked
    if head.dep_ == "appos" and not title_before(doc, name_start):
        # "the Libyan spokesman, Moussa Ibrahim" (not a name listed with its own title,
        # however the parse hangs it: "..., treasury adviser Mara Quist")
        parent = head.head
        first = min(t.i for t in head.subtree)  # (not "Moussa" of the name)
        left = [t for t in parent.subtree if t.i < first and t.i not in matched]
        if _names_something(left):
            return _trim(left, True) or None
    title = title_before(doc, name_start) or [t for t in head.subtree if t.i < name_start]
    title = _unaddressed(title)
    text = _trim(title)
    if text and any(t.is_alpha for t in title):
        return text
    return _predicate(head)


# Words for one who plays a sport, whatever the position.
_PLAYERS = frozenset("player players footballer cricketer sportsman sportswoman athlete "
                     "professional".split())


def asks_occupation(q: Question) -> bool:
    """"What is the profession of X?" asks what X is by trade, a noun ("priest", "architect"):
    two such nouns are two answers, not two wordings of one description."""
    return q.expects == "ROLE" and q.wh != "who"


def _fronted(doc: Any, matched: set[int]) -> str | None:
    """"A veteran luthier, Casimir Dorne had ...", "Primarily a left winger, she joined ...": a
    phrase set before the subject says what the subject is (read along the text: the small
    model parses such openings every which way)."""
    comma = next((t for t in doc[:8] if t.text == ","), None)
    if comma is None or comma.i + 1 >= len(doc):
        return None
    after = doc[comma.i + 1]
    if not (after.i in matched or after.lower_ in ("he", "she", "they")):
        return None
    opening = [t for t in doc[: comma.i] if not (t.pos_ == "ADV" and t.i == 0)]
    if not opening or opening[0].lower_ not in ("a", "an") or len(opening) < 2:
        return None
    if any(t.pos_ in ("VERB", "AUX", "ADP", "PRON") or t.i in matched for t in opening):
        return None  # "After a long career, ...": a clause or a phrase of time, no description
    return _trim(opening, True) or None


def _predicate(subject: Any, bare: bool = False) -> str | None:
    """"X (1880 – 1937) was an English priest": what the sentence says its subject is;
    ``bare``: the noun phrase alone, without what a clause or an aside adds to it ("an
    English priest, Dean of Canterbury", "a British poet who was born in Cheshire")."""
    if subject.dep_ in ("nsubj", "nsubjpass") and subject.head.lemma_ == "be":
        for child in subject.head.children:
            if child.dep_ in ("attr", "acomp"):
                phrase = _bare(child) if bare else list(child.subtree)
                return _negated(subject.head, _trim(phrase, True)) or None
    return None


def _bare(noun: Any) -> list[Any]:
    """A noun phrase up to its head and its complements, before any clause or comma."""
    cut = [c for c in noun.rights if c.dep_ in _ADDED or c.is_punct]
    end = min((c.left_edge.i for c in cut), default=noun.right_edge.i + 1)
    return [t for t in noun.subtree if t.i < end]


_ADDED = frozenset(["relcl", "acl", "advcl", "appos", "conj", "cc", "punct", "parataxis"])


# How a person is addressed, not what they are: "Sir Andrew McFarlane, PC".
_ADDRESS = frozenset("sir dame lord lady mr mrs ms miss mx hon honourable honorable pc obe mbe "
                     "cbe kbe dbe".split())


def _unaddressed(tokens: Any) -> list[Any]:
    """The words of a title, with forms of address ("Sir", "PC") left out."""
    return [t for t in tokens if t.lower_.strip(".") not in _ADDRESS]


def _names_something(tokens: list[Any]) -> bool:
    """A description has a word for what one is: "(7 February 1942 – 3 May 2014)" and
    "(c. 1572 – 1645)" beside a name give the years of a life, not a role."""
    return any(t.pos_ in ("NOUN", "PROPN") and t.is_alpha and len(t.text) > 1
               and t.ent_type_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL") for t in tokens)


def _negated(verb: Any, said: str) -> str:
    """"The meeting was not a negotiation": what is denied of the subject keeps its "not"."""
    if said and _has_not(verb):
        return f"not {said}"
    return said


_CLAUSES = frozenset(["relcl", "advcl", "ccomp", "parataxis", "conj", "cc", "punct"])


def _event(doc: Any, matched: set[int]) -> str | None:
    """What happened at the time or place asked about: the clause those words belong to, or
    the noun a relative clause tells it of ("an air campaign ... that began in March"), or
    the occasion they are of ("the Libya Contact Group meeting July 15 in Istanbul")."""
    verbs = []
    for i in sorted(matched):
        tok = doc[i]
        while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i and not is_occasion(tok):
            tok = tok.head
        if is_occasion(tok) and tok.i not in matched:
            end = max([tok.i] + [j for j in matched if tok.left_edge.i <= j <= tok.right_edge.i])
            return doc[tok.left_edge.i : end + 1].text
        while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
            tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            verbs.append(tok)
    if not verbs:
        return None
    verb = max(verbs, key=lambda v: len(list(v.ancestors)))
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if verb.dep_ == "relcl" and subject is not None and subject.lower_ in ("that", "which"):
        clause = range(verb.left_edge.i, verb.right_edge.i + 1)
        noun = verb.head
        # The place asked about is not what happened there: "a patrol over the strait that
        # began in April", the clause read as the strait's.
        while noun.i in matched and noun.dep_ == "pobj" and noun.head.head.pos_ == "NOUN":
            noun = noun.head.head
        return _trim([t for t in noun.subtree if t.i not in clause], True) or None
    inner = {t.i for c in verb.subtree if c.dep_ in _CLAUSES and c.i != verb.i
             for t in c.subtree}
    return _trim([t for t in verb.subtree if t.i not in inner], True) or None


def _governed_by_deed(q: Question, doc: Any, matched: set[int]) -> str | None:
    """"What was the meeting intended to do?", "What do the Libyans want to repair?": what
    the question's own verb governs in the sentence."""
    for i in sorted(matched):
        tok = doc[i]
        if tok.pos_ != "VERB" or not q.predicate:
            continue
        # ("What did they wrongly believe?": "incorrectly thought the U.S. was ...")
        own = _called(tok, q.predicate)
        # "What did the meeting achieve?": "came away with the sense that ...", a verb with
        # its particle, governs what its preposition takes.
        particles = _particles(tok)
        phrasal = any(stem(f"{tok.lemma_.lower()}-{c.lower_}") in _terms(q.predicate)
                      for c in particles)
        for child in tok.children if own or phrasal else ():
            # "asked the agency to report ...": the object the question names is not
            # the answer, what it is asked to do is.
            if child.dep_ in ("dobj", "xcomp", "ccomp") and child.i not in matched:
                return _trim(list(child.subtree), True) or None
            if phrasal and child.dep_ == "prep" and child.i > particles[0].i:
                obj = next((o for o in child.children if o.dep_ == "pobj"), None)
                if obj is not None and obj.i not in matched:
                    return _trim(list(obj.subtree), True) or None
    return None


def _thing(q: Question, doc: Any, matched: set[int]) -> str | None:
    """The words that say what the question asks, next to the words it asks about."""
    # "As what did they recognize the council?": what follows "as" after a matched verb.
    if q.wh_prep:
        for i in sorted(matched):
            noun = doc[i]
            if noun.dep_ == "pobj" and noun.pos_ == "NOUN" and noun.head.dep_ == "prep" and \
                    noun.head.lower_ == q.wh_prep and any(
                        stem(noun.lemma_.lower()) in _terms(w) for w in q.focus):
                # "On what terms did he speak?" - "speaking on the condition of anonymity":
                # the asked noun's own phrase after the question's preposition
                return _trim(list(noun.subtree), True) or None
            for prep in doc[i].children:
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if prep.dep_ == "prep" and prep.lower_ == q.wh_prep and obj is not None and (
                    obj.i not in matched
                ):
                    return _trim(list(obj.subtree), True) or None
    # "What is NATO doing over Libya?": what the one asked about does, the subject left out.
    if q.predicate == "do":
        for i in sorted(matched):
            doer = doc[i]
            while doer.dep_ in ("compound", "amod") and doer.head.i != doer.i:
                doer = doer.head  # "U.S. officials consulted ...": the U.S., by its people
            verb = doer.head
            if doer.dep_ == "nsubj" and verb.pos_ == "VERB" and verb.i not in matched:
                subject = {t.i for t in doer.subtree}
                phrase = [t for t in verb.subtree if t.i >= verb.i and t.i not in subject]
                return _trim(phrase, True) or None
    governed = _governed_by_deed(q, doc, matched)
    if governed:
        return governed
    # "What is the broadcast format of WCMA?" - "broadcasting a Spanish Tropical format": the
    # words that say which one the asked noun is.
    if q.proper:
        for i in sorted(matched):
            tok = doc[i]
            which = [t for t in tok.lefts if t.dep_ in ("compound", "amod", "nmod")
                     and t.i not in matched and t.ent_type_ not in ("ORDINAL", "CARDINAL")]
            if tok.pos_ == "NOUN" and which:
                phrase = doc[min(t.left_edge.i for t in which) : tok.i]
                if not any(t.i in matched or t.is_punct for t in phrase):
                    return phrase.text
    # "What does Washington want Qaddafi to do?" - "the message that Qaddafi must step
    # down": what a matched "must" or "should" says is to be done.
    for i in sorted(matched):
        tok = doc[i]
        verb = tok.head
        if tok.dep_ != "aux" or tok.lower_ not in _OUGHT or verb.pos_ != "VERB":
            continue
        # (Whoever wants it is named outside the clause: "the union must end the strike"
        # says what the union is to do, not what it wants.)
        if matched - {t.i for t in verb.subtree}:
            # (who is to do it, where the question does not name them: "Qaddafi must ...")
            named = any(c.dep_ == "nsubj" and c.i in matched for c in verb.children)
            return _trim([t for t in verb.subtree if t.i >= verb.i or not named], True) or None
    # "What's the name of the rebel governing group?": the name it stands beside ("the
    # Transitional National Council, the rebel governing group").
    for i in sorted(matched):
        tok = doc[i]
        if tok.pos_ == "NOUN" and tok.dep_ == "appos" and tok.head.pos_ == "PROPN" and (
            tok.head.i not in matched
        ):
            name = [t for t in tok.head.subtree if t.i < tok.left_edge.i and not t.is_punct]
            return _trim(name, True) or None
    # "the message that Qaddafi must step down": what a matched noun is said to be.
    for i in sorted(matched):
        tok = doc[i]
        if tok.pos_ != "NOUN":
            continue
        for child in tok.children:
            if child.dep_ in ("acl", "relcl", "appos", "ccomp") and child.i not in matched:
                return _trim(list(child.subtree), True) or None
    # "X is an English professional footballer": the complement of a matched subject.
    for i in sorted(matched):
        tok = doc[i]
        while tok.dep_ in ("compound", "flat") and tok.head.i != tok.i:
            tok = tok.head
        verb = tok.head
        if tok.dep_ in ("nsubj", "nsubjpass") and verb.lemma_ == "be":
            for child in verb.children:
                if child.dep_ in ("attr", "acomp") and child.i not in matched:
                    # "a Hungarian pianist known for ...": the noun and what precedes it.
                    said = _trim([t for t in child.subtree if t.i <= child.i], True)
                    return _negated(verb, said) or None
    # The object or clause of a matched verb ...
    verbs = [doc[i] for i in sorted(matched) if doc[i].pos_ in ("VERB", "AUX")]
    for tok in verbs:
        for child in tok.children:
            if child.dep_ in ("dobj", "attr", "ccomp", "xcomp", "oprd") and child.i not in matched:
                return _trim(list(child.subtree), True) or None
    # ... or the object the question's own verb takes through a preposition ("Which parties
    # did they consult?": "consulted with diplomats").
    for tok in verbs:
        if tok.lemma_.lower() != q.predicate:
            continue
        for prep in tok.rights:
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if prep.dep_ == "prep" and prep.lower_ in _OBJECT_PREPS and obj is not None and (
                obj.i not in matched
            ):
                return _trim(list(obj.subtree), True) or None
    return None


# Prepositions through which verbs take their objects ("met with", "relied on", "voted for");
# not those of time or place.
_OBJECT_PREPS = frozenset(["with", "to", "for", "about", "against", "on", "from", "into", "over"])


def _as_what(q: Question, doc: Any, matched: set[int]) -> str | None:
    """"What position did he play?": "plays as a winger" says what with the verb asked (as
    "served as mayor", "described it as a first step"), not words the question gives; what
    someone worked as is his trade ("Halvard worked as a cooper", not "his father
    worked as a tanner")."""
    asked = stem(q.predicate) if q.predicate else ""
    trade = asks_occupation(q)
    for verb in doc:
        if verb.pos_ != "VERB" or not (verb.i in matched or stem(verb.lemma_) == asked or (
                trade and _works(verb) and _done_by_the_one(verb, matched))):
            continue
        # ("earned her living as a printer": the small model may hang "as" on "living")
        living = [c for c in verb.children if c.lower_ == "living"]
        for prep in [*verb.children, *(g for c in living for g in c.children)]:
            if prep.dep_ != "prep" or prep.lower_ != "as":
                continue
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.pos_ in ("NOUN", "PROPN") and obj.i not in matched:
                    # (with a word the parser hangs after it: "as a left back")
                    end = obj.i + 1
                    for c in obj.rights:
                        if c.i == end and c.dep_ in ("advmod", "npadvmod", "compound") \
                                and c.pos_ in ("ADV", "NOUN"):
                            end += 1
                    said = _trim(doc[obj.left_edge.i : end])
                    if said and not in_question(said, q):
                        return said
    return None


def _works(verb: Any) -> bool:
    """Does the verb say someone worked, or earned or made a living ("earned his living
    chiefly as an engraver")?"""
    return verb.lemma_.lower() in _WORKED or (verb.lemma_.lower() in ("earn", "make") and any(
        c.lower_ == "living" for c in verb.children))


def _done_by_the_one(verb: Any, matched: set[int]) -> bool:
    """Is the verb's subject the one asked about: named, or a personal pronoun for him?"""
    return any(c.dep_ in ("nsubj", "nsubjpass") and (c.i in matched or c.tag_ == "PRP")
               for c in verb.children)


def _cause_at(doc: Any, start: int = 0) -> re.Match[str] | None:
    """The first words from ``start`` that give a cause or purpose; "over" with a place
    after it says where ("an air campaign over Libya"), not over what ("anger over taxes")."""
    for m in _REASON.finditer(doc.text, start):
        after = doc.char_span(m.end() + 1, m.end() + 2, alignment_mode="expand")
        if m.group(0).lower() == "over" and after is not None and after.root.ent_type_ in (
                "GPE", "LOC", "FAC"):
            continue
        return m
    return None


def _reason(doc: Any, matched: set[int]) -> tuple[str | None, Any | None]:
    """The cause or purpose a sentence gives, and the verb of a purpose where it is one."""
    text = doc.text
    verbs = [doc[i] for i in matched if doc[i].pos_ in ("VERB", "AUX")]
    after = max((v.idx for v in verbs), default=0)
    m = _cause_at(doc, after)
    if not m:
        # "... met with Libyan officials to clear up any misunderstanding": a purpose.
        # (not what was decided or wanted: "in deciding to recognize the council" says what
        # they decided, not why)
        purpose = next((c for v in verbs for c in v.children if c.dep_ in ("advcl", "xcomp")
                        and not (c.dep_ == "xcomp" and v.lemma_.lower() in _WILLS_WHAT)
                        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
        purpose = purpose or _purpose_of(doc, matched)
        if purpose is not None:
            return _trim(list(purpose.subtree)) or None, purpose
        m = _cause_at(doc)
    if m:
        rest = text[m.start() :]
        # The sentence's end, not the full stop of "U.S.".
        end = re.search(r"(?<![A-Z])[;.]\s|[;.]$|,\s+(?:the|a|an)\s+\w+\s+said", rest)
        return (rest[: end.start()].strip(" ,") if end else rest.strip(" ,.")), None
    return None, None


# Verbs whose infinitive says what is decided or wanted, not what something is for.
_WILLS_WHAT = frozenset("decide choose agree want wish hope refuse promise offer vote".split())
# Nouns whose infinitive says what is wanted, able or allowed, not what something is for.
_TAKES_WHAT_IS_WANTED = frozenset(
    "willingness readiness eagerness desire wish intention decision ability capacity refusal "
    "right need chance offer promise request authority permission freedom reluctance "
    "unwillingness determination resolve".split())


def _purpose_of(doc: Any, matched: set[int]) -> Any | None:
    """"described the meeting as a dialogue to repair ties": an infinitive of purpose on a
    matched noun, or on what a verb calls it ("as ..."); the noun wherever the sentence has
    it ("Disclosure of the meeting ..., where a spokesman described the meeting as ...")."""
    lemmas = {doc[i].lemma_ for i in matched if i >= 0 and doc[i].pos_ == "NOUN"}
    for i in sorted(matched | {t.i for t in doc if t.pos_ == "NOUN" and t.lemma_ in lemmas}):
        noun = doc[i]
        if noun.pos_ not in ("NOUN", "PROPN"):
            continue
        while noun.dep_ == "compound" and noun.head.pos_ in ("NOUN", "PROPN"):
            noun = noun.head  # "an air campaign": the phrase's own noun
        if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in noun.children):
            continue  # "there is no plan to hold another session" denies that aim
        if noun.lemma_.lower() in _TAKES_WHAT_IS_WANTED:
            continue  # "a sign of U.S. willingness to negotiate": what is willed, no purpose
        called = [obj for prep in noun.head.children if prep.dep_ == "prep" and prep.lower_ == "as"
                  for obj in prep.children if obj.dep_ == "pobj"] if noun.dep_ == "dobj" else []
        # ... or on what the one asked about does: "NATO is leading an air campaign ... to
        # pressure Qaddafi" for why NATO is there
        done = [o for o in noun.head.children if o.dep_ == "dobj"] \
            if noun.dep_ == "nsubj" and noun.head.pos_ == "VERB" else []
        for head in (noun, *called, *done):
            for c in head.children:
                if c.dep_ not in ("acl", "relcl") or c.pos_ != "VERB":
                    continue
                # ... or in its own clause: "an air campaign ... that began in March to
                # pressure Qaddafi to step down" (not the infinitive a verb takes: "who was
                # not authorized to discuss the event")
                for verb in (c, *(d for d in c.children if d.dep_ == "advcl" or (
                        d.dep_ == "xcomp" and any(t.pos_ == "ADP" for t in doc[c.i + 1 : d.i])))):
                    if verb.pos_ == "VERB" and any(
                            a.dep_ == "aux" and a.lower_ == "to" for a in verb.children):
                        return verb
    return None


_PERIOD = r"(?:day|night|week|fortnight|month|quarter|year|decade|season|hour|minute|morning)"
_FREQUENCY = re.compile(
    r"\b(?:all the time|(?:almost |nearly )?(?:always|never)|constantly|continually|"
    r"(?:once|twice|thrice|(?:\d+|two|three|four|five|six|ten|several|many) times)\s+"
    r"(?:a|an|per|each|every)\s+" + _PERIOD + r"|(?:every|each)\s+(?:other\s+|\d+\s+|"
    r"two\s+|three\s+|few\s+)?" + _PERIOD + r"s?|(?:hourly|daily|nightly|weekly|fortnightly|"
    r"monthly|quarterly|yearly|annually|biennially)|regularly|rarely|seldom|occasionally)\b",
    re.IGNORECASE)


def _value(q: Question, reading: Reading) -> tuple[str | None, float]:
    """The answer a sentence gives, and how well it fits (1: tied to the matched words)."""
    doc, matched = reading.doc, reading.matched
    if q.whose:
        return _owner(q, doc), 1.0
    if q.expects == "THING" and (quality := _known_for(q, doc)):
        return quality, 1.0  # "What is the BCI known for?": "known for stained glass"
    if q.name_of and (named := named_instance(_terms(q.name_of), doc, matched)):
        return named, 1.0  # "the name of the group ...": "the Libya Contact Group"
    if _asks_whom_served(q):
        # "Who does Moussa Ibrahim speak for?": the body his post names.
        roles = [w for w in q.focus if names_people(w)]
        asked = {w.strip(".").lower() for w in q.focus}
        att = reading.attribution
        # (a name only qualifying the role asked: "the anonymous American official", "the
        # unnamed US official")
        qualifying = all(country_asked(w) or any(w == a and n in roles for a, n in q.described)
                         for w in q.proper)
        if roles and qualifying and att is not None and att.anonymous and att.speaker and (
                body := body_in_words(att.speaker, roles)):
            # "Which department does the anonymous official work for?": the unnamed source
            # of the sentence, by the fullest post the document gives it ("the U.S. official"
            # is "A U.S. State Department official"), not other officials it names; a
            # sentence giving less of the post leaves the answer to one that gives it all
            if body not in doc.text:
                return None, 0.0
            reading.served = True
            return body, 1.0
        for ent in doc.ents:
            # (the title before the name asked, whatever the names listed after it are)
            if ent.label_ == "PERSON" and any(w.lower() in q.proper for w in ent.text.split()) \
                    and (body := body_in_title(title_before(doc, ent.start))):
                reading.served = True
                return body, 1.0
        for noun in post_nouns(doc, q.proper, roles):
            body = body_of(noun)
            if body and {w.strip(".").lower() for w in body.split()} - asked:
                reading.served = True
                return body, 1.0
    if q.source and q.expects in ("PERSON", "ORG", "THING") and (told := reporters(doc)):
        # "What is the source of the spokesman's remarks?": who reports them, not who spoke
        return told[0], 1.0
    att = reading.attribution
    if q.source and q.expects in ("PERSON", "ORG", "THING") and att is not None and (
            att.speaker and att.verb != "according to"):
        # "Who is the source for the U.S. account?": with no one reporting it, whoever says
        # it ("Which arm of the government ...?": the body he speaks for)
        said = att.organisation if q.expects == "ORG" else att.speaker
        if said:
            return said, 1.0
    if q.expects == "PLACE" and q.place_kind in _DIVISIONS and (
            division := _division_named(q.place_kind, doc, matched)):
        return division, 1.0  # "Which province is Orla in?": "in the province of Dask"
    life = _life_dates(q, doc) if q.expects == "DATE" else None
    if life:
        return life, 1.0
    if life == "":
        return None, 0.0  # a kinsman's dates say nothing of this one's birth
    if q.party:
        party = party_named(doc, matched)
        return (party, 1.0) if party else (None, 0.0)
    if q.side_asked and q.expects in ("PERSON", "ROLE") and (
            people := _people_of_the_side(q.side_asked, doc)):
        reading.of_side = True
        return people, -1.0  # (people named outrank people described)
    if q.expects in ("ROLE", "THING") and (what := _as_what(q, doc, matched)):
        reading.said_as = True
        return what, 1.0
    if q.expects == "THING" and q.wh == "what" and not q.wh_prep and (
            done := _governed_by_deed(q, doc, matched)):
        return done, 1.0  # tied to the deed asked, not only near the words asked
    if q.expects in ("PERSON", "ORG") and (q.wh_role == "with" or _with_among_doers(q, doc,
                                                                                      matched)):
        # Only a sentence that says whom the deed was with answers.
        return _partner(q, doc, matched), 1.0
    if q.expects in ("PERSON", "ORG"):
        maker = _maker_named(q, doc, matched)
        if maker:
            return maker, 1.0
        if q.wh_role == "subject" and (agents := _doers_named_for_deed(q, doc, matched)):
            return agents, 1.0
        if q.expects == "PERSON" and q.wh_role == "subject" and (
                doers := _described_doers(q, doc, matched)):
            return doers, 0.5  # (people named outrank people described)
    if q.expects == "FREQUENCY":
        # "How often ...?": how often it is said to happen, in words ("all the time", "twice
        # a year", "every week", "weekly")
        often = _FREQUENCY.search(doc.text)
        return (often.group(0), 1.0) if often else (None, 0.0)
    if q.expects in ENTITY_LABELS:
        found = _entities(q, doc, matched)
        ents = found if q.source else _reported(reading, found)
        # (not another occasion's name or place: "the Libya Contact Group meeting July 15 in
        # Istanbul" for where or with whom the Americans met Qaddafi's representatives)
        ents = [e for e in ents if not of_another_occasion(q, e, matched)]
        # (nor whoever reports it: "A State Department official said the meeting was ...")
        ents = [e for e in ents if not _reports_it(q, e.root, matched)]
        # (nor another of a list the name asked about is in: "albums for Paper Foxes, The
        # Lamplighters and the singer Annika Dore" names no singer of Paper Foxes)
        if q.expects in ("PERSON", "ORG"):
            ents = [e for e in ents if not _listed_with_asked(q, e, matched)]
        # (nor those the question sets aside: "Besides Gene Cretz, who ...?", though they
        # are still read as part of a list)
        kept = [e for e in ents if not _set_aside(q, e.text)]
        if found and not kept:
            return None, 0.0  # the only names are of whoever reports it
        if kept:
            best = min(kept, key=lambda e: _rank_entity(e, matched, doc, q))
            group = _coordinated(best, ents) if q.expects in ("PERSON", "ORG", "PLACE") else [best]
            # "U.S. Ambassador to Libya Gene Cretz, Assistant Secretary ... Jeffrey Feltman":
            # of names listed with their titles, the one titled with the words asked about.
            if q.expects == "PERSON":
                # (Read from all names: a long list's parse makes some look like modifiers.)
                # (the one whose title has most of them: "Which U.S. official is the
                # assistant secretary of state?" is not the "U.S. Ambassador")
                posts = {e: sum(1 for t in title_before(doc, e.start)
                                if t.i in matched and _post_asked(q, t))
                         for e in doc.ents if e.label_ == "PERSON" and not in_question(e.text, q)}
                most = max(posts.values(), default=0)
                titled = [e for e, n in posts.items() if n and n == most]
                # (Asked the names of many, "the U.S. officials", all of them listed answer;
                # a list the parse joins only in part is read along the text.)
                listed = listed_with(best.root)
                if len(group) > 1 and {e.start for e in group} <= {e.start for e in listed}:
                    group = sorted(listed, key=lambda e: e.start)
                # (... and so do all of those listed for the side asked: "Who attended for the
                # Americans?" - the three, not the one whose title names the U.S.)
                every = q.names_many or (q.side_asked and not q.one_of_many and len(listed) > 1)
                group = sorted(listed, key=lambda e: e.start) if every else titled or group
            group = [e for e in group if not _set_aside(q, e.text)] or [best]
            if q.expects == "PLACE" and (in_another_clause(best.root, doc, _deed_words(
                    doc, matched)) or of_a_title(best.root, q.focus)):
                # "... held talks reflected concern that ... a role for Qaddafi in Libya":
                # a place in a clause of its own, not the deed's, is where something else
                # is; "Ambassador to Libya" says whose envoy he is, not where he met anyone.
                return None, 0.0
            fit = 1.0 if _rank_entity(best, matched, doc, q)[0] <= 2 else 0.0
            _told_by_the_story(reading, best.root)
            if q.expects == "PLACE" and len(group) > 1 and all(
                    doc.text[a.end_char : b.start_char].strip() == ","
                    for a, b in pairwise(group)):
                # "a town in Bergen, Vestland, Norway": places set apart by commas alone are
                # one place and those it lies in, not a list
                return doc.text[group[0].start_char : group[-1].end_char], fit
            return _join([e.text for e in group]), fit
        att = reading.attribution
        if q.wh_role == "subject" and q.predicate in REPORTING_VERBS and att is not None \
                and att.speaker and not in_question(att.speaker, q) \
                and not _reports_the_deed(q, att, doc, matched):
            # "Who said they don't want to be stuck in the past?": a quotation names no one;
            # its speaker, found where the quotation opens, said it.
            return att.speaker, 1.0
        if not found and (speaker := _we_quoted(q, reading)):
            # "'... we want to take further steps,' said the spokesman": who wants it is the
            # one who says "we"
            return speaker, 1.0
        if q.wh_role == "subject" and q.wanted_done and q.predicate in WANTING \
                and att is not None and att.speaker and _says_must(doc, matched):
            # "Who wants Qaddafi to step down?" - "A U.S. State Department official said the
            # meeting was to deliver the message that Qaddafi must step down": whoever says it
            # must be done (for their side) wants it done.
            return att.speaker, 0.5
        slots = _subject_slots(doc, matched, q) if q.wh_role == "subject" else None
        named = _fallback(q, doc, matched, slots)
        if named is None and slots and q.expects in ("PERSON", "ORG") and not found:
            # "Held by whom?" - "Three senior U.S. officials held ...": a doer the sentence
            # describes without a name is still who did it.
            # (the people noun asked by is part of it: "Which official spoke anonymously?" -
            # "the U.S. official said, speaking on the condition of anonymity")
            doer = [t for t in doc if t.i in slots and (
                t.i not in matched or names_people(t.lemma_.lower()))]
            heads = [t for t in doer if t.head.i not in slots or t.head.i == t.i]
            if any(t.i not in matched and t.pos_ != "DET" for t in doer) and any(
                    names_people(t.lemma_.lower()) for t in heads):
                _told_by_the_story(reading, heads[0])
                return _trim(doer, True) or None, -1.0  # a name, where one is given, fits better
        return named, 0.0
    value = _span(q, reading)
    if q.predicate == "do" and value and not any(doc[i].dep_ == "nsubj" for i in matched):
        return value, 0.25  # what the asked one's people did, below what it did itself
    return value, 0.5


def _post_asked(q: Question, tok: Any) -> bool:
    """Does a word of a name's title answer to a post the question asks by ("Which assistant
    secretary ...?")? Not when only the question's verb ("represented": a staff "member") or
    the country it names ("the U.S.", "the United States": "Secretary of State") matches it:
    every official of that country is then asked about alike."""
    if q.wh == "which":
        return True  # "Which two members ... held State Department posts?": picked by any
    countries = _country_words(q)
    through = [w for w in q.focus if _is_word(tok, stem(w), _terms(w))
               or stem(w) == stem(tok.lower_)]
    return not through or any(w != q.predicate and w not in countries for w in through)


def _country_words(q: Question) -> set[str]:
    """The question's name words that, alone or with the next one, name a country (not one
    of its bodies: "the State Department" is a post's words)."""
    proper = list(q.proper)
    out = {w for w in proper if country_asked(w)}
    for a, b in pairwise(proper):
        if country_asked(f"{a} {b}") and not _BODY_WORDS & {a, b}:
            out.update((a, b))
    return out


_BODY_WORDS = frozenset("department ministry office agency council house".split())


def _set_aside(q: Question, text: str) -> bool:
    """Is this answer one the question sets aside ("Apart from the rebels, ...": "officials
    from the Transitional National Council, the rebel governing group")?"""
    if not q.besides:
        return False
    said = {stem(w) for w in words(text)}
    return any(stem(w) in said for w in q.besides if w not in _ARTICLES)


def _told_by_the_story(reading: Reading, tok: Any) -> None:
    """An answer in the story's own telling ("held a secret meeting May 4 with ..., which
    said ...") is the story's, not what the speaker of the sentence's report says."""
    att, start = reading.attribution, reading.candidate.span.start
    if att is not None and att.speaker and att.content is not None and not (
            att.content.start - start <= tok.idx < att.content.end - start):
        reading.attribution = attribute(reading.doc, start, reading.candidate.doc.text,
                                        [tok.i])


_QUOTES = frozenset(['"', "“", "”", "``", "''"])  # double quotation marks, as tokens


def _described_doers(q: Question, doc: Any, matched: set[int]) -> str | None:
    """"Who attended the Contact Group meeting?" - "diplomats from other nations attending
    the Libya Contact Group meeting": the people a matched participle describes, when the
    sentence names them by what they are, not by name."""
    for i in sorted(matched):
        verb = doc[i]
        head = verb.head
        if verb.dep_ != "acl" or verb.tag_ != "VBG":
            continue
        while not names_people(head.lemma_.lower()) and head.dep_ == "pobj" and \
                head.head.dep_ == "prep" and head.head.head.pos_ == "NOUN":
            head = head.head.head  # "diplomats from other nations attending ..."
        if not names_people(head.lemma_.lower()):
            continue
        if any(e.start <= head.i < e.end for e in doc.ents):
            return None  # a name: read as names are
        # ("attending the Libya Contact Group meeting" is not at the plain "the meeting")
        if any(t.pos_ == "PROPN" and t.i not in matched for o in verb.children
               if o.dep_ == "dobj" for t in o.lefts):
            return None
        phrase = _trim([t for t in head.subtree if t.i < verb.i], True)
        if phrase and not in_question(phrase, q):
            return phrase
    return None


def _doers_named_for_deed(q: Question, doc: Any, matched: set[int]) -> str | None:
    """"Who represented Qaddafi at the meeting?" - "a meeting ... with representatives of
    Muammar Qaddafi's government": a noun for those who do the deed asked, of the one it is
    done for, names who did it (by name, where the sentence gives one beside it)."""
    if not q.predicate:
        return None
    deed = stem(q.predicate)
    for noun in doc:
        said = stem(noun.lemma_.lower())
        if noun.i not in matched or noun.pos_ != "NOUN" or said == deed \
                or not said.startswith(deed) or not _derived(deed, said):
            continue
        # (not a clause said of them or of the one they act for: "..., which said today")
        told = {t.i for c in noun.subtree if c.dep_ in ("relcl", "acl", "appos")
                for t in c.subtree}
        of = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"]
        if not any(t.i in matched and t.i not in told for c in of for t in c.subtree):
            continue
        named = [c for c in noun.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"]
        if named:
            return _trim(list(named[0].subtree))
        return _trim([t for t in noun.subtree if t.i not in told and (
            t.i >= noun.i or t.dep_ != "det")])
    return None


def _people_of_the_side(side: str, doc: Any) -> str | None:
    """"Who was on the Libyan side?" - "... met with Libyan officials": people the sentence
    calls that side's ("Libyan officials", "the Libyans"); not an envoy sent to it ("U.S.
    Ambassador to Libya Gene Cretz"), whose country is where he is sent."""
    for ent in doc.ents:
        if ent.label_ == "PERSON" and any(
                canonical(t.text) == side and not (t.i > 0 and t.doc[t.i - 1].lower_ == "to")
                for t in title_before(doc, ent.start)):
            return None  # the side's people are named: their names answer
    # (any word of the side's: the question's name may have matched another one, "Libya" of
    # "Ambassador to Libya")
    for tok in doc:
        if canonical(tok.text) != side:
            continue
        head = tok.head if tok.dep_ in ("amod", "compound", "poss") else tok
        if not names_people(head.lemma_.lower()) and not (
                head is tok and tok.tag_ in ("NNPS", "NNS")):
            continue
        said = {t.i for c in head.children if c.dep_ in _CLAUSES | {"prep"}
                for t in c.subtree}
        return _trim([t for t in head.subtree if (t.i not in said and t.i <= head.i) or (
            t.i > head.i and t.i not in said and t.dep_ == "appos")], True) or None
    return None


def _quoted(doc: Any, i: int) -> bool:
    """Is the token inside quotation marks ("Piece by Piece")?"""
    marks = [t.text for t in doc[:i] if t.text in _QUOTES]
    straight = sum(m == '"' for m in marks) % 2 == 1
    curly = bool(marks) and marks[-1] in ("“", "``")
    return straight or curly


def _of_the_name(child: Any, name: Any) -> bool:
    """Is a word hanging on a name part of it? Not a clause, nor another name joined to it,
    nor a phrase after it ("from London"), but "of" another capitalised word ("Show of
    Hands")."""
    if child.dep_ in (*_CLAUSES, "cc", "conj"):
        return False
    if child.i < name.i or child.dep_ != "prep" or child.text.istitle():
        return True
    return child.lower_ == "of" and any(o.dep_ == "pobj" and o.text.istitle()
                                        for o in child.children)


def _named_by(by: Any) -> str | None:
    """The name a maker's "by" gives: its object, or the name set beside it ("by the band
    Anthrax"), without what follows it ("..., released in 1987")."""
    obj = next((c for c in by.children if c.dep_ == "pobj"), None)
    if obj is None:
        return None
    name = next((c for c in obj.children if c.dep_ == "appos" and c.pos_ == "PROPN"), obj)
    doc = by.doc
    # (the parse may hang the name on the work: "album by band Boys Like Girls", "by the band
    # The Lindqvist Arcade")
    at = obj.i + 1 + (obj.i + 2 < len(doc) and doc[obj.i + 1].text == "The")
    after = doc[at] if at < len(doc) else None
    if name.pos_ != "PROPN" and after is not None and after.pos_ == "PROPN":
        name = after
        while name.head.pos_ == "PROPN" and name.head.i > name.i:
            name = name.head
    if name.pos_ != "PROPN":
        return None
    cut = {t.i for c in name.children if not _of_the_name(c, name) for t in c.subtree}
    kept = {t.i for t in name.subtree if t.i not in cut}
    # The name's own words, not the words describing it ("American rapper Missy Elliott").
    start = end = name.i
    while start > 0:
        if start - 1 in kept and doc[start - 1].text[:1].isupper():
            start -= 1
        elif doc[start - 1].text in _QUOTES and start - 2 in kept and (
                doc[start - 2].text[:1].isupper()):  # a nickname: Missy "Misdemeanor" Elliott
            start -= 2
        else:
            break
    while end + 1 in kept:
        end += 1
    # (and the whole of a name the tagger knows, where the parse cut it short)
    ent = next((e for e in doc.ents if e.start <= name.i < e.end), None)
    if ent is not None and ent.label_ in ("PERSON", "ORG", "NORP", "GPE", "WORK_OF_ART"):
        start, end = min(start, ent.start), max(end, ent.end - 1)
    return _trim(list(doc[start : end + 1]), keep_article=True) or None


def _maker_named(q: Question, doc: Any, matched: set[int]) -> str | None:
    """Whom the sentence names as the maker: "a greatest hits album by American rock band
    The Killers" (whether or not the tagger knows the name: "Boys Like Girls"; not in a
    quoted title: "Piece by Piece"), "written and directed by Sabeth Roll", "this new
    Taylor Swift album". The "by" or the name is matched, or, when a work's maker is asked
    ("Which band made the album X?"), the work it is of."""
    work = maker_of_a_work(q)
    by = next((m for i in _made_by(doc) if (i in matched or (
                   work and doc[i].head.i in matched)) and not _quoted(doc, i)
               for m in [_named_by(doc[i])] if m and not in_question(m, q)), None)
    return by or next((m for i in _work_of(q, doc) if i in matched or (
                           work and doc[i].head.i in matched)
                       for m in [_name_at(doc[i])] if m and not in_question(m, q)), None)


def _asked_name(tok: Any, q: Question) -> bool:
    """Is the word one of the name asked about ("Lights" of "Low Country Lights")?"""
    return tok.lemma_.lower() in q.proper or tok.lower_ in q.proper or (
        not tok.is_lower and stem(tok.lower_) in {stem(w) for w in (*q.focus, *words(q.title))})


def _name_at(tok: Any) -> str | None:
    """The whole name a word of it stands in ("Taylor Swift", "Girls Like Rivers", "The
    Beatles"): the capitalised words around it, not the noun it qualifies ("LP")."""
    doc = tok.doc
    start = end = tok.i
    while start > 0:
        if doc[start - 1].text[:1].isupper() and doc[start - 1].is_alpha:
            start -= 1
        elif start > 1 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_ \
                and doc[start - 2].text[:1].isupper():  # "Jay-Z"
            start -= 2
        else:
            break
    while end + 1 < len(doc) and end + 1 != tok.head.i and doc[end + 1].text[:1].isupper() \
            and doc[end + 1].is_alpha:
        end += 1
    return _trim(list(doc[start : end + 1]), keep_article=True) or None


def _partner(q: Question, doc: Any, matched: set[int]) -> str | None:
    """"Who did the officials meet with?" - "... held a secret meeting July 16 with
    representatives of Muammar Qaddafi's government": whoever a matched word (or the verb that
    governs it) was "with", named whole: a name, or the people a phrase describes."""
    # "Which diplomats did the US talk to?" - "consulted with diplomats from ...": the people
    # asked for, with whom the deed was, in other words than the question's (not the people
    # the question names as those who did it: "the U.S. officials")
    doers = {n for _, n in q.described}
    asked_for = {doc[i].head.head for i in matched
                 if q.wh in ("which", "what") and q.expects == "PERSON"
                 and doc[i].dep_ == "pobj" and doc[i].head.lower_ == "with"
                 and names_people(doc[i].lemma_.lower()) and doc[i].lemma_.lower() not in doers}
    anchors = {doc[i] for i in matched} | {doc[i].head for i in matched
                                           if doc[i].dep_ in ("dobj", "nsubjpass")} | asked_for
    found: list[tuple[str, Any, int]] = []  # (phrase, its head word, where its "with" is)
    # "... with diplomats ... as well as with officials from the council": a "with" joined
    # to the verb's own, however deep the parse sets it
    joined = [t for t in doc if t.lower_ == "with" and t.dep_ == "conj"]
    for anchor in sorted(anchors, key=lambda t: t.i):
        own_with = any(c.dep_ == "prep" and c.lower_ == "with" for c in anchor.children)
        for prep in [*anchor.children, *(joined if own_with else [])]:
            if prep.dep_ == "dobj" and anchor.pos_ == "VERB" and \
                    anchor.lemma_.lower() in MET_WITH:
                obj = prep  # "the envoys met representatives of the union"
            elif prep.dep_ in ("prep", "conj") and prep.lower_ == "with":
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            else:
                continue
            if obj is None:
                continue
            # (each one's words run to the next one's "with")
            upto = min((w.i for w in joined if w.i > prep.i), default=len(doc))
            ent = next((e for e in doc.ents if e.start <= obj.i < e.end), None)
            if ent is not None and ent.label_ in ("PERSON", "ORG", "NORP", "GPE"):
                phrase = ent.text
            elif names_people(obj.lemma_.lower()):
                # The phrase without what it goes on to say of them ("..., which said ..."),
                # though with what says which they are ("diplomats ... attending the Libya
                # Contact Group meeting"), up to the next one's "with".
                said = {t.i for c in obj.subtree if c.dep_ in _CLAUSES and c.i != obj.i
                        and not _which_they_are(c) for t in c.subtree}
                words = [t for t in obj.subtree if t.i not in said and t.i < upto]
                while words and words[-1].lower_ in ("as", "well", ",", "and", "also"):
                    words = words[:-1]
                phrase = _trim(words, True)
            else:
                continue
            # (set aside by any word of theirs: "the rebels" are "officials from the
            # Transitional National Council, the rebel governing group")
            if phrase and not in_question(phrase, q) and not _set_aside(
                    q, " ".join(t.text for t in obj.subtree if t.i < upto)) and \
                    phrase not in (p for p, _, _ in found):
                found.append((phrase, obj, prep.i))  # ("the U.S. officials" asked about)
    # "With whom among the rebels did they consult?": of several, the one a word asked
    # about describes ("officials from the Transitional National Council, the rebel ...");
    # each one's words run to the next one's "with" (the parse may hang them anywhere).
    starts = sorted(at for _, _, at in found)

    def own(obj: Any, at: int) -> set[int]:
        end = next((s for s in starts if s > at), len(obj.doc))
        return set(range(obj.i + 1, end))

    # (Not the source named for the whole sentence: "..., according to the State Department
    # official"; nor a word the sentence also gives outside every partner's words: "U.S.
    # officials consulted", "before the meeting", whatever meeting the diplomats attended.)
    sourced = {t.i for a in doc if a.lower_ == "according" for t in a.subtree}
    theirs: set[int] = set().union(*(own(obj, at) for _, obj, at in found))
    outside = {doc[i].lemma_.lower() for i in matched - theirs if i >= 0}
    # (nor a name of another occasion: "Libya" of "the Libya Contact Group meeting" does not
    # say which partner of theirs the question's "Libyans" are)
    named_otherwise = {t.i for o in doc if is_occasion(o) and of_an_occasion_unasked(o, q)
                       for c in o.children if c.dep_ == "compound" for t in c.subtree}
    describing = {i for i in matched - sourced - named_otherwise
                  if doc[i].lemma_.lower() not in outside}
    described = [p for p, obj, at in found if own(obj, at) & describing]
    if described or not found:
        return described[0] if described else None
    # Unasked which, all whom one deed was "with": "diplomats from other nations and
    # officials from the Transitional National Council".
    first, _, at = found[0]
    also = [p for p, _, w in found[1:] if doc[w] in joined and w > at]
    return " and ".join([first, *also])


_CLAUSES = frozenset(["relcl", "acl", "advcl", "appos"])


def _which_they_are(clause: Any) -> bool:
    """A participle set right after the people it tells apart ("diplomats from other nations
    attending the ... meeting"), not a clause after a comma that goes on about them."""
    return clause.dep_ == "acl" and clause.tag_ in ("VBG", "VBN") and \
        clause.doc[clause.i - 1].text != ","


def _with_among_doers(q: Question, doc: Any, matched: set[int]) -> bool:
    """"Who met with Gene Cretz?" of "Gene Cretz, ... and Derek Chollet met with Libyan
    officials": the one asked about is among those who did the deed, so whom it was with
    answers (a symmetric deed seen from his side)."""
    if not q.with_names:
        return False
    for i in matched:
        verb = doc[i]
        if verb.pos_ != "VERB":
            continue
        doers = {t.lemma_.lower() for c in verb.children if c.dep_ == "nsubj" for t in c.subtree}
        if set(q.with_names) <= doers:
            return True
    return False


def _asks_whom_served(q: Question) -> bool:
    """"Who does X speak / work for?", "Whom does X represent?", "Where does X work?" (not
    "Who speaks for X?", which asks for the person)."""
    if q.expects == "ORG" and not q.predicate and q.wh_role != "subject" and any(
            names_people(w) for w in q.focus):
        return True  # "Which agency is the official from?": the body a person is of
    # ("Which government department does X work for?": whatever kind of body it is)
    return bool(q.predicate in _SERVES or _SERVES & set(q.focus)) and q.wh_role != "subject" \
        and (q.expects in ("PERSON", "ORG", "THING", "KIND") or (q.expects == "PLACE"
                                                                 and q.predicate == "work"))


def _reported(r: Reading, ents: list[Any]) -> list[Any]:
    """"Dalvane said the impurity came from a supplier it did not name": when the words asked
    about are all in what is reported, the answer is there too, not the one reporting it."""
    att, start = r.attribution, r.candidate.span.start
    if att is None or att.content is None or not r.matched:
        return ents
    lo, hi = att.content.start - start, att.content.end - start
    inside = {stem(r.doc[i].lemma_.lower()) for i in r.matched if lo <= r.doc[i].idx < hi}
    if not all(stem(r.doc[i].lemma_.lower()) in inside for i in r.matched):
        return ents  # some word asked about is only in the frame ("Who did X say ...?")
    # (unless the frame tells the thing asked itself, and the answer hangs on that telling:
    # "held a secret meeting May 4 with ..., which said the meeting was a sign of ...")
    told = {i for i in r.matched if not lo <= r.doc[i].idx < hi}
    return [e for e in ents if lo <= e.start_char < hi or (
        e.root.head.i in told or any(c.i in told for c in e.root.head.children))]


# A kinsman named after "son of", "married" and the like, before the brackets of his life,
# within one sentence part.
_KIN_BEFORE = re.compile(
    r"\b(?:(?:grand|great-grand|step)?(?:son|daughter|father|mother|child|children|parents?)|"
    r"brother|sister|nephew|niece|cousin|uncle|aunt|heir|wife|husband|widow|widower)"
    r"\s+of\b[^.;]*$|\bmarried\b[^.;]*$", re.IGNORECASE)
_YEAR_IN_BRACKETS = re.compile(r"\(\s*[^()]*?\d{3,4}")


def _life_dates(q: Question, doc: Any) -> str | None:
    """"Stephen O'Mara (26 December 1844 – 26 July 1926)": the encyclopedic birth and death;
    "" when the only such dates are a kinsman's."""
    focus = set(q.focus)
    if not (focus & (BIRTH | DEATH)):
        return None
    birth = bool(focus & BIRTH)
    # "Date of birth 3 November 1931 ... (1931–2009)": a date labelled as the one asked says
    # more than the years of a life.
    labelled = (_BORN_ON if birth else _DIED_ON).search(doc.text)
    if labelled:
        return labelled.group(1)
    lives = []
    # "He was a son of ... Gerhard Meidell Gerhardsen (1848–1912) and Helga Selmer (1888":
    # the lives of a father (often of the same name) and a mother, not of the one the
    # sentence is about (a crawl may cut the brackets short).
    # (every bracket LIFE reads opens a bracket with a year in it: read once, skipped there)
    kin_at = {m.start() for m in _YEAR_IN_BRACKETS.finditer(doc.text)
              if _KIN_BEFORE.search(doc.text, 0, m.start())}
    for m in LIFE.finditer(doc.text):
        if m.start() in kin_at:
            continue
        # "(born Christopher O'Connor; 19 August 1948 – ...)": the date, not the birth name.
        part = re.split(r";\s+", m.group(1))[-1] if birth else (m.group(2) or "")
        if part.strip():
            lives.append(part.strip())
    if not lives:
        # (unless the sentence gives a year of its own: "born in 1850 as the son of ...")
        own = re.sub(r"\([^()]*\)?", "", doc.text)
        return "" if kin_at and not re.search(r"\b\d{3,4}\b", own) else None
    # "( 1885–1955 ) ... ( 22 October 1885 – 8 July 1955 )": the fullest of the same year.
    year = date(lives[0])
    return max((v for v in lives if (d := date(v)) and year and d[0] == year[0]),
               key=stated_parts, default=lives[0])


_MONTH = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*")
_FULL = (rf"((?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\.?,?\s+|{_MONTH}\.?\s+\d{{1,2}}"
         r"(?:st|nd|rd|th)?,?\s+)(?:1[5-9]\d\d|20\d\d))")
_BORN_ON = re.compile(rf"\b(?:[Dd]ate of birth|[Bb]orn(?: on)?)\s*:?\s*{_FULL}")
_DIED_ON = re.compile(rf"\b(?:[Dd]ate of death|[Dd]ied(?: on)?)\s*:?\s*{_FULL}")


def _fallback(q: Question, doc: Any, matched: set[int], slots: set[int] | None) -> str | None:
    """A name the small model does not tag: a run of proper nouns not in the question."""
    if q.expects == "PLACE":
        # "signed in Tessaro": a proper noun after a place preposition of a matched word.
        for tok in doc:
            if tok.lower_ in ("in", "at", "near", "outside", "inside") and (
                tok.head.i in matched
            ):
                obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
                if obj is not None and (obj.pos_ == "PROPN" or obj.is_title) and (
                    obj.i not in matched and obj.ent_type_ not in ("DATE", "TIME", "CARDINAL")
                ):
                    return _trim(list(obj.subtree)) or None
        return None
    if q.expects not in ("PERSON", "ORG"):
        return None
    runs: list[list[Any]] = [[]]
    for tok in doc:
        if tok.ent_type_ in ("DATE", "TIME", "GPE", "CARDINAL", "NORP"):
            ok = False
        else:
            ok = tok.pos_ == "PROPN" and tok.i not in matched and (slots is None or tok.i in slots)
        if ok:
            runs[-1].append(tok)
        elif runs[-1]:
            runs.append([])
    # (the first run that names a doer: "developed by the Leeds programmer Harriet Oduya" is
    # Harriet Oduya, "Leeds" only saying where the programmer is from)
    for run in (r for r in runs if r):
        if any(_reports_it(q, t, matched) for t in run):
            return None  # who reports the deed is not who did it
        # "representatives of Muammar Qaddafi's government": a name that only says whose the
        # noun is, as in ``_modifier`` (unless whose it is is what is asked).
        if q.wh != "whose" and (
                run[-1].dep_ == "poss" or any(c.tag_ == "POS" for c in run[-1].children)):
            return None
        # ... or whose people they are ("Three senior Velmoran officials": the doers
        # described), or which occasion it is ("the Libya Contact Group meeting": no one who
        # did a thing), or where a thing is ("the Velmont summer concerts", "the Leeds
        # programmer": a name set before a noun the question does not ask)
        if run[-1].dep_ in ("compound", "amod") and run[-1].head.pos_ == "NOUN":
            if names_people(run[-1].head.lemma_.lower()) or is_occasion(run[-1].head):
                return None
            if run[-1].head.i not in matched:
                continue
        # A name is a few capitalised words; a longer run is a menu or a list of links.
        if len(run) <= 4 and all(t.is_title for t in run) and not in_question(_trim(run), q):
            return _trim(run) or None
        return None
    return None


def _span(q: Question, reading: Reading) -> str | None:
    doc, matched = reading.doc, reading.matched
    if q.expects == "ROLE":
        role = _role(q, doc, matched)
        # A trade is said in common words ("a Corvian structural engineer") or as a post in
        # a sentence ("..., Deputy Harbour Master at ..."): capitalised words in a line with
        # no verb are a page's menu ("Profile / Stats : Averages Wins Rides Biography").
        if role and asks_occupation(q) and not any(
                w.islower() and w not in _ARTICLES for w in role.split()) and not any(
                t.pos_ in ("VERB", "AUX") for t in doc):
            return None
        # "the third son of a tanner" says whose child he was, not his trade.
        if role and asks_occupation(q) and _KIN_OF.search(role):
            return None
        return role
    if q.expects == "REASON":
        reason, at = _reason(doc, matched)
        att = reading.attribution
        if at is not None and (att is None or not att.speaker):
            # "Disclosure of the meeting came first in X, where a spokesman described the
            # meeting as a dialogue to repair ties": the purpose is the spokesman's
            said = attribute(doc, reading.candidate.span.start, reading.candidate.doc.text,
                             [at.i])
            reading.attribution = said if said.speaker else att
        return reason
    if q.expects == "STATEMENT":
        att = reading.attribution
        if att and att.content is not None:
            start = att.content.start - reading.candidate.span.start
            end = att.content.end - reading.candidate.span.start
            return doc.text[start:end].strip(" ,.") or None
        return doc.text.strip() if q.headline else None  # (a headline quoting no one)
    if q.expects == "THING" and q.wh_role == "subject" and q.predicate in HAPPENING and (
        q.predicate not in q.focus and matched
    ):  # "What went down on July 16?" (not "What started the war?", which names a thing)
        return _event(doc, matched)
    if q.expects == "THING":
        return _role(q, doc, matched) if _defines(q) else _thing(q, doc, matched)
    return _trim(list(doc))  # MANNER: the sentence is the answer


def _defines(q: Question) -> bool:
    """"What is the Transitional National Council?": the question is only a name ("What is
    NATO doing?" asks what it does)."""
    return bool(q.proper) and len(q.focus) == len(q.proper) and q.predicate != "do"


def _value_key(q: Question, value: str, reading: Reading | None = None) -> str:
    if reading is not None and reading.said_as:
        # every word of "left winger" tells it from a "right winger"
        return "t:" + " ".join(_AGENT.sub("", stem(w)) for w in words(value))
    if q.expects == "KIND":
        # "footballer" and "football", "golfer" and "golf" name one kind.
        return "t:" + " ".join(_AGENT.sub("", w.removesuffix("s")) for w in words(value))
    if q.expects == "THING" and not _defines(q):
        # What follows a comma adds to the thing the first phrase names ("an Airbus A310-324,
        # c/n 548, tail number ...").
        first = re.split(r"\s?,\s", value)[0]
        ws = words(first)
        if len(ws) <= 3 and re.search(r"(?<![\w-])[$£€]?\d", first):
            # A measure ("45.7 years", "$31,250") is its figure: "30.2 years" differs; a
            # model's name ("A310-324") is no figure.
            return key(first, "NUMBER")
        # Descriptions compare on their last word (the noun's head in English noun phrases):
        # "footballer" and "golfer" differ.
        return "t:" + (stem(ws[-1]) if ws else "")
    if q.expects == "ROLE":
        # (``words`` drops titles, which are what a role is: "a British judge")
        return "t:" + " ".join(stem(w) for w in re.findall(r"[\w'-]+", value.lower())
                               if w not in ("a", "an", "the"))
    if q.expects in ("STATEMENT", "MANNER", "REASON"):
        return "t:" + " ".join(stem(w) for w in words(value))
    if reading is not None and q.expects == "DATE":
        return key(value, q.expects, reading.candidate.doc.published, _looks_ahead(reading.doc))
    return key(value, q.expects)


_AHEAD = frozenset(["will", "shall", "due", "schedule", "expect", "plan"])
# ... and, of what comes after an event, what a party wants or hopes to do further
_NEXT_STEPS = frozenset(["want", "hope", "further", "next", "another", "forward"])


# What a way of meeting is asked by, and the words that say it of talks or a meeting; asked
# what kind of meeting it was ("kind"), also whether it was kept secret or held openly.
_MODE_ASKED = frozenset(["form", "format", "mode", "medium", "kind"])
_WAYS = (r"face[- ]to[- ]face|in[- ]person|virtual|online|remote|video|telephone|phone|written|"
         r"direct|indirect")
_KEPT = r"secret|private|closed[- ]door|public|informal|formal|unannounced"
_TALKS = (r"\s+(?:talks?|meetings?|sessions?|discussions?|contacts?|negotiations?|"
          r"conversations?)\b")
_HELD_AS = re.compile(rf"\b(?:{_WAYS}){_TALKS}", re.IGNORECASE)
_HELD_OR_KEPT_AS = re.compile(rf"\b(?:{_WAYS}|{_KEPT}){_TALKS}", re.IGNORECASE)


def _held_as(doc: Any, matched: set[int], kind: str) -> str | None:
    """The way of meeting a sentence gives the talks asked about: "face-to-face talks" (or,
    asked its kind, "a secret meeting")."""
    ends = {doc[i].idx + len(doc[i].text) for i in matched if i >= 0}
    said = _HELD_OR_KEPT_AS if kind == "kind" else _HELD_AS
    return next((m.group(0) for m in said.finditer(doc.text) if m.end() in ends), None)


def _which_named(q: Question, r: Reading, kind_words: set[str], mode: bool) -> str | None:
    """The one thing of the kind asked the sentence names: the way talks were held, the
    language a work is in, the thing beside the kind's word ("the Istanbul meeting")."""
    if mode:
        return _held_as(r.doc, r.matched, q.attribute)
    if q.expects == "KIND" and q.attribute == "language" and (
            tongue := _language_named(r.doc, q.proper)):
        return tongue
    if kind_words and not _title_case_headline(r.candidate):
        return named_instance(kind_words, r.doc, r.matched) or _stranded_object(q, r)
    return None


# Verbs a work is "in" a language by: "The film is in Sarvish", "sung in Latin" (not
# "shot" or "recorded in", which place it, nor "dubbed in", another version; the small
# parser tags languages as places).
_IN_A_LANGUAGE = frozenset("be sing perform narrate subtitle write publish".split())
_A_LANGUAGE = re.compile(r"(?:ic|ish|ese)$")


def _language_named(doc: Any, asked: Collection[str]) -> str | None:
    """The language a sentence says a work is in: "a Telugu-language film", "The film is in
    Sarvish" (a people's word before "film" may be a nationality: "a Sarvandian film"); not
    a name asked ("the language of Skerravik": "... is in Skerravik" places it)."""
    for t in doc:
        if t.lower_ == "language" and t.i >= 2 and doc[t.i - 1].text == "-" and (
                doc[t.i - 2].pos_ == "PROPN"):
            return doc[t.i - 2].text
        if t.lower_ == "in" and t.head.lemma_.lower() in _IN_A_LANGUAGE:
            obj = next((c for c in t.children if c.dep_ == "pobj"), None)
            # (not a place a work was written or published in, "written in Paris", which
            # the tagger reads as a place; it reads languages so too, but these end as
            # languages do: "written in Valdrennic")
            placed = obj is not None and t.head.lemma_.lower() in ("write", "publish") and \
                obj.ent_type_ in ("GPE", "LOC", "FAC") and not _A_LANGUAGE.search(obj.lower_)
            if obj is not None and obj.pos_ == "PROPN" and obj.ent_type_ not in (
                    "DATE", "PERSON") and not placed and obj.lower_ not in asked and not any(
                    c.dep_ in ("det", "compound") for c in obj.children):
                return obj.text
    return None


def _looks_ahead(doc: Any) -> bool:
    """Does the sentence speak of what is still to come ("will vote", "is due to vote")?"""
    return any(t.lower_ in _AHEAD or t.lemma_.lower() in _AHEAD for t in doc)


# What a fragment calls the place it is about when it does not name it.
_PLACE_KINDS = ("city|town|village|county|municipality|borough|township|parish|CDP|district|"
                "community")
THE_PLACE = re.compile(rf"\bthe ({_PLACE_KINDS})\b", re.IGNORECASE)
_PLACE_KIND = re.compile(rf"\b({_PLACE_KINDS})\b", re.IGNORECASE)


def read(
    q: Question,
    candidates: Sequence[Candidate],
    parse: Callable[[list[str]], list[Any]],
    embed: Callable[[list[str]], Any] | None = None,
) -> list[Reading]:
    """Every candidate sentence that is about the question, with the answer it gives.

    ``embed`` (texts -> vectors) tells which words name a kind of what a "What sport ...?"
    question asks; without it such questions are read like any "what" question.
    """
    if q.form == "out_of_scope" or not candidates:
        return []
    if q.expects == "KIND" and embed is None:
        q = replace(q, expects="THING", attribute="")
    asked = q
    docs = parse([c.text for c in candidates])
    if q.form == "summary":
        return _leads(candidates, docs)
    if q.short_form or q.name_part:
        return _read_names(q, candidates, docs, parse)
    if q.ruler_of and (rulers := _read_rulers(q, candidates, docs, parse)):
        return rulers
    if q.unnamed_why and (unnamed_readings := _unnamed(q, candidates, docs, parse)):
        return unnamed_readings
    documents: dict[str, set[str]] = {}  # a document's words, read once for all its sentences
    described: dict[str, frozenset[str]] = {}  # per document, as ``_descriptions``
    alone: dict[str, frozenset[str]] = {}  # per document, as ``_parts_left_out``
    owns: dict[str, frozenset[str]] = {}  # per document, as ``_own_occasion``
    placed: dict[str, list[tuple[set[str], set[str]]]] = {}  # ... as ``named_and_placed``
    # (A page headed "X (politician)" says others bear the name: then a fragment's surname
    # alone may be any of them.)
    pages = "\n".join({c.doc.doc_id: c.doc.text for c in candidates}.values()) \
        if q.person and not any(page_label(c) for c in candidates) else ""
    matches = []
    for cand, doc in zip(candidates, docs, strict=True):
        context = None
        if q.proper and q.form == "says":
            if cand.doc.doc_id not in documents:
                documents[cand.doc.doc_id] = _context(cand, whole=True)
            context = documents[cand.doc.doc_id]
        elif q.proper:
            # (and the names the story gives an occasion the sentence calls by its place)
            if cand.doc.doc_id not in placed:
                placed[cand.doc.doc_id] = named_and_placed(cand.doc.text)
            context = _context(cand) | also_named(placed[cand.doc.doc_id], cand.text)
            if _opens_on_it(cand, doc):
                # "The Central Statistical Agency in 2005, it had an estimated total
                # population of 5,000": a text cut from a page, opening on the page's "it",
                # is about the thing the rest of it names
                context |= _context(cand, whole=True)
        if q.described and cand.doc.doc_id not in described:
            described[cand.doc.doc_id] = _descriptions(q, cand.doc.text)
        if q.person and cand.doc.doc_id not in alone:
            alone[cand.doc.doc_id] = _parts_left_out(q, cand.doc.text, pages)
        its_described = described.get(cand.doc.doc_id, frozenset())
        its_alone = alone.get(cand.doc.doc_id, frozenset())
        # (A headline in title case answers what a party says; any other answer read from
        # it would rest on capitals that name nothing: "Talks ..., U.S. Says" does not say
        # who disclosed the talks.)
        if cand.doc.doc_id not in owns:
            owns[cand.doc.doc_id] = own_occasion(cand.doc.text)
        its_own = owns[cand.doc.doc_id]
        found = _match(q, doc, context, its_described, its_alone, titled=q.form == "says"
                       and _title_case_headline(cand), own=its_own)
        if found[0] < MIN_MATCH and names_own_occasion(q, doc, its_own):
            # "Where did the port officials meet the union?": "the Karsa meeting" is the
            # story's own meeting, where they met; it answers, ranked below a sentence that
            # has the question's words too.
            found = (MIN_MATCH, found[1] | {t.i for t in doc if is_occasion(t)}, True)
        if q.held and found[0] < MIN_MATCH:
            # "Which city hosted the Contact Group?": "the Contact Group meeting July 15 in
            # Istanbul" places the event without the verb; it answers, ranked below a
            # sentence that has the verb too.
            without = _match(q, doc, context, its_described, its_alone, lenient=True,
                             own=its_own)
            if without[0] >= MIN_MATCH:
                # (With no word of the question in it, the sentence's own verb is where
                # its places are read from: "It stands on the edge of Norwich, a city in
                # eastern England" puts it in Norwich.)
                found = (MIN_MATCH, without[1] or {t.i for t in doc if t.dep_ == "ROOT"},
                         without[2])
        matches.append(found)
    # Fragments that never name the place asked about but call it "the city": when none of
    # them names it, that is the place they were found for.
    unnamed = bool(q.proper) and not any(hit for _, _, hit in matches)
    # ... and so is a fragment that names no place at all, whatever the others name ("there
    # were 5,000 people ... living in the village").
    nameless = _nameless(candidates, docs, matches) if q.proper and not unnamed else set()
    if unnamed or nameless:
        # ... and it names it as their title would: "the city" is Screven (the names asked
        # are all a context is read for).
        named = {stem(w) for w in q.proper}
        matches = [_match(q, doc, named, described.get(cand.doc.doc_id, frozenset()),
                          alone.get(cand.doc.doc_id, frozenset()))
                   if THE_PLACE.search(doc.text) and (unnamed or cand.doc.doc_id in nameless)
                   else m for cand, doc, m in zip(candidates, docs, matches, strict=True)]
    matches = _copies_named(q, candidates, docs, matches, described, alone)
    posts: dict[str, list[tuple[str, ...]]] = {}  # the posts each document gives the speaker
    if q.form == "says" and q.speaker:
        for cand, doc in zip(candidates, docs, strict=True):
            posts.setdefault(cand.doc.doc_id, []).extend(posts_of(q.speaker, doc))
    def take(matches: Sequence[tuple[float, set[int], bool]]) -> list[Reading]:
        about: list[Reading] = []
        for cand, doc, (share, matched, name_hit) in zip(candidates, docs, matches,
                                                         strict=True):
            if q.proper and not name_hit and not ((unnamed or cand.doc.doc_id in nameless)
                                                  and THE_PLACE.search(doc.text)) \
                    and not names_own_occasion(q, doc, owns[cand.doc.doc_id]):
                continue
            if q.headline and not is_headline(cand):
                continue  # what the headline says is in it alone
            if _about_another(q, doc, matched) or _named_otherwise(q, doc, matched) \
                    or _another_person(q, doc) or _anothers_thing(q, doc, matched) \
                    or _another_of_the_kind(q, doc, matched):
                continue
            # (what the headline says of a thing may be in other words: it is all there is)
            if share < MIN_MATCH and not (q.form == "says" and (not q.focus or q.headline)):
                continue
            if q.attribute and q.expects != "KIND":
                # "What is the population of X?": a number of something else is not the answer.
                measure = _attribute_tokens(q.attribute, doc)
                if not measure:
                    continue
                matched = matched | measure
            r = Reading(cand, doc, share, matched)
            r.attribution = speaker_of(cand, doc, matched, parse)
            if _other_deed(q, r) or _we_of_another_side(q, r) or (
                    q.predicate in _SPEAKING and _speaks_for_another(
                        q, [r.attribution, speaker_of(cand, doc, (), parse)])):
                continue
            told = _refers_back(q, doc) if q.form == "says" else None
            # (the party's own sense of it, asked for, is in a clause joined to the telling)
            joined = _joined_clause(doc, matched | (_senses(doc) if q.view else set())) \
                if told else None
            teller = told if joined is None else None
            if joined is not None:
                # What the telling's party came away with is said in the sentence itself,
                # as the report's speaker has it.
                r.attribution = replace(speaker_of(cand, doc, (), parse),
                                        content=_clause_span(cand, doc, joined))
            elif teller:
                # "U.S. diplomats told Libyans that during the meeting": what they told them is
                # the sentence before.
                r = _sentence_before(r, parse) or r
                r.teller = teller
            elif q.form == "says" and not q.headline and not _speaks(q, r.attribution):
                # "X met Y, which said Z": the words asked about are in the narrative, but what
                # the party asked about says is still its own report.
                own = speaker_of(cand, doc, (), parse)
                if _speaks(q, own):
                    r.attribution = own
                elif not (_in_post(r.attribution, doc, posts.get(cand.doc.doc_id, []))
                          or _reports(q, doc)):
                    continue
            about.append(r)
        return about

    about = take(matches)
    near = _near_topic(q, candidates, embed) if not about else {}
    if near:
        # (the closer to the topic, the better it answers)
        about = take([(MIN_MATCH + 0.5 * (near[k] - TOPIC_CLOSE), set(), True) if k in near
                      else (0.0, set(), False) for k in range(len(candidates))])
    if q.form == "says" and q.speaker and not q.ahead and _topic_names(q) and (
            own := [r for r in about if _names_topic(q, r)]):
        # "What did the official say about the Transitional National Council?": a statement
        # that names it, before those that leave its name to the rest of the document
        about = own
    if q.ahead and q.form == "says":
        # "What comes next?": what a party plans, wants or rules out for what follows
        about = [r for r in about if _looks_ahead(r.doc) or any(
            t.lemma_.lower() in _NEXT_STEPS for t in r.doc)]
    if q.ahead and q.expects in ("DATE", "PLACE"):
        # "When will the Contact Group meet next?": a sentence on a meeting that was held
        # does not say when or where the next one will be; only one that looks ahead can
        # (an amount it "will cost" may be estimated in any tense).
        about = [r for r in about if _looks_ahead(r.doc)]
    if q.negated and any(_denies(r) for r in about):
        # "What does Libya not want?": what a sentence denies of the words asked about.
        about = [r for r in about if _denies(r)]
    elif not q.negated and q.predicate in WANTING:
        # "What does Libya want to do with its past?": not what it says it does not want
        about = [r for r in about if not any(
            r.doc[i].lemma_.lower() in WANTING and _has_not(r.doc[i]) for i in r.matched)]
    elif q.says_that and q.expects in ("PERSON", "ORG") and q.wh_role == "subject" and \
            q.predicate in REPORTING_VERBS and q.predicate not in DENIAL_VERBS:
        # "Who says there will be another session?": not one who says there will be none
        # (who denies it, or says there will be none, is asked otherwise)
        about = [r for r in about if not _denies_what_is_said(r)]
    if q.source:
        # "Which agency did the article rely on for the Libyan side?": a sentence in which
        # the party asked speaks says whom the story has its words from (the agency that
        # reports them, or the speaker the reporter heard); failing one, a sentence as close
        # to the question as any that names whom it has its words from.
        party = {stem(w) for f in q.focus for w in words(f)}
        by_party = [r for r in about if any(party & {stem(w) for w in words(who)} for who in (
            *speakers(r.doc), *((r.attribution.speaker or "", r.attribution.organisation or "")
                                if r.attribution else ())))]
        top = max((r.match for r in about), default=0.0)
        reported = [r for r in about if reporters(r.doc) and r.match >= top]
        # (of the party's sentences, one that names whom it has them from first)
        about = [r for r in by_party if reporters(r.doc)] or by_party or reported or about
    if q.form != "says" and q.speaker and any(_speaks(q, r.attribution) for r in about):
        # "According to the U.S. official, why ...?": that party's answer, when it gives one.
        about = [r for r in about if _speaks(q, r.attribution)]
    # (not in a headline's capitals, which name nothing: "Secret Talks With ...")
    kinds = [_kind_phrases(r) if q.expects == "KIND" and not _title_case_headline(r.candidate)
             else []
             for r in about]
    fits = _kind_fits(q, kinds, embed) if q.expects == "KIND" and embed is not None else {}
    # "At which meeting ...?": "the Istanbul meeting" names which one.
    kind_words = set(_terms(q.attribute)) if q.which_one else set()  # the word and its kin
    # "What form did the talks take?": the way they were held ("face-to-face talks").
    mode = q.expects == "KIND" and q.attribute in _MODE_ASKED
    which = [_which_named(q, r, kind_words, mode) for r in about]
    # "Which hotel ...?" asks for a hotel: where no sentence names one, nor says "hotel",
    # nothing answers it, whatever else a sentence gives.
    unnamed_kind = q.expects == "KIND" and q.which_one and not _said_in_clauses(q.attribute) \
        and not _kind_named(q, about)
    if q.expects == "KIND" and max(fits.values(), default=0.0) < KIND_FIT and not any(which) \
            and not unnamed_kind:
        # No word close to the kind asked about ("the primary function of ..."): read the
        # sentences like any "what" question.
        q = replace(q, expects="THING", attribute="")
    readings: list[Reading] = []
    unvalued: list[Reading] = []
    # "What did the official say the U.S. did before the talks?": the occasion the deed is
    # set against, read once
    asked_when = set_against(q.topic) if q.form == "says" else q.timed
    for r, phrases, one in zip(about, kinds, which, strict=True):
        cand, doc = r.candidate, r.doc
        if q.expects == "KIND":
            r.value, fit = (one, 1.0) if one else (None, 0.0) if mode else _kind_value(
                phrases, fits, r.matched)
            if q.which_one and r.value and _only_the_kind(q, r.value):
                # "Which countries ...?" - "more than 30 other nations": none of them named,
                # and no sentence answers as a whole what it names no one of
                r.value, unnamed_kind = None, True
        else:
            r.value, fit = _value(q, r)
        if not r.value:
            unvalued.append(r)
            continue
        at = doc.text.find(r.value)
        if q.name_asked and not q.whose and not r.of_side and not _gives_a_name(q, doc,
                                                                                r.value):
            continue  # "Libyan officials" is no name of the Libyans asked about
        if at >= 0:  # the parse reads quotes folded: show the source's own characters
            r.value = cand.text[at : at + len(r.value)]
        if at == 0 and doc[0].like_num and doc[0].is_alpha:
            r.value = r.value[:1].lower() + r.value[1:]  # "Three senior U.S. officials ..."
        r.key = _value_key(q, r.value, r)
        if q.counted and at >= 0:
            r.counts = _counts_asked(q, doc, at + len(r.value))
            if _counts_other_ones(q, doc, at + len(r.value)):
                continue
        # set as the question sets it: "before the talks", "Before the talks, U.S. officials
        # ..." for "before meeting the Libyans"
        timed = bool(asked_when and asked_when == set_against(doc.text))
        if q.form == "says":
            fit = 1.0 if _named(q, r) else 0.5
            if q.view and _SENSE_NOUNS & set(words(r.value)):
                fit += 0.5  # the party's own sense of it, asked for
            if q.ahead and MORE_TO_COME & set(words(r.value)):
                fit += 0.5  # what lies ahead, said as more of it ("further steps")
            if r.attribution and r.attribution.verb == "according to" and not r.teller \
                    and not timed:
                # What a party says in its own words ("said", "described", "told") before
                # a sentence of the story that it is only the source for ("according to"),
                # unless only that one sets the deed as asked.
                fit -= 1.0
        if timed:
            fit += 1.0
        r.score = _score(r, fit)
        readings.append(r)
    if q.expects == "MANNER" and q.way and (q.predicate in MET_WITH or q.predicate in TOOK_PLACE
                                            or q.predicate == "conduct"):
        readings = _ways_held(q, readings)
    if any(r.served for r in readings):
        # A body his post names answers whom he serves; other names near him do not.
        readings = [r for r in readings if r.served]
    if q.name_asked and any(not r.of_side for r in readings):
        # Names asked ("Who was on the U.S. team?"): the side's people described unnamed
        # ("U.S. officials") answer only where no sentence names them.
        readings = [r for r in readings if not r.of_side]
    readings = _of_the_kind(q, readings)
    if q.expects == "DATE":
        readings = _dates_of_the_deed(q, readings, unvalued)
    if q.expects == "PERSON":
        readings = [n for r in readings for n in _named_group(q, r, candidates, docs, parse)]
    if not readings and q.expects == "DATE":
        readings = _dated_by_event(q, unvalued, candidates, docs, parse)
    if not readings and not unnamed_kind and not q.name_asked:
        whole = _whole_sentence(asked, unvalued) or _closest(asked, candidates, docs, matches)
        readings = [whole] if whole else []
    return _edited_copies(q, candidates, docs, readings,
                          asked.attribute if asked.expects == "KIND" else "")


# Entities that name no one and nothing: a people's word ("Libyan"), amounts and times.
_NO_NAME = frozenset(["NORP", "DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY",
                      "PERCENT"])


def _dates_of_the_deed(q: Question, readings: list[Reading], unvalued: list[Reading]
                       ) -> list[Reading]:
    """"When was the meeting disclosed?": where a document tells of the deed asked without
    a date ("Disclosure of the meeting came first in Tripoli"), a date its other sentences
    give is another deed's ("held a secret meeting July 16"), not this one's."""
    if not _deed_asked(q):
        return readings
    told = {r.candidate.doc.doc_id for r in unvalued if _deed_said(q, r.doc, r.matched)}
    return [r for r in readings
            if r.candidate.doc.doc_id not in told or _deed_said(q, r.doc, r.matched)]


def _deed_asked(q: Question) -> bool:
    """Does the question ask of a deed, not of an occasion's taking place ("held")?"""
    # (a birth or death is dated by a life's dates in brackets, which no verb tells)
    return bool(q.predicate) and q.predicate not in TOOK_PLACE and q.predicate not in (
        "be", "have", "do") and not set(q.focus) & (BIRTH | DEATH)


def _named_group(q: Question, r: Reading, candidates: Sequence[Candidate], docs: Sequence[Any],
                 parse: Callable[[list[str]], list[Any]]) -> list[Reading]:
    """"Who attended the secret meeting?" - "Three senior U.S. officials held a secret
    meeting": the names another sentence of the document gives the three, where one does,
    first, and the sentence that describes them as one answer with it."""
    counted = group_counted(r.doc, r.value or "")
    if counted is None:
        return [r]
    same = [k for k, c in enumerate(candidates)
            if c.doc.doc_id == r.candidate.doc.doc_id and docs[k] is not r.doc]
    found = names_of_group(*counted, [docs[k] for k in same])
    if found is None:
        return [r]
    k = same[found[0]]
    named = replace(r, candidate=candidates[k], doc=docs[k],
                    matched={t.i for e in found[1] for t in e},
                    value=_join([e.text for e in found[1]]))
    named.attribution = speaker_of(named.candidate, named.doc, named.matched, parse)
    named.key = r.key = _value_key(q, named.value or "", named)
    # (cited beside the names, the description is shown as its sentence writes it)
    at = r.candidate.text.lower().find((r.value or "").lower())
    if at >= 0:
        r.value = r.candidate.text[at : at + len(r.value or "")]
    named.score = r.score + 0.01
    return [named, r]


def _owner(q: Question, doc: Any) -> str | None:
    """The name a sentence gives as the owner of the noun "whose" asks about ("Muammar
    Qaddafi's government", "the regime of Muammar Qaddafi", "the Harbour Board closed its
    office")."""
    owned = _terms(q.whose)

    def of_owned(noun: Any) -> bool:
        return stem(noun.lemma_.lower()) in owned

    for t in doc:
        if t.dep_ == "poss" and t.tag_ == "PRP$" and of_owned(t.head):
            # "its" is the doer's own
            t = next((c for c in t.head.head.children if c.dep_ == "nsubj"), t)
        elif not ((t.dep_ == "poss" and of_owned(t.head))
                  or (t.dep_ == "pobj" and t.head.lower_ == "of" and of_owned(t.head.head))):
            continue
        named = next((c for c in t.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
        if t.pos_ == "NOUN" and named is not None and not in_question(named.text, q):
            # "representatives of Muammar Qaddafi's government": a body named by its owner
            return _trim([w for w in t.subtree if w.i <= t.i and w.dep_ != "det"]) or None
        if t.pos_ != "PROPN" or in_question(t.text, q):
            continue
        ent = next((e for e in doc.ents if e.start <= t.i < e.end), None)
        name = [w for w in (ent if ent is not None else [*t.lefts, t])
                if w.tag_ != "POS" and w.dep_ != "det"]
        return _trim(name) or None
    return None


def _gives_a_name(q: Question, doc: Any, value: str) -> bool:
    """Does an answer hold a name: a person's where people are asked about ("the names of
    the U.S. officials"; of their country where the question gives it), else any name but a
    people's word ("Libyan")? An answer joined from a list ("Gene Cretz, Jeffrey Feltman and
    Derek Chollet") is read by its words in the sentence."""
    said = set(words(value))
    own = [t for t in doc if t.lower_.replace(".", "") in said]
    if not own:
        return True  # (the words are not the sentence's own: nothing to tell them by)
    names = [t for t in own if t.pos_ == "PROPN" and t.ent_type_ not in _NO_NAME and (
        q.expects != "PERSON" or t.ent_type_ in ("", "PERSON") or _set_by_a_person(t))]
    if names and not q.name_party and q.named_as and q.named_as not in _ANYONE:
        # "the name of the State Department official": a name the sentence calls an
        # official, not another one it gives ("the message that Qaddafi must step down");
        # asked of "the three officials" plainly, a name given with any post is one.
        posts = titles_of_list(names[0])
        return any(_called(t, q.named_as) for t in posts) or (
            q.names_many and q.named_as in _ANY_POST and any(t.pos_ == "NOUN" for t in posts))
    if not names or not q.name_party:
        return bool(names)
    titles = titles_of_list(names[0])
    if not any(canonical(t.text) == q.name_party for t in titles):
        return False
    # (One asked alone is called so: "the Libyan spokesman, Moussa Ibrahim" for the
    # spokesman; "U.S. Ambassador ... Gene Cretz" is no answer to "the U.S. official quoted".)
    own = titles_of_list(names[0], alone=True)
    return q.names_many or q.one_of_many or any(_called(t, q.named_as) for t in own) or (
        q.wh == "which" and q.named_as in _ANY_POST
        and any(t.is_alpha and canonical(t.text) is None for t in own))


def _called(tok: Any, word: str) -> bool:
    """Is the token the word asked (by its lemma), or a near-synonym of it: a word of a
    name's title for the noun a person was asked by ("U.S. Ambassador" for "the U.S.
    envoy"), a verb for the question's own ("thought" for "believe")?"""
    return tok.lemma_.lower() == word or stem(tok.lemma_.lower()) in _terms(word)


# "Which U.S. official is ...?": a name given with any post is an official's (one asked
# alone, "the U.S. official", is one the sentence calls so).
_ANY_POST = frozenset(["official"])
# Words for anyone: a name asked of "the man who ..." is not called "man" where it is given.
_ANYONE = frozenset("person man woman people guy individual one someone somebody".split())


def _set_by_a_person(tok: Any) -> bool:
    """A name set right after a word for a person is one, whatever else the tagger took it
    for ("the lobby's spokesman, Dag Orlo")."""
    doc = tok.doc
    at = next((e.start for e in doc.ents if e.start <= tok.i < e.end), tok.i) - 1
    while at >= 0 and doc[at].pos_ in ("DET", "PUNCT"):
        at -= 1
    return at >= 0 and names_people(doc[at].lemma_.lower())


# Occasions a deed may be set at ("at the Istanbul meeting"), which a page may date elsewhere.
_OCCASIONS = frozenset("meeting summit conference session talks gathering congress convention "
                       "ceremony election referendum vote visit forum".split())


def _dated_by_event(q: Question, unvalued: list[Reading], candidates: Sequence[Candidate],
                    docs: Sequence[Any], parse: Callable[[list[str]], list[Any]]
                    ) -> list[Reading]:
    """"When did Washington recognize the council?" - "The U.S. joined ... at the Istanbul
    meeting in deciding to recognize ..." gives no date, but the page dates that meeting
    ("the Libya Contact Group meeting July 15 in Istanbul"): the deed set at a named occasion
    has the date the same page gives the occasion, read from that sentence."""
    out: list[Reading] = []
    for r in sorted(unvalued, key=lambda r: -r.match):
        if _deed_asked(q) and not _deed_said(q, r.doc, r.matched):
            continue  # (another deed set at the occasion: "joined ... in deciding to recognize")
        # (an occasion the deed was done at, not one it was done to: "Disclosure of the
        # meeting came first in Tripoli, where a spokesman described the Tunisia meeting")
        names = {m.lower_ for t in r.doc if t.lemma_.lower() in _OCCASIONS
                 and t.dep_ == "pobj" and t.head.lower_ in ("at", "during")
                 for m in t.lefts if m.pos_ == "PROPN" and m.dep_ in ("compound", "amod")}
        occasions = {t.lemma_.lower() for t in r.doc if t.lemma_.lower() in _OCCASIONS}
        if not names:
            continue
        for cand, doc in zip(candidates, docs, strict=True):
            if cand.doc.doc_id != r.candidate.doc.doc_id or cand.text == r.candidate.text:
                continue
            for t in doc:
                if t.lemma_.lower() not in occasions:
                    continue
                around = {u.i for u in t.subtree}
                if not names & {doc[i].lower_ for i in around}:
                    continue
                date = next((e for e in doc.ents if e.label_ == "DATE" and e.start in around
                             and e.start > t.i), None)
                if date is None:
                    continue
                dated = Reading(cand, doc, r.match, {t.i}, value=date.text)
                dated.key = _value_key(q, date.text, dated)
                dated.attribution = speaker_of(cand, doc, {t.i}, parse)
                dated.score = 0.9 * _score(r, 0.5)
                # ... cited beside the sentence that sets the deed there
                r.value, r.key, r.score = date.text, dated.key, 0.85 * _score(r, 0.5)
                out += [dated, r]
                break
        if out:
            return out
    return out


def _unnamed(q: Question, candidates: Sequence[Candidate], docs: Sequence[Any],
             parse: Callable[[list[str]], list[Any]]) -> list[Reading]:
    """"Why wasn't the official named?": the sentences that say why their source goes
    unnamed, each with those words as its answer."""
    out: list[Reading] = []
    for cand, doc in zip(candidates, docs, strict=True):
        found = unnamed_because(cand.text, why=q.wh == "why" or q.expects == "REASON")
        if found is None:
            continue
        r = Reading(cand, doc, 1.0, value=found[0])
        r.key = _value_key(q, found[0], r)
        r.attribution = speaker_of(cand, doc, (), parse)
        r.score = found[1]
        out.append(r)
    return out


def _leads(candidates: Sequence[Candidate], docs: Sequence[Any]) -> list[Reading]:
    """What each document is about, in its own first sentences, each one's answer."""
    out: list[Reading] = []
    for cand, doc in zip(candidates, docs, strict=True):
        r = Reading(cand, doc, 1.0, value=cand.text.strip(), key="s:" + cand.doc.doc_id)
        r.score = 1.0 - 0.01 * len(out)  # in the order of the documents, and within each
        out.append(r)
    return out


def _copies_named(q: Question, candidates: Sequence[Candidate], docs: Sequence[Any],
                  matches: list[tuple[float, set[int], bool]],
                  described: dict[str, frozenset[str]],
                  alone: dict[str, frozenset[str]]) -> list[tuple[float, set[int], bool]]:
    """A sentence that copies one naming what is asked, in another document that does not
    name it there ("It was built in 1850-1851 and is a brick building ..."), is about the
    same thing: it is matched as if named like the sentence it copies."""
    if not q.proper or q.form == "says":
        return matches
    named = [(c.doc, words(c.text)) for c, (share, _, hit) in
             zip(candidates, matches, strict=True) if hit and share >= MIN_MATCH]
    if not named:
        return matches
    asked = {stem(w) for w in q.proper}
    out = list(matches)
    for i, (cand, doc, (_, _, hit)) in enumerate(zip(candidates, docs, matches, strict=True)):
        if hit:
            continue
        mine = words(cand.text)
        # In a document that copies a whole other one, a short sentence with a fact changed
        # is a copy too ("It was designed by Frank Lloyd Wright." in a copy of the page that
        # says "designed by William E. Parsons").
        if any(other.doc_id != cand.doc.doc_id and _one_fact_changed(
                mine, theirs,
                least=SHORT_COPY if near_copy_texts(cand.doc.text, other.text) else COPY_WORDS)
               for other, theirs in named):
            out[i] = _match(q, doc, asked, described.get(cand.doc.doc_id, frozenset()),
                            alone.get(cand.doc.doc_id, frozenset()))
    return out


# What a changed word can be an answer of: a name, a date, a number, a kind or a role; not a
# reason or a manner, which a copy rewords without changing the fact.
_EDITABLE = frozenset(["PERSON", "ORG", "DATE", "PLACE", "NUMBER", "DURATION", "AGE", "ROLE",
                       "THING", "KIND"])


def _of_the_kind_asked(q: Question, doc: Any, span: tuple[int, int]) -> bool:
    """Do the words at ``span`` (offsets in the sentence) give what the question asks for?"""
    toks = [t for t in doc if t.idx < span[1] and t.idx + len(t.text) > span[0]]
    if q.expects == "DATE":
        return any(t.ent_type_ == "DATE" or re.search(r"\b(?:1\d{3}|20\d\d)\b", t.text)
                   for t in toks)
    if q.expects in ("NUMBER", "DURATION", "AGE"):
        return any(t.like_num for t in toks)
    if q.expects in ("PERSON", "ORG", "PLACE"):
        # a name, or a word written as one inside the sentence ("a Liberal by background")
        return any(t.pos_ == "PROPN" or (t.i > 0 and t.is_title) for t in toks)
    if q.expects == "ROLE":
        return any(t.pos_ == "NOUN" for t in toks)  # a trade is a common noun, not a name
    return any(t.pos_ in ("NOUN", "PROPN", "ADJ") for t in toks)


def _edited_copies(q: Question, candidates: Sequence[Candidate], docs: Sequence[Any],
                   readings: list[Reading], kind: str = "") -> list[Reading]:
    """Two documents that are one page, one of them edited ("He was Ohio Attorney General
    1884–1886." / "... 1900–1902."): a changed fact that one copy gives as its answer, or
    that is of the kind asked in a sentence with a word of the question on a page naming
    what is asked, is each copy's answer, side by side. (The sentence may name the subject
    only by "he": its page's heading, in either copy, names it.)"""
    if q.form != "open" or q.expects not in _EDITABLE:
        return readings
    by_doc: dict[str, list[int]] = {}
    for k, c in enumerate(candidates):
        by_doc.setdefault(c.doc.doc_id, []).append(k)
    if len(by_doc) < 2:
        return readings
    read_on = {(r.candidate.doc.doc_id, r.candidate.span.start): r for r in readings}
    names = {stem(w) for w in q.proper}
    added: list[Reading] = []
    ids = list(by_doc)
    for x, a in enumerate(ids):
        for b in ids[x + 1:]:
            da, db = candidates[by_doc[a][0]].doc, candidates[by_doc[b][0]].doc
            for span_a, span_b in changes(da.text, db.text):
                ka = _holding(candidates, by_doc[a], span_a)
                kb = _holding(candidates, by_doc[b], span_b)
                if ka is None or kb is None:
                    continue
                sides = [(ka, span_a), (kb, span_b)]
                held = [read_on.get((candidates[k].doc.doc_id, candidates[k].span.start))
                        for k, _ in sides]
                local = [(s - candidates[k].span.start, e - candidates[k].span.start)
                         for k, (s, e) in sides]
                anchored = any(r is not None and _value_within(r, span)
                               for r, span in zip(held, local, strict=True))
                context = _context(candidates[ka], whole=True) | _context(
                    candidates[kb], whole=True)
                shares = [_on_the_question(q, docs[k], context, names, kind) for k, _ in sides]
                if not anchored and not all(
                        share is not None and _of_the_kind_asked(q, docs[k], span)
                        for (k, _), span, share in zip(sides, local, shares, strict=True)):
                    continue
                pair: list[Reading] = []
                for (k, _), span, r, share in zip(sides, local, held, shares, strict=True):
                    if r is not None and _value_within(r, span):
                        pair.append(r)
                        continue
                    cand = candidates[k]
                    new = Reading(cand, docs[k], max(MIN_MATCH, share or 0.0))
                    new.value = _whole_words(q, cand.text, docs[k], span)
                    new.key = _value_key(q, new.value, new)
                    new.attribution = r.attribution if r else None
                    new.score = _score(new, 1.0)
                    if r is not None:
                        readings = [o for o in readings if o is not r]
                    pair.append(new)
                    added.append(new)
                # The two values stand or fall together, as strong as the best answer read:
                # the copies say what the documents dispute.
                best = max(o.score for o in (*readings, *added))
                for new in pair:
                    if new in added:
                        new.score = max(new.score, best)
    return readings + added if added else readings


def _holding(candidates: Sequence[Candidate], ks: list[int], span: tuple[int, int]
             ) -> int | None:
    """Which of these candidate sentences holds the character span of their document."""
    return next((k for k in ks if candidates[k].span.start <= span[0]
                 and span[1] <= candidates[k].span.end), None)


def _value_within(r: Reading, span: tuple[int, int]) -> bool:
    """Does the reading's answer overlap the span (offsets in its sentence)?"""
    at = r.candidate.text.find(r.value or "\0")
    return at >= 0 and at < span[1] and span[0] < at + len(r.value or "")


def _on_the_question(q: Question, doc: Any, context: set[str], names: set[str], kind: str
                     ) -> float | None:
    """The sentence's share of the question's words, its page's names counted, when it holds
    a word of the question (or names the kind asked: "the River Sarrow" for "Which river
    ...?") and it or its page every name asked; else None."""
    share, matched, _ = _match(q, doc, context)
    held = {stem(t.lower_) for t in doc} | context
    named = bool(kind) and stem(kind) in {stem(t.lemma_.lower()) for t in doc}
    # ("What party does Marcoux belong to?" has no word but the name: the page is the topic.)
    only_names = all(w in q.proper for w in q.focus)
    if (matched or named or only_names) and all(
            s in held or any(_derived(s, h) for h in held) for s in names):
        return share
    return None


def _whole_words(q: Question, text: str, doc: Any, span: tuple[int, int]) -> str:
    """The changed words of the sentence ``text``, widened to the name or date they are part
    of, or for a description to its noun phrase ("yellow" in "the yellow lantern banksia")."""
    start, end = span
    for ent in doc.noun_chunks if q.expects in _DESCRIBED | {"ROLE"} else doc.ents:
        if ent.start_char < end and start < ent.end_char:
            start, end = min(start, ent.start_char), max(end, ent.end_char)
    return text[start:end]


def _one_fact_changed(a: Sequence[str], b: Sequence[str], least: int = COPY_WORDS) -> bool:
    """Is one sentence the other with one fact changed: long, and different in at most two
    places of a few words each? A form filled in for two places ("there were 2,104 people,
    787 households ... in the city" / "2,051 people, 697 households ... in the township")
    differs in several, or in a longer stretch."""
    if len(set(a) & set(b)) < least:
        return False
    changes = [(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in
               SequenceMatcher(None, a, b, autojunk=False).get_opcodes() if op != "equal"]
    return len(changes) <= 2 and all(max(n) <= 3 for n in changes)


_TOWNS = frozenset(["city", "town", "village", "capital"])
# A country's parts, named beside the word for them ("the Kessa Valley region", "the
# province of Dask"): asked by that word, the name it goes with answers, not the country.
_DIVISIONS = frozenset(["region", "province", "county", "state", "district", "department",
                        "municipality", "parish", "territory", "canton", "prefecture"])
_COUNTRIES = frozenset(["country", "nation"])


def _division_named(kind: str, doc: Any, matched: Collection[int]) -> str | None:
    """The name a sentence gives a country's part of the kind asked: "Brenn County", "the
    Kessa Valley region" (not the country "of Osmaria" it is in), "the province of Dask"."""
    kin = _terms(kind)
    for head in doc:
        if stem(head.lemma_.lower()) not in kin or head.pos_ not in ("NOUN", "PROPN"):
            continue
        name = [t for t in head.lefts if t.dep_ in ("compound", "amod") and t.pos_ == "PROPN"]
        if name and not any(t.i in matched for t in name):
            start = min(t.left_edge.i for t in name)
            end = head.i + 1 if head.pos_ == "PROPN" else head.i  # "Brenn County"
            if is_country(doc[start : head.i + 1].text):
                continue  # "the United States": a country, not one of its states
            return doc[start:end].text
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        place = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        if place is not None and place.pos_ == "PROPN" and place.i not in matched:
            return doc[place.left_edge.i : place.i + 1].text
    return None


def _of_the_kind(q: Question, readings: list[Reading]) -> list[Reading]:
    """"In which country ...?" is answered by a country where one is given ("Tunisia", not
    "Istanbul"); "Which city ...?" never by a country."""
    if q.place_kind in _COUNTRIES and any(is_country(r.value or "") for r in readings):
        return [r for r in readings if is_country(r.value or "")]
    if q.place_kind in _TOWNS:
        return [r for r in readings if not is_country(r.value or "")]
    return readings


# Nouns for a share or side of anything, or for a class of things ("Which part of the
# government ...?", "which parties ...?", "What genre ...?"): what answers them seldom says
# the word ("a dream-pop album").
_GENERAL_KINDS = frozenset("part party side group body branch genre style type kind sort "
                           "category class form medium field gender "
                           # what one thinks or says: a clause ("thought the U.S. was ...")
                           "idea belief view notion thought opinion feeling hope fear claim "
                           "assumption".split())
# Nouns made of verbs or adjectives ("impression", "misunderstanding", "agreement"): what
# they ask is said in a clause ("came away with the sense that ..."), seldom by the noun.
_NOMINALISED = re.compile(r"(?:ion|ment|ness|ity|ance|ence|ship|ing|ism|cy)$")


def _said_in_clauses(kind: str) -> bool:
    """Is the kind asked about one a sentence need not name to answer ("Which part ...?",
    "What impression ...?"), unlike "Which hotel ...?"?"""
    return kind in _GENERAL_KINDS or bool(_NOMINALISED.search(kind))


def _kind_named(q: Question, about: list[Reading]) -> bool:
    """Does a sentence say the word of the kind asked about ("the State Department" for
    "Which department ...?")?"""
    kin = _terms(q.attribute)
    return any(stem(t.lemma_.lower()) in kin or stem(t.lower_) in kin for r in about for t in r.doc)


def _whole_sentence(q: Question, unvalued: list[Reading]) -> Reading | None:
    """No sentence gives a value of the shape the question asks for, but one holds nearly
    all of its words ("What department is Feltman an assistant secretary in?"): that
    sentence, whole, is the answer the documents give, rather than none."""
    if q.form != "open" or q.expects not in _DESCRIBED:
        return None
    # Held by the sentence itself: names its title or paragraph gives do not count here.
    close = [r for r in unvalued if _match(q, r.doc)[0] >= WHOLE_SENTENCE]
    if not close:
        return None
    best = max(close, key=lambda r: (r.match, r.candidate.cosine))
    best.value = best.candidate.text.strip()
    best.key = "t:" + " ".join(stem(w) for w in words(best.value))
    best.score = _score(best, 0.0)
    return best


# What a sentence can answer in other words than the question's: a description or a manner;
# never a name, a date, a place or a number, which a close sentence may give of something
# else ("When will they meet again?": "they met on July 16"), nor a reason, which a close
# sentence may leave out ("Why was the bridge closed?": "it has been closed since May").
_DESCRIBED_IN_OTHER_WORDS = _DESCRIBED | {"MANNER"}


def _closest(q: Question, candidates: Sequence[Candidate], docs: Sequence[Any],
             matches: Sequence[tuple[float, set[int], bool]]) -> Reading | None:
    """No sentence gives an answer of the shape asked, in the question's words, but one
    says it in other words ("What is NATO trying to push Qaddafi into doing?": "NATO is
    leading an air campaign ... to pressure Qaddafi to step down"): the sentence closest in
    meaning, whole, if it is very close, has a word of the question, and names whom the
    question names."""
    if q.form != "open" or q.expects not in _DESCRIBED_IN_OTHER_WORDS:
        return None
    close = [(c, d, m) for c, d, m in zip(candidates, docs, matches, strict=True)
             if (m[2] or _names_all(q, d, m[1])) and any(i >= 0 for i in m[1])
             and c.cosine >= (CLOSE_IN_MEANING if _common_word(q, d, m[1]) else CLOSE_BY_NAMES)
             and not _about_another(q, d, m[1]) and not _another_person(q, d)]
    if not close:
        return None
    cand, doc, (share, matched, _) = max(close, key=lambda x: x[0].cosine)
    value = cand.text.strip()
    r = Reading(cand, doc, share, matched, value=value)
    r.key = "t:" + " ".join(stem(w) for w in words(value))
    r.score = _score(r, 0.0)
    return r


def _names_all(q: Question, doc: Any, matched: set[int]) -> bool:
    """Does the sentence itself name every name the question does (or a word formed
    from it: "Libyan" for "Libya")?"""
    held = {stem(doc[i].lower_) for i in matched if i >= 0}
    return all(any(s == stem(w) or _derived(stem(w), s) for s in held) for w in q.proper)


def _common_word(q: Question, doc: Any, matched: set[int]) -> bool:
    """Does the sentence hold a word of the question besides its names?"""
    names = {stem(w) for w in q.proper}
    return any(i >= 0 and stem(doc[i].lower_) not in names and doc[i].pos_ != "PROPN"
               for i in matched)


def _near_topic(q: Question, candidates: Sequence[Candidate],
                embed: Callable[[list[str]], Any] | None) -> dict[int, float]:
    """"What did the spokesman say about the future?": where none of the party's statements
    has the topic's words, the ones close to it in meaning ("We want to move forward all the
    time") are what the party says of it (whose words they are is checked as for any)."""
    # (read without its names, which make any sentence naming them close: "the closed
    # Ostrevian consulate" is not near "Every Ostrevian worker deserves a fair wage")
    topic = " ".join(w for w in q.topic.split()
                     if re.sub(r"['\u2019]s$", "", w.lower()) not in q.proper)
    if not (q.form == "says" and q.speaker and words(topic) and embed is not None):
        return {}
    vectors = np.asarray(embed([topic, *(c.text for c in candidates)]), dtype=float)
    close = (vectors[1:] @ vectors[0]).tolist()
    return {k: v for k, v in enumerate(close) if v >= TOPIC_CLOSE}


def _score(r: Reading, fit: float) -> float:
    """How well a reading answers: its share of the question's words, its closeness in
    meaning, and how well its value fits the words asked about."""
    return 0.7 * r.match + 0.2 * max(r.candidate.cosine, 0.0) + 0.1 * fit


def _read_names(q: Question, candidates: Sequence[Candidate], docs: Sequence[Any],
                parse: Callable[[list[str]], list[Any]]) -> list[Reading]:
    """Sentences that write out the name asked about: what a short form stands for, or a
    person's name in full (``bot.engine.names``)."""
    asked = set(q.focus)
    readings: list[Reading] = []
    for cand, doc in zip(candidates, docs, strict=True):
        described = False
        if q.short_form:
            run = spelled_out(q.short_form, doc)
            found = (doc[run[0] : run[-1] + 1].text, run) if run else None
            if run and not q.predicate:
                # "What is the TNC?" asks what it is: the name in full, and what the
                # sentence says it is beside it ("..., the rebel governing group")
                found = _with_apposition(doc[run[0] : run[-1] + 1], run)
                described = len(found[1]) > len(run)
        else:
            found = name_part(q.name_part, asked, doc)
        if found is None:
            continue
        value, tokens = found
        # (one that also says what the thing is answers "What is ...?" best)
        readings.append(_written_out(cand, doc, value, tokens, parse, 0.1 if described else 0.0))
    return readings


def _read_rulers(q: Question, candidates: Sequence[Candidate], docs: Sequence[Any],
                 parse: Callable[[list[str]], list[Any]]) -> list[Reading]:
    """"Who rules Libya?": the person the documents name the country's government after
    ("Muammar Qaddafi's government", "Qaddafi Regime"), where they say whose it is."""
    readings: list[Reading] = []
    for cand, doc in zip(candidates, docs, strict=True):
        named = sorted(i for i, land in governments_of(doc).items() if doc[i].pos_ == "PROPN"
                       and q.ruler_of in (land, ONE_GOVERNMENT))
        if not named:
            continue
        readings.append(_written_out(cand, doc, doc[named[0] : named[-1] + 1].text, named, parse))
    return readings


def _written_out(cand: Candidate, doc: Any, value: str, tokens: Collection[int],
                 parse: Callable[[list[str]], list[Any]], bonus: float = 0.0) -> Reading:
    """A reading of a value the sentence writes out whole (a name in full, a ruler), ranked
    by the sentence's closeness to the question."""
    r = Reading(cand, doc, 1.0, set(tokens), value=value, key="t:" + " ".join(words(value)))
    r.attribution = speaker_of(cand, doc, r.matched, parse)
    r.score = 0.8 + 0.2 * max(cand.cosine, 0.0) + bonus
    return r


def _with_apposition(name: Any, run: list[int]) -> tuple[str, list[int]]:
    """A name written out, with the noun phrase set beside it that says what it is."""
    doc = name.doc
    beside = next((c for c in name.root.children if c.dep_ == "appos" and c.i > name.end
                   and c.pos_ == "NOUN"), None)
    if beside is None:
        return name.text, run
    end = beside.right_edge.i + 1
    return f"{name.text}, {doc[beside.left_edge.i : end].text}", [*run, *range(name.end, end)]


_TELLS = frozenset(["tell", "say", "repeat", "reiterate", "stress", "explain", "convey"])
_THAT = frozenset(["that", "this", "so"])


def _refers_back(q: Question, doc: Any) -> str | None:
    """Does the party asked about say "that" / "this" / "so" here: words of the sentence
    before? "that" is a pronoun, not the start of a clause, when a preposition, a
    conjunction or the end follows it ("told Libyans that during the meeting")."""
    for tok in doc:
        if tok.lower_ not in _THAT or tok.i == 0:
            continue
        after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if after is not None and after.pos_ not in ("ADP", "CCONJ", "PUNCT", "ADV"):
            continue
        verbs = [t for t in doc[max(0, tok.i - 4) : tok.i] if t.lemma_ in _TELLS]
        if not verbs:
            continue
        for c in verbs[-1].children:
            teller = " ".join(t.text for t in c.subtree) if c.dep_ == "nsubj" else ""
            if teller and _names_party(q, teller):
                return teller
    return None


def _joined_clause(doc: Any, matched: Collection[int]) -> Any | None:
    """The clause joined to a telling that holds the words asked about ("... and came away
    with the sense that their message was understood"): its highest verb below the telling
    ("came"), or None where the words are the telling's own. That clause answers, not the
    sentence before."""
    for i in sorted(matched):
        tok, top = doc[i], None
        while tok.head.i != tok.i and tok.lemma_ not in _TELLS:
            if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass"):
                top = tok
            tok = tok.head
        if top is not None and top.lemma_ not in _TELLS:
            return top
    return None


def _clause_span(cand: Candidate, doc: Any, verb: Any) -> Span:
    """Where a verb's clause is in its document, from its own subject if it has one ("came
    away with the sense that ..." of "... told Libyans that ... and came away ...")."""
    first = min([verb.i] + [c.left_edge.i for c in verb.children
                            if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i])
    last = doc[verb.right_edge.i]
    return Span(cand.span.start + doc[first].idx, cand.span.start + last.idx + len(last))


# Nouns for a party's own sense of a thing: "came away with the sense that ..."
_SENSE_NOUNS = frozenset(["sense", "impression", "feeling", "belief", "view", "conviction"])


def _senses(doc: Any) -> set[int]:
    """The words of a sentence that name a party's own sense of a thing."""
    return {t.i for t in doc if t.pos_ == "NOUN" and t.lemma_.lower() in _SENSE_NOUNS}


def _sentence_before(r: Reading, parse: Callable[[list[str]], list[Any]]) -> Reading | None:
    """The same reading on the sentence before, in the same paragraph (what "that" stands for)."""
    cand = r.candidate
    previous, at = previous_sentence(cand, paragraph_before(cand))
    if not previous:
        return None
    earlier = replace(cand, span=Span(at, at + len(previous)))
    doc = parse([previous])[0]
    said = attribute(doc, at, cand.doc.text)
    if not said.speaker or said.content is None:  # the sentence before is the telling's own
        said = replace(r.attribution or Attribution(None), content=earlier.span)
    return Reading(earlier, doc, r.match, set(), attribution=said)


def _noun_counted(doc: Any, end: int, width: int) -> tuple[Any, list[Any]] | None:
    """The noun a number ending at ``end`` counts, within ``width`` words and with no verb or
    preposition before it ("37 reports", "three senior U.S. officials"), and the words
    between."""
    after = [t for t in doc if t.idx >= end][:width]
    noun = next((t for t in after if t.pos_ == "NOUN"), None)
    if noun is None or any(t.pos_ in ("VERB", "AUX", "ADP") for t in after[: after.index(noun)]):
        return None
    return noun, after[: after.index(noun)]


def _counts_asked(q: Question, doc: Any, end: int) -> bool | None:
    """Is the noun right after a number ("37 reports") the one the question counts? A verb
    of the counted word counts it too: "will seat 18,500 spectators" gives the seats."""
    found = _noun_counted(doc, end, 3)
    if found is None:
        return None
    noun = found[0]
    counted = stem(q.counted)
    verb = noun.head if noun.dep_ in ("dobj", "obj") else None
    if q.counted in _PEOPLE and names_people(noun.lemma_.lower()):
        return True  # ("how many people": "three senior officials")
    return stem(noun.lemma_.lower()) == counted or (
        verb is not None and verb.pos_ == "VERB" and stem(verb.lemma_.lower()) == counted
    )


def _listed_with_asked(q: Question, ent: Any, matched: set[int]) -> bool:
    """Is the name one of a list that the name asked about heads?"""
    tok, listed = ent.root, False
    while tok.dep_ in ("conj", "appos") and tok.head.i != tok.i:
        listed = listed or tok.dep_ == "conj"
        tok = tok.head
        if listed and tok.i in matched and tok.pos_ == "PROPN" and tok.lemma_.lower() in q.proper:
            return True
    return False


def _title_case_headline(cand: Candidate) -> bool:
    """Is the sentence a headline in title case, whose capitals name nothing?"""
    return is_headline(cand) and title_cased(cand.text)


def _stranded_object(q: Question, r: Reading) -> str | None:
    """"What language does RSK broadcast in?" - "broadcasts mostly in Lathen": the name the
    question's last preposition takes on the deed asked about."""
    if not q.stranded:
        return None
    for i in r.matched:
        verb = r.doc[i] if i >= 0 else None
        if verb is None or verb.pos_ != "VERB":
            continue
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ == q.stranded:
                name = next((o for o in prep.children if o.dep_ == "pobj"), None)
                if name is not None and name.pos_ == "PROPN" and name.i not in r.matched:
                    first = min([name.i, *(c.i for c in name.lefts if c.dep_ == "compound")])
                    return r.doc[first : name.i + 1].text
    return None


def _known_for(q: Question, doc: Any) -> str | None:
    """"What is X known for / made of?": what the sentence's own verb of the question ("known
    for stained glass", "made of bronze") takes with the question's preposition."""
    if not q.stranded or not q.predicate or stem(q.predicate) not in _QUALITY_VERBS or q.person:
        return None  # (what a person is known for is what she is: her description)
    for verb in doc:
        if verb.pos_ != "VERB" or stem(verb.lemma_.lower()) != stem(q.predicate):
            continue
        for prep in verb.children:
            obj = next((o for o in prep.children if o.dep_ == "pobj"), None) \
                if prep.dep_ == "prep" and prep.lower_ == q.stranded else None
            if obj is not None and obj.pos_ in ("NOUN", "PROPN") and not in_question(obj.text, q):
                return _trim(list(obj.subtree)) or None
    return None


# Verbs whose stranded preposition takes what a thing is or is known for, named or not
_QUALITY_VERBS = frozenset(stem(w) for w in "know make build construct cast carve".split())


def _done_at(occasion: Any) -> bool:
    """Is the occasion where a deed was done ("joined ... at the Istanbul meeting")?"""
    return occasion.dep_ == "pobj" and occasion.head.lower_ in ("at", "during")


def _names_occasion_done_at(ent: Any) -> bool:
    """"at the Istanbul meeting": a place naming the occasion a deed was done at says where
    it was done (not where another meeting asked about was held)."""
    return ent.root.dep_ == "compound" and ent.root.head.lemma_.lower() in _OCCASIONS \
        and _done_at(ent.root.head)


def _counts_other_ones(q: Question, doc: Any, end: int) -> bool:
    """Does the number ending at ``end`` count something other than what is asked? Things of
    another kind ("more than 30 other nations" counts no officials, nor times), or another
    party's people ("three senior U.S. officials" counts no TNC officials; two names of one
    country or body still agree)."""
    found = _noun_counted(doc, end, 4)
    if found is None:
        return False
    noun, between = found
    asked, counted = kind_of_noun(q.counted), kind_of_noun(noun.lemma_.lower())
    if asked and counted and asked != counted:
        return True  # ("more than 30 other nations" counts no times they met either)
    names = party_words(between)
    return bool(names and q.counted_of) and not any(
        a.lower() == b.lower() or same_entity(a, b) for a in names for b in q.counted_of)


def _kind_phrases(r: Reading) -> list[Any]:
    """Words of a sentence that could name a kind of thing (nouns, names, adjectives outside
    the question's words), and the compound each heads ("ice hockey", "American football")."""
    out = []
    for t in r.doc:
        if t.i in r.matched or not t.is_alpha or len(t) < 3 or t.is_stop:
            continue
        if t.pos_ == "VERB":  # "deciding to recognize ...": what was decided
            out.append(r.doc[t.i : t.i + 1])
            continue
        if t.pos_ not in ("NOUN", "PROPN", "ADJ"):
            continue
        out.append(r.doc[t.i : t.i + 1])
        prev = r.doc[t.i - 1] if t.i > 0 else None
        if prev is not None and prev.head.i == t.i and prev.dep_ in ("compound", "amod") and (
            prev.is_alpha and prev.i not in r.matched and not prev.is_stop
        ):
            out.append(r.doc[t.i - 1 : t.i + 1])
    return out


def _kind_fits(q: Question, kinds: Sequence[list[Any]], embed: Callable[[list[str]], Any]
               ) -> dict[str, float]:
    """How close each candidate word (of each sentence's kind phrases) is in meaning to the
    kind asked about ("football" to "sport"), by the cosine of their vectors."""
    asked = stem(q.attribute)
    texts = sorted({p.text.lower() for phrases in kinds for p in phrases
                    if asked not in {stem(t.lower_) for t in p}})  # not the kind's own name
    if not texts:
        return {}
    # "footballer", "violinist": the one who plays it is read as what is played.
    bases = [_AGENT.sub("", t) for t in texts]
    vectors = np.asarray(embed([q.attribute, *texts, *bases]), dtype=float)
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)
    sims = vectors[1:] @ vectors[0]
    n = len(texts)
    # A near-synonym of the kind's word names one ("summit" for a gathering), and so does a
    # word for what those who take part in it are ("a squash player", "the hurling clubs":
    # the small model does not place "squash" or "hurling" near "sport").
    synonyms = _terms(q.attribute) - {asked}
    takers = _TAKE_PART.get(asked, frozenset())
    # (A word that ranks or places them is not one: "the second team", "an international
    # competition".)
    taken = {p[0].lower_ for phrases in kinds for p in phrases
             if len(p) == 2 and p[1].lower_ in takers and p[0].is_lower
             and not _ranks(p[0])}
    # (... or the word alone, where the parse kept it apart: "a Lusmondish squash player")
    taken |= {p[0].lower_ for phrases in kinds for p in phrases
              if len(p) == 1 and p[0].head.lower_ in takers and p[0].i + 1 == p[0].head.i
              and p[0].is_lower and not _ranks(p[0])}
    # Those who take part, and their contests, are not kinds of it: "athletes", "games" are
    # near "sport" in meaning, and are no sport.
    return {t: 1.0 if stem(t.split()[-1]) in synonyms or t in taken
            else 0.0 if t in takers
            else float(max(sims[i], sims[n + i])) for i, t in enumerate(texts)}


# Adjectives of rank, reach or standing ("international", "professional", "senior", "former");
# the tagger also calls some names of sports adjectives ("the lacrosse clubs").
_RANKING = re.compile(r"(?:al|ic|ive|ous|ary|ior|er|ful|less|able|ible|ern|ed)$")


def _ranks(word: Any) -> bool:
    """Does a word qualifying those who take part rank or place them, not name what they do?"""
    # ("the retired coach", "the most experienced athlete": what they are, not what they do)
    # ("the world championships", "the national league": how far the contest reaches; a
    # lower-case word the tagger took for a name is read as the adjective it is)
    return word.ent_type_ in ("ORDINAL", "CARDINAL") or word.pos_ in ("NUM", "ADV") or (
        word.tag_ in ("VBN", "VBD")) or word.lower_ in _REACH or (
        (word.pos_ == "ADJ" or (word.pos_ == "PROPN" and word.is_lower)) and (
            word.tag_ in ("JJR", "JJS") or bool(_RANKING.search(word.lower_))))


# How far a contest reaches, which says nothing of what is played in it.
_REACH = frozenset("world national international continental regional county state district "
                   "local global".split())


# Those who take part in a kind of thing, and their contests, which a word of the kind
# qualifies ("a squash player", "the hurling clubs").
_TAKE_PART = {stem("sport"): frozenset("player players club clubs team teams league leagues "
                                       "competition competitions championship championships "
                                       "tournament tournaments coach coaches umpire referee "
                                       "athlete athletes game games match matches "
                                       "specialist specialists champion champions".split())}


_AGENT = re.compile(r"(?<=\w{4})(?:er|ist)$")


def _only_the_kind(q: Question, value: str) -> bool:
    """Does the value say no more than the kind asked for ("other nations" for "which
    countries")?"""
    kin = _terms(q.attribute)
    said = [w for w in words(value) if w not in _ARTICLES and w not in _HOW_MANY
            and number(w) is None]
    return bool(said) and all(stem(w) in kin for w in said)


# Words that say how many or which of a kind, naming none ("more than 30 other nations").
_HOW_MANY = frozenset("other others some many several more most less fewer than about over "
                      "under nearly almost all both".split())


def _kind_value(phrases: list[Any], fits: dict[str, float], matched: Collection[int] = ()
                ) -> tuple[str | None, float]:
    """The word of the sentence that best names a kind of what is asked, if one is close; of
    words about as close, the one said of the words asked ("a plain yellow field with a red
    anchor": the flag is yellow)."""
    def fit(p: Any) -> float:
        return fits.get(p.text.lower(), 0.0)

    def near(p: Any) -> int:
        asked = [p.doc[i] for i in matched if i >= 0]
        return min((_tree_distance(p.root, a) for a in asked), default=0)

    # A word naming the kind; failing that, a verb saying it ("deciding" for a decision).
    # (A verb that modifies a noun is a word for it: "the hurling clubs", "a squash player".)
    def naming(p: Any) -> bool:
        return p.root.pos_ != "VERB" or p.root.dep_ == "amod"

    named = [p for p in phrases if naming(p) and fit(p) >= KIND_FIT]
    said = [p for p in phrases if not naming(p) and fit(p) >= KIND_FIT]
    best = max(named or said, key=lambda p: (fit(p), len(p)), default=None)
    if best is None:
        return None, 0.0
    alike = [p for p in (named or said) if fit(p) >= fit(best) - _ALIKE_FIT]
    best = min(alike, key=lambda p: (near(p), -fit(p), -len(p)))
    root, doc = best.root, best.doc
    if not naming(best):
        what = next((c for c in root.children if c.dep_ in ("xcomp", "ccomp", "dobj")), None)
        return (_trim(list(what.subtree)) or None, 1.0) if what is not None else (None, 0.0)
    # "the Libya Contact Group meeting": the name the kind's word ends.
    start = best.start
    while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i in range(
        start, root.i + 1
    ):
        start -= 1
    return doc[start : best.end].text, 1.0


def _attribute_tokens(attribute: str, doc: Any) -> set[int]:
    """Tokens that name the measure asked about, or a word for it ("people" for population)."""
    terms = _terms(attribute)
    return {t.i for t in doc if stem(t.lemma_.lower()) in terms or stem(t.lower_) in terms}


def _speaks(q: Question, att: Attribution | None) -> bool:
    """Is this sentence a statement by the party asked about (or by anyone, for "both sides")?"""
    if att is None or not att.speaker or att.content is None:
        return False
    return _names_party(q, f"{att.speaker} {att.organisation or ''}")


def _in_post(att: Attribution | None, doc: Any, posts: list[tuple[str, ...]]) -> bool:
    """Is this statement by the person asked about, named by the post the document gives
    him elsewhere ("a Libyan government spokesman" for "Moussa Ibrahim")?"""
    if not posts or att is None or att.content is None or not att.speaker:
        return False
    return any(holds_post(posts, who) for who in [att.speaker, *speakers(doc)])


def _reports(q: Question, doc: Any) -> bool:
    """Does the party asked about report this sentence ("..., the AP reported")?"""
    asked = q.speaker or ""
    return any(_names_party(q, who) or any(initials(w, asked) for w in who.split())
               or any(initials(w, who) for w in asked.split())  # "the AP": the Associated Press
               for who in reporters(doc))


def _names_party(q: Question, said_text: str) -> bool:
    """Do these words (a speaker and organisation) name the party asked about (anyone, for
    "both sides")?"""
    if q.speaker is None:
        return True
    spoken = words(q.speaker)
    if not spoken:  # "the mayor": a party asked by its title alone
        return bool(_title_words(q.speaker) & _title_words(said_text))
    # "Tripoli" asked, "the Libyan spokesman" speaks: a capital speaks for its country.
    asked_keys = {canonical(w) for w in [q.speaker, *spoken, *q.speaker.split()]} - {None}
    # (as written: "U.S." is the country, its folded "us" a pronoun)
    said_keys = ({canonical(w) for w in [*words(said_text), *said_text.split()]} - {None}) | \
        governed_by(said_text)
    if asked_keys & said_keys or governed_by(said_text) & {w.lower() for w in spoken}:
        return True  # (the second: a ruler's government, of a country the table lacks)
    if asked_keys and said_keys:
        return False  # "the U.S. spokesman" is not "a Libyan government spokesman"
    asked = {stem(w) for w in spoken} - {"side", "offici"}
    said = {stem(w) for w in words(said_text)}
    # (a word for the speaker's role stands for its near-synonyms: "mouthpiece", "spokesman")
    roles = {r for w in spoken if w.lower() in ROLE_NOUNS for r in related(stem(w))}
    if (asked | roles) & said or any(_spelling_of(a, s) for a in asked for s in said):
        return True  # (a name spelled another way is the same name: "Gaddafi's government")
    if asked & _RULERS and said & _RULERS:
        return True  # "the regime" asked, "a Libyan government spokesman" speaks
    # "Libya" asked, "a Libyan government spokesman" speaks: compare the first letters.
    return any(a[:4] == s[:4] for a in asked for s in said if len(a) >= 4 and len(s) >= 4)


# Words for who governs, which name one party whatever the speaker thinks of it.
_RULERS = frozenset(stem(w) for w in GOVERNMENT_NOUNS)


def _title_words(text: str) -> set[str]:
    return {stem(w) for w in re.findall(r"[a-z]+", text.lower())} - _ARTICLES


def _ways_held(q: Question, readings: list[Reading]) -> list[Reading]:
    """"How were the talks held?", "How did the officials meet the Libyans?": the way a
    sentence says a meeting was held or kept ("face-to-face talks", "a secret meeting"),
    where any does; the sentences as they are otherwise."""
    held = []
    for r in readings:
        way = next(iter(_HELD_OR_KEPT_AS.finditer(r.doc.text)), None)
        if way is not None:
            held.append(r)
            r.value = way.group(0)
            r.key = _value_key(q, r.value, r)
    return held or readings


def _deed_words(doc: Any, matched: set[int]) -> set[int]:
    """The matched words that tell the deed asked about and those who did it ("held talks",
    "diplomats"), not the names of those a clause is about ("... thought the U.S. was
    prepared to see a role for Qaddafi in Libya"); all matched words when only names are."""
    common = {i for i in matched if i >= 0 and doc[i].pos_ != "PROPN"
              and doc[i].ent_type_ not in ("GPE", "NORP", "PERSON", "ORG")}
    return common or matched


def _names_topic(q: Question, r: Reading) -> bool:
    """Does the sentence itself name what the question asks a party's words about, every
    word of its name ("National Security Council" is not the Transitional National one)?"""
    said = {stem(r.doc[i].lower_) for i in r.matched if i >= 0}
    return all(any(s == stem(w) or _derived(stem(w), s) for s in said) for w in _topic_names(q))


def _topic_names(q: Question) -> list[str]:
    """The names of a topic asked about that are not a country: a country ("relations
    between the U.S. and Libya", "the Tunisia meeting") says whose or where, which a
    statement may leave to the rest of the document."""
    return [w for w in q.proper if country_asked(w) is None]


def _named(q: Question, r: Reading) -> bool:
    """Is the party asked about named by more than its country ("the U.S. diplomats" by
    "U.S. diplomats told ...", not by "a U.S. official said")?"""
    if not q.speaker:
        return False
    att = r.attribution
    said = r.teller or (f"{att.speaker or ''} {att.organisation or ''}" if att else "")
    asked = {stem(w) for w in words(q.speaker) if country_asked(w) is None} - {"side", "offici"}
    return bool(asked & {stem(w) for w in words(said)})


def stated_parts(value: str | None) -> int:
    """How many of year, month and day a date answer states itself."""
    d = date(value or "")
    return 0 if d is None else sum(part != "*" and part.isdigit() for part in d)


def maker_of_a_work(q: Question) -> bool:
    """Does the question ask who made a work it names by its title? Many works share a title,
    and who made one is what tells it from the others."""
    makers = {stem(w) for w in q.focus} & (set(_MAKER_INDEX) | _PERFORMERS)
    return q.titled and q.expects in ("PERSON", "ORG") and bool(
        makers or (q.predicate and stem(q.predicate) in _MAKING_DEEDS))


def shares_most_words(wa: set[str], wb: set[str]) -> bool:
    """Do two word sets have most of their words in common (a copy with one fact changed)?"""
    return bool(wa and wb) and len(wa & wb) / len(wa | wb) >= NEAR_COPY


@lru_cache(maxsize=1024)
def near_copy_texts(a: str, b: str) -> bool:
    """Two texts that share most of their words."""
    return shares_most_words(set(words(a)), set(words(b)))


__all__ = ["Reading", "read"]
