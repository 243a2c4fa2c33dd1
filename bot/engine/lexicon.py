"""Word lists the offline engine reasons with: near-synonyms, antonyms, reporting verbs, cues."""

from __future__ import annotations

import re
from typing import Any

from retrieval.text import stem

# Words for going up and going down: near-synonyms within a line, antonyms across them.
UP = "increase rise grow climb gain jump surge raise boost hike lift"
DOWN = "decrease fall decline drop shrink reduce cut lower slash"

# Words of one meaning: denying one denies the others ("not a negotiation" is "no
# bargaining"), as denying a near-synonym does not ("talks weren't negotiations").
_NEGOTIATE = ("negotiation negotiate bargaining bargain haggle horse-trading horse-trade parley "
              "talk-terms hammer-out")
_SAME_MEANING = [_NEGOTIATE]

# Near-synonym groups: words that can stand for each other when matching a claim's terms.
_EVENTS = "meeting meet session summit encounter talks gathering sit-down get-together"
_SYNONYMS = [
    "negotiation negotiate negotiator talks dialogue discussion bargaining deal parley",
    _NEGOTIATE,
    _EVENTS,
    "participate attend join take-part meet",
    "spectator crowd audience onlooker",
    "happen occur take-place",
    "close shut shutter",
    "open reopen",
    "embassy consulate mission",
    "disclose reveal disclosure announce report publish",
    "recognize recognise acknowledge",
    "consult confer check-in",
    "lead head run command direct",
    "campaign operation offensive bombing bomb",
    "send dispatch deploy",
    "deliver convey communicate",
    "senior high-ranking high-level top-level top-ranking",
    "delegation delegates envoy envoys representatives",
    "envoy ambassador emissary",
    "rebel insurgent rebellion insurgency uprising opposition",
    "say state tell declare",
    "speak spokesman spokeswoman spokesperson mouthpiece",
    "describe call characterize characterise term label",
    "plan intend intention schedule calendar",
    "worry concern fear",
    "want wish hope desire",
    "think believe assume suppose presume belief",
    "incorrectly wrongly falsely mistakenly erroneously mistaken incorrect erroneous",
    "role place position",
    UP,
    DOWN,
    "warming heating",
    "kill die death dead fatal",
    "cause lead-to drive produce link",
    "big large huge major",
    "small little minor",
    "begin start launch beginning outset commence kick-off opening",
    "establish found launch inaugurate",
    "end stop halt finish wind-down",
    "step-down resign quit relinquish abdicate",
    # what a meeting came to, as those who took part "came away with" it
    "achieve accomplish outcome result come-away upshot conclude conclusion",
    "another further additional follow-up second again",
    "secret covert clandestine undisclosed confidential",
    "buy purchase acquire",
    "sell sale",
    "win victory beat",
    "agree agreement accord",
    "government regime administration",
    "president leader",
    "country nation state",
    "fight combat battle",
    "first-step first initial",
    "ban prohibit outlaw",
    "allow permit let",
    "support back endorse",
    "oppose reject",
    "reject refuse turn-down rebuff spurn",
    "emission emissions pollution",
    "repair mend fix restore patch-up rebuild heal reconcile reconciliation rapprochement",
    "willing willingness ready readiness prepared eager",
    "forward ahead onward onwards",
    "ties tie relations relationship",
    "past history",
    "terms condition conditions",
    "group body",
]

# Pairs that contradict each other when one stands where the claim has the other.
_ANTONYMS = [
    ("gain", "lose"),
    ("win", "lose"),
    ("open", "close"),
    ("reopen", "close"),
    ("accept", "reject"),
    ("support", "oppose"),
    ("more", "less"),
    ("more", "fewer"),
    ("high", "low"),
    ("higher", "lower"),
    ("warm", "cool"),
    ("warming", "cooling"),
    ("hot", "cold"),
    ("up", "down"),
    ("begin", "end"),
    ("start", "stop"),
    ("approve", "reject"),
    ("accept", "refuse"),
    ("accept", "turn-down"),
    ("allow", "ban"),
    ("legal", "illegal"),
    ("true", "false"),
    ("success", "failure"),
    ("strong", "weak"),
    ("before", "after"),
    ("ally", "enemy"),
    ("agree", "disagree"),
    ("confirm", "deny"),
    ("include", "exclude"),
    ("expand", "contract"),
    ("positive", "negative"),
    ("majority", "minority"),
    ("keep", "step-down"),
    ("stay", "leave"),
    ("melt", "freeze"),
    ("safe", "dangerous"),
    ("cause", "prevent"),
    ("acceleration", "slowdown"),
    ("accelerate", "slow"),
    ("thicken", "thin"),
    ("advance", "retreat"),
    ("gain", "loss"),
    *((up, down) for up in UP.split() for down in DOWN.split()),
]

