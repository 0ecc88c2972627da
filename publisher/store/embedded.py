"""The release held in memory by pyoxigraph, loaded once from dataset.nq."""

from __future__ import annotations

import time
from pathlib import Path

import pyoxigraph

from publisher.errors import ReleaseError
from publisher.store import QueryError, QuerySyntaxError
from publisher.store.results import QueryResult, collect


class EmbeddedStore:
    """An in-memory pyoxigraph store; the default graph is the union of all named graphs."""

    def __init__(self, dataset_path: Path) -> None:
        self._store = pyoxigraph.Store()
        try:
            self._store.bulk_load(path=str(dataset_path), format=pyoxigraph.RdfFormat.N_QUADS)
        except (OSError, SyntaxError) as error:
            raise ReleaseError(f"{dataset_path}: cannot load ({error})") from None

    def __len__(self) -> int:
        return len(self._store)

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
        """Run a query; dataset arguments replace the union default graph as the protocol says."""
        options: dict[str, object] = {"base_iri": base_iri}
        if default_graph_uris is None and named_graph_uris is None:
            options["use_default_graph_as_union"] = True
        else:
            # A protocol dataset: only what it names, an absent list being empty (SPARQL 1.1
            # Protocol 2.1.4); it also overrides FROM and FROM NAMED in the query.
            options["default_graph"] = [pyoxigraph.NamedNode(g) for g in default_graph_uris or []]
            options["named_graphs"] = [pyoxigraph.NamedNode(g) for g in named_graph_uris or []]
        deadline = time.monotonic() + timeout if timeout else None
        try:
            answer = self._store.query(sparql, **options)
            return collect(answer, row_cap=row_cap, deadline=deadline)
        except SyntaxError as error:
            raise QuerySyntaxError(f"SPARQL syntax error: {error}") from None
        except (OSError, RuntimeError, ValueError) as error:
            raise QueryError(f"the query failed: {error}") from None
