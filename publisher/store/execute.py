"""The one door for untrusted queries: the limits and the refusals, then the store."""

from __future__ import annotations

from publisher.store import guard
from publisher.store.errors import QuerySyntaxError, UnknownGraph, UpdateRefused
from publisher.store.interface import Store
from publisher.store.results import QueryResult


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
) -> QueryResult:
    """Run a query from outside: size limits, local graphs only, no SERVICE, no updates, all
    refused before evaluation (publisher/store/guard.py)."""
    guard.check(sparql, guard.Limits(max_length, max_depth, max_nodes))
    named_in_query = guard.dataset_graphs(sparql, base_iri)
    for graph in [*(default_graph_uris or []), *(named_graph_uris or []), *named_in_query]:
        if graph not in known_graphs:
            raise UnknownGraph(
                f"no graph named <{graph}> here; this service only queries its own graphs "
                "(the Service Description at this endpoint lists them) and never fetches others"
            )
    try:
        return store.query(
            sparql,
            default_graph_uris=default_graph_uris,
            named_graph_uris=named_graph_uris,
            row_cap=row_cap,
            byte_cap=byte_cap,
            timeout=timeout,
            base_iri=base_iri,
        )
    except QuerySyntaxError:
        if guard.is_update(sparql):
            raise UpdateRefused(
                "this SPARQL service is read-only: updates are not accepted"
            ) from None
        raise
