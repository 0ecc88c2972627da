"""Writing the dataset in the release formats, byte-identically for the same graph.

rdflib builds the graph; pyoxigraph serialises it, from quads in sorted order, which is both
fast and stable.
"""

from __future__ import annotations

import pyoxigraph
from rdflib import BNode, Dataset, URIRef
from rdflib.namespace import XSD

from publisher.formats import prefixes
from publisher.iris import Minter


def PREFIXES(mint: Minter) -> dict[str, str]:
    """Prefixes for readable Turtle and TriG: the same table the server uses."""
    return prefixes(mint.base)


def to_oxigraph(term):
    """An rdflib term as a pyoxigraph term."""
    if isinstance(term, URIRef):
        return pyoxigraph.NamedNode(str(term))
    if isinstance(term, BNode):
        return pyoxigraph.BlankNode(str(term))
    if term.language:
        return pyoxigraph.Literal(str(term), language=term.language)
    datatype = term.datatype or XSD.string
    return pyoxigraph.Literal(str(term), datatype=pyoxigraph.NamedNode(str(datatype)))


def sorted_quads(dataset: Dataset) -> list[pyoxigraph.Quad]:
    """The dataset's quads as pyoxigraph quads, in a stable order (graph, subject, ...)."""
    quads = []
    for graph in dataset.graphs():
        if not isinstance(graph.identifier, URIRef):
            continue  # the (empty) default graph: everything is in named graphs
        name = pyoxigraph.NamedNode(str(graph.identifier))
        for s, p, o in graph:
            quads.append(pyoxigraph.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), name))
    return sorted(quads, key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))


def serialize_release(dataset: Dataset, mint: Minter) -> dict[str, bytes]:
    quads = sorted_quads(dataset)
    prefixes = PREFIXES(mint)
    triples = sorted(
        {q.triple for q in quads}, key=lambda t: (str(t.subject), str(t.predicate), str(t.object))
    )
    fmt = pyoxigraph.RdfFormat
    return {
        "dataset.nq": pyoxigraph.serialize(quads, format=fmt.N_QUADS),
        "dataset.trig": pyoxigraph.serialize(quads, format=fmt.TRIG, prefixes=prefixes),
        "dataset.ttl": pyoxigraph.serialize(triples, format=fmt.TURTLE, prefixes=prefixes),
        "dataset.jsonld": pyoxigraph.serialize(quads, format=fmt.JSON_LD),
    }
