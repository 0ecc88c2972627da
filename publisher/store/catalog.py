"""Facts about the dataset as a whole, asked through the Store interface."""

from __future__ import annotations

from publisher.rdf import namespaces
from publisher.store.interface import Store

GRAPH_SIZES = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
GRAPH_NAMES = "SELECT DISTINCT ?g WHERE { GRAPH ?g { } }"

# Instances of a class or of any of its subclasses (the ontology graph is in the union).
COUNT_INSTANCES = (
    namespaces.sparql_prefixes(("rdfs",))
    + """SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ ?x a ?class . ?class rdfs:subClassOf* <{cls}> }}
"""
)


def graph_sizes(store: Store) -> dict[str, int]:
    """Every named graph with its number of triples (empty graphs count 0), sorted by name."""
    sizes = {row["g"].value: 0 for row in store.query(GRAPH_NAMES).rows}
    for row in store.query(GRAPH_SIZES).rows:
        sizes[row["g"].value] = int(row["n"].value)
    return dict(sorted(sizes.items()))


def count_instances(store: Store, class_iri: str) -> int:
    """How many distinct resources are instances of `class_iri` or its subclasses."""
    rows = store.query(COUNT_INSTANCES.format(cls=class_iri)).rows
    return int(rows[0]["n"].value) if rows else 0


def summary(store: Store, base: str) -> dict[str, int]:
    """Counts for the home page: documents, actors and claims, from the store itself."""
    sup = base + "def/"
    return {
        "documents": count_instances(store, sup + "Document"),
        "actors": count_instances(store, sup + "Actor"),
        "claims": count_instances(store, sup + "Claim"),
    }