REPORTING_VERBS = frozenset(
    [
        "say",
        "tell",
        "describe",
        "report",
        "claim",
        "state",
        "add",
        "announce",
        "deny",
        "insist",
        "argue",
        "confirm",
        "explain",
        "note",
        "warn",
        "acknowledge",
        "assert",
        "maintain",
        "suggest",
        "call",
        "contend",
        "allege",
        "write",
        "believe",
        "estimate",
        "predict",
        "conclude",
        "reveal",
        "disclose",
        "testify",
        "declare",
        "stress",
        "emphasize",
        "reiterate",
        "repeat",
        "dismiss",
        "reject",
        "concede",
        "admit",
        "characterize",
        "characterise",
        "portray",
        "depict",
        "bill",
        "mention",
        "recount",
    ]
)
# Nouns for an occasion on which sides meet: what it was is what they did there.
EVENTS = frozenset(stem(w) for w in _EVENTS.split())
# Verbs that only say an event took place ("was held", "occurred"; "take place" aside).
TOOK_PLACE = frozenset(["hold", "happen", "occur", "stage", "convene"])
# Verbs that assert their complement is false.
DENIAL_VERBS = frozenset(
    ["deny", "dismiss", "reject", "refute", "disprove", "rebut", "debunk", "contradict"]
)
# Verbs that turn down what is asked, offered or proposed: their object is not taken
# ("rejected the request" is "did not accept it"; "opposed a toll", "rejected the idea").
REJECTING = frozenset(["reject", "refuse", "decline", "rebuff", "spurn", "veto", "turn-down",
                       "oppose"])
# Adverbs that mark a reported belief as false: "incorrectly thought ...".
FALSITY_ADVERBS = frozenset(
    ["incorrectly", "wrongly", "falsely", "mistakenly", "erroneously", "wrongfully", "baselessly"]
)
HEDGES = frozenset(
    [
        "may",
        "might",
        "could",
        "possibly",
        "perhaps",
        "reportedly",
        "allegedly",
        "likely",
        "unlikely",
        "suggest",
        "appear",
        "seem",
        "uncertain",
        "unclear",
        "unconfirmed",
    ]
)
NEGATIONS = frozenset(
    ["not", "n't", "never", "no", "none", "nobody", "nothing", "neither", "nor", "without"]
)
# Role nouns: a speaker named only by role is anonymous unless a name goes with it.
ROLE_NOUNS = frozenset(
    [
        "official",
        "officials",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "mouthpiece",
        "source",
        "sources",
        "aide",
        "aides",
        "diplomat",
        "diplomats",
        "person",
        "people",
        "officer",
        "analyst",
        "analysts",
        "representative",
        "representatives",
        "minister",
        "adviser",
        "advisor",
        "advisers",
        "insider",
        "insiders",
        "envoy",
        "envoys",
        "delegate",
        "delegates",
        "negotiator",
        "negotiators",
        "emissary",
        "emissaries",
    ]
)


def forms(word: str) -> set[str]:
    """A listed word's keys: its stem, and for a verb with its particle the verb's stem with
    the particle, as a sentence's verb is keyed ("hamm-out" for "hammering out")."""
    verb, _, rest = word.partition("-")
    return {stem(word), f"{stem(verb)}-{rest}"} if rest else {stem(word)}


def _group_index(lines: list[str]) -> dict[str, frozenset[str]]:
    index: dict[str, set[str]] = {}
    for line in lines:
        group = {form for w in line.split() for form in forms(w)}
        for member in group:
            index.setdefault(member, set()).update(group)
    return {k: frozenset(v) for k, v in index.items()}


SYNONYMS = _group_index(_SYNONYMS)
SAME_MEANING = _group_index(_SAME_MEANING)
ANTONYMS: dict[str, frozenset[str]] = {}
for _a, _b in _ANTONYMS:
    ANTONYMS.setdefault(stem(_a), frozenset())
    ANTONYMS.setdefault(stem(_b), frozenset())
    ANTONYMS[stem(_a)] = ANTONYMS[stem(_a)] | {stem(_b)}
    ANTONYMS[stem(_b)] = ANTONYMS[stem(_b)] | {stem(_a)}


# Verbs of a deed done with another ("meet", "consult"): their object is the other side,
# as the object of their "with" is.
MET_WITH = frozenset(["meet", "consult", "confer", "negotiate"])

