"""What the rest of the server asks of a store, whatever holds the graph."""

from __future__ import annotations

from typing import Protocol

from pyoxigraph import BlankNode, Quad

from publisher.rdf.formats import Format
from publisher.store.results import QueryResult


class Store(Protocol):
    def query(
        self,
        sparql: str,
        *,
        default_graph_uris: list[str] | None = None,
        named_graph_uris: list[str] | None = None,
        row_cap: int | None = None,
        byte_cap: int | None = None,
        timeout: float | None = None,
        base_iri: str | None = None,
        results_format: Format | None = None,
    ) -> QueryResult:
        """Run a query; no dataset arguments means the default graph is the union of all graphs.

        Relative IRIs in the query resolve against `base_iri`; `row_cap`, `byte_cap` and
        `timeout` limit untrusted queries, whose answers are streams (results.py): a cut one
        has `cut` set once read, a timeout raises QueryTimeout. `results_format`: the format
        solutions will be written in, which a store may give in its own bytes (`written`).
        """
        ...

    def quads(self, sparql: str) -> list[Quad]:
        """The answer of one of the server's own queries that binds ?s ?p ?o ?g, as quads
        (the store's time limit for its own queries, no caps)."""
        ...

    def quads_about(self, subjects: list[str]) -> list[list[Quad]] | None:
        """For each IRI of `subjects`, the quads in named graphs that it is the subject of,
        read from the store's indexes without a query; None from a store that answers only
        SPARQL (the caller asks it then)."""
        ...

    def blank_node_iri(self, node: BlankNode) -> str | None:
        """An IRI that names `node`, a blank node of an answer, in later queries (a store whose
        blank nodes keep who they are between queries), or None (SPARQL's own blank nodes: an
        answer's labels mean nothing to the next query)."""
        ...
