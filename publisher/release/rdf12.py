"""dataset-rdf12.trig: the release in RDF 1.2, for clients that read it.

The same quads as dataset.trig, with two things RDF 1.1 cannot say:
* each affirmed claim is a reifier of the triple it states: `<claim> rdf:reifies
  <<( subject direct-property object )>>`, in the claim's document graph (graph/direct.py);
* Arabic text has its base direction: "..."@ar--rtl.
The RDF 1.1 dumps are left as they are.
"""

from __future__ import annotations

from collections.abc import Sequence

import pyoxigraph as ox

from publisher.graph.direct import DirectStatement
from publisher.rdf import namespaces
from publisher.rdf.terms import serialised
from publisher.release.parts import GraphPart

REIFIES = ox.NamedNode(namespaces.iri("rdf:reifies"))


def _directed(term: ox.Literal) -> ox.Literal:
    """An Arabic literal with its base direction (right to left)."""
    language = term.language or ""
    if language == "ar" or language.startswith("ar-"):
        return ox.Literal(term.value, language=language, direction=ox.BaseDirection.RTL)
    return term


def rdf12_trig(
    parts: Sequence[GraphPart], statements: Sequence[DirectStatement], prefixes: dict[str, str]
) -> bytes:
    """The TriG 1.2 document of the release's parts and its claims' reified triples."""
    quads = []
    for part in sorted(parts, key=lambda p: p.graph):
        for quad in ox.parse(part.nquads, format=ox.RdfFormat.N_QUADS):
            obj = quad.object
            if isinstance(obj, ox.Literal) and obj.language:
                quad = ox.Quad(quad.subject, quad.predicate, _directed(obj), quad.graph_name)
            quads.append(quad)
    for statement in statements:
        triple = ox.Triple(
            ox.NamedNode(statement.subject),
            ox.NamedNode(statement.predicate),
            ox.NamedNode(statement.object),
        )
        quads.append(
            ox.Quad(ox.NamedNode(statement.claim), REIFIES, triple, ox.NamedNode(statement.graph))
        )
    quads.sort(key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))
    return serialised(quads, ox.RdfFormat.TRIG, prefixes)
