"""A remote store that cannot reach out: the topology of docs/deployment.md, run for real.

An Oxigraph server runs in a network namespace of its own (deploy/isolated-store.sh), with an
egress firewall (deploy/store-egress.nft). It is asked, with no guard in the way, to fetch from
canaries on the host: with the firewall nothing reaches them, and without it (the control) the
same query does, so the test can see an outbound call when there is one. The publisher still
queries the store normally.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from publisher.store.errors import QueryError
from publisher.store.remote import RemoteStore
from publisher.web import create_app
from tests.hostile.conftest import Canary
from tests.remote.servers import free_port, oxigraph_binary, stop
from tests.web.fixture_release import app_config

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "deploy" / "isolated-store.sh"
RULES = ROOT / "deploy" / "store-egress.nft"
HOST_IP, STORE_IP = "10.203.61.1", "10.203.61.2"

pytestmark = [
    pytest.mark.remote,
    pytest.mark.live,
    pytest.mark.skipif(os.geteuid() != 0, reason="network namespaces need root"),
    pytest.mark.skipif(
        not (shutil.which("ip") and shutil.which("nft")),
        reason="needs iproute2 and nftables (.ci/run installs them)",
    ),
]


@pytest.fixture(scope="module")
def isolated_store(built_home: Path, tmp_path_factory):
    """The release in an Oxigraph server inside its own namespace: (namespace, query URL)."""
    name = f"pubst{os.getpid() % 100000}"
    folder = tmp_path_factory.mktemp("isolated-store")
    subprocess.run(
        [
            oxigraph_binary(),
            "load",
            "--location",
            str(folder / "data"),
            "--file",
            str(built_home / "release" / "dataset.nq"),
        ],
        check=True,
        capture_output=True,
    )
    subprocess.run(["bash", str(SCRIPT), "down", name], check=False, capture_output=True)
    subprocess.run(["bash", str(SCRIPT), "up", name, HOST_IP, STORE_IP], check=True)
    port = free_port()
    log = open(folder / "oxigraph.log", "wb")  # noqa: SIM115 - closed below
    server = subprocess.Popen(
        [
            "ip",
            "netns",
            "exec",
            name,
            oxigraph_binary(),
            "serve-read-only",
            "--location",
            str(folder / "data"),
            "--bind",
            f"{STORE_IP}:{port}",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://{STORE_IP}:{port}/query"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(url + "?query=ASK%7B%7D", timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise AssertionError((folder / "oxigraph.log").read_text()) from None
                time.sleep(0.1)
        yield name, url
    finally:
        stop(server)
        log.close()
        subprocess.run(["bash", str(SCRIPT), "down", name], check=False, capture_output=True)


def _fetch_attempts(url: str, canaries: list[Canary]) -> int:
    """Ask the store (no guard in the way) to fetch from each canary; how many were reached."""
    store = RemoteStore(url, timeout=10)
    for canary in canaries:
        for query in (
            f"SELECT * WHERE {{ SERVICE <{canary.url('/sparql')}> {{ ?s ?p ?o }} }}",
            f"SELECT * WHERE {{ SERVICE SILENT <{canary.url('/sparql')}> {{ ?s ?p ?o }} }}",
        ):
            with contextlib.suppress(QueryError):
                list(store.query(query, timeout=8).stream())
    time.sleep(0.5)
    return sum(len(canary.connections) for canary in canaries)


def test_the_isolated_store_reaches_no_canary_and_the_control_does(isolated_store):
    name, url = isolated_store
    host_side = Canary("0.0.0.0")  # reachable through the veth link, were it allowed
    host_side.host = HOST_IP
    loopback = Canary("127.0.0.1")  # the host's loopback: another namespace's is its own
    try:
        assert _fetch_attempts(url, [host_side, loopback]) == 0
        # The control: without the egress firewall, the same query does reach the host.
        subprocess.run(["ip", "netns", "exec", name, "nft", "flush", "ruleset"], check=True)
        try:
            assert _fetch_attempts(url, [host_side]) > 0
        finally:
            subprocess.run(["ip", "netns", "exec", name, "nft", "-f", str(RULES)], check=True)
        host_side.connections.clear()
        assert _fetch_attempts(url, [host_side, loopback]) == 0
    finally:
        host_side.close()
        loopback.close()


def test_the_publisher_queries_the_isolated_store(built_home: Path, isolated_store):
    _, url = isolated_store
    app = create_app(app_config(built_home, built_home / "release", STORE=url))
    client = app.test_client()
    answer = client.get(
        "/sparql",
        query_string={"query": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"},
        headers={"Accept": "application/sparql-results+json"},
    )
    assert answer.status_code == 200
    count = int(answer.get_json()["results"]["bindings"][0]["n"]["value"])
    manifest = (built_home / "release" / "release.json").read_text()
    assert f'"triples": {count},' in manifest
    assert client.get("/id/actor/iran", headers={"Accept": "text/turtle"}).status_code == 303
