"""Read-only SPARQL access to the knowledge graph, whatever holds it.

The rest of the server talks to a `Store` and gets `QueryResult`s back. `EmbeddedStore` keeps
the release in memory with pyoxigraph; `RemoteStore` (remote.py) queries a SPARQL store over
HTTP with SPARQLWrapper and parses its answers with pyoxigraph into the same QueryResult.
`execute` is the one door for untrusted queries: it applies the limits and the refusals before
the store.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from publisher.errors import PublisherError
from publisher.store.results import QueryResult

__all__ = [
    "QueryError",
    "QueryRefused",
    "QueryResult",
    "QuerySyntaxError",
    "QueryTimeout",
    "Store",
    "UnknownGraph",
    "UpdateRefused",
    "execute",
    "open_store",
]


class Store(Protocol):
    def query(
        self,
        sparql: str,
        *,
        default_graph_uris: list[str] | None = None,
        named_graph_uris: list[str] | None = None,
        row_cap: int | None = None,
        timeout: float | None = None,
        base_iri: str | None = None,
    ) -> QueryResult:
        """Run a query; no dataset arguments means the default graph is the union of all graphs.

        Relative IRIs in the query resolve against `base_iri`; `row_cap` and `timeout` limit
        untrusted queries (a cut result has `truncated` set, a timeout raises QueryTimeout).
        """
        ...


class QueryError(PublisherError):
    """A query the server will not answer; `status` is the HTTP status that says why."""

    status = 400


class QuerySyntaxError(QueryError):
    """The text is not SPARQL; the message holds the parser's line:column."""


class QueryRefused(QueryError):
    """Well-formed, but asks for something this server does not do (SERVICE, too long)."""


class UpdateRefused(QueryError):
    """An update: the service is read-only."""

    status = 403


class UnknownGraph(QueryError):
    """default-graph-uri or named-graph-uri names a graph the store does not hold."""


class QueryTimeout(QueryError):
    """The query ran past its time limit and was stopped; the client may try again later."""

    status = 503
    retry_after = 5


def open_store(config: dict[str, object], dataset_path: Path) -> Store:
    """The store named by the STORE setting: `embedded` loads the release's dataset.nq in
    process; an http(s) URL is a SPARQL endpoint that `publisher load` has filled."""
    kind = str(config.get("STORE", "embedded"))
    if kind.startswith(("http://", "https://")):
        from publisher.store.remote import RemoteStore

        try:
            return RemoteStore(kind, timeout=float(config.get("STORE_TIMEOUT") or 10.0))
        except ValueError as error:
            raise PublisherError(f"STORE={kind!r}: {error}") from None
    if kind != "embedded":
        raise PublisherError(
            f"STORE={kind!r}: give 'embedded' or the http(s) URL of a SPARQL query endpoint"
        )
    from publisher.store.embedded import EmbeddedStore

    return EmbeddedStore(
        dataset_path,
        workers=int(config.get("QUERY_WORKERS") or 0),
        memory_mb=int(config.get("QUERY_MEMORY") or 0) or None,
    )


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
    base_iri: str | None = None,
    max_depth: int = 64,
    max_nodes: int = 1000,
) -> QueryResult:
    """Run a query from outside: size limits, local graphs only, no SERVICE, no updates, all
    refused before evaluation (publisher/store/guard.py)."""
    from publisher.store import guard

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
            timeout=timeout,
            base_iri=base_iri,
        )
    except QuerySyntaxError:
        if guard.is_update(sparql):
            raise UpdateRefused(
                "this SPARQL service is read-only: updates are not accepted"
            ) from None
        raise
