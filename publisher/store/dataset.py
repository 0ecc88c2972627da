"""A query on a pyoxigraph store with the SPARQL Protocol's dataset: none means the union of
the named graphs; a given dataset is only what it names (an absent list being empty, SPARQL
1.1 Protocol 2.1.4), and it overrides FROM and FROM NAMED in the query."""

from __future__ import annotations

import pyoxigraph

Answer = pyoxigraph.QuerySolutions | pyoxigraph.QueryBoolean | pyoxigraph.QueryTriples


def query(
    store: pyoxigraph.Store,
    sparql: str,
    *,
    base_iri: str | None,
    default_graphs: list[str] | None,
    named_graphs: list[str] | None,
) -> Answer:
    """Evaluate `sparql` on `store` over the dataset; errors are pyoxigraph's."""
    if default_graphs is None and named_graphs is None:
        return store.query(sparql, base_iri=base_iri, use_default_graph_as_union=True)
    return store.query(
        sparql,
        base_iri=base_iri,
        default_graph=[pyoxigraph.NamedNode(g) for g in default_graphs or []],
        named_graphs=[pyoxigraph.NamedNode(g) for g in named_graphs or []],
    )
