"""Answers read from several sources -> one verdict: grouped by value, namesakes told apart."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from bot.engine.aliases import canonical, country_asked
from bot.engine.answers import (
    ANSWERS,
    BIRTH,
    COPY_FLOOR,
    DEATH,
    NEAR_BEST,
    PER_ANSWER,
    THE_PLACE,
    Reading,
    asks_occupation,
    doer_country,
    in_question,
    maker_of_a_work,
    near_copy_texts,
    stated_parts,
)
from bot.engine.first_person import side_of
from bot.engine.headings import YEARS, heading_label, page_label
from bot.engine.normalise import agree, states, words
from bot.engine.same_thing import placed_alike, placed_apart, share_details
from bot.types import Attribution, Decision, Evidence, Question, Stance, StanceScore, Verdict
from retrieval.text import stem

_NEUTRAL = StanceScore(Stance.NEUTRAL, 1.0, "answer")


def _rank(r: Reading) -> tuple[float, int]:
    """Best first; of equals, the one earlier in its document (where it is first named)."""
    return -r.score, r.candidate.span.start


def _party(r: Reading) -> str:
    """The side a statement comes from: its speaker's organisation or country, else the speaker."""
    att = r.attribution
    if att is None:
        return ""
    org = att.organisation or ""
    return (org or att.speaker or "").lower().rstrip("n").rstrip("ia")[:5]


def _side_or_party(r: Reading) -> str:
    """The country a statement's speaker speaks for ("a Libyan government spokesman" and
    "Tripoli" are one side), else its party as ``_party`` names it."""
    side = side_of(r.attribution) if r.attribution else None
    return side or _party(r)


def _side_or_speaker(r: Reading) -> str:
    """The country a statement's speaker speaks for, else the speaker as the sentences name
    them once read back ("the spokeswoman" is "A Port Authority spokeswoman")."""
    att = r.attribution
    side = side_of(att) if att else None
    return side or (att.speaker or "").lower() if att else ""


