"""Facts about the dataset as a whole, asked through the Store interface."""

from __future__ import annotations

from collections.abc import Sequence

from pyoxigraph import NamedNode, QuerySolution

from publisher.rdf import namespaces
from publisher.store.engines.dialect import GRAPH_NAMES, GRAPH_SIZES
from publisher.store.interface import Store

# Instances of a class or of any of its subclasses (the ontology graph is in the union).
COUNT_INSTANCES = (
    namespaces.sparql_prefixes(("rdfs",))
    + """SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ ?x a ?class . ?class rdfs:subClassOf* <{cls}> }}
"""
)


def graph_sizes(store: Store) -> dict[str, int]:
    """Every named graph with its number of triples (empty graphs count 0), sorted by name:
    a store that knows how its engine lists and counts graphs (a remote one, kept to the
    release's graphs) says so itself."""
    own = getattr(store, "graph_sizes", None)
    if callable(own):
        return dict(own())
    sizes = {g.value: 0 for g in _graphs(store.query(GRAPH_NAMES).rows)}
    for row in store.query(GRAPH_SIZES).rows:
        if isinstance(row["g"], NamedNode) and row["n"] is not None:
            sizes[row["g"].value] = int(row["n"].value)
    return dict(sorted(sizes.items()))


def _graphs(rows: Sequence[QuerySolution]) -> list[NamedNode]:
    """The graph names of rows binding ?g (a store may answer a row with ?g unbound)."""
    return [row["g"] for row in rows if isinstance(row["g"], NamedNode)]


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
