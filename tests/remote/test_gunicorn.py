"""Scale-out as docs/deployment.md describes it: several gunicorn workers, no state of their
own, in front of one oxigraph server. Every worker must give the same answer to a request."""

from __future__ import annotations

import time
import urllib.request
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.liveserver import LiveServer
from tests.markers import starts
from tests.remote.servers import OxigraphServer
from tests.web.fixture_release import BASE

WORKERS = 3
ROUNDS = 8  # each request this many times, several at once
QUERY = (
    f"SELECT ?claim ?subject WHERE {{ ?claim a <{BASE}def/Claim> ; <{BASE}def/subject> ?subject }}"
)
REQUESTS = [
    ("/", "text/html"),
    ("/doc/id/actor/iran", "text/turtle"),
    ("/doc/id/actor/iran", "application/n-quads"),
    ("/doc/id/actor/iran", "text/html"),
    ("/doc/def/shapes/ActorShape", "text/turtle"),  # blank nodes: labels are the store's
    ("/graph/reference", "application/n-triples"),
    ("/sparql?query=" + quote(QUERY), "application/sparql-results+json"),
    ("/sparql?query=" + quote(QUERY + " ORDER BY ?claim"), "text/csv"),
    ("/sparql", "text/turtle"),
]


@pytest.fixture(scope="module")
@starts("live")
def gunicorn(built_home: Path, loaded_oxigraph: OxigraphServer, tmp_path_factory):
    """The documented production command (deploy/gunicorn.conf.py), on a free loopback port;
    always stopped."""
    folder = tmp_path_factory.mktemp("gunicorn")
    # The pid of the worker that served each request (gunicorn's %(p)s), then the request.
    options = ["--access-logfile", str(folder / "access.log")]
    options += ["--access-logformat", '%(p)s %(s)s "%(r)s"', "--graceful-timeout", "5"]
    with LiveServer(
        built_home,
        None,  # the release under PUBLISHER_HOME, as the documented command finds it
        store=loaded_oxigraph.query_url,
        base=BASE,
        gunicorn_workers=WORKERS,
        gunicorn_args=options,
        folder=folder,
    ) as server:
        yield server.url, folder / "access.log"


def _get(base: str, path: str, accept: str) -> tuple[str, str, int, bytes]:
    request = urllib.request.Request(base + path, headers={"Accept": accept})
    with urllib.request.urlopen(request, timeout=30) as response:
        return path, accept, response.status, response.read()


def test_every_worker_gives_the_same_answers(gunicorn):
    base, access_log = gunicorn
    jobs = [item for _ in range(ROUNDS) for item in REQUESTS]
    with ThreadPoolExecutor(max_workers=2 * WORKERS) as pool:
        answers = list(pool.map(lambda item: _get(base, *item), jobs))
    bodies = defaultdict(set)
    for path, accept, status, body in answers:
        assert status == 200, (path, accept)
        bodies[path, accept].add(body)
    assert len(bodies) == len(REQUESTS)
    for key, seen in bodies.items():
        assert len(seen) == 1, f"{key}: {len(seen)} different answers"
        assert next(iter(seen)), key

    # The lines of the requests above (not those of the check that the server was ready). A
    # worker writes its line once the answer has gone: the last ones may be a moment late.
    deadline = time.monotonic() + 10
    while True:
        lines = [
            line
            for line in access_log.read_text().splitlines()
            if LiveServer.ready_path not in line
        ]
        if len(lines) >= len(jobs) or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    assert len(lines) >= len(jobs)
    pids = {line.split()[0] for line in lines}
    assert len(pids) >= 2, f"one worker served everything: {pids}"