def decide_answers(q: Question, readings: Sequence[Reading]) -> tuple[Decision, list[Reading]]:
    """Group the sources' answers: one value -> ANSWERED, different values -> DISPUTED."""
    if not readings:
        return Decision(Verdict.NOT_ENOUGH_INFO, 0.9, (), ()), []
    if q.form == "summary":
        # Each document's own account: several documents are several answers, not a dispute.
        each = [[r for r in readings if r.key == key][:PER_ANSWER]
                for key in dict.fromkeys(r.key for r in readings)][:ANSWERS]
        evidence = tuple(tuple(_evidence(q, r) for r in g) for g in each)
        return Decision(Verdict.ANSWERED, 0.9, (), (), None, evidence), [r for g in each for r in g]
    if any(r.counts for r in readings):
        # "How many patients ...?": "180,000 patients" answers it, "37 reports" does not.
        readings = [r for r in readings if r.counts is not False]
    if not all(_supposed(r.doc) for r in readings):
        # "If the grant is approved, the rise could be cut to 2.5 per cent": a value supposed
        # under a condition is not what the documents say happens.
        readings = [r for r in readings if not _supposed(r.doc)]
    readings = _the_doers_own(q, readings)
    best = max(r.score for r in readings)
    keep = [r for r in readings if r.score >= NEAR_BEST * best]
    # A copy of an answering sentence with another value ("he was born on 3 July 1750 in
    # Duke Street" / "Aldcott was born on 12 December 1750 in Duke Street") conflicts with it
    # even when it names the subject less fully.
    low = [r for r in readings if COPY_FLOOR * best <= r.score < NEAR_BEST * best]
    keep += [r for r in low if any(
        not agree(r.key or "", k.key or "") and _contained(r, k) for k in keep)]
    # Two copies of one sentence that give different values are sources in dispute, even
    # when another thing of the name is answered better ("Brenne died on January 1, 1787,
    # aged 44" / "... on June 15, 1790, aged 47").
    low = [r for r in low if r not in keep]
    keep += [r for r in low if any(
        s is not r and s.source[0] != r.source[0] and not agree(r.key or "", s.key or "")
        and _contained(r, s) for s in low)]
    if (q.form == "says" and q.speaker is None) or q.each_side:
        # "What do the two sides say about follow-up talks?", "What did each side want from
        # the meeting?": each side's own best account, however it ranks against the other
        # side's ("we want to take further steps" says nothing of talks; "no plan to hold
        # another session" does).
        best_of: dict[str, Reading] = {}
        for r in sorted(readings, key=lambda r: -r.score):
            best_of.setdefault(_side_or_party(r), r)
        keep += [r for r in best_of.values() if r not in keep and r.score >= COPY_FLOOR * best]
    # Each source (a document, or a party speaking in it) gives its best answer.
    by_source: dict[tuple[str, ...], Reading] = {}
    # "How do the two sides describe it?": one account per side, however its speakers are
    # named; "what did the U.S. official say": one party's statements, however the sentences
    # name its department ("a U.S. State Department official", "The State Department").
    voice = _side_or_party if q.form == "says" and q.speaker is None else \
        _side_or_speaker if q.form == "says" else _party
    for r in sorted(keep, key=_rank):
        src: tuple[str, ...]
        if q.form != "says":
            src = r.source
        elif q.speaker is None:
            # each side's account may take several of its statements ("not a negotiation",
            # "no plan to hold another session"): every sentence is a source of its own
            src = (r.candidate.doc.doc_id, str(r.candidate.span.start))
        else:
            # what one party said: each of its statements (up to the answer's share)
            src = (r.candidate.doc.doc_id, _party(r), str(r.candidate.span.start))
        by_source.setdefault(src, r)
    groups: list[list[Reading]] = []
    for r in sorted(by_source.values(), key=_rank):
        for g in groups:
            if q.form != "says" and any(agree(r.key or "", o.key or "") for o in g):
                g.append(r)
                break
            if q.form == "says" and voice(r) == voice(g[0]):
                g.append(r)
                break
        else:
            groups.append([r])
    if q.form == "says" and q.speaker is not None:
        groups = groups[:1]  # "what does X say": X's statements, one position
    sides = _sides_asked(q)
    if q.form != "says":
        # "now covers 1.8 million packs, up from the 1.2 million it announced": a source that
        # gives a value as changed from another answer's value reports an update, not a conflict.
        groups = [g for g in groups if not any(h is not g and _updates(h, g) for h in groups)]
        # A disagreement needs different documents (or speakers): one source's two sentences
        # that give different values are read as the best one.
        groups = [g for g in groups if g is groups[0] or _independent(g, groups[0])
                  or (sides and _other_side(g, groups[0]))]
    if q.expects in _DESCRIPTIONS and not q.short_form and not asks_occupation(q):
        # Descriptions vary in wording: only a near-copy that says something else conflicts,
        # or, for why, another side's reason ("to deliver the message", says the U.S.; "to
        # repair ties", says Libya; one document may give both).
        # (Two near-copies that say different things are in dispute beside a first answer
        # they do not copy: "Oakes played as a left winger" / "... a right winger".)
        groups = [g for g in groups if g is groups[0] or _near_copy(g[0], groups[0][0])
                  or (sides and _other_side(g, groups[0]))
                  or any(h is not g and h is not groups[0] and _near_copy(g[0], h[0])
                         for h in groups)]
    groups = _shown(groups)
    if q.expects == "DATE":
        # "June 24" states what "Wednesday night" leaves to the reader: it is shown first.
        groups = [sorted(g, key=lambda r: -stated_parts(r.value)) for g in groups]
    # Every pair, not just each against the first: two of the answers may be about one thing.
    pairs = [(i, j) for i in range(len(groups)) for j in range(i)]
    told: dict[tuple[int, int], bool] = {}  # what the two answers' own sources say
    apart: dict[tuple[int, int], bool] = {}

    def told_apart(i: int, j: int) -> bool:
        if (i, j) not in told:
            told[i, j] = _other_subject(groups[i], groups[j], q)
        return told[i, j]

    def other_subject(i: int, j: int) -> bool:
        if (i, j) not in apart:
            apart[i, j] = told_apart(i, j) or any(
                # a copy of one thing's page is about that thing, not its namesake
                k not in (i, j) and _copied(groups[c], groups[k]) and told_apart(k, o)
                for c, o in ((i, j), (j, i)) for k in range(len(groups)))
        return apart[i, j]

    namesakes = len(groups) > 1 and all(other_subject(i, j) for i, j in pairs)
    disputed = 0
    if len(groups) > 2 and not namesakes:
        # "Faithfully" by Faith Evans, by Johnny Mathis, and by Michael Jackson on the same
        # day as Faith Evans's: one album in dispute, told apart from the others of its name.
        one = {k for i, j in pairs if not other_subject(i, j) for k in (i, j)}
        rest = [k for k in range(len(groups)) if k not in one]
        if rest and all(other_subject(max(a, b), min(a, b)) for a in rest for b in one):
            groups = [groups[k] for k in sorted(one)] + [groups[k] for k in rest]
            disputed = len(one)
    groups = [g[:PER_ANSWER] for g in groups]
    chosen = [r for g in groups for r in g]
    conflict = None
    if namesakes:
        # "The Yellow Ticket" of 1931 and of 1918: two things share a name, each answered.
        verdict, conflict = Verdict.ANSWERED, "subjects"
        confidence = groups[0][0].score
    elif len(groups) > 1:
        verdict = Verdict.DISPUTED
        confidence = min(g[0].score for g in groups[:2])
    else:
        verdict = Verdict.ANSWERED
        confidence = groups[0][0].score
    evidence_groups = tuple(tuple(_evidence(q, r) for r in g) for g in groups)
    return (
        Decision(verdict, round(min(0.99, confidence), 3), (), (), conflict, evidence_groups,
                 disputed),
        chosen,
    )


