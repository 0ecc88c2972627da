"""Oxigraph replicas behind HAProxy as deploy/replicas.cfg and deploy/replicas.py run them,
`publisher serve` in front: a replica killed under load fails no request, and a runaway query
gets the publisher's time limit answer in time while the replica's work is stopped."""

from __future__ import annotations

import json
import os
import signal
import time
from pathlib import Path

import pytest

from tests.stores.conftest import needs_haproxy
from tests.stores.load import Load, fetch, same_quads, sparql_path
from tests.stores.servers import Publisher, ReplicaSet, cpu_seconds, wait_until

pytestmark = [pytest.mark.stores, pytest.mark.live]

QUERY_TIMEOUT = 3.0
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture(scope="module")
def replicas(built_home: Path, tmp_path_factory):
    needs_haproxy()
    # HAProxy gives a replica up a little after the publisher's own limit (deploy/replicas.cfg).
    folder = tmp_path_factory.mktemp("topology")
    with ReplicaSet(folder, built_home / "release", limit="5s", grace=1.0) as store:
        yield store


@pytest.fixture(scope="module")
def publisher(built_home: Path, replicas: ReplicaSet, tmp_path_factory):
    log = tmp_path_factory.mktemp("topology-serve") / "serve.log"
    settings = {"QUERY_TIMEOUT": str(QUERY_TIMEOUT), "STORE_TIMEOUT": "10"}
    with Publisher(built_home, replicas.query_url, log, **settings) as server:
        yield server


def count(body: bytes) -> int:
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


def test_a_replica_killed_under_load_fails_no_request(publisher, replicas):
    paths = [sparql_path(COUNT), "/doc/id/actor/hamas", "/doc/id/actor/iran", "/.well-known/void"]
    expected = {path: fetch(publisher.url + path) for path in paths}
    assert all(status == 200 for status, _ in expected.values())

    def right(answer) -> bool:
        if answer.path == paths[0]:
            return count(answer.body) == count(expected[answer.path][1])
        return same_quads(answer.body, expected[answer.path][1])

    victim = replicas.pid("r1")
    assert victim is not None
    with Load(publisher.url, paths, threads=4, seconds=20) as load:
        load.wait(40)
        os.kill(victim, signal.SIGKILL)
        killed = len(load.answers)
        wait_until(
            lambda: replicas.pid("r1") not in (None, victim), "r1 again", None, Path("/dev/null")
        )
        wait_until(replicas.all_up, "both replicas up", None, Path("/dev/null"), timeout=20)
        load.wait(len(load.answers) + 60)
    assert killed >= 40 and len(load.answers) >= killed + 60
    failed = load.failed(right)
    assert not failed, [(a.path, a.status, a.body[:300]) for a in failed]
    assert "r1 exited" in replicas.log()


def _usage(pids: list[int], seconds: float) -> float:
    """The share of a core the processes `pids` used over the next `seconds`."""
    before = {pid: cpu_seconds(pid) or 0.0 for pid in pids}
    time.sleep(seconds)
    return sum((cpu_seconds(pid) or before[pid]) - before[pid] for pid in pids) / seconds


def test_a_runaway_query_is_stopped_at_the_limit_and_so_is_the_replica(publisher, replicas):
    started = time.monotonic()
    status, body = fetch(publisher.url + sparql_path(RUNAWAY), accept="text/plain")
    took = time.monotonic() - started
    assert status == 503, body
    assert b"time limit" in body
    assert took <= 1.1 * QUERY_TIMEOUT, took
    # The replica that ran it was busy past the limit; within a few seconds it is not, and
    # neither is any other (a replica recycled is a new process: its pid is read each time).
    deadline = time.monotonic() + 5
    usage = 1.0
    while time.monotonic() < deadline:
        pids = [pid for pid in map(replicas.pid, replicas.ports) if pid]
        usage = _usage(pids, 0.5)
        if usage < 0.10:
            break
    assert usage < 0.10, (usage, replicas.log()[-2000:])
    assert "recycled" in replicas.log()
    # and the set answers again, both replicas in rotation
    wait_until(replicas.all_up, "both replicas up", None, Path("/dev/null"), timeout=10)
    assert fetch(publisher.url + sparql_path(COUNT))[0] == 200
