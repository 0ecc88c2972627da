"""The SPARQL Service Description of the endpoint, as triples (plain Python, no Flask)."""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from publisher.rdf import formats, namespaces

RDF_TYPE = ox.NamedNode(namespaces.iri("rdf:type"))
XSD_INTEGER = ox.NamedNode(namespaces.iri("xsd:integer"))


RDFS_COMMENT = ox.NamedNode(namespaces.iri("rdfs:comment"))
XSD_ANY_URI = ox.NamedNode(namespaces.iri("xsd:anyURI"))
PREFIXES_NOTE = (
    "Queries may use the prefixes declared here (sh:declare) without PREFIX lines, as on the "
    "Wikidata Query Service; a PREFIX line in the query wins over them."
)


@dataclass(frozen=True)
class Limits:
    """What bounds an answer: rows (or triples), bytes, seconds."""

    rows: int
    bytes: int
    seconds: float

    def words(self) -> str:
        return (
            f"An answer holds at most {self.rows} rows (or triples) and {self.bytes} bytes "
            "(counted as SPARQL TSV or N-Triples). A cut answer says so: in the header "
            "SPARQL-Results-Truncated when it is sent whole, else at the end of its body where "
            "the format has comments (XML, Turtle, N-Triples, TriG, N-Quads, RDF/XML); the "
            "query page says so above the table. A query still running after "
            f"{self.seconds:g} s is stopped and answered 503 without Retry-After: sent again, "
            "it would be stopped again; so is one that needs more memory than a query may use."
        )


def _sh(name: str) -> ox.NamedNode:
    return ox.NamedNode(namespaces.iri("sh:" + name))


def _sd(name: str) -> ox.NamedNode:
    return ox.NamedNode(namespaces.iri("sd:" + name))


def service_description(
    endpoint: str,
    dataset: str,
    graphs: dict[str, int],
    *,
    prefixes: dict[str, str] | None = None,
    limits: Limits | None = None,
) -> list[ox.Triple]:
    """sd:Service at `endpoint`: language, result formats, the default dataset and its graphs;
    the prefixes a query may use undeclared (sh:declare, as SHACL declares prefixes), and the
    limits on answers, in words (no vocabulary has terms for them)."""
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
    for number, (name, namespace) in enumerate((prefixes or {}).items(), start=1):
        declaration = ox.BlankNode(f"prefix{number}")
        triples += [
            ox.Triple(service, _sh("declare"), declaration),
            ox.Triple(declaration, _sh("prefix"), ox.Literal(name)),
            ox.Triple(declaration, _sh("namespace"), ox.Literal(namespace, datatype=XSD_ANY_URI)),
        ]
    if prefixes:
        triples.append(ox.Triple(service, RDFS_COMMENT, ox.Literal(PREFIXES_NOTE, language="en")))
    if limits is not None:
        triples.append(ox.Triple(service, RDFS_COMMENT, ox.Literal(limits.words(), language="en")))
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
