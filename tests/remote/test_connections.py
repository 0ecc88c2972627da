"""Connections to a remote store are kept between queries (publisher/store/http.py): one TCP
connection carries query after query; an answer cut short closes its connection rather than
leave its unread bytes for the next answer; a kept connection the store closed meanwhile (a
restart) is replaced without the query failing; a forked worker starts with none of its
parent's; a proxy named by the environment is still used. A real oxigraph server on loopback.
"""

from __future__ import annotations

import functools
import os
import urllib.request
from pathlib import Path

import pytest

from publisher.rdf import formats
from publisher.store import http
from publisher.store.errors import StoreUnavailable
from publisher.store.remote import RemoteStore
from tests.liveserver import free_port
from tests.markers import starts
from tests.remote.servers import OxigraphServer
from tests.web.fixture_release import make_home

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
EVERYTHING = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"


@pytest.fixture(scope="module")
def release(tmp_path_factory) -> Path:
    return make_home(tmp_path_factory.mktemp("connections") / "home") / "release"


@pytest.fixture(scope="module")
@starts("remote")
def server(release: Path, tmp_path_factory):
    with OxigraphServer(tmp_path_factory.mktemp("oxigraph"), persistent=True) as running:
        running.load(release)
        yield running


@pytest.fixture
def store(server: OxigraphServer):
    http.CONNECTIONS.close_all()  # each test starts with no kept connection
    return RemoteStore(server.query_url, timeout=20)


def kept(server: OxigraphServer) -> tuple[str, int] | None:
    """The idle connection to the server: its local address (None: none kept)."""
    idle = http.CONNECTIONS.idle(("http", "127.0.0.1", server.port))
    assert len(idle) <= 1  # one thread asks here
    if not idle or idle[0].sock is None:
        return None
    address: tuple[str, int] = idle[0].sock.getsockname()
    return address


def count(store: RemoteStore) -> int:
    return int(store.query(COUNT).rows[0]["n"].value)


def test_one_connection_carries_query_after_query(store, server):
    total = count(store)
    first = kept(server)
    assert first is not None
    for _ in range(5):
        assert count(store) == total
        assert kept(server) == first  # the same local port: the same TCP connection


def test_a_streamed_answer_read_to_its_end_gives_its_connection_back(store, server):
    count(store)
    first = kept(server)
    result = store.query(EVERYTHING, timeout=20, results_format=formats.RESULTS_JSON)
    assert kept(server) is None  # taken by the answer being read
    body = b"".join(result.chunks or [])
    assert body.endswith(b"]}}")
    assert kept(server) == first


def test_an_answer_cut_short_closes_its_connection(store, server):
    total = count(store)
    first = kept(server)
    result = store.query(EVERYTHING, timeout=20, results_format=formats.RESULTS_JSON)
    reader = result.raw()  # as the server reads it for its client
    next(reader)
    reader.close()  # the client went away after the first piece
    assert kept(server) is None  # its unread bytes went with it
    assert count(store) == total  # the next answer is whole and right, on a new connection
    assert kept(server) not in (None, first)


def test_a_connection_the_store_closed_is_replaced_without_a_failure(store, server):
    total = count(store)
    before = kept(server)
    assert before is not None
    server.stop()  # the kept connection is now closed at the store's end
    server.start()
    assert count(store) == total
    assert kept(server) not in (None, before)


def test_a_forked_process_starts_with_no_kept_connection(store, server):
    count(store)
    assert kept(server) is not None
    child = os.fork()
    if child == 0:  # pragma: no cover - the child reports by its exit status only
        os._exit(0 if kept(server) is None else 1)
    _, status = os.waitpid(child, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert kept(server) is not None  # the parent keeps its own


def test_a_proxy_named_by_the_environment_is_used(store, monkeypatch):
    port = free_port()  # nothing listens there: the proxy cannot be reached
    for name in ("no_proxy", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("http_proxy", f"http://127.0.0.1:{port}")
    # Proxies are read once per process, as a server starts: read afresh for this test.
    monkeypatch.setattr(http, "environment_proxies", functools.cache(urllib.request.getproxies))
    with pytest.raises(StoreUnavailable, match="connection refused"):
        count(store)
