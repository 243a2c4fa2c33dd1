"""Questions as people type them, read as the documents write them.

A chat question often comes in lower case with contractions ("where'd the meeting happen",
"why did washington opt for talks with the libyans?"). The parser reads names by their
capitals and question words by their spelling, so the question is first spelled out and,
when typed all in lower case, given the capitals the documents give the same words.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator

from bot.engine.aliases import canonical, country_asked
from bot.engine.names import respelled
from bot.engine.question_kind import WH_WORDS, names_people
from retrieval.text import STOPWORDS

_CONTRACTED = re.compile(
    r"\b(who|what|where|when|why|how|which|there)['\u2019](s|d|re|ve|ll)\b", re.IGNORECASE
)
# Months and names that are also common words: "may" in a question is the verb.
_COMMON = frozenset(["may", "march", "will", "august", "bill", "mark", "rose", "grace"])
_SPELLED = {"s": "is", "d": "did", "re": "are", "ve": "have", "ll": "will"}
_WORD = re.compile(r"[A-Za-z][\w'\u2019.-]*[\w]|[A-Za-z]")
# A word right after these starts a sentence, where anything is capitalised.
_SENTENCE_START = re.compile(r"(?:^|[.!?:\"\u201c\u2018]\s*|\n)\s*$")
_POSSESSIVE = re.compile(r"['\u2019]s?$", re.IGNORECASE)


# Question words as typed in a chat box: "wat", "whos", "wheres" (first word only, where
# nothing else is meant by them).
_CHAT = {"wat": "what", "wut": "what", "wht": "what", "whats": "what is", "whos": "who is",
         "wheres": "where is", "whens": "when is", "hows": "how is", "whys": "why is",
         "wen": "when", "wher": "where", "hw": "how", "wich": "which", "whomst": "whom"}
_AFTER_LEAD = re.compile(r"(\s[-\u2013\u2014:]\s+|,\s+)(" + "|".join(_CHAT) + r")\b")
_FIRST = re.compile(r"^(\W*(?:(?:so|and|but|ok|okay|hey)\W+)?)([A-Za-z]+)\b", re.IGNORECASE)


# "In the article, who ...?": the documents are what every question is put to.
_ABOUT_THE_TEXT = re.compile(r"^\W*(?:in|from)\s+(?:the|this)\s+(?:article|story|report|text|"
                             r"piece)\s*,\s*(?=\w)", re.IGNORECASE)
# "How is the council described (by X)?" asks what X calls it: "How does X describe the
# council?", or, with no one named, what the council is.
_DESCRIBED = re.compile(
    r"^how\s+(?P<be>is|are|was|were)\s+(?P<what>.+?)\s+(?:described|characteri[sz]ed|"
    r"portrayed|referred\s+to)(?:\s+by\s+(?P<who>.+?))?"
    r"(?:\s+in\s+the\s+(?:article|story|report|text))?\s*(?P<end>[?.!]*)$", re.IGNORECASE)


def _active(m: re.Match[str]) -> str:
    be, what, who, end = m.group("be").lower(), m.group("what"), m.group("who"), m.group("end")
    if who is None:
        return f"What {be} {what}{end}"
    past = be in ("was", "were")
    plural = who.split()[-1].lower().endswith("s") and not who.endswith("'s")
    return f"How {'did' if past else 'do' if plural else 'does'} {who} describe {what}{end}"


# "What does the official say Washington wants from Qaddafi?": what Washington wants,
# according to the official ("... says Libya wants to take" is what is said it will do).
_WANTING_FORMS = {"wants": "want", "wanted": "want", "needs": "need", "needed": "need",
                  "expects": "expect", "expected": "expect", "demands": "demand",
                  "demanded": "demand", "hopes": "hope", "hoped": "hope", "seeks": "seek",
                  "sought": "seek", "intends": "intend", "intended": "intend"}
_SAYS_WANTED = re.compile(
    r"^\W*what\s+(?P<aux>does|did|do)\s+(?P<who>.+?)\s+(?:say|said|think|claim)\s+(?:that\s+)?"
    r"(?P<whom>.+?)\s+(?P<verb>" + "|".join(_WANTING_FORMS) + r")\b(?!\s+to\b)(?P<rest>[^?.!]*)"
    r"(?P<end>[?.!]*)\s*$", re.IGNORECASE)


def _wanted_as_said(m: re.Match[str]) -> str:
    verb = m.group("verb").lower()
    past = m.group("aux").lower() == "did" or not verb.endswith("s")
    return (f"According to {m.group('who')}, what {'did' if past else 'does'} {m.group('whom')}"
            f" {_WANTING_FORMS[verb]}{m.group('rest')}{m.group('end') or '?'}")


# "What's the disagreement between X and Y over Z?": how X and Y differ on Z.
_DISAGREEMENT = re.compile(
    r"^\W*what(?:['\u2019]s|\s+is|\s+was|\s+are)\s+the\s+(?:main\s+)?(?:disagreements?|"
    r"disputes?|differences?|split|row)\s+between\s+(?P<who>.+?)(?:\s+(?:over|about|on|"
    r"regarding|concerning)\s+(?P<about>[^?!]+?))?\s*[?.!]*$", re.IGNORECASE)


# "what's the US version of the meeting vs the Libyan govt version": how each tells it
_VERSIONS = re.compile(
    r"^\W*what\s+(?:is|are|was|were)\s+(?P<a>(?:the\s+)?[\w.'\u2019 -]{2,40}?)\s+"
    r"(?P<kind>version|account|story|take|side)\s+(?:of|on)\s+(?P<what>.+?)\s*,?\s+"
    r"(?:vs\.?|versus|compared\s+(?:to|with)|against|and)\s+"
    r"(?P<b>(?:the\s+)?[\w.'\u2019 -]{2,40}?)(?:['\u2019]s)?\s+(?P=kind)s?(?:\s+of\s+it)?"
    r"\s*[?.!]*$",
    re.IGNORECASE)


def _as_told_by_each(m: re.Match[str]) -> str:
    a = re.sub(r"['\u2019]s$", "", m.group("a"))
    return f"How do {a} and {m.group('b')} describe {m.group('what')}?"


def _as_differing(m: re.Match[str]) -> str:
    about = f" on {m.group('about')}" if m.group("about") else ""
    return f"How do {m.group('who')} differ{about}?"


# How a request begins: "please", "could you".
_PLEASE = r"^\W*(?:please\s+)?"
_YOU = r"(?:(?:could|can|would|will)\s+you\s+(?:please\s+)?)?"
# "Can you tell me who ...?", "I'd like to know when ...": the question asked inside.
_ASK_INSIDE = re.compile(
    _PLEASE + r"(?:" + _YOU + r"(?:tell|show)\s+me|do\s+you\s+know|"
    r"i(?:\s+(?:want|wish|would\s+like)|['\u2019]d\s+like)\s+to\s+know)[\s,]+"
    r"(?=(?:who|whom|whose|what|when|where|which|why|how)\b)",
    re.IGNORECASE)
# "Could you name the members of ...?", "List the countries ...": who or what they are.
_LIST = re.compile(_PLEASE + _YOU +
                   r"(?:name|list|identify)\s+(?P<what>(?:the|all|each|every)\b.+)$",
                   re.IGNORECASE)


# "Tell me about Derek Chollet", "What does the article say about NATO?": what the documents
# say of a name, as "What about NATO?" asks (only a name: what they say about "the meeting"
# or "negotiations" is read as asked).
_ABOUT_NAME = re.compile(
    _PLEASE + r"(?:" + _YOU + r"tell\s+(?:me|us)\s+(?:more\s+|something\s+|a\s+bit\s+)?about"
    r"|what\s+(?:do|does|did)\s+(?:we|you|i)\s+know\s+about"
    r"|what\s+(?:do|does|did)\s+(?:the\s+|this\s+)?(?:article|story|report|text|piece|"
    r"documents?|sources?|reports?)\s+(?:say|tell\s+(?:me|us))\s+about"
    r"|what\s+(?:is|was)\s+said\s+about"
    r"|what\s+(?:can|could)\s+you\s+tell\s+(?:me|us)\s+about"
    r"|what\s+is\s+known\s+about|(?:give\s+me\s+)?(?:some\s+)?background\s+on)\s+"
    r"(?P<name>(?:the\s+)?[A-Z][\w.'\u2019-]*(?:\s+(?:of\s+|al-)?[A-Z][\w.'\u2019-]*){0,4})"
    r"[\s?.!]*$", re.IGNORECASE)


def about_name(question: str) -> str:
    """"Tell me about Derek Chollet" -> "What about Derek Chollet?"; any other question as it
    is."""
    return _ABOUT_NAME.sub(_about_name, question)


def _about_name(m: re.Match[str]) -> str:
    name = m.group("name")
    words = [w for w in name.split() if w.lower() not in ("the", "of")]
    if not all(w[:1].isupper() for w in words):
        return m.group(0)
    return f"What about {name}?"


_PHRASE_END = re.compile(r"\s(?:of|that|which|who|whom|where|when|in|at|on|with|from|for)\s")


def _listed(m: re.Match[str]) -> str:
    what = m.group("what")
    head = re.findall(r"[A-Za-z]+", _PHRASE_END.split(what)[0])
    # (or a country's people: "Name the three Americans at the meeting")
    people = any(names_people(w.lower().removesuffix("s")) or (
        w[:1].isupper() and w.endswith("s") and canonical(w.removesuffix("s"))) for w in head)
    many = bool(head) and head[-1].lower().endswith("s")
    return f"{'Who' if people else 'What'} {'are' if many else 'is'} {what}"


# Idioms for one verb the documents use instead ("who broke the news of the meeting": who
# disclosed it), with the idiom's tense.
# An idiom's verb as typed -> its form (base, -s, past, -ing, participle), and the plain verb
# it stands for in each form.
_FORM = {"make": 0, "makes": 1, "made": 2, "making": 3, "break": 0, "breaks": 1, "broke": 2,
         "breaking": 3, "go": 0, "goes": 1, "went": 2, "going": 3, "gone": 4, "get": 0,
         "gets": 1, "got": 2, "getting": 3, "gotten": 4, "spill": 0, "spills": 1,
         "spilled": 2, "spilt": 2, "spilling": 3, "sit": 0, "sits": 1, "sat": 2, "sitting": 3,
         "carry": 0, "carries": 1, "carried": 2, "carrying": 3, "set": 0, "sets": 1,
         "setting": 3, "straighten": 0, "straightens": 1, "straightened": 2,
         "straightening": 3, "check": 0, "checks": 1, "checked": 2, "checking": 3,
         "sound": 0, "sounds": 1, "sounded": 2, "sounding": 3,
         "take": 0, "takes": 1, "took": 2, "taking": 3, "taken": 4, "agree": 0, "agrees": 1,
         "agreed": 2, "agreeing": 3, "come": 0, "comes": 1, "came": 2, "coming": 3}
_DISCLOSE = ("disclose", "discloses", "disclosed", "disclosing", "disclosed")
_BEGIN = ("begin", "begins", "began", "beginning", "begun")
_UNDERSTAND = ("understand", "understands", "understood", "understanding", "understood")
_BELIEVE = ("believe", "believes", "believed", "believing", "believed")
_MEET = ("meet", "meets", "met", "meeting", "met")
_REPORT = ("report", "reports", "reported", "reporting", "reported")
_CLEAR_UP = ("clear up", "clears up", "cleared up", "clearing up", "cleared up")
_CONSULT = ("consult", "consults", "consulted", "consulting", "consulted")
_ATTEND = ("attend", "attends", "attended", "attending", "attended")
_DELIVER = ("deliver", "delivers", "delivered", "delivering", "delivered")
_COMMENT_ON = ("comment on", "comments on", "commented on", "commenting on", "commented on")
_DECIDE = ("decide", "decides", "decided", "deciding", "decided")
# A message that "gets" / "got" through, without "has" or "had": it is / was understood.
_GOT_THROUGH = {"get": "is understood", "gets": "is understood", "got": "was understood",
                "gotten": "was understood"}
_SHORT = {"reps": "representatives", "rep": "representative", "govt": "government",
          "gov't": "government", "dept": "department", "mtg": "meeting",
          "admin": "administration", "ppl": "people", "abt": "about", "b4": "before"}


def _as(forms: tuple[str, ...], before: str = "", after: str = ""
        ) -> Callable[[re.Match[str]], str]:
    """The replacement for an idiom whose first group is its verb: the plain verb in the
    same form."""
    return lambda m: f"{before}{forms[_FORM[m.group(1).lower()]]}{after}"


def _between(m: re.Match[str]) -> str:
    """"U.S.-Libya talks" -> "talks between U.S. and Libya", of two names (or, typed in lower
    case, of two countries: "us-libya meeting")."""
    a, b, noun = m.groups()
    if (a[0].isupper() and b[0].isupper()) or all(country_asked(n) for n in (a, b)):
        return f"{noun} between {a} and {b}"
    return m.group(0)


_IDIOMS = [
    # (first, as the idioms below are written with it) "met w the libyans", "w/ the rebels": with
    (re.compile(r"(?<![\w/.'\u2019-])w/?(?=\s+[a-z])"), lambda m: "with"),
    (re.compile(r"\b(make|makes|made|making)\s+((?:the|this|that|its|their|his|her)\s+"
                r"[\w\s'\u2019-]{1,40}?)\s+public\b", re.IGNORECASE),
     lambda m: f"{_DISCLOSE[_FORM[m.group(1).lower()]]} {m.group(2)}"),
    (re.compile(r"\b(break|breaks|broke|breaking)\s+the\s+news\s+(?:of|about)\s+",
                re.IGNORECASE), _as(_DISCLOSE, after=" ")),
    (re.compile(r"\b(go|goes|went|going|gone)\s+public\s+(?:with|about)\s+", re.IGNORECASE),
     _as(_DISCLOSE, after=" ")),
    # "was the meeting first made public": the passive, with no object after it
    (re.compile(r"\bmade\s+public(?=\s*(?:[?.!,]|$)|\s+(?:by|in|on|at|first|when|before|"
                r"after|yet)\b)", re.IGNORECASE), lambda m: "disclosed"),
    # "who spilled the beans about the meeting": who disclosed it
    (re.compile(r"\b(spill|spills|spilled|spilt|spilling)\s+the\s+beans\s+(?:on|about|over)\s+",
                re.IGNORECASE), _as(_DISCLOSE, after=" ")),
    # "which agency carried the spokesman's comments": reported them, as news outlets do
    (re.compile(r"\b(carry|carries|carried|carrying)(?=\s+(?:[\w'\u2019.-]+\s+){0,4}?"
                r"(?:comments?|remarks?|words|statements?|story|stories|report|quotes?|"
                r"account)\b)", re.IGNORECASE), _as(_REPORT)),
    # "what were they trying to set straight": to clear up
    (re.compile(r"\b(set|sets|setting)\s+(?:straight|right)\b|\b(straighten|straightens|"
                r"straightened|straightening)\s+out\b", re.IGNORECASE),
     lambda m: _CLEAR_UP[_FORM[(m.group(1) or m.group(2)).lower()]]),
    # "which group did the us check with": consult
    (re.compile(r"\b(check|checks|checked|checking)\s+(?:in\s+)?with\b", re.IGNORECASE),
     lambda m: f"{_CONSULT[_FORM[m.group(1).lower()]]} with"),
    # "What gender is the student body of X?", "the gender composition of X": what gender X
    # admits, which a page says of X ("an all-boys school")
    (re.compile(r"\b(gender\s+(?:is|was|are|were)\s+)(?:the\s+)?(?:student\s+body|students|"
                r"pupils)\s+(?:of|at)\s+", re.IGNORECASE), lambda m: m.group(1)),
    (re.compile(r"\bgender\s+(?:composition|make-?up|mix|balance)\b", re.IGNORECASE),
     lambda m: "gender"),
    # "who did they sound out first": consult
    (re.compile(r"\b(sound|sounds|sounded|sounding)\s+out\b", re.IGNORECASE),
     lambda m: _CONSULT[_FORM[m.group(1).lower()]]),
    # "what r the rebels called", "who r they": "are", typed in haste after a question word
    (re.compile(r"^(\W*(?i:what|who|where|when|why|how|which)\s+)r(?=\s)"),
     lambda m: f"{m.group(1)}are"),
    # shortened words, as typed in haste (lower case only: "REP" may be a name)
    (re.compile(r"\b(?:reps|rep|govt|gov\'t|dept|mtg|admin|ppl|abt|b4)\b"),
     lambda m: _SHORT[m.group(0)]),
    # "the Obama administration": the U.S. government, which news also calls "Washington"
    # (a president's name alone is the person)
    (re.compile(r"\b(?:the\s+)?(?:obama|trump|biden|bush|clinton|reagan|carter|nixon)\s+"
                r"administration(?:['\u2019]s)?", re.IGNORECASE),
     lambda m: "Washington" + ("'s" if m.group(0)[-2:-1] in "'\u2019" else "")),
    # "they left the meeting feeling their message had got through": they felt it had
    (re.compile(r"\b(?:left|came\s+away\s+from|walked\s+away\s+from|emerged\s+from)\s+"
                r"(?:the|this|that)\s+(?:meeting|talks|session|encounter|sit-down)\s+"
                r"(?:feeling|believing|convinced|sure)\s+(?:that\s+)?", re.IGNORECASE),
     lambda m: "felt that "),
    # "their message had gotten through": it had been understood
    (re.compile(r"\b(message|point|warning)\b([^,.;?!]{0,40}?)\s+(?:(had|has|have)\s+)?"
                r"(got|gotten|gets|get)\s+through\b", re.IGNORECASE),
     lambda m: f"{m.group(1)}{m.group(2)} " + (f"{m.group(3)} been understood" if m.group(3)
                                                else _GOT_THROUGH[m.group(4).lower()])),
    # "this won't be the last time they meet": they will meet again
    (re.compile(r"\b(?:this|it|that)\s+(?:won['\u2019]t|will\s+not)\s+be\s+the\s+last\s+time\s+"
                r"(?:that\s+)?(.+?)\s+(meet|talk|sit\s+down)\b", re.IGNORECASE),
     lambda m: f"{m.group(1)} will {m.group(2)} again"),
    # "what does Chollet do for a living": his job
    (re.compile(r"^(\W*)what\s+(?:does|did|do)\s+(.+?)\s+do\s+for\s+(?:a\s+)?(?:living|work|"
                r"a\s+job)\b", re.IGNORECASE),
     lambda m: f"{m.group(1)}What is {m.group(2)}'s job"),
    # "the sit-down", "their get-together", "when was the sit down": a meeting, in the word
    # documents use (two words apart only after a word that makes them a noun: "sat down
    # with them" is a deed)
    (re.compile(r"\b((?:the|this|that|their|a)\s+)?(?:sit|get)(-|\s+)(?:down|together)(s?)\b",
                re.IGNORECASE),
     lambda m: f"{m.group(1) or ''}meeting{m.group(3)}" if m.group(1) or m.group(2) == "-"
     else m.group(0)),
    # "who took part (in the meeting)", "who was at / involved in the talks", "Who was
    # there?": who attended them
    (re.compile(r"\b(take|takes|took|taking|taken)\s+part(?:\s+in\b|(?=\s*[?.!]*\s*$))",
                re.IGNORECASE), _as(_ATTEND)),
    (re.compile(r"^(\W*(?:who|which\s+[\w.]+(?:\s+[\w.]+)?)\s+)(?:was|were)\s+(?:(?:present\s+)?"
                r"(?:at|in)|involved\s+in)\s+(?=(?:the|this|that|their)\s+(?:[\w-]+\s+){0,2}?"
                r"(?:meeting|talks|session|summit|encounter|gathering|sit-down|get-together|"
                r"conference)\b)", re.IGNORECASE), lambda m: f"{m.group(1)}attended "),
    (re.compile(r"^(\W*who\s+)(?:was|were)\s+(?:involved|there)(?=\s*[?.!]*\s*$)",
                re.IGNORECASE), lambda m: f"{m.group(1)}attended"),
    # "how many people from the US went", "who were the Americans that went": who went to
    # the story's occasion, that is who attended it
    (re.compile(r"^(\W*(?:who|whom|how\s+many|which)\b.*?)\b(?:went|traveled|travelled|flew)"
                r"(?=\s*[?.!]*\s*$)", re.IGNORECASE), lambda m: f"{m.group(1)}attended"),
    # "how many Americans were at the table": who attended the meeting
    (re.compile(r"\b(?:was|were|is|are|sat|sit|sits)\s+(?:at|around)\s+the\s+(?:negotiating\s+)?"
                r"table\b", re.IGNORECASE), lambda m: "attended the meeting"),
    # "where did the news of the meeting break": where it was disclosed
    (re.compile(r"\b(?:did|does|do)\s+(?:the\s+)?news\s+(?:of|about)\s+(.+?)\s+(?:first\s+)?"
                r"(?:break|come\s+out|emerge|surface|leak)\b", re.IGNORECASE),
     lambda m: f"was {m.group(1)} disclosed"),
    # "How open is Washington to bargaining with Gaddafi?": whether it is willing to, which
    # the documents may settle or dispute (a degree no sentence gives as such)
    (re.compile(r"^\W*how\s+(?:willing|open|ready|prepared|eager|keen|inclined|amenable|"
                r"receptive)\s+(is|are|was|were)\s+(.+?)\s+to\s+(?=\w)", re.IGNORECASE),
     lambda m: f"{m.group(1).capitalize()} {m.group(2)} willing to "),
    # "Feltman's position?", "the TNC's role?": a noun phrase asked, what it is
    (re.compile(r"^(\W*)(?!(?i:is|are|was|were|do|does|did|has|have|had|can|could|will|would|"
                r"should|who|what|when|where|which|why|how)\b)((?:the\s+)?[A-Z][\w.'\u2019-]*"
                r"(?:\s+[A-Z][\w.'\u2019-]*)*['\u2019]s?\s+[a-z]+(?:\s+[a-z]+)?)(?=\s*\?\s*$)"),
     lambda m: f"{m.group(1)}What is {m.group(2)}"),
    # "When did this happen?", "When was it?": the story's own occasion, held then
    (re.compile(r"^(\W*)when\s+(?:(?:did|does)\s+(?:this|it|that)\s+(?:happen|take\s+place|occur)"
                r"|(?:was|is)\s+(?:this|it|that)(?=\s*[?.!]*\s*$))", re.IGNORECASE),
     lambda m: f"{m.group(1)}When was it held"),
    # "why meet them in person": face to face, as the documents may put it
    (re.compile(r"\bin[\s-]person\b", re.IGNORECASE), lambda m: "face to face"),
    # "who sat down with Gaddafi's people": who met with them; "will they sit down again"
    (re.compile(r"\b(sit|sits|sat|sitting)\s+down\s+(?=(?:with|again|together|face\s+to\s+"
                r"face)\b)", re.IGNORECASE), _as(_MEET, after=" ")),
    # "when did the campaign get going", "got under way": began
    (re.compile(r"\b(get|gets|got|getting|gotten)\s+(?:going|started|under\s*way)\b",
                re.IGNORECASE), _as(_BEGIN)),
    # "when did the warplanes first go into action": began
    (re.compile(r"\b(go|goes|went|going|gone)\s+into\s+action\b", re.IGNORECASE), _as(_BEGIN)),
    # "what did they get wrong": what they wrongly believed
    (re.compile(r"\b(get|gets|got|getting|gotten)\s+wrong\b", re.IGNORECASE),
     _as(_BELIEVE, before="wrongly ")),
    # "what was the point of the meeting": its purpose (not "at what point", "what point
    # did he make")
    (re.compile(r"^(\W*what(?:['\u2019]s|\s+(?:is|was|are|were))\s+(?:the|its|their)\s+)"
                r"point(\s+of\b)", re.IGNORECASE), lambda m: f"{m.group(1)}purpose{m.group(2)}"),
    # "What did they agree to in Istanbul?", "What was agreed?": what they decided (a
    # question's word only: a claim that a body "agreed" is no claim that it decided)
    (re.compile(r"^(\W*what\s+(?:did|do|does|had|has|have|was|were|is|are)\s+"
                r"(?:[\w.'\u2019-]+\s+){0,6}?)(agree|agrees|agreed|agreeing)(?:\s+(?:to|on|upon)\b)?",
                re.IGNORECASE), lambda m: m.group(1) + _DECIDE[_FORM[m.group(2).lower()]]),
    # "when did Tripoli come out with its claim about the meeting": commented on it
    (re.compile(r"\b(come|comes|came|coming)\s+out\s+with\s+(?:its|their|his|her|the|a)\s+"
                r"(?:claim|statement|account|version|view|comment)s?\s+(?:about|on|of)\b",
                re.IGNORECASE),
     _as(_COMMENT_ON)),
    # "What was the official's name?": the name of the official, as that is asked
    (re.compile(r"^(\W*what\s+(?:is|was|are|were)\s+)((?:the|that|this)\s+[\w\s.-]{1,40}?)"
                r"['\u2019]s?\s+(names?)(?=\s*[?.!]*\s*$)", re.IGNORECASE),
     lambda m: f"{m.group(1)}the {m.group(3)} of {m.group(2)}"),
    # "what rank were the officials" (of many, no one post): how senior they were
    (re.compile(r"^(\W*)what\s+(?:rank|level|grade|seniority)\s+(were|are)\b", re.IGNORECASE),
     lambda m: f"{m.group(1)}How senior {m.group(2).lower()}"),
    # "what does the regime make of / read into the meeting": how it sees it
    (re.compile(r"(^\W*|,\s+and\s+)what\s+(do|does|did)\s+([^,?]+?)\s+(?:make\s+of|read\s+into)\s+",
                re.IGNORECASE),
     lambda m: f"{m.group(1)}{'H' if not m.group(1).strip() else 'h'}ow {m.group(2).lower()} "
               f"{m.group(3)} see "),
    # "what did the US want to get across to them": the message it delivered
    (re.compile(r"\b(get|gets|got|getting|gotten)\s+across\b", re.IGNORECASE), _as(_DELIVER)),
    # "is there going to be another meeting": will there be one
    (re.compile(r"^(\W*)(?:is|are)\s+(there|it|they|he|she|we)\s+going\s+to\s+", re.IGNORECASE),
     lambda m: f"{m.group(1)}{'Will' if m.group(0)[len(m.group(1)):][:1].isupper() else 'will'} "
               f"{m.group(2)} "),
    # "in what way did they hold talks", "in which manner": how
    (re.compile(r"^(\W*)in\s+(?:what|which)\s+(?:way|manner|fashion)\b", re.IGNORECASE),
     lambda m: f"{m.group(1)}{'How' if m.group(0)[len(m.group(1)):][:1].isupper() else 'how'}"),
    # "who was in the room for the americans": who attended
    (re.compile(r"\b(?:was|were)\s+in\s+the\s+room\b", re.IGNORECASE), lambda m: "attended"),
    # "the U.S.-Libya session": the session between the two
    (re.compile(r"\b([A-Za-z][A-Za-z.]*[A-Za-z.])[-\u2013]([A-Za-z]+)\s+(talks|meetings?|"
                r"sessions?|summits?|negotiations|dialogue|contacts?|ties|relations)\b",
                re.IGNORECASE), _between),
    # "did they get the message", "got the point": understood
    (re.compile(r"\b(get|gets|got|getting|gotten)\s+the\s+(?:point|message)\b",
                re.IGNORECASE), _as(_UNDERSTAND)),
]


# "Which Americans met the Libyans?": which of a country's people, asked as people of it
_WHICH_PEOPLE = re.compile(r"^(\W*(?i:which|what)\s+)([A-Z][a-z]+)s(?=\s)")


def people_of(question: str) -> str:
    """"Which Americans met ...?" -> "Which American people met ...?"; any other question as
    it is (the parser takes a country's people for a name, not for the people asked)."""
    return _WHICH_PEOPLE.sub(_which_people, question)


def _which_people(m: re.Match[str]) -> str:
    people = m.group(2)
    return f"{m.group(1)}{people} people" if canonical(people) else m.group(0)


# Framing that says how to answer, not what is asked: "Bottom line, what ...?", "In short,
# did ...?"; and "..., as far as Qaddafi is concerned", which asks it for Qaddafi ("far" and
# "concerned" are no words of it).
_FRAMING = re.compile(
    r"^\W*(?:(?:the\s+)?bottom\s+line|in\s+a\s+nutshell|in\s+short|long\s+story\s+short|"
    r"in\s+a\s+word|quick\s+question|(?:put|said)\s+simply|simply\s+put|basically|"
    r"in\s+plain\s+(?:english|terms|words)|just\s+wondering)\s*[,:;-]+\s*", re.IGNORECASE)
_AS_FAR_AS = re.compile(
    r"\bas\s+(?:far|much)\s+as\s+(?P<who>[^,;?]+?)\s+(?:is|are|was|were)\s+concerned\b",
    re.IGNORECASE)


# "What exactly is the council?", "who actually attended", "where was it held exactly":
# the stress a reader puts on an open question asks nothing more.
_WH_AUX = (r"^(\W*(?:what|who|whom|whose|where|when|why|how|which)"
           r"(?:\s+(?:is|was|are|were|did|does|do|has|have|had))?)")
_STRESSED = re.compile(_WH_AUX + r"\s+(?:exactly|actually|really|precisely)\b", re.IGNORECASE)
_STRESSED_END = re.compile(_WH_AUX + r"(\s.*?),?\s+(?:exactly|precisely)(\W*)$",
                           re.IGNORECASE)


def _unframed(question: str) -> str:
    """The question without its framing, capitalised as it was typed."""
    question = _STRESSED_END.sub(r"\1\2\3", _STRESSED.sub(r"\1", question))
    rest = _FRAMING.sub("", question)
    if rest != question and rest:
        rest = rest[:1].upper() + rest[1:] if question.lstrip()[:1].isupper() else rest
    return _AS_FAR_AS.sub(lambda m: f"for {m.group('who')}", rest or question)


# "washington vs tripoli: what's the state of play?": the question, asked of both
_VERSUS = re.compile(r"^\W*(?P<a>[\w.'\u2019 -]{2,40}?)\s+(?:vs\.?|versus)\s+"
                     r"(?P<b>[\w.'\u2019 -]{2,40}?)\s*[:\u2013\u2014-]\s+(?P<q>.+?)\s*$",
                     re.IGNORECASE)
# "by each side's telling", "in each side's account": according to each side
_TELLING = re.compile(r"\b(?:by|in|on)\s+(?:each|either|both)\s+sides?['\u2019]?s?\s+"
                      r"(?:telling|account|version|reckoning)s?\b", re.IGNORECASE)


# "the tnc, what kind of group is that", "Regarding the embassy, when did it close?": the
# thing named first is what the question's "that" or "it" stands for
_TOPIC_FIRST = re.compile(
    r"^\W*(?:(?:regarding|concerning|about|on|as\s+for|re)\s+)?(?P<np>[\w.'\u2019 -]{2,50}?)"
    r"\s*[,:\u2013\u2014-]\s+(?P<q>(?:what|who|whom|where|when|why|how|which)\b.+)$",
    re.IGNORECASE)
_STANDS_FOR = re.compile(
    r"(?:\b(?P<aux>did|does|do|is|was|are|were|has|have|had)\s+(?:it|they|he|she)\b"
    r"|\b(?:it|that|this|they|them|he|she|him|her)(?=\W*$))", re.IGNORECASE)


# Words that open no noun phrase: "In his quoted remarks, what does he ...?" names no thing
_NOT_A_THING = frozenset("in at from for with by during after before according since under over "
                         "to of as if when while because so but and then ok okay well his her "
                         "their its my our your".split())
# Every word a question may refer back by
_BACK = re.compile(r"\b(?:it|they|them|he|she|him|her|this)\b", re.IGNORECASE)


def _topic_in_place(m: re.Match[str]) -> str:
    q, topic = m.group("q"), m.group("np").strip()
    if topic.split()[0].lower() in _NOT_A_THING:
        return m.group(0)
    topic = re.sub(r"^The\b", "the", topic)  # (set inside the question)
    # (one word standing for it, and no other: "who said it, and who reported it?" is left)
    if len(_STANDS_FOR.findall(q)) != 1 or len(_BACK.findall(q)) > 1:
        return m.group(0)
    return _STANDS_FOR.sub(lambda p: f"{p.group('aux')} {topic}" if p.group("aux") else topic, q)


def _of_both(m: re.Match[str]) -> str:
    q = m.group("q")
    if re.search(r"\baccording\s+to\b", q, re.IGNORECASE):
        return q  # (asked of each side already)
    mark = "?" if q.rstrip().endswith("?") else ""
    return f"{q.rstrip(' ?.!')}, according to {m.group('a')} and {m.group('b')}{mark}"


def spelled_out(question: str) -> str:
    """"where'd" -> "where did", "what's" -> "what is", "whos" -> "who is": question words as
    the parser knows them."""
    question = _CONTRACTED.sub(lambda m: f"{m.group(1)} {_SPELLED[m.group(2).lower()]}",
                               _unframed(question))
    question = _VERSUS.sub(_of_both, _TELLING.sub("according to each side", question))
    question = _TOPIC_FIRST.sub(_topic_in_place, question)
    m = _FIRST.match(question)
    # (In lower case only, as typed in haste: "Wen" may be a name.)
    if m and m.group(2).lower() in _CHAT and (m.group(2).islower() or m.group(2).endswith("s")):
        word = _CHAT[m.group(2).lower()]
        word = word[:1].upper() + word[1:] if m.group(2)[:1].isupper() else word
        question = m.group(1) + word + question[m.end():]
    # ... and after a lead: "the spokesman - whats his name" (lower case only).
    question = _AFTER_LEAD.sub(lambda m: m.group(1) + _CHAT[m.group(2)], question)
    m = _FIRST.match(question)
    if m and m.group(1).strip() and m.group(2).lower() in WH_WORDS:
        # "so when was it held": the lead-in word says nothing about what is asked.
        question = question[m.start(2):]
    inside = _ASK_INSIDE.sub("", question)
    if inside != question:  # (asked, whatever its word order or last mark)
        question = inside[:1].upper() + inside[1:].rstrip(" .!")
        question = question if question.endswith("?") else question + "?"
    question = _LIST.sub(_listed, question)
    question = about_name(question)
    for idiom, plain in _IDIOMS:
        question = idiom.sub(plain, question)
    question = people_of(question)
    question = _ABOUT_THE_TEXT.sub("", question)
    question = _DESCRIBED.sub(_active, question)
    question = _DISAGREEMENT.sub(_as_differing, question)
    question = _VERSIONS.sub(_as_told_by_each, question)
    return _SAYS_WANTED.sub(_wanted_as_said, question)


def with_mark(question: str) -> str:
    """A wh-question typed without its question mark, with it ("who is chollet" -> "who is
    chollet?"): the parse reads the words as asked only then."""
    if _WH_FIRST.match(question) and not re.search(r"[?.!]\s*$", question):
        return question.rstrip() + "?"
    return question


def typed_lower(question: str) -> bool:
    """Is the question typed without capitals (after its first letter)? Words all in capitals
    ("US", "NATO") do not show that names were written with theirs."""
    words = _WORD.findall(question)[1:]
    return bool(words) and not any(w[:1].isupper() and not w.isupper() for w in words)


def true_case(question: str, texts: Iterable[str],
              english: Callable[[str], bool] | None = None) -> str:
    """The question with each word capitalised as the documents always write it inside a
    sentence ("libyans" -> "Libyans"), other names of countries and bodies capitalised, and
    its first letter upper-case. Common words keep their case: "may" stays a verb; so does the
    noun a "which" asks for when it is an English word (as ``english`` tells) the documents
    capitalise only inside a longer name the question does not give it beside ("which U.S.
    department": not the "Department" of "State Department")."""
    # A headline capitalises every word: it says nothing of how a word is written. (The
    # bodies are read twice: word by word, then as runs of words.)
    bodies = [without_headlines(text) for text in texts]
    asked = list(_WORD.finditer(question))
    asked_at = {m.start(): k for k, m in enumerate(asked)}
    # The nouns a "which" asks for, typed in lower case, that are English words: only these
    # may be kept as typed, so only their neighbours in the documents are read.
    bare = [_POSSESSIVE.sub("", m.group()) for m in asked]
    typed = {k for k, w in enumerate(bare) if w.islower() and english is not None
             and english(w) and _typed(asked, k)}
    wanted = {bare[k] for k in typed}
    forms: dict[str, Counter[str]] = {}
    # The capitalised words a word is written beside, when it is only ever written as part
    # of a longer name ("Department" of "State Department"); None once it stands alone.
    beside: dict[str, set[str] | None] = {}
    after_us: set[str] = set()  # the words the documents write after "U.S." ("officials")
    us_as: Counter[str] = Counter()  # ... and how they write the country ("U.S.", "US")
    for text in bodies:
        found = list(_WORD.finditer(text))
        for k, m in enumerate(found):
            if _SENTENCE_START.search(text[max(0, m.start() - 3) : m.start()]) and not (
                    len(m.group()) > 1 and m.group().isupper()):
                continue  # (a word in capitals is so written anywhere: "NATO is leading")
            # "Qaddafi’s" is how "Qaddafi" is written too: a possessive is not part of a name.
            word = _POSSESSIVE.sub("", m.group())
            forms.setdefault(word.lower(), Counter())[word] += 1
            if word in _COUNTRY_US and k + 1 < len(found):
                after_us.add(found[k + 1].group().lower())
                us_as[text[m.start() : m.end() + 1].rstrip(" ,;:)")] += 1
            if word[:1].isupper() and word.lower() in wanted:
                near = {n.lower() for n in _neighbours(text, found, k) if n[:1].isupper()}
                known = beside.get(word.lower(), set())
                beside[word.lower()] = None if known is None or not near else known | near

    def cased(m: re.Match[str]) -> str:
        whole = m.group()
        word = _POSSESSIVE.sub("", whole)
        k = asked_at[m.start()]
        if whole == "us" and after_us and (
                (k and asked[k - 1].group().lower() == "the") or (
                k + 1 < len(asked) and asked[k + 1].group().lower() in after_us)):
            # "the us", "us officials": the country, as the documents write it
            return us_as.most_common(1)[0][0]
        names = beside.get(word.lower()) if k in typed else None
        if names and not any(n.lower() in names for n in _neighbours(question, asked, k)):
            return whole  # "which U.S. department": not the "Department" of "State Department"
        return base(word) + whole[len(word):]

    def base(word: str) -> str:
        low = word.lower()
        if low in STOPWORDS or low in _COMMON:
            return word
        seen = forms.get(low)
        if seen and not seen.get(low):  # never written in lower case
            return seen.most_common(1)[0][0]
        if canonical(low) and not seen:
            return word[:1].upper() + word[1:]
        if not seen and any(respelled(low, other) and not forms[other].get(other)
                            for other in forms):
            return word[:1].upper() + word[1:]  # "gaddafi": a name they write "Qaddafi"
        if not seen and low.endswith("s") and low[:-1] in forms and not forms[low[:-1]].get(
                low[:-1]):
            # "feltmans title": a name the documents always capitalise, with its possessive
            # typed without the apostrophe.
            return forms[low[:-1]].most_common(1)[0][0] + "'s"
        return word

    out = _WORD.sub(cased, question)
    if _WH_FIRST.match(out):
        # (a question asking after a post by its name: a claim's words are judged as typed)
        out = _initials_of_runs(_as_runs(out, bodies), bodies)
    return out[:1].upper() + out[1:]


def _initials_of_runs(question: str, bodies: list[str]) -> str:
    """"nsc" typed for the "National Security Council" the documents name: a short lower-case
    word made of the initials of a name they write is that name's short form, in capitals.
    (``bodies``: the documents' texts without their headlines.)"""
    typed = {w for w in re.findall(r"\b[a-z]{2,5}\b", question) if w not in STOPWORDS}
    if not typed:
        return question
    initials: set[str] = set()
    for body in bodies:
        for m in _RUN.finditer(body):
            words = [w for w in m.group().split() if w.lower() not in _IN_NAMES]
            initials.update("".join(w[0] for w in part).lower() for part in _parts(words))
    for word in typed & initials:
        question = re.sub(rf"\b{word}\b", word.upper(), question)
    return question


_WH_FIRST = re.compile(r"^\W*(?:who|whom|whose|what|which|when|where|why|how)\b", re.IGNORECASE)


# A name of several capitalised words, small words of a name between ("Deputy Foreign
# Minister", "Secretary of State").
_RUN = re.compile(r"\b[A-Z][\w'’.-]*(?: +(?:(?:of|for|and|the) +)?[A-Z][\w'’.-]*)+")


_LONGEST_RUN = 6  # words of a name read as one


def _parts(words: list[str]) -> Iterator[list[str]]:
    """Each run of two to a few of the words, in order ("Deputy Foreign Minister" of "Deputy
    Foreign Minister Piet Olsson")."""
    for i in range(len(words)):
        for j in range(i + 2, min(len(words), i + _LONGEST_RUN) + 1):
            yield words[i:j]


def _as_runs(question: str, bodies: list[str]) -> str:
    """The question with a run of words the documents write only as one capitalised name
    ("deputy foreign minister" typed, "Deputy Foreign Minister" written) written as they
    write it, whatever each word's case is elsewhere ("foreign ministry"). (``bodies``: the
    documents' texts without their headlines.)"""
    typed = question.lower()
    runs: dict[str, str] = {}
    plain: set[str] = set()
    for body in bodies:
        for m in _RUN.finditer(body):
            # (each part of the name, of a few words; only parts the question has)
            for part in _parts(m.group().split()):
                low = " ".join(part).lower()
                if low in typed and part[0].lower() not in STOPWORDS \
                        and part[-1].lower() not in STOPWORDS:
                    runs.setdefault(low, " ".join(part))
        plain.update(w for w in runs if w in body)  # also written in lower case
    for low, name in sorted(runs.items(), key=lambda r: -len(r[0])):
        if low not in plain:
            question = re.sub(rf"(?<![\w.]){re.escape(low)}(?![\w])",
                              name.replace("\\", r"\\"), question, flags=re.IGNORECASE)
    return question


def _typed(words: list[re.Match[str]], k: int) -> bool:
    """Is the k-th word the noun a "which" or "what" asks for ("which U.S. department")?"""
    for j in range(k - 1, max(-1, k - 4), -1):
        w = words[j].group().lower()
        if w in ("which", "what"):
            return True
        if w in STOPWORDS:
            return False
    return False


# The country's short names, as _WORD finds them ("U.S." without its last stop).
_COUNTRY_US = frozenset(["U.S", "US"])
# Small words inside a name: "Secretary of State", "Bank for International Settlements".
_IN_NAMES = frozenset(["of", "for", "and", "the", "de", "la", "du", "van", "von"])
_IN_NAME = re.compile(r"\b(?:" + "|".join(sorted(_IN_NAMES)) + r")\b")


def _neighbours(text: str, found: list[re.Match[str]], k: int) -> list[str]:
    """The words next to the k-th word of a text, across a small word inside a name, when
    only spaces (or a hyphen) stand between."""
    out: list[str] = []
    for step in (-1, 1):
        j = k + step
        if 0 <= j < len(found) and found[j].group().lower() in _IN_NAMES:
            j += step
        if 0 <= j < len(found):
            a, b = sorted((found[k], found[j]), key=lambda m: m.start())
            between = text[a.end() : b.start()]
            if not _IN_NAME.sub("", between).strip(" -"):
                out.append(found[j].group())
    return out


def without_headlines(text: str) -> str:
    """The text less its lines in title case, whose capitals say nothing of the words."""
    return "\n".join(line for line in text.split("\n") if not title_cased(line))


def title_cased(line: str) -> bool:
    """A line in title case ("Secret Talks With Qaddafi Regime Weren't Negotiations")."""
    words = [w for w in _WORD.findall(line) if len(w) > 3]
    return len(words) >= 2 and all(w[0].isupper() for w in words)
