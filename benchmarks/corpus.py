"""A synthetic corpus with the shape of the real one, at any size, from a seed.

`generate(out, documents, seed)` writes a normal project folder: the repository's own corpus
(its five documents, reference data and mapping, so that every competency query has its
answers) grown with `documents` generated Arabic and English documents, their metadata with
sha256, and their mapping in data/claims/<id>.yaml; ontology/, shapes/ and queries/ are the
repository's. Generated documents have what the real ones have: actors with names in both
languages (found again by the text layer), claims whose quotes are the text at their offsets,
amounts, dates and intervals, places, events, attributions with cited sources, propositions
told by several documents (some denying them, hence derived conflicts), curated conflicts of
amount and time, memberships quoted from the text, citation markers and reference lists,
boilerplate lines. `publisher build` runs on the folder unchanged.

The same (documents, seed) always gives the same bytes; document i depends only on the seed,
i and the reference pools, which are sized from `documents`.

    python -m benchmarks.corpus --documents 100 --out /tmp/corpus-100
"""

from __future__ import annotations

import argparse
import hashlib
import random
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from benchmarks.names import (
    ARMED_WING_PATTERNS,
    ATTRIBUTION_TAIL,
    CLAIM_TEMPLATES,
    DENIED_TEMPLATES,
    FILLERS,
    MEDIA_PATTERNS,
    MONTHS,
    NEWS_FOOTER,
    ORGANISATION_PATTERNS,
    PLACE_PATTERN,
    QUOTED_TAIL,
    REFERENCES_HEADING,
    STATE_PATTERNS,
    NameMaker,
    ident,
)

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("ar", "en")
KINDS = {  # kind: (weight, fewest sentences, most sentences)
    "news-report": (45, 10, 26),
    "interview": (15, 14, 30),
    "opinion-piece": (20, 22, 46),
    "encyclopedia-article": (20, 26, 60),
}
AMOUNT_RELATIONS = {"financial-support"}
PERSON_RELATIONS = ("meeting", "visit", "political-support", "condemnation", "pledge")
STATE_RELATIONS = tuple(r for r in CLAIM_TEMPLATES if r not in ("meeting", "visit"))


@dataclass
class Actor:
    id: str
    type: str
    en: str
    ar: str
    extra: dict = field(default_factory=dict)

    def name(self, lang: str) -> str:
        return self.en if lang == "en" else self.ar

    def entry(self) -> dict:
        return {
            "id": self.id,
            "type": self.type,
            "name": {"en": self.en, "ar": self.ar},
            **self.extra,
        }


@dataclass
class Named:
    id: str
    en: str
    ar: str

    def name(self, lang: str) -> str:
        return self.en if lang == "en" else self.ar


@dataclass
class Proposition:
    id: str
    subject: Actor
    relation: str
    object: Actor
    amount: int | None
    year: int


@dataclass
class Pools:
    """The reference data documents draw on: real actors and generated ones."""

    sponsors: list[Actor]
    groups: list[Actor]
    people: list[Actor]
    media: list[Actor]
    places: list[Named]
    events: list[tuple[Named, str, int, str, list[str]]]  # (names, type, year, place, participants)
    sources: list[tuple[Named, Actor, int]]
    propositions: list[Proposition]
    positions: dict[str, tuple[str, str]]
    new_actors: list[Actor]
    new_places: list[dict]
    leaders: dict[str, tuple[Actor, str]] = field(default_factory=dict)  # person -> (org, position)


@dataclass
class Written:
    documents: int
    claims: int
    characters: int


