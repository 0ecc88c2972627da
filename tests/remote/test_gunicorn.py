"""Scale-out as docs/deployment.md describes it: several gunicorn workers, no state of their
own, in front of one oxigraph server. Every worker must give the same answer to a request."""

from __future__ import annotations

import os
import subprocess
import sys
import urllib.request
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.liveserver import GUNICORN_CONF
from tests.remote.servers import OxigraphServer, free_port, stop, wait_for
from tests.web.fixture_release import BASE

pytestmark = [pytest.mark.remote, pytest.mark.live]

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
def gunicorn(built_home: Path, loaded_oxigraph: OxigraphServer, tmp_path_factory):
    """The documented production command (deploy/gunicorn.conf.py), on a free loopback port;
    always stopped."""
    folder = tmp_path_factory.mktemp("gunicorn")
    port = free_port()
    env = {
        **os.environ,
        "PUBLISHER_HOME": str(built_home),
        "PUBLISHER_BASE_IRI": BASE,
        "PUBLISHER_STORE": loaded_oxigraph.query_url,
    }
    binary = Path(sys.executable).parent / "gunicorn"
    command = [str(binary), "-c", str(GUNICORN_CONF), "publisher.web:create_app()"]
    command += ["-w", str(WORKERS)]
    command += ["-b", f"127.0.0.1:{port}", "--access-logfile", str(folder / "access.log")]
    # The pid of the worker that served each request (gunicorn's %(p)s), then the request.
    command += ["--access-logformat", '%(p)s %(s)s "%(r)s"', "--graceful-timeout", "5"]
    log = folder / "gunicorn.log"
    with open(log, "wb") as out:
        process = subprocess.Popen(command, cwd=built_home, env=env, stdout=out, stderr=out)
    try:
        wait_for(f"http://127.0.0.1:{port}/download/", process, log)
        yield f"http://127.0.0.1:{port}", folder / "access.log"
    finally:
        stop(process)


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

    lines = access_log.read_text().splitlines()
    assert len(lines) >= len(jobs)
    pids = {line.split()[0] for line in lines}
    assert len(pids) >= 2, f"one worker served everything: {pids}"