_CHANGED_FROM = re.compile(
    r"\b(?:up|down|rises?|rose|risen|fell|falls?|fallen|cut|raised|lowered|reduced|revised|"
    r"extended|increased|decreased|changed|grew|grown|dropped|moved|corrected)\b"
    r"(?:\s+[\w,]+){0,3}?\s+from\s+(.*?)(?:\s+to\b|$)", re.IGNORECASE)


# "extends Norvexa recall to 22 batches": the value given as what something changed to.
_CHANGED_TO = re.compile(
    r"\b(?:extend|expand|widen|broaden|raise|increase|lift|cut|reduce|lower|revise|narrow)"
    r"(?:s|ed|es|d)?\b(?:\s+[\w'’,-]+){0,10}?\s+to\s*$", re.IGNORECASE)


def _the_doers_own(q: Question, readings: Sequence[Reading]) -> list[Reading]:
    """"Why did the U.S. decide to meet the Libyans?": the reason of the party asked about
    (the first country the question names, its doer) is told by that party or the story,
    not by another side's speaker ("to repair ties", says a Libyan spokesman)."""
    if q.expects != "REASON" or _sides_asked(q):
        return list(readings)
    doer = doer_country(q)
    own = [r for r in readings if _side(r) in (None, doer)]
    return own if doer is not None and own else list(readings)


def _sides_asked(q: Question) -> bool:
    """Does a why-question leave open whose reason it asks ("What was the meeting for?", not
    "Why did the U.S. decide to meet?")? Then each side's reason is an answer."""
    where = {w for w, _ in q.described}  # "the meeting in Tunisia": a place, not a side
    return q.expects in ("REASON", "THING", "MANNER", "KIND") and (q.each_side or not any(
        country_asked(w) for w in q.proper if w not in where))


