"""What a question asks: a claim to check, or an open question and the kind of answer it wants.

Kinds: a claim (yes/no question or bare statement), an open question (who, what, when,
where, which, how many / much, why, how), "what does X say (about Y)", a follow-up that
leans on the chat history, and out-of-scope requests (a poem, a joke, the weather).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from bot.engine.aliases import GOVERNMENT_NOUNS, canonical
from bot.engine.anonymity import asks_why_unnamed
from bot.engine.leaders import ruler_asked
from bot.engine.lexicon import (
    CONTENT_NOUNS,
    EVENTS,
    MET_WITH,
    MORE_TO_COME,
    REPORTING_VERBS,
    ROLE_NOUNS,
    TITLES,
    TOOK_PLACE,
    WANTING,
    hyphened,
    set_against,
)
from bot.engine.names import (
    is_name_word,
    name_part_asked,
    names_asked,
    names_before_head,
    short_form_asked,
)
from bot.engine.nlp import Parser
from bot.engine.normalise import date
from bot.types import Question
from retrieval.text import stem

# Expected answer types, each a set of spaCy entity labels (empty: a span of the sentence).
ENTITY_LABELS: dict[str, frozenset[str]] = {
    "PERSON": frozenset(["PERSON", "ORG", "NORP"]),
    "ORG": frozenset(["ORG", "PERSON", "NORP", "GPE"]),
    "DATE": frozenset(["DATE", "TIME"]),
    "PLACE": frozenset(["GPE", "LOC", "FAC"]),
    "NUMBER": frozenset(["CARDINAL", "QUANTITY", "MONEY", "PERCENT"]),
    "DURATION": frozenset(["DATE", "TIME", "QUANTITY", "CARDINAL"]),
    "AGE": frozenset(["DATE", "CARDINAL"]),
}

_AUX_FIRST = frozenset(
    "is are was were am do does did has have had can could will would shall should may might must"
    .split()
)
# "..., right?", "..., haven't they?", "... or not?": the tag asks for agreement with the
# statement before it, which is the claim.
TAG = re.compile(
    r"(?:,\s*(?:right|correct|true|yes|no|yeah|eh|isn['’]t (?:it|that so)|ok(?:ay)?"
    r"|(?:is|isn['’]t) (?:that|it) (?:right|true|correct|so))"
    r"|,\s*(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should)"
    r"(?:n['’]t|\s+not)?\s+(?:it|he|she|they|we|you|there|that)"
    r"|,?\s+or not)\s*\??\s*$",
    re.IGNORECASE,
)


# "What is X called / named / known as?"
_CALLED = re.compile(r"(?:^\W*|[.?!:]\s+)what\b[^.?!]*\s((?:called|named|known\s+as))\s*\??\s*$",
                     re.IGNORECASE)


def or_not(tag: re.Match[str]) -> bool:
    """Is the tag "... or not?", which leaves a question a question?"""
    return tag.group(0).lstrip(", ").lower().startswith("or not")


# "What does X do (for a living / for work)?": X's trade or post.
_DOES_FOR_WORK = re.compile(r"^\s*what\s+(?:does|do)\s+(.+?)\s+do(?:\s+for\s+(?:a\s+living|"
                            r"work|a\s+job))?\s*[?.!]*\s*$", re.IGNORECASE)
# "which of the / these / them / the three ...": the words that open the ones chosen among.
_SOME_OF = frozenset("the these those them us you his her their its our your two three four "
                     "five six seven eight nine ten".split())
# Places that stand to another thing in a way a sentence must state ("the capital of X").
_PLACE_OF = frozenset(["capital", "seat", "headquarters", "hometown", "birthplace"])
WH_WORDS = frozenset(["who", "whom", "whose", "what", "when", "where", "which", "why", "how"])
# "What city ...?" / "What is the population of ...?": the noun names the answer's type.
_CATEGORY: dict[str, str] = {}
for _type, _words in {
    "DATE": "year date day month time decade century era birthday",
    "PLACE": "city town country nation place location village region state capital venue "
    "site county province island street",
    "PERSON": "person man woman artist director author writer founder architect composer "
    "creator coach chief leader president minister mayor owner singer actor player "
    "captain chair chairman chairwoman head ceo winner designer producer painter "
    "ambassador spokesman spokeswoman mediator father mother son daughter wife husband "
    "member staffer mouthpiece",
    "ORG": "company firm party organisation organization team club unit battalion bank "
    "agency group airline band network publisher label university school newspaper "
    "side camp faction "  # "Which side ...?": a party
    "body institution service outlet broadcaster ministry committee forum outfit arm",
    "NUMBER": "population number amount price cost percentage share total figure age "
    "size height length weight salary budget toll income wage earnings revenue",
    # "What was the purpose of the meeting?" asks why, as "Why was it held?" does.
    "REASON": "purpose aim goal objective motive rationale reason",
}.items():
    for _w in _words.split():
        _CATEGORY[_w] = _type

_SAYS = re.compile(
    # ("How confident did the official sound ...?": how sure of it the party is)
    # ("What kind of meeting does X say it was?", "Which way does X say ...": what X says)
    r"^(?:and\s+|so\s+|but\s+)?(?:what|how(?:\s+(?:confident|sure|optimistic|hopeful|"
    r"positive|upbeat|pessimistic|happy|pleased|worried|concerned))?"
    r"|(?:what|which)\s+(?:kind|sort|type)\s+of\s+[\w-]+|which\s+way)\s+"
    r"(?:did|does|do|has|have|had|is|are|was|were)\s+"
    # The verb in lower case: "the State Department" names who, it does not "state".
    r"(?P<who>.+?)\s+(?P<verb>(?-i:say|said|saying|think|claim|claiming|argue|tell|told|call|"
    r"describe|characteri[sz]e|see|view|portray|react|respond|report|mean|state|"
    # how a party feels about it, or answers it, is what it says of it
    r"feel|sound|answer|reply|explain|sum\s+up|"
    # what an occasion "signals" is what the parties make of it
    r"signal|show|indicate|suggest|imply|signify|"
    # where parties part: "How do Tripoli and Washington differ on ...?"
    r"differ|disagree))\b"
    r"(?:\s+(?:about|of|on|over|to|regarding)\b)?(?:\s+(?P<about>[^?!]+?))?\s*[?.!]*$",
    re.IGNORECASE,
)
# The document's own headline, as the one who says: "What does the headline say?"
_HEADLINE = re.compile(r"(?:the\s+|its\s+|this\s+|the\s+story['\u2019]s\s+)?(?:headline|title)",
                       re.IGNORECASE)
_WHAT_HEADLINE = re.compile(
    r"^\W*what(?:['\u2019]s|\s+is|\s+was)\s+(?:the|its|this)\s+(?:headline|title)(?:\s+of\s+(?:the|"
    r"this)\s+(?:article|story|report|piece))?\s*[?.!]*$", re.IGNORECASE)
# A topic of what is to come: "holding more talks", "another meeting", "meeting again".
_MORE_TO_COME = re.compile(r"\b(?:" + "|".join(sorted(MORE_TO_COME | {"follow-up"})) + r")\b",
                           re.IGNORECASE)
_FUTURE = re.compile(r"\b(?:future|upcoming|coming)\s+(?:talks?|meetings?|sessions?|contacts?|"
                     r"negotiations?|steps?)\b", re.IGNORECASE)
# Verbs asking a party's own sense of a thing: "How did they feel it went?"
_VIEW_VERBS = frozenset(["feel", "think", "see", "view"])
_STANCE_OF = re.compile(
    r"^(?:and\s+)?what\s+(?:is|was|are|were)\s+(?P<who>.+?)(?:(?:['\u2019]s?)?\s+"
    r"(?:position|view|stance|account|version|response|reaction|line|take|explanation|assessment)"
    r"s?"  # ("the two sides' views of the meeting")
    # ... or what the party said, by the word for it, said as the party's ("Chollet's
    # comment after the meeting"; "the answer to the question" is no one's)
    r"|['\u2019]s?\s+(?:comments?|remarks?|statement|words|reply|answer|verdict|message|"
    r"characteri[sz]ation))"
    r"(?:\s+(?:on|of|about|to|after|regarding|concerning)\s+(?P<about>.+?))?\s*[?.!]*$",
    re.IGNORECASE,
)
# "What labels do the two sides put on the meeting?": the words a party uses for it.
_LABELS = re.compile(
    r"^(?:and\s+)?(?:what|which)\s+(?:labels?|words?|terms?|descriptions?|phrases?|expressions?|"
    r"wording)\s+(?:do|does|did)\s+"
    r"(?P<who>.+?)\s+(?:use|put|give|apply|attach|pin)\b(?:\s+(?:on|to|for|about)\b)?"
    # ("... use to describe the talks": what it is used for is the talks)
    r"(?:\s+to\s+(?:describe|characteri[sz]e|refer\s+to|call|label))?"
    r"(?:\s+(?P<about>[^?!]+?))?\s*[?.!]*$",
    re.IGNORECASE,
)
# "What kind of meeting was it?", "What type of talks were held?": the way it was held.
_KIND_OF_OCCASION = re.compile(r"^(?:what|which)\s+(?:kind|sort|type)\s+of\s+(?P<occasion>[\w-]+)"
                               r"\s+(?:is|was|are|were|did|does|do|had|has|have)\b",
                               re.IGNORECASE)
# "What kind of group is the Transitional National Council?"
_KIND_OF_NAMED = re.compile(r"^(?:what|which)\s+(?:kind|sort|type)\s+of\s+[\w-]+\s+(?:is|was|are|"
                            r"were)\s+(?P<named>.+?)\s*[?.!]*$", re.IGNORECASE)
# "What did they mistakenly think?": a belief the story reports, said to be wrong.
_IN_ERROR = re.compile(r"\b(?:wrongly|mistakenly|incorrectly|falsely|erroneously)$",
                       re.IGNORECASE)
# "What comes next after the meeting?", "what's next for the talks", "What are the next
# steps?": what lies ahead, as the parties say.
_NEXT = re.compile(r"^(?:and\s+|so\s+)?what(?:['\u2019]s|\s+(?:is|are|will|comes?|happens?|"
                   r"will\s+(?:come|happen)|is\s+going\s+to\s+happen))\s+(?:the\s+)?"
                   r"next(?:\s+steps?)?(?:\s+(?:for|after|in|with|between|from)\s+"
                   r"(?P<about>.+?))?"
                   # (its choices after it: "what happens next, more talks or not")
                   r"(?:\s*[,:;\u2014-]+\s*[^,:;]+?\s+or\s+[^,:;]+?)?\s*[?.!]*$",
                   re.IGNORECASE)
# "What further meetings are planned?", "What stage are the talks at?", "What is the future
# of the talks?", "Where do things go from here?": what lies ahead of a process of meetings,
# asked in other words than "next", as each party says it.
_MEETINGS = r"(?:talks?|meetings?|sessions?|steps?|contacts?|negotiations?|rounds?|" \
    r"discussions?|sit-downs?|dialogues?)"
_AHEAD_ASKED = re.compile(
    r"^(?:and\s+|so\s+)?(?:"
    rf"what\s+(?:further|more|next|additional|follow[- ]?up|future|upcoming)\s+{_MEETINGS}\b"
    rf"|what\s+(?:stage|phase|point)\s+(?:is|are|has|have)\s+(?:the\s+)?{_MEETINGS}\b"
    r"|what\s+(?:is|was)\s+the\s+future\s+(?:of|for)\b"
    # "What are the plans for further meetings?", "What are the prospects for more talks?"
    r"|what\s+(?:is|was|are|were)\s+the\s+(?:plans?|prospects?|outlook)\s+(?:for|of)\s+"
    rf"(?:(?:any|further|more|next|additional|another|future|follow[- ]?up)\s+)?{_MEETINGS}\b"
    r"|what\s+does\s+the\s+future\s+hold\b"
    r"|where\s+(?:do|does|will|can)\s+[\w\s'\u2019-]{1,40}?\s+go\s+from\s+here\b)",
    re.IGNORECASE)
# Who plans or wants what lies ahead ("What further talks does the U.S. plan?").
_PLANNER = re.compile(r"\b(?:does|do|will|is|are)\s+(?!(?:the|a|an|any)\s+(?:plan|prospect))"
                      r"(?P<who>[\w.'\u2019 -]+?)\s+(?:plan|want|"
                      r"expect|envisage|hope|propose|seek|foresee)\w*\b", re.IGNORECASE)
# What was done is no plan ("What further meetings did they hold?").
_DONE = re.compile(r"\b(?:did|had|held|took)\b", re.IGNORECASE)
# "What was the nature of the meeting?": a thing's character, as the sources give it.
_NATURE = re.compile(r"^(?:and\s+)?what\s+(?:is|was|were|are)\s+the\s+(?:nature|character)\s+of"
                     r"\s+(?P<about>.+?)\s*[?.!]*$", re.IGNORECASE)
# Requests the documents cannot serve: creative writing, jokes, forecasts, chit-chat.
_OUT_OF_SCOPE = re.compile(
    r"^(?:please\s+|can you\s+|could you\s+)?(?:write|compose|draw|sing|generate|make up|"
    r"invent|tell me (?:a|an|some) (?:joke|story|poem|riddle)|translate)\b"
    r"|\b(?:will it (?:rain|snow)|weather (?:be )?like|forecast for)\b",
    re.IGNORECASE,
)
_PRONOUNS = frozenset(["they", "them", "he", "him", "she", "her", "it", "that", "this", "those",
                       "these", "there", "its", "their", "his"])
_COUNTRY_WORDS = frozenset(["country", "nation", "state"])
# "Who is behind X?" asks for X's doer, whatever verb the documents give it.
_DOER = re.compile(r"^\W*who(?:['\u2019]s|\s+(?:is|are|was|were))\s+(?:\w+ly\s+)?"
                   r"(?:behind|responsible\s+for|in\s+charge\s+of|at\s+the\s+head\s+of)\b",
                   re.IGNORECASE)
# Verbs that only say an event took place, somewhere and at some time ("hosted" too, asked),
# or that a thing is somewhere ("Where is Hesketh Hall located?": "It stands ... on the
# northern edge of Wendling" places it without the word).
_HELD = TOOK_PLACE | {"host", "locate", "situate"}
# Verbs of happening: "What went down / took place / kicked off on July 16?" asks for an event.
HAPPENING = frozenset("happen occur go take kick begin start break unfold transpire come".split())
# A closing "— upbeat or negative", ", good or bad": the answers a question offers.
_CHOICES = re.compile(r"\s*(?:\u2014|\u2013|-|,)\s*[^\u2014\u2013,]*\bor\b[^\u2014\u2013,]*$")
_LIGHT_NOUNS = frozenset(["nature", "character", "subject", "matter", "topic"])
_LIGHT_VERBS = frozenset(["be", "do", "have", "get", "happen", "take", "make", "go", "associate"])
# "What is the profession of X?": the type noun asks for what X is.
_ROLE_NOUNS = frozenset("profession occupation job role title position post career "
                        "nationality capacity rank".split())
# "What is the region of Dunmore?": a place asked by the word for its kind
_PLACE_OF_ASKED = re.compile(r"^\W*what\s+(?:is|was|are|were)\s+the\s+(\w+)\s+of\b",
                             re.IGNORECASE)
_MEMBERSHIP = frozenset("member membership affiliate affiliated belong part".split())
# Plural words for those on a side of a deed ("Which parties did they meet?"), read as who;
# of belonging ("What parties is she a member of?") they ask for a party's name.
_SIDES_TAKING_PART = frozenset("parties sides camps factions".split())
# The documents themselves, named in a question ("quoted in the article"): not its topic.
_DOCUMENT_WORDS = frozenset("article story report piece text page document".split())
# ... those a story is read "in" ("in this piece"; "in the report" may be the report asked of)
_READ_IN = ("article", "story", "piece")
_IN_THE_DOCUMENT = re.compile(
    r"\b(?:(?:named|mentioned|quoted|cited|featured|referred\s+to)\s+in\s+(?:the|this)\s+"
    rf"(?:{'|'.join(sorted(_DOCUMENT_WORDS))})|in\s+(?:the|this)\s+(?:{'|'.join(_READ_IN)}))\b",
    re.IGNORECASE)
# Type nouns that say nothing about the answer's kind ("What is the name of ...?").
# "Per which news agency ...?", "According to whom ...?": the question asks who reports it.
# "Which news organization does the article rely on for X's comments?", "Which wire service
# is the source for Tripoli's comments?": who reports the words asked about, as "per which".
# ("Where did the article get the Libyan side of the story?": whom it has it from, no place)
_SOURCED = re.compile(r"\b(?:rel(?:y|ies|ied|ying)\s+on|source\s+(?:of|for)|"
                      # "Which news agency is cited for the Libyan account?"
                      r"(?:is|was|are|were)\s+(?:cited|credited|quoted)\s+(?:for|on|as)|"
                      r"where\s+(?:did|does|do)\s+(?:the|this)\s+(?:article|story|report|piece|"
                      r"reporter|writer|author)\s+get)\b", re.IGNORECASE)
# Words for what a party tells: its "side", "account", "version" of "the story", "events".
_TOLD = frozenset("side account version story event events telling".split())
# "What newspaper reported the union's view?": whom the words are according to.
_REPORTED_BY = re.compile(r"^\W*(?:who|(?:which|what)(?:\s+[\w-]+){1,2}?)\s+reported\b",
                          re.IGNORECASE)
_ASKS_SOURCE = re.compile(r"\b(?:per|according to|reported by)\s+(?:which|what|whom)\b",
                          re.IGNORECASE)
# "As what ...?", "With whom ...?": the answer is what follows that preposition.
_WH_PREP = re.compile(r"^(as|with|for|to|from|about|against|on|into|by|over)\s+"
                      r"(?:what|whom|which|who)\b", re.IGNORECASE)
# "What was the meeting a sign of?": the answer is what "of" takes, as if asked "Of what ...?"
_OF_LAST = re.compile(r"^\s*(?:what|which)\b.*\b\w+\s+(of|to)\s*[?.!]*\s*$", re.IGNORECASE)
_DO_HAVE = frozenset("do does did has have had will would can could should shall may might must "
                     "don't doesn't didn't hasn't haven't won't".split())
_GENERIC = frozenset("name type kind sort term word meaning purpose subject topic significance "
                     "reason cause effect difference relationship thing story message result "
                     "outcome".split())
_PLURAL_SIDES = re.compile(r"\b(?:two|both|the|all)\s+(?:sides|parties|camps)\b|^(?:they|them)$"
                           # "according to the people involved": whoever took part, each
                           r"|\b(?:people|those|parties|sides|everyone|everybody)\s+involved\b"
                           r"|^the\s+participants$", re.IGNORECASE)
# "each side", "the two governments", "both countries": every party, each with its own account.
_EACH_PARTY = re.compile(
    r"\b(?:(?:each|either|every)\s+(?:side|party|camp|government|country|nation|capital)|"
    r"(?:two|both|all)\s+(?:the\s+)?(?:sides|parties|camps|governments|countries|nations|"
    r"capitals))\b", re.IGNORECASE)


def _a_party(doc: Any) -> bool:
    """Can this phrase speak: a name, a people or body, a word for people ("the official",
    "Washington", "they")? "the secret meeting" cannot."""
    head = next((t for t in doc if t.head.i == t.i), None)
    if head is None:
        return True
    lemma = head.lemma_.lower()
    # (a name the tagger reads alone as a common word: "Ibrahim" of "What did Ibrahim say?")
    return head.pos_ in ("PROPN", "PRON") or bool(head.ent_type_) or head.text[:1].isupper() \
        or bool(canonical(doc.text) or canonical(head.text)) or names_people(lemma) or (
        _CATEGORY.get(lemma) == "ORG") or lemma in _BODIES or head.lower_ in _BODIES


# Bodies that speak through their people ("What does the government say ...?").
_BODIES = frozenset("government administration regime department embassy office authority "
                    "authorities police army military court parliament congress senate "
                    "council commission ministry opposition rebels media press".split())


def _sides_named(text: str) -> re.Match[str] | None:
    """Where the text names every side at once ("the two sides", "each government"); not
    where it names what lies between them ("the history between the two countries"), which
    is a topic, not whose accounts are asked."""
    for found in (*_PLURAL_SIDES.finditer(text), *_EACH_PARTY.finditer(text)):
        if not re.search(r"\b(?:between|among|amongst)\s+(?:the\s+)?$", text[: found.start()],
                         re.IGNORECASE):
            return found
    return None


def several_parties(who: str, parser: Parser) -> bool:
    """Does "who" name more than one party ("the two sides", "each government", "the U.S. and
    Libya", "the Libyan and American sides")? Then each one's account is asked for."""
    if _sides_named(who):
        return True
    if not re.search(r"\s(?:and|&)\s", who):
        return False
    # Two sides coordinated: each names a country, a people or a body ("Chile and Norway",
    # "the Libyan and American sides"); "Cretz and Feltman" are two speakers whose own
    # statements are asked for.
    parts = re.split(r"\s+(?:and|&)\s+", who)
    return all(any(canonical(w) for w in re.findall(r"[\w.'\u2019-]+", part)) or any(
        t.ent_type_ in ("GPE", "NORP", "ORG") for t in parser.parse(part))
        or _SIDE_OF.search(part) for part in parts)


def _name_of(doc: Any) -> str:
    """The noun after "the name of" ("the international group"), when it is a body's."""
    of = next((t for t in doc if t.lower_ == "of" and t.head.lemma_.lower() == "name"), None)
    obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return obj.lemma_.lower() if obj is not None and kind_of_noun(obj.lemma_.lower()) == "ORG" \
        else ""


def _stranded(doc: Any) -> str:
    """The preposition a question ends on, its object asked ("What language does RSK
    broadcast in?")."""
    words = [t for t in doc if not t.is_punct]
    last = words[-1] if words else None
    # (the parse may hang the wh-phrase on it as its object)
    return last.lower_ if last is not None and last.pos_ == "ADP" and last.dep_ == "prep" \
        and not any(c.dep_ == "pobj" and c.i > last.i for c in last.children) else ""


def _joint_sides(doc: Any) -> bool:
    """"Why did the US and Libya meet in Tunisia?": the deed's doers are two sides joined,
    so each one's reason is asked."""
    return bool(_joint_side_words(doc))


def _joint_side_words(doc: Any) -> set[int]:
    """The words naming the two sides joined as a deed's doers ("the US and Libya")."""
    def side(tok: Any) -> bool:
        return canonical(tok.text) is not None or tok.ent_type_ in ("GPE", "NORP")
    for t in doc:
        # (one side known joins a name as the other: "Norway and Vardia")
        if t.dep_ in ("nsubj", "nsubjpass") and side(t) and any(
                c.dep_ == "conj" and (side(c) or c.pos_ == "PROPN") for c in t.children):
            return {w.i for w in t.subtree}
    return set()


# A side named by whom it serves: "Gaddafi's people", "the president's camp".
_SIDE_OF = re.compile(r"['\u2019]s\s+(?:people|government|regime|side|camp|representatives|"
                      r"men|administration|forces|envoys|delegation|team)\b", re.IGNORECASE)


_PERSONS = frozenset(["i", "you", "we"])
# A work named by its title: in quotes, or after a word for a work ("the album Double Live").
_TITLED = re.compile(
    r"[\"\u201c\u2018'][A-Z0-9][^\"\u201d\u2019]*[\"\u201d\u2019]|\b(?:album|song|single|film|"
    r"movie|novel|book|play|poem|painting|opera|symphony|series|EP)\s+[\"\u201c]?[A-Z0-9]")
_QUOTED_TITLE = re.compile(r"[\"\u201c](?P<title>[A-Z0-9][^\"\u201d]*)[\"\u201d]")
_TITLE_LINKS = frozenset("the a an of for and to in on at by with".split())
# How a figure is known or when it holds ("the estimated population"), not which figure.
_HEDGES = frozenset("estimate approximate current total overall present latest recent "
                    "official reported".split())
# Where in a month or year: the date itself is what a sentence gives.
_WITHIN_A_DATE = frozenset(["mid", "early", "late", "middle", "beginning", "start", "end"])
_MORE = frozenset(["more", "another", "further", "additional", "next"])
_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten both".split())
_PREPOSITIONS = frozenset(
    "in on at by for from to since and over under with without during about against after "
    "before between through into of among near within across behind beside toward towards "
    "upon".split()
)
_INTERROGATIVE_NEXT = frozenset(
    "is are was were do does did has have had can could will would should may might must "
    "'s".split()
)


# "According to the U.S. official, why ...?" / "... , per the ministry?": whose answer is asked.
# The party's phrase ends at a comma, or, typed without one, where the wh-word opens the
# question ("in ibrahim's words how often does libya want ...").
_LEAD_END = (r"(?:,\s*|\s+(?=(?-i:[Ww](?:hat|ho|hom|hose|hen|here|hy|hich)|[Hh]ow)\b(?!,)))")
_ACCORDING = re.compile(
    r"^(?:according to|per|in the (?:view|eyes|opinion|words) of)\s+(?P<lead>[^,?]+?)" + _LEAD_END
    # "In the Libyan regime's view, ...", "As Tripoli tells it, ...": that party's account.
    + r"|^(?:in|from)\s+(?P<owner>[^,?]+?)['\u2019]s?\s+(?:view|eyes|opinion|telling|account|"
    r"version|words|point\s+of\s+view|reading)" + _LEAD_END
    + r"|^as\s+(?P<teller>[^,?]+?)\s+(?:sees?|saw|tells?|told|puts?)\s+it,\s*"
    r"|,?\s+(?:according to|per)\s+(?P<tail>[^,?]+?)\s*(?=[?.!]*$)",
    re.IGNORECASE,
)


def names_people(lemma: str) -> bool:
    """Is this noun a word for a person or people ("officials", "ambassador")?"""
    return lemma in ROLE_NOUNS or _CATEGORY.get(lemma) == "PERSON"


def kind_of_noun(lemma: str) -> str | None:
    """PERSON for people, PLACE or ORG for places and bodies ("nations", "clubs"), else the
    noun's category if it has one."""
    return "PERSON" if names_people(lemma) else _CATEGORY.get(lemma)


def unattributed(question: str) -> tuple[str, str | None]:
    """The question without "according to X" and X: the wh-word then leads again."""
    m = _ACCORDING.search(question)
    if not m:
        return question, None
    rest = (question[: m.start()] + question[m.end() :]).strip()
    who = m.group("lead") or m.group("owner") or m.group("teller") or m.group("tail")
    return rest[:1].upper() + rest[1:], who.strip()


# "According to the article, ...": the documents themselves, not a party in them.
_THE_DOCUMENTS = re.compile(r"^(?:the|this)\s+(?:article|report|story|headline|text|piece|page|"
                            r"documents?|sources?)$", re.IGNORECASE)


def put_to_one(question: str) -> tuple[str, str | None]:
    """(the question without its party, the party) when a yes/no question is put to one party
    ("According to the State Department official, was this a negotiation?"): a claim about
    that party's position (``positions.py``)."""
    rest, who = unattributed(" ".join(question.split()))
    if who is None or _THE_DOCUMENTS.match(who) or not question.rstrip().endswith("?"):
        return rest, None
    if not re.match(r"(?:the|its|his|her|their|[A-Z])", who):
        return rest, None  # "a 9 per cent pay rise" names no one
    first = re.findall(r"[\w']+", rest.lower())[:1]
    yes_no = bool(first) and (first[0] in _AUX_FIRST or first[0] == "any")
    return rest, who if yes_no else None


# "What is the article about?", "Summarise the story", "in a nutshell, what does this piece
# report?": what the documents say as a whole, which their headlines and leads tell.
_DOCUMENT = (r"(?:this|the|that|these|those)\s+(?:\w+\s+)?"
             r"(?:article|story|piece|report|document|text|page|news)s?")
_SUMMARY = re.compile(
    r"^\W*(?:(?:in\s+(?:a\s+nutshell|short|brief)|briefly|overall)\s*,?\s*)?(?:"
    r"what(?:['\u2019]s|\s+(?:is|was|are|were))\s+" + _DOCUMENT + r"\s+(?:about|saying)"
    r"|what\s+(?:does|did)\s+" + _DOCUMENT + r"\s+(?:say|report|tell\s+(?:us|me)|cover)\s*\W*$"
    r"|(?:please\s+)?(?:(?:can|could)\s+you\s+)?summari[sz]e\b"
    r"|(?:give\s+me\s+)?(?:a|the)\s+(?:summary|gist|tl;?dr)\b"
    r"|what(?:['\u2019]s|\s+is|\s+was)\s+the\s+(?:gist|upshot|main\s+point|summary)\b"
    r"|tl;?dr\b)",
    re.IGNORECASE)


# "what's the aim of the strikes and when did they start", "which city, which day?", "Where
# was it revealed, and by whom?": two questions in one.
_SECOND = re.compile(
    r"^(?P<first>.*\w)\s*(?:,\s*(?:and\s+)?|\s+and\s+)"
    r"(?P<second>(?:(?:by|to|with|for|from|in|at|on)\s+)?"
    r"(?:who|whom|whose|what|when|where|which|why|how)\b[^,;]*)$", re.IGNORECASE)


def two_questions(question: str, parser: Parser) -> tuple[str, str] | None:
    """The two questions one asks ("..., and when did they start"), each as a question: the
    second a question by its word order or a question word's phrase alone ("which day", "by
    whom"), not a clause ("the difference between X and what Y said")."""
    m = _SECOND.match(" ".join(question.split()))
    if not m:
        return None
    second = m.group("second").rstrip(" ?.!")
    phrase = 3 if second.split()[0].lower() in _PREPOSITIONS else 2  # "on what date"
    if len(second.split()) > phrase and not is_open(second, parser):
        return None
    first = m.group("first").rstrip(" ,;:-\u2013\u2014")
    lone = first.strip().lower()
    if lone in WH_WORDS:
        # "When and where was he born?": both asked of what follows the second word.
        words = second.split()
        rest = words[2:] if words[0].lower() in _PREPOSITIONS else words[1:]
        if not rest:
            return None
        first = f"{first.strip()} {' '.join(rest)}"
    if not is_open(first + "?", parser):
        return None
    return first + "?", second[:1].upper() + second[1:] + "?"


def summary_asked(question: str) -> bool:
    """Does the question ask what the documents say as a whole?"""
    return bool(_SUMMARY.search(" ".join(question.split())))


def out_of_scope(question: str) -> bool:
    return bool(_OUT_OF_SCOPE.search(question.strip()))


# "so when was it held", "ok who went": a word that only leads into the question.
_FILLER = re.compile(r"^\W*(?:(?:so|and|but|ok|okay|hey|well)\b[\s,]*)+", re.IGNORECASE)
# "Roughly how many ...?", "Exactly when ...?": a hedge before the wh-word asks as it does.
_HEDGE = re.compile(r"^\W*(?:roughly|approximately|about|around|exactly|precisely|just)\s+"
                    r"(?=(?:how|what|when|where|which|who|whom|whose|why)\b)", re.IGNORECASE)


def _asks_by_order(question: str, parser: Parser) -> bool:
    """A wh-phrase that is the subject of the main verb ("which news agency reported what he
    said", "what happened in tripoli"), or one the main verb's auxiliary follows ("what wrong
    idea did the americans think ..."): asked, question mark or not. In "What evidence they
    have is thin" the wh-phrase belongs to a clause that is itself the subject."""
    doc = parser.parse(question)
    wh = next((t for t in doc if t.lower_ in WH_WORDS), None)
    if wh is None:
        return False
    phrase = wh.head if wh.dep_ in ("det", "poss") else wh
    if phrase is wh and wh.lower_ in ("which", "what", "whose"):
        # "Which Deputy Minister led ...": the parser may take the names after the wh-word
        # for the subject and the wh-word for an object; its phrase ends at the last noun.
        end = wh.i
        while end + 1 < len(doc) and doc[end + 1].pos_ in ("NOUN", "PROPN", "ADJ"):
            end += 1
        if end > wh.i and doc[end].pos_ in ("NOUN", "PROPN"):
            phrase = doc[end]
    root = phrase.head
    if root.dep_ != "ROOT" or root.pos_ not in ("VERB", "AUX") or phrase.lower_ == "which":
        return False  # a bare "which" leads on from a sentence before: "Which means that ..."
    if phrase.dep_ in ("nsubj", "nsubjpass"):
        return True
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and any(
        c.dep_ in ("aux", "auxpass") and phrase.i < c.i < subject.i for c in root.children)


def is_open(question: str, parser: Parser | None = None) -> bool:
    """A wh-question (first word, after a preposition, or "... in which city?")."""
    question = _HEDGE.sub("", _FILLER.sub("", unattributed(question)[0]))
    words = re.findall(r"[\w']+", question.lower())
    if not words:
        return False
    asked = question.rstrip().endswith("?")
    if words[0] in WH_WORDS:
        if scene_set(question) is not None:
            return False
        # Without a question mark, only an interrogative word order asks: "When was it
        # held", "Who attended"; "When you read his words, ..." and "What they find is
        # ..." are statements.
        return asked or words[0] == "who" or (len(words) > 1 and (
            words[1] in _INTERROGATIVE_NEXT or (words[0] == "how" and words[1] in ("many",
                                                                                   "much"))
            # "how senior were they", "which country is it": one word, then the verb first
            # ("how it was done is unclear" is a statement).
            or (len(words) > 2 and words[2] in _INTERROGATIVE_NEXT
                and words[1] not in _PRONOUNS | _PERSONS)
            # "how long ago did it start": how long ago, then the verb first
            or (len(words) > 3 and words[:3] == ["how", "long", "ago"]
                and words[3] in _INTERROGATIVE_NEXT)
            # "what kind of group is the council": the kind, then the verb first
            or (len(words) > 4 and words[1] in ("kind", "sort", "type") and words[2] == "of"
                and words[4] in _INTERROGATIVE_NEXT)
            # "which of the three americans is the ambassador": one of some, then the verb
            or (words[0] in ("which", "who") and words[1] == "of" and len(words) > 3
                and words[2] in _SOME_OF
                and any(w in _INTERROGATIVE_NEXT for w in words[3:8])))) or (
            parser is not None and (_asks_by_order(question, parser) or (
                # "what happens next, more talks or not": the question, then its choices
                "," in question and _asks_by_order(question.split(",", 1)[0], parser))))
    if len(words) > 1 and words[1] in WH_WORDS and words[0] in _PREPOSITIONS:
        return asked or any(w in _INTERROGATIVE_NEXT for w in words[2:5])
    if words[0] in _AUX_FIRST:
        return False
    tag = TAG.search(question)
    if tag and not or_not(tag):
        return False  # "..., didn't they?": agreement with a statement is asked
    lead, comma, rest = _lead_of(question)
    first = re.match(r"\s*(\w+)", rest)
    if comma and first and first.group(1).lower() in WH_WORDS and len(lead.split()) <= 6 \
            and not question.rstrip().endswith("."):
        # "Besides Gene Cretz, how many ...?", "the council - who are they": a short lead,
        # then the question ("Sea level rise, which was occurring long before, has not
        # accelerated." is a statement with a clause of its own).
        return is_open(rest.strip(), parser)
    # "Harlow Bay is located in which country?" ("the official who spoke" asks nothing)
    return (question.rstrip().endswith("?") and any(
        w in ("which", "what", "who", "whom", "whose") for w in words)
        and not (parser is not None and _relative_only(question, parser))) or (
        parser is not None and _asked_last(question, parser))


def _relative_only(question: str, parser: Parser) -> bool:
    """Is every wh-word of the question one that opens a relative clause ("the official
    who described the meeting")?"""
    wh = [t for t in parser.parse(question) if t.lower_ in WH_WORDS]
    return bool(wh) and all(t.head.dep_ == "relcl" and t.head.i > t.i for t in wh)


_LEAD = re.compile(r",|\s[-\u2013\u2014]+\s|\u2014|:\s")


def scene_set(question: str) -> tuple[str, str] | None:
    """("When the Americans met them in Tunisia", "was that a negotiation?") for "When the
    Americans met them in Tunisia, was that a negotiation?": a wh-word that opens a clause
    setting the scene, or a condition ("If the ferry isn't ready, will ...?"), then a yes/no
    question."""
    lead, comma, rest = _lead_of(question.strip())
    words = lead.lower().split()
    if (comma and len(words) > 2 and words[0] in ("when", "where", "while", "whenever", "if",
                                                  "unless")
            and words[1] not in _INTERROGATIVE_NEXT and rest.split()[:1]
            and rest.split()[0].lower() in _AUX_FIRST):
        return lead, rest.strip()
    return None


def _lead_of(text: str) -> tuple[str, str, str]:
    """The first comma, dash or colon of a question and what stands either side of it."""
    m = _LEAD.search(text)
    return (text[: m.start()], m.group(), text[m.end() :]) if m else (text, "", "")


def _asks_ahead(doc: Any) -> bool:
    """"When will they meet next?", "What is the next step going to be?": a question about
    what is still to come (its main verb in the future, "next" / "upcoming", or what a party
    expects or plans to do)."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    future = root is not None and any(
        c.lower_ in ("will", "shall", "'ll") and c.dep_ == "aux" for c in root.children)
    going = re.search(r"\b(?:going to|due to|scheduled to|set to)\b", doc.text, re.IGNORECASE)
    past = root is not None and (root.tag_ in ("VBD", "VBN") or any(
        c.tag_ == "VBD" for c in root.children if c.dep_ in ("aux", "auxpass")))
    # ("When does NATO expect to wind down its strikes?": when what it means to do will be)
    meant = re.search(r"^\W*(?:when|where)\b.*\b(?:expects?|plans?|intends?|hopes?|aims?)\s+"
                      r"to\b", doc.text, re.IGNORECASE)
    return bool(future or going or (not past and (meant or any(
        t.lower_ in ("next", "upcoming") for t in doc))))


_BACK = re.compile(r"\b(?:they|it|he|she|them|him|her)\b", re.IGNORECASE)


def _lead_named(question: str) -> str:
    """"the transitional national council - who are they": the question, with the lead it
    points back to in place of its pronoun ("Who are the transitional national council")."""
    lead, mark, rest = _lead_of(question)
    first = re.match(r"\s*(\w+)", rest)
    if not mark or not first or first.group(1).lower() not in WH_WORDS or not (
            0 < len(lead.split()) <= 8):
        return question
    if not _BACK.search(rest) or _BACK.search(lead):
        return question
    rest = _BACK.sub(lead.strip(), rest.strip(), count=1)
    return rest[:1].upper() + rest[1:]


def _asked_last(question: str, parser: Parser) -> bool:
    """"derek chollet is on the staff of which body", "the meeting was held where": the
    question word where the answer would stand, typed without a question mark."""
    doc = parser.parse(question.rstrip(" .!?"))
    if len(doc) < 3:
        return False
    last = doc[-1]
    if last.lower_ in ("who", "whom", "where", "when"):
        return True
    return last.pos_ in ("NOUN", "PROPN") and doc[-2].lower_ in ("which", "what", "whose")


_TIME_UNITS = frozenset(["time", "years", "months", "weeks", "days", "hours", "minutes",
                         "seconds", "decades", "centuries"])


def _expects(wh: str, words: list[str], doc: Any, in_title: set[int], typed: Any | None
             ) -> str:
    """The answer type an open question wants (``in_title``: the tokens of a quoted title;
    ``typed``: the noun after the question word that gives the type, ``_typed_noun``)."""
    if wh == "who" or wh == "whom" or wh == "whose":
        return "PERSON"
    if wh == "when":
        return "DATE"
    if wh == "where":
        return "PLACE"
    if wh == "why":
        return "REASON"
    if wh == "how":
        # (the two words after "how", blank where the question ends)
        nxt, after = [*words[words.index("how") + 1 :], "", ""][:2]
        if nxt in ("many", "much"):
            # "How much time ...", "how many years ...": a length of time.
            return "DURATION" if after in _TIME_UNITS else "NUMBER"
        if nxt == "old":
            return "AGE"
        if nxt == "often":
            return "FREQUENCY"  # "twice a year", "every week", "all the time"
        if nxt == "long" and after == "ago":
            return "DATE"  # "How long ago did the campaign start?": when
        # ("how high-ranking": a standing, no measure)
        if nxt in ("long", "far", "big", "large", "tall", "high", "deep", "heavy") and after != "-":
            return "DURATION" if nxt == "long" else "NUMBER"
        return "MANNER"
    # what / which: the noun after it, or the head of "the X of ..."
    i = words.index(wh)
    if i + 1 < len(words) and words[i + 1] in _DO_HAVE:
        # "What has the minister asked ...?": the clause's subject follows, not the answer's
        # type ("What did the council decide?" asks for a thing, not the council).
        return "THING"
    for j, w in enumerate(words[i + 1 : i + 6], start=i + 1):
        if j in in_title:
            break
        if w in ("is", "was", "are", "were", "the", "a", "an", "of") or (
                _of_a_country(doc[j]) and all(_of_a_country(t) for t in doc[i + 1 : j])):
            continue  # ("which U.S. officials", "what Libyan officials": people)
        if j < len(doc) and (doc[j].tag_ == "POS" or (
                doc[j].dep_ == "poss" and doc[j].head.i > j and doc[j].head.i < i + 6)):
            continue  # "What was the official's sense ...?": the thing the official has
        if w in _CATEGORY and j < len(doc) and _a_name_of_its_kind(doc[j]):
            break  # "What is the Libya Contact Group?": what that group is
        if w in _CATEGORY:
            return _CATEGORY[w]
        if w in _SIDES_TAKING_PART and not _MEMBERSHIP.intersection(words):
            return "PERSON"  # "Which parties did the U.S. consult?": who, as people or bodies
        if names_people(w) or names_people(w.removesuffix("s")) or w in TITLES:
            if j < len(doc) and words[i + 1] in ("is", "was", "are", "were") and any(
                    c.dep_ == "acl" and c.tag_ in ("VBN", "VBG") and c.i > j
                    for c in doc[j].children):
                # "What was the official not authorized to do?": the people are the
                # subject of the deed asked, not its answer
                return "THING"
            return "PERSON"  # "which two members ...", "which officials ...": people
        if w in _NUMBER_WORDS or w.isdigit():
            continue  # "which two members"
        if j < len(doc) and j < doc[j].head.i < i + 6 and all(
                doc[k].dep_ in ("compound", "amod") for k in range(i + 1, j + 1)):
            continue  # "which assistant secretary": the noun it goes with says
        # "what kind of ...": keep looking; otherwise the first noun decides
        if w not in ("kind", "sort", "type"):
            break
    if i + 1 < len(doc) and doc[i].dep_ in ("nsubj", "nsubjpass") and doc[i].head.i == i + 1 \
            and doc[i + 1].tag_ in ("VBD", "VBZ") and doc[i + 1].pos_ == "VERB" \
            and doc[i + 1].lemma_.lower() not in ("be", "have", "do"):
        # "What happened in Istanbul the day before?": the subject is asked, a thing; a
        # word of when or where after its verb says nothing of what it is.
        return "THING"
    for j, w in enumerate(words[i + 1 : i + 8], start=i + 1):
        if j in in_title:
            continue
        if typed is not None and typed.i < j and typed.lemma_.lower() not in _GENERIC:
            break  # "What gender is the student body?": the gender, whatever has it
        if w == "place" and words[j - 1] in ("take", "took", "taken", "takes", "taking"):
            continue  # "What gathering took place ...?" asks for no place
        if w in _CATEGORY and w not in ("age",) and "-" not in words[j - 1 : j + 2] and not (
                j < len(doc) and (_inside_a_name(doc[j]) or _a_name_of_its_kind(doc[j]))):
            # (not "the modern-day name": a day in a word of two; nor "the State
            # Department official": a word of a name)
            return _CATEGORY[w]
    return "THING"


def _met_asked(doc: Any) -> bool:
    """"Which diplomats did the U.S. consult?": the people a question's word asks for are
    the object of a meeting verb after "did" (the parse may take the verb for a noun)."""
    aux = next((t for t in doc[1:] if t.lower_ in ("did", "does", "do", "will", "would")), None)
    return aux is not None and any(
        t.lemma_.lower() in MET_WITH or t.lower_ in MET_WITH for t in doc[aux.i + 1 :]) and not any(
        t.lower_ == "with" for t in doc[aux.i + 1 :])


def _persons_things(doc: Any) -> tuple[tuple[str, str], ...]:
    """(owner, thing) lemmas of what a person named in the question has ("Qaddafi's
    representatives"); not a country's or a body's."""
    return tuple((t.lower_, t.head.lemma_.lower()) for t in doc
                 if t.dep_ == "poss" and t.pos_ == "PROPN" and t.head.pos_ == "NOUN"
                 and canonical(t.text) is None and t.ent_type_ in ("PERSON", ""))


_BELIEVING = frozenset(["think", "believe", "assume", "suppose", "expect", "fear"])


def _gapped(says: re.Match[str], question: str, parser: Parser) -> bool:
    """Does "what" stand inside the clause a party is said to believe, as the object its verb
    lacks ("What did Libya think the U.S. was prepared to do?"), rather than for what the
    party thinks of something ("What does Libya think about the meeting?")?"""
    about = says.group("about")
    if says.group("verb").lower() not in _BELIEVING:
        return False  # ("What does X say Qaddafi must do?": X's words, as they put it)
    if not about or not question.lower().startswith("what") or re.match(
            r"\s*(?:about|of|on|over|to|regarding)\b", question[says.end("verb"):], re.I):
        return False
    clause = parser.parse(about)
    if not any(t.dep_ in ("nsubj", "nsubjpass") for t in clause):
        return False
    last = [t for t in clause if not t.is_punct][-1:]
    # (its last word a verb or preposition with nothing after it for its object)
    # ("What does X say the meeting was?" asks X's account of it, as "about" does)
    return bool(last) and (last[0].pos_ in ("VERB", "ADP") or last[0].lower_ == "do") \
        and not any(c.dep_ in ("dobj", "pobj", "ccomp", "xcomp", "attr") for c in last[0].children)


def _a_name_of_its_kind(tok: Any) -> bool:
    """A capitalised kind word that ends a name ("Group" of "the Libya Contact Group"): the
    name of one thing, not the kind of thing asked for."""
    return tok.pos_ == "PROPN" and tok.is_title and any(
        c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.children)


def _inside_a_name(tok: Any) -> bool:
    """A capitalised word within a name, not its head: "State" of "the State Department" or
    of "Assistant Secretary of State" (not "Group" of "the Contact Group meeting")."""
    if tok.pos_ != "PROPN" or not tok.is_title:
        return False
    head = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else tok.head
    return head.i != tok.i and head.pos_ == "PROPN" and head.is_title and (
        tok.dep_ in ("compound", "pobj"))


def _typed_noun(doc: Any, wh: str) -> Any | None:
    """"What gathering took place ...?": the noun the question word determines."""
    for tok in doc:
        if tok.lower_ == wh and tok.i + 1 < len(doc):
            at = tok.i + 1
            # "What military alliance ...?", "Which U.S. department ...?": the noun its common
            # adjectives or a name (its country, its owner) go with
            while at + 1 < len(doc) and doc[at].head.i > at and (
                    (doc[at].pos_ == "ADJ" and doc[at].is_lower)
                    or (doc[at].pos_ == "PROPN" and doc[at].dep_ in ("compound", "amod"))
                    or doc[at].ent_type_ in ("GPE", "NORP")
                    # "Which government department ...?": the department, of a government
                    # (not "What pay rise ...?", a rise of pay asked as a figure)
                    or (doc[at].lower_ in GOVERNMENT_NOUNS and doc[at].dep_ == "compound"
                        and doc[at + 1].pos_ == "NOUN")):
                at += 1
            nxt = doc[at]
            # (the small parser may leave "which" unattached: "At which summit ...")
            if nxt.pos_ == "NOUN" and nxt.lower_ not in _CATEGORY and (
                    tok.head.i == nxt.i or tok.lower_ == "which"):
                return nxt
            return None
    return None


def _counted(doc: Any) -> tuple[str, tuple[str, ...]]:
    """"How many TNC officials ...?": the lemma of the noun counted ("official") and the names
    qualifying it ("TNC")."""
    for t in doc:
        if t.lower_ == "many" and t.i > 0 and doc[t.i - 1].lower_ == "how":
            noun = next((x for x in doc[t.i + 1 : t.i + 4] if x.pos_ == "NOUN"), None)
            first = doc[t.i + 1] if t.i + 1 < len(doc) else None
            if noun is None and first is not None and first.lower_.endswith("s") and (
                    first.ent_type_ == "NORP" or canonical(first.text)
                    or canonical(first.text.removesuffix("s"))):
                return "people", (first.text,)  # "How many Americans ...?": a country's people
            if noun is None:
                return "", ()
            named = party_words(doc[t.i + 1 : noun.i])
            if not named and (names_people(noun.lemma_.lower())
                              or noun.lemma_.lower() in ("people", "person")):
                # "How many people did Libya send?": the people of the party that sent them
                # (a named party the tables may not know: "How many people did Vardia send?")
                named = tuple(c.text for c in doc[noun.i + 1 :] if c.dep_ == "nsubj"
                              and c.head.pos_ == "VERB"
                              and (_of_a_country(c) or canonical(c.text) or c.pos_ == "PROPN"))
            return noun.lemma_.lower(), named
    return "", ()


def party_words(span: Any) -> tuple[str, ...]:
    """The words of a span that name a party: names, nationalities, organisations."""
    return tuple(t.text for t in span
                 if t.pos_ == "PROPN" or t.ent_type_ in ("NORP", "ORG", "GPE"))


def _occasion_set_against(doc: Any) -> set[int]:
    """"What did the U.S. do before meeting the Libyans?": the deed asked is the one done;
    the clause after "before" only says which occasion it is set against, which an answering
    sentence may name in its own words ("Before the talks, U.S. officials consulted ...")."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.lemma_.lower() != "do" or root.pos_ != "VERB" or not any(
            c.dep_ == "dobj" and c.lower_ == "what" for c in root.children):
        return set()
    return {t.i for c in root.children if c.dep_ == "prep" and c.lower_ in (
        "before", "after", "during", "since") for t in c.subtree}


def _predicate(doc: Any) -> str:
    """"In which city was the meeting first disclosed?": the lemma of its first full verb."""
    # "What is NATO doing?" asks what it does: "do" when it is the only full verb.
    verbs = [t for t in doc if t.pos_ == "VERB" and t.dep_ not in ("aux", "auxpass")]
    if _occasion_set_against(doc):
        return "do"  # "What did they do before meeting X?": a deed, whichever
    full = [v for v in verbs if v.lemma_.lower() not in ("be", "do", "have")]
    first = full[0] if full else None
    if first is not None and first.dep_ in ("acl", "relcl", "csubj"):
        # (not a participle that only says which ones: "What did the nations meeting in
        # Riga decide?" asks what they decided)
        first = next((v for v in full if v.dep_ == "ROOT" and v.i > first.i), first)
    if first is not None and first.lemma_.lower() in _AIMING:
        # "What did the officials want to clear up?" asks what they cleared up: the aim is
        # how the question puts it, and "met ... to clear up X" answers.
        deed = next((c for c in first.children if c.dep_ == "xcomp" and c.pos_ == "VERB"
                     and c.lemma_.lower() not in ("be", "do", "have")), None)
        # (not "want Qaddafi to do": what another is wanted to do is the wanting's)
        if deed is not None and not any(first.i < c.i < deed.i and c.dep_ in ("dobj", "nsubj")
                                        for c in [*first.children, *deed.children]):
            return str(deed.lemma_.lower())
    if first is not None and first.lemma_.lower() == "take" and any(
            c.lower_ == "place" for c in first.children):
        return "happen"  # "When did the meeting take place?": it was held, no deed of anyone's
    if first is not None:
        return str(first.lemma_.lower())
    return "do" if any(v.lemma_.lower() == "do" for v in verbs) else ""


# "How long has the embassy been closed?", "how long have they been at war": a state that
# still holds, in the present perfect.
_LASTING = re.compile(r"^\s*how\s+long\s+(?:has|have|had)\b.*\bbeen\b", re.IGNORECASE)

# Verbs of aiming at a deed: "want to", "hope to", "try to", "seek to", "intend to".
# ("hop": the small parser's lemma of "hoping")
_AIMING = frozenset("want hope hop try seek intend aim plan attempt mean wish".split())


def _attribute(doc: Any, expects: str, words: list[str]) -> str:
    """"What is the population of X?": the measure the number must be of (not "how many",
    whose counted noun is a content word already)."""
    if expects != "NUMBER" or "how" in words:
        return ""
    noun = next((t for t in doc if t.lower_ in _CATEGORY and _CATEGORY[t.lower_] == "NUMBER"
                 and t.pos_ == "NOUN"), None)
    return noun.lemma_.lower() if noun is not None else ""


def _focus(doc: Any, skip: set[int]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(content lemmas, proper-noun lemmas) the answering sentence must be about."""
    words: list[str] = []
    proper: list[str] = []
    for tok in doc:
        if tok.i in skip or tok.is_punct or tok.is_space:
            continue
        low = tok.lower_
        if low in WH_WORDS or low in ("many", "much"):
            continue
        if tok.pos_ not in ("NOUN", "PROPN", "VERB", "ADJ", "NUM", "ADV"):
            continue
        lemma = tok.lemma_.lower()
        if low in _MORE and tok.head.pos_ == "NOUN" and tok.dep_ in ("amod", "det"):
            words.append(low)  # "more meetings" asks about others than the one told of
            continue
        if tok.is_stop and tok.pos_ not in ("PROPN", "NUM"):
            continue
        if tok.pos_ in ("VERB", "AUX") and lemma in _LIGHT_VERBS:
            continue
        if lemma in HAPPENING and any(c.dep_ == "nsubj" and c.lower_ == "what"
                                      for c in tok.children) and not any(
                                          c.dep_ == "dobj" for c in tok.children):
            continue  # "What kicked off in March?": the happening is what is asked
        if low in _PRONOUNS or (tok.pos_ == "ADV" and low in _STRESSING):
            continue
        if tok.ent_type_ == "DATE" and low in _WITHIN_A_DATE:
            continue  # "in mid July": July 15 is in it; no sentence says "mid"
        if lemma == "place" and tok.i > 0 and tok.doc[tok.i - 1].lemma_ == "take":
            continue
        if lemma in ("count", "qualify") and tok.i + 1 < len(tok.doc) and (
                tok.doc[tok.i + 1].lower_ == "as"):
            continue  # "whether the talks count as negotiations": whether they were
        if low in _PREPOSITION_HEADS and any(c.lower_ in ("of", "to") for c in tok.children):
            continue  # "ahead of", "prior to": a preposition of two words
        if lemma in _LIGHT_NOUNS and any(c.lower_ == "of" for c in tok.children):
            continue  # "the nature of the meeting" is the meeting, said of what it was
        if lemma in ("people", "person", "individual") and any(
                t.lower_ in ("which", "what") for t in doc[max(0, tok.i - 2) : tok.i]):
            continue  # "Which American people ...?": people is what the answer is, no topic
        lemma = hyphened(tok) or lemma
        words.append(lemma)
        if _names_which(tok):
            continue  # "the July 16 meeting": a date tells which one, it does not name it
        if (tok.pos_ == "PROPN" or (tok.ent_type_ and tok.ent_type_ not in ("DATE", "CARDINAL"))
                ) and _capitalised(tok):
            proper.append(lemma)
    return tuple(dict.fromkeys(words)), tuple(dict.fromkeys(proper))


# "Who was the U.S. Ambassador?", "Who are the Transitional National Council?": whom the
# words after "the" describe or name.
_WHO_WERE_THE = re.compile(r"^who\s+(?:is|was|are|were)\s+the\s+([\w\s.'\u2019-]+?)\W*$",
                           re.IGNORECASE)
# Adverbs that only stress what is asked ("whether a dialogue has actually started"): no
# sentence need say them.
_STRESSING = frozenset("actually really truly indeed ever exactly precisely basically "
                       "essentially genuinely".split())
# First words of two-word prepositions ("ahead of the talks", "prior to the meeting").
_PREPOSITION_HEADS = frozenset(["ahead", "prior"])


def _names_which(tok: Any) -> bool:
    """Is the word part of a date set before a noun ("the July 16 meeting")? A sentence may
    speak of that meeting without its date; "in March" is when, and stays asked."""
    if tok.ent_type_ != "DATE":
        return False
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    if ent is None or date(ent.text) is None:
        return False
    return ent.root.head.pos_ == "NOUN" and ent.root.head.i >= ent.end


def _people_named(doc: Any, q: str) -> Any | None:
    """The people whose names are asked: "the names of the officials", "of the Libyans";
    "Who were the American officials?" (a word for people after "who were the")."""
    of = next((t for t in doc if t.lower_ == "of" and t.head.lemma_.lower() == "name"), None)
    obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if obj is None:
        body = _WHO_WERE_THE.match(q)
        span = doc.char_span(body.start(1), body.end(1), alignment_mode="expand") \
            if body else None
        obj = span.root if span is not None else None
    if obj is None:  # "Which U.S. officials attended?"
        wh = next((t for t in doc if t.lower_ in ("which", "what")), None)
        if wh is not None and wh.i + 1 < len(doc) and doc[wh.i + 1].lower_ == "of":
            # "Which of the three Americans is the ambassador?": one of those people
            obj = next((c for c in doc[wh.i + 1].children if c.dep_ == "pobj"), None)
        else:
            after = [t for t in doc[wh.i + 1 : wh.i + 5] if not _of_a_country(t)] if wh else []
            # (not one whose thing is asked: "What was the official's sense ...?")
            obj = after[0] if after and after[0].pos_ == "NOUN" and after[0].dep_ != "poss" \
                else None
    if obj is None and (on := _WHO_WAS_ON.match(q)):
        # "Who was on the U.S. team?", "Who made up the American delegation?": the people of
        # that party's team, by name
        span = doc.char_span(on.start(1), on.end(1), alignment_mode="expand")
        if span is not None and span.root.lemma_.lower() in _GROUPS_OF_PEOPLE:
            return span.root
    return obj if obj is not None and (
        names_people(obj.lemma_.lower()) or obj.ent_type_ == "NORP") else None


_WHO_WAS_ON = re.compile(r"^\W*who\s+(?:(?:was|were|is|are)\s+(?:on|in|part\s+of)|(?:made|make|"
                         r"makes)\s+up|formed|comprised|(?:was|were)\s+members\s+of)\s+(.+?)"
                         r"[\s?.!]*$", re.IGNORECASE)
# Words for the people a party sends: those on them are asked for by name.
_GROUPS_OF_PEOPLE = frozenset(["team", "delegation", "staff", "panel", "side"])


def _side_represented(doc: Any) -> str:
    """"Who represented Libya at the meeting?": the country whose people did the deed for it."""
    for tok in doc:
        if tok.dep_ == "dobj" and tok.head.lemma_.lower() in ("represent", "speak") and (
                country := canonical(tok.text)):
            return country
        # "Who attended for the Americans?", "Who was there for the U.S.?"
        done = tok.head.head if tok.head.head.pos_ != "NOUN" else tok.head.head.head
        if tok.dep_ == "pobj" and tok.head.lower_ == "for" and (
                done.lemma_.lower() in _ON_BEHALF) and (country := canonical(tok.text)):
            return country
    return ""


# Verbs whose "for X" says on whose behalf it was done
_ON_BEHALF = frozenset(["attend", "be", "go", "sit", "meet", "negotiate"])


def _one_described(people: Any) -> bool:
    """"the State Department official", "the anonymous American source": one person told by
    words of their own, not by a post of something ("the director of X")."""
    return people.tag_ == "NN" and any(c.dep_ in ("amod", "compound") for c in people.children) \
        and not any(c.dep_ == "prep" for c in people.children)


def _wants_done(doc: Any) -> bool:
    """"What does X want (Y to do)?" asks what X wants done, which X may say someone "must"
    do; "What did X want to clear up?" asks what X itself set out to do."""
    return any(t.lemma_ in WANTING and (t.i + 1 == len(doc) or doc[t.i + 1].lower_ != "to")
               for t in doc)


def _of_a_country(tok: Any) -> bool:
    """A word that names a country or its people ("U.S.", "Libyan")."""
    return bool(tok.ent_type_ in ("GPE", "NORP") and canonical(tok.text))


def _party_of(people: Any) -> str:
    """The country a phrase of people says they are of ("Libyans", "the U.S. officials",
    "the Libyan government's spokesman", "the members of Washington's team"; not "the
    ambassador to Libya")."""
    words, todo = [], [people]
    while todo:
        t = todo.pop()
        words.append(t)
        todo += [c for c in t.children if c.dep_ in ("amod", "compound", "nmod", "poss")]
        todo += [o for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                 for o in c.children if o.dep_ == "pobj"]
    return next((c for t in words if (c := canonical(t.text) or canonical(
        t.text.removesuffix("s")))), "")  # ("Norwegians": of Norway)


# What only a person has: "What was Tobiah Marchbank's occupation?" asks of a person, whatever
# the small model takes the name for.
_OF_A_PERSON = frozenset("born birth die death occupation profession job trade married wife "
                         "husband".split())


def _person(doc: Any, proper: tuple[str, ...]) -> tuple[str, ...]:
    """The first person's name asked about, given names first ("arthur", "middleton"): only a
    name of two or more capitalised words, every one of them a name asked about."""
    personal = any(t.lower_ in _OF_A_PERSON or t.lemma_.lower() in _OF_A_PERSON for t in doc)
    for ent in doc.ents:
        names = [t.lemma_.lower() for t in ent if t.is_alpha]
        label = ent.label_ == "PERSON" or (personal and ent.label_ in ("ORG", "GPE", "NORP"))
        if label and len(names) >= 2 and all(
                t.is_title and t.lemma_.lower() in proper for t in ent if t.is_alpha):
            return tuple(names)
    return ()


def _described(doc: Any, focus: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """(word, noun) for the words of a definite noun phrase that only say which thing it is:
    its adjectives, the nouns and names before it, and a place or date after "in", "at" or
    "on" ("the secret meeting in Tunisia": secret, Tunisia)."""
    out: list[tuple[str, str]] = []
    for noun in doc:
        if noun.pos_ != "NOUN" or noun.lower_ in WH_WORDS or not any(
                c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children):
            continue
        words = [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod")]
        words += [g for c in noun.children if c.dep_ == "prep" and c.lower_ in ("in", "at", "on")
                  for g in c.children if g.dep_ == "pobj"]
        out += [(w.lemma_.lower(), noun.lemma_.lower()) for w in words
                if w.lemma_.lower() in focus and w.lemma_.lower() != noun.lemma_.lower()]
    # "Why did they meet in Brenna?": the place of a meeting says which meeting it was, as
    # "the meeting in Brenna" does
    for verb in doc:
        if verb.pos_ == "VERB" and (verb.lemma_.lower() in MET_WITH
                                    or verb.lemma_.lower() in TOOK_PLACE):
            out += [(g.lemma_.lower(), verb.lemma_.lower()) for c in verb.children
                    if c.dep_ == "prep" and c.lower_ in ("in", "at") for g in c.children
                    if g.dep_ == "pobj" and g.lemma_.lower() in focus]
    return tuple(out)


# Marks a title may open with, as tokens.
TITLE_OPENING = frozenset(['"', "\u201c", "'", "\u2018", "``"])


def _whose(doc: Any) -> Any | None:
    """The noun "whose" asks the owner of ("Whose government met them?": government)."""
    return next((t.head for t in doc if t.lower_ == "whose" and t.dep_ == "poss"
                 and t.head.pos_ == "NOUN"), None)


def _named_kind(doc: Any, proper: tuple[str, ...], skip: set[int]) -> str:
    """The common noun a name asked about follows ("the album 'Familiar Stranger'", "the
    film Under the Tin Roof") or is part of ("Selmore Priory", "the Brannock Water Tower",
    "302 Squadron"): a page may go on to call it "this album", "the priory", "the squadron"."""
    for tok in doc[:-1]:
        after = doc[tok.i + 2] if doc[tok.i + 1].text in TITLE_OPENING and tok.i + 2 < len(doc) \
            else doc[tok.i + 1]
        if tok.i not in skip and tok.pos_ == "NOUN" and tok.is_lower and after.text.istitle() \
                and tok.i > 0 and doc[tok.i - 1].lower_ == "the":
            return tok.lemma_.lower()
    for tok in doc:
        if tok.i not in skip and tok.pos_ in ("NOUN", "PROPN") and not tok.is_lower and any(
            c.dep_ in ("compound", "nummod") and (c.lemma_.lower() in proper or (
                c.like_num and tok.ent_type_ not in ("DATE", "TIME")))  # not "July 16"
            for c in tok.children
        ):
            return tok.lemma_.lower()
    return ""


def _kind_name(doc: Any, kind: str) -> tuple[str, ...]:
    """The words of the name a kind word ends ("National Security Council"): the word and
    the names written before it."""
    head = next((t for t in doc if kind and t.lemma_.lower() == kind and t.pos_ == "PROPN"), None)
    if head is None or head.ent_type_ == "PERSON" or (
            head.i + 1 < len(doc) and doc[head.i + 1].pos_ == "PROPN"):
        # (a person's surname is no kind: "Senator Tate" may be "John Tate"; nor a word
        # within a longer name: "Jones" of "the David Jones House")
        return ()
    return tuple(t.lemma_.lower() for t in sorted([head, *names_before_head(head)],
                                                   key=lambda t: t.i))


def _title_tokens(doc: Any, kind: str) -> list[Any]:
    """The words of the title set after "the <kind>" ("the film A House Under Rain")."""
    start = next((t.i + 1 for t in doc if kind and t.lemma_.lower() == kind and t.is_lower), None)
    out: list[Any] = []
    for tok in doc[start:] if start is not None else ():
        if tok.is_punct and tok.text not in TITLE_OPENING:
            break
        out.append(tok)
    return out


def _title_after(doc: Any, kind: str) -> list[str]:
    """The capitalised words of that title."""
    return [t.lemma_.lower() for t in _title_tokens(doc, kind) if t.text[:1].isupper()]


def _title_text(doc: Any, kind: str) -> str:
    """That title as written, where it starts with a capital."""
    words = [t for t in _title_tokens(doc, kind) if t.text not in TITLE_OPENING]
    return doc[words[0].i : words[-1].i + 1].text if words and words[0].text[:1].isupper() \
        else ""


def _capitalised(tok: Any) -> bool:
    """Is the word written as a name: with a capital, or inside a name that has one
    ("yeong" of "Kim So-yeong")?"""
    if not tok.is_lower:
        return True
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    return ent is not None and any(not t.is_lower for t in ent)


def _last_user(history: Sequence[Mapping[str, Any]]) -> str | None:
    for turn in reversed(history):
        if turn.get("role") == "user" and str(turn.get("content", "")).strip():
            return str(turn["content"])
    return None


def _inverted(wh_tok: Any) -> bool:
    """"Who did America recognize ...?": a "do" after the wh-word with a verb still to come
    makes the wh-word the object, however the parse reads a long question ("Who did it?" has
    no verb after "did": there the wh-word is the subject)."""
    doc, nxt = wh_tok.doc, wh_tok.i + 1
    if nxt < len(doc) and doc[nxt].lemma_ == "be" and doc[nxt].dep_ == "aux":
        # "Who were the officials meeting?": another is the subject of the verb "were" helps
        verb = doc[nxt].head
        return any(c.dep_ == "nsubj" and c.i != wh_tok.i for c in verb.children)
    # (a preposition left at the end with no object of its own has the wh-word for it,
    # however the verb before it is tagged: "Which department does the official work for?")
    last = next((t for t in reversed(doc) if not t.is_punct), None)
    stranded = last is not None and last.pos_ == "ADP" and not any(
        c.dep_ == "pobj" for c in last.children)
    return nxt < len(doc) and doc[nxt].lemma_ == "do" and (stranded or any(
        t.pos_ == "VERB" for t in doc[nxt + 1 :]))


# "What did the team go to the meeting for?": why they went (not "ask for", "pay for": the
# verbs of going and meeting take no "for" of their own)
_GOING_FOR = re.compile(r"^\s*what\s+(?:did|do|does|was|were|is|are)\b.*\bfor\s*[?.!]*\s*$",
                        re.IGNORECASE)
_GOING = frozenset("go come travel fly head meet gather convene hold arrange visit return "
                   "send sit".split())


def _went_for(q: str, doc: Any) -> bool:
    return bool(_GOING_FOR.match(q)) and _predicate(doc) in _GOING


# Words that ask what something is by what it is known as.
_WHAT_FOR = re.compile(r"^\s*what\s+(?:is|was|are|were)\s+(?:the|this|that|these|those|its|"
                       r"their|his|her)\s+[\w\s'’.-]{1,50}?\s+for\s*[?.!]*\s*$", re.IGNORECASE)
# ... and its words that only ask for the aim, where it is asked as what is to be gained
# ("hop": the small parser's lemma of "hoping")
_AIM_WORDS = frozenset("try hope hop seek aim want intend mean achieve accomplish gain get".split())
_GAINED = re.compile(r"\b(?:achieve|accomplish|gain|get)\b|\b(?:try|tries|trying|tried|seek|seeks|"
                     r"seeking|sought|aiming)\s+to\s+do\b", re.IGNORECASE)
# "What were they trying to achieve?", "What did Washington hope to gain?": a purpose.
_AIMED_AT = re.compile(r"^\s*what\b.*\b(?:try|tries|trying|tried|hope|hopes|hoping|hoped|seek|"
                       r"seeks|seeking|sought|aim|aims|aiming|aimed|want|wants|wanted|intend|"
                       r"intends|intended|mean|meant)\s+to\s+(?:achieve|accomplish|gain|get)\b"
                       # "What were the officials trying to do?": what they went for
                       r"|^\s*what\b.*\b(?:try|tries|trying|tried|seek|seeks|seeking|sought|aiming)"
                       r"\s+to\s+do\b"
                       # "What was the meeting meant to do?": what it was for
                       r"|^\s*what\b.*\b(?:meant|intended|supposed|designed|aim|aimed|aims)\s+to"
                       r"\s+do\b"
                       # "What did the Libyans want from the meeting?": what it was for, to them
                       r"|^\s*what\b.*\b(?:want|wants|wanted|hope|hopes|hoped|expect|expects|"
                       r"expected)\s+(?:to\s+get\s+)?(?:from|out\s+of)\s+(?:the|this|that)\s+"
                       r"(?:meeting|talks|session|summit|encounter|sit-down|get-together)\b",
                       re.IGNORECASE)
# "What was the meeting about?": what an occasion was for, as each side tells it.
_WHAT_ABOUT = re.compile(r"^\s*what\s+(?:is|was|are|were)\s+(?P<occasion>(?:the|this|that|these|"
                         r"those|its|their)\s+[\w\s'’.-]{1,50}?)\s+(?:all\s+)?about\s*[?.!]*\s*$",
                         re.IGNORECASE)
# "What did they discuss at the meeting?", "What was talked about in the talks?"
_TALKED_AT = re.compile(r"^\s*what\s+(?:did|do|does|was|were|is|are)\s+(?:[\w\s.'’-]{1,40}?\s+)?"
                        r"(?:discuss(?:ed)?|talk(?:ed)?\s+about|talk\s+over|cover(?:ed)?)\s+"
                        r"(?:at|during|in)\s+(?P<occasion>.{1,60}?)\s*[?.!]*\s*$", re.IGNORECASE)
# "Where did news of the meeting break?", "Who broke the news of the meeting?": where and by
# whom it was disclosed.
_NEWS_BROKE = re.compile(r"^\s*(?P<wh>\w+(?:\s+\w+)?)\s+did\s+(?:the\s+)?news\s+of\s+(?P<what>.+?)"
                         r"\s+break\b(?P<rest>.*)$", re.IGNORECASE)
_BROKE_NEWS = re.compile(r"^\s*(?P<wh>who|which\s+\w+|what\s+\w+)\s+broke\s+(?:the\s+)?news\s+"
                         r"(?:of|about)\s+(?P<what>.+?)(?P<rest>[?.!]*)$", re.IGNORECASE)
# "What was the outcome of the meeting?": what the meeting achieved.
_OUTCOME = re.compile(r"^\s*what\s+(?:was|is|were|are)\s+the\s+(?:outcome|result|upshot)s?\s+of\s+"
                      r"(?P<occasion>.{1,60}?)\s*[?.!]*\s*$", re.IGNORECASE)
# "What status did the nations give the council?": what they recognized it as.
_STANDING = re.compile(r"^\s*what\s+(?:status|standing)\s+(?P<aux>did|does|do|has|have)\s+"
                       r"(?P<who>.{1,60}?)\s+(?:give|given|grant|granted|accord|accorded|award|"
                       r"awarded)\s+(?:to\s+)?(?P<whom>.{1,60}?)\s*[?.!]*\s*$", re.IGNORECASE)
# "What does the spokesman want to avoid?": what he does not want.
_AVOIDED = re.compile(r"^\s*what\s+(?P<aux>do|does|did)\s+(?P<who>.{1,60}?)\s+(?:want|wish|hope|"
                      r"try|seek)\s+to\s+(?:avoid|escape|prevent|move\s+away\s+from|get\s+away\s+"
                      r"from|leave\s+behind|steer\s+clear\s+of)(?P<rest>\b.*)$", re.IGNORECASE)
_FAME = re.compile(r"\b(?:best\s+|most\s+|well\s+|widely\s+)?(?:known|famous|noted|"
                   r"remembered|renowned|celebrated)\s+for\s*\??$", re.IGNORECASE)


# "Besides Gene Cretz, who ...?", "Who attended apart from Cretz?": some set aside.
_ASIDE = r"(?:apart\s+from|aside\s+from|besides|other\s+than|except(?:\s+for)?)"
_ASIDE_LEAD = re.compile(rf"^\W*{_ASIDE}\s+(?P<who>[^,?]+?)\s*,\s*(?P<rest>.+)$", re.IGNORECASE)
_ASIDE_TAIL = re.compile(rf"^(?P<rest>.+?),?\s+{_ASIDE}\s+(?P<who>[^,?]+?)\s*(?P<end>[?.!]*)\s*$",
                         re.IGNORECASE)


_ASKS_WHO_OR_WHAT = re.compile(r"\W*(?:who|whom|what|which)\b", re.IGNORECASE)


def set_aside(question: str) -> tuple[str, tuple[str, ...]]:
    """The question without those it sets aside ("Besides Gene Cretz, ..."), and their words."""
    # (only of a question asking who or what: "Besides X, how many ...?" counts without X)
    lead = _ASIDE_LEAD.match(question)
    m = lead or _ASIDE_TAIL.match(question)
    if m is None or not _ASKS_WHO_OR_WHAT.match(m.group("rest")):
        return question, ()
    rest = m.group("rest")
    question = rest[:1].upper() + rest[1:] if lead else rest + (m.group("end") or "?")
    aside = tuple(w.lower() for w in re.findall(r"[\w'’.-]+", m.group("who"))
                  if w.lower() not in ("the", "a", "an"))
    return question, aside


def _an_occasion(words: str) -> bool:
    """Do the words end on a noun for something that takes place ("the Tunisia meeting")?"""
    last = re.findall(r"[\w-]+", words.lower())[-1:]
    return bool(last) and stem(last[0]) in EVENTS


def _told_about(words: str, parser: Parser) -> str | None:
    """What a party told someone about: "the AP about where things go from here" is about
    where things go; "reporters" names only whom it told."""
    m = re.search(r"\b(?:about|regarding|that)\b", words)
    head, rest = (words[: m.start()], words[m.end() :]) if m else (words, "")
    if m is None:
        # "Qaddafi's representatives he had to do": whom it told, then what, with no "that"
        said = next((t for t in parser.parse(words) if t.dep_ == "nsubj" and t.i > 0
                     and t.head.pos_ in ("VERB", "AUX")), None)
        if said is not None:
            head, rest = words[: said.left_edge.idx], words[said.left_edge.idx :]
    addressee = parser.parse(head.strip()) if head.strip() else None
    if addressee is not None and len(addressee) <= 4 and not any(
            t.pos_ in ("VERB", "AUX") for t in addressee):
        return rest.strip() or None
    return words


def read_question(
    question: str, parser: Parser, history: Sequence[Mapping[str, Any]] = ()
) -> Question:
    """The shape of an open question: its form, expected answer type and content words."""
    q = " ".join(question.split())
    if out_of_scope(q):
        return Question(form="out_of_scope", wh="", expects="NONE", focus=(), proper=())
    if summary_asked(q):
        return Question(form="summary", wh="what", expects="THING", focus=(), proper=())
    q, according_to = unattributed(q)
    q = _HEDGE.sub("", q)
    q, besides = set_aside(q)
    q = _lead_named(q)
    if (talked := _TALKED_AT.match(q)) and _an_occasion(talked.group("occasion")):
        # "What did they discuss at the meeting?" asks what the meeting was about.
        q = f"What was {talked.group('occasion')} about?"
    if (news := _NEWS_BROKE.match(q)) and _an_occasion(news.group("what")):
        q = f"{news.group('wh')} was {news.group('what')} disclosed{news.group('rest')}"
    elif (news := _BROKE_NEWS.match(q)) and _an_occasion(news.group("what")):
        q = f"{news.group('wh')} disclosed {news.group('what')}{news.group('rest')}"
    if (outcome := _OUTCOME.match(q)) and _an_occasion(outcome.group("occasion")):
        q = f"What did {outcome.group('occasion')} achieve?"
    if standing := _STANDING.match(q):
        aux = "did" if standing.group("aux").lower() in ("has", "have") else standing.group("aux")
        q = f"What {aux} {standing.group('who')} recognize {standing.group('whom')} as?"
    if avoided := _AVOIDED.match(q):
        q = f"What {avoided.group('aux')} {avoided.group('who')} not want{avoided.group('rest')}"
    if _WHAT_HEADLINE.match(q):
        # "What is the headline?": the headline's own words, as "What does it say?" asks
        return Question(form="says", wh="what", expects="STATEMENT", focus=(), proper=(),
                        speaker=None, headline=True)
    nature = _NATURE.match(q)
    if nature:
        # "What was the nature of the meeting?": what each source makes of it, side by side.
        about = nature.group("about").strip()
        topic_doc = parser.parse(about)
        focus, proper = _focus(topic_doc, set())
        return Question(form="says", wh="what", expects="STATEMENT", focus=focus, proper=proper,
                        speaker=None, topic=about)
    after = _NEXT.match(q)
    if after:
        # "What comes next after the meeting?": what each party says lies ahead; only the
        # names in it need be in the words (what lies ahead is seldom said of "the meeting").
        about = (after.group("about") or "").strip()
        _, proper = _focus(parser.parse(about), set()) if about else ((), ())
        return Question(form="says", wh="what", expects="STATEMENT", focus=proper,
                        proper=proper, speaker=None, ahead=True, topic=about)
    if _AHEAD_ASKED.match(q) and not _DONE.search(q):
        # "What stage are talks between Washington and Tripoli at?": what each party says
        # lies ahead; the sides it names between them speak for themselves ("we want to take
        # further steps"), so only the other names need be in the words.
        asked = parser.parse(q)
        sides = {t.i for p in asked if p.lower_ in ("between", "among", "with")
                 for t in p.subtree}
        # ("What next steps does Libya want?", "..., according to Libya?": that party's
        # own account alone.)
        planner = _PLANNER.search(q)
        who = according_to or (planner.group("who") if planner else None)
        if planner:
            sides |= {t.i for t in asked if planner.start("who") <= t.idx < planner.end("who")}
        _, proper = _focus(asked, sides)
        return Question(form="says", wh="what", expects="STATEMENT", focus=proper,
                        proper=proper, speaker=who, ahead=True)
    says = _SAYS.match(q) or _STANCE_OF.match(q) or _LABELS.match(q)
    if says and says.re is _SAYS and _IN_ERROR.search(says.group("who")):
        says = None  # "What did they mistakenly think?": a belief the story tells, not words
    if says and says.re is _STANCE_OF and re.search(r"\bof\b", says.group("who")):
        says = None  # "the source of Marie Claes's comments" asks of the comments, not hers
    if says and not says.group("about") and re.search(r"\bposition\W*$", q, re.IGNORECASE) \
            and not canonical(says.group("who").strip()):
        says = None  # "What is Derek Chollet's position?": a person's post, not a stance
    if says and says.re is _SAYS and _gapped(says, q, parser):
        says = None  # "What did Libya think the U.S. was prepared to do?": what is in the belief
    who_doc = parser.parse(says.group("who")) if says else None
    if who_doc is not None and (any(t.pos_ == "VERB" and t.is_lower for t in who_doc) or not any(
            t.pos_ in ("NOUN", "PROPN") or (t.is_alpha and not t.is_stop)
            or t.lower_ in _PRONOUNS for t in who_doc)):
        # "What was the one thing the team went to Tunisia to tell them?": a clause, not a
        # party whose statements are asked for; nor is "the" of "What was the answer to ...?"
        says = None
    doc = parser.parse(q)
    words = [t.lower_ for t in doc]
    if not says and according_to and several_parties(according_to, parser):
        # "What was the meeting, according to each side?": each party's account of it.
        focus, proper = _focus(doc, {t.i for t in doc if t.lower_ in WH_WORDS})
        return Question(form="says", wh=words[0] if words and words[0] in WH_WORDS else "what",
                        expects="STATEMENT", focus=focus, proper=proper, speaker=None)
    if says:
        who = says.group("who").strip()
        about = (says.group("about") or "").strip() or None
        if about and says.groupdict().get("verb") in ("tell", "told"):
            about = _told_about(about, parser)
        if about:
            # "... about the meeting — upbeat or negative?": the choices offered are not
            # what it is about
            about = _CHOICES.sub("", about).strip() or None
        everyone = several = several_parties(who, parser)
        headline = bool(_HEADLINE.fullmatch(who))
        if not everyone and not headline and not _a_party(parser.parse(who)):
            # "What does the secret meeting mean for ties?": no party speaks; what the parties
            # say of the meeting is asked, each side's account (or the one party's the
            # question names: "In the regime's view, what did the meeting signal?").
            one = bool(according_to) and not several_parties(according_to or "", parser)
            everyone, about = not one, f"{who} {about or ''}".strip()
            who = according_to if one and according_to else who
        topic_doc = parser.parse(about) if about else None
        # ("How do they describe the July 16 meeting?": the date says which meeting; what each
        # side says of it seldom repeats it)
        focus, proper = _focus(topic_doc, {t.i for t in topic_doc if _names_which(t)}) \
            if topic_doc is not None else ((), ())
        # "What do the two sides say about holding more talks?", "What did the official say
        # about future talks?": what each says lies ahead, seldom said in the topic's words
        ahead = bool(about and ((several and _MORE_TO_COME.search(about))
                                or _FUTURE.search(about)))
        if ahead:
            focus = proper
        return Question(
            form="says",
            wh=words[0] if words and words[0] in WH_WORDS else "what",
            expects="STATEMENT",
            focus=focus,
            proper=proper,
            speaker=None if everyone or headline else who,
            headline=headline,
            negated=topic_doc is not None and any(t.dep_ == "neg" for t in topic_doc),
            topic=about or "",
            view=(says.groupdict().get("verb") or "").lower() in _VIEW_VERBS,
            ahead=ahead,
        )
    wh = next((w for w in words if w in WH_WORDS), "what")
    quoted = _QUOTED_TITLE.search(q)
    # '"A Single Man"': the words of a title say nothing of what kind of thing is asked
    in_title = {t.i for t in doc if quoted and quoted.start("title") <= t.idx
                < quoted.end("title")}
    typed = _typed_noun(doc, wh)
    expects = _expects(wh, words, doc, in_title, typed)
    sourced = _SOURCED.search(q)
    if wh == "where" and sourced:
        expects = "ORG"  # the outlet a story has it from
    described_as = _KIND_OF_NAMED.match(q)
    if described_as and (named := doc.char_span(described_as.start("named"),
                                                described_as.end("named"),
                                                alignment_mode="expand")) is not None and any(
            t.pos_ == "PROPN" for t in named) and not any(t.pos_ == "VERB" for t in named):
        # "What kind of group is the Transitional National Council?": what the named thing
        # is ("the rebel governing group"), as "What is ...?" asks; the kind is no name.
        expects = "THING"
    else:
        described_as = None
    about_occasion = _WHAT_ABOUT.match(q)
    what_for = (bool(_WHAT_FOR.match(q) or _AIMED_AT.search(q) or _went_for(q, doc))
                and not _FAME.search(q)) or (
        about_occasion is not None and _an_occasion(about_occasion.group("occasion")))
    if what_for:
        expects = "REASON"  # "What was the meeting for?" asks its purpose
    skip: set[int] = set()
    if (aimed := _AIMED_AT.search(q)) and what_for and _GAINED.search(aimed.group(0)):
        # "What is NATO trying to achieve?": the words asking for an aim are no words of it
        # (where they say what was "intended", a sentence saying so answers best)
        skip |= {t.i for t in doc if aimed.start() <= t.idx < aimed.end()
                 and t.lemma_.lower() in _AIM_WORDS}
    place_kind = ""
    # The category noun ("which city", "what year") is the answer's type, not its topic; so
    # are its common adjectives and nouns ("what political party": a party, whatever the text calls
    # it), not a name's ("which Tunisian city": one in Tunisia) unless it names a region
    # the answer is a country of ("which North African country": no sentence naming the
    # country need say so).
    for tok in doc:
        if tok.lower_ in WH_WORDS:
            skip.add(tok.i)
            category = [t for t in (tok.head, tok.nbor(1) if tok.i + 1 < len(doc) else None)
                        if t is not None and t.i != tok.i and t.lower_ in _CATEGORY]
            # (the small parser may take "North African country" for no phrase at all)
            after = next((t for t in doc[tok.i + 1 : tok.i + 5]
                          if t.pos_ not in ("ADJ", "PROPN", "NUM")), None)
            if after is not None and after.lower_ in _COUNTRY_WORDS and after.i > tok.i + 1:
                category.append(after)
                skip.update(range(tok.i + 1, after.i))
            for noun in category:
                skip.add(noun.i)
                if _CATEGORY[noun.lower_] == "PLACE":
                    place_kind = noun.lower_
                skip.update(w.i for a in noun.lefts
                            if (a.dep_ == "amod" and a.i > tok.i and (
                                a.is_lower or noun.lower_ in _COUNTRY_WORDS))
                            # ... and a common noun it makes one word with ("news agency")
                            or (a.dep_ == "compound" and a.i > tok.i and a.is_lower)
                            for w in a.subtree)
    if not place_kind and (of_place := _PLACE_OF_ASKED.match(q)) and _CATEGORY.get(
            of_place.group(1).lower()) == "PLACE":
        place_kind = of_place.group(1).lower()  # "What is the region of Dunmore?"
    kind = ""
    which_one = False  # "which meeting ...?": one thing of a kind, not "the genre of ..."
    # ("Chollet's job title", "her official position": the post, however qualified)
    job = re.search(r"['\u2019]s\s+(?:(job|official|formal|current|exact|diplomatic|military|"
                    r"political|academic|professional|full|actual|precise)\s+)?(job|role|position|"
                    r"title|profession|occupation|post|rank)\b", q, re.IGNORECASE)
    if job:
        skip |= {t.i for t in doc if t.lower_ in {g.lower() for g in job.groups() if g}}
    if expects == "REASON":
        # "What is NATO's goal?": the word for a purpose is what is asked, not a word of it
        skip |= {t.i for t in doc if t.pos_ == "NOUN" and _CATEGORY.get(t.lower_) == "REASON"}
    post_asked = bool(job)  # "What is Feltman's job?", "What position does he hold?"
    trade = _DOES_FOR_WORK.match(q)
    if trade and any(e.label_ == "PERSON" and (e.start_char, e.end_char) == trade.span(1)
                     for e in doc.ents):
        # "What does Derek Chollet do (for a living)?": his post, as "his job" asks
        post_asked = True
        skip |= {t.i for t in doc if t.idx >= trade.end(1)}
    # "What sport ...", "What is the genre of ...": the noun names the answer's type.
    kind_of = re.match(
        r"^(?:what|which)\s+(?:(?:is|was|are|were)\s+(?:the\s+)?(?:([a-z]+)\s+)?"
        r"([a-z]+)\s+(?:of|for)\b|([a-z]+)\s+(?:is|was|are|were)\b|([a-z]+)\s+(?:does|did|do)\b)",
        q,
        re.IGNORECASE,
    )
    if (kind_of or typed is not None) and wh in ("what", "which") and not what_for:
        if kind_of:
            word = (kind_of.group(2) or kind_of.group(3) or kind_of.group(4)).lower()
            noun = next((t for t in doc if t.lower_ == word and t.pos_ == "NOUN"), None)
        else:
            noun = typed
        before = noun.doc[noun.i - 1] if noun is not None and noun.i > 0 else None
        if noun is not None and kind_of and kind_of.group(1) and word not in _CATEGORY and (
            before is None or before.pos_ != "ADJ"
        ):
            noun = None  # "the population density of": a measure named by two nouns
        if noun is not None and (not kind_of or kind_of.group(4)) and (expects != "THING" or
                                                      noun.lemma_.lower() in _GENERIC):
            noun = None  # "What message did X deliver?": the message is what it is about
        if noun is not None and noun.lemma_.lower() in CONTENT_NOUNS:
            noun = None  # "What concern led to the talks?": what the concern was, not a kind
        if noun is not None and noun.lemma_.lower() in _PLACE_OF:
            noun = None  # "the capital of Libya": a place only a sentence saying so answers
        if noun is not None:
            skip.add(noun.i)
            # ("Which government department ...?": any department is a government's)
            skip |= {c.i for c in noun.lefts if c.dep_ == "compound" and c.lower_ in
                     GOVERNMENT_NOUNS}
            if kind_of and kind_of.group(1) and before is not None and before.pos_ == "ADJ":
                skip.add(before.i)  # "the primary medium": which one is not what it is about
            if noun.lower_ in _ROLE_NOUNS:
                post_asked = True
            elif expects == "THING" and noun.lemma_.lower() not in _GENERIC:
                # "What sport ...?", "the genre of ...": a word for a kind of that thing.
                expects, kind = "KIND", noun.lemma_.lower()
                which_one = not (kind_of and kind_of.group(2))
    occasion_kind = _KIND_OF_OCCASION.match(q)
    if occasion_kind and described_as is None and _an_occasion(occasion_kind.group("occasion")):
        # the words that say how it was held ("a secret meeting", "face-to-face talks")
        expects, kind, which_one = "KIND", "kind", False
        skip |= {t.i for t in doc if t.lower_ in ("kind", "sort", "type")}
    if wh == "what" and (fame := _FAME.search(q)):
        # "What is Robin Wright known for?" asks what she is: her description, the words
        # of fame are none of its words.
        skip |= {t.i for t in doc if fame.start() <= t.idx < fame.end()}
    part = name_part_asked(q)
    if part:  # "What is Qaddafi's first name?": the name is what it is about
        skip |= {t.i for t in doc if is_name_word(t.lower_)}
    # "What were the two sides trying to achieve?": every side's answer is asked for; the
    # words naming them are not what the answer is about.
    each = _sides_named(q)
    if each:
        skip |= {t.i for t in doc if each.start() <= t.idx < each.end()}
    if wh == "why":
        # ... as are the sides named: "Why did Washington and Tripoli meet?" asks each one's
        # reason, which each side's account gives without naming the other
        skip |= _joint_side_words(doc)
    doer = _DOER.match(q) if wh == "who" else None
    if doer:
        skip |= {t.i for t in doc if t.idx < doer.end()}  # the words asking for a doer
    if expects == "PERSON" and wh in ("what", "which"):
        # "Which parties attended?": the word asks who, as "who" does; no word of the answer
        skip |= {t.i for t in doc[:3] if t.lower_ in _SIDES_TAKING_PART}
    party = wh in ("what", "which") and any(t.lower_ in ("party", "parties") for t in doc[:4])
    if party:
        # "What party is X a member of / affiliated with?": belonging is what is asked, not
        # a word an answering sentence must have ("elected on the Alliance list").
        skip |= {t.i for t in doc if t.lemma_.lower() in _MEMBERSHIP}
    # "the assistant secretary named in the story": where the words are, not what they say.
    for where in _IN_THE_DOCUMENT.finditer(q):
        skip |= {t.i for t in doc if where.start() <= t.idx < where.end()}
    if sourced:
        # (the words asking for a source, and the article that relies on it, are no words
        # of what the source says)
        skip |= {t.i for t in doc if sourced.start() <= t.idx < sourced.end()
                 or t.lower_ in _READ_IN}
    called = _CALLED.search(q)
    if called:
        # "What is that body called?": the verb asks for its name, which no answering
        # sentence need say it is "called" ("the Transitional National Council, the rebel
        # governing group").
        skip |= {t.i for t in doc if t.idx >= called.start(1)}
    whose = _whose(doc)
    if whose is not None and whose.head.dep_ == "relcl":
        # "the Libyan leader whose government met them": the words before "whose" say what
        # the answer is, not what an answering sentence says ("Muammar Qaddafi's government").
        asked_for = whose.head.head
        skip |= {asked_for.i} | {c.i for c in asked_for.children
                                 if c.dep_ in ("amod", "compound")}
    if described_as:
        skip |= {t.i for t in doc if t.idx < described_as.start("named")}
    skip |= _occasion_set_against(doc)
    focus, proper = _focus(doc, skip)
    # "Which city hosted the Contact Group?", "When was the meeting held?": the verb only says
    # the event took place; a sentence placing the event answers with it or without it.
    held = tuple(w for w in focus if w in _HELD) if expects in ("PLACE", "DATE") and any(
        w not in _HELD for w in focus) else ()
    named_kind = _named_kind(doc, proper, skip | in_title)
    # "the film A House Under Rain": every capitalised word of the title is of its name,
    # whatever the tagger makes of "Rain".
    proper += tuple(w for w in _title_after(doc, named_kind) if w in focus and w not in proper)
    # '"Something for Everybody"': a quoted title's words are its name, small as they are.
    title = quoted.group("title") if quoted else _title_text(doc, named_kind)
    named = tuple(dict.fromkeys(
        t.lemma_.lower() for t in doc if t.i in in_title and t.is_alpha and len(t) > 1
        and t.lower_ not in _TITLE_LINKS and t.lemma_.lower() not in proper))
    focus, proper = focus + tuple(w for w in named if w not in focus), proper + named
    attribute = kind if expects == "KIND" else _attribute(doc, expects, words)
    if attribute:
        # "the estimated population", "its current population": how the figure is known
        # or when it holds, not which figure; a sentence giving the population answers.
        focus = tuple(w for w in focus if not (w in _HEDGES and any(
            t.lemma_.lower() == w and t.head.lemma_.lower() == attribute for t in doc)))
    # "Who is Tomas Ferreira?" asks what he is; "Who was the U.S. Ambassador?" asks for a name.
    described = re.match(r"^who\s+(?:is|was|are|were)\s+(?!the\b|an?\b)", q, re.IGNORECASE)
    named_body = _WHO_WERE_THE.match(q)
    body = doc.char_span(named_body.start(1), named_body.end(1), alignment_mode="expand") \
        if named_body else None
    if body is not None and body.root.pos_ == "PROPN" and not names_people(
            body.root.lemma_.lower()) and body.root.lower_ not in TITLES:
        # "Who are the Transitional National Council?": what a named body is; "Who was the
        # U.S. Ambassador?" still asks for a name.
        described = named_body
    if post_asked and proper:
        # "What position does Feltman hold?", "In what capacity is Ibrahim quoted in the
        # article?": the verbs say how the post is had or shown, not what it is about.
        verbs = {t.lemma_.lower() for t in doc if t.pos_ in ("VERB", "AUX")}
        # ("What position did he play during his professional career?": when, not what)
        during = {w.lemma_.lower() for t in doc if t.lower_ in ("during", "throughout")
                  for w in t.subtree}
        named = tuple(w for w in focus if w not in verbs and w not in _DOCUMENT_WORDS
                      and (w not in during or w in proper))
        if len(proper) == len(named):
            focus = named
    if (post_asked or (wh == "who" and described)) and (proper and len(proper) == len(focus)):
        expects = "ROLE"  # "Who is Tomas Ferreira?": what they are, not another name
    # "What is NATO's role?": a body's part in the story is what it does, not a post
    body_role = expects == "ROLE" and wh == "what" and bool(re.search(r"\brole\b", q, re.I)) \
        and any(t.ent_type_ == "ORG" for t in doc if t.lemma_.lower() in proper) \
        and not any(t.ent_type_ == "PERSON" for t in doc if t.lemma_.lower() in proper)
    if body_role:
        expects = "THING"
    wh_tok = next((t for t in doc if t.lower_ == wh), None)
    if wh_tok is not None and wh_tok.dep_ == "det" and wh in ("which", "what") and (
            wh_tok.head.dep_ in ("nsubj", "nsubjpass")) and kind_of_noun(
                wh_tok.head.lemma_.lower()) in ("PERSON", "ORG"):
        # "Which officials met the Libyans?": the phrase of people is the subject (a place
        # that "hosted" is seldom a sentence's subject: "the Tunisia meeting")
        wh_tok = wh_tok.head
    wh_role = "subject" if wh_tok is not None and (
        (wh_tok.dep_ == "nsubj" and wh_tok.head.lemma_ != "be" and not _inverted(wh_tok))
        # "... were consulted by whom?": the doer, as "Who consulted them?" asks.
        or (wh_tok.dep_ == "pobj" and wh_tok.head.lower_ == "by")) else ""
    if doer:
        wh_role = "subject"  # "Who is behind the campaign?": who leads, runs or wages it
    # ("Who did they meet with?", "Which country did they meet with?": the other side)
    asked_with = wh_tok is not None and bool(
        (wh_tok.dep_ == "pobj" and wh_tok.head.lower_ == "with")
        or re.search(r"\bwith\W*$", q, re.IGNORECASE))
    if wh in ("who", "whom") and wh_tok is not None and (
            asked_with
            # "Whom did they meet?": whom one meets is whom one meets with
            or ((wh_tok.dep_ == "dobj" or _inverted(wh_tok))
                and (wh_tok.head.lemma_.lower() in MET_WITH or (
                    wh_tok.head.dep_ == "aux" and wh_tok.head.head.lemma_.lower() in MET_WITH)))
            # ("whom" is never the doer, however the parse hangs it)
            or (wh == "whom" and any(t.pos_ == "VERB" and t.lemma_.lower() in MET_WITH
                                     for t in doc))):
        wh_role = "with"  # "Who did they meet with?": the other side of the deed
    if wh_tok is not None and wh_tok.dep_ == "nsubjpass" and expects in ("PERSON", "ORG") \
            and wh_tok.head.lemma_.lower() in MET_WITH:
        wh_role = "with"  # "Who was consulted?": whom they consulted with, not who did
    if wh in ("which", "what") and expects in ("PERSON", "ORG") and _met_asked(doc):
        wh_role = "with"  # "Which diplomats did they consult?": whom they consulted with
    if place_kind in _COUNTRY_WORDS and asked_with:
        # "Which country did the officials meet with?": the country on the other side of
        # the deed, not where it was done
        expects, wh_role, place_kind = "ORG", "with", ""
    with_names: tuple[str, ...] = ()
    if wh_role == "subject" and wh_tok is not None:
        # "Who met with Gene Cretz?": a sentence with him among those who met answers with
        # whom they met, not with the others beside him.
        with_names = tuple(
            t.lemma_.lower() for prep in wh_tok.head.children
            if prep.dep_ == "prep" and prep.lower_ == "with"
            for obj in prep.children if obj.dep_ == "pobj"
            for t in obj.subtree if t.pos_ == "PROPN" and t.lemma_.lower() in proper)
    form = "open"
    context: tuple[str, ...] = ()
    previous = _last_user(history)
    leans = any(w in _PRONOUNS for w in words) or len(focus) <= 1
    if previous and leans:
        form = "follow_up"
        pdoc = parser.parse(previous)
        pskip = {t.i for t in pdoc if t.lower_ in WH_WORDS}
        context, _ = _focus(pdoc, pskip)
        context = tuple(w for w in context if w not in focus)
    counted, counted_of = _counted(doc)
    people = _people_named(doc, q)
    source = bool(_ASKS_SOURCE.search(q) or sourced or _REPORTED_BY.search(q))
    if source and people is not None and people.lemma_.lower() == "source":
        people = None  # "Who was the source of ...?": whoever it is, named or not
    country = _party_of(people) if people is not None else ""
    # "What are the names of ...?"; "Who were the American officials?" asks for their names
    # too ("Who is the director of X?" may be answered by a band or a studio).
    # ("Who were the members of Velmar's team?": people of many, whoever's they are.)
    # ("Who is the State Department official?": the one name a sentence gives that person;
    # not "Who is the director of X?", a post of a thing.)
    name_asked = names_asked(q) or (people is not None and wh in ("who", "which", "what")
                                    and (bool(country) or (wh == "who" and (
                                        people.tag_ == "NNS" or _one_described(people)))))
    one_of_many = people is not None and people.head.lower_ == "of" \
        and people.head.head.lower_ in WH_WORDS
    if name_asked and expects == "THING" and people is not None:
        expects = "PERSON"  # "the names of the Libyans who met them": people's names
    grouped = people.lemma_.lower() if people is not None and name_asked and country and \
        people.lemma_.lower() in _GROUPS_OF_PEOPLE else ""
    if grouped:
        # "Who was on the U.S. team?": the word that groups the people is no word a
        # sentence naming them need have
        focus = tuple(w for w in focus if w != grouped)
    told_dropped = source and expects != "ORG" and any(w not in _TOLD for w in focus)
    if told_dropped:
        # "Who is the source of the U.S. side of the story?": the party's words, however
        # the question names them, are what a source is asked of (an agency asked for is
        # found by its "according to" beside the party's words, which rank it)
        focus = tuple(w for w in focus if w not in _TOLD)
    return Question(
        form=form, wh=wh, expects=expects, focus=focus, proper=proper, context=context,
        named_kind=named_kind,
        speaker=according_to,
        previous=previous if form == "follow_up" else None,
        wh_role=wh_role,
        attribute=attribute,
        counted=counted,
        counted_of=counted_of,
        source=source,
        unnamed_why=wh in ("why", "what") and asks_why_unnamed(q),
        wh_prep=(m.group(1).lower() if (m := _WH_PREP.match(q) or _OF_LAST.search(q))
                 else ""),
        negated=any(t.dep_ == "neg" and t.head.pos_ in ("VERB", "AUX") for t in doc),
        says_that=any(t.dep_ == "ccomp" and t.head.lemma_.lower() in REPORTING_VERBS and any(
            c.dep_ in ("nsubj", "nsubjpass", "expl") for c in t.children) for t in doc) and not any(
                          t.dep_ == "neg" or t.lower_ in ("no", "never", "none") for t in doc),
        predicate="do" if body_role else _predicate(doc),
        short_form=short_form_asked(q),
        ruler_of=ruler_asked(q),
        name_part=part,
        described=tuple(d for d in _described(doc, focus) if d[1] != grouped
                        and not (told_dropped and d[1] in _TOLD)),
        with_names=with_names,
        person=_person(doc, proper),
        titled=bool(_TITLED.search(q)),
        title=title,
        which_one=which_one,
        ahead=_asks_ahead(doc),
        each_side=bool(each) or (wh == "why" and _joint_sides(doc)),
        way=wh == "how" and bool(re.match(r"^\W*how\s+(?:did|do|does|was|were|is|are|had|has|"
                                         r"have)\b", q, re.IGNORECASE)),
        place_kind=place_kind,
        held=held,
        party=party and expects == "ORG",
        name_asked=name_asked,
        wanted_done=_wants_done(doc),
        whose=whose.lemma_.lower() if whose is not None else "",
        owned=_persons_things(doc),
        name_party=country if name_asked else "",
        side_asked=country if grouped else _side_represented(doc),
        lasting=expects == "DURATION" and bool(_LASTING.match(q)),
        stranded=_stranded(doc) if wh in ("what", "which") and expects != "REASON" else "",
        # ("Which of the three Americans is ...?" asks for one of them, not all.)
        # ("Which officials ...?": every one of them, whatever party they are of)
        names_many=(name_asked or (wh in ("which", "what") and expects == "PERSON"))
        and people is not None and (
            people.tag_ in ("NNS", "NNPS") or bool(grouped))
        and not one_of_many,
        one_of_many=one_of_many,
        besides=besides,
        timed=set_against(q) or "",
        kind_name=_kind_name(doc, named_kind),
        named_as=people.lemma_.lower() if name_asked and people is not None else "",
        name_of=_name_of(doc) if expects == "ORG" and people is None else "",
        money=bool(re.search(r"\bhow much\b|\b(?:cost|price|pay|paid|spend|spent|worth|"
                             r"revenue|budget|salary|income|wage|earning|fee|toll|per ?cent|"
                             r"percentage|share|rate|rise|fall|grow|drop)\w*", q, re.IGNORECASE)),
    )
