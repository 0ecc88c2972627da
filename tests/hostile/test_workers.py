"""The query workers on their own, with the guard out of the way: what they stop, what they
cannot do, and that their answers are the in-process answers."""

from __future__ import annotations

import contextlib
import hashlib
import signal
import time
from pathlib import Path

import pytest

from publisher.store import errors as workers
from publisher.store.embedded import EmbeddedStore
from publisher.store.errors import QueryError, QueryRefused, QueryTimeout, StoreFailure
from publisher.store.ondisk import store_folder
from publisher.store.workers import child
from publisher.store.workers.pool import death
from publisher.store.writers import serialize


@pytest.fixture(scope="module", params=["memory", "disk"])
def pooled(built_release: Path, request, tmp_path_factory):
    """The store with two workers: in memory, and opened read-only from its store folder
    (publisher/store/ondisk.py), where each worker opens the folder itself."""
    quads = built_release / "dataset.nq"
    folder = None
    if request.param == "disk":
        digest = hashlib.sha256(quads.read_bytes()).hexdigest()
        folder = store_folder(quads, digest, tmp_path_factory.mktemp("stores"))
    store = EmbeddedStore(quads, workers=2, memory_mb=256, folder=folder)
    yield store
    store.close()


@pytest.mark.parametrize(
    "query",
    [
        "SELECT ?s ?l WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l } ORDER BY ?s ?l",
        "SELECT ?x ?y WHERE { VALUES (?x ?y) { (1 UNDEF) ('a\\tb\\n\"c' <http://x/>) } }",
        "SELECT * WHERE { ?s ?p ?o FILTER(isBlank(?s)) } ORDER BY ?p ?o LIMIT 50",
        "SELECT ?t WHERE { BIND(<<( <http://a/> <http://b/> 'c'@ar )>> AS ?t) }",
        "SELECT * WHERE {}",
        "ASK { ?s ?p ?o }",
        "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o LIMIT 200",
    ],
)
@pytest.mark.slow  # a second or more: `make test` runs it, `make check` leaves it out
def test_answers_are_those_of_the_store_in_process(pooled, query):
    from publisher.rdf import formats

    through_worker = pooled.query(query, timeout=10)
    in_process = pooled.query(query)
    assert through_worker.kind == in_process.kind
    if through_worker.kind == "graph":
        assert set(through_worker.triples) == set(in_process.triples)
    elif through_worker.kind == "boolean":
        assert through_worker.boolean == in_process.boolean
    else:
        fmt = formats.RESULTS_JSON
        assert serialize(through_worker, fmt) == serialize(in_process, fmt) or (
            # blank node labels differ from one evaluation to the next
            "isBlank" in query and len(through_worker.rows) == len(in_process.rows)
        )


def test_the_row_cap_stops_the_evaluation_itself(pooled):
    started = time.monotonic()
    result = pooled.query(
        "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", row_cap=10, timeout=10
    )
    assert len(result.rows) == 10 and result.truncated
    assert time.monotonic() - started < 1  # some 4x10^12 rows were never made


def test_a_worker_cannot_reach_the_network_even_unguarded(pooled, canary):
    for query in (
        f"SELECT * WHERE {{ SERVICE <{canary.url('/sparql')}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE SILENT <{canary.url('/sparql')}> {{ ?s ?p ?o }} }}",
    ):
        with contextlib.suppress(QueryError):
            pooled.query(query, timeout=10)
    time.sleep(0.3)
    assert canary.connections == []


def test_functions_needing_randomness_and_time_work_in_the_sandbox(pooled):
    row = pooled.query("SELECT (STRUUID() AS ?u) (RAND() AS ?r) (NOW() AS ?n) {}", timeout=10).rows[
        0
    ]
    assert len(row["u"].value) == 36 and 0 <= float(row["r"].value) < 1 and row["n"].value


def test_a_query_that_overflows_the_stack_is_too_complex(pooled):
    with pytest.raises(QueryRefused, match="too complex"):
        pooled.query("SELECT * WHERE " + "{" * 20000 + "}" * 20000, timeout=10)
    assert pooled.query("ASK {}", timeout=10).boolean


def test_a_query_that_eats_memory_dies_alone(pooled):
    with pytest.raises(workers.QueryTooHeavy, match="memory") as stopped:
        pooled.query("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f ?a", timeout=30)
    assert stopped.value.retry_after is None  # it would be stopped again: no retry invited
    assert pooled.query("ASK {}", timeout=10).boolean


def test_a_worker_aborted_by_the_store_s_allocator_ran_out_of_memory() -> None:
    """At ten million triples RocksDB (C++) failed to allocate under a worker's memory ceiling:
    std::bad_alloc, then abort. That is the query's memory (503), not an internal error (500).
    The words are those the benchmark's server logged."""
    said = b"terminate called after throwing an instance of 'std::bad_alloc'\n  what():  std::bad_alloc\n"
    aborted = signal.SIGABRT  # the status waitpid gives for a process killed by it
    stopped = death(aborted, said)
    assert isinstance(stopped, workers.QueryOutOfMemory) and stopped.status == 503
    assert isinstance(death(aborted, b"thread 'x' panicked at src/a.rs:1:1:\nboom"), StoreFailure)
    assert isinstance(death(aborted, b"something else entirely"), StoreFailure)


@pytest.mark.slow  # a second or more: `make test` runs it, `make check` leaves it out
def test_a_runaway_query_is_killed_at_its_deadline(pooled):
    started = time.monotonic()
    with pytest.raises(QueryTimeout):
        pooled.query("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", timeout=1)
    assert 1 <= time.monotonic() - started < 1.1


def test_workers_are_replaced_after_their_quota(built_release, monkeypatch):
    monkeypatch.setattr(child, "RECYCLE_AFTER", 3)
    store = EmbeddedStore(built_release / "dataset.nq", workers=1)
    try:
        seen = set()
        for _ in range(10):
            assert store.query("ASK { ?s ?p ?o }", timeout=10).boolean
            seen |= {w.pid for w in store._pool._idle}
        assert len(seen) >= 3
    finally:
        store.close()
