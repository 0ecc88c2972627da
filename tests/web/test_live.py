"""`publisher serve` as a real process on a loopback port, read by real clients."""

from __future__ import annotations

import pytest
import rdflib
from rdflib import RDF, RDFS, URIRef
from SPARQLWrapper import CSV, JSON, TSV, XML, SPARQLWrapper

from tests.liveserver import LiveServer, free_port
from tests.markers import starts
from tests.web.fixture_release import make_home
from tests.web.web_helpers import SUP


@pytest.fixture(scope="module")
@starts("live")
def server(tmp_path_factory):
    """A running server over the fixture release rebased to its own address; always stopped."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    home = make_home(tmp_path_factory.mktemp("live") / "home", base)
    with LiveServer(home, home / "release", env={"HOME": str(home)}, port=port):
        yield base


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
