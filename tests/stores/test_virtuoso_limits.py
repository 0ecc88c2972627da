"""A runaway query on Virtuoso: the publisher sends its own wait as Virtuoso's `timeout`, so the
answer is the time limit's 503 within 1.1x the limit, and Virtuoso's own limit stops the work:
its CPU is back under 10 % of a core within a few seconds."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.stores.load import fetch, sparql_path
from tests.stores.servers import Publisher, VirtuosoServer, cpu_seconds

pytestmark = [pytest.mark.stores, pytest.mark.live]

QUERY_TIMEOUT = 3.0
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture(scope="module")
def publisher(built_home: Path, virtuoso: VirtuosoServer, tmp_path_factory):
    log = tmp_path_factory.mktemp("virtuoso-serve") / "serve.log"
    store = "virtuoso+" + virtuoso.sparql_url
    settings = {"QUERY_TIMEOUT": str(QUERY_TIMEOUT), "STORE_TIMEOUT": "10"}
    with Publisher(built_home, store, log, **settings) as server:
        yield server


def test_a_runaway_query_is_stopped_at_the_limit_and_so_is_its_work(publisher, virtuoso):
    assert virtuoso.process is not None
    pid = virtuoso.process.pid
    spent = cpu_seconds(pid) or 0.0
    started = time.monotonic()
    status, body = fetch(publisher.url + sparql_path(RUNAWAY), accept="text/plain")
    took = time.monotonic() - started
    assert status == 503, body
    assert b"time limit" in body
    assert took <= 1.1 * QUERY_TIMEOUT, took
    # It did work on it (over a second of CPU on a loaded test machine), then it stops.
    assert (cpu_seconds(pid) or 0.0) - spent > 0.5
    deadline = time.monotonic() + 5
    usage = 1.0
    while time.monotonic() < deadline:
        before = cpu_seconds(pid) or 0.0
        time.sleep(0.5)
        usage = ((cpu_seconds(pid) or before) - before) / 0.5
        if usage < 0.10:
            break
    assert usage < 0.10, usage
    assert fetch(publisher.url + sparql_path("ASK { ?s ?p ?o }"))[0] == 200
