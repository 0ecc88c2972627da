"""The SPARQL Service Description of the endpoint, as triples (plain Python, no Flask)."""

from __future__ import annotations

import pyoxigraph as ox

from publisher.rdf import formats, namespaces

RDF_TYPE = ox.NamedNode(namespaces.iri("rdf:type"))
XSD_INTEGER = ox.NamedNode(namespaces.iri("xsd:integer"))


def _sd(name: str) -> ox.NamedNode:
    return ox.NamedNode(namespaces.iri("sd:" + name))


def service_description(endpoint: str, dataset: str, graphs: dict[str, int]) -> list[ox.Triple]:
    """sd:Service at `endpoint`: language, result formats, the default dataset and its graphs."""
    service = ox.NamedNode(endpoint + "#service")
    described = ox.NamedNode(dataset)
    triples = [
        ox.Triple(service, RDF_TYPE, _sd("Service")),
        ox.Triple(service, _sd("endpoint"), ox.NamedNode(endpoint)),
        ox.Triple(service, _sd("supportedLanguage"), _sd("SPARQL11Query")),
        ox.Triple(service, _sd("feature"), _sd("UnionDefaultGraph")),
        ox.Triple(service, _sd("defaultDataset"), described),
        ox.Triple(described, RDF_TYPE, _sd("Dataset")),
    ]
    for fmt in (*formats.SOLUTION_FORMATS, *formats.RDF_FORMATS):
        if fmt.writer is not None:
            triples.append(ox.Triple(service, _sd("resultFormat"), ox.NamedNode(fmt.writer.iri)))
    default = ox.BlankNode("default")
    triples += [
        ox.Triple(described, _sd("defaultGraph"), default),
        ox.Triple(default, RDF_TYPE, _sd("Graph")),
        ox.Triple(
            default,
            ox.NamedNode(namespaces.iri("void:triples")),
            ox.Literal(str(sum(graphs.values())), datatype=XSD_INTEGER),
        ),
    ]
    for number, (name, size) in enumerate(sorted(graphs.items()), start=1):
        entry, graph = ox.BlankNode(f"named{number}"), ox.BlankNode(f"graph{number}")
        triples += [
            ox.Triple(described, _sd("namedGraph"), entry),
            ox.Triple(entry, RDF_TYPE, _sd("NamedGraph")),
            ox.Triple(entry, _sd("name"), ox.NamedNode(name)),
            ox.Triple(entry, _sd("graph"), graph),
            ox.Triple(graph, RDF_TYPE, _sd("Graph")),
            ox.Triple(
                graph,
                ox.NamedNode(namespaces.iri("void:triples")),
                ox.Literal(str(size), datatype=XSD_INTEGER),
            ),
        ]
    return triples
