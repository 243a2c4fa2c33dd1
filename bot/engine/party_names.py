"""The political party a sentence gives someone, in the ways pages name one.

"What party is X a member of?" is answered by a party, not by the house X sits in: "Tate was
a Republican member of the Colorado House", "elected on the Progressive Alliance list",
"He was a Conservative", "Marguerite Olse (Lantern Party)", "elected as Republican", "the
Australian Labor Party".
"""

from __future__ import annotations

from typing import Any

from bot.engine.aliases import canonical

# The last word of a party's name.
_PARTY_HEADS = frozenset("party alliance federation league front union movement coalition "
                         "bloc caucus".split())
# Nouns a party's name or adjective qualifies when it says someone belongs to it.
_MEMBERS = frozenset("member members senator politician candidate mp mps councillor councilor "
                     "representative deputy legislator list ticket whip nominee mla mna mep "
                     "assemblyman assemblywoman congressman congresswoman sen rep".split())
# Peoples of nations the country table does not list on their own ("a Welsh politician").
_NATIONS = frozenset("welsh scottish scots english irish cornish manx basque catalan flemish "
                     "walloon quebecois".split())
# Who stood against someone: "defeating Conservative candidate ...", "beat the Labor MP"
# (not "accusations against Democratic Sen. Tate").
_AGAINST = frozenset("defeat beat unseat oust challenge".split())
# What English calls one of a party's people ("a Conservative", "a Democrat"); a people's
# name in that place ("a Tessarian") says where someone is from.
_MEMBER_NOUNS = frozenset("conservative liberal labourite democrat republican tory whig "
                          "socialist communist green federalist unionist nationalist "
                          "progressive populist libertarian".split())
# Where a member sits, or what names a party's people without being one.
_NOT_PARTIES = frozenset("senate house assembly council parliament congress chamber committee "
                         "legislature court cabinet board government wikipedia".split())


def party_named(doc: Any, matched: set[int]) -> str | None:
    """The party a sentence names nearest the words the question asked about, if any."""
    found: list[tuple[int, str]] = []
    for start, end in _capitalised_runs(doc, matched):
        words = [t.lower_.strip(".") for t in doc[start:end]]
        if any(w in _NOT_PARTIES for w in words) or all(
                canonical(w) is not None or w in _NATIONS for w in words):
            continue  # ("an Australian politician": where from, not which party)
        if all(t.ent_type_ in ("GPE", "LOC") for t in doc[start:end]):
            continue  # ("a Texas politician", "a Quebec senator": a place, not a party)
        if any(t.lemma_.lower() in _AGAINST for t in doc[max(0, start - 3) : start]):
            continue  # "defeating Conservative candidate ...": the opponent's party
        after = doc[end] if end < len(doc) else None
        before = doc[start - 1] if start > 0 else None
        named = words[-1] in _PARTY_HEADS and len(words) > 1
        qualifies = after is not None and after.lower_.strip(".") in _MEMBERS
        # "Marguerite Olse (Lantern Party)", "Cllr Petra Vannick (Heartland Federation, ...)"
        aside = before is not None and before.text == "(" and start >= 2 and (
            doc[start - 2].i in matched)
        # "elected as Republican", "elected as a Democrat in 1990"
        lead = start - 1 - (before is not None and before.lower_ in ("a", "an"))
        elected_as = lead >= 1 and doc[lead].lower_ == "as" and (
            doc[lead - 1].lemma_.lower() in ("elect", "run", "stand")) and (
            after is None or after.pos_ in ("ADP", "PUNCT", "CCONJ"))
        # "He was a Conservative by background", "she is a Democrat": one of a party's
        # people, said with "be"
        one_of = before is not None and before.lower_ in ("a", "an") and end - start == 1 and (
            doc[start].dep_ == "attr" and doc[start].head.lemma_ == "be") and (
            words[0] in _MEMBER_NOUNS)
        if named and not qualifies and before is not None and before.lower_ == "the":
            start -= 1  # "a member of the Reform Party": the party's name with its article
        if named or qualifies or aside or elected_as or one_of:
            found.append((start, doc[start:end].text))
    if not found:
        return None
    near = sorted(matched) or [0]
    return min(found, key=lambda f: min(abs(f[0] - i) for i in near))[1]


def _capitalised_runs(doc: Any, matched: set[int]) -> list[tuple[int, int]]:
    """Runs of capitalised words (a name, or a people's adjective) outside the question's."""
    runs: list[tuple[int, int]] = []
    start = None
    for t in doc:
        ok = t.i not in matched and t.is_alpha and t.text[:1].isupper() and t.i > 0 and (
            t.pos_ in ("PROPN", "ADJ", "NOUN") or t.ent_type_ in ("NORP", "ORG"))
        if ok and start is None:
            start = t.i
        elif not ok and start is not None:
            runs.append((start, t.i))
            start = None
    if start is not None:
        runs.append((start, len(doc)))
    return runs