def generate(out: Path, documents: int, seed: int = 1, source: Path = ROOT) -> Written:
    """Write a project folder with the real corpus plus `documents` generated documents."""
    out = Path(out)
    if out.exists():
        shutil.rmtree(out)
    for part in ("ontology", "shapes", "queries"):
        shutil.copytree(source / part, out / part)
    shutil.copytree(source / "data", out / "data")
    data = out / "data"
    real = {
        name: _load(data / f"{name}.yaml")
        for name in ("actors", "documents", "events", "sources", "propositions", "conflicts")
    }
    rng = random.Random(f"{seed}:pools")
    pools = _pools(rng, real["actors"], documents)

    claims_by_proposition: dict[str, list[dict]] = {}
    mappings: list[dict] = []
    total_claims = characters = 0
    for number in range(1, documents + 1):
        doc_rng = random.Random(f"{seed}:document:{number}")
        entry, text, claims = _document(doc_rng, number, pools)
        raw = text.encode("utf-8")
        (data / entry["file"]).write_bytes(raw)
        entry["sha256"] = hashlib.sha256(raw).hexdigest()
        real["documents"]["documents"].append(entry)
        mappings.append({"document": entry["id"], "claims": claims})
        for claim in claims:
            if claim.get("proposition"):
                claims_by_proposition.setdefault(claim["proposition"], []).append(claim)
        total_claims += len(claims)
        characters += len(text)

    actors = real["actors"]
    actors["actors"] += [a.entry() for a in pools.new_actors]
    actors["places"] += pools.new_places
    _dump(data / "actors.yaml", actors)
    real["events"]["events"] += [
        {
            "id": e.id,
            "type": kind,
            "name": {"en": e.en, "ar": e.ar},
            "time": str(year),
            "place": place,
            "participants": participants,
        }
        for e, kind, year, place, participants in pools.events
    ]
    real["sources"]["sources"] += [
        {"id": s.id, "name": {"en": s.en, "ar": s.ar}, "author": author.id, "date": str(year)}
        for s, author, year in pools.sources
    ]
    used = sorted(claims_by_proposition)
    real["propositions"]["propositions"] += [
        {"id": p.id, "name": _proposition_names(p)} for p in pools.propositions if p.id in used
    ]
    # Conflicts first: a figure that differs is another proposition (docs/mapping.md), so the
    # claims of a conflict's other sides lose the proposition before the mappings are written.
    real["conflicts"]["conflicts"] += _conflicts(claims_by_proposition)
    for mapping in mappings:
        _dump(data / "claims" / f"{mapping['document']}.yaml", mapping)
    for name in ("documents", "events", "sources", "propositions", "conflicts"):
        _dump(data / f"{name}.yaml", real[name])
    return Written(documents, total_claims, characters)


def _load(path: Path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) or {}


def _dump(path: Path, content: dict) -> None:
    text = yaml.dump(
        content, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False, width=4096
    )
    path.write_text(text, encoding="utf-8")


# --- reference pools ---------------------------------------------------------------------------


