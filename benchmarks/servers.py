"""The servers compared, each started on a free loopback port and always stopped.

* the publisher under gunicorn with its production settings file (deploy/gunicorn.conf.py:
  threaded workers that keep connections open, docs/deployment.md), on its embedded store;
* an Oxigraph server (`oxigraph serve`, in memory, union default graph) loaded with the
  release's dataset.nq: the same engine without the publisher around it, its ceiling;
* an Oxigraph server reading the publisher's own store folder (`oxigraph serve-read-only`):
  the same engine on the same data as the publisher's default store on disk;
* rdflib-endpoint (FastAPI + rdflib) serving the same dataset.nq: the nearest Python peer;
* benchmarks/floor.py's app under the same gunicorn settings, which only passes queries on to
  an Oxigraph server: the least a Python front adds.

Each is a context manager yielding a `Server` with its query URL, its process (whose tree's
memory the harness samples) and how long it took to start and to load the data.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from benchmarks.procs import free_port, wait_http

VENV_BIN = Path(sys.executable).parent
ASK = quote("ASK { ?s ?p ?o }")
GUNICORN_SETTINGS = Path(__file__).resolve().parent.parent / "deploy" / "gunicorn.conf.py"
# Threads per gunicorn worker: the settings file's worker class (gthread, connections kept
# open as in production) with one thread instead of its 8, so that a worker runs one request
# at a time as the sync workers of earlier runs did: the load tests' connections, all from one
# client, then measure the engine, not that client's shares (QUERY_CONCURRENT, QUERY_BUDGET).
THREADS = 1
# The variable naming the store benchmarks/floor.py's app passes queries on to.
FLOOR_STORE = "FLOOR_STORE"


@dataclass
class Server:
    name: str
    base: str  # scheme://host:port/
    query_url: str
    process: subprocess.Popen
    start_seconds: float = 0.0
    load_seconds: float | None = None
    notes: dict = field(default_factory=dict)


def _start(
    command: list[str], env: dict | None = None, log: Path | None = None, cwd: Path | None = None
) -> subprocess.Popen:
    if log is None:
        return subprocess.Popen(
            command,
            env=env,
            cwd=cwd,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    with open(log, "ab") as output:  # the child keeps its own descriptor
        return subprocess.Popen(
            command,
            env=env,
            cwd=cwd,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # its own group: stopped whole, below


def _stop(process: subprocess.Popen) -> None:
    """Stop the server and everything it started (its process group, which we created)."""
    if process.poll() is None:
        try:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
        except ProcessLookupError:
            pass


def gunicorn(app: str, workers: int, threads: int, port: int) -> list[str]:
    """The command serving the WSGI `app` with the production settings file on a loopback
    `port`, `workers` of `threads` threads each."""
    return [
        *(str(VENV_BIN / "gunicorn"), "-c", str(GUNICORN_SETTINGS), app),
        *("-w", str(workers), "--threads", str(threads), "-b", f"127.0.0.1:{port}"),
        *("--timeout", "300", "--graceful-timeout", "5"),
    ]


@contextmanager
def floor(store: str, workers: int, log: Path | None = None, threads: int = THREADS):
    """benchmarks/floor.py's app, which only passes queries on to `store`, like the publisher
    under gunicorn: the least a Python front adds."""
    port = free_port()
    env = dict(os.environ, **{FLOOR_STORE: store})
    root = Path(__file__).resolve().parent.parent  # gunicorn imports benchmarks.floor from here
    started = time.perf_counter()
    process = _start(gunicorn("benchmarks.floor:app", workers, threads, port), env, log, cwd=root)
    try:
        url = f"http://127.0.0.1:{port}/"
        wait_http(url + f"sparql?query={ASK}", 60, process)
        yield Server("floor", url, url + "sparql", process, time.perf_counter() - started)
    finally:
        _stop(process)


@contextmanager
def publisher(
    home: Path,
    base: str,
    workers: int,
    log: Path | None = None,
    threads: int = THREADS,
    store: str | None = None,
):
    """gunicorn -c deploy/gunicorn.conf.py 'publisher.web:create_app()' -w workers on the
    release at home/release, on the embedded store or, given `store`, on that SPARQL endpoint
    (already loaded)."""
    port = free_port()
    env = dict(
        os.environ,
        PUBLISHER_HOME=str(home),
        PUBLISHER_RELEASE_DIR=str(home / "release"),
        PUBLISHER_BASE_IRI=base,
        # The harness is one client sending every query 32 times in a row: with the budget of
        # query time per client and minute, queries that take a second each would be answered
        # 429 from the third one on, and the 429s timed instead of the queries.
        PUBLISHER_QUERY_BUDGET="0",
    )
    if store:
        env["PUBLISHER_STORE"] = store
    command = gunicorn("publisher.web:create_app()", workers, threads, port)
    started = time.perf_counter()
    process = _start(command, env, log)
    try:
        url = f"http://127.0.0.1:{port}/"
        wait_http(url + f"sparql?query={ASK}", 600, process)
        server = Server("publisher", url, url + "sparql", process, time.perf_counter() - started)
        # Every worker loads the release on its own; they start together, so by twice the
        # time the first took, all of them answer.
        time.sleep(server.start_seconds)
        yield server
    finally:
        _stop(process)


@contextmanager
def _oxigraph(arguments: list[str], log: Path | None):
    """`oxigraph <arguments> --bind <free port> --union-default-graph`, once it answers:
    yields its base URL, its process and the seconds it took to start."""
    port = free_port()
    command = [str(VENV_BIN / "oxigraph"), *arguments]
    command += ["--bind", f"127.0.0.1:{port}", "--union-default-graph"]
    started = time.perf_counter()
    process = _start(command, None, log)
    try:
        url = f"http://127.0.0.1:{port}/"
        wait_http(url + f"query?query={ASK}", 60, process)
        yield url, process, time.perf_counter() - started
    finally:
        _stop(process)


@contextmanager
def oxigraph(dataset: Path, log: Path | None = None):
    """`oxigraph serve` in memory, loaded with dataset.nq through its Graph Store endpoint."""
    with _oxigraph(["serve"], log) as (url, process, start):
        loading = time.perf_counter()
        with open(dataset, "rb") as body:
            request = urllib.request.Request(
                url + "store",
                data=body,
                method="POST",
                headers={
                    "Content-Type": "application/n-quads",
                    "Content-Length": str(dataset.stat().st_size),
                },
            )
            with urllib.request.urlopen(request, timeout=1800) as response:
                response.read()
        loaded = time.perf_counter() - loading
        yield Server("oxigraph", url, url + "query", process, start, loaded)


@contextmanager
def oxigraph_read_only(folder: Path, log: Path | None = None):
    """`oxigraph serve-read-only` on a store folder the publisher built (publisher/store/
    ondisk.py): nothing to load, the pages read through the operating system's cache."""
    with _oxigraph(["serve-read-only", "--location", str(folder)], log) as (url, process, start):
        yield Server("oxigraph-disk", url, url + "query", process, start, 0.0)


@contextmanager
def rdflib_endpoint(dataset: Path, log: Path | None = None, timeout: float = 1800):
    """rdflib-endpoint's own command, `rdflib-endpoint serve dataset.nq` (loads, then serves)."""
    port = free_port()
    command = [
        str(VENV_BIN / "rdflib-endpoint"),
        "serve",
        str(dataset),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
    ]
    started = time.perf_counter()
    process = _start(command, None, log)
    try:
        url = f"http://127.0.0.1:{port}/"
        wait_http(
            url + f"?query={ASK}",
            timeout,
            process,
            headers={"Accept": "application/sparql-results+json"},
        )
        seconds = time.perf_counter() - started
        yield Server("rdflib-endpoint", url, url, process, seconds, seconds)
    finally:
        _stop(process)
