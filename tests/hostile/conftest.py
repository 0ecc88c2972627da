"""The hostile suite's fixtures: a real server with short limits, and canary listeners.

The canaries are plain TCP listeners on loopback. Every request in the suite that tries to make
the server reach out (SERVICE, FROM, LOAD, graph parameters, remote JSON-LD contexts,
redirects of a remote store) names a canary. No canary may ever be connected to: each test
that uses one fails if its canary was reached by the time the test ends, and the canaries are
checked once more, after a pause for connections still on their way, when the session is done
with them; whatever order the tests run in, and whichever of them run.
"""

from __future__ import annotations

import json
import os
import socket
import threading
import time
from pathlib import Path

import pytest

from tests.liveserver import Answer, LiveServer
from tests.markers import starts

TIME_LIMIT = 2.0  # seconds: short, so that the suite stays quick
ROW_CAP = 500
LIMITS = {
    "PUBLISHER_QUERY_TIMEOUT": str(TIME_LIMIT),
    "PUBLISHER_ROW_CAP": str(ROW_CAP),
    "PUBLISHER_QUERY_WORKERS": "3",
    "PUBLISHER_QUERY_MEMORY": "512",
    "PUBLISHER_STORE_TIMEOUT": "2",
}
# What must never show in an answer: tracebacks, source files, folders of this machine.
LEAKS = ("Traceback", 'File "', "site-packages", '.py"', ".py:", "/work/", "/root/", "/home/")


class Canary:
    """A TCP listener that counts the connections it gets (it answers none)."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        self.socket = socket.create_server((host, 0))
        self.host = host
        self.port = self.socket.getsockname()[1]
        self.accepted = 0  # counted on accepting, before anything is read
        self.connections: list[bytes] = []
        self.socket.settimeout(0.2)
        self._running = True
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def url(self, path: str = "/") -> str:
        return f"http://{self.host}:{self.port}{path}"

    def _serve(self) -> None:
        while self._running:
            try:
                connection, _ = self.socket.accept()
            except (TimeoutError, OSError):
                continue
            self.accepted += 1
            with connection:
                connection.settimeout(0.5)
                try:
                    self.connections.append(connection.recv(2048))
                except OSError:
                    self.connections.append(b"")

    def assert_untouched(self, settle: float = 0.0) -> None:
        """Nothing connected, after `settle` seconds for a connection on its way."""
        time.sleep(settle)
        assert self.accepted == 0 and self.connections == [], (
            f"{self.url()} was connected to: {self.connections}"
        )

    def close(self) -> None:
        self._running = False
        self._thread.join(timeout=2)
        self.socket.close()


@pytest.fixture(scope="session")
def canary_listener():
    """The canary of the whole session: checked a last time when no test needs it any more."""
    listener = Canary()
    yield listener
    try:
        listener.assert_untouched(settle=0.5)
    finally:
        listener.close()


@pytest.fixture
def canary(canary_listener: Canary):
    """The canary, checked after each test that names it: a connection fails that test."""
    canary_listener.assert_untouched()
    yield canary_listener
    canary_listener.assert_untouched()


@pytest.fixture(scope="session")
def canary2_listener():
    """A second canary on another loopback address (127.0.0.2), a "private" target."""
    try:
        listener = Canary("127.0.0.2")
    except OSError:
        pytest.skip("127.0.0.2 is not available on this machine")
    yield listener
    try:
        listener.assert_untouched(settle=0.5)
    finally:
        listener.close()


@pytest.fixture
def canary2(canary2_listener: Canary):
    canary2_listener.assert_untouched()
    yield canary2_listener
    canary2_listener.assert_untouched()


@pytest.fixture(scope="session")
def hostile_home(built_home: Path) -> Path:
    return built_home


@pytest.fixture(scope="session")
@starts("live")
def server(hostile_home: Path):
    """`publisher serve` over the real release, with a 2 s time limit and a 500-row cap."""
    with LiveServer(hostile_home, hostile_home / "release", env=LIMITS) as live:
        yield live


@pytest.fixture(scope="session")
@starts("live")
def production_server(hostile_home: Path):
    """The production configuration: gunicorn with deploy/gunicorn.conf.py (two workers), the
    same limits."""
    live = LiveServer(
        hostile_home, hostile_home / "release", env=LIMITS, gunicorn_workers=2
    ).start()
    yield live
    live.stop()


@pytest.fixture(params=["publisher-serve", "gunicorn"])
@starts("live")
def each_server(request: pytest.FixtureRequest) -> LiveServer:
    """Both ways the server runs: `publisher serve`, and gunicorn as in production."""
    name = "server" if request.param == "publisher-serve" else "production_server"
    live: LiveServer = request.getfixturevalue(name)
    return live


def release_state(link: Path) -> tuple:
    """Where the release link points and every file of the release, with sizes and times."""
    folder = link.resolve()
    files = sorted((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in folder.iterdir())
    return os.readlink(link), (folder / "SHA256SUMS").read_bytes(), files


def assert_safe(server: LiveServer, answer: Answer, status, before: tuple) -> None:
    """The answer has the status expected and leaks nothing; the server still answers a cheap
    query; the release is as it was."""
    expected = status if isinstance(status, tuple) else (status,)
    assert answer.status in expected, (answer.status, answer.text[:500])
    body = answer.text
    for leak in (*LEAKS, str(server.home)):
        assert leak not in body, f"the answer shows {leak!r}: {body[:500]}"
    follow = server.request(
        "GET", "/sparql?query=ASK%7B%7D", {"Accept": "application/sparql-results+json"}
    )
    assert follow.status == 200 and json.loads(follow.body)["boolean"] is True
    assert release_state(server.release) == before
