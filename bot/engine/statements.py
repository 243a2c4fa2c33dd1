"""Yes/no question -> statement: "Did the U.S. close its embassy?" -> "The U.S. closed its
embassy"."""

from __future__ import annotations

import re
from typing import Any

from bot.engine.lexicon import EVENTS, IRREGULAR_PAST
from bot.engine.membership import one_of
from bot.engine.nlp import Parser
from retrieval.text import stem


def _bare(aux: str) -> str:
    """An auxiliary without its "n't": "didn't" -> "did", "won't" -> "will", "can't" -> "can"."""
    word = aux.replace("n't", "").replace("n’t", "")
    return {"wo": "will", "ca": "can", "sha": "shall"}.get(word, word)


def _past(lemma: str) -> str:
    if lemma in IRREGULAR_PAST:
        return IRREGULAR_PAST[lemma]
    if lemma.endswith("e"):
        return lemma + "d"
    if re.search(r"[^aeiou]y$", lemma):
        return lemma[:-1] + "ied"
    if re.fullmatch(r"[^aeiou]*[aeiou][^aeiouwxy]", lemma):  # stop -> stopped
        return lemma + lemma[-1] + "ed"
    return lemma + "ed"


def _third_person(lemma: str) -> str:
    special = {"be": "is", "have": "has", "do": "does"}
    if lemma in special:
        return special[lemma]
    if re.search(r"(?:s|sh|ch|x|z|o)$", lemma):
        return lemma + "es"
    if re.search(r"[^aeiou]y$", lemma):
        return lemma[:-1] + "ies"
    return lemma + "s"


def _conjugated(aux: str, lemma: str) -> str:
    """The verb a "did" / "does" / "do" question asks about, in the statement's tense."""
    return _past(lemma) if aux == "did" else _third_person(lemma) if aux == "does" else lemma


def _subject(doc: Any, head: Any) -> Any | None:
    for tok in head.children:
        if tok.dep_ in ("nsubj", "nsubjpass", "expl"):
            return tok
    return None


def _subject_end(subj: Any, inverted_be: bool) -> Any:
    """Last token of the subject phrase.

    After an inverted "was"/"is", the parser often hangs the predicate participle on the
    subject as a reduced relative ("Was [the meeting held] on July 20?"): that participle
    is what the question asks, so the subject stops before it.
    """
    if not inverted_be:
        return subj.right_edge
    doc = subj.doc
    for tok in subj.subtree:
        if tok.i > subj.i and tok.dep_ == "acl" and tok.tag_ in ("VBN", "VBG"):
            return doc[max(subj.i, tok.left_edge.i - 1)]
    words = [t for t in doc if not t.is_punct]
    preps = [c for c in subj.rights if c.dep_ == "prep"]
    if preps and words and subj.right_edge.i >= words[-1].i:
        # "Are [the workers on strike]?": with nothing after the subject, its last
        # prepositional phrase is the predicate.
        return doc[max(subj.i, preps[-1].i - 1)]
    return subj.right_edge


def declarative(question: str, parser: Parser) -> tuple[str, str | None]:
    """Turn a yes/no question into a statement; returns (text, subject text).

    The question's parse says where its subject ends. Where that parse shows signs of
    misreading (a noun read as a verb: "Was the Tunisia encounter ...", "Did the rebel
    council object ..."), each place for the subject's end is tried, and the first whose
    statement parses as that subject and its verb is taken.
    """
    doc = parser.parse(question)
    named = _named_occasion(doc)
    if named is not None:
        return named
    text, subject = _from_parse(question, parser)
    if subject is not None and not _misread(doc, text):
        return text, subject
    return _by_trial(question, parser) or (text, subject)


# Places, dates and peoples that name an occasion by where or when it was ("the Tunisia
# meeting", "the July 16 meeting").
_NAMING = frozenset(["GPE", "LOC", "FAC", "DATE", "NORP"])


def _named_occasion(doc: Any) -> tuple[str, str] | None:
    """"Was the Tunisia meeting a negotiation?": the parser reads "the Tunisia" as doing
    the meeting ("The Tunisia was meeting a negotiation"); a place or date between "the"
    and a word for an occasion names the occasion, which is the subject."""
    # (a negative question asks the fact: "Wasn't the Tunisia meeting ...?")
    the = 2 if len(doc) > 2 and doc[1].lower_ in _NEGATIONS else 1
    if len(doc) < the + 3 or doc[0].lower_ not in ("was", "is") or doc[the].lower_ != "the":
        return None
    end = next((t.i for t in doc[the + 1 :] if t.tag_ in ("VBG", "NN")), None)
    if end is None or end == the + 1 or stem(doc[end].lower_) not in EVENTS:
        return None
    if not all(t.ent_type_ in _NAMING or t.like_num for t in doc[the + 1 : end]):
        return None
    rest = doc[end + 1 :].text.strip()
    if not rest or rest[0] in "?.!":
        return None
    subject = doc[the : end + 1].text
    return f"{subject} {doc[0].lower_} {rest}", subject


