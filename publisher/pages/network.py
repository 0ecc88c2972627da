"""The relation network: actors as nodes, one edge per subject, object and relation type,
weighted by the number of claims that support it.

Drawn whole, the network is a hairball, so a view is focused: by default on the relations of
support (given or pledged, material or political), else on the relation families or types
asked for, or on one actor's neighbourhood (the actor, everyone it has a relation with, and
the relations among them), and optionally on a period. Relation types are grouped in a few
families, which give the edges their colours. The layout is networkx's (pages/layout.py)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import NotRequired, TypedDict

from publisher.pages.common import Name, names, prefixes, rows
from publisher.pages.periods import overlaps
from publisher.pages.wording import When
from publisher.rdf import namespaces
from publisher.store.interface import Store

EDGES_QUERY = """{prefixes}SELECT ?claim ?subject ?relation ?object ?instant ?begin ?finish WHERE {{
  {relations}GRAPH ?g {{
    ?claim a sup:Claim ; sup:subject ?subject ; sup:relation ?relation ; sup:object ?object .
    OPTIONAL {{ ?claim sup:time ?time .
      OPTIONAL {{ ?time time:inXSDgYear|time:inXSDgYearMonth|time:inXSDDate ?instant }}
      OPTIONAL {{ ?time time:hasBeginning/(time:inXSDgYear|time:inXSDgYearMonth|time:inXSDDate)
                  ?begin }}
      OPTIONAL {{ ?time time:hasEnd/(time:inXSDgYear|time:inXSDgYearMonth|time:inXSDDate)
                  ?finish }} }}
  }}
  GRAPH ?r {{ ?object a sup:Actor }}
}} ORDER BY ?subject ?object ?relation ?claim"""

ACTORS_QUERY = """{prefixes}SELECT DISTINCT ?actor WHERE {{
  GRAPH ?g {{ ?actor a sup:Actor }} GRAPH ?c {{ ?claim sup:subject|sup:object ?actor }}
}} ORDER BY ?actor"""

TYPES_QUERY = """{prefixes}SELECT DISTINCT ?relation WHERE {{
  GRAPH ?g {{ ?relation skos:inScheme <{base}def/relation-types> }}
}} ORDER BY ?relation"""


# Relation types by family: what the network is focused on, and the colours of its edges.
# A type of the scheme that is in no family here is drawn in the family "other".
FAMILIES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "support": ("support given or pledged", "دعم مقدَّم أو موعود", (
        "financial-support", "military-support", "weapons-supply", "training",
        "attack-planning-support", "pledge", "pledge-financial-aid", "pledge-military-aid",
        "resumption-of-support", "political-support", "diplomatic-protection",
        "refusal-to-designate",
    )),
    "ties": ("ties and contacts", "علاقات واتصالات", (
        "diplomatic-relations", "alliance", "cooperation-agreement", "meeting", "visit",
        "hosting", "mediation", "reconciliation", "praise",
    )),
    "hostility": ("criticism, pressure and breaks", "انتقاد وضغط وقطيعة", (
        "condemnation", "terrorist-designation", "pressure", "rift", "suspension-of-support",
    )),
}  # fmt: skip
OTHER = "other"
DEFAULT_FAMILY = "support"


def family_of(relation: str) -> str:
    """The family of a relation type (its IRI or its id)."""
    ident = relation.rstrip("/").rsplit("/", 1)[-1]
    return next((name for name, (_, _, ids) in FAMILIES.items() if ident in ids), OTHER)


class _EdgeRow(TypedDict):
    claim: str
    subject: str
    relation: str
    object: str
    instant: NotRequired[str]
    begin: NotRequired[str]
    finish: NotRequired[str]


class _TypeRow(TypedDict):
    relation: str


class _ActorRow(TypedDict):
    actor: str


@dataclass(frozen=True)
class Edge:
    subject: str
    object: str
    relation: str
    claims: tuple[str, ...]

    @property
    def weight(self) -> int:
        return len(self.claims)


@dataclass
class Network:
    nodes: dict[str, int]  # actor IRI -> number of claims on its edges
    edges: list[Edge]
    relation_types: list[str]  # every relation type of the scheme
    chosen: list[str]  # the relation types asked for (empty: see `families`)
    first: int | None
    last: int | None
    left_out_undated: int  # claims without a date that a period filter left out
    names: dict[str, Name]
    queries: dict[str, str] = field(default_factory=dict)
    families: list[str] = field(default_factory=list)  # the families shown ([]: every one)
    actor: str | None = None  # the actor whose neighbourhood is shown
    focused_by_default: bool = False  # nothing was asked for: the default focus is shown
    everything: int = 0  # edges of the whole network, for "n of m"

    def name(self, iri: str) -> Name:
        return self.names.get(iri, Name(iri))

    @property
    def focus(self) -> str:
        """What the picture shows, in words."""
        parts = []
        if self.actor:
            parts.append(f"the neighbourhood of {self.name(self.actor).best}")
        if self.chosen:
            parts.append(", ".join(self.name(r).best for r in self.chosen))
        elif self.families:
            parts.append(" and ".join(FAMILIES[f][0] for f in self.families if f in FAMILIES))
        elif not self.actor:
            parts.append("every relation")
        return "; ".join(parts)

    def family_name(self, family: str) -> Name:
        en, ar, _ = FAMILIES.get(family, ("other relations", "علاقات أخرى", ()))
        return Name(family, en, ar)

    @property
    def present_families(self) -> list[str]:
        present = {family_of(e.relation) for e in self.edges}
        return [f for f in (*FAMILIES, OTHER) if f in present]

    def edge_query(self, edge: Edge, base: str) -> str:
        """The query listing the claims behind one edge."""
        values = " ".join(f"<{c}>" for c in edge.claims)
        # Only the two prefixes it uses: a page links one such query per edge.
        return (
            namespaces.sparql_prefixes(("sup", "rdfs"), base)
            + "SELECT ?claim ?label ?document WHERE {\n"
            f"  VALUES ?claim {{ {values} }}\n"
            "  GRAPH ?g { ?claim sup:statedIn ?document . OPTIONAL { ?claim rdfs:label ?label "
            'FILTER(LANGMATCHES(LANG(?label), "en")) } }\n} ORDER BY ?claim'
        )


def relation_types(store: Store, base: str) -> list[str]:
    """The relation types of the scheme (the filter's choices)."""
    return [
        r["relation"]
        for r in rows(store, TYPES_QUERY.format(prefixes=prefixes(base), base=base), _TypeRow)
    ]


def actors(store: Store, base: str) -> dict[str, Name]:
    """The actors some claim is about, with their names (the network's choice of centre)."""
    found = [
        r["actor"] for r in rows(store, ACTORS_QUERY.format(prefixes=prefixes(base)), _ActorRow)
    ]
    return names(store, base, found)


def network(
    store: Store,
    base: str,
    relations: list[str] | None = None,
    first: int | None = None,
    last: int | None = None,
    *,
    families: list[str] | None = None,
    actor: str | None = None,
) -> Network:
    """The network of claims between actors, of `relations` (ids) or of the relation
    `families` ("all" for every one), around `actor` (an IRI), meeting first..last. With none
    of relations, families and actor: the default focus, the relations of support."""
    types = relation_types(store, base)
    chosen = sorted(set(relations or []))
    default = not (chosen or families or actor)
    shown = sorted({DEFAULT_FAMILY} if default else set(families or []) - {"all"})
    values = (
        "VALUES ?relation { " + " ".join(f"<{base}def/relation/{r}>" for r in chosen) + " }\n  "
        if chosen
        else ""
    )
    query = EDGES_QUERY.format(prefixes=prefixes(base), relations=values)
    grouped: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    undated = 0
    for row in rows(store, query, _EdgeRow):
        when = When(row.get("instant"), row.get("begin"), row.get("finish"))
        if not overlaps(when, first, last):
            undated += not when.dated
            continue
        key = (row["subject"], row["object"], row["relation"])
        if row["claim"] not in grouped[key]:
            grouped[key].append(row["claim"])
    every = [Edge(s, o, r, tuple(c)) for (s, o, r), c in sorted(grouped.items())]
    edges = [e for e in every if not shown or chosen or family_of(e.relation) in shown]
    if actor:
        around = {actor} | {e.object for e in edges if e.subject == actor}
        around |= {e.subject for e in edges if e.object == actor}
        edges = [e for e in edges if e.subject in around and e.object in around]
    nodes: dict[str, int] = defaultdict(int)
    for edge in edges:
        nodes[edge.subject] += edge.weight
        nodes[edge.object] += edge.weight
    known = names(store, base, [*nodes, *types, *([actor] if actor else [])])
    return Network(
        dict(sorted(nodes.items())), edges, types, chosen, first, last, undated, known,
        queries={"edges": query}, families=shown, actor=actor, focused_by_default=default,
        everything=len(every),
    )  # fmt: skip
