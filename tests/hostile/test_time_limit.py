"""The hard time limit: a query that would run for minutes is stopped within 1.1x the limit,
answered 503 without Retry-After (sent again, it would be stopped again), while other clients
are served; its worker is replaced."""

from __future__ import annotations

import json
import os
import signal
import threading
import time
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.hostile.conftest import LIMITS, TIME_LIMIT

# Bounds on how long a server takes: `make test` runs these with no second worker beside them.
pytestmark = pytest.mark.timing

CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
P = "<http://127.0.0.1:8080/def/subject>"
CLOSURE = f"SELECT (COUNT(*) AS ?n) WHERE {{ ?s ({P}|!{P})* ?o . ?o ({P}|!{P})* ?z }}"
CHEAP = [
    (
        "/sparql?query=" + quote("SELECT ?x WHERE { ?x a ?t } LIMIT 5"),
        "application/sparql-results+json",
    ),
    ("/doc/id/actor/iran", "text/turtle"),
    ("/download/SHA256SUMS", "text/plain"),
]


@pytest.mark.parametrize("query", [CARTESIAN, CLOSURE], ids=["cartesian", "path-closure"])
def test_runaway_query_is_stopped_while_others_are_served(server, query):
    heavy = {}

    def run_heavy():
        heavy["answer"] = server.request(
            "GET", "/sparql?query=" + quote(query), {"Accept": "application/sparql-results+json"}
        )

    thread = threading.Thread(target=run_heavy)
    thread.start()
    cheap = []
    while thread.is_alive():
        for path, accept in CHEAP:
            cheap.append(server.request("GET", path, {"Accept": accept}, timeout=10))
    thread.join()

    answer = heavy["answer"]
    assert answer.status == 503, answer.text
    assert TIME_LIMIT <= answer.seconds <= 1.1 * TIME_LIMIT
    assert answer.header("Retry-After") is None  # it would be stopped again: no retry invited
    assert "cannot finish within the time limit" in answer.text
    # Meanwhile everyone else was answered, and quickly.
    assert len(cheap) >= 9 and all(a.status == 200 for a in cheap)
    assert max(a.seconds for a in cheap) < TIME_LIMIT / 2


def test_the_worker_is_free_again_and_workers_stay_bounded(server):
    for _ in range(2):
        answer = server.request("GET", "/sparql?query=" + quote(CARTESIAN))
        assert answer.status == 503
    rows = server.request(
        "GET",
        "/sparql?query=" + quote("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"),
        {"Accept": "application/sparql-results+json"},
    )
    assert rows.status == 200
    assert int(json.loads(rows.body)["results"]["bindings"][0]["n"]["value"]) > 1000
    # The server, its zygote and at most QUERY_WORKERS workers: none left behind.
    time.sleep(0.2)
    assert len(server.processes()) <= 2 + int(LIMITS["PUBLISHER_QUERY_WORKERS"])


def test_concurrent_runaway_queries_are_all_stopped(server):
    answers = []
    threads = [
        threading.Thread(
            target=lambda: answers.append(
                server.request("GET", "/sparql?query=" + quote(CARTESIAN))
            )
        )
        for _ in range(3)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [a.status for a in answers] == [503] * 3
    assert all(a.seconds <= 1.1 * TIME_LIMIT for a in answers)


def test_a_killed_zygote_is_replaced(server):
    """The process that forks the workers, killed from outside (an OOM killer, an operator):
    its workers go with it, and the next query starts another one."""
    zygotes = [pid for pid in server.processes() if _parent(pid) == server.process.pid]
    assert zygotes
    for pid in zygotes:
        os.kill(pid, signal.SIGKILL)
    time.sleep(0.3)
    answer = server.request(
        "GET",
        "/sparql?query=" + quote("ASK { ?s ?p ?o }"),
        {"Accept": "application/sparql-results+json"},
    )
    assert answer.status == 200 and json.loads(answer.body)["boolean"] is True
    assert "has gone; starting another" in server.log.read_text()


def _parent(pid: int) -> int:
    return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
