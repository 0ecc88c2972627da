"""The corpus as plain data: what the curated files say, checked, before any RDF exists."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from publisher.errors import Origin, Problem


@dataclass(frozen=True)
class Names:
    """A name in English and Arabic, plus the other ways documents write it."""

    en: str
    ar: str
    aliases_en: tuple[str, ...] = ()
    aliases_ar: tuple[str, ...] = ()
    # Languages whose name is not known yet (`todo: name-ar`): the other language's name stands
    # in for it where text is matched and shown, the graph publishes no name in that language
    # but says it is missing (sup:labelMissing), and the build warns about it.
    missing: tuple[str, ...] = ()

    def all(self) -> list[tuple[str, str]]:
        """Every (language, name) pair, preferred names first."""
        pairs = [("en", self.en), ("ar", self.ar)]
        pairs += [("en", alias) for alias in self.aliases_en]
        pairs += [("ar", alias) for alias in self.aliases_ar]
        return pairs


@dataclass(frozen=True)
class Instant:
    """A point in time at the precision the text gives: 'year', 'year-month' or 'date'."""

    value: str
    precision: str


@dataclass(frozen=True)
class TimeSpec:
    """When something happened: an instant, or an interval that may be open or approximate."""

    instant: Instant | None = None
    begin: Instant | None = None
    end: Instant | None = None
    approximate: bool = False
    label: str | None = None


@dataclass(frozen=True)
class Document:
    id: str
    path: Path
    file: str
    sha256: str
    language: str
    kind: str
    title: dict[str, str]
    added: str
    text: str
    publisher: str | None = None
    publisher_evidence: str | None = None
    url: str | None = None
    origin: Origin | None = None
    published: str | None = None  # the day (or month, year) the document was published
    title_missing: tuple[str, ...] = ()  # languages whose title is still to be found


@dataclass(frozen=True)
class Actor:
    id: str
    type: str
    names: Names
    origin: Origin
    wikidata: str | None = None
    anonymous: bool = False
    part_of: str | None = None
    armed_wing_of: str | None = None
    unit_of: str | None = None
    government_of: str | None = None
    ambiguous_names: tuple[str, ...] = ()


@dataclass(frozen=True)
class Place:
    id: str
    names: Names
    origin: Origin
    located_in: str | None = None


@dataclass(frozen=True)
class Position:
    id: str
    names: Names
    definition: dict[str, str]
    origin: Origin


@dataclass(frozen=True)
class Membership:
    person: str
    organisation: str
    position: str
    source: str
    quote: str
    origin: Origin
    during: TimeSpec | None = None

    @property
    def key(self) -> str:
        return f"{self.person}/{self.position}/{self.organisation}"


@dataclass(frozen=True)
class Event:
    id: str
    type: str
    names: Names
    origin: Origin
    time: TimeSpec | None = None
    place: str | None = None
    participants: tuple[str, ...] = ()


@dataclass(frozen=True)
class CitedSource:
    id: str
    names: Names
    origin: Origin
    author: str | None = None
    date: Instant | None = None


@dataclass(frozen=True)
class Proposition:
    id: str
    names: Names
    origin: Origin


@dataclass(frozen=True)
class Conflict:
    """Claims that contradict each other, grouped in sides (claims on one side agree)."""

    id: str
    sides: tuple[tuple[str, ...], ...]
    aspect: str
    note: str | None
    origin: Origin
    derived: bool = False

    @property
    def claims(self) -> tuple[str, ...]:
        return tuple(claim for side in self.sides for claim in side)

    def opposed_pairs(self) -> list[tuple[str, str]]:
        """Every (a, b) with a and b on different sides."""
        return [
            (a, b)
            for i, side in enumerate(self.sides)
            for j, other in enumerate(self.sides)
            if i != j
            for a in side
            for b in other
        ]


@dataclass(frozen=True)
class Amount:
    currency: str
    value: Decimal | None = None
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    rate: str | None = None
    approximate: bool = False


@dataclass(frozen=True)
class Quantity:
    """A count the claim states, other than money: fighters trained, members of a delegation,
    the dead. `kind` is a concept of the quantity-kinds scheme; `label` the phrase as written
    when it is vague ("thousands")."""

    kind: str
    value: Decimal | None = None
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    approximate: bool = False
    label: str | None = None


@dataclass(frozen=True)
class Drafting:
    """How a claim was drafted, kept when a curator confirms it: the drafter's version, the
    words it went by (cues), its confidence, and a gap it could not fill (drafts only)."""

    drafter: str | None = None
    cues: tuple[str, ...] = ()
    confidence: float | None = None
    gap: str | None = None


@dataclass(frozen=True)
class Attribution:
    agent: str
    role: str
    position: int
    source: str | None = None


@dataclass(frozen=True)
class Claim:
    id: str
    document: str
    subject: str
    relation: str
    object: str
    quote: str
    start: int
    end: int
    origin: Origin
    beneficiaries: tuple[str, ...] = ()
    amount: Amount | None = None
    time: TimeSpec | None = None
    place: str | None = None  # a place id, or a state's actor id (the country)
    origin_place: str | None = None  # where what was transferred came from
    route: tuple[str, ...] = ()  # the places it went through, in order
    destination: str | None = None  # where it went
    quantities: tuple[Quantity, ...] = ()
    hedged: bool = False
    polarity: str = "affirmed"
    attributions: tuple[Attribution, ...] = ()
    proposition: str | None = None
    event: str | None = None
    note: str | None = None
    drafting: Drafting | None = None


@dataclass
class Corpus:
    """Everything the build publishes, checked and cross-referenced."""

    documents: dict[str, Document] = field(default_factory=dict)
    actors: dict[str, Actor] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)
    positions: dict[str, Position] = field(default_factory=dict)
    memberships: list[Membership] = field(default_factory=list)
    events: dict[str, Event] = field(default_factory=dict)
    sources: dict[str, CitedSource] = field(default_factory=dict)
    propositions: dict[str, Proposition] = field(default_factory=dict)
    conflicts: dict[str, Conflict] = field(default_factory=dict)
    claims: dict[str, Claim] = field(default_factory=dict)
    drafts: list[str] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)  # accepted, but to be completed