def _misread(doc: Any, text: str) -> bool:
    """Signs that the question's parse put the subject's end in the wrong place: after "do"
    the verb is in its base form (not "talks" in "Did the meeting launch talks ..."); after
    an inverted "be" no other verb is finite; and a statement does not end on the verb that
    opened the question."""
    aux = doc[0]
    root = next((t for t in doc if t.dep_ == "ROOT"), aux)
    if aux.lemma_ == "do" and (root.i == aux.i or root.tag_ in ("VBG", "VBZ")
                               or root.tag_.startswith("NN")):
        return True
    if aux.lemma_ == "be" and root.i != aux.i and _bare_verb(root):
        return True
    if aux.lemma_ == "be" and root.tag_ == "VBG" and root.i + 1 < len(doc) and (
            doc[root.i + 1].dep_ == "neg"):
        return True  # "Was the Oslo meeting not ...": a "not" after it, so no verb
    if aux.lemma_ == "be" and root.i == aux.i and any(
            t.head.i == root.i and t.dep_ in ("xcomp", "dep") and _bare_verb(t) for t in doc):
        # "Is [the Tunisia] encounter the opening ...": a noun read as a finite verb
        # hanging on the inverted "is".
        return True
    if aux.lemma_ == "be" and any(_progressive(t) for t in doc[1:]):
        return True
    words = text.rstrip(" ?.").split()
    return len(words) > 2 and words[-1].lower() == _bare(aux.lower_)


def _progressive(tok: Any) -> bool:
    """"Were Washington and Tripoli bargaining in Tunisia?": an "-ing" word right after a
    name, with nothing that makes it a noun ("the", "its", an adjective), is the verb of
    the inverted "were", though the parser hangs the name on it as on a noun."""
    before = tok.doc[tok.i - 1] if tok.i > 1 else None
    return (tok.lower_.endswith("ing") and before is not None and before.tag_ == "NNP"
            and before.dep_ == "compound" and before.head.i == tok.i
            and not any(c.dep_ in ("det", "poss", "amod") for c in tok.children))


def _bare_verb(tok: Any) -> bool:
    """A finite present verb, or a base form without "to": no such verb follows an
    inverted "be" in a well-read question."""
    return tok.tag_ in ("VBP", "VBZ") or (
        tok.tag_ == "VB" and not any(c.tag_ == "TO" for c in tok.children))


# The last word of a subject is not one of these; the verb of a "did" question is not one of
# these either, nor a word ending in "-ing" or in the "-s" of "talks" (a base form follows
# "did").
_NOT_SUBJECT_END = frozenset(["DT", "IN", "CC", "TO", "PRP$", "POS", "WDT", "JJ", "JJR",
                              "JJS", "RB", "HYPH", ","])
_NOT_A_VERB = frozenset(["NNP", "NNPS", "DT", "IN", "PRP", "PRP$", "CD", "POS", "CC", "TO",
                         "WDT", "WP", "RB", "HYPH", ","])
_NEGATIONS = ("n't", "not", "n’t")
_MODIFIES_NEXT = frozenset(["amod", "nummod", "det", "poss", "quantmod"])


def _reads_as_statement(doc: Any, subject_end: int) -> bool:
    """Does the parse read the text before char ``subject_end`` as the subject of the verb
    (or auxiliary) that follows it?"""
    verb = next((t for t in doc if t.idx >= subject_end and not t.is_space), None)
    if verb is None:
        return False
    head = verb if verb.dep_ == "ROOT" else verb.head
    if head.dep_ != "ROOT" or (verb.i != head.i and verb.dep_ not in ("aux", "auxpass")):
        return False
    last = doc[verb.i - 1] if verb.i else None
    return any(
        c.dep_ in ("nsubj", "nsubjpass", "expl") and c.left_edge.i == 0 and last is not None
        and c.right_edge.i == last.i
        for c in head.children
    )


