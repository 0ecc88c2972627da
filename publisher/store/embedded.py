"""The release held by pyoxigraph in process: loaded into memory from dataset.nq, or opened
read-only from the release's store folder on disk (ondisk.py), which every process of the
server shares through the page cache.

The server's own queries (descriptions, catalogue) run in process. A query with a time limit,
which is how queries from outside arrive (`execute`), runs in a query worker forked from this
process (publisher/store/workers/), where it can be stopped at its deadline.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pyoxigraph

from publisher.errors import ReleaseError
from publisher.rdf.formats import Format
from publisher.store import dataset
from publisher.store.errors import QueryError, QuerySyntaxError
from publisher.store.ondisk import open_read_only
from publisher.store.results import Caps, QueryResult, answer_stream, collect, quads_of
from publisher.store.workers.framing import Request
from publisher.store.workers.pool import WorkerPool


class EmbeddedStore:
    """A pyoxigraph store in process; the default graph is the union of all named graphs.

    `workers` > 0 runs time-limited queries in that many killable worker processes, each with
    at most `memory_mb` MB of memory of its own; 0 runs everything in this process. Given a
    store `folder` (ondisk.py) made from `dataset_path`, it is opened read-only instead of
    loading the N-Quads into memory.
    """

    def __init__(
        self,
        dataset_path: Path,
        *,
        workers: int = 0,
        memory_mb: int | None = None,
        sandbox: bool = True,
        folder: Path | None = None,
    ) -> None:
        self._folder = folder
        self._opened_in = os.getpid()
        self._inherited: list[pyoxigraph.Store] = []
        if folder is not None:
            self._store = open_read_only(folder)
        else:
            self._store = pyoxigraph.Store()
            try:
                self._store.bulk_load(path=str(dataset_path), format=pyoxigraph.RdfFormat.N_QUADS)
            except (OSError, SyntaxError) as error:
                raise ReleaseError(f"{dataset_path}: cannot load ({error})") from None
        self._workers = workers
        self._memory_mb = memory_mb
        self._sandbox = sandbox
        self._lock = threading.Lock()
        self._default_graph_empty: bool | None = None  # known on first use (quads_about)
        # Forked now, while the caller (the app factory) is normally still single-threaded.
        self._pool = self._new_pool() if workers else None

    @property
    def folder(self) -> Path | None:
        """The store folder on disk, or None for a store in memory."""
        return self._folder

    def __len__(self) -> int:
        return len(self._own_store())

    def _own_store(self) -> pyoxigraph.Store:
        """The store; a process forked after a store folder was opened (gunicorn --preload)
        opens its own handle rather than share the parent's."""
        if self._folder is not None and self._opened_in != os.getpid():
            with self._lock:
                if self._opened_in != os.getpid():
                    # The parent's handle is kept, never freed here: its files are the parent's.
                    self._inherited.append(self._store)
                    self._store = open_read_only(self._folder)
                    self._opened_in = os.getpid()
        return self._store

    def close(self) -> None:
        """Stop the query workers (they also stop when the store is garbage-collected)."""
        if self._pool is not None:
            self._pool.close()

    def blank_node_iri(self, node: pyoxigraph.BlankNode) -> str | None:
        return None  # each answer has its own labels

    def quads(self, sparql: str) -> list[pyoxigraph.Quad]:
        return quads_of(self.query(sparql))

    def quads_about(self, subjects: list[str]) -> list[list[pyoxigraph.Quad]]:
        # Straight from the index by subject: a fifth less time for a description's parts
        # than the same as a SPARQL query (parsed, planned, its rows made into quads). A
        # release has nothing in the default graph; were there, it would be left out.
        store = self._own_store()
        pattern = store.quads_for_pattern
        if self._default_graph_empty is None:
            default = pattern(None, None, None, pyoxigraph.DefaultGraph())
            self._default_graph_empty = next(iter(default), None) is None
        if self._default_graph_empty:
            return [list(pattern(pyoxigraph.NamedNode(s), None, None, None)) for s in subjects]
        return [
            [
                quad
                for quad in pattern(pyoxigraph.NamedNode(s), None, None, None)
                if not isinstance(quad.graph_name, pyoxigraph.DefaultGraph)
            ]
            for s in subjects
        ]

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
        results_format: Format | None = None,  # answers here are always TSV streams
    ) -> QueryResult:
        """Run a query; dataset arguments replace the union default graph as the protocol says.

        A query with a time limit (from outside) runs in a query worker and its answer is a
        stream cut at the caps; without workers it streams from this process."""
        if timeout and self._workers:
            request = Request(
                sparql, base_iri, default_graph_uris, named_graph_uris, row_cap, byte_cap
            )
            return self._worker_pool().run(request, timeout)
        deadline = time.monotonic() + timeout if timeout else None
        try:
            answer = dataset.query(
                self._own_store(),
                sparql,
                base_iri=base_iri,
                default_graphs=default_graph_uris,
                named_graphs=named_graph_uris,
            )
            if timeout and not isinstance(answer, pyoxigraph.QueryBoolean):
                variables = (
                    tuple(v.value for v in answer.variables)
                    if isinstance(answer, pyoxigraph.QuerySolutions)
                    else None
                )
                return answer_stream(answer, variables, Caps(row_cap, byte_cap), deadline=deadline)
            return collect(answer, row_cap=row_cap, deadline=deadline)
        except SyntaxError as error:
            raise QuerySyntaxError(f"SPARQL syntax error: {error}") from None
        except (OSError, RuntimeError, ValueError) as error:
            raise QueryError(f"the query failed: {error}") from None

    def _worker_pool(self) -> WorkerPool:
        """This process's pool: a process forked after the store was loaded (gunicorn
        --preload) cannot use its parent's workers, so it starts its own on first use."""
        pool = self._pool
        if pool is not None and pool.owner == os.getpid():
            return pool
        with self._lock:
            if self._pool is None or self._pool.owner != os.getpid():
                self._pool = self._new_pool()
            return self._pool

    def _new_pool(self) -> WorkerPool:
        return WorkerPool(
            self._own_store(),
            size=self._workers,
            memory_mb=self._memory_mb,
            sandbox=self._sandbox,
            folder=self._folder,
        )
