"""Bounded answers and honest failures: answers stream from the query workers and are cut at a
byte cap as well as a row cap, a huge literal is refused with a 4xx that says so, a store
panic is reported as one, and the workers are sealed off the network by the kernel."""

from __future__ import annotations

import random
import time
from pathlib import Path

import pyoxigraph
import pytest

from publisher.rdf import formats
from publisher.store.embedded import EmbeddedStore
from publisher.store.errors import AnswerTooLarge, QueryError, StoreFailure
from publisher.store.results import CHUNK_BYTES, NO_CAPS, Caps, answer_stream
from publisher.store.writers import SPLICES, serialize, write_answer

XSD = "http://www.w3.org/2001/XMLSchema#"
# Doubling a 1,000-character string 15 times: one literal of 32 MB from a 2 kB query.
HUGE_LITERAL = (
    'SELECT ?v WHERE { BIND(CONCAT("'
    + "x" * 1000
    + '") AS ?v0) '
    + " ".join(f"BIND(CONCAT(?v{i}, ?v{i}) AS ?v{i + 1})" for i in range(15))
    + " BIND(?v15 AS ?v) }"
)


def _mixed_zone_order_by() -> str:
    """ORDER BY over dateTimes with and without time zones (incomparable in XPath): pyoxigraph
    0.5 panics in its sort ("does not correctly implement a total order") and the process
    aborts."""
    chooser = random.Random(1)
    values = []
    for _ in range(60):
        hour = chooser.randint(0, 23)
        zone = chooser.choice(["", "Z", "+05:00", "-14:00", "+14:00"])
        values.append(f'"2020-01-01T{hour:02d}:00:00{zone}"^^<{XSD}dateTime>')
    return f"SELECT ?d WHERE {{ VALUES ?d {{ {' '.join(values)} }} }} ORDER BY ?d"


@pytest.fixture(scope="module")
def pooled(built_release: Path):
    store = EmbeddedStore(built_release / "dataset.nq", workers=2, memory_mb=512)
    yield store
    store.close()


# --- the writers: spliced chunks are the same document ------------------------------------------


def _solutions_in_chunks(release_store: pyoxigraph.Store, caps: Caps = NO_CAPS):
    answer = release_store.query(
        "SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?s ?p ?o LIMIT 3000"
    )
    variables = tuple(v.value for v in answer.variables)
    return answer_stream(answer, variables, caps)


@pytest.mark.parametrize(
    "fmt",
    [formats.RESULTS_JSON, formats.RESULTS_XML, formats.RESULTS_CSV, formats.RESULTS_TSV],
    ids=lambda f: f.key,
)
def test_solutions_written_chunk_by_chunk_parse_as_the_whole(release_store, monkeypatch, fmt):
    whole = serialize(_solutions_in_chunks(release_store), fmt)
    monkeypatch.setattr("publisher.store.results.CHUNK_BYTES", 4096)  # many chunks
    pieces = list(write_answer(_solutions_in_chunks(release_store), fmt))
    assert len(pieces) > 10
    spliced = b"".join(pieces)
    assert spliced == whole  # the writer is deterministic: splicing changes no byte
    if fmt is not formats.RESULTS_CSV:  # CSV loses term types: pyoxigraph does not read it
        parsed = list(pyoxigraph.parse_query_results(spliced, format=fmt.writer))
        assert len(parsed) == 3000


@pytest.mark.parametrize(
    "fmt",
    [
        formats.TURTLE,
        formats.N_TRIPLES,
        formats.RDF_XML,
        formats.JSON_LD,
        formats.TRIG,
        formats.N_QUADS,
    ],
    ids=lambda f: f.key,
)
def test_graphs_written_chunk_by_chunk_are_the_same_graph(release_store, monkeypatch, fmt):
    monkeypatch.setattr("publisher.store.results.CHUNK_BYTES", 4096)
    answer = release_store.query(
        "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 2000"
    )
    triples = list(answer)
    result = answer_stream(iter(triples), None, Caps(rows=1500))
    pieces = list(write_answer(result, fmt, {"sup": "http://127.0.0.1:8080/def/"}))
    assert len(pieces) > 10
    body = b"".join(pieces)
    read = {q.triple for q in pyoxigraph.parse(body, format=fmt.writer)}
    assert read == set(triples[:1500])
    assert result.cut is not None and result.cut.reason == "rows"
    if SPLICES[fmt.writer].comment is not None:
        assert b"truncated: triples cut at 1500" in body


def test_a_byte_cap_cuts_at_a_whole_row(release_store):
    result = _solutions_in_chunks(release_store, Caps(bytes=20_000))
    body = serialize(result, formats.RESULTS_TSV)
    assert 15_000 < len(body) <= 20_000 and body.endswith(b"\n")
    assert result.cut is not None and result.cut.reason == "bytes"
    assert list(pyoxigraph.parse_query_results(body, format=formats.RESULTS_TSV.writer))


