"""Writing the dataset in the release formats, byte-identically for the same graph.

rdflib builds the graph; pyoxigraph serialises it, from quads in sorted order, which is both
fast and stable.
"""

from __future__ import annotations

import pyoxigraph
from rdflib import BNode, Dataset, URIRef
from rdflib.namespace import XSD

from publisher.iris import ITSRDF, NIF, OA, ORG, SCHEMA, TIME, Minter


def PREFIXES(mint: Minter) -> dict[str, str]:
    """Prefixes for readable Turtle and TriG."""
    return {
        "sup": str(mint.sup),
        "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
        "xsd": "http://www.w3.org/2001/XMLSchema#",
        "owl": "http://www.w3.org/2002/07/owl#",
        "skos": "http://www.w3.org/2004/02/skos/core#",
        "prov": "http://www.w3.org/ns/prov#",
        "dcterms": "http://purl.org/dc/terms/",
        "foaf": "http://xmlns.com/foaf/0.1/",
        "sh": "http://www.w3.org/ns/shacl#",
        "void": "http://rdfs.org/ns/void#",
        "oa": str(OA),
        "nif": str(NIF),
        "itsrdf": str(ITSRDF),
        "schema": str(SCHEMA),
        "time": str(TIME),
        "org": str(ORG),
        "actor": mint.base + "id/actor/",
        "claim": mint.base + "id/claim/",
        "doc": mint.base + "id/document/",
        "event": mint.base + "id/event/",
        "relation": mint.base + "def/relation/",
    }


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