def _pools(rng: random.Random, real: dict, documents: int) -> Pools:
    names = NameMaker(rng)
    by_type: dict[str, list[Actor]] = {}
    for item in real["actors"]:
        if item.get("anonymous"):
            continue
        actor = Actor(item["id"], item["type"], item["name"]["en"], item["name"]["ar"])
        by_type.setdefault(actor.type, []).append(actor)
        names.used.add(actor.en)
    new: list[Actor] = []

    def make(kind: str, en_ar: tuple[str, str], **extra) -> Actor:
        actor = Actor(
            ident(en_ar[0]), kind, en_ar[0], en_ar[1], {k: v for k, v in extra.items() if v}
        )
        new.append(actor)
        return actor

    states = by_type["state"][:7]
    governments = [a for a in by_type["government-body"] if a.id != "palestinian-authority"]
    for _ in range(3 + documents // 60):
        state = make("state", names.patterned(STATE_PATTERNS))
        states.append(state)
        x_en, x_ar = state.en.split(" of ")[-1], state.ar.split(" ", 1)[-1]
        governments.append(
            make(
                "government-body",
                (f"Government of {x_en}", f"حكومة {x_ar}"),
                government_of=state.id,
            )
        )
    groups = [
        a
        for t in ("organisation", "armed-wing", "collective")
        for a in by_type.get(t, [])
        if a.id
        in {
            "hamas",
            "hezbollah",
            "palestinian-islamic-jihad",
            "houthis",
            "qassam-brigades",
            "palestinian-armed-groups",
            "popular-struggle-front",
        }
    ]
    for _ in range(8 + documents // 8):
        organisation = make("organisation", names.patterned(ORGANISATION_PATTERNS))
        groups.append(organisation)
        if rng.random() < 0.4:
            root_en, root_ar = names.root()
            pattern_en, pattern_ar = rng.choice(ARMED_WING_PATTERNS)
            groups.append(
                make(
                    "armed-wing",
                    (pattern_en.format(x=root_en), pattern_ar.format(x=root_ar)),
                    armed_wing_of=organisation.id,
                )
            )
    people = list(by_type["person"])
    leaders: dict[str, tuple[Actor, str]] = {}
    for organisation in [g for g in groups if g.type == "organisation" and g in new]:
        if rng.random() < 0.6:
            person = make("person", names.person())
            people.append(person)
            leaders[person.id] = (
                organisation,
                rng.choice(("leader", "political-leader", "deputy-head")),
            )
    for government in [g for g in governments if g in new]:
        person = make("person", names.person())
        people.append(person)
        leaders[person.id] = (government, rng.choice(("president", "foreign-minister", "official")))
    media = list(by_type["media"][:5])
    for _ in range(3 + documents // 40):
        media.append(make("media", names.patterned(MEDIA_PATTERNS)))

    places = [Named(p["id"], p["name"]["en"], p["name"]["ar"]) for p in real["places"]]
    new_places = []
    for _ in range(5 + documents // 25):
        en, ar = names.root()
        place = Named(
            ident(PLACE_PATTERN[0].format(x=en)),
            PLACE_PATTERN[0].format(x=en),
            PLACE_PATTERN[1].format(x=ar),
        )
        places.append(place)
        new_places.append(
            {"id": place.id, "name": {"en": place.en, "ar": place.ar}, "in": rng.choice(states).id}
        )
    events = []
    for number in range(1, 6 + documents // 10):
        place, year = rng.choice(places), rng.randint(1995, 2024)
        kind = rng.choice(("meeting", "visit", "conference"))
        participants = sorted({a.id for a in rng.sample(states + governments + groups, 3)})
        events.append(
            (
                Named(
                    f"synthetic-{kind}-{number}-{year}",
                    f"{kind.title()} in {place.en}, {year}",
                    f"{_EVENT_AR[kind]} في {place.ar}، {year}",
                ),
                kind,
                year,
                place.id,
                participants,
            )
        )
    sources = []
    for number in range(1, 6 + documents // 10):
        author, year = rng.choice(media + governments), rng.randint(2000, 2024)
        sources.append(
            (
                Named(
                    f"synthetic-report-{number}",
                    f"{author.en} report ({year})",
                    f"تقرير {author.ar} ({year})",
                ),
                author,
                year,
            )
        )
    sponsors = states + governments
    propositions = []
    for number in range(1, 6 + documents // 3):
        relation = rng.choice(STATE_RELATIONS)
        amount = (
            rng.choice((5, 10, 25, 50, 100, 150, 300)) if relation in AMOUNT_RELATIONS else None
        )
        propositions.append(
            Proposition(
                f"synthetic-proposition-{number}",
                rng.choice(sponsors),
                relation,
                rng.choice(groups),
                amount,
                rng.randint(1995, 2024),
            )
        )
    positions = {p["id"]: (p["name"]["en"], p["name"]["ar"]) for p in real["positions"]}
    return Pools(
        sponsors,
        groups,
        people,
        media,
        places,
        events,
        sources,
        propositions,
        positions,
        new,
        new_places,
        leaders,
    )


_EVENT_AR = {"meeting": "اجتماع", "visit": "زيارة", "conference": "مؤتمر"}


def _proposition_names(p: Proposition) -> dict:
    en, ar = CLAIM_TEMPLATES[p.relation][0]
    amount = (
        _amount_text(p.amount * 1_000_000, None, None, False, "per-year") if p.amount else ("", "")
    )
    when = (f" in {p.year}", f" في عام {p.year}")
    return {
        "en": en.format(s=p.subject.en, o=p.object.en, amount=amount[0], place="", when=when[0]),
        "ar": ar.format(s=p.subject.ar, o=p.object.ar, amount=amount[1], place="", when=when[1]),
    }


def _conflicts(claims_by_proposition: dict[str, list[dict]]) -> list[dict]:
    """Curated conflicts: one proposition told with different figures, or different years.
    The claims of the first side keep the proposition; those of the others, which tell a
    different figure, lose it (claims of one proposition are never on two sides)."""
    conflicts = []
    for proposition, claims in sorted(claims_by_proposition.items()):
        affirmed = [c for c in claims if c.get("polarity") != "denied"]
        for aspect, key in (
            ("amount", lambda c: (c.get("amount") or {}).get("value")),
            ("time", lambda c: str(c.get("time"))),
        ):
            sides: dict[object, list[str]] = {}
            for claim in affirmed:
                sides.setdefault(key(claim), []).append(claim["id"])
            if len(sides) >= 2 and None not in sides:
                chosen = [sorted(v) for _, v in sorted(sides.items(), key=str)][:3]
                conflicts.append(
                    {
                        "id": f"{proposition}-{aspect}",
                        "kind": "differing-figures",
                        "aspect": aspect,
                        "sides": chosen,
                    }
                )
                others = {ident for side in chosen[1:] for ident in side}
                for claim in claims:
                    if claim["id"] in others:
                        del claim["proposition"]
                break
    return conflicts


# --- documents ---------------------------------------------------------------------------------


def _document(rng: random.Random, number: int, pools: Pools):
    lang = "ar" if rng.random() < 0.6 else "en"
    kind = rng.choices(list(KINDS), weights=[k[0] for k in KINDS.values()])[0]
    doc_id = f"synthetic-{number:05d}-{lang}-{kind.split('-')[0]}"
    sponsor, group = rng.choice(pools.sponsors), rng.choice(pools.groups)
    title = {
        "en": f"{sponsor.en} and {group.en}: {_TOPIC[kind][0]}",
        "ar": f"{sponsor.ar} و{group.ar}: {_TOPIC[kind][1]}",
    }
    writer = _Writer(lang)
    writer.line(title[lang])
    entry = {
        "id": doc_id,
        "file": f"documents/{doc_id}.txt",
        "sha256": "",
        "language": lang,
        "kind": kind,
        "title": title,
        "added": "2026-11-22",
    }
    if kind == "news-report":
        outlet = rng.choice(pools.media)
        byline = f"By {outlet.en}" if lang == "en" else f"{outlet.ar} -"
        writer.line(byline)
        entry["publisher"], entry["publisher_evidence"] = outlet.id, byline
    claims: list[dict] = []
    cited = 0
    _, fewest, most = KINDS[kind]
    for _ in range(rng.randint(fewest, most)):
        if rng.random() < 0.15:
            writer.paragraph()
        if rng.random() < 0.55:
            claim = _claim(rng, writer, doc_id, len(claims) + 1, pools, sponsor, group)
            claims.append(claim)
        elif rng.random() < 0.3 and pools.leaders:
            claims.append(_membership_claim(rng, writer, doc_id, len(claims) + 1, pools))
        else:
            _filler(rng, writer, pools)
        if kind == "encyclopedia-article" and rng.random() < 0.3:
            cited += 1
            writer.text = writer.text.rstrip() + f"[{cited}] "
    if cited:
        writer.paragraph()
        writer.line(REFERENCES_HEADING[0 if lang == "en" else 1])
        writer.line("")
        for n in range(1, cited + 1):
            outlet = rng.choice(pools.media)
            month, year = rng.choice(MONTHS), rng.randint(2000, 2024)
            writer.line(
                f'  {n}. ^ "{sponsor.en} and {group.en} ({n})". {outlet.en}. '
                f"{rng.randint(1, 28)} {month[0 if lang == 'en' else 1]} {year}."
            )
    elif kind == "news-report":
        writer.paragraph()
        writer.line(NEWS_FOOTER[0 if lang == "en" else 1])
    return entry, writer.text, claims


_TOPIC = {
    "news-report": ("talks and support", "محادثات ودعم"),
    "interview": ("an interview", "مقابلة"),
    "opinion-piece": ("a complex relationship", "علاقة معقدة"),
    "encyclopedia-article": ("relations", "العلاقات"),
}


class _Writer:
    """Builds the text and knows the code-point offset of everything it writes."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.text = ""

    def line(self, content: str) -> None:
        self.text = self.text.rstrip(" ") + ("\n" if self.text else "") + content + "\n"

    def paragraph(self) -> None:
        self.text = self.text.rstrip(" ") + "\n\n"

    def sentence(self, *pieces: str) -> list[tuple[int, int]]:
        """Write pieces as one sentence; returns the offsets of each piece."""
        spans = []
        for piece in pieces:
            spans.append((len(self.text), len(self.text) + len(piece)))
            self.text += piece
        self.text += ". "
        return spans


def _pick(pair: tuple[str, str], lang: str) -> str:
    """The English or the Arabic of a pair."""
    return pair[0] if lang == "en" else pair[1]


def _claim(
    rng: random.Random,
    writer: _Writer,
    doc_id: str,
    n: int,
    pools: Pools,
    sponsor: Actor,
    group: Actor,
) -> dict:
    lang = writer.lang
    proposition = None
    if rng.random() < 0.3:
        proposition = rng.choice(pools.propositions)
        subject, relation, target = proposition.subject, proposition.relation, proposition.object
    elif rng.random() < 0.2:
        subject, relation = rng.choice(pools.people), rng.choice(PERSON_RELATIONS)
        target = rng.choice(pools.groups + pools.sponsors[:4])
    else:
        relation = rng.choice(STATE_RELATIONS)
        subject = sponsor if rng.random() < 0.6 else rng.choice(pools.sponsors)
        target = group if rng.random() < 0.6 else rng.choice(pools.groups)
    if target.id == subject.id:
        target = next(g for g in pools.groups if g.id != subject.id)
    denied = relation in DENIED_TEMPLATES and rng.random() < 0.08
    template = DENIED_TEMPLATES[relation] if denied else rng.choice(CLAIM_TEMPLATES[relation])
    claim: dict = {
        "id": f"{doc_id.split('-', maxsplit=1)[0][:3]}{doc_id.split('-')[1]}-{n:03d}",
        "subject": subject.id,
        "relation": relation,
        "object": target.id,
    }

    amount_text = ("", "")
    if relation in AMOUNT_RELATIONS and not denied:
        millions = (
            proposition.amount
            if proposition and proposition.amount
            else rng.choice((5, 10, 25, 50, 100))
        )
        if proposition and rng.random() < 0.25:
            millions = rng.choice((millions * 2, millions * 3, max(1, millions // 2)))
        approximate, rate = rng.random() < 0.5, rng.choice(("per-year", "one-off"))
        if rng.random() < 0.15:
            low, high = millions * 1_000_000, millions * 2_000_000
            claim["amount"] = {"min": low, "max": high, "currency": "USD", "rate": rate}
            amount_text = _amount_text(None, low, high, False, rate)
        else:
            claim["amount"] = {
                "value": millions * 1_000_000,
                "currency": "USD",
                "rate": rate,
                "approximate": approximate,
            }
            amount_text = _amount_text(millions * 1_000_000, None, None, approximate, rate)
    when, when_text = _when(rng, proposition)
    place_text = ""
    if "{place}" in template[0] and rng.random() < 0.7:
        place = rng.choice(pools.places)
        claim["place"] = place.id
        place_text = f" in {place.en}" if lang == "en" else f" في {place.ar}"
    if when is not None:
        claim["time"] = when
    quote = _pick(template, lang).format(
        s=subject.name(lang),
        o=target.name(lang),
        amount=_pick(amount_text, lang),
        place=place_text,
        when=_pick(when_text, lang) if when is not None else "",
    )
    hedged = rng.random() < 0.1
    attribution = None
    tail = ""
    if rng.random() < 0.4:
        if rng.random() < 0.5:
            agent = rng.choice(pools.media)
            role = "reporting-outlet"
        else:
            agent = rng.choice(pools.people)
            role = "quoted-speaker"
        attribution = {"agent": agent.id, "role": role}
        if rng.random() < 0.3:
            report, author, _ = rng.choice(pools.sources)
            attribution = {"agent": author.id, "role": "original-source", "source": report.id}
            agent = author
        tail = _pick(
            ATTRIBUTION_TAIL if attribution["role"] != "quoted-speaker" else QUOTED_TAIL, lang
        ).format(a=agent.name(lang))
    lead = _pick(("Reportedly, ", "يقال إن "), lang) if hedged else ""
    if lang == "en" and not lead:
        quote = quote[0].upper() + quote[1:]
    spans = writer.sentence(lead, quote, tail)
    # A hedged claim's quote holds its hedge ("Reportedly, ..."): build/cues.py checks it.
    start, end = spans[0][0] if hedged else spans[1][0], spans[1][1]
    claim.update(
        {
            "quote": writer.text[start:end],
            "start": start,
            "end": end,
            "hedged": hedged,
            "polarity": "denied" if denied else "affirmed",
        }
    )
    if attribution:
        claim["attribution"] = [attribution]
    if proposition:
        claim["proposition"] = proposition.id
    if relation in ("meeting", "visit") and rng.random() < 0.5:
        claim["event"] = rng.choice(pools.events)[0].id
    return claim


def _amount_text(value, low, high, approximate, rate) -> tuple[str, str]:
    per = (" a year", " سنويا") if rate == "per-year" else ("", "")
    if value is not None:
        millions = value // 1_000_000
        about = ("about ", "حوالي ") if approximate else ("", "")
        return (
            f"{about[0]}${millions} million{per[0]}",
            f"{about[1]}{millions} مليون دولار{per[1]}",
        )
    return (
        f"between ${low // 1_000_000} million and ${high // 1_000_000} million{per[0]}",
        f"ما بين {low // 1_000_000} و{high // 1_000_000} مليون دولار{per[1]}",
    )


def _when(rng: random.Random, proposition: Proposition | None):
    """A time value for the mapping and its words in both languages, or (None, None)."""
    if proposition is not None:
        year = proposition.year if rng.random() < 0.8 else proposition.year + rng.choice((-1, 1))
        return str(year), (f" in {year}", f" في عام {year}")
    roll, year = rng.random(), rng.randint(1990, 2024)
    if roll < 0.45:
        return str(year), (f" in {year}", f" في عام {year}")
    if roll < 0.65:
        month = rng.randint(1, 12)
        names = MONTHS[month - 1]
        return f"{year}-{month:02d}", (f" in {names[0]} {year}", f" في {names[1]} {year}")
    if roll < 0.75:
        end = year + rng.randint(1, 4)
        return {"from": str(year), "to": str(end)}, (
            f" between {year} and {end}",
            f" بين عامي {year} و{end}",
        )
    return None, None


def _membership_claim(
    rng: random.Random, writer: _Writer, doc_id: str, n: int, pools: Pools
) -> dict:
    """A sentence naming a person's position, and the membership claim anchored in it."""
    person_id = rng.choice(sorted(pools.leaders))
    organisation, position = pools.leaders[person_id]
    person = next(p for p in pools.people if p.id == person_id)
    place = rng.choice(pools.places)
    role_en, role_ar = pools.positions[position]
    if writer.lang == "en":
        quote = f"{person.en}, the {role_en} of {organisation.en}"
        start, end = writer.sentence(quote, f", spoke to reporters in {place.en}")[0]
    else:
        quote = f"{person.ar}، {role_ar} {organisation.ar}"
        start, end = writer.sentence("تحدث ", quote, f"، إلى الصحفيين في {place.ar}")[1]
    return {
        "id": f"{doc_id.split('-', maxsplit=1)[0][:3]}{doc_id.split('-')[1]}-{n:03d}",
        "subject": person_id,
        "relation": "membership",
        "position": position,
        "object": organisation.id,
        "quote": writer.text[start:end],
        "start": start,
        "end": end,
        "hedged": False,
        "polarity": "affirmed",
    }


def _filler(rng: random.Random, writer: _Writer, pools: Pools) -> None:
    en, ar = rng.choice(FILLERS)
    pattern = en if writer.lang == "en" else ar
    month = rng.choice(MONTHS)
    text = pattern.format(
        p=rng.choice(pools.places).name(writer.lang),
        y=rng.randint(1990, 2024),
        a=rng.choice(pools.sponsors + pools.groups).name(writer.lang),
        d=rng.randint(1, 28),
        m=month[0 if writer.lang == "en" else 1],
    )
    writer.sentence(text.rstrip("."))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, required=True, help="generated documents to add")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True, help="project folder to (re)create")
    args = parser.parse_args(argv)
    written = generate(args.out, args.documents, args.seed)
    print(
        f"{args.out}: {written.documents} generated documents, {written.claims} claims, "
        f"{written.characters} characters of text (plus the repository's corpus)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