# --- through the workers ------------------------------------------------------------------------


def test_a_huge_literal_is_refused_with_a_reason_not_a_500(pooled):
    started = time.monotonic()
    with pytest.raises(AnswerTooLarge, match="over the limit") as refused:
        list(pooled.query(HUGE_LITERAL, timeout=20, byte_cap=16 * 1024 * 1024).stream())
    assert refused.value.status == 400 and time.monotonic() - started < 20
    assert pooled.query("ASK {}", timeout=10).boolean


def test_a_huge_literal_under_the_cap_is_answered(pooled):
    result = pooled.query(HUGE_LITERAL, timeout=20, byte_cap=64 * 1024 * 1024)
    chunks = list(result.stream())
    assert sum(len(c) for c in chunks) > 32_000_000
    assert result.cut is None


@pytest.mark.slow  # a second or more: `make test` runs it, `make check` leaves it out
def test_a_large_answer_streams_in_chunks_from_the_worker(pooled):
    query = "SELECT ?s ?p ?o ?x WHERE { GRAPH ?g { ?s ?p ?o } VALUES ?x { 1 2 3 4 5 6 7 8 } }"
    result = pooled.query(query, timeout=20, row_cap=1_000_000, byte_cap=256 * 1024 * 1024)
    assert result.chunks is not None
    sizes = [len(chunk) for chunk in result.stream()]
    assert len(sizes) > 5 and max(sizes) < 2 * CHUNK_BYTES
    assert result.cut is None
    # The worker is free again once the stream is read.
    assert pooled.query("ASK {}", timeout=10).boolean


def test_a_reader_that_stops_early_frees_the_worker(pooled):
    query = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }"
    for _ in range(4):  # more than the pool's two workers: each must come back
        result = pooled.query(query, timeout=10, row_cap=1_000_000, byte_cap=1 << 30)
        chunks = result.stream()
        next(chunks)
        chunks.close()
    assert pooled.query("ASK {}", timeout=10).boolean


def test_a_store_panic_is_reported_as_a_store_bug(pooled):
    with pytest.raises(StoreFailure, match="bug in the store") as failure:
        list(pooled.query(_mixed_zone_order_by(), timeout=10).stream())
    assert failure.value.status == 500
    assert "memory" not in str(failure.value)
    assert pooled.query("ASK {}", timeout=10).boolean


def test_the_workers_are_sealed_off_the_network_by_the_kernel(pooled, canary):
    """The guard is not in the way here (the store is called directly): the kernel refuses the
    socket (EPERM, before the descriptor limit could say EMFILE), and the canary hears nothing."""
    pooled.query("ASK {}", timeout=10)
    for worker in pooled._pool._idle:
        status = Path(f"/proc/{worker.pid}/status").read_text()
        assert "\nSeccomp:\t2\n" in status  # a seccomp filter is installed
    with pytest.raises(QueryError, match="not permitted"):
        list(
            pooled.query(
                f"SELECT * WHERE {{ SERVICE <{canary.url('/sparql')}> {{ ?s ?p ?o }} }}",
                timeout=10,
            ).stream()
        )
    time.sleep(0.3)
    assert canary.connections == []


# --- through the server -------------------------------------------------------------------------


def _peak_rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


@pytest.mark.long
@pytest.mark.live
def test_a_200_mb_answer_streams_through_the_server_without_growing_it(hostile_home):
    """The probe saw the request process grow by 590 MB for one 200 MB answer. Now the answer
    passes through in chunks: the server process's peak memory grows by a few MB."""
    from tests.liveserver import LiveServer

    env = {
        "PUBLISHER_QUERY_TIMEOUT": "60",
        "PUBLISHER_ROW_CAP": "10000000",
        "PUBLISHER_ANSWER_BYTES": str(256 * 1024 * 1024),
        "PUBLISHER_QUERY_WORKERS": "1",
        "PUBLISHER_QUERY_MEMORY": "2048",
    }
    live = LiveServer(hostile_home, hostile_home / "release", env=env).start()
    try:
        assert live.process is not None
        live.request("GET", "/sparql?query=ASK%20%7B%7D")  # the app's first request, warmed
        before = _peak_rss_kb(live.process.pid)
        values = " ".join(str(n) for n in range(80))
        query = f"SELECT ?s ?p ?o ?n WHERE {{ GRAPH ?g {{ ?s ?p ?o }} VALUES ?n {{ {values} }} }}"
        from urllib.parse import quote

        response = live.request_stream("/sparql?query=" + quote(query), timeout=60)
        assert response.status == 200
        assert response.getheader("Content-Type").startswith("application/sparql-results+json")
        received = 0
        while block := response.read(1 << 20):
            received += len(block)
        response.close()
        grown = _peak_rss_kb(live.process.pid) - before
        assert received > 200 * 1024 * 1024
        assert grown < 64 * 1024, f"the server process grew by {grown} kB"
    finally:
        live.stop()