def _by_trial(question: str, parser: Parser) -> tuple[str, str] | None:
    """The first statement, trying where the subject ends word by word, that parses as that
    subject and its verb."""
    doc = parser.parse(question)
    aux = doc[0]
    if aux.lemma_ not in ("be", "do", "have") and aux.tag_ != "MD":
        return None
    words = [t for t in doc[1:] if not t.is_punct or t.i > 1]
    while words and words[0].lower_ in _NEGATIONS:
        words = words[1:]
    tries: list[tuple[str, str]] = []
    # A "did" question's verb is in its base form: a word tagged so is tried first, then a
    # noun the parse made the root, then other words the tagger may have taken for nouns.
    order = [k for k in range(1, len(words)) if words[k].tag_ in ("VB", "VBP")]
    order += [k for k in range(1, len(words)) if words[k].dep_ == "ROOT" and k not in order]
    order += [k for k in range(1, len(words)) if k not in order]
    for k in order if aux.lemma_ == "do" else range(1, len(words)):
        last, after = words[k - 1], words[k]
        names = last.tag_.startswith("NNP") and after.tag_.startswith("NNP")  # one name
        # ("Is the Weir Street pool ...?": after "be", a word the parse hangs on a noun after
        # it goes with it; after "do" the verb itself may be read as that noun)
        compound = (aux.lemma_ == "be" and last.dep_ == "compound" and last.head.i > last.i
                    and last.head.tag_.startswith("NN") and not _progressive(last.head))
        if (last.tag_ in _NOT_SUBJECT_END or last.dep_ in _MODIFIES_NEXT or names or compound
                or after.is_punct or after.tag_ == "CC"):  # "and Libya" goes on the subject
            continue
        subject = "".join(t.text_with_ws for t in words[:k]).strip()
        if aux.lemma_ == "do":
            past = after.tag_ in ("VBN", "VBD") and after.lower_ != after.lemma_.lower()
            if (after.tag_ in _NOT_A_VERB or past or after.tag_ in ("VBG", "VBZ", "NNS")
                    or after.lower_.endswith("ing") or not after.is_alpha):
                continue
            verb = _conjugated(_bare(aux.lower_), after.lemma_.lower())
            rest = "".join(t.text_with_ws for t in words[k + 1 :])
        else:
            if aux.lemma_ == "be" and after.tag_ in ("VB", "VBP", "VBZ", "VBD"):
                continue  # no finite verb follows "was" ("Was the Tunisia encounter ...")
            if aux.lemma_ == "be" and after.tag_ == "VBG" and k + 1 < len(words) and (
                    words[k + 1].lower_ in _NEGATIONS):
                continue  # nor "meeting not a ...": "meeting" is a noun there
            if aux.tag_ == "MD" and after.tag_ in _NOT_A_VERB:
                continue  # "will" goes with a verb
            verb = _bare(aux.lower_)
            rest = "".join(t.text_with_ws for t in words[k:])
        tries.append((f"{subject} {verb} {rest}".strip(), subject))
    parsed = parser.parse_many([t for t, _ in tries]) if tries else []
    for (text, subject), parse in zip(tries, parsed, strict=True):
        if _reads_as_statement(parse, len(subject)):
            return text, subject
    return None


def _from_parse(question: str, parser: Parser) -> tuple[str, str | None]:
    doc = parser.parse(question)
    if len(doc) < 2:
        return question, None
    first = doc[0]
    lower = _bare(first.lower_)
    root = next((t for t in doc if t.dep_ == "ROOT"), doc[0])
    subj = _subject(doc, root) or (_subject(doc, first) if first.i != root.i else None)
    if subj is None and first.i == root.i and first.lemma_ == "be":
        # "Was [the Libya Contact Group meeting] held in Ankara?": a long subject the parse
        # reads as the complement of the inverted "was".
        subj = next((c for c in first.children if c.dep_ == "attr"), None)
    if subj is None:
        return question, None
    left = subj.left_edge
    right = _subject_end(subj, first.lemma_ == "be" and first.i < left.i)
    if left.i <= first.i:
        return question, None
    one = next((t for t in doc[left.i + 1 : right.i + 1] if one_of(t)), None)
    if one is not None and first.lemma_ == "be":
        # "Was [the anonymous official] one of the diplomats ...?": "one of" begins what is
        # said of the subject, however the parse hung it.
        right = doc[one.i - 1]
    while right.i > left.i and right.lower_ in _NEGATIONS:
        # "Was [the meeting not] a negotiation?": the parse hung the "not" on the subject;
        # it denies the predicate, as in "Did X not go?".
        right = doc[right.i - 1]
    subj_text = doc[left.i : right.i + 1].text
    # Usually empty. "Didn't the U.S. close ...?" asks whether it closed: a negative
    # question leans towards yes, so its negation is not part of the claim.
    between = " ".join(
        t.text for t in doc[first.i + 1 : left.i] if t.lower_ not in _NEGATIONS
    )
    rest = doc[right.i + 1 :].text
    if lower in ("did", "does", "do") and root.pos_ in ("VERB", "AUX") and root.i > right.i:
        span = doc[right.i + 1 : root.i]
        middle = " ".join(t.text for t in span if t.dep_ != "neg")
        after = doc[root.i + 1 :].text
        verb = _conjugated(lower, root.lemma_)
        if any(t.dep_ == "neg" for t in span):  # "Did X not go?" claims X did not go
            verb = f"{lower} not {root.lemma_}"
        text = " ".join(p for p in (between, subj_text, middle, verb, after) if p)
    else:
        text = " ".join(p for p in (between, subj_text, lower, rest) if p)
    return text, subj_text
