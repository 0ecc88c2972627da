"""The actor page: names in both languages, what the actor is and belongs to, its relations
to other actors grouped by type and partner, and a timeline of its dated claims and events."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import NotRequired, TypedDict

from publisher.describe.queries import iri_term
from publisher.pages.claims import Claim, claim_query, load_claims
from publisher.pages.common import Name, names, prefixes, rows
from publisher.pages.wording import When, time_ar, time_en
from publisher.rdf import namespaces
from publisher.store.interface import Store

ACTOR_QUERY = """{prefixes}SELECT ?type ?alias ?same WHERE {{
  GRAPH ?g {{ {actor} a sup:Actor .
    OPTIONAL {{ {actor} a ?type FILTER(STRSTARTS(STR(?type), STR(sup:))) }}
    OPTIONAL {{ {actor} skos:altLabel ?alias }}
    OPTIONAL {{ {actor} owl:sameAs ?same }} }}
}}"""

STRUCTURE_QUERY = """{prefixes}SELECT ?link ?other ?outgoing WHERE {{
  VALUES ?link {{ org:subOrganizationOf sup:armedWingOf sup:unitOf sup:governmentOf }}
  {{ GRAPH ?g {{ {actor} ?link ?other }} BIND(true AS ?outgoing) }}
  UNION {{ GRAPH ?g {{ ?other ?link {actor} }} BIND(false AS ?outgoing) }}
}} ORDER BY ?link ?other"""

ROLES_QUERY = """{prefixes}SELECT ?membership ?member ?role ?organisation ?source WHERE {{
  GRAPH ?g {{
    ?membership org:member ?member ; org:organization ?organisation .
    OPTIONAL {{ ?membership org:role ?role }}
    OPTIONAL {{ ?membership dcterms:source ?source }}
  }}
  FILTER(?member = {actor} || ?organisation = {actor})
}} ORDER BY ?member ?organisation ?role"""

EVENTS_QUERY = """{prefixes}SELECT ?event ?type ?instant ?begin ?finish ?approximate ?place WHERE {{
  GRAPH ?g {{ ?event sup:participant {actor} .
    OPTIONAL {{ ?event a ?type FILTER(?type != sup:Event && STRSTARTS(STR(?type), STR(sup:))) }}
    OPTIONAL {{ ?event sup:place ?place }}
    OPTIONAL {{ ?event sup:time ?time .
      OPTIONAL {{ ?time time:inXSDgYear|time:inXSDgYearMonth|time:inXSDDate ?instant }}
      OPTIONAL {{ ?time time:hasBeginning/(time:inXSDgYear|time:inXSDgYearMonth|time:inXSDDate)
                  ?begin }}
      OPTIONAL {{ ?time time:hasEnd/(time:inXSDgYear|time:inXSDgYearMonth|time:inXSDDate)
                  ?finish }}
      OPTIONAL {{ ?time sup:approximate ?approximate }} }} }}
}} ORDER BY ?event"""


class _AboutRow(TypedDict, total=False):
    type: str
    alias: str
    same: str


class _StructureRow(TypedDict):
    link: str
    other: str
    outgoing: bool


class RoleRow(TypedDict):
    """A membership of the actor, or in the actor."""

    membership: str
    member: str
    role: NotRequired[str]
    organisation: str
    source: NotRequired[str]


class _EventRow(TypedDict):
    event: str
    type: NotRequired[str]
    instant: NotRequired[str]
    begin: NotRequired[str]
    finish: NotRequired[str]
    approximate: NotRequired[bool]
    place: NotRequired[str]


@dataclass
class Relation:
    """The claims that relate this actor to one partner by one relation type, one way."""

    relation: str
    partner: str | None
    outgoing: bool
    claims: list[Claim]

    @property
    def denied(self) -> int:
        return sum(1 for c in self.claims if c.denied)


@dataclass
class Moment:
    """One entry of the timeline: an event, or a dated claim with every other report of its
    proposition (the same thing said in several documents is one entry, naming each)."""

    when: When
    iri: str
    kind: str  # "claim" | "event"
    english: str
    arabic: str
    claim: Claim | None = None
    reports: list[Claim] = field(default_factory=list)  # the claims of this entry, in order

    @property
    def documents(self) -> list[str]:
        return list(dict.fromkeys(c.document for c in self.reports))

    @property
    def key(self) -> tuple[str, str]:
        return (self.when.instant or self.when.beginning or self.when.end or "", self.iri)

    @property
    def time_en(self) -> str:
        return time_en(self.when)

    @property
    def time_ar(self) -> str:
        return time_ar(self.when)


@dataclass
class ActorPage:
    iri: str
    name: Name
    aliases: list[str]
    types: list[str]
    same_as: list[str]
    structure: list[tuple[str, str, bool]]  # (link, other actor, outgoing)
    links: dict[str, Name]  # the structure's predicates, by their labels in both languages
    roles: list[RoleRow]
    relations: dict[str, list[Relation]]  # relation type -> one entry per partner and way
    said: list[Claim]
    timeline: list[Moment]
    undated: int
    names: dict[str, Name]
    queries: dict[str, str] = field(default_factory=dict)

    def name_of(self, iri: str | None) -> Name:
        return self.names.get(iri or "", Name(iri or ""))


def actor_page(store: Store, base: str, iri: str) -> ActorPage | None:
    """The page of the actor `iri`, or None when the store has no such actor."""
    pre, x = prefixes(base), iri_term(iri)
    pre_owl = pre + namespaces.sparql_prefixes(("owl",))
    about = rows(store, ACTOR_QUERY.format(prefixes=pre_owl, actor=x), _AboutRow)
    if not about:
        return None
    structure = rows(store, STRUCTURE_QUERY.format(prefixes=pre, actor=x), _StructureRow)
    roles = rows(store, ROLES_QUERY.format(prefixes=pre, actor=x), RoleRow)
    events = rows(store, EVENTS_QUERY.format(prefixes=pre, actor=x), _EventRow)
    selector = (
        f"{{ GRAPH ?gs {{ ?claim sup:subject {x} }} }} "
        f"UNION {{ GRAPH ?gs {{ ?claim sup:object {x} }} }}"
    )
    said_selector = f"GRAPH ?gs {{ ?claim prov:qualifiedAttribution/prov:agent {x} }}"
    claims = load_claims(store, base, selector)
    said = load_claims(store, base, said_selector)
    types = sorted({r["type"] for r in about if "type" in r} - {iri_of(base, "Actor")})
    mentioned = [
        iri, *types, *(r["other"] for r in structure), *(r["link"] for r in structure),
        *(r[k] for r in roles for k in ("member", "organisation", "role", "source") if k in r),
        *(r[k] for r in events for k in ("event", "type", "place") if k in r),
        *(c.document for c in said),
    ]  # fmt: skip
    known = {**names(store, base, mentioned)}
    for c in claims + said:
        known.update(c.names)
    timeline = _timeline(claims, events, known)
    return ActorPage(
        iri=iri,
        name=known[iri],
        aliases=sorted({r["alias"] for r in about if "alias" in r}),
        types=types,
        same_as=sorted({r["same"] for r in about if "same" in r}),
        structure=[(r["link"], r["other"], bool(r["outgoing"])) for r in structure],
        links={r["link"]: link_name(r["link"], known) for r in structure},
        roles=roles,
        relations=_relations(claims, iri, known),
        said=said,
        timeline=timeline,
        undated=sum(1 for c in claims if not (c.when and c.when.dated)),
        names=known,
        queries={
            # Only the queries of the tables the page shows (an empty table is not shown).
            "claims": claim_query(base, selector) if claims else "",
            "roles": ROLES_QUERY.format(prefixes=pre, actor=x) if roles else "",
            "events": EVENTS_QUERY.format(prefixes=pre, actor=x) if events else "",
            "said": claim_query(base, said_selector) if said else "",
        },
    )


def link_name(iri: str, known: dict[str, Name]) -> Name:
    """A predicate as words: its labels, else its local name spelt out (subOrganizationOf:
    "sub-organisation of")."""
    found = known.get(iri)
    if found and (found.en or found.ar):
        return found
    local = iri.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
    words = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", local).lower()
    return Name(iri, words.replace("sub organization", "sub-organisation"))


def iri_of(base: str, term: str) -> str:
    return base + "def/" + term


def _relations(claims: list[Claim], iri: str, known: dict[str, Name]) -> dict[str, list[Relation]]:
    grouped: dict[tuple[str, str | None, bool], list[Claim]] = defaultdict(list)
    for claim in claims:
        outgoing = claim.subject == iri
        partner = claim.object if outgoing else claim.subject
        grouped[(claim.relation, partner, outgoing)].append(claim)
    by_type: dict[str, list[Relation]] = defaultdict(list)
    for (relation, partner, outgoing), members in grouped.items():
        by_type[relation].append(Relation(relation, partner, outgoing, members))
    for entries in by_type.values():
        entries.sort(key=lambda r: (-len(r.claims), known.get(r.partner or "", Name("")).best))
    return dict(
        sorted(by_type.items(), key=lambda item: (-sum(len(r.claims) for r in item[1]), item[0]))
    )


def _timeline(claims: list[Claim], events: list[_EventRow], known: dict[str, Name]) -> list[Moment]:
    moments = []
    # Reports of one proposition for the same time are one entry, and so are claims that say
    # the same thing in the same words (the same sentence twice in a document); a proposition
    # reported for several times (figures of several years) keeps one entry per time.
    by_proposition: dict[tuple[str, str | None, str | None, str | None], Moment] = {}
    dated = sorted((c for c in claims if c.when and c.when.dated), key=lambda c: c.iri)
    for claim in dated:
        when = claim.when or When()
        key = (claim.proposition or claim.english, when.instant, when.beginning, when.end)
        held = by_proposition.get(key)
        if held is not None:
            held.reports.append(claim)
            continue
        moment = Moment(when, claim.iri, "claim", claim.english, claim.arabic, claim, [claim])
        moments.append(moment)
        by_proposition[key] = moment
    seen: set[str] = set()
    for r in events:
        when = When(r.get("instant"), r.get("begin"), r.get("finish"), bool(r.get("approximate")))
        if r["event"] in seen or not when.dated:
            continue
        seen.add(r["event"])
        name = known.get(r["event"], Name(r["event"]))
        kind = known.get(r.get("type", ""))
        prefix_en = f"{kind.en.capitalize()}: " if kind and kind.en else ""
        prefix_ar = f"{kind.ar}: " if kind and kind.ar else ""
        moments.append(
            Moment(
                when, r["event"], "event", prefix_en + name.best, prefix_ar + (name.ar or name.best)
            )
        )
    return sorted(moments, key=lambda m: m.key)
