"""A bounded soak: tens of concurrent clients against a real server process on loopback,
mixing dereferencing, descriptions, SPARQL and downloads with a few runaway queries.

It ends with zero 5xx for well-formed requests, every runaway query stopped at its limit
(503 within 1.1x the limit) and the memory of the server and its workers flat. The short form
(about 20 s) runs in the default suite; the full form (`make soak`, marked `soak`) runs for
minutes against `publisher serve` and gunicorn and prints the figures for docs/operations.md.
"""

from __future__ import annotations

import json
import random
import statistics
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest

from tests.liveserver import ROOT, LiveServer

P = "<http://127.0.0.1:8080/def/subject>"
RUNAWAY = [
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
    f"SELECT (COUNT(*) AS ?n) WHERE {{ ?s ({P}|!{P})* ?o . ?o ({P}|!{P})* ?z }}",
    "SELECT (COUNT(*) AS ?n) WHERE { ?s (!<x:p>)+ ?o . ?o (!<x:q>)+ ?z }",
]
WELL_FORMED = {200, 206, 303, 304}


@dataclass
class Tally:
    """What the clients saw, by kind of request."""

    statuses: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    seconds: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    failures: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, status: int, seconds: float, note: str = "") -> None:
        with self.lock:
            self.statuses[kind].append(status)
            self.seconds[kind].append(seconds)
            if note:
                self.failures.append(note)


def _sample_iris(server: LiveServer) -> list[str]:
    query = (
        "SELECT DISTINCT ?x WHERE { ?x a ?t FILTER(STRSTARTS(STR(?x), 'http://127.0.0.1:8080/id/')) "
        "FILTER(!CONTAINS(STR(?x), '/offset_')) } LIMIT 300"
    )
    answer = server.request(
        "GET", "/sparql?query=" + quote(query), {"Accept": "application/sparql-results+json"}
    )
    bindings = json.loads(answer.body)["results"]["bindings"]
    return [b["x"]["value"][len("http://127.0.0.1:8080") :] for b in bindings]


def _competency_queries() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted((ROOT / "queries").glob("*.rq"))]


def _well_formed(chance: random.Random, iris: list[str], queries: list[str]):
    """One well-formed request: (kind, method, path, headers, body)."""
    iri = chance.choice(iris)
    roll = chance.random()
    if roll < 0.2:
        return "dereference", "GET", iri, {"Accept": "text/turtle"}, None
    if roll < 0.35:
        return (
            "description-rdf",
            "GET",
            "/doc" + iri,
            {
                "Accept": chance.choice(
                    ["text/turtle", "application/ld+json", "application/n-triples"]
                )
            },
            None,
        )
    if roll < 0.45:
        return "description-html", "GET", "/doc" + iri, {"Accept": "text/html"}, None
    if roll < 0.65:
        query = chance.choice(queries)
        return (
            "sparql-get",
            "GET",
            "/sparql?query=" + quote(query),
            {"Accept": "application/sparql-results+json"},
            None,
        )
    if roll < 0.75:
        body = urlencode({"query": f"DESCRIBE <http://127.0.0.1:8080{iri}>"}).encode()
        return (
            "sparql-post",
            "POST",
            "/sparql",
            {"Content-Type": "application/x-www-form-urlencoded", "Accept": "text/turtle"},
            body,
        )
    if roll < 0.85:
        return "download", "GET", "/download/void.ttl", {"Range": "bytes=0-99"}, None
    if roll < 0.95:
        return (
            "listing",
            "GET",
            chance.choice(["/download/", "/.well-known/void", "/"]),
            {"Accept": chance.choice(["text/html", "application/json", "text/turtle"])},
            None,
        )
    return "sparql-ask", "GET", "/sparql?query=" + quote(f"ASK {{ <http://127.0.0.1:8080{iri}> ?p ?o }}"), {
        "Accept": "application/sparql-results+json"}, None  # fmt: skip


def soak(server: LiveServer, *, seconds: float, clients: int, runaways: int, limit: float) -> dict:
    """Run the mix for `seconds`; returns the figures (and asserts nothing itself)."""
    iris, queries = _sample_iris(server), _competency_queries()
    tally = Tally()
    memory: list[tuple[float, int]] = []
    stop = threading.Event()
    started = time.monotonic()

    def client(number: int) -> None:
        chance = random.Random(number)
        while not stop.is_set():
            kind, method, path, headers, body = _well_formed(chance, iris, queries)
            try:
                answer = server.request(method, path, headers, body, timeout=120)
            except OSError as error:
                tally.add(kind, 0, 0.0, f"{kind} {path[:80]}: {error}")
                continue
            note = "" if answer.status in WELL_FORMED else f"{kind} {path[:80]}: {answer.status}"
            tally.add(kind, answer.status, answer.seconds, note)

    def runaway(number: int) -> None:
        chance = random.Random(1000 + number)
        while not stop.is_set():
            query = chance.choice(RUNAWAY)
            answer = server.request("GET", "/sparql?query=" + quote(query), timeout=120)
            # Stopped at the limit as the server counts it (from the request's arrival, in
            # Server-Timing); the client's own figure, queueing included, is reported too.
            stopped = _server_seconds(answer)
            late = stopped is None or stopped > 1.1 * limit
            note = (
                f"runaway: {answer.status} after {stopped} s"
                if (answer.status != 503 or late or answer.header("Retry-After") is not None)
                else ""
            )
            tally.add("runaway", answer.status, answer.seconds, note)
            tally.add("runaway-server-side", answer.status, stopped or 0.0)

    def watch() -> None:
        while not stop.is_set():
            memory.append((time.monotonic() - started, server.memory_kb()))
            stop.wait(1.0)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    threads += [threading.Thread(target=runaway, args=(n,)) for n in range(runaways)]
    threads.append(threading.Thread(target=watch))
    for thread in threads:
        thread.start()
    time.sleep(seconds)
    stop.set()
    for thread in threads:
        thread.join(timeout=3 * limit + 120)
    elapsed = time.monotonic() - started
    return _figures(tally, memory, elapsed)


