"""The relation network: actors as nodes, one edge per subject, object and relation type,
weighted by the number of claims that support it, optionally narrowed to some relation types
and to a period; with a deterministic layout (the same data always gives the same picture)."""

from __future__ import annotations

import functools
import math
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

TYPES_QUERY = """{prefixes}SELECT DISTINCT ?relation WHERE {{
  GRAPH ?g {{ ?relation skos:inScheme <{base}def/relation-types> }}
}} ORDER BY ?relation"""


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
    relation_types: list[str]  # every relation type of the scheme, in colour order
    chosen: list[str]  # the relation types asked for (empty: all)
    first: int | None
    last: int | None
    left_out_undated: int  # claims without a date that a period filter left out
    names: dict[str, Name]
    queries: dict[str, str] = field(default_factory=dict)

    def name(self, iri: str) -> Name:
        return self.names.get(iri, Name(iri))

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


def network(
    store: Store,
    base: str,
    relations: list[str] | None = None,
    first: int | None = None,
    last: int | None = None,
) -> Network:
    """The network of claims between actors, of `relations` (ids) and meeting first..last."""
    types = relation_types(store, base)
    chosen = sorted(set(relations or []))
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
    edges = [Edge(s, o, r, tuple(c)) for (s, o, r), c in sorted(grouped.items())]
    nodes: dict[str, int] = defaultdict(int)
    for edge in edges:
        nodes[edge.subject] += edge.weight
        nodes[edge.object] += edge.weight
    known = names(store, base, [*nodes, *types])
    return Network(
        dict(sorted(nodes.items())), edges, types, chosen, first, last, undated, known,
        queries={"edges": query},
    )  # fmt: skip


def layout(
    net: Network, width: float, height: float, margin: float
) -> dict[str, tuple[float, float]]:
    """Node positions inside the box: a force-directed layout from fixed starting points."""
    pairs = tuple(sorted({(e.subject, e.object): None for e in net.edges}))
    weights: defaultdict[tuple[str, str], int] = defaultdict(int)
    for e in net.edges:
        weights[(e.subject, e.object)] += e.weight
    return _layout(
        tuple(net.nodes), tuple((s, o, weights[(s, o)]) for s, o in pairs), width, height, margin
    )


@functools.lru_cache(maxsize=64)
def _layout(
    nodes: tuple[str, ...],
    links: tuple[tuple[str, str, int], ...],
    width: float,
    height: float,
    margin: float,
) -> dict[str, tuple[float, float]]:
    """A force-directed layout in the manner of ForceAtlas2 (repulsion grows with the number of
    neighbours, so that hubs push apart; attraction grows with distance; gravity keeps loose
    parts near). No randomness: nodes start on a circle in a fixed order (busiest first), so
    one input always gives one picture."""
    count = len(nodes)
    if count == 0:
        return {}
    neighbours: dict[str, set[str]] = defaultdict(set)
    for s, o, _ in links:
        neighbours[s].add(o)
        neighbours[o].add(s)
    order = sorted(nodes, key=lambda n: (-len(neighbours[n]), n))
    index = {n: i for i, n in enumerate(order)}
    mass = [len(neighbours[n]) + 1 for n in order]
    position = [
        [math.cos(2 * math.pi * i / count) * 10, math.sin(2 * math.pi * i / count) * 10]
        for i in range(count)
    ]
    edges = [(index[s], index[o], 1 + 0.3 * math.log(w)) for s, o, w in links if s != o]
    step = 2.0
    for _ in range(400):
        move = [[0.0, 0.0] for _ in range(count)]
        for i in range(count):
            xi, yi = position[i]
            for j in range(i + 1, count):
                dx, dy = xi - position[j][0], yi - position[j][1]
                distance_squared = max(dx * dx + dy * dy, 1e-2)
                push = 4.0 * mass[i] * mass[j] / distance_squared
                move[i][0] += dx * push
                move[i][1] += dy * push
                move[j][0] -= dx * push
                move[j][1] -= dy * push
        for i, j, strength in edges:
            dx, dy = position[i][0] - position[j][0], position[i][1] - position[j][1]
            move[i][0] -= dx * strength * 0.3
            move[i][1] -= dy * strength * 0.3
            move[j][0] += dx * strength * 0.3
            move[j][1] += dy * strength * 0.3
        for i in range(count):
            distance = max(math.hypot(*position[i]), 1e-6)
            move[i][0] -= position[i][0] / distance * mass[i] * 0.5
            move[i][1] -= position[i][1] / distance * mass[i] * 0.5
            length = max(math.hypot(*move[i]), 1e-9)
            limit = min(length / mass[i], step)
            position[i][0] += move[i][0] / length * limit
            position[i][1] += move[i][1] / length * limit
        step = max(step * 0.99, 0.05)
    xs, ys = [p[0] for p in position], [p[1] for p in position]
    spread_x, spread_y = max(xs) - min(xs), max(ys) - min(ys)
    return {
        node: (
            _scale(position[index[node]][0], min(xs), spread_x, margin, width - 2 * margin),
            _scale(position[index[node]][1], min(ys), spread_y, margin, height - 2 * margin),
        )
        for node in nodes
    }


def _scale(value: float, low: float, spread: float, margin: float, size: float) -> float:
    # One node (or a line of them) has no spread on an axis: it goes to the middle.
    return margin + ((value - low) / spread * size if spread > 1e-9 else size / 2)
