"""The one door for untrusted queries: the limits and the refusals, then the store."""

from __future__ import annotations

from collections.abc import Mapping

from publisher.rdf.formats import Format
from publisher.store import guard
from publisher.store.errors import QuerySyntaxError, UnknownGraph, UpdateRefused
from publisher.store.interface import Store
from publisher.store.results import QueryResult
from publisher.store.verdicts import VERDICTS


def execute(
    store: Store,
    sparql: str,
    *,
    default_graph_uris: list[str] | None = None,
    named_graph_uris: list[str] | None = None,
    known_graphs: set[str],
    max_length: int,
    row_cap: int,
    timeout: float,
    byte_cap: int | None = None,
    base_iri: str | None = None,
    max_depth: int = 64,
    max_nodes: int = 1000,
    prefixes: Mapping[str, str] | None = None,
    results_format: Format | None = None,
) -> QueryResult:
    """Run a query from outside: size limits, local graphs only, no SERVICE, no updates, all
    refused before evaluation; the store evaluates the guard's normalised text, never the
    original (publisher/store/guard.py; its verdict on a query accepted before is kept,
    publisher/store/verdicts.py).

    The dataset is the request's (default-graph-uri, named-graph-uri) when it gives one, which
    overrides FROM as the SPARQL 1.1 Protocol says; else the query's FROM and FROM NAMED, passed
    to the store the same way; else none (the union of the graphs). `prefixes` are those a
    query may use undeclared (the dataset's own). `results_format`: the format the answer's
    solutions will be written in (Store.query).
    """
    checked = VERDICTS.check(
        sparql,
        base_iri=base_iri,
        prefixes=prefixes,
        limits=guard.Limits(max_length, max_depth, max_nodes),
    )
    for graph in [
        *(default_graph_uris or []),
        *(named_graph_uris or []),
        *checked.default_graphs,
        *checked.named_graphs,
    ]:
        if graph not in known_graphs:
            raise UnknownGraph(
                f"no graph named <{graph}> here; this service only queries its own graphs "
                "(the Service Description at this endpoint lists them) and never fetches others"
            )
    if default_graph_uris is not None or named_graph_uris is not None:
        default, named = default_graph_uris, named_graph_uris
    elif checked.has_dataset:
        # Copies: the verdict, and its lists, are kept for the next time this query comes.
        default, named = list(checked.default_graphs), list(checked.named_graphs)
    else:
        default = named = None
    try:
        return store.query(
            checked.text,
            default_graph_uris=default,
            named_graph_uris=named,
            row_cap=row_cap,
            byte_cap=byte_cap,
            timeout=timeout,
            base_iri=base_iri,
            results_format=results_format,
        )
    except QuerySyntaxError:
        if guard.is_update(sparql):
            raise UpdateRefused(guard.READ_ONLY) from None
        raise
