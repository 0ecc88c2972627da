"""`publisher serve` as a real process on a loopback port, read by real clients."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import rdflib
from rdflib import RDF, RDFS, URIRef
from SPARQLWrapper import CSV, JSON, TSV, XML, SPARQLWrapper

from tests.web.fixture_release import make_home
from tests.web.web_helpers import SUP

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.live


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A running server over the fixture release rebased to its own address; always stopped."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    home = make_home(tmp_path_factory.mktemp("live") / "home", base)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(home)}
    command = [
        sys.executable,
        "-m",
        "publisher",
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--home",
        str(home),
        "--release",
        str(home / "release"),
        "--store",
        "embedded",
    ]
    # Output goes to a file, not a pipe: a full pipe would stall the server.
    with open(home / "serve.log", "wb") as log:
        process = subprocess.Popen(command, cwd=home, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            _wait_until_ready(base, process, home / "serve.log")
            yield base
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _wait_until_ready(base: str, process: subprocess.Popen, log: Path, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"publisher serve exited: {log.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(base + "sparql", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise AssertionError("publisher serve did not answer in time")


QUERY = (
    f"SELECT ?claim ?subject WHERE {{ ?claim a <{SUP.Claim}> ; <{SUP.subject}> ?subject }} "
    "ORDER BY ?claim"
)


def _wrapper(base: str, fmt: str) -> SPARQLWrapper:
    sparql = SPARQLWrapper(base + "sparql")
    sparql.setQuery(QUERY.replace(str(SUP), base + "def/"))
    sparql.setReturnFormat(fmt)
    return sparql


def test_sparqlwrapper_json(server):
    bindings = _wrapper(server, JSON).query().convert()["results"]["bindings"]
    assert bindings and all(b["claim"]["value"].startswith(server + "id/claim/") for b in bindings)


def test_sparqlwrapper_xml(server):
    document = _wrapper(server, XML).query().convert()
    assert document.getElementsByTagName("result")


@pytest.mark.parametrize("fmt, separator", [(CSV, ","), (TSV, "\t")])
def test_sparqlwrapper_csv_and_tsv(server, fmt, separator):
    text = _wrapper(server, fmt).query().convert().decode("utf-8")
    header, *rows = text.strip().splitlines()
    assert header.replace("?", "").split(separator) == ["claim", "subject"]
    assert rows


def test_rdflib_reads_a_description_by_content_negotiation(server):
    actor = URIRef(server + "id/actor/iran")
    graph = rdflib.Graph().parse(str(actor))
    assert (actor, RDF.type, URIRef(server + "def/State")) in graph
    assert any(label.language == "ar" for label in graph.objects(actor, RDFS.label))
    assert (None, URIRef(server + "def/subject"), actor) in graph
