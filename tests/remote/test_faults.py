"""A remote store that is down, frozen, or answering wrongly: the publisher answers 502, 503 or
504 with a clear message within a bounded time, stays up, and serves again by itself as soon
as the store is back. The store is a real oxigraph server, stopped, frozen and restarted."""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest

from publisher.web import create_app
from tests.liveserver import LiveServer
from tests.markers import starts
from tests.remote.servers import MisbehavingStore, OxigraphServer
from tests.web.fixture_release import app_config, make_home

# Bounds on how long a server takes: `make test` runs these with no second worker beside them.
pytestmark = pytest.mark.timing

ACTOR = "/doc/id/actor/iran"
ASK = "/sparql?query=ASK%20%7B%20%3Fs%20%3Fp%20%3Fo%20%7D"
STORE_TIMEOUT = 2.0
QUERY_TIMEOUT = 3.0
SLACK = 2.0  # for a loaded test machine


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> Path:
    return make_home(tmp_path_factory.mktemp("faults") / "home")


@pytest.fixture(scope="module")
@starts("remote")
def oxigraph(home: Path, tmp_path_factory):
    """A server keeping its data on disk, so that it comes back from a restart as it was."""
    with OxigraphServer(tmp_path_factory.mktemp("oxigraph"), persistent=True) as server:
        server.load(home / "release")
        yield server


@pytest.fixture(scope="module")
@starts("live")
def publisher(home: Path, oxigraph: OxigraphServer):
    """`publisher serve --store URL` as a real process on a loopback port; always stopped."""
    env = {
        "PUBLISHER_STORE_TIMEOUT": str(STORE_TIMEOUT),
        "PUBLISHER_QUERY_TIMEOUT": str(QUERY_TIMEOUT),
    }
    with LiveServer(home, home / "release", env=env, store=oxigraph.query_url) as server:
        yield server.process, server.url


def fetch(url: str, accept: str = "application/n-quads") -> tuple[int, dict, bytes, float]:
    """Status, headers, body and seconds taken; an error status is an answer, not a failure."""
    request = urllib.request.Request(url, headers={"Accept": accept})
    started = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return (
                response.status,
                dict(response.headers),
                response.read(),
                time.monotonic() - started,
            )
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read(), time.monotonic() - started


def canonical(body: bytes) -> set[ox.Quad]:
    dataset = ox.Dataset(ox.parse(body, format=ox.RdfFormat.N_QUADS))
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    return set(dataset)


def test_store_down_gives_503_then_service_comes_back_by_itself(publisher, oxigraph):
    process, base = publisher
    status, _, before, _ = fetch(base + ACTOR)
    assert status == 200 and canonical(before)

    oxigraph.stop()
    try:
        for path in (ACTOR, ASK):
            status, headers, body, took = fetch(base + path, accept="text/plain")
            assert status == 503, body
            assert took < 1 + SLACK
            text = body.decode()
            assert "SPARQL store" in text and "cannot be reached" in text
            assert "Traceback" not in text and oxigraph.query_url not in text
            assert headers["Retry-After"] == "5"
        # What needs no store is still served, and the process is up.
        assert fetch(base + "/download/", accept="application/json")[0] == 200
        assert process.poll() is None
    finally:
        oxigraph.start()

    status, _, after, _ = fetch(base + ACTOR)
    assert status == 200
    assert canonical(after) == canonical(before)
    assert fetch(base + ASK, accept="application/sparql-results+json")[0] == 200


def test_frozen_store_gives_504_and_the_query_limit_503_in_bounded_time(publisher, oxigraph):
    process, base = publisher
    # The endpoint knows the store's graphs once it has answered (it checks dataset IRIs).
    assert fetch(base + ASK, accept="application/sparql-results+json")[0] == 200
    oxigraph.pause()
    try:
        status, _, body, took = fetch(base + ACTOR, accept="text/plain")
        assert status == 504, body
        assert STORE_TIMEOUT - 0.5 < took < STORE_TIMEOUT + SLACK
        assert b"did not answer within 2 s" in body

        status, _, body, took = fetch(base + ASK, accept="text/plain")
        assert status == 503, body
        assert QUERY_TIMEOUT - 0.5 < took < QUERY_TIMEOUT + SLACK
        assert b"time limit" in body
        assert process.poll() is None
    finally:
        oxigraph.resume()
    assert fetch(base + ACTOR)[0] == 200


@pytest.mark.parametrize(
    "mode, status, words",
    [
        ("error", 502, "failed (500"),
        ("not found", 502, "failed (404"),
        ("busy", 503, "busy (503)"),
        ("gateway timeout", 504, "timed out (504)"),
        ("garbage", 502, "broken application/sparql-results+json answer"),
        ("truncated", 502, "broken application/sparql-results+json answer"),
        ("html", 502, "neither SPARQL results nor RDF"),
        ("close", 502, "closed the connection"),
    ],
)
def test_a_store_answering_wrongly_gives_a_clear_5xx(home, mode, status, words):
    with MisbehavingStore(mode) as store:
        app = create_app(app_config(home, home / "release", STORE=store.url, STORE_TIMEOUT=5))
        client = app.test_client()
        for path in (ACTOR, "/sparql?query=ASK%7B%7D", "/"):
            started = time.monotonic()
            response = client.get(path, headers={"Accept": "text/plain"})
            assert time.monotonic() - started < 5
            text = response.get_data(as_text=True)
            assert response.status_code == status, (path, text)
            assert words in text and "Traceback" not in text, text
        assert store.requests >= 3


def test_redirects_are_never_followed(home):
    with (
        MisbehavingStore("ok") as elsewhere,
        MisbehavingStore("redirect", location=elsewhere.url) as store,
    ):
        app = create_app(app_config(home, home / "release", STORE=store.url))
        response = app.test_client().get("/sparql?query=ASK%7B%7D")
        assert response.status_code == 502
        assert "redirect" in response.get_data(as_text=True)
        assert store.requests == 1 and elsewhere.requests == 0


@pytest.mark.remote
def test_the_publisher_starts_while_the_store_is_down(home, tmp_path):
    """A worker (re)started during an outage comes up, answers 503, then serves."""
    server = OxigraphServer(tmp_path / "oxigraph")
    app = create_app(app_config(home, home / "release", STORE=server.query_url))
    client = app.test_client()
    assert client.get(ACTOR).status_code == 503
    with server:
        server.load(home / "release")
        response = client.get(ACTOR, headers={"Accept": "text/turtle"})
        assert response.status_code == 200
        assert client.get("/").status_code == 200
