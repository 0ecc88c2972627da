"""dataset-rdf12.trig: the release in RDF 1.2, for clients that read it.

The same quads as dataset.trig, with two things RDF 1.1 cannot say:
* each affirmed claim is a reifier of the triple it states: `<claim> rdf:reifies
  <<( subject direct-property object )>>`, in the claim's document graph (graph/direct.py);
* Arabic text has its base direction: "..."@ar--rtl.
The RDF 1.1 dumps are left as they are.

Like the other dumps it is assembled from the graphs' parts (parts.py): each part carries its
graph's TriG 1.2 block, made when the part is made and cached with it, so a release after a
one-document change serialises that document's block again, not the whole dataset.
"""

from __future__ import annotations

from collections.abc import Sequence

import pyoxigraph as ox

from publisher.graph.direct import DirectStatement
from publisher.rdf import namespaces
from publisher.rdf.terms import serialised

REIFIES = ox.NamedNode(namespaces.iri("rdf:reifies"))


def _directed(term: ox.Literal) -> ox.Literal:
    """An Arabic literal with its base direction (right to left)."""
    language = term.language or ""
    if language == "ar" or language.startswith("ar-"):
        return ox.Literal(term.value, language=language, direction=ox.BaseDirection.RTL)
    return term


def rdf12_quads(
    quads: Sequence[ox.Quad], statements: Sequence[DirectStatement] = ()
) -> list[ox.Quad]:
    """The quads of one or more graphs in RDF 1.2: Arabic literals directed, each statement
    reified by its claim, in the release's order (graph, subject, predicate, object)."""
    found = []
    for quad in quads:
        obj = quad.object
        if isinstance(obj, ox.Literal) and obj.language:
            quad = ox.Quad(quad.subject, quad.predicate, _directed(obj), quad.graph_name)
        found.append(quad)
    for statement in statements:
        triple = ox.Triple(
            ox.NamedNode(statement.subject),
            ox.NamedNode(statement.predicate),
            ox.NamedNode(statement.object),
        )
        found.append(
            ox.Quad(ox.NamedNode(statement.claim), REIFIES, triple, ox.NamedNode(statement.graph))
        )
    found.sort(key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))
    return found


def rdf12_block(
    quads: Sequence[ox.Quad], statements: Sequence[DirectStatement], prefixes: dict[str, str]
) -> bytes:
    """One graph's TriG 1.2 serialisation, @prefix lines included (parts.py strips them)."""
    return serialised(rdf12_quads(quads, statements), ox.RdfFormat.TRIG, prefixes)
