"""The release held in memory by pyoxigraph, loaded once from dataset.nq.

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
from publisher.store import dataset
from publisher.store.errors import QueryError, QuerySyntaxError
from publisher.store.results import Caps, QueryResult, answer_stream, collect
from publisher.store.workers.framing import Request
from publisher.store.workers.pool import WorkerPool


class EmbeddedStore:
    """An in-memory pyoxigraph store; the default graph is the union of all named graphs.

    `workers` > 0 runs time-limited queries in that many killable worker processes, each with
    at most `memory_mb` MB of memory of its own; 0 runs everything in this process.
    """

    def __init__(
        self,
        dataset_path: Path,
        *,
        workers: int = 0,
        memory_mb: int | None = None,
        sandbox: bool = True,
    ) -> None:
        self._store = pyoxigraph.Store()
        try:
            self._store.bulk_load(path=str(dataset_path), format=pyoxigraph.RdfFormat.N_QUADS)
        except (OSError, SyntaxError) as error:
            raise ReleaseError(f"{dataset_path}: cannot load ({error})") from None
        self._workers = workers
        self._memory_mb = memory_mb
        self._sandbox = sandbox
        self._lock = threading.Lock()
        # Forked now, while the caller (the app factory) is normally still single-threaded.
        self._pool = self._new_pool() if workers else None

    def __len__(self) -> int:
        return len(self._store)

    def close(self) -> None:
        """Stop the query workers (they also stop when the store is garbage-collected)."""
        if self._pool is not None:
            self._pool.close()

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
                self._store,
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
            self._store, size=self._workers, memory_mb=self._memory_mb, sandbox=self._sandbox
        )