def _other_side(group: list[Reading], first: list[Reading]) -> bool:
    """Does another side give this answer: a country none of the first answer's speakers
    speaks for ("a Libyan government spokesman" against "a U.S. State Department official")?"""
    theirs = {_side(r) for r in first}
    return None not in theirs and any(
        _side(r) not in (None, *theirs) and not _said_by_itself(r) for r in group)


def _side(r: Reading) -> str | None:
    """The country a reading's speaker speaks for, when a word of the speaker names one."""
    att = r.attribution
    for said in (att.organisation, att.speaker) if att else ():
        for word in (said or "").split():
            if (country := canonical(word.strip(",.;:"))) is not None:
                return country
    org = (att.organisation or "") if att else ""
    if re.fullmatch(r"[A-Z][a-z]{3,}", org):
        return org[:4].lower()  # a people the table lacks: "Chilean", "Chile's" -> "chil"
    return None


def _said_by_itself(r: Reading) -> bool:
    """Is the answer its own speaker ("Who ...?" of "a spokesman described ...")?"""
    speaker = r.attribution.speaker if r.attribution else None
    return bool(speaker and r.value and (states(speaker, r.value) or states(r.value, speaker)))


def _updates(newer: list[Reading], older: list[Reading]) -> bool:
    """Does a sentence giving one answer say it changed from the other's value, or give its
    value as what something was changed to, in a document no older than the other's?"""
    for r in newer:
        for m in _CHANGED_FROM.finditer(r.candidate.text):
            if any(o.value and states(m.group(1), o.value) for o in older):
                return True
        at = r.candidate.text.find(r.value or "\0")
        if at > 0 and _CHANGED_TO.search(r.candidate.text[:at]) and all(
            (r.candidate.doc.published or "") >= (o.candidate.doc.published or "") for o in older
        ):
            return True
    return False


def _supposed(doc: Any) -> bool:
    """A sentence that supposes ("if ..., it could ..."): its values are not asserted."""
    condition = any(t.lower_ in ("if", "unless") and t.dep_ == "mark" for t in doc)
    return condition and any(t.lower_ in ("could", "would", "might") for t in doc)


def _years(r: Reading, q: Question) -> set[str]:
    """Years a sentence gives besides its answer: they tell which thing it is about."""
    value = r.value or ""
    years: set[str] = set()
    for ent in r.doc.ents:
        if ent.label_ != "DATE" or ent.text in value or in_question(ent.text, q):
            continue
        years.update(re.findall(r"\b(1[5-9]\d\d|20\d\d)\b", ent.text))
    return years


def _other_subject(group: list[Reading], other: list[Reading], q: Question) -> bool:
    """Are two answers about different things that share a name (a 1931 film and a 1918
    one), not two accounts of one thing? Near-duplicates that differ only in the answer
    are accounts of one thing: a conflict. Any source giving an answer may say which
    thing it is about (most pages of one thing do not repeat its heading)."""
    if q.form == "says" or _copied(group, other):
        return False
    ours, theirs = _texts_of(group, other), _texts_of(other, group)
    if _same_details(ours, theirs, group, other, q):
        return False
    if q.short_form:
        return True  # "vocal cord dysfunction" and "voice command device": two things "VCD"
    if maker_of_a_work(q):
        # "Double Live" by Garth Brooks and by the Rheostatics: two albums. A page that never
        # gives the title ("this new Taylor Swift album") cannot be of another album of it.
        # Nor a page that only cites it ('^ "Jay-Z: Shock Value II | the Guardian".').
        return all(_names_work(g, q) and not _only_cites(g, q) for g in (group, other))
    la, lb = _subject_labels(group, q), _subject_labels(other, q)
    # Labels of one sort tell things apart: two lives' years, or two words ("(composer)",
    # "(footballer)"); a life's years do not gainsay a word, which a page may say in its text.
    ya, yb = {x for x in la if x.startswith(YEARS)}, {x for x in lb if x.startswith(YEARS)}
    wa, wb = la - ya, lb - yb
    if (ya and yb and ya.isdisjoint(yb)) or (wa and wb and wa.isdisjoint(wb)):
        return True
    # "the median income for a family in the city was $31,250" / "... in the county was
    # $34,753": a town and the county of its name are two places, each answered.
    ka, kb = _place_kinds(group), _place_kinds(other)
    if ka and kb and ka.isdisjoint(kb):
        return True
    # "a fishing village on the east coast of Marrland" / "a hill village in northern Tessia"
    if placed_apart(ours, theirs):
        return True
    # "SS Adriatic (1871)" against pages that never say 1871 or SS: the label tells one
    # thing from the others of its name, so sources that never mention it are about another.
    if bool(wa) != bool(wb):
        labelled, bare = (group, other) if wa else (other, group)
        # (A year of a life asked about tells two lives apart, not a life from a page that
        # never gives the year.)
        labels = {label for label in wa or wb if not any(
            states(label, r.value or "") or states(r.value or "", label) for r in labelled)}
        if labels and _names_subject(bare, q) and not _mentions(bare, labels):
            return True
    a, b = _years(group[0], q), _years(other[0], q)
    return bool(a and b and a.isdisjoint(b))