# Titles a name is written with ("Judge Sparks", "Assistant Secretary of State Jeffrey
# Feltman"): posts, however the tagger takes them.
TITLES = frozenset(
    "judge justice president minister secretary senator governor mayor ambassador general "
    "colonel captain admiral king queen prince princess duke bishop pope professor doctor "
    "chancellor premier sheriff chief director saint lord lady sir".split()
)

# Words that make a thing one more of its kind: "another session", "further steps".
FURTHER = frozenset(["another", "further", "second", "more"])
# Words that say more of a thing is to come, asked of or said by a party ("holding more talks",
# "we want to take further steps", "meet again").
MORE_TO_COME = frozenset(["more", "further", "another", "again", "next"])

# Nouns a "that" clause after says the content of ("the message that X must step down",
# "concern that officials thought ..."): asked "what message?", the content is the answer.
CONTENT_NOUNS = frozenset("message demand warning news word claim idea belief sense notion "
                          "assurance promise hope fear concern impression signal".split())

# Verbs of being with the preposition that says what their subject is ("amounted to
# bargaining", "counts as a negotiation").
COPULAS_WITH = {"amount": "to", "count": "as", "qualify": "as", "pass": "for"}

# Verbs of wanting something done ("What is Washington demanding of Qaddafi?"): what a party
# says someone "must" do answers them.
WANTING = frozenset(["want", "demand", "expect", "require", "wish", "insist", "hope"])


def related(term: str) -> frozenset[str]:
    """The stemmed term and its near-synonyms."""
    return SYNONYMS.get(term, frozenset()) | {term}


def hyphened(tok: Any) -> str | None:
    """"sit-down", "follow-up": a word of two joined by a hyphen (a parsed token and the two
    after it), read as one when the word lists know it (its parts alone, "sit" and "down",
    say something else)."""
    doc = tok.doc
    if tok.i + 2 >= len(doc) or doc[tok.i + 1].text != "-" or tok.whitespace_ or \
            doc[tok.i + 1].whitespace_:
        return None
    word = f"{tok.lower_}-{doc[tok.i + 2].lower_}"
    return word if stem(word) in SYNONYMS else None


IRREGULAR_PAST = {
    "be": "was",
    "begin": "began",
    "break": "broke",
    "bring": "brought",
    "build": "built",
    "buy": "bought",
    "catch": "caught",
    "choose": "chose",
    "come": "came",
    "cut": "cut",
    "do": "did",
    "draw": "drew",
    "drive": "drove",
    "eat": "ate",
    "fall": "fell",
    "feel": "felt",
    "fight": "fought",
    "find": "found",
    "fly": "flew",
    "forget": "forgot",
    "get": "got",
    "give": "gave",
    "go": "went",
    "grow": "grew",
    "have": "had",
    "hear": "heard",
    "hide": "hid",
    "hit": "hit",
    "hold": "held",
    "keep": "kept",
    "know": "knew",
    "lay": "laid",
    "lead": "led",
    "leave": "left",
    "lend": "lent",
    "let": "let",
    "lose": "lost",
    "make": "made",
    "mean": "meant",
    "meet": "met",
    "pay": "paid",
    "put": "put",
    "read": "read",
    "ride": "rode",
    "rise": "rose",
    "run": "ran",
    "say": "said",
    "see": "saw",
    "seek": "sought",
    "sell": "sold",
    "send": "sent",
    "set": "set",
    "shut": "shut",
    "sing": "sang",
    "sit": "sat",
    "speak": "spoke",
    "spend": "spent",
    "stand": "stood",
    "steal": "stole",
    "strike": "struck",
    "swear": "swore",
    "take": "took",
    "teach": "taught",
    "tell": "told",
    "think": "thought",
    "throw": "threw",
    "understand": "understood",
    "wake": "woke",
    "wear": "wore",
    "win": "won",
    "write": "wrote",
    "freeze": "froze",
    "shake": "shook",
    "sink": "sank",
    "withdraw": "withdrew",
}


# A deed set before or after an occasion: "before the talks", "after the meeting".
_TIMED = re.compile(r"\b(before|after|during|ahead of|prior to|since)\s+(?:the\s+|this\s+|"
                    r"that\s+|its\s+)?(?:[\w-]+\s+)?(?:meeting|talks|session|summit|"
                    r"encounter|sit-down)\b", re.IGNORECASE)


def set_against(text: str) -> str | None:
    """Which way the words set a deed against an occasion ("before", "after"), if they do."""
    m = _TIMED.search(text)
    if m is None:
        return None
    return {"ahead of": "before", "prior to": "before"}.get(m.group(1).lower(),
                                                            m.group(1).lower())
