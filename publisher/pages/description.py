"""What the HTML pages show, arranged from quads; plain Python, no Flask.

A description page shows the resource's statements, its claims as sentences (subject,
relation, object, the exact words, the document, the sources), what points at it, and the
parts it owns (evidence, selectors, blank nodes) as smaller tables.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import pyoxigraph as ox

from publisher.describe import LABELS, Description
from publisher.rdf import namespaces

RDF_TYPE = namespaces.iri("rdf:type")
OA_EXACT = namespaces.iri("oa:exact")

# The terms of a quad as pyoxigraph types them (a graph of None: the default graph).
Subject = ox.NamedNode | ox.BlankNode | ox.Triple
Object = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
GraphName = ox.NamedNode | ox.BlankNode | None
# (subject, predicate, graph) of a statement whose object is the described resource
Backlink = tuple[
    ox.NamedNode | ox.BlankNode, ox.NamedNode, ox.NamedNode | ox.BlankNode | ox.DefaultGraph
]


@dataclass
class Block:
    """One subject and its statements, grouped by predicate: [(predicate, [(object, graph)])]."""

    subject: Subject
    rows: list[tuple[ox.NamedNode, list[tuple[Object, GraphName]]]] = field(default_factory=list)

    def values(self, predicate: str) -> list[Object]:
        return [o for p, objects in self.rows if p.value == predicate for o, _ in objects]


@dataclass
class ClaimView:
    block: Block
    parts: list[Block]
    sup: str

    def first(self, name: str) -> Object | None:
        found = self.block.values(self.sup + name)
        return found[0] if found else None

    @property
    def quotes(self) -> list[Object]:
        return [o for part in self.parts for o in part.values(OA_EXACT)]

    def prov(self, name: str) -> list[Object]:
        return self.block.values(namespaces.iri("prov:" + name))


@dataclass
class DescriptionPage:
    main: Block
    claims: list[ClaimView]
    backlinks: list[Backlink]
    details: list[Block]
    labels: dict[str, list[ox.Literal]]


def blocks(quads: list[ox.Quad]) -> dict[Subject, Block]:
    """Quads grouped by subject, then predicate, in a stable order (rdf:type first)."""
    grouped: dict[Subject, dict[ox.NamedNode, list[tuple[Object, GraphName]]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for quad in quads:
        graph = None if isinstance(quad.graph_name, ox.DefaultGraph) else quad.graph_name
        pair = (quad.object, graph)
        if pair not in grouped[quad.subject][quad.predicate]:
            grouped[quad.subject][quad.predicate].append(pair)
    result = {}
    for subject in sorted(grouped, key=str):
        rows = sorted(
            grouped[subject].items(), key=lambda item: (item[0].value != RDF_TYPE, item[0].value)
        )
        result[subject] = Block(
            subject, [(p, sorted(objs, key=lambda pair: str(pair[0]))) for p, objs in rows]
        )
    return result


def labels(quads: list[ox.Quad]) -> dict[str, list[ox.Literal]]:
    """Labels by IRI, English first, then Arabic, then the rest."""
    found: dict[str, list[ox.Literal]] = defaultdict(list)
    for quad in quads:
        if (
            quad.predicate.value in LABELS
            and isinstance(quad.subject, ox.NamedNode)
            and isinstance(quad.object, ox.Literal)
            and quad.object not in found[quad.subject.value]
        ):
            found[quad.subject.value].append(quad.object)
    order = {"en": 0, "ar": 1}
    return {
        iri: sorted(values, key=lambda v: order.get(v.language or "", 2))
        for iri, values in found.items()
    }


def description_page(description: Description, base: str) -> DescriptionPage:
    """The sections of a description's HTML page."""
    by_subject = blocks(
        [q for q in description.quads if not isinstance(q.graph_name, ox.DefaultGraph)]
    )
    iri = ox.NamedNode(description.iri)
    main = by_subject.pop(iri, Block(iri))
    claims = []
    for claim in description.claims:
        block = by_subject.pop(ox.NamedNode(claim), Block(ox.NamedNode(claim)))
        parts = [by_subject.pop(s) for s in list(by_subject) if _owned_by(s, claim)]
        claims.append(ClaimView(block, parts, base + "def/"))
    pointing = set(description.backlinks)
    backlinks = [
        (q.subject, q.predicate, q.graph_name)
        for q in description.quads
        if q.object == iri
        and q.subject != iri
        and not isinstance(q.subject, ox.Triple)  # (the graph has no triple terms)
        and q.subject.value in pointing
    ]
    details = [
        b
        for s, b in by_subject.items()
        if isinstance(s, ox.BlankNode) or _owned_by(s, description.iri)
    ]
    return DescriptionPage(main, claims, backlinks, details, labels(description.quads))


def _owned_by(subject: object, iri: str) -> bool:
    return isinstance(subject, ox.NamedNode) and subject.value.startswith(iri + "/")