def _texts_of(group: list[Reading], other: list[Reading]) -> list[str]:
    """The texts of the documents giving one answer and not the other."""
    theirs = {r.candidate.doc.doc_id for r in other}
    return list({r.candidate.doc.doc_id: r.candidate.doc.text for r in group
                 if r.candidate.doc.doc_id not in theirs}.values())


def _place_kinds(group: list[Reading]) -> set[str]:
    """The kinds of place ("the city", "the county") the sentences giving an answer put it in."""
    return {m.group(1).lower() for r in group for m in THE_PLACE.finditer(r.candidate.text)}


def _same_details(ours: list[str], theirs: list[str], group: list[Reading],
                  other: list[Reading], q: Question) -> bool:
    """Do the documents giving only one answer (``ours``) and only the other (``theirs``)
    share a full date or a qualifier ("(2000 film)"), or place the thing alike? Then they
    describe one thing, whatever its name is shared with."""
    values = " ".join(r.value or "" for r in (*group, *other))
    return share_details(ours, theirs, besides=f"{' '.join(q.focus)} {values}") or (
        placed_alike(ours, theirs))


def _shown(groups: list[list[Reading]]) -> list[list[Reading]]:
    """The answers shown side by side, at most ANSWERS of them, best first; an answer from a
    copy of a shown answer's document is shown in place of one that copies nothing: the
    copy is what is in dispute ("This EP is the first solo material released by Jay-Z" /
    "... by Clinton Sparks")."""
    shown, left = groups[:ANSWERS], groups[ANSWERS:]
    for g in left:
        if not any(_copied(g, h) for h in shown):
            continue
        free = [k for k in range(len(shown) - 1, 0, -1)
                if not any(_copied(shown[k], h) for h in groups if h is not shown[k])]
        if free:
            shown[free[0]] = g
    return shown


def _copied(group: list[Reading], other: list[Reading]) -> bool:
    """Is a document giving one answer a near copy of one giving the other (the same report
    with one fact changed)? Then both are accounts of one thing, whatever else they say."""
    ours = {r.candidate.doc.doc_id: r.candidate.doc.text for r in group}
    theirs = {r.candidate.doc.doc_id: r.candidate.doc.text for r in other}
    return any(near_copy_texts(ours[a], theirs[b]) for a in ours for b in theirs if a != b)


def _names_subject(group: list[Reading], q: Question) -> bool:
    """Does a document giving this answer name what the question asks about (every proper
    name of it)? Only then can it be about another thing of that name."""
    asked = {stem(w) for w in q.proper} or {stem(w) for w in q.focus}
    return bool(asked) and any(
        asked <= {stem(w) for w in words(r.candidate.doc.text)} for r in group)


