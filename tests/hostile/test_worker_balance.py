"""gunicorn's workers (deploy/gunicorn.conf.py, publisher/web/worker.py) leave a new connection
to a worker with a free thread: one whose threads are all busy does not take it and make it wait.

With gunicorn's own `gthread`, every worker takes the connections it is woken for, so a burst of
them often lands on one worker while the others idle (benchmarks/README.md: half the
dereferencing throughput in those runs)."""

from __future__ import annotations

import http.client
import socket
import time
from pathlib import Path

import pytest
from pyoxigraph import NamedNode, RdfFormat, parse

from tests.liveserver import LiveServer
from tests.markers import starts
from tests.web.fixture_release import BASE

TRIALS = 6


@pytest.fixture(scope="module")
@starts("live")
def two_single_threaded_workers(built_home: Path):
    """Two workers of one thread each: one busy thread is a whole worker busy."""
    with LiveServer(
        built_home, built_home / "release", gunicorn_workers=2, gunicorn_args=["--threads", "1"]
    ) as server:
        yield server


def _hold_a_thread(port: int) -> socket.socket:
    """A connection whose request has begun and not ended: the thread reading it is held."""
    held = socket.create_connection(("127.0.0.1", port))
    held.sendall(b"GET /doc/id/actor/iran HTTP/1.1\r\nHost: x\r\n")
    return held


def test_a_connection_goes_to_the_worker_whose_thread_is_free(two_single_threaded_workers):
    server = two_single_threaded_workers
    iran = NamedNode(f"{BASE}id/actor/iran")
    for _ in range(TRIALS):
        held = _hold_a_thread(server.port)
        try:
            time.sleep(0.05)  # taken by one worker, whose only thread now waits for the rest
            started = time.monotonic()
            connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=2)
            try:
                connection.request("GET", "/doc/id/actor/iran", headers={"Accept": "text/turtle"})
                answer = connection.getresponse()
                body = answer.read()
            except TimeoutError:
                # Taken by the busy worker: it waits for the held request, which never ends
                # until the client sends the rest (here, after this answer).
                pytest.fail("a new connection waited for a busy worker while the other was free")
            finally:
                connection.close()
            assert time.monotonic() - started < 1
            assert answer.status == 200
            assert any(q.subject == iran for q in parse(body, format=RdfFormat.TURTLE))
            held.sendall(b"Accept: text/turtle\r\nConnection: close\r\n\r\n")
            held.settimeout(10)
            reply = b""
            while chunk := held.recv(65536):
                reply += chunk
            assert reply.startswith(b"HTTP/1.1 200")
        finally:
            held.close()
