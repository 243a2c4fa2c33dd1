"""Questions asked with the question word left in place: "Cretz is who?", "Chollet works for
which outfit?", "The meeting was held where?".

Readers type these as they would say them. The reading of open questions looks for the
question word at the front, so such a question is put in the usual order first: "Who is
Cretz?", "Which outfit does Chollet work for?", "Where was the meeting held?".
"""

from __future__ import annotations

from typing import Any

from bot.engine.nlp import Parser

_WH = frozenset("who whom what which when where why how".split())
# Words a reader leads with that ask nothing ("so Cretz is who?")
_LEADS = frozenset("so and but ok okay then".split())
# Words that only stress the question ("... is who exactly?")
_STRESS = frozenset("exactly again then now precisely".split())
_DO = {"VBZ": "does", "VBP": "do", "VBD": "did", "VB": "do"}


def fronted(question: str, parser: Parser) -> str:
    """The question with its question word in front, or the question as it is."""
    doc = parser.parse(question)
    toks = [t for t in doc if not t.is_punct]
    while toks and toks[0].lower_ in _LEADS:
        toks = toks[1:]
    while toks and toks[-1].lower_ in _STRESS:
        toks = toks[:-1]
    # ("according to the Libyans the dialogue is to fix what?": the source it is asked of
    # stays in front)
    lead: list[Any] = []
    if toks and toks[0].lower_ == "according" and toks[0].dep_ == "prep":
        lead = sorted(toks[0].subtree, key=lambda t: t.i)
        toks = [t for t in toks if t.i > lead[-1].i]
    if len(toks) < 3 or toks[0].lower_ in _WH or toks[0].pos_ == "AUX":
        return question  # asked in the usual order, or a yes/no question
    wh_at = [k for k, t in enumerate(toks) if t.lower_ in _WH]
    if len(wh_at) != 1:
        return question
    k = wh_at[0]
    # ("which outfit", "what name", "how many nations": the question word and the noun it
    # asks for; what follows that noun stays at the end: "... how many nations at Riga?")
    end = next((j + 1 for j in range(k + 1, min(k + 3, len(toks)))
                if toks[j].pos_ in ("NOUN", "PROPN")), k + 1)
    while end > k + 1 and end < len(toks) and toks[end].pos_ in ("NOUN", "PROPN"):
        end += 1  # ("which wire service": the noun's own compound)
    if toks[k].lower_ == "how":
        # "how long ago", "how often", "how many nations"
        end = k + 1
        while end < len(toks) and toks[end].pos_ in ("ADJ", "ADV"):
            end += 1
        if end < len(toks) and toks[end - 1].lower_ in ("many", "much") and \
                toks[end].pos_ in ("NOUN", "PROPN"):
            end += 1
        if end < len(toks) and toks[end].lower_ == "ago":
            end += 1  # "how many months ago"
    phrase, tail = toks[k:end], toks[end:]
    if any(t.pos_ in ("VERB", "AUX") for t in [*phrase[1:], *tail]) or len(tail) > 6:
        return question
    # The clause's verb, or the first of its auxiliaries, before the question word
    verb = next((t for t in toks[:k] if t.dep_ == "ROOT"), None)
    if verb is None or verb.i == toks[0].i:
        return question
    # (the question word of the clause itself, not of one inside it: "... scientists are
    # struggling to explain why" asks nothing)
    # (but through a verb the clause's verb goes on with: "... is supposed to fix what?",
    # "... wanted to tell them what?"; "why" and "how" under such a verb ask nothing)
    up = toks[k].head
    while up.i != verb.i and up.head.i != up.i:
        if up.pos_ in ("VERB", "AUX") and not (
                up.dep_ == "xcomp" and toks[k].lower_ not in ("why", "how")):
            return question
        up = up.head
    if up.i != verb.i:
        return question
    auxes = [t for t in toks[:k] if t.head.i == verb.i and t.dep_ in ("aux", "auxpass")
             and t.i < verb.i]
    subject = [t for t in toks if toks[0].i <= t.i < (auxes[0].i if auxes else verb.i)]
    # (a noun phrase that is the verb's subject: not "Qaddafi must step down, says who?")
    if not subject or any(t.pos_ in ("VERB", "AUX") for t in subject) or not any(
            t.dep_ in ("nsubj", "nsubjpass") and t.head.i == verb.i for t in subject):
        return question
    if k > 0 and toks[k - 1].lower_ == "by" and toks[k].lower_ in ("who", "whom"):
        # ("... led by whom?": "By whom ...?", the doer of the passive, as asked in front)
        k -= 1
        phrase = [toks[k], *phrase]
    middle = [t for t in toks[:k] if t.i > verb.i]
    if auxes:
        first = auxes[0]
        rest = [t.text for t in toks[:k] if first.i < t.i]
        parts = [*_words(phrase), first.lower_, *_subject_words(subject), *rest, *_words(tail)]
    elif verb.pos_ == "AUX" or verb.lemma_.lower() == "be":
        parts = [*_words(phrase), verb.lower_, *_subject_words(subject), *_words(middle),
                 *_words(tail)]
    elif verb.tag_ in _DO:
        parts = [*_words(phrase), _DO[verb.tag_], *_subject_words(subject),
                 verb.lemma_.lower(), *_words(middle), *_words(tail)]
    else:
        return question
    text = _joined(parts)
    if lead:
        said = _joined(_words(lead))
        return f"{said[:1].upper()}{said[1:]}, {text[:1].lower()}{text[1:]}?"
    return text[:1].upper() + text[1:] + "?"


def _words(toks: list[Any]) -> list[str]:
    return [t.text for t in toks]


def _subject_words(toks: list[Any]) -> list[str]:
    """The subject as it reads after the verb: a common word that led the question in
    capitals only for being first ("The meeting") in lower case."""
    out = _words(toks)
    if toks[0].pos_ not in ("PROPN",) and toks[0].text[:1].isupper() and toks[0].text != "I":
        out[0] = toks[0].lower_
    return out


def _joined(words: list[str]) -> str:
    """Words joined as written: no space before a possessive or a contraction."""
    text = ""
    for w in words:
        text += w if (not text or w.startswith(("'", "\u2019"))) else f" {w}"
    return text.lstrip()