def _names_work(group: list[Reading], q: Question) -> bool:
    """Does a document giving this answer give the title asked about, every word of it?"""
    if not q.title:
        return _names_subject(group, q)
    asked = {stem(w) for w in words(q.title)}
    return any(asked <= {stem(w) for w in words(r.candidate.doc.text)} for r in group)


_CITATION = re.compile(r"\^|\bRetrieved\b|\bArchived\b|\(PDF\)")


def _only_cites(group: list[Reading], q: Question) -> bool:
    """Does every document giving this answer name the title only in its references (near a
    "^" or a "Retrieved ...")? A reference list of one work's page is no page of another."""
    if not q.title:
        return False
    title = re.compile(r"\W+".join(re.escape(w) for w in words(q.title)), re.IGNORECASE)
    for r in group:
        text = " ".join(r.candidate.doc.text.split())
        spots = [m.start() for m in title.finditer(text)]
        if not spots or not all(_CITATION.search(text[max(0, i - 120) : i + 150])
                                for i in spots):
            return False
    return True


def _mentions(group: list[Reading], labels: set[str]) -> bool:
    """Does a document giving one answer name every word of one of the labels?"""
    for r in group:
        raw = set(words(r.candidate.doc.text))
        text = raw | {stem(w) for w in raw}  # heading labels are stems already
        if any(all(w in text or stem(w) in text for w in words(label)) for label in labels):
            return True
    return False


def _subject_labels(group: list[Reading], q: Question) -> set[str]:
    """What the headings of the documents giving one answer name beyond the name asked."""
    # A person's years tell namesakes apart; when one of them is asked, the other one does
    # ("(1848–1912)" and "(1885–1931)" asked when he was born: two men, not two accounts).
    asked = set(q.focus)
    # page_label's ``lives``: both years, the death year, the birth year, or none
    lives = {(False, False): 3, (True, False): 2, (False, True): 1, (True, True): 0}[
        (bool(asked & BIRTH), bool(asked & DEATH))]
    labels: set[str | None] = set()
    for r in group:
        label = page_label(r.candidate, lives)
        labels.add(label)
        if label is None or label.startswith(YEARS):
            labels.add(heading_label(r.candidate, q))
    return {label for label in labels if label}


_DESCRIPTIONS = frozenset(["THING", "ROLE", "REASON", "MANNER"])


def _word_sets(a: Reading, b: Reading) -> tuple[set[str], set[str]]:
    return set(words(a.candidate.text)), set(words(b.candidate.text))


def _near_copy(a: Reading, b: Reading) -> bool:
    """Two sentences that share most of their words (a copy with one fact changed)."""
    return near_copy_texts(a.candidate.text, b.candidate.text)


def _contained(a: Reading, b: Reading) -> bool:
    """Most words of the shorter sentence are in the other: a copy, perhaps cut short."""
    wa, wb = _word_sets(a, b)
    return bool(wa and wb) and len(wa & wb) / min(len(wa), len(wb)) >= 0.7


def _independent(group: list[Reading], first: list[Reading]) -> bool:
    """Another document gives this answer (one document's best sentence is its answer)."""
    docs = {r.candidate.doc.doc_id for r in first}
    return any(r.candidate.doc.doc_id not in docs for r in group)


def _evidence(q: Question, r: Reading) -> Evidence:
    c = r.candidate
    att = r.attribution or Attribution(speaker=None)
    return Evidence.of(c, r.match, att, _NEUTRAL, answer=r.value, answer_key=r.key)


def all_evidence(q: Question, readings: Sequence[Reading]) -> list[Evidence]:
    """Every reading as evidence (for the who-says-what table and the LLM path)."""
    return [_evidence(q, r) for r in sorted(readings, key=lambda r: -r.score)]


__all__ = ["all_evidence", "decide_answers"]