def _server_seconds(answer) -> float | None:
    timing = answer.header("Server-Timing") or ""
    if not timing.startswith("total;dur="):
        return None
    return float(timing.split("=", 1)[1]) / 1000


def _figures(tally: Tally, memory: list[tuple[float, int]], elapsed: float) -> dict:
    kinds = {}
    for kind, seconds in tally.seconds.items():
        ordered = sorted(seconds)
        kinds[kind] = {
            "requests": len(ordered),
            "p50_ms": round(1000 * statistics.median(ordered), 1),
            "p95_ms": round(1000 * ordered[int(0.95 * (len(ordered) - 1))], 1),
            "statuses": dict(sorted(_count(tally.statuses[kind]).items())),
        }
    samples = [kb for _, kb in memory]
    quarter = max(len(samples) // 4, 1)
    well = sum(v["requests"] for k, v in kinds.items() if not k.startswith("runaway"))
    return {
        "seconds": round(elapsed, 1),
        "well_formed_requests": well,
        "requests_per_second": round(well / elapsed, 1),
        "kinds": kinds,
        "failures": tally.failures[:20],
        "failure_count": len(tally.failures),
        "memory_mb": {
            "early": round(statistics.median(samples[quarter : 2 * quarter]) / 1024, 1),
            "late": round(statistics.median(samples[-quarter:]) / 1024, 1),
            "peak": round(max(samples) / 1024, 1),
        },
    }


def _count(values: list[int]) -> dict[int, int]:
    counted: dict[int, int] = defaultdict(int)
    for value in values:
        counted[value] += 1
    return counted


def assert_healthy(figures: dict) -> None:
    assert figures["failure_count"] == 0, figures["failures"]
    assert figures["kinds"]["runaway"]["requests"] >= 1
    memory = figures["memory_mb"]
    # Flat: the late median within 15% (and 40 MB) of the early one, workers come and go.
    assert memory["late"] <= memory["early"] * 1.15 + 40, memory


def _report(name: str, figures: dict, settings: dict) -> None:
    """The figures, on stdout (`make soak` shows them; docs/operations.md quotes them)."""
    print(json.dumps({"server": name, "settings": settings, **figures}, indent=2))


SHORT = {
    "PUBLISHER_QUERY_TIMEOUT": "2",
    "PUBLISHER_QUERY_WORKERS": "3",
    "PUBLISHER_QUERY_MEMORY": "512",
}


@pytest.mark.live
@pytest.mark.timing  # bounds how long a server takes: `make test` runs it with no second worker beside it
def test_short_soak(built_home: Path):
    """About 20 s: 12 clients and one runaway query at a time, against `publisher serve`."""
    server = LiveServer(built_home, built_home / "release", env=SHORT).start()
    try:
        figures = soak(server, seconds=20, clients=12, runaways=1, limit=2.0)
    finally:
        server.stop()
    _report("serve-short", figures, SHORT)
    assert_healthy(figures)


FULL = {
    "PUBLISHER_QUERY_TIMEOUT": "3",
    "PUBLISHER_QUERY_WORKERS": "5",
    "PUBLISHER_QUERY_MEMORY": "1024",
}


@pytest.mark.soak
@pytest.mark.live
@pytest.mark.parametrize("gunicorn", [0, 2], ids=["serve", "gunicorn"])
def test_full_soak(built_home: Path, gunicorn: int):
    """Three minutes: 30 clients and 3 runaway queries at a time."""
    server = LiveServer(
        built_home,
        built_home / "release",
        env=FULL,
        gunicorn_workers=gunicorn,
        gunicorn_args=["--threads", "4", "--timeout", "120", "--limit-request-line", "0"],
    ).start()
    try:
        figures = soak(server, seconds=180, clients=30, runaways=3, limit=3.0)
    finally:
        server.stop()
    _report("gunicorn" if gunicorn else "serve", figures, {**FULL, "gunicorn_workers": gunicorn})
    assert_healthy(figures)
