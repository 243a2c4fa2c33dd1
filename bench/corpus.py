"""Seeded generator of news-like documents for benchmarks: same seed, same bytes.

Each article has a headline and paragraphs of attributed statements, quotes, dates,
numbers and claims that named parties contradict, so the lexical index, the attribution
step and the stance step all see realistic text. Everything is made here from small word
lists; no outside data.
"""

from __future__ import annotations

import calendar
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from retrieval.chunking import chunk_document
from retrieval.documents import parse
from retrieval.types import Document

FIRST = [
    "Amara",
    "Daniel",
    "Elena",
    "Farid",
    "Grace",
    "Hiroshi",
    "Ines",
    "Jonas",
    "Karin",
    "Leila",
    "Marco",
    "Nadia",
    "Omar",
    "Priya",
    "Rafael",
    "Sofia",
    "Tomas",
    "Ulrike",
    "Viktor",
    "Wen",
    "Yusuf",
    "Zara",
    "Aled",
    "Beatriz",
    "Chidi",
    "Dmitri",
    "Esther",
    "Femi",
]
LAST = [
    "Okafor",
    "Lindqvist",
    "Haddad",
    "Moreau",
    "Tanaka",
    "Novak",
    "Castillo",
    "Brennan",
    "Petrov",
    "Achebe",
    "Iyer",
    "Fischer",
    "Santos",
    "Kowalski",
    "Mensah",
    "Larsen",
    "Duarte",
    "Rahman",
    "Keller",
    "Ortiz",
    "Nakamura",
    "Volkov",
    "Adeyemi",
    "Berg",
]
ORGS = """the Ministry of Energy|the Port Authority|the National Rail Union|the Central Bank|
the Health Department|the Farmers' Cooperative|the Coastal Guard|the Water Board|the Treasury|
the Teachers' Federation|the Mining Council|the Civil Aviation Office|the City Council|
the Opposition Alliance|the Chamber of Commerce|the Fisheries Agency|the Housing Trust|
the Election Commission|the Grid Operator|the Transport Ministry""".replace("\n", "").split("|")
ROLES = """spokesman|spokeswoman|minister|deputy director|chief economist|press officer|
senior official|union leader|chairwoman|analyst""".replace("\n", "").split("|")
PLACES = """Valmora|Port Essen|Kestrel Bay|Northgate|Lowen|Saltmarsh|Ardent Falls|Brisa|
Old Harbour|Tamsin Ridge|Cedar Plains|Halden""".replace("\n", "").split("|")
TOPICS = [
    ("the new pipeline", "was delayed", "is on schedule"),
    ("the rail strike", "will end this week", "will continue"),
    ("the interest rate", "will rise", "will stay unchanged"),
    ("the water shortage", "was caused by the drought", "was caused by poor maintenance"),
    ("the fishing quota", "was cut", "was raised"),
    ("the airport expansion", "was approved", "was never approved"),
    ("the school closures", "are temporary", "are permanent"),
    ("the power outage", "was a cyber attack", "was a technical fault"),
    ("the housing plan", "is fully funded", "has no funding"),
    ("the mine inspection", "found no violations", "found serious violations"),
    ("the election count", "was accurate", "was flawed"),
    ("the ferry contract", "was signed", "was not signed"),
    ("the talks", "were a negotiation", "were not a negotiation"),
    ("the vaccine rollout", "is ahead of target", "is behind target"),
]
VERBS = [
    "said",
    "told reporters",
    "said in a statement",
    "wrote",
    "stated",
    "insisted",
    "confirmed",
]
DENIALS = ["denied", "rejected the claim", "disputed", "dismissed the report"]
MONTHS = list(calendar.month_name)[1:]
UNITS = ["people", "tonnes", "jobs", "households", "passengers", "million dollars", "homes"]


@dataclass(frozen=True)
class CorpusInfo:
    """What ``write_corpus`` wrote."""

    folder: Path
    documents: int
    chunks: int


class _Writer:
    """Builds one article's sentences from a seeded random source."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def person(self) -> str:
        return f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)}"

    def source(self) -> tuple[str, str]:
        """A named speaker with role and organisation, and the short name to reuse."""
        name = self.person()
        return f"{name}, {self.rng.choice(ROLES)} at {self.rng.choice(ORGS)}", name

    def date(self) -> str:
        return f"{self.rng.randint(1, 28)} {self.rng.choice(MONTHS)} {self.rng.randint(2009, 2025)}"

    def number(self) -> str:
        n = self.rng.choice(
            [
                self.rng.randint(3, 99),
                self.rng.randint(100, 9999),
                self.rng.randint(10_000, 2_000_000),
            ]
        )
        return f"{n:,} {self.rng.choice(UNITS)}"

    def paragraph(self, topic: tuple[str, str, str], place: str) -> str:
        subject, claim, counter = topic
        r = self.rng
        full, short = self.source()
        other_full, other = self.source()
        kinds = [
            f"{full}, {r.choice(VERBS)} on {self.date()} that {subject} {claim}.",
            f'"We have been clear from the start: {subject} {claim}," {short} said.',
            f"{other_full}, {r.choice(DENIALS)}, saying {subject} {counter}.",
            f"According to {r.choice(ORGS)}, {self.number()} in {place} were affected by "
            f"{subject} as of {r.choice(MONTHS)}.",
            f'"That is simply not true," {other} said of the claim that {subject} {claim}.',
            f"Officials in {place} said {self.number()} had been counted by {self.date()}, "
            f"up from {self.number()} a year earlier.",
            f"{short} did not respond to a request for comment on {subject}.",
            f"In a statement, {r.choice(ORGS)} said {subject} {r.choice([claim, counter])} "
            f"and that talks with {other} would resume in {r.choice(MONTHS)}.",
        ]
        count = r.randint(2, 4)
        return " ".join(r.sample(kinds, count))

    def article(self) -> str:
        topic = self.rng.choice(TOPICS)
        place = self.rng.choice(PLACES)
        subject, claim, _ = topic
        headline = f"{place}: dispute over whether {subject} {claim}"
        body = [self.paragraph(topic, place) for _ in range(self.rng.randint(3, 8))]
        return "\n\n".join([headline, *body]) + "\n"


def articles(seed: int = 0) -> Iterator[tuple[str, str]]:
    """An endless, seeded stream of (file name, article text)."""
    writer = _Writer(random.Random(seed))
    n = 0
    while True:
        yield f"news-{seed}-{n:06d}.txt", writer.article()
        n += 1


def documents(chunks: int, seed: int = 0, max_chars: int = 600) -> Iterator[Document]:
    """Articles as Documents until at least ``chunks`` chunks have been produced."""
    made = 0
    for name, text in articles(seed):
        if made >= chunks:
            return
        doc = parse(text.encode("utf-8"), name, source=f"bench/{name}")
        made += len(chunk_document(doc, max_chars))
        yield doc


def write_corpus(folder: Path, chunks: int, seed: int = 0, max_chars: int = 600) -> CorpusInfo:
    """Write articles as .txt files into ``folder`` until they make ``chunks`` chunks."""
    folder.mkdir(parents=True, exist_ok=True)
    made = docs = 0
    for name, text in articles(seed):
        if made >= chunks:
            break
        data = text.encode("utf-8")
        (folder / name).write_bytes(data)
        made += len(chunk_document(parse(data, name), max_chars))
        docs += 1
    return CorpusInfo(folder, docs, made)
